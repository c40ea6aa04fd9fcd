"""The segment stage's batch function: documents -> units (+ rejects).

``segment_batch`` is a pure function of one batch of documents and its options (DESIGN.md, "the shape of a stage").
It cuts each document with a :class:`Segmenter`, links content units (``position``, ``prev_unit_id``,
``next_unit_id``; boilerplate is skipped), and fills the claim columns with ``attribution.attribute`` when that module
is available (else ``is_claim`` is False and the claim fields are null).

:func:`segment_arrow` is the same on Arrow: it takes a record batch (or a polars frame) and gives the units as an
Arrow table, the rejects (None when there are none) and the batch's counts. With the compiled segmenter it does not
use polars at all, so a ``stancekit segment`` worker never imports it (the Python rules still build frames).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pyarrow as pa

from stancekit.builder.segment import native
from stancekit.builder.segment.protocol import KINDS, Segmenter, UnitTuple
from stancekit.builder.segment.registry import segmenter_name
from stancekit.builder.segment.rules import RuleSegmenter
from stancekit.errors import InputError
from stancekit.ids import unit_id_digests, unit_ids_from_digests
from stancekit.io import as_frame, is_string_type
from stancekit.schemas import REJECTS, UNITS, conform

if TYPE_CHECKING:
    import polars as pl

Docs = Any  # a batch of documents: a polars DataFrame, or an Arrow RecordBatch or Table

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
    units, rejects, _counts = segment_arrow(docs, segmenter=segmenter, claims=claims)
    return as_frame(units), REJECTS.empty() if rejects is None else as_frame(rejects)


def segment_arrow(
    docs: Docs, *, segmenter: str = "rules", claims: bool = True
) -> tuple[pa.Table, pa.Table | pl.DataFrame | None, dict[str, int]]:
    """:func:`segment_batch` for the engine: ``docs`` a polars frame or an Arrow record batch (or table); returns the
    units as an Arrow table (UNITS.arrow_schema()), the rejects (an Arrow table; None when there are none) and the
    counts of :func:`unit_counts`. The compiled segmenter's columns become the table without a round trip through
    polars (~5% of a segment worker), and a batch given as Arrow is read as Arrow: no polars at all on that path."""
    arrow = isinstance(docs, (pa.RecordBatch, pa.Table))
    names = docs.schema.names if arrow else docs.columns
    missing = [c for c in ("doc_id", "text") if c not in names]
    if missing:
        raise InputError(f"documents batch: missing column(s) {', '.join(missing)}; run `stancekit ingest` first")
    seg = get_segmenter(segmenter)
    attribute = _attribute_fn() if claims else None
    compiled = native.load() if isinstance(seg, RuleSegmenter) else None
    if arrow and (compiled is None or not is_string_type(docs.schema.field("doc_id").type)):
        docs, arrow = as_frame(docs), False  # (the Python segmenters build frames; a doc_id that is no text is cast)
    n = docs.num_rows if arrow else docs.height

    def values(name: str) -> list[Any]:
        return (docs.column(name).to_pylist() if arrow else docs[name].to_list()) if name in names else [None] * n

    langs = [lang or "und" for lang in values("lang")]
    sources = values("source")
    rows = values("source_row")
    if compiled is not None:
        doc_ids = values("doc_id") if arrow else docs["doc_id"].cast(str).to_list()
        return _segment_compiled(compiled, doc_ids, values("text"), seg.name, langs, sources, rows, attribute)
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

    for i, (doc_id, text) in enumerate(zip(docs["doc_id"].to_list(), values("text"), strict=True)):
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
    claim = np.zeros(len(c_kind), dtype=bool) if attribute is None else np.array(
        [a is not None and a.is_claim for a in c_attr], dtype=bool)
    codes = np.array([_KIND_CODES[k] for k in c_kind], dtype=np.uint8)
    return units, _rejects_table(rejects), unit_counts(codes, claim)


_KIND_CODES = {k: i for i, k in enumerate(KINDS)}


def unit_counts(kinds: np.ndarray, claim: np.ndarray) -> dict[str, int]:
    """A batch's counts for the stage's summary, from its units' kind codes (indices into ``KINDS``) and claim
    flags: ``kind:<kind>`` units of each kind present, ``claim_units``. The engine sums them over the batches."""
    units = np.bincount(kinds, minlength=len(KINDS))
    out = {f"kind:{k}": int(c) for k, c in zip(KINDS, units, strict=False) if c}
    out["claim_units"] = int(np.count_nonzero(claim))
    return out


def _empty_reject(doc_id: str | None, source: Any, source_row: Any, text: str | None, n_units: int) -> dict[str, Any]:
    """The reject of a document with no content: an empty text, or one whose ``n_units`` units are all boilerplate."""
    if text is None or not text.strip():
        return _reject("empty_text", doc_id, source, source_row, "the document text is empty")
    return _reject("no_content_units", doc_id, source, source_row, f"all {n_units} unit(s) are boilerplate")


def _segment_compiled(compiled: Any, doc_ids: list[Any], texts: list[Any], seg_name: str, langs: list[Any],
                      sources: list[Any], rows: list[Any], attribute: AttributeFn | None
                      ) -> tuple[pa.Table, pa.Table | pl.DataFrame | None, dict[str, int]]:
    """:func:`segment_arrow` with the compiled rule segmenter (``native``): the batch in one call that also computes
    the ids (in C), positions and links, and the table built from its buffers."""
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
    kinds = np.frombuffer(cols["kind"], dtype=np.uint8, count=n)
    arrays["kind"] = _kinds(kinds)
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
    bits = arrays["is_claim"].buffers()[1]  # (made here from buffers: no offset, no validity)
    claim = np.unpackbits(np.frombuffer(bits, dtype=np.uint8), count=n, bitorder="little").view(bool) if n else (
        np.zeros(0, dtype=bool))
    counts = unit_counts(kinds, claim)
    return _checked(arrays, cols["unit_id"]), _rejects_table(rejects), counts


_UNITS_ARROW = UNITS.arrow_schema()


# Arrow arrays are made from buffers here, never with pa.array or pa.scalar: those import pandas (when it is
# installed) to check their argument, ~0.2 s in each segment worker or in their fork server.


def _fixed(kind: pa.DataType, n: int, data: Any, validity: Any = None) -> pa.Array:
    """``n`` fixed-width values from a buffer (bytes, ``array``, numpy), with a validity bitmap or none (no nulls)."""
    return pa.Array.from_buffers(kind, n, [_buffer(validity), pa.py_buffer(data)])


def _bools(flags: np.ndarray) -> pa.Array:
    return _fixed(pa.bool_(), len(flags), np.packbits(flags, bitorder="little"))


def _string_array(lengths: Any, data: Any, validity: Any = None) -> pa.Array:
    """A ``large_string`` array of values of these UTF-8 ``lengths``, one after another in ``data`` (a null: length
    0 and its bit clear in ``validity``; None: no nulls)."""
    offsets = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    return pa.Array.from_buffers(pa.large_string(), len(lengths), [_buffer(validity), pa.py_buffer(offsets),
                                                                   pa.py_buffer(data)])


def _repeated(value: str, n: int) -> pa.Array:
    """A ``large_string`` array of ``n`` copies of ``value``."""
    data = value.encode()
    offsets = np.arange(n + 1, dtype=np.int64) * len(data)
    return pa.Array.from_buffers(pa.large_string(), n, [None, pa.py_buffer(offsets), pa.py_buffer(data * n)])


_KIND_UTF8 = [k.encode() for k in KINDS]
_KIND_LENGTHS = np.array([len(b) for b in _KIND_UTF8], dtype=np.int64)
_KIND_BYTES = np.array([list(b.ljust(max(_KIND_LENGTHS), b"\0")) for b in _KIND_UTF8], dtype=np.uint8)
_KIND_USED = np.arange(_KIND_BYTES.shape[1]) < _KIND_LENGTHS[:, None]  # which bytes of each row are the kind's


def _kinds(codes: np.ndarray) -> pa.Array:
    """The kind column from the units' kind codes (indices into ``KINDS``), made with numpy: Arrow's ``take`` would
    import pyarrow.compute (~40 ms) into each segment worker's fork server for this alone."""
    return _string_array(_KIND_LENGTHS[codes], _KIND_BYTES[codes][_KIND_USED[codes]].tobytes())


