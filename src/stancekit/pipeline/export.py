"""``stancekit export``: splits + labels + annotations + claims -> a folder laid out like a Hub dataset repo.

The folder is built in a temporary sibling and only stancekit's own entries (data/, annotations/, claims/,
README.md, manifest.json) are swapped into ``out``, so a Hub clone's .git or other files there survive.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from stancekit.builder.claims import load_registry
from stancekit.campaign import Campaign
from stancekit.config import Config, load_config
from stancekit.errors import ConfigError, StageError
from stancekit.exports.card import CardInputs, hub_license, render_card
from stancekit.exports.hf import (
    Shard,
    annotation_features,
    claim_features,
    default_features,
    encode_labels,
    ordered_splits,
    write_config,
)
from stancekit.exports.hub import push_folder
from stancekit.exports.manifest import EMAIL, build_manifest, count_by, dumps_manifest
from stancekit.io import atomic_write_text, read_table, scan_table, table_exists
from stancekit.pipeline.simulated import simulated_pseudonyms, simulation_ran
from stancekit.schemas import LabelScheme

MANAGED = ("data", "annotations", "claims", "README.md", "manifest.json")


@dataclass
class ExportResult:
    out: Path
    rows: dict[str, int]
    annotations: int
    claims: int
    files: list[str]
    pushed_to: str | None = None


def claims_frame(campaign: Campaign, config: Config) -> pl.DataFrame:
    """The claims registry in long form (claim_id, lang, text, aliases, keywords, notes, active_from, active_to)."""
    path = campaign.root / str(config.get("claims", "file"))
    rows: list[dict[str, Any]] = []
    for c in load_registry(path):
        for lang in sorted(c.text):
            rows.append({
                "claim_id": c.claim_id, "lang": lang, "text": c.text[lang],
                "aliases": list(c.aliases.get(lang, ())), "keywords": list(c.keywords.get(lang, ())),
                "notes": c.notes, "active_from": c.active_from.isoformat() if c.active_from else None,
                "active_to": c.active_to.isoformat() if c.active_to else None,
            })
    schema: dict[str, pl.DataType | type[pl.DataType]] = {
        "claim_id": pl.Utf8, "lang": pl.Utf8, "text": pl.Utf8, "aliases": pl.List(pl.Utf8),
        "keywords": pl.List(pl.Utf8), "notes": pl.Utf8, "active_from": pl.Utf8, "active_to": pl.Utf8}
    return pl.DataFrame(rows, schema=schema).sort("claim_id", "lang")


def labelled_rows(campaign: Campaign, claims: pl.DataFrame) -> pl.DataFrame:
    """One row per labelled, split pair with everything the default config shows (label still a name)."""
    labels = read_table(campaign.table("labels")).filter(pl.col("label").is_not_null())
    if not table_exists(campaign.table("splits")):
        raise StageError(f"{campaign.table('splits')} does not exist: run `stancekit split` first")
    splits = read_table(campaign.table("splits"), ["pair_id", "split"])
    rows = labels.join(splits, on="pair_id", how="left")
    unsplit = rows.filter(pl.col("split").is_null())["pair_id"]
    if len(unsplit):
        raise StageError(f"{len(unsplit)} labelled pair(s) are not in {campaign.table('splits')} (first: "
                         f"{unsplit.sort()[0]}): labels changed since the split; run `stancekit split` again")
    pairs = scan_table(campaign.table("pairs")).select("pair_id", "unit_id", "claim_id")
    rows = rows.join(pairs.filter(pl.col("pair_id").is_in(rows["pair_id"].implode())).collect(), on="pair_id",
                     how="left")
    unit_cols = ["unit_id", "doc_id", "start", "end", "text", "speaker", "speaker_start", "speaker_end", "cue",
                 "cue_start", "cue_end", "quote_type", "prev_unit_id", "next_unit_id"]
    units = scan_table(campaign.table("units")).select(unit_cols)
    rows = rows.join(units.filter(pl.col("unit_id").is_in(rows["unit_id"].drop_nulls().implode())).collect(),
                     on="unit_id", how="left")
    lost = rows.filter(pl.col("doc_id").is_null())["pair_id"]
    if len(lost):
        raise StageError(f"{len(lost)} labelled pair(s) have no pair or unit row (first: {lost.sort()[0]}); "
                         "the tables are out of step: re-run match, push, pull and merge")
    wanted = pl.concat([rows["prev_unit_id"], rows["next_unit_id"]]).drop_nulls().unique()
    neighbours = (scan_table(campaign.table("units")).select("unit_id", "text", "start", "end")
                  .filter(pl.col("unit_id").is_in(wanted.implode())).collect())
    for side in ("prev", "next"):
        rows = rows.join(
            neighbours.rename({"unit_id": f"{side}_unit_id", "text": f"{side}_text", "start": f"{side}_start",
                               "end": f"{side}_end"}), on=f"{side}_unit_id", how="left")
    doc_cols = ["doc_id", "title", "text", "outlet", "url", "published_at", "lang", "license", "source"]
    docs = scan_table(campaign.table("documents")).select(doc_cols).filter(
        pl.col("doc_id").is_in(rows["doc_id"].unique().implode())).collect()
    sha = docs.select("doc_id", pl.col("text").map_elements(_sha256, return_dtype=pl.Utf8).alias("doc_sha256"))
    rows = rows.join(docs.drop("text").join(sha, on="doc_id"), on="doc_id", how="left")
    by_lang = claims.select("claim_id", "lang", pl.col("text").alias("_claim_lang"))
    first = claims.group_by("claim_id", maintain_order=True).agg(pl.col("text").first().alias("_claim_any"))
    english = claims.filter(pl.col("lang") == "en").select("claim_id", pl.col("text").alias("_claim_en"))
    rows = (rows.join(by_lang, on=["claim_id", "lang"], how="left").join(english, on="claim_id", how="left")
            .join(first, on="claim_id", how="left")
            .with_columns(pl.coalesce("_claim_lang", "_claim_en", "_claim_any").alias("claim"))
            .drop("_claim_lang", "_claim_en", "_claim_any"))
    return rows.with_columns(
        pl.col("pair_id").alias("id"),
        pl.struct(pl.col("prev_text").alias("prev"), pl.col("next_text").alias("next")).alias("context"),
    ).sort("doc_id", "start", "claim_id", "pair_id")


def _sha256(text: str) -> str:
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Provenance:
    """Who gave the exported votes, for the card: the Hub's ``annotations_creators`` and counts by kind."""

    creators: list[str]
    votes: dict[str, int]  # "people" / "simulated" -> votes
    annotators: dict[str, int]  # "people" / "simulated" -> distinct annotators
    unrecorded: bool  # simulated annotators answered, but the campaign did not record which pseudonyms are theirs
    people_kind: str


