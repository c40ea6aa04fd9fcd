"""The Ray engine: the same batch functions as the local engine, run as Ray Data ``map_batches`` over Parquet shards.

Imported only for ``--engine ray`` (Ray is the optional extra ``stancekit[ray]``). The plan is
``read_parquet(shards) -> map_batches(fn) -> write_datasink(shards)``, with the execution option ``preserve_order`` so
write task ``i`` holds the ``i``-th slice of the input: the output directory's shards (``part-000000.parquet``, ...),
read in name order, are the local engine's rows in the local engine's order. A batch function's rejects travel in the
same blocks as its output (rows whose ``__reject__`` column holds the reject as JSON) and are split off by the writer
into a hidden side directory, so nothing is gathered on the driver but the (small) rejects.

Ray's usage stats are off; a cluster started here listens on 127.0.0.1 only and has no dashboard. With an address the
engine connects to that cluster (``ray start --head`` elsewhere): every node must have stancekit installed and see the
campaign directory at the same path (a shared filesystem), since the writers write the shards where they run.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

from stancekit.errors import MissingDependencyError, StageError
from stancekit.io import COMPRESSION, _shards, count_rows
from stancekit.progress import is_quiet

REJECT_COLUMN = "__reject__"
INSTALL_HINT = "pip install 'stancekit[ray]'"


def import_ray() -> Any:
    """Import ray with its usage stats off; a clear install hint when it is missing."""
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    try:
        import ray
        import ray.data
    except ImportError as exc:
        raise MissingDependencyError(
            f"--engine ray needs Ray Data, which is not installed: {INSTALL_HINT} (or use --engine local)"
        ) from exc
    return ray


@contextmanager
def ray_session(address: str | None = None, num_cpus: int | None = None) -> Iterator[Any]:
    """Use the Ray already initialised in this process, else connect to ``address`` or start a local cluster.

    A cluster started here is shut down on exit; one that was running before is left alone.
    """
    if not address:
        # A local cluster binds the loopback interface only (Ray otherwise picks the host's routable address);
        # read by ray at import, so it must be set first. It does not apply when connecting to a named cluster.
        os.environ.setdefault("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "0")
    ray = import_ray()
    if ray.is_initialized():
        yield ray
        return
    kwargs: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False, "configure_logging": False}
    if address:
        kwargs["address"] = address
    else:
        kwargs["num_cpus"] = num_cpus
    try:
        ray.init(**kwargs)
    except (ConnectionError, RuntimeError, ValueError) as exc:
        where = f"the Ray cluster at {address}" if address else "a local Ray cluster"
        raise StageError(f"could not start or reach {where}: {exc}; check --ray-address / [engine] ray_address "
                         "(e.g. 'auto' or 'ray://HOST:10001') or use --engine local") from exc
    try:
        yield ray
    finally:
        ray.shutdown()


def _transport_schema(schema: pa.Schema) -> pa.Schema:
    fields = [f.with_nullable(True) for f in schema]
    return pa.schema([*fields, pa.field(REJECT_COLUMN, pa.large_string())])


def apply_batch(batch: pa.Table, *, fn: Callable[..., Any], kwargs: dict[str, Any], schema: pa.Schema) -> pa.Table:
    """Run one batch function on a Ray block; its rejects ride along as rows with a JSON ``__reject__`` cell."""
    df = pl.from_arrow(batch)
    assert isinstance(df, pl.DataFrame)
    out = fn(df, **kwargs)
    frame, rejects = out if isinstance(out, tuple) else (out, None)
    transport = _transport_schema(schema)
    table = frame.to_arrow().select(schema.names).cast(schema)
    table = table.append_column(REJECT_COLUMN, pa.nulls(table.num_rows, pa.large_string())).cast(transport)
    if rejects is None or rejects.height == 0:
        return table
    cells = [json.dumps(r, default=str, ensure_ascii=False) for r in rejects.iter_rows(named=True)]
    nulls = {f.name: pa.nulls(len(cells), f.type) for f in schema}
    extra = pa.table({**nulls, REJECT_COLUMN: pa.array(cells, pa.large_string())}, schema=transport)
    return pa.concat_tables([table, extra])


def _sink_class() -> type:
    from ray.data import Datasink

    class ShardSink(Datasink[dict[str, int]]):
        """Write each write task's rows to ``part-<task index>.parquet`` and its rejects beside them."""

        def __init__(self, directory: str, schema: pa.Schema) -> None:
            self.directory = directory
            self.schema = schema

        def write(self, blocks: Iterable[pa.Table], ctx: Any) -> dict[str, int]:
            name = f"part-{ctx.task_idx:06d}.parquet"
            writer: pq.ParquetWriter | None = None
            rejects: list[pa.Table] = []
            rows = 0
            try:
                for block in blocks:
                    marks = block.column(REJECT_COLUMN)
                    if marks.null_count < block.num_rows:
                        rejects.append(block.filter(marks.is_valid()).select([REJECT_COLUMN]))
                    rows_part = block.filter(marks.is_null()).drop_columns([REJECT_COLUMN]).cast(self.schema)
                    if rows_part.num_rows == 0:
                        continue
                    if writer is None:
                        writer = pq.ParquetWriter(os.path.join(self.directory, name), self.schema,
                                                  compression=COMPRESSION)
                    writer.write_table(rows_part)
                    rows += rows_part.num_rows
            finally:
                if writer is not None:
                    writer.close()
            if rejects:
                pq.write_table(pa.concat_tables(rejects), os.path.join(self.directory, ".rejects", name))
            return {"rows": rows}

    return ShardSink


