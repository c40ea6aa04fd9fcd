"""Pull's scrub-then-parse path on tasks recorded from a real Label Studio 1.23.2 (tasks.list fields="all")."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl

from stancekit.labeling.codec import parse_tasks, scrub_task
from stancekit.labeling.pseudonym import Pseudonymizer
from stancekit.pipeline.pull import _assert_clean

DATA = Path(__file__).parent / "data" / "ls_tasks_all.json"
KEY = bytes(range(32))


def recorded() -> list[dict]:
    return json.loads(DATA.read_text(encoding="utf-8"))


def test_scrubbed_tasks_carry_no_identity() -> None:
    tasks = recorded()
    assert "rec.alpha@example.org" in json.dumps(tasks)  # the recording has identities to remove
    pseudo = Pseudonymizer(KEY)
    clean = _assert_clean([scrub_task(t, pseudo) for t in tasks], ["rec.alpha@example.org"])
    text = json.dumps(clean, ensure_ascii=False)
    for needle in ("@example.org", "created_username", "Alpha0", "Zeta1"):
        assert needle not in text
    assert [t["data"] for t in clean] == [t["data"] for t in tasks]


def test_rows_from_recorded_tasks() -> None:
    pseudo = Pseudonymizer(KEY)
    clean = [scrub_task(t, pseudo) for t in recorded()]
    res = parse_tasks(clean, pseudonymise=pseudo, source="recorded")
    ann = res.annotations.sort("ls_annotation_id")
    assert res.n_tasks == 3 and res.n_seen == 5 and ann.height == 4
    assert ann["annotator"].to_list() == [pseudo(6), pseudo(7), pseudo(8), pseudo(8)]
    assert ann["label"].to_list() == ["agree", "discuss", None, "unrelated"]
    assert ann["was_cancelled"].to_list() == [False, False, True, False]
    assert ann["flags"].to_list() == [["bad_segment"], [], [], ["wrong_claim", "bad_segment"]]
    assert ann.filter(pl.col("note") == "edited").height == 1
    assert ann["task_key"].str.starts_with("t").all() and ann["pair_id"].str.starts_with("p").all()
    assert res.rejects["reason"].to_list() == ["label_not_in_scheme"]
    assert res.rejects["detail"][0].endswith("label 'maybe' not in scheme stance.v1")


def test_last_line_of_defence_blanks_known_identities() -> None:
    leaky = [{"data": {"text": "mail a@b.org"}, "comment": "by someone@example.org"}]
    out = _assert_clean(leaky, ["someone@example.org"])
    assert out[0]["comment"] == "by [removed]" and out[0]["data"] == {"text": "mail a@b.org"}
