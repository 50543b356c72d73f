"""The numbers a party file holds: checked, normalised, and formatted for
display.

Every error raised here is a `NumberError` whose message never repeats the
value: a national register number must never appear in a message, a log or a
listing, and the other checks follow the same rule so that a number typed in
the wrong column cannot leak either.

- BCE/KBO enterprise number: stdnum's Belgian check (mod 97); kept as
  "0403.170.701".
- National register number: stdnum's check (birth date and mod 97); kept as
  its 11 digits.
- INAMI number: 8 digits (institutions) or 11 (8 + a 3-digit qualification
  code); kept as its digits. The check digits (7th and 8th) equal
  97 - (first six digits mod 97), or, for some older numbers,
  89 - (first six digits mod 89). The rule is inferred from public numbers, so
  `inami_check_ok` is separate from `normalise_inami`: the caller decides how
  serious a failure is.
- Phone: a valid Belgian number (phonenumbers, region BE); kept as E.164.
- Email: email-validator's syntax check (no DNS look-up); kept normalised.
- Signing certificate: a SHA-256 fingerprint (64 hexadecimal digits, with or
  without colons or spaces, as `openssl x509 -fingerprint -sha256` prints it),
  kept as 64 lower-case digits; or a signer's name, kept as written.
"""

from __future__ import annotations

import re

_SEPARATORS = re.compile(r"[\s./\-]")


class NumberError(ValueError):
    """A number or address that fails its check. The message names what is
    wrong, never the value."""


def _digits(value: str) -> str:
    return _SEPARATORS.sub("", str(value))


# --- BCE / KBO ------------------------------------------------------------


def normalise_bce(value: str) -> str:
    """'0403.170.701', 'BE0403170701' or '403170701' -> '0403.170.701'."""
    from stdnum import exceptions
    from stdnum.be import vat

    try:
        number = vat.validate(str(value))
    except exceptions.InvalidChecksum:
        raise NumberError(
            "the BCE/KBO number is not valid (its check digits do not match)"
        ) from None
    except exceptions.InvalidLength:
        raise NumberError(
            "the BCE/KBO number must have 10 digits (or 9 in the old form), such as 0403.170.701"
        ) from None
    except exceptions.ValidationError:
        raise NumberError(
            "the BCE/KBO number must be digits such as 0403.170.701 (a 'BE' prefix is allowed)"
        ) from None
    return format_bce(number)


def format_bce(number: str) -> str:
    """'0403170701' -> '0403.170.701'."""
    digits = _digits(number).upper().removeprefix("BE")
    if len(digits) == 9:
        digits = "0" + digits
    return f"{digits[:4]}.{digits[4:7]}.{digits[7:]}"


def bce_with_check(base: int) -> str:
    """A valid enterprise number from its first 8 digits (for examples and tests)."""
    head = f"{base:08d}"
    return format_bce(f"{head}{97 - int(head) % 97:02d}")


# --- National register number ----------------------------------------------


def normalise_nrn(value: str | int) -> str:
    """Dotted, dashed or compact -> the 11 digits."""
    from stdnum import exceptions
    from stdnum.be import nn

    text = f"{value:011d}" if isinstance(value, int) else str(value)
    try:
        return nn.validate(text.replace("/", ""))
    except exceptions.InvalidChecksum:
        raise NumberError(
            "the national register number is not valid (its check digits do not match)"
        ) from None
    except exceptions.InvalidLength:
        raise NumberError("the national register number must have 11 digits") from None
    except exceptions.InvalidComponent:
        raise NumberError(
            "the national register number is not valid (its birth date part is impossible)"
        ) from None
    except exceptions.ValidationError:
        raise NumberError(
            "the national register number must be 11 digits, such as YY.MM.DD-XXX.CC"
        ) from None


def format_nrn(number: str) -> str:
    """'85073003328' -> '85.07.30-033.28', as printed in a signed document.

    For documents only: never put the result in a message or a log."""
    d = _digits(number)
    return f"{d[0:2]}.{d[2:4]}.{d[4:6]}-{d[6:9]}.{d[9:11]}"


def nrn_with_check(birth_yymmdd: str, serial: int, *, born_after_1999: bool = False) -> str:
    """A valid national register number (for examples and tests)."""
    body = f"{birth_yymmdd}{serial:03d}"
    base = int(("2" if born_after_1999 else "") + body)
    return f"{body}{97 - base % 97:02d}"


# --- INAMI / RIZIV ----------------------------------------------------------


