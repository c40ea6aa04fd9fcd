"""workers.warm starts the fork server with the stage's modules imported, so pool workers are forked with them."""

from __future__ import annotations

import subprocess
import sys

_SCRIPT = """
import multiprocessing as mp, sys
from concurrent.futures import ProcessPoolExecutor
from stancekit.workers import warm
if __name__ == "__main__":
    if sys.argv[1] == "warm":
        warm(["stancekit.builder.segment.units", "no_such_module_here"])
    with ProcessPoolExecutor(1, mp_context=mp.get_context("forkserver")) as pool:
        print(pool.submit(eval, "'stancekit.builder.segment.units' in __import__('sys').modules").result())
"""


def _worker_has_units(mode: str) -> str:
    out = subprocess.run([sys.executable, "-c", _SCRIPT, mode], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def test_warm_preloads_modules_into_workers() -> None:
    assert _worker_has_units("warm") == "True"  # (a module that does not exist is skipped)
    assert _worker_has_units("cold") == "False"
