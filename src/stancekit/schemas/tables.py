"""One declaration per table (DESIGN.md, "Tables"): columns, dtypes, nullability and key.

Tables are the contracts between stages. Columns may be added freely; the ones declared here are never renamed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl
import pyarrow as pa

from stancekit.io import DISTINCT


@dataclass(frozen=True)
class Column:
    name: str
    dtype: pl.DataType | type[pl.DataType]
    nullable: bool = True
    doc: str = ""
    # values mostly distinct (ids, texts): written without a dictionary or min/max statistics (io.writer_options)
    distinct: bool = False


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

    def polars_schema(self) -> dict[str, pl.DataType | type[pl.DataType]]:
        return {c.name: c.dtype for c in self.columns}

    def empty(self) -> pl.DataFrame:
        return pl.DataFrame(schema=self.polars_schema())

    def arrow_schema(self) -> pa.Schema:
        schema = self.empty().to_arrow().schema
        distinct = {c.name for c in self.columns if c.distinct}
        return pa.schema([f.with_metadata({DISTINCT: b"1"}) if f.name in distinct else f for f in schema],
                         metadata=schema.metadata)


S, I64, I32, F64, B = pl.Utf8, pl.Int64, pl.Int32, pl.Float64, pl.Boolean
TS = pl.Datetime("us", "UTC")

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
        Column("flags", pl.List(pl.Utf8)),
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
        Column("votes", pl.List(pl.Int64), False, "votes per class, in label-scheme order"),
        Column("soft_label", pl.List(pl.Float64), False, "probability per class, in label-scheme order"),
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
