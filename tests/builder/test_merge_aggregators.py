"""Aggregators: majority vote ties on literal votes; Dawid-Skene on simulated annotators with known answers."""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stancekit.builder.merge import NO_LABEL, Aggregator, DawidSkene, MajorityVote, Votes, encode_votes


def votes(rows: list[tuple[int, int, int]], n_items: int, n_annotators: int, k: int = 3) -> Votes:
    arr = np.array(rows, dtype=np.int64).reshape(-1, 3)
    return Votes(arr[:, 0], arr[:, 1], arr[:, 2], n_items, n_annotators, k)


def simulate(
    n_items: int, accuracies: list[float], per_item: int, k: int, seed: int
) -> tuple[Votes, np.ndarray]:
    """Seeded annotators with known accuracy; a wrong answer is uniform over the other classes."""
    rng = np.random.default_rng(seed)
    acc = np.asarray(accuracies)
    truth = rng.choice(k, size=n_items, p=np.linspace(2, 1, k) / np.linspace(2, 1, k).sum())
    who = np.argsort(rng.random((n_items, len(acc))), axis=1)[:, :per_item]
    item = np.repeat(np.arange(n_items), per_item)
    ann = who.ravel()
    right = rng.random(item.size) < acc[ann]
    wrong = (truth[item] + rng.integers(1, k, item.size)) % k
    return Votes(item, ann, np.where(right, truth[item], wrong), n_items, len(acc), k), truth


def test_protocol_and_names() -> None:
    for agg in (MajorityVote(), DawidSkene()):
        assert isinstance(agg, Aggregator)
        assert agg.name.endswith(".v1")


def test_majority_vote_literal() -> None:
    v = votes([(0, 0, 1), (0, 1, 1), (0, 2, 0), (1, 0, 2), (1, 1, 0), (2, 0, 2)], n_items=4, n_annotators=3)
    mv = MajorityVote()
    assert mv.fit_predict(v).tolist() == [1, NO_LABEL, 2, NO_LABEL]  # item 1 tied, item 3 has no vote
    assert mv.ties_.tolist() == [i == 1 for i in range(4)]
    assert mv.probas_[0].tolist() == pytest.approx([1 / 3, 2 / 3, 0])
    assert mv.probas_[3].tolist() == pytest.approx([1 / 3] * 3)
    assert mv.skills_[2] == 0.0 and mv.skills_[1] == 1.0  # annotator 1's only decided vote matches item 0


def test_majority_vote_tie_policy_first() -> None:
    v = votes([(0, 0, 2), (0, 1, 1)], n_items=1, n_annotators=2)
    assert MajorityVote(tie_policy="first").fit_predict(v).tolist() == [1]
    with pytest.raises(ValueError, match="tie_policy"):
        MajorityVote(tie_policy="coin")  # type: ignore[arg-type]


def test_dawid_skene_beats_majority_vote_and_finds_the_noisy_annotator() -> None:
    accuracies = [0.85, 0.8, 0.75, 0.8, 0.7, 0.3]  # annotator 5 is noisy (near chance for 4 classes)
    v, truth = simulate(3000, accuracies, per_item=3, k=4, seed=7)
    mv_labels = MajorityVote(tie_policy="first").fit_predict(v)
    ds = DawidSkene()
    ds_labels = ds.fit_predict(v)
    mv_acc = float((mv_labels == truth).mean())
    ds_acc = float((ds_labels == truth).mean())
    assert ds_acc >= mv_acc
    assert ds_acc > 0.85
    assert int(np.argmin(ds.skills_)) == 5
    diag = np.einsum("akk->ak", ds.confusions_).mean(axis=1)
    assert diag[5] < 0.45
    # estimated skills are close to the simulated accuracies
    assert np.abs(ds.skills_ - np.asarray(accuracies)).max() < 0.06
    assert ds.probas_.shape == (3000, 4)
    assert np.allclose(ds.probas_.sum(axis=1), 1.0)
    assert 1 <= ds.n_iter_ <= ds.n_iter


def test_dawid_skene_is_deterministic_and_leaves_unvoted_items_alone() -> None:
    v, _ = simulate(200, [0.9, 0.6, 0.7], per_item=2, k=3, seed=1)
    extra = Votes(v.item, v.annotator, v.label, v.n_items + 1, v.n_annotators, v.n_classes)
    a, b = DawidSkene().fit_predict(extra), DawidSkene().fit_predict(extra)
    assert np.array_equal(a, b)
    assert a[-1] == NO_LABEL


def test_votes_validates_codes() -> None:
    with pytest.raises(ValueError, match="label codes"):
        votes([(0, 0, 3)], n_items=1, n_annotators=1, k=3)


@settings(deadline=None, max_examples=100)
@given(st.lists(st.tuples(st.text(max_size=4), st.text(max_size=3), st.sampled_from(["x", "y", "z"])), max_size=30),
       st.lists(st.text(max_size=4), max_size=3))
def test_encode_votes_round_trips(rows: list[tuple[str, str, str]], extra: list[str]) -> None:
    frame = pl.DataFrame(rows, schema={"item": pl.Utf8, "annotator": pl.Utf8, "label": pl.Utf8}, orient="row")
    v, items, annotators = encode_votes(frame, labels=("x", "y", "z"), extra_items=[pl.Series(extra, dtype=pl.Utf8)])
    assert items.to_list() == sorted(set(frame["item"].to_list()) | set(extra))
    assert items.gather(v.item.tolist()).to_list() == frame["item"].to_list()
    assert annotators.gather(v.annotator.tolist()).to_list() == frame["annotator"].to_list()
    assert [("x", "y", "z")[i] for i in v.label] == frame["label"].to_list()
