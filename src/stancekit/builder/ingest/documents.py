"""Raw records -> rows of the ``documents`` table (one batch at a time; no global state)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import polars as pl

from stancekit.builder.ingest.dates import BadDate, parse_date
from stancekit.builder.ingest.encoding import normalise_newlines
from stancekit.builder.ingest.lang import UNDETERMINED, detect_lang, lang_code, lang_problem
from stancekit.builder.ingest.readers import ROW
from stancekit.errors import InputError
from stancekit.ids import content_hash, doc_id_from_text
from stancekit.schemas import DOCUMENTS

# column role -> names tried, in order, when the user names no column
AUTO_COLUMNS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "article_text"),
    "id": ("doc_id", "id"),
    "title": ("title", "headline"),
    "date": ("published_at", "date", "published", "publish_date", "datetime"),
    "url": ("url", "link"),
    "outlet": ("outlet", "source_name", "site", "publisher"),
    "lang": ("lang", "language"),
    "license": ("license", "licence"),
}


@dataclass(frozen=True)
class Mapping:
    """Which input column plays which role (None: absent).

    ``fallbacks``: for a role whose column was found by name (not named by the user), the other known names present,
    tried in order for a row whose first column is empty: JSON Lines rows differ (one has ``text``, the next
    ``body``). The id never falls back (an id column is all or nothing).
    """

    text: str
    id: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    outlet: str | None = None
    lang: str | None = None
    license: str | None = None
    fallbacks: dict[str, tuple[str, ...]] = field(default_factory=dict)
    text_named: bool = False  # the user named the text column

    def pick(self, rec: dict[str, Any], role: str) -> tuple[str | None, str | None]:
        """(the row's non-blank value for ``role``, the column it came from); (None, first column) when none."""
        first = getattr(self, role)
        for col in (first, *self.fallbacks.get(role, ())):
            v = _get(rec, col)
            if v is not None:
                return v, col
        return None, first


def resolve_mapping(columns: list[str], explicit: dict[str, str | None], where: str) -> Mapping:
    """Map roles to columns: the user's choice (checked) or the first known name present."""
    chosen: dict[str, str | None] = {}
    fallbacks: dict[str, tuple[str, ...]] = {}
    for role, names in AUTO_COLUMNS.items():
        col = explicit.get(role)
        if col is not None:
            if col not in columns:
                have = ", ".join(c for c in columns if c != ROW)
                raise InputError(f"{where}: no column {col!r} (--{role}-column); columns are: {have}")
            chosen[role] = col
        else:
            present = [n for n in names if n in columns]
            chosen[role] = present[0] if present else None
            if role != "id" and len(present) > 1:
                fallbacks[role] = tuple(present[1:])
    if chosen["text"] is None:
        raise InputError(
            f"{where}: no text column found; name it with --text-column (columns are: "
            f"{', '.join(c for c in columns if c != ROW)})"
        )
    return Mapping(**chosen, fallbacks=fallbacks, text_named=explicit.get("text") is not None)  # type: ignore[arg-type]


def _get(row: dict[str, Any], col: str | None) -> str | None:
    if col is None:
        return None
    v = row.get(col)
    if v is None:
        return None
    s = str(v)
    return s if s.strip() else None


def _no_text(mapping: Mapping) -> str:
    if mapping.text_named:
        return f"the text is empty (column {mapping.text!r}, named with --text-column)"
    looked = ", ".join(AUTO_COLUMNS["text"])
    return f"the text is empty or missing (looked for the fields {looked}); name the field with --text-column"


def _row_lang(
    rec: dict[str, Any], mapping: Mapping, default_lang: str | None, where: str, doc_id: str, src_row: int | None,
    text: str, warnings: list[dict[str, Any]],
) -> str:
    """The row's language code, else ``default_lang``, else the one detected from the text; a warning when the row
    gave a value that is not a code."""
    given, col = mapping.pick(rec, "lang")
    code = lang_code(given)
    if code is not None:
        return code
    fallback = default_lang or detect_lang(text)
    if given is not None and given.strip().lower() != UNDETERMINED:
        how = "[ingest] default_lang" if default_lang else "detected from its text"
        warnings.append(
            {
                "reason": "bad_lang",
                "key": doc_id,
                "source_row": src_row,
                "detail": f"{where}: {col} {lang_problem(given)}; the document is kept with language "
                f"{fallback!r} ({how})",
            }
        )
    return fallback


def to_documents(
    raw: pl.DataFrame,
    *,
    source: str,
    mapping: Mapping,
    lang: str | None = None,
    default_lang: str | None = None,
    outlet: str | None = None,
    license: str | None = None,
    date_format: str | None = None,
) -> tuple[pl.DataFrame, list[dict[str, Any]], list[dict[str, Any]]]:
    """Map one batch of raw records to documents rows; returns (documents, rejects, warnings).

    ``doc_id`` is the id column's value verbatim when there is one, else a hash of the text. Duplicates are not
    handled here (that needs the whole corpus: the pipeline does it). A warning is a row kept with a value that
    could not be used (an unreadable date becomes ``published_at = null``; a language value that is not an ISO
    639-1 code is replaced by ``default_lang`` or the detected language); it names the row, column and value.
    ``lang`` (the whole source's language) wins over a language column; ``default_lang`` is for rows without a
    usable one. Both are ISO 639-1 codes already checked by the caller (``lang.check_lang``).
    """
    rows: list[dict[str, Any]] = []
    rejects: list[dict[str, Any]] = []
    warnings: list[dict[str, Any]] = []
    for rec in raw.iter_rows(named=True):
        src_row = rec.get(ROW)
        where = f"{source}" + (f" row {src_row}" if src_row else "")
        text_v, _ = mapping.pick(rec, "text")
        text = normalise_newlines(text_v) if text_v is not None else ""
        if not text.strip():
            rejects.append({"reason": "empty_text", "source_row": src_row, "detail": f"{where}: {_no_text(mapping)}"})
            continue
        given_id = _get(rec, mapping.id)
        if mapping.id is not None and given_id is None:
            rejects.append(
                {
                    "reason": "missing_id",
                    "source_row": src_row,
                    "detail": f"{source} row {src_row}: column {mapping.id!r} is empty",
                }
            )
            continue
        doc_id = given_id.strip() if given_id else doc_id_from_text(text)
        raw_date, date_col = mapping.pick(rec, "date")
        try:
            published = parse_date(raw_date, date_format)
        except BadDate as exc:
            published = None
            warnings.append(
                {
                    "reason": "bad_date",
                    "key": doc_id,
                    "source_row": src_row,
                    "detail": f"{where}: {date_col} {raw_date!r} {exc}; the document is kept without a date",
                }
            )
        doc_lang = lang or _row_lang(rec, mapping, default_lang, where, doc_id, src_row, text, warnings)
        title = mapping.pick(rec, "title")[0]
        rows.append(
            {
                "doc_id": doc_id,
                "source": source,
                "source_row": src_row,
                "title": normalise_newlines(title).strip() if title else None,
                "text": text,
                "lang": doc_lang,
                "published_at": published,
                "url": mapping.pick(rec, "url")[0],
                "outlet": outlet or mapping.pick(rec, "outlet")[0],
                "license": license or mapping.pick(rec, "license")[0],
                "content_hash": content_hash(text),
                "duplicate_of": None,
            }
        )
    docs = pl.DataFrame(rows, schema=DOCUMENTS.polars_schema()) if rows else DOCUMENTS.empty()
    return docs, rejects, warnings