def provenance(campaign: Campaign, cfg: Config, votes: pl.DataFrame) -> Provenance:
    """Simulated votes are those of the pseudonyms ``studio simulate`` recorded (``reports/simulated_annotators.json``);
    every other vote is a person's, of the kind ``export.annotations_creators`` names (auto: crowdsourced)."""
    setting = str(cfg.get("export", "annotations_creators"))
    people_kind = "crowdsourced" if setting == "auto" else setting
    n_votes = votes.height if "annotator" in votes.columns else 0
    if "simulated" in votes.columns and n_votes:
        sim = votes.filter(pl.col("simulated").fill_null(False))
        human = votes.filter(~pl.col("simulated").fill_null(False))
        counts = {"people": human.height, "simulated": sim.height}
        who = {"people": human["annotator"].n_unique(), "simulated": sim["annotator"].n_unique()}
    else:
        counts, who = {"people": n_votes}, {"people": votes["annotator"].n_unique() if n_votes else 0}
    unrecorded = simulation_ran(campaign) and simulated_pseudonyms(campaign) is None and n_votes > 0
    creators = {people_kind} if counts["people"] or not counts.get("simulated") else set()
    if counts.get("simulated") or unrecorded:  # unrecorded: any vote may be a person's or the simulator's
        creators.add("machine-generated")
    return Provenance(sorted(creators), counts, who, unrecorded, people_kind)


