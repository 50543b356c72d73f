"""The head of a document: the letterhead of whoever issues it, and the head
of a circular letter.

Who issues each kind of document is decided once, in
`generator.model.signing.issuer`: INAMI (its conventions with the networks,
their amendments, its letters) or the network (the model convention with its
providers and its amendments). A template prints INAMI's letterhead as its own
fixed words, and the network's from the party data: its name and address,
which a network–provider copy therefore needs (generation stops, naming the
network and the field, when the party file lacks one).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generator.catalogue import catalogue
from generator.model.documents import Circular
from generator.model.signing import issuer
from generator.rendering.language import TextPicker

#: the letterhead's lines when a network issues the document: its name and address
NETWORK_LETTERHEAD = ("{network.name|}", "{network.address|}")


def letterhead_context(convention_kind: str | None, fill: Callable[[str], str]) -> dict[str, Any]:
    """`issuer` ("inami" or "network") and `issuer_lines` (the network's name
    and address; none for INAMI, whose letterhead is the template's)."""
    who = issuer(convention_kind)
    lines = [fill(line) for line in NETWORK_LETTERHEAD] if who == "network" else []
    return {"issuer": who, "issuer_lines": lines}


def circular_context(
    circular: Circular, pick: TextPicker, fill: Callable[[str], str], lang: str
) -> dict[str, Any]:
    """What a circular letter prints besides its body, each in the corpus's words:
    the sender, to whom, the service and its contacts, the reference, the place
    and date, the subject, the salutation and the signatory."""
    subject = [fill(pick(s, "subject")) for s in circular.subject]
    words = catalogue(lang)
    return {
        "title": " ".join(subject),
        # (a text the corpus does not give prints as "": `pick` says so)
        "sender": pick(circular.sender, "sender"),
        "addressed_to": pick(circular.addressed_to, "addressed to"),
        "addressee": fill("{network.name|}"),
        "addressee_lines": [],
        "service": pick(circular.service, "service"),
        "contacts": [
            {"label": pick(c.label, "contact"), "text": pick(c.text, "contact")}
            for c in circular.contacts
        ],
        # TRANSLATORS: a circular letter's reference line ("Nos réf : …")
        "reference_line": words.gettext("Our ref.: {ref}").format(ref=circular.reference)
        if circular.reference
        else "",
        "place_date": pick(circular.place_date, "place and date"),
        # TRANSLATORS: a circular letter's label before its subject ("Objet :")
        "subject_label": words.gettext("Subject:"),
        "subject": subject,
        "salutation": pick(circular.salutation, "salutation"),
        "signatory_lines": [
            line.strip() for line in (circular.signatory or "").split(",") if line.strip()
        ],
        "signatures": [],
        "annexes": [],
    }
