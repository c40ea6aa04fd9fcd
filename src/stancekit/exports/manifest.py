"""manifest.json: the lineage of an export.

Input hashes (every table, the claims registry, the ingest sources), the config without secrets or local paths,
stancekit and dependency versions, Label Studio project ids and the hashes of the raw snapshots in ``DIR/raw/``,
seeds, and the rows and rejects of every stage. No timestamps (the same campaign gives the same manifest), no
absolute path (it would carry the user's name), no e-mail: any e-mail-like string is redacted before writing.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import re
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import polars as pl

from stancekit import __version__
from stancekit.campaign import Campaign
from stancekit.config import Config
from stancekit.exports.hf import Shard
from stancekit.io import count_rows, read_table, table_exists
from stancekit.schemas import TABLES

DEPENDENCIES = ("polars", "pyarrow", "datasets", "huggingface_hub", "numpy", "label-studio-sdk", "scikit-learn")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_SECRET_KEY = re.compile(r"token|secret|password|passwd|api_?key|salt", re.IGNORECASE)


def sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(chunk):
            h.update(block)
    return h.hexdigest()


def sha256_table(path: Path) -> str:
    """A file's SHA-256, or for a directory of shards the SHA-256 over its shards' names and hashes."""
    if path.is_file():
        return sha256_file(path)
    h = hashlib.sha256()
    for shard in sorted(p for p in path.glob("*.parquet") if not p.name.startswith(".")):
        h.update(f"{shard.name}\x1f{sha256_file(shard)}\n".encode())
    return h.hexdigest()


def _tree_files(root: Path, pattern: str | None = None) -> list[str]:
    """POSIX paths relative to ``root`` of its regular files (or of those matching ``pattern``), sorted; hidden files
    and folders (a name starting with '.') are skipped and symlinked folders are not followed."""
    if pattern is not None:
        rels = (p.relative_to(root).as_posix() for p in root.glob(pattern) if p.is_file())
        return sorted(r for r in rels if not any(part.startswith(".") for part in r.split("/")))
    out: list[str] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        base = Path(folder)
        out += [(base / f).relative_to(root).as_posix() for f in files
                if not f.startswith(".") and (base / f).is_file()]
    return sorted(out)


def sha256_tree(root: Path, pattern: str | None = None) -> dict[str, Any]:
    """A deterministic content hash of a folder source (a folder of .txt files, a saved Hugging Face dataset):
    SHA-256 over ``relative path \x1f size \x1f file SHA-256`` lines of its files in sorted path order, plus the
    total bytes and the file count. Files are read in chunks, one at a time, so a large corpus is never in memory;
    renaming, adding, removing or editing a file changes the hash, where the folder lives does not."""
    h = hashlib.sha256()
    total = 0
    files = _tree_files(root, pattern)
    for rel in files:
        path = root / rel
        size = path.stat().st_size
        h.update(f"{rel}\x1f{size}\x1f{sha256_file(path)}\n".encode())
        total += size
    return {"sha256": h.hexdigest(), "bytes": total, "files": len(files)}


def _split_glob(value: str) -> tuple[Path, str]:
    """A glob source ``/data/2024/*/*.txt`` as (the folder before the first wildcard, the pattern under it)."""
    parts = Path(value).expanduser().parts
    first = next(i for i, part in enumerate(parts) if any(c in part for c in "*?["))
    return Path(*parts[:first]) if first else Path("."), "/".join(parts[first:])


def _clean_value(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: ("[secret]" if _SECRET_KEY.search(k) else _clean_value(v)) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean_value(v) for v in value]
    if isinstance(value, str):
        if "://" in value:
            parts = urlsplit(value)
            host = parts.hostname or ""
            netloc = host + (f":{parts.port}" if parts.port else "")
            return urlunsplit((parts.scheme, netloc, parts.path, "", ""))
        if value.startswith(("/", "~")) or re.match(r"^[A-Za-z]:\\", value):
            return Path(value).name  # an absolute path names the user's home: keep the file name only
    return value


def clean_config(config: Config) -> dict[str, Any]:
    """The config as exported: secrets masked, URLs without credentials or query, absolute paths reduced to names."""
    data = {k: v for k, v in config.data.items() if k != "sources"}
    out: dict[str, Any] = _clean_value(data)
    out["sources"] = [_clean_value(s) for s in config.sources]
    return out


def _local(campaign: Campaign, path: Path) -> Path:
    path = path.expanduser()
    return path if path.is_absolute() else campaign.root / path


def source_entry(campaign: Campaign, value: str | None) -> dict[str, Any]:
    """One ingest source as the manifest records it: its name (never its absolute path), its kind and, for what is
    on this machine, its content hash, bytes and file count. A URL is not fetched (no network): name and kind only."""
    if not value:
        return {"name": None, "kind": "unknown"}
    if "://" in value:
        return {"name": Path(urlsplit(value).path).name or urlsplit(value).hostname, "kind": "url"}
    if any(c in value for c in "*?["):
        root, pattern = _split_glob(value)
        root = _local(campaign, root)
        entry: dict[str, Any] = {"name": f"{root.name}/{pattern}", "kind": "glob"}
        return {**entry, **sha256_tree(root, pattern)} if root.is_dir() else {**entry, "missing": True}
    path = _local(campaign, Path(value))
    if path.is_file():
        return {"name": path.name, "kind": "file", "sha256": sha256_file(path), "bytes": path.stat().st_size,
                "files": 1}
    if path.is_dir():
        return {"name": path.name, "kind": "directory", **sha256_tree(path)}
    return {"name": path.name, "kind": "path", "missing": True}


def _sources(campaign: Campaign, config: Config) -> list[dict[str, Any]]:
    return [source_entry(campaign, next((v for k, v in src.items() if k in ("path", "file", "input")
                                         and isinstance(v, str)), None)) for src in config.sources]


def _rejects(campaign: Campaign) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    if not campaign.rejects.is_dir():
        return out
    for path in sorted(campaign.rejects.glob("*.parquet")):
        df = read_table(path, ["reason"])
        out[path.stem] = {r: int(n) for r, n in df.group_by("reason").len().sort("reason").iter_rows()}
    return out


def _label_studio(campaign: Campaign) -> dict[str, Any]:
    projects: list[dict[str, Any]] = []
    if table_exists(campaign.table("tasks")):
        df = read_table(campaign.table("tasks"), ["project_id", "project_role"])
        rows = df.group_by("project_id", "project_role").len().sort("project_id", "project_role")
        projects = [{"project_id": int(p), "role": r, "tasks": int(n)} for p, r, n in rows.iter_rows()]
    snapshots = []
    if campaign.raw.is_dir():
        for path in sorted(p for p in campaign.raw.rglob("*") if p.is_file() and not p.name.startswith(".")):
            snapshots.append({"file": path.relative_to(campaign.raw).as_posix(), "sha256": sha256_file(path),
                              "bytes": path.stat().st_size})
    return {"projects": projects, "raw_snapshots": snapshots}


def build_manifest(
    campaign: Campaign,
    config: Config,
    *,
    out: Path,
    shards: Sequence[Shard],
    text_mode: str,
    label_scheme: dict[str, Any],
) -> dict[str, Any]:
    tables = {}
    for name in (*TABLES, "split_assignments"):
        path = campaign.table(name)
        if table_exists(path):
            tables[name] = {"sha256": sha256_table(path), "rows": count_rows(path)}
    claims_file = campaign.root / str(config.get("claims", "file"))
    deps: dict[str, str | None] = {}
    for dep in DEPENDENCIES:
        try:
            deps[dep] = metadata.version(dep)
        except metadata.PackageNotFoundError:
            deps[dep] = None
    return {
        "stancekit": __version__,
        "python": platform.python_version(),
        "dependencies": deps,
        "config": clean_config(config),
        "inputs": {
            "tables": tables,
            "claims": {"file": claims_file.name, "sha256": sha256_file(claims_file)} if claims_file.is_file() else None,
            "sources": _sources(campaign, config),
        },
        "label_studio": _label_studio(campaign),
        "label_scheme": label_scheme,
        "seeds": {s: config.get(s, "seed") for s in ("push", "merge", "split")},
        "stages": {"rows": {name: info["rows"] for name, info in tables.items()}, "rejects": _rejects(campaign)},
        "export": {
            "text": text_mode,
            "files": [{"path": s.path, "config": s.config, "split": s.split, "rows": s.rows,
                       "sha256": sha256_file(out / s.path)} for s in shards],
        },
    }


def dumps_manifest(manifest: dict[str, Any]) -> str:
    """Stable JSON with every e-mail-like string redacted."""
    text = json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    return EMAIL.sub("[redacted]", text)


def count_by(df: pl.DataFrame, column: str) -> dict[str, int]:
    return {str(k): int(n) for k, n in df.group_by(column).len().sort(column).iter_rows()}
