"""The law's numbers a translation keeps (tokens.legal_tokens): equal by value
across French, Dutch and German, different when a number changes."""

from __future__ import annotations

import pytest

from generator.diffing.tokens import legal_tokens, token_differences, tokenize


@pytest.mark.parametrize(
    ("french", "other"),
    [
        ("36 000 EUR", "36.000 EUR"),
        ("1.000 euros", "1.000 euro"),
        ("0,70 €", "€ 0,70"),
        ("le 5 octobre 2023", "op 5 oktober 2023"),
        ("au 1er septembre 2023", "am 1 September 2023"),
        ("au 01/09/23", "op 1/9/2023"),
        ("l'article 14/1, § 2", "artikel 14/1, § 2"),
        ("§ 1er", "§ 1"),
        ("80% de la prime", "80 % van de premie"),
        ("le code 792514", "code 792514"),
        ("l’article 22, 6° bis", "artikel 22, 6° bis"),
        ("réseau {network.name|XXX}", "netwerk {network.name|(naam)}"),
        (
            "{choice:provider_kind|psychologist=[le prestataire]|organisation=[l’organisation]}",
            "{choice:provider_kind|psychologist=[de zorgverlener]|organisation=[de organisatie]}",
        ),
        ("voir[^1]", "zie[^1]"),
    ],
)
def test_the_same_numbers_in_another_language_are_equal(french, other):
    assert legal_tokens(french), french
    assert token_differences(french, other) == []


@pytest.mark.parametrize(
    ("french", "other", "kind", "shown"),
    [
        ("36 000 EUR", "3 600 EUR", "amount", (["36 000 EUR"], ["3 600 EUR"])),
        (
            "le 5 octobre 2023",
            "op 6 oktober 2023",
            "date",
            (["5 octobre 2023"], ["6 oktober 2023"]),
        ),
        ("article 14/1", "artikel 14", "article", (["article 14/1"], ["artikel 14"])),
        ("80% de la prime", "8% van de premie", "percentage", (["80%"], ["8%"])),
        ("code 792514", "code 792515", "pseudocode", (["792514"], ["792515"])),
        (
            "{network.name|XXX}",
            "{hospital.name|XXX}",
            "slot",
            (["{network.name|XXX}"], ["{hospital.name|XXX}"]),
        ),
        (
            "{choice:always|[de collaboration]}",
            "[samenwerking]",
            "choice",
            (["{choice:always|[de collaboration]}"], []),
        ),
        ("voir[^1]", "zie[^2]", "footnote", (["[^1]"], ["[^2]"])),
    ],
)
def test_a_changed_number_is_a_difference_with_both_values(french, other, kind, shown):
    assert token_differences(french, other) == [(kind, *shown)]


def test_tokenize_still_spells_the_text_back():
    text = "Le 1 september 2023 en november: 80 % van 36.000 EUR, artikel 14/1."
    assert "".join(tokenize(text)) == text
    assert "1 september 2023" in tokenize(text)
