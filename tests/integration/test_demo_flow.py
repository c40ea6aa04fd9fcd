"""The main job end to end against a real Label Studio: `stancekit demo` on the bundled corpus, and `stancekit run`
killed at two different stages and resumed (same result: no duplicate tasks, no lost annotations)."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import polars as pl
import pytest
from ls_fixture import copy_template

from stancekit.campaign import Campaign
from stancekit.labeling import server

pytestmark = pytest.mark.studio

EMAIL = re.compile(rb"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.(?:invalid|com|org|net|local|test|example)\b")


def files_outside_studio(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and "studio" not in p.relative_to(root).parts[:1]]


def emails_outside_studio(root: Path) -> list[str]:
    found = []
    for p in files_outside_studio(root):
        data = p.read_bytes()
        if p.suffix == ".gz":
            import gzip

            data = gzip.decompress(data)
        found += [f"{p}: {m.decode()}" for m in EMAIL.findall(data)]
    return found


@pytest.fixture
def demo_campaign(tmp_path: Path, studio_python: str) -> Campaign:
    c = Campaign.at(tmp_path / "demo")
    copy_template(studio_python, c.studio)  # a pre-migrated server: starts in seconds
    return c


def test_demo_end_to_end(demo_campaign: Campaign) -> None:
    import datasets

    from stancekit.pipeline.demo import run_demo

    c = demo_campaign
    try:
        summary = run_demo(c, annotators=3, keep_server=True)
        ran = {s["stage"] for s in summary["stages"] if s["status"] == "ran"}
        assert {"pull", "merge", "split", "export", "track", "report"} <= ran
        # the server holds exactly the tasks recorded, each once
        from stancekit.labeling import projects
        from stancekit.pipeline.push import connect

        studio = connect(c)
        pid = int(projects.verify(studio, c.studio, "main")["id"])
        keys = [t["data"]["task_key"] for page in studio.iter_task_pages(pid, fields="task_only", page_size=500)
                for t in page]
        tasks = pl.read_parquet(c.table("tasks"))
        assert len(keys) == len(set(keys)) == tasks.height == pl.read_parquet(c.table("pairs")).height > 20
        # a second demo run adds nothing
        run_demo(c, annotators=3, keep_server=True)
        keys2 = [t["data"]["task_key"] for page in studio.iter_task_pages(pid, fields="task_only", page_size=500)
                 for t in page]
        assert sorted(keys2) == sorted(keys)
        assert pl.read_parquet(c.table("annotations")).height == 3 * tasks.height
    finally:
        server.down(c.studio)
    ds = datasets.load_dataset(str(c.export))
    assert set(ds) == {"train", "validation", "test"}
    assert ds["train"].features["label"].names == ["agree", "disagree", "discuss", "unrelated"]
    ann = datasets.load_dataset(str(c.export), "annotations")
    assert sum(len(v) for v in ann.values()) > 0
    agreement = json.loads((c.reports / "agreement.json").read_text())
    assert isinstance(agreement["overall"]["krippendorff_alpha"], float)
    html = (c.reports / "report.html").read_text()
    assert "<svg" in html and "http://" not in html.replace("http://www.w3.org", "")
    assert (c.reports / "track" / "mentions.parquet").exists()
    assert emails_outside_studio(c.root) == []


def _state(c: Campaign) -> dict[str, object]:
    p = c.state / "state.json"
    try:
        return json.loads(p.read_text()) if p.exists() else {}
    except json.JSONDecodeError:
        return {}


def _run_and_kill_after(c: Campaign, stage: str, timeout: float = 300) -> bool:
    """Start `stancekit run` and SIGKILL it as soon as ``stage`` has completed; True if it was killed mid-run."""
    env = {**os.environ, "STANCEKIT_QUIET": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "stancekit.cli", "run", "--campaign", str(c.root)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        if stage in _state(c):
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            return True
        time.sleep(0.05)
    assert proc.poll() is not None, "run did not finish in time"
    assert proc.returncode == 0, proc.stderr.read().decode() if proc.stderr else ""
    return False


def test_run_killed_and_resumed(demo_campaign: Campaign) -> None:
    from stancekit.pipeline import studio
    from stancekit.pipeline.demo import prepare
    from stancekit.pipeline.run import run
    from stancekit.pipeline.simulate import run_simulate

    c = demo_campaign
    answers = prepare(c)
    studio.up(c)
    try:
        killed = _run_and_kill_after(c, "segment")  # killed in match or push
        assert killed
        run(c, until="push")
        n_pairs = pl.read_parquet(c.table("pairs")).height
        run_simulate(c, annotators=3, answers=answers, seed=13)
        killed = _run_and_kill_after(c, "pull")  # killed in merge or after
        assert killed
        results = run(c)
        assert {r["stage"]: r["status"] for r in results}["segment"] == "skipped"
        tasks = pl.read_parquet(c.table("tasks"))
        assert tasks.height == tasks["task_key"].n_unique() == n_pairs
        ann = pl.read_parquet(c.table("annotations"))
        assert ann.height == ann["ls_annotation_id"].n_unique() == 3 * n_pairs
        labels_before = pl.read_parquet(c.table("labels")).sort("pair_id")
        export_bytes = {p.name: p.read_bytes() for p in (c.export / "data").glob("*.parquet")}
        # a run with nothing new changes nothing
        run(c)
        assert pl.read_parquet(c.table("labels")).sort("pair_id").equals(labels_before)
        assert {p.name: p.read_bytes() for p in (c.export / "data").glob("*.parquet")} == export_bytes
    finally:
        server.down(c.studio)
