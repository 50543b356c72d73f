"""Small provision trees built by hand for the diff tests, as the diff engine
sees them (items of a side), and the sentences they are made of."""

from __future__ import annotations

from generator.consolidation.tree import build_annex, build_provision
from generator.diffing.sides import _Pick, item_from_node
from generator.model.annexes import Annex
from generator.model.provisions import Provision
from generator.model.text import I18nText
from generator.rendering.language import TextPicker

A = "Le réseau organise des séances individuelles et de groupe pour les bénéficiaires."
X = "Le psychologue clinicien transmet les données d'enregistrement dans les délais prévus."
NEW = "Le comité de l'assurance fixe les critères de qualité."
P = "Le réseau désigne un coordinateur chargé du suivi de la convention."
Q = "L'hôpital gestionnaire conserve les pièces justificatives pendant cinq ans au moins."


def fr_text(value: str) -> I18nText:
    return I18nText(fr=value)


def article(num: str, *paragraphs: Provision, text: str | None = None) -> Provision:
    if text is not None:
        return Provision(kind="article", num=num, text=fr_text(text))
    return Provision(kind="article", num=num, children=list(paragraphs))


def paragraph(num: str, text: str) -> Provision:
    return Provision(kind="paragraph", num=num, text=fr_text(text))


def items(*provisions: Provision | Annex):
    pick = _Pick(TextPicker("fr"))
    result = []
    for position, provision in enumerate(provisions, start=1):
        if isinstance(provision, Annex):
            node = build_annex(provision)
        else:
            node = build_provision(provision, None, position)
        result.append(item_from_node(node, pick, None))
    return result
