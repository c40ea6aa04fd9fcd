"""Matching speed: 1,000 claims x 1,000,000 units (real text, repeated), beside a brute-force baseline, in one run.

stancekit: ``run_match`` over a campaign (the real runner: Parquet in, engine with ``--workers`` processes, Parquet
out). Baseline: scikit-learn's char TF-IDF (``TfidfVectorizer(analyzer="char", ngram_range=(3, 5))`` fitted on the
claims), sparse dot product and an ``argpartition`` top-k, on one core, timed on a sample and scaled to the full
corpus. Claims are distinct ANS headlines; units are ANS paraphrases and headlines, UD sentences (Arabic and English)
and the seed article's lines, repeated to the requested count. Peak RSS is printed for the main process and the
largest worker.

    .venv/bin/python benchmarks/match.py [--units 1000000] [--claims 1000] [--workers 2] [--sample 50000]
        [--matcher char_ngram.v1|char_ngram.v2] [--semantic-sample 300]

The semantic channel (``[match] semantic``) only runs on English leads against English claim texts; the claims here
are Arabic, so the timed run does not use it. Its cost per English lead is timed separately at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import tempfile
import time
from pathlib import Path

import numpy as np
import polars as pl

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"


def real_texts() -> tuple[list[str], list[str]]:
    ans = pl.concat([pl.read_csv(p) for p in sorted((DATA / "ans" / "stance").glob("*.csv"))])
    claims = ans["s1"].unique(maintain_order=True).to_list()
    texts = ans["s2"].to_list() + claims
    texts += pl.concat([pl.read_csv(p) for p in sorted((DATA / "ans" / "claim").glob("*.csv"))])["claim_s"].to_list()
    with open(DATA / "ud-sentences" / "ud_sentences.lines.jsonl", encoding="utf-8") as fh:
        for line in fh:
            texts += [s for s in json.loads(line)["text"].split("\n") if s.strip()]
    seed = (DATA / "seed" / "us-forces-iraq.ar.txt").read_text(encoding="utf-8")
    texts += [s.strip() for s in seed.split("\n") if s.strip()]
    return claims, texts


def write_units(path: Path, texts: list[str], n: int) -> None:
    from stancekit.io import TableWriter
    from stancekit.schemas import UNITS

    step = 100_000
    with TableWriter(path, UNITS.arrow_schema()) as writer:
        for lo in range(0, n, step):
            idx = np.arange(lo, min(n, lo + step))
            batch_texts = [texts[i % len(texts)] for i in idx]
            frame = pl.DataFrame({c: [None] * len(idx) for c in UNITS.names}, schema=UNITS.polars_schema())
            frame = frame.with_columns(
                pl.Series("unit_id", [f"u{i:09d}" for i in idx]), pl.Series("doc_id", [f"d{i // 20:08d}" for i in idx]),
                pl.lit(0, pl.Int64).alias("start"), pl.Series("end", [len(t) for t in batch_texts], pl.Int64),
                pl.Series("text", batch_texts), pl.lit("body").alias("kind"), pl.lit(True).alias("is_claim"),
                pl.lit("bench.v1").alias("segmenter"))
            writer.write(frame)
        writer.commit()


class RssPoller:
    """Peak resident memory of this process and every descendant (the engine's workers), sampled from /proc."""

    def __init__(self, every: float = 0.25) -> None:
        import os
        import threading

        self.root = os.getpid()
        self.peak_total = 0.0
        self.peak_single = 0.0
        self.cpu: dict[int, float] = {}  # pid -> last seen user + system CPU seconds
        self._stop = threading.Event()
        self._every = every
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _tree(self) -> list[int]:
        parent: dict[int, int] = {}
        for d in Path("/proc").iterdir():
            if d.name.isdigit():
                try:
                    parent[int(d.name)] = int((d / "stat").read_text().rsplit(")", 1)[1].split()[1])
                except (OSError, IndexError, ValueError):
                    continue
        tree, frontier = {self.root}, [self.root]
        while frontier:
            p = frontier.pop()
            kids = [c for c, pp in parent.items() if pp == p and c not in tree]
            tree.update(kids)
            frontier += kids
        return sorted(tree)

    def _rss_mb(self, pid: int) -> float:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        except OSError:
            pass
        return 0.0

    def _cpu_s(self, pid: int) -> None:
        import os

        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            self.cpu[pid] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, IndexError, ValueError):
            pass

    def _run(self) -> None:
        tick = 0
        pids: list[int] = []
        while not self._stop.is_set():
            if tick % 8 == 0:  # the process tree changes rarely: rescan /proc every 2 s
                pids = self._tree()
            tick += 1
            sizes = [self._rss_mb(p) for p in pids]
            for p in pids:
                self._cpu_s(p)
            self.peak_total = max(self.peak_total, sum(sizes))
            self.peak_single = max(self.peak_single, max(sizes, default=0.0))
            self._stop.wait(self._every)

    def __enter__(self) -> RssPoller:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()
        for p in self._tree():
            self._cpu_s(p)


