"""The generated labeling interface and guideline."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from label_studio_sdk.label_interface import LabelInterface

from stancekit.labeling import config_xml as cx
from stancekit.schemas import DEFAULT_SCHEME, LabelScheme


def test_config_is_valid_xml_with_every_control() -> None:
    root = ET.fromstring(cx.label_config(DEFAULT_SCHEME))
    names = {e.get("name") for e in root.iter() if e.get("name")}
    assert {"stance", "flags", "note", "unit", "unit_rtl", "claim", "claim_rtl", "headline_rtl"} <= names
    stance = next(e for e in root.iter("Choices") if e.get("name") == "stance")
    assert [c.get("value") for c in stance] == list(DEFAULT_SCHEME.labels)
    assert [c.get("hotkey") for c in stance] == ["1", "2", "3", "4"]
    assert stance.get("choice") == "single-radio" and stance.get("toName") == "unit"
    flags = next(e for e in root.iter("Choices") if e.get("name") == "flags")
    assert flags.get("choice") == "multiple" and [c.get("alias") for c in flags] == ["bad_segment", "wrong_claim"]


def test_rtl_block_uses_the_verified_wrapper() -> None:
    xml = cx.label_config(DEFAULT_SCHEME)
    assert '<View style="direction: rtl; text-align: right;">' in xml
    assert '<View style="direction: ltr; text-align: left;">' in xml
    rtl = xml.split('direction: rtl')[1]
    assert 'value="$unit_rtl"' in rtl and 'value="$unit_ltr"' not in rtl


def test_sdk_parses_config_and_validates_results() -> None:
    li = LabelInterface(cx.label_config(DEFAULT_SCHEME))
    ok = [{"from_name": "stance", "to_name": "unit", "type": "choices", "value": {"choices": ["discuss"]}}]
    bad = [{"from_name": "stance", "to_name": "unit", "type": "choices", "value": {"choices": ["maybe"]}}]
    assert li.validate_annotation({"result": ok})
    assert not li.validate_annotation({"result": bad})


def test_labels_and_descriptions_are_escaped() -> None:
    scheme = LabelScheme(labels=("pro", "con"), descriptions={"pro": 'says "yes" & <more>'})
    xml = cx.label_config(scheme)
    ET.fromstring(xml)
    assert "&amp; &lt;more&gt;" in xml and "hotkey=\"2\"" in xml


def test_direction() -> None:
    assert cx.direction("ar") == "rtl" and cx.direction("fa") == "rtl" and cx.direction("ar-EG") == "rtl"
    assert cx.direction("en") == "ltr" and cx.direction("und") == "ltr" and cx.direction(None) == "ltr"


def test_guideline_html_is_escaped_and_structured() -> None:
    out = cx.guideline_html("# Title\n\nText with <script> & **bold**\n- one\n- two\n\nafter")
    assert out.startswith("<h1>Title</h1>")
    assert "&lt;script&gt; &amp; <b>bold</b>" in out
    assert "<ul>\n<li>one</li>\n<li>two</li>\n</ul>" in out and out.endswith("<p>after</p>")
    default = cx.default_guideline(DEFAULT_SCHEME)
    assert all(f"**{lab}** (key {i + 1})" in default for i, lab in enumerate(DEFAULT_SCHEME.labels))


def test_the_other_directions_empty_boxes_are_hidden() -> None:
    """Each task fills one direction's reading fields; a CSS rule hides fields with no text (seen in Chromium)."""
    from stancekit.labeling.config_xml import label_config
    from stancekit.schemas import DEFAULT_SCHEME

    xml = label_config(DEFAULT_SCHEME)
    assert "<Style>.stk-field:not(:has(.lsf-richtext__line:not(:empty))) { display: none; }</Style>" in xml
    assert xml.count('className="stk-field"') == xml.count("<Text name=") - xml.count('name="votes"')
