"""Changing ``[labels] names`` without bumping ``[labels] version`` stops push and pull, on a real server."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from stancekit.campaign import Campaign
from stancekit.io import read_table
from stancekit.labeling.projects import LabelsChangedError, stance_labels
from stancekit.pipeline.pull import run_pull
from stancekit.pipeline.push import run_push
from studio_helpers import make_campaign

pytestmark = pytest.mark.studio

DEFAULT = ("agree", "disagree", "discuss", "unrelated")


def set_labels(camp: Campaign, names: tuple[str, ...], version: int) -> None:
    text = camp.config_path.read_text(encoding="utf-8").split("[labels]")[0]
    quoted = ", ".join(f'"{n}"' for n in names)
    camp.config_path.write_text(f"{text}[labels]\nnames = [{quoted}]\nversion = {version}\n", encoding="utf-8")


def test_renamed_labels_need_a_new_version(studio_env: Any, tmp_path: Path) -> None:
    camp = make_campaign(tmp_path / "camp", n_docs=1)
    studio = studio_env.client()
    pid = run_push(camp)["project_id"]
    task = next(t for page in studio.iter_task_pages(pid) for t in page)
    studio.create_annotation(int(task["id"]), completed_by=int(studio.whoami()["id"]), result=[
        {"from_name": "stance", "to_name": "unit", "type": "choices", "value": {"choices": ["agree"]}}])
    assert run_pull(camp)["added"] == 1
    before = read_table(camp.table("annotations"))

    renamed = ("support", "oppose", "comment", "unrelated")
    set_labels(camp, renamed, 1)
    with pytest.raises(LabelsChangedError, match=r"bump \[labels\] version to 2"):
        run_push(camp)
    assert stance_labels(studio.project(pid)["label_config"]) == DEFAULT  # the live project is untouched
    with pytest.raises(LabelsChangedError, match="agree, disagree, discuss, unrelated -> support, oppose"):
        run_pull(camp)
    assert read_table(camp.table("annotations")).equals(before)

    env = {k: v for k, v in os.environ.items()}
    proc = subprocess.run([sys.executable, "-m", "stancekit.cli", "push", "-c", str(camp.root)], env=env,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2 and "[labels] version" in proc.stderr and "Traceback" not in proc.stderr

    set_labels(camp, tuple(reversed(DEFAULT)), 1)  # the same names in another order change the label ids
    with pytest.raises(LabelsChangedError, match="reordered"):
        run_push(camp)

    set_labels(camp, DEFAULT, 1)  # back to the names the project has: fine again
    assert run_push(camp)["imported"] == 0 and run_pull(camp)["total"] == 1

    set_labels(camp, renamed, 2)  # a new version: new tasks, the old ones archived, their annotation kept
    pushed = run_push(camp)
    assert pushed["imported"] == 4 and pushed["archived"] == 4 and pushed["project_id"] == pid
    assert stance_labels(studio.project(pid)["label_config"]) == renamed
    tasks = read_table(camp.table("tasks"))
    assert tasks.filter(~pl.col("archived"))["label_scheme"].unique().to_list() == ["stance.v2"]
    run_pull(camp)
    assert read_table(camp.table("annotations")).filter(pl.col("label") == "agree").height == 1


def test_simulate_stops_on_renamed_labels(studio_env: Any, tmp_path: Path) -> None:
    from stancekit.pipeline.simulate import ANSWERS_REPORT, run_simulate

    camp = make_campaign(tmp_path / "camp", n_docs=1)
    studio = studio_env.client()
    pid = run_push(camp)["project_id"]
    set_labels(camp, ("support", "oppose", "comment", "unrelated"), 1)
    with pytest.raises(LabelsChangedError, match=r"bump \[labels\] version to 2"):
        run_simulate(camp, annotators=2, method="post")
    assert int(studio.project(pid).get("total_annotations_number") or 0) == 0  # nobody answered anything
    assert not (camp.reports / ANSWERS_REPORT).exists()

    set_labels(camp, DEFAULT, 1)  # the project's own names: simulate answers with them
    assert run_simulate(camp, annotators=2, method="post", skip_rate=0.0)["answered"] == 8
