"""How tables are written: a column marked distinct (ids, texts) gets no dictionary, and only columns that are not
text get min/max statistics."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pyarrow.parquet as pq

from stancekit.io import TableWriter, read_table, write_table
from stancekit.schemas import UNITS


def _units(n: int) -> pl.DataFrame:
    return pl.DataFrame({
        "unit_id": [f"u{i:04d}" for i in range(n)], "doc_id": ["d1"] * n, "start": list(range(n)),
        "end": [i + 1 for i in range(n)], "text": [f"sentence {i}" for i in range(n)], "kind": ["body"] * n,
        "boilerplate_kind": [None] * n, "position": list(range(n)), "prev_unit_id": [None] * n,
        "next_unit_id": [None] * n, "is_claim": [False] * n, "speaker": [None] * n, "speaker_start": [None] * n,
        "speaker_end": [None] * n, "cue": [None] * n, "cue_start": [None] * n, "cue_end": [None] * n,
        "quote_type": [None] * n, "segmenter": ["rules.v2"] * n,
    }, schema=UNITS.polars_schema())


def _column_chunks(path: Path) -> dict[str, pq.ColumnChunkMetaData]:
    meta = pq.ParquetFile(path).metadata.row_group(0)
    return {meta.column(i).path_in_schema: meta.column(i) for i in range(meta.num_columns)}


def test_distinct_columns_are_written_plain_and_without_statistics(tmp_path: Path) -> None:
    frame = _units(50)
    with TableWriter(tmp_path / "units.parquet", UNITS.arrow_schema()) as writer:
        writer.write(frame)
        writer.commit()
    write_table(frame, tmp_path / "whole.parquet", schema=UNITS.arrow_schema())
    for path in (tmp_path / "units.parquet", tmp_path / "whole.parquet"):
        chunks = _column_chunks(path)
        for name in ("unit_id", "text", "prev_unit_id", "next_unit_id"):
            assert not chunks[name].is_stats_set, name
            assert chunks[name].dictionary_page_offset is None, name
        for name in ("doc_id", "kind", "speaker", "segmenter"):
            assert not chunks[name].is_stats_set, name
            assert chunks[name].dictionary_page_offset is not None, name
        for name in ("start", "position", "is_claim"):
            assert chunks[name].is_stats_set, name
        assert pq.ParquetFile(path).metadata.row_group(0).column(2).statistics.max == 49
        assert read_table(path).equals(frame)


def test_a_table_without_distinct_columns_keeps_dictionaries_and_number_statistics(tmp_path: Path) -> None:
    frame = pl.DataFrame({"a": ["x", "y"], "b": [1, 2], "c": [b"x", b"y"]})
    write_table(frame, tmp_path / "t.parquet")
    chunks = _column_chunks(tmp_path / "t.parquet")
    assert chunks["a"].dictionary_page_offset is not None and not chunks["a"].is_stats_set
    assert not chunks["c"].is_stats_set
    assert chunks["b"].is_stats_set and chunks["b"].statistics.min == 1
    write_table(pl.DataFrame({"b": [1, 2]}), tmp_path / "n.parquet")  # numbers only: the writer's defaults
    assert _column_chunks(tmp_path / "n.parquet")["b"].is_stats_set
