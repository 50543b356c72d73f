"""A small corpus written to a temporary folder, for tests that need to
break or extend one (the shipped corpus stays untouched)."""

from __future__ import annotations

import textwrap
from pathlib import Path

REGISTRY = """\
type: code-registry
id: registry/codes
title: {fr: Registre}
codes:
  - {code: "792514", care: SPPL, service: group}
  - {code: "792536", care: SPPL, service: group}
  - {code: "792632", care: SPPL, service: individual, practice_bonus_volume: true}
"""

CONVENTION = """\
type: convention
id: conv
kind: inami-network
title: {fr: "Convention de test entre le réseau {network.name|XXX} et l'INAMI"}
sources: [{document: test}]
dates: {approved: 2021-07-26, start: 2021-09-01, end: 2023-12-31}
signatories: [committee, network]
articles:
  - kind: article
    num: "1"
    text: {fr: "Texte initial de l'article 1."}
  - kind: article
    num: "2"
    children:
      - kind: paragraph
        num: "1"
        text: {fr: "Premier paragraphe."}
      - kind: paragraph
        num: "2"
        text: {fr: "Second paragraphe."}
  - kind: article
    num: "3"
    declared_only: true
    note: cited elsewhere
annexes:
  - num: "1"
    declared_only: true
"""

AMENDMENT = """\
type: amendment
id: conv/a1
amends: conv
ordinal: 1
title: {fr: Premier avenant}
sources: [{document: test}]
dates: {approved: 2023-03-01}
in_force: {standing: stated, date: 2023-01-01,
  words: "Le présent avenant produit ses effets le 1er janvier 2023."}
signatories: [committee, network]
articles:
  - num: "1"
    text: {fr: "Un article 2/1 est ajouté comme suit :"}
    operations:
      - action: insert
        after: art_2
        quote: {open: "«", close: "»"}
        provision:
          kind: article
          num: "2/1"
          heading: {fr: Prime}
          text: {fr: "La prime est de 1.000 euros."}
          parameters:
            - {id: max_bonus, type: amount, label: maximum, value: "1000.00"}
            - {id: codes, type: codes, label: codes, codes: ["792632"],
               registry_flag: practice_bonus_volume}
  - num: "2"
    text: {fr: "L'article 2, § 2 est abrogé."}
    operations:
      - action: repeal
        target: art_2__para_2
  - num: "3"
    text: {fr: "L'annexe 1 est remplacée."}
    operations:
      - {action: replace, target: annex_1, annex: "1"}
  - num: "4"
    text: {fr: "L'article 2 entre en vigueur le 1er juin 2023."}
    entry_into_force:
      - {articles: ["2"], date: 2023-06-01}
annexes:
  - num: "1"
    heading: {fr: "Annexe 1 : liste"}
    rows:
      - {code: "792514", description: {fr: "SPPL - séance de groupe - 1"}}
      - {code: "792536", description: {fr: "SPPL – séance de groupe - 2"}}
"""


def write_corpus(root: Path, **replace: str | None) -> Path:
    """Write the mini corpus; `replace` maps a relative path to new content
    (None deletes the file)."""
    files = {
        "registry/codes.yaml": REGISTRY,
        "conv/convention.yaml": CONVENTION,
        "conv/a1.yaml": AMENDMENT,
    }
    for name, content in replace.items():
        files[name.replace("__", "/")] = content
    for name, content in files.items():
        if content is None:
            continue
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(content), encoding="utf-8")
    return root
