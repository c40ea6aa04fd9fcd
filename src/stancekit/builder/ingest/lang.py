"""Language from the script (and, for Latin script, a few English function words). ISO 639-1 or ``und``."""

from __future__ import annotations

import re

from stancekit.builder.claims import ISO_639_1
from stancekit.errors import ConfigError

_ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF]")
_PERSIAN_ONLY = re.compile(r"[\u067E\u0686\u0698\u06AF\u06A9\u06CC]")  # پ چ ژ گ ک ی
_URDU_ONLY = re.compile(r"[\u0679\u0688\u0691\u06BA\u06BE\u06C1\u06D2]")
LATIN_LETTER = re.compile(r"[A-Za-z\u00C0-\u024F]")  # also read by matching (match_semantic.is_latin)
_EN_WORDS = re.compile(r"\b(?:the|and|of|to|in|is|that|for|was|said|with|on|by|has|have|are)\b", re.IGNORECASE)
_SAMPLE = 1000  # the script of the first thousand characters decides; enough for a news article


def detect_lang(text: str) -> str:
    sample = text[:_SAMPLE]
    arabic = len(_ARABIC_LETTER.findall(sample))
    latin = len(LATIN_LETTER.findall(sample))
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


_NAMES = {"arabic": "ar", "english": "en", "french": "fr", "persian": "fa", "farsi": "fa", "urdu": "ur",
          "ara": "ar", "eng": "en", "fra": "fr", "fre": "fr", "fas": "fa", "per": "fa", "urd": "ur"}
UNDETERMINED = "und"


def lang_code(value: object) -> str | None:
    """The ISO 639-1 code ``value`` writes, from the claims registry's list of codes; None when it is not one.

    Case and a region or script subtag are ignored (``EN``, ``en-US``, ``ar_EG``); names and three-letter codes are
    not codes (:func:`lang_problem` suggests the code for the common ones).
    """
    if value is None:
        return None
    v = str(value).strip().lower().replace("_", "-").split("-")[0]
    return v if v in ISO_639_1 else None


def lang_problem(value: object) -> str:
    """Why ``value`` is not a language code, and what to write instead (for messages)."""
    v = str(value).strip().lower()
    hint = f"; use {_NAMES[v]!r}" if v in _NAMES else "; use a two-letter code such as 'en' or 'ar'"
    return f"{str(value)!r} is not an ISO 639-1 language code (the codes claims.yaml accepts){hint}"


def check_lang(value: str, where: str) -> str:
    """``--lang`` or ``[ingest] default_lang``: an ISO 639-1 code (normalised), else a ConfigError naming ``where``."""
    code = lang_code(value)
    if code is None:
        raise ConfigError(f"{where} {lang_problem(value)}")
    return code
