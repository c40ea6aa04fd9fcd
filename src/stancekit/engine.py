"""The engines: stream a table through a batch function, writing atomically.

A corpus stage is a pure function over one batch (DESIGN.md, "the shape of a stage"); :func:`map_table` runs it over
a table of any size with bounded memory, and the rows it writes do not depend on the engine or the number of workers.

The local engine (default) with one worker, or with an input of one slice, runs in this process and writes one
Parquet file. With more workers it cuts the input into slices of whole row groups (:func:`plan_slices`) and hands
each to a process of a pool, which reads the slice itself, runs the batches in it and writes its own shard, named
after the slice's place in the input: the output is a directory of shards that, read in name order, holds the rows
in input order. This process only schedules slices and gathers the (small) rejects, so its memory stays flat and it
is no bottleneck: rows never travel between processes. ``engine="ray"`` runs the same function as Ray Data
``map_batches`` (:mod:`stancekit.engine_ray`) over the same slices and writes the same kind of directory.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar

import pyarrow as pa
import pyarrow.parquet as pq

from stancekit.errors import ConfigError
from stancekit.io import (
    TableWriter,
    _shards,
    as_frame,
    count_rows,
    file_batches,
    iter_batches,
    pid_alive,
    remove_table,
    replace_table,
    sweep_stale_temps,
    temp_name,
    writer_options,
)

if TYPE_CHECKING:
    import polars as pl

ENGINES = ("local", "ray")
Rows: TypeAlias = "pl.DataFrame | pa.Table"  # a batch function's output rows: a frame, or an Arrow table
Rejects: TypeAlias = "pl.DataFrame | pa.Table"  # a batch's rejects: a frame, or an Arrow table (REJECTS)
Counts: TypeAlias = dict[str, int]
# the rows; or (rows, rejects or None); or (rows, rejects or None, counts summed over the batches: MapResult.counts)
BatchResult: TypeAlias = "Rows | tuple[Rows, Rejects | None] | tuple[Rows, Rejects | None, Counts]"
BatchFn = Callable[..., BatchResult]
T = TypeVar("T")


@dataclass
class MapResult:
    rows_in: int = 0
    rows_out: int = 0
    rejects: list[Rejects] = field(default_factory=list)
    # the batches' counts summed (a function that returns none: empty); None where the engine does not gather them
    counts: Counts | None = field(default_factory=dict)

    def rejects_frame(self) -> pl.DataFrame | None:
        """The rejects of every batch as one frame (polars is imported only when there are some), or None."""
        kept = [r for r in self.rejects if len(r)]
        if not kept:
            return None
        import polars as pl

        return pl.concat([as_frame(r) for r in kept], how="diagonal_relaxed")

    def add_counts(self, counts: Counts | None) -> None:
        if self.counts is not None:
            add_counts(self.counts, counts)


def add_counts(total: Counts, counts: Counts | None) -> None:
    """Add a batch's ``counts`` (or None) to ``total``, key by key."""
    for key, n in (counts or {}).items():
        total[key] = total.get(key, 0) + n


def split_result(out: BatchResult) -> tuple[pa.Table, Rejects | None, Counts | None]:
    """A batch function's result as (rows as Arrow, rejects or None, counts or None)."""
    parts = out if isinstance(out, tuple) else (out,)
    rows = parts[0]
    rejects = parts[1] if len(parts) > 1 else None
    counts = parts[2] if len(parts) > 2 else None
    return (rows if isinstance(rows, pa.Table) else rows.to_arrow()), rejects, counts


def takes_arrow(fn: BatchFn) -> bool:
    """Does the batch function take its batches as Arrow record batches (its ``arrow_batches`` attribute), rather
    than as polars frames? (The segment stage's does: its workers then never import polars.)"""
    return bool(getattr(fn, "arrow_batches", False))


def call_batch(fn: BatchFn, kwargs: dict[str, Any], batch: pa.RecordBatch | pa.Table) -> tuple[int, BatchResult]:
    """``fn`` on one batch, given as Arrow or as a polars frame (:func:`takes_arrow`); returns (rows in, its result)."""
    if takes_arrow(fn):
        return batch.num_rows, fn(batch, **kwargs)
    df = as_frame(batch)
    return df.height, fn(df, **kwargs)


def plan_slices(source: Path, target_rows: int, align: str | None = None) -> list[dict[str, Any]]:
    """Cut a table into read slices of whole row groups (about ``target_rows`` rows each), in table order.

    With ``align`` (a column), a slice never ends between two row groups that one run of equal values spans (a
    document whose units straddle them); each slice then reads its batches aligned on that column too."""
    slices: list[dict[str, Any]] = []
    extra = {"align": align} if align else {}
    for shard in _shards(source):
        pf = pq.ParquetFile(shard)
        meta = pf.metadata
        edges = _group_edges(pf, align) if align else []
        groups: list[int] = []
        rows = 0
        for g in range(meta.num_row_groups):
            groups.append(g)
            rows += meta.row_group(g).num_rows
            run_goes_on = bool(edges) and g + 1 < len(edges) and edges[g][1] == edges[g + 1][0]
            if rows >= target_rows and not run_goes_on:
                slices.append({"path": str(shard), "row_groups": groups, "n_rows": rows, **extra})
                groups, rows = [], 0
        if groups:
            slices.append({"path": str(shard), "row_groups": groups, "n_rows": rows, **extra})
    return slices


