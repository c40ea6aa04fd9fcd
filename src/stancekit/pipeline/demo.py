"""``stancekit demo``: the whole flow on the bundled sample corpus, with a local Label Studio.

ingest -> segment -> match -> push -> simulated annotators -> pull -> merge -> split -> export -> track -> report.
Re-running it resumes: finished stages are skipped, the server is reused, nothing is pushed or answered twice.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import polars as pl

from stancekit.campaign import Campaign
from stancekit.config import load_config
from stancekit.examples import demo_dir
from stancekit.ids import doc_id_from_text
from stancekit.io import atomic_write_text
from stancekit.pipeline.ingest import IngestOptions, run_ingest
from stancekit.pipeline.init import init_campaign
from stancekit.pipeline.run import run
from stancekit.progress import console, note

SEED_NAME = "us-forces-iraq.ar.txt"
SEED_ANSWER_ID = "us-forces-iraq.ar"
DEMO_SETTINGS = {
    # the demo corpus is small: every content unit may carry stance, and three claims at most per unit
    ("match", "units"): '"content"',
    ("match", "top_k"): "3",
    ("campaign", "description"): '"A demonstration campaign over the bundled sample corpus (fictional articles '
                                 'written by the stancekit authors, plus one real Arabic article)."',
}


def _set_options(path: Path, settings: dict[tuple[str, str], str]) -> None:
    import tomlkit

    doc = tomlkit.parse(path.read_text(encoding="utf-8"))
    for (section, key), value in settings.items():
        doc[section][key] = tomlkit.parse(f"v = {value}")["v"]
    atomic_write_text(path, tomlkit.dumps(doc))


def prepare(campaign: Campaign) -> Path:
    """Create the demo campaign (once) and ingest the sample corpus; returns the known-answers file."""
    src = demo_dir()
    if not campaign.config_path.exists():
        init_campaign(campaign, name="stancekit-demo")
        shutil.copyfile(src / "claims.yaml", campaign.root / "claims.yaml")
        _set_options(campaign.config_path, DEMO_SETTINGS)
    seed = src / SEED_NAME
    run_ingest(campaign, [str(seed)], IngestOptions(outlet="Bal Plus", lang="ar"))
    run_ingest(campaign, [str(src / "articles.jsonl")], IngestOptions())
    # the answer key names the seed by its file name; ingest derives its id from the text
    seed_id = doc_id_from_text(seed.read_text(encoding="utf-8").replace("\r\n", "\n"))
    answers = (pl.read_csv(src / "answers.csv", infer_schema_length=0)
               .with_columns(pl.col("doc_id").replace({SEED_ANSWER_ID: seed_id})))
    out = campaign.reports / "demo_answers.csv"
    atomic_write_text(out, answers.write_csv())
    return out


def run_demo(campaign: Campaign, *, annotators: int = 3, keep_server: bool = True) -> dict[str, Any]:
    from stancekit.pipeline import studio
    from stancekit.pipeline.simulate import run_simulate

    console.print(f"[bold]stancekit demo[/bold] in {campaign.root}")
    answers = prepare(campaign)
    srv = studio.up(campaign)
    note(f"Label Studio: {srv['url']}")
    run(campaign, until="push")
    note("[bold]simulate[/bold] ...")
    sim = run_simulate(campaign, annotators=annotators, answers=answers, seed=13)
    results = run(campaign)
    cfg = load_config(campaign.root)
    summary = {"campaign": str(campaign.root), "dataset": str(campaign.export), "report":
               str(campaign.reports / "report.html"), "label_studio": srv, "simulated": sim, "stages": results,
               "name": cfg.get("campaign", "name")}
    if not keep_server:
        studio.down(campaign)
    _goodbye(campaign, srv, keep_server)
    return summary


def _goodbye(campaign: Campaign, srv: dict[str, Any], running: bool) -> None:
    c = campaign.root
    console.print()
    console.print("[bold green]Done.[/bold green]")
    console.print(f"  dataset (Hugging Face layout): {campaign.export}  — load it with "
                  f"datasets.load_dataset('{campaign.export}')")
    console.print(f"  report: {campaign.reports / 'report.html'}  (open it in a browser; it needs no network)")
    console.print(f"  campaign status: stancekit status --campaign {c}")
    if running:
        console.print(f"  Label Studio: {srv['url']}  — log in as {srv['login']}; the password is in "
                      f"{srv['password_file']} (field 'password')")
        console.print(f"    label by hand there, then: stancekit run --campaign {c}   (pulls and rebuilds)")
        console.print(f"    stop it with: stancekit studio down --campaign {c}")
