"""Load the corpus folder into models, collecting every problem with its place."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from generator.corpus.messages import validation_problems
from generator.corpus.yamlsource import YamlSource, read_yaml
from generator.errors import ConventioError, CorpusError, Problem
from generator.model.documents import Amendment, Circular, Convention
from generator.model.pseudocodes import CodeRegistry

DOCUMENT_TYPES: dict[str, type[BaseModel]] = {
    "convention": Convention,
    "amendment": Amendment,
    "circular": Circular,
    "code-registry": CodeRegistry,
}

Document = Convention | Amendment | Circular | CodeRegistry


@dataclass
class Corpus:
    root: Path
    documents: dict[str, Document] = field(default_factory=dict)
    sources: dict[str, YamlSource] = field(default_factory=dict)
    #: ids of the files that did not load (their problems are already reported)
    broken: set[str] = field(default_factory=set)

    def of_type(self, cls: type[Any]) -> list[Any]:
        return [d for d in self.documents.values() if isinstance(d, cls)]

    @property
    def conventions(self) -> list[Convention]:
        return self.of_type(Convention)

    @property
    def amendments(self) -> list[Amendment]:
        return self.of_type(Amendment)

    def amendments_of(self, convention_id: str) -> list[Amendment]:
        return sorted(
            (a for a in self.amendments if a.amends == convention_id), key=amendment_order
        )

    def get(self, doc_id: str) -> Document:
        try:
            return self.documents[doc_id]
        except KeyError:
            known = ", ".join(sorted(self.documents))
            raise ConventioError(
                f"no document {doc_id!r} in the corpus {self.root}; known: {known}"
            ) from None

    def problem(self, doc_id: str, loc: tuple[str | int, ...], message: str) -> Problem:
        return self.sources[doc_id].problem(loc, message)


def amendment_order(amendment: Amendment) -> tuple[Any, ...]:
    """Amendments of one convention in the order they were made."""
    dates = amendment.dates
    first = dates.approved or dates.issued or dates.signed or amendment.in_force
    return (amendment.ordinal is None, amendment.ordinal or 0, first, amendment.id)


def expected_id(relative: Path) -> str:
    """`inami-network-2021/convention.yaml` -> `inami-network-2021`;
    `inami-network-2021/avenant-06.yaml` -> `inami-network-2021/avenant-06`."""
    parts = list(relative.with_suffix("").parts)
    if parts[-1] == "convention" and len(parts) > 1:
        parts = parts[:-1]
    return "/".join(parts)


def default_corpus_dir() -> Path:
    env = os.environ.get("CONVENTIO_CORPUS")
    if env:
        return Path(env)
    from generator.shipped import shipped_folder

    return shipped_folder("conventions")


def corpus_files(root: Path) -> list[Path]:
    if not root.is_dir():
        raise ConventioError(
            f"the corpus folder {root} does not exist; give one with --corpus "
            "or the CONVENTIO_CORPUS environment variable"
        )
    files = sorted(p for p in root.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
    if not files:
        raise ConventioError(f"the corpus folder {root} contains no .yaml document")
    return files


def read_corpus(root: Path) -> tuple[Corpus, list[Problem]]:
    """Every document that validates, and the problems of those that do not."""
    corpus = Corpus(root)
    problems: list[Problem] = []
    for path in corpus_files(root):
        relative = path.relative_to(root)
        shown = str(Path(root.name) / relative)
        src, found = read_yaml(path, shown)
        problems.extend(found)
        wanted = expected_id(relative)
        document = _validate(src, problems) if src is not None and not found else None
        if document is None:
            corpus.broken.add(wanted)
            continue
        if document.id != wanted:
            problems.append(
                src.problem(
                    ("id",),
                    f"the id {document.id!r} does not match the file's place: "
                    f"a file at {relative} must have the id {wanted!r}",
                )
            )
            continue
        if document.id in corpus.documents:
            problems.append(src.problem(("id",), f"the id {document.id!r} is used twice"))
            continue
        corpus.documents[document.id] = document
        corpus.sources[document.id] = src
    return corpus, problems


def _validate(src: YamlSource, problems: list[Problem]) -> Document | None:
    data = src.data
    if not isinstance(data, dict):
        problems.append(src.problem((), "the file must be a block of fields (key: value lines)"))
        return None
    kind = data.get("type")
    model = DOCUMENT_TYPES.get(kind) if isinstance(kind, str) else None
    if model is None:
        allowed = ", ".join(DOCUMENT_TYPES)
        where = ("type",) if "type" in data else ()
        problems.append(src.problem(where, f"'type' must be one of: {allowed}"))
        return None
    try:
        return model.model_validate(data)  # type: ignore[return-value]
    except ValidationError as exc:
        problems.extend(validation_problems(exc, model, src))
        return None


def load_corpus(root: Path | None = None) -> Corpus:
    """The corpus, fully checked; raises CorpusError listing every problem."""
    from generator.corpus.checks import check_corpus

    corpus, problems = read_corpus(root or default_corpus_dir())
    problems.extend(check_corpus(corpus))
    if problems:
        raise CorpusError(problems)
    return corpus
