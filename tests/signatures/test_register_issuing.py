"""The signature register issues from a real manifest: who signs each document comes
from the manifest, what is not a manifest is refused in words, and a new copy of an
issued document only as a reissue. SQLite always, PostgreSQL when
CONVENTIO_TEST_POSTGRES_URL is set."""

from __future__ import annotations

import json

import pytest

from generator.errors import ConventioError
from signatures.store import sha256
from tests.support.register import (
    PROVIDER_AMENDMENT,
    SIXTH,
    T0,
    assert_three_ways_agree,
    corpus_fixture,
    day,
    doc_id,
    fake_manifest,
    real_manifests_fixture,
    register_fixture,
    register_url_fixture,
    sign,
)

register_url = register_url_fixture()
corpus = corpus_fixture()
register = register_fixture()
real_manifests = real_manifests_fixture()


# --- roles ---------------------------------------------------------------------


def test_the_roles_come_from_the_manifest_not_from_the_corpus(register, corpus, tmp_path):
    # the corpus has the sixth amendment signed by the committee, the network and
    # the hospital; what generation wrote into the manifest is what the register keeps
    path = fake_manifest(tmp_path / "m", ["net-01"], SIXTH, signatories=("network",))
    register.issue_from_manifest(path, now=T0)
    issued = register.issued_document(doc_id("net-01"))
    assert issued.required_roles == ("network",)
    assert issued.data["signers"] == {"network": "net-01"}
    assert issued.data["provider_kind"] == ""


def test_a_manifest_without_roles_is_refused_in_words(register, corpus, tmp_path):
    path = fake_manifest(tmp_path / "old", ["net-01", "net-02"])
    data = json.loads(path.read_text(encoding="utf-8"))
    for entry in data["documents"]:  # as a conventio from before roles in manifests wrote it
        for name in ("provider_kind", "roles", "signers"):
            del entry[name]
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ConventioError) as refused:
        register.issue_from_manifest(path, now=T0)
    message = str(refused.value)
    assert "written by an older conventio" in message and "conventio generate" in message
    assert "Traceback" not in message
    assert register.events() == []


# --- issuing ------------------------------------------------------------------


def test_issue_from_a_real_manifest(register, corpus, real_manifests):
    folder = real_manifests["sixth"]
    assert register.issue_from_manifest(folder / "manifest.json", now=T0) == 2
    # the same manifest again: nothing new
    assert register.issue_from_manifest(folder, now=day(1)) == 0
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    entry = next(e for e in manifest["documents"] if e["party"] == "net-01")
    issued = register.issued_document(entry["document_id"])
    assert issued.kind == "issued" and issued.when == T0
    assert issued.source == SIXTH and issued.party == "net-01"
    assert issued.required_roles == ("committee", "network", "hospital")
    data = issued.data
    assert data["content_hash"] == entry["content_hash"]
    assert data["files"]["docx"]["sha256"] == entry["files"]["docx"]["sha256"]
    assert data["network"] == "net-01" and data["language"] == "fr"
    copy = register.issued_file_bytes(entry["document_id"], "docx")
    assert copy == (folder / entry["files"]["docx"]["path"]).read_bytes()
    with pytest.raises(ConventioError, match="not issued as PDF"):
        register.issued_file_bytes(entry["document_id"], "pdf")
    found = register.find_by_sha(entry["files"]["docx"]["sha256"])
    assert [(f.document_id, f.what) for f in found] == [(entry["document_id"], "issued docx")]
    assert register.find_by_content_hash(entry["content_hash"]) == [entry["document_id"]]
    assert register.find_by_content_hash("f" * 64) == []
    status = register.status(entry["document_id"])
    assert status.state == "issued" and status.missing_roles == issued.required_roles


def test_provider_documents_need_the_provider_or_the_organisation(register, corpus, real_manifests):
    parties = real_manifests["parties"]
    count = register.issue_from_manifest(real_manifests["providers"], now=T0)
    issued = register.issued_documents()
    assert count == len(issued) > 2
    kinds = set()
    for event in issued.values():
        provider = parties.provider(event.data["provider"])
        kinds.add(provider.party_type)
        own = "provider" if provider.party_type == "psychologist" else "organisation"
        assert event.required_roles == (own, "network", "hospital")
        signers = event.data["signers"]
        assert signers[own] == provider.id
        assert signers["network"] == "net-03"
        assert signers["hospital"] == parties.network("net-03").hospital
    assert kinds == {"psychologist", "organisation"}


