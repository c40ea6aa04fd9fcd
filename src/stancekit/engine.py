"""The engines: stream a table through a batch function, writing atomically.

A corpus stage is a pure function over one batch (DESIGN.md, "the shape of a stage"); :func:`map_table` runs it over
a table of any size with bounded memory. The local engine (default) reads batches lazily, keeps at most
``2 * workers`` in flight in a process pool and writes results in input order, so the output does not depend on the
number of workers. ``engine="ray"`` runs the same function as Ray Data ``map_batches`` (:mod:`stancekit.engine_ray`)
and writes a directory of shards holding the same rows in the same order.
"""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import polars as pl
import pyarrow as pa

from stancekit.errors import ConfigError
from stancekit.io import TableWriter, count_rows, iter_batches
from stancekit.progress import bar

ENGINES = ("local", "ray")
BatchResult = pl.DataFrame | tuple[pl.DataFrame, pl.DataFrame]
BatchFn = Callable[..., BatchResult]


@dataclass
class MapResult:
    rows_in: int = 0
    rows_out: int = 0
    rejects: list[pl.DataFrame] = field(default_factory=list)

    def rejects_frame(self) -> pl.DataFrame | None:
        frames = [r for r in self.rejects if r.height]
        return pl.concat(frames, how="diagonal_relaxed") if frames else None


def _call(fn: BatchFn, kwargs: dict[str, Any], batch: pa.RecordBatch) -> tuple[int, BatchResult]:
    df = pl.from_arrow(batch)
    assert isinstance(df, pl.DataFrame)
    return df.height, fn(df, **kwargs)


def iter_frames(path: Path, batch_size: int, columns: list[str] | None = None) -> Iterator[pl.DataFrame]:
    for b in iter_batches(path, batch_size, columns):
        df = pl.from_arrow(b)
        assert isinstance(df, pl.DataFrame)
        yield df


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
) -> MapResult:
    """Run ``fn(batch_df, **fn_kwargs)`` over every batch of ``source`` and write the results to ``dest``.

    ``fn`` must be a module-level function (it is pickled to worker processes). It returns the output frame, or a
    tuple ``(output, rejects)``; rejects are collected (they are small) and returned. ``dest`` is replaced only when
    every batch succeeded. With ``workers <= 1`` everything runs in this process.

    ``engine="ray"`` runs on Ray (``ray_address`` names a cluster; none: the Ray already initialised in this process,
    else a local cluster of ``workers`` CPUs) and writes ``dest`` as a directory of Parquet shards.
    """
    kwargs = fn_kwargs or {}
    if engine not in ENGINES:
        raise ConfigError(f"--engine must be one of {', '.join(ENGINES)}, got {engine!r}")
    if engine == "ray":
        from stancekit.engine_ray import map_table_ray

        n_in, n_out, rejected = map_table_ray(source, fn, dest, schema=schema, batch_size=batch_size,
                                              num_cpus=max(workers, 1), columns=columns, fn_kwargs=kwargs,
                                              address=ray_address)
        return MapResult(rows_in=n_in, rows_out=n_out, rejects=[rejected] if rejected is not None else [])
    call = partial(_call, fn, kwargs)
    result = MapResult()
    total = count_rows(source)

    def consume(n_in: int, out: BatchResult, writer: TableWriter, progress: Any) -> None:
        frame, rejects = out if isinstance(out, tuple) else (out, None)
        writer.write(frame.to_arrow())
        if rejects is not None:
            result.rejects.append(rejects)
        result.rows_in += n_in
        progress.advance(n_in)

    with TableWriter(dest, schema) as writer, bar(description, total) as progress:
        batches = iter_batches(source, batch_size, columns)
        if workers <= 1:
            for b in batches:
                consume(*call(b), writer, progress)
        else:
            ctx = mp.get_context("forkserver")
            with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
                pending: list[Future[tuple[int, BatchResult]]] = []
                for b in batches:
                    pending.append(pool.submit(call, b))
                    while len(pending) >= 2 * workers:
                        consume(*pending.pop(0).result(), writer, progress)
                for fut in pending:
                    consume(*fut.result(), writer, progress)
        result.rows_out = writer.commit()
    return result
