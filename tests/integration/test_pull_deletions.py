"""Deleting an annotation or a task in Label Studio reaches tables/annotations.parquet at the next pull."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from stancekit.io import read_table
from stancekit.pipeline.merge import run_merge
from stancekit.pipeline.pull import run_pull
from stancekit.pipeline.push import run_push
from studio_helpers import make_campaign

pytestmark = pytest.mark.studio


def stance(label: str) -> list[dict[str, Any]]:
    return [{"from_name": "stance", "to_name": "unit", "type": "choices", "value": {"choices": [label]}}]


def snapshot_ids(path: Path) -> set[int]:
    return {int(a["id"]) for t in json.loads(gzip.decompress(path.read_bytes())) for a in t.get("annotations") or []}


def test_deletions_on_the_server_reach_the_table(studio_env: Any, tmp_path: Path) -> None:
    camp = make_campaign(tmp_path / "camp", n_docs=1)
    studio = studio_env.client()
    pid = run_push(camp)["project_id"]
    tasks = sorted((t for page in studio.iter_task_pages(pid) for t in page), key=lambda t: int(t["id"]))
    org = studio.whoami()["active_organization"]
    users = []
    for i in range(2):
        u = studio.create_user(f"del{i}.{pid}@example.org")
        studio.update_user(int(u["id"]), active_organization=org)
        users.append(int(u["id"]))
    made: dict[int, list[int]] = {}
    for t in tasks[:3]:
        made[int(t["id"])] = [int(studio.create_annotation(int(t["id"]), result=stance("agree"), completed_by=u)["id"])
                              for u in users]
    first = run_pull(camp)
    assert first["total"] == 6 and first["removed"] == 0
    run_merge(camp, show=False)
    votes = dict(read_table(camp.table("labels")).select("pair_id", "n_annotators").iter_rows())
    assert sorted(votes.values()) == [2, 2, 2]

    one_ann = made[int(tasks[0]["id"])][0]
    studio._raw("DELETE", f"api/annotations/{one_ann}/")  # an annotation deleted in the UI
    studio.delete_task(int(tasks[1]["id"]))  # a task deleted with its two annotations
    second = run_pull(camp)
    assert second["removed"] == 3 and second["projects"]["main"]["removed"] == 3
    assert second["added"] == 0 and second["total"] == 3
    ann = read_table(camp.table("annotations"))
    gone = {one_ann, *made[int(tasks[1]["id"])]}
    assert ann.height == 3 and not gone & set(ann["ls_annotation_id"].to_list())
    run_merge(camp, show=False)
    labels = read_table(camp.table("labels"))
    by_pair = dict(labels.select("pair_id", "n_annotators").iter_rows())
    assert by_pair.get(tasks[0]["data"]["pair_id"]) == 1 and tasks[1]["data"]["pair_id"] not in by_pair

    # the raw snapshots are the history: the first one still has every annotation, the second what is left
    snaps = sorted(camp.raw.glob("pull-*.json.gz"))
    assert len(snaps) == 2 and gone <= snapshot_ids(snaps[0]) and not gone & snapshot_ids(snaps[1])

    third = run_pull(camp)  # nothing changed: nothing removed, nothing added
    assert third["removed"] == 0 and third["added"] == 0 and read_table(camp.table("annotations")).equals(ann)
    assert ann.filter(pl.col("ls_task_id") == int(tasks[1]["id"])).height == 0
