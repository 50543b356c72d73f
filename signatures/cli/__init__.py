"""The command-line side of the signature register: `conventio signatures ...`.

- `commands`: the click group `signatures` and its commands, thin (the
  `conventio.commands` entry point `signatures.cli:signatures`);
- `texts`: what each command prints, as functions that open the register and return
  the text (tests call them);
- `binding`: the amendments that bind a party, for `conventio show --party` (the
  `conventio.binding` entry point `signatures.cli:binding`).

Only click is imported here; the register, the corpus and pyHanko are imported by
the command that needs them, when it runs. The domain modules of `signatures`
import neither click nor rich."""

from signatures.cli.binding import binding
from signatures.cli.commands import signatures

__all__ = ["binding", "signatures"]
