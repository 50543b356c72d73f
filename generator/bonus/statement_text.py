"""The text of a practice bonus statement: the steps of one provider's calculation
with the parameters and the provisions of article 14/1 they come from, the declared
assumptions, and the article itself as in force, quoted from the corpus.

The words around the figures are conventio's own (gettext catalogues, the letter's
language); the article's text and the assumptions are the corpus's. The provider's
figures and names are sentinels (generator/generation/sentinels.py), filled per
letter as inert text: the template is rendered once per language."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from decimal import Decimal
from typing import Any

from generator.bonus.parameters import ARTICLE, CONVENTION, BonusParameters
from generator.catalogue import catalogue
from generator.consolidation.engine import consolidate
from generator.generation.context import _block
from generator.generation.sentinels import sentinel
from generator.rendering.blocks import Block, BlockWriter
from generator.rendering.language import LOCALES, TextPicker, format_date
from generator.rendering.provisions import write_provision
from generator.rendering.typography import french_spacing_in

#: the per-letter values (sentinels): name -> what fills it
SLOTS = (
    "bonus.provider_name",
    "bonus.provider_inami",
    "bonus.network_name",
    "bonus.sessions",
    "bonus.amount",
    "bonus.outreach",
    "bonus.share",
    "bonus.part_volume",
    "bonus.part_outreach",
    "bonus.total",
)
#: where the readings (declared assumptions) stand: they are French only
ASSUMPTIONS_WHERE = "article 14/1: hypothèses déclarées"


def number(value: Decimal | int, lang: str, places: int = 2) -> str:
    """A figure as the letter's language writes it (12 000,00 in French)."""
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * places if places else "")
    return format_decimal(Decimal(value), format=pattern, locale=LOCALES[lang])


def share_text(value: Decimal, lang: str) -> str:
    """A percentage with at most two decimals, without trailing zeros (13, 19,23)."""
    from babel.numbers import format_decimal

    return format_decimal(Decimal(value), format="#,##0.##", locale=LOCALES[lang])


def slot_values(row: Any, provider_name: str, network_name: str, lang: str) -> dict[str, str]:
    """One provider's values for the sentinels of SLOTS (not yet escaped)."""
    return {
        "bonus.provider_name": provider_name,
        "bonus.provider_inami": str(row.provider_inami),
        "bonus.network_name": network_name,
        "bonus.sessions": number(row.individual_sessions, lang, 0),
        "bonus.amount": number(row.amount_counted_eur, lang),
        "bonus.outreach": number(row.outreach_sessions, lang, 0),
        "bonus.share": share_text(row.outreach_share, lang),
        "bonus.part_volume": number(row.part_volume_eur, lang),
        "bonus.part_outreach": number(row.part_outreach_eur, lang),
        "bonus.total": number(row.bonus_eur, lang),
    }


def _steps(params: BonusParameters, lang: str) -> list[str]:
    """The calculation's steps, each naming the provision it applies."""
    return _volume_steps(params, lang) + _outreach_steps(params, lang)


def _words(params: BonusParameters, lang: str):
    """The catalogue, the sentinel maker, a parameter's provision and the maxima."""
    words = catalogue(lang)

    def where(name: str) -> str:
        return params.cite(name).human

    eur = {key: number(params.amount(key), lang) for key in ("volume_max", "outreach_max", "max")}
    return words, sentinel, where, eur


def _volume_steps(params: BonusParameters, lang: str) -> list[str]:
    """Steps 1 and 2: the amount counted and the volume part."""
    words, s, where, eur = _words(params, lang)
    return [
        # TRANSLATORS: bonus statement, step 1; {where} is the provision (article 14/1, ...)
        words.gettext(
            "Individual sessions counted ({where}): {sessions}, for an attested amount of "
            "{amount} EUR."
        ).format(
            where=where("volume_codes"), sessions=s("bonus.sessions"), amount=s("bonus.amount")
        ),
        # TRANSLATORS: bonus statement, step 2: the volume part, pro rata under the threshold
        words.gettext(
            "Volume part ({where}): {maximum} EUR × {amount} EUR / {threshold} EUR, at most "
            "{maximum} EUR: {part} EUR."
        ).format(
            where=where("volume_threshold"),
            maximum=eur["volume_max"],
            amount=s("bonus.amount"),
            threshold=number(params.amount("volume_threshold"), lang),
            part=s("bonus.part_volume"),
        ),
    ]


