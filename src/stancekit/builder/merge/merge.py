"""Merge votes into one label per item, with its evidence, the items left undecided and the agreement report.

``aggregate_votes`` works on any long votes table (item, annotator, label) and is what ``--votes`` files go
through; ``merge_labels`` reads the campaign's ``annotations`` table (see ``votes.py`` for its rules) and adds
per-claim and per-language breakdowns.

Who decides an item, first match wins: a gold answer (``decided_by = "gold"``), an adjudication answer
(``"adjudication"``), else the aggregator (``"vote"``) when the item has at least ``min_annotators`` votes and the
aggregator gives a label. Items left without a label are rejects, with a reason: ``only_skipped``,
``too_few_annotators`` or ``tie_undecided``. ``votes`` and ``soft_label`` always describe the annotators' votes
(``soft_label`` is the aggregator's class probabilities), even when gold or adjudication decided; an item decided
without any vote gets a one-hot ``soft_label``. ``agreement`` is the share of the item's votes that match its label.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import polars as pl

from stancekit.builder.merge.dawid_skene import DawidSkene
from stancekit.builder.merge.majority_vote import TIE_POLICIES, MajorityVote, TiePolicy
from stancekit.builder.merge.protocol import NO_LABEL, Aggregator, IntArray, Votes
from stancekit.builder.merge.report import build_report
from stancekit.builder.merge.votes import extract_votes
from stancekit.errors import ConfigError
from stancekit.schemas import DEFAULT_SCHEME, LabelScheme

METHODS: tuple[str, ...] = ("majority_vote", "dawid_skene")
REASONS = {
    "only_skipped": "every annotation of this item was skipped",
    "too_few_annotators": "fewer votes than [merge] min_annotators",
    "tie_undecided": "the top labels are tied and the tie policy leaves ties to adjudication",
}


def make_aggregator(method: str, tie_policy: str = "adjudicate") -> Aggregator:
    if tie_policy not in TIE_POLICIES:
        raise ConfigError(f"[merge] tie_policy = {tie_policy!r} is not one of {', '.join(TIE_POLICIES)}")
    policy: TiePolicy = "first" if tie_policy == "first" else "adjudicate"
    if method == "majority_vote":
        return MajorityVote(tie_policy=policy)
    if method == "dawid_skene":
        return DawidSkene(tie_policy=policy)
    raise ConfigError(f"unknown merge method {method!r}; choose one of {', '.join(METHODS)}")


@dataclass
class MergeResult:
    labels: pl.DataFrame
    rejects: pl.DataFrame
    agreement: dict[str, Any]
    votes: Votes
    items: pl.Series
    annotators: list[str]


def _codes(values: pl.Series, universe: pl.Series) -> IntArray:
    """Index of every value in the sorted unique ``universe`` (every value must be in it): a hash join."""
    index = pl.DataFrame({"v": universe, "i": pl.int_range(len(universe), eager=True, dtype=pl.Int64)})
    found = pl.DataFrame({"v": values.cast(universe.dtype)}).join(index, on="v", how="left", maintain_order="left")
    return found["i"].to_numpy()


def _dense_codes(values: pl.Series, uniques: pl.Series) -> IntArray:
    """Index of every value in ``uniques`` (its sorted distinct values).

    A dense rank is that index and is fast on many distinct values (items); on few distinct values (annotators) it
    sorts the whole column, where a hash lookup is 5-20x faster (measured on 1M votes).
    """
    if len(values) and len(uniques) * 8 <= len(values):
        lookup = pl.int_range(len(uniques), eager=True, dtype=pl.Int64)
        return values.replace_strict(uniques, lookup, return_dtype=pl.Int64).to_numpy()
    return (values.rank("dense").to_numpy() - 1).astype(np.int64)


def encode_votes(
    main: pl.DataFrame,
    *,
    labels: tuple[str, ...] | None = None,
    item: str = "item",
    annotator: str = "annotator",
    label: str = "label",
    extra_items: list[pl.Series] | None = None,
) -> tuple[Votes, pl.Series, pl.Series]:
    """Integer-code a long votes table: (votes, sorted unique items, sorted unique annotators).

    ``labels`` maps label values to their index (scheme order); without it, ``label`` must already hold indices.
    ``extra_items`` join the item universe without votes (items decided by gold or adjudication only).
    """
    every_item = pl.concat([main[item], *(extra_items or [])])
    items = every_item.unique().sort()
    annotators = main[annotator].unique().sort()
    if labels is None:
        codes = main[label].cast(pl.Int64).to_numpy()
        n_classes = int(codes.max()) + 1 if len(codes) else 0
    else:
        codes = main[label].replace_strict({lab: i for i, lab in enumerate(labels)}, return_dtype=pl.Int64).to_numpy()
        n_classes = len(labels)
    item_codes = _dense_codes(every_item, items)[: main.height]
    annotator_codes = _dense_codes(main[annotator], annotators)
    votes = Votes(item_codes, annotator_codes, codes, len(items), len(annotators), n_classes)
    return votes, items, annotators


def _list_column(matrix: np.ndarray, dtype: type[pl.DataType]) -> pl.Series:
    """A 2-D array as a list column (one list per row), without a Python loop."""
    if matrix.shape[0] == 0:
        return pl.Series([], dtype=pl.List(dtype))
    return pl.Series(np.ascontiguousarray(matrix)).cast(pl.List(dtype))


def _decisions(frame: pl.DataFrame | None, item: str, items: pl.Series, label_index: dict[str, int]) -> IntArray:
    out = np.full(len(items), NO_LABEL, dtype=np.int64)
    if frame is not None and frame.height:
        idx = _codes(frame[item], items)
        out[idx] = np.array([label_index[v] for v in frame["label"].to_list()], dtype=np.int64)
    return out


def aggregate_votes(
    main: pl.DataFrame,
    *,
    labels: tuple[str, ...],
    item: str = "pair_id",
    method: str = "majority_vote",
    tie_policy: str = "adjudicate",
    min_annotators: int = 1,
    gold: pl.DataFrame | None = None,
    adjudication: pl.DataFrame | None = None,
    only_skipped: pl.DataFrame | None = None,
    groups: dict[str, pl.DataFrame] | None = None,
    bootstrap: int = 500,
    seed: int = 13,
) -> MergeResult:
    """Aggregate a long votes table ``main`` (``item``, ``annotator``, ``label``: one vote per item and annotator).

    ``gold``/``adjudication``: (``item``, ``label``) answers that decide their items. ``only_skipped``: items whose
    annotations were all skipped (listed in the rejects). ``groups``: name -> (``item``, ``group``) frame for
    per-group agreement (``per_claim``, ``per_language``).
    """
    if min_annotators < 1:
        raise ConfigError(f"[merge] min_annotators must be at least 1, got {min_annotators}")
    aggregator = make_aggregator(method, tie_policy)
    label_index = {lab: i for i, lab in enumerate(labels)}
    item_dtype = main.schema[item]
    extra = [f[item].cast(item_dtype) for f in (gold, adjudication) if f is not None and f.height]
    votes, items, annotators = encode_votes(main, labels=labels, item=item, extra_items=extra)
    predicted = aggregator.fit_predict(votes)
    counts = votes.counts()
    n_votes = counts.sum(axis=1)
    gold_codes = _decisions(gold, item, items, label_index)
    adj_codes = _decisions(adjudication, item, items, label_index)
    by_vote = np.where(n_votes >= min_annotators, predicted, NO_LABEL)
    final = np.where(gold_codes >= 0, gold_codes, np.where(adj_codes >= 0, adj_codes, by_vote))
    decided_by = np.where(gold_codes >= 0, "gold", np.where(adj_codes >= 0, "adjudication", "vote"))
    probas = np.array(aggregator.probas_, dtype=np.float64)  # type: ignore[attr-defined]
    no_votes = n_votes == 0
    if no_votes.any():
        probas[no_votes] = 0.0
        probas[no_votes & (final >= 0), final[no_votes & (final >= 0)]] = 1.0
    rows = np.arange(len(items))
    with np.errstate(invalid="ignore", divide="ignore"):
        agreement = np.where((n_votes > 0) & (final >= 0), counts[rows, np.maximum(final, 0)] / np.maximum(n_votes, 1),
                             np.nan)
    keep = final >= 0
    label_names = np.array(labels, dtype=object)
    out = pl.DataFrame({
        item: items.filter(pl.Series(keep)),
        "label": pl.Series(label_names[final[keep]].tolist(), dtype=pl.Utf8),
        "votes": _list_column(counts[keep], pl.Int64),
        "soft_label": _list_column(probas[keep], pl.Float64),
        "n_annotators": pl.Series(n_votes[keep], dtype=pl.Int32),
        "agreement": pl.Series(agreement[keep], dtype=pl.Float64).fill_nan(None),
        "method": pl.Series([aggregator.name] * int(keep.sum()), dtype=pl.Utf8),
        "decided_by": pl.Series(decided_by[keep].tolist(), dtype=pl.Utf8),
    })
    rejects = _rejects(items, ~keep, counts, n_votes, labels, min_annotators, only_skipped, out[item], item)
    consensus = np.where(keep, final, NO_LABEL)
    group_codes: dict[str, tuple[IntArray, list[str]]] = {}
    for key, frame in (groups or {}).items():
        g = frame.select(pl.col(item).cast(item_dtype), pl.col("group").cast(pl.Utf8))
        g = g.unique(item, keep="first", maintain_order=True)
        names = sorted(v for v in g["group"].unique().to_list() if v is not None)
        codes = np.full(len(items), -1, dtype=np.int64)
        inside = g.filter(pl.col(item).is_in(items.implode()) & pl.col("group").is_not_null())
        codes[_codes(inside[item], items)] = pl.Series(names).search_sorted(inside["group"]).to_numpy()
        group_codes[key] = (codes, names)
    skills = getattr(aggregator, "skills_", None)
    report = build_report(votes, labels=labels, annotators=annotators.cast(pl.Utf8).to_list(), consensus=consensus,
                          gold=gold_codes, skills=skills, method=aggregator.name, groups=group_codes,
                          resamples=bootstrap, seed=seed)
    report["overall"].update({
        "n_labelled": out.height,
        "n_rejected": rejects.height,
        "n_gold": int((gold_codes >= 0).sum()),
        "n_adjudicated": int(((adj_codes >= 0) & (gold_codes < 0)).sum()),
        "n_ties": int(rejects.filter(pl.col("reason") == "tie_undecided").height),
        "decided_by": {k: int(v) for k, v in zip(*np.unique(decided_by[keep], return_counts=True), strict=True)},
    })
    return MergeResult(out, rejects, report, votes, items, annotators.cast(pl.Utf8).to_list())


def _rejects(
    items: pl.Series, undecided: np.ndarray, counts: IntArray, n_votes: IntArray, labels: tuple[str, ...],
    min_annotators: int, only_skipped: pl.DataFrame | None, labelled: pl.Series, item: str,
) -> pl.DataFrame:
    idx = np.flatnonzero(undecided)
    reasons, details = [], []
    for i in idx.tolist():
        n = int(n_votes[i])
        tally = ", ".join(f"{lab}={int(c)}" for lab, c in zip(labels, counts[i], strict=True) if c)
        if n < min_annotators:
            reasons.append("too_few_annotators")
            details.append(f"{n} vote(s) ({tally or 'none'}); [merge] min_annotators = {min_annotators}")
        else:
            reasons.append("tie_undecided")
            share = float(counts[i].max()) / n
            details.append(f"{n} vote(s): {tally}; top share {share:.2f}; tie policy leaves it to adjudication")
    frame = pl.DataFrame({
        "key": items.gather(idx.tolist()).cast(pl.Utf8), "reason": pl.Series(reasons, dtype=pl.Utf8),
        "detail": pl.Series(details, dtype=pl.Utf8),
    })
    if only_skipped is not None and only_skipped.height:
        skipped = only_skipped.select(pl.col(item).cast(pl.Utf8).alias("key")).filter(
            ~pl.col("key").is_in(labelled.cast(pl.Utf8).implode())
        )
        frame = pl.concat([frame, skipped.with_columns(
            pl.lit("only_skipped").alias("reason"), pl.lit("every annotation was skipped").alias("detail"))])
    return frame.select(pl.lit("merge").alias("stage"), "reason", "key", pl.lit(None, pl.Utf8).alias("source"),
                        pl.lit(None, pl.Int64).alias("source_row"), "detail").sort("reason", "key")


def merge_labels(
    annotations: pl.DataFrame,
    pairs_meta: pl.DataFrame | None = None,
    *,
    scheme: LabelScheme = DEFAULT_SCHEME,
    method: str = "majority_vote",
    tie_policy: str = "adjudicate",
    min_annotators: int = 1,
    bootstrap: int = 500,
    seed: int = 13,
) -> tuple[pl.DataFrame, pl.DataFrame, dict[str, Any]]:
    """``annotations`` (ANNOTATIONS table) -> (labels conforming to LABELS, rejects, agreement report).

    ``pairs_meta``: optional ``pair_id`` with ``claim_id`` and/or ``lang`` columns for per-claim / per-language
    agreement. Annotations that cannot vote (no label, label outside the scheme, no pair_id) join the rejects.
    """
    labels = scheme.labels
    tables = extract_votes(annotations, labels, scheme_id=scheme.id)
    groups: dict[str, pl.DataFrame] = {}
    if pairs_meta is not None:
        for key, col in (("per_claim", "claim_id"), ("per_language", "lang")):
            if col in pairs_meta.columns:
                groups[key] = pairs_meta.select("pair_id", pl.col(col).alias("group"))
    result = aggregate_votes(
        tables.main, labels=labels, item="pair_id", method=method, tie_policy=tie_policy,
        min_annotators=min_annotators, gold=tables.gold, adjudication=tables.adjudication,
        only_skipped=tables.only_skipped, groups=groups, bootstrap=bootstrap, seed=seed,
    )
    bad = tables.bad_rows.select(pl.lit("merge").alias("stage"), "reason", "key", pl.lit(None, pl.Utf8).alias("source"),
                                 pl.lit(None, pl.Int64).alias("source_row"), "detail")
    rejects = pl.concat([result.rejects, bad]) if bad.height else result.rejects
    report = result.agreement
    report["scheme"] = scheme.id
    report["input"] = tables.stats
    report["reject_reasons"] = dict(sorted(rejects.group_by("reason").len().iter_rows()))
    return result.labels, rejects, report
