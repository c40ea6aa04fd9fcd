"""Inputs named by URL: ``file://``, ``s3://``, ``gs://``, ``hdfs://``, ``abfs://`` ... (a file, a directory or a glob).

The filesystem comes from pyarrow (``pyarrow.fs.FileSystem.from_uri``), else from fsspec (``fsspec.core.url_to_fs``,
for the schemes its plug-ins add, e.g. ``hf://`` or ``az://``). Credentials are the filesystem's own (environment,
config files, instance roles); stancekit never stores them. A remote file is copied to a local temporary file in
chunks, read by the ordinary reader and deleted, so memory stays bounded and every format works; ``file://`` URLs are
read in place. Nothing is contacted unless the user names the URL.
"""

from __future__ import annotations

import fnmatch
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from stancekit.builder.ingest.readers import TABLE_SUFFIXES, TEXT_SUFFIXES
from stancekit.errors import InputError, InputNotFoundError

_CHUNK = 8 << 20
SUPPORTED = TEXT_SUFFIXES | TABLE_SUFFIXES


@dataclass(frozen=True)
class RemoteFile:
    url: str  # as the user would write it: the source recorded in documents.source
    fs: Any  # pyarrow.fs.FileSystem
    path: str  # the path inside fs

    @property
    def suffix(self) -> str:
        return Path(self.path).suffix.lower()


def is_url(raw: str) -> bool:
    return "://" in raw


def _filesystem(url: str) -> tuple[Any, str]:
    import pyarrow as pa
    import pyarrow.fs as pafs

    try:
        return pafs.FileSystem.from_uri(url)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, ValueError) as arrow_exc:
        try:
            from fsspec.core import url_to_fs

            fs, path = url_to_fs(url)
        except (ImportError, ValueError) as exc:
            raise InputError(f"{url}: no filesystem for this URL ({arrow_exc}; fsspec: {exc}); install the "
                             "filesystem's package (e.g. s3fs, gcsfs) or copy the files locally") from exc
        return pafs.PyFileSystem(pafs.FSSpecHandler(fs)), path


def _url_of(url: str, fs: Any, path: str) -> str:
    """The URL of ``path`` in ``fs`` (which ``url`` resolved to), to record as the document's source."""
    handler = getattr(fs, "handler", None)
    if handler is not None and hasattr(getattr(handler, "fs", None), "unstrip_protocol"):
        return str(handler.fs.unstrip_protocol(path))  # an fsspec filesystem knows its own URLs
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{path}" if path.startswith("/") else f"{parts.scheme}://{path}"


def expand_url(url: str) -> list[RemoteFile]:
    """The supported files a URL names (a file, every file under a directory, or a glob's matches), sorted."""
    import pyarrow.fs as pafs

    pattern = any(ch in url.split("://", 1)[1] for ch in "*?[")
    head = url
    if pattern:
        cut = min(i for i, ch in enumerate(url) if ch in "*?[")
        head = url[: url.rfind("/", 0, cut) + 1]
    fs, base = _filesystem(head)
    info = fs.get_file_info(base)
    if info.type == pafs.FileType.NotFound:
        raise InputNotFoundError(f"{url}: no such file or directory")
    if info.type == pafs.FileType.File and not pattern:
        if Path(base).suffix.lower() not in SUPPORTED:
            raise InputError(f"{url}: unsupported file type; use .txt, .jsonl, .json, .csv, .tsv, .parquet")
        return [RemoteFile(url, fs, base)]
    infos = fs.get_file_info(pafs.FileSelector(base.rstrip("/"), recursive=True))
    files = sorted(i.path for i in infos if i.type == pafs.FileType.File and not Path(i.path).name.startswith("."))
    if pattern:
        rest = url[len(head):]
        files = [p for p in files if fnmatch.fnmatchcase(p[len(base.rstrip("/")) + 1:], rest)]
    found = [RemoteFile(_url_of(head, fs, p), fs, p) for p in files if Path(p).suffix.lower() in SUPPORTED]
    if not found:
        raise InputNotFoundError(f"{url}: names no supported file (.txt .jsonl .json .csv .tsv .parquet)")
    return found


@contextmanager
def local_copy(remote: RemoteFile) -> Iterator[Path]:
    """A local path holding the file: the file itself on a local filesystem, else a temporary copy."""
    import pyarrow.fs as pafs

    if isinstance(remote.fs, pafs.LocalFileSystem):
        yield Path(remote.path)
        return
    fd, name = tempfile.mkstemp(prefix="stancekit-remote-", suffix=remote.suffix)
    try:
        with os.fdopen(fd, "wb") as out, remote.fs.open_input_stream(remote.path) as src:
            shutil.copyfileobj(src, out, _CHUNK)
        yield Path(name)
    finally:
        os.unlink(name)
