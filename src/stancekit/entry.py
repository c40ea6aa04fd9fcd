"""The ``stancekit`` console script. Before the CLI (typer, rich, the command modules) is imported, it starts the
fork server of ``stancekit segment``'s worker pool (:mod:`stancekit.workers`), so the server imports the segmenter on
the other core while the command imports and plans: the first slice starts sooner.
"""

from __future__ import annotations

import sys


def main() -> None:
    from stancekit.workers import SEGMENT_PRELOAD, segment_pool_wanted, warm

    if segment_pool_wanted(sys.argv[1:]):
        warm(SEGMENT_PRELOAD)
    from stancekit.cli import main as cli_main

    cli_main()
