"""Matching: pair units with the tracked claims they speak to (units -> PAIRS).

The plug-in point is :class:`Matcher` (a versioned ``name`` plus ``params``, recorded in ``pairs.method``). The
built-in :class:`CharNgramMatcher` (``char_ngram.v1``) scores a unit against every language variant and alias of each
claim by the cosine of character n-gram TF-IDF vectors (3- to 5-grams inside space-padded words by default, like
scikit-learn's ``char_wb``; n-grams of built-in function words ignored), on text normalised by
:mod:`stancekit.builder.normalize`; a claim's score is its best variant's.
Every weight is fitted on the registry alone (IDF over the claim variants; n-grams that occur in more than ``max_df``
of them are stop n-grams), so a unit's scores depend only on the unit and the registry, never on the rest of the
corpus: any batch size, order or worker count gives the same pairs. Keyword rules from the registry lift a claim's
score to ``keyword_score`` when a unit holds every keyword of one of its languages (substrings of the normalised text).
:class:`CoverageMatcher` (``char_ngram.v2``) adds the claim's coverage by a long unit; :class:`DocumentMatcher`
(``char_ngram.v3``, the default) adds the claim's coverage by the unit's whole document (its selected units), which
lifts the document's best unit for the claims it covers best; its scores depend on the unit, its document and the
registry, so a batch holds whole documents.

Measured on ANS (``benchmarks/match_quality.py``): cross-word n-grams (``analyzer="char"``) rank the same but score
lower, so at one ``min_score`` they send fewer pairs and lose recall; within-word n-grams keep paraphrases above 0.2.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, Protocol, runtime_checkable

import numpy as np
import polars as pl
import scipy.sparse as sp

from stancekit.builder.claims import Registry
from stancekit.builder.match_semantic import SemanticChannel
from stancekit.builder.ngrams import Alphabet, Vocabulary, count_matrix, ngram_codes, normalized_strings, symbols
from stancekit.builder.normalize import normalize_text
from stancekit.builder.stopwords import VERSION as STOPWORDS_VERSION
from stancekit.builder.stopwords import WORDS as STOPWORDS
from stancekit.errors import ClaimsError, ConfigError
from stancekit.ids import pair_id
from stancekit.schemas import PAIRS

UNIT_SELECTIONS = ("claims", "content")


@runtime_checkable
class Matcher(Protocol):
    """Scores units against the claims of one registry."""

    name: str  # versioned, e.g. "char_ngram.v1"

    @property
    def claim_ids(self) -> list[str]: ...

    def params(self) -> dict[str, Any]:
        """Everything the scores depend on besides the unit text (recorded with the name)."""
        ...

    def scores(self, texts: Sequence[str], *, kinds: Sequence[str] | None = None,
               positions: Sequence[int | None] | None = None, docs: Sequence[str] | None = None) -> np.ndarray:
        """A dense ``len(texts) x len(claim_ids)`` array of scores in [0, 1]. ``kinds`` and ``positions`` (the
        units' kind and position, when known) let a matcher spend more on some units (titles, leads); ``docs`` (their
        document ids) lets it weigh a document's units together, so a call must then hold every selected unit of
        each of its documents (:func:`match_batch` and the match stage see to that)."""
        ...


def method_string(matcher: Matcher, **run_params: Any) -> str:
    """``name`` + the parameters as compact JSON: what ``pairs.method`` records."""
    params = {**matcher.params(), **run_params}
    return f"{matcher.name} {json.dumps(params, sort_keys=True, separators=(',', ':'), ensure_ascii=False)}"


class CharNgramMatcher:
    """Character n-gram TF-IDF cosine against every variant of each claim (IDF fitted on the claims only)."""

    name = "char_ngram.v1"

    def __init__(self, registry: Registry, *, ngram: tuple[int, int] = (3, 5), max_df: float = 0.05,
                 min_df_stop: int = 5, keyword_score: float = 0.5, stopwords: bool = True,
                 analyzer: str = "char_wb") -> None:
        if not len(registry):
            raise ClaimsError(f"{registry.path or 'claims registry'}: no claims to match; add claims first")
        lo, hi = ngram
        if not 1 <= lo <= hi <= 7:
            raise ConfigError(f"ngram range {ngram} must satisfy 1 <= min <= max <= 7")
        if not 0 < keyword_score <= 1:
            raise ConfigError(f"keyword_score must be in (0, 1], got {keyword_score}")
        self.registry = registry
        self.ns = tuple(range(lo, hi + 1))
        self.max_df, self.min_df_stop, self.keyword_score = max_df, min_df_stop, keyword_score
        self.stopwords = stopwords
        if analyzer not in ("char", "char_wb"):
            raise ConfigError(f"analyzer must be char or char_wb, got {analyzer!r}")
        self.analyzer = analyzer
        self._wb = analyzer == "char_wb"
        variants = [(ci, text) for ci, c in enumerate(registry.claims) for _, text in c.variants()]
        self._variant_claim = np.array([ci for ci, _ in variants], dtype=np.int64)
        keywords = sorted({normalize_text(k) for c in registry.claims for ks in c.keywords.values() for k in ks} - {""})
        self.alphabet = Alphabet.from_texts([t for _, t in variants] + keywords)
        self._fit([t for _, t in variants])
        self._fit_keywords()

    # ------------------------------------------------------------------ fitting (on the registry only)

    def _fit(self, texts: list[str]) -> None:
        codes, text_idx = ngram_codes(symbols(texts, self.alphabet), self.ns, self.alphabet.bits, self._wb)
        vocab_codes, inverse = np.unique(codes, return_inverse=True)
        n = len(texts)
        pairs = np.unique(text_idx * len(vocab_codes) + inverse)
        df = np.bincount(pairs % len(vocab_codes), minlength=len(vocab_codes)).astype(np.float64)
        idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
        stop = (df > self.max_df * n) & (df > self.min_df_stop)
        if self.stopwords:
            words = [f" {w} " for ws in STOPWORDS.values() for w in ws]
            sw_codes, _ = ngram_codes(symbols(words, self.alphabet), self.ns, self.alphabet.bits, self._wb)
            stop |= np.isin(vocab_codes, sw_codes)
        idf[stop] = 0.0
        self.vocab = Vocabulary(vocab_codes, idf, float(np.log(1.0 + n) + 1.0))
        counts, _ = count_matrix(texts, self.alphabet, self.vocab, self.ns, self._wb)
        w = self._weigh(counts)
        norms = np.sqrt(np.asarray(w.multiply(w).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        self._variant_norm = norms  # each variant's weighted n-gram norm, before normalising
        w = sp.csr_matrix(sp.diags(1.0 / norms) @ w)
        w.eliminate_zeros()
        self._w = sp.csr_matrix(w.T)  # vocabulary x variants
        self.n_stop = int(stop.sum())

    def _weigh(self, counts: sp.csr_matrix) -> sp.csr_matrix:
        w = counts.copy()
        w.data = (1.0 + np.log(w.data)) * self.vocab.idf[w.indices]
        return w

    def _fit_keywords(self) -> None:
        self._kw_patterns: list[str] = []
        self._kw_rules: list[tuple[int, tuple[int, ...]]] = []  # (claim index, pattern indices that must all occur)
        index: dict[str, int] = {}
        for ci, claim in enumerate(self.registry.claims):
            for words in claim.keywords.values():
                pats = tuple(sorted({normalize_text(w) for w in words} - {""}))
                if not pats:
                    continue
                ids = []
                for p in pats:
                    if p not in index:
                        index[p] = len(self._kw_patterns)
                        self._kw_patterns.append(p)
                    ids.append(index[p])
                self._kw_rules.append((ci, tuple(ids)))

    # ------------------------------------------------------------------ the Matcher protocol

    @property
    def claim_ids(self) -> list[str]:
        return self.registry.ids

    def params(self) -> dict[str, Any]:
        return {"ngram": [self.ns[0], self.ns[-1]], "analyzer": self.analyzer, "tf": "sublinear", "idf": "claims",
                "max_df": self.max_df, "min_df_stop": self.min_df_stop,
                "stopwords": STOPWORDS_VERSION if self.stopwords else None, "keyword_score": self.keyword_score,
                "claims": self.registry.fingerprint()}

    def scores(self, texts: Sequence[str], *, kinds: Sequence[str] | None = None,
               positions: Sequence[int | None] | None = None, docs: Sequence[str] | None = None) -> np.ndarray:
        """Scores depend on the text alone (``kinds`` is not used; ``positions`` and ``docs`` only by a matcher that
        weighs a document's units together, :meth:`_lift_documents`)."""
        if not len(texts):
            return np.zeros((0, len(self.registry)))
        counts, oov = count_matrix(texts, self.alphabet, self.vocab, self.ns, self._wb)
        out = self._claim_scores(texts, counts, oov)
        if docs is not None:
            self._lift_documents(texts, positions, docs, counts, out)
        return out

    def _lift_documents(self, texts: Sequence[str], positions: Sequence[int | None] | None, docs: Sequence[str],
                        counts: sp.csr_matrix, out: np.ndarray) -> None:
        """Raise ``out`` in place from each document's units together; units alone here (v1, v2)."""

    def _by_claim(self, per_variant: np.ndarray) -> np.ndarray:
        """Rows x claim variants -> rows x claims: each claim's best variant."""
        if len(self._variant_claim) == len(self.registry):
            return per_variant
        starts = np.flatnonzero(np.r_[True, self._variant_claim[1:] != self._variant_claim[:-1]])
        return np.maximum.reduceat(per_variant, starts, axis=1)

    def _claim_scores(self, texts: Sequence[str], counts: sp.csr_matrix, oov: np.ndarray) -> np.ndarray:
        by_claim = self._by_claim(self._variant_scores(counts, oov))
        if self._kw_rules:
            self._apply_keywords(texts, by_claim)
        np.clip(by_claim, 0.0, 1.0, out=by_claim)
        return by_claim

    def _unit_norms(self, x: sp.csr_matrix, oov: np.ndarray) -> np.ndarray:
        """Each unit's weighted n-gram norm; its out-of-vocabulary n-grams count at the out-of-vocabulary weight."""
        norm = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel() + oov * self.vocab.oov_idf ** 2)
        norm[norm == 0] = 1.0
        return norm

    def _variant_scores(self, counts: sp.csr_matrix, oov: np.ndarray) -> np.ndarray:
        """Units x claim variants: the cosine."""
        x = self._weigh(counts)
        sim = (x @ self._w).toarray()
        sim /= self._unit_norms(x, oov)[:, None]
        return sim

    def _apply_keywords(self, texts: Sequence[str], scores: np.ndarray) -> None:
        norm = pl.Series(normalized_strings(texts, self.alphabet))
        found = norm.str.extract_many(self._kw_patterns, overlapping=True)
        index = {p: i for i, p in enumerate(self._kw_patterns)}
        for row, hits in enumerate(found.to_list()):
            if not hits:
                continue
            have = {index[h] for h in hits}
            for ci, need in self._kw_rules:
                if have.issuperset(need) and scores[row, ci] < self.keyword_score:
                    scores[row, ci] = self.keyword_score


