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


TRACK_CLAIMS = """\
# two tracked claims
claims:
  - claim_id: us-troops-stay-iraq  # the seed claim
    text: {ar: "القوات الأمريكية ستبقى في العراق", en: "US troops will stay in Iraq"}
  - claim_id: oil-prices-fall
    text: {en: "Oil prices will fall this year"}
"""

# (doc_id, outlet, date or None, [(unit text, speaker, expected claim or None)])
TRACK_DOCS: list[tuple[str, str, str | None, list[tuple[str, str | None, str | None]]]] = [
    ("d1", "alpha", "2021-11-01", [
        ("القوات الأمريكية ستبقى في العراق حسب قائد القيادة المركزية", "ماكنزي", "us-troops-stay-iraq"),
        ("Iran will hold early elections in March, officials said.", "officials", None)]),
    ("d2", "beta", "2021-11-03", [
        ("قال الجنرال إن القوات الأمريكية ستبقى في العراق", "الجنرال", "us-troops-stay-iraq"),
        ("Oil prices will fall this year, the minister said.", "minister", "oil-prices-fall")]),
    ("d3", "gamma", "2021-11-09", [
        ("Oil prices are expected to fall this year.", "analysts", "oil-prices-fall"),
        ("Iran is expected to hold early elections in March.", "diplomats", None)]),
    ("d4", "alpha", "2021-11-10", [
        ("القوات الأمريكية ستبقى في العراق", "ماكنزي", "us-troops-stay-iraq"),
        ("The weather was cold in the capital on Sunday.", "forecasters", None)]),
    ("d5", "beta", "2021-11-16", [
        ("Iran will hold early elections in March, a spokesman said.", "spokesman", None),
        ("Oil prices will fall this year.", "minister", "oil-prices-fall")]),
    ("d6", "gamma", "2021-11-17", [
        ("A new bridge over the river opened to traffic yesterday.", "mayor", None)]),
]


def tracking_tables(dated: bool = True) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(documents, units) of the small tracking corpus: three outlets, several dates, two tracked claims."""
    from datetime import UTC, datetime

    from stancekit.ids import content_hash
    from stancekit.schemas import DOCUMENTS

    docs, units = [], []
    for doc_id, outlet, day, items in TRACK_DOCS:
        text = "\n".join(t for t, _, _ in items)
        docs.append({"doc_id": doc_id, "source": "test", "source_row": None, "title": None, "text": text,
                     "lang": "ar" if "ال" in text else "en", "url": None, "outlet": outlet, "license": None,
                     "published_at": datetime.fromisoformat(day).replace(tzinfo=UTC) if dated and day else None,
                     "content_hash": content_hash(text), "duplicate_of": None})
        spans, at = [], 0
        for t, speaker, _ in items:
            spans.append((at, at + len(t), {"is_claim": True, "speaker": speaker}))
            at += len(t) + 1
        units.append(unit_rows(doc_id, text, spans))
    doc_frame = conform(pl.DataFrame(docs, schema=DOCUMENTS.polars_schema()), DOCUMENTS)
    return doc_frame, pl.concat(units)