def _claim_arrays(n: int, idx: np.ndarray, fields: Mapping[str, list[Any]]) -> dict[str, pa.Array]:
    """is_claim and the claim fields of ``n`` units, of which those at ``idx`` are claim units with the values
    ``fields[f]`` (a minority of the units): each field scattered into an all-null column (in polars, which makes
    columns of Python values twice as fast as pyarrow)."""
    flags = np.zeros(n, dtype=bool)
    flags[idx] = True
    out = {"is_claim": _bools(flags)}
    for f in _CLAIM_FIELDS:
        if not len(idx):
            out[f] = pa.nulls(n, _UNITS_ARROW.field(f).type)
            continue
        import polars as pl

        dtype = UNITS.column(f).dtype
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


def _checked(arrays: Mapping[str, Any], id_buffers: tuple[Any, Any, Any] | None = None) -> pa.Table:
    """The UNITS table of these columns, conformed only when it has something to report (a null doc id, duplicate
    unit ids), so the error is the usual one. ``id_buffers``: the unit id column's buffers, when it was made from
    them (the compiled segmenter's: 16 ASCII bytes each), to check the ids without polars."""
    schema = _UNITS_ARROW
    units = pa.Table.from_arrays([arrays[f.name] for f in schema], schema=schema)
    if units.column("doc_id").null_count or not _distinct_ids(units, id_buffers):
        return conform(as_frame(units), UNITS).to_arrow().cast(schema)
    return units