def map_table_ray(
    source: Path,
    fn: Callable[..., Any],
    dest: Path,
    *,
    schema: pa.Schema,
    batch_size: int,
    num_cpus: int | None,
    columns: list[str] | None,
    fn_kwargs: dict[str, Any],
    address: str | None = None,
) -> tuple[int, int, pl.DataFrame | None]:
    """Run ``fn`` over ``source`` on Ray; ``dest`` becomes a directory of shards. Returns (rows in, out, rejects)."""
    rows_in = count_rows(source)
    tmp = dest.with_name(f".{dest.name}.{uuid.uuid4().hex[:12]}.tmp")
    (tmp / ".rejects").mkdir(parents=True)
    try:
        with ray_session(address, num_cpus) as ray:
            ctx = ray.data.DataContext.get_current()
            ctx.execution_options.preserve_order = True
            # Ray's own progress bars on a terminal; not its plan and progress log lines
            logging.getLogger("ray.data").setLevel(logging.ERROR if is_quiet() else logging.WARNING)
            if is_quiet():
                ctx.enable_progress_bars = False
            ds = ray.data.read_parquet([str(p) for p in _shards(source)], columns=columns)
            ds = ds.map_batches(apply_batch, batch_format="pyarrow", batch_size=batch_size, zero_copy_batch=True,
                                fn_kwargs={"fn": fn, "kwargs": fn_kwargs, "schema": schema})
            ds.write_datasink(_sink_class()(str(tmp), schema))
        rejects = _collect_rejects(tmp / ".rejects")
        shutil.rmtree(tmp / ".rejects")
        if not any(tmp.glob("*.parquet")):
            pq.write_table(schema.empty_table(), tmp / "part-000000.parquet", compression=COMPRESSION)
        rows_out = count_rows(tmp)
        _replace_dir(tmp, dest)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return rows_in, rows_out, rejects


def _collect_rejects(directory: Path) -> pl.DataFrame | None:
    files = sorted(directory.glob("*.parquet"))
    cells = [c for f in files for c in pq.read_table(f).column(REJECT_COLUMN).to_pylist()]
    return pl.DataFrame([json.loads(c) for c in cells], infer_schema_length=None) if cells else None


def _replace_dir(tmp: Path, dest: Path) -> None:
    """Put the finished shard directory in place of ``dest`` (a file or a directory), never leaving it half-written."""
    if not dest.exists():
        tmp.rename(dest)
        return
    old = dest.with_name(f".{dest.name}.{uuid.uuid4().hex[:12]}.old")
    dest.rename(old)
    tmp.rename(dest)
    if old.is_dir():
        shutil.rmtree(old)
    else:
        old.unlink()
