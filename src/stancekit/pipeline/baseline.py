"""``stancekit baseline``: train the baseline classifier on an exported dataset and report on its test split."""

from __future__ import annotations

import json
import pickle
from pathlib import Path
from typing import Any

import polars as pl
import pyarrow.parquet as pq

from stancekit import __version__
from stancekit.builder.baseline import BaselineModel, train_baseline
from stancekit.campaign import Campaign
from stancekit.errors import StageError
from stancekit.io import atomic_write_bytes, atomic_write_text

SPLITS = ("train", "validation", "test")


def _label_names(files: list[Path]) -> tuple[str, ...]:
    meta = pq.read_schema(files[0]).metadata or {}
    hf = json.loads(meta.get(b"huggingface", b"{}"))
    feats = hf.get("info", {}).get("features", {})
    names = feats.get("label", {}).get("names")
    if not names:
        raise StageError(f"{files[0]}: no ClassLabel names in the file's metadata; export the campaign again")
    return tuple(names)


def load_export(folder: Path) -> tuple[dict[str, pl.DataFrame], tuple[str, ...]]:
    """The ``default`` config of an exported folder: one frame per split with label names (not indices)."""
    data = folder / "data"
    if not data.is_dir():
        raise StageError(f"{folder}: no data/ folder; run `stancekit export` first or pass --dataset EXPORTED_FOLDER")
    frames: dict[str, pl.DataFrame] = {}
    names: tuple[str, ...] = ()
    for split in SPLITS:
        files = sorted(data.glob(f"{split}-*.parquet"))
        if not files:
            frames[split] = pl.DataFrame({"claim": [], "text": [], "label": [], "context_text": []},
                                         schema={"claim": pl.Utf8, "text": pl.Utf8, "label": pl.Utf8,
                                                 "context_text": pl.Utf8})
            continue
        names = names or _label_names(files)
        df = pl.read_parquet(files)
        if "text" not in df.columns:
            raise StageError(f"{folder}: exported with --text none; hydrate it first (stancekit.exports.hydrate)")
        ctx = (pl.col("context").struct.field("prev").fill_null("") + " " +
               pl.col("context").struct.field("next").fill_null("")) if "context" in df.columns else pl.lit("")
        lab = pl.Series("label", [names[i] if i is not None else None for i in df["label"].to_list()], dtype=pl.Utf8)
        frames[split] = (df.with_columns(lab, ctx.alias("context_text"))
                         .filter(pl.col("label").is_not_null())
                         .select("claim", "text", "label", "context_text"))
    if not names:
        raise StageError(f"{folder}: no split files in data/")
    return frames, names


def run_baseline(campaign: Campaign, *, dataset: Path | None = None) -> dict[str, Any]:
    folder = dataset or campaign.export
    frames, labels = load_export(folder)
    model, report = train_baseline(frames["train"], frames["validation"], frames["test"], labels=labels)
    report["dataset"] = str(folder)
    if report["test"]["n"] < 30:
        report.setdefault("warnings", []).append(
            f"only {report['test']['n']} labelled pair(s) to evaluate on: the figures are anecdotal")
    return save_model(campaign, model, report)


def save_model(campaign: Campaign, model: BaselineModel, report: dict[str, Any]) -> dict[str, Any]:
    """Keep the model (with its version, features and training-data hash) and its report in the campaign."""
    report["stancekit_version"] = __version__
    path = campaign.root / "models" / f"baseline-{report['train_data_sha256'][:12]}.pkl"
    report["model_file"] = str(path.relative_to(campaign.root))
    atomic_write_bytes(path, pickle.dumps({"model": model, "report": report}))
    atomic_write_text(campaign.reports / "baseline.json", json.dumps(report, indent=2, sort_keys=True) + "\n")
    return report


def load_model(campaign: Campaign) -> tuple[BaselineModel, dict[str, Any]]:
    """The model of the campaign's latest ``stancekit baseline`` run."""
    rp = campaign.reports / "baseline.json"
    if not rp.exists():
        raise StageError(f"{campaign.root}: no baseline model yet; run `stancekit baseline` first")
    report = json.loads(rp.read_text())
    with open(campaign.root / report["model_file"], "rb") as fh:
        saved = pickle.load(fh)
    return saved["model"], report
