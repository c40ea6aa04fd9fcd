"""The task codec: pair + unit + context + claim -> Label Studio task data and meta."""

from __future__ import annotations

from stancekit.ids import task_key
from stancekit.labeling.config_xml import READING_FIELDS, data_key
from stancekit.labeling.tasks import Claim, encode_task, is_archived, join_context, task_key_of
from studio_helpers import make_documents, make_pairs

CLAIM = Claim("c1", {"en": "Troops stay", "ar": "القوات ستبقى"}, notes="agree if they stay")


def rows() -> list[dict]:
    docs, units = make_documents(2)
    return join_context(make_pairs(units), units, docs).sort("pair_id").to_dicts()


def test_context_is_the_previous_and_next_unit() -> None:
    docs, units = make_documents(1)
    joined = join_context(make_pairs(units), units, docs)
    by_pos = {r["position"]: r["text"] for r in units.to_dicts()}
    first = joined.filter(joined["unit"] == by_pos[0]).row(0, named=True)
    assert first["context_before"] is None and first["context_after"] == by_pos[1]
    mid = joined.filter(joined["unit"] == by_pos[3]).row(0, named=True)
    assert mid["context_before"] == by_pos[2] and mid["context_after"] == by_pos[4]
    assert mid["headline"] == docs["title"][0] and mid["lang"] == "ar"


def test_arabic_task_fills_the_rtl_fields_only() -> None:
    row = next(r for r in rows() if r["lang"] == "ar" and r["speaker"])
    key = task_key(row["pair_id"], "stance.v1")
    task = encode_task(row, CLAIM, task_key=key, label_scheme="stance.v1")
    data = task["data"]
    assert data["dir"] == "rtl" and data["unit_rtl"] == row["unit"] and data["unit_ltr"] == ""
    assert data["claim_rtl"].endswith("القوات ستبقى") and data["speaker_rtl"].endswith("the spokesman")
    assert data["claim_notes_rtl"].endswith("agree if they stay")
    assert all(data[data_key(f, "ltr")] == "" for f, _ in READING_FIELDS)
    assert data["task_key"] == task["meta"]["task_key"] == key
    assert data["pair_id"] == task["meta"]["pair_id"] == row["pair_id"]
    assert task_key_of(task) == key and not is_archived(task)


def test_english_task_and_claim_fallback() -> None:
    row = next(r for r in rows() if r["lang"] == "en")
    only_ar = Claim("c2", {"ar": "نص"})
    task = encode_task(row, only_ar, task_key="t1", label_scheme="stance.v1")
    assert task["data"]["dir"] == "ltr" and task["data"]["unit_ltr"] == row["unit"]
    assert task["data"]["claim_ltr"] == "Claim: نص" and task["data"]["claim_rtl"] == ""
    assert task["data"]["claim_notes_ltr"] == ""


def test_task_key_of_foreign_and_archived_tasks() -> None:
    assert task_key_of({"data": {"text": "x"}}) is None
    assert task_key_of({"data": {}, "meta": {"task_key": "tk"}}) == "tk"
    assert is_archived({"data": {"archived": True}}) and is_archived({"meta": {"archived": True}})
