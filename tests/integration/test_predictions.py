"""push --predictions: the baseline model's suggestion reaches Label Studio with its version, once per task; the
active-sampling strategies order by the same model."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from stancekit.builder.baseline import BaselineModel
from stancekit.labeling.projects import project_id
from stancekit.pipeline.baseline import save_model
from stancekit.pipeline.push import run_push
from studio_helpers import make_campaign

pytestmark = pytest.mark.studio
LABELS = ("agree", "disagree", "discuss", "unrelated")


def train_tiny(camp) -> str:  # type: ignore[no-untyped-def]
    claims = ["US troops will stay in Iraq"] * 4 + ["The elections will be held on time"] * 4
    units = ["US troops will stay in Iraq, he said.", "The troops will not stay.", "Troops were discussed.",
             "The weather was fine.", "The elections will be held on time.", "No elections this year.",
             "Elections were debated.", "A football match ended."]
    model = BaselineModel(LABELS, C=1.0).fit(claims, units, [""] * 8, list(LABELS) * 2)
    report = {"model": model.name, "train_data_sha256": "ab" * 32, "test": {"n": 0}}
    save_model(camp, model, report)
    return f"{model.name}@{'ab' * 6}"


def test_push_with_predictions(tmp_path: Path, studio_env) -> None:  # type: ignore[no-untyped-def]
    camp = make_campaign(tmp_path / "camp", n_docs=2)
    version = train_tiny(camp)
    s = run_push(camp, sample=3, predictions=True)
    assert s["predictions"] == version and s["imported"] == 3
    studio = studio_env.client()
    pid = project_id(studio, camp.studio, "main")
    tasks = [t for page in studio.iter_task_pages(pid, fields="all") for t in page]
    assert len(tasks) == 3
    for t in tasks:
        (pred,) = t["predictions"]
        assert pred["model_version"] == version
        assert pred["result"][0]["value"]["choices"][0] in LABELS
        assert 0 < pred["score"] <= 1
    # the rest of the pairs, by uncertainty; the first three get no second prediction
    s2 = run_push(camp, strategy="uncertainty", predictions=True)
    assert s2["predicted_earlier_tasks"] == 0
    tasks = [t for page in studio.iter_task_pages(pid, fields="all") for t in page]
    assert len(tasks) == 8 and all(len(t["predictions"]) == 1 for t in tasks)
    table = pl.read_parquet(camp.table("tasks"))
    assert sorted(table["strategy"].to_list()) == ["score"] * 3 + ["uncertainty"] * 5
    assert set(table["prediction_model"].to_list()) == {version}
    # predictions are suggestions, not annotations: a pull finds nothing to vote with
    from stancekit.pipeline.pull import run_pull

    run_pull(camp)
    assert pl.read_parquet(camp.table("annotations")).height == 0
