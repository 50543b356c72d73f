"""The model-level concepts of generator/model/, each with one home: addresses,
the order amendments apply in, the slot vocabulary, who signs, document types."""

from __future__ import annotations

import doctest

from generator.model import addresses


def test_the_address_examples_hold():
    # the docstring of generator/model/addresses.py is the grammar's reference
    result = doctest.testmod(addresses, raise_on_error=False)
    assert result.attempted >= 10
    assert result.failed == 0
