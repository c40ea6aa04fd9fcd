"""Pairs that come back un-archive their tasks, and tables/tasks.parquet says so at once (real server)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from stancekit.io import read_table, write_table
from stancekit.pipeline.push import run_push
from studio_helpers import make_campaign

pytestmark = pytest.mark.studio


def archived_on_server(studio: Any, pid: int) -> dict[str, bool]:
    return {t["data"]["pair_id"]: bool(t["data"].get("archived")) or bool((t.get("meta") or {}).get("archived"))
            for page in studio.iter_task_pages(pid) for t in page}


def archived_in_table(camp: Any) -> dict[str, bool]:
    return dict(read_table(camp.table("tasks")).select("pair_id", "archived").iter_rows())


def test_restored_pairs_are_unarchived_in_one_push(studio_env: Any, tmp_path: Path) -> None:
    camp = make_campaign(tmp_path / "camp", n_docs=2)  # 8 pairs, 4 of each claim
    studio = studio_env.client()
    pid = run_push(camp)["project_id"]
    pairs = read_table(camp.table("pairs"))
    dropped = pairs.filter(pl.col("claim_id") == "elections-on-time")
    write_table(pairs.filter(pl.col("claim_id") != "elections-on-time"), camp.table("pairs"))  # the claim removed
    gone = run_push(camp)
    assert gone["archived"] == 4 and gone["unarchived"] == 0
    assert sorted(gone["archived_pairs"]) == sorted(dropped["pair_id"].to_list())
    assert archived_on_server(studio, pid) == archived_in_table(camp)
    assert sum(archived_in_table(camp).values()) == 4

    write_table(pairs, camp.table("pairs"))  # the claim restored, matched again
    env = dict(os.environ)
    proc = subprocess.run([sys.executable, "-m", "stancekit.cli", "push", "-c", str(camp.root)], env=env,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "0 archived, 4 un-archived" in " ".join((proc.stdout + proc.stderr).split())
    # the table agrees with the server right after this push, not one push later
    assert archived_on_server(studio, pid) == archived_in_table(camp)
    assert not any(archived_in_table(camp).values()) and read_table(camp.table("tasks")).height == 8

    again = run_push(camp)
    assert again["archived"] == 0 and again["unarchived"] == 0 and again["imported"] == 0
    assert again["unarchived_pairs"] == []
