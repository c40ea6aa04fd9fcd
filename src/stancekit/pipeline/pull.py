"""``stancekit pull``: every task of the campaign's projects with its annotations -> raw snapshots + annotations table.

The projects are the main one and, once ``stancekit adjudicate`` has made it, the adjudication project (each
recorded in ``DIR/studio/projects.json``); their rows carry ``project_role`` ``main`` / ``adjudication``.

Pages through the task listing with annotations (``fields="all"``; no single synchronous export: those time out on
large projects), a few pages at a time, asking only for the task and annotation fields a snapshot keeps (the listing's
computed Data Manager columns cost the server most of its time; user ids come as ids, never e-mails). Each page is
scrubbed of identity (user ids -> pseudonyms, e-mails and names removed; ``codec.scrub_task``) and streamed into
``DIR/raw/pull-<UTC time>.json.gz``, which is committed (atomic rename) before anything is parsed; the annotations
are parsed from that scrubbed copy. Rows merge into ``tables/annotations.parquet`` keyed on (project_role,
ls_annotation_id): an edited annotation replaces its earlier version, skipped ones are kept with ``was_cancelled``; a
label outside the scheme goes to ``rejects/pull.parquet`` with a reason. A second pull adds nothing.

Every pull lists each project whole (the listing is complete or the pull fails), so the table is made to match the
server: rows of a pulled role whose annotation is no longer on the server (deleted, or its task deleted) are dropped
and counted as ``removed``. They stay in the earlier snapshots in ``DIR/raw/``, which are never rewritten. Rows of
roles not pulled are left alone; rows read by ``pull --from-file`` for a pulled role count as that project's (an
export of the same project carries the same ids).
"""

from __future__ import annotations

import gzip
import json
import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import polars as pl

from stancekit.campaign import Campaign
from stancekit.config import load_config
from stancekit.errors import StudioError
from stancekit.io import read_table, table_exists, write_rejects, write_table
from stancekit.labeling import projects
from stancekit.labeling.codec import parse_tasks, scrub_task
from stancekit.labeling.pseudonym import pseudonymiser
from stancekit.pipeline.pull_file import merge_annotations
from stancekit.pipeline.push import ROLE, connect, scheme_of
from stancekit.progress import bar
from stancekit.schemas import ANNOTATIONS, LabelScheme, conform

PAGE_SIZE = 500
WORKERS = 3
"""Pages in flight: the server answers each on its own thread, so a few at once use its time better."""
TASK_FIELDS = ("id", "data", "meta", "project", "created_at", "updated_at", "is_labeled", "total_annotations",
               "cancelled_annotations")
ANNOTATION_FIELDS = ("id", "result", "completed_by", "updated_by", "was_cancelled", "ground_truth", "lead_time",
                     "created_at", "updated_at", "draft_created_at", "last_action", "parent_prediction",
                     "parent_annotation", "task")
"""What a snapshot keeps of each task and annotation (every field the codec reads, and the annotation's history)."""


def _known_identities(studio: Any) -> list[str]:
    """E-mails and user names of the server's users: a last check that none reaches DIR/raw/."""
    try:
        users = studio.users()
    except StudioError:
        return []
    out = set()
    for u in users:
        for key in ("email", "username"):
            value = str(u.get(key) or "").strip()
            if len(value) >= 4:
                out.add(value)
    return sorted(out, key=len, reverse=True)


def _assert_clean(tasks: list[dict[str, Any]], identities: list[str]) -> list[dict[str, Any]]:
    """Blank any known e-mail/user name still present outside ``data`` (the codec's scrub should leave none)."""
    if not identities:
        return tasks
    lowered = [i.lower() for i in identities]
    pattern: re.Pattern[str] | None = None
    out = []
    for t in tasks:
        rest = {k: v for k, v in t.items() if k != "data"}
        text = json.dumps(rest, ensure_ascii=False)
        low = text.lower()
        if any(i in low for i in lowered):  # substring tests first: the regex runs only on a (rare) hit
            pattern = pattern or re.compile("|".join(re.escape(i) for i in identities), re.IGNORECASE)
            rest = json.loads(pattern.sub("[removed]", text))
            rest["data"] = t.get("data")
            t = rest
        out.append(t)
    return out


def _write_rejects(campaign: Campaign, rejects: pl.DataFrame) -> None:
    """Replace this pull's rejects, keeping those of ``pull --from-file`` runs (their source is the file's name)."""
    path = campaign.rejects_path("pull")
    if table_exists(path):
        old = read_table(path)
        keep = old.filter(~pl.col("source").fill_null("").str.starts_with("pull-"))
        rejects = pl.concat([keep, rejects], how="diagonal_relaxed") if keep.height else rejects
    write_rejects(path, rejects)


def annotation_keys(role: str, tasks: list[dict[str, Any]]) -> pl.DataFrame:
    """(project_role, ls_annotation_id) of every annotation the listed ``tasks`` carry (parsed or rejected)."""
    ids = sorted({int(a["id"]) for t in tasks for a in (t.get("annotations") or [])
                  if isinstance(a, dict) and isinstance(a.get("id"), int)})
    return pl.DataFrame({"project_role": [role] * len(ids), "ls_annotation_id": ids},
                        schema={"project_role": pl.Utf8, "ls_annotation_id": pl.Int64})


