"""The English words of every reason (`signatures.reasons`): `SENTENCES` maps each
reason to its sentence with named parameters, `PHRASES` holds the pieces of sentences
made from the facts. A translation is a module like this one (see `signatures.wording`
for how the parameters are filled in).

Importing it imports no pyHanko, database or corpus module."""

from __future__ import annotations

from typing import NamedTuple

from signatures.reasons import Reason

__all__ = ["PHRASES", "SENTENCES", "Plural"]


class Plural(NamedTuple):
    """A sentence for one thing and one for several; `count`: the parameter counted."""

    one: str
    other: str
    count: str


#: the file problems, said of a file ("The returned file" + "is empty" + ".")
_FILE_PROBLEMS: dict[Reason, str] = {
    Reason.NOT_FILE_CONTENT: "is not a file's content (it is a {type})",
    Reason.EMPTY: "is empty",
    Reason.NOT_A_PDF: "is not a PDF",
    Reason.NOT_A_PDF_BUT_ZIP: "is not a PDF (it looks like a Word document or another ZIP file)",
    Reason.NOT_A_PDF_BUT_MARKUP: "is not a PDF (it looks like a web page or an XML file)",
    Reason.INCOMPLETE: (
        "is incomplete: it stops before the end of the PDF (it was cut off, for instance "
        "during an upload or by an e-mail program)"
    ),
    Reason.DAMAGED_PDF: "is damaged: it cannot be read as a PDF ({error})",
    Reason.ENCRYPTED: (
        "is protected by a password (encrypted), so it cannot be checked; ask for a copy "
        "without protection"
    ),
    Reason.TWO_IDENTITIES: (
        "carries two different document identities (in its information dictionary and in "
        "its XMP metadata): someone changed one of them"
    ),
    Reason.IDENTITY_DAMAGED: "is damaged: its identity cannot be read ({error})",
}

_RETURNED_FILE: dict[Reason, str] = {
    Reason.ISSUED_FILE_UNUSABLE: (
        "The issued document we hold {problem}, so the returned file cannot be compared with it."
    ),
    Reason.ISSUED_IDENTITY_UNREADABLE: "The issued document we hold {problem}.",
    Reason.ISSUED_WITHOUT_IDENTITY: (
        "The issued document we hold carries no document identity: it was not made by "
        "conventio, so the returned file cannot be compared with it."
    ),
    Reason.RETURNED_FILE_UNUSABLE: "The returned file {problem}.",
    Reason.RETURNED_IDENTITY_UNREADABLE: "The returned file {problem}.",
    Reason.NO_IDENTITY: (
        "The returned file does not say which document it is (it carries no conventio "
        "document identity): it is not a document we issued, or a program removed its "
        "identity."
    ),
    Reason.OTHER_DOCUMENT: (
        "The returned file is a different document: it is “{document_id}”, but the "
        "document expected here is “{expected}”."
    ),
    Reason.OTHER_VERSION: (
        "The returned file is another version of “{document_id}”: its content is not that "
        "of the copy we issued (its content hash differs)."
    ),
    Reason.SIGNATURES_UNREADABLE: (
        "The signatures in the returned file cannot be read: the file is damaged ({error})."
    ),
    Reason.NO_SIGNATURE: "The returned file carries no signature.",
    Reason.FILE_REWRITTEN: (
        "The returned file is not the issued file with signatures added: a program rewrote "
        "the file, so its first part is no longer byte for byte what we issued. The "
        "signatures may be good, but a person must compare it with the issued document "
        "before it is registered."
    ),
    Reason.NOT_BUILT_ON_ISSUED: (
        "The returned file begins with the document we issued, but what follows does not "
        "add to it: it replaces it with another document (its cross-reference chain does "
        "not lead back to the issued copy)."
    ),
    Reason.ADDITION_UNREADABLE: (
        "What the returned file adds to the document we issued cannot be read: its later "
        "part is damaged ({error})."
    ),
    Reason.CONTENT_CHANGED_AFTER_ISSUE: "{What} after the document was issued.",
    Reason.CONTENT_CHANGED_BEFORE_SIGNING: (
        "{What} before it was signed: between the document we issued and {first}, the file "
        "was edited, so what was signed is not the document we issued."
    ),
    Reason.RETURNED_FILE_ACCEPTED: (
        "Signed by {signers}. The returned file is the document we issued; every signature "
        "is intact, made with a certificate from a trusted authority, and nothing but "
        "signing happened after it."
    ),
    Reason.ROLES_STILL_TO_SIGN: "Still to sign: {the_roles}.",
}

