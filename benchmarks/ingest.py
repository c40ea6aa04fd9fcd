"""Ingest throughput and memory on a generated ~1 GB JSONL file, beside ``polars.read_ndjson`` in the same run.

    .venv/bin/python benchmarks/ingest.py [--mb 1024] [--repeat 3]

Each contender runs in a fresh process (peak RSS is per process); the figures are medians over ``--repeat`` runs.
The generated articles are real seed text with a counter, so every document is distinct and ingest keeps them all.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

from _util import OUT, median_of, run_snippet

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "data" / "seed" / "us-forces-iraq.ar.txt"


def generate(path: Path, megabytes: int) -> int:
    base = SEED.read_text(encoding="utf-8") if SEED.exists() else "قال القائد إن القوات ستبقى في العراق.\n" * 50
    paras = [p for p in base.split("\n\n") if p.strip()]
    target = megabytes * 1024 * 1024
    written = n = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        while written < target:
            k = n % len(paras)
            text = f"{paras[0]}\n\n" + "\n\n".join(paras[k:] + paras[:k]) + f"\n\n[{n}]"
            line = json.dumps({"id": f"a{n}", "text": text, "outlet": f"outlet-{n % 7}",
                               "published_at": f"2021-{1 + n % 12:02d}-{1 + n % 28:02d}"}, ensure_ascii=False) + "\n"
            fh.write(line)
            written += len(line.encode("utf-8"))
            n += 1
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mb", type=int, default=1024)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    data = OUT / f"ingest-{args.mb}mb.jsonl"
    if not data.exists() or data.stat().st_size < args.mb * 1024 * 1024 * 0.99:
        n = generate(data, args.mb)
        print(f"generated {data} ({n} articles)")
    size_mb = data.stat().st_size / 1024 / 1024
    camp = OUT / "ingest-campaign"
    ours, peer = [], []
    for _ in range(args.repeat):
        shutil.rmtree(camp, ignore_errors=True)
        ours.append(run_snippet(f"""
            from stancekit.campaign import Campaign
            from stancekit.pipeline.init import init_campaign
            from stancekit.pipeline.ingest import IngestOptions, run_ingest
            from stancekit.progress import set_quiet
            set_quiet(True)
            c = Campaign.at({str(camp)!r}); init_campaign(c)
            EXTRA = run_ingest(c, [{str(data)!r}], IngestOptions(), record=False)["added"]
        """))
        peer.append(run_snippet(f"""
            import polars as pl
            EXTRA = pl.read_ndjson({str(data)!r}).height
        """))
    t_ours, t_peer = median_of(ours, "seconds"), median_of(peer, "seconds")
    rss_ours, rss_peer = median_of(ours, "peak_rss_mb"), median_of(peer, "peak_rss_mb")
    print(f"input: {size_mb:.0f} MB, {ours[0]['extra']} documents ingested; medians of {args.repeat} runs")
    print(f"{'':28}{'seconds':>10}{'MB/s':>10}{'peak RSS MB':>14}")
    print(f"{'stancekit ingest':28}{t_ours:10.2f}{size_mb / t_ours:10.1f}{rss_ours:14.0f}")
    print(f"{'polars.read_ndjson':28}{t_peer:10.2f}{size_mb / t_peer:10.1f}{rss_peer:14.0f}")
    print(f"ratio time (stancekit / polars): {t_ours / t_peer:.2f}x; ratio peak RSS: {rss_ours / rss_peer:.2f}x")
    print("note: polars reads the whole file into memory and does no validation, dedupe, language detection or "
          "date parsing; stancekit streams in batches and writes documents.parquet.")


if __name__ == "__main__":
    main()
