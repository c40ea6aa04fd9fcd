"""The segment stage's batch function: documents -> units (+ rejects).

``segment_batch`` is a pure function of one batch of documents and its options (DESIGN.md, "the shape of a stage").
It cuts each document with a :class:`Segmenter`, links content units (``position``, ``prev_unit_id``,
``next_unit_id``; boilerplate is skipped), and fills the claim columns with ``attribution.attribute`` when that module
is available (else ``is_claim`` is False and the claim fields are null).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np
import polars as pl
import pyarrow as pa

from stancekit.builder.segment import native
from stancekit.builder.segment.protocol import KINDS, Segmenter, UnitTuple
from stancekit.builder.segment.registry import segmenter_name
from stancekit.builder.segment.rules import RuleSegmenter
from stancekit.errors import InputError
from stancekit.ids import unit_id_digests, unit_ids_from_digests
from stancekit.schemas import REJECTS, UNITS, conform

SEGMENTERS: dict[str, Callable[[], Segmenter]] = {"rules": RuleSegmenter}
_CLAIM_FIELDS = ("speaker", "speaker_start", "speaker_end", "cue", "cue_start", "cue_end", "quote_type")
AttributeFn = Callable[[str, Sequence[UnitTuple], str], list[Any]]


def get_segmenter(name: str) -> Segmenter:
    """The segmenter registered under ``name`` (config ``[segment] segmenter``)."""
    segmenter_name(name)  # (an unknown name: the error naming the known ones)
    return SEGMENTERS[name]()


def _attribute_fn() -> AttributeFn | None:
    """Claim attribution: the compiled one (``_attr_native``, the same output) when it is built and current."""
    compiled = native.load("_attr_native")
    if compiled is not None:
        return compiled.attribute
    try:
        from stancekit.builder.segment.attribution import attribute
    except ImportError:
        return None
    return attribute


def _attribute_batch_fn() -> Callable[..., dict[str, Any]] | None:
    """The compiled attribution's batch entry (``_attr_native.attribute_batch``), when it is built and current."""
    compiled = native.load("_attr_native")
    return None if compiled is None else compiled.attribute_batch


def _reject(reason: str, doc_id: str | None, source: Any, source_row: Any, detail: str) -> dict[str, Any]:
    return {"stage": "segment", "reason": reason, "key": doc_id, "source": source, "source_row": source_row,
            "detail": detail}


def _raw_units(seg: Segmenter) -> Callable[[str, str, str], Sequence[UnitTuple]]:
    """The segmenter's units as plain ``(start, end, kind, boilerplate_kind)`` tuples (a UnitSpan is one too); the
    rule segmenter skips building UnitSpans when nothing needs them."""
    fast = getattr(seg, "segment_tuples", None)
    if fast is not None:
        return lambda doc_id, text, lang: fast(text, lang)
    return seg.segment