def halve_tail(slices: list[dict[str, Any]], workers: int) -> list[dict[str, Any]]:
    """``slices`` with each of the last ``workers`` cut in two halves of its rows (``rows``: a range of the slice's
    rows), when they are single row groups and not aligned. At the end of a run each worker waits for the others'
    last slice, half a slice on average: with halves, half a half (the segment command's 45 slices on 2 workers end
    in 4 halves of ~75 ms instead of 2 slices of ~150). Rows stay in order: the halves are neighbours. Only when
    there are more slices than workers: with fewer, every slice runs at once, and one slice stays one file."""
    if len(slices) <= workers:
        return slices
    tail = len(slices) - workers
    out = slices[:tail]
    for item in slices[tail:]:
        n = int(item.get("n_rows", 0))
        if len(item["row_groups"]) == 1 and "align" not in item and n >= 2:
            out += [{**item, "rows": (0, n // 2)}, {**item, "rows": (n // 2, n)}]
        else:
            out.append(item)
    return out


def row_range(batches: Iterable[pa.RecordBatch], start: int, stop: int) -> Iterator[pa.RecordBatch]:
    """The rows ``[start, stop)`` of a stream of record batches (counted from its first row), as batches."""
    at = 0
    for rb in batches:
        lo, hi = max(start - at, 0), min(stop - at, rb.num_rows)
        if lo < hi:
            yield rb.slice(lo, hi - lo)
        at += rb.num_rows
        if at >= stop:
            return


def _group_edges(pf: pq.ParquetFile, column: str) -> list[tuple[Any, Any]]:
    """(first, last) value of ``column`` in each row group (empty groups: (None, None))."""
    edges: list[tuple[Any, Any]] = []
    for g in range(pf.metadata.num_row_groups):
        col = pf.read_row_group(g, columns=[column]).column(0)
        edges.append((col[0].as_py(), col[-1].as_py()) if len(col) else (None, None))
    return edges


def shard_name(order: int) -> str:
    """The file name of the shard whose first batch has place ``order`` in the input (name order = input order)."""
    return f"part-{order:020d}.parquet"


def _run_slice(fn: BatchFn, kwargs: dict[str, Any], schema: pa.Schema, columns: list[str] | None, batch_size: int,
               directory: str, index: int, item: dict[str, Any]) -> tuple[int, int, list[Rejects], Counts]:
    """A worker's job: read one slice, run its batches, write them to one shard. Returns (rows in, out, rejects,
    counts)."""
    n_in = n_out = 0
    rejects: list[Rejects] = []
    counts: Counts = {}
    with TableWriter(Path(directory) / shard_name(index << 32), schema) as writer:
        pf = pq.ParquetFile(item["path"], pre_buffer=False)  # (one row group at a time: nothing to coalesce)
        batches = file_batches(pf, batch_size, columns, item["row_groups"], align=item.get("align"), threads=False)
        for rb in batches if "rows" not in item else row_range(batches, *item["rows"]):
            n, out = call_batch(fn, kwargs, rb)
            frame, rej, batch_counts = split_result(out)
            writer.write(frame)
            if rej is not None and len(rej):
                rejects.append(rej)
            add_counts(counts, batch_counts)
            n_in += n
        if writer.rows:
            n_out = writer.commit()
    return n_in, n_out, rejects, counts


def watch_driver(pid: int, every: float = 0.5) -> None:
    """In a pool worker: end when the driver ``pid`` is gone. A driver killed with SIGKILL cannot stop its pool, and
    its workers would wait on the task queue for ever (each holds the queue's pipe and the forkserver's alive pipe
    open, so neither closes); this daemon thread ends the worker within ``every`` seconds instead."""

    def loop() -> None:
        while True:
            time.sleep(every)
            if not pid_alive(pid):
                os._exit(1)

    threading.Thread(target=loop, name="stancekit-watch-driver", daemon=True).start()


def _worker_init(driver: int) -> None:
    """A pool worker's start: watch the driver (:func:`watch_driver`), and move every object the worker inherited
    from the fork server (the preloaded modules and their tables) to the collector's permanent generation. Its
    full collections then skip them (~1.3% of a segment worker's instructions), and do not write into their
    memory pages, which stay shared with the server instead of being copied into each worker."""
    gc.freeze()
    watch_driver(driver)


def in_order(fn: Callable[..., T], jobs: Iterable[tuple[Any, ...]], workers: int) -> Iterator[T]:
    """``fn(*job)`` for every job on a pool of ``workers`` processes, yielded in job order, with at most
    ``2 * workers`` jobs in flight (jobs are read lazily, so memory stays bounded)."""
    ctx = mp.get_context("forkserver")
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_worker_init,
                             initargs=(os.getpid(),)) as pool:
        pending: deque[Future[T]] = deque()
        for job in jobs:
            pending.append(pool.submit(fn, *job))
            while len(pending) >= 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


@contextmanager
def shard_directory(dest: Path, schema: pa.Schema) -> Iterator[Path]:
    """A temporary directory beside ``dest`` to write shards into; when the block ends it replaces ``dest`` (with one
    empty shard if nothing was written, so the table exists), when it raises it is removed and ``dest`` is kept."""
    sweep_stale_temps(dest)
    tmp = dest.with_name(temp_name(dest))
    tmp.mkdir(parents=True)
    try:
        yield tmp
        if not any(tmp.glob("*.parquet")):
            pq.write_table(schema.empty_table(), tmp / shard_name(0), **writer_options(schema))
        replace_table(tmp, dest)
    except BaseException:
        remove_table(tmp)
        raise


def iter_frames(path: Path, batch_size: int, columns: list[str] | None = None) -> Iterator[pl.DataFrame]:
    for b in iter_batches(path, batch_size, columns):
        yield as_frame(b)


def map_table(
    source: Path,
    fn: BatchFn,
    dest: Path,
    *,
    schema: pa.Schema,
    batch_size: int = 1000,
    workers: int = 1,
    columns: list[str] | None = None,
    description: str = "processing",
    fn_kwargs: dict[str, Any] | None = None,
    engine: str = "local",
    ray_address: str | None = None,
    align: str | None = None,
) -> MapResult:
    """Run ``fn(batch_df, **fn_kwargs)`` over every batch of ``source`` and write the results to ``dest``.

    ``fn`` must be a module-level function (it is pickled to worker processes). It gets each batch as a polars frame,
    or as an Arrow record batch when it has ``arrow_batches = True`` (:func:`takes_arrow`). It returns the output
    (a frame or an Arrow table), or a tuple ``(output, rejects)`` or ``(output, rejects, counts)``: rejects (a frame,
    an Arrow table or None) are collected (they are small) and returned; counts (a dict of ints) are summed into
    ``MapResult.counts``. ``dest`` is replaced only when every batch succeeded. With ``workers <= 1`` everything runs
    in this process.

    ``engine="ray"`` runs on Ray (``ray_address`` names a cluster; none: the Ray already initialised in this process,
    else a local cluster of ``workers`` CPUs) and writes ``dest`` as a directory of Parquet shards.

    ``align`` (a column of ``source``, read with ``columns``) keeps each run of equal values in one batch (a
    document's units, for a function that weighs them together), in every engine.
    """
    kwargs = fn_kwargs or {}
    if align is not None and columns is not None and align not in columns:
        raise ValueError(f"align={align!r} must be one of the columns read ({', '.join(columns)})")
    if engine not in ENGINES:
        raise ConfigError(f"--engine must be one of {', '.join(ENGINES)}, got {engine!r}")
    if engine == "ray":
        from stancekit.engine_ray import map_table_ray

        n_in, n_out, rejected = map_table_ray(source, fn, dest, schema=schema, batch_size=batch_size,
                                              num_cpus=max(workers, 1), columns=columns, fn_kwargs=kwargs,
                                              address=ray_address, align=align)
        return MapResult(rows_in=n_in, rows_out=n_out, rejects=[rejected] if rejected is not None else [],
                         counts=None)
    from stancekit.progress import bar  # (here, not at the top: pool workers import this module, and need no rich)

    result = MapResult()
    total = count_rows(source)
    slices = halve_tail(plan_slices(source, batch_size, align), workers) if workers > 1 else []
    if len(slices) > 1:  # workers write their own shards
        with shard_directory(dest, schema) as tmp, bar(description, total) as progress:
            run = partial(_run_slice, fn, kwargs, schema, columns, batch_size, str(tmp))
            for n_in, n_out, shard_rejects, shard_counts in in_order(run, enumerate(slices), workers):
                result.rows_in += n_in
                result.rows_out += n_out
                result.rejects.extend(shard_rejects)
                result.add_counts(shard_counts)
                progress.advance(n_in)
        return result
    call = partial(call_batch, fn, kwargs)
    with TableWriter(dest, schema) as writer, bar(description, total) as progress:
        batches = iter_batches(source, batch_size, columns, align)
        outputs = (call(b) for b in batches) if workers <= 1 else in_order(call, ((b,) for b in batches), workers)
        for n_in, out in outputs:
            frame, rejects, counts = split_result(out)
            writer.write(frame)
            if rejects is not None:
                result.rejects.append(rejects)
            result.add_counts(counts)
            result.rows_in += n_in
            progress.advance(n_in)
        result.rows_out = writer.commit()
    return result
