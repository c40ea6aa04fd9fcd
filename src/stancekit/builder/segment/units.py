"""The segment stage's batch function: documents -> units (+ rejects).

``segment_batch`` is a pure function of one batch of documents and its options (DESIGN.md, "the shape of a stage").
It cuts each document with a :class:`Segmenter`, links content units (``position``, ``prev_unit_id``,
``next_unit_id``; boilerplate is skipped), and fills the claim columns with ``attribution.attribute`` when that module
is available (else ``is_claim`` is False and the claim fields are null).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import polars as pl

from stancekit.builder.segment.protocol import Segmenter, UnitSpan
from stancekit.builder.segment.rules import RuleSegmenter
from stancekit.errors import ConfigError, InputError
from stancekit.ids import unit_ids
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


def _raw_units(seg: Segmenter) -> Callable[[str, str, str], Sequence[tuple[int, int, str, str | None]]]:
    """The segmenter's units as plain ``(start, end, kind, boilerplate_kind)`` tuples (a UnitSpan is one too); the
    rule segmenter skips building UnitSpans when nothing needs them."""
    fast = getattr(seg, "segment_tuples", None)
    if fast is not None:
        return lambda doc_id, text, lang: fast(text, lang)
    return seg.segment


def _link(ids: list[str], kinds: tuple[str, ...]) -> tuple[list[int | None], list[str | None], list[str | None]]:
    """position, prev_unit_id, next_unit_id of one document's units: content units are linked, boilerplate skipped."""
    n = len(ids)
    if "boilerplate" not in kinds:
        return list(range(n)), [None, *ids[:-1]], [*ids[1:], None]
    content = [j for j, k in enumerate(kinds) if k != "boilerplate"]
    pos: list[int | None] = [None] * n
    prev: list[str | None] = [None] * n
    nxt: list[str | None] = [None] * n
    for k, j in enumerate(content):
        pos[j] = k
        if k:
            prev[j] = ids[content[k - 1]]
        if k + 1 < len(content):
            nxt[j] = ids[content[k + 1]]
    return pos, prev, nxt


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
    raw_units = _raw_units(seg)
    attribute = _attribute_fn() if claims else None
    n = docs.height
    langs = docs["lang"].to_list() if "lang" in docs.columns else ["und"] * n
    sources = docs["source"].to_list() if "source" in docs.columns else [None] * n
    rows = docs["source_row"].to_list() if "source_row" in docs.columns else [None] * n

    c_row: list[int] = []  # the document's row in the batch, one per unit
    c_uid: list[str] = []
    c_start: list[int] = []
    c_end: list[int] = []
    c_text: list[str] = []
    c_kind: list[str] = []
    c_bk: list[str | None] = []
    c_pos: list[int | None] = []
    c_prev: list[str | None] = []
    c_next: list[str | None] = []
    c_attr: list[Any] = []
    rejects: list[dict[str, Any]] = []

    for i, (doc_id, text) in enumerate(zip(docs["doc_id"].to_list(), docs["text"].to_list(), strict=True)):
        if text is None or not text.strip():
            rejects.append(_reject("empty_text", doc_id, sources[i], rows[i], "the document text is empty"))
            continue
        lang = langs[i] or "und"
        raw = raw_units(doc_id, text, lang)
        if not raw:
            rejects.append(_reject("no_content_units", doc_id, sources[i], rows[i], "all 0 unit(s) are boilerplate"))
            continue
        starts, ends, kinds, bks = zip(*raw, strict=True)
        ids = unit_ids(doc_id, zip(starts, ends, strict=True))
        pos, prev, nxt = _link(ids, kinds)
        if all(p is None for p in pos):
            rejects.append(_reject("no_content_units", doc_id, sources[i], rows[i],
                                   f"all {len(raw)} unit(s) are boilerplate"))
        c_row += [i] * len(ids)
        c_uid += ids
        c_start += starts
        c_end += ends
        c_text += [text[s:e] for s, e in zip(starts, ends, strict=True)]
        c_kind += kinds
        c_bk += bks
        c_pos += pos
        c_prev += prev
        c_next += nxt
        if attribute is not None:
            spans = raw if isinstance(raw[0], UnitSpan) else [UnitSpan(*t) for t in raw]
            c_attr += attribute(text, spans, lang)  # type: ignore[arg-type]

    return _units_frame(docs, seg.name, c_row, c_uid, c_start, c_end, c_text, c_kind, c_bk, c_pos, c_prev, c_next,
                        c_attr if attribute is not None else None), _rejects_frame(rejects)


def _rejects_frame(rejects: list[dict[str, Any]]) -> pl.DataFrame:
    return pl.DataFrame(rejects, schema=REJECTS.polars_schema()) if rejects else REJECTS.empty()


def _claim_columns(attrs: list[Any], schema: Mapping[str, Any]) -> dict[str, pl.Series]:
    claimed = [a if a is not None and a.is_claim else None for a in attrs]
    out = {"is_claim": pl.Series([a is not None for a in claimed], dtype=pl.Boolean)}
    for f in _CLAIM_FIELDS:
        out[f] = pl.Series([None if a is None else getattr(a, f) for a in claimed], dtype=schema[f])
    return out


def _units_frame(docs: pl.DataFrame, seg_name: str, c_row: list[int], c_uid: list[str], c_start: list[int],
                 c_end: list[int], c_text: list[str], c_kind: list[str], c_bk: list[str | None],
                 c_pos: list[int | None], c_prev: list[str | None], c_next: list[str | None],
                 attrs: list[Any] | None) -> pl.DataFrame:
    """The UNITS frame from the per-unit columns (one DataFrame build; constant columns added natively)."""
    schema = UNITS.polars_schema()
    cols: dict[str, pl.Series] = {
        "unit_id": pl.Series(c_uid, dtype=pl.String),
        "doc_id": docs["doc_id"].cast(pl.String).gather(pl.Series(c_row, dtype=pl.UInt32)),
        "start": pl.Series(c_start, dtype=schema["start"]),
        "end": pl.Series(c_end, dtype=schema["end"]),
        "text": pl.Series(c_text, dtype=pl.String),
        "kind": pl.Series(c_kind, dtype=pl.String),
        "boilerplate_kind": pl.Series(c_bk, dtype=pl.String),
        "position": pl.Series(c_pos, dtype=schema["position"]),
        "prev_unit_id": pl.Series(c_prev, dtype=pl.String),
        "next_unit_id": pl.Series(c_next, dtype=pl.String),
    }
    if attrs is not None:
        cols |= _claim_columns(attrs, schema)
    units = pl.DataFrame([s.alias(name) for name, s in cols.items()])
    constants = [pl.lit(seg_name, dtype=pl.String).alias("segmenter")]
    if attrs is None:  # no attribution: is_claim False, the claim fields null
        constants += [pl.lit(False, dtype=pl.Boolean).alias("is_claim")]
        constants += [pl.lit(None, dtype=schema[f]).alias(f) for f in _CLAIM_FIELDS]
    units = units.with_columns(constants).select(list(schema))
    # built to the UNITS schema already: conform only when it has something to report (a null doc id, duplicate
    # unit ids), so the error is the usual one
    if units["doc_id"].null_count() or units["unit_id"].n_unique() != units.height:
        return conform(units, UNITS)
    return units
