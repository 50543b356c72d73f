"""Why a returned file is accepted, sent for review or refused: the verdicts and the
reasons, as names, without words (`signatures.wording` says each in plain words).

    finding = rejected(Reason.NOT_A_PDF)          # what a rule found, and its weight
    finding.reason is Reason.NOT_A_PDF
    say(finding)                                  # signatures.wording: the sentence

The rules that find them: `signatures.pdfcheck` (the returned PDF and each signature
in it), `signatures.signer_rules` (who may sign in which role), `signatures.importing`
and `signatures.returned_file` (the import of a returned file). A finding's `params`
are facts (names, field names, roles, moments), never words.

Importing it imports no pyHanko, database or corpus module."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from generator.errors import one_line

__all__ = ["Finding", "Reason", "Verdict", "accepted", "error_text", "rejected", "review"]


class Verdict(enum.StrEnum):
    """What becomes of a returned file (or of one signature in it). A `str`: it is
    printed and recorded as its value ("accepted")."""

    ACCEPTED = "accepted"
    #: a person must look before it is registered
    REVIEW = "review"
    REJECTED = "rejected"

    @property
    def severity(self) -> int:
        return _SEVERITY[self]

    @classmethod
    def worst(cls, verdicts: Iterable[Verdict]) -> Verdict:
        """The most severe of `verdicts`; ACCEPTED when there are none."""
        return max(verdicts, key=_SEVERITY.__getitem__, default=cls.ACCEPTED)


_SEVERITY = {Verdict.ACCEPTED: 0, Verdict.REVIEW: 1, Verdict.REJECTED: 2}


class Reason(enum.Enum):
    """Each thing the checks of a returned file can find (see `signatures.wording`
    for its sentence and the parameters it takes)."""

    # what is wrong with a file as a PDF (said of a file: `problem` of the next group)
    NOT_FILE_CONTENT = enum.auto()
    EMPTY = enum.auto()
    NOT_A_PDF = enum.auto()
    NOT_A_PDF_BUT_ZIP = enum.auto()
    NOT_A_PDF_BUT_MARKUP = enum.auto()
    INCOMPLETE = enum.auto()
    DAMAGED_PDF = enum.auto()
    ENCRYPTED = enum.auto()
    TWO_IDENTITIES = enum.auto()
    IDENTITY_DAMAGED = enum.auto()

    # the returned file as a whole
    ISSUED_FILE_UNUSABLE = enum.auto()
    ISSUED_IDENTITY_UNREADABLE = enum.auto()
    ISSUED_WITHOUT_IDENTITY = enum.auto()
    RETURNED_FILE_UNUSABLE = enum.auto()
    RETURNED_IDENTITY_UNREADABLE = enum.auto()
    NO_IDENTITY = enum.auto()
    OTHER_DOCUMENT = enum.auto()
    OTHER_VERSION = enum.auto()
    SIGNATURES_UNREADABLE = enum.auto()
    NO_SIGNATURE = enum.auto()
    FILE_REWRITTEN = enum.auto()
    NOT_BUILT_ON_ISSUED = enum.auto()
    ADDITION_UNREADABLE = enum.auto()
    CONTENT_CHANGED_AFTER_ISSUE = enum.auto()
    CONTENT_CHANGED_BEFORE_SIGNING = enum.auto()
    RETURNED_FILE_ACCEPTED = enum.auto()
    ROLES_STILL_TO_SIGN = enum.auto()

    # what changed between the issued copy and the first signature (`what` above)
    DOCUMENT_CHANGED = enum.auto()
    PAGES_ADDED = enum.auto()
    PAGES_REMOVED = enum.auto()
    PAGES_CHANGED = enum.auto()
    PAGES_MARKED = enum.auto()
    FORM_FIELDS_CHANGED = enum.auto()
    STRUCTURE_CHANGED = enum.auto()

    # one signature or document time-stamp
    SIGNATURE_UNCHECKABLE = enum.auto()
    SIGNATURE_TAMPERED = enum.auto()
    SIGNATURE_BROKEN = enum.auto()
    NOT_A_SIGNATURE_PLACE = enum.auto()
    PARTIAL_COVERAGE = enum.auto()
    LATER_CHANGE_UNREADABLE = enum.auto()
    ANNOTATED_AFTER_SIGNING = enum.auto()
    EDITED_AFTER_SIGNING = enum.auto()
    CERTIFICATE_EXPIRED = enum.auto()
    CERTIFICATE_NOT_YET_VALID = enum.auto()
    CHAIN_EXPIRED = enum.auto()
    CHAIN_NOT_YET_VALID = enum.auto()
    CERTIFICATE_REVOKED = enum.auto()
    NOT_A_SIGNING_CERTIFICATE = enum.auto()
    SELF_SIGNED = enum.auto()
    UNTRUSTED_ISSUER = enum.auto()
    UNTRUSTED = enum.auto()
    TIMESTAMP_DAMAGED = enum.auto()
    SIGNATURE_ACCEPTED = enum.auto()
    TIMESTAMP_ACCEPTED = enum.auto()

    # who signs (signer_rules)
    ROLE_SIGNED_TWICE_BY_ONE_CERTIFICATE = enum.auto()
    ROLE_SIGNED_WITH_A_CERTIFICATE_USED_BEFORE = enum.auto()
    CERTIFICATE_OF_ANOTHER_PARTY = enum.auto()
    NOT_A_LISTED_CERTIFICATE = enum.auto()
    NOT_THE_FIRST_CERTIFICATE = enum.auto()

    # the import of a returned file (importing, returned_file)
    NO_SUCH_FILE = enum.auto()
    PERMISSION_DENIED = enum.auto()
    CANNOT_BE_READ = enum.auto()
    A_FOLDER = enum.auto()
    NOT_A_REGULAR_FILE = enum.auto()
    TOO_LARGE = enum.auto()
    RECEIVED_FILE_UNUSABLE = enum.auto()
    NO_CONVENTIO_IDENTITY = enum.auto()
    NEVER_ISSUED_HERE = enum.auto()
    NOT_ISSUED_AS_PDF = enum.auto()
    DOCUMENT_DECLINED = enum.auto()
    DOCUMENT_SUPERSEDED = enum.auto()
    DOCUMENT_VOIDED = enum.auto()
    FILE_NOT_CHECKABLE = enum.auto()
    SIGNATURES_NOT_RECORDED = enum.auto()


@dataclass(frozen=True)
class Finding:
    """What a rule found: the reason, its weight, and the facts its sentence names."""

    reason: Reason
    verdict: Verdict = Verdict.REJECTED
    params: Mapping[str, Any] = field(default_factory=dict)


def rejected(reason: Reason, /, **params: Any) -> Finding:
    return Finding(reason, Verdict.REJECTED, params)


def review(reason: Reason, /, **params: Any) -> Finding:
    return Finding(reason, Verdict.REVIEW, params)


def accepted(reason: Reason, /, **params: Any) -> Finding:
    return Finding(reason, Verdict.ACCEPTED, params)


def error_text(exc: BaseException, limit: int = 200) -> str:
    """An exception as a finding's `error` parameter (or a technical note): its message
    on one line, at most `limit` characters; its type's name if it has no message."""
    text = one_line(str(exc)) or type(exc).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"
