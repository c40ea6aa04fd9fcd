"""The Label Studio task codec on recorded and literal task JSON."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stancekit.errors import InputError
from stancekit.labeling.codec import (
    REASONS,
    UNKNOWN_ANNOTATOR,
    annotator_of,
    count_annotations,
    keyed_pseudonymiser,
    parse_tasks,
    scrub_task,
    synthetic_annotation_id,
    tasks_from_json,
)
from stancekit.labeling.pseudonym import Pseudonymizer
from stancekit.schemas import ANNOTATIONS, LabelScheme


def pseudo(ident: int | str) -> str:
    return f"anon-{ident}" if isinstance(ident, int) else f"anon-mail-{len(ident)}"


def choice(from_name: str, *values: str) -> dict[str, Any]:
    return {"from_name": from_name, "to_name": "unit", "type": "choices", "value": {"choices": list(values)}}


# A task as `tasks.list(fields="all")` returns it from a stancekit project (LS 1.23.2), trimmed of unused fields.
SERVER_TASK: dict[str, Any] = {
    "id": 17,
    "data": {"task_key": "t0123456789abcde", "pair_id": "p0123456789abcde", "unit": "Text", "claim": "Claim"},
    "meta": {"task_key": "t0123456789abcde"},
    "annotations": [
        {
            "id": 101, "completed_by": 2, "created_username": "ann1@example.org, 2", "updated_by": 1,
            "result": [choice("stance", "agree"), choice("flags", "bad_segment"),
                       {"from_name": "note", "to_name": "unit", "type": "textarea",
                        "value": {"text": ["speaker unclear", "write me at ann1@example.org"]}}],
            "was_cancelled": False, "ground_truth": False, "lead_time": 12.5,
            "created_at": "2026-01-02T03:04:05.123456Z", "updated_at": "2026-01-02T03:05:00Z",
        },
        {
            "id": 102, "completed_by": 3, "created_username": "ann2@example.org, 3", "result": [],
            "was_cancelled": True, "ground_truth": False, "lead_time": 1.0,
            "created_at": "2026-01-02T03:04:05Z", "updated_at": "2026-01-02T03:04:05Z",
        },
        {
            "id": 103, "completed_by": 4, "result": [choice("stance", "maybe")],
            "was_cancelled": False, "ground_truth": False,
        },
    ],
    "predictions": [],
    "updated_by": [{"user_id": 1}],
    "comment_authors": [],
}


def test_server_task_rows() -> None:
    res = parse_tasks([SERVER_TASK], pseudonymise=pseudo, source="server")
    df = res.annotations
    assert df.columns[: len(ANNOTATIONS.names)] == ANNOTATIONS.names
    assert df["ls_annotation_id"].to_list() == [101, 102]
    first = df.row(0, named=True)
    assert first["task_key"] == "t0123456789abcde"
    assert first["pair_id"] == "p0123456789abcde"
    assert first["ls_task_id"] == 17
    assert first["annotator"] == "anon-2"
    assert first["label"] == "agree"
    assert first["flags"] == ["bad_segment"]
    assert first["note"] == "speaker unclear\nwrite me at [e-mail removed]"
    assert first["lead_time"] == 12.5
    assert first["created_at"] == datetime(2026, 1, 2, 3, 4, 5, 123456, tzinfo=UTC)
    skip = df.row(1, named=True)
    assert skip["was_cancelled"] is True and skip["label"] is None and skip["flags"] == []
    assert res.rejects["reason"].to_list() == ["label_not_in_scheme"]
    assert res.rejects["detail"].to_list() == [
        "task t0123456789abcde annotation #3: label 'maybe' not in scheme stance.v1"]
    assert res.rejects["key"].to_list() == ["103"]
    assert res.n_seen == 3 == count_annotations([SERVER_TASK])


def test_label_map_and_other_scheme() -> None:
    scheme = LabelScheme(labels=("yes", "no"), version=2)
    res = parse_tasks([SERVER_TASK], pseudonymise=pseudo, scheme=scheme, label_map={"agree": "yes", "maybe": "no"})
    assert res.annotations["label"].to_list() == ["yes", None, "no"]
    res = parse_tasks([SERVER_TASK], pseudonymise=pseudo, scheme=scheme)
    assert "label_not_in_scheme" in res.rejects["reason"].to_list()
    assert any(d.endswith("label 'agree' not in scheme stance.v2") for d in res.rejects["detail"].to_list())


def test_completed_by_shapes() -> None:
    assert annotator_of(7, pseudo) == "anon-7"
    assert annotator_of("7", pseudo) == "anon-7"
    assert annotator_of({"id": 7, "email": "a@b.org", "first_name": "A"}, pseudo) == "anon-7"
    assert annotator_of({"email": "A@B.org"}, pseudo) == pseudo("a@b.org")
    assert annotator_of({"pseudonym": "x1"}, pseudo) == "x1"
    assert annotator_of(None, pseudo) == UNKNOWN_ANNOTATOR
    assert annotator_of("Bob", pseudo) == pseudo("bob")  # a user name is never kept in clear
    assert annotator_of("ann-0123456789", pseudo) == "ann-0123456789"  # scrubbed by Pseudonymizer.scrub
    assert annotator_of({"id": "ann-0123456789"}, pseudo) == "ann-0123456789"
    assert annotator_of({}, pseudo) == UNKNOWN_ANNOTATOR


def test_foreign_single_object_legacy_completions_no_ids() -> None:
    raw = {
        "id": 1234,
        "completions": [
            {"id": 5, "completed_by": {"id": 42, "email": "past@project.com"}, "result": [choice("label", "Cat")]},
            {"completed_by": {"email": "x@y.org"}, "result": [choice("label", "Dog")], "lead_time": 3},
        ],
        "data": {"image": "https://example.org/a.jpg"},
    }
    tasks = tasks_from_json(raw)
    res = parse_tasks(tasks, pseudonymise=pseudo, label_map={"Cat": "agree", "Dog": "disagree"})
    df = res.annotations
    assert df["task_key"].to_list() == ["ls-1234", "ls-1234"]
    assert df["pair_id"].to_list() == [None, None]
    assert df["label"].to_list() == ["agree", "disagree"]
    assert df["annotator"].to_list() == ["anon-42", pseudo("x@y.org")]
    synthetic = df["ls_annotation_id"][1]
    assert synthetic < 0
    assert synthetic == synthetic_annotation_id("ls-1234", 1, raw["completions"][1])
    again = parse_tasks(tasks_from_json(raw), pseudonymise=pseudo, label_map={"Cat": "agree", "Dog": "disagree"})
    assert again.annotations.equals(df)


def test_task_without_id_gets_a_data_key() -> None:
    tasks = [{"data": {"text": "a"}, "annotations": [{"result": [choice("c", "agree")]}]},
             {"data": {"text": "b"}, "annotations": [{"result": [choice("c", "agree")]}]}]
    df = parse_tasks(tasks, pseudonymise=pseudo).annotations
    keys = df["task_key"].to_list()
    assert all(k.startswith("ls-noid-") for k in keys) and len(set(keys)) == 2
    assert df["ls_task_id"].to_list() == [None, None]
    assert df["annotator"].to_list() == [UNKNOWN_ANNOTATOR] * 2


def test_from_name_option_and_missing_stance() -> None:
    task = {"id": 1, "data": {}, "annotations": [
        {"id": 1, "result": [choice("first", "unrelated"), choice("second", "agree")]},
        {"id": 2, "result": [{"from_name": "entities", "type": "labels", "value": {"labels": ["PER"]}}]},
        {"id": 3, "result": []},
        {"id": 4, "result": [choice("second", "agree", "discuss")]},
    ]}
    res = parse_tasks([task], pseudonymise=pseudo)
    assert res.annotations["label"].to_list() == ["unrelated"]
    res = parse_tasks([task], pseudonymise=pseudo, from_name="second")
    assert res.annotations["label"].to_list() == ["agree"]
    assert res.rejects["reason"].to_list() == ["no_stance", "no_stance", "several_stances"]
    details = res.rejects["detail"].to_list()
    assert details[0].endswith("no stance choice (from_name 'second') in the annotation: result types ['labels']")
    assert details[1].endswith("no stance choice (from_name 'second') in the annotation: an empty result")
    assert "2 stance choices" in details[2]
    assert res.n_seen == 4


def test_stancekit_task_needs_the_stance_control() -> None:
    task = {"id": 1, "data": {"task_key": "tk"}, "annotations": [{"id": 9, "result": [choice("flags", "wrong_claim")]}]}
    res = parse_tasks([task], pseudonymise=pseudo)
    assert res.annotations.height == 0
    assert res.rejects["reason"].to_list() == ["no_stance"]
    assert res.rejects["detail"].to_list() == ["task tk annotation #1: no stance choice (from_name 'stance') in the "
                                               "annotation: result types ['choices']"]


def test_duplicate_ids_and_bad_items_are_rejected_not_dropped() -> None:
    ann = {"id": 5, "result": [choice("stance", "agree")], "completed_by": 1}
    tasks = [{"id": 1, "data": {}, "annotations": [ann, ann, "junk"]}]
    res = parse_tasks(tasks, pseudonymise=pseudo)
    assert res.annotations.height == 1
    assert res.rejects["reason"].to_list() == ["duplicate_annotation", "not_an_object"]
    assert res.rejects["detail"][0].endswith("#2: duplicate annotation id 5 (already read in this input)")
    assert res.rejects["detail"][1].endswith("#3: annotation is str, expected an object")
    assert res.rejects["source_row"].to_list() == [1, 1]


@pytest.mark.parametrize("obj", [
    {"labels_{{idx}}": {"type": "RectangleLabels"}},
    {"images": [], "categories": [], "annotations": [{"id": 1, "bbox": [0, 0, 1, 1]}]},
    [{"id": 1, "sentiment": "Positive", "annotator": "a@b.org"}],
    "text",
])
def test_non_exports_are_refused(obj: Any) -> None:
    with pytest.raises(InputError, match="export"):
        tasks_from_json(obj, where="x.json")


def test_scrub_task_removes_identity_and_reparses_the_same() -> None:
    task = json.loads(json.dumps(SERVER_TASK))
    task["annotations"][0]["completed_by"] = {"id": 2, "email": "ann1@example.org", "first_name": "Ann"}
    task["annotations"][0]["history"] = [{"created_by": 1, "comment": "ok ann1@example.org"}]
    task["drafts"] = [{"user": "ann3@example.org", "result": []}]
    scrubbed = scrub_task(task, pseudo)
    text = json.dumps(scrubbed)
    assert "@example.org" not in text and "Ann" not in text and "created_username" not in text
    assert scrubbed["annotations"][0]["completed_by"] == {"pseudonym": "anon-2"}
    assert scrubbed["updated_by"] == [{"pseudonym": "anon-1"}]
    assert scrubbed["data"] == task["data"]
    before = parse_tasks([task], pseudonymise=pseudo).annotations
    after = parse_tasks([scrubbed], pseudonymise=lambda _: "never called with a clear id").annotations
    assert after.equals(before)


def test_keyed_pseudonymiser_matches_server_pull_and_keys_emails() -> None:
    key = bytes(range(32))
    pz = keyed_pseudonymiser(key)
    assert pz(7) == pz("7") == Pseudonymizer(key)(7)
    assert pz("A@B.org") == pz("a@b.org") != pz(7)
    assert pz("a@b.org").startswith("ann-") and len(pz("a@b.org")) == 14
    assert keyed_pseudonymiser(bytes(32))(7) != pz(7)


def test_core_scrub_output_parses_to_the_same_annotators() -> None:
    key = bytes(range(32))
    pz = keyed_pseudonymiser(key)
    before = parse_tasks([SERVER_TASK], pseudonymise=pz).annotations
    after = parse_tasks([Pseudonymizer(key).scrub(SERVER_TASK)], pseudonymise=pz).annotations
    assert after["annotator"].to_list() == before["annotator"].to_list()


@settings(deadline=None, max_examples=60)
@given(st.lists(st.fixed_dictionaries({
    "id": st.one_of(st.none(), st.integers(1, 30)),
    "completed_by": st.one_of(st.none(), st.integers(1, 5), st.fixed_dictionaries({"email": st.emails()})),
    "was_cancelled": st.booleans(),
    "result": st.lists(st.builds(choice, st.sampled_from(["stance", "flags", "note", "other"]),
                                 st.sampled_from(["agree", "discuss", "nope", "bad_segment"])), max_size=3),
}), max_size=12))
def test_every_annotation_is_read_or_rejected(anns: list[dict[str, Any]]) -> None:
    tasks = [{"id": i + 1, "data": {"task_key": f"t{i}"}, "annotations": anns[i::3]} for i in range(3)]
    res = parse_tasks(tasks, pseudonymise=pseudo)
    assert res.annotations.height + res.rejects.height == count_annotations(tasks) == res.n_seen
    assert res.rejects["reason"].null_count() == 0
    assert res.annotations.filter(pl.col("label").is_null() & ~pl.col("was_cancelled")).height == 0
    assert "@" not in " ".join(res.annotations["annotator"].to_list())


def test_reject_reasons_are_stable_codes_and_the_sentence_is_the_detail() -> None:
    """Grouping rejects/pull.parquet by reason gives one group per kind of problem, whatever the labels or ids."""
    anns: list[Any] = [
        {"id": 1, "result": {"not": "a list"}},
        {"id": 2, "result": [choice("stance", "maybe")]},
        {"id": 3, "result": [choice("stance", "perhaps")]},
        {"id": 4, "result": [choice("stance", "agree", "discuss")]},
        {"id": 5, "result": [choice("stance")]},
        {"id": 5, "result": [choice("stance", "agree")]},
        7,
    ]
    res = parse_tasks([{"id": 1, "data": {"task_key": "tk"}, "annotations": anns}], pseudonymise=pseudo)
    assert res.rejects["reason"].to_list() == ["bad_result", "label_not_in_scheme", "label_not_in_scheme",
                                               "several_stances", "no_stance", "duplicate_annotation",
                                               "not_an_object"]
    assert set(res.rejects["reason"].to_list()) <= set(REASONS)
    assert res.rejects["detail"][0] == "task tk annotation #1: annotation result is dict, expected a list"
    assert "'perhaps'" in res.rejects["detail"][2] and "0 stance choices" in res.rejects["detail"][4]
