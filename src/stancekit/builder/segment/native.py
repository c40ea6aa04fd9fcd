"""The compiled parts of the segment stage (Cython modules built by ``pip install``), loaded when built and current.

``_native`` is the rule segmenter (the same units as ``rules.segment_tuples``, several times faster); the Python
modules stay the reference and the fallback. :func:`load` returns a compiled module, or None when the Python code must
run: ``STANCEKIT_NATIVE=0`` asks for it; the module is not built (a source tree used without ``pip install``); or it
is stale: compiled from another version of its ``.pyx`` than the one beside it, or failing to load against the Python
modules it takes its rules from (an edited source tree not rebuilt: ``make`` or ``pip install -e .`` rebuilds).
:func:`status` says which, for reports and tests. ``_attr_native`` is claim attribution (``attribution.attribute``).
"""

from __future__ import annotations

import hashlib
import logging
import os
from functools import cache
from importlib import import_module
from pathlib import Path
from types import ModuleType

log = logging.getLogger(__name__)
_HERE = Path(__file__).parent


@cache
def _probe(name: str) -> tuple[ModuleType | None, str]:
    if os.environ.get("STANCEKIT_NATIVE", "1") == "0":
        return None, "off (STANCEKIT_NATIVE=0): the Python code runs"
    try:
        module = import_module(f"stancekit.builder.segment.{name}")
    except ImportError as exc:
        return None, f"not built ({exc}): the Python code runs; `pip install -e .` (or `make`) builds it"
    except (AttributeError, TypeError, ValueError, KeyError) as exc:  # a build that no longer fits the Python rules
        return None, (f"stale: it fails to load ({type(exc).__name__}: {exc}); the Python code runs; "
                      "`pip install -e .` (or `make`) rebuilds it")
    source = _HERE / f"{name}.pyx"
    if source.exists() and hashlib.sha256(source.read_bytes()).hexdigest() != module.SOURCE_SHA256:
        return None, (f"stale: {module.__file__} was built from another version of {source.name}; the Python code "
                      "runs; `pip install -e .` (or `make`) rebuilds it")
    return module, f"compiled ({Path(str(module.__file__)).name})"


def load(name: str = "_native") -> ModuleType | None:
    """The compiled module ``stancekit.builder.segment.<name>``, or None (see the module docstring); a missing or
    stale build is logged once (the Python code is several times slower)."""
    module, why = _probe(name)
    if module is None and not why.startswith("off"):
        _warn_once(why)
    return module


@cache
def _warn_once(why: str) -> None:
    log.warning("compiled segment module %s", why)


def status(name: str = "_native") -> str:
    """How ``name`` runs here: ``compiled (...)``, ``off ...``, ``not built ...`` or ``stale ...``."""
    return _probe(name)[1]
