"""A network's name after a phrase that already says what the name repeats.

The published texts print the network's name after words that name the kind
of network ("le Réseau de santé mentale {network.name}", "Le réseau de soins de
santé mentale enfants et adolescents {network.name}"), and a network's name often
starts with the same words ("Réseau Enfants et Adolescents Fictif Bruxelles-Nord"),
which would print "Réseau de santé mentale Réseau Enfants et Adolescents …".
The law's words stay as they are: what changes is the name printed there. It
loses the words it starts with that the phrase just printed ("Réseau", "Enfants
et Adolescents"), never all of them, and nothing else.

The phrase is known when the template's context is made, the name only when a
party's copy is; so the context asks for the slot `network.name_after.<words>`
(the phrase's last words, folded to plain letters), and each copy's values get
that slot's value from the network's name (`joined_values`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

NAME = "network.name"
AFTER = "network.name_after."
#: how many of the phrase's last words the name is compared with
WORDS = 12


def _folded(word: str) -> str:
    """A word in plain lower-case letters: "Santé" -> "sante"."""
    plain = unicodedata.normalize("NFKD", word.casefold())
    return re.sub(r"[^a-z]", "", plain)


def slot_after(before: str) -> str:
    """The slot that prints the network's name after the text `before`."""
    words = [w for w in (_folded(w) for w in before.split()[-WORDS:]) if w]
    return AFTER + "_".join(words) if words else NAME


def distinct_name(name: str, before: Iterable[str]) -> str:
    """`name` without the words it starts with that `before` (folded words)
    holds; the whole name when every word would go."""
    said = set(before)
    words = name.split()
    keep = 0
    while keep < len(words) and _folded(words[keep]) in said:
        keep += 1
    return " ".join(words[keep:]) if keep < len(words) else name


def base_slot(slot: str) -> str:
    """The party value a slot prints: `network.name` for `network.name_after.…`."""
    return NAME if slot.startswith(AFTER) else slot


def joined_values(values: Mapping[str, str], slots: Iterable[str]) -> dict[str, str]:
    """The values of the `network.name_after.…` slots among `slots`, from the
    network's name in `values` (none when it has no name: the copy then lacks
    `network.name`, and says so)."""
    name = values.get(NAME)
    if not name:
        return {}
    return {
        slot: distinct_name(name, slot.removeprefix(AFTER).split("_"))
        for slot in slots
        if slot.startswith(AFTER)
    }
