"""The built-in rule segmenter (``rules.v2``): layout first, then sentences.

1. The text is cut into lines (stripped, non-empty) and lines into blocks (a blank line separates blocks).
2. Whole lines that are boilerplate (``boilerplate.classify_line``) become boilerplate units; before the first body
   paragraph, a dateline (a whole line, or the start of the first body line) does too; the first content line of the
   document, when it reads as a headline, is the title.
3. Inside a block, a line break ends a unit only when the line is not continued by the next one (rule 4): a line
   that ends without final punctuation is continued when it ends with a comma or a function word, or when the next
   line starts in lower case (English), with a closing quote, or (Arabic) does not clearly start a new sentence.
4. Each run of joined lines is split into sentences (``sentences.split_sentences``); a lone short line without final
   punctuation is a heading.
"""

from __future__ import annotations

import re

from stancekit.builder.segment.boilerplate import classify_line, is_bare_agency, is_name_line, label_prefix
from stancekit.builder.segment.datelines import dateline_prefix, known_agency_dateline
from stancekit.builder.segment.layout import (
    EDGE_PUNCT,
    ITEM_START,
    ORDINALS,
    SURE_BULLETS,
    continues,
    item_marker,
    list_items,
    physical_lines,
    unwrap,
)
from stancekit.builder.segment.protocol import UnitSpan
from stancekit.builder.segment.registry import SEGMENTER_NAMES
from stancekit.builder.segment.sentences import ends_sentence, ends_sentence_at, split_sentences

Unit = tuple[int, int, str, str | None]  # (start, end, kind, boilerplate_kind), as UnitSpan
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_TITLE_MAX_WORDS = 30
_HEADING_MAX_WORDS = {"ar": 12, "en": 14}
_CAPTION_MAX_WORDS = 45  # a line above a photo credit is its caption when it is no longer than this
_BY_KINDS = ("byline", "timestamp")  # a name-like line beside one of these is a byline
# the editorial labels boilerplate.label_prefix finds (a cheap test before its regex)
_LABEL_STARTS = ("Update", "UPDATE", "Breaking", "BREAKING", "Developing", "DEVELOPING", "تحديث", "عاجل", "محدث")


class RuleSegmenter:
    """Arabic and English news: layout rules + a boundary scanner. See the module docstring."""

    name = SEGMENTER_NAMES["rules"]

    def segment(self, doc_id: str, text: str, lang: str) -> list[UnitSpan]:
        return segment_text(text, lang)

    def segment_tuples(self, text: str, lang: str) -> list[Unit]:
        """The same units as plain ``(start, end, kind, boilerplate_kind)`` tuples (cheaper to build)."""
        return segment_tuples(text, lang)


def _is_title(line: str, arabic: bool) -> bool:
    return _title_test(line, arabic)[0]


def _title_test(line: str, arabic: bool) -> tuple[bool, list[tuple[int, int]] | None]:
    """Does the first content line read as a headline? Also the line's sentences when they were computed."""
    if line.count(" ") >= _TITLE_MAX_WORDS:
        return False, None
    if line[-1] == ":" or line[-1] == ",":
        return False, None
    if ends_sentence(line) and line.rstrip(EDGE_PUNCT[:9] + " ")[-1:] == ".":
        return False, None  # a headline has no final period
    sents = split_sentences(line, 0, len(line), "ar" if arabic else "en")
    return len(sents) == 1, sents


_PAREN_END = re.compile(r"\(([^()]{1,40})\)$")
_LINK_BULLETS = "-–•*►▶»"
_LINK_HEADER_MAX_SPACES = 6  # a read-also line this short (or ending with a colon) heads a list of links


def _is_link_line(line: str) -> bool:
    """A line of a "read also" list: a bullet, or a short line without final punctuation."""
    return line[0] in _LINK_BULLETS or (line.count(" ") < 20 and not ends_sentence(line))


def _is_caption_like(line: str) -> bool:
    """A photo caption with a credit: a line without final punctuation ending in a short parenthetical."""
    if line[-1] != ")" or line.count(" ") > 20:
        return False
    m = _PAREN_END.search(line)
    if m is None or m.group(1).count(" ") > 3 or m.start() == 0:
        return False
    return not ends_sentence(line[: m.start()])


