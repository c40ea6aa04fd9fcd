"""The semantic channel of matching: English headlines and leads scored by sentence embeddings (optional).

Character n-grams find a claim where a unit shares its words. A headline often says the same thing in other words
("Pentagon says American forces will remain in Iraq" for "US troops will stay in Iraq"): on our English headline
proxy (``benchmarks/match_doc_quality.py``) 14 of 70 headlines share no content word with their claim, and the
character matcher's document recall@5 is 0.41 at the default minimum score. This channel embeds a unit and every
English text and alias of each claim with all-MiniLM-L6-v2 (:mod:`stancekit.builder.minilm`) and lifts the claim's
score to ``clip(weight * cosine + offset, 0, 1)`` where that is higher than the character score.

It runs only where it is worth its cost (about 10 ms of CPU per unit, against ~10 us for the character matcher):
- units written in Latin script (the model is English; on Arabic its cosines are high everywhere and it would
  flood annotators), scored against the claims' English texts only;
- with ``units = "leads"`` (the default), a document's title and its first content unit (a headline the segmenter
  did not recognise as a title, or the lead), so the cost is at most two encodings per document; ``"content"``
  embeds every unit the run considers (small campaigns).

A headline's closest claims are worth an annotator's look even when the cosine is modest (a near-topic claim often
edges out the right one): the ``best_n`` (2) closest, those with a cosine of at least ``best_min_cosine`` (0.3),
score at least ``best_lift`` (0.2, above the default minimum score). It applies to a document's first unit (its title,
else its lead), so a document sends at most two pairs this way.

The weights are fixed, so a unit's score still depends only on the unit and the registry. ``weight`` and ``offset``
were fitted on our proxy with a 2-fold check (recall@5 0.93-0.96 at ~1.8 pairs per headline). Sets of headlines
written blind by other engineers then gave less: ``tests/data/claim_tracking_blind_en`` 0.817, where nine of eleven
misses had their claim as the closest one, below the threshold; after a closest-claim rule (1 claim, cosine 0.35)
was added, a second set (``claim_tracking_blind_en2``) gave 0.850, where seven of nine misses had their claim second
closest, behind a near-topic claim. With 2 claims at 0.3 (``minilm_en.v2``, chosen after that run): proxy 0.986,
the two sets 0.933 and 0.917, at ~2.3-2.4 pairs per headline (v1: 1.8-2.1); the share of unrelated English sentences
(UD) that get a pair rises from 10% to 24% (0.17 -> 0.44 pairs each). A third set
(``claim_tracking_blind_en3``), written after that choice and scored once: 0.933 at 2.18 pairs per headline (without
the rule: 0.867 at 1.78).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from threadpoolctl import threadpool_limits

from stancekit.builder.claims import Registry
from stancekit.builder.ingest.lang import LATIN_LETTER
from stancekit.builder.minilm import INSTALL_HINT, MODEL_NAME, MODEL_SHA256, MiniLM, find_model_dir
from stancekit.errors import ConfigError

SEMANTIC_UNITS = ("leads", "content")
LATIN_SHARE = 0.8  # at least this share of a unit's letters are Latin


def is_latin(text: str) -> bool:
    """True when ``text`` has at least 3 letters and at least 80% of them are Latin script (ingest's
    :data:`~stancekit.builder.ingest.lang.LATIN_LETTER`: A-Z, Latin-1, Latin Extended)."""
    letters = sum(ch.isalpha() for ch in text)
    return letters >= 3 and len(LATIN_LETTER.findall(text)) >= LATIN_SHARE * letters


class SemanticChannel:
    """Cosine of MiniLM embeddings between units and the claims' English texts and aliases, as a score lift."""

    name = "minilm_en.v2"

    def __init__(self, registry: Registry, encoder: MiniLM, *, weight: float = 1.0, offset: float = -0.25,
                 best_n: int = 2, best_min_cosine: float = 0.3, best_lift: float = 0.2, units: str = "leads") -> None:
        if units not in SEMANTIC_UNITS:
            raise ConfigError(f"[match] semantic_units must be one of {', '.join(SEMANTIC_UNITS)}, got {units!r}")
        self.encoder, self.weight, self.offset, self.units = encoder, weight, offset, units
        self.best_n, self.best_min_cosine, self.best_lift = best_n, best_min_cosine, best_lift
        self.n_claims = len(registry)
        variants = [(ci, text) for ci, c in enumerate(registry.claims) for lang, text in c.variants() if lang == "en"]
        self._variant_claim = np.array([ci for ci, _ in variants], dtype=np.int64)
        self._variant_texts = [t for _, t in variants]
        self._claim_vectors: np.ndarray | None = None

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_claim_vectors"] = None  # recomputed in the worker (the encoder pickles without its weights)
        return state

    @property
    def active(self) -> bool:
        """False when no claim has an English text or alias (nothing to compare with)."""
        return len(self._variant_texts) > 0

    def params(self) -> dict[str, Any]:
        return {"model": MODEL_NAME, "sha256": MODEL_SHA256[:12], "weight": self.weight, "offset": self.offset,
                "best_n": self.best_n, "best_min_cosine": self.best_min_cosine, "best_lift": self.best_lift,
                "units": self.units,
                "script": "latin"}

    def check(self) -> None:
        """Load the model and embed the claims now, so a broken install fails before a long run."""
        self._claims()

    def _claims(self) -> np.ndarray:
        if self._claim_vectors is None:
            with threadpool_limits(1):
                self._claim_vectors = self.encoder.encode(self._variant_texts)
        return self._claim_vectors

    def eligible(self, texts: Sequence[str], kinds: Sequence[str] | None,
                 positions: Sequence[int | None] | None) -> np.ndarray:
        """Which units the channel embeds (a boolean mask)."""
        n = len(texts)
        if not self.active:
            return np.zeros(n, dtype=bool)
        if self.units == "leads":
            lead = [(kinds is not None and kinds[i] == "title") or (positions is not None and positions[i] == 0)
                    for i in range(n)]
        else:
            lead = [True] * n
        return np.array([lead[i] and is_latin(texts[i]) for i in range(n)], dtype=bool)

    def lift(self, texts: Sequence[str], *, nearest: Sequence[bool] | None = None) -> np.ndarray:
        """``len(texts) x n_claims``: ``clip(weight * cosine + offset, 0, 1)`` for each claim's best English variant
        (0 for claims with none); and, for the texts ``nearest`` marks (default: all; the matcher marks a document's
        first unit, so a document sends at most ``best_n`` pairs this way), the ``best_n`` closest claims (the
        highest cosines, ties: registry order), those whose cosine reaches ``best_min_cosine``, at least
        ``best_lift``. Rounded to 6 decimals."""
        if not len(texts) or not self.active:
            return np.zeros((len(texts), self.n_claims))
        claims = self._claims()
        with threadpool_limits(1):  # one BLAS thread: each worker process uses one core
            units = self.encoder.encode(list(texts))
        cos = np.full((len(texts), self.n_claims), -1.0)
        np.maximum.at(cos.T, self._variant_claim, (units @ claims.T).astype(np.float64).T)
        out = np.clip(self.weight * cos + self.offset, 0.0, 1.0)
        closest = np.argsort(-cos, axis=1, kind="stable")[:, :self.best_n]
        all_rows = np.repeat(np.arange(len(texts)), closest.shape[1])
        all_cols = closest.ravel()
        near = cos[all_rows, all_cols] >= self.best_min_cosine
        if nearest is not None:
            near &= np.repeat(np.asarray(nearest, dtype=bool), closest.shape[1])
        rows, cols = all_rows[near], all_cols[near]
        out[rows, cols] = np.maximum(out[rows, cols], self.best_lift)
        return np.round(out, 6)


