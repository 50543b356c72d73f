"""The folders of the checkout the tests run in, wherever a test sits in tests/."""

from __future__ import annotations

from pathlib import Path

#: the root of the checkout: generator/, signatures/, conventions/, examples/, docs/...
ROOT = Path(__file__).resolve().parents[2]
