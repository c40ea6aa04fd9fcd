"""``stancekit studio simulate``: simulated annotators answer the campaign's pushed tasks through the API.

The project is listed once (``fields="all"``): its tasks, their keys and who has answered them. Each task's true label
is the known answer from ``--answers FILE`` (rows of ``doc_id`` or ``unit_id``, ``claim_id``, ``label``, mapped with
``--label-map``) when there is one, else a seeded draw; each annotator answers it through its confusion matrix or
skips it. Known answers go to ``reports/simulated_answers.parquet`` (pair_id, task_key, label, source) so a merge can
be checked against them. Nothing is imported: a task an annotator has already answered is left alone. When ``[labels]
names`` changed under the same version it stops (``LabelsChangedError``) before answering anything, as push and pull
do: its answers would use labels the project's tasks do not have.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import polars as pl

from stancekit.campaign import Campaign
from stancekit.config import load_config
from stancekit.errors import InputError, InputNotFoundError
from stancekit.io import read_table, table_exists, write_table
from stancekit.labeling import projects, server
from stancekit.labeling.client import Studio
from stancekit.labeling.pseudonym import pseudonymiser
from stancekit.labeling.simulate import (
    Job,
    PostStats,
    bulk_answers,
    completed_by_ids,
    draw_answer,
    ensure_annotators,
    local_tokens,
    post_answers,
    profiles,
    seeded_truth,
)
from stancekit.labeling.tasks import is_archived, task_key_of
from stancekit.pipeline.push import ROLE, connect, scheme_of
from stancekit.pipeline.simulated import SIMULATED_ANSWERS, record_simulated
from stancekit.progress import bar
from stancekit.schemas import LabelScheme

ANSWERS_REPORT = SIMULATED_ANSWERS


def read_answers(path: Path, scheme: LabelScheme, label_map: Mapping[str, str] | None = None) -> pl.DataFrame:
    """Known answers: ``claim_id``, ``label`` and ``unit_id`` or ``doc_id`` (CSV, JSONL or Parquet)."""
    if not path.is_file():
        raise InputNotFoundError(f"--answers {path}: no such file")
    suffix = path.suffix.lower()
    try:
        if suffix in (".jsonl", ".ndjson"):
            df = pl.read_ndjson(path)
        elif suffix == ".parquet":
            df = pl.read_parquet(path)
        else:
            df = pl.read_csv(path, separator="\t" if suffix == ".tsv" else ",", infer_schema_length=0)
    except Exception as exc:  # noqa: BLE001 - polars raises several types for a bad file
        raise InputError(f"--answers {path}: cannot be read as {suffix or 'CSV'} ({type(exc).__name__})") from None
    key = "unit_id" if "unit_id" in df.columns else "doc_id" if "doc_id" in df.columns else None
    missing = [c for c in ("claim_id", "label") if c not in df.columns] + ([] if key else ["unit_id or doc_id"])
    if missing:
        raise InputError(f"--answers {path}: missing column(s) {', '.join(missing)} (have {', '.join(df.columns)})")
    mapping = dict(label_map or {})
    df = df.select(pl.col(str(key)).cast(pl.Utf8), pl.col("claim_id").cast(pl.Utf8),
                   pl.col("label").cast(pl.Utf8).str.strip_chars().replace(mapping).alias("label"))
    bad = df.with_row_index("row", offset=1).filter(~pl.col("label").is_in(list(scheme.labels)))
    if bad.height:
        shown = ", ".join(f"row {r} {lab!r}" for r, lab in bad.select("row", "label").head(5).rows())
        raise InputError(f"--answers {path}: {bad.height} label(s) not in scheme {scheme.id} ({shown}); map them "
                         "with --label-map RAW=LABEL,...")
    return df.unique(subset=[str(key), "claim_id"], keep="first", maintain_order=True)


def _task_frame(tasks: list[dict[str, Any]], campaign: Campaign) -> pl.DataFrame:
    rows = []
    for t in tasks:
        data = t.get("data") or {}
        rows.append({"ls_task_id": int(t["id"]), "task_key": task_key_of(t), "pair_id": data.get("pair_id"),
                     "unit_id": data.get("unit_id"), "claim_id": data.get("claim_id"), "doc_id": data.get("doc_id")})
    frame = pl.DataFrame(rows, schema={"ls_task_id": pl.Int64, "task_key": pl.Utf8, "pair_id": pl.Utf8,
                                       "unit_id": pl.Utf8, "claim_id": pl.Utf8, "doc_id": pl.Utf8})
    pairs_path, units_path = campaign.table("pairs"), campaign.table("units")
    if frame["unit_id"].null_count() and table_exists(pairs_path) and table_exists(units_path):
        ctx = read_table(pairs_path, ["pair_id", "unit_id", "claim_id"]).join(
            read_table(units_path, ["unit_id", "doc_id"]), on="unit_id", how="left")
        frame = frame.join(ctx, on="pair_id", how="left", suffix="_t").with_columns(
            *(pl.col(c).fill_null(pl.col(f"{c}_t")) for c in ("unit_id", "claim_id", "doc_id"))
        ).drop("unit_id_t", "claim_id_t", "doc_id_t")
    return frame


def _truths(frame: pl.DataFrame, answers: pl.DataFrame | None, scheme: LabelScheme, seed: int) -> pl.DataFrame:
    known = pl.lit(None, pl.Utf8).alias("known")
    if answers is not None:
        key = "unit_id" if "unit_id" in answers.columns else "doc_id"
        frame = frame.join(answers.rename({"label": "known"}), on=[key, "claim_id"], how="left")
    else:
        frame = frame.with_columns(known)
    drawn = [seeded_truth(str(k), scheme.labels, seed) for k in frame["task_key"].to_list()]
    return frame.with_columns(
        pl.coalesce("known", pl.Series("drawn", drawn, pl.Utf8)).alias("label"),
        pl.when(pl.col("known").is_null()).then(pl.lit("draw")).otherwise(pl.lit("file")).alias("source"),
    ).drop("known")


def _tokens(campaign: Campaign, url: str, emails: list[str]) -> dict[str, str] | None:
    current = server.info(campaign.studio)
    if current is None or not current.running or current.url.rstrip("/") != url.rstrip("/"):
        return None
    return local_tokens(campaign.studio, emails)


def _bulk(studio: Studio, campaign: Campaign, pid: int, people: list[Any], ids: dict[str, int], tokens: dict[str, str],
          jobs: list[Job], workers: int, advance: Any) -> PostStats:
    admin = server.load_admin(campaign.studio)
    assert admin is not None
    run = secrets.token_hex(4)
    stats = PostStats()
    for i, person in enumerate(people, start=1):
        mine = [j for j in jobs if j.user_id == ids[person.email] and j.label is not None]
        stats.posted += bulk_answers(studio.url, admin.token, tokens[person.email], pid, mine,
                                     f"stancekit-sim-{i}-{run}")
        advance(len(mine))
    skips = post_answers(studio, [j for j in jobs if j.label is None], workers=workers, advance=advance)
    stats.skipped, stats.failed, stats.first_error = skips.skipped, skips.failed, skips.first_error
    return stats


def run_simulate(
    campaign: Campaign,
    *,
    annotators: int = 3,
    answers: Path | None = None,
    label_map: Mapping[str, str] | None = None,
    seed: int = 13,
    skip_rate: float = 0.05,
    accuracy: float = 0.85,
    workers: int = 4,
    project_role: str = ROLE,
    method: str = "auto",
) -> dict[str, Any]:
    """Have ``annotators`` simulated users answer every task of the campaign's project; returns a summary.

    ``method``: ``post`` creates each answer with its own request (``workers`` at a time; works on any server);
    ``bulk`` (the campaign's local server only) imports each annotator's answers as predictions and converts them into
    that annotator's annotations with one Data Manager action (skips still go one by one); ``auto`` picks ``bulk`` when
    the server is the campaign's own local server, else ``post``.
    """
    if method not in ("auto", "bulk", "post"):
        raise InputError(f"--method {method!r}: use auto, bulk or post")
    if annotators < 1:
        raise InputError("--annotators must be at least 1")
    if not 0.0 <= accuracy <= 1.0 or not 0.0 <= skip_rate < 1.0:
        raise InputError("--accuracy must be in [0, 1] and --skip-rate in [0, 1)")
    cfg = load_config(campaign.root)
    scheme = scheme_of(cfg)
    known = read_answers(answers, scheme, label_map) if answers is not None else None
    studio = connect(campaign, cfg)
    project = projects.verify(studio, campaign.studio, project_role)
    projects.check_labels(studio, project, scheme, project_role)  # renamed labels: stop, as push and pull do
    pid = int(project["id"])

    tasks: list[dict[str, Any]] = []
    for page in studio.iter_task_pages(pid, fields="all", page_size=500):
        tasks += [t for t in page if task_key_of(t) and not is_archived(t)]
    frame = _truths(_task_frame(tasks, campaign), known, scheme, seed)

    people = profiles(annotators, scheme.labels, accuracy=accuracy, skip_rate=skip_rate, seed=seed)
    ids = ensure_annotators(studio, [p.email for p in people])
    pseudo = pseudonymiser(campaign.studio)  # the export tells these annotators' votes from people's
    record_simulated(campaign, [pseudo(ids[p.email]) for p in people] + [pseudo(p.email) for p in people])
    done = {int(t["id"]): completed_by_ids(t) for t in tasks}
    jobs: list[Job] = []
    already = 0
    for task_id, task_key, truth in frame.select("ls_task_id", "task_key", "label").iter_rows():
        for person in people:
            uid = ids[person.email]
            if uid in done.get(task_id, set()):
                already += 1
                continue
            label, lead = draw_answer(person, truth, scheme.labels, task_key=task_key, seed=seed)
            jobs.append(Job(task_id, uid, label, lead))

    report = campaign.reports / ANSWERS_REPORT
    write_table(frame.select("pair_id", "task_key", "ls_task_id", "label", "source"), report)
    tokens = _tokens(campaign, studio.url, [p.email for p in people]) if method != "post" and jobs else None
    if method == "bulk" and jobs and tokens is None:
        raise InputError("--method bulk needs the campaign's own local server (`stancekit studio up`); use post")
    start = time.perf_counter()
    with bar("simulate", total=len(jobs), unit="answers") as b:
        if tokens is None:
            stats = post_answers(studio, jobs, workers=workers, advance=b.advance)
        else:
            stats = _bulk(studio, campaign, pid, people, ids, tokens, jobs, workers, b.advance)
    stats.seconds = time.perf_counter() - start
    return {
        "project_id": pid, "tasks": frame.height, "annotators": [p.email for p in people],
        "accuracy": {p.email: round(p.accuracy, 3) for p in people}, "skip_rate": skip_rate, "seed": seed,
        "known_from_file": int((frame["source"] == "file").sum()), "drawn": int((frame["source"] == "draw").sum()),
        "answered": stats.posted, "skipped": stats.skipped, "already_answered": already, "failed": stats.failed,
        "first_error": stats.first_error, "seconds": round(stats.seconds, 2), "method": "bulk" if tokens else "post",
        "answers_per_s": round((stats.posted + stats.skipped) / stats.seconds, 1) if stats.seconds else None,
        "known_answers": str(report),
    }
