"""Progress bars (rich) that go quiet for scripts (``--quiet``/``--json``) and when stderr is not a terminal."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

_QUIET = {"value": os.environ.get("STANCEKIT_QUIET", "") not in ("", "0")}
console = Console(stderr=True)


def set_quiet(quiet: bool) -> None:
    _QUIET["value"] = quiet


def is_quiet() -> bool:
    return _QUIET["value"]


class Bar(Protocol):
    def advance(self, n: int = 1) -> None: ...

    def set_total(self, total: int | None) -> None: ...


class _NullBar:
    def advance(self, n: int = 1) -> None:
        pass

    def set_total(self, total: int | None) -> None:
        pass


class _RichBar:
    def __init__(self, progress: Progress, task: object) -> None:
        self._p = progress
        self._t = task

    def advance(self, n: int = 1) -> None:
        self._p.advance(self._t, n)  # type: ignore[arg-type]

    def set_total(self, total: int | None) -> None:
        self._p.update(self._t, total=total)  # type: ignore[arg-type]


@contextmanager
def bar(description: str, total: int | None = None, unit: str = "rows") -> Iterator[Bar]:
    """A progress bar over ``total`` items; a no-op when quiet or when stderr is not a terminal."""
    if is_quiet() or not sys.stderr.isatty():
        yield _NullBar()
        return
    with Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn(unit),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=False,
    ) as progress:
        task = progress.add_task(description, total=total)
        yield _RichBar(progress, task)


def note(message: str) -> None:
    """A line for the person at the terminal (stderr); silent when quiet."""
    if not is_quiet():
        console.print(message)
