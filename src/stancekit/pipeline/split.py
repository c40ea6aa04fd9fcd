"""``stancekit split``: labels -> tables/splits.parquet (+ split_assignments.parquet, reports/split_audit.json).

Assignments are remembered in ``tables/split_assignments.parquet`` (every pair ever assigned, with its group key and
the grouping rule), so a pair keeps its split in later runs as labels arrive; only new groups are placed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import polars as pl

from stancekit.builder.neardup import near_duplicate_clusters
from stancekit.builder.split import SPLITS, SplitError, assign_splits, audit_splits, group_keys
from stancekit.campaign import Campaign
from stancekit.config import load_config
from stancekit.errors import ConfigError, StageError
from stancekit.io import atomic_write_text, read_table, scan_table, table_exists, write_table
from stancekit.schemas import LabelScheme, conform

ASSIGNMENTS = "split_assignments"
_ASSIGN_SCHEMA = {"pair_id": pl.Utf8, "split": pl.Utf8, "group_key": pl.Utf8, "group_by": pl.Utf8,
                  "test_after": pl.Utf8}


@dataclass
class SplitResult:
    pairs: int
    groups: int
    counts: dict[str, int]
    moved: int
    audit: dict[str, Any]


def _parse_date(value: str) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"[split] test_after = {value!r} is not a date (use YYYY-MM-DD)") from None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def labelled_items(campaign: Campaign, *, threshold: float) -> pl.DataFrame:
    """Every labelled pair with its label, doc_id, near-duplicate cluster, claim_id, outlet and publication date."""
    labels = read_table(campaign.table("labels"), ["pair_id", "label"]).filter(pl.col("label").is_not_null())
    if labels.height == 0:
        raise StageError(f"{campaign.table('labels')} has no labelled pair: run `stancekit merge` first")
    # filtered scans: only the labelled pairs and their units are read into memory, whatever the corpus size
    pairs = (scan_table(campaign.table("pairs")).select("pair_id", "unit_id", "claim_id")
             .filter(pl.col("pair_id").is_in(labels["pair_id"].implode())).collect())
    units = (scan_table(campaign.table("units")).select("unit_id", "doc_id")
             .filter(pl.col("unit_id").is_in(pairs["unit_id"].unique().implode())).collect())
    items = labels.join(pairs, on="pair_id", how="left").join(units, on="unit_id", how="left")
    missing = items.filter(pl.col("doc_id").is_null())["pair_id"]
    if len(missing):
        raise StageError(
            f"{campaign.table('labels')}: {len(missing)} labelled pair(s) have no pair/unit row (first: "
            f"{', '.join(missing.head(3).to_list())}); re-run match or merge so the tables agree"
        )
    doc_ids = items["doc_id"].unique().sort()
    docs = (
        scan_table(campaign.table("documents"))
        .select("doc_id", "text", "outlet", "published_at", "duplicate_of")
        .filter(pl.col("doc_id").is_in(doc_ids.implode()))
        .collect()
        .sort("doc_id")
    )
    position = {d: i for i, d in enumerate(docs["doc_id"].to_list())}
    links = [(position[a], position[b]) for a, b in docs.select("doc_id", "duplicate_of").iter_rows()
             if b is not None and b in position]
    roots = near_duplicate_clusters(docs["text"].to_list(), threshold=threshold, links=links)
    ids = docs["doc_id"].to_list()
    docs = docs.drop("text", "duplicate_of").with_columns(pl.Series("cluster", [ids[int(r)] for r in roots]))
    items = items.join(docs, on="doc_id", how="left")
    lost = items.filter(pl.col("cluster").is_null())["doc_id"].unique()
    if len(lost):
        raise StageError(f"{campaign.table('documents')}: no row for document(s) {', '.join(lost.head(3).to_list())}")
    return items.sort("pair_id")


def _previous(campaign: Campaign, group_by: str, test_after: str, reassign: bool) -> pl.DataFrame | None:
    path = campaign.table(ASSIGNMENTS)
    if reassign:
        return None
    if not table_exists(path):
        # assignments lost (or written by an older stancekit): the current splits still pin their pairs
        if not table_exists(campaign.table("splits")):
            return None
        return read_table(campaign.table("splits"), ["pair_id", "split", "group_key"]).with_columns(
            pl.lit(group_by).alias("group_by"), pl.lit(test_after).alias("test_after"))
    prev = read_table(path)
    rules = prev.select("group_by", "test_after").unique()
    if rules.height and rules.rows() != [(group_by, test_after)]:
        was = ", ".join(f"group_by={g!r} test_after={t!r}" for g, t in rules.rows())
        raise StageError(
            f"{path} was made with {was}, the config now says group_by={group_by!r} test_after={test_after!r}. "
            "Changing the rule moves pairs between splits: run `stancekit split --reassign` to start over, "
            "or restore the old [split] settings"
        )
    return prev


def run_split(campaign: Campaign, *, reassign: bool = False) -> SplitResult:
    cfg = load_config(campaign.root)
    ratios = [float(r) for r in cfg.get("split", "ratios")]
    seed = int(cfg.get("split", "seed"))
    group_by = str(cfg.get("split", "group_by"))
    test_after = str(cfg.get("split", "test_after"))
    threshold = float(cfg.get("split", "near_duplicate_threshold"))
    scheme = LabelScheme(labels=tuple(cfg.get("labels", "names")), version=int(cfg.get("labels", "version")))

    items = group_keys(labelled_items(campaign, threshold=threshold), group_by=group_by,
                       test_after=_parse_date(test_after))
    place_ratios = ratios
    if group_by == "time":
        if ratios[0] + ratios[1] <= 0:
            raise ConfigError("[split] with group_by = time, train and validation ratios cannot both be 0")
        place_ratios = [ratios[0] / (ratios[0] + ratios[1]), ratios[1] / (ratios[0] + ratios[1]), 0.0]
        if items.filter(pl.col("forced") == "test").height == 0:
            raise SplitError(f"no labelled document was first published on or after [split] test_after = "
                             f"{test_after}: the test split would be empty; choose an earlier date")
    previous = _previous(campaign, group_by, test_after, reassign)
    assigned = assign_splits(items, ratios=place_ratios, seed=seed, labels=scheme.labels, previous=previous,
                             what=f"groups (by {group_by})")
    splits = conform(assigned.sort("pair_id"), "splits")
    write_table(splits, campaign.table("splits"))

    current = splits.with_columns(pl.lit(group_by).alias("group_by"), pl.lit(test_after).alias("test_after"))
    moved = 0
    if previous is not None:
        kept = previous.filter(~pl.col("pair_id").is_in(current["pair_id"].implode()))
        joined = previous.join(current, on="pair_id", suffix="_new")
        moved = joined.filter(pl.col("split") != pl.col("split_new")).height
        current = pl.concat([kept.select(list(_ASSIGN_SCHEMA)), current.select(list(_ASSIGN_SCHEMA))])
    write_table(current.cast(_ASSIGN_SCHEMA).sort("pair_id"), campaign.table(ASSIGNMENTS))  # type: ignore[arg-type]

    enforced = ["group_key"] if group_by == "claim" else ["group_key", "cluster", "doc_id"]
    full = assigned.drop("group_key").join(items, on="pair_id")
    audit = audit_splits(full, ratios=ratios, labels=scheme.labels, group_by=group_by, enforced=enforced)
    sizes = items.group_by("cluster").agg(pl.col("doc_id").n_unique().alias("n"))
    audit["near_duplicates"] = {
        "threshold": threshold,
        "clusters_with_several_documents": sizes.filter(pl.col("n") > 1).height,
        "documents_in_them": int(sizes.filter(pl.col("n") > 1)["n"].sum()),
    }
    audit["rule"] = {"ratios": ratios, "seed": seed, "group_by": group_by, "test_after": test_after or None}
    audit["moved"] = moved
    campaign.reports.mkdir(parents=True, exist_ok=True)
    atomic_write_text(campaign.reports / "split_audit.json", json.dumps(audit, indent=2, sort_keys=True) + "\n")
    if not audit["ok"]:
        crossing = {k: audit["overlap"][k]["crossing"] for k in enforced}
        raise StageError(f"split audit failed, keys crossing splits: {crossing}; "
                         f"see {campaign.reports / 'split_audit.json'}")
    counts = {s: audit["splits"][s]["pairs"] for s in SPLITS}
    return SplitResult(pairs=splits.height, groups=audit["groups"], counts=counts, moved=moved, audit=audit)