_EARLY_CHANGES: dict[Reason, str | Plural] = {
    Reason.DOCUMENT_CHANGED: "the document was changed",
    Reason.PAGES_ADDED: (
        "pages were added (the document has {pages_now} pages; the one we issued has "
        "{pages_issued})"
    ),
    Reason.PAGES_REMOVED: (
        "pages were removed (the document has {pages_now} pages; the one we issued has "
        "{pages_issued})"
    ),
    Reason.PAGES_CHANGED: Plural(
        "page {pages} was changed", "pages {pages} were changed", "numbers"
    ),
    Reason.PAGES_MARKED: Plural(
        "comments or markings were put on page {pages}",
        "comments or markings were put on pages {pages}",
        "numbers",
    ),
    Reason.FORM_FIELDS_CHANGED: "the document's form fields were changed",
    Reason.STRUCTURE_CHANGED: "the document was changed outside its pages (its structure)",
}

_SIGNATURE: dict[Reason, str] = {
    Reason.SIGNATURE_UNCHECKABLE: (
        "The signature in the field “{field}” cannot be checked: it is damaged or of a kind "
        "we do not know ({error})."
    ),
    Reason.SIGNATURE_TAMPERED: (
        "{label} no longer matches the file: the file was altered after it was signed "
        "(tampered with)."
    ),
    Reason.SIGNATURE_BROKEN: "{label} is broken: its cryptographic check fails.",
    Reason.NOT_A_SIGNATURE_PLACE: (
        "{signer} signed in the field “{field}”, which is not a signature place of this "
        "document (its places are {places})."
    ),
    Reason.PARTIAL_COVERAGE: (
        "{label} covers only part of the file, so the rest could say anything."
    ),
    Reason.LATER_CHANGE_UNREADABLE: (
        "{after}, the file was changed, and the change cannot even be analysed (that later "
        "part of the file is damaged)."
    ),
    Reason.ANNOTATED_AFTER_SIGNING: (
        "{after}, comments or other markings were added to the file. The signed text is "
        "unchanged, but a person should look at them."
    ),
    Reason.EDITED_AFTER_SIGNING: (
        "{after}, the file was edited: a later change altered its pages or content, so what "
        "it shows now is not what was signed."
    ),
    Reason.CERTIFICATE_EXPIRED: (
        "{subject} with a certificate that expired on {valid_until}, before the signature "
        "was checked ({checked_at})."
    ),
    Reason.CERTIFICATE_NOT_YET_VALID: (
        "{subject} with a certificate that is only valid from {valid_from}, after the "
        "moment of the check ({checked_at})."
    ),
    Reason.CHAIN_EXPIRED: (
        "{subject}, but a certificate in the chain above theirs expired ({horizon})."
    ),
    Reason.CHAIN_NOT_YET_VALID: (
        "{subject}, but a certificate in the chain above theirs is not valid yet."
    ),
    Reason.CERTIFICATE_REVOKED: "{subject} with a certificate that has been revoked (withdrawn).",
    Reason.NOT_A_SIGNING_CERTIFICATE: (
        "{subject} with a certificate that is not meant for signing documents (for instance "
        "the authentication certificate of an eID card instead of its signature "
        "certificate)."
    ),
    Reason.SELF_SIGNED: (
        "{subject}, whose certificate does not chain to a trusted root (it is self-signed)."
    ),
    Reason.UNTRUSTED_ISSUER: (
        "{subject}, whose certificate does not chain to a trusted root (it was issued by "
        "“{issuer}”, which is not a trusted authority)."
    ),
    Reason.UNTRUSTED: "{subject}, whose certificate cannot be trusted ({indication}).",
    Reason.TIMESTAMP_DAMAGED: (
        "The time-stamp on the signature of {signer} is damaged, so the signing time it "
        "gives cannot be relied on; a person should look."
    ),
    Reason.SIGNATURE_ACCEPTED: (
        "Signed by {signer} for the {role}: the signature is intact, the certificate chains "
        "to a trusted root, and {after_it}."
    ),
    Reason.TIMESTAMP_ACCEPTED: "Document time-stamp of {timestamped_at} by {signer}: intact.",
}

_HOW_TO_ADD = (
    "add its fingerprint {fingerprint} to the signing_certificates of {party} in the party "
    "file and import again with --parties."
)
_SIGNERS: dict[Reason, str] = {
    Reason.ROLE_SIGNED_TWICE_BY_ONE_CERTIFICATE: (
        "{signer} signed for {the_roles} with one certificate: each role must be signed by "
        "its own signer{only}."
    ),
    Reason.ROLE_SIGNED_WITH_A_CERTIFICATE_USED_BEFORE: (
        "{signer} signed for {the_roles} with the certificate that already signed for "
        "{earlier}: each role must be signed by its own signer{only}."
    ),
    Reason.CERTIFICATE_OF_ANOTHER_PARTY: (
        "The signature for the {role} (field “{field}”) is by {signer}, whose certificate "
        "signs for {other_party} as the {other_role} (registered on {registered}, "
        "{document_id}): a certificate signs for one party only. If {signer} also signs for "
        "{party}, add the fingerprint {fingerprint} to the signing_certificates of {party} "
        "in the party file and import again with --parties."
    ),
    Reason.NOT_A_LISTED_CERTIFICATE: (
        "The signature for the {role} (field “{field}”) is by {signer}, but {party} signs "
        "with {listed} (its signing_certificates in the party file). If {party} now signs "
        "with this certificate, " + _HOW_TO_ADD
    ),
    Reason.NOT_THE_FIRST_CERTIFICATE: (
        "The signature for the {role} (field “{field}”) is by {signer}, but {party} signs "
        "with {whose}, registered on {registered} ({document_id}). If {party} now signs "
        "with this certificate, " + _HOW_TO_ADD
    ),
}

