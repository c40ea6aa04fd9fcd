"""The console script leaves without the interpreter's teardown, but as a normal exit would: exit handlers run,
buffered output is written, the status is the command's, and a running non-daemon thread is waited for."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

_SCRIPT = """
import atexit, sys, threading, time, types
from pathlib import Path
cli = types.ModuleType("stancekit.cli")
def main():
    out = Path(sys.argv[1])
    atexit.register(lambda: out.with_suffix(".atexit").write_text("ran"))
    sys.stdout.write("no newline yet")  # (buffered: the exit must flush it)
    how = sys.argv[2]
    if how == "thread":
        def late():
            time.sleep(0.3)
            out.with_suffix(".thread").write_text("done")
        threading.Thread(target=late).start()
    if how == "code":
        sys.exit(3)
    if how == "message":
        sys.exit("a message")
cli.main = main
sys.modules["stancekit.cli"] = cli
from stancekit.entry import main as entry_main
sys.argv = ["stancekit", *sys.argv[1:]]
entry_main()
"""


@pytest.mark.parametrize(("how", "status", "stderr"), [("ok", 0, ""), ("code", 3, ""), ("message", 1, "a message"),
                                                       ("thread", 0, "")])
def test_leaving_is_a_normal_exit(tmp_path: Path, how: str, status: int, stderr: str) -> None:
    out = tmp_path / "run.txt"
    # -u off: stdout is a pipe, so block-buffered, as under a pipeline
    proc = subprocess.run([sys.executable, "-c", _SCRIPT, str(out), how], capture_output=True, text=True, timeout=60,
                          env={"PATH": "/usr/bin:/bin", "PYTHONPATH": ":".join(sys.path)})
    assert proc.returncode == status, proc.stderr
    assert proc.stdout == "no newline yet"
    assert proc.stderr.strip() == stderr
    assert out.with_suffix(".atexit").read_text() == "ran"
    if how == "thread":
        assert out.with_suffix(".thread").read_text() == "done"
