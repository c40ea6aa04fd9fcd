"""Ingest says how many of the new documents exactly duplicate an earlier one (kept with duplicate_of)."""

from __future__ import annotations

import json
from pathlib import Path

from stancekit.campaign import Campaign
from stancekit.pipeline.ingest import IngestOptions, run_ingest, summary_text


def write_jsonl(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_the_summary_counts_exact_duplicates(campaign: Campaign, tmp_path: Path) -> None:
    first = write_jsonl(tmp_path / "a.jsonl", [{"id": "x", "text": "Same wire story."},
                                              {"id": "y", "text": "Same wire story."},
                                              {"id": "z", "text": "Another story."}])
    s = run_ingest(campaign, [str(first)], IngestOptions())
    assert s["added"] == 3 and s["duplicates"] == 1
    assert "1 of the new are exact duplicates of an earlier document" in summary_text(s, campaign)
    later = write_jsonl(tmp_path / "b.jsonl", [{"id": "w", "text": "Same wire story."},
                                              {"id": "v", "text": "Another story, edited."}])
    s = run_ingest(campaign, [str(later)], IngestOptions())  # a copy of a document ingested earlier counts too
    assert s["added"] == 2 and s["duplicates"] == 1


def test_no_duplicates_no_mention(campaign: Campaign, tmp_path: Path) -> None:
    p = write_jsonl(tmp_path / "a.jsonl", [{"id": "x", "text": "One."}, {"id": "y", "text": "Two."}])
    s = run_ingest(campaign, [str(p)], IngestOptions())
    assert s["duplicates"] == 0 and "duplicate" not in summary_text(s, campaign)
