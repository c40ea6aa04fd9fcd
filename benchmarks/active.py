"""Learning curve: uncertainty sampling vs random sampling on ANS (its gold answers play the annotators).

    .venv/bin/python benchmarks/active.py [--rounds 8] [--batch 150] [--seeds 3]

Each round "labels" ``--batch`` more pairs of ANS train chosen by the strategy, retrains the baseline classifier
(fixed C, no tuning, to keep rounds comparable) and scores macro-F1 on ANS test. Medians over seeds; a table and a
plot (benchmarks/out/active.png).
"""

from __future__ import annotations

import argparse
import statistics
from pathlib import Path

import numpy as np
import polars as pl

from stancekit.builder.baseline import BaselineModel, evaluate

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ans" / "stance"
LABELS = ("agree", "disagree", "other")
OUT = Path(__file__).resolve().parent / "out"


def load(split: str) -> pl.DataFrame:
    return pl.read_csv(DATA / f"{split}.csv").rename({"s1": "claim", "s2": "text", "stance": "label"})


def curve(pool: pl.DataFrame, test: pl.DataFrame, strategy: str, *, rounds: int, batch: int, seed: int) -> list[float]:
    rng = np.random.default_rng(seed)
    order = rng.permutation(pool.height)
    labelled = list(order[:batch])
    rest = set(range(pool.height)) - set(labelled)
    claims, texts, gold = pool["claim"].to_list(), pool["text"].to_list(), pool["label"].to_list()
    scores = []
    for r in range(rounds):
        sel = [int(i) for i in labelled]
        if len({gold[i] for i in sel}) < 2:
            scores.append(0.0)
        else:
            m = BaselineModel(LABELS, C=3.0, seed=seed).fit(
                [claims[i] for i in sel], [texts[i] for i in sel], [""] * len(sel), [gold[i] for i in sel]
            )
            pred = m.predict(test["claim"].to_list(), test["text"].to_list(), [""] * test.height)
            scores.append(evaluate(test["label"].to_list(), pred, LABELS)["macro_f1"])
        if r == rounds - 1 or not rest:
            break
        cand = sorted(rest)
        if strategy == "uncertainty" and len({gold[i] for i in sel}) >= 2:
            p = m.predict_proba([claims[i] for i in cand], [texts[i] for i in cand], [""] * len(cand))
            conf = p.max(axis=1)
            pick = [cand[i] for i in np.argsort(conf, kind="stable")[:batch]]
        else:
            pick = [int(i) for i in rng.choice(cand, size=min(batch, len(cand)), replace=False)]
        labelled.extend(pick)
        rest -= set(pick)
    return scores


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rounds", type=int, default=8)
    ap.add_argument("--batch", type=int, default=150)
    ap.add_argument("--seeds", type=int, default=3)
    args = ap.parse_args()
    pool, test = load("train"), load("test")
    results: dict[str, list[list[float]]] = {"random": [], "uncertainty": []}
    for s in range(args.seeds):
        for strategy in results:
            results[strategy].append(curve(pool, test, strategy, rounds=args.rounds, batch=args.batch, seed=s))
    med = {k: [statistics.median(run[i] for run in v) for i in range(args.rounds)] for k, v in results.items()}
    print(
        f"ANS: pool {pool.height} (train), test {test.height}; batch {args.batch}; median macro-F1 over "
        f"{args.seeds} seeds"
    )
    print(f"{'labelled':>9}{'random':>10}{'uncertainty':>13}{'diff':>8}")
    for i in range(args.rounds):
        n = args.batch * (i + 1)
        rnd, unc = med["random"][i], med["uncertainty"][i]
        print(f"{n:9d}{rnd:10.3f}{unc:13.3f}{unc - rnd:+8.3f}")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    OUT.mkdir(exist_ok=True)
    fig, ax = plt.subplots(figsize=(6, 3.5))
    xs = [args.batch * (i + 1) for i in range(args.rounds)]
    for k, v in med.items():
        ax.plot(xs, v, marker="o", label=k)
    ax.set_xlabel("labelled pairs")
    ax.set_ylabel("macro-F1 on ANS test")
    ax.legend()
    fig.savefig(OUT / "active.png", bbox_inches="tight", dpi=120)
    print(f"plot: {OUT / 'active.png'}")


if __name__ == "__main__":
    main()
