"""Upstream changes against pushed work: which pushed pairs a new ``segment`` or ``match`` result would change.

``segment`` and ``match`` call :func:`pushed_conflicts` with their new units or pairs before they replace the
tables; when it returns rows they stop and name them, unless ``--force`` (then the next ``push`` archives the tasks of
the pairs that are gone, and their annotations stay in the tables). :func:`check_pushed` does the stopping.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from stancekit.campaign import Campaign
from stancekit.errors import StageError
from stancekit.io import read_table, remove_table, replace_table, scan_table, table_exists

if TYPE_CHECKING:
    import polars as pl

T = TypeVar("T")

_SHOWN = 5


def _pushed(campaign: Campaign) -> pl.DataFrame:
    import polars as pl

    path = campaign.table("tasks")
    if not table_exists(path):
        return pl.DataFrame(schema={"pair_id": pl.Utf8, "task_key": pl.Utf8})
    df = read_table(path)
    if "archived" in df.columns:
        df = df.filter(~pl.col("archived").fill_null(False))
    return df.filter(pl.col("project_role") == "main").select("pair_id", "task_key").unique()


def pushed_conflicts(campaign: Campaign, new: pl.DataFrame) -> pl.DataFrame:
    """Pushed pairs that ``new`` (a new pairs table, or a new units table) would remove or change.

    Returns one row per affected pushed pair: ``pair_id``, ``task_key``, ``unit_id``, ``reason`` (empty when nothing
    pushed is affected). With pairs (a ``pair_id`` column): pushed pairs missing from ``new``. With units (a
    ``unit_id`` column and no ``pair_id``): pushed pairs whose unit is missing from ``new`` or whose text changed.
    """
    import polars as pl

    out_schema = {"pair_id": pl.Utf8, "task_key": pl.Utf8, "unit_id": pl.Utf8, "reason": pl.Utf8}
    pushed = _pushed(campaign)
    if pushed.height == 0:
        return pl.DataFrame(schema=out_schema)
    pairs_path = campaign.table("pairs")
    old_pairs = read_table(pairs_path, ["pair_id", "unit_id"]) if table_exists(pairs_path) else \
        pl.DataFrame(schema={"pair_id": pl.Utf8, "unit_id": pl.Utf8})
    pushed = pushed.join(old_pairs, on="pair_id", how="left")
    if "pair_id" in new.columns:
        gone = pushed.join(new.select("pair_id").unique(), on="pair_id", how="anti")
        return gone.with_columns(pl.lit("pair removed by the new match").alias("reason")).select(list(out_schema))
    if "unit_id" not in new.columns:
        raise ValueError("pushed_conflicts expects a pairs frame (pair_id) or a units frame (unit_id)")
    affected = pushed.filter(pl.col("unit_id").is_not_null())
    gone = affected.join(new.select("unit_id").unique(), on="unit_id", how="anti").with_columns(
        pl.lit("unit removed or re-cut by the new segmentation").alias("reason"))
    changed = pl.DataFrame(schema={**{k: pl.Utf8 for k in ("pair_id", "task_key", "unit_id")}, "reason": pl.Utf8})
    units_path = campaign.table("units")
    if "text" in new.columns and table_exists(units_path):
        old_text = read_table(units_path, ["unit_id", "text"])
        both = affected.join(old_text, on="unit_id").join(new.select("unit_id", pl.col("text").alias("_new")),
                                                          on="unit_id")
        changed = both.filter(pl.col("text") != pl.col("_new")).with_columns(
            pl.lit("unit text changed by the new segmentation").alias("reason"))
    return pl.concat([gone.select(list(out_schema)), changed.select(list(out_schema))]).sort("pair_id")


def check_pushed(campaign: Campaign, new: pl.DataFrame, *, stage: str, force: bool = False) -> pl.DataFrame:
    """Raise StageError naming the affected pushed pairs unless ``force``; returns them either way."""
    conflicts = pushed_conflicts(campaign, new)
    if conflicts.height and not force:
        shown = "; ".join(f"{r['pair_id']} ({r['reason']})" for r in conflicts.head(_SHOWN).iter_rows(named=True))
        more = f" and {conflicts.height - _SHOWN} more" if conflicts.height > _SHOWN else ""
        raise StageError(
            f"{stage} would change {conflicts.height} pair(s) already pushed to Label Studio: {shown}{more}. "
            f"Re-run with --force to accept (the next push archives their tasks; annotations stay), or keep the "
            "current tables")
    return conflicts


def write_checked(campaign: Campaign, dest: Path, *, stage: str, force: bool, write: Callable[[Path], T]) -> T:
    """Run ``write(path)`` for a table that may replace pushed work (units, pairs).

    When nothing is pushed, ``write`` goes straight to ``dest``. Otherwise it writes beside it, the new table is
    checked against the pushed pairs (:func:`check_pushed`), and only then replaces ``dest``: a refused change leaves
    the current table untouched.
    """
    if not table_exists(campaign.table("tasks")) or _pushed(campaign).height == 0:
        return write(dest)  # (nothing pushed: the command need not import polars for this check)
    import polars as pl

    tmp = dest.with_name(f".{dest.stem}.new{dest.suffix}")
    remove_table(tmp)
    try:
        result = write(tmp)
        key = "pair_id" if stage == "match" else "unit_id"
        lf = scan_table(tmp)
        if key == "unit_id":  # only the pushed units matter: keep memory small on a big corpus
            pairs_path = campaign.table("pairs")
            units: list[str] = (read_table(pairs_path, ["unit_id"])["unit_id"].unique().to_list()
                                if table_exists(pairs_path) else [])
            new = lf.filter(pl.col("unit_id").is_in(units)).select("unit_id", "text").collect()
        else:
            new = lf.select("pair_id").collect()
        check_pushed(campaign, new, stage=stage, force=force)
    except BaseException:
        remove_table(tmp)
        raise
    replace_table(tmp, dest)
    return result
