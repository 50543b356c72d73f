"""What the `conventio` group's options hand to every subcommand: one typed
object, passed down by click (`pass_state`), that also lends the loaded corpus.
Creating it imports nothing heavy: `conventio … --help` stays fast."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from generator.corpus.loader import Corpus


@dataclass(frozen=True)
class CliState:
    #: the corpus folder `--corpus` (or CONVENTIO_CORPUS) names; None: the shipped one
    corpus: Path | None = None

    @property
    def corpus_folder(self) -> Path:
        """The corpus folder the commands read."""
        if self.corpus is not None:
            return self.corpus
        from generator.corpus.folder import default_corpus_dir

        return default_corpus_dir()

    def load_corpus(self) -> Corpus:
        from generator.corpus.loader import load_corpus

        return load_corpus(self.corpus_folder)


#: gives a command the `CliState` of the nearest group (a default one when run alone)
pass_state = click.make_pass_decorator(CliState, ensure=True)
