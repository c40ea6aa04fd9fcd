"""The local engine at two workers: shards in input order, and a failed run leaves the previous table."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pyarrow as pa
import pytest

from stancekit.engine import map_table
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
    assert out.is_dir() and len(list(out.glob("*.parquet"))) == 6
    assert read_table(out)["x"].to_list() == [2 * i for i in range(30)]
    assert (result.rows_in, result.rows_out) == (30, 30)


def test_a_failed_run_keeps_the_previous_table_and_leaves_no_temp_directory(tmp_path: Path) -> None:
    _source(tmp_path / "in.parquet", groups=6, rows=5)
    out = tmp_path / "out.parquet"
    write_table(pl.DataFrame({"x": [7]}), out)
    with pytest.raises(InputError, match="row 17 is bad"):
        map_table(tmp_path / "in.parquet", double, out, schema=SCHEMA, batch_size=5, workers=2,
                  fn_kwargs={"fail_at": 17})
    assert read_table(out)["x"].to_list() == [7]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.parquet", "out.parquet"]
