"""Claim discovery: cluster the claim units that match no tracked claim into proposals for new claims.

A global step (it needs every unmatched claim unit at once). Texts are normalised (Arabic forms, diacritics, case),
turned into character n-gram TF-IDF vectors (IDF over the units being clustered), and two units are linked when their
cosine is at least ``threshold``; clusters are the connected components (near-duplicates and close paraphrases chain
together). Each cluster of at least ``min_size`` units is one suggestion, represented by its medoid (the member most
similar to the others). Everything is deterministic: input order does not change the clusters or the ids.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence

import numpy as np
import polars as pl
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

from stancekit.builder.ngrams import Alphabet, Vocabulary, count_matrix, ngram_codes, symbols
from stancekit.builder.normalize import normalize_text
from stancekit.builder.stopwords import WORDS as STOPWORDS

NGRAMS = (3, 4, 5)
MEDOID_SAMPLE = 300

SUGGESTION_SCHEMA: dict[str, pl.DataType | type[pl.DataType]] = {
    "suggestion_id": pl.Utf8,
    "text": pl.Utf8,
    "lang": pl.Utf8,
    "size": pl.Int64,
    "speakers": pl.List(pl.Utf8),
    "outlets": pl.List(pl.Utf8),
    "first_seen": pl.Datetime("us", "UTC"),
    "last_seen": pl.Datetime("us", "UTC"),
    "n_documents": pl.Int64,
    "representative_unit_id": pl.Utf8,
    "examples": pl.List(pl.Utf8),
}


def tfidf_matrix(texts: Sequence[str], *, max_df: float = 0.2) -> sp.csr_matrix:
    """L2-normalised character n-gram TF-IDF rows for ``texts``.

    IDF over these texts; n-grams inside function words, and in a large set the very common ones, are dropped.
    """
    alphabet = Alphabet.from_texts(texts)
    codes, text_idx = ngram_codes(symbols(texts, alphabet), NGRAMS, alphabet.bits)
    vocab_codes, inverse = np.unique(codes, return_inverse=True)
    n = len(texts)
    df = np.bincount(np.unique(text_idx * len(vocab_codes) + inverse) % len(vocab_codes),
                     minlength=len(vocab_codes)).astype(np.float64)
    idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
    stop = (df > max_df * n) & (df > 100)  # very common n-grams only in a large set: a cluster's own n-grams stay
    words = [f" {w} " for ws in STOPWORDS.values() for w in ws]
    stop |= np.isin(vocab_codes, ngram_codes(symbols(words, alphabet), NGRAMS, alphabet.bits)[0])
    idf[stop] = 0.0
    vocab = Vocabulary(vocab_codes, idf, float(np.log(1.0 + n) + 1.0))
    counts, _ = count_matrix(texts, alphabet, vocab, NGRAMS)
    x = counts.copy()
    x.data = (1.0 + np.log(x.data)) * idf[x.indices]
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags(1.0 / norms) @ x)


def _components(x: sp.csr_matrix, threshold: float, chunk: int = 2048) -> np.ndarray:
    n = x.shape[0]
    xt = sp.csr_matrix(x.T)
    rows, cols = [np.empty(0, np.int64)], [np.empty(0, np.int64)]
    for lo in range(0, n, chunk):
        sim = sp.coo_matrix(x[lo:lo + chunk] @ xt)
        keep = (sim.data >= threshold - 1e-12) & (sim.col > sim.row + lo)
        rows.append(sim.row[keep].astype(np.int64) + lo)
        cols.append(sim.col[keep].astype(np.int64))
    r, c = np.concatenate(rows), np.concatenate(cols)
    graph = sp.coo_matrix((np.ones(len(r)), (r, c)), shape=(n, n))
    return np.asarray(connected_components(graph, directed=False)[1], dtype=np.int64)


def cluster_matrix(x: sp.csr_matrix, *, threshold: float = 0.45, max_size: int = 50, step: float = 0.1) -> np.ndarray:
    """Cluster labels for the rows of ``x``: connected components of ``cosine >= threshold``.

    Single linkage chains topics together (gold up, gold down, dollar up, ...): a component larger than ``max_size``
    is split again at ``threshold + step``, and so on, so a cluster stays one claim rather than one topic.
    """
    n = x.shape[0]
    labels = np.full(n, -1, dtype=np.int64)
    work = [(np.arange(n), threshold)]
    next_label = 0
    while work:
        idx, thr = work.pop()
        comp = _components(x[idx], thr)
        for lab in np.unique(comp):
            members = idx[comp == lab]
            if len(members) > max_size and thr + step < 0.95:
                work.append((members, thr + step))
            else:
                labels[members] = next_label
                next_label += 1
    # relabel by first member so labels do not depend on the order the work list was processed in
    _, first = np.unique(labels, return_index=True)
    order = np.argsort(first)
    remap = np.empty_like(order)
    remap[order] = np.arange(len(order))
    return remap[np.searchsorted(np.unique(labels), labels)]


def cluster_texts(texts: Sequence[str], *, threshold: float = 0.45, max_size: int = 50) -> np.ndarray:
    """A cluster label per text (see :func:`cluster_matrix`)."""
    if len(texts) == 0:
        return np.empty(0, np.int64)
    return cluster_matrix(tfidf_matrix(texts), threshold=threshold, max_size=max_size)


def medoid(x: sp.csr_matrix) -> int:
    """Row of ``x`` most similar to the others (ties: the first)."""
    if x.shape[0] <= 2:
        return 0
    sims = np.asarray((x @ x.T).sum(axis=1)).ravel()
    return int(np.argmax(sims))


def suggest_claims(units: pl.DataFrame, *, threshold: float = 0.45, min_size: int = 2, max_size: int = 50,
                   n_examples: int = 5) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Cluster unmatched claim units into suggestions.

    ``units``: unit_id, doc_id, text, speaker, outlet, published_at, lang (one row per unmatched claim unit).
    Returns ``(suggestions, members)``: suggestions as in DESIGN.md (+ n_documents, representative_unit_id, examples)
    and one row per member unit (suggestion_id + the unit's columns).
    """
    units = units.sort("unit_id")  # input order must not matter
    texts = units["text"].to_list()
    norm = [normalize_text(t) for t in texts]
    keep = [i for i, t in enumerate(norm) if len(t) >= 8]
    labels = np.full(len(texts), -1, dtype=np.int64)
    row_of = np.full(len(texts), -1, dtype=np.int64)
    x = sp.csr_matrix((0, 0))
    if keep:
        x = tfidf_matrix([texts[i] for i in keep])
        labels[keep] = cluster_matrix(x, threshold=threshold, max_size=max_size)
        row_of[keep] = np.arange(len(keep))
    units = units.with_columns(pl.Series("_cluster", labels), pl.Series("_row", row_of))
    rows = []
    members = []
    for _, group in units.filter(pl.col("_cluster") >= 0).group_by("_cluster", maintain_order=True):
        if group.height < min_size:
            continue
        g = group.sort("unit_id")
        gtexts = g["text"].to_list()
        rep = medoid(x[g["_row"].to_numpy()[:MEDOID_SAMPLE]])
        rep_text = gtexts[rep]
        sid = "s" + hashlib.blake2b(normalize_text(rep_text).encode("utf-8"), digest_size=8).hexdigest()[:11]
        langs = Counter(x for x in g["lang"].to_list() if x)
        dates = g["published_at"].drop_nulls()
        examples = [rep_text, *[t for i, t in enumerate(gtexts) if i != rep][: n_examples - 1]]
        rows.append({
            "suggestion_id": sid,
            "text": rep_text,
            "lang": langs.most_common(1)[0][0] if langs else "und",
            "size": g.height,
            "speakers": sorted({s for s in g["speaker"].to_list() if s}),
            "outlets": sorted({o for o in g["outlet"].to_list() if o}),
            "first_seen": dates.min() if len(dates) else None,
            "last_seen": dates.max() if len(dates) else None,
            "n_documents": g["doc_id"].n_unique(),
            "representative_unit_id": g["unit_id"][rep],
            "examples": examples,
        })
        members.append(g.drop("_cluster", "_row").with_columns(pl.lit(sid).alias("suggestion_id")))
    suggestions = pl.DataFrame(rows, schema=SUGGESTION_SCHEMA)
    suggestions = suggestions.sort(["size", "suggestion_id"], descending=[True, False])
    member_frame = (pl.concat(members, how="diagonal_relaxed").select("suggestion_id", pl.exclude("suggestion_id"))
                    if members else pl.DataFrame({"suggestion_id": []}, schema={"suggestion_id": pl.Utf8}))
    return suggestions, member_frame
