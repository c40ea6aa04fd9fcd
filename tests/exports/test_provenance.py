"""The card and the annotations config say who gave the votes: people, simulated annotators, or both."""

from __future__ import annotations

import os
from pathlib import Path

import polars as pl
import pytest
import yaml

from split_export_factory import make_campaign
from stancekit.campaign import Campaign
from stancekit.exports.card import provenance_line
from stancekit.io import write_table
from stancekit.pipeline.export import run_export
from stancekit.pipeline.simulated import SIMULATED_ANNOTATORS, record_simulated, simulated_pseudonyms
from stancekit.pipeline.split import run_split

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["HF_DATASETS_OFFLINE"] = "1"

PERSON = "ann-3f9a1c"
SIMS = ("ann-77b2e0", "ann-c01d55", "ann-9e4410")


@pytest.fixture(scope="module")
def campaign(tmp_path_factory: pytest.TempPathFactory) -> Campaign:
    c = make_campaign(Campaign.at(tmp_path_factory.mktemp("prov") / "c"))
    run_split(c)
    return c


def _export(c: Campaign, out: Path) -> tuple[dict[str, object], str, pl.DataFrame]:
    run_export(c, out)
    text = (out / "README.md").read_text(encoding="utf-8")
    meta = yaml.safe_load(text.split("---\n")[1])
    return meta, text, pl.read_parquet(out / "annotations")


def _clear(c: Campaign) -> None:
    for name in (SIMULATED_ANNOTATORS, "simulated_answers.parquet"):
        (c.reports / name).unlink(missing_ok=True)


def test_mixed_votes_are_counted_by_kind(campaign: Campaign, tmp_path: Path) -> None:
    _clear(campaign)
    record_simulated(campaign, SIMS)
    meta, text, votes = _export(campaign, tmp_path / "mixed")
    assert meta["annotations_creators"] == ["crowdsourced", "machine-generated"]
    people = int((votes["annotator"] == PERSON).sum())
    assert 0 < people < votes.height
    assert votes.filter(pl.col("annotator") == PERSON)["simulated"].to_list() == [False] * people
    assert votes.filter(pl.col("annotator") != PERSON)["simulated"].all()
    assert f"{people} of {votes.height} votes" in text and "from 1 person" in text
    assert f"{votes.height - people} (" in text and "from 3 simulated annotators" in text
    assert "not from people" not in text


def test_all_simulated_says_so(campaign: Campaign, tmp_path: Path) -> None:
    _clear(campaign)
    record_simulated(campaign, SIMS)
    record_simulated(campaign, [PERSON])  # records accumulate across simulate runs
    assert simulated_pseudonyms(campaign) == {PERSON, *SIMS}
    meta, text, votes = _export(campaign, tmp_path / "sim")
    assert meta["annotations_creators"] == ["machine-generated"]
    assert f"All {votes.height} votes in this dataset come from 4 simulated annotators" in text
    assert "not from people" in text and votes["simulated"].all()


def test_people_only_and_the_kind_of_people_is_configurable(campaign: Campaign, tmp_path: Path) -> None:
    _clear(campaign)
    meta, text, votes = _export(campaign, tmp_path / "people")
    assert meta["annotations_creators"] == ["crowdsourced"]
    assert "simulat" not in text.split("## How the data was made")[1].split("### Agreement")[0]
    assert f"All {votes.height} votes come from 4 people (crowdsourced)" in text
    assert not votes["simulated"].any()
    config = campaign.config_path.read_text(encoding="utf-8")
    try:
        campaign.config_path.write_text('[export]\nannotations_creators = "expert-generated"\n', encoding="utf-8")
        record_simulated(campaign, SIMS)
        meta, _, _ = _export(campaign, tmp_path / "experts")
        assert meta["annotations_creators"] == ["expert-generated", "machine-generated"]
    finally:
        campaign.config_path.write_text(config, encoding="utf-8")


def test_a_simulation_without_a_record_is_not_called_all_simulated(campaign: Campaign, tmp_path: Path) -> None:
    _clear(campaign)
    write_table(pl.DataFrame({"pair_id": ["p"], "label": ["agree"]}), campaign.reports / "simulated_answers.parquet")
    meta, text, votes = _export(campaign, tmp_path / "legacy")
    assert meta["annotations_creators"] == ["crowdsourced", "machine-generated"]
    assert "which votes are theirs was not recorded" in text and "some or all" in text
    assert votes["simulated"].null_count() == votes.height


def test_provenance_line_on_literal_counts() -> None:
    from test_manifest_card import _inputs

    line = provenance_line(_inputs(votes_by_kind={"people": 6, "simulated": 52},
                                   annotators_by_kind={"people": 1, "simulated": 3}))
    assert "6 of 58 votes (10.3%) come from 1 person" in line and "52 (89.7%) from 3 simulated annotators" in line
    assert provenance_line(_inputs()) == ""
    assert "not from people" in provenance_line(_inputs(votes_by_kind={"people": 0, "simulated": 1},
                                                        annotators_by_kind={"simulated": 1}))
