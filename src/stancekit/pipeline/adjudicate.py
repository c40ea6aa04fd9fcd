"""``stancekit adjudicate``: ties and low-agreement items -> a separate Label Studio project that shows every vote.

The items come from the last merge (``plan_adjudication``: reject reason ``tie_undecided``, or a vote label with item
agreement below ``[merge] adjudicate_below``; never items already decided by gold or adjudication, nor items already
in the adjudication project). Each task is the main task (same ``task_key``) plus the votes with the annotators'
pseudonyms (never an e-mail), the tally and the reason. The project (role ``adjudication``, one answer per task) is
found or created like the main one; which tasks exist is learnt from one listing of the project, so a second run, or
a run after one killed half-way, imports only what is missing. The tasks are recorded in ``tables/tasks.parquet``
with ``project_role = "adjudication"`` beside the untouched main rows. ``stancekit pull`` then pulls both projects,
and the next ``stancekit merge`` lets the adjudicator's answer decide (``decided_by = "adjudication"``).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import polars as pl

from stancekit.campaign import Campaign
from stancekit.config import Config, load_config
from stancekit.errors import StageError
from stancekit.io import read_table, scan_table, table_exists, write_table
from stancekit.labeling import projects
from stancekit.labeling.config_xml import adjudication_guideline
from stancekit.labeling.tasks import encode_adjudication_task
from stancekit.pipeline.merge import plan_adjudication
from stancekit.pipeline.push import (
    _import,
    connect,
    dedupe,
    guideline,
    list_keys,
    load_claims,
    pair_context,
    require_claims,
    scheme_of,
    task_rows,
)
from stancekit.progress import bar
from stancekit.schemas import TASKS, LabelScheme, conform

ROLE = "adjudication"
SUFFIX = " — adjudication"
TITLE_MAX = 50  # Label Studio's limit on project titles


def adjudication_spec(campaign: Campaign, cfg: Config, scheme: LabelScheme) -> projects.ProjectSpec:
    """The adjudication project: the main title + " — adjudication", one answer per task, the votes shown."""
    name = str(cfg.get("campaign", "name"))
    main = str(cfg.get("studio", "project_title") or f"stancekit: {name}")
    title = main[: TITLE_MAX - len(SUFFIX)] + SUFFIX
    return projects.ProjectSpec(ROLE, title, projects.marker(campaign.studio, ROLE), scheme,
                                adjudication_guideline(guideline(campaign, cfg, scheme)), overlap=1,
                                adjudication=True)


def _items(campaign: Campaign, plan: pl.DataFrame, scheme: LabelScheme) -> pl.DataFrame:
    """The plan's items with what their task shows (join_context), their task_key and the producing versions."""
    pairs = (scan_table(campaign.table("pairs")).join(plan.select("pair_id").lazy(), on="pair_id", how="semi")
             .collect())
    return plan.join(pair_context(campaign, pairs, scheme), on="pair_id", how="inner", maintain_order="left")


def _tasks_table(found: dict[str, list[dict[str, Any]]], items: pl.DataFrame, project_id: int,
                 scheme: LabelScheme, old: pl.DataFrame, now: datetime) -> pl.DataFrame:
    """The adjudication project's tasks as TASKS rows, after every other role's rows (kept as they were)."""
    mine = task_rows(found, items, project_id, scheme, old, now, role=ROLE, extra=("reason",))
    others = old.filter(pl.col("project_role") != ROLE)
    return conform(pl.concat([others, mine], how="diagonal_relaxed") if others.height else mine, TASKS)


def run_adjudicate(campaign: Campaign, *, batch_size: int | None = None) -> dict[str, Any]:
    """Push the items the last merge could not settle to the adjudication project; returns a summary."""
    if not table_exists(campaign.table("labels")):
        raise StageError(f"{campaign.table('labels')} does not exist: run `stancekit merge` first (adjudication "
                         "picks the ties and low-agreement items of the last merge)")
    cfg = load_config(campaign.root)
    scheme = scheme_of(cfg)
    batch_size = batch_size or int(cfg.get("push", "batch_size"))
    plan = plan_adjudication(campaign)
    path = campaign.table("tasks")
    old = read_table(path) if table_exists(path) else TASKS.empty()
    recorded = projects.recorded(campaign.studio).get(ROLE)
    summary: dict[str, Any] = {"planned": plan.height, "ties": int((plan["reason"] == "tie").sum()),
                               "low_agreement": int((plan["reason"] == "low_agreement").sum())}
    if plan.height == 0 and recorded is None:
        return {**summary, "url": None, "project_id": None, "project_created": False, "imported": 0,
                "already_there": 0, "pairs_gone": 0, "duplicates_removed": 0, "tasks_on_server": 0,
                "tasks_table": str(path)}

    items = _items(campaign, plan, scheme)
    claims = load_claims(campaign, cfg)
    require_claims(items, claims, subject="items to adjudicate name",
                   fix="restore them in claims.yaml (or re-run `stancekit match` and `stancekit merge`)")
    studio = connect(campaign, cfg)
    project, created = projects.ensure(studio, campaign.studio, adjudication_spec(campaign, cfg, scheme))
    pid = int(project["id"])
    found = list_keys(studio, pid)
    removed = dedupe(studio, found)
    todo = items.filter(~pl.col("task_key").is_in(list(found)))
    tasks = [encode_adjudication_task(r, claims[r["claim_id"]], task_key=r["task_key"], label_scheme=scheme.id)
             for r in todo.iter_rows(named=True)]
    with bar("adjudicate", total=len(tasks), unit="tasks") as b:
        for start in range(0, len(tasks), batch_size):
            batch = tasks[start:start + batch_size]
            _import(studio, pid, batch)
            b.advance(len(batch))
    after = list_keys(studio, pid)
    removed += dedupe(studio, after)
    write_table(_tasks_table(after, items, pid, scheme, old, datetime.now(UTC)), path)
    reasons = dict(todo.group_by("reason").len().iter_rows()) if todo.height else {}
    return {
        **summary, "url": studio.url, "project_id": pid, "project_created": created,
        "project_url": f"{studio.url.rstrip('/')}/projects/{pid}/data",
        "imported": len(tasks), "imported_ties": int(reasons.get("tie", 0)),
        "imported_low_agreement": int(reasons.get("low_agreement", 0)),
        "already_there": items.height - todo.height, "pairs_gone": plan.height - items.height,
        "duplicates_removed": removed, "tasks_on_server": sum(len(c) for c in after.values()),
        "tasks_table": str(path),
    }
