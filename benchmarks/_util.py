"""Helpers for benchmarks: run a Python snippet in a fresh process and read its wall time and peak RSS."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import textwrap
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"

_WRAPPER = """
import json, resource, time, sys
t0 = time.perf_counter()
{body}
dt = time.perf_counter() - t0
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print("__BENCH__" + json.dumps({{"seconds": dt, "peak_rss_mb": rss, "extra": globals().get("EXTRA")}}))
"""


def run_snippet(body: str, *, cwd: Path | None = None) -> dict[str, object]:
    """Run ``body`` in a new interpreter; return seconds (the body only), peak RSS (MB) and ``EXTRA`` if it set one."""
    code = _WRAPPER.format(body=textwrap.indent(textwrap.dedent(body), ""))
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=cwd, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"benchmark snippet failed:\n{proc.stderr[-3000:]}")
    line = next(ln for ln in proc.stdout.splitlines() if ln.startswith("__BENCH__"))
    return json.loads(line[len("__BENCH__"):])  # type: ignore[no-any-return]


def median_of(runs: list[dict[str, object]], key: str) -> float:
    return float(statistics.median(float(r[key]) for r in runs))  # type: ignore[arg-type]
