"""Table storage: atomic writes, streaming writers, and one reader for a Parquet file or a directory of shards.

Reading a table gives a polars frame; writing takes a polars frame or Arrow. Polars is imported only by the functions
that make frames, so a process that reads and writes Arrow alone (a ``stancekit segment`` worker) never loads it.
"""

from __future__ import annotations

import glob
import os
import re
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from stancekit.errors import StageError

if TYPE_CHECKING:
    import polars as pl

COMPRESSION = "zstd"
# Arrow field metadata of a column whose values are mostly distinct (ids, texts: TableSchema's Column.distinct)
DISTINCT = b"stancekit.distinct"
_UMASK = os.umask(0)
os.umask(_UMASK)


def pid_alive(pid: int) -> bool:
    """Whether process ``pid`` is running. A killed process not yet reaped, a zombie, is not: this process's own
    child is reaped here; another's is recognised from ``/proc`` (on Linux) by a zombie main thread and a thread
    count of one (a process whose main thread has exited shows 'Z' while its other threads still run: it is alive).
    The count is read in one go: listing ``/proc/PID/task`` misses threads that come and go."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, another user's
        return True
    try:
        if os.waitpid(pid, os.WNOHANG) != (0, 0):
            return False  # our child, just reaped
    except ChildProcessError:  # not our child
        pass
    proc = Path(f"/proc/{pid}")
    if not Path("/proc/self").is_dir():  # no /proc (not Linux): alive as far as we can tell
        return True
    try:
        state = (proc / "stat").read_text().rsplit(")", 1)[1].split()[0]
        if state not in "ZX":
            return True
        # the main thread is a zombie: the process lives while it has other threads (the count includes it)
        status = (proc / "status").read_text()
    except FileNotFoundError:  # gone while we looked
        return False
    except (OSError, IndexError):
        return True
    threads = re.search(r"^Threads:\s*(\d+)", status, re.M)
    return threads is None or int(threads.group(1)) > 1


def sweep_stale_temps(path: Path) -> int:
    """Remove temporary files and directories beside ``path`` left by a run that was killed: they are named
    ``.<name>.<pid>-<random>.tmp`` and removed only when that process is gone (a live writer keeps its own)."""
    import shutil

    removed = 0
    prefix = f".{path.name}."
    if not path.parent.is_dir():
        return 0
    for tmp in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        pid_part = tmp.name[len(prefix):].split("-", 1)[0]
        if not pid_part.isdigit() or int(pid_part) == os.getpid() or pid_alive(int(pid_part)):
            continue
        if tmp.is_dir():
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            tmp.unlink(missing_ok=True)
        removed += 1
    return removed


def temp_name(path: Path) -> str:
    """A fresh temporary name beside ``path`` that records this process (see :func:`sweep_stale_temps`)."""
    return f".{path.name}.{os.getpid()}-{uuid.uuid4().hex[:12]}.tmp"


def _tmp_near(path: Path, suffix: str = "") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    sweep_stale_temps(path)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}-", suffix=suffix + ".tmp", dir=path.parent)
    os.close(fd)
    os.chmod(name, 0o666 & ~_UMASK)  # mkstemp makes 0600; tables are ordinary files (secrets set their own mode)
    return Path(name)


def _replace(tmp: Path, path: Path) -> None:
    if path.is_dir() and not tmp.is_dir():
        import shutil

        old = path.with_name(f".{path.name}.old")
        if old.exists():
            shutil.rmtree(old)
        path.rename(old)
        os.replace(tmp, path)
        shutil.rmtree(old)
        return
    os.replace(tmp, path)


def atomic_write_bytes(path: Path, data: bytes, *, mode: int | None = None) -> None:
    """Write ``data`` to ``path`` atomically; ``mode`` (e.g. 0o600 for secrets) is set before the rename."""
    tmp = _tmp_near(path)
    if mode is not None:
        os.chmod(tmp, mode)
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        _replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def atomic_write_text(path: Path, text: str, *, mode: int | None = None) -> None:
    atomic_write_bytes(path, text.encode("utf-8"), mode=mode)


def table_exists(path: Path) -> bool:
    return path.is_file() or (path.is_dir() and any(path.glob("*.parquet")))


def _shards(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.glob("*.parquet") if not p.name.startswith("."))
    return [path]


def scan_table(path: Path) -> pl.LazyFrame:
    """Lazily scan a table, whether a single Parquet file or a directory of shards."""
    if not table_exists(path):
        raise StageError(f"{path} does not exist yet: run the stage that writes it first")
    import polars as pl

    return pl.scan_parquet([str(p) for p in _shards(path)])


def as_frame(data: pl.DataFrame | pa.Table | pa.RecordBatch) -> pl.DataFrame:
    """``data`` as a polars frame: an Arrow table or record batch converted, a frame as it is."""
    import polars as pl

    if isinstance(data, pl.DataFrame):
        return data
    frame = pl.from_arrow(data)
    assert isinstance(frame, pl.DataFrame)
    return frame


def read_table(path: Path, columns: list[str] | None = None) -> pl.DataFrame:
    lf = scan_table(path)
    if columns is not None:
        lf = lf.select(columns)
    return lf.collect()


def read_table_or_empty(path: Path, empty: pl.DataFrame) -> pl.DataFrame:
    return read_table(path) if table_exists(path) else empty


def file_batches(pf: pq.ParquetFile, batch_size: int, columns: list[str] | None = None,
                 row_groups: list[int] | None = None, align: str | None = None,
                 threads: bool = True) -> Iterator[pa.RecordBatch]:
    """Record batches of one Parquet file (or of some of its row groups), one row group at a time.

    pyarrow's reader over a whole file pre-buffers column chunks for every row group it is given and keeps them:
    reading a 300 MB-of-text units table in one ``iter_batches`` call grew peak RSS by 50 MB over a 60 MB one;
    asking for one row group per call keeps it flat. With ``align`` (a column, e.g. ``doc_id``), no run of equal
    values is cut between two batches (see :func:`aligned_batches`). ``threads=False`` decodes in this thread: for a
    pool worker, one of several running at once, Arrow's thread pool only competes with the other workers, and
    starting it costs a new worker ~45 ms (a 2,000-document slice of the campaign then reads in 2.2 ms, not 3.5).
    """
    batches = (rb for g in (range(pf.num_row_groups) if row_groups is None else row_groups)
               for rb in pf.iter_batches(batch_size=batch_size, row_groups=[g], columns=columns, use_threads=threads))
    yield from batches if align is None else aligned_batches(batches, align)


def aligned_batches(batches: Iterator[pa.RecordBatch], key: str) -> Iterator[pa.RecordBatch]:
    """Re-cut ``batches`` so that rows with equal ``key`` next to each other (a document's units) always fall in
    one batch: each batch's trailing run is carried into the next. A batch can grow by one run (one document)."""
    import pyarrow.compute as pc  # (here: ~25 ms to import, and most commands never align)

    carry: pa.RecordBatch | None = None
    for rb in batches:
        if carry is not None:
            rb = pa.concat_batches([carry, rb])
            carry = None
        if not rb.num_rows:
            continue
        col = rb.column(key)
        differs = np.flatnonzero(~pc.equal(col, col[rb.num_rows - 1]).to_numpy(zero_copy_only=False))
        start = int(differs[-1]) + 1 if len(differs) else 0
        if start:
            yield rb.slice(0, start)
        carry = rb.slice(start)
    if carry is not None and carry.num_rows:
        yield carry


def iter_batches(path: Path, batch_size: int, columns: list[str] | None = None,
                 align: str | None = None) -> Iterator[pa.RecordBatch]:
    """Stream a table in record batches (bounded memory); ``align`` as for :func:`file_batches` (a run is never
    split between two shards: each shard holds whole batches of the stage that wrote it)."""
    for shard in _shards(path):
        yield from file_batches(pq.ParquetFile(shard), batch_size, columns, align=align)


def count_rows(path: Path) -> int:
    if not table_exists(path):
        return 0
    return sum(pq.ParquetFile(p).metadata.num_rows for p in _shards(path))


def writer_options(schema: pa.Schema) -> dict[str, Any]:
    """Parquet writer options for ``schema``: zstd; for a column marked :data:`DISTINCT` no dictionary (its values
    are mostly distinct, so a dictionary page only fills up before the writer gives up on it); and min/max
    statistics only for the columns that are not text. Ids here are hashes and rows are in input order, so the
    bounds of a text column (ids, texts, kinds, speakers) never let a reader skip a row group, and computing them
    is a tenth of writing the units table (callgrind: 152M -> 141M instructions per 2,000-document batch). Without
    the dictionaries of the distinct columns it is ~10% less again."""
    plain = {f.name for f in schema if f.metadata and f.metadata.get(DISTINCT) == b"1"}
    text = {f.name for f in schema if _is_text(f.type)}
    if not plain and not text:
        return {"compression": COMPRESSION}
    return {"compression": COMPRESSION, "use_dictionary": [name for name in schema.names if name not in plain],
            "write_statistics": [name for name in schema.names if name not in plain and name not in text]}


def is_string_type(kind: pa.DataType) -> bool:
    """An Arrow string type (whose values read as str)."""
    return bool(pa.types.is_string(kind) or pa.types.is_large_string(kind) or pa.types.is_string_view(kind))


def _is_text(kind: pa.DataType) -> bool:
    return is_string_type(kind) or bool(pa.types.is_binary(kind) or pa.types.is_large_binary(kind)
                                        or pa.types.is_binary_view(kind))


def write_table(df: pl.DataFrame | pa.Table, path: Path, *, schema: pa.Schema | None = None) -> None:
    """Write a whole table atomically (temp file + rename)."""
    table = df if isinstance(df, pa.Table) else df.to_arrow()
    if schema is not None:
        table = table.cast(schema)
    tmp = _tmp_near(path, ".parquet")
    try:
        pq.write_table(table, tmp, **writer_options(table.schema))
        _replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def as_schema(table: pa.Table, schema: pa.Schema) -> pa.Table:
    """``table``'s columns of ``schema``, in its order, cast to it when they differ (a cast of each column costs
    ~0.5 ms a batch even when it is a no-op)."""
    table = table.select(schema.names)
    return table if table.schema.equals(schema) else table.cast(schema)


class TableWriter:
    """Append record batches to a temp Parquet file; ``commit()`` renames it into place atomically.

    Use as a context manager: on an exception the temp file is removed and the old table stays.
    """

    def __init__(self, path: Path, schema: pa.Schema | None = None) -> None:
        self.path = path
        self.schema = schema
        self.rows = 0
        self._tmp = _tmp_near(path, ".parquet")
        self._writer: pq.ParquetWriter | None = None

    def write(self, batch: pl.DataFrame | pa.Table | pa.RecordBatch) -> None:
        if not isinstance(batch, (pa.Table, pa.RecordBatch)):  # a polars frame
            batch = batch.to_arrow()
        if isinstance(batch, pa.RecordBatch):
            batch = pa.Table.from_batches([batch])
        if self.schema is None:
            self.schema = batch.schema
        else:
            batch = as_schema(batch, self.schema)
        if self._writer is None:
            self._writer = pq.ParquetWriter(self._tmp, self.schema, **writer_options(self.schema))
        if batch.num_rows:
            self._writer.write_table(batch)
            self.rows += batch.num_rows

    def commit(self) -> int:
        if self._writer is None:
            if self.schema is None:
                raise StageError(f"nothing to write to {self.path} and no schema given")
            self._writer = pq.ParquetWriter(self._tmp, self.schema, **writer_options(self.schema))
        self._writer.close()
        self._writer = None
        _replace(self._tmp, self.path)
        return self.rows

    def abort(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        self._tmp.unlink(missing_ok=True)

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(self, exc_type: Any, *_: Any) -> None:
        if exc_type is not None or self._writer is not None:
            self.abort()


def write_rejects(path: Path, rows: pl.DataFrame | None, *, append: bool = False) -> int:
    """Write a stage's rejects (``rejects/<stage>.parquet``), conformed to the REJECTS declaration; None: there are
    none (as an empty frame, without making one: no polars needed).

    ``append`` keeps earlier rejects (ingest appends, like its table); otherwise the file is replaced so a re-run of a
    stage leaves exactly its own rejects.
    """
    if rows is None:
        if append:
            return count_rows(path)
        path.unlink(missing_ok=True)
        return 0
    import polars as pl

    from stancekit.schemas import REJECTS, conform

    rows = conform(rows, REJECTS, where=str(path))
    if append and table_exists(path):
        rows = pl.concat([read_table(path), rows], how="diagonal_relaxed").unique(maintain_order=True)
    if rows.height == 0 and not append:
        path.unlink(missing_ok=True)
        return 0
    write_table(rows, path)
    return rows.height


def replace_table(src: Path, dest: Path) -> None:
    """Move a finished table (a file or a directory of shards) into place, whatever form ``dest`` has now."""
    if not dest.exists() or (dest.is_file() and src.is_file()):
        os.replace(src, dest)
        return
    remove_table(old := dest.with_name(f".{dest.name}.old"))
    dest.rename(old)
    os.replace(src, dest)
    remove_table(old)


def remove_table(path: Path) -> None:
    import shutil

    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)
