"""The ``stancekit`` console script. Before the CLI (typer, rich, the command modules) is imported, it starts the
fork server of ``stancekit segment``'s worker pool (:mod:`stancekit.workers`), so the server imports the segmenter on
the other core while the command imports and plans: the first slice starts sooner.

When the command is done it leaves without the interpreter's teardown (:func:`leave`): every file it wrote is
closed by then, and freeing each module and object one by one (polars, pyarrow, the segmenter's tables) only costs
time, some 0.1 s after a corpus stage.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import sys
import threading


def main() -> None:
    from stancekit.workers import SEGMENT_PRELOAD, segment_pool_wanted, warm

    if segment_pool_wanted(sys.argv[1:]):
        warm(SEGMENT_PRELOAD)
    from stancekit.cli import main as cli_main

    try:
        cli_main()
    except SystemExit as exc:
        leave(exc.code)
        raise
    leave(0)


def leave(code: object) -> None:
    """End the process with ``code`` (a ``sys.exit`` argument) once the exit handlers have run and the standard
    streams are flushed, skipping the interpreter's teardown. Only when no other non-daemon thread is running (a
    normal exit would wait for it): then this returns, and the caller exits as usual."""
    main_thread = threading.main_thread()
    if any(t is not main_thread and not t.daemon and t.is_alive() for t in threading.enumerate()):
        return
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:  # sys.exit("message"): the message goes to stderr, the status is 1
        print(code, file=sys.stderr)
        status = 1
    atexit._run_exitfuncs()  # (multiprocessing's finalizers, logging's flush: what a normal exit would run)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed or broken pipe: nothing more to write
            stream.flush()
    os._exit(status)
