"""Start the worker processes' fork server early, with the stage's modules already imported in it.

The local engine runs its pool on the ``forkserver`` start method (``engine.in_order``): each worker is forked from
one server process. Left to itself the server starts when the first pool does, and every worker then imports the
stage's modules itself (about half a second each on a small machine), after the command has spent as long importing
its own. :func:`warm` starts the server at once with those modules preloaded, so it imports them on the other core
while the command imports and plans, and the workers are forked with everything loaded. This module imports nothing
heavy, so a command can call it first.
"""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Sequence
from multiprocessing import forkserver
from typing import Any

# what a segment worker runs: the engine's slice, the batch function (segment_batch, below), the segmenter and its
# compiled modules. Not polars, nor pyarrow.compute: a worker reads, segments and writes Arrow without them
# (tests/test_workers.py), and each would cost the server ~0.15 and ~0.04 s before the first slice can start.
SEGMENT_PRELOAD = ["stancekit.engine", "stancekit.workers", "stancekit.builder.segment.units",
                   "stancekit.builder.segment._native", "stancekit.builder.segment._attr_native"]


def segment_batch(docs: Any, **options: Any) -> Any:
    """:func:`stancekit.builder.segment.units.segment_arrow` (segment_batch, its units in Arrow), imported where it
    runs. This is the function ``stancekit segment`` sends to its workers (by reference): here, so that neither the
    command nor a worker imports more than it needs for it. The command never loads the segmenter, only the workers
    do (the fork server has it preloaded), and a worker does not import the command's own modules (the pipeline,
    the campaign configuration) to find this function: it is in the server already."""
    from stancekit.builder.segment.units import segment_arrow

    return segment_arrow(docs, **options)


# the engine hands it Arrow record batches (engine.takes_arrow): with the compiled segmenter a worker never imports
# polars, and neither does its fork server
segment_batch.arrow_batches = True  # type: ignore[attr-defined]


def warm(modules: list[str]) -> None:
    """Start the fork server now (if it is not running yet) with ``modules`` imported in it. A module that fails to
    import there is skipped by the server (the worker imports it itself, and reports any error). Where there is no
    fork server (Windows), nothing happens: a one-worker run does not need one, and a pool reports it as before."""
    try:
        ctx = mp.get_context("forkserver")
    except ValueError:
        return
    ctx.set_forkserver_preload(modules)
    forkserver.ensure_running()


def _option(args: Sequence[str], name: str) -> str | None:
    """The value of ``--name VALUE`` or ``--name=VALUE`` in ``args`` (the last one), else None."""
    value = None
    for i, arg in enumerate(args):
        if arg == name and i + 1 < len(args):
            value = args[i + 1]
        elif arg.startswith(name + "="):
            value = arg[len(name) + 1:]
    return value


def segment_pool_wanted(args: Sequence[str]) -> bool:
    """Does this command line (``sys.argv[1:]``) run ``stancekit segment`` on the local pool? Read before the CLI is
    imported, so its fork server can start first: not for ``--help``, ``--engine ray`` or ``--workers 1``. A wrong
    guess costs nothing but time: the command still warms (or not) by its parsed options."""
    if not args or args[0] != "segment" or "--help" in args:
        return False
    return _option(args, "--engine") != "ray" and _option(args, "--workers") != "1"
