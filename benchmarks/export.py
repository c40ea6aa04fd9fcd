"""Export speed: stancekit's Hub writer beside ``pyarrow.parquet.write_table`` of the same table, same codec.

1,000,000 labelled rows shaped like the ``default`` config (label as a name, as the pipeline hands it over) are
generated once. Then, alternating, each in a fresh process (median of 5):

- baseline: ``pq.write_table(table, codec)`` of the table as polars gives it (no ClassLabel, one file);
- stancekit: ``encode_labels`` + ``to_arrow`` (cast to the ``datasets`` Features' Arrow schema, ClassLabel kept in
  the ``huggingface`` metadata) + ``write_config`` (size/row sharded files, fixed writer options).

Targets (issue 10): time <= 1.75x the baseline; peak RSS <= 2x the in-memory table. Peak RSS is the process's
peak while exporting (VmHWM reset after the input is loaded: loading is not the export), the whole process
included: interpreter, libraries and the loaded table. Prints the ratios. Linux only (/proc).

    .venv/bin/python benchmarks/export.py [--rows 1000000] [--repeats 5]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

import numpy as np
import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _util import OUT, run_snippet

LABELS = ["agree", "disagree", "discuss", "unrelated"]

_COMMON = """
import polars as pl, pyarrow.parquet as pq


def reset_peak():  # Linux: make VmHWM (peak RSS) start again from the current RSS
    with open("/proc/self/clear_refs", "w") as fh:
        fh.write("5")


def peak_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024


df = pl.read_parquet({src!r})
"""
BASELINE = _COMMON + """
from stancekit.exports.hf import CODEC, CODEC_LEVEL
table = df.to_arrow()
del df
table_bytes = table.nbytes
reset_peak()
rss_before = peak_mb()
t = time.perf_counter()
pq.write_table(table, {dest!r} + "/baseline.parquet", compression=CODEC, compression_level=CODEC_LEVEL)
EXTRA = {{"write_seconds": time.perf_counter() - t, "table_bytes": table_bytes, "rss_before_mb": rss_before,
          "export_peak_mb": peak_mb()}}
"""
STANCEKIT = _COMMON + """
from pathlib import Path
from stancekit.exports.hf import default_features, encode_labels, write_config
features = default_features({labels!r})
table_bytes = {table_bytes}  # nbytes of the Arrow table the baseline writes (measured once, in the parent)
reset_peak()
rss_before = peak_mb()
t = time.perf_counter()
shards = write_config(Path({dest!r}), "default", "data", {{"train": encode_labels(df, {labels!r})}}, features)
seconds = time.perf_counter() - t
meta = pq.read_schema({dest!r} + "/" + shards[0].path).metadata[b"huggingface"]
EXTRA = {{"write_seconds": seconds, "table_bytes": table_bytes, "rss_before_mb": rss_before,
          "export_peak_mb": peak_mb(), "shards": len(shards), "has_classlabel": b"ClassLabel" in meta}}
