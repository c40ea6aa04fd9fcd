"""Simulated annotators: profiles, seeded draws and the known-answers file (no server needed)."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stancekit.errors import InputError
from stancekit.labeling.simulate import (
    NOISY_DROP,
    completed_by_ids,
    draw_answer,
    profiles,
    seeded_truth,
    sim_email,
    stance_result,
)
from stancekit.pipeline.simulate import _truths, read_answers
from stancekit.schemas import DEFAULT_SCHEME

LABELS = DEFAULT_SCHEME.labels


def test_profiles_one_noisy_annotator() -> None:
    ps = profiles(3, LABELS, accuracy=0.9, skip_rate=0.1, seed=1)
    assert [p.email for p in ps] == [sim_email(1), sim_email(2), sim_email(3)] == [
        "sim-1@stancekit.invalid", "sim-2@stancekit.invalid", "sim-3@stancekit.invalid"]
    assert [p.accuracy for p in ps] == [0.9, 0.9, pytest.approx(0.9 - NOISY_DROP)]
    for p in ps:
        for t, row in enumerate(p.confusion):
            assert sum(row) == pytest.approx(1.0)
            assert row[t] == pytest.approx(p.accuracy)
    assert ps[0].confusion != ps[1].confusion  # each annotator errs its own way
    assert profiles(2, LABELS, accuracy=0.9)[1].accuracy == 0.9
    assert profiles(3, LABELS, accuracy=0.3)[2].accuracy == 0.25  # never below chance


def test_draws_are_seeded_and_follow_the_rates() -> None:
    p = profiles(3, LABELS, accuracy=0.8, skip_rate=0.1, seed=5)[0]
    keys = [f"t{i}" for i in range(4000)]
    truths = [seeded_truth(k, LABELS, 5) for k in keys]
    answers = [draw_answer(p, t, LABELS, task_key=k, seed=5)[0] for k, t in zip(keys, truths, strict=True)]
    again = [draw_answer(p, t, LABELS, task_key=k, seed=5)[0] for k, t in zip(keys, truths, strict=True)]
    assert answers == again
    skipped = sum(a is None for a in answers) / len(answers)
    given_ = [(a, t) for a, t in zip(answers, truths, strict=True) if a is not None]
    correct = sum(a == t for a, t in given_) / len(given_)
    assert abs(skipped - 0.1) < 0.02 and abs(correct - 0.8) < 0.03
    assert all(0.22 < truths.count(lab) / len(truths) < 0.28 for lab in LABELS)
    other_seed = [draw_answer(p, t, LABELS, task_key=k, seed=6)[0] for k, t in zip(keys, truths, strict=True)]
    assert other_seed != answers


@settings(deadline=None, max_examples=50)
@given(st.text(min_size=1, max_size=20), st.sampled_from(LABELS), st.floats(0, 1), st.floats(0, 0.99))
def test_an_answer_is_a_label_or_a_skip(key: str, truth: str, acc: float, skip: float) -> None:
    p = profiles(1, LABELS, accuracy=acc, skip_rate=skip)[0]
    label, lead = draw_answer(p, truth, LABELS, task_key=key, seed=0)
    assert label is None or label in LABELS
    assert 4.0 <= lead <= 60.0


def test_result_and_completed_by() -> None:
    assert stance_result("agree") == [{"from_name": "stance", "to_name": "unit", "type": "choices",
                                       "value": {"choices": ["agree"]}}]
    task = {"annotations": [{"completed_by": 3}, {"completed_by": {"id": 4, "email": "x"}}, {"completed_by": None}]}
    assert completed_by_ids(task) == {3, 4}


def test_read_answers(tmp_path: Path) -> None:
    f = tmp_path / "a.csv"
    f.write_text("unit_id,claim_id,label\nu1,c1,AGREE\nu2,c1,against\nu1,c1,discuss\n", encoding="utf-8")
    df = read_answers(f, DEFAULT_SCHEME, {"AGREE": "agree", "against": "disagree"})
    assert df.rows() == [("u1", "c1", "agree"), ("u2", "c1", "disagree")]
    with pytest.raises(InputError, match=r"row 1 'AGREE'.*--label-map"):
        read_answers(f, DEFAULT_SCHEME)
    j = tmp_path / "a.jsonl"
    j.write_text('{"doc_id": "d1", "claim_id": "c1", "label": "agree"}\n', encoding="utf-8")
    assert read_answers(j, DEFAULT_SCHEME).columns == ["doc_id", "claim_id", "label"]
    bad = tmp_path / "b.csv"
    bad.write_text("claim_id,label\nc1,agree\n", encoding="utf-8")
    with pytest.raises(InputError, match="unit_id or doc_id"):
        read_answers(bad, DEFAULT_SCHEME)
    with pytest.raises(InputError, match="no such file"):
        read_answers(tmp_path / "none.csv", DEFAULT_SCHEME)


def test_truths_join_known_answers_else_draw() -> None:
    frame = pl.DataFrame({"ls_task_id": [1, 2, 3], "task_key": ["k1", "k2", "k3"], "pair_id": ["p1", "p2", "p3"],
                          "unit_id": ["u1", "u2", "u3"], "claim_id": ["c1", "c1", "c2"], "doc_id": ["d1", "d1", "d2"]})
    by_unit = pl.DataFrame({"unit_id": ["u2"], "claim_id": ["c1"], "label": ["discuss"]})
    out = _truths(frame, by_unit, DEFAULT_SCHEME, 3)
    assert out["source"].to_list() == ["draw", "file", "draw"]
    assert out["label"][1] == "discuss" and out["label"][0] == seeded_truth("k1", LABELS, 3)
    by_doc = pl.DataFrame({"doc_id": ["d1"], "claim_id": ["c1"], "label": ["agree"]})
    assert _truths(frame, by_doc, DEFAULT_SCHEME, 3)["label"].to_list()[:2] == ["agree", "agree"]