def segment_batch(
    docs: pl.DataFrame, *, segmenter: str = "rules", claims: bool = True
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Units of every document in ``docs`` (columns doc_id, text, lang; source/source_row used in rejects).

    Returns ``(units, rejects)``: units conformed to the UNITS table; one reject per document with no content
    (empty or whitespace-only text: ``empty_text``; only boilerplate: ``no_content_units``, its boilerplate units are
    still written). ``claims=False`` skips attribution (claim columns empty), for timing the units alone.
    """
    units, rejects = segment_arrow(docs, segmenter=segmenter, claims=claims)
    frame = pl.from_arrow(units)
    assert isinstance(frame, pl.DataFrame)
    return frame, rejects


def segment_arrow(
    docs: pl.DataFrame, *, segmenter: str = "rules", claims: bool = True
) -> tuple[pa.Table, pl.DataFrame]:
    """:func:`segment_batch`, with the units as an Arrow table (UNITS.arrow_schema()): the engine writes Arrow, and
    the compiled segmenter's columns become one without a round trip through polars (~5% of a segment worker)."""
    missing = [c for c in ("doc_id", "text") if c not in docs.columns]
    if missing:
        raise InputError(f"documents batch: missing column(s) {', '.join(missing)}; run `stancekit ingest` first")
    seg = get_segmenter(segmenter)
    attribute = _attribute_fn() if claims else None
    n = docs.height
    langs = [lang or "und" for lang in docs["lang"].to_list()] if "lang" in docs.columns else ["und"] * n
    sources = docs["source"].to_list() if "source" in docs.columns else [None] * n
    rows = docs["source_row"].to_list() if "source_row" in docs.columns else [None] * n
    compiled = native.load() if isinstance(seg, RuleSegmenter) else None
    if compiled is not None:
        return _segment_compiled(compiled, docs, seg.name, langs, sources, rows, attribute)
    raw_units = _raw_units(seg)

    c_row: list[int] = []  # the document's row in the batch, one per unit
    c_digest: list[bytes] = []  # unit id digests (ids.unit_id_digests)
    c_start: list[int] = []
    c_end: list[int] = []
    c_text: list[str] = []
    c_kind: list[str] = []
    c_bk: list[str | None] = []
    c_attr: list[Any] = []
    rejects: list[dict[str, Any]] = []

    for i, (doc_id, text) in enumerate(zip(docs["doc_id"].to_list(), docs["text"].to_list(), strict=True)):
        if text is None or not text.strip():
            rejects.append(_empty_reject(doc_id, sources[i], rows[i], None, 0))
            continue
        lang = langs[i]
        raw = raw_units(doc_id, text, lang)
        if not raw:
            rejects.append(_empty_reject(doc_id, sources[i], rows[i], text, 0))
            continue
        starts, ends, kinds, bks = zip(*raw, strict=True)
        if kinds.count("boilerplate") == len(kinds):
            rejects.append(_empty_reject(doc_id, sources[i], rows[i], text, len(raw)))
        c_row += [i] * len(raw)
        c_digest += unit_id_digests(doc_id, zip(starts, ends, strict=True))
        c_start += starts
        c_end += ends
        c_text += [text[s:e] for s, e in zip(starts, ends, strict=True)]
        c_kind += kinds
        c_bk += bks
        if attribute is not None:
            c_attr += attribute(text, raw, lang)

    columns: dict[str, list[Any]] = {"row": c_row, "digest": c_digest, "start": c_start, "end": c_end,
                                     "text": c_text, "kind": c_kind, "boilerplate_kind": c_bk}
    units = _units_table(docs, seg.name, columns, c_attr if attribute is not None else None)
    return units, _rejects_frame(rejects)


def _empty_reject(doc_id: str | None, source: Any, source_row: Any, text: str | None, n_units: int) -> dict[str, Any]:
    """The reject of a document with no content: an empty text, or one whose ``n_units`` units are all boilerplate."""
    if text is None or not text.strip():
        return _reject("empty_text", doc_id, source, source_row, "the document text is empty")
    return _reject("no_content_units", doc_id, source, source_row, f"all {n_units} unit(s) are boilerplate")


def _segment_compiled(compiled: Any, docs: pl.DataFrame, seg_name: str, langs: list[Any], sources: list[Any],
                      rows: list[Any], attribute: AttributeFn | None) -> tuple[pa.Table, pl.DataFrame]:
    """:func:`segment_arrow` with the compiled rule segmenter (``native``): the batch in one call that also computes
    the ids (in C), positions and links, and the table built from its buffers."""
    doc_ids = docs["doc_id"].cast(pl.String).to_list()
    texts = docs["text"].to_list()
    batch_attr = _attribute_batch_fn() if attribute is not None else None
    cols = compiled.segment_docs(doc_ids, texts, langs, attribute is not None and batch_attr is None)
    rejects = [
        _empty_reject(doc_ids[i], sources[i], rows[i], texts[i], n_units)
        for i, (n_units, n_boiler) in enumerate(zip(cols["n_units"], cols["n_boilerplate"], strict=True))
        if n_boiler == n_units
    ]
    n = cols["n"]
    arrays: dict[str, pa.Array] = {
        name: _arrow_strings(n, cols[name])
        for name in ("unit_id", "doc_id", "text", "boilerplate_kind", "prev_unit_id", "next_unit_id")}
    arrays["kind"] = _KIND_ARRAY.take(_fixed(pa.uint8(), n, cols["kind"]))
    valid, data = cols["position"]
    arrays["position"] = _fixed(pa.int32(), n, data, valid)
    arrays["start"] = _fixed(pa.int64(), n, cols["start"])
    arrays["end"] = _fixed(pa.int64(), n, cols["end"])
    if batch_attr is not None:  # the compiled attribution reads the columns and writes the claim columns' buffers
        arrays |= _claim_buffers(n, batch_attr(texts, langs, cols["n_units"], cols["start"], cols["end"], cols["kind"],
                                               KINDS))
    elif attribute is None:
        arrays |= _claims_of(n, None)
    else:
        attrs: list[Any] = []
        for i, raw in enumerate(cols["tuples"]):
            if raw:
                attrs += attribute(texts[i], raw, langs[i])
        arrays |= _claims_of(n, attrs)
    arrays["segmenter"] = _repeated(seg_name, n)
    return _checked(arrays), _rejects_frame(rejects)


_POLARS_UNITS = UNITS.polars_schema()


@functools.cache
def _arrow_units() -> pa.Schema:
    """UNITS.arrow_schema(), made at first use, not at import: it runs a polars conversion, which starts polars'
    thread pool, and the segment workers' fork server imports this module. A pool started there is not in the
    forked workers (fork copies one thread), and their first parallel polars call would wait on it for ever."""
    return UNITS.arrow_schema()


# Arrow arrays are made from buffers here, never with pa.array or pa.scalar: those import pandas (when it is
# installed) to check their argument, ~0.2 s in each segment worker or in their fork server.


def _fixed(kind: pa.DataType, n: int, data: Any, validity: Any = None) -> pa.Array:
    """``n`` fixed-width values from a buffer (bytes, ``array``, numpy), with a validity bitmap or none (no nulls)."""
    return pa.Array.from_buffers(kind, n, [_buffer(validity), pa.py_buffer(data)])


def _bools(flags: np.ndarray) -> pa.Array:
    return _fixed(pa.bool_(), len(flags), np.packbits(flags, bitorder="little"))


def _strings(values: Sequence[str]) -> pa.Array:
    """A ``large_string`` array of ``values`` (no nulls)."""
    encoded = [v.encode() for v in values]
    offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
    np.cumsum([len(b) for b in encoded], out=offsets[1:])
    return pa.Array.from_buffers(pa.large_string(), len(encoded), [None, pa.py_buffer(offsets),
                                                                   pa.py_buffer(b"".join(encoded))])


def _repeated(value: str, n: int) -> pa.Array:
    """A ``large_string`` array of ``n`` copies of ``value``."""
    data = value.encode()
    offsets = np.arange(n + 1, dtype=np.int64) * len(data)
    return pa.Array.from_buffers(pa.large_string(), n, [None, pa.py_buffer(offsets), pa.py_buffer(data * n)])


_KIND_ARRAY = _strings(KINDS)


def _claim_arrays(n: int, idx: np.ndarray, fields: Mapping[str, list[Any]]) -> dict[str, pa.Array]:
    """is_claim and the claim fields of ``n`` units, of which those at ``idx`` are claim units with the values
    ``fields[f]`` (a minority of the units): each field scattered into an all-null column (in polars, which makes
    columns of Python values twice as fast as pyarrow)."""
    flags = np.zeros(n, dtype=bool)
    flags[idx] = True
    out = {"is_claim": _bools(flags)}
    for f in _CLAIM_FIELDS:
        if not len(idx):
            out[f] = pa.nulls(n, _arrow_units().field(f).type)
            continue
        dtype = _POLARS_UNITS[f]
        col = pl.Series([None], dtype=dtype).new_from_index(0, n)
        col.scatter(idx, pl.Series(fields[f], dtype=dtype))
        out[f] = col.to_arrow()
    return out


def _claim_buffers(n: int, buffers: Mapping[str, Any]) -> dict[str, pa.Array]:
    """The claim columns from the buffers ``_attr_native.attribute_batch`` writes: is_claim's bitmap; per field, its
    validity and either (text) int64 offsets and UTF-8 data or int64 values."""
    out = {"is_claim": _fixed(pa.bool_(), n, buffers["is_claim"])}
    for f in _CLAIM_FIELDS:
        validity, *data = buffers[f]
        if len(data) == 2:
            out[f] = _arrow_strings(n, (validity, data[0], data[1]))
        else:
            out[f] = _fixed(pa.int64(), n, data[0], validity)
    return out


def _claims_of(n: int, attrs: list[Any] | None) -> dict[str, pa.Array]:
    """:func:`_claim_arrays` from one attribution (or None) per unit, as ``attribute`` gives them; ``attrs`` None
    (no attribution): no claim units."""
    rows = attrs or []
    claim = [j for j, a in enumerate(rows) if a is not None and a.is_claim]
    fields = {f: [rows[j][k] for j in claim] for k, f in enumerate(_CLAIM_FIELDS, start=1)}
    return _claim_arrays(n, np.array(claim, dtype=np.int64), fields)


def _checked(arrays: Mapping[str, Any]) -> pa.Table:
    """The UNITS table of these columns, conformed only when it has something to report (a null doc id, duplicate
    unit ids), so the error is the usual one."""
    schema = _arrow_units()
    units = pa.Table.from_arrays([arrays[f.name] for f in schema], schema=schema)
    if units.column("doc_id").null_count or pl.Series(units.column("unit_id")).n_unique() != units.num_rows:
        frame = pl.from_arrow(units)
        assert isinstance(frame, pl.DataFrame)
        return conform(frame, UNITS).to_arrow().cast(schema)
    return units


def _buffer(data: Any) -> pa.Buffer | None:
    return None if data is None else pa.py_buffer(data)


def _arrow_strings(n: int, buffers: tuple[bytes | None, bytes, bytes]) -> pa.Array:
    """A ``large_string`` column of ``n`` values from its buffers ``(validity or None, offsets, data)``."""
    validity, offsets, data = buffers
    return pa.Array.from_buffers(pa.large_string(), n, [_buffer(validity), pa.py_buffer(offsets), pa.py_buffer(data)])


def _rejects_frame(rejects: list[dict[str, Any]]) -> pl.DataFrame:
    return pl.DataFrame(rejects, schema=REJECTS.polars_schema()) if rejects else REJECTS.empty()


def _units_table(docs: pl.DataFrame, seg_name: str, columns: dict[str, list[Any]],
                 attrs: list[Any] | None) -> pa.Table:
    """The UNITS table from the per-unit columns: one DataFrame build; ids, links and constants computed natively.

    Units are in document order, so the previous content unit of the same document is found by filling the ids of
    content units forward (next: backward) and checking the document row.
    """
    schema = UNITS.polars_schema()
    row = pl.col("__row")
    content = pl.col("kind") != "boilerplate"
    crow = pl.when(content).then(row)
    cid = pl.when(content).then(pl.col("unit_id"))
    n_content = content.cast(pl.Int32).cum_sum()  # content units up to and including this one (whole batch)
    first = pl.when(row != row.shift(1, fill_value=-1)).then(n_content - content.cast(pl.Int32)).forward_fill()
    ids = unit_ids_from_digests(pl.Series(columns["digest"], dtype=pl.Binary)).alias("unit_id")
    frame = pl.DataFrame(
        [
            pl.Series("__row", columns["row"], dtype=pl.UInt32),
            ids,
            pl.Series("start", columns["start"], dtype=schema["start"]),
            pl.Series("end", columns["end"], dtype=schema["end"]),
            pl.Series("text", columns["text"], dtype=pl.String),
            pl.Series("kind", columns["kind"], dtype=pl.String),
            pl.Series("boilerplate_kind", columns["boilerplate_kind"], dtype=pl.String),
        ]
    )
    frame = frame.with_columns(
        docs["doc_id"].cast(pl.String).gather(frame["__row"]).alias("doc_id"),
    ).with_columns(
        pl.when(content).then(n_content - 1 - first).cast(schema["position"]).alias("position"),
        pl.when(content & (crow.shift(1).forward_fill() == row)).then(cid.shift(1).forward_fill())
        .alias("prev_unit_id"),
        pl.when(content & (crow.shift(-1).backward_fill() == row)).then(cid.shift(-1).backward_fill())
        .alias("next_unit_id"),
        pl.lit(seg_name, dtype=pl.String).alias("segmenter"),
    )
    table = frame.drop("__row").to_arrow()
    return _checked({name: table.column(name) for name in table.column_names} | _claims_of(frame.height, attrs))
