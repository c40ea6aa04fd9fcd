"""Which new pairs a push sends: ``--sample N`` with ``--strategy score|random|stratified`` and ``--per-claim Q``.

- ``score``: the highest-scoring pairs first (ties broken by pair_id).
- ``random``: a seeded shuffle.
- ``stratified``: claims take turns (round robin over claims, each claim's pairs shuffled with the seed), so every
  claim is represented before any claim gets a second pair.
- ``uncertainty`` (needs the baseline model's predictions: column ``pred_confidence``): least confident first.
- ``diversity`` (needs ``pred_label``): strata of claim x outlet x predicted label take turns, least confident first
  within a stratum, so a batch spreads over claims, outlets and predicted labels.
``per_claim`` caps each claim first; ``sample`` then caps the total. 0 or None means no limit. The choice depends only
on the frame and the options (the seed); a push records its choice before importing (``push_pending``), because the
frame of a re-run (the pairs not on the server yet) is not the same once part of the choice has landed.
"""

from __future__ import annotations

import polars as pl

from stancekit.errors import ConfigError

STRATEGIES = ("score", "random", "stratified", "uncertainty", "diversity")
MODEL_STRATEGIES = ("uncertainty", "diversity")


def _order(frame: pl.DataFrame, strategy: str, seed: int) -> pl.DataFrame:
    base = frame.sort("pair_id")
    if strategy == "score":
        return base.sort(["score", "pair_id"], descending=[True, False])
    if strategy in MODEL_STRATEGIES:
        need = "pred_confidence" if strategy == "uncertainty" else "pred_label"
        if need not in base.columns:
            raise ConfigError(f"push --strategy {strategy} needs the baseline model: run `stancekit baseline` first")
        least = base.sort(["pred_confidence", "pair_id"])
        if strategy == "uncertainty":
            return least
        outlet = pl.col("outlet").fill_null("") if "outlet" in least.columns else pl.lit("")
        stratum = pl.concat_str([pl.col("claim_id"), outlet, pl.col("pred_label")], separator="\x1f")
        return (least.with_columns(stratum.alias("__s"))
                .with_columns(pl.int_range(pl.len()).over("__s").alias("__turn"))
                .sort(["__turn", "pred_confidence", "pair_id"]).drop("__s", "__turn"))
    shuffled = base.sample(fraction=1.0, shuffle=True, seed=seed) if base.height else base
    if strategy == "random":
        return shuffled
    # stratified: the i-th pair of every claim before the (i+1)-th of any claim; claims in id order within a turn
    return (shuffled.with_columns(pl.int_range(pl.len()).over("claim_id").alias("__turn"))
            .sort(["__turn", "claim_id"]).drop("__turn"))


def check_options(*, strategy: str, sample: int | None, per_claim: int | None) -> None:
    """Stop on a strategy or a limit push cannot use (checked before anything else happens)."""
    if strategy not in STRATEGIES:
        raise ConfigError(f"push strategy {strategy!r} is not available; use one of {', '.join(STRATEGIES)}")
    for name, value in (("--sample", sample), ("--per-claim", per_claim)):
        if value is not None and value < 0:
            raise ConfigError(f"{name} must be 0 (no limit) or a positive number, got {value}")


def select_pairs(frame: pl.DataFrame, *, sample: int | None = None, strategy: str = "score",
                 per_claim: int | None = None, seed: int = 13) -> pl.DataFrame:
    """The rows of ``frame`` (pair_id, claim_id, score, ...) to push, in push order."""
    check_options(strategy=strategy, sample=sample, per_claim=per_claim)
    ordered = _order(frame, strategy, seed)
    if per_claim:
        ordered = (ordered.with_columns(pl.int_range(pl.len()).over("claim_id").alias("__n"))
                   .filter(pl.col("__n") < per_claim).drop("__n"))
    if sample:
        ordered = ordered.head(sample)
    return ordered
