"""The table declarations: column types by name, as polars dtypes and as the Arrow types polars writes."""

from __future__ import annotations

import subprocess
import sys

import polars as pl
import pyarrow as pa
import pytest

from stancekit.io import DISTINCT
from stancekit.schemas import REJECTS, TABLES, Column


@pytest.mark.parametrize("table", [*TABLES.values(), REJECTS], ids=lambda t: t.name)
def test_arrow_schema_is_what_polars_writes(table) -> None:  # type: ignore[no-untyped-def]
    """arrow_schema(), made without polars, equals polars' own conversion of the declared dtypes (types, order,
    nullability, no schema metadata), with the distinct columns marked for the writer."""
    written = pl.DataFrame(schema=table.polars_schema()).to_arrow().schema
    distinct = {c.name for c in table.columns if c.distinct}
    expected = pa.schema([f.with_metadata({DISTINCT: b"1"}) if f.name in distinct else f for f in written],
                         metadata=written.metadata)
    assert table.arrow_schema().equals(expected, check_metadata=True)


def test_an_unknown_type_name_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown type 'string'"):
        Column("x", "string")


def test_the_schemas_import_without_polars() -> None:
    out = subprocess.run([sys.executable, "-c", "import sys, stancekit.schemas as s; s.UNITS.arrow_schema(); "
                          "print('polars' in sys.modules)"], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"
