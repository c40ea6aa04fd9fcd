"""Lines of a document and how they join (rule 4 of ``docs/claim-units.md``): the physical lines, the logical lines of
a hard-wrapped text, whether a line runs on into the next one, and list items (each item a unit of its own).
"""

from __future__ import annotations

import re

from stancekit.builder.segment.boilerplate import classify_line
from stancekit.builder.segment.boundary_words import (
    AR_CONTINUE_END,
    AR_CONTINUE_START,
    AR_STARTERS,
    EN_CONTINUE_END,
    EN_STARTERS,
    MONTH_ABBREV,
    OTHER_ABBREV,
    TITLE_ABBREV,
)
from stancekit.builder.segment.datelines import dateline_prefix
from stancekit.builder.segment.sentences import ends_sentence, ends_sentence_at

Line = tuple[int, int, bool]  # (start, end, blank line before), stripped
_LINE = re.compile(r"\S(?:[^\n]*\S)?")  # a line without its outer whitespace
_ARABIC = re.compile(r"[\u0600-\u06ff]")
EDGE_PUNCT = "\"“”«»'‘’()[]{}.,!?؟،:;؛…-–—*•"
_QUOTES = "\"“”«»"
_SHORT_LINE_WORDS = 8
_WRAP_MIN_LINES = 4  # hard-wrap detection (_unwrap): at least this many full lines
_WRAP_SLACK = 16  # ... most of them at most this much shorter than the width
_WRAP_MAX_WIDTH = 160  # ... no wider than this
_WRAP_MIN_SHARE = 0.4  # ... and this share of the open lines (mid-paragraph, no final punctuation, 4+ words)
_WRAP_NEAR_SHARE = 0.7  # ... of which this share end close to the width


def first_word(s: str) -> str:
    i = s.find(" ")
    return (s if i < 0 else s[:i]).strip(EDGE_PUNCT)


def last_word(s: str) -> str:
    i = s.rfind(" ")
    return s[i + 1 :].strip(EDGE_PUNCT)


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
    a_word, b_word = last_word(a), first_word(b)
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



def physical_lines(text: str) -> list[Line]:
    """(start, end, blank_line_before) of every non-empty line, stripped."""
    out: list[Line] = []
    prev = 0
    for m in _LINE.finditer(text):
        s, e = m.span()
        out.append((s, e, not out or text.count("\n", prev, s) >= 2))
        prev = e
    return out



# A list item's marker at the start of a line: a bullet, a number (1. 1) 1- ١. (1)) or an Arabic ordinal (أولاً:)
# followed by a space.
_ITEM = re.compile(
    r"(?:[-•*▪◦●■►▸‣·–]|\d{1,2}[.)]|\d{1,2}\s?[-–]|[\u0660-\u0669]{1,2}\s?[.)\-–]|\((?:\d{1,2}|[\u0660-\u0669]{1,2})\)"
    r"|(?:أولا|ثانيا|ثالثا|رابعا|خامسا|سادسا|سابعا|ثامنا|تاسعا|عاشرا)ً?\s?[:：\-–])\s+(?=\S)"
)
SURE_BULLETS = "•▪◦●■►▸‣·"  # never anything but a bullet at the start of a line
DASH_BULLETS = "-–*"
ITEM_START = frozenset("-•*▪◦●■►▸‣·–0123456789(\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669")
ORDINALS = ("أولا", "ثانيا", "ثالثا", "رابعا", "خامسا", "سادسا", "سابعا", "ثامنا", "تاسعا", "عاشرا")


def item_marker(line: str, s: int = 0, e: int | None = None) -> int:
    """Length of a list-item marker (with its space) at the start of ``line[s:e]``, else 0."""
    if line[s] not in ITEM_START and not line.startswith(ORDINALS, s):
        return 0
    m = _ITEM.match(line, s, len(line) if e is None else e)
    return m.end() - s if m else 0



