"""``stancekit pull --from-file EXPORT.json``: a Label Studio JSON export made elsewhere -> tables/annotations.

The file is read, scrubbed of identity (e-mails, names, user ids -> pseudonyms keyed like a server pull) and saved to
``DIR/raw/`` (gzip, timestamped, atomic) before anything is parsed; the annotations are then parsed from that scrubbed
copy, so the table can be rebuilt from the snapshot alone. Rows merge into ``tables/annotations.parquet`` keyed on
(project_role, ls_annotation_id): an annotation read again replaces its earlier version unless the stored one is newer.
Annotations that cannot be used (a label outside the scheme, no stance choice, ...) go to ``rejects/pull.parquet``.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import polars as pl

from stancekit.campaign import Campaign
from stancekit.config import load_config
from stancekit.errors import InputError, InputNotFoundError
from stancekit.io import atomic_write_bytes, read_table, table_exists, write_rejects, write_table
from stancekit.labeling.codec import (
    ParseResult,
    Pseudonymise,
    keyed_pseudonymiser,
    parse_tasks,
    scrub_task,
    tasks_from_json,
)
from stancekit.schemas import ANNOTATIONS, LabelScheme, conform


def scheme_from_config(campaign: Campaign) -> LabelScheme:
    cfg = load_config(campaign.root)
    return LabelScheme(labels=tuple(cfg.get("labels", "names")), version=int(cfg.get("labels", "version")))


def campaign_pseudonymiser(campaign: Campaign) -> Pseudonymise:
    """The campaign's pseudonym function (keyed with the salt in ``DIR/studio/``), the same one a server pull uses."""
    from stancekit.labeling.server import ensure_salt

    return keyed_pseudonymiser(ensure_salt(campaign.studio))


def parse_label_map(text: str | None) -> dict[str, str]:
    """``"Positive=agree,Negative=disagree"`` -> a mapping; raises InputError naming the bad item."""
    out: dict[str, str] = {}
    for item in (text or "").split(","):
        if not item.strip():
            continue
        raw, sep, label = item.partition("=")
        if not sep or not raw.strip() or not label.strip():
            raise InputError(f"--label-map: {item.strip()!r} is not RAW=LABEL (e.g. Positive=agree,Negative=disagree)")
        out[raw.strip()] = label.strip()
    return out


def load_export(path: Path) -> list[dict[str, Any]]:
    """The tasks of a Label Studio JSON export file (a list of tasks or one task object)."""
    if not path.is_file():
        raise InputNotFoundError(f"{path}: no such file; name a Label Studio JSON export (Export > JSON)")
    try:
        obj = json.loads(path.read_bytes())
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}); "
                         "export the project again as JSON") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 JSON; export the project again as JSON") from None
    return tasks_from_json(obj, where=str(path))


def save_snapshot(raw_dir: Path, stem: str, tasks: list[dict[str, Any]], *, now: datetime | None = None) -> Path:
    """Write scrubbed tasks to ``raw_dir/<stem>-<UTC time>.json.gz`` atomically; returns the path."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S%fZ")
    path = raw_dir / f"{stem}-{stamp}.json.gz"
    body = json.dumps(tasks, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    atomic_write_bytes(path, gzip.compress(body, compresslevel=6, mtime=0))
    return path


def merge_annotations(old: pl.DataFrame, new: pl.DataFrame) -> tuple[pl.DataFrame, int, int]:
    """Old rows + new rows, one per (project_role, ls_annotation_id): the latest ``updated_at`` wins, ties go to new.

    Returns (merged, added, already_there): new keys, and keys of ``new`` that ``old`` held already.
    """
    key = list(ANNOTATIONS.key)
    old = conform(old, ANNOTATIONS)
    new = conform(new, ANNOTATIONS)
    old_keys = old.select(key)
    added = new.join(old_keys, on=key, how="anti").height
    both = pl.concat([old.with_columns(pl.lit(0).alias("__new")), new.with_columns(pl.lit(1).alias("__new"))],
                     how="diagonal_relaxed")
    both = both.with_columns(pl.col("updated_at").fill_null(pl.col("created_at")).alias("__t"))
    merged = (both.sort(["__t", "__new"], nulls_last=False)
              .unique(subset=key, keep="last", maintain_order=True)
              .drop(["__new", "__t"]))
    merged = merged.sort(["task_key", "ls_annotation_id"])
    return conform(merged, ANNOTATIONS), added, new.height - added


def run_pull_from_file(
    campaign: Campaign,
    path: Path,
    *,
    label_map: Mapping[str, str] | None = None,
    from_name: str | None = None,
    project_role: str = "main",
    pseudonymise: Pseudonymise | None = None,
) -> dict[str, Any]:
    """Read a Label Studio JSON export into the campaign's annotations table; returns a summary."""
    path = Path(path)
    tasks = load_export(path)
    scheme = scheme_from_config(campaign)
    pseudo = pseudonymise or campaign_pseudonymiser(campaign)
    scrubbed = [scrub_task(t, pseudo) for t in tasks]
    snapshot = save_snapshot(campaign.raw, f"file-{path.stem}", scrubbed)
    result: ParseResult = parse_tasks(scrubbed, pseudonymise=pseudo, scheme=scheme, project_role=project_role,
                                      label_map=label_map, from_name=from_name, source=path.name)
    table = campaign.table("annotations")
    old = read_table(table) if table_exists(table) else ANNOTATIONS.empty()
    merged, added, already = merge_annotations(old, result.annotations)
    write_table(conform(merged, ANNOTATIONS, where=str(table)), table)
    rejected = write_rejects(campaign.rejects_path("pull"), result.rejects, append=True) if result.rejects.height \
        else 0
    return {
        "file": str(path),
        "snapshot": str(snapshot),
        "tasks": result.n_tasks,
        "annotations_in_file": result.n_seen,
        "read": result.annotations.height,
        "skipped": int(result.annotations["was_cancelled"].sum()),
        "rejected": result.rejects.height,
        "reject_reasons": result.rejects.group_by("reason").len().sort("len", descending=True).rows()[:5],
        "added": added,
        "already_there": already,
        "total": merged.height,
        "rejects_file_rows": rejected,
    }
