"""Split labelled pairs into train / validation / test without leakage, stably as the campaign grows.

Two pure functions:

- :func:`assign_splits` places groups (never one group in two splits). A group that holds a pair assigned in an
  earlier run keeps that run's split; new groups are placed greedily, largest first, each into the split whose label
  counts it brings closest to the ratio targets (stratified by label as far as the groups allow), ties broken by a
  seeded hash. Every split with a non-zero ratio gets at least one group, or a :class:`SplitError` says why not.
- :func:`audit_splits` counts, for the group key and the other keys (document, near-duplicate cluster, claim,
  outlet), how many values occur in more than one split, and the label distribution of each split.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import polars as pl

from stancekit.builder.neardup import UnionFind
from stancekit.errors import StancekitError

SPLITS: tuple[str, ...] = ("train", "validation", "test")
_PROTECT_ORDER = ("test", "validation", "train")  # on a conflict between earlier assignments, test wins
AUDIT_KEYS: tuple[str, ...] = ("doc_id", "cluster", "claim_id", "outlet")


class SplitError(StancekitError, ValueError):
    """A split request that cannot be met (too few groups, no group after the date, ...)."""


def _hash(seed: int, *parts: str) -> int:
    data = "\x1f".join((str(seed), *parts)).encode("utf-8")
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big")


def _previous_split(pairs: list[str], key: str, by_pair: dict[str, str], by_group: dict[str, str]) -> str | None:
    seen = Counter(by_pair[p] for p in pairs if p in by_pair)
    if not seen and key in by_group:
        return by_group[key]
    if not seen:
        return None
    top = max(seen.values())
    return next(s for s in _PROTECT_ORDER if seen.get(s) == top)


def _cost(have: list[float], vec: list[float], want: list[float], weights: list[float], size_want: float,
          grand: float) -> float:
    """How much adding a group with label counts ``vec`` moves a split away from its targets (negative: closer)."""
    c = sum(w * ((h + v - t) ** 2 - (h - t) ** 2) for h, v, t, w in zip(have, vec, want, weights, strict=True))
    h_all, size = sum(have), sum(vec)
    return c + len(vec) * ((h_all + size - size_want) ** 2 - (h_all - size_want) ** 2) / grand


def assign_splits(
    items: pl.DataFrame,
    *,
    ratios: Sequence[float],
    seed: int,
    labels: Sequence[str],
    previous: pl.DataFrame | None = None,
    what: str = "groups",
) -> pl.DataFrame:
    """Assign every row of ``items`` (pair_id, label, group_key[, forced]) to a split; return pair_id, split, group_key.

    ``previous`` (pair_id, group_key, split) are earlier assignments: a group containing one of those pairs, or
    having one of those group keys, keeps its split. ``forced`` (optional, a split name or null) places a new group
    without balancing (the time rule). ``ratios`` are for train, validation, test.
    """
    if len(ratios) != len(SPLITS) or any(r < 0 for r in ratios) or not math.isclose(sum(ratios), 1.0, abs_tol=1e-6):
        raise SplitError(f"split ratios must be three non-negative numbers summing to 1, got {list(ratios)}")
    if items.height == 0:
        return pl.DataFrame(schema={"pair_id": pl.Utf8, "split": pl.Utf8, "group_key": pl.Utf8})
    if "forced" not in items.columns:
        items = items.with_columns(pl.lit(None, pl.Utf8).alias("forced"))
    by_pair: dict[str, str] = {}
    by_group: dict[str, str] = {}
    if previous is not None and previous.height:
        by_pair = dict(zip(previous["pair_id"].to_list(), previous["split"].to_list(), strict=True))
        by_group = dict(
            previous.group_by("group_key").agg(pl.col("split").first()).select("group_key", "split").iter_rows()
        )
    lab_index = {lab: i for i, lab in enumerate(labels)}
    n_lab = len(labels) + 1  # last slot: labels outside the scheme (counted, not stratified on)
    grouped = (
        items.group_by("group_key")
        .agg(pl.col("pair_id"), pl.col("label"), pl.col("forced").drop_nulls().first())
        .sort("group_key")
    )
    split_of: dict[str, str] = {}
    counts = [[0.0] * n_lab for _ in SPLITS]
    totals = [0.0] * n_lab
    pending: list[tuple[str, list[float], int]] = []
    for key, pair_ids, labs, forced in grouped.iter_rows():
        vec = [0.0] * n_lab
        for lab in labs:
            vec[lab_index.get(lab, n_lab - 1)] += 1
        prev = _previous_split(pair_ids, key, by_pair, by_group)
        placed = prev or forced
        if placed is not None:
            split_of[key] = placed
            if forced is None or prev is not None:
                s = SPLITS.index(placed)
                counts[s] = [a + b for a, b in zip(counts[s], vec, strict=True)]
        if forced is None:
            totals = [a + b for a, b in zip(totals, vec, strict=True)]
        if placed is None:
            pending.append((key, vec, _hash(seed, key)))
    wanted = [s for s, r in zip(range(len(SPLITS)), ratios, strict=True) if r > 0]
    filled = {SPLITS.index(s) for s in split_of.values()}
    empty = [s for s in wanted if s not in filled]
    if len(pending) < len(empty):
        names = ", ".join(SPLITS[s] for s in empty)
        raise SplitError(
            f"cannot fill split(s) {names}: only {len(pending) + len(filled)} {what} for "
            f"{len(wanted)} splits with a non-zero ratio. Label more data, choose a finer [split] group_by, "
            "or set the ratio of an unused split to 0 in stancekit.toml"
        )
    # largest groups first (they constrain most); the seeded hash orders groups of similar size
    pending.sort(key=lambda g: (-int(math.log2(sum(g[1]))), g[2]))
    target = [[r * t for t in totals] for r in ratios]
    grand = sum(totals) or 1.0
    weights = [1.0 / max(t, 1.0) for t in totals]
    sizes = [r * sum(totals) for r in ratios]
    for n_left, (key, vec, _h) in zip(range(len(pending), 0, -1), pending, strict=True):
        choices = empty if n_left <= len(empty) else wanted
        scored = [((_cost(counts[s], vec, target[s], weights, sizes[s], grand), _hash(seed, key, SPLITS[s])), s)
                  for s in choices]
        best = min(scored)[1]
        split_of[key] = SPLITS[best]
        counts[best] = [a + b for a, b in zip(counts[best], vec, strict=True)]
        if best in empty:
            empty.remove(best)
    mapping = pl.DataFrame({"group_key": list(split_of), "split": list(split_of.values())})
    return items.select("pair_id", "group_key").join(mapping, on="group_key", how="left").select(
        "pair_id", "split", "group_key"
    )


def group_keys(items: pl.DataFrame, *, group_by: str, test_after: datetime | None = None) -> pl.DataFrame:
    """Add ``group_key`` (and ``forced`` for the time rule) to items carrying doc_id, cluster, claim_id, outlet and
    published_at (the earliest publication of the item's near-duplicate cluster is used for the time rule).

    - document: the near-duplicate cluster (so copies of one story in several outlets are one group);
    - claim: the claim (an unseen-claim test set);
    - outlet: the outlet, outlets sharing a near-duplicate cluster joined into one group (a document without an
      outlet is grouped by its cluster);
    - time: the cluster; clusters first published on or after ``test_after`` are forced into test.
    """
    if group_by == "document":
        return items.with_columns(pl.col("cluster").alias("group_key"))
    if group_by == "claim":
        return items.with_columns(pl.col("claim_id").alias("group_key"))
    if group_by == "time":
        if test_after is None:
            raise SplitError("[split] group_by = time needs [split] test_after (a date such as 2024-01-01)")
        first = pl.col("published_at").min().over("cluster")
        return items.with_columns(
            pl.col("cluster").alias("group_key"),
            pl.when(first >= test_after).then(pl.lit("test")).otherwise(pl.lit(None, pl.Utf8)).alias("forced"),
        )
    if group_by == "outlet":
        node = pl.when(pl.col("outlet").is_not_null()).then("outlet:" + pl.col("outlet")).otherwise(
            "cluster:" + pl.col("cluster")
        )
        links = items.select(node.alias("node"), "cluster").unique().sort("node", "cluster")
        names = sorted(set(links["node"].to_list()) | {"cluster:" + c for c in links["cluster"].to_list()})
        index = {n: i for i, n in enumerate(names)}
        uf = UnionFind(len(names))
        for n, c in links.iter_rows():
            uf.union(index[n], index["cluster:" + c])
        roots = uf.roots()
        root_name = {n: names[int(roots[i])] for n, i in index.items()}
        # a component's key: its first outlet (by name), else its first cluster
        comp_key: dict[str, str] = {}
        for n in names:
            r = root_name[n]
            if r not in comp_key or (n.startswith("outlet:") and not comp_key[r].startswith("outlet:")):
                comp_key[r] = n
        mapping = pl.DataFrame({"node": names, "group_key": [comp_key[root_name[n]] for n in names]})
        out = items.with_columns(node.alias("_node")).join(mapping, left_on="_node", right_on="node", how="left")
        return out.drop("_node")
    raise SplitError(f"[split] group_by = {group_by!r} is not one of document, claim, outlet, time")


def _overlap(df: pl.DataFrame, key: str, examples: int = 5) -> dict[str, Any]:
    valid = df.filter(pl.col(key).is_not_null())
    per = valid.group_by(key).agg(pl.col("split").unique().sort())
    crossing = per.filter(pl.col("split").list.len() > 1).sort(key)
    between: dict[str, int] = {}
    for i, a in enumerate(SPLITS):
        for b in SPLITS[i + 1 :]:
            n = per.filter(pl.col("split").list.contains(a) & pl.col("split").list.contains(b)).height
            between[f"{a}/{b}"] = n
    return {
        "values": per.height,
        "crossing": crossing.height,
        "between": between,
        "examples": [str(v) for v in crossing[key].head(examples).to_list()],
    }


def audit_splits(
    assigned: pl.DataFrame,
    *,
    ratios: Sequence[float],
    labels: Sequence[str],
    group_by: str,
    enforced: Sequence[str] = ("group_key",),
) -> dict[str, Any]:
    """Leakage and balance audit of an assignment (pair_id, split, group_key, label + the AUDIT_KEYS present).

    ``enforced`` names the keys that must not cross splits (the group key, and the near-duplicate cluster where the
    grouping implies it); ``ok`` is False when one of them does.
    """
    total = assigned.height
    per_split: dict[str, Any] = {}
    for name, ratio in zip(SPLITS, ratios, strict=True):
        part = assigned.filter(pl.col("split") == name)
        lab_counts = dict(part.group_by("label").len().sort("label").iter_rows())
        per_split[name] = {
            "pairs": part.height,
            "groups": part["group_key"].n_unique(),
            "share": round(part.height / total, 6) if total else 0.0,
            "target": ratio,
            "labels": {lab: int(lab_counts.get(lab, 0)) for lab in labels},
            "label_share": {lab: round(lab_counts.get(lab, 0) / part.height, 6) if part.height else 0.0
                            for lab in labels},
        }
    overlap = {"group_key": _overlap(assigned, "group_key")}
    for key in AUDIT_KEYS:
        if key in assigned.columns:
            overlap[key] = _overlap(assigned, key)
    ok = all(overlap[k]["crossing"] == 0 for k in enforced if k in overlap)
    return {
        "group_by": group_by,
        "pairs": total,
        "groups": assigned["group_key"].n_unique() if total else 0,
        "splits": per_split,
        "overlap": overlap,
        "enforced": list(enforced),
        "ok": ok,
    }