def vote_rows(campaign: Campaign, rows: pl.DataFrame) -> pl.DataFrame:
    """Every non-skipped vote on an exported pair, with the pair's split (annotator stays a pseudonym) and whether a
    simulated annotator gave it (null when simulated annotators answered but the campaign did not record which)."""
    cols = ["pair_id", "annotator", "label", "project_role", "ground_truth", "flags", "lead_time", "was_cancelled",
            "ls_annotation_id"]
    votes = read_table(campaign.table("annotations"), cols) if table_exists(campaign.table("annotations")) else None
    if votes is None:
        return pl.DataFrame(schema={"id": pl.Utf8, "split": pl.Utf8})
    leaked = votes.filter(pl.col("annotator").str.contains(EMAIL.pattern))
    if leaked.height:
        raise StageError(f"{campaign.table('annotations')}: {leaked.height} annotator value(s) look like e-mail "
                         "addresses; annotators must be pseudonyms: re-run `stancekit pull` so they are replaced")
    votes = votes.filter(pl.col("label").is_not_null() & ~pl.col("was_cancelled"))
    sims = simulated_pseudonyms(campaign)
    if sims is not None:
        votes = votes.with_columns(pl.col("annotator").is_in(pl.Series(sorted(sims), dtype=pl.Utf8).implode())
                                   .alias("simulated"))
    else:
        votes = votes.with_columns(pl.lit(None if simulation_ran(campaign) else False, pl.Boolean).alias("simulated"))
    keyed = rows.select(pl.col("id").alias("pair_id"), "split", "claim_id")
    return (votes.join(keyed, on="pair_id", how="inner").rename({"pair_id": "id"})
            .sort("id", "project_role", "annotator", "ls_annotation_id"))


def _by_split(df: pl.DataFrame, splits: list[str]) -> dict[str, pl.DataFrame]:
    return {s: df.filter(pl.col("split") == s) for s in splits}


