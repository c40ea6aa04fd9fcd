"""segment/match stop before changing pushed pairs (pushed_conflicts / check_pushed)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import polars as pl
import pytest

from stancekit.errors import StageError
from stancekit.ids import task_key
from stancekit.io import read_table, write_table
from stancekit.pipeline.pushed import check_pushed, pushed_conflicts
from stancekit.schemas import TASKS, conform
from studio_helpers import make_campaign


def pushed(camp_root: Path, n: int, *, archived_first: bool = False) -> list[str]:
    from stancekit.campaign import Campaign

    camp = Campaign.at(camp_root)
    pairs = read_table(camp.table("pairs")).sort("pair_id").head(n)
    rows = [{"pair_id": p, "task_key": task_key(p, "stance.v1"), "project_id": 1, "ls_task_id": i + 1,
             "project_role": "main", "pushed_at": datetime(2024, 1, 1, tzinfo=UTC), "segmenter": "s",
             "matcher": "m", "label_scheme": "stance.v1", "archived": archived_first and i == 0}
            for i, p in enumerate(pairs["pair_id"].to_list())]
    write_table(conform(pl.DataFrame(rows, schema={**TASKS.polars_schema(), "archived": pl.Boolean}), TASKS),
                camp.table("tasks"))
    return pairs["pair_id"].to_list()


def test_nothing_pushed_no_conflicts(tmp_path: Path) -> None:
    camp = make_campaign(tmp_path / "c", n_docs=1)
    assert pushed_conflicts(camp, pl.DataFrame({"pair_id": []}, schema={"pair_id": pl.Utf8})).height == 0


def test_removed_pairs_are_named(tmp_path: Path) -> None:
    camp = make_campaign(tmp_path / "c", n_docs=1)
    ids = pushed(camp.root, 3)
    new = read_table(camp.table("pairs")).filter(pl.col("pair_id") != ids[1])
    out = pushed_conflicts(camp, new)
    assert out["pair_id"].to_list() == [ids[1]] and "removed" in out["reason"][0]
    with pytest.raises(StageError, match=ids[1]) as err:
        check_pushed(camp, new, stage="match")
    assert "--force" in str(err.value)
    assert check_pushed(camp, new, stage="match", force=True).height == 1


def test_units_removed_or_changed(tmp_path: Path) -> None:
    camp = make_campaign(tmp_path / "c", n_docs=1)
    ids = pushed(camp.root, 4)
    pairs = read_table(camp.table("pairs"))
    units = read_table(camp.table("units"))
    hit = pairs.filter(pl.col("pair_id") == ids[0])["unit_id"][0]
    changed = units.with_columns(pl.when(pl.col("unit_id") == hit).then(pl.lit("new text"))
                                 .otherwise(pl.col("text")).alias("text"))
    out = pushed_conflicts(camp, changed)
    assert set(out["unit_id"].to_list()) == {hit} and out["reason"].str.contains("text changed").all()
    dropped = units.filter(pl.col("unit_id") != hit)
    out = pushed_conflicts(camp, dropped)
    assert set(out["unit_id"].to_list()) == {hit} and out["reason"].str.contains("removed").all()
    assert pushed_conflicts(camp, units).height == 0


def test_archived_tasks_do_not_block(tmp_path: Path) -> None:
    camp = make_campaign(tmp_path / "c", n_docs=1)
    ids = pushed(camp.root, 2, archived_first=True)
    new = read_table(camp.table("pairs")).filter(~pl.col("pair_id").is_in(ids))
    assert pushed_conflicts(camp, new)["pair_id"].to_list() == [ids[1]]


def test_segment_and_match_stop_before_replacing_pushed_work(tmp_path: Path) -> None:
    """Through the real runners: a change to pushed units/pairs leaves the tables untouched unless --force."""
    from stancekit.pipeline.match import run_match
    from stancekit.pipeline.segment import run_segment
    from stancekit.schemas import DOCUMENTS

    camp = make_campaign(tmp_path / "c", n_docs=2)
    run_segment(camp)  # real units replace the hand-made ones (nothing pushed yet: no check)
    run_match(camp, units="content", min_score=0.05)
    ids = pushed(camp.root, 2)
    units_before = camp.table("units").read_bytes()
    pairs_before = camp.table("pairs").read_bytes()
    # a stricter threshold would drop pushed pairs
    with pytest.raises(StageError, match=r"match would change .* already pushed"):
        run_match(camp, units="content", min_score=0.99)
    assert camp.table("pairs").read_bytes() == pairs_before
    # re-cut documents: their units change
    docs = read_table(camp.table("documents")).with_columns(pl.col("text").str.replace_all(r"\.", ";"))
    write_table(conform(docs, DOCUMENTS), camp.table("documents"))
    with pytest.raises(StageError, match="segment would change"):
        run_segment(camp)
    assert camp.table("units").read_bytes() == units_before
    # the same change is accepted with force, and names nothing when it changes nothing pushed
    run_segment(camp, force=True)
    assert camp.table("units").read_bytes() != units_before
    run_match(camp, units="content", min_score=0.99, force=True)
    assert not set(ids) & set(read_table(camp.table("pairs"))["pair_id"].to_list())
    assert not list(camp.tables.glob(".*new*"))  # no temp table left behind
