"""The built-in rule segmenter (``rules.v1``): layout first, then sentences.

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

from stancekit.builder.segment.boilerplate import classify_line, dateline_prefix, known_agency_dateline
from stancekit.builder.segment.boundary_words import (
    AR_CONTINUE_END,
    AR_CONTINUE_START,
    AR_STARTERS,
    EN_CONTINUE_END,
    EN_STARTERS,
)
from stancekit.builder.segment.protocol import UnitSpan
from stancekit.builder.segment.sentences import ends_sentence, split_sentences

_LINE = re.compile(r"\S[^\n]*")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_EDGE_PUNCT = "\"“”«»'‘’()[]{}.,!?؟،:;؛…-–—*•"
_QUOTES = "\"“”«»"
_TITLE_MAX_WORDS = 30
_HEADING_MAX_WORDS = {"ar": 12, "en": 14}
_SHORT_LINE_WORDS = 8


def _first_word(s: str) -> str:
    i = s.find(" ")
    return (s if i < 0 else s[:i]).strip(_EDGE_PUNCT)


def _last_word(s: str) -> str:
    i = s.rfind(" ")
    return s[i + 1 :].strip(_EDGE_PUNCT)


def continues(a: str, b: str, arabic: bool) -> bool:
    """Is line ``b`` the continuation of line ``a`` (which does not end a sentence)? Rule 4."""
    end, b0 = a[-1], b[0]
    if end in ",،;؛(–—-":
        return True
    if end == ":" or end == "：":
        return b0 in _QUOTES or b0 in "-–—"
    if b0 in ".,،;؛:!?؟…)]":
        return True
    if b0 in "”»" and (len(b) == 1 or not b[1].isalpha()):
        return True
    if b0 == '"' and sum(a.count(q) for q in '"“”') % 2 == 1:
        return True
    a_word, b_word = _last_word(a), _first_word(b)
    if not arabic or not _ARABIC.search(b[:40]):
        if b0.islower():
            return True
        if a_word.lower() in EN_CONTINUE_END:
            return True
        return (
            a.count(" ") >= _SHORT_LINE_WORDS
            and a_word[:1].isupper()
            and b_word[:1].isupper()
            and b_word not in EN_STARTERS
            and not b_word.isupper()
        )
    if a_word in AR_CONTINUE_END or b_word in AR_CONTINUE_START:
        return True
    if sum(a.count(q) for q in '"“”') % 2 == 1 or a.count("«") > a.count("»"):
        return True  # the line break falls inside an open quotation
    if a.count(" ") < _SHORT_LINE_WORDS:
        return False  # a short line without final punctuation: a heading or a caption-like line
    if b_word in AR_STARTERS or b0 in _QUOTES:
        return False
    # وأكد، ويتوقع ...: the conjunction + a verb starts a new sentence (the line lacks its final period)
    return not (b_word.startswith(("وأ", "وا", "وي", "وت")) and not b_word.startswith(("وال", "وأن", "وإن", "وان")))


class RuleSegmenter:
    """Arabic and English news: layout rules + a boundary scanner. See the module docstring."""

    name = "rules.v1"

    def segment(self, doc_id: str, text: str, lang: str) -> list[UnitSpan]:
        return segment_text(text, lang)


def _lines(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, blank_line_before) of every non-empty line, stripped."""
    out: list[tuple[int, int, bool]] = []
    prev = 0
    for m in _LINE.finditer(text):
        s, e = m.start(), m.end()
        while text[e - 1].isspace():
            e -= 1
        out.append((s, e, not out or text.count("\n", prev, s) >= 2))
        prev = e
    return out


def _is_title(line: str, arabic: bool) -> bool:
    if line.count(" ") >= _TITLE_MAX_WORDS:
        return False
    if line[-1] == ":" or line[-1] == ",":
        return False
    if ends_sentence(line) and line.rstrip(_EDGE_PUNCT[:9] + " ")[-1:] == ".":
        return False  # a headline has no final period
    return len(split_sentences(line, 0, len(line), "ar" if arabic else "en")) == 1


_PAREN_END = re.compile(r"\(([^()]{1,40})\)$")


def _is_link_line(line: str) -> bool:
    """A line of a "read also" list: a bullet, or a short line without final punctuation."""
    return line[0] in "-–•*►▶»" or (line.count(" ") < 20 and not ends_sentence(line))


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
    arabic = lang == "ar" or (lang not in ("en",) and bool(_ARABIC.search(text, 0, 4000)))
    slang = "ar" if arabic else "en"
    heading_max = _HEADING_MAX_WORDS[slang]
    units: list[UnitSpan] = []
    lines = _lines(text)
    block: list[tuple[int, int]] = []
    state = {"content": False, "body": False}

    def flush() -> None:
        if not block:
            return
        seg_start, seg_end = block[0]
        for i in range(1, len(block) + 1):
            if i < len(block):
                a = text[block[i - 1][0] : block[i - 1][1]]
                b = text[block[i][0] : block[i][1]]
                if ends_sentence(a) or continues(a, b, arabic):
                    seg_end = block[i][1]
                    continue
            _emit_segment(seg_start, seg_end, single=(seg_start, seg_end) in block)
            if i < len(block):
                seg_start, seg_end = block[i]
        block.clear()

    def _emit_segment(s: int, e: int, single: bool) -> None:
        spans = split_sentences(text, s, e, slang)
        if (
            single
            and len(spans) == 1
            and text.count(" ", s, e) < heading_max
            and not ends_sentence(text[s:e])
            and text[e - 1] not in ":,،"
        ):
            units.append(UnitSpan(s, e, "heading"))
            return
        for a, b in spans:
            units.append(UnitSpan(a, b, "body"))
        state["body"] = True
        state["content"] = True

    list_kind: str | None = None  # a "read also:" header is followed by its list of links
    for idx, (s, e, blank) in enumerate(lines):
        line = text[s:e]
        kind = classify_line(line)
        if kind is None and list_kind is not None and not blank and _is_link_line(line):
            kind = list_kind
        if kind is None and state["content"] and _is_caption_like(line):
            kind = "caption"
        list_kind = kind if kind == "read_also" and (line[-1] in ":：" or line.count(" ") < 3) else (
            list_kind if kind == list_kind and kind is not None else None)
        if kind is not None:
            flush()
            units.append(UnitSpan(s, e, "boilerplate", kind))
            continue
        if blank:
            flush()
        if not state["content"] and not block:
            if arabic and known_agency_dateline(line):
                units.append(UnitSpan(s, e, "boilerplate", "dateline"))
                continue
            nxt = lines[idx + 1] if idx + 1 < len(lines) else None
            joined = False
            if nxt is not None and not nxt[2] and not ends_sentence(line):
                nline = text[nxt[0] : nxt[1]]
                joined = (
                    classify_line(nline) is None
                    and not dateline_prefix(nline, slang)
                    and continues(line, nline, arabic)
                )
            if _is_title(line, arabic) and not joined and not dateline_prefix(line, slang):
                units.append(UnitSpan(s, e, "title"))
                state["content"] = True
                continue
        if not state["body"] and not block:
            n = dateline_prefix(line, slang)
            if n:
                d_end = s + n
                while d_end > s and text[d_end - 1].isspace():
                    d_end -= 1
                units.append(UnitSpan(s, d_end, "boilerplate", "dateline"))
                s += n
                while s < e and text[s].isspace():
                    s += 1
                if s >= e:
                    continue
        block.append((s, e))
    flush()
    return units
