"""Segmentation: documents -> units (sentences, titles, headings, boilerplate)."""

from stancekit.builder.segment.protocol import BOILERPLATE_KINDS, KINDS, Segmenter, UnitSpan

__all__ = ["BOILERPLATE_KINDS", "KINDS", "Segmenter", "UnitSpan"]