def _swap_in(tmp: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name in MANAGED:
        target = out / name
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
        if (tmp / name).exists():
            os.replace(tmp / name, target)


def _card_inputs(campaign: Campaign, cfg: Config, scheme: LabelScheme, rows: pl.DataFrame, votes: pl.DataFrame,
                 shards: list[Shard], out: Path, text: str, n_claims: int) -> CardInputs:
    reports = campaign.reports
    agreement = json.loads((reports / "agreement.json").read_text()) if (reports / "agreement.json").exists() else None
    audit = json.loads((reports / "split_audit.json").read_text()) if (reports / "split_audit.json").exists() else None
    licenses = count_by(rows.unique("doc_id").with_columns(pl.col("license").fill_null("unknown")), "license")
    license = str(cfg.get("export", "license")) or (
        hub_license(next(iter(licenses))) if len(licenses) == 1 else "other")
    sources = count_by(rows.unique("doc_id").with_columns(
        pl.col("source").map_elements(lambda s: Path(s).name, return_dtype=pl.Utf8)), "source")
    features = {"default": default_features(scheme.labels, text=text), "annotations": annotation_features(
        scheme.labels), "claims": claim_features()}
    download = {c: sum((out / s.path).stat().st_size for s in shards if s.config == c) for c in features}
    segmenters = sorted(set(scan_table(campaign.table("units")).select("segmenter").unique().collect()["segmenter"]))
    matchers = sorted(set(scan_table(campaign.table("pairs")).select("method").unique().collect()["method"]))
    guideline = str(cfg.get("labels", "guideline"))
    selection: dict[str, int] = {}
    suggestions: dict[str, int] = {}
    n_tasks = 0
    if table_exists(campaign.table("tasks")):
        tasks = read_table(campaign.table("tasks")).filter(pl.col("project_role") == "main")
        n_tasks = tasks.height
        for col, target in (("strategy", selection), ("prediction_model", suggestions)):
            if col in tasks.columns:
                target.update(count_by(tasks.filter(pl.col(col).is_not_null()), col))
    prov = provenance(campaign, cfg, votes)
    return CardInputs(
        pretty_name=str(cfg.get("export", "pretty_name")) or str(cfg.get("campaign", "name")),
        description=str(cfg.get("campaign", "description")),
        labels=scheme.labels, label_descriptions=scheme.descriptions, scheme_id=scheme.id,
        languages=sorted(x for x in rows["lang"].unique().to_list() if x and x != "und"),
        pairs_by_language=count_by(rows.with_columns(pl.col("lang").fill_null("und")), "lang"),
        license_set=bool(str(cfg.get("export", "license"))),
        license=license, source_licenses=licenses, sources=sources,
        outlets=rows["outlet"].drop_nulls().n_unique(), text_mode=text, features=features, shards=shards,
        download_size=download, overlap=int(cfg.get("studio", "overlap")),
        guideline=f"the guideline `{Path(guideline).name}`" if guideline else "the built-in guideline",
        segmenters=segmenters, matchers=matchers, aggregators=sorted(set(rows["method"].drop_nulls())),
        decided_by=count_by(rows.with_columns(pl.col("decided_by").fill_null("unknown")), "decided_by"),
        annotators=votes["annotator"].n_unique() if "annotator" in votes.columns else 0,
        claims=n_claims, agreement=agreement, audit=audit, annotations_creators=prov.creators,
        votes_by_kind=prov.votes, annotators_by_kind=prov.annotators, simulation_unrecorded=prov.unrecorded,
        people_kind=prov.people_kind,
        selection=selection, suggestions=suggestions, n_tasks=n_tasks,
        baseline=json.loads((reports / "baseline.json").read_text()) if (reports / "baseline.json").exists() else None,
    )


def run_export(
    campaign: Campaign,
    out: Path | None = None,
    *,
    text: str | None = None,
    push_to_hub: str | None = None,
    private: bool = True,
) -> ExportResult:
    cfg = load_config(campaign.root)
    text = text or str(cfg.get("export", "text"))
    if text not in ("full", "none"):
        raise ConfigError(f"--text must be full or none, got {text!r}")
    out = Path(out) if out is not None else campaign.export
    scheme = LabelScheme(labels=tuple(cfg.get("labels", "names")), version=int(cfg.get("labels", "version")))
    max_rows = int(cfg.get("export", "max_shard_rows"))

    claims = claims_frame(campaign, cfg)
    rows = labelled_rows(campaign, claims)
    votes = vote_rows(campaign, rows)
    splits = ordered_splits(rows["split"].unique().to_list())
    default = default_features(scheme.labels, text=text)
    ann = annotation_features(scheme.labels)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        shards = write_config(tmp, "default", "data", {s: encode_labels(f, scheme.labels) for s, f in
                                                       _by_split(rows, splits).items()}, default,
                              max_shard_rows=max_rows)
        shards += write_config(tmp, "annotations", "annotations", {s: encode_labels(f, scheme.labels) for s, f in
                                                                   _by_split(votes, splits).items()}, ann,
                               max_shard_rows=max_rows)
        shards += write_config(tmp, "claims", "claims", {"train": claims}, claim_features(),
                               max_shard_rows=max_rows, prefix="claims")
        inputs = _card_inputs(campaign, cfg, scheme, rows, votes, shards, tmp, text, claims["claim_id"].n_unique())
        atomic_write_text(tmp / "README.md", render_card(inputs))
        manifest = build_manifest(campaign, cfg, out=tmp, shards=shards, text_mode=text,
                                  label_scheme={"id": scheme.id, "labels": list(scheme.labels)})
        atomic_write_text(tmp / "manifest.json", dumps_manifest(manifest))
        _swap_in(tmp, out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    result = ExportResult(
        out=out, rows={s: int((rows["split"] == s).sum()) for s in splits}, annotations=votes.height,
        claims=claims.height, files=[s.path for s in shards] + ["README.md", "manifest.json"],
    )
    if push_to_hub:
        result.pushed_to = push_folder(out, push_to_hub, private=private)
    return result
