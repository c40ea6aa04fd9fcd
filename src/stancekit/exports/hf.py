"""The Hugging Face dataset writer: Parquet shards laid out like a Hub dataset repository.

Files are written with pyarrow under the ``datasets`` Features' Arrow schema, whose ``huggingface`` metadata carries
the ``ClassLabel`` names, so ``datasets.load_dataset(folder)`` gives back labelled classes. Text columns are
``large_string`` and lists ``large_list`` (what polars produces), so casting to the schema copies no data.

Deterministic: rows are written in the order given, the writer options are fixed, and nothing time-dependent goes
into a file, so the same frames give byte-identical files.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
from datasets import ClassLabel, Features, LargeList, Value

from stancekit.errors import SchemaError

SPLIT_ORDER: tuple[str, ...] = ("train", "validation", "test")
CODEC = "zstd"
CODEC_LEVEL = 3
ROW_GROUP_ROWS = 100_000
MAX_SHARD_BYTES = 256 * 1024 * 1024  # in-memory Arrow bytes per shard (the Hub suggests shards well under 1 GB)
STRING = Value("large_string")
TIMESTAMP = Value("timestamp[us, tz=UTC]")


@dataclass(frozen=True)
class Shard:
    config: str
    split: str
    path: str  # relative to the dataset folder, POSIX
    rows: int
    nbytes: int  # in-memory Arrow size of the rows


def default_features(labels: Sequence[str], *, text: str = "full") -> Features:
    """Columns of the ``default`` config. ``text="none"`` leaves out every string copied from the articles (unit and
    neighbour text, title, speaker, cue) and keeps their offsets, so ``hydrate`` restores them (see rehydrate)."""
    cols: dict[str, object] = {
        "id": STRING,
        "claim_id": STRING,
        "claim": STRING,
    }
    if text == "full":
        cols["text"] = STRING
        cols["context"] = {"prev": STRING, "next": STRING}
    for part in ("speaker", "cue"):
        if text == "full":
            cols[part] = STRING
        cols[f"{part}_start"] = Value("int64")
        cols[f"{part}_end"] = Value("int64")
    cols.update(
        {
            "quote_type": STRING,
            "doc_id": STRING,
        }
    )
    if text == "full":
        cols["title"] = STRING
    cols.update(
        {
            "outlet": STRING,
            "url": STRING,
            "published_at": TIMESTAMP,
            "lang": STRING,
            "unit_id": STRING,
            "start": Value("int64"),
            "end": Value("int64"),
        }
    )
    if text == "none":
        cols.update(
            {
                "prev_start": Value("int64"),
                "prev_end": Value("int64"),
                "next_start": Value("int64"),
                "next_end": Value("int64"),
                "doc_sha256": STRING,
            }
        )
    cols.update(
        {
            "label": ClassLabel(names=list(labels)),
            "votes": LargeList(Value("int64")),
            "soft_label": LargeList(Value("float64")),
            "n_annotators": Value("int32"),
            "agreement": Value("float64"),
            "decided_by": STRING,
        }
    )
    return Features(cols)


def annotation_features(labels: Sequence[str]) -> Features:
    """Columns of the ``annotations`` config: one row per vote, the annotator a stable pseudonym."""
    return Features(
        {
            "id": STRING,
            "claim_id": STRING,
            "annotator": STRING,
            "simulated": Value("bool"),  # a vote of stancekit's simulator; null when the campaign did not record it
            "label": ClassLabel(names=list(labels)),
            "project_role": STRING,
            "ground_truth": Value("bool"),
            "flags": LargeList(STRING),
            "lead_time": Value("float64"),
        }
    )


def claim_features() -> Features:
    """Columns of the ``claims`` config: the registry in long form, one row per claim and language."""
    return Features(
        {
            "claim_id": STRING,
            "lang": STRING,
            "text": STRING,
            "aliases": LargeList(STRING),
            "keywords": LargeList(STRING),
            "notes": STRING,
            "active_from": STRING,
            "active_to": STRING,
        }
    )


def encode_labels(df: pl.DataFrame, labels: Sequence[str], column: str = "label") -> pl.DataFrame:
    """Replace label names by their class index (ClassLabel order); unknown labels are a SchemaError."""
    known = pl.Series(list(labels), dtype=pl.Utf8)
    bad = df.with_row_index("__row").filter(pl.col(column).is_not_null() & ~pl.col(column).is_in(known.implode()))
    if bad.height:
        shown = ", ".join(f"row {r}: {v!r}" for r, v in bad.select("__row", column).head(5).iter_rows())
        raise SchemaError(f"column {column!r} holds labels outside the scheme {list(labels)} ({shown}); "
                          "re-run merge with the campaign's label scheme")
    mapping = {lab: i for i, lab in enumerate(labels)}
    return df.with_columns(pl.col(column).replace_strict(mapping, default=None, return_dtype=pl.Int64))


def to_arrow(df: pl.DataFrame | pa.Table, features: Features) -> pa.Table:
    """Select the features' columns in order and cast to their Arrow schema (which carries the HF metadata)."""
    names = df.column_names if isinstance(df, pa.Table) else df.columns
    missing = [c for c in features if c not in names]
    if missing:
        raise SchemaError(f"export frame lacks column(s) {', '.join(missing)}")
    table = df.select(list(features)) if isinstance(df, pa.Table) else df.select(list(features)).to_arrow()
    schema = features.arrow_schema
    return table if table.schema.equals(schema, check_metadata=True) else table.cast(schema)


