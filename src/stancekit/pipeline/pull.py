"""``stancekit pull``: every task of the campaign's project with its annotations -> raw snapshot + annotations table.

Pages through ``tasks.list(fields="all")`` (no single synchronous export: those time out on large projects). The
tasks are scrubbed of identity (user ids -> pseudonyms, e-mails and names removed; ``codec.scrub_task``) and saved to
``DIR/raw/pull-<UTC time>.json.gz`` (atomic) before anything is parsed; the annotations are parsed from that scrubbed
copy. Rows merge into ``tables/annotations.parquet`` keyed on (project_role, ls_annotation_id): an edited annotation
replaces its earlier version, skipped ones are kept with ``was_cancelled``; a label outside the scheme goes to
``rejects/pull.parquet`` with a reason. A second pull adds nothing.
"""

from __future__ import annotations

import json
import re
from typing import Any

import polars as pl

from stancekit.campaign import Campaign
from stancekit.config import load_config
from stancekit.errors import StudioError
from stancekit.io import read_table, table_exists, write_rejects, write_table
from stancekit.labeling import projects
from stancekit.labeling.codec import parse_tasks, scrub_task
from stancekit.labeling.pseudonym import pseudonymiser
from stancekit.pipeline.pull_file import merge_annotations, save_snapshot
from stancekit.pipeline.push import ROLE, connect, scheme_of
from stancekit.progress import bar
from stancekit.schemas import ANNOTATIONS, conform

PAGE_SIZE = 100


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
    pattern = re.compile("|".join(re.escape(i) for i in identities), re.IGNORECASE)
    out = []
    for t in tasks:
        rest = {k: v for k, v in t.items() if k != "data"}
        text = json.dumps(rest, ensure_ascii=False)
        if pattern.search(text):
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


def run_pull(campaign: Campaign, *, project_role: str = ROLE, page_size: int = PAGE_SIZE) -> dict[str, Any]:
    """Pull every task and annotation of the campaign's project; returns a summary."""
    cfg = load_config(campaign.root)
    scheme = scheme_of(cfg)
    studio = connect(campaign, cfg)
    project = projects.verify(studio, campaign.studio, project_role)
    pid = int(project["id"])
    pseudo = pseudonymiser(campaign.studio)
    identities = _known_identities(studio)

    scrubbed: list[dict[str, Any]] = []
    with bar("pull", total=int(project.get("task_number") or 0) or None, unit="tasks") as b:
        for page in studio.iter_task_pages(pid, fields="all", page_size=page_size):
            scrubbed += _assert_clean([scrub_task(t, pseudo) for t in page], identities)
            b.advance(len(page))
    snapshot = save_snapshot(campaign.raw, "pull", scrubbed)

    result = parse_tasks(scrubbed, pseudonymise=pseudo, scheme=scheme, project_role=project_role,
                         source=snapshot.name)
    table = campaign.table("annotations")
    old = read_table(table) if table_exists(table) else ANNOTATIONS.empty()
    merged, added, already = merge_annotations(old, result.annotations)
    write_table(conform(merged, ANNOTATIONS, where=str(table)), table)
    _write_rejects(campaign, result.rejects)
    anns = result.annotations
    return {
        "url": studio.url, "project_id": pid, "project_role": project_role, "snapshot": str(snapshot),
        "tasks": result.n_tasks, "annotations": anns.height,
        "skipped": int(anns["was_cancelled"].sum()) if anns.height else 0,
        "annotators": anns["annotator"].n_unique() if anns.height else 0,
        "added": added, "already_there": already, "rejected": result.rejects.height,
        "total": merged.height,
    }
