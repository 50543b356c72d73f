"""The words of every reason a returned file is accepted, sent for review or refused
(`signatures.reasons`), in one place, ready for translation.

    say(rejected(Reason.OTHER_DOCUMENT, document_id="s#net-02#fr", expected="s#net-01#fr"))
    # 'The returned file is a different document: it is “s#net-02#fr”, but the
    #  document expected here is “s#net-01#fr”.'

`english.SENTENCES` maps each reason to its sentence. Its named parameters are the
facts the finding gives (`signer`, `field`, `role`, a moment...) or phrases made of
them here (from `english.PHRASES`: `label` is "The signature of Jean Dupont (field
“sig_network”)" or, for a document time-stamp, "The document time-stamp in the field
“sig_ts” (by Jean Dupont)"; `_DERIVED` lists them). A `Plural` sentence has a form
for one and one for several. A parameter that is a finding is said first (several are
joined with "and"); `{What}` is `{what}` with a capital first letter; a moment is
written "2024-03-01 09:00 UTC". A translation gives its own SENTENCES and PHRASES (a
module like `english`).

Importing it imports no pyHanko, database or corpus module."""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from signatures.reasons import Finding, Reason
from signatures.wording.english import PHRASES, SENTENCES, Plural

__all__ = ["say"]


def say(finding: Finding) -> str:
    """The sentence of `finding`, its parameters put in."""
    return _say(finding.reason, finding.params)


def _say(reason: Reason, params: Mapping[str, Any]) -> str:
    entry = SENTENCES[reason]
    if isinstance(entry, Plural):
        entry = entry.one if len(params[entry.count]) == 1 else entry.other
    names = {name for _, name, _, _ in string.Formatter().parse(entry) if name}
    return entry.format_map({name: _value(name, params) for name in names})


def _value(name: str, params: Mapping[str, Any]) -> str:
    if name in params:
        return _plain(params[name])
    lower = name[:1].lower() + name[1:]
    if lower != name and lower in params:
        said = _plain(params[lower])
        return said[:1].upper() + said[1:]
    return _DERIVED[name](params)


def _plain(value: Any) -> str:
    """A fact as words: a finding said, a moment written, a name as it is."""
    if isinstance(value, Finding):
        return say(value)
    if isinstance(value, tuple | list) and all(isinstance(v, Finding) for v in value):
        return PHRASES["and"].join(say(v) for v in value)
    if value is None:
        return PHRASES["unknown date"]
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).strftime(PHRASES["moment"])
    if isinstance(value, str | int):
        return str(value)
    raise TypeError(f"no words for {value!r}")


def _and(items: Sequence[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    if len(items) <= 1:
        return "".join(items)
    return PHRASES["comma"].join(items[:-1]) + PHRASES["and"] + items[-1]


def _by_kind(key: str) -> Callable[[Mapping[str, Any]], str]:
    """The phrase `key` for a signature, or `key, time-stamp` for a document time-stamp."""

    def phrase(params: Mapping[str, Any]) -> str:
        chosen = f"{key}, time-stamp" if params["timestamp"] else key
        return PHRASES[chosen].format(signer=params["signer"], field=params["field"])

    return phrase


def _roles(params: Mapping[str, Any]) -> str:
    return _and([PHRASES["the role"].format(role=role) for role in params["roles"]])


def _places(params: Mapping[str, Any]) -> str:
    places = [PHRASES["place"].format(field=field) for field in params["fields"]]
    return _and(places) or PHRASES["no place"]


def _signers(params: Mapping[str, Any]) -> str:
    return _and([PHRASES["signer for role"].format(signer=s, role=r) for s, r in params["signed"]])


def _earlier(params: Mapping[str, Any]) -> str:
    return _and(
        [
            PHRASES["role registered"].format(role=role, registered=registered)
            for role, registered in params["registered_roles"]
        ]
    )


def _only(params: Mapping[str, Any]) -> str:
    pairs = [PHRASES["pair"].join(pair) for pair in params["may_share"]]
    return PHRASES["may share"].format(pairs=_and(pairs)) if pairs else ""


def _listed(params: Mapping[str, Any]) -> str:
    """The party file's entries: a fingerprint by its first 16 digits, a name as it is."""
    return PHRASES["or"].join(
        PHRASES["certificate"].format(start=entry[:16]) if is_fingerprint else entry
        for entry, is_fingerprint in params["entries"]
    )


def _whose(params: Mapping[str, Any]) -> str:
    key = "another certificate of" if params["same_signer"] else "certificate of"
    return PHRASES[key].format(known_signer=params["known_signer"])


def _pages(params: Mapping[str, Any]) -> str:
    return _and([str(number) for number in params["numbers"]])


def _date(params: Mapping[str, Any]) -> str:
    moment = params["ended_at"]
    return moment.strftime(PHRASES["date"]) if moment else PHRASES["unknown date"]


def _optional(key: str, name: str) -> Callable[[Mapping[str, Any]], str]:
    """The phrase `key` with the parameter `name`, or nothing when it is not given."""

    def phrase(params: Mapping[str, Any]) -> str:
        value = params.get(name)
        return PHRASES[key].format(**{name: value}) if value else ""

    return phrase


def _what_it_is(params: Mapping[str, Any]) -> str:
    return PHRASES[params["kind"] or "not a file"]


def _size(params: Mapping[str, Any]) -> str:
    limit = params["limit"]
    if limit >= 1024 * 1024:
        return PHRASES["megabytes"].format(megabytes=limit / 1024 / 1024)
    return PHRASES["bytes"].format(count=limit)


def _after_it(params: Mapping[str, Any]) -> str:
    return PHRASES["after it, signing" if params["signed_after"] else "after it"]


#: the parameters made of the facts a finding gives, by name
_DERIVED: dict[str, Callable[[Mapping[str, Any]], str]] = {
    "label": _by_kind("label"),
    "after": _by_kind("after"),
    "subject": _by_kind("subject"),
    "first": _by_kind("first"),
    "after_it": _after_it,
    "the_roles": _roles,
    "places": _places,
    "signers": _signers,
    "earlier": _earlier,
    "only": _only,
    "listed": _listed,
    "whose": _whose,
    "pages": _pages,
    "date": _date,
    "by_role": _optional("by role", "role"),
    "why": _optional("why", "reason"),
    "what_it_is": _what_it_is,
    "size": _size,
}
