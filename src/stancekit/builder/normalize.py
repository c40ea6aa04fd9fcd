"""Text normalisation for matching only: stored text and offsets are never changed.

Arabic: alef/hamza forms (أ إ آ ٱ -> ا, ؤ -> و, ئ -> ي), ta marbuta (ة -> ه), alef maqsura (ى -> ي), diacritics
(harakat, tanwin, shadda, sukun, superscript alef, Quranic marks) and tatweel removed, Arabic-Indic and Persian digits
-> ASCII digits. Every script: case folded; punctuation, symbols and whitespace become one space; leading and trailing
space stripped.

The rule is defined per code point (:func:`char_map`): each character maps to one character, to a space, or to nothing.
:func:`normalize_text` applies it to one string; :func:`code_table` builds the same mapping as a lookup table over the
Basic Multilingual Plane, which the vectorised matcher uses, so both always agree.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import numpy as np

DROP = ""
SPACE = " "

_ARABIC_MAP: dict[str, str] = {
    "\u0622": "\u0627",  # آ alef with madda
    "\u0623": "\u0627",  # أ alef with hamza above
    "\u0625": "\u0627",  # إ alef with hamza below
    "\u0671": "\u0627",  # ٱ alef wasla
    "\u0672": "\u0627",
    "\u0673": "\u0627",
    "\u0624": "\u0648",  # ؤ waw with hamza -> waw
    "\u0626": "\u064a",  # ئ yeh with hamza -> yeh
    "\u0629": "\u0647",  # ة ta marbuta -> heh
    "\u0649": "\u064a",  # ى alef maqsura -> yeh
    "\u06cc": "\u064a",  # Farsi yeh -> yeh
    "\u06a9": "\u0643",  # keheh -> kaf
}
_ARABIC_DROP = (
    {chr(c) for c in range(0x064B, 0x0660)}  # tanwin, harakat, shadda, sukun, maddah, hamza marks
    | {"\u0670", "\u0640"}  # superscript alef, tatweel
    | {chr(c) for c in range(0x0610, 0x061B)}  # honorifics and Quranic signs
    | {chr(c) for c in range(0x06D6, 0x06DD)}
    | {chr(c) for c in range(0x06DF, 0x06E5)}
    | {"\u06e7", "\u06e8"}
    | {chr(c) for c in range(0x06EA, 0x06EE)}
    | {"\u200c", "\u200d", "\u200e", "\u200f", "\ufeff", "\u00ad"}  # joiners, direction marks, BOM, soft hyphen
)
_DIGITS = {chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)}


def char_map(ch: str) -> str:
    """The normalised form of one code point: one character, a space, or nothing."""
    if ch in _ARABIC_DROP:
        return DROP
    if ch in _DIGITS:
        return _DIGITS[ch]
    if ch in _ARABIC_MAP:
        return _ARABIC_MAP[ch]
    cat = unicodedata.category(ch)
    if cat[0] in "LN":
        folded = ch.casefold()
        if len(folded) != 1:  # e.g. German sharp s -> "ss": keep the lower-case single character
            folded = ch.lower() if len(ch.lower()) == 1 else ch
        return _ARABIC_MAP.get(folded, folded)
    if cat == "Mn":  # other combining marks (accents after NFD are not produced here; Latin stays as written)
        return DROP
    return SPACE


@lru_cache(maxsize=1)
def _translate_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in range(0x10000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        ch = chr(cp)
        mapped = char_map(ch)
        if mapped != ch:
            table[cp] = mapped
    return table


_SPACES = re.compile(r" {2,}")
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


def normalize_text(text: str) -> str:
    """Normalise one string for matching (see the module docstring)."""
    out = _ASTRAL.sub(" ", text.translate(_translate_table()))
    return _SPACES.sub(" ", out).strip(" ")


@lru_cache(maxsize=1)
def code_table() -> np.ndarray:
    """Lookup table over the BMP: code point -> normalised code point; -1 = drop; 32 = space.

    Code points above the BMP (emoji, rare scripts) are spaces, here and in :func:`normalize_text`.
    """
    lut = np.arange(0x10000, dtype=np.int32)
    for cp, mapped in _translate_table().items():
        lut[cp] = -1 if mapped == DROP else ord(mapped)
    return lut


def is_arabic(text: str) -> bool:
    """True when most letters of ``text`` are Arabic script (for right-to-left display)."""
    arabic = sum(1 for c in text if "\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f")
    letters = sum(1 for c in text if c.isalpha())
    return letters > 0 and arabic * 2 >= letters
