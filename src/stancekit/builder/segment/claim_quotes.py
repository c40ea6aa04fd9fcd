"""Quotations in claim attribution: quote spans of a document, the quote type of a claim unit (rule 12) and quote
continuations (rule 8). Used by ``attribution``."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from itertools import compress, pairwise
from types import ModuleType

from stancekit.builder.segment import attribution_en
from stancekit.builder.segment.claim_types import QUOTE_CHARS, Attribution, Local
from stancekit.builder.segment.protocol import UnitTuple

_QUOTE_RE = re.compile(r"[“”\"«»„]")
_PUNCT_ONLY = re.compile(r"[\s.,،:؛;!?؟…\-–—()\[\]'’‘]*")


def quote_spans(text: str) -> list[tuple[int, int, bool]]:
    """Quotations as (open, close+1, closed) spans; a line break closes any open quotation (closed=False)."""
    spans: list[tuple[int, int, bool]] = []
    opened = -1
    for m in _QUOTE_RE.finditer(text):
        ch, pos = m.group(), m.start()
        if opened >= 0:
            nl = _closing_break(text, opened, pos)
            if nl >= 0 and not (ch != "«" and _runs_on(text, nl, pos)):
                spans.append((opened, nl, False))
                opened = -1
        if opened < 0:
            if ch != "»":
                opened = pos
        elif ch != "«":
            spans.append((opened, pos + 1, True))
            opened = -1
    if opened >= 0:
        nl = _closing_break(text, opened, len(text))
        spans.append((opened, nl if nl >= 0 else len(text), False))
    return spans


_RUN_ON_MAX_CHARS = 700
_RUN_ON_MAX_BREAKS = 3


def _runs_on(text: str, nl: int, pos: int) -> bool:
    """Does the quotation open before the line break at ``nl`` go on to the mark at ``pos``? Yes when that mark, the
    next one, closes (it hugs the word before it: ``... فورا“.``) within a few lines: a quote over two paragraphs."""
    if pos - nl > _RUN_ON_MAX_CHARS or text[pos - 1].isspace() or text.count("\n", nl, pos) > _RUN_ON_MAX_BREAKS:
        return False
    after = text[pos + 1:pos + 2]
    return not after or after.isspace() or after in ".,،:؛;!?؟…)"


def _closing_break(text: str, lo: int, hi: int) -> int:
    """The first line break in ``text[lo:hi]`` that ends an open quotation, or -1: a paragraph break, or a line break
    after a short line or a finished sentence. A line break inside a long unfinished line is a hard wrap (a scraper
    kept the page's line breaks): the quotation goes on."""
    nl = text.find("\n", lo, hi)
    while nl >= 0:
        line_start = text.rfind("\n", 0, nl) + 1
        before = text[line_start:nl].rstrip()
        if text[nl + 1:nl + 2] == "\n" or nl - line_start < 50 or before[-1:] in ".!?؟:;؛…" + QUOTE_CHARS:
            return nl
        nl = text.find("\n", nl + 1, hi)
    return -1


def quote_type(text: str, spans: list[tuple[int, int, bool]], loc: Local, us: int, ue: int,
                speaker: tuple[int, int] | None, finder: ModuleType) -> str:
    """Rule 12: direct when all the reported content is inside quote marks (or first-person speech after a colon)."""
    if loc.preposed:
        lo, hi = loc.attr_end, ue
    else:
        lo, hi = us, loc.attr_start
    if loc.colon_intro and text[loc.cue_start:loc.cue_end] == ":" and finder.first_person(text, lo, hi):
        return "direct"  # a headline's first-person speech after its colon (طهران: برنامجنا ...), quoted words or not
    inner = [(s, e) for s, e, _ in _spans_in(spans, lo, hi)
             if not (speaker and s <= speaker[0] and e >= speaker[1] and e - s <= speaker[1] - speaker[0] + 2)]
    if loc.preposed:
        # the content starts at the first quotation introduced by a colon (names in quotes before it are skipped)
        for k, (s, _e) in enumerate(inner):
            before = text[lo:s].rstrip()
            if before.endswith(":"):
                if not _has_marker(before):
                    lo, inner = s, inner[k:]
                break
    if not inner:
        colon = text.find(":", lo, min(hi, lo + 80))
        if (loc.colon_intro or (colon >= 0 and not _has_marker(text[lo:colon]))) and finder.first_person(
                text, colon + 1 if colon >= 0 else lo, hi):
            return "direct"
        return "indirect"
    s0 = max(lo, inner[0][0])
    pre = text[lo:s0].strip()
    if pre and not (pre[-1] in ":،," and len(pre.split()) <= 6 and not _has_marker(pre)) and not (
            finder is not attribution_en and len(pre.split()) <= 2 and not _has_marker(pre)):
        return "indirect"
    for (_, e1), (s2, _) in pairwise(inner):
        mid = text[e1:s2]
        if len(mid.split()) > 5 or _has_marker(mid):
            return "indirect"
    post = text[min(inner[-1][1], hi):hi]
    comma = post.lstrip()[:1] in ",،" or text[inner[-1][1] - 2:inner[-1][1] - 1] in ",،"
    if _PUNCT_ONLY.fullmatch(post) is None and (loc.preposed or not comma or _has_marker(post)):
        return "indirect"
    if not loc.preposed:
        tail = text[loc.cue_end:ue]
        if _has_marker(tail) or finder.CUE_RE.search(tail):
            return "indirect"
    return "direct"


def _spans_in(spans: list[tuple[int, int, bool]], lo: int, hi: int) -> list[tuple[int, int, bool]]:
    """The quote spans overlapping [lo, hi) (spans are sorted and disjoint)."""
    i = bisect_right(spans, (lo, -1, False)) - 1
    if i < 0 or spans[i][1] <= lo:
        i += 1
    out = []
    while i < len(spans) and spans[i][0] < hi:
        out.append(spans[i])
        i += 1
    return out


_MARKER_RE = re.compile(r"(?<!\w)(?:that|[وف]?[بل]?[أإ]ن(?:ّ|ه|ها|هم|نا)?)(?!\w)")


def _has_marker(s: str) -> bool:
    return _MARKER_RE.search(s) is not None


def continuations(text: str, units: Sequence[UnitTuple], kinds: list[str], out: list[Attribution | None],
                   spans: list[tuple[int, int, bool]]) -> None:
    """Rule 8: units inside an attributed quotation take its speaker and cue."""
    if not spans or not any(out):  # no quotation, or no attributed unit to continue
        return
    starts = [u[0] for u in units]
    for qs, qe, _closed in spans:
        first = bisect_right(starts, qs) - 1
        if first < 0:
            first = 0
        last = bisect_right(starts, qe - 1) - 1
        if last <= first:
            continue
        idxs = [k for k in range(first, last + 1) if kinds[k] != "boilerplate"]
        source = next((out[k] for k in idxs if out[k] is not None and not (qs < out[k].cue_start < qe)), None)  # type: ignore[union-attr]
        if source is None:
            continue
        for k in idxs:
            if out[k] is None:
                out[k] = _copy(source)
    # a quote-only unit right after an attributed direct quote in the same paragraph (it may be followed by another)
    for k in [j + 1 for j in compress(range(len(units) - 1), out)]:
        while out[k] is None and kinds[k] == "body" and text[starts[k]] in QUOTE_CHARS:
            prev = out[k - 1]
            if prev is None or prev.quote_type != "direct" or "\n" in text[units[k - 1][1]:starts[k]]:
                break
            if not _outside_quotes_empty(text, spans, starts[k], units[k][1]):
                break
            out[k] = _copy(prev)
            k += 1
            if k == len(units):
                break


def _outside_quotes_empty(text: str, spans: list[tuple[int, int, bool]], s: int, e: int) -> bool:
    pos = s
    for qs, qe, _ in _spans_in(spans, s, e):
        if _PUNCT_ONLY.fullmatch(text, pos, max(pos, qs)) is None:
            return False
        pos = max(pos, qe)
    return _PUNCT_ONLY.fullmatch(text, min(pos, e), e) is not None


def _copy(src: Attribution) -> Attribution:
    return Attribution(True, src.speaker, src.speaker_start, src.speaker_end, src.cue, src.cue_start, src.cue_end,
                       "direct")
