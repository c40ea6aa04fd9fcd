"""``stancekit report``: gather the campaign's tables and reports into ``reports/report.html``."""

from __future__ import annotations

import json
from typing import Any

import polars as pl

from stancekit.campaign import Campaign
from stancekit.config import load_config
from stancekit.exports.report import ReportData, render_report
from stancekit.io import atomic_write_text, count_rows, scan_table, table_exists


def _json(path: Any) -> dict[str, Any] | None:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def _claims(campaign: Campaign) -> dict[str, dict[str, Any]]:
    from stancekit.pipeline.match import registry_path

    path = registry_path(campaign)
    if not path.exists():
        return {}
    from stancekit.builder.claims import load_registry

    return {c.claim_id: {"text": {lang: text for lang, text in c.text.items() if text}} for c in load_registry(path)}


def gather(campaign: Campaign) -> ReportData:
    cfg = load_config(campaign.root)
    labels = tuple(cfg.get("labels", "names"))
    counts = {
        name: count_rows(campaign.table(t))
        for name, t in (
            ("documents", "documents"),
            ("units", "units"),
            ("pairs", "pairs"),
            ("tasks", "tasks"),
            ("annotations", "annotations"),
            ("labelled pairs", "labels"),
        )
    }
    if table_exists(campaign.table("units")):
        counts["claim units"] = int(
            scan_table(campaign.table("units")).select(pl.col("is_claim").sum()).collect().item()
        )
    by_split = None
    if table_exists(campaign.table("splits")) and table_exists(campaign.table("labels")):
        by_split = (
            scan_table(campaign.table("splits"))
            .select("pair_id", "split")
            .join(scan_table(campaign.table("labels")).select("pair_id", "label"), on="pair_id")
            .filter(pl.col("label").is_not_null())
            .group_by("split", "label")
            .agg(pl.len().cast(pl.Int64).alias("n"))
            .sort("split", "label")
            .collect()
        )
    mentions_path = campaign.reports / "track" / "mentions.parquet"
    mentions = pl.read_parquet(mentions_path) if mentions_path.exists() else None
    rejects = []
    for p in sorted(campaign.rejects.glob("*.parquet")):
        df = pl.read_parquet(p, columns=["reason"])
        rejects.append(
            df.group_by("reason")
            .len()
            .select(pl.lit(p.stem).alias("stage"), "reason", pl.col("len").cast(pl.Int64).alias("n"))
        )
    return ReportData(
        title=f"stancekit campaign: {cfg.get('campaign', 'name')}",
        counts=counts,
        labels=labels,
        label_by_split=by_split,
        agreement=_json(campaign.reports / "agreement.json"),
        claims=_claims(campaign),
        mentions=mentions,
        rejects=pl.concat(rejects).sort("stage", "reason") if rejects else None,
        audit=_json(campaign.reports / "split_audit.json"),
        baseline=_json(campaign.reports / "baseline.json"),
    )


def run_report(campaign: Campaign) -> dict[str, Any]:
    data = gather(campaign)
    out = campaign.reports / "report.html"
    atomic_write_text(out, render_report(data))
    return {
        "path": str(out),
        "sections": {
            "splits": data.label_by_split is not None,
            "agreement": data.agreement is not None,
            "timelines": data.mentions is not None,
            "audit": data.audit is not None,
        },
    }
