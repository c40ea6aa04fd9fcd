"""Sentence boundaries inside one stretch of body text (rules 1-3 of ``docs/claim-units.md``).

A scanner: one regex finds candidate terminal clusters (``. ! ? ؟ …`` and runs of them); a few rules decide each
candidate, looking only at its neighbourhood. The sentence takes along the closing quotes and brackets that belong
to it, even across a space or a line break (``… اللحظة " .``); it does not end at decimals, abbreviations, initials,
in-quote ellipses the sentence continues after, or before a comma or a lower-case word.
"""

from __future__ import annotations

import re

from stancekit.builder.segment.boundary_words import (
    ABBREV_CONTINUE,
    EN_STARTERS,
    ENDING_ABBREV,
    MONTH_ABBREV,
    OTHER_ABBREV,
    TITLE_ABBREV,
)

_TERMINAL = re.compile(r"[.!?؟…]+")
# A candidate boundary: a whole terminal cluster (never a part of one: not after a terminal, not followed by one),
# except where the rules below would skip it at once: glued to an ASCII letter or digit (2.5, U.S, example.com), or
# followed by a space and a lower-case ASCII letter. It starts with a character class, so the regex engine scans for
# it fast; the look-behind sees before the search start, so a text whose search starts right after a terminal uses
# _CANDIDATE_FROM_START (a cluster may start there).
_CANDIDATE = re.compile(r"[.!?؟…](?<![.!?؟…].)[.!?؟…]*(?![.!?؟…A-Za-z0-9]| [a-z])")
_CANDIDATE_FROM_START = re.compile(r"[.!?؟…]++(?![A-Za-z0-9]| [a-z])")
_TERMINAL_CHARS = frozenset(".!?؟…")
_WS = frozenset(" \t\n\r\f\v\u00a0\u200f\u200e\u2009\u202f")
_CLOSERS = frozenset("”»\"’')]}›")
_DQUOTES = "\"“”"
_NO_BREAK_AFTER = frozenset(",،;؛:")
_TOKEN_START = re.compile(r"[^\s\"“”«»'‘’(\[]*$")
_TOKEN_CHARS = re.compile(r"[^\s\"“”«»'‘’(\[]*")
_WORD_AFTER = re.compile(r"[\"“”«»'‘’(\[]*([^\s\"“”«»'‘’)\].,!?؟،:;]+)")


def _is_arabic_letter(ch: str) -> bool:
    return "\u0621" <= ch <= "\u064a" or "\u066e" <= ch <= "\u06d3" or "\u06fa" <= ch <= "\u06ff"


def _skip_ws(text: str, i: int, end: int) -> int:
    while i < end and text[i].isspace():
        i += 1
    return i


def _is_closer(text: str, j: int, lo: int, end: int, attached: bool) -> bool:
    """Does the quote or bracket at ``j`` close the sentence before it (rather than open the next one)?"""
    ch = text[j]
    nxt = text[j + 1] if j + 1 < end else " "
    if ch in ")]}":
        return True
    if ch in "”»›":
        # the seed opens a quote with ” glued to its first word: that one is an opener
        return not (nxt.isalpha() and not attached)
    # " ' ’ : ambiguous
    if nxt.isalpha() or nxt.isdigit():
        return False
    if ch in "'’":
        return attached
    if attached:
        return True
    # spaced on both sides (pre-tokenised text): inside a quotation it closes it
    n = 0
    for q in _DQUOTES:
        n += text.count(q, lo, j)
    return n % 2 == 1


def _token_before(text: str, p: int, lo: int) -> str:
    """The token ending at ``p`` (non-space, non-quote characters, at most 24, not before ``lo``)."""
    low = max(lo, p - 24)
    i = text.rfind(" ", low, p)
    token = text[(low if i < 0 else i + 1) : p]
    if _TOKEN_CHARS.fullmatch(token):
        return token
    m = _TOKEN_START.search(text, low, p)  # another separator (a quote, a tab, ...) inside: the general search
    return m.group() if m else ""


def _arabic_initial(text: str, p: int, lo: int) -> bool:
    """Is the period at ``p`` after a one-letter Arabic token (د. محمد, أ.د., م. أحمد)? No Arabic sentence ends with a
    one-letter word (و ف ب ل are proclitics), so it is an abbreviation."""
    return p > lo and _is_arabic_letter(text[p - 1]) and (p - 1 == lo or not _is_arabic_letter(text[p - 2]))


def _has_digit(token: str) -> bool:
    return any(c.isdigit() for c in token)


def _abbrev_blocks(text: str, p: int, lo: int, nxt_word: str) -> bool:
    """True when the single period at ``p`` belongs to an abbreviation or an initial (so no boundary)."""
    token = _token_before(text, p, lo)
    if not token or not token.isascii():
        return False
    starts_sentence = (nxt_word[:1].isupper() and nxt_word in EN_STARTERS) or nxt_word[:1] in "\"“«"
    if len(token) == 1:
        return token.isupper() and not starts_sentence  # an initial (George W. Bush), not "on X. The"
    key = token.replace(".", "").lower()
    if key in TITLE_ABBREV:
        return True
    if key in MONTH_ABBREV and nxt_word[:1].isdigit():
        return True
    if key == "no" and nxt_word[:1].isdigit():
        return True
    if "." in token and _has_digit(token):
        return False  # a number ($76.90. Analysts ..., 2.4%.), not an initialism
    if key in ENDING_ABBREV:  # 4 p.m. Army chief ...: a capitalised word starts a new sentence
        return not ((nxt_word[:1].isupper() and nxt_word not in ABBREV_CONTINUE) or nxt_word[:1] in "\"“«")
    if "." in token or key in OTHER_ABBREV:
        return not starts_sentence
    return False


