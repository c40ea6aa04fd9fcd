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


def test_segment_pool_wanted_reads_the_command_line_before_the_cli() -> None:
    from stancekit.workers import segment_pool_wanted

    assert segment_pool_wanted(["segment", "--campaign", "c"])
    assert segment_pool_wanted(["segment", "--workers", "2", "--engine=local"])
    for args in (["segment", "--workers", "1"], ["segment", "--workers=1"], ["segment", "--engine", "ray"],
                 ["segment", "--engine=ray"], ["segment", "--help"], ["match"], []):
        assert not segment_pool_wanted(args), args


def test_the_console_script_starts_the_fork_server_before_the_cli() -> None:
    """stancekit.entry warms the pool for `segment` before it hands over to the CLI (a stand-in here)."""
    script = ("import sys, types; from multiprocessing import forkserver\n"
              "cli = types.ModuleType('stancekit.cli')\n"
              "cli.main = lambda: print(forkserver._forkserver._forkserver_pid is not None)\n"
              "sys.modules['stancekit.cli'] = cli\n"
              "from stancekit.entry import main\n"
              "sys.argv = ['stancekit', *sys.argv[1:]]\n"
              "main()\n")
    for args, started in ((["segment", "--campaign", "c"], "True"), (["segment", "--workers", "1"], "False")):
        out = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, timeout=120)
        assert out.returncode == 0, out.stderr
        assert out.stdout.strip() == started
