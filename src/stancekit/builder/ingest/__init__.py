"""Ingest: read articles from files and datasets into the ``documents`` table."""

from stancekit.builder.ingest.dates import BadDate, check_date_format, parse_date
from stancekit.builder.ingest.documents import AUTO_COLUMNS, Mapping, resolve_mapping, to_documents
from stancekit.builder.ingest.encoding import decode_bytes, detect_encoding, normalise_newlines
from stancekit.builder.ingest.lang import detect_lang
from stancekit.builder.ingest.readers import Batch, expand, read_source

__all__ = [
    "AUTO_COLUMNS",
    "BadDate",
    "Batch",
    "Mapping",
    "check_date_format",
    "decode_bytes",
    "detect_encoding",
    "detect_lang",
    "expand",
    "normalise_newlines",
    "parse_date",
    "read_source",
    "resolve_mapping",
    "to_documents",
]
