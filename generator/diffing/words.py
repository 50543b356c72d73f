"""The words a diff prints, in the document's language (French for the shipped
corpus; Dutch and German where the rest of the code has them): labels, the
summary's counts, what happened to each provision."""

from __future__ import annotations

LABELS = {
    "fr": {
        "comparing": "Première version : {left}",
        "with": "Seconde version : {right}",
        "summary": "Résumé : {kinds} ; lignes d'annexe : {rows}.",
        "identical": "Aucune différence.",
        "changed": "Dispositions modifiées :",
        "was": "anciennement {was}",
        "rows changed": "lignes modifiées",
        "in force": "texte en vigueur au {date}",
        "inline": "Texte suivi",
        "side by side": "Côte à côte",
        "not held on": "texte non repris dans le corpus {side}",
        "left": "dans la première version",
        "right": "dans la seconde version",
        "code": "pseudocode",
    },
    "nl": {
        "comparing": "Eerste versie: {left}",
        "with": "Tweede versie: {right}",
        "summary": "Overzicht: {kinds}; rijen van bijlagen: {rows}.",
        "identical": "Geen verschillen.",
        "changed": "Gewijzigde bepalingen:",
        "was": "voorheen {was}",
        "rows changed": "rijen gewijzigd",
        "in force": "tekst van kracht op {date}",
        "inline": "Doorlopende tekst",
        "side by side": "Naast elkaar",
        "not held on": "tekst niet opgenomen in het corpus {side}",
        "left": "in de eerste versie",
        "right": "in de tweede versie",
        "code": "pseudocode",
    },
    "de": {
        "comparing": "Erste Fassung: {left}",
        "with": "Zweite Fassung: {right}",
        "summary": "Übersicht: {kinds}; Zeilen der Anlagen: {rows}.",
        "identical": "Keine Unterschiede.",
        "changed": "Geänderte Bestimmungen:",
        "was": "vormals {was}",
        "rows changed": "Zeilen geändert",
        "in force": "am {date} geltender Text",
        "inline": "Fortlaufender Text",
        "side by side": "Nebeneinander",
        "not held on": "Text nicht im Korpus enthalten {side}",
        "left": "in der ersten Fassung",
        "right": "in der zweiten Fassung",
        "code": "Pseudocode",
    },
}

#: what happened to a provision, as a noun (one, several): no gender to agree with
KINDS = {
    "fr": {
        "added": ("ajout", "ajouts"),
        "removed": ("suppression", "suppressions"),
        "modified": ("modification", "modifications"),
        "renumbered": ("renumérotation", "renumérotations"),
        "moved": ("déplacement", "déplacements"),
        "not held": ("texte non repris dans le corpus", "textes non repris dans le corpus"),
        "row": ("ligne", "lignes"),
    },
    "nl": {
        "added": ("toevoeging", "toevoegingen"),
        "removed": ("schrapping", "schrappingen"),
        "modified": ("wijziging", "wijzigingen"),
        "renumbered": ("hernummering", "hernummeringen"),
        "moved": ("verplaatsing", "verplaatsingen"),
        "not held": ("tekst niet opgenomen in het corpus", "teksten niet opgenomen in het corpus"),
        "row": ("rij", "rijen"),
    },
    "de": {
        "added": ("Hinzufügung", "Hinzufügungen"),
        "removed": ("Streichung", "Streichungen"),
        "modified": ("Änderung", "Änderungen"),
        "renumbered": ("Neunummerierung", "Neunummerierungen"),
        "moved": ("Verschiebung", "Verschiebungen"),
        "not held": ("Text nicht im Korpus enthalten", "Texte nicht im Korpus enthalten"),
        "row": ("Zeile", "Zeilen"),
    },
}


def kind_word(kind: str, lang: str) -> str:
    """« ajout », « texte non repris dans le corpus »."""
    return KINDS[lang][kind][0]


def counted(number: int, kind: str, lang: str) -> str:
    """« 0 ajout », « 1 suppression », « 46 ajouts » (French: plural from 2 on)."""
    one, many = KINDS[lang][kind]
    plural = number >= 2 if lang == "fr" else number != 1
    return f"{number} {many if plural else one}"


def label(name: str, lang: str, **fields: str) -> str:
    return LABELS[lang][name].format(**fields)
