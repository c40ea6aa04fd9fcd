"""A push with --sample killed half-way, re-run: it finishes the interrupted choice instead of choosing again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polars as pl
import pytest

from stancekit.campaign import Campaign
from stancekit.ids import task_key
from stancekit.io import read_table, write_table
from stancekit.labeling.client import Studio
from stancekit.labeling.projects import project_id
from stancekit.pipeline import push_pending
from stancekit.pipeline.push import run_push
from studio_helpers import make_campaign

pytestmark = pytest.mark.studio


def server_keys(studio: Studio, camp: Campaign) -> list[str]:
    pid = project_id(studio, camp.studio, "main")
    return [t["data"]["task_key"] for page in studio.iter_task_pages(pid) for t in page]


def killed_push(camp: Campaign, monkeypatch: pytest.MonkeyPatch, **options: Any) -> None:
    """Run a push that dies (KeyboardInterrupt) when it starts its second import batch."""
    real = Studio.import_tasks
    calls = {"n": 0}

    def dies_on_second_batch(self: Studio, project: int, batch: list[dict[str, Any]]) -> list[int]:
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt
        return real(self, project, batch)

    with monkeypatch.context() as m:
        m.setattr(Studio, "import_tasks", dies_on_second_batch)
        with pytest.raises(KeyboardInterrupt):
            run_push(camp, **options)


def test_rerun_finishes_the_interrupted_sample(studio_env: Any, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    camp = make_campaign(tmp_path / "camp", n_docs=3, batch_size=4)  # 12 pairs
    studio = studio_env.client()
    killed_push(camp, monkeypatch, sample=9, strategy="random")
    pending = push_pending.load(camp.studio)
    assert pending is not None and len(pending.keys) == 9
    assert len(server_keys(studio, camp)) == 4

    resumed = run_push(camp, sample=9, strategy="random")
    keys = server_keys(studio, camp)
    assert len(keys) == 9 == len(set(keys)) and set(keys) == set(pending.keys)  # the first run's choice, finished
    assert resumed["imported"] == 5 and resumed["selected"] == 9
    assert resumed["resumed_selection"]["already_there"] == 4 and resumed["resumed_selection"]["pairs_gone"] == 0
    assert "finished an interrupted push" in resumed["selection_note"]
    assert push_pending.load(camp.studio) is None  # a completed run clears it
    tasks = read_table(camp.table("tasks"))
    assert tasks.height == 9 and set(tasks["strategy"].to_list()) == {"random"}

    again = run_push(camp, sample=9, strategy="random")  # a new run chooses among what is left
    assert again["imported"] == 3 and again["resumed_selection"] is None and again["tasks_on_server"] == 12
    assert push_pending.load(camp.studio) is None


def test_other_options_drop_the_stale_selection(studio_env: Any, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    camp = make_campaign(tmp_path / "camp", n_docs=3, batch_size=4)
    studio = studio_env.client()
    killed_push(camp, monkeypatch, sample=9)
    out = run_push(camp, sample=2)
    assert out["imported"] == 2 and out["resumed_selection"] is None
    assert out["dropped_selection"]["chosen"] == 9 and out["dropped_selection"]["imported"] == 4
    assert "--sample 9" in out["selection_note"] and "chose afresh" in out["selection_note"]
    assert len(server_keys(studio, camp)) == 6 and push_pending.load(camp.studio) is None

    killed_push(camp, monkeypatch, sample=5)  # 4 of 5 land; a push of everything leaves nothing of it behind
    everything = run_push(camp)
    assert everything["dropped_selection"]["not_imported"] == 1 and everything["tasks_on_server"] == 12
    assert push_pending.load(camp.studio) is None


def test_chosen_pairs_that_are_gone_are_left_out(studio_env: Any, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    camp = make_campaign(tmp_path / "camp", n_docs=3, batch_size=4)
    studio = studio_env.client()
    killed_push(camp, monkeypatch, sample=10)
    pending = push_pending.load(camp.studio)
    assert pending is not None
    landed = set(server_keys(studio, camp))
    lost = [k for k in pending.keys if k not in landed][:2]  # chosen, not imported yet, and now no longer paired
    pairs = read_table(camp.table("pairs"))
    keep = pairs.filter(~pl.col("pair_id").map_elements(lambda p: task_key(p, "stance.v1") in lost,
                                                        return_dtype=pl.Boolean))
    write_table(keep, camp.table("pairs"))
    out = run_push(camp, sample=10)
    assert out["resumed_selection"]["pairs_gone"] == 2 and out["imported"] == 4
    assert "2 chosen pair(s) no longer exist" in out["selection_note"]
    assert set(server_keys(studio, camp)) == set(pending.keys) - set(lost)