SEMANTIC_MODES = ("auto", "on", "off")


def semantic_channel(registry: Registry, *, mode: str = "auto", units: str = "leads",
                     model: str = "") -> tuple[SemanticChannel | None, str]:
    """The channel ``[match] semantic`` asks for (loaded and checked), and a one-line note saying why it is on or off.

    ``auto``: on when the model's files are found (see :func:`stancekit.builder.minilm.find_model_dir`) and the
    registry has English text; ``on``: the same, but a missing model is an error; ``off``: never.
    A model that is found but altered, or unreadable, is always an error.
    """
    if mode not in SEMANTIC_MODES:
        raise ConfigError(f"[match] semantic must be one of {', '.join(SEMANTIC_MODES)}, got {mode!r}")
    if mode == "off":
        return None, "semantic channel: off ([match] semantic = off)"
    model_dir = find_model_dir(model or None)
    if model_dir is None:
        if mode == "on":
            raise ConfigError(f"[match] semantic = on, but {MODEL_NAME}'s files are not installed; {INSTALL_HINT}")
        return None, f"semantic channel: off ({MODEL_NAME}'s files not installed; {INSTALL_HINT})"
    channel = SemanticChannel(registry, MiniLM(model_dir), units=units)
    if not channel.active:
        return None, "semantic channel: off (no claim has an English text or alias)"
    channel.check()
    return channel, f"semantic channel: on ({MODEL_NAME} from {model_dir}; Latin-script {units})"
