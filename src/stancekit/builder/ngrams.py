"""Vectorised character n-grams over a batch of texts, restricted to an alphabet and vocabulary taken from the claims.

A batch of texts is joined into one code-point array (numpy), normalised by a lookup table that applies
:func:`stancekit.builder.normalize.char_map` (so it agrees with :func:`normalize_text`), and each character is mapped to
a small symbol id: characters that occur in no claim share one ``UNKNOWN`` symbol (an n-gram holding one can match no
claim, but it still counts in the text's length). Every n-gram is then one exact integer (symbol ids packed into 64
bits), looked up in the sorted claim vocabulary with ``searchsorted``. Nothing here depends on other texts of the
batch, so results do not depend on batch size or order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from stancekit.builder.normalize import code_table, normalize_text

SEP, SPACE, UNKNOWN = 0, 1, 2
_FIRST = 3
_HASH_MUL = np.uint64(0x9E3779B97F4A7C15)


@dataclass(frozen=True)
class Alphabet:
    """Code point -> symbol id for one registry (built from the normalised claim texts and keywords)."""

    lut: np.ndarray  # int16/int32 over 0..0x10000 (the last entry stands for every code point above the BMP)
    chars: np.ndarray  # symbol id -> normalised code point (SEP -> 0, SPACE -> 32, UNKNOWN -> U+FFFD)
    bits: int

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> Alphabet:
        letters = sorted({c for t in texts for c in normalize_text(t)} - {" "})
        chars = np.array([0, 32, 0xFFFD] + [ord(c) for c in letters], dtype=np.uint32)
        sym_of = np.full(0x10000, UNKNOWN, dtype=np.int32)
        for i, c in enumerate(letters):
            sym_of[ord(c)] = _FIRST + i
        sym_of[32] = SPACE
        norm = code_table()
        lut = np.empty(0x10001, dtype=np.int32)
        lut[:0x10000] = np.where(norm < 0, -1, sym_of[np.maximum(norm, 0)])
        lut[0] = SEP
        lut[0x10000] = SPACE
        bits = max(1, int(len(chars) - 1).bit_length())
        return cls(lut, chars, bits)


def symbols(texts: Sequence[str], alphabet: Alphabet) -> np.ndarray:
    """The batch as one symbol array: ``' ' text ' ' SEP ' ' text ' ' SEP ...`` with spaces collapsed."""
    big = "\x00".join(texts)
    if big.count("\x00") != max(len(texts) - 1, 0):
        big = "\x00".join(t.replace("\x00", " ") for t in texts)
    cp = np.frombuffer(big.encode("utf-32-le"), dtype=np.uint32)
    s = alphabet.lut[np.minimum(cp, 0x10000)]
    s = s[s >= 0]
    # pad every text with a space on both sides: put SPACE SEP SPACE at each separator and spaces at both ends
    n_sep = int((s == SEP).sum())
    if n_sep:
        pos = np.flatnonzero(s == SEP)
        s = np.insert(s, np.repeat(pos, 2) + np.tile([0, 1], n_sep), SPACE)
    s = np.concatenate(([SPACE], s, [SPACE, SEP])).astype(np.int32)
    keep = np.ones(len(s), dtype=bool)
    keep[1:] = ~((s[1:] == SPACE) & (s[:-1] == SPACE))
    return s[keep]


def ngram_codes(s: np.ndarray, ns: Sequence[int], bits: int,
                within_words: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """Every n-gram of ``s`` (not spanning a separator): ``(codes uint64, text index int64)``.

    ``within_words``: only n-grams inside one space-padded word (no space in their interior), like scikit-learn's
    ``char_wb`` analyser.
    """
    is_sep = s == SEP
    sep_cum = np.concatenate(([0], np.cumsum(is_sep)))
    space_cum = np.concatenate(([0], np.cumsum(s == SPACE))) if within_words else sep_cum
    text_of = sep_cum[:-1]  # index of the text each position belongs to
    exact = bits * max(ns) <= 58
    s64 = s.astype(np.uint64)
    codes_out, texts_out = [], []
    for n in ns:
        m = len(s) - n + 1
        if m <= 0:
            continue
        valid = (sep_cum[n:n + m] - sep_cum[:m]) == 0
        if within_words and n > 2:
            valid &= (space_cum[n - 1:n - 1 + m] - space_cum[1:1 + m]) == 0
        if exact:
            code: np.ndarray = np.full(m, n, dtype=np.uint64)  # the size tag keeps n-grams of different sizes apart
            for j in range(n):
                code = (code << np.uint64(bits)) | s64[j:j + m]
        else:
            code = np.full(m, n, dtype=np.uint64)  # a 64-bit hash when the symbols do not fit exactly
            with np.errstate(over="ignore"):
                for j in range(n):
                    code = (code ^ s64[j:j + m]) * _HASH_MUL
        codes_out.append(code[valid])
        texts_out.append(text_of[:m][valid])
    if not codes_out:
        return np.empty(0, np.uint64), np.empty(0, np.int64)
    return np.concatenate(codes_out), np.concatenate(texts_out).astype(np.int64)


@dataclass(frozen=True)
class Vocabulary:
    """Sorted n-gram codes with a weight (IDF) each; weight 0 marks a stop n-gram (ignored everywhere)."""

    codes: np.ndarray  # uint64, sorted
    idf: np.ndarray  # float64
    oov_idf: float

    def _filter(self) -> np.ndarray:
        """A one-hash Bloom filter over the codes (built on first use in each process; not pickled)."""
        cached = _FILTERS.get(id(self))
        if cached is None or cached[0] is not self.codes:
            bits = np.zeros(1 << _FILTER_BITS, dtype=bool)
            bits[_slot(self.codes)] = True
            cached = (self.codes, bits)
            if len(_FILTERS) >= 8:
                _FILTERS.clear()
            _FILTERS[id(self)] = cached
        return cached[1]

    def lookup(self, codes: np.ndarray) -> np.ndarray:
        """Vocabulary index of each code, -1 when it is not in the vocabulary."""
        out = np.full(len(codes), -1, dtype=np.int64)
        if len(self.codes) == 0 or len(codes) == 0:
            return out
        cand = np.flatnonzero(self._filter()[_slot(codes)])  # most n-grams of a text are in no claim: skip them
        maybe = codes[cand]
        idx = np.searchsorted(self.codes, maybe)
        idx[idx == len(self.codes)] = 0
        hit = self.codes[idx] == maybe
        out[cand[hit]] = idx[hit]
        return out


_FILTER_BITS = 21
_FILTERS: dict[int, tuple[np.ndarray, np.ndarray]] = {}


def _slot(codes: np.ndarray) -> np.ndarray:
    with np.errstate(over="ignore"):
        return (codes * _HASH_MUL) >> np.uint64(64 - _FILTER_BITS)


def count_matrix(texts: Sequence[str], alphabet: Alphabet, vocab: Vocabulary, ns: Sequence[int],
                 within_words: bool = False) -> tuple[sp.csr_matrix, np.ndarray]:
    """Term counts over the vocabulary (texts x vocabulary) and each text's count of out-of-vocabulary n-grams."""
    n_texts = len(texts)
    s = symbols(texts, alphabet)
    codes, text_idx = ngram_codes(s, ns, alphabet.bits, within_words)
    vidx = vocab.lookup(codes)
    hit = vidx >= 0
    oov = np.bincount(text_idx[~hit], minlength=n_texts)[:n_texts].astype(np.float64)
    rows, cols = text_idx[hit], vidx[hit]
    useful = vocab.idf[cols] > 0  # stop n-grams count nowhere: neither in the dot product nor in the norm
    rows, cols = rows[useful], cols[useful]
    counts = sp.csr_matrix((np.ones(len(rows), dtype=np.float64), (rows, cols)), shape=(n_texts, len(vocab.codes)))
    counts.sum_duplicates()
    return counts, oov


def normalized_strings(texts: Sequence[str], alphabet: Alphabet) -> list[str]:
    """The normalised texts as the matcher sees them (space padded; unknown characters as U+FFFD)."""
    s = symbols(texts, alphabet)
    chars = alphabet.chars[s]
    out = chars.astype("<u4").tobytes().decode("utf-32-le").split("\x00")
    return out[: len(texts)]
