"""Split assignment: groups never cross splits, every pair placed once, seeded and stable, ratios met."""

from __future__ import annotations

from datetime import UTC, datetime

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stancekit.builder.split import SplitError, assign_splits, audit_splits, group_keys

LABELS = ("agree", "disagree", "discuss", "unrelated")
RATIOS = (0.8, 0.1, 0.1)


def _items(groups: list[list[str]], prefix: str = "p") -> pl.DataFrame:
    rows = [(f"{prefix}{g}_{k}", lab, f"g{g}") for g, labs in enumerate(groups) for k, lab in enumerate(labs)]
    return pl.DataFrame(rows, schema=["pair_id", "label", "group_key"], orient="row")


groups_st = st.lists(st.lists(st.sampled_from(LABELS), min_size=1, max_size=6), min_size=3, max_size=60)
ratios_st = st.sampled_from([(0.8, 0.1, 0.1), (0.6, 0.2, 0.2), (0.7, 0.0, 0.3), (1 / 3, 1 / 3, 1 / 3)])


@settings(deadline=None, max_examples=60)
@given(groups=groups_st, ratios=ratios_st, seed=st.integers(0, 2**31))
def test_groups_never_cross_and_every_pair_is_placed_once(groups: list[list[str]], ratios: tuple[float, ...],
                                                          seed: int) -> None:
    items = _items(groups)
    out = assign_splits(items, ratios=ratios, seed=seed, labels=LABELS)
    assert sorted(out["pair_id"].to_list()) == sorted(items["pair_id"].to_list())
    assert out["split"].null_count() == 0
    assert out.group_by("group_key").agg(pl.col("split").n_unique())["split"].max() == 1
    used = set(out["split"].to_list())
    for name, r in zip(("train", "validation", "test"), ratios, strict=True):
        assert (name in used) == (r > 0)  # every non-zero split filled, zero-ratio splits empty


@settings(deadline=None, max_examples=40)
@given(groups=groups_st, seed=st.integers(0, 2**31))
def test_same_seed_and_labels_give_the_same_split(groups: list[list[str]], seed: int) -> None:
    items = _items(groups)
    a = assign_splits(items, ratios=RATIOS, seed=seed, labels=LABELS)
    b = assign_splits(items.sample(fraction=1.0, shuffle=True, seed=1), ratios=RATIOS, seed=seed, labels=LABELS)
    assert a.sort("pair_id").equals(b.sort("pair_id"))


@settings(deadline=None, max_examples=40)
@given(groups=groups_st, more=groups_st, extra_in_old=st.lists(st.sampled_from(LABELS), max_size=10),
       seed=st.integers(0, 2**31))
def test_adding_labels_moves_no_pair_already_assigned(groups: list[list[str]], more: list[list[str]],
                                                      extra_in_old: list[str], seed: int) -> None:
    first = assign_splits(_items(groups), ratios=RATIOS, seed=seed, labels=LABELS)
    grown = pl.concat([
        _items(groups),
        _items(more, prefix="new").with_columns(("n" + pl.col("group_key")).alias("group_key")),  # new groups
        pl.DataFrame([(f"late{k}", lab, f"g{k % len(groups)}") for k, lab in enumerate(extra_in_old)],
                     schema=["pair_id", "label", "group_key"], orient="row"),  # new pairs in old groups
    ])
    second = assign_splits(grown, ratios=RATIOS, seed=seed, labels=LABELS, previous=first)
    before = dict(first.select("pair_id", "split").iter_rows())
    after = dict(second.select("pair_id", "split").iter_rows())
    assert all(after[p] == s for p, s in before.items())
    assert second.group_by("group_key").agg(pl.col("split").n_unique())["split"].max() == 1


@settings(deadline=None, max_examples=25)
@given(seed=st.integers(0, 2**31), ratios=ratios_st,
       groups=st.lists(st.lists(st.sampled_from(LABELS), min_size=1, max_size=4), min_size=300, max_size=400))
