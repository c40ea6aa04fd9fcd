"""`stancekit pull --from-file` on every real Label Studio JSON export in shared/data/labelstudio-exports/."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from stancekit.campaign import Campaign
from stancekit.errors import InputError
from stancekit.io import read_table
from stancekit.pipeline.pull_file import merge_annotations, parse_label_map, run_pull_from_file

EXPORTS = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "labelstudio-exports"
# JSON files under EXPORTS that are not Label Studio JSON exports (and must be refused with a clear error):
NOT_EXPORTS = {
    # a labeling-config fragment for the Repeater tag (from_name -> control description), not tasks
    "humansignal-converter-fixtures/test_export_json_min/label_config_repeater.json",
    "humansignal-sdk-fixtures/test_export_json_min/label_config_repeater.json",
    # a COCO annotation file (images/categories/annotations with bbox): the input of the COCO importer, not an export
    "humansignal-sdk-fixtures/test_import_coco/coco_import_input.json",
}
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")


def all_json() -> list[str]:
    return sorted(str(p.relative_to(EXPORTS)) for p in EXPORTS.rglob("*.json"))


def export_files() -> list[str]:
    return [p for p in all_json() if p not in NOT_EXPORTS]


def pseudo(ident: int | str) -> str:
    return "a" + hashlib.blake2b(str(ident).encode(), key=b"test-key", digest_size=8).hexdigest()


def count_in_file(obj: Any) -> int:
    """Annotations in an export, counted here independently of the codec."""
    tasks = [obj] if isinstance(obj, dict) else obj
    return sum(len(t.get("annotations") or []) + len(t.get("completions") or []) for t in tasks)


def emails_in(obj: Any) -> set[str]:
    return set(EMAIL.findall(json.dumps(obj, ensure_ascii=False)))


def without_data(obj: Any) -> Any:
    if isinstance(obj, dict):
        return {k: without_data(v) for k, v in obj.items() if k != "data"}
    if isinstance(obj, list):
        return [without_data(v) for v in obj]
    return obj


def test_the_export_folder_is_there() -> None:
    assert EXPORTS.is_dir(), f"{EXPORTS} missing: the shared data folder must sit beside the repository"
    assert len(export_files()) >= 25
    assert set(NOT_EXPORTS) <= set(all_json())


@pytest.mark.parametrize("rel", export_files())
def test_every_export_is_read_or_rejected(rel: str, tmp_path: Path) -> None:
    path = EXPORTS / rel
    obj = json.loads(path.read_text(encoding="utf-8"))
    campaign = Campaign.at(tmp_path / "c")
    summary = run_pull_from_file(campaign, path, pseudonymise=pseudo)
    expected = count_in_file(obj)
    assert summary["annotations_in_file"] == expected
    table = read_table(campaign.table("annotations"))
    rejects_path = campaign.rejects_path("pull")
    rejects = read_table(rejects_path) if rejects_path.exists() else pl.DataFrame({"reason": [], "key": []})
    assert table.height + rejects.height == expected
    assert summary["read"] == table.height and summary["rejected"] == rejects.height
    assert rejects["reason"].null_count() == 0 and all(r.strip() for r in rejects["reason"].to_list())
    assert table["annotator"].null_count() == 0
    # no e-mail of the file anywhere in the tables; none outside the task content in the raw snapshot
    emails = emails_in(obj)
    written = table.write_json() + rejects.write_json()
    assert not [e for e in emails if e in written]
    snapshot = json.loads(gzip.decompress(Path(summary["snapshot"]).read_bytes()))
    assert not EMAIL.findall(json.dumps(without_data(snapshot), ensure_ascii=False))
    assert Path(summary["snapshot"]).parent == campaign.raw
    # a second read adds nothing
    again = run_pull_from_file(campaign, path, pseudonymise=pseudo)
    assert again["added"] == 0
    assert read_table(campaign.table("annotations")).height == table.height


@pytest.mark.parametrize("rel", sorted(NOT_EXPORTS))
def test_non_exports_are_refused_clearly(rel: str, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a Label Studio"):
        run_pull_from_file(Campaign.at(tmp_path), EXPORTS / rel, pseudonymise=pseudo)
    assert not (tmp_path / "tables").exists()


def test_label_map_and_from_name_on_real_files(tmp_path: Path) -> None:
    campaign = Campaign.at(tmp_path)
    humor = EXPORTS / "humansignal-label-studio-samples" / "humor_dataset_2_annotations.json"
    s = run_pull_from_file(campaign, humor, label_map=parse_label_map("Humor=agree,Not Humor=disagree"),
                           pseudonymise=pseudo)
    assert (s["read"], s["rejected"]) == (2, 0)
    df = read_table(campaign.table("annotations"))
    assert df["label"].to_list() == ["disagree", "disagree"]
    assert sorted(df["ground_truth"].to_list()) == [False, True]
    # completed_by has only an e-mail: keyed on it, never shown
    assert df["annotator"].unique().to_list() == [pseudo("test_suites_user@heartex.com")]
    tap = EXPORTS / "humansignal-label-studio-samples" / "tasks_annotations_predictions.json"
    s = run_pull_from_file(campaign, tap, from_name="text_class", label_map={"class_A": "agree", "class_B": "discuss"},
                           pseudonymise=pseudo)
    assert s["read"] + 1 == count_in_file(json.loads(tap.read_text()))
    assert s["reject_reasons"] == [("label_not_in_scheme", 1)]
    detail = read_table(campaign.rejects_path("pull"))["detail"].to_list()
    assert any("label 'class_TESTING' not in scheme stance.v1" in d for d in detail)
    yolo = EXPORTS / "humansignal-sdk-fixtures" / "test_export_yolo" / "data.json"
    s = run_pull_from_file(campaign, yolo, pseudonymise=pseudo)
    assert s["read"] == 0 and s["rejected"] == 3
    assert s["reject_reasons"] == [("no_stance", 3)]
    detail = read_table(campaign.rejects_path("pull")).filter(pl.col("source") == yolo.name)["detail"][0]
    assert "no stance choice (from_name 'any choices')" in detail


def test_bbc_exports_one_annotator_one_annotation_per_task(tmp_path: Path) -> None:
    campaign = Campaign.at(tmp_path)
    ner = EXPORTS / "bytte-bbc-igbo-pidgin" / "bbc_pidgin_NER.json"
    s = run_pull_from_file(campaign, ner, pseudonymise=pseudo)
    assert (s["tasks"], s["annotations_in_file"], s["read"], s["rejected"]) == (91, 91, 0, 91)
    rejects = read_table(campaign.rejects_path("pull"))
    assert rejects["source"].unique().to_list() == ["bbc_pidgin_NER.json"]
    assert rejects["source_row"].min() == 1 and rejects["source_row"].max() == 91


def test_unknown_label_reason_names_the_scheme(tmp_path: Path) -> None:
    campaign = Campaign.at(tmp_path)
    path = EXPORTS / "humansignal-label-studio-samples" / "previous_export.json"
    s = run_pull_from_file(campaign, path, pseudonymise=pseudo)
    assert s["reject_reasons"] == [("label_not_in_scheme", 1)]
    assert read_table(campaign.rejects_path("pull"))["detail"][0].endswith("label 'Cat' not in scheme stance.v1")
    s = run_pull_from_file(campaign, path, label_map={"Cat": "unrelated"}, pseudonymise=pseudo)
    df = read_table(campaign.table("annotations"))
    assert (s["read"], df["task_key"].to_list(), df["ls_task_id"].to_list()) == (1, ["ls-1234"], [1234])
    assert df["annotator"].to_list() == [pseudo(42)]


def test_merge_keeps_the_latest_version() -> None:
    def row(ann_id: int, label: str, updated: str) -> dict[str, Any]:
        return {"pair_id": None, "task_key": "k", "ls_task_id": 1, "ls_annotation_id": ann_id, "project_role": "main",
                "annotator": "a", "label": label, "flags": [], "note": None, "was_cancelled": False,
                "ground_truth": False, "lead_time": None, "created_at": None,
                "updated_at": pl.Series([updated]).str.to_datetime(time_zone="UTC")[0]}

    old = pl.DataFrame([row(1, "agree", "2026-01-02T00:00:00"), row(2, "agree", "2026-01-02T00:00:00")])
    new = pl.DataFrame([row(1, "discuss", "2026-01-03T00:00:00"), row(2, "discuss", "2026-01-01T00:00:00"),
                        row(3, "unrelated", "2026-01-01T00:00:00")])
    merged, added, already = merge_annotations(old, new)
    assert dict(zip(merged["ls_annotation_id"], merged["label"], strict=True)) == {1: "discuss", 2: "agree",
                                                                                    3: "unrelated"}
    assert (added, already) == (1, 2)


def test_label_map_syntax() -> None:
    assert parse_label_map("A=agree, Not B = disagree") == {"A": "agree", "Not B": "disagree"}
    with pytest.raises(InputError, match="RAW=LABEL"):
        parse_label_map("A")


def test_default_pseudonyms_use_the_campaign_salt(tmp_path: Path) -> None:
    campaign = Campaign.at(tmp_path)
    path = EXPORTS / "humansignal-sdk-fixtures" / "test_export_csv" / "csv_test_history.json"
    run_pull_from_file(campaign, path, label_map={"Positive": "agree"})
    df = read_table(campaign.table("annotations"))
    assert df["annotator"].to_list()[0].startswith("ann-")
    assert (campaign.studio / "salt").stat().st_mode & 0o077 == 0
    other = Campaign.at(tmp_path / "other")
    run_pull_from_file(other, path, label_map={"Positive": "agree"})
    assert read_table(other.table("annotations"))["annotator"][0] != df["annotator"][0]
