"""Readers: turn every supported input into batches of raw records (string columns + ``__row``), streaming.

Formats: ``.txt`` (one article per file), ``.jsonl``/``.ndjson``, ``.json`` (a list of objects, or an object holding
one), ``.csv``/``.tsv`` (quoted multi-line fields), ``.parquet``, and a folder written by
``datasets.Dataset.save_to_disk`` (or ``DatasetDict``). Directories and globs expand to the files they hold.
"""

from __future__ import annotations

import csv
import glob
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

from stancekit.builder.ingest.encoding import decode_bytes, normalise_newlines, sniff_file
from stancekit.errors import InputError, InputNotFoundError
from stancekit.io import as_frame, file_batches

TEXT_SUFFIXES = {".txt"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
TABLE_SUFFIXES = {".csv", ".tsv", ".json", ".parquet"} | JSONL_SUFFIXES
ROW = "__row"


@dataclass
class Batch:
    """Raw records from one source: string columns plus ``__row`` (1-based line or row number)."""

    source: str
    frame: pl.DataFrame
    rejects: list[dict[str, Any]] = field(default_factory=list)


def is_hf_dataset_dir(path: Path) -> bool:
    return path.is_dir() and (
        (path / "dataset_info.json").exists() or (path / "state.json").exists() or (path / "dataset_dict.json").exists()
    )


def expand(paths: list[str]) -> list[Path]:
    """Expand files, directories (recursively) and globs to the inputs to read, in a stable order."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw).expanduser()
        if any(ch in raw for ch in "*?["):
            matches = sorted(Path(m) for m in glob.glob(str(p), recursive=True))
            files = [m for m in matches if m.is_file() and m.suffix.lower() in TEXT_SUFFIXES | TABLE_SUFFIXES]
            if not files:
                raise InputNotFoundError(
                    f"{raw}: the pattern matches no supported file (.txt .jsonl .json .csv .tsv .parquet)"
                )
            out.extend(files)
        elif not p.exists():
            raise InputNotFoundError(f"{raw}: no such file or directory")
        elif is_hf_dataset_dir(p):
            out.append(p)
        elif p.is_dir():
            found = sorted(
                f
                for f in p.rglob("*")
                if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES | TABLE_SUFFIXES and not f.name.startswith(".")
            )
            if not found:
                raise InputNotFoundError(
                    f"{raw}: the directory holds no supported file (.txt .jsonl .json .csv .tsv .parquet)"
                )
            out.extend(found)
        elif p.suffix.lower() in TEXT_SUFFIXES | TABLE_SUFFIXES:
            out.append(p)
        else:
            raise InputError(
                f"{raw}: unsupported file type {p.suffix or '(none)'}; use .txt, .jsonl, .json, .csv, .tsv, .parquet "
                "or a folder saved with datasets.save_to_disk"
            )
    seen: set[Path] = set()
    unique = []
    for p in out:
        r = p.resolve()
        if r not in seen:
            seen.add(r)
            unique.append(p)
    return unique


def _stringify(df: pl.DataFrame) -> pl.DataFrame:
    cols = []
    for name, dtype in df.schema.items():
        if dtype == pl.Utf8:
            cols.append(pl.col(name))
        elif dtype.is_nested() or dtype == pl.Object:
            cols.append(
                pl.col(name).map_elements(
                    lambda v: json.dumps(v, ensure_ascii=False, default=str), return_dtype=pl.Utf8
                )
            )
        else:
            cols.append(pl.col(name).cast(pl.Utf8))
    return df.select(cols)


def _frame(records: list[dict[str, Any]], rows: list[int]) -> pl.DataFrame:
    norm = [
        {
            k: (
                v
                if v is None or isinstance(v, str)
                else (json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else str(v))
            )
            for k, v in r.items()
        }
        for r in records
    ]
    df = pl.DataFrame(norm, infer_schema_length=None) if norm else pl.DataFrame()
    df = (
        df.with_columns(pl.Series(ROW, rows, dtype=pl.Int64))
        if norm
        else pl.DataFrame({ROW: rows}, schema={ROW: pl.Int64})
    )
    return df


def read_txt(path: Path, encoding: str | None) -> Iterator[Batch]:
    text = normalise_newlines(decode_bytes(path.read_bytes(), encoding, str(path)))
    if not text.strip():
        raise InputError(f"{path}: the file is empty (no text); check that it is the file you meant, or leave it out")
    title = next((line.strip() for line in text.split("\n") if line.strip()), None)
    yield Batch(
        str(path),
        pl.DataFrame(
            {"text": [text], "title": [title], ROW: [None]}, schema={"text": pl.Utf8, "title": pl.Utf8, ROW: pl.Int64}
        ),
    )


def read_jsonl(path: Path, encoding: str | None, batch_size: int) -> Iterator[Batch]:
    enc = sniff_file(path, encoding)
    with open(path, encoding=enc, newline="") as fh:
        records: list[dict[str, Any]] = []
        rows: list[int] = []
        rejects: list[dict[str, Any]] = []
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                rejects.append(
                    {
                        "reason": "malformed_json",
                        "source_row": lineno,
                        "detail": f"{path}:{lineno}: {exc.msg} at column {exc.colno}",
                    }
                )
                continue
            if not isinstance(obj, dict):
                rejects.append(
                    {
                        "reason": "not_an_object",
                        "source_row": lineno,
                        "detail": f"{path}:{lineno}: expected a JSON object, got {type(obj).__name__}",
                    }
                )
                continue
            records.append(obj)
            rows.append(lineno)
            if len(records) >= batch_size:
                yield Batch(str(path), _frame(records, rows), rejects)
                records, rows, rejects = [], [], []
        if records or rejects:
            yield Batch(str(path), _frame(records, rows), rejects)


def read_json(path: Path, encoding: str | None, batch_size: int) -> Iterator[Batch]:
    text = decode_bytes(path.read_bytes(), encoding, str(path))
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if "\n" in text.strip() and text.lstrip().startswith("{"):
            # a JSON Lines file saved as .json
            yield from read_jsonl(path, encoding, batch_size)
            return
        raise InputError(
            f"{path}:{exc.lineno}: not valid JSON ({exc.msg}); fix the file or save it as JSON Lines"
        ) from None
    if isinstance(data, dict):
        lists = [v for v in data.values() if isinstance(v, list) and v and all(isinstance(x, dict) for x in v)]
        data = lists[0] if len(lists) == 1 else [data]
    if not isinstance(data, list):
        raise InputError(f"{path}: expected a list of article objects")
    rejects = [
        {"reason": "not_an_object", "source_row": i + 1, "detail": f"{path}: item {i + 1} is not an object"}
        for i, x in enumerate(data)
        if not isinstance(x, dict)
    ]
    items = [(i + 1, x) for i, x in enumerate(data) if isinstance(x, dict)]
    for k in range(0, max(len(items), 1), batch_size):
        chunk = items[k : k + batch_size]
        yield Batch(str(path), _frame([x for _, x in chunk], [i for i, _ in chunk]), rejects if k == 0 else [])


def _open_quote_line(path: Path, enc: str, delimiter: str, start: int) -> int:
    """The line where the quoted field left open at the end of the file starts (the record starts at ``start``)."""
    opened, in_quote, field_start = start, False, True
    with open(path, encoding=enc, newline="") as fh:
        for lineno, line in enumerate(fh, start=1):
            if lineno < start:
                continue
            i = 0
            while i < len(line):
                ch = line[i]
                if in_quote:
                    if ch == '"':
                        if line[i + 1 : i + 2] == '"':
                            i += 1  # a doubled quote inside the field
                        else:
                            in_quote = False
                elif ch == '"' and field_start:
                    in_quote, opened, field_start = True, lineno, False
                else:
                    field_start = ch in (delimiter, "\r", "\n")
                i += 1
    return opened


def _csv_error(path: Path, line: int, exc: csv.Error) -> str:
    msg = str(exc)
    if "expected after" in msg:
        return (f"{path}:{line}: text after the closing quote of a quoted field ({msg}); "
                'a quote inside a quoted field must be doubled ("")')
    return f"{path}:{line}: {msg}"


def read_csv(path: Path, encoding: str | None, batch_size: int) -> Iterator[Batch]:
    enc = sniff_file(path, encoding)
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    csv.field_size_limit(sys.maxsize)
    with open(path, encoding=enc, newline="") as fh:
        # strict: a quoted field left open is an error, not the rest of the file swallowed into one field
        reader = csv.reader(fh, delimiter=delimiter, strict=True)
        try:
            header = next(reader)
        except StopIteration:
            raise InputError(f"{path}: the file is empty (no header row)") from None
        except csv.Error as exc:
            raise InputError(f"{path}:1: cannot parse the header ({exc})") from None
        header = [h.strip() for h in header]
        if len(set(header)) != len(header):
            raise InputError(f"{path}:1: duplicate column names in the header: {header}")
        records: list[dict[str, Any]] = []
        rows: list[int] = []
        rejects: list[dict[str, Any]] = []
        row = 0
        while True:
            line_before = reader.line_num
            try:
                values = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                if "unexpected end of data" in str(exc):
                    line = _open_quote_line(path, enc, delimiter, line_before + 1)
                    raise InputError(
                        f"{path}:{line}: a quoted field starts on this line and is never closed (the file ends "
                        "inside it, so every later row would be swallowed into it); add the closing quote, or double "
                        'a quote that is part of the text (""); nothing was ingested'
                    ) from None
                row += 1
                rejects.append(
                    {"reason": "malformed_csv", "source_row": row, "detail": _csv_error(path, line_before + 1, exc)}
                )
                continue
            row += 1
            if not values or all(not v.strip() for v in values):
                continue
            if len(values) != len(header):
                rejects.append(
                    {
                        "reason": "wrong_field_count",
                        "source_row": row,
                        "detail": f"{path}:{line_before + 1}: {len(values)} fields, header has {len(header)}",
                    }
                )
                continue
            records.append(dict(zip(header, values, strict=True)))
            rows.append(row)
            if len(records) >= batch_size:
                yield Batch(str(path), _frame(records, rows), rejects)
                records, rows, rejects = [], [], []
        if records or rejects:
            yield Batch(str(path), _frame(records, rows), rejects)


def read_parquet(path: Path, batch_size: int) -> Iterator[Batch]:
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:  # noqa: BLE001 - pyarrow raises several types
        raise InputError(f"{path}: not a readable Parquet file ({exc})") from None
    start = 1
    for rb in file_batches(pf, batch_size):
        df = as_frame(rb)
        n = df.height
        yield Batch(str(path), _stringify(df).with_columns(pl.int_range(start, start + n, dtype=pl.Int64).alias(ROW)))
        start += n


def read_hf_dataset(path: Path, batch_size: int) -> Iterator[Batch]:
    import datasets

    try:
        ds = datasets.load_from_disk(str(path))
    except Exception as exc:  # noqa: BLE001
        raise InputError(f"{path}: not a dataset saved with datasets.save_to_disk ({exc})") from None
    parts = list(ds.items()) if isinstance(ds, datasets.DatasetDict) else [("", ds)]
    for split, part in parts:
        source = f"{path}#{split}" if split else str(path)
        start = 1
        for rb in part.data.to_batches(max_chunksize=batch_size):
            df = as_frame(rb)
            n = df.height
            yield Batch(source, _stringify(df).with_columns(pl.int_range(start, start + n, dtype=pl.Int64).alias(ROW)))
            start += n


def read_source(path: Path, *, encoding: str | None, batch_size: int) -> Iterator[Batch]:
    """Every batch of ``path``; an input with no record at all (an empty file, only blank lines, only a CSV header,
    ``[]``, a dataset with no rows) is an error naming it, whatever the format, rather than 0 documents silently."""
    seen = 0
    for batch in _read_source(path, encoding, batch_size):
        seen += batch.frame.height + len(batch.rejects)
        yield batch
    if seen == 0:
        raise InputError(
            f"{path}: holds no articles (an empty file, or only blank lines or a header); "
            "check that it is the file you meant, or leave it out of the inputs"
        )


def _read_source(path: Path, encoding: str | None, batch_size: int) -> Iterator[Batch]:
    if is_hf_dataset_dir(path):
        yield from read_hf_dataset(path, batch_size)
        return
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        yield from read_txt(path, encoding)
    elif suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path, encoding, batch_size)
    elif suffix == ".json":
        yield from read_json(path, encoding, batch_size)
    elif suffix in (".csv", ".tsv"):
        yield from read_csv(path, encoding, batch_size)
    elif suffix == ".parquet":
        yield from read_parquet(path, batch_size)
    else:  # pragma: no cover - expand() filters
        raise InputError(f"{path}: unsupported file type")
