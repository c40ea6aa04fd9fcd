"""The Ray engine: the same batch functions as the local engine, run as Ray Data ``map_batches`` over Parquet shards.

Imported only for ``--engine ray`` (Ray is the optional extra ``stancekit[ray]``). The plan is
``from_items(slices) -> map_batches(read_and_apply) -> write_datasink(ShardSink)``: the input table (a file or a
directory of shards) is cut into slices of whole Parquet row groups; a Ray task reads one slice with pyarrow and runs
the stage's batch function on each batch of it; the writer writes one shard per write task, named after the place
of its first batch in the input. So the output directory's shards, read in name order, hold the local engine's rows
in the local engine's order, whatever Ray's scheduling (``preserve_order`` keeps each writer's batches contiguous,
and the driver checks it). A batch's rejects travel in the same blocks as its rows (a JSON ``__reject__`` cell) and
the writer puts them in a hidden side directory: nothing is gathered on the driver but the rejects.

Slices are planned from Parquet metadata rather than read with ``ray.data.read_parquet`` so the blocks (and the
memory of a task) are bounded by the batch size whatever the input's file layout, and because Ray's threaded file
listing races on fsspec's HTTP import when aiohttp is not installed (seen with Ray 2.60).

Ray's usage stats are off; a cluster started here listens on 127.0.0.1 only and has no dashboard. With an address the
engine connects to that cluster (``ray start --head`` elsewhere): every node must have stancekit installed and see the
campaign directory at the same path (a shared filesystem), since the tasks read and write the shards where they run.
"""

from __future__ import annotations

import itertools
import json
import logging
import os
import shutil
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

from stancekit.engine import call_batch, plan_slices, shard_directory, shard_name, split_result
from stancekit.errors import MissingDependencyError, StageError, StancekitError
from stancekit.io import as_schema, count_rows, file_batches, writer_options
from stancekit.progress import is_quiet

REJECT_COLUMN = "__reject__"
ORDER_COLUMN = "__order__"
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
    return pa.schema([*fields, pa.field(REJECT_COLUMN, pa.large_string()), pa.field(ORDER_COLUMN, pa.int64())])


def apply_batch(batch: pa.RecordBatch | pa.Table, *, fn: Callable[..., Any], kwargs: dict[str, Any],
                schema: pa.Schema, order: int) -> pa.Table:
    """Run one batch function on one batch; its rejects ride along as rows with a JSON ``__reject__`` cell."""
    _n, out = call_batch(fn, kwargs, batch)
    frame, rejects, _counts = split_result(out)  # (counts are not gathered on Ray: MapResult.counts is None)
    transport = _transport_schema(schema)
    table = as_schema(frame, schema)
    table = table.append_column(REJECT_COLUMN, pa.nulls(table.num_rows, pa.large_string()))
    if rejects is not None and len(rejects):
        records = rejects.to_pylist() if isinstance(rejects, pa.Table) else rejects.iter_rows(named=True)
        cells = [json.dumps(r, default=str, ensure_ascii=False) for r in records]
        nulls = {f.name: pa.nulls(len(cells), f.type) for f in schema}
        extra = pa.table({**nulls, REJECT_COLUMN: pa.array(cells, pa.large_string())})
        table = pa.concat_tables([table, extra])
    table = table.append_column(ORDER_COLUMN, pa.array([order] * table.num_rows, pa.int64()))
    return table.cast(transport)


def read_and_apply(items: pa.Table, *, fn: Callable[..., Any], kwargs: dict[str, Any], schema: pa.Schema,
                   columns: list[str] | None, batch_size: int) -> Iterator[pa.Table]:
    """The Ray task: read a slice of row groups and yield one output block per batch, tagged with its place."""
    for item in items.to_pylist():
        pf = pq.ParquetFile(item["path"], pre_buffer=False)  # (as the local engine's workers read their slices)
        for seq, rb in enumerate(file_batches(pf, batch_size, columns, item["row_groups"], align=item.get("align"),
                                              threads=False)):
            yield apply_batch(rb, fn=fn, kwargs=kwargs, schema=schema, order=(item["slice"] << 32) | seq)


