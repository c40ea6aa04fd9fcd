"""The segmenters by their configuration name, known without importing them: a command checks ``[segment]
segmenter`` and reports the segmenter's name while only its workers import the segmenter itself (the rule
segmenter's tables and regexes take ~0.1 s to load)."""

from __future__ import annotations

from stancekit.errors import ConfigError

# [segment] segmenter -> the segmenter's versioned name (units.segmenter); units.SEGMENTERS has the same keys
# rules.v2: captions by credit lines, lists, labels, timestamps, hard wraps, more abbreviations
SEGMENTER_NAMES: dict[str, str] = {"rules": "rules.v2"}


def segmenter_name(name: str) -> str:
    """The versioned name of the segmenter configured as ``name``; a ConfigError naming the known ones if none."""
    try:
        return SEGMENTER_NAMES[name]
    except KeyError:
        known = ", ".join(sorted(SEGMENTER_NAMES))
        raise ConfigError(f"[segment] segmenter = {name!r} is not a known segmenter; use one of: {known}") from None