def normalise_inami(value: str | int) -> str:
    """The digits of an INAMI number (8 or 11); separators are ignored.

    Only the form is checked here; see `inami_check_ok` for the check digits.
    A number given as a whole number (YAML without quotes, an Excel number
    cell) has lost its leading zeros: they are put back."""
    if isinstance(value, int) and not isinstance(value, bool):
        text = str(value)
        text = text.zfill(8) if len(text) <= 8 else text.zfill(11)
    else:
        text = _digits(value)
    if not text.isdigit():
        raise NumberError("the INAMI number must be digits, such as 1-23456-78-901 or 710-00436")
    if len(text) not in (8, 11):
        raise NumberError(
            "the INAMI number must have 8 digits (an institution) or 11 (a person: "
            "8 digits and a 3-digit qualification code)"
        )
    return text


def inami_check_digits(first_six: str) -> tuple[int, int]:
    """The two accepted check values for the first six digits: 97-rule, 89-rule."""
    base = int(first_six)
    return 97 - base % 97, 89 - base % 89


def inami_check_ok(number: str) -> bool:
    """True when digits 7-8 match the 97-rule or the older 89-rule."""
    digits = _digits(number)
    if len(digits) not in (8, 11) or not digits.isdigit():
        return False
    return int(digits[6:8]) in inami_check_digits(digits[:6])


def inami_with_check(first_six: int, qualification: str = "") -> str:
    """A valid INAMI number by the 97-rule (for examples and tests)."""
    head = f"{first_six:06d}"
    return f"{head}{inami_check_digits(head)[0]:02d}{qualification}"


def format_inami(number: str) -> str:
    """11 digits -> 'X-XXXXX-XX-XXX'; 8 digits -> 'XXX-XXXXX'; anything else unchanged."""
    d = _digits(number)
    if len(d) == 11:
        return f"{d[0]}-{d[1:6]}-{d[6:8]}-{d[8:]}"
    if len(d) == 8:
        return f"{d[:3]}-{d[3:]}"
    return str(number)


# --- phone and email --------------------------------------------------------


def normalise_phone(value: str | int) -> str:
    """A Belgian (or international, with +) number -> E.164, '+32471234567'."""
    import phonenumbers

    try:
        parsed = phonenumbers.parse(str(value), "BE")
    except phonenumbers.NumberParseException:
        raise NumberError(
            "the phone number cannot be read (write it as 0471 23 45 67 or +32 471 23 45 67)"
        ) from None
    if not phonenumbers.is_valid_number(parsed):
        raise NumberError("the phone number is not a valid number")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def format_phone(e164: str) -> str:
    """'+32471234567' -> '0471 23 45 67' (Belgian numbers); others internationally."""
    import phonenumbers

    try:
        parsed = phonenumbers.parse(e164, "BE")
    except phonenumbers.NumberParseException:
        return e164
    if parsed.country_code == 32:
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def normalise_email(value: str) -> str:
    """The address as email-validator normalises it (syntax only, no DNS look-up)."""
    from email_validator import EmailNotValidError, validate_email

    try:
        return validate_email(str(value), check_deliverability=False).normalized
    except EmailNotValidError as exc:
        reason = str(exc).rstrip(".")
        if any(ch.isdigit() for ch in reason):  # it may quote part of the value
            raise NumberError("the email address is not valid") from None
        raise NumberError(f"the email address is not valid ({reason})") from None


# --- signing certificates -------------------------------------------------

_FINGERPRINT = re.compile(r"[0-9a-f]{64}")
_HEX_WITH_SEPARATORS = re.compile(r"[0-9A-Fa-f:\s]+")


def is_fingerprint(entry: str) -> bool:
    """Whether a normalised signing-certificate entry is a SHA-256 fingerprint."""
    return bool(_FINGERPRINT.fullmatch(entry))


def normalise_certificate(value: str) -> str:
    """A signing certificate as a party file gives it: its SHA-256 fingerprint
    ('3F:9A:...', 64 hexadecimal digits) -> 64 lower-case digits; or the
    signer's name ('Jean Dupont', or 'CN=Jean Dupont, O=Réseau X'), kept as
    written. A name holding a national register number is refused."""
    from generator.privacy import holds_national_number

    text = str(value).strip()
    if not text:
        raise NumberError("a signing certificate is empty")
    if _HEX_WITH_SEPARATORS.fullmatch(text) and sum(c.isalnum() for c in text) >= 32:
        digits = re.sub(r"[:\s]", "", text).lower()
        if is_fingerprint(digits):
            return digits
        raise NumberError(
            f"a certificate fingerprint must be its SHA-256: 64 hexadecimal digits "
            f"(this one has {len(digits)}; a SHA-1 fingerprint has 40)"
        )
    if holds_national_number(text):
        raise NumberError(
            "a signing certificate's name must not hold a national register number: "
            "leave the serial number (serialNumber=...) out"
        )
    if any(ord(c) < 32 for c in text) or len(text) > 300:
        raise NumberError("a signing certificate's name has control characters or is too long")
    return text
