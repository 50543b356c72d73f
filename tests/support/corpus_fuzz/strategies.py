"""The hypothesis strategies of the corpus fuzzing: values of every YAML type and
of none (numbers, lists, mappings, null, impossible dates, very long strings, deep
nesting), real and unreal keys, ids and addresses, bytes that are not UTF-8, and
from them every kind of mutation (`MUTATIONS`) and whole mutated corpora
(`corpora`)."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import strategies as st

from generator.model.document_types import DOCUMENT_TYPES
from tests.support.corpus_fuzz.bases import BASES
from tests.support.corpus_fuzz.mutations import REF_VALUE, Mutation


def _field_names() -> list[str]:
    """Every field name of every corpus model (for renaming keys into real ones)."""
    from pydantic import BaseModel

    seen: set[type] = set()
    names: set[str] = set()

    def visit(annotation: Any) -> None:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            if annotation in seen:
                return
            seen.add(annotation)
            for name, info in annotation.model_fields.items():
                names.add(name)
                visit(info.annotation)
        for arg in getattr(annotation, "__args__", ()) or ():
            visit(arg)
        for meta in getattr(annotation, "__metadata__", ()) or ():
            visit(meta)

    for model in DOCUMENT_TYPES.values():
        visit(model)
    return sorted(names)


FIELD_NAMES = _field_names()


def _known_refs() -> list[str]:
    found: set[str] = set()
    for files in BASES.values():
        for data in files.values():
            for match in REF_VALUE.finditer(data.decode("utf-8", "replace")):
                found.add(match.group("value").strip())
    return sorted(found)


KNOWN_REFS = _known_refs()
ADDRESSES = [
    "art_1",
    "art_2",
    "art_2__para_1",
    "art_2__para_2",
    "art_2__para_1__point_1",
    "art_2-1",
    "art_2/1",
    "art_99",
    "art_",
    "art_2__",
    "art_2____para_1",
    "__",
    "_",
    "para_1",
    "art_1__al_1",
    "art_1__al_0",
    "art_1__indent_1",
    "annex_1",
    "annex_2",
    "annex_",
    "articles",
    "annexes",
    "conv",
    "conv/a1",
    "conv/",
    "/conv",
    "CONV",
    "registry/codes",
    "inami-network-2021",
    "inami-network-2021/avenant-06",
    '"2/1"',
    "0",
    "-1",
    "1°",
    "a)",
    "§ 1er",
    '"1\\n2"',
    '"art_2\\ttab"',
    '"art_2\\n"',
]


WORDS = [
    "insert",
    "replace",
    "repeal",
    "article",
    "paragraph",
    "point",
    "indent",
    "alinea",
    "annex",
    "convention",
    "amendment",
    "circular",
    "code-registry",
    "committee",
    "network",
    "SPPL",
    "group",
]


YAML_CHARS = [
    ":",
    ": ",
    "-",
    "- ",
    "{",
    "}",
    "[",
    "]",
    '"',
    "'",
    "&",
    "&a ",
    "*",
    "*a",
    "!",
    "!!str ",
    "!!int ",
    "!!binary ",
    "!!set ",
    "!foo ",
    "|",
    "|-\n",
    ">",
    ">-\n",
    "\t",
    "\n",
    "\n\n",
    "\r",
    "#",
    "%",
    "%YAML 1.1\n---\n",
    "---\n",
    "...\n",
    "@",
    "`",
    ",",
    "?",
    "? ",
    "<<: ",
    " ",
    "  ",
    "\\",
    "\ufeff",
    "\x00",
    "\x07",
    "\x85",
    "\u2028",
]


def _chain(depth: int) -> str:
    """A provision nested `depth` times (valid at every level)."""
    text = '{kind: point, num: "1", text: {fr: x}}'
    for _ in range(depth):
        text = '{kind: point, num: "1", children: [' + text + "]}"
    return text


VALUES = st.one_of(
    st.integers(-(10**30), 10**30).map(str),
    st.sampled_from(
        [
            ".nan",
            ".inf",
            "-.inf",
            "1e400",
            "0x1F",
            "0o17",
            "0b101",
            "1_000",
            "+12",
            "1.5",
            "-0",
            "12:30:00",
            "[]",
            "[1, 2]",
            "[[], {}]",
            "{}",
            "{a: 1}",
            "{fr: x}",
            "{fr: ' '}",
            "null",
            "~",
            "",
            "''",
            '""',
            "true",
            "no",
            "2023-02-30",
            "2023-13-01",
            "2023-1-5",
            "0000-00-00",
            "2023-01-01T10:00:00",
            "2023-01-01 10:00:00",
            "2023-01-01T10:00:00+02:00",
            "9999-12-31",
            "0001-01-01",
            '"a\\nb"',
            '"tab\\there"',
            "'it''s'",
            "|\n  block\n  text",
            ">-\n  folded",
            "&a x",
            "*a",
            "*undefined",
            "!!binary aGVsbG8=",
            "!!int x",
            "!!float x",
            "!!timestamp 2023-02-30",
            "!!set {a, b}",
            "!!omap [a: 1]",
            "!!python/object:os.system x",
            "!custom x",
            "? complex key",
            '"\\ud800"',
            '"\\x00"',
            '"\\u2028"',
            "'{network.name'",
            '"{unknown.slot|x}"',
            '"{network.name|x}}"',
            '"[^9]"',
            '"792515"',
            "792514",
            "[792514, 792514]",
        ]
    ),
    st.integers(1_000, 200_000).map(lambda n: "x" * n),
    st.integers(1, 3_000).map(lambda d: "[" * d + "]" * d),
    st.integers(1, 1_000).map(lambda d: "{a: " * d + "1" + "}" * d),
    st.integers(0, 400).map(_chain),
    st.integers(0, 400).map(lambda d: "[" + _chain(d) + "]"),
    st.text(max_size=30),
    st.text(max_size=30).map(json.dumps),  # any text, as a double-quoted YAML string
)


KEYS = st.one_of(
    st.sampled_from(FIELD_NAMES),
    st.sampled_from(FIELD_NAMES).map(lambda name: name + "x"),
    st.sampled_from(FIELD_NAMES).map(str.upper),
    st.sampled_from(["<<", "? x", '"quoted key"', "[a, b]", "{a: 1}", "1", "null", "true"]),
    st.sampled_from(["2023-01-01", "-", "", "&a k", "*a", "!!int 3"]),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz_-", min_size=1, max_size=12),
)
ANCHORS = st.one_of(
    st.sampled_from(ADDRESSES),
    st.sampled_from(KNOWN_REFS or ["x"]),
    st.text(max_size=12).map(json.dumps),
)
REFS = st.one_of(
    st.sampled_from(KNOWN_REFS or ["x"]),
    st.sampled_from(ADDRESSES),
    st.sampled_from(WORDS),
    st.text(max_size=12).map(json.dumps),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789_-/", max_size=20),
    VALUES,
)
BAD_BYTES = st.sampled_from(
    [
        *(b"\xff", b"\xfe\xff", b"\xc3(", b"\xc3", b"\x80", b"\xed\xa0\x80", b"\xf4\x90\x80\x80"),
        *(b"\xef\xbb\xbf", b"\x00", b"\xe2\x80\xa8"),
    ]
)
INDEX = st.integers(0, 2**20)

MUTATIONS: st.SearchStrategy[Mutation] = st.one_of(
    st.tuples(st.just("delete"), INDEX, INDEX, st.integers(1, 40)),
    st.tuples(
        st.just("insert"),
        INDEX,
        INDEX,
        st.one_of(st.sampled_from(YAML_CHARS), st.text(max_size=10)),
    ),
    st.tuples(st.just("duplicate-line"), INDEX, INDEX),
    st.tuples(st.just("delete-line"), INDEX, INDEX),
    st.tuples(st.just("swap-lines"), INDEX, INDEX, INDEX),
    st.tuples(st.just("indent-line"), INDEX, INDEX, st.integers(-6, 6)),
    st.tuples(st.just("truncate"), INDEX, INDEX),
    st.tuples(st.just("replace-value"), INDEX, INDEX, VALUES),
    st.tuples(st.just("rename-key"), INDEX, INDEX, KEYS),
    st.tuples(st.just("change-ref"), INDEX, INDEX, REFS),
    st.tuples(st.just("change-anchor"), INDEX, INDEX, ANCHORS),
    st.tuples(st.just("empty"), INDEX),
    st.tuples(st.just("bad-bytes"), INDEX, INDEX, BAD_BYTES),
    st.tuples(st.just("drop-file"), INDEX),
    st.tuples(
        st.just("copy-file"), INDEX, st.sampled_from(["copy.yaml", "conv/x.yml", "a/b/c.yaml"])
    ),
)


@st.composite
def corpora(draw: st.DrawFn) -> tuple[str, list[Mutation]]:
    base = draw(st.sampled_from(sorted(BASES)))
    mutations = draw(st.lists(MUTATIONS, min_size=1, max_size=5))
    return base, mutations
