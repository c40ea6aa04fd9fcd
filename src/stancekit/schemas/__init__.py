"""Table declarations, the label scheme and ``conform()``: the shared contracts between stages."""

from stancekit.schemas.conform import conform
from stancekit.schemas.labels import DEFAULT_SCHEME, FLAGS, LabelScheme
from stancekit.schemas.tables import (
    ANNOTATIONS,
    DOCUMENTS,
    LABELS,
    PAIRS,
    REJECTS,
    SPLITS,
    TABLES,
    TASKS,
    UNITS,
    Column,
    TableSchema,
)

__all__ = [
    "ANNOTATIONS",
    "DEFAULT_SCHEME",
    "DOCUMENTS",
    "FLAGS",
    "LABELS",
    "PAIRS",
    "REJECTS",
    "SPLITS",
    "TABLES",
    "TASKS",
    "UNITS",
    "Column",
    "LabelScheme",
    "TableSchema",
    "conform",
]
