"""The `conventio.binding` entry point: which amendments bind a party, as the
signature register knows it, for `conventio show --party` (the register builds on
generator, never the reverse, so generator finds this through the entry point)."""

from __future__ import annotations


def binding(
    register_url, party_id: str, convention_id: str, corpus=None
) -> tuple[list[str], list[str]]:
    """For `conventio show --party`: the amendments this party signed, and
    those it has not signed yet (the `conventio.binding` entry point), in the
    order of `corpus` (the one `show` loaded; the default corpus if None).
    The register must exist and have issued something of this convention to
    the party."""
    from signatures.register import Register
    from signatures.reports import signed_sources_for

    if corpus is None:
        from generator.corpus.loader import load_corpus

        corpus = load_corpus()
    with Register(register_url, create=False) as register:
        return signed_sources_for(register, party_id, convention_id, corpus)