def test_the_provider_kind_comes_from_the_manifest(register, corpus, tmp_path):
    path = fake_manifest(
        tmp_path / "m",
        ["psy-0001@net-01", "org-0001@net-01"],
        PROVIDER_AMENDMENT,
        provider_of={"psy-0001@net-01": "psy-0001", "org-0001@net-01": "org-0001"},
    )
    register.issue_from_manifest(path, now=T0)
    assert register.issued_document(doc_id("psy-0001@net-01", PROVIDER_AMENDMENT)).roles == (
        "provider network hospital"
    )
    assert register.issued_document(doc_id("org-0001@net-01", PROVIDER_AMENDMENT)).roles == (
        "organisation network hospital"
    )
    # a provider whose kind the manifest does not give: refused, whatever its id says
    odd = fake_manifest(
        tmp_path / "odd", ["x-1@net-01"], PROVIDER_AMENDMENT, provider_of={"x-1@net-01": "x-1"}
    )
    with pytest.raises(ConventioError, match=r"provider kind '' does not fit its provider 'x-1'"):
        register.issue_from_manifest(odd, now=T0)


@pytest.mark.parametrize(
    ("change", "said"),
    [
        ({"provider_kind": "organisation"}, "who does not sign as provider"),
        ({"provider_kind": "notary"}, "provider kind 'notary' does not fit"),
        ({"roles": ["provider", "notary"]}, "are not different roles among committee"),
        ({"roles": ["provider", "provider"]}, "are not different roles"),
        ({"signers": {"provider": "psy-0001"}}, "does not name one signer (or none) per role"),
        (
            {"signers": {"provider": "psy-0002", "network": "net-01", "hospital": None}},
            "its provider signer 'psy-0002' is not its provider 'psy-0001'",
        ),
        (
            {"signers": {"provider": "psy-0001", "network": "net-01", "hospital": "h 1"}},
            "its hospital signer 'h 1' is not a party id",
        ),
    ],
)
def test_who_signs_must_fit_the_entry(register, corpus, tmp_path, change, said):
    path = fake_manifest(
        tmp_path / "m",
        ["psy-0001@net-01"],
        PROVIDER_AMENDMENT,
        provider_of={"psy-0001@net-01": "psy-0001"},
    )
    data = json.loads(path.read_text(encoding="utf-8"))
    data["documents"][0].update(change)
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ConventioError) as refused:
        register.issue_from_manifest(path, now=T0)
    assert said in str(refused.value) and "nothing was recorded" in str(refused.value)
    assert register.events() == []


def test_what_is_not_a_manifest_is_refused(register, corpus, tmp_path):
    cases = {
        "not json": "{",
        "no documents": '{"files": []}',
        "empty": '{"documents": []}',
        "missing field": json.dumps({"documents": [{"document_id": "x"}]}),
    }
    for name, text in cases.items():
        path = tmp_path / name / "manifest.json"
        path.parent.mkdir()
        path.write_text(text, encoding="utf-8")
        with pytest.raises(ConventioError, match="is not a conventio manifest"):
            register.issue_from_manifest(path)
    with pytest.raises(ConventioError, match="no manifest at"):
        register.issue_from_manifest(tmp_path / "nowhere")
    # a file changed after generation, a file gone, a name leaving the folder
    good = fake_manifest(tmp_path / "good", ["net-01"])
    (good.parent / "doc-00000.docx").write_bytes(b"changed")
    with pytest.raises(ConventioError, match="changed after generation"):
        register.issue_from_manifest(good)
    (good.parent / "doc-00000.docx").unlink()
    with pytest.raises(ConventioError, match="not in"):
        register.issue_from_manifest(good)
    data = json.loads(good.read_text(encoding="utf-8"))
    data["documents"][0]["files"]["docx"]["path"] = "../escape.docx"
    good.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ConventioError, match="not a file name in its folder"):
        register.issue_from_manifest(good)
    assert register.events() == []


def test_a_new_copy_of_an_issued_document_is_refused_unless_reissued(register, corpus, tmp_path):
    first = fake_manifest(tmp_path / "a", ["net-01"])
    register.issue_from_manifest(first, now=T0)
    sign(register, doc_id("net-01"), "network", now=day(1))
    changed = fake_manifest(tmp_path / "b", ["net-01", "net-02"], content="v2")
    with pytest.raises(ConventioError, match=r"issued before with other content.*net-01"):
        register.issue_from_manifest(changed, now=day(2))
    assert len(register.events()) == 2  # net-02 was not recorded either
    assert register.issue_from_manifest(changed, now=day(2), reissue=True) == 2
    status = register.status(doc_id("net-01"))
    assert status.state == "issued" and status.signed == {} and status.issued_at == day(2)
    assert register.statuses()[doc_id("net-01")] == status
    assert_three_ways_agree(register)
    # both copies stay findable
    assert len(register.find_by_sha(sha256((first.parent / "doc-00000.docx").read_bytes()))) == 1