class CoverageMatcher(CharNgramMatcher):
    """``char_ngram.v2``: the cosine, or the claim's coverage where a longer unit holds most of the claim.

    A long article sentence that states a short claim shares most of the claim's n-grams but scores a low cosine,
    diluted by its own length. The coverage of a claim variant by a unit is the claim-normalised dot product
    ``dot(unit, variant) / |variant|^2`` (capped at 1): the share of the variant's weighted n-grams that the unit
    matches (IDF from the registry, as for the cosine; it equals ``cosine * |unit| / |variant|``, so it costs
    nothing beyond the cosine). It counts only when it reaches ``coverage_min`` (a sentence that shares a claim's
    place and actor names but not what the claim says covers about half of it: names alone must not decide), only
    as far as the unit is longer than the variant (ramped from 0 at the variant's norm to 1 at twice it, so units of
    a claim's own length are scored by the cosine alone, which ranks those better on ANS), and damped by
    ``coverage_weight`` (covering a claim is weaker evidence than resembling it)::

        score = max(cosine, coverage_weight * coverage * [coverage >= coverage_min] * clip(|unit|/|variant| - 1, 0, 1))

    Scores still depend only on the unit and the registry.
    """

    name = "char_ngram.v2"

    def __init__(self, registry: Registry, *, coverage_weight: float = 0.7, coverage_min: float = 0.55,
                 **kwargs: Any) -> None:
        if not 0 <= coverage_weight <= 1:
            raise ConfigError(f"coverage_weight must be in [0, 1], got {coverage_weight}")
        if not 0 <= coverage_min <= 1:
            raise ConfigError(f"coverage_min must be in [0, 1], got {coverage_min}")
        self.coverage_weight, self.coverage_min = coverage_weight, coverage_min
        super().__init__(registry, **kwargs)

    def params(self) -> dict[str, Any]:
        return {**super().params(), "coverage_weight": self.coverage_weight,
                "coverage_min": self.coverage_min, "coverage_ramp": [1, 2]}

    def _variant_scores(self, counts: sp.csr_matrix, oov: np.ndarray) -> np.ndarray:
        x = self._weigh(counts)
        norm = self._unit_norms(x, oov)
        dot = sp.csr_matrix(x @ self._w)  # dot products with the normalised variants, computed on the nonzeros only
        rows = np.repeat(np.arange(dot.shape[0]), np.diff(dot.indptr))
        unit_norm = norm[rows]
        cos = dot.data / unit_norm
        if self.coverage_weight > 0:
            ratio = unit_norm / self._variant_norm[dot.indices]  # |unit| / |variant|
            coverage = np.minimum(cos * ratio, 1.0)  # dot / |variant|^2: the share of the variant's weight matched
            lift = self.coverage_weight * coverage * np.clip(ratio - 1.0, 0.0, 1.0)
            lift[coverage < self.coverage_min] = 0.0
            cos = np.maximum(cos, lift)
        dot.data = cos
        return dot.toarray()


