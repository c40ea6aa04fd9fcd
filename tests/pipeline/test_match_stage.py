"""`stancekit match` over a campaign: pairs.parquet, --claims FILE (YAML or CSV), batch/worker invariance."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from ruamel.yaml import YAML

from claims_helpers import SEED_CLAIMS, seed_units
from stancekit.builder.claims import load_registry, registry_from_data
from stancekit.builder.match import CharNgramMatcher, match_batch
from stancekit.campaign import Campaign
from stancekit.errors import ConfigError, StageError
from stancekit.ids import doc_id_from_text
from stancekit.io import read_table, write_table
from stancekit.pipeline.init import SEED_CLAIMS as INIT_CLAIMS
from stancekit.pipeline.match import run_match
from stancekit.schemas import PAIRS, conform


def test_match_stage_on_seed(campaign: Campaign, seed_path: Path) -> None:
    units, named = seed_units(seed_path)
    write_table(units, campaign.table("units"))
    summary = run_match(campaign, workers=1, batch_size=1000)
    pairs = conform(read_table(campaign.table("pairs")), PAIRS)
    assert summary["pairs"] == pairs.height > 0
    assert pairs.filter(pl.col("unit_id") == named["mckenzie"])["claim_id"].to_list() == ["us-troops-stay-iraq"]
    assert pairs.filter(pl.col("unit_id") == named["assassination"]).height == 0
    # two workers and tiny batches give the same table, row for row
    first = pairs
    run_match(campaign, workers=2, batch_size=3)
    assert read_table(campaign.table("pairs")).equals(first)


def test_content_units_and_options(campaign: Campaign, seed_path: Path) -> None:
    units, _ = seed_units(seed_path)
    write_table(units, campaign.table("units"))
    run_match(campaign, units="content", top_k=1, min_score=0.0, workers=1)
    pairs = read_table(campaign.table("pairs"))
    content = units.filter(pl.col("kind") != "boilerplate")
    # a single claim, min_score 0: one pair per content unit that shares any n-gram with the claim
    assert pairs["unit_id"].n_unique() == pairs.height <= content.height
    assert set(pairs["unit_id"]) >= set(content.filter(pl.col("kind") == "title")["unit_id"])
    with pytest.raises(ConfigError, match="--units"):
        run_match(campaign, units="everything")
    with pytest.raises(ConfigError, match="--top-k"):
        run_match(campaign, top_k=0)


def test_claims_file_csv_becomes_campaign_yaml(campaign: Campaign, seed_path: Path, tmp_path: Path) -> None:
    units, named = seed_units(seed_path)
    write_table(units, campaign.table("units"))
    csv_path = tmp_path / "mine.csv"
    csv_path.write_text("claim_id,lang,text,aliases\nstay,ar,القوات الأمريكية ستبقى في العراق,\n"
                        "stay,en,US troops will stay in Iraq,US forces will remain in Iraq\n", encoding="utf-8")
    run_match(campaign, claims_file=csv_path, workers=1)
    reg = load_registry(campaign.root / "claims.yaml")
    assert reg.ids == ["stay"] and reg.get("stay").aliases == {"en": ("US forces will remain in Iraq",)}
    pairs = read_table(campaign.table("pairs"))
    assert pairs.filter(pl.col("unit_id") == named["mckenzie"])["claim_id"].to_list() == ["stay"]


def test_missing_units_table(campaign: Campaign) -> None:
    with pytest.raises(StageError, match="segment"):
        run_match(campaign)


@pytest.mark.parametrize("registry_text", ["seed", "init"])
def test_seed_with_the_real_segmenter(seed_path: Path, registry_text: str) -> None:
    segment = pytest.importorskip("stancekit.builder.segment.units")
    text = seed_path.read_text(encoding="utf-8")
    docs = pl.DataFrame({"doc_id": [doc_id_from_text(text)], "text": [text], "lang": ["ar"]})
    units, _ = segment.segment_batch(docs)
    data = SEED_CLAIMS if registry_text == "seed" else YAML(typ="safe").load(INIT_CLAIMS)
    pairs = match_batch(units, matcher=CharNgramMatcher(registry_from_data(data)), top_k_=5, min_score=0.2)
    joined = units.join(pairs, on="unit_id", how="left")
    quote = joined.filter(pl.col("text").str.starts_with("قال قائد"))
    attempt = joined.filter(pl.col("text").str.starts_with("وحول محاولة اغتيال"))
    assert quote.height == 1 and quote["claim_id"].to_list() == ["us-troops-stay-iraq"]
    assert attempt.height == 1 and attempt["claim_id"].to_list() == [None]


def test_semantic_channel_on_english_headlines(campaign: Campaign) -> None:
    from semantic_helpers import model_dir  # skipped without the model, failed in CI

    model_dir()
    from claims_helpers import unit_rows

    headline = "Washington will keep its soldiers in Iraq beyond the deadline, officials say"  # char score 0.06
    text = f"{headline}\nOfficials gave no figure for the size of the force that would remain."
    units = unit_rows("d1", text, [(0, len(headline), {"kind": "title"}), (len(headline) + 1, len(text), {})])
    write_table(units, campaign.table("units"))
    on = run_match(campaign, units="content", workers=1)
    pairs = read_table(campaign.table("pairs"))
    assert on["semantic"] is True and "+minilm_en.v2" in on["method"]
    assert pairs.filter(pl.col("unit_id") == units["unit_id"][0])["claim_id"].to_list() == ["us-troops-stay-iraq"]
    # two workers: the channel travels to the worker processes without its weights and gives the same pairs
    run_match(campaign, units="content", workers=2, batch_size=1)
    assert read_table(campaign.table("pairs")).equals(pairs)
    config = campaign.root / "stancekit.toml"
    config.write_text(config.read_text(encoding="utf-8").replace('semantic = "auto"', 'semantic = "off"'),
                      encoding="utf-8")
    off = run_match(campaign, units="content", workers=1, force=True)
    assert off["semantic"] is False and "minilm" not in off["method"]
    assert read_table(campaign.table("pairs")).filter(pl.col("unit_id") == units["unit_id"][0]).height == 0


def test_claims_file_is_installed_only_when_the_match_succeeds(campaign: Campaign, seed_path: Path,
                                                               tmp_path: Path) -> None:
    registry = campaign.root / "claims.yaml"
    before = registry.read_text(encoding="utf-8")
    empty = tmp_path / "none.yaml"
    empty.write_text("claims: []\n", encoding="utf-8")
    with pytest.raises(StageError, match="segment"):  # no units yet: the registry must stay as it was
        run_match(campaign, claims_file=empty)
    assert registry.read_text(encoding="utf-8") == before
    units, _ = seed_units(seed_path)
    write_table(units, campaign.table("units"))
    with pytest.raises(Exception, match="no claims to match"):
        run_match(campaign, claims_file=empty, workers=1)
    assert registry.read_text(encoding="utf-8") == before  # a curated claims.yaml is not replaced by a failed run
    good = tmp_path / "good.yaml"
    good.write_text("claims:\n  - claim_id: stay\n    text: {en: US troops will stay in Iraq}\n", encoding="utf-8")
    run_match(campaign, claims_file=good, workers=1)
    assert load_registry(registry).ids == ["stay"]