def segment_text(text: str, lang: str) -> list[UnitSpan]:
    """Units of one document (see the module docstring). Empty or whitespace-only text gives no units."""
    return [UnitSpan._make(u) for u in segment_tuples(text, lang)]


def segment_tuples(text: str, lang: str) -> list[Unit]:
    """:func:`segment_text` as plain tuples."""
    arabic = lang == "ar" or (lang not in ("en",) and bool(_ARABIC.search(text, 0, 4000)))
    slang = "ar" if arabic else "en"
    heading_max = _HEADING_MAX_WORDS[slang]
    units: list[Unit] = []
    lines, wrapped = unwrap(text, physical_lines(text), slang)
    # a hard-wrapped document: its logical lines hold line breaks; line tests read them as spaces (same offsets)
    lt = text.replace("\n", " ") if wrapped else text
    texts = [lt[s:e] for s, e, _ in lines]
    kinds = [classify_line(line) for line in texts]
    # neighbour tests run only in documents that have the neighbour: a credit line, a date or byline line
    near_credit = "credit" in kinds
    near_by = "byline" in kinds or "timestamp" in kinds
    block: list[tuple[int, int]] = []
    content = body = False  # a content unit / a body sentence has been emitted
    title_split: tuple[int, list[tuple[int, int]]] | None = None  # the first line's sentences, from the title test

    def emit(s: int, e: int, single: bool, item: int = 0, head: bool = False) -> None:
        nonlocal content, body
        if item:  # a list item: body, its marker (1. / - / •) never a sentence of its own
            spans = split_sentences(text, s + item, e, slang)
            spans[0] = (s, spans[0][1])
        elif title_split is not None and title_split[0] == s and single:
            spans = [(a + s, b + s) for a, b in title_split[1]]  # the scanner only looks inside [s, e)
        else:
            spans = split_sentences(text, s, e, slang)
        if (
            single
            and not item
            and len(spans) == 1
            and lt.count(" ", s, e) < heading_max
            and (head or text[e - 1] not in ":,،")
            and not ends_sentence_at(text, s, e)
        ):
            units.append((s, e, "heading", None))
            return
        units.extend([(a, b, "body", None) for a, b in spans])
        if len(spans) > 1 and text[e - 1] == ")" and is_bare_agency(text[spans[-1][0] : e]):
            units[-1] = (spans[-1][0], e, "boilerplate", "credit")  # "... said. (AFP)": the agency credits the text
        body = content = True

    def flush() -> None:
        n = len(block)
        if n == 1:
            s, e = block[0]
            c = text[s]
            m = item_marker(lt, s, e) if c in ITEM_START or lt.startswith(ORDINALS, s) else 0
            sure = m and (c in SURE_BULLETS or c.isdigit() or "\u0660" <= c <= "\u0669")
            emit(s, e, True, m if sure else 0)
            block.clear()
            return
        items = list_items(lt, block)
        seg_start, seg_end = block[0]
        seg_item = items[0]
        single = True
        for i in range(1, n + 1):
            if i < n:
                a0, a1 = block[i - 1]
                b0, b1 = block[i]
                if not items[i] and (ends_sentence_at(text, a0, a1) or continues(lt[a0:a1], lt[b0:b1], arabic)):
                    seg_end = b1
                    single = False
                    continue
            emit(seg_start, seg_end, single, seg_item,
                 head=single and i < n and bool(items[i]) and text[seg_end - 1] in ":：")
            if i < n:
                seg_start, seg_end = block[i]
                seg_item = items[i]
                single = True
        block.clear()

    list_kind: str | None = None  # a "read also:" header is followed by its list of links
    list_marked: bool | None = None  # ... bulleted or not (decided by the first link)
    n_lines = len(lines)
    for idx, (s, e, blank) in enumerate(lines):
        line = texts[idx]
        kind = kinds[idx]
        if kind is None and list_kind is not None and not blank and _is_link_line(line):
            marked = line[0] in _LINK_BULLETS
            if list_marked is None or marked == list_marked:  # the links of a list are all bulleted or none
                kind = list_kind
                list_marked = marked
        if kind is None and content:
            if line[-1] == ")" and _is_caption_like(line):
                kind = "caption"
            elif near_credit or near_by:
                kind = _neighbour_kind(idx, line, lines, kinds, near_credit, near_by)
        if kind is not None:
            if (
                kinds[idx] == "read_also"  # a header of its own, not a link of the list
                and (line[-1] in ":：" or (line.count(" ") < _LINK_HEADER_MAX_SPACES and not ends_sentence(line)))
            ):
                list_kind, list_marked = kind, None
            elif kind != list_kind:
                list_kind = None
            if block:
                flush()
            units.append((s, e, "boilerplate", kind))
            continue
        list_kind = None
        if content and line.startswith(_LABEL_STARTS):
            n = label_prefix(line)
            if n:  # Update: / تحديث: before the text: a label unit, the text starts a new paragraph
                if block:
                    flush()
                d_end = s + n
                while text[d_end - 1].isspace():
                    d_end -= 1
                units.append((s, d_end, "boilerplate", "label"))
                s += n
                line = lt[s:e]
        if blank and block:
            flush()
        if block:
            block.append((s, e))
            continue
        dateline = -1  # dateline_prefix(line), computed once
        if not content:
            if arabic and known_agency_dateline(line):
                units.append((s, e, "boilerplate", "dateline"))
                continue
            joined = False
            if idx + 1 < n_lines and not lines[idx + 1][2] and not ends_sentence(line):
                nline = texts[idx + 1]
                joined = (
                    kinds[idx + 1] is None
                    and not dateline_prefix(nline, slang)
                    and continues(line, nline, arabic)
                )
            if not joined:
                title, sents = _title_test(line, arabic)
                if sents is not None:
                    title_split = (s, sents)
                if title:
                    dateline = dateline_prefix(line, slang)
                    if not dateline:
                        units.append((s, e, "title", None))
                        content = True
                        continue
        if not body:
            n = dateline_prefix(line, slang) if dateline < 0 else dateline
            if n:
                d_end = s + n
                while d_end > s and text[d_end - 1].isspace():
                    d_end -= 1
                units.append((s, d_end, "boilerplate", "dateline"))
                s += n
                while s < e and text[s].isspace():
                    s += 1
                if s >= e:
                    continue
        block.append((s, e))
    if block:
        flush()
    return units


