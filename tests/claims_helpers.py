"""Hand-built unit frames for the matching, discovery and tracking tests (until the segmenter lands)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polars as pl

from stancekit.ids import doc_id_from_text, unit_id
from stancekit.schemas import UNITS, conform

SEED_CLAIMS = {
    "claims": [
        {
            "claim_id": "us-troops-stay-iraq",
            "text": {"en": "US troops will stay in Iraq", "ar": "القوات الأمريكية ستبقى في العراق"},
            "aliases": {"en": ["US forces will remain in Iraq"]},
        }
    ]
}


def unit_rows(doc_id: str, text: str, spans: list[tuple[int, int, dict[str, Any]]]) -> pl.DataFrame:
    """UNITS rows for ``text[start:end]`` spans; extra fields per span (kind, is_claim, speaker, ...)."""
    rows = []
    for pos, (start, end, extra) in enumerate(spans):
        row: dict[str, Any] = {c: None for c in UNITS.names}
        row.update(unit_id=unit_id(doc_id, start, end), doc_id=doc_id, start=start, end=end, text=text[start:end],
                   kind="body", position=pos, is_claim=False, segmenter="hand.v1")
        row.update(extra)
        rows.append(row)
    return conform(pl.DataFrame(rows, schema=UNITS.polars_schema()), UNITS)


def seed_units(seed: Path) -> tuple[pl.DataFrame, dict[str, str]]:
    """One unit per line of the seed article; the title, dateline and every body line. Returns (units, named ids)."""
    text = seed.read_text(encoding="utf-8")
    doc = doc_id_from_text(text)
    spans: list[tuple[int, int, dict[str, Any]]] = []
    offset = 0
    named: dict[str, str] = {}
    for i, line in enumerate(text.split("\n")):
        stripped = line.strip()
        if stripped:
            start = offset + line.index(stripped)
            end = start + len(stripped)
            if i == 0:
                extra: dict[str, Any] = {"kind": "title"}
            elif stripped.startswith("واشنطن –"):
                extra = {"kind": "boilerplate", "boilerplate_kind": "dateline"}
            else:
                claimish = any(w in stripped for w in ("قال", "وأضاف", "وصفها", "وأشار", "وأوضح"))
                extra = {"kind": "body", "is_claim": claimish}
            spans.append((start, end, extra))
            if stripped.startswith("قال قائد"):
                named["mckenzie"] = unit_id(doc, start, end)
            if stripped.startswith("وحول محاولة اغتيال"):
                named["assassination"] = unit_id(doc, start, end)
        offset += len(line) + 1
    return unit_rows(doc, text, spans), named
