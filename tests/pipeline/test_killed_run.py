"""A stage killed with SIGKILL leaves nothing behind that lasts: its pool workers end with it, and the next run of
the stage sweeps the temporary files it left beside the table (and completes)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import polars as pl
import pytest

from stancekit.campaign import Campaign
from stancekit.io import read_table, sweep_stale_temps, temp_name, write_table
from stancekit.pipeline.segment import run_segment

SEED = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "seed" / "us-forces-iraq.ar.txt"


def marked_pids(mark: str) -> list[int]:
    """Processes whose environment carries ``STANCEKIT_TEST_MARK=mark`` (the killed command and its children)."""
    found = []
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            env = (d / "environ").read_bytes()
        except OSError:
            continue
        if f"STANCEKIT_TEST_MARK={mark}".encode() in env.split(b"\0"):
            found.append(int(d.name))
    return found


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_sigkill_leaves_no_workers_and_the_next_run_sweeps_its_temps(campaign: Campaign) -> None:
    text = SEED.read_text(encoding="utf-8")
    n = 12000  # (~60 MB: the pool runs for some seconds, long enough to be killed mid-way)
    docs = pl.DataFrame({"doc_id": [f"d{i}" for i in range(n)], "source": ["x"] * n, "source_row": list(range(n)),
                         "title": [None] * n, "text": [text.replace("2500", str(i)) for i in range(n)],
                         "lang": ["ar"] * n, "content_hash": [f"h{i}" for i in range(n)]})
    from stancekit.schemas import DOCUMENTS, conform

    write_table(conform(docs.with_columns(*[pl.lit(None).alias(c) for c in DOCUMENTS.names if c not in docs.columns]),
                        DOCUMENTS), campaign.table("documents"))
    mark = uuid.uuid4().hex
    env = {**os.environ, "STANCEKIT_TEST_MARK": mark}
    proc = subprocess.Popen([sys.executable, "-m", "stancekit.cli", "-q", "segment", "--campaign", str(campaign.root),
                             "--workers", "2"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    tables = campaign.tables
    deadline = time.monotonic() + 120
    while not list(tables.glob(".units.parquet.*.tmp")) and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    while len(marked_pids(mark)) < 4 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)  # the command, the resource tracker, the fork server and a worker
    time.sleep(0.3)  # the workers are busy
    assert proc.poll() is None, "the run ended before it could be killed; make the corpus bigger"
    assert len(marked_pids(mark)) >= 3  # the command, the forkserver, the workers
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 15
    while marked_pids(mark) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert marked_pids(mark) == []  # no orphaned workers
    leftovers = list(tables.glob(".units.parquet.*.tmp"))
    assert leftovers  # the killed run's temporary directory ...
    assert not campaign.table("units").exists()
    run_segment(campaign, workers=1)
    assert not any(p.exists() for p in leftovers)  # ... is swept by the next run, which completes
    assert read_table(campaign.table("units"), ["doc_id"])["doc_id"].n_unique() == n


def test_sweep_keeps_a_live_writers_temps(tmp_path: Path) -> None:
    dest = tmp_path / "units.parquet"
    mine = tmp_path / temp_name(dest)
    mine.mkdir()
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    gone = tmp_path / f".units.parquet.{dead.pid}-abc.tmp"
    gone.write_text("x")
    other = tmp_path / ".pairs.parquet.1-abc.tmp"  # another table's: not ours to sweep
    other.write_text("x")
    assert sweep_stale_temps(dest) == 1
    assert mine.exists() and not gone.exists() and other.exists()


def test_pid_alive_sees_a_killed_child_as_gone() -> None:
    from stancekit.io import pid_alive

    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        assert pid_alive(child.pid)
        child.send_signal(signal.SIGKILL)
        deadline = time.monotonic() + 10
        while pid_alive(child.pid) and time.monotonic() < deadline:  # a zombie until reaped: pid_alive reaps it
            time.sleep(0.05)
        assert not pid_alive(child.pid)
    finally:
        child.kill()


CHURN = """
import ctypes, threading, time
def relay():  # each thread starts the next and ends: no thread lives long
    time.sleep(0.001)
    threading.Thread(target=relay).start()
threading.Thread(target=relay).start()
time.sleep(0.3)
ctypes.CDLL(None).pthread_exit(None)  # the main thread ends ('Z'); the process lives on in its other threads
"""


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads /proc")
def test_pid_alive_while_threads_come_and_go() -> None:
    """A thread that ends between listing /proc/PID/task and reading its stat does not make the process dead."""
    from stancekit.io import pid_alive

    child = subprocess.Popen([sys.executable, "-c", CHURN])
    try:
        time.sleep(0.8)
        assert all(pid_alive(child.pid) for _ in range(3000))
    finally:
        child.kill()
        child.wait()


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads /proc")
def test_pid_alive_sees_another_process_zombie_as_gone() -> None:
    """A killed process whose parent (not us) has not reaped it yet is gone, threads and all."""
    from stancekit.io import pid_alive

    grandchild = ("import subprocess, sys, time\n"
                  "p = subprocess.Popen([sys.executable, '-c', 'import threading, time\\n"
                  "threading.Thread(target=time.sleep, args=(60,)).start(); time.sleep(60)'])\n"
                  "print(p.pid, flush=True)\n"
                  "time.sleep(60)\n")  # never reaps it
    parent = subprocess.Popen([sys.executable, "-c", grandchild], stdout=subprocess.PIPE, text=True)
    try:
        assert parent.stdout is not None
        pid = int(parent.stdout.readline())
        time.sleep(0.3)
        assert pid_alive(pid)
        os.kill(pid, signal.SIGKILL)
        deadline = time.monotonic() + 10
        while pid_alive(pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not pid_alive(pid)
        assert Path(f"/proc/{pid}").exists()  # still a zombie: its parent has not reaped it
    finally:
        parent.kill()
        parent.wait()
