"""What the tests of check_returned() share (tests/signatures/pdfcheck/): the
document they sign (the sixth amendment, for net-01), its signing roles, and ways
to check, change and judge a returned PDF."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader, PdfWriter

from signatures.pdfcheck import REJECTED, ReturnedCheck, check_returned

SIXTH = "inami-network-2021/avenant-06"
ROLES = ("committee", "network", "hospital")


def check(issued: bytes, returned: bytes, roots, **kwargs) -> ReturnedCheck:
    return check_returned(issued, returned, roots, ROLES, **kwargs)


def incremental(pdf: bytes, change) -> bytes:
    """`pdf` with an incremental update made by pypdf after `change(writer)`."""
    writer = PdfWriter(PdfReader(io.BytesIO(pdf)), incremental=True)
    change(writer)
    out = io.BytesIO()
    writer.write(out)
    assert out.getvalue().startswith(pdf)
    return out.getvalue()


def rejected_for(result: ReturnedCheck, pattern: str) -> None:
    assert result.verdict == REJECTED, result.reason
    assert re.search(pattern, result.reason), result.reason
    assert result.problems and not result.complete


def move_signing_date(signed: bytes, after: int) -> bytes:
    """One byte changed: the year of the signing date in the signature dictionary
    (`/M (D:2026...)`, the colon written `\\072`) after byte `after`, one year later."""
    found = re.compile(rb"/M \(D(?::|\\072)\d{3}(\d)").search(signed, after)
    assert found, "no signing date in the signature dictionary"
    tampered = bytearray(signed)
    tampered[found.start(1)] = ord("0") + (signed[found.start(1)] - ord("0") + 1) % 10
    return bytes(tampered)
