"""Matching quality on ANS (Khouja 2020): each distinct ``s1`` headline is a tracked claim, the ``s2`` rows the units.

Prints recall@1 and recall@5 of the right claim (the row's ``s1``) and the pairs sent out per unit, at the configured
minimum score and a few others, for the built-in matchers (char_ngram.v1, v2, v3: each ANS row is a document of one
unit, so v3's document channel does not apply and it scores as v2) and, beside them, a
scikit-learn char TF-IDF baseline fitted the usual way (on the units). ANS re-uses near-identical headlines as
different ``s1``s, so recall@1 has a ceiling well below 1; the "either" line counts a hit when the top claim's text
equals the gold claim's text after normalisation or the unit is itself one of the claims.

    .venv/bin/python benchmarks/match_quality.py [--top-k 5] [--min-score S (default: the configured one)]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
import polars as pl

from stancekit.builder.claims import registry_from_data
from stancekit.builder.match import MATCHERS, make_matcher, top_k
from stancekit.config import OPTIONS

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "ans" / "stance"


def load() -> tuple[list[str], list[str], np.ndarray, np.ndarray]:
    df = pl.concat([pl.read_csv(p) for p in sorted(DATA.glob("*.csv"))])
    claims = df["s1"].unique(maintain_order=True).to_list()
    index = {c: i for i, c in enumerate(claims)}
    return claims, df["s2"].to_list(), np.array([index[c] for c in df["s1"]]), df["stance"].to_numpy()


def recall(scores: np.ndarray, gold: np.ndarray, k: int, min_score: float) -> dict[str, float]:
    rows, cols, ranks = top_k(scores, k, min_score)
    hit = cols == gold[rows]
    r1 = np.zeros(len(gold), bool)
    rk = np.zeros(len(gold), bool)
    r1[rows[hit & (ranks == 1)]] = True
    rk[rows[hit]] = True
    return {"recall@1": float(r1.mean()), f"recall@{k}": float(rk.mean()), "pairs_per_unit": len(rows) / len(gold),
            "units_without_pair": float(1 - np.isin(np.arange(len(gold)), rows).mean())}


def sklearn_scores(claims: list[str], units: list[str]) -> np.ndarray:
    from sklearn.feature_extraction.text import TfidfVectorizer

    vec = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)
    vec.fit(units + claims)
    return (vec.transform(units) @ vec.transform(claims).T).toarray()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--top-k", type=int, default=5)
    ap.add_argument("--min-score", type=float, default=float(OPTIONS["match"]["min_score"].default))
    args = ap.parse_args()
    claims, units, gold, stance = load()
    print(f"ANS stance (train+dev+test): {len(claims)} distinct claims (s1), {len(units)} units (s2)")
    registry = registry_from_data({"claims": [{"claim_id": f"c{i}", "text": {"ar": c}} for i, c in enumerate(claims)]})
    runs = []
    for name in sorted(MATCHERS):
        t0 = time.perf_counter()
        matcher = make_matcher(name, registry)
        runs.append((name, matcher.scores(units), time.perf_counter() - t0))
        print(f"matcher {matcher.name} {matcher.params()}")
    ours = runs[0][1]  # char_ngram.v1, for the ceiling below
    t0 = time.perf_counter()
    base = sklearn_scores(claims, units)
    runs.append(("sklearn char_wb tfidf (fit on corpus)", base, time.perf_counter() - t0))
    for name, scores, secs in runs:
        print(f"\n{name}: {secs:.2f} s")
        for ms in sorted({0.0, 0.1, args.min_score, 0.2, 0.3}):
            r = recall(scores, gold, args.top_k, ms)
            print(f"  min_score {ms:.2f}: " + "  ".join(f"{k} {v:.3f}" for k, v in r.items()))
        related = stance != "other"  # "other" rows are crowd sentences unrelated to their s1: no matcher finds them
        r = recall(scores[related], gold[related], args.top_k, args.min_score)
        print(f"  agree/disagree rows only ({related.sum()}), min_score {args.min_score:.2f}: "
              + "  ".join(f"{k} {v:.3f}" for k, v in r.items()))
    # the ceiling: how often the top claim is the gold claim or a claim with the same normalised text
    from stancekit.builder.normalize import normalize_text

    norm = [normalize_text(c) for c in claims]
    top = ours.argmax(axis=1)
    same = np.array([top[i] == gold[i] or norm[top[i]] == norm[gold[i]] or ours[i, top[i]] >= 0.999
                     for i in range(len(gold))])
    print(f"\nrecall@1 counting identical-text claims and units that are themselves claims: {same.mean():.3f}")


if __name__ == "__main__":
    main()
