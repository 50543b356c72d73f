"""A wheel (`pip install .`, not editable) carries the shipped corpus and
templates and finds them wherever it is installed; a checkout uses its own
top-level folders. CI also installs the wheel with its dependencies into a
fresh virtual environment (.ci/run)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from generator.shipped import shipped_folder
from tests.support.paths import ROOT

#: what building the package reads
SOURCES = ("pyproject.toml", "setup.py", "README.md", "generator", "signatures", "conventions",
           "templates")  # fmt: skip
EXAMPLES = ROOT / "examples" / "parties.yaml"


def test_a_checkout_uses_its_own_folders():
    assert shipped_folder("conventions") == ROOT / "conventions"
    assert shipped_folder("templates") == ROOT / "templates"
    with pytest.raises(ValueError, match="not a shipped folder"):
        shipped_folder("examples")


PIP = ["-m", "pip", "--disable-pip-version-check", "-q"]
#: pip's and the commands' environment: no PYTHONPATH (the installed package is
#: tried, not this checkout), no CONVENTIO_* setting, no pip warning about root
CLEAN = {
    k: v for k, v in os.environ.items() if k != "PYTHONPATH" and not k.startswith("CONVENTIO_")
} | {"PIP_ROOT_USER_ACTION": "ignore"}


def copy_sources(target: Path) -> Path:
    """What building the package reads, copied: nothing is written into the checkout."""
    target.mkdir()
    for name in SOURCES:
        if (ROOT / name).is_dir():
            ignore = shutil.ignore_patterns("__pycache__")
            shutil.copytree(ROOT / name, target / name, ignore=ignore)
        else:
            shutil.copy2(ROOT / name, target / name)
    return target


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The wheel built from a copy of the sources, installed without its
    dependencies into a folder of its own."""
    tmp = tmp_path_factory.mktemp("wheel")
    source = copy_sources(tmp / "source")
    pip = [sys.executable, *PIP]
    quiet = CLEAN
    subprocess.run([*pip, "wheel", str(source), "--no-deps", "-w", str(tmp / "dist")],
                   check=True, timeout=600, env=quiet)  # fmt: skip
    (wheel,) = (tmp / "dist").glob("conventio-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "generator/_shipped/conventions/inami-network-2021/avenant-06.yaml" in names
    assert "generator/_shipped/templates/fr/amendment-inami-network.docx" in names
    for lang in ("fr", "nl", "de"):  # the catalogues of the documents' words (issue 14)
        assert f"generator/locale/{lang}/LC_MESSAGES/conventio.mo" in names
        assert f"generator/_shipped/templates/{lang}/circular.docx" in names
    site = tmp / "site"
    subprocess.run([*pip, "install", "--no-deps", "--no-index", "--target", str(site), str(wheel)],
                   check=True, timeout=600, env=quiet)  # fmt: skip
    return site


def conventio(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    """The installed `conventio` script, run from `cwd`, seeing only the
    installed package (its dependencies come from this Python)."""
    env = CLEAN | {"PYTHONPATH": str(site)}
    return subprocess.run([sys.executable, str(site / "bin" / "conventio"), *args], cwd=cwd,
                          env=env, capture_output=True, text=True, timeout=600)  # fmt: skip


def test_the_installed_wheel_checks_shows_and_generates_from_anywhere(installed, tmp_path):
    inside = installed.resolve() / "generator" / "_shipped"
    checked = conventio(installed, tmp_path, "check")
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.startswith("corpus OK: 2 amendment(s)")
    assert f"in {inside / 'conventions'}" in checked.stdout
    shown = conventio(installed, tmp_path, "show", "inami-network-2021", "--at", "2023-10-01")
    assert shown.returncode == 0, shown.stderr
    assert "Article 14/1" in shown.stdout
    templates = conventio(installed, tmp_path, "templates", "check")
    assert templates.returncode == 0, templates.stderr
    assert f"in {inside / 'templates'}" in templates.stdout
    made = conventio(installed, tmp_path, "generate", "inami-network-2021/avenant-06",
                     "--parties", str(EXAMPLES), "--only", "net-01", "--format", "docx",
                     "--out", "out")  # fmt: skip
    assert made.returncode == 0, made.stderr
    docx = tmp_path / "out" / "inami-network-2021" / "avenant-06" / "net-01.fr.docx"
    assert zipfile.ZipFile(docx).read("word/document.xml")


def test_an_editable_install_uses_the_folders_of_its_checkout(tmp_path):
    checkout = copy_sources(tmp_path / "checkout")
    venv = tmp_path / "venv"
    # the dependencies come from this Python's site-packages
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)],
                   check=True, timeout=600)  # fmt: skip
    python = venv / "bin" / "python"
    subprocess.run([str(python), *PIP, "install", "--no-deps", "-e", str(checkout)],
                   check=True, timeout=600, env=CLEAN)  # fmt: skip
    for command, folder in (("check", "conventions"), ("templates", "templates")):
        args = [command, "check"] if command == "templates" else [command]
        done = subprocess.run([str(venv / "bin" / "conventio"), *args], cwd=tmp_path, env=CLEAN,
                              capture_output=True, text=True, timeout=600)  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert done.stdout.rstrip().endswith(f" in {checkout.resolve() / folder}"), done.stdout
