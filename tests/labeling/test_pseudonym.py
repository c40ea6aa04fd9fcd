"""Annotator pseudonyms: stable per campaign key, different between campaigns, no user id in clear."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stancekit.labeling.pseudonym import Pseudonymizer, campaign_key, pseudonym, pseudonymiser

KEY = bytes(range(32))


def test_format_and_stability() -> None:
    p = Pseudonymizer(KEY)
    assert re.fullmatch(r"ann-[0-9a-f]{10}", p(7))
    assert p(7) == p("7") == pseudonym(7, KEY)
    assert p(7) != Pseudonymizer(bytes(32))(7)


@settings(deadline=None)
@given(st.integers(min_value=1, max_value=10**9), st.integers(min_value=1, max_value=10**9))
def test_distinct_ids_get_distinct_pseudonyms(a: int, b: int) -> None:
    p = Pseudonymizer(KEY)
    assert (p(a) == p(b)) == (a == b)


def test_short_key_refused() -> None:
    with pytest.raises(ValueError):
        Pseudonymizer(b"short")


def test_campaign_key_is_created_once_and_private(tmp_path: Path) -> None:
    studio = tmp_path / "studio"
    k1 = campaign_key(studio)
    assert len(k1) == 32 and campaign_key(studio) == k1
    assert stat.S_IMODE(os.stat(studio / "salt").st_mode) == 0o600
    assert stat.S_IMODE(os.stat(studio).st_mode) == 0o700
    f = pseudonymiser(studio)
    assert f(5) == Pseudonymizer(k1)(5)
    assert f("Someone@Example.org") == f("someone@example.org") != f(5)
