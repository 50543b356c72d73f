"""Who may sign, through the real command line: each role by its own signer, each
party with its own certificate, a certificate for one party, until the party file
says otherwise."""

from __future__ import annotations

import pytest
import yaml

from signatures.samples.signing_ca import signing_ca
from tests.support.signatures_flow import (
    EXAMPLES,
    NET01,
    NET02,
    fresh_register,
    import_,
    signed_copy,
    status_of,
)

pytestmark = pytest.mark.libreoffice


def test_one_certificate_for_two_roles_is_refused(world, tmp_path):
    register = fresh_register(world, tmp_path)
    twice = signed_copy(
        world, tmp_path, "twice.pdf", "net-01", [("network", "network"), ("committee", "network")]
    )
    result = import_(register, world, twice)
    assert result.exit_code == 1, result.output
    assert (
        "rejected (" + NET01 + "): Jean Dupont signed for the committee and the network with "
        "one certificate: each role must be signed by its own signer (only the hospital and "
        "the network may share one)." in result.output
    )
    # on two copies, imported one after the other: the register remembers the first
    network = signed_copy(world, tmp_path, "network.pdf", "net-01", [("network", "network")])
    assert import_(register, world, network).exit_code == 0
    committee = signed_copy(world, tmp_path, "committee.pdf", "net-01", [("committee", "network")])
    result = import_(register, world, committee)
    assert result.exit_code == 1, result.output
    assert (
        "Jean Dupont signed for the committee with the certificate that already signed for "
        "the network (registered on " in result.output
    )
    # the hospital that represents the network may sign with the network's certificate
    shared = signed_copy(world, tmp_path, "shared.pdf", "net-01", [("hospital", "network")])
    result = import_(register, world, shared)
    assert result.exit_code == 0, result.output
    assert "recorded signatures: hospital" in result.output


def test_a_party_signs_with_its_own_certificate(world, tmp_path):
    """hosp-01 represents both net-01 and net-02. Marie Lambert signs net-01's copy for it
    (learned on first use); then the network's signer, Jean Dupont, signs net-02's copy in
    its place: refused, until the party file lists his certificate for hosp-01."""
    register = fresh_register(world, tmp_path)
    first = signed_copy(world, tmp_path, "first.pdf", "net-01", [("hospital", "hospital")])
    assert import_(register, world, first).exit_code == 0
    other = signed_copy(world, tmp_path, "other.pdf", "net-02", [("hospital", "network")])
    result = import_(register, world, other)
    assert result.exit_code == 1, result.output
    said = result.output
    assert (
        f"other.pdf: rejected ({NET02}): The signature for the hospital (field "
        "“sig_hospital”) is by Jean Dupont, but hosp-01 signs with the certificate of Marie "
        "Lambert, registered on " in said
    )
    assert f"({NET01}). If hosp-01 now signs with this certificate, add its fingerprint" in said
    assert "hospital (hosp-01): not signed" in status_of(register, NET02)

    jean = signing_ca().people["network"].fingerprint
    parties = yaml.safe_load(EXAMPLES.read_text(encoding="utf-8"))
    hospital = next(h for h in parties["hospitals"] if h["id"] == "hosp-01")
    hospital["signing_certificates"] = [jean]
    listing = tmp_path / "parties.yaml"
    listing.write_text(yaml.safe_dump(parties, allow_unicode=True), encoding="utf-8")
    result = import_(register, world, other, extra=("--parties", str(listing)))
    assert result.exit_code == 0, result.output
    assert "recorded signatures: hospital" in result.output
    # the list replaces what was learned: Marie Lambert's certificate is not in it
    marie = signed_copy(world, tmp_path, "marie.pdf", "net-02", [("hospital", "hospital")])
    result = import_(register, world, marie, extra=("--parties", str(listing)))
    assert result.exit_code == 1, result.output
    assert (
        "is by Marie Lambert, but hosp-01 signs with the certificate "
        f"{jean[:16]}… (its signing_certificates in the party file)" in result.output
    )


def test_a_certificate_signs_for_one_party(world, tmp_path):
    """Jean Dupont signs for net-01 as its network; then for net-02 as its network too:
    refused, until net-02's party file lists his certificate."""
    register = fresh_register(world, tmp_path)
    first = signed_copy(world, tmp_path, "first.pdf", "net-01", [("network", "network")])
    assert import_(register, world, first).exit_code == 0
    second = signed_copy(world, tmp_path, "second.pdf", "net-02", [("network", "network")])
    result = import_(register, world, second)
    assert result.exit_code == 1, result.output
    assert (
        f"second.pdf: rejected ({NET02}): The signature for the network (field “sig_network”) "
        "is by Jean Dupont, whose certificate signs for net-01 as the network (registered on "
        in result.output
    )
    jean = signing_ca().people["network"].fingerprint
    parties = yaml.safe_load(EXAMPLES.read_text(encoding="utf-8"))
    network = next(n for n in parties["networks"] if n["id"] == "net-02")
    network["signing_certificates"] = f"Jean Dupont; {jean}"
    listing = tmp_path / "parties.yaml"
    listing.write_text(yaml.safe_dump(parties, allow_unicode=True), encoding="utf-8")
    result = import_(register, world, second, extra=("--parties", str(listing)))
    assert result.exit_code == 0, result.output
    assert "recorded signatures: network" in result.output
