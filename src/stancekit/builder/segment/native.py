"""The compiled rule segmenter (``_native.pyx``, built by ``pip install``): loaded when it is built and current.

It gives the same units as the Python rules (``rules.segment_tuples``), several times faster; the Python modules stay
the reference and the fallback. :func:`load` returns the compiled module, or None when the Python rules must run:
``STANCEKIT_NATIVE=0`` asks for them; the module is not built (a source tree used without ``pip install``); or it is
stale: compiled from another version of ``_native.pyx`` than the one beside it (an edited source tree not rebuilt:
``make`` or ``pip install -e .`` rebuilds). :func:`status` says which, for ``stancekit doctor``-style reports and tests.
"""

from __future__ import annotations

import hashlib
import logging
import os
from functools import cache
from pathlib import Path
from types import ModuleType

log = logging.getLogger(__name__)
_SOURCE = Path(__file__).with_name("_native.pyx")


@cache
def _probe() -> tuple[ModuleType | None, str]:
    if os.environ.get("STANCEKIT_NATIVE", "1") == "0":
        return None, "off (STANCEKIT_NATIVE=0): the Python rules run"
    try:
        from stancekit.builder.segment import _native  # type: ignore[attr-defined]
    except ImportError as exc:
        return None, f"not built ({exc}): the Python rules run; `pip install -e .` (or `make`) builds it"
    if _SOURCE.exists():
        sha = hashlib.sha256(_SOURCE.read_bytes()).hexdigest()
        if sha != _native.SOURCE_SHA256:
            return None, (f"stale: {_native.__file__} was built from another version of {_SOURCE.name}; the Python "
                          "rules run; `pip install -e .` (or `make`) rebuilds it")
    return _native, f"compiled ({Path(_native.__file__).name})"


def load() -> ModuleType | None:
    """The compiled segmenter module, or None (see the module docstring); a stale build is logged once."""
    module, why = _probe()
    if module is None and why.startswith("stale"):
        _warn_once(why)
    return module


@cache
def _warn_once(why: str) -> None:
    log.warning("compiled segmenter %s", why)


def status() -> str:
    """How the rule segmenter runs here: ``compiled (...)``, ``off ...``, ``not built ...`` or ``stale ...``."""
    return _probe()[1]
