"""Where the corpus and the Word templates that come with conventio are.

In a checkout, and in an editable install (`pip install -e .`), they are the
folders at the top of the repository, `conventions/` and `templates/`: an edit
there is seen at once. A wheel (`pip install .`) carries copies of them inside
the package, as `generator/_shipped/conventions/` and
`generator/_shipped/templates/` (setup.py maps them there), found through
`importlib.resources` wherever the package is installed.

`CONVENTIO_CORPUS`, `CONVENTIO_TEMPLATES` and the options `--corpus` and
`--templates` choose other folders; see `corpus.folder.default_corpus_dir` and
`generation.batch.default_templates_dir`."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

#: the folder inside the installed package that holds the shipped folders
INSIDE = "_shipped"
#: the folders shipped: the corpus and the Word templates
FOLDERS = ("conventions", "templates")


def shipped_folder(name: str) -> Path:
    """The shipped folder `name` (one of FOLDERS): the copy inside an installed
    package, else the checkout's folder beside the package."""
    if name not in FOLDERS:
        raise ValueError(f"{name!r} is not a shipped folder (one of {', '.join(FOLDERS)})")
    package = Path(str(files("generator"))).resolve()
    inside = package / INSIDE / name
    return inside if inside.is_dir() else package.parent / name
