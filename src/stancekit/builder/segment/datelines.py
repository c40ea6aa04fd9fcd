"""Datelines (rule 5 of ``docs/claim-units.md``): ``dateline_prefix`` finds a dateline at the start of the first body
line (``(CNN) —``, ``PROVO, Utah, Dec. 23 (UPI) --``, ``Beirut (AFP) -``, ``بغداد (رويترز) -``, ``غزة/ الأناضول:``) or a
whole dateline line (``واشنطن – بال بلس``).
"""

from __future__ import annotations

import re

from stancekit.builder.segment.boilerplate import AGENCIES_AR, DASH, wordset

_UP, _LO = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ"  # Latin capitals and small letters with accents: JAÉN, São Paulo
# English dateline at the start of the first body paragraph: PLACE[, State][, Mon. D] [(Agency)] — ...
_EN_DATELINE = re.compile(
    rf"(?:(?P<place>[{_UP}][{_UP}.'’]+(?:[ -][{_UP}][{_UP}.'’]+){{0,3}})"
    r"(?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?)?"
    r"(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:,\s*\d{4})?)?\s*)?"
    r"(?P<agency>\((?:[A-Za-z][\w .&'’-]{0,40})\)\s*)?"
    rf"{DASH}\s+"
)
# ... with the place in title case: Beirut (AFP) -, Paris, France, Jan. 3 (AFP) —, Washington, D.C. – (an agency or a
# region with a period is required: "Trump — who ..." is no dateline)
_EN_DATELINE_TC = re.compile(
    rf"[{_UP}][{_LO}]+(?:[ -][{_UP}][{_LO}]+){{0,2}}"
    r"(?P<region>,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?)?"
    r"(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:,\s*\d{4})?)?\s*"
    r"(?P<agency>\((?:[A-Za-z][\w .&'’-]{0,40})\)\s*)?"
    rf"{DASH}\s+"
)
# ... a place in capitals and a colon: LONDON: ... (not a label: UPDATE:, WATCH:)
_EN_DATELINE_COLON = re.compile(
    r"(?P<place>[A-Z]{3,}(?:[ -][A-Z]{2,}){0,2})(?:,\s*[A-Z][A-Za-z.]+)?\s*:\s+(?=[A-Z\"“])"
)
_COLON_DATELINE_MIN_SPACES = 14
_DATELINE_WITHIN = 80  # a dateline's dash or colon stands within this many characters
_NOT_PLACES = wordset(
    "UPDATE UPDATED BREAKING WATCH EXCLUSIVE LIVE ANALYSIS OPINION EXPLAINER CORRECTION EDITOR NOTE VIDEO PHOTOS "
    "LISTEN READ MORE RELATED NEW FACT CHECK ALERT URGENT SOURCE SOURCES WARNING COMMENT REVIEW INTERVIEW"
)
# Arabic dateline: PLACE[، date] [(agency)] – [agency –]  (or the whole short line: واشنطن – بال بلس)
_AR_WORD = r"[\u0621-\u065f\u0670-\u06d3]+"
_AR_QUOTED = r"«[^»\n]{1,30}»|\"[^\"\n]{1,30}\"|“[^”\n]{1,30}”"  # an agency or paper in quotes: «الحياة»
_AR_DATELINE = re.compile(
    rf"(?P<place>{_AR_WORD}(?:\s{_AR_WORD}){{0,2}})"
    r"(?:\s*[،,]\s*[^\n()–—-]{1,30}?)?"
    rf"(?:\s*(?:{DASH}\s*)?\((?P<agency>[^()\n]{{1,30}})\))?"
    rf"\s*{DASH}\s*"
    rf"(?:(?P<agency2>{AGENCIES_AR}|{_AR_WORD}(?:\s{_AR_WORD})?|{_AR_QUOTED})\s*(?:{DASH}|[:：])\s*"
    rf"|(?P<agency3>{AGENCIES_AR}|{_AR_WORD}(?:\s{_AR_WORD}){{0,3}}|{_AR_QUOTED}\s*[:：]?)\s*$)?"
)
# PLACE/ AGENCY: (غزة/ الأناضول:), the agency known or quoted
_AR_DATELINE_SLASH = re.compile(
    rf"{_AR_WORD}(?:\s{_AR_WORD}){{0,2}}\s*/\s*(?:{AGENCIES_AR}|{_AR_QUOTED})\s*(?:[:：]|{DASH})\s*"
)
_DASH_CHAR = re.compile(r"[–—‒―-]")  # every _DASH contains one
_SLASH_DATELINE_WITHIN = 30
_AR_AGENCY_ONLY = re.compile(rf"(?:{AGENCIES_AR})\s*$")



def dateline_prefix(line: str, lang: str) -> int:
    """Length of a dateline at the start of ``line`` (0 when there is none). The rest of the line is body text.

    When the whole line is a dateline the result is ``len(line)``.
    """
    if lang == "ar" or not line[:1].isascii():
        m = _ar_dateline(line)
        if not m:
            if "/" in line[:_SLASH_DATELINE_WITHIN]:
                ms = _AR_DATELINE_SLASH.match(line)
                if ms and (ms.end() == len(line) or _is_arabic_start(line[ms.end():])):
                    return ms.end()
            return 0
        rest = line[m.end():]
        if m.group("agency3") is not None:
            if m.group("agency") is not None:
                return m.start("agency3")  # بغداد (رويترز) - قال ...
            return len(line)  # واشنطن – بال بلس
        if not rest.strip():
            return len(line)
        if m.group("agency") is None and m.group("agency2") is None and line[: m.start("place")].strip():
            return 0
        if rest[:1] in "\"“”«" or _is_arabic_start(rest):
            return m.end()
        return 0
    m = _EN_DATELINE.match(line)
    if not m or (m.group("place") is None and m.group("agency") is None):
        return _en_dateline_other(line)
    place = m.group("place")
    if place is not None and m.group("agency") is None and len(place.replace(".", "")) < 3:
        return 0
    return m.end()


def _en_dateline_other(line: str) -> int:
    """A place written in title case (``Beirut (AFP) -``, ``Washington, D.C. –``), or a capitals place and a colon
    (``LONDON: ...``, in a line too long for a headline such as ``IRAQ: Protesters storm parliament``), at the start of
    the first body line."""
    c = line[:1]
    if not c.isupper():
        return 0
    m = _EN_DATELINE_TC.match(line) if _DASH_CHAR.search(line, 0, _DATELINE_WITHIN) else None
    if m and (m.group("agency") or "." in (m.group("region") or "")):
        return m.end()
    if line.find(":", 0, _DATELINE_WITHIN) < 0 or line.count(" ") < _COLON_DATELINE_MIN_SPACES:
        return 0
    m = _EN_DATELINE_COLON.match(line)
    if m and m.group("place") not in _NOT_PLACES:
        return m.end()
    return 0


def known_agency_dateline(line: str) -> bool:
    """A whole-line Arabic dateline whose second part is a known agency (``واشنطن – بال بلس``)."""
    m = _ar_dateline(line)
    return bool(m and m.group("agency3") is not None and _AR_AGENCY_ONLY.match(m.group("agency3")))


def _ar_dateline(line: str) -> re.Match[str] | None:
    """``_AR_DATELINE.match(line)``; a line without a dash (most lines) cannot match, and is not tried."""
    if _DASH_CHAR.search(line) is None:
        return None
    return _AR_DATELINE.match(line)


def _is_arabic_start(s: str) -> bool:
    return bool(s) and "\u0621" <= s[0] <= "\u064a"