def baseline(claims: list[str], units: list[str], k: int) -> dict[str, float]:
    from sklearn.feature_extraction.text import TfidfVectorizer

    c0 = time.process_time()
    t0 = time.perf_counter()
    vec = TfidfVectorizer(analyzer="char", ngram_range=(3, 5), sublinear_tf=True).fit(claims)
    w = vec.transform(claims).T.tocsr()
    t1 = time.perf_counter()
    x = vec.transform(units)
    t2 = time.perf_counter()
    scores = (x @ w).toarray()
    t3 = time.perf_counter()
    top = np.argpartition(-scores, k - 1, axis=1)[:, :k]
    np.take_along_axis(scores, top, axis=1)
    t4 = time.perf_counter()
    return {"fit": t1 - t0, "vectorise": t2 - t1, "dot": t3 - t2, "topk": t4 - t3, "total": t4 - t1,
            "cpu": time.process_time() - c0 - (t1 - t0)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--units", type=int, default=1_000_000)
    ap.add_argument("--claims", type=int, default=1000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=20000)
    ap.add_argument("--sample", type=int, default=50_000, help="units for the brute-force baseline")
    ap.add_argument("--top-k", type=int, default=5)
    ap.add_argument("--matcher", default=None, help="[match] matcher (default: the configured default)")
    ap.add_argument("--semantic-sample", type=int, default=300, help="English leads timed for the semantic channel")
    args = ap.parse_args()

    from stancekit.builder.claims import registry_from_data, registry_yaml_text
    from stancekit.campaign import Campaign
    from stancekit.io import read_table
    from stancekit.pipeline.init import init_campaign
    from stancekit.pipeline.match import run_match
    from stancekit.progress import set_quiet

    set_quiet(True)
    all_claims, texts = real_texts()
    claims = all_claims[: args.claims]
    print(f"claims: {len(claims)} (ANS headlines); units: {args.units:,} from {len(texts):,} real texts "
          f"(mean {np.mean([len(t) for t in texts]):.0f} characters), workers {args.workers}")
    with tempfile.TemporaryDirectory(prefix="stancekit-match-bench-") as tmp:
        camp = Campaign.at(Path(tmp) / "camp")
        init_campaign(camp)
        if args.matcher:
            import tomlkit

            toml_path = camp.root / "stancekit.toml"
            doc = tomlkit.parse(toml_path.read_text(encoding="utf-8"))
            doc["match"]["matcher"] = args.matcher
            toml_path.write_text(tomlkit.dumps(doc), encoding="utf-8")
        reg = registry_from_data({"claims": [{"claim_id": f"c{i:04d}", "text": {"ar": c}}
                                             for i, c in enumerate(claims)]})
        (camp.root / "claims.yaml").write_text(registry_yaml_text(reg), encoding="utf-8")
        t0 = time.perf_counter()
        write_units(camp.table("units"), texts, args.units)
        print(f"wrote units table in {time.perf_counter() - t0:.1f} s (not timed below)")

        with RssPoller() as rss:
            cpu0 = time.process_time()  # only this process exists yet; workers start at zero
            t0 = time.perf_counter()
            summary = run_match(camp, workers=args.workers, batch_size=args.batch_size, top_k=args.top_k)
            ours = time.perf_counter() - t0
        pairs = read_table(camp.table("pairs"), ["unit_id", "score"])
        rss_main = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"\nstancekit match ({summary['method'].split()[0]}): {ours:.1f} s for {summary['units']:,} units "
              f"-> {summary['pairs']:,} pairs ({pairs.height / max(summary['units'], 1):.2f} per unit); "
              f"{summary['units'] / ours:,.0f} units/s")
        cpu = sum(rss.cpu.values()) - cpu0  # workers sampled every 0.25 s: a slight undercount
        print(f"CPU time of the run, all processes: {cpu:.1f} s (wall time on 2 idle cores is about half of it; "
              f"load average now {os.getloadavg()[0]:.1f})")
        print(f"peak RSS: main process {rss_main:.0f} MB (getrusage); whole process tree {rss.peak_total:.0f} MB, "
              f"largest single process {rss.peak_single:.0f} MB (sampled every 0.25 s)")

    sample = [texts[i % len(texts)] for i in range(args.sample)]
    b = baseline(claims, sample, args.top_k)
    scale = args.units / args.sample
    full = b["total"] * scale
    full_cpu = b["cpu"] * scale
    print(f"\nbaseline sklearn char TF-IDF brute force, 1 core, {args.sample:,} units: vectorise "
          f"{b['vectorise']:.1f} s, dot {b['dot']:.1f} s, top-k {b['topk']:.1f} s; scaled to {args.units:,} units: "
          f"{full:.0f} s wall, {full_cpu:.0f} s CPU")
    print(f"ratio baseline / stancekit: wall {full / ours:.1f}x, CPU {full_cpu / cpu:.1f}x  "
          f"(target: stancekit <= 60 s wall on 2 cores)")
    semantic_cost(texts, args.semantic_sample)


def semantic_cost(texts: list[str], n: int) -> None:
    """The semantic channel's cost per English lead (the claims above are Arabic, so the run above did not use it)."""
    from stancekit.builder.claims import registry_from_data
    from stancekit.builder.match_semantic import is_latin, semantic_channel

    english = [t for t in texts if is_latin(t)][:n]
    reg = registry_from_data({"claims": [{"claim_id": "c", "text": {"en": "US troops will stay in Iraq"}}]})
    channel, why = semantic_channel(reg)
    if channel is None or not english:
        print(f"\n{why}")
        return
    c0 = time.process_time()
    channel.lift(english)
    per = (time.process_time() - c0) / len(english)
    print(f"\nsemantic channel ({why.split(' (')[0]}): {per * 1000:.1f} ms CPU per English lead "
          f"({len(english)} UD sentences, mean {np.mean([len(t) for t in english]):.0f} characters): 100,000 "
          f"articles (two leads each) ~{2e5 * per / 60 / 2:.0f} min on 2 workers; off for speed: [match] semantic")


if __name__ == "__main__":
    main()
