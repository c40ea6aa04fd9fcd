"""``stancekit status``: where a campaign stands, per stage, and what to run next."""

from __future__ import annotations

import json
from typing import Any

import polars as pl

from stancekit.builder.copies import COPY
from stancekit.campaign import Campaign
from stancekit.io import count_rows, read_table, scan_table, table_exists
from stancekit.pipeline.run import STAGES, load_state
from stancekit.progress import console

_TABLE_OF = {"ingest": "documents", "segment": "units", "match": "pairs", "push": "tasks", "pull": "annotations",
             "merge": "labels", "split": "splits"}
_NEXT = {
    "ingest": "stancekit ingest --campaign {c} FILES...",
    "segment": "stancekit segment --campaign {c}",
    "match": "stancekit match --campaign {c}",
    "push": "stancekit studio up --campaign {c} && stancekit push --campaign {c}",
    "pull": "label in Label Studio (stancekit studio status --campaign {c}), then stancekit pull --campaign {c}",
    "merge": "stancekit merge --campaign {c}",
    "split": "stancekit split --campaign {c}",
    "export": "stancekit export --campaign {c}",
    "track": "stancekit track --campaign {c}",
    "report": "stancekit report --campaign {c}",
}


def _rejects(campaign: Campaign, stage: str) -> dict[str, int]:
    p = campaign.rejects_path(stage)
    if not p.exists():
        return {}
    df = pl.read_parquet(p).group_by("reason").len().sort("reason")
    return {r: int(n) for r, n in df.iter_rows()}


def _annotation_summary(campaign: Campaign) -> dict[str, Any]:
    p = campaign.table("annotations")
    if not table_exists(p):
        return {}
    ann = scan_table(p).filter(pl.col("project_role") == "main")
    per = (ann.group_by("annotator")
           .agg(pl.len().alias("annotations"), pl.col("was_cancelled").sum().alias("skipped"))
           .sort("annotator").collect())
    df = ann.select("task_key", "was_cancelled").collect()
    labelled = df.filter(~pl.col("was_cancelled"))["task_key"].n_unique()
    return {"annotations": df.height, "tasks_labelled": labelled, "skipped": int(df["was_cancelled"].sum()),
            "per_annotator": per.to_dicts()}


def _adjudication(campaign: Campaign) -> dict[str, int] | None:
    """Adjudication tasks pushed (not archived) and how many have an answer, or None when there are none."""
    tp = campaign.table("tasks")
    if not table_exists(tp):
        return None
    scan = scan_table(tp)
    live = pl.col("project_role") == "adjudication"
    if "archived" in scan.collect_schema().names():
        live &= ~pl.col("archived").fill_null(False)
    tasks = scan.filter(live).select("task_key").unique().collect()
    if not tasks.height:
        return None
    answered = 0
    ap = campaign.table("annotations")
    if table_exists(ap):
        done = (scan_table(ap).filter((pl.col("project_role") == "adjudication") & ~pl.col("was_cancelled"))
                .select("task_key").unique().collect())
        answered = tasks.join(done, on="task_key").height
    return {"tasks": tasks.height, "answered": answered}


def campaign_status(campaign: Campaign) -> dict[str, Any]:
    state = load_state(campaign)
    stages: list[dict[str, Any]] = []
    for stage in STAGES:
        table = _TABLE_OF.get(stage.name)
        rows = count_rows(campaign.table(table)) if table else None
        done = state.get(stage.name)
        outputs = all((campaign.root / o).exists() for o in stage.outputs)
        stages.append({"stage": stage.name, "rows": rows, "rejects": _rejects(campaign, stage.name),
                       "done": bool(outputs), "last_run": done.get("completed_at") if done else None})
    tasks = {}
    if table_exists(campaign.table("tasks")):
        t = read_table(campaign.table("tasks"), ["project_role", "project_id"])
        tasks = {f"{r} (project {p})": int(n) for r, p, n in
                 t.group_by("project_role", "project_id").len().sort("project_role").iter_rows()}
    agreement = None
    ap = campaign.reports / "agreement.json"
    if ap.exists():
        overall = json.loads(ap.read_text()).get("overall", {})
        agreement = {k: overall.get(k) for k in ("krippendorff_alpha", "fleiss_kappa", "percent_agreement", "n_items")}
    labels = None
    if table_exists(campaign.table("labels")):
        decided = read_table(campaign.table("labels"), ["decided_by"])["decided_by"]
        labels = {"labels": decided.len(), "copied": int((decided == COPY).sum())}
    nxt = next((s["stage"] for s in stages if not s["done"]), None)
    adjudication = _adjudication(campaign)
    if nxt is not None:
        next_step = _NEXT[nxt].format(c=campaign.root)
    elif adjudication and adjudication["answered"] < adjudication["tasks"]:
        next_step = (f"adjudicate in Label Studio ({adjudication['answered']} of {adjudication['tasks']} adjudication "
                     f"task(s) answered; stancekit studio status --campaign {campaign.root}), then stancekit pull, "
                     f"merge, split and export")
    else:
        next_step = "done: the dataset is in export/"
    return {"campaign": str(campaign.root), "stages": stages, "tasks_pushed": tasks,
            "labelling": _annotation_summary(campaign), "adjudication": adjudication, "agreement": agreement,
            "labels": labels, "next": next_step}


def print_status(st: dict[str, Any]) -> None:
    from rich.table import Table

    t = Table(title=f"stancekit campaign {st['campaign']}")
    for col in ("stage", "rows", "rejects", "last run"):
        t.add_column(col)
    for s in st["stages"]:
        rej = ", ".join(f"{k}: {v}" for k, v in s["rejects"].items()) or ""
        mark = "✓ " if s["done"] else "· "
        t.add_row(mark + s["stage"], "" if s["rows"] is None else f"{s['rows']:,}", rej, s["last_run"] or "")
    console.print(t)
    if st["tasks_pushed"]:
        console.print("tasks pushed: " + ", ".join(f"{k}: {v}" for k, v in st["tasks_pushed"].items()))
    lab = st["labelling"]
    if lab:
        console.print(f"annotations: {lab['annotations']} ({lab['skipped']} skipped) over "
                      f"{lab['tasks_labelled']} labelled tasks")
        for a in lab["per_annotator"]:
            console.print(f"  {a['annotator']}: {a['annotations']} ({a['skipped']} skipped)")
    if st["agreement"]:
        ag = st["agreement"]
        console.print("agreement: " + ", ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}"
                                                for k, v in ag.items() if v is not None))
    if st["labels"] and st["labels"]["copied"]:
        console.print(f"labels: {st['labels']['labels']}, of which {st['labels']['copied']} copied from the same "
                      "sentence in an exactly duplicated document ([push] duplicates = copy)", markup=False)
    console.print(f"next: {st['next']}")
