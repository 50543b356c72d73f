"""Choice points: where a published model prints alternatives for its reader to
choose from, and what chooses one in a party's copy.

The provider amendment's title prints "[de collaboration]" (an optional phrase)
and "[le prestataire de soins (psychologue/orthopédagogue clinicien)] [l’organisation]"
(the provider, by its kind). A corpus text writes them (the syntax:
`generator.model.text.CHOICE_RE`)

    {choice:always|[de collaboration]}
    {choice:provider_kind|psychologist=[le prestataire de soins (…)]|organisation=[l’organisation]}

The blank model prints every alternative as written, brackets and all, one after
another with a space between (`print_choices`): what the seed prints. A party's
copy prints the one alternative its kind selects, without the brackets around it
(`resolve_choices`), and no other words. An optional phrase (`always`) is kept in
every copy (docs/corpus-format.md says why).

>>> text = "convention {choice:always|[de collaboration]} entre"
>>> print_choices(text), resolve_choices(text, {"adults"})
('convention [de collaboration] entre', 'convention de collaboration entre')
>>> who = "et {choice:provider_kind|psychologist=[le prestataire]|organisation=[l’organisation]}"
>>> print_choices(who), resolve_choices(who, {"adults", "organisation"})
('et [le prestataire] [l’organisation]', 'et l’organisation')
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from generator.model.documents import NETWORK_KINDS, PROVIDER_KINDS
from generator.model.text import CHOICE_RE, CHOICE_START

#: an optional phrase: kept, without its brackets, in every party's copy
ALWAYS = "always"
#: what selects an alternative, and the values it takes (a party's kind)
SELECTORS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {ALWAYS: (), "network_kind": NETWORK_KINDS, "provider_kind": PROVIDER_KINDS}
)
#: how a choice is written, for messages
SYNTAX = (
    "{choice:SELECTOR|VALUE=[printed words]|VALUE=[printed words]}, "
    "or {choice:always|[printed words]} for an optional phrase"
)


class ChoiceError(ValueError):
    """A choice that cannot be resolved for a party (generation says it as a
    ConventioError; `conventio check` refuses the text first)."""


@dataclass(frozen=True)
class Alternative:
    #: the selector's value that selects it ("psychologist"); "" for an optional phrase
    when: str
    #: the words exactly as the model prints them, brackets included
    words: str

    @property
    def resolved(self) -> str:
        """The words in a party's copy: the brackets around them removed."""
        if self.words.startswith("[") and self.words.endswith("]"):
            return self.words[1:-1]
        return self.words


@dataclass(frozen=True)
class Choice:
    selector: str
    alternatives: tuple[Alternative, ...]

    @property
    def printed(self) -> str:
        """As the blank model prints it: every alternative, a space between."""
        return " ".join(a.words for a in self.alternatives)

    def resolved_for(self, kinds: Collection[str]) -> str:
        """The alternative a party of these kinds (adults, psychologist...) gets."""
        if self.selector == ALWAYS:
            return self.alternatives[0].resolved
        chosen = [a for a in self.alternatives if a.when in kinds]
        if len(chosen) != 1:
            raise ChoiceError(
                f"the choice « {self.printed} » is made by {self.selector}, which this copy "
                f"does not give ({', '.join(sorted(kinds)) or 'no kind'}): it cannot be "
                "resolved; run `conventio check`"
            )
        return chosen[0].resolved


def choice_in(match: re.Match[str]) -> Choice:
    """The choice a `CHOICE_RE` match writes, read leniently (`problems_in` judges it)."""
    selector = match.group(1).strip()
    alternatives = []
    for piece in match.group(2).split("|")[1:]:
        when, equals, words = piece.partition("=")
        if selector == ALWAYS or not equals:
            when, words = "", piece
        alternatives.append(Alternative(when.strip(), words))
    return Choice(selector, tuple(alternatives))


def print_choices(text: str) -> str:
    """The text as the published model prints it: each choice's alternatives."""
    return CHOICE_RE.sub(lambda m: choice_in(m).printed, text)


def resolve_choices(text: str, kinds: Collection[str]) -> str:
    """The text as a party of these kinds reads it: one alternative per choice."""
    return CHOICE_RE.sub(lambda m: choice_in(m).resolved_for(kinds), text)


def problems_in(text: str) -> list[str]:
    """What is wrong with the choices of a text, in words."""
    problems: list[str] = []
    starts = {m.start() for m in CHOICE_RE.finditer(text)}
    for found in re.finditer(re.escape(CHOICE_START), text):
        if found.start() not in starts:
            problems.append(f"a choice that is not complete: write it {SYNTAX}")
    for match in CHOICE_RE.finditer(text):
        problems.extend(_choice_problems(choice_in(match)))
    return problems


def _choice_problems(choice: Choice) -> list[str]:
    values = SELECTORS.get(choice.selector)
    if values is None:
        known = ", ".join(SELECTORS)
        return [f"unknown choice selector {choice.selector!r}; a choice is selected by: {known}"]
    problems = [
        f"an alternative of the choice by {choice.selector} has no words, or starts or ends "
        "with a space (the model prints the alternatives with one space between)"
        for a in choice.alternatives
        if not a.words.strip() or a.words != a.words.strip()
    ]
    if choice.selector == ALWAYS:
        if len(choice.alternatives) != 1:
            problems.append(
                "an optional phrase has exactly one alternative, the words the model "
                "prints: {choice:always|[de collaboration]}"
            )
        return problems
    given: list[str] = []
    for a in choice.alternatives:
        if not a.when:
            problems.append(
                f"the alternative {a.words!r} does not say which {choice.selector} it is for: "
                f"write VALUE=[printed words], VALUE one of {', '.join(values)}"
            )
        elif a.when not in values:
            problems.append(
                f"{choice.selector} has no value {a.when!r}; its values: {', '.join(values)}"
            )
        elif a.when in given:
            problems.append(f"the choice by {choice.selector} has two alternatives for {a.when}")
        given.append(a.when)
    for value in values:
        if value not in given:
            problems.append(
                f"the choice by {choice.selector} has no alternative for {value}: a copy for "
                f"{value} would have nothing to print; give each of {', '.join(values)} "
                "its printed words"
            )
    return problems
