"""A document that duplicates another word for word: its pairs are not pushed, and merge copies the labels."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from stancekit.builder.copies import COPY
from stancekit.ids import pair_id, unit_id
from stancekit.io import read_table, write_table
from stancekit.pipeline.export import run_export
from stancekit.pipeline.merge import run_merge
from stancekit.pipeline.pull import run_pull
from stancekit.pipeline.push import connect, run_push
from stancekit.pipeline.split import run_split
from stancekit.pipeline.status import campaign_status
from studio_helpers import make_campaign, make_pairs

pytestmark = pytest.mark.studio

LABELS = ["agree", "disagree", "discuss", "unrelated"]


def add_duplicate(camp: object, original: str, copy: str) -> None:
    """Document ``copy``: ``original``'s text again (as ingest records a republished wire story)."""
    docs, units = read_table(camp.table("documents")), read_table(camp.table("units"))  # type: ignore[attr-defined]
    doc = docs.filter(pl.col("doc_id") == original).with_columns(
        pl.lit(copy).alias("doc_id"), pl.lit(original).alias("duplicate_of"), pl.lit("other outlet").alias("outlet"))
    mine = units.filter(pl.col("doc_id") == original).sort("position")
    ids = [unit_id(copy, a, b) for a, b in zip(mine["start"], mine["end"], strict=True)]
    mine = mine.with_columns(pl.Series("unit_id", ids), pl.lit(copy).alias("doc_id"),
                             pl.Series("prev_unit_id", [None, *ids[:-1]], pl.Utf8),
                             pl.Series("next_unit_id", [*ids[1:], None], pl.Utf8))
    units = pl.concat([units, mine])
    write_table(pl.concat([docs, doc]), camp.table("documents"))  # type: ignore[attr-defined]
    write_table(units, camp.table("units"))  # type: ignore[attr-defined]
    write_table(make_pairs(units), camp.table("pairs"))  # type: ignore[attr-defined]


def test_copies_are_labelled_once(studio_env: object, tmp_path: Path) -> None:
    camp = make_campaign(tmp_path / "camp", n_docs=3, overlap=1)
    add_duplicate(camp, "doc0000", "doc0099")
    pairs = read_table(camp.table("pairs"))
    pushed = run_push(camp)
    assert pushed["pairs"] == pairs.height == 16 and pushed["imported"] == 12 and pushed["copies_not_pushed"] == 4
    studio = connect(camp)
    user = int(studio.whoami()["id"])
    answered = {}
    for i, task in enumerate(t for page in studio.iter_task_pages(pushed["project_id"]) for t in page):
        label = LABELS[i % 4]
        answered[task["data"]["pair_id"]] = label
        studio.create_annotation(int(task["id"]), completed_by=user, result=[
            {"from_name": "stance", "to_name": "unit", "type": "choices", "value": {"choices": [label]}}])
    run_pull(camp)
    summary = run_merge(camp, show=False)
    labels = read_table(camp.table("labels"))
    assert labels.height == 16 and summary.report["overall"]["n_labels_copied"] == 4
    assert campaign_status(camp)["labels"] == {"labels": 16, "copied": 4}
    units = read_table(camp.table("units")).select("unit_id", "doc_id", "start", "end")
    for row in labels.filter(pl.col("decided_by") == COPY).iter_rows(named=True):
        pair = pairs.filter(pl.col("pair_id") == row["pair_id"]).row(0, named=True)
        unit = units.filter(pl.col("unit_id") == pair["unit_id"]).row(0, named=True)
        assert unit["doc_id"] == "doc0099"
        original = pair_id(unit_id("doc0000", unit["start"], unit["end"]), pair["claim_id"])
        assert row["label"] == answered[original]
    again = run_push(camp)  # a re-run pushes nothing new and archives nothing
    assert again["imported"] == 0 and again["archived"] == 0 and again["copies_not_pushed"] == 4
    run_split(camp)  # a document and its copy share a group: the same sentence never sits in two splits
    splits = read_table(camp.table("splits")).join(pairs.select("pair_id", "unit_id"), on="pair_id").join(
        units.select("unit_id", "doc_id"), on="unit_id")
    by_doc = splits.group_by("doc_id").agg(pl.col("split").unique())
    assert by_doc.filter(pl.col("doc_id") == "doc0099")["split"].to_list() == \
        by_doc.filter(pl.col("doc_id") == "doc0000")["split"].to_list()
    exported = run_export(camp, tmp_path / "export")
    rows = pl.concat([pl.read_parquet(p) for p in (tmp_path / "export" / "data").glob("*.parquet")])
    assert rows.height == 16 and rows.filter(pl.col("decided_by") == COPY).height == 4
    card = (tmp_path / "export" / "README.md").read_text(encoding="utf-8")
    assert "decided by: vote (12), copy (4)" in card, exported


def test_duplicates_label_pushes_them_all(studio_env: object, tmp_path: Path) -> None:
    camp = make_campaign(tmp_path / "camp", n_docs=2, overlap=1)
    add_duplicate(camp, "doc0000", "doc0099")
    camp.config_path.write_text(camp.config_path.read_text().replace("[push]\n", '[push]\nduplicates = "label"\n'))
    pushed = run_push(camp)
    assert pushed["imported"] == 12 and pushed["copies_not_pushed"] == 0
