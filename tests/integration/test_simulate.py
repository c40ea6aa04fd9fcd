"""Simulated annotators on a real Label Studio: push -> simulate -> simulate again -> pull."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import polars as pl

from stancekit.io import read_table
from stancekit.pipeline.pull import run_pull
from stancekit.pipeline.push import list_keys, run_push
from stancekit.pipeline.simulate import ANSWERS_REPORT, run_simulate
from studio_helpers import make_campaign

EMAIL = re.compile(rb"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")


def count_tasks(studio: Any, pid: int) -> int:
    return sum(len(copies) for copies in list_keys(studio, pid).values())


def test_simulate_pull(studio_env: Any, tmp_path: Path) -> None:
    camp = make_campaign(tmp_path / "camp", n_docs=8, batch_size=50)  # 32 pairs
    pushed = run_push(camp)
    pid = pushed["project_id"]
    studio = studio_env.client()
    n_tasks = count_tasks(studio, pid)
    assert n_tasks == 32
    pairs = read_table(camp.table("pairs"))
    # known answers for half of the pairs, in the file's own vocabulary
    known = pairs.head(16).select("unit_id", "claim_id",
                                  pl.Series("label", ["PRO", "CON", "NEUTRAL", "OFF"] * 4))
    answers = tmp_path / "answers.csv"
    known.write_csv(answers)
    label_map = {"PRO": "agree", "CON": "disagree", "NEUTRAL": "discuss", "OFF": "unrelated"}

    s = run_simulate(camp, annotators=3, answers=answers, label_map=label_map, seed=7, skip_rate=0.1,
                     accuracy=0.9, workers=4)
    assert s["tasks"] == 32 and (s["known_from_file"], s["drawn"]) == (16, 16)
    assert s["answered"] + s["skipped"] == 96 and s["failed"] == 0 and s["already_answered"] == 0
    assert count_tasks(studio, pid) == n_tasks  # no task imported

    again = run_simulate(camp, annotators=3, answers=answers, label_map=label_map, seed=7, skip_rate=0.1,
                         accuracy=0.9)
    assert (again["answered"], again["skipped"], again["already_answered"]) == (0, 0, 96)
    assert count_tasks(studio, pid) == n_tasks

    truth = read_table(camp.reports / ANSWERS_REPORT)
    assert truth.height == 32 and truth["pair_id"].n_unique() == 32
    mapped = known.with_columns(pl.col("label").replace(label_map))
    from_file = truth.filter(pl.col("source") == "file").join(pairs.select("pair_id", "unit_id", "claim_id"),
                                                              on="pair_id")
    assert sorted(from_file.select("unit_id", "claim_id", "label").rows()) == sorted(mapped.rows())

    pulled = run_pull(camp)
    assert pulled["added"] == 96
    ann = read_table(camp.table("annotations"))
    per_task = ann.group_by("pair_id").agg(pl.len().alias("n"), pl.col("annotator").n_unique().alias("people"))
    assert per_task.height == 32 and per_task["n"].to_list() == [3] * 32 and per_task["people"].to_list() == [3] * 32
    from stancekit.pipeline.simulated import simulated_pseudonyms

    recorded = simulated_pseudonyms(camp)  # the export tells simulated votes by these
    assert recorded is not None and set(ann["annotator"].unique()) <= recorded
    assert ann.filter(pl.col("was_cancelled"))["label"].null_count() == ann["was_cancelled"].sum()
    skip_share = ann["was_cancelled"].mean()
    assert skip_share is not None and 0.0 < float(skip_share) < 0.25  # 10 % configured; 96 draws

    answered = ann.filter(~pl.col("was_cancelled")).join(truth.select("pair_id", pl.col("label").alias("truth")),
                                                           on="pair_id")
    acc = answered.group_by("annotator").agg((pl.col("label") == pl.col("truth")).mean().alias("acc")).sort("acc")
    rates = acc["acc"].to_list()
    assert len(rates) == 3
    assert rates[1] > 0.7 and rates[2] > 0.7  # configured 0.9 (about 29 answers each)
    assert rates[0] < min(rates[1:])  # the noisy one (configured 0.65)

    assert run_pull(camp)["added"] == 0
    for path in camp.root.rglob("*"):
        if path.is_file() and camp.studio not in path.parents:
            data = path.read_bytes()
            if path.suffix == ".gz":
                import gzip

                data = gzip.decompress(data)
            assert b"stancekit.invalid" not in data, path
            assert not [e for e in EMAIL.findall(data) if b"stancekit" in e], path


def test_bulk_mode_on_the_campaigns_own_server(ls_server: Any) -> None:
    # a campaign whose studio/ is the session server's: the "local server" case, where bulk mode is available
    camp = make_campaign(ls_server.studio_dir.parent, n_docs=6, batch_size=50)  # 24 pairs
    pid = run_push(camp)["project_id"]
    studio = ls_server.client()
    s = run_simulate(camp, annotators=3, seed=3, skip_rate=0.1, accuracy=0.9, method="bulk")
    assert s["method"] == "bulk" and s["failed"] == 0
    assert s["answered"] + s["skipped"] == 72 and s["skipped"] > 0
    assert count_tasks(studio, pid) == 24
    assert run_simulate(camp, annotators=3, seed=3, skip_rate=0.1, accuracy=0.9)["already_answered"] == 72
    run_pull(camp)
    ann = read_table(camp.table("annotations"))
    per_task = ann.group_by("pair_id").agg(pl.col("annotator").n_unique().alias("people"), pl.len().alias("n"))
    assert per_task.height == 24 and set(per_task["people"]) == {3} and set(per_task["n"]) == {3}
    assert int(ann["was_cancelled"].sum()) == s["skipped"]
    truth = read_table(camp.reports / ANSWERS_REPORT).select("pair_id", pl.col("label").alias("truth"))
    hits = ann.filter(~pl.col("was_cancelled")).join(truth, on="pair_id")
    assert (hits["label"] == hits["truth"]).mean() > 0.6  # 0.9, 0.9 and 0.65 configured