_IMPORT: dict[Reason, str] = {
    Reason.NO_SUCH_FILE: "there is no such file",
    Reason.PERMISSION_DENIED: "this file cannot be read: permission denied",
    Reason.CANNOT_BE_READ: "this file cannot be read ({error})",
    Reason.A_FOLDER: "this is a folder, not a file: give the PDF files in it (folder/*.pdf)",
    Reason.NOT_A_REGULAR_FILE: "this is {what_it_is}, not a file: give a PDF file",
    Reason.TOO_LARGE: (
        "this file is larger than {size}, the most a returned file may be: a signed "
        "convention is far smaller, so it was not read"
    ),
    Reason.RECEIVED_FILE_UNUSABLE: "this file {problem}.",
    Reason.NO_CONVENTIO_IDENTITY: (
        "this PDF carries no conventio identity (or an unreadable one): it is not a "
        "document issued here, or a program removed its identity"
    ),
    Reason.NEVER_ISSUED_HERE: (
        "this PDF names the document “{document_id}”, which this register never issued"
    ),
    Reason.NOT_ISSUED_AS_PDF: "this document was never issued as a PDF here: {error}",
    Reason.DOCUMENT_DECLINED: (
        "this document was declined{by_role} on {date}{why}: its signing has ended, so "
        "signatures on it are not recorded; if the party has changed its mind, a new copy "
        "must be issued"
    ),
    Reason.DOCUMENT_SUPERSEDED: (
        "this document was superseded on {date}{why}: signatures on it are not recorded; "
        "the copy to sign is the one that replaces it"
    ),
    Reason.DOCUMENT_VOIDED: (
        "this document was voided on {date}{why}: signatures on it are not recorded"
    ),
    Reason.FILE_NOT_CHECKABLE: "this file could not be checked ({error})",
    Reason.SIGNATURES_NOT_RECORDED: "the signatures could not be recorded: {error}",
}

#: every reason's sentence (for a file problem: what is said of the file)
SENTENCES: dict[Reason, str | Plural] = {
    **_FILE_PROBLEMS,
    **_RETURNED_FILE,
    **_EARLY_CHANGES,
    **_SIGNATURE,
    **_SIGNERS,
    **_IMPORT,
}

#: the pieces of sentences made from the facts (see `_DERIVED`)
PHRASES: dict[str, str] = {
    "and": " and ",
    "comma": ", ",
    "or": " or ",
    "unknown date": "an unknown date",
    "unknown signer": "an unknown signer",
    "unnamed signer": "an unnamed signer",
    "moment": "%Y-%m-%d %H:%M UTC",
    "date": "%Y-%m-%d",
    # a signature, or a document time-stamp, as the subject of a sentence
    "label": "The signature of {signer} (field “{field}”)",
    "label, time-stamp": "The document time-stamp in the field “{field}” (by {signer})",
    "after": "After {signer} signed (field “{field}”)",
    "after, time-stamp": "After the document time-stamp “{field}” was added",
    "subject": "Signed by {signer}",
    "subject, time-stamp": "The document time-stamp by {signer}",
    "first": "the signature of {signer} (field “{field}”)",
    "first, time-stamp": "the document time-stamp “{field}”",
    "after it": "nothing was changed after it",
    "after it, signing": "only signing happened after it",
    "place": "“{field}”",
    "no place": "none",
    "signer for role": "{signer} (for the {role})",
    "the role": "the {role}",
    "role registered": "the {role} (registered on {registered})",
    "may share": " (only the {pairs} may share one)",
    "pair": " and the ",
    "certificate": "the certificate {start}…",
    "another certificate of": "another certificate of {known_signer}",
    "certificate of": "the certificate of {known_signer}",
    "by role": " by the {role}",
    "why": " ({reason})",
    "device": "a device",
    "pipe": "a pipe",
    "socket": "a socket",
    "not a file": "something other than a file",
    "megabytes": "{megabytes:g} MB",
    "bytes": "{count} bytes",
}
