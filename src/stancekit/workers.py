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
from multiprocessing import forkserver


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
