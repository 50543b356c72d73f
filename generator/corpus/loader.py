"""Load the corpus folder into models, collecting every problem with its place."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from generator.corpus.checks import check_corpus
from generator.corpus.collection import Corpus
from generator.corpus.folder import corpus_files, default_corpus_dir
from generator.corpus.messages import validation_problems
from generator.errors import CorpusError, Problem
from generator.model.document_types import DOCUMENT_TYPES, Document
from generator.yamlsource import YamlSource, read_yaml


def expected_id(relative: Path) -> str:
    """`inami-network-2021/convention.yaml` -> `inami-network-2021`;
    `inami-network-2021/avenant-06.yaml` -> `inami-network-2021/avenant-06`."""
    parts = list(relative.with_suffix("").parts)
    if parts[-1] == "convention" and len(parts) > 1:
        parts = parts[:-1]
    return "/".join(parts)


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
    corpus, problems = read_corpus(root or default_corpus_dir())
    problems.extend(check_corpus(corpus))
    if problems:
        raise CorpusError(problems)
    return corpus
