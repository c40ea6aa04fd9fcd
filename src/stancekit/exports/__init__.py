"""stancekit.exports: the Hugging Face dataset writer, dataset card, manifest and re-hydration.

``hydrate`` is imported lazily (``from stancekit.exports import hydrate``) so that importing this package does not
load ``datasets``.
"""

from __future__ import annotations

from typing import Any

__all__ = ["hydrate"]


def __getattr__(name: str) -> Any:
    if name == "hydrate":
        from stancekit.exports.rehydrate import hydrate

        return hydrate
    raise AttributeError(f"module 'stancekit.exports' has no attribute {name!r}")
