"""`stancekit split` over a hand-built campaign: near-duplicates together, stable, audited, clear errors."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import polars as pl
import pytest

from split_export_factory import add_votes_for_unlabelled, make_campaign
from stancekit.campaign import Campaign
from stancekit.errors import StageError, StancekitError
from stancekit.pipeline.split import run_split


@pytest.fixture
def camp(tmp_path: Path) -> Campaign:
    return make_campaign(Campaign.at(tmp_path / "c"))


def _assigned(c: Campaign) -> pl.DataFrame:
    splits = pl.read_parquet(c.table("splits"))
    pairs = pl.read_parquet(c.table("pairs"), columns=["pair_id", "unit_id", "claim_id"])
    units = pl.read_parquet(c.table("units"), columns=["unit_id", "doc_id"])
    return splits.join(pairs, on="pair_id").join(units, on="unit_id")


def test_near_duplicates_in_different_documents_share_a_split(camp: Campaign) -> None:
    result = run_split(camp)
    df = _assigned(camp)
    per_doc = dict(df.group_by("doc_id").agg(pl.col("split").unique()).select(
        "doc_id", pl.col("split").list.first()).iter_rows())
    for k in range(3):  # d9000 copies d0000, d9001 copies d0002, d9002 copies d0004 (other outlets)
        assert per_doc[f"d9{k:03d}"] == per_doc[f"d{2 * k:04d}"]
        assert df.filter(pl.col("doc_id") == f"d9{k:03d}")["group_key"].unique().to_list() == [f"d{2 * k:04d}"]
    audit = json.loads((camp.reports / "split_audit.json").read_text())
    assert audit["ok"] and audit == json.loads(json.dumps(result.audit))
    assert audit["near_duplicates"]["clusters_with_several_documents"] == 3
    for key in ("group_key", "cluster", "doc_id"):
        assert audit["overlap"][key]["crossing"] == 0
    assert sum(s["pairs"] for s in audit["splits"].values()) == result.pairs == df.height


def test_every_labelled_pair_once_and_new_labels_move_nothing(camp: Campaign) -> None:
    run_split(camp)
    first = pl.read_parquet(camp.table("splits"))
    labels = pl.read_parquet(camp.table("labels"))
    assert sorted(first["pair_id"]) == sorted(labels.filter(pl.col("label").is_not_null())["pair_id"])
    added = add_votes_for_unlabelled(camp)
    assert added > 0
    again = run_split(camp)
    second = pl.read_parquet(camp.table("splits"))
    assert again.moved == 0 and second.height == first.height + added
    joined = first.join(second, on="pair_id", suffix="_2")
    assert joined.height == first.height and (joined["split"] == joined["split_2"]).all()


def test_rerun_is_identical(camp: Campaign) -> None:
    run_split(camp)
    a = camp.table("splits").read_bytes()
    run_split(camp)
    assert camp.table("splits").read_bytes() == a


def test_lost_assignments_fall_back_to_the_current_splits(camp: Campaign) -> None:
    camp.config_path.write_text("[split]\nseed = 1\n")
    run_split(camp)
    first = pl.read_parquet(camp.table("splits"))
    camp.table("split_assignments").unlink()
    camp.config_path.write_text("[split]\nseed = 99\n")  # a new seed would place groups differently
    assert run_split(camp).moved == 0
    assert pl.read_parquet(camp.table("splits")).equals(first)


def test_changing_the_rule_needs_reassign(camp: Campaign) -> None:
    run_split(camp)
    camp.config_path.write_text('[split]\ngroup_by = "claim"\nratios = [0.34, 0.33, 0.33]\n')
    with pytest.raises(StageError, match="--reassign"):
        run_split(camp)
    result = run_split(camp, reassign=True)
    df = _assigned(camp)
    assert df.group_by("claim_id").agg(pl.col("split").n_unique())["split"].max() == 1
    assert result.audit["enforced"] == ["group_key"]  # documents are reported, not enforced, by claim


def test_time_rule_puts_later_stories_in_test(camp: Campaign) -> None:
    camp.config_path.write_text('[split]\ngroup_by = "time"\ntest_after = "2024-01-20"\n')
    run_split(camp)
    df = _assigned(camp).join(pl.read_parquet(camp.table("documents"), columns=["doc_id", "published_at"]),
                              on="doc_id")
    clusters = df.group_by("group_key").agg(pl.col("published_at").min(), pl.col("split").unique())
    cut = datetime(2024, 1, 20, tzinfo=UTC)
    seen = set()
    for first, splits in clusters.select("published_at", "split").iter_rows():
        assert (splits == ["test"]) if first >= cut else ("test" not in splits)
        seen.add(first >= cut)
    assert seen == {True, False}


def test_too_few_groups_is_a_stancekit_error(tmp_path: Path) -> None:
    c = make_campaign(Campaign.at(tmp_path / "small"), n_docs=2, near_dups=0)
    with pytest.raises(StancekitError, match="cannot fill split"):
        run_split(c)


def test_no_labels_is_a_clear_error(camp: Campaign) -> None:
    labels = pl.read_parquet(camp.table("labels")).with_columns(pl.lit(None, pl.Utf8).alias("label"))
    labels.write_parquet(camp.table("labels"))
    with pytest.raises(StageError, match="stancekit merge"):
        run_split(camp)