def test_ratios_within_tolerance_on_enough_groups(seed: int, ratios: tuple[float, ...],
                                                  groups: list[list[str]]) -> None:
    out = assign_splits(_items(groups), ratios=ratios, seed=seed, labels=LABELS)
    n = out.height
    for name, r in zip(("train", "validation", "test"), ratios, strict=True):
        share = out.filter(pl.col("split") == name).height / n
        assert abs(share - r) <= 0.02, (name, share, r)


def test_stratified_by_label_as_far_as_groups_allow() -> None:
    groups = [["agree"]] * 200 + [["unrelated"]] * 200
    out = assign_splits(_items(groups), ratios=RATIOS, seed=5, labels=LABELS).join(
        _items(groups).select("pair_id", "label"), on="pair_id")
    audit = audit_splits(out, ratios=RATIOS, labels=LABELS, group_by="document")
    for name in ("train", "validation", "test"):
        assert audit["splits"][name]["labels"]["agree"] == audit["splits"][name]["labels"]["unrelated"]
    assert audit["ok"] and audit["overlap"]["group_key"]["crossing"] == 0


def test_too_few_groups_is_a_clear_error() -> None:
    with pytest.raises(SplitError, match="only 2 groups for 3 splits"):
        assign_splits(_items([["agree"], ["agree"]]), ratios=RATIOS, seed=1, labels=LABELS)
    out = assign_splits(_items([["agree"], ["agree"]]), ratios=(0.5, 0.0, 0.5), seed=1, labels=LABELS)
    assert sorted(out["split"].to_list()) == ["test", "train"]


def test_conflicting_earlier_assignments_resolve_to_one_split_protecting_test() -> None:
    items = _items([["agree", "agree"], ["agree"], ["agree"], ["agree"]])
    previous = pl.DataFrame({"pair_id": ["p0_0", "p0_1"], "split": ["train", "test"], "group_key": ["x", "y"]})
    out = assign_splits(items, ratios=RATIOS, seed=1, labels=LABELS, previous=previous)
    assert set(out.filter(pl.col("group_key") == "g0")["split"]) == {"test"}


def _keyed() -> pl.DataFrame:
    t = datetime(2024, 1, 1, tzinfo=UTC)
    return pl.DataFrame({
        "pair_id": ["a", "b", "c", "d", "e"],
        "label": ["agree"] * 5,
        "doc_id": ["d1", "d2", "d3", "d4", "d5"],
        "cluster": ["d1", "d1", "d3", "d4", "d5"],  # d2 is a wire copy of d1
        "claim_id": ["c1", "c2", "c1", "c2", "c3"],
        "outlet": ["A", "B", "C", None, "A"],
        "published_at": [t, t.replace(month=6), t.replace(month=3), t.replace(month=7), t.replace(month=8)],
    })


def test_group_keys_by_outlet_join_outlets_sharing_a_wire_story() -> None:
    out = group_keys(_keyed(), group_by="outlet")
    keys = dict(out.select("pair_id", "group_key").iter_rows())
    assert keys["a"] == keys["b"] == keys["e"] == "outlet:A"  # B carries a copy of A's story
    assert keys["c"] == "outlet:C" and keys["d"] == "cluster:d4"


def test_group_keys_by_time_force_clusters_first_published_after_the_date_into_test() -> None:
    out = group_keys(_keyed(), group_by="time", test_after=datetime(2024, 5, 1, tzinfo=UTC))
    forced = dict(out.select("pair_id", "forced").iter_rows())
    assert forced == {"a": None, "b": None, "c": None, "d": "test", "e": "test"}  # b follows its cluster's first date
    with pytest.raises(SplitError, match="test_after"):
        group_keys(_keyed(), group_by="time")


def test_group_keys_document_and_claim() -> None:
    assert group_keys(_keyed(), group_by="document")["group_key"].to_list() == ["d1", "d1", "d3", "d4", "d5"]
    assert group_keys(_keyed(), group_by="claim")["group_key"].to_list() == ["c1", "c2", "c1", "c2", "c3"]