"""


def make_rows(n: int, seed: int = 7) -> pl.DataFrame:
    rng = np.random.default_rng(seed)
    vocab = np.array([f"w{i}" for i in range(5000)] + ["القوات", "العراق", "الحكومة", "قال", "الوزير"])
    words = rng.choice(vocab, size=(n, 24))
    text = pl.Series([" ".join(r) for r in words])
    doc = rng.integers(0, n // 20 + 1, n)
    votes = rng.multinomial(3, [0.4, 0.3, 0.2, 0.1], size=n)
    return pl.DataFrame({
        "id": [f"p{i:015x}" for i in range(n)],
        "claim_id": pl.Series(rng.choice(["troops-stay", "fuel-prices", "election-delay"], n)),
        "claim": pl.Series(rng.choice(["US troops will stay in Iraq", "Fuel prices will rise"], n)),
        "text": text,
        "context": pl.DataFrame({"prev": text.shift(1), "next": text.shift(-1)}).to_struct(),
        "speaker": pl.Series(rng.choice(["the minister", "", "a spokesman"], n)).replace("", None),
        "quote_type": pl.Series(rng.choice(["direct", "indirect", ""], n)).replace("", None),
        "doc_id": [f"d{d:08d}" for d in doc],
        "title": pl.Series(rng.choice(["Talks in Baghdad", "Prices up again", "Vote delayed"], n)),
        "outlet": pl.Series(rng.choice([f"outlet-{i}" for i in range(40)], n)),
        "url": [f"https://news.example/{d}" for d in doc],
        "published_at": pl.datetime_range(pl.datetime(2020, 1, 1, time_zone="UTC"),
                                          pl.datetime(2024, 1, 1, time_zone="UTC"), interval="2m", eager=True)[:n],
        "lang": pl.Series(rng.choice(["ar", "en"], n)),
        "unit_id": [f"u{i:015x}" for i in range(n)],
        "start": rng.integers(0, 5000, n),
        "end": rng.integers(5000, 9000, n),
        "label": pl.Series(np.array(LABELS)[votes.argmax(axis=1)]),
        "votes": votes.tolist(),
        "soft_label": (votes / 3).tolist(),
        "n_annotators": pl.Series(np.full(n, 3), dtype=pl.Int32),
        "agreement": votes.max(axis=1) / 3,
        "decided_by": pl.Series(rng.choice(["vote", "adjudication"], n)),
    })


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="stancekit-bench-export-"))
    try:
        src = work / "input.parquet"
        frame = make_rows(args.rows)
        table_bytes = frame.to_arrow().nbytes
        frame.write_parquet(src)
        del frame
        runs: dict[str, list[dict[str, object]]] = {"baseline": [], "stancekit": []}
        for _ in range(args.repeats):
            for name, body in (("baseline", BASELINE), ("stancekit", STANCEKIT)):
                dest = work / name
                shutil.rmtree(dest, ignore_errors=True)
                dest.mkdir()
                runs[name].append(run_snippet(body.format(src=str(src), dest=str(dest), labels=LABELS,
                                                          table_bytes=table_bytes)))
        sizes = {n: sum(p.stat().st_size for p in (work / n).rglob("*.parquet")) for n in runs}
    finally:
        shutil.rmtree(work, ignore_errors=True)

    def med(name: str, key: str) -> float:
        return float(statistics.median(float(r["extra"][key]) for r in runs[name]))  # type: ignore[index]

    def med_top(name: str, key: str) -> float:
        return float(statistics.median(float(r[key]) for r in runs[name]))  # type: ignore[arg-type]

    table_mb = med("stancekit", "table_bytes") / 2**20
    result = {
        "rows": args.rows,
        "repeats": args.repeats,
        "table_mb": round(table_mb, 1),
        "baseline_seconds": round(med("baseline", "write_seconds"), 3),
        "stancekit_seconds": round(med("stancekit", "write_seconds"), 3),
        "time_ratio": round(med("stancekit", "write_seconds") / med("baseline", "write_seconds"), 3),
        "baseline_export_peak_rss_mb": round(med("baseline", "export_peak_mb"), 1),
        "stancekit_export_peak_rss_mb": round(med("stancekit", "export_peak_mb"), 1),
        "stancekit_rss_before_export_mb": round(med("stancekit", "rss_before_mb"), 1),
        "process_peak_rss_mb_incl_loading": round(med_top("stancekit", "peak_rss_mb"), 1),
        "rss_ratio_to_table": round(med("stancekit", "export_peak_mb") / table_mb, 3),
        "baseline_rss_ratio_to_table": round(med("baseline", "export_peak_mb") / table_mb, 3),
        "file_mb": {n: round(s / 2**20, 1) for n, s in sizes.items()},
        "classlabel_kept": all(bool(r["extra"]["has_classlabel"]) for r in runs["stancekit"]),  # type: ignore[index]
        "targets": {"time_ratio": 1.75, "rss_ratio_to_table": 2.0},
    }
    OUT.mkdir(exist_ok=True)
    (OUT / "export.json").write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    print(f"time: {result['time_ratio']}x pq.write_table (target <= 1.75x); "
          f"peak RSS: {result['rss_ratio_to_table']}x the table (target <= 2x)")


if __name__ == "__main__":
    main()
