"""The held-out gold is well formed (tiling, offsets, demo texts verbatim) and its benchmark's error kinds are right."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "data" / "heldout_gold"
DEMO = ROOT / "src" / "stancekit" / "examples" / "demo" / "articles.jsonl"
sys.path.insert(0, str(ROOT / "benchmarks"))
from heldout_quality import segment_errors  # noqa: E402

FILES = sorted(GOLD.glob("*/*.gold.json"))


def test_every_demo_article_and_six_written_ones_have_gold() -> None:
    demo_ids = {json.loads(line)["id"] for line in DEMO.read_text(encoding="utf-8").splitlines() if line.strip()}
    names = {p.name[: -len(".gold.json")] for p in FILES}
    assert demo_ids <= names
    written = names - demo_ids
    assert len(written) == 6 and all(n.startswith("w-") for n in written)


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_gold_units_tile_the_text_and_claim_offsets_point_at_their_strings(path: Path) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = path.with_name(path.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
    assert gold["lang"] == path.parent.name
    pos = 0
    for u in gold["units"]:
        assert not text[pos:u["start"]].strip()
        unit = text[u["start"]:u["end"]]
        assert unit and unit == unit.strip()
        assert u["kind"] in ("title", "heading", "body", "boilerplate")
        assert (u["kind"] == "boilerplate") == (u["boilerplate_kind"] is not None)
        if u["is_claim"]:
            assert u["kind"] != "boilerplate" and u["quote_type"] in ("direct", "indirect")
            assert text[u["cue_start"]:u["cue_end"]] == u["cue"]
            if u["speaker"] is not None:
                assert text[u["speaker_start"]:u["speaker_end"]] == u["speaker"]
        else:
            assert u["speaker"] is None and u["cue"] is None and u["quote_type"] is None
        pos = u["end"]
    assert not text[pos:].strip()


def test_demo_gold_texts_are_the_jsonl_texts_verbatim() -> None:
    for line in DEMO.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        with open(GOLD / rec["lang"] / f"{rec['id']}.txt", encoding="utf-8", newline="") as fh:
            assert fh.read() == rec["text"]


def test_segment_error_kinds() -> None:
    text = "Title\n\nBy A. Writer\n\nOne two. Three four.\nFive six"
    gold = [
        {"start": 0, "end": 5, "kind": "title"},
        {"start": 7, "end": 19, "kind": "boilerplate"},
        {"start": 21, "end": 29, "kind": "body"},
        {"start": 30, "end": 41, "kind": "body"},
        {"start": 42, "end": 50, "kind": "body"},
    ]
    pred = [(0, 5, "title"), (7, 19, "body"), (21, 41, "body"), (42, 46, "body"), (47, 50, "body")]
    kinds = sorted(e["kind"] for e in segment_errors(text, pred, gold, "t"))
    assert kinds == ["boilerplate called content", "merged with the next/previous unit",
                     "merged with the next/previous unit", "split (gold unit cut in several)"]
    pred2 = [(0, 5, "title"), (7, 29, "body"), (30, 41, "body"), (42, 50, "boilerplate")]
    kinds2 = sorted(e["kind"] for e in segment_errors(text, pred2, gold, "t"))
    assert kinds2 == ["content called boilerplate", "merged with boilerplate"]