def _neighbour_kind(
    idx: int, line: str, lines: list[tuple[int, int, bool]], kinds: list[str | None], near_credit: bool, near_by: bool
) -> str | None:
    """The boilerplate kind a content-looking line takes from its neighbours: a caption above a photo credit (in a
    paragraph of its own or below other boilerplate) or below one (the two alone in a paragraph), a byline for a
    person's name beside a date or byline line."""
    n_lines = len(lines)
    blank = lines[idx][2]
    if near_credit and line.count(" ") < _CAPTION_MAX_WORDS and line[-1] not in ":：,،;؛":
        if (
            (blank or kinds[idx - 1] is not None)
            and idx + 1 < n_lines
            and kinds[idx + 1] == "credit"
            and not lines[idx + 1][2]
        ):
            return "caption"  # the line just above a photo credit
        if (
            not blank
            and kinds[idx - 1] == "credit"
            and (lines[idx - 1][2] or idx < 2 or kinds[idx - 2] is not None)  # the credit opens its paragraph
            and (idx + 1 == n_lines or lines[idx + 1][2] or kinds[idx + 1] is not None)  # ... the line closes it
        ):
            return "caption"  # the line just below a photo credit, alone with it in a paragraph
    if near_by and (
        (idx + 1 < n_lines and not lines[idx + 1][2] and kinds[idx + 1] in _BY_KINDS)
        or (not blank and kinds[idx - 1] in _BY_KINDS)
    ) and is_name_line(line):
        return "byline"  # a name beside a date or byline line
    return None
