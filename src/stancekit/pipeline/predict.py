"""The baseline model in the loop: predictions for candidate pairs (pre-annotations and active sampling)."""

from __future__ import annotations

from typing import Any

import polars as pl

from stancekit.campaign import Campaign
from stancekit.errors import StageError
from stancekit.labeling.tasks import Claim
from stancekit.pipeline.baseline import load_model
from stancekit.schemas import LabelScheme


def add_predictions(campaign: Campaign, frame: pl.DataFrame, claims: dict[str, Claim],
                    scheme: LabelScheme) -> tuple[pl.DataFrame, str]:
    """``frame`` (rows of ``labeling.tasks.join_context``) with pred_label, pred_confidence and the model version."""
    model, report = load_model(campaign)
    if tuple(model.labels) != tuple(scheme.labels):
        raise StageError(f"the baseline model predicts {list(model.labels)} but the campaign's labels are "
                         f"{list(scheme.labels)}; run `stancekit baseline` again")
    version = f"{model.name}@{report['train_data_sha256'][:12]}"
    if frame.height == 0:
        return frame.with_columns(pl.lit(None, pl.Utf8).alias("pred_label"),
                                  pl.lit(None, pl.Float64).alias("pred_confidence")), version
    rows = frame.select("claim_id", "lang", "unit", "context_before", "context_after").iter_rows()
    claim_text, units, ctx = [], [], []
    for cid, lang, unit, before, after in rows:
        claim_text.append(claims[cid].text_in(str(lang or "en")))
        units.append(unit or "")
        ctx.append(f"{before or ''} {after or ''}")
    proba = model.predict_proba(claim_text, units, ctx)
    best = proba.argmax(axis=1)
    return frame.with_columns(
        pl.Series("pred_label", [model.labels[i] for i in best], dtype=pl.Utf8),
        pl.Series("pred_confidence", proba.max(axis=1).tolist(), dtype=pl.Float64),
    ), version


def with_outlet(frame: pl.DataFrame, documents: pl.DataFrame) -> pl.DataFrame:
    if "outlet" in frame.columns:
        return frame
    return frame.join(documents.select("doc_id", "outlet"), on="doc_id", how="left")


def summary(frame: pl.DataFrame) -> dict[str, Any]:
    if "pred_label" not in frame.columns or frame.height == 0:
        return {}
    return {"predicted": dict(sorted(frame.group_by("pred_label").len().iter_rows())),
            "mean_confidence": float(frame["pred_confidence"].cast(pl.Float64).fill_null(0.0).to_numpy().mean())}
