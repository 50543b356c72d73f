"""Write the FICTIONAL example parties: examples/parties.yaml,
examples/parties.xlsx and examples/csv/*.csv (the same data three times).

    python examples/make_examples.py [OUT_DIR]      (default: this folder)

Deterministic (seeded random): running it again writes the same parties.
Every person, organisation, hospital, network, address and number is
invented; the numbers are made valid by the checks of generator/parties/numbers.py
(BCE and national register numbers by their mod-97 rules, INAMI by the
97-rule, Belgian phone numbers, emails at example.org / example.be), so that
they pass `conventio parties check` without belonging to anyone.

The work is done by the package examplegen/ next to this script (examples/ is
not a package, and examplegen is not installed): run as a script, this file
puts its own folder on Python's path, then imports it. In examplegen/:
vocabulary.py holds the invented names and places, maker.py draws valid
numbers, names and addresses from the seeded generator, networks.py and
providers.py build each kind of party, parties.py calls them in order, and
writers.py writes the three formats.
"""

from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: find examplegen/ next to this file
    sys.path.insert(0, str(Path(__file__).resolve().parent))

from examplegen.writers import write_all


def main(argv: list[str]) -> None:
    out = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent
    for path in write_all(out):
        print(f"written: {path}")


if __name__ == "__main__":
    main(sys.argv)
