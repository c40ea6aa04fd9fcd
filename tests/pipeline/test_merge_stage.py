"""``run_merge`` on a campaign directory, ``merge_votes`` on external files, and the ``merge`` command."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import krippendorff
import numpy as np
import polars as pl
import pytest

from stancekit.campaign import Campaign
from stancekit.errors import InputError, InputNotFoundError, StageError
from stancekit.io import read_table, write_table
from stancekit.pipeline.merge import merge_votes, plan_adjudication, run_merge
from stancekit.schemas import DEFAULT_SCHEME, conform

LABELS = DEFAULT_SCHEME.labels
T0 = datetime(2026, 1, 1, tzinfo=UTC)


def simulated_annotations(n_pairs: int, seed: int) -> pl.DataFrame:
    """Three annotators per pair, some skips, some re-submissions, one gold and one adjudication answer."""
    rng = np.random.default_rng(seed)
    rows: list[dict[str, Any]] = []
    ann_id = 0

    def add(pair: str, who: str, label: str | None, minute: int, role: str = "main", gt: bool = False) -> None:
        nonlocal ann_id
        ann_id += 1
        rows.append({
            "pair_id": pair, "task_key": f"t{pair}", "ls_task_id": 1, "ls_annotation_id": ann_id, "project_role": role,
            "annotator": who, "label": label, "flags": None, "note": None, "was_cancelled": label is None,
            "ground_truth": gt, "lead_time": 3.0, "created_at": T0 + timedelta(minutes=minute),
            "updated_at": T0 + timedelta(minutes=minute),
        })

    for p in range(n_pairs):
        pair = f"p{p:03d}"
        truth = int(rng.integers(0, 4))
        for who in rng.choice([f"ann{i}" for i in range(5)], 3, replace=False):
            if rng.random() < 0.1:
                add(pair, str(who), None, 1)  # skipped
                continue
            if rng.random() < 0.1:
                add(pair, str(who), LABELS[int(rng.integers(0, 4))], 1)  # an earlier version, superseded below
            label = truth if rng.random() < 0.75 else int(rng.integers(0, 4))
            add(pair, str(who), LABELS[label], 2)
    add("p000", "lead", "agree", 5, gt=True)
    add("p001", "adj", "discuss", 9, role="adjudication")
    return conform(pl.DataFrame(rows), "annotations")


def write_campaign(campaign: Campaign, annotations: pl.DataFrame) -> None:
    pairs = sorted(set(annotations["pair_id"].to_list()))
    write_table(annotations, campaign.table("annotations"))
    write_table(pl.DataFrame({
        "pair_id": pairs, "unit_id": [f"u{i % 10}" for i in range(len(pairs))],
        "claim_id": [f"claim-{i % 2}" for i in range(len(pairs))], "score": [1.0] * len(pairs),
        "rank": [1] * len(pairs), "method": ["test"] * len(pairs),
    }), campaign.table("pairs"))
    write_table(pl.DataFrame({"unit_id": [f"u{i}" for i in range(10)], "doc_id": [f"d{i % 2}" for i in range(10)]}),
                campaign.table("units"))
    write_table(pl.DataFrame({"doc_id": ["d0", "d1"], "lang": ["ar", "en"]}), campaign.table("documents"))


def independent_alpha(annotations: pl.DataFrame) -> float:
    """alpha from the krippendorff package over latest non-skipped main votes (gold excluded)."""
    votes = (annotations.filter((pl.col("project_role") == "main") & ~pl.col("was_cancelled") & ~pl.col("ground_truth"))
             .sort("updated_at").group_by("pair_id", "annotator").agg(pl.col("label").last()))
    wide = votes.with_columns(pl.col("label").replace_strict({lab: float(i) for i, lab in enumerate(LABELS)})) \
        .pivot(on="pair_id", index="annotator", values="label")
    return float(krippendorff.alpha(reliability_data=wide.drop("annotator").to_numpy().astype(float),
                                    level_of_measurement="nominal"))


@pytest.fixture
def filled(campaign: Campaign) -> tuple[Campaign, pl.DataFrame]:
    ann = simulated_annotations(80, seed=11)
    write_campaign(campaign, ann)
    return campaign, ann


def test_run_merge_writes_labels_rejects_and_agreement(filled: tuple[Campaign, pl.DataFrame]) -> None:
    campaign, ann = filled
    summary = run_merge(campaign, show=False)
    labels = read_table(campaign.table("labels"))
    conform(labels, "labels")
    assert labels.height == summary.n_labelled > 0
    assert labels.filter(pl.col("pair_id") == "p000")["decided_by"].to_list() == ["gold"]
    assert labels.filter(pl.col("pair_id") == "p001")["decided_by"].to_list() == ["adjudication"]
    report = json.loads((campaign.reports / "agreement.json").read_text())
    assert report["overall"]["krippendorff_alpha"] == pytest.approx(independent_alpha(ann), abs=1e-9)
    assert {"fleiss_kappa", "n_items", "krippendorff_alpha_ci"} <= set(report["overall"])
    assert set(report["per_claim"]) == {"claim-0", "claim-1"}
    assert set(report["per_language"]) == {"ar", "en"}
    assert "lead" not in report["per_annotator"] and "adj" not in report["per_annotator"]
    rejects = read_table(campaign.rejects_path("merge"))
    assert rejects.height == summary.n_rejected
    assert set(rejects["reason"].to_list()) <= {"tie_undecided", "only_skipped", "too_few_annotators"}
    assert set(labels["pair_id"].to_list()).isdisjoint(rejects["key"].to_list())
    # items: every pair is either labelled or rejected
    assert labels.height + rejects.height == ann["pair_id"].n_unique()


def test_run_merge_is_byte_identical_on_rerun(filled: tuple[Campaign, pl.DataFrame]) -> None:
    campaign, _ = filled
    run_merge(campaign, show=False)
    first = (campaign.table("labels").read_bytes(), (campaign.reports / "agreement.json").read_bytes())
    run_merge(campaign, show=False)
    assert first == (campaign.table("labels").read_bytes(), (campaign.reports / "agreement.json").read_bytes())


def test_run_merge_dawid_skene_labels_every_voted_item(filled: tuple[Campaign, pl.DataFrame]) -> None:
    campaign, _ = filled
    summary = run_merge(campaign, method="dawid_skene", show=False)
    labels = read_table(campaign.table("labels"))
    assert set(labels["method"].to_list()) == {"dawid_skene.v1"}
    assert summary.report["per_annotator"]["ann0"]["skill"] is not None
    rejects = read_table(campaign.rejects_path("merge")) if summary.n_rejected else pl.DataFrame({"reason": []})
    assert "tie_undecided" not in rejects["reason"].to_list()


def test_plan_adjudication_after_merge(filled: tuple[Campaign, pl.DataFrame]) -> None:
    campaign, _ = filled
    summary = run_merge(campaign, show=False)
    plan = plan_adjudication(campaign)
    ties = read_table(campaign.rejects_path("merge")).filter(pl.col("reason") == "tie_undecided")["key"].to_list()
    assert summary.report["overall"]["n_ties"] == len(ties) > 0
    assert set(ties) <= set(plan["pair_id"].to_list())
    assert not {"p000", "p001"} & set(plan["pair_id"].to_list())  # decided by gold / adjudication
    low = plan.filter(pl.col("reason") == "low_agreement")["agreement"].to_list()
    assert all(a < 0.5 for a in low)
    assert all(len(v) >= 1 for v in plan["votes"].to_list())


def test_run_merge_without_annotations(campaign: Campaign) -> None:
    with pytest.raises(StageError, match="annotations"):
        run_merge(campaign, show=False)


VOTES = [("i1", "w1", "pos"), ("i1", "w2", "pos"), ("i1", "w3", "neg"), ("i2", "w1", "neg"), ("i2", "w2", "pos"),
         ("i3", "w1", "neu"), ("i3", "w2", "neu"), ("i3", "w3", None)]


def votes_frame() -> pl.DataFrame:
    return pl.DataFrame(VOTES, schema=["task", "worker", "answer"], orient="row")


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_merge_votes_formats(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"votes{suffix}"
    df = votes_frame()
    if suffix == ".csv":
        df.write_csv(path)
    elif suffix == ".jsonl":
        df.write_ndjson(path)
    else:
        df.write_parquet(path)
    summary = merge_votes(path, item_column="task", annotator_column="worker", label_column="answer",
                          labels=["pos", "neg", "neu"], out_dir=tmp_path / "out", bootstrap=20)
    labels = pl.read_parquet(tmp_path / "out" / "labels.parquet")
    assert labels.columns[0] == "item"
    assert labels.select("item", "label", "votes").rows() == [("i1", "pos", [2, 1, 0]), ("i3", "neu", [0, 0, 2])]
    report = json.loads((tmp_path / "out" / "agreement.json").read_text())
    # coders (w1, w2, w3) x items (i1, i2, i3), labels coded pos=0, neg=1, neu=2; w3 skipped i3
    coders = np.array([[0, 1, 2], [0, 0, 2], [1, np.nan, np.nan]], dtype=float)
    assert report["overall"]["krippendorff_alpha"] == pytest.approx(
        krippendorff.alpha(reliability_data=coders, level_of_measurement="nominal"), abs=1e-9)
    assert report["input"]["n_skipped"] == 1
    assert summary.rejects_path is not None
    assert pl.read_parquet(summary.rejects_path).select("reason", "key").rows() == [("tie_undecided", "i2")]


def test_merge_votes_keeps_the_last_duplicate_and_integer_items(tmp_path: Path) -> None:
    path = tmp_path / "v.csv"
    path.write_text("item,who,lab\n1,a,x\n1,a,y\n1,b,y\n2,a,x\n")
    merge_votes(path, item_column="item", annotator_column="who", label_column="lab", out_dir=tmp_path / "o",
                bootstrap=0)
    labels = pl.read_parquet(tmp_path / "o" / "labels.parquet")
    assert labels.schema["item"] == pl.Int64
    assert labels.select("item", "label", "votes").rows() == [(1, "y", [0, 2]), (2, "x", [1, 0])]


def test_merge_votes_errors(tmp_path: Path) -> None:
    path = tmp_path / "v.csv"
    votes_frame().write_csv(path)
    kw: dict[str, Any] = {"item_column": "task", "annotator_column": "worker", "label_column": "answer",
                          "out_dir": tmp_path / "o"}
    with pytest.raises(InputNotFoundError, match="no such file"):
        merge_votes(tmp_path / "missing.csv", **kw)
    with pytest.raises(InputError, match=r"no column\(s\) 'tsk'.*task, worker, answer"):
        merge_votes(path, **{**kw, "item_column": "tsk"})
    with pytest.raises(InputError, match="data row 3 has label 'neg'"):
        merge_votes(path, labels=["pos", "neu"], **kw)
    (tmp_path / "v.xlsx").write_text("x")
    with pytest.raises(InputError, match="unknown votes format"):
        merge_votes(tmp_path / "v.xlsx", **kw)
    (tmp_path / "bad.parquet").write_text("not parquet")
    with pytest.raises(InputError, match="cannot read"):
        merge_votes(tmp_path / "bad.parquet", **kw)
    (tmp_path / "gap.csv").write_text("task,worker,answer\ni1,,pos\n")
    with pytest.raises(InputError, match="empty 'worker' at data row"):
        merge_votes(tmp_path / "gap.csv", **kw)


def test_cli_merge_votes_and_errors(tmp_path: Path) -> None:
    path = tmp_path / "v.csv"
    votes_frame().write_csv(path)
    base = [sys.executable, "-m", "stancekit.cli", "merge", "--votes", str(path), "--item-column", "task",
            "--annotator-column", "worker", "--label-column", "answer"]
    done = subprocess.run([*base, "--out", str(tmp_path / "o"), "--json", "--method", "dawid_skene"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["labelled"] >= 2
    done = subprocess.run(base, capture_output=True, text=True, check=False)
    assert done.returncode == 2 and "--out" in done.stderr
