"""push_pending: the recorded choice of a limited push, and what a re-run does with it."""

from __future__ import annotations

from pathlib import Path

import pytest

from stancekit.errors import StudioError
from stancekit.pipeline import push_pending
from stancekit.pipeline.push_pending import Options, plan

OPTS = Options(sample=4, per_claim=0, strategy="score", seed=13, label_scheme="stance.v1", project_id=7)


def test_save_load_clear_round_trip(tmp_path: Path) -> None:
    assert push_pending.load(tmp_path) is None
    saved = push_pending.save(tmp_path, OPTS, ["k3", "k1", "k2"])
    loaded = push_pending.load(tmp_path)
    assert loaded == saved and loaded.keys == ("k3", "k1", "k2") and loaded.options == OPTS
    push_pending.clear(tmp_path)
    assert push_pending.load(tmp_path) is None
    push_pending.clear(tmp_path)  # clearing nothing is fine


def test_an_unreadable_file_names_itself(tmp_path: Path) -> None:
    push_pending.path(tmp_path).write_text("{not json", encoding="utf-8")
    with pytest.raises(StudioError, match=r"push-pending\.json.*delete the file"):
        push_pending.load(tmp_path)


def test_same_options_resume_in_order_and_leave_out_gone_pairs() -> None:
    pending = push_pending.Selection(OPTS, ("a", "b", "c", "d"))
    p = plan(pending, OPTS, candidates={"a", "c", "d", "e"}, on_server={"a"})
    assert p.resume == pending and p.keys == ("a", "c", "d") and p.gone == ("b",) and p.stale is None
    summary = push_pending.resumed_summary(p, imported=2)
    assert summary is not None and (summary["already_there"], summary["imported"], summary["pairs_gone"]) == (1, 2, 1)
    assert "1 chosen pair(s) no longer exist" in push_pending.message(summary, None)


@pytest.mark.parametrize("change", [{"sample": 5}, {"strategy": "random"}, {"per_claim": 1}, {"seed": 1},
                                    {"label_scheme": "stance.v2"}, {"project_id": 8}])
def test_other_options_make_the_selection_stale(change: dict[str, object]) -> None:
    pending = push_pending.Selection(OPTS, ("a", "b", "c"))
    other = Options(**{**OPTS.__dict__, **change})
    p = plan(pending, other, candidates={"a", "b", "c"}, on_server={"a", "b"})
    assert p.resume is None and p.stale is not None
    assert (p.stale["chosen"], p.stale["imported"], p.stale["not_imported"]) == (3, 2, 1)
    assert "--sample 4 --strategy score" in push_pending.message(None, p.stale)


def test_nothing_pending_chooses_afresh() -> None:
    assert plan(None, OPTS, {"a"}, set()) == push_pending.Plan()
    assert push_pending.message(None, None) == ""


def test_only_limited_pushes_are_recorded() -> None:
    assert OPTS.limited and Options(0, 2, "score", 13, "stance.v1", 1).limited
    assert not Options(0, 0, "score", 13, "stance.v1", 1).limited