def _nbytes(frame: pl.DataFrame | pa.Table) -> int:
    return int(frame.nbytes if isinstance(frame, pa.Table) else frame.estimated_size())


def _rows(frame: pl.DataFrame | pa.Table) -> int:
    return int(frame.num_rows if isinstance(frame, pa.Table) else frame.height)


def _n_shards(frame: pl.DataFrame | pa.Table, max_rows: int, max_bytes: int) -> int:
    return max(1, math.ceil(_rows(frame) / max(1, max_rows)), math.ceil(_nbytes(frame) / max(1, max_bytes)))


def _writer(path: Path, schema: pa.Schema) -> pq.ParquetWriter:
    """A Parquet writer with the fixed options (no timestamps: the same rows give the same bytes)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    return pq.ParquetWriter(
        path,
        schema,
        compression=CODEC,
        compression_level=CODEC_LEVEL,
        use_dictionary=True,
        write_statistics=True,
        data_page_version="1.0",
        version="2.6",
    )


def write_parquet(frame: pl.DataFrame | pa.Table, path: Path, features: Features) -> tuple[int, int]:
    """Write one Parquet file under ``features``' schema, one row group of ROW_GROUP_ROWS rows at a time.

    A polars frame is converted to Arrow one row group at a time, so memory stays near the frame's own size
    (a whole-frame ``to_arrow()`` would copy every string once more). Returns (rows, in-memory Arrow bytes).
    """
    schema = features.arrow_schema
    rows = _rows(frame)
    nbytes = 0
    writer = _writer(path, schema)
    try:
        for off in range(0, max(rows, 1), ROW_GROUP_ROWS):
            table = to_arrow(frame.slice(off, ROW_GROUP_ROWS), features)
            nbytes += table.nbytes
            writer.write_table(table, row_group_size=ROW_GROUP_ROWS)
    finally:
        writer.close()
    return rows, nbytes


def write_config(
    root: Path,
    config: str,
    folder: str,
    frames: Mapping[str, pl.DataFrame | pa.Table],
    features: Features,
    *,
    max_shard_rows: int = 500_000,
    max_shard_bytes: int = MAX_SHARD_BYTES,
    prefix: str | None = None,
) -> list[Shard]:
    """Write ``{folder}/{prefix or split}-0000i-of-0000n.parquet`` per split; shards split the rows evenly."""
    shards: list[Shard] = []
    for split, frame in frames.items():
        total = _rows(frame)
        n = _n_shards(frame, max_shard_rows, max_shard_bytes)
        bounds = [total * i // n for i in range(n + 1)]
        for i in range(n):
            rel = f"{folder}/{prefix or split}-{i:05d}-of-{n:05d}.parquet"
            rows, nbytes = write_parquet(frame.slice(bounds[i], bounds[i + 1] - bounds[i]), root / rel, features)
            shards.append(Shard(config, split, rel, rows, nbytes))
    return shards


def ordered_splits(names: Sequence[str]) -> list[str]:
    return [s for s in SPLIT_ORDER if s in names] + sorted(s for s in names if s not in SPLIT_ORDER)
