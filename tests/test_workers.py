"""workers.warm starts the fork server with the stage's modules imported, so pool workers are forked with them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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


def test_a_segment_worker_imports_nothing_to_find_its_batch_function() -> None:
    """The function `stancekit segment` sends to its workers is in a preloaded module, and that module does not bring
    in the command's own (the pipeline, the campaign configuration): a worker unpickling it imports nothing."""
    from stancekit.pipeline import segment

    script = ("import sys\n"
              "from stancekit.workers import SEGMENT_PRELOAD\n"
              "for m in SEGMENT_PRELOAD: __import__(m)\n"
              f"fn = __import__({segment.segment_batch.__module__!r}, fromlist=['x']).segment_batch\n"
              "print(fn.__module__ in SEGMENT_PRELOAD,\n"
              "      any(m.startswith(('stancekit.pipeline', 'stancekit.config', 'tomlkit')) for m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["True", "False"]


_SLICE_SCRIPT = """
import sys
from pathlib import Path
from stancekit.workers import SEGMENT_PRELOAD, segment_batch
for m in SEGMENT_PRELOAD:
    __import__(m)
heavy = ("polars", "pyarrow.compute", "pandas")
print(sorted(m for m in heavy if m in sys.modules))
from stancekit.engine import _run_slice
from stancekit.schemas import UNITS
n_in, n_out, rejects, counts = _run_slice(segment_batch, {"segmenter": "rules"}, UNITS.arrow_schema(),
                                          ["doc_id", "text", "lang", "source", "source_row"], 100, sys.argv[2], 0,
                                          {"path": sys.argv[1], "row_groups": [0]})
print(n_in, n_out, len(rejects), counts.get("claim_units", 0) > 0)
print(sorted(m for m in heavy if m in sys.modules))
"""


def test_a_segment_worker_runs_a_slice_without_polars(tmp_path: Path) -> None:
    """The fork server's modules, and a worker's whole slice (read, segment, attribute, write), import neither polars
    nor pyarrow.compute (nor pandas): each would cost the server time before the first slice can start."""
    import polars as pl

    from stancekit.builder.segment import native

    if native.load() is None or native.load("_attr_native") is None:
        import pytest

        pytest.skip("the compiled segmenter is not built (the Python rules build frames)")
    docs = pl.DataFrame({"doc_id": ["a", "b"], "lang": ["en", "en"], "source": ["s", "s"], "source_row": [1, 2],
                         "text": ["Troops will stay, the general said.\n\nHe added that more would come.", "   "]})
    docs.write_parquet(tmp_path / "docs.parquet")
    out = subprocess.run([sys.executable, "-c", _SLICE_SCRIPT, str(tmp_path / "docs.parquet"), str(tmp_path)],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    before, counts, after = out.stdout.splitlines()
    assert before == after == "[]"
    n_in, n_out, n_rejects, claims = counts.split()
    assert (n_in, n_rejects, claims) == ("2", "1", "True") and int(n_out) >= 2