def _period_blocks(text: str, p: int, lo: int, k: int, hi: int) -> bool:
    """:func:`_abbrev_blocks` for a period followed by a space and a letter at ``k`` (the fast path): the word after
    it is read only when the token before it is a possible abbreviation."""
    token = _token_before(text, p, lo)
    if not token or not token.isascii():
        return False
    if len(token) == 1:
        if not token.isupper():
            return False
        wm = _WORD_AFTER.match(text, k, hi)
        return not (wm is not None and wm.group(1) in EN_STARTERS)
    key = token.replace(".", "").lower()
    if key in TITLE_ABBREV:
        return True
    if "." in token and _has_digit(token):
        return False
    if "." in token or key in OTHER_ABBREV:  # the next word starts with a letter: no month or "No." number rule
        wm = _WORD_AFTER.match(text, k, hi)
        nxt_word = wm.group(1) if wm else ""
        if key in ENDING_ABBREV:
            return not (nxt_word[:1].isupper() and nxt_word not in ABBREV_CONTINUE)
        return not (nxt_word[:1].isupper() and nxt_word in EN_STARTERS)
    return False


def split_sentences(text: str, lo: int, hi: int, lang: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text[lo:hi]`` (absolute offsets, no outer whitespace), in order."""
    spans: list[tuple[int, int]] = []
    start = _skip_ws(text, lo, hi)
    arabic = lang == "ar"
    rx = _CANDIDATE_FROM_START if start and text[start - 1] in _TERMINAL_CHARS else _CANDIDATE
    for m in rx.finditer(text, start, hi):
        p, q = m.span()
        if p < start:
            continue  # swallowed by the previous boundary's closers
        if q == hi:
            break  # the final cluster: the tail below ends the last sentence
        # fast path, most candidates: one terminal (not an ellipsis), one space, then an Arabic letter or an ASCII
        # capital. Nothing to take along, nothing that blocks the boundary except an abbreviation before a period
        # (the general rules below decide the same way; a period after a non-ASCII character ends no abbreviation).
        if q - p == 1 and text[q] == " " and q + 1 < hi and text[p] != "…":
            c = text[q + 1]
            if "\u0621" <= c <= "\u064a" or "A" <= c <= "Z":
                if text[p] == ".":
                    if p > start and not text[p - 1].isascii():
                        # (_arabic_initial, inlined: most Arabic sentence ends have a letter two back)
                        if (p - 1 == start or not text[p - 2].isalpha()) and _is_arabic_letter(text[p - 1]):
                            continue
                    elif _period_blocks(text, p, start, q + 1, hi):
                        continue
                spans.append((start, q))
                start = q + 1
                continue
        cluster = m.group()
        after = text[q] if q < hi else " "
        # glued to the next character: 2.5, U.S, example.com; Arabic glued sentences (العراق.وقال) do end
        if not (after in _WS or after.isspace() or after in _CLOSERS) and not (
            _is_arabic_letter(after) and p > lo and _is_arabic_letter(text[p - 1])
        ):
            continue
        # take along closing quotes/brackets and a following terminal (pre-tokenised: « اللحظة " . »)
        end = q
        while True:
            j = _skip_ws(text, end, hi)
            if j < hi and text[j] in _CLOSERS and _is_closer(text, j, start, hi, attached=(j == end)):
                end = j + 1
                continue
            if j < hi and j > end and text[j] in _TERMINAL_CHARS and text[j] != "…":
                m2 = _TERMINAL.match(text, j, hi)
                assert m2 is not None
                end = m2.end()
                continue
            break
        k = _skip_ws(text, end, hi)
        if k >= hi:
            break
        nxt = text[k]
        if nxt in _NO_BREAK_AFTER:
            continue
        if nxt.isascii() and nxt.islower():
            continue
        wm = _WORD_AFTER.match(text, k, hi)
        nxt_word = wm.group(1) if wm else ""
        ellipsis = "…" in cluster or ".." in cluster
        if arabic and cluster == ".." and "\n" not in text[end:k]:
            continue  # the Arabic headline separator: تونس.. ارتفاع التضخم
        if ellipsis:
            if arabic:
                n = sum(text.count(c, start, p) for c in _DQUOTES)
                n += text.count("«", start, p) - text.count("»", start, p)
                if n % 2 == 1 and end == q:
                    continue  # an in-quote ellipsis the quotation continues after
            elif not (nxt_word[:1].isupper() or nxt in "\"“«"):
                continue
        elif cluster == "." and (_abbrev_blocks(text, p, start, nxt_word) or _arabic_initial(text, p, start)):
            continue
        spans.append((start, end))
        start = k
    if start < hi:
        e = hi
        while e > start and text[e - 1].isspace():
            e -= 1
        if e > start:
            spans.append((start, e))
    return spans


def ends_sentence(line: str) -> bool:
    """Does this line end with sentence-final punctuation (possibly followed by closing quotes/brackets)?"""
    return ends_sentence_at(line, 0, len(line))


def ends_sentence_at(text: str, lo: int, hi: int) -> bool:
    """:func:`ends_sentence` of ``text[lo:hi]``, without the copy."""
    i = hi - 1
    while i >= lo:
        ch = text[i]
        if ch in _CLOSERS or ch.isspace():
            i -= 1
            continue
        return ch in _TERMINAL_CHARS
    return False
