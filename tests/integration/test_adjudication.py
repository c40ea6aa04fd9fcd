"""Adjudication round trip on a real server: push -> 3 annotators (two ties, one low-agreement item) -> merge ->
adjudicate -> an adjudicator answers -> pull (both projects) -> merge decides by adjudication -> adjudicate again."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from test_push_pull_flow import make_users, server_tasks, stance
from typer.testing import CliRunner

from stancekit.cli import app
from stancekit.io import read_table, write_table
from stancekit.labeling.projects import recorded
from stancekit.pipeline.adjudicate import run_adjudicate
from stancekit.pipeline.merge import run_merge
from stancekit.pipeline.pull import run_pull
from stancekit.pipeline.push import run_push
from stancekit.pipeline.status import campaign_status
from studio_helpers import make_campaign

pytestmark = pytest.mark.studio

# task index -> one label per main annotator (None: that annotator did not answer)
ANSWERS: dict[int, tuple[str | None, ...]] = {
    0: ("agree", "disagree", "discuss"),  # 1-1-1 tie
    1: ("agree", "agree", "disagree"),  # agreement 2/3, below the campaign's 0.7: low agreement
    2: ("agree", "disagree", None),  # 1-1 tie between two annotators
    3: ("unrelated", "unrelated", "unrelated"),  # unanimous: stays decided by the vote
}
ADJUDICATED = {0: "discuss", 1: "disagree", 2: "disagree"}


def test_adjudication_round_trip(studio_env: Any, tmp_path: Path) -> None:
    camp = make_campaign(tmp_path / "camp", n_docs=2, batch_size=50)  # 8 pairs
    with camp.config_path.open("a", encoding="utf-8") as f:
        f.write("[merge]\nadjudicate_below = 0.7\n")
    studio = studio_env.client()
    main_pid = run_push(camp)["project_id"]
    tasks = sorted(server_tasks(studio, main_pid), key=lambda t: int(t["id"]))
    users = make_users(studio, 4)
    for i, labels in ANSWERS.items():
        for (uid, _), label in zip(users[:3], labels, strict=True):
            if label is not None:
                studio.create_annotation(int(tasks[i]["id"]), result=stance(label), completed_by=uid)
    run_pull(camp)
    run_merge(camp, show=False)
    pair = {i: tasks[i]["data"]["pair_id"] for i in ANSWERS}
    key = {i: tasks[i]["data"]["task_key"] for i in ANSWERS}
    ties = read_table(camp.rejects_path("merge")).filter(pl.col("reason") == "tie_undecided")
    assert sorted(ties["key"].to_list()) == sorted([pair[0], pair[2]])
    main_rows = read_table(camp.table("tasks"))

    first = run_adjudicate(camp)
    assert first["project_created"] and first["project_id"] != main_pid
    assert (first["imported"], first["imported_ties"], first["imported_low_agreement"]) == (3, 2, 1)
    adj_pid = first["project_id"]
    adj_tasks = server_tasks(studio, adj_pid)
    by_key = {t["data"]["task_key"]: t for t in adj_tasks}
    assert sorted(by_key) == sorted(key[i] for i in ADJUDICATED)  # the same keys as the main tasks
    assert {t["data"]["pair_id"] for t in adj_tasks} == {pair[i] for i in ADJUDICATED}
    project = studio.project(adj_pid)
    assert project["maximum_annotations"] == 1 and project["title"].endswith("— adjudication")
    assert 'name="votes"' in project["label_config"] and 'name="stance"' in project["label_config"]
    assert recorded(camp.studio)["adjudication"]["id"] == adj_pid

    # the votes are shown with the annotators' pseudonyms, as in the annotations table; never an e-mail or a name
    ann = read_table(camp.table("annotations"))
    pseudonyms = set(ann["annotator"].to_list())
    tie3 = by_key[key[0]]["data"]
    assert tie3["reason"] == "tie" and tie3["current_label"] == "" and "Tie" in tie3["adjudication_note"]
    assert {v["annotator"] for v in tie3["vote_list"]} <= pseudonyms and len(tie3["vote_list"]) == 3
    assert [line.split(":")[0] for line in tie3["votes"].splitlines()] == ["agree", "disagree", "discuss"]
    low = by_key[key[1]]["data"]
    assert low["reason"] == "low_agreement" and low["current_label"] == "agree"
    assert low["agreement"] == pytest.approx(2 / 3) and "agree 2, disagree 1" in low["tally"]
    for t in adj_tasks:
        text = json.dumps(t["data"], ensure_ascii=False)
        assert "@" not in text and "First" not in text and "Last" not in text
        assert all(p in text for p in {v["annotator"] for v in t["data"]["vote_list"]})
        assert t["data"]["unit_ltr"] or t["data"]["unit_rtl"]  # the main task's fields are there
    for _, email in users:
        assert email not in json.dumps(adj_tasks)

    after = read_table(camp.table("tasks"))
    assert after.filter(pl.col("project_role") == "main").select(main_rows.columns).equals(main_rows)
    adj_rows = after.filter(pl.col("project_role") == "adjudication")
    assert sorted(adj_rows["pair_id"].to_list()) == sorted(pair[i] for i in ADJUDICATED)
    assert set(adj_rows["project_id"].to_list()) == {adj_pid}
    assert campaign_status(camp)["tasks_pushed"][f"adjudication (project {adj_pid})"] == 3
    assert campaign_status(camp)["adjudication"] == {"tasks": 3, "answered": 0}
    pushed = run_push(camp)  # the main push keeps the adjudication rows and touches nothing in that project
    assert pushed["imported"] == 0 and pushed["project_id"] == main_pid
    kept = read_table(camp.table("tasks")).filter(pl.col("project_role") == "adjudication")
    assert kept.select("pair_id", "ls_task_id", "project_id").sort("pair_id").equals(
        adj_rows.select("pair_id", "ls_task_id", "project_id").sort("pair_id"))

    # idempotent: nothing twice, also when the local record of the adjudication tasks is lost
    assert run_adjudicate(camp)["imported"] == 0
    write_table(after.filter(pl.col("project_role") == "main"), camp.table("tasks"))
    lost = run_adjudicate(camp)
    assert (lost["imported"], lost["already_there"], lost["tasks_on_server"]) == (0, 3, 3)
    assert read_table(camp.table("tasks")).filter(pl.col("project_role") == "adjudication").height == 3

    # the adjudicator answers; pull brings both projects back
    judge = users[3][0]
    for i, label in ADJUDICATED.items():
        studio.create_annotation(int(by_key[key[i]]["id"]), result=stance(label), completed_by=judge)
    pulled = run_pull(camp)
    assert set(pulled["projects"]) == {"main", "adjudication"}
    assert pulled["projects"]["adjudication"]["annotations"] == 3 and pulled["added"] == 3
    ann = read_table(camp.table("annotations"))
    adj_ann = ann.filter(pl.col("project_role") == "adjudication")
    assert sorted(adj_ann["pair_id"].to_list()) == sorted(pair[i] for i in ADJUDICATED)
    assert set(adj_ann["ls_task_id"].to_list()) == {int(by_key[key[i]]["id"]) for i in ADJUDICATED}
    assert sorted(p.name.split("-2")[0] for p in camp.raw.glob("pull-*.json.gz")) == [
        "pull", "pull", "pull-adjudication"]  # one snapshot per project pulled
    again = run_pull(camp)
    assert again["added"] == 0 and read_table(camp.table("annotations")).equals(ann)
    assert campaign_status(camp)["adjudication"] == {"tasks": 3, "answered": 3}

    run_merge(camp, show=False)
    merged = read_table(camp.table("labels"))
    for i, label in ADJUDICATED.items():
        row = merged.filter(pl.col("pair_id") == pair[i]).row(0, named=True)
        assert (row["label"], row["decided_by"]) == (label, "adjudication")
    assert merged.filter(pl.col("pair_id") == pair[3]).row(0, named=True)["decided_by"] == "vote"
    assert not camp.rejects_path("merge").exists()  # the ties are settled: merge rejects nothing

    out = CliRunner().invoke(app, ["adjudicate", "--campaign", str(camp.root), "--json"])
    assert out.exit_code == 0, out.output
    summary = json.loads(out.stdout)
    assert summary["imported"] == 0 and summary["planned"] == 0 and summary["tasks_on_server"] == 3
    assert len(server_tasks(studio, adj_pid)) == 3
    human = CliRunner().invoke(app, ["adjudicate", "--campaign", str(camp.root)])
    assert human.exit_code == 0 and f"/projects/{adj_pid}/" in human.output.replace("\n", ""), human.output
