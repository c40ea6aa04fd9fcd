"""Check a frame against its table declaration and say exactly what is wrong."""

from __future__ import annotations

from typing import TYPE_CHECKING

from stancekit.errors import SchemaError
from stancekit.schemas.tables import TABLES, TableSchema

if TYPE_CHECKING:
    import polars as pl

_MAX_SHOWN = 5


def _schema(table: str | TableSchema) -> TableSchema:
    if isinstance(table, TableSchema):
        return table
    try:
        return TABLES[table]
    except KeyError:
        raise SchemaError(f"unknown table {table!r}; known tables: {', '.join(sorted(TABLES))}") from None


def conform(df: pl.DataFrame, table: str | TableSchema, *, where: str = "") -> pl.DataFrame:
    """Return ``df`` with the declared columns first, in declared order and dtypes, extra columns after.

    Raises :class:`SchemaError` naming every missing column, every column whose values cannot be cast to the declared
    dtype, nulls in non-nullable columns (with the first offending rows) and duplicate keys.
    """
    import polars as pl  # (here: the schemas import without polars)

    schema = _schema(table)
    label = f"{schema.name} table" + (f" ({where})" if where else "")
    problems: list[str] = []
    missing = [c.name for c in schema.columns if c.name not in df.columns]
    if missing:
        problems.append(f"missing column(s): {', '.join(missing)}")
    casts: list[pl.Expr] = []
    for col in schema.columns:
        if col.name not in df.columns:
            continue
        have = df.schema[col.name]
        if have == col.dtype or have == pl.Null:
            casts.append(pl.col(col.name).cast(col.dtype))
            continue
        try:
            df.select(pl.col(col.name).cast(col.dtype, strict=True))
        except Exception:  # noqa: BLE001 - polars raises several types here
            problems.append(f"column {col.name!r} is {have}, expected {col.dtype} (values do not cast)")
            continue
        casts.append(pl.col(col.name).cast(col.dtype))
    if problems:
        raise SchemaError(f"{label}: " + "; ".join(problems))
    declared = set(schema.names)
    out = df.select(casts + [pl.col(c) for c in df.columns if c not in declared])
    for col in schema.columns:
        if col.nullable:
            continue
        nulls = out.with_row_index("__row").filter(pl.col(col.name).is_null())["__row"]
        if len(nulls):
            shown = ", ".join(str(r) for r in nulls[:_MAX_SHOWN].to_list())
            more = f" and {len(nulls) - _MAX_SHOWN} more" if len(nulls) > _MAX_SHOWN else ""
            problems.append(f"column {col.name!r} has nulls at row(s) {shown}{more}")
    if schema.key and not problems and out.height:
        dup = out.group_by(list(schema.key)).len().filter(pl.col("len") > 1)
        if dup.height:
            shown = "; ".join(str(r) for r in dup.head(_MAX_SHOWN).drop("len").rows())
            problems.append(f"duplicate key {schema.key}: {shown}" + (" ..." if dup.height > _MAX_SHOWN else ""))
    if problems:
        raise SchemaError(f"{label}: " + "; ".join(problems))
    return out