def _outreach_steps(params: BonusParameters, lang: str) -> list[str]:
    """Steps 3 to 6: the outreach share, the innovation part, the cap, who pays."""
    words, s, where, eur = _words(params, lang)
    return [
        # TRANSLATORS: bonus statement, step 3: the share of sessions in outreach
        words.gettext(
            "Sessions in outreach ({where}): {outreach} of {sessions}, that is {share} %."
        ).format(
            where=where("outreach_codes"),
            outreach=s("bonus.outreach"),
            sessions=s("bonus.sessions"),
            share=s("bonus.share"),
        ),
        # TRANSLATORS: bonus statement, step 4: the innovation part, pro rata under the threshold
        words.gettext(
            "Innovation part ({where}): {share} % / {threshold} % × {maximum} EUR, at most "
            "{maximum} EUR: {part} EUR."
        ).format(
            where=where("outreach_threshold"),
            share=s("bonus.share"),
            threshold=share_text(params.percentage("outreach_threshold"), lang),
            maximum=eur["outreach_max"],
            part=s("bonus.part_outreach"),
        ),
        # TRANSLATORS: bonus statement, step 5: the two parts, capped
        words.gettext(
            "Practice bonus ({where}): {volume} EUR + {outreach} EUR, at most {maximum} EUR: "
            "{bonus} EUR."
        ).format(
            where=where("max"),
            volume=s("bonus.part_volume"),
            outreach=s("bonus.part_outreach"),
            maximum=eur["max"],
            bonus=s("bonus.total"),
        ),
        # TRANSLATORS: bonus statement, step 6: which network pays
        words.gettext(
            "Paid by the network where you did the largest volume of services in euros "
            "({where}): {network}."
        ).format(where=params.cite("payment_deadline").human, network=s("bonus.network_name")),
    ]


def article_blocks(corpus: Any, params: BonusParameters, pick: TextPicker) -> list[Block]:
    """Article 14/1 as in force for the bonus year, quoted from the corpus."""
    convention = corpus.get(CONVENTION)
    result = consolidate(convention, corpus.amendments_of(CONVENTION), params.at, pick.lang)
    out = BlockWriter(fill=lambda text: text)
    write_provision(out, result.index[ARTICLE], pick)
    return [replace(b, quoted=True) for b in out.blocks]


def statement_blocks(
    corpus: Any, params: BonusParameters, lang: str, pick: TextPicker, date_text: str
) -> list[Block]:
    """The whole letter: title, who, its date, the steps, the assumptions, the article."""
    words, s = catalogue(lang), sentinel
    # TRANSLATORS: bonus statement, its title
    title = words.gettext("Practice bonus {year}: how your bonus was computed")
    blocks = [
        Block("title", title.format(year=params.year)),
        # TRANSLATORS: bonus statement, who it is for
        Block(
            "paragraph",
            words.gettext("Provider: {name}, INAMI number {inami}").format(
                name=s("bonus.provider_name"), inami=s("bonus.provider_inami")
            ),
        ),
        # TRANSLATORS: bonus statement, the letter's date ({date} in words)
        Block("paragraph", words.gettext("Date: {date}").format(date=date_text)),
        # TRANSLATORS: bonus statement, heading of the calculation's steps
        Block("heading", words.gettext("The calculation"), level=1),
    ]
    blocks += [
        Block("paragraph", step, label=f"{n}.") for n, step in enumerate(_steps(params, lang), 1)
    ]
    # TRANSLATORS: bonus statement, heading of the declared assumptions
    blocks.append(
        Block("heading", words.gettext("Assumptions where the article is silent"), level=1)
    )
    for cited in params.readings:
        blocks.append(Block("paragraph", f"{cited.label} : {cited.parameter.reading}"))
    # TRANSLATORS: bonus statement, heading above article 14/1 as in force; {date} in words
    heading = words.gettext("The article as in force on {date}")
    blocks.append(Block("heading", heading.format(date=format_date(params.at, lang)), level=1))
    blocks += article_blocks(corpus, params, pick)
    return blocks


def statement_context(
    corpus: Any, params: BonusParameters, lang: str, date_text: str
) -> dict[str, Any]:
    """The template's context for the letters in `lang` (figures as sentinels)."""
    pick = TextPicker(lang)
    blocks = statement_blocks(corpus, params, lang, pick, date_text)
    pick.raise_if_missing()
    context = {
        "title": blocks[0].text,
        "blocks": [_block(b) for b in blocks],
        "document_id": sentinel("doc.id"),
        "reference": sentinel("doc.reference"),
        "content_hash": sentinel("doc.content_hash"),
        "language": lang,
        "date": date_text,
        "issuer": "network",
        "issuer_lines": [sentinel("bonus.network_name")],
    }
    if lang == "fr":
        context = french_spacing_in(context, frozenset({"title", "kind", "language"}))
    return context


def missing_in(corpus: Any, params: BonusParameters, lang: str) -> Counter[str]:
    """What a letter in `lang` would print that the corpus does not hold in `lang`:
    the article's texts by address, and the declared assumptions (French only)."""
    pick = TextPicker("fr", check=lang)
    article_blocks(corpus, params, pick)
    missing = Counter(pick.missing)
    if lang != "fr" and params.readings:
        missing[ASSUMPTIONS_WHERE] = len(params.readings)
    return missing
