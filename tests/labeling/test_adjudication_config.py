"""The adjudication variant of the labeling interface and the adjudication task codec (offline)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from typing import Any, cast

from label_studio_sdk.label_interface import LabelInterface

from stancekit.labeling import config_xml as cx
from stancekit.labeling.projects import ProjectSpec
from stancekit.labeling.tasks import Claim, encode_adjudication_task, encode_task
from stancekit.schemas import DEFAULT_SCHEME

ROW = {"pair_id": "p1", "unit_id": "u1", "doc_id": "d1", "lang": "ar", "headline": "عنوان", "unit": "قال المتحدث",
       "context_before": None, "context_after": "بعد", "speaker": "المتحدث"}
CLAIM = Claim("c1", {"en": "US troops will stay in Iraq", "ar": "القوات الأمريكية ستبقى في العراق"})
VOTES = [{"annotator": "ann-aaa", "label": "agree"}, {"annotator": "ann-ccc", "label": "agree"},
         {"annotator": "ann-bbb", "label": "disagree"}]


def texts(xml: str) -> dict[str | None, str | None]:
    return {e.get("name"): e.get("value") for e in ET.fromstring(xml).iter("Text")}


def test_adjudication_config_adds_the_votes_panel_and_keeps_the_answers() -> None:
    plain, adj = cx.label_config(DEFAULT_SCHEME), cx.label_config(DEFAULT_SCHEME, adjudication=True)
    assert texts(adj) == {**texts(plain), "adjudication_note": "$adjudication_note", "votes": "$votes"}
    assert "votes" not in texts(plain)
    choices = [(e.get("name"), e.get("toName"), [c.get("value") for c in e])
               for e in ET.fromstring(adj).iter("Choices")]
    assert choices == [(e.get("name"), e.get("toName"), [c.get("value") for c in e])
                       for e in ET.fromstring(plain).iter("Choices")]
    assert choices[0] == ("stance", "unit", list(DEFAULT_SCHEME.labels))
    # the panel sits between the reading blocks and the questions, left to right
    assert adj.index('name="votes"') > adj.index('value="$claim_rtl"') and adj.index('name="votes"') < adj.index(
        '<Choices name="stance"')
    assert "direction: ltr; text-align: left; margin-top" in adj


def test_sdk_reads_the_adjudication_config_like_the_main_one() -> None:
    li = LabelInterface(cx.label_config(DEFAULT_SCHEME, adjudication=True))
    ok = [{"from_name": "stance", "to_name": "unit", "type": "choices", "value": {"choices": ["discuss"]}}]
    bad = [{"from_name": "stance", "to_name": "unit", "type": "choices", "value": {"choices": ["maybe"]}}]
    assert li.validate_annotation({"result": ok}) and not li.validate_annotation({"result": bad})
    task = encode_adjudication_task({**ROW, "reason": "tie", "agreement": None, "current_label": None,
                                     "tally": "agree 1, disagree 1", "votes": VOTES[1:]}, CLAIM, task_key="t1",
                                    label_scheme="stance.v1")
    # every variable of the config is in the task's data (the SDK annotates a model but reads a dict)
    assert li.validate_task(cast(Any, task))
    assert not li.validate_task(cast(Any, encode_task(ROW, CLAIM, task_key="t1", label_scheme="stance.v1")))


def test_project_spec_renders_the_variant() -> None:
    spec = ProjectSpec("adjudication", "t — adjudication", "stancekit:x:adjudication", DEFAULT_SCHEME, "# g", 1,
                       adjudication=True)
    assert 'name="votes"' in spec.fields()["label_config"] and spec.fields()["maximum_annotations"] == 1
    main = ProjectSpec("main", "t", "stancekit:x:main", DEFAULT_SCHEME, "# g", 3)
    assert 'name="votes"' not in main.fields()["label_config"]


def test_adjudication_task_is_the_main_task_plus_votes_and_reason() -> None:
    row = {**ROW, "reason": "low_agreement", "agreement": 2 / 3, "current_label": "agree",
           "tally": "agree 2, disagree 1", "votes": VOTES}
    task = encode_adjudication_task(row, CLAIM, task_key="t1", label_scheme="stance.v1")
    main = encode_task(ROW, CLAIM, task_key="t1", label_scheme="stance.v1")
    assert {k: task["data"][k] for k in main["data"]} == main["data"]
    assert task["data"]["task_key"] == task["meta"]["task_key"] == "t1"
    assert task["data"]["votes"] == "agree: ann-aaa, ann-ccc\ndisagree: ann-bbb"
    assert task["data"]["adjudication_note"] == "Low agreement (0.67; agree 2, disagree 1): the vote gave agree."
    assert task["data"]["vote_list"] == VOTES and task["data"]["reason"] == "low_agreement"
    assert task["meta"]["project_role"] == "adjudication"
    tie = encode_adjudication_task({**row, "reason": "tie", "agreement": None, "current_label": None,
                                    "tally": "agree 1, disagree 1"}, CLAIM, task_key="t1", label_scheme="stance.v1")
    assert tie["data"]["adjudication_note"] == "Tie (agree 1, disagree 1): the vote gave no label."
    assert tie["data"]["current_label"] == ""
    json.dumps(task, ensure_ascii=False)  # importable as JSON