def _sink_class() -> type:
    from ray.data import Datasink

    class ShardSink(Datasink[dict[str, int]]):
        """Write each write task's rows to one shard named after its first batch's place in the input.

        Blocks reach a write task in input order (``preserve_order``), so the shards, read in name order, hold the
        rows in input order. Rejects go to a side directory under the same name.
        """

        def __init__(self, directory: str, schema: pa.Schema) -> None:
            self.directory = directory
            self.schema = schema
            self.ranges: list[tuple[int, int]] = []

        def on_write_complete(self, write_result: Any) -> None:
            returns = getattr(write_result, "write_returns", write_result)  # older Ray passes the list itself
            ranges = sorted((r["first"], r["last"]) for r in returns if r["first"] >= 0)
            for (_, last), (first, _) in itertools.pairwise(ranges):
                if first <= last:
                    raise StageError("ray engine: two writers got interleaved batches, so the shards' order would "
                                     "not be the input's; please report this with your Ray version")

        def write(self, blocks: Iterable[pa.Table], ctx: Any) -> dict[str, int]:
            parts: list[pa.Table] = []
            rejects: list[pa.Table] = []
            first = last = -1
            for block in blocks:
                if block.num_rows == 0:
                    continue
                order = block.column(ORDER_COLUMN)[0].as_py()
                if order < last:
                    raise StageError(f"ray engine: batches reached a writer out of order ({order} after {last})")
                first, last = (order if first < 0 else first), order
                marks = block.column(REJECT_COLUMN)
                if marks.null_count < block.num_rows:
                    rejects.append(block.filter(marks.is_valid()).select([REJECT_COLUMN]))
                rows = block.filter(marks.is_null()).drop_columns([REJECT_COLUMN, ORDER_COLUMN])
                parts.append(rows.cast(self.schema))
            if first < 0:
                return {"first": -1, "last": -1, "rows": 0}
            name = shard_name(first)
            table = pa.concat_tables(parts)
            if table.num_rows:
                pq.write_table(table, os.path.join(self.directory, name), **writer_options(self.schema))
            if rejects:
                pq.write_table(pa.concat_tables(rejects), os.path.join(self.directory, ".rejects", name))
            return {"first": first, "last": last, "rows": table.num_rows}

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
    slice_batches: int = 4,
    align: str | None = None,
) -> tuple[int, int, pl.DataFrame | None]:
    """Run ``fn`` over ``source`` on Ray; ``dest`` becomes a directory of shards. Returns (rows in, out, rejects).

    The input is cut into slices of whole row groups of about ``slice_batches * batch_size`` rows; one Ray task
    reads a slice and runs the batches in it.
    """
    rows_in = count_rows(source)
    slices = [{**s, "slice": i} for i, s in enumerate(plan_slices(source, slice_batches * batch_size, align))]
    try:
        with shard_directory(dest, schema) as tmp, ray_session(address, num_cpus) as ray:
            (tmp / ".rejects").mkdir()
            ctx = ray.data.DataContext.get_current()
            ctx.execution_options.preserve_order = True
            # Ray's own progress bars on a terminal; not its plan and progress log lines
            logging.getLogger("ray.data").setLevel(logging.ERROR if is_quiet() else logging.WARNING)
            if is_quiet():
                ctx.enable_progress_bars = False
            if slices:
                ds = ray.data.from_items(slices, override_num_blocks=len(slices))
                ds = ds.map_batches(read_and_apply, batch_format="pyarrow", batch_size=1,
                                    fn_kwargs={"fn": fn, "kwargs": fn_kwargs, "schema": schema, "columns": columns,
                                               "batch_size": batch_size})
                ds.write_datasink(_sink_class()(str(tmp), schema))
            rejects = _collect_rejects(tmp / ".rejects")
            shutil.rmtree(tmp / ".rejects")
    except BaseException as exc:
        cause = getattr(exc, "cause", None)  # a Ray task error wraps the stage's own error: show that one
        if isinstance(cause, StancekitError):
            raise cause from None
        raise
    rows_out = count_rows(dest)
    return rows_in, rows_out, rejects


def _collect_rejects(directory: Path) -> pl.DataFrame | None:
    files = sorted(directory.glob("*.parquet"))
    cells = [c for f in files for c in pq.read_table(f).column(REJECT_COLUMN).to_pylist()]
    return pl.DataFrame([json.loads(c) for c in cells], infer_schema_length=None) if cells else None
