"""What the tests of the compiled modules share: the gold articles, and the compiled module or a skip/failure."""

from __future__ import annotations

import os
from pathlib import Path
from types import ModuleType

import pytest

from stancekit.builder.segment import native

ROOT = Path(__file__).resolve().parents[1]


def gold_texts() -> list[tuple[str, str]]:
    """(text, lang) of every article of every gold folder in tests/data (``*.txt`` under an ``ar``/``en`` folder)."""
    out = []
    for path in sorted((ROOT / "tests" / "data").rglob("*.txt")):
        lang = path.parent.name
        if lang in ("ar", "en"):
            out.append((path.read_text(encoding="utf-8"), lang))
    return out


def compiled_module(name: str) -> ModuleType:
    """The compiled module ``name`` (``native.load``); a skip when it is missing or stale, a failure under
    ``STANCEKIT_REQUIRE_NATIVE=1`` (CI)."""
    module = native.load(name)
    if module is None:
        if os.environ.get("STANCEKIT_REQUIRE_NATIVE") == "1":
            pytest.fail(f"STANCEKIT_REQUIRE_NATIVE=1 but the compiled module {name} is {native.status(name)}")
        pytest.skip(f"compiled module {name} {native.status(name)}")
    return module


def ud_documents() -> list[tuple[str, str | None]]:
    """(text, lang) of the UD documents in every layout (``../shared/data/ud-sentences``)."""
    from scoring import LAYOUTS, iter_ud

    return [(r["text"], r["lang"]) for layout in LAYOUTS for r in iter_ud(layout)]


def mutated_documents(n: int = 3000, seed: int = 5) -> list[tuple[str, str | None]]:
    """(text, lang) of ``n`` mutated UD documents (``test_segment_regression._mutated``), the None texts left out."""
    from test_segment_regression import _mutated

    return [(text, lang) for _, text, lang in _mutated(n, seed=seed) if text is not None]
