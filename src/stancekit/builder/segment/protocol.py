"""The segmenter plug-in point: a ``Segmenter`` cuts one document into ``UnitSpan``s that tile its text.

Rules 1-5 of ``docs/claim-units.md``: units are code-point spans ``[start, end)`` of the document text with no outer
whitespace, only whitespace between them; each has a ``kind`` (title, heading, body, boilerplate) and, for
boilerplate, a ``boilerplate_kind`` (dateline, byline, caption, read_also, share, footer, ...).
"""

from __future__ import annotations

from typing import Literal, NamedTuple, Protocol, runtime_checkable

UnitKind = Literal["title", "heading", "body", "boilerplate"]
KINDS: tuple[str, ...] = ("title", "heading", "body", "boilerplate")
BOILERPLATE_KINDS: tuple[str, ...] = (
    "dateline",
    "byline",
    "caption",
    "read_also",
    "share",
    "footer",
    "navigation",
    "label",
    "credit",
)


UnitTuple = tuple[int, int, str, "str | None"]  # (start, end, kind, boilerplate_kind): a UnitSpan or a plain tuple


class UnitSpan(NamedTuple):
    """One unit of a document: ``text[start:end]``, end exclusive, code-point offsets."""

    start: int
    end: int
    kind: str = "body"
    boilerplate_kind: str | None = None

    @property
    def is_content(self) -> bool:
        return self.kind != "boilerplate"


@runtime_checkable
class Segmenter(Protocol):
    """Cuts a document into units. ``name`` is versioned (``"rules.v2"``) and recorded in every unit."""

    name: str

    def segment(self, doc_id: str, text: str, lang: str) -> list[UnitSpan]:
        """Units of ``text`` in order; they tile it (only whitespace between or around them)."""
        ...
