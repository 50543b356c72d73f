"""A synthetic convention and amendments, built as model objects, for benchmarks.

`build(n_articles, n_amendments)` returns a convention of `n_articles` articles
(each with a § 1 and a § 2 of three points, and an annex 1) and `n_amendments`
amendments whose operations insert articles "k/j", replace paragraphs, repeal
points and replace annex 1.  Everything is drawn from a seeded random
generator, so a given (n_articles, n_amendments, seed) always gives the same
texts.  The dates are spread over many days, several amendments share a date,
some are retroactive (in force before they were approved) and some operations
carry a date of their own; no two operations touch one provision on one date.

The operations are chosen while simulating the replay in the engine's order
(entry into force, then amendment order, then order inside the amendment), so
that every operation finds its target: `build` asserts that the engine replays
the whole set with no problem.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from itertools import pairwise

from generator.consolidation.engine import consolidate
from generator.model.annexes import Annex, AnnexRow
from generator.model.dates import InForce
from generator.model.documents import (
    Amendment,
    AmendmentArticle,
    AmendmentDates,
    Convention,
    ConventionDates,
    Operation,
    Quote,
    Source,
)
from generator.model.provisions import Provision
from generator.model.text import I18nText

CONVENTION_ID = "synthetic"
START = dt.date(2021, 9, 1)

_SUBJECTS = [
    "Le réseau",
    "Le psychologue clinicien",
    "L'orthopédagogue clinicien",
    "Le comité de l'assurance",
    "Le coordinateur du réseau",
    "L'hôpital gestionnaire",
    "Le prestataire conventionné",
    "L'organisation partenaire",
]
_VERBS = [
    "s'engage à",
    "veille à",
    "est tenu de",
    "peut",
    "communique à l'INAMI sa décision de",
    "prend les mesures nécessaires pour",
]
_OBJECTS = [
    "organiser des séances individuelles et de groupe",
    "transmettre les données d'enregistrement dans les délais prévus",
    "informer les bénéficiaires de l'intervention personnelle",
    "respecter les critères de qualité fixés par le groupe de travail",
    "facturer les prestations au moyen des pseudocodes de l'annexe 1",
    "conserver les pièces justificatives pendant cinq ans",
    "assurer la continuité des soins psychologiques de première ligne",
    "désigner un coordinateur chargé du suivi de la convention",
]
_TAILS = [
    "",
    " conformément à l'article 5",
    " dans un délai de trente jours",
    " à partir du 1er janvier de l'année suivante",
    " selon les modalités définies par le Comité de l'assurance",
    " sans préjudice des dispositions de l'annexe 1",
]


def _sentence(rng: random.Random) -> str:
    return (
        f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)}{rng.choice(_TAILS)}."
    )


def _text(rng: random.Random, sentences: int = 2) -> I18nText:
    return I18nText(fr=" ".join(_sentence(rng) for _ in range(sentences)))


def _pseudocode(prefix: int) -> str:
    return f"{prefix:05d}{prefix % 7}"


def _point(rng: random.Random, p: int) -> Provision:
    return Provision(kind="point", num=f"{p}°", text=_text(rng, 1))


def _paragraph(rng: random.Random, num: int) -> Provision:
    if num == 1:
        return Provision(kind="paragraph", num="1", text=_text(rng, 2))
    return Provision(
        kind="paragraph",
        num=str(num),
        text=I18nText(fr=f"{_sentence(rng)[:-1]} :"),
        children=[_point(rng, p) for p in (1, 2, 3)],
    )


def _article(rng: random.Random, num: str) -> Provision:
    return Provision(
        kind="article",
        num=num,
        heading=I18nText(fr=rng.choice(_OBJECTS).capitalize()),
        children=[_paragraph(rng, 1), _paragraph(rng, 2)],
    )


def _annex(rng: random.Random, version: int) -> Annex:
    rows = [
        AnnexRow(
            code=_pseudocode(10000 + (79000 + 10 * version + r) % 90000),
            description=I18nText(fr=f"Séance {r + 1} - {rng.choice(_OBJECTS)}"),
        )
        for r in range(rng.randint(3, 8))
    ]
    return Annex(num="1", heading=I18nText(fr="Annexe 1 : liste des pseudocodes"), rows=rows)


def make_convention(n_articles: int = 200, seed: int = 1) -> Convention:
    rng = random.Random(f"convention-{seed}-{n_articles}")
    return Convention(
        type="convention",
        id=CONVENTION_ID,
        kind="inami-network",
        title=I18nText(fr="Convention synthétique entre le réseau {network.name|XXX} et l'INAMI"),
        sources=[Source(document="synthetic benchmark data")],
        dates=ConventionDates(approved=START - dt.timedelta(days=37), start=START),
        signatories=["committee", "network"],
        articles=[_article(rng, str(k)) for k in range(1, n_articles + 1)],
        annexes=[_annex(rng, 0)],
    )


@dataclass(order=True)
class _Slot:
    """One operation still to be chosen, with its place in replay order."""

    date: dt.date
    ordinal: int
    article_index: int
    kind: str = field(compare=False)
    own_date: dt.date | None = field(compare=False, default=None)
    operation: Operation | None = field(compare=False, default=None)
    text: str = field(compare=False, default="")


@dataclass
class _State:
    """What the convention looks like at this point of the simulated replay."""

    n_articles: int
    #: how many articles "k/j" were inserted after base article k
    inserted: dict[int, int] = field(default_factory=dict)
    #: every article token ("12", "12-1") that exists
    articles: list[str] = field(default_factory=list)
    #: repealed points, as (article token, point number)
    repealed: set[tuple[str, int]] = field(default_factory=set)
    #: (eid, date) already touched: the engine refuses a second operation on them
    touched: set[tuple[str, dt.date]] = field(default_factory=set)

    def touch(self, eid: str, date: dt.date) -> bool:
        if (eid, date) in self.touched:
            return False
        self.touched.add((eid, date))
        return True


def _dates(rng: random.Random, n: int) -> list[tuple[dt.date, dt.date, bool]]:
    """(in force, approved, retroactive) for each amendment, in ordinal order."""
    result = []
    day = START + dt.timedelta(days=30)
    for _ in range(n):
        if result and rng.random() < 0.2:
            in_force = result[-1][0]  # same date as the previous amendment
        else:
            day += dt.timedelta(days=rng.randint(1, 4))
            in_force = day
        retroactive = rng.random() < 0.25
        if retroactive:
            # made later, applying from earlier: before the previous amendments' dates
            in_force = max(START, in_force - dt.timedelta(days=rng.randint(5, 60)))
            approved = day + dt.timedelta(days=rng.randint(1, 30))
        else:
            approved = in_force - dt.timedelta(days=rng.randint(10, 60))
        result.append((in_force, approved, retroactive))
    return result


def _fill(rng: random.Random, slot: _Slot, state: _State) -> None:
    """Choose the concrete operation of `slot`, given the state at its date."""
    kinds = [slot.kind, "insert"]
    for kind in kinds:
        if kind == "replace-annex" and state.touch("annex_1", slot.date):
            slot.operation = Operation(action="replace", target="annex_1", annex="1")
            slot.text = "L'annexe 1 est remplacée par l'annexe 1 jointe au présent avenant."
            return
        if kind == "replace-paragraph":
            for _ in range(10):
                token = rng.choice(state.articles)
                para = rng.choice((1, 2))
                eid = f"art_{token}__para_{para}"
                if state.touch(eid, slot.date):
                    if para == 2:  # the new § 2 has its three points again
                        state.repealed -= {(token, p) for p in (1, 2, 3)}
                    slot.operation = Operation(
                        action="replace",
                        target=eid,
                        provision=_paragraph(rng, para),
                        quote=Quote(open="«", close="»"),
                    )
                    num = token.replace("-", "/")
                    slot.text = f"Dans l'article {num}, le § {para} est remplacé par ce qui suit :"
                    return
        if kind == "repeal-point":
            for _ in range(10):
                token = rng.choice(state.articles)
                point = rng.choice((1, 2, 3))
                eid = f"art_{token}__para_2__point_{point}"
                if (token, point) not in state.repealed and state.touch(eid, slot.date):
                    state.repealed.add((token, point))
                    slot.operation = Operation(action="repeal", target=eid)
                    num = token.replace("-", "/")
                    slot.text = f"Dans l'article {num}, § 2, le {point}° est abrogé."
                    return
        if kind == "insert":
            base = rng.randint(1, state.n_articles)
            j = state.inserted.get(base, 0) + 1
            state.inserted[base] = j
            after = f"art_{base}" if j == 1 else f"art_{base}-{j - 1}"
            token = f"{base}-{j}"
            assert state.touch(f"art_{token}", slot.date)
            state.articles.append(token)
            slot.operation = Operation(
                action="insert",
                after=after,
                provision=_article(rng, f"{base}/{j}"),
                quote=Quote(open="«", close="»"),
                in_force=_stated(slot.own_date) if slot.own_date else None,
            )
            slot.text = f"Un article {base}/{j} est inséré comme suit :"
            return
    raise AssertionError("unreachable: an insert always succeeds")  # pragma: no cover


def _stated(date: dt.date, reason: str | None = None) -> InForce:
    """A date the synthetic amendment's text states."""
    words = f"Le présent avenant entre en vigueur le {date.isoformat()}."
    return InForce(standing="stated", date=date, words=words, reason=reason)