class DocumentMatcher(CoverageMatcher):
    """``char_ngram.v3``: ``char_ngram.v2``, plus a document channel for articles.

    An article often states its claim across sentences, none of which scores high on its own: the headline names the
    actors, the lead says what happens, a quote adds the rest (an Arabic article on fuel prices whose best sentence
    covers a third of "Iraq will raise petrol and fuel prices this year"). The document channel takes the claim's
    coverage by the whole document: the n-gram counts of its selected units summed (the same weights as a unit's;
    n-grams stay inside words, so this is the document's own count), ``dot(document, variant) / |variant|^2`` capped
    at 1. In a document of at least ``doc_min_units`` selected units, a claim is lifted when the document covers it
    to ``doc_min_coverage`` and its best unit for the claim (its anchor: the highest unit score, then the lowest
    position, then the text) scores at least ``doc_anchor_min`` on its own (it must share something with the claim);
    of those, the ``doc_top`` best covered (ties: the better anchor, then registry order) lift their anchor::

        score(anchor, claim) = max(unit score, doc_weight * document coverage)

    So a document adds at most ``doc_top`` pairs, each on the unit an annotator should read for that claim; a unit
    still has at most top-k pairs. Scores depend on the unit, its document's selected units and the registry, never
    on other documents: a batch holds whole documents.

    Measured (``benchmarks/match_doc_quality.py``, Arabic articles, doc recall@5 and pairs per article): on our proxy
    set v2 0.868 at 4.68 -> v3 0.974 at 5.42; on a set written blind by another engineer
    (``tests/data/claim_tracking_blind``) v2 0.40 at 1.65 -> v3 0.90 at 3.45. ``doc_top`` 3 and ``doc_anchor_min``
    0.08 were chosen after the blind set's first run (0.80 with 2 and 0.1; the proxy set agreed, 0.947 -> 0.974), so
    that set is no longer blind; on a second blind set, written after that and scored once
    (``tests/data/claim_tracking_blind2``), v2 0.85 at 3.25 -> v3 1.00 at 4.20. English headlines (one unit each) are
    scored as by v2.
    """

    name = "char_ngram.v3"

    def __init__(self, registry: Registry, *, doc_min_units: int = 3, doc_min_coverage: float = 0.5,
                 doc_top: int = 3, doc_weight: float = 0.5, doc_anchor_min: float = 0.08, **kwargs: Any) -> None:
        if doc_min_units < 1 or doc_top < 0:
            raise ConfigError(f"doc_min_units must be >= 1 and doc_top >= 0, got {doc_min_units} and {doc_top}")
        for key, value in (("doc_min_coverage", doc_min_coverage), ("doc_weight", doc_weight),
                           ("doc_anchor_min", doc_anchor_min)):
            if not 0 <= value <= 1:
                raise ConfigError(f"{key} must be in [0, 1], got {value}")
        self.doc_min_units, self.doc_min_coverage, self.doc_top = doc_min_units, doc_min_coverage, doc_top
        self.doc_weight, self.doc_anchor_min = doc_weight, doc_anchor_min
        super().__init__(registry, **kwargs)

    def params(self) -> dict[str, Any]:
        return {**super().params(), "doc_min_units": self.doc_min_units, "doc_min_coverage": self.doc_min_coverage,
                "doc_top": self.doc_top, "doc_weight": self.doc_weight, "doc_anchor_min": self.doc_anchor_min}

    def _lift_documents(self, texts: Sequence[str], positions: Sequence[int | None] | None, docs: Sequence[str],
                        counts: sp.csr_matrix, out: np.ndarray) -> None:
        if not self.doc_top:
            return
        if len(docs) != len(texts):
            raise ValueError(f"docs has {len(docs)} entries for {len(texts)} texts")
        keys, inverse = np.unique(np.asarray(docs, dtype=object), return_inverse=True)
        sizes = np.bincount(inverse, minlength=len(keys))
        big = np.flatnonzero(sizes >= self.doc_min_units)
        if not len(big):
            return
        n = len(texts)
        member = sp.csr_matrix((np.ones(n), (inverse, np.arange(n))), shape=(len(keys), n))[big]
        summed = sp.csr_matrix(member @ counts)
        summed.sort_indices()  # the sums' order would follow the rows' and change the last bit of the dot products
        x = self._weigh(summed)
        coverage = self._by_claim(np.minimum((x @ self._w).toarray() / self._variant_norm, 1.0))
        # each document's rows in anchor order: the lowest position first, then the text (a tie on score goes to the
        # first of them)
        pos = np.array([p if p is not None else np.iinfo(np.int64).max for p in (positions or [None] * n)], np.int64)
        text_rank = np.empty(n, dtype=np.int64)
        text_rank[sorted(range(n), key=texts.__getitem__)] = np.arange(n)
        by_doc = np.lexsort((text_rank, pos, inverse))
        doc_start = np.r_[0, np.cumsum(sizes)[:-1]][big]  # where each big document's rows begin in by_doc
        # candidates: the claims a document covers to doc_min_coverage; each one's anchor is the first row, in anchor
        # order, with the document's best unit score for it
        cand_doc, cand_claim = np.nonzero(coverage >= self.doc_min_coverage)
        if not len(cand_doc):
            return
        lengths = sizes[big][cand_doc]
        segment = np.repeat(np.arange(len(cand_doc)), lengths)
        offset = np.arange(len(segment)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        rows = by_doc[np.repeat(doc_start[cand_doc], lengths) + offset]
        values = out[rows, np.repeat(cand_claim, lengths)]
        first = np.lexsort((offset, -values, segment))[np.r_[0, np.cumsum(lengths)[:-1]]]
        anchor, best = rows[first], values[first]
        # lifted: the candidates whose anchor scores doc_anchor_min, the doc_top best covered per document (ties: the
        # better anchor, then registry order)
        ok = best >= self.doc_anchor_min
        cand_doc, cand_claim, anchor, best = cand_doc[ok], cand_claim[ok], anchor[ok], best[ok]
        cover = coverage[cand_doc, cand_claim]
        order = np.lexsort((cand_claim, -best, -cover, cand_doc))
        keep = order[np.arange(len(order)) - np.searchsorted(cand_doc[order], cand_doc[order]) < self.doc_top]
        lifted_anchor, lifted_claim = anchor[keep], cand_claim[keep]
        out[lifted_anchor, lifted_claim] = np.maximum(out[lifted_anchor, lifted_claim],
                                                      self.doc_weight * cover[keep])


class SemanticMatcher:
    """A character matcher plus the semantic channel (:mod:`stancekit.builder.match_semantic`): a unit the channel
    takes (Latin-script titles and leads by default) scores ``max(character score, semantic lift)`` per claim."""

    def __init__(self, base: CharNgramMatcher, channel: SemanticChannel) -> None:
        self.base, self.channel = base, channel
        self.name = f"{base.name}+{channel.name}"

    @property
    def claim_ids(self) -> list[str]:
        return self.base.claim_ids

    def params(self) -> dict[str, Any]:
        return {**self.base.params(), "semantic": self.channel.params()}

    def scores(self, texts: Sequence[str], *, kinds: Sequence[str] | None = None,
               positions: Sequence[int | None] | None = None, docs: Sequence[str] | None = None) -> np.ndarray:
        out = self.base.scores(texts, positions=positions, docs=docs)
        rows = np.flatnonzero(self.channel.eligible(texts, kinds, positions))
        if len(rows):
            first = [positions is None or positions[i] in (0, None) for i in rows]  # a document's first unit
            out[rows] = np.maximum(out[rows], self.channel.lift([texts[i] for i in rows], nearest=first))
        return out


MATCHERS: dict[str, type[CharNgramMatcher]] = {"char_ngram.v1": CharNgramMatcher, "char_ngram.v2": CoverageMatcher,
                                               "char_ngram.v3": DocumentMatcher}
DEFAULT_MATCHER = "char_ngram.v3"


def make_matcher(name: str, registry: Registry, *, semantic: SemanticChannel | None = None,
                 **kwargs: Any) -> CharNgramMatcher | SemanticMatcher:
    """The matcher registered under ``name`` (config ``[match] matcher``), fitted on ``registry``; with the
    semantic channel on top when ``semantic`` is given."""
    try:
        cls = MATCHERS[name]
    except KeyError:
        raise ConfigError(f"[match] matcher = {name!r} is not a known matcher; use one of: "
                          f"{', '.join(sorted(MATCHERS))}") from None
    base = cls(registry, **kwargs)
    return SemanticMatcher(base, semantic) if semantic is not None else base


def top_k(scores: np.ndarray, k: int, min_score: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per row, the ``k`` best columns scoring at least ``min_score``: ``(rows, cols, ranks)``.

    Ties are broken by the lower column, so the choice depends only on the row's scores.
    """
    if k <= 0 or scores.size == 0:
        empty = np.empty(0, np.int64)
        return empty, empty, empty
    rows, cols = np.nonzero(scores >= min_score)
    vals = scores[rows, cols]
    order = np.lexsort((cols, -vals, rows))
    rows, cols = rows[order], cols[order]
    first = np.searchsorted(rows, rows)  # rows are sorted: index of each row's first entry
    ranks = np.arange(len(rows)) - first + 1
    keep = ranks <= k
    return rows[keep], cols[keep], ranks[keep]


def select_units(units: pl.DataFrame, select: str) -> pl.DataFrame:
    """The units a match run considers: claim units (``claims``) or every non-boilerplate unit (``content``)."""
    if select == "claims":
        return units.filter(pl.col("is_claim").fill_null(False))
    if select == "content":
        return units.filter(pl.col("kind") != "boilerplate")
    raise ConfigError(f"units must be one of {', '.join(UNIT_SELECTIONS)}, got {select!r}")


def doc_chunks(docs: Sequence[str], chunk_rows: int) -> list[tuple[int, int]]:
    """``(lo, hi)`` row ranges of about ``chunk_rows`` rows that never cut a run of one document's rows."""
    cuts = [0]
    for i in range(1, len(docs)):
        if i - cuts[-1] >= chunk_rows and docs[i] != docs[i - 1]:
            cuts.append(i)
    return [(lo, hi) for lo, hi in zip(cuts, [*cuts[1:], len(docs)], strict=True) if hi > lo]


def match_batch(units: pl.DataFrame, *, matcher: Matcher, top_k_: int = 5, min_score: float = 0.2,
                select: str = "claims", method: str | None = None, chunk_rows: int = 2048) -> pl.DataFrame:
    """Pairs for one batch of units (PAIRS columns): at most ``top_k_`` claims per unit, each scoring >= min_score.

    With a ``doc_id`` column, a document's units are scored together (the matcher may weigh them as a document), so
    the batch must hold all of each document's units (the match stage reads whole documents per batch)."""
    chosen = select_units(units, select)
    docs: list[str] | None = None
    if "doc_id" in chosen.columns:  # a document's rows together, documents in order of first appearance
        chosen = (chosen.with_row_index("_row")
                  .with_columns(pl.col("_row").min().over("doc_id").alias("_first"))
                  .sort("_first", "_row").drop("_row", "_first"))
        docs = chosen["doc_id"].to_list()
    texts = chosen["text"].to_list()
    unit_ids = chosen["unit_id"].to_list()
    kinds = chosen["kind"].to_list() if "kind" in chosen.columns else None
    positions = chosen["position"].to_list() if "position" in chosen.columns else None
    claim_ids = matcher.claim_ids
    pu: list[str] = []
    pc: list[str] = []
    ps: list[np.ndarray] = []
    pr: list[np.ndarray] = []
    chunks = doc_chunks(docs, chunk_rows) if docs is not None else [
        (lo, min(lo + chunk_rows, len(texts))) for lo in range(0, len(texts), chunk_rows)]
    for lo, hi in chunks:
        scores = matcher.scores(texts[lo:hi], kinds=kinds[lo:hi] if kinds is not None else None,
                                positions=positions[lo:hi] if positions is not None else None,
                                docs=docs[lo:hi] if docs is not None else None)
        rows, cols, ranks = top_k(scores, top_k_, min_score)
        pu += [unit_ids[lo + r] for r in rows.tolist()]
        pc += [claim_ids[c] for c in cols.tolist()]
        ps.append(scores[rows, cols])
        pr.append(ranks)
    label = method or method_string(matcher, top_k=top_k_, min_score=min_score, units=select)
    return pl.DataFrame(
        {
            "pair_id": [pair_id(u, c) for u, c in zip(pu, pc, strict=True)],
            "unit_id": pu,
            "claim_id": pc,
            "score": np.concatenate(ps).astype(np.float64) if ps else np.empty(0),
            "rank": np.concatenate(pr).astype(np.int32) if pr else np.empty(0, np.int32),
            "method": [label] * len(pu),
        },
        schema=PAIRS.polars_schema(),
    )
