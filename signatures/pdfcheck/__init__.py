"""Is a returned signed PDF the document we issued, signed, and nothing else?

`check_returned(issued, returned, trust_roots, roles)` compares a PDF that comes back
signed with the copy that was issued (`generator.pdf.finish`) and checks every signature
in it with pyHanko, offline. It reads no database and writes nothing: the signature
register decides what to do with the answer.

What is checked:

- the file: a readable, complete, unencrypted PDF;
- its identity (`read_identity`: document id and content hash in the metadata) is the
  issued copy's, and the issued copy's bytes are an exact prefix of it (signing appends
  incremental updates and keeps what was there; a program that rewrites the whole file
  breaks this, and such a file is sent for review);
- each signature: intact (the signed bytes are unchanged), valid (the cryptography
  holds), trusted (the signer's certificate chains to one of `trust_roots` and was valid
  at the time of the check), in a field `sig_<role>` of one of the document's signing
  roles, and covering the document: either the entire file, or its entire revision with
  only signing or form filling after it (pyHanko's difference analysis);
- what happened between the issued bytes and the first signature (that signature's own
  revision included): only signing or form filling (`revisions`), so that an edit made
  before signing is not passed off as the document we issued;
- who signed: two roles need two certificates, except the network and the hospital that
  represents it, and a party signs with its own certificate (`signatures.signer_rules`).

Split as pyHanko splits its own validation: `facts` and `revisions` read the files
(what was read: identity, prefix, revisions, each signature's certificate and pyHanko
status); `rules` turn facts into findings, each a reason of `signatures.reasons` with
its verdict; `signatures.wording` says each reason in plain words; `check` puts them
together; `trust` reads the trusted roots.

The answer is a `ReturnedCheck` (`results`): a verdict (`Verdict`: accepted, review or
rejected), with a reason in plain words for the person who registers the signatures,
the findings behind it, and the details of each signature (who, which certificate,
when) for the register.

Revocation is not checked: there is no network, and no revocation data is fetched.
"""

from signatures.pdfcheck.check import check_returned
from signatures.pdfcheck.facts import file_problem
from signatures.pdfcheck.results import ReturnedCheck, SignatureCheck
from signatures.pdfcheck.trust import load_trust_roots
from signatures.reasons import Finding, Reason, Verdict

ACCEPTED, REVIEW, REJECTED = Verdict.ACCEPTED, Verdict.REVIEW, Verdict.REJECTED

__all__ = [
    "ACCEPTED",
    "REJECTED",
    "REVIEW",
    "Finding",
    "Reason",
    "ReturnedCheck",
    "SignatureCheck",
    "Verdict",
    "check_returned",
    "file_problem",
    "load_trust_roots",
]
