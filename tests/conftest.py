"""Shared fixtures: paths to ../shared/data and a fresh campaign directory."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = (REPO / ".." / "shared" / "data").resolve()
SEED = SHARED_DATA / "seed" / "us-forces-iraq.ar.txt"


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.exists():
        pytest.skip("../shared/data is not beside this checkout")
    return SHARED_DATA


@pytest.fixture
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip("the seed article is not in ../shared/data")
    return SEED


@pytest.fixture
def campaign(tmp_path: Path):  # type: ignore[no-untyped-def]
    from stancekit.campaign import Campaign
    from stancekit.pipeline.init import init_campaign

    c = Campaign.at(tmp_path / "camp")
    init_campaign(c)
    return c
