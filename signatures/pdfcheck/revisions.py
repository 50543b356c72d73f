"""What happened to a returned PDF between the copy we issued and its first signature.

A signature covers the file as it was when it was made. If someone edits the issued
document (paints a sentence on page 1, adds a page) and then signs it, the signature
is intact and pyHanko's check of what changed *after* it finds nothing: the edit is
inside what was signed. So the revisions between the issued bytes and the first
signature, that signature's own revision included, are judged here: each is compared
with the issued revision by pyHanko's difference analysis (as pyHanko compares a
signed revision with each later one), and only what signing and form filling do may
have happened (modification level at most FORM_FILLING). What comes after each
signature is judged by pyHanko when the signature is checked (signatures.pdfcheck.facts).

    found = before_signing(issued, reader, embedded_signatures)
    found.built_on_issued                       # False: it replaces the issued copy
    found.change.what                           # (finding PAGES_CHANGED, numbers=[1]),
                                                # said "page 1 was changed"

The policy is pyHanko's default one, with one difference: before the first signature,
the form's `/SigFlags` may change, since the first signature sets them (pyHanko's
default compares a signed revision with later ones, where they are already set).
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.reader import HistoricalResolver, PdfFileReader
from pyhanko.sign.diff_analysis import (
    DEFAULT_DIFF_POLICY,
    FormUpdatingRule,
    ModificationLevel,
    StandardDiffPolicy,
    SuspiciousModification,
)

from signatures.reasons import Finding, Reason, rejected

__all__ = [
    "BeforeSigning",
    "EarlyChange",
    "before_signing",
    "change_before_signing",
    "issued_revision",
]

_DEFAULT_FORM_RULE = DEFAULT_DIFF_POLICY.form_rule
#: pyHanko's default policy, letting the first signature set the form's /SigFlags
FIRST_SIGNING_POLICY = StandardDiffPolicy(
    global_rules=DEFAULT_DIFF_POLICY.global_rules,
    form_rule=FormUpdatingRule(
        field_rules=_DEFAULT_FORM_RULE.field_rules,
        ignored_acroform_keys=_DEFAULT_FORM_RULE.ignored_acroform_keys | {"/SigFlags"},
    ),
)
#: the most a signer may have changed: fill in signature (and other) form fields
_ALLOWED = ModificationLevel.FORM_FILLING
#: objects compared at most per page when saying which page changed
_BUDGET = 20_000
#: keys that point back up the document (to the page, to the page tree)
_BACK_LINKS = frozenset({"/Parent", "/P"})
_INHERITED = ("/Resources", "/MediaBox", "/CropBox", "/Rotate")


@dataclass(frozen=True)
class EarlyChange:
    """A change made after the issued bytes and before (or with) the first signature."""

    #: the revision (counted from 0) where it was found
    revision: int
    #: what changed ("page 1 was changed", "pages were added (...)": see
    #: signatures.wording), each part a finding
    what: tuple[Finding, ...]
    #: pyHanko's finding, for whoever investigates
    technical: str


@dataclass(frozen=True)
class BeforeSigning:
    """What a returned file did to the issued copy before its first signature."""

    #: its revisions lead back to the issued copy (else it replaces it)
    built_on_issued: bool = True
    #: the index, among the file's signatures, of the one signed first (None: none)
    first_signed: int | None = None
    #: the first change that is more than signing or form filling, if any
    change: EarlyChange | None = None
    #: why the revisions could not be read (a damaged later part of the file)
    error: Exception | None = None


def before_signing(issued: bytes, reader: PdfFileReader, embedded: Sequence) -> BeforeSigning:
    """What the returned file (`reader`, whose signatures are `embedded`, pyHanko's
    EmbeddedPdfSignature) did between the issued bytes and its first signature (that
    signature's own revision included). It must begin with the issued bytes."""
    try:
        base = issued_revision(issued, reader)
        if base is None:
            return BeforeSigning(built_on_issued=False)
        signed = sorted((s.signed_revision, index) for index, s in enumerate(embedded))
        until = signed[0][0] if signed else reader.xrefs.total_revisions - 1
        change = change_before_signing(reader, base, until)
    except Exception as exc:  # a damaged structure cannot be shown to be harmless
        return BeforeSigning(error=exc)
    return BeforeSigning(first_signed=signed[0][1] if signed else None, change=change)


def issued_revision(issued: bytes, reader: PdfFileReader) -> int | None:
    """The number of the issued copy's last revision in the returned file `reader`
    reads, or None if the returned file's revisions do not lead back to it (its added
    part replaces the document instead of adding to it). The returned file must begin
    with the issued bytes; that is checked elsewhere."""
    issued_reader = PdfFileReader(io.BytesIO(issued), strict=False)
    last = issued_reader.xrefs.total_revisions - 1
    where = issued_reader.xrefs.get_startxref_for_revision(last)
    if reader.xrefs.total_revisions <= last:
        return None
    if reader.xrefs.get_startxref_for_revision(last) != where:
        return None
    return last


def change_before_signing(reader: PdfFileReader, base: int, until: int) -> EarlyChange | None:
    """The first revision after `base` (the issued copy), up to and including `until`
    (the first signature's revision), that does more than signing and form filling,
    described; None if there is none."""
    old = reader.get_historical_resolver(base)
    for revision in range(base + 1, min(until, reader.xrefs.total_revisions - 1) + 1):
        new = reader.get_historical_resolver(revision)
        try:
            result = FIRST_SIGNING_POLICY.apply(old, new)
        except SuspiciousModification as exc:
            technical = _one_line(exc)
        except Exception as exc:  # a damaged revision cannot be shown to be harmless
            technical = f"the analysis failed: {_one_line(exc)}"
        else:
            if result.modification_level <= _ALLOWED:
                continue
            technical = f"modification level {result.modification_level.name}"
        return EarlyChange(revision, _what_changed(old, new), technical)
    return None


def _one_line(exc: BaseException, limit: int = 300) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- saying what changed ------------------------------------------------------------


def _what_changed(old: HistoricalResolver, new: HistoricalResolver) -> tuple[Finding, ...]:
    """What differs between two revisions (the pages first)."""
    try:
        before, after = list(_pages(old)), list(_pages(new))
    except Exception:  # a page tree that cannot be walked: say it without detail
        return (rejected(Reason.DOCUMENT_CHANGED),)
    if len(after) != len(before):
        more = Reason.PAGES_ADDED if len(after) > len(before) else Reason.PAGES_REMOVED
        return (rejected(more, pages_now=len(after), pages_issued=len(before)),)
    changed, marked = [], []
    for number, (a, b) in enumerate(zip(before, after, strict=True), start=1):
        if _page_digest(old, a) != _page_digest(new, b):
            changed.append(number)
        if _annotations_digest(old, a[0]) != _annotations_digest(new, b[0]):
            marked.append(number)
    parts = []
    if changed:
        parts.append(rejected(Reason.PAGES_CHANGED, numbers=changed))
    if marked:
        parts.append(rejected(Reason.PAGES_MARKED, numbers=marked))
    if parts:
        return tuple(parts)
    if _form_digest(old) != _form_digest(new):
        return (rejected(Reason.FORM_FIELDS_CHANGED),)
    return (rejected(Reason.STRUCTURE_CHANGED),)


def _pages(resolver: HistoricalResolver) -> Iterator[tuple[generic.DictionaryObject, dict]]:
    """Every page of a revision, in order, with the attributes it inherits."""
    seen: set[tuple[int, int]] = set()

    def walk(node_ref, inherited: dict):
        if isinstance(node_ref, generic.IndirectObject):
            key = (node_ref.idnum, node_ref.generation)
            if key in seen:
                raise ValueError("a loop in the page tree")
            seen.add(key)
        node = node_ref.get_object()
        own = {k: node.raw_get(k) for k in _INHERITED if k in node}
        inherited = {**inherited, **own}
        if node.get("/Type") == "/Pages" or "/Kids" in node:
            for kid in node["/Kids"]:
                yield from walk(kid, inherited)
        else:
            yield node, inherited

    yield from walk(resolver.root.raw_get("/Pages"), {})


def _page_digest(resolver: HistoricalResolver, page: tuple) -> str:
    """What a page shows: its content, resources and boxes (not its annotations)."""
    node, inherited = page
    shown = {k: v for k, v in node.items() if k not in ("/Annots", *_BACK_LINKS)}
    return _digest(resolver, {**{k: v for k, v in inherited.items()}, **shown})


def _annotations_digest(resolver: HistoricalResolver, node) -> str:
    """The page's annotations other than form-field widgets (comments, markings...)."""
    annotations = node.get("/Annots") or []
    others = [
        a
        for a in (annotations if isinstance(annotations, list) else [])
        if a.get_object().get("/Subtype") != "/Widget"
    ]
    return _digest(resolver, others)


def _form_digest(resolver: HistoricalResolver) -> str:
    """The form's fields other than signature fields (a signature is form filling)."""
    form = resolver.root.get("/AcroForm")
    fields = form.get_object().get("/Fields", []) if form is not None else []
    others = [f for f in fields if f.get_object().get("/FT") != "/Sig"]
    return _digest(resolver, others)


def _digest(resolver: HistoricalResolver, value) -> str:
    """A hash of `value` and everything it refers to, as the revision has them (back
    links to pages left out); "" if that is more than `_BUDGET` objects."""
    digest = hashlib.sha256()
    seen: dict[tuple[int, int], int] = {}
    stack = [value]
    count = 0
    while stack:
        item = stack.pop()
        count += 1
        if count > _BUDGET:
            return ""
        if isinstance(item, bytes):
            digest.update(item)
        elif isinstance(item, generic.IndirectObject):
            key = (item.idnum, item.generation)
            if key in seen:
                digest.update(b"@%d;" % seen[key])
                continue
            seen[key] = len(seen)
            stack.append(resolver(item.reference))
        elif isinstance(item, generic.StreamObject):
            digest.update(b"S%d;" % len(item.encoded_data))
            stack.append(item.encoded_data)
            stack.append(generic.DictionaryObject(dict(item.items())))
        elif isinstance(item, dict):
            keys = sorted(k for k in item if k not in _BACK_LINKS)
            digest.update(b"D%d;" % len(keys))
            for key in reversed(keys):
                stack.append(item.raw_get(key) if hasattr(item, "raw_get") else item[key])
                stack.append(str(key).encode("utf-8", "replace") + b"=")
        elif isinstance(item, list):
            digest.update(b"A%d;" % len(item))
            stack.extend(reversed(item))
        else:
            digest.update(repr(item).encode("utf-8", "replace") + b";")
    return digest.hexdigest()
