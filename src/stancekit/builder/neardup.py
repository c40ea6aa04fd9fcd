"""Near-duplicate documents (the same wire story in several outlets): MinHash + LSH banding + union-find.

Pure numpy and deterministic: shingles are hashed with a fixed function (no Python ``hash()``, which is salted per
process), the MinHash permutations come from a fixed seed, and candidate pairs are confirmed by the exact Jaccard
similarity of their shingle sets, so the clusters depend only on the texts and the threshold.

Text is normalised first (Unicode NFKC, lower case, Arabic diacritics and tatweel removed, alef/yeh/teh-marbuta
forms unified, Arabic-Indic digits made ASCII, punctuation dropped) so that two outlets' copies of one story that
differ only in orthography or punctuation still match.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

U64 = npt.NDArray[np.uint64]

NUM_PERM = 128
BANDS = 32  # 32 bands x 4 rows: candidates from Jaccard ~0.4 up; every candidate is then checked exactly
WORD_SHINGLE = 3
CHAR_SHINGLE = 5
MIN_WORDS = 8  # texts with fewer words are shingled by characters
_SEED = 0x5EED_1DD5

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_TRANSLATE = str.maketrans(
    {
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
        "ى": "ي", "ئ": "ي", "ؤ": "و", "ة": "ه",
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
    }
)
_TOKEN = re.compile(r"\w+")


def normalize(text: str) -> str:
    """Arabic-aware normalisation for comparison only (never for stored text)."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = _DIACRITICS.sub("", text)
    return text.translate(_TRANSLATE)


def _token_hash(token: str) -> int:
    return zlib.crc32(token.encode("utf-8")) | (zlib.adler32(token.encode("utf-8")) << 32)


def shingles(text: str) -> U64:
    """Sorted unique 64-bit hashes of the word 3-shingles (or character 5-shingles of a short text)."""
    tokens = _TOKEN.findall(normalize(text))
    if len(tokens) >= MIN_WORDS:
        h = np.fromiter((_token_hash(t) for t in tokens), dtype=np.uint64, count=len(tokens))
        n = len(tokens) - WORD_SHINGLE + 1
        acc: npt.NDArray[np.uint64] = np.zeros(n, dtype=np.uint64)
        with np.errstate(over="ignore"):
            for k in range(WORD_SHINGLE):
                acc = np.asarray(acc * np.uint64(0x100000001B3) ^ h[k : k + n], dtype=np.uint64)
        return np.unique(acc)
    joined = " ".join(tokens)
    if not joined:
        return np.zeros(0, dtype=np.uint64)
    grams = {joined[i : i + CHAR_SHINGLE] for i in range(max(1, len(joined) - CHAR_SHINGLE + 1))}
    return np.unique(np.fromiter((_token_hash(g) for g in grams), dtype=np.uint64, count=len(grams)))


def _permutations(num_perm: int) -> tuple[U64, U64]:
    rng = np.random.default_rng(_SEED)
    a = rng.integers(1, 2**63, size=num_perm, dtype=np.uint64) | np.uint64(1)  # odd multipliers
    b = rng.integers(0, 2**63, size=num_perm, dtype=np.uint64)
    return a, b


def signature(sh: U64, a: U64, b: U64) -> U64:
    """MinHash signature: for each permutation (multiply-shift hashing, top 32 bits), the minimum over shingles."""
    if sh.size == 0:
        return np.full(a.size, np.iinfo(np.uint64).max, dtype=np.uint64)
    with np.errstate(over="ignore"):
        vals = (a[:, None] * sh[None, :] + b[:, None]) >> np.uint64(32)
    return np.asarray(vals.min(axis=1), dtype=np.uint64)


def jaccard(x: U64, y: U64) -> float:
    if x.size == 0 and y.size == 0:
        return 1.0
    inter = np.intersect1d(x, y, assume_unique=True).size
    return inter / (x.size + y.size - inter)


class UnionFind:
    """Union-find over 0..n-1; the root of a set is its smallest member, so results do not depend on edge order."""

    def __init__(self, n: int) -> None:
        self.parent = np.arange(n, dtype=np.int64)

    def find(self, i: int) -> int:
        p = self.parent
        while p[i] != i:
            p[i] = p[p[i]]
            i = int(p[i])
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            lo, hi = (ri, rj) if ri < rj else (rj, ri)
            self.parent[hi] = lo

    def roots(self) -> npt.NDArray[np.int64]:
        return np.fromiter((self.find(i) for i in range(self.parent.size)), dtype=np.int64, count=self.parent.size)


def candidate_pairs(sigs: U64, bands: int = BANDS) -> set[tuple[int, int]]:
    """Pairs of rows whose signatures agree on every row of at least one band."""
    n, num_perm = sigs.shape
    rows = num_perm // bands
    out: set[tuple[int, int]] = set()
    for band in range(bands):
        block = np.ascontiguousarray(sigs[:, band * rows : (band + 1) * rows])
        keys = block.view(np.dtype((np.void, block.dtype.itemsize * rows))).ravel()
        order = np.argsort(keys, kind="stable")
        sk = keys[order]
        starts = np.flatnonzero(np.r_[True, sk[1:] != sk[:-1]])
        ends = np.r_[starts[1:], n]
        for s, e in zip(starts, ends, strict=True):
            if e - s > 1:
                members = np.sort(order[s:e])
                for i in range(len(members)):
                    for j in range(i + 1, len(members)):
                        out.add((int(members[i]), int(members[j])))
    return out


def near_duplicate_clusters(
    texts: Sequence[str],
    *,
    threshold: float = 0.8,
    num_perm: int = NUM_PERM,
    bands: int = BANDS,
    links: Sequence[tuple[int, int]] = (),
) -> npt.NDArray[np.int64]:
    """Cluster texts whose shingle Jaccard similarity is >= ``threshold``; return each text's cluster root.

    The root of a cluster is the index of its first member, so clusters are labelled by position. ``links`` are
    extra pairs to join whatever their similarity (exact duplicates recorded as ``duplicate_of``). A threshold above
    1 disables the near-duplicate search (only ``links`` join).
    """
    n = len(texts)
    uf = UnionFind(n)
    for i, j in links:
        uf.union(i, j)
    if n > 1 and threshold <= 1.0:
        a, b = _permutations(num_perm)
        sets = [shingles(t) for t in texts]
        keep = [i for i, s in enumerate(sets) if s.size]  # empty texts are nobody's near-duplicate
        if len(keep) > 1:
            sigs = np.stack([signature(sets[i], a, b) for i in keep])
            for ki, kj in sorted(candidate_pairs(sigs, bands)):
                i, j = keep[ki], keep[kj]
                if uf.find(i) != uf.find(j) and jaccard(sets[i], sets[j]) >= threshold:
                    uf.union(i, j)
    return uf.roots()