def drop_gone(old: pl.DataFrame, on_server: pl.DataFrame, roles: list[str]) -> tuple[pl.DataFrame, dict[str, int]]:
    """``old`` without the rows of ``roles`` whose annotation is not ``on_server``; (kept, removed per role)."""
    key = list(ANNOTATIONS.key)
    mine = old.filter(pl.col("project_role").is_in(roles))
    gone = mine.select(key).join(on_server.select(key), on=key, how="anti")
    if gone.height == 0:
        return old, dict.fromkeys(roles, 0)
    counts = dict(gone.group_by("project_role").len().iter_rows())
    return old.join(gone, on=key, how="anti"), {r: int(counts.get(r, 0)) for r in roles}


def roles_to_pull(studio: Any, studio_dir: Path) -> list[str]:
    """``main`` first (always: a missing main project is an error), then every other role recorded for this server
    (the campaign's own server whatever its port, else the external server's URL)."""
    return [ROLE, *(r for r in projects.roles(studio, studio_dir) if r != ROLE)]


@contextmanager
def snapshot_writer(raw_dir: Path, stem: str) -> Iterator[tuple[Path, gzip.GzipFile]]:
    """``raw_dir/<stem>-<UTC time>.json.gz`` written as a stream of JSON bytes: committed (fsync + rename) when the
    block ends, removed when it raises, so a snapshot is whole or absent."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    path = raw_dir / f"{stem}-{stamp}.json.gz"
    raw_dir.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=raw_dir)
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as fh:
            with gzip.GzipFile(fileobj=fh, mode="wb", compresslevel=6, mtime=0) as gz:
                yield path, gz
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _pull_project(studio: Any, campaign: Campaign, role: str, page_size: int, pseudo: Any,
                  identities: list[str], scheme: LabelScheme) -> tuple[dict[str, Any], list[dict[str, Any]], Path]:
    """One project's tasks, scrubbed page by page and streamed to DIR/raw/ (``pull-`` or ``pull-<role>-`` + UTC
    time); the snapshot is committed before the tasks are returned for parsing. Stops first when ``[labels] names``
    changed under the same version (every annotation would be rejected)."""
    project = projects.verify(studio, campaign.studio, role)
    projects.check_labels(studio, project, scheme, role)
    scrubbed: list[dict[str, Any]] = []
    label = "pull" if role == ROLE else f"pull {role}"
    with snapshot_writer(campaign.raw, "pull" if role == ROLE else f"pull-{role}") as (path, out), \
            bar(label, total=int(project.get("task_number") or 0) or None, unit="tasks") as b:
        out.write(b"[")
        for page in studio.task_pages(int(project["id"]), fields="all", task_keys=TASK_FIELDS,
                                      annotation_keys=ANNOTATION_FIELDS, page_size=page_size, workers=WORKERS):
            clean = _assert_clean([scrub_task(t, pseudo) for t in page], identities)
            for t in clean:
                out.write(b"," if scrubbed else b"")
                out.write(json.dumps(t, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
                scrubbed.append(t)
            b.advance(len(page))
        out.write(b"]")
    return project, scrubbed, path


def run_pull(campaign: Campaign, *, project_role: str | None = None, page_size: int = PAGE_SIZE) -> dict[str, Any]:
    """Pull every task and annotation of the campaign's projects (``project_role``: only that one); a summary.

    Without ``project_role`` the main project is pulled, and the adjudication project too when one is recorded
    (``stancekit adjudicate``); the top-level counts cover every project pulled, ``projects`` has them per role.
    """
    cfg = load_config(campaign.root)
    scheme = scheme_of(cfg)
    studio = connect(campaign, cfg)
    pseudo = pseudonymiser(campaign.studio)
    identities = _known_identities(studio)
    roles = [project_role] if project_role else roles_to_pull(studio, campaign.studio)

    parsed, rejects, listed, per_role = [], [], [], {}
    for role in roles:
        project, scrubbed, snapshot = _pull_project(studio, campaign, role, page_size, pseudo, identities, scheme)
        result = parse_tasks(scrubbed, pseudonymise=pseudo, scheme=scheme, project_role=role, source=snapshot.name)
        parsed.append(result.annotations)
        rejects.append(result.rejects)
        listed.append(annotation_keys(role, scrubbed))
        per_role[role] = {"project_id": int(project["id"]), "snapshot": str(snapshot), "tasks": result.n_tasks,
                          "annotations": result.annotations.height, "rejected": result.rejects.height}
    new = pl.concat(parsed, how="diagonal_relaxed")
    table = campaign.table("annotations")
    old = read_table(table) if table_exists(table) else ANNOTATIONS.empty()
    old, removed = drop_gone(old, pl.concat(listed), roles)
    for role, n in removed.items():
        per_role[role]["removed"] = n
    merged, added, already = merge_annotations(old, new)
    write_table(conform(merged, ANNOTATIONS, where=str(table)), table)
    all_rejects = pl.concat(rejects, how="diagonal_relaxed")
    _write_rejects(campaign, all_rejects)
    first = per_role[roles[0]]
    return {
        "url": studio.url, "project_id": first["project_id"], "project_role": roles[0], "snapshot": first["snapshot"],
        "tasks": sum(p["tasks"] for p in per_role.values()), "annotations": new.height,
        "skipped": int(new["was_cancelled"].sum()) if new.height else 0,
        "annotators": new["annotator"].n_unique() if new.height else 0,
        "added": added, "already_there": already, "removed": sum(removed.values()), "rejected": all_rejects.height,
        "total": merged.height, "projects": per_role,
    }
