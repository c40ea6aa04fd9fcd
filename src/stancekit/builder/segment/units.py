"""The segment stage's batch function: documents -> units (+ rejects).

``segment_batch`` is a pure function of one batch of documents and its options (DESIGN.md, "the shape of a stage").
It cuts each document with a :class:`Segmenter`, links content units (``position``, ``prev_unit_id``,
``next_unit_id``; boilerplate is skipped), and fills the claim columns with ``attribution.attribute`` when that module
is available (else ``is_claim`` is False and the claim fields are null).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import polars as pl

from stancekit.builder.segment.protocol import Segmenter, UnitSpan
from stancekit.builder.segment.rules import RuleSegmenter
from stancekit.errors import ConfigError, InputError
from stancekit.ids import unit_id
from stancekit.schemas import REJECTS, UNITS, conform

SEGMENTERS: dict[str, Callable[[], Segmenter]] = {"rules": RuleSegmenter}
_CLAIM_FIELDS = ("speaker", "speaker_start", "speaker_end", "cue", "cue_start", "cue_end", "quote_type")
AttributeFn = Callable[[str, list[UnitSpan], str], list[Any]]


def get_segmenter(name: str) -> Segmenter:
    """The segmenter registered under ``name`` (config ``[segment] segmenter``)."""
    try:
        return SEGMENTERS[name]()
    except KeyError:
        known = ", ".join(sorted(SEGMENTERS))
        raise ConfigError(f"[segment] segmenter = {name!r} is not a known segmenter; use one of: {known}") from None


def _attribute_fn() -> AttributeFn | None:
    try:
        from stancekit.builder.segment.attribution import attribute
    except ImportError:
        return None
    return attribute


def _reject(reason: str, doc_id: str | None, source: Any, source_row: Any, detail: str) -> dict[str, Any]:
    return {"stage": "segment", "reason": reason, "key": doc_id, "source": source, "source_row": source_row,
            "detail": detail}


def segment_batch(
    docs: pl.DataFrame, *, segmenter: str = "rules", claims: bool = True
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Units of every document in ``docs`` (columns doc_id, text, lang; source/source_row used in rejects).

    Returns ``(units, rejects)``: units conformed to the UNITS table; one reject per document with no content
    (empty or whitespace-only text: ``empty_text``; only boilerplate: ``no_content_units``, its boilerplate units are
    still written). ``claims=False`` skips attribution (claim columns empty), for timing the units alone.
    """
    missing = [c for c in ("doc_id", "text") if c not in docs.columns]
    if missing:
        raise InputError(f"documents batch: missing column(s) {', '.join(missing)}; run `stancekit ingest` first")
    seg = get_segmenter(segmenter)
    attribute = _attribute_fn() if claims else None
    n = docs.height
    langs = docs["lang"].to_list() if "lang" in docs.columns else ["und"] * n
    sources = docs["source"].to_list() if "source" in docs.columns else [None] * n
    rows = docs["source_row"].to_list() if "source_row" in docs.columns else [None] * n

    c_uid: list[str] = []
    c_doc: list[str] = []
    c_start: list[int] = []
    c_end: list[int] = []
    c_text: list[str] = []
    c_kind: list[str] = []
    c_bk: list[str | None] = []
    c_pos: list[int | None] = []
    c_prev: list[str | None] = []
    c_next: list[str | None] = []
    claim_cols: dict[str, list[Any]] = {"is_claim": []} | {f: [] for f in _CLAIM_FIELDS}
    rejects: list[dict[str, Any]] = []

    for i, (doc_id, text) in enumerate(zip(docs["doc_id"].to_list(), docs["text"].to_list(), strict=True)):
        if text is None or not text.strip():
            rejects.append(_reject("empty_text", doc_id, sources[i], rows[i], "the document text is empty"))
            continue
        lang = langs[i] or "und"
        spans = seg.segment(doc_id, text, lang)
        ids = [unit_id(doc_id, s.start, s.end) for s in spans]
        content = [j for j, s in enumerate(spans) if s.kind != "boilerplate"]
        if not content:
            rejects.append(_reject("no_content_units", doc_id, sources[i], rows[i],
                                   f"all {len(spans)} unit(s) are boilerplate"))
        pos: list[int | None] = [None] * len(spans)
        prev: list[str | None] = [None] * len(spans)
        nxt: list[str | None] = [None] * len(spans)
        for k, j in enumerate(content):
            pos[j] = k
            if k:
                prev[j] = ids[content[k - 1]]
            if k + 1 < len(content):
                nxt[j] = ids[content[k + 1]]
        c_uid += ids
        c_doc += [doc_id] * len(spans)
        c_start += [s.start for s in spans]
        c_end += [s.end for s in spans]
        c_text += [text[s.start : s.end] for s in spans]
        c_kind += [s.kind for s in spans]
        c_bk += [s.boilerplate_kind for s in spans]
        c_pos += pos
        c_prev += prev
        c_next += nxt
        attrs = attribute(text, spans, lang) if attribute is not None else [None] * len(spans)
        for a in attrs:
            claim_cols["is_claim"].append(bool(a is not None and a.is_claim))
            for f in _CLAIM_FIELDS:
                claim_cols[f].append(getattr(a, f) if a is not None and a.is_claim else None)

    units = pl.DataFrame(
        {
            "unit_id": c_uid, "doc_id": c_doc, "start": c_start, "end": c_end, "text": c_text, "kind": c_kind,
            "boilerplate_kind": c_bk, "position": c_pos, "prev_unit_id": c_prev, "next_unit_id": c_next,
            **claim_cols, "segmenter": [seg.name] * len(c_uid),
        },
        schema=UNITS.polars_schema(),
    )
    rej = pl.DataFrame(rejects, schema=REJECTS.polars_schema()) if rejects else REJECTS.empty()
    return conform(units, UNITS), rej