def _distinct_ids(units: pa.Table, id_buffers: tuple[Any, Any, Any] | None) -> bool:
    """Are the unit ids all different? For ids of 16 bytes each with no nulls (the compiled segmenter's), a sort of
    one 64-bit mix of each id's two halves: equal ids have equal mixes, so a batch without a repeated mix has no
    repeated id (~0.8 ms for 20,000 units), and one with a repeat goes to polars, which tells a repeated id from
    two ids that only mix the same. Else polars counts them."""
    n = units.num_rows
    if id_buffers is not None and id_buffers[0] is None and memoryview(id_buffers[2]).nbytes == 16 * n:
        halves = np.frombuffer(id_buffers[2], dtype=np.uint64).reshape(n, 2)
        if np.unique(halves[:, 0] * np.uint64(0x9E3779B97F4A7C15) ^ halves[:, 1]).size == n:
            return True
    import polars as pl

    return bool(pl.Series(units.column("unit_id")).n_unique() == n)


def _buffer(data: Any) -> pa.Buffer | None:
    return None if data is None else pa.py_buffer(data)


def _arrow_strings(n: int, buffers: tuple[bytes | None, bytes, bytes]) -> pa.Array:
    """A ``large_string`` column of ``n`` values from its buffers ``(validity or None, offsets, data)``."""
    validity, offsets, data = buffers
    return pa.Array.from_buffers(pa.large_string(), n, [_buffer(validity), pa.py_buffer(offsets), pa.py_buffer(data)])


def _rejects_table(rejects: list[dict[str, Any]]) -> pa.Table | pl.DataFrame | None:
    """The batch's rejects as an Arrow table (REJECTS.arrow_schema()), or None when there are none. Made from
    buffers: a worker that meets an empty document does not import polars for it. A value of another type than
    its column's (a source that is no text): a polars frame, which casts it as ever."""
    if not rejects:
        return None
    try:
        columns = [_nullable(c.arrow_type, [r[c.name] for r in rejects]) for c in REJECTS.columns]
    except (TypeError, OverflowError):
        import polars as pl

        return pl.DataFrame(rejects, schema=REJECTS.polars_schema())
    return pa.Table.from_arrays(columns, schema=REJECTS.arrow_schema())


def _nullable(kind: pa.DataType, values: list[Any]) -> pa.Array:
    """A ``large_string`` or ``int64`` array of ``values`` (None: null) from buffers; TypeError for a value of
    another type."""
    n = len(values)
    valid = np.array([v is not None for v in values], dtype=bool)
    validity = None if valid.all() else np.packbits(valid, bitorder="little")
    if kind == pa.int64():
        if not all(type(v) is int for v in values if v is not None):
            raise TypeError("not an int")
        return _fixed(kind, n, np.array([0 if v is None else v for v in values], dtype=np.int64), validity)
    if kind != pa.large_string() or not all(type(v) is str for v in values if v is not None):
        raise TypeError("not a str")
    encoded = [b"" if v is None else v.encode() for v in values]
    return _string_array([len(b) for b in encoded], b"".join(encoded), validity)


def _units_table(docs: pl.DataFrame, seg_name: str, columns: dict[str, list[Any]],
                 attrs: list[Any] | None) -> pa.Table:
    """The UNITS table from the per-unit columns: one DataFrame build; ids, links and constants computed natively.

    Units are in document order, so the previous content unit of the same document is found by filling the ids of
    content units forward (next: backward) and checking the document row.
    """
    import polars as pl

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
