"""manifest.json: the lineage of an export.

Input hashes (every table, the claims registry, the ingest sources), the config without secrets or local paths,
stancekit and dependency versions, Label Studio project ids and the hashes of the raw snapshots in ``DIR/raw/``,
seeds, and the rows and rejects of every stage. No timestamps (the same campaign gives the same manifest), no
absolute path (it would carry the user's name), no e-mail: any e-mail-like string is redacted before writing.
"""

from __future__ import annotations

import hashlib
import json
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


def _sources(campaign: Campaign, config: Config) -> list[dict[str, Any]]:
    out = []
    for src in config.sources:
        path_value = next((v for k, v in src.items() if k in ("path", "file", "input") and isinstance(v, str)), None)
        entry: dict[str, Any] = {"name": Path(path_value).name if path_value else None}
        if path_value:
            path = Path(path_value).expanduser()
            path = path if path.is_absolute() else campaign.root / path
            if path.is_file():
                entry.update(sha256=sha256_file(path), bytes=path.stat().st_size)
        out.append(entry)
    return out


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