def unwrap(text: str, lines: list[Line], slang: str) -> tuple[list[Line], bool]:
    """Logical lines of a hard-wrapped document (rule 4: a wrapper's line break is an extraction artefact).

    A document is hard-wrapped at width W (the longest line followed by another line of its paragraph) when most such
    lines that do not end a sentence (of 4+ words: not a heading or a byline) were full: the next line's first word
    would not have fitted (``len(line) + 1 + len(word) > W``). Then each full line is joined with the next one, unless
    that one starts a list item or is a line of its own (:func:`_joins`). Other documents are left as they are.
    """
    n = len(lines)
    if n < _WRAP_MIN_LINES:
        return lines, False
    inner = [i for i in range(n - 1) if not lines[i + 1][2]]
    if len(inner) < _WRAP_MIN_LINES:
        return lines, False
    width = max(lines[i][1] - lines[i][0] for i in inner)
    if width > _WRAP_MAX_WIDTH:
        return lines, False
    full = set()
    open_lines = 0  # lines of 4+ words that do not end a sentence: in a wrapped text nearly all are full
    for i in inner:
        s, e, _ = lines[i]
        ns, ne, _ = lines[i + 1]
        j = text.find(" ", ns, ne)
        if (e - s) + 1 + ((j if j >= 0 else ne) - ns) >= width:  # (a wrapper may count the width one less)
            full.add(i)
        elif text.count(" ", s, e) >= 3 and not ends_sentence_at(text, s, e):
            open_lines += 1
    if len(full) < _WRAP_MIN_LINES or len(full) < _WRAP_MIN_SHARE * (len(full) + open_lines):
        return lines, False
    near = sum(1 for i in full if lines[i][1] - lines[i][0] >= width - _WRAP_SLACK)
    if near < _WRAP_NEAR_SHARE * len(full):  # wrapped lines all end close to the width
        return lines, False
    out: list[Line] = []
    for i, (s, e, blank) in enumerate(lines):
        if i - 1 in full and _joins(text[lines[i - 1][0] : lines[i - 1][1]], text[s:e], slang):
            out[-1] = (out[-1][0], e, out[-1][2])
        else:
            out.append((s, e, blank))
    return out, True


def _joins(a: str, b: str, slang: str) -> bool:
    """Does full line ``a`` of a hard-wrapped text run on into line ``b``? Not when ``b`` starts a list item (a dash
    only after a colon, a sentence end or another dash item) or a dateline, nor after a sentence end, nor when ``b`` is
    boilerplate itself (unless it completes a boilerplate line: a caption's credit), nor after a line ending in a
    parenthesised credit."""
    if item_marker(b) and (b[0] not in DASH_BULLETS or a[-1] in ":：" or ends_sentence(a) or a[0] == b[0]):
        return False
    if _ends_complete(a) or dateline_prefix(b, slang):
        return False  # (after a sentence end the paragraph's lines are joined later anyway; ``b`` is tested alone)
    if classify_line(b) is not None:  # a line of its own, unless it ends a boilerplate line (a caption's credit)
        return classify_line(f"{a} {b}") is not None
    return not (a[-1] == ")" and classify_line(a) is not None)


def _ends_complete(line: str) -> bool:
    """Does the line end a sentence, and not with an abbreviation or an initial (``Sept.``, ``Gen.``, ``W.``)?"""
    if not ends_sentence(line):
        return False
    word = last_word(line).lower()
    return not (len(word) == 1 or word in MONTH_ABBREV or word in TITLE_ABBREV or word in OTHER_ABBREV)


def list_items(text: str, block: list[tuple[int, int]]) -> list[int]:
    """The list-item marker length of each line of a block (0: not an item). A line with a marker is an item when
    the marker is a sure bullet (•), when the line before it ends with a colon, or when the block has several."""
    marks = [item_marker(text, s, e) for s, e in block]
    if not any(marks):
        return marks
    several = sum(1 for m in marks if m) >= 2
    out = []
    for i, ((s, _), m) in enumerate(zip(block, marks, strict=True)):
        ok = m and (several or text[s] in SURE_BULLETS or (i and text[block[i - 1][1] - 1] in ":："))
        if ok and i and text[s] in DASH_BULLETS:
            # a dash after a line that stops mid-sentence (a comma, "and", "في") is a dash the line wrap moved
            prev = text[block[i - 1][0] : block[i - 1][1]]
            last = last_word(prev)
            ok = prev[-1] not in ",،;؛" and last.lower() not in EN_CONTINUE_END and last not in AR_CONTINUE_END
        out.append(m if ok else 0)
    return out
