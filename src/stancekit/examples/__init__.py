"""Example data shipped with stancekit: the sample corpus that ``stancekit demo`` runs on.

``demo_dir()`` is the folder holding ``articles.jsonl`` (20 Arabic and English news-style articles written by the
stancekit authors), ``us-forces-iraq.ar.txt`` (the seed article), ``claims.yaml`` (the registry of the claims the
corpus tracks), ``answers.csv`` (the known stance of every article towards every claim, which the simulated
annotators follow) and ``README.md``.
"""

from __future__ import annotations

import atexit
import pathlib
import shutil
import tempfile
from importlib.resources import files
from importlib.resources.abc import Traversable

__all__ = ["DEMO_FILES", "demo_dir"]

DEMO_FILES: tuple[str, ...] = ("articles.jsonl", "us-forces-iraq.ar.txt", "claims.yaml", "answers.csv", "README.md")
"""The files ``demo_dir()`` holds."""

_extracted: pathlib.Path | None = None


def demo_dir() -> pathlib.Path:
    """The folder of the bundled demo corpus, as a real directory on disk.

    For a normal (or editable) install this is the package folder itself; if stancekit is imported from a zip
    archive, the folder is extracted once to a temporary directory that is removed when the interpreter exits.
    """
    global _extracted
    resource = files("stancekit.examples").joinpath("demo")
    if isinstance(resource, pathlib.Path):
        return resource
    if _extracted is None:
        tmp = pathlib.Path(tempfile.mkdtemp(prefix="stancekit-demo-"))
        atexit.register(shutil.rmtree, tmp, ignore_errors=True)
        _copy_tree(resource, tmp)
        _extracted = tmp
    return _extracted


def _copy_tree(src: Traversable, dest: pathlib.Path) -> None:
    # importlib.resources.as_file() accepts directories only from Python 3.12 on: copy file by file instead.
    for item in src.iterdir():
        if item.is_dir():
            (dest / item.name).mkdir()
            _copy_tree(item, dest / item.name)
        elif item.is_file():
            (dest / item.name).write_bytes(item.read_bytes())