def make_amendments(convention: Convention, n_amendments: int, seed: int = 1) -> list[Amendment]:
    rng = random.Random(f"amendments-{seed}-{len(convention.articles)}-{n_amendments}")
    n_articles = len(convention.articles)
    dates = _dates(rng, n_amendments)
    plans: list[list[_Slot]] = []
    for ordinal, (in_force, _, _) in enumerate(dates, start=1):
        kinds = rng.choices(
            ["insert", "replace-paragraph", "repeal-point", "replace-annex"],
            weights=[3, 4, 3, 1],
            k=rng.randint(2, 4),
        )
        if kinds.count("replace-annex") > 1:  # one annex 1 per amendment
            kinds = [k for k in kinds if k != "replace-annex"] + ["replace-annex"]
        slots = []
        for ai, kind in enumerate(kinds):
            own = None
            if kind == "insert" and rng.random() < 0.15:  # an operation with its own date
                own = max(START, in_force + dt.timedelta(days=rng.randint(-20, 20)))
            slots.append(_Slot(own or in_force, ordinal, ai, kind, own))
        plans.append(slots)
    state = _State(n_articles, articles=[str(k) for k in range(1, n_articles + 1)])
    # the engine's order: date, then amendment order (the ordinal), then position
    for slot in sorted(s for slots in plans for s in slots):
        _fill(rng, slot, state)
    amendments = []
    for ordinal, ((in_force, approved, retroactive), slots) in enumerate(
        zip(dates, plans, strict=True), start=1
    ):
        annexes = [_annex(rng, ordinal)] if any(s.operation.annex for s in slots) else []
        amendments.append(
            Amendment(
                type="amendment",
                id=f"{CONVENTION_ID}/avenant-{ordinal:04d}",
                amends=CONVENTION_ID,
                ordinal=ordinal,
                title=I18nText(fr=f"Avenant n° {ordinal} à la convention synthétique"),
                sources=[Source(document=f"Circulaire synthétique {ordinal}")],
                dates=AmendmentDates(approved=approved, signed=approved),
                in_force=_stated(in_force, "retroactive" if retroactive else None),
                signatories=["committee", "network"],
                articles=[
                    AmendmentArticle(
                        num=str(slot.article_index + 1),
                        text=I18nText(fr=slot.text),
                        operations=[slot.operation],
                    )
                    for slot in slots
                ],
                annexes=annexes,
            )
        )
    return amendments


