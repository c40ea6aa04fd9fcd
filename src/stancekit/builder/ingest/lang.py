"""Language from the script (and, for Latin script, a few English function words). ISO 639-1 or ``und``."""

from __future__ import annotations

import re

_ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF]")
_PERSIAN_ONLY = re.compile(r"[\u067E\u0686\u0698\u06AF\u06A9\u06CC]")  # پ چ ژ گ ک ی
_URDU_ONLY = re.compile(r"[\u0679\u0688\u0691\u06BA\u06BE\u06C1\u06D2]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00C0-\u024F]")
_EN_WORDS = re.compile(r"\b(?:the|and|of|to|in|is|that|for|was|said|with|on|by|has|have|are)\b", re.IGNORECASE)
_SAMPLE = 1000  # the script of the first thousand characters decides; enough for a news article


def detect_lang(text: str) -> str:
    sample = text[:_SAMPLE]
    arabic = len(_ARABIC_LETTER.findall(sample))
    latin = len(_LATIN_LETTER.findall(sample))
    if arabic == 0 and latin == 0:
        return "und"
    if arabic >= latin:
        if len(_URDU_ONLY.findall(sample)) > arabic * 0.01:
            return "ur"
        if len(_PERSIAN_ONLY.findall(sample)) > arabic * 0.02:
            return "fa"
        return "ar"
    words = max(1, len(sample.split()))
    if len(_EN_WORDS.findall(sample)) / words >= 0.05 or words < 8:
        return "en"
    return "und"


_CODE = re.compile(r"^[a-z]{2,3}$")


def normalise_lang(value: object) -> str | None:
    """Accept ISO 639-1/3 codes and a few names; None when the value is not usable (caller detects)."""
    if value is None:
        return None
    v = str(value).strip().lower().replace("_", "-")
    if not v:
        return None
    v = v.split("-")[0]
    names = {"arabic": "ar", "english": "en", "ara": "ar", "eng": "en", "french": "fr", "fra": "fr", "fre": "fr"}
    v = names.get(v, v)
    return v if _CODE.match(v) else None
