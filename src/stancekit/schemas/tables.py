"""One declaration per table (DESIGN.md, "Tables"): columns, dtypes, nullability and key.

Tables are the contracts between stages. Columns may be added freely; the ones declared here are never renamed.

A column's type is declared by name (:data:`TYPES`) and given as a polars dtype (``Column.dtype``) or an Arrow type
(``Column.arrow_type``, what polars writes for that dtype). This module imports neither polars nor anything that
does, so a process that only reads and writes Arrow (a ``stancekit segment`` worker, the command before its pool
starts) never loads polars; ``dtype`` imports it when first asked for.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from stancekit.io import DISTINCT

if TYPE_CHECKING:
    import polars as pl

# each type name -> (the polars dtype, as a function of the polars module; the Arrow type polars writes for it)
TYPES: dict[str, tuple[Any, pa.DataType]] = {
    "str": (lambda pl: pl.Utf8, pa.large_string()),
    "i64": (lambda pl: pl.Int64, pa.int64()),
    "i32": (lambda pl: pl.Int32, pa.int32()),
    "f64": (lambda pl: pl.Float64, pa.float64()),
    "bool": (lambda pl: pl.Boolean, pa.bool_()),
    "timestamp": (lambda pl: pl.Datetime("us", "UTC"), pa.timestamp("us", tz="UTC")),
    "list[str]": (lambda pl: pl.List(pl.Utf8), pa.large_list(pa.large_string())),
    "list[i64]": (lambda pl: pl.List(pl.Int64), pa.large_list(pa.int64())),
    "list[f64]": (lambda pl: pl.List(pl.Float64), pa.large_list(pa.float64())),
}


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # a name in TYPES
    nullable: bool = True
    doc: str = ""
    # values mostly distinct (ids, texts): written without a dictionary or min/max statistics (io.writer_options)
    distinct: bool = False

    def __post_init__(self) -> None:
        if self.type not in TYPES:
            raise ValueError(f"column {self.name!r}: unknown type {self.type!r}; one of {', '.join(TYPES)}")

    @property
    def dtype(self) -> pl.DataType:
        import polars

        dtype: pl.DataType = TYPES[self.type][0](polars)
        return dtype

    @property
    def arrow_type(self) -> pa.DataType:
        return TYPES[self.type][1]


@dataclass(frozen=True)
class TableSchema:
    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    doc: str = ""
    extra_ok: bool = field(default=True)

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)

    def polars_schema(self) -> dict[str, pl.DataType]:
        return {c.name: c.dtype for c in self.columns}

    def empty(self) -> pl.DataFrame:
        import polars

        return polars.DataFrame(schema=self.polars_schema())

    def arrow_schema(self) -> pa.Schema:
        """The table as polars writes it (``empty().to_arrow().schema``), with the distinct columns marked for
        :func:`stancekit.io.writer_options`; made without polars."""
        return pa.schema([pa.field(c.name, c.arrow_type, metadata={DISTINCT: b"1"} if c.distinct else None)
                          for c in self.columns])


S, I64, I32, F64, B, TS = "str", "i64", "i32", "f64", "bool", "timestamp"

DOCUMENTS = TableSchema(
    "documents",
    (
        Column("doc_id", S, False, "the input's id verbatim, else a hash of the text"),
        Column("source", S, False, "the file or dataset the row came from"),
        Column("source_row", I64, True, "row or line number within the source (1-based), null for a .txt"),
        Column("title", S),
        Column("text", S, False, "input text, line endings normalised to \\n; every offset points into it",
               distinct=True),
        Column("lang", S, False, "ISO 639-1 (ar, en, ...) or und"),
        Column("published_at", TS),
        Column("url", S),
        Column("outlet", S),
        Column("license", S),
        Column("content_hash", S, False, distinct=True),
        Column("duplicate_of", S, True, "doc_id of an earlier document with the same text"),
    ),
    key=("doc_id",),
)

UNITS = TableSchema(
    "units",
    (
        Column("unit_id", S, False, distinct=True),
        Column("doc_id", S, False),
        Column("start", I64, False),
        Column("end", I64, False),
        Column("text", S, False, distinct=True),
        Column("kind", S, False, "title, heading, body, boilerplate"),
        Column("boilerplate_kind", S),
        Column("position", I32, True, "order among the document's content units (null for boilerplate)"),
        Column("prev_unit_id", S, distinct=True),
        Column("next_unit_id", S, distinct=True),
        Column("is_claim", B, False),
        Column("speaker", S),
        Column("speaker_start", I64),
        Column("speaker_end", I64),
        Column("cue", S),
        Column("cue_start", I64),
        Column("cue_end", I64),
        Column("quote_type", S, True, "direct, indirect or null"),
        Column("segmenter", S, False),
    ),
    key=("unit_id",),
)

PAIRS = TableSchema(
    "pairs",
    (
        Column("pair_id", S, False, distinct=True),
        Column("unit_id", S, False),
        Column("claim_id", S, False),
        Column("score", F64, False),
        Column("rank", I32, False),
        Column("method", S, False),
    ),
    key=("pair_id",),
)

TASKS = TableSchema(
    "tasks",
    (
        Column("pair_id", S, False),
        Column("task_key", S, False),
        Column("project_id", I64, False),
        Column("ls_task_id", I64, False),
        Column("project_role", S, False, "main or adjudication"),
        Column("pushed_at", TS),
        Column("segmenter", S),
        Column("matcher", S),
        Column("label_scheme", S, False),
    ),
    key=("task_key", "project_role"),
)

ANNOTATIONS = TableSchema(
    "annotations",
    (
        Column("pair_id", S, True),
        Column("task_key", S, False),
        Column("ls_task_id", I64, True),
        Column("ls_annotation_id", I64, False),
        Column("project_role", S, False),
        Column("annotator", S, False, "stable pseudonym"),
        Column("label", S, True, "null when skipped"),
        Column("flags", "list[str]"),
        Column("note", S),
        Column("was_cancelled", B, False),
        Column("ground_truth", B, False),
        Column("lead_time", F64),
        Column("created_at", TS),
        Column("updated_at", TS),
    ),
    key=("project_role", "ls_annotation_id"),
)

LABELS = TableSchema(
    "labels",
    (
        Column("pair_id", S, False),
        Column("label", S, True),
        Column("votes", "list[i64]", False, "votes per class, in label-scheme order"),
        Column("soft_label", "list[f64]", False, "probability per class, in label-scheme order"),
        Column("n_annotators", I32, False),
        Column("agreement", F64, True),
        Column("method", S, False),
        Column("decided_by", S, True, "vote, gold, adjudication or copy (the label of the same sentence and claim "
               "in the document this one exactly duplicates)"),
    ),
    key=("pair_id",),
)

SPLITS = TableSchema(
    "splits",
    (
        Column("pair_id", S, False),
        Column("split", S, False, "train, validation or test"),
        Column("group_key", S, False),
    ),
    key=("pair_id",),
)

REJECTS = TableSchema(
    "rejects",
    (
        Column("stage", S, False),
        Column("reason", S, False),
        Column("key", S, True, "the id of the rejected row, when it has one"),
        Column("source", S, True),
        Column("source_row", I64, True),
        Column("detail", S, True),
    ),
    key=(),
)

TABLES: dict[str, TableSchema] = {t.name: t for t in (DOCUMENTS, UNITS, PAIRS, TASKS, ANNOTATIONS, LABELS, SPLITS)}