def build(
    n_articles: int = 200, n_amendments: int = 100, seed: int = 1, check: bool = True
) -> tuple[Convention, list[Amendment]]:
    """A synthetic convention and its amendments; asserts that they replay cleanly."""
    convention = make_convention(n_articles, seed)
    amendments = make_amendments(convention, n_amendments, seed)
    if check:
        assert_replays(convention, amendments)
    return convention, amendments


def assert_replays(convention: Convention, amendments: list[Amendment]) -> None:
    result = consolidate(convention, amendments, None)
    assert not result.problems, "the synthetic amendments do not replay: " + "; ".join(
        f"{p.amendment} {p.loc}: {p.message}" for p in result.problems[:5]
    )
    operations = sum(len(a.operations) for am in amendments for a in am.articles)
    assert len(result.applied) == operations, (len(result.applied), operations)


def statistics(amendments: list[Amendment]) -> dict[str, int]:
    """Counts that show the data exercises what it should."""
    ops = [op for am in amendments for a in am.articles for op in a.operations]
    dates = [am.in_force.date for am in amendments]
    return {
        "amendments": len(amendments),
        "operations": len(ops),
        "inserts": sum(op.action == "insert" for op in ops),
        "replacements": sum(op.action == "replace" and op.provision is not None for op in ops),
        "repeals": sum(op.action == "repeal" for op in ops),
        "annex replacements": sum(op.annex is not None for op in ops),
        "distinct dates": len(set(dates)),
        "shared dates": len(dates) - len(set(dates)),
        "retroactive": sum(
            am.in_force.date < (am.dates.approved or am.in_force.date) for am in amendments
        ),
        "out of order": sum(b.in_force.date < a.in_force.date for a, b in pairwise(amendments)),
        "own dates": sum(op.in_force is not None for op in ops),
    }
