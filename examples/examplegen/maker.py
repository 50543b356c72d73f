"""The seeded maker of fictional values: valid numbers, names, addresses, e-mails.

Numbers are made valid by generator/parties/numbers.py (BCE and national register
numbers by their mod-97 rules, INAMI by the 97-rule, Belgian phone numbers) so that
they pass `conventio parties check` without belonging to anyone.
"""

from __future__ import annotations

import datetime as dt
import random
import unicodedata

from generator.parties import numbers

from .vocabulary import CITIES, FIRST, LAST, STREETS


def plain_ascii(text: str) -> str:
    """Lower case, accents dropped, only letters, digits, spaces and hyphens."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return "".join(ch for ch in plain.lower() if ch.isalnum() or ch in " -").strip()


class Maker:
    """Draws the fictional values from one seeded generator, never the same one twice.

    Every value (number, e-mail address) is unique across all parties: `used`
    remembers them. The order of the calls fixes the values: the builders call
    it in a fixed order, so the same seed gives the same parties.
    """

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.used: set[str] = set()

    def unique(self, make) -> str:
        while True:
            value = make()
            if value not in self.used:
                self.used.add(value)
                return value

    def bce(self) -> str:
        return self.unique(
            lambda: numbers.bce_with_check(
                self.rng.choice(
                    [
                        self.rng.randint(2_000_000, 9_999_999),
                        self.rng.randint(10_000_000, 10_999_999),
                    ]
                )
            )
        )

    def inami(self, prefix: str, qualification: str = "") -> str:
        def make() -> str:
            tail = "".join(str(self.rng.randint(0, 9)) for _ in range(6 - len(prefix)))
            return numbers.inami_with_check(int(prefix + tail))

        return numbers.format_inami(self.unique(make) + qualification)

    def nrn(self) -> str:
        def make() -> str:
            birth = dt.date(1950, 1, 1) + dt.timedelta(days=self.rng.randint(0, 365 * 50 - 1))
            serial = self.rng.randint(1, 997)
            return numbers.nrn_with_check(birth.strftime("%y%m%d"), serial)

        return numbers.format_nrn(self.unique(make))

    def phone(self, mobile: bool) -> str:
        def make() -> str:
            while True:
                if mobile:
                    text = f"04{self.rng.choice('789')}{self.rng.randint(0, 9)}" + "".join(
                        str(self.rng.randint(0, 9)) for _ in range(6)
                    )
                else:
                    area = self.rng.choice(["02", "04", "09", "03", "010", "081", "065", "071"])
                    text = (
                        area
                        + str(self.rng.randint(2, 9))
                        + "".join(str(self.rng.randint(0, 9)) for _ in range(9 - len(area) - 1))
                    )
                try:
                    return numbers.format_phone(numbers.normalise_phone(text))
                except numbers.NumberError:
                    continue

        return self.unique(make)

    def email(self, name: str, domain: str) -> str:
        local = ".".join(plain_ascii(name).replace("-", " ").split())
        address = f"{local}@{domain}"
        n = 2
        while address in self.used:
            address = f"{local}{n}@{domain}"
            n += 1
        self.used.add(address)
        return address

    def address(self, language: str) -> str:
        street = self.rng.choice(STREETS[language])
        postcode, city = self.rng.choice(CITIES[language])
        return f"{street} {self.rng.randint(1, 240)}, {postcode} {city}"

    def person(self, language: str) -> str:
        return f"{self.rng.choice(FIRST[language])} {self.rng.choice(LAST[language])}"
