"""The local engine at two workers: shards in input order, and a failed run leaves the previous table."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stancekit.engine import halve_tail, map_table, plan_slices, row_range
from stancekit.errors import InputError
from stancekit.io import TableWriter, read_table, write_table

SCHEMA = pa.schema([pa.field("x", pa.int64())])


def double(df: pl.DataFrame, *, fail_at: int | None = None) -> pl.DataFrame:
    if fail_at is not None and fail_at in df["x"].to_list():
        raise InputError(f"row {fail_at} is bad")
    return df.select(pl.col("x") * 2)


def _source(path: Path, groups: int, rows: int) -> None:
    with TableWriter(path, SCHEMA) as w:  # one row group per write
        for g in range(groups):
            w.write(pa.table({"x": list(range(g * rows, (g + 1) * rows))}, schema=SCHEMA))
        w.commit()


def test_two_workers_write_shards_in_input_order(tmp_path: Path) -> None:
    _source(tmp_path / "in.parquet", groups=6, rows=5)
    out = tmp_path / "out.parquet"
    result = map_table(tmp_path / "in.parquet", double, out, schema=SCHEMA, batch_size=5, workers=2)
    assert out.is_dir() and len(list(out.glob("*.parquet"))) == 8  # (the last two slices in halves: halve_tail)
    assert read_table(out)["x"].to_list() == [2 * i for i in range(30)]
    assert (result.rows_in, result.rows_out) == (30, 30)


def test_the_last_slices_are_halved_so_workers_end_together(tmp_path: Path) -> None:
    _source(tmp_path / "in.parquet", groups=5, rows=7)
    slices = halve_tail(plan_slices(tmp_path / "in.parquet", 7), 2)
    assert [(s["row_groups"], s.get("rows")) for s in slices] == [
        ([0], None), ([1], None), ([2], None), ([3], (0, 3)), ([3], (3, 7)), ([4], (0, 3)), ([4], (3, 7))]
    # slices of several row groups stay whole, and so do aligned slices
    assert [(s["row_groups"], s.get("rows")) for s in halve_tail(plan_slices(tmp_path / "in.parquet", 14), 2)] == [
        ([0, 1], None), ([2, 3], None), ([4], (0, 3)), ([4], (3, 7))]
    assert all("rows" not in s for s in halve_tail(plan_slices(tmp_path / "in.parquet", 7, align="x"), 2))
    # no more slices than workers: all run at once, and a single slice stays a single file
    assert halve_tail(plan_slices(tmp_path / "in.parquet", 14), 3) == plan_slices(tmp_path / "in.parquet", 14)
    assert halve_tail(plan_slices(tmp_path / "in.parquet", 100), 2) == plan_slices(tmp_path / "in.parquet", 100)


@settings(deadline=None, max_examples=60)
@given(st.lists(st.integers(0, 6), min_size=1, max_size=6), st.integers(0, 25), st.integers(0, 25))
def test_row_range_cuts_a_stream_of_batches(sizes: list[int], a: int, b: int) -> None:
    start, stop = min(a, b), max(a, b)
    rows = list(range(sum(sizes)))
    batches, at = [], 0
    for n in sizes:
        batches.append(pa.record_batch({"x": rows[at:at + n]}))
        at += n
    got = [x for rb in row_range(iter(batches), start, stop) for x in rb.column("x").to_pylist()]
    assert got == rows[start:stop]


def test_a_failed_run_keeps_the_previous_table_and_leaves_no_temp_directory(tmp_path: Path) -> None:
    _source(tmp_path / "in.parquet", groups=6, rows=5)
    out = tmp_path / "out.parquet"
    write_table(pl.DataFrame({"x": [7]}), out)
    with pytest.raises(InputError, match="row 17 is bad"):
        map_table(tmp_path / "in.parquet", double, out, schema=SCHEMA, batch_size=5, workers=2,
                  fn_kwargs={"fail_at": 17})
    assert read_table(out)["x"].to_list() == [7]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.parquet", "out.parquet"]


def arrow_double(batch: pa.RecordBatch) -> tuple[pa.Table, pa.Table | None, dict[str, int]]:
    """An Arrow batch function: doubles x; odd rows are rejects (as Arrow); counts its rows and its odd ones."""
    assert isinstance(batch, pa.RecordBatch)  # (not a polars frame)
    xs = batch.column("x").to_pylist()
    odd = [x for x in xs if x % 2]
    rejects = pa.table({"key": [str(x) for x in odd]}) if odd else None
    return pa.table({"x": [2 * x for x in xs]}, schema=SCHEMA), rejects, {"rows": len(xs), "odd": len(odd)}


arrow_double.arrow_batches = True  # type: ignore[attr-defined]


@pytest.mark.parametrize("workers", [1, 2])
def test_an_arrow_batch_function_gets_arrow_and_its_counts_are_summed(tmp_path: Path, workers: int) -> None:
    _source(tmp_path / "in.parquet", groups=6, rows=5)
    out = tmp_path / "out.parquet"
    result = map_table(tmp_path / "in.parquet", arrow_double, out, schema=SCHEMA, batch_size=5, workers=workers)
    assert read_table(out)["x"].to_list() == [2 * i for i in range(30)]
    assert result.counts == {"rows": 30, "odd": 15}
    rejects = result.rejects_frame()
    assert rejects is not None and sorted(rejects["key"].to_list(), key=int) == [str(i) for i in range(1, 30, 2)]


def test_a_frame_batch_function_has_no_counts(tmp_path: Path) -> None:
    _source(tmp_path / "in.parquet", groups=2, rows=5)
    result = map_table(tmp_path / "in.parquet", double, tmp_path / "out.parquet", schema=SCHEMA, batch_size=5,
                       workers=2)
    assert result.counts == {} and result.rejects_frame() is None


KEYED = pa.schema([pa.field("k", pa.string()), pa.field("x", pa.int64())])
BATCH_KEYS = pa.schema([pa.field("keys", pa.string()), pa.field("rows", pa.int64())])
RUNS = [3, 1, 6, 2, 9, 1, 1, 4, 5]  # run lengths: several straddle the 4-row row groups, one spans three


def keys_of_batch(df: pl.DataFrame) -> pl.DataFrame:
    return pl.DataFrame({"keys": [",".join(df["k"].unique(maintain_order=True))], "rows": [df.height]})


def _keyed_source(path: Path) -> list[str]:
    keys = [f"k{i}" for i, n in enumerate(RUNS) for _ in range(n)]
    with TableWriter(path, KEYED) as w:
        for lo in range(0, len(keys), 4):
            w.write(pa.table({"k": keys[lo:lo + 4], "x": list(range(lo, lo + len(keys[lo:lo + 4])))}, schema=KEYED))
        w.commit()
    return keys


@pytest.mark.parametrize(("workers", "batch_size"), [(1, 1), (1, 4), (2, 1), (2, 5), (2, 100)])
def test_aligned_batches_never_split_a_run(tmp_path: Path, workers: int, batch_size: int) -> None:
    keys = _keyed_source(tmp_path / "in.parquet")
    out = tmp_path / "out.parquet"
    map_table(tmp_path / "in.parquet", keys_of_batch, out, schema=BATCH_KEYS, batch_size=batch_size,
              workers=workers, align="k")
    batches = read_table(out)
    seen = [k for ks in batches["keys"] for k in ks.split(",")]
    assert seen == list(dict.fromkeys(keys))  # every run once, in order: none split between batches
    assert batches["rows"].sum() == len(keys)
    if batch_size == 1:
        assert batches["rows"].to_list() == RUNS  # a batch of one row grows to its whole run


def test_plan_slices_do_not_cut_a_run_between_row_groups(tmp_path: Path) -> None:
    from stancekit.engine import plan_slices

    _keyed_source(tmp_path / "in.parquet")
    slices = plan_slices(tmp_path / "in.parquet", 1, align="k")
    # row groups of 4: k0 k0 k0 k1 | k2*4 | k2 k2 k3 k3 | k4*4 | k4*4 | k4 k5 k6 k7 | k7 k7 k7 k8 | k8*4
    assert [s["row_groups"] for s in slices] == [[0], [1, 2], [3, 4, 5, 6, 7]]
    assert all(s["align"] == "k" for s in slices)
    assert [s["row_groups"] for s in plan_slices(tmp_path / "in.parquet", 1)] == [[g] for g in range(8)]


def _frozen_in_worker(i: int) -> int:
    import gc

    return gc.get_freeze_count()


def test_pool_workers_freeze_what_they_inherit() -> None:
    """(The preloaded modules' objects go to the permanent generation: full collections skip them.)"""
    from stancekit.engine import in_order

    assert all(n > 0 for n in in_order(_frozen_in_worker, [(i,) for i in range(4)], 2))
