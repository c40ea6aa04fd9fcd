"""Scaling of the corpus stages: segment + match at two corpus sizes, local engine at 1 and 2 workers, Ray at 2 CPUs.

In one run, for each size (default 100 MB and 500 MB of article text, UTF-8): a campaign whose documents are
news-like articles made from the news gold and the seed article (paragraphs of one language drawn at random, numbers
varied, so no two texts are equal), half Arabic, half English; claims: the campaign's seed claims plus 200 ANS
headlines. Each configuration runs ``run_segment`` then ``run_match`` (the real runners: Parquet in, engine, Parquet
out) in a fresh interpreter, while this process samples every descendant's peak RSS (``VmHWM`` in ``/proc``) every
0.2 s. Ray runs on a local cluster started in that interpreter (``ray.init(num_cpus=2)``): its start-up and the
wall time of a one-batch job are reported apart, and its throughput is measured once started. Each configuration's
units and pairs counts must equal the others'. Prints a table and writes ``benchmarks/out/scale.json``.

    .venv/bin/python benchmarks/scale.py [--sizes 100 500] [--repeats 3 1] [--configs local:1 local:2 ray:2]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import polars as pl

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = ROOT / ".." / "shared" / "data"
GOLD = ROOT / "tests" / "data" / "news_gold"
OUT = HERE / "out"


# ------------------------------------------------------------------------------------------------ the corpus


def paragraph_pools() -> dict[str, tuple[list[str], list[str]]]:
    """lang -> (titles, body paragraphs) from the news gold articles and the seed article."""
    pools: dict[str, tuple[list[str], list[str]]] = {}
    files = [*sorted(GOLD.glob("*/*.txt")), DATA / "seed" / "us-forces-iraq.ar.txt"]
    for path in files:
        lang = "ar" if path.parent.name == "ar" or path.name.endswith(".ar.txt") else "en"
        paras = [p.strip() for p in re.split(r"\n\s*\n|\n", path.read_text(encoding="utf-8")) if p.strip()]
        titles, body = pools.setdefault(lang, ([], []))
        titles.append(paras[0])
        body.extend(paras[1:])
    return pools


def _vary(text: str, rng: random.Random) -> str:
    return re.sub(r"\d+", lambda m: str(rng.randrange(10 ** (len(m.group()) - 1), 10 ** len(m.group()))), text)


def write_corpus(campaign_dir: Path, mb: float, *, seed: int = 13, batch: int = 2000) -> dict[str, Any]:
    """A campaign at ``campaign_dir`` whose documents table holds ``mb`` MB of article text."""
    from stancekit.campaign import Campaign
    from stancekit.ids import doc_id_from_text
    from stancekit.io import TableWriter
    from stancekit.pipeline.init import init_campaign
    from stancekit.schemas import DOCUMENTS, conform

    camp = Campaign.at(campaign_dir)
    init_campaign(camp)
    _add_claims(camp.root / "claims.yaml")
    camp.ensure()
    rng = random.Random(seed)
    pools = paragraph_pools()
    size, n = 0, 0
    with TableWriter(camp.table("documents"), DOCUMENTS.arrow_schema()) as writer:
        while size < mb * 1e6:
            rows: dict[str, list[Any]] = {c: [] for c in ("doc_id", "source_row", "title", "text", "lang", "outlet")}
            for _ in range(batch):
                lang = "ar" if n % 2 else "en"
                titles, body = pools[lang]
                title = _vary(rng.choice(titles), rng)
                text = "\n\n".join([title, *(_vary(p, rng) for p in rng.sample(body, rng.randint(4, 12)))])
                rows["doc_id"].append(doc_id_from_text(text))
                rows["source_row"].append(n)
                rows["title"].append(title)
                rows["text"].append(text)
                rows["lang"].append(lang)
                rows["outlet"].append(f"outlet-{n % 7}")
                size += len(text.encode("utf-8"))
                n += 1
            frame = pl.DataFrame(rows).with_columns(
                pl.lit("generated").alias("source"), pl.col("text").hash().cast(pl.Utf8).alias("content_hash"),
                *(pl.lit(None, pl.Utf8).alias(c) for c in ("published_at", "url", "license", "duplicate_of")))
            writer.write(conform(frame, DOCUMENTS))
        writer.commit()
    return {"documents": n, "mb": size / 1e6}


def _add_claims(path: Path, n: int = 200) -> None:
    """The seed claims plus ``n`` distinct ANS headlines (Arabic) as claims."""
    from ruamel.yaml import YAML

    yaml = YAML()
    data = yaml.load(path.read_text(encoding="utf-8"))
    heads = pl.concat([pl.read_csv(p) for p in sorted((DATA / "ans" / "stance").glob("*.csv"))])["s1"]
    for i, text in enumerate(heads.unique(maintain_order=True).head(n).to_list()):
        data["claims"].append({"claim_id": f"ans-{i:04d}", "text": {"ar": text}})
    with open(path, "w", encoding="utf-8") as fh:
        yaml.dump(data, fh)


# ------------------------------------------------------------------------------------------------ one configuration


def child(campaign_dir: str, engine: str, workers: int) -> None:
    """Runs in a fresh interpreter: (Ray start-up,) segment, match; prints one JSON line."""
    import contextlib

    from stancekit.campaign import Campaign
    from stancekit.pipeline.match import run_match
    from stancekit.pipeline.segment import run_segment
    from stancekit.progress import set_quiet

    set_quiet(True)
    camp = Campaign.at(campaign_dir)
    out: dict[str, Any] = {}
    with contextlib.ExitStack() as stack:
        if engine == "ray":
            from stancekit.engine_ray import ray_session

            t0 = time.perf_counter()
            stack.enter_context(ray_session(None, workers))
            out["ray_init_s"] = time.perf_counter() - t0
            out["first_job_s"] = _first_job(camp.root)
        t0 = time.perf_counter()
        seg = run_segment(camp, force=True, workers=workers, engine=engine)
        out["segment_s"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        pairs = run_match(camp, workers=workers, engine=engine)
        out["match_s"] = time.perf_counter() - t0
    out.update(documents=seg["documents"], units=seg["units"], claim_units=seg["claim_units"], pairs=pairs["pairs"])
    print("__SCALE__" + json.dumps(out), flush=True)


def _first_job(root: Path) -> float:
    """Wall time of a one-batch segment job on the running Ray (worker start-up and imports, once per job)."""
    from stancekit.builder.segment.units import segment_batch
    from stancekit.engine import map_table
    from stancekit.io import scan_table, write_table
    from stancekit.schemas import UNITS

    tmp = root / ".scale-first-job"
    tmp.mkdir(exist_ok=True)
    write_table(scan_table(root / "tables" / "documents.parquet").head(20).collect(), tmp / "docs.parquet")
    t0 = time.perf_counter()
    map_table(tmp / "docs.parquet", segment_batch, tmp / "units.parquet", schema=UNITS.arrow_schema(),
              batch_size=500, workers=2, columns=["doc_id", "text", "lang"], engine="ray")
    return time.perf_counter() - t0


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="utf-8") as fh:
                    ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


_TICK = os.sysconf("SC_CLK_TCK")


def _sample(pid: int) -> tuple[float, str, float] | None:
    """(peak RSS MB, name, CPU seconds so far) of a live process."""
    try:
        with open(f"/proc/{pid}/status", encoding="utf-8") as fh:
            fields = dict(line.split(":", 1) for line in fh if ":" in line)
        with open(f"/proc/{pid}/stat", encoding="utf-8") as fh:
            stat = fh.read().rsplit(")", 1)[1].split()
        return int(fields["VmHWM"].split()[0]) / 1024, fields["Name"].strip(), (int(stat[11]) + int(stat[12])) / _TICK
    except (OSError, KeyError, ValueError, IndexError):
        return None  # gone, or a kernel thread


def run_config(campaign_dir: Path, engine: str, workers: int) -> dict[str, Any]:
    """Run :func:`child` in a new interpreter, sampling the peak RSS of it and every process it starts."""
    cmd = [sys.executable, __file__, "--child", str(campaign_dir), engine, str(workers)]
    env = {**os.environ, "RAY_USAGE_STATS_ENABLED": "0", "STANCEKIT_QUIET": "1"}
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    peaks: dict[int, tuple[float, str, float]] = {}
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            for p in _descendants(proc.pid):
                got = _sample(p)
                if got:
                    peaks[p] = got
            time.sleep(0.2)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    stdout, stderr = proc.communicate()
    lifetime = time.perf_counter() - started
    done.set()
    thread.join()
    if proc.returncode != 0:
        raise RuntimeError(f"{engine}:{workers} failed:\n{stderr[-3000:]}")
    line = next(ln for ln in stdout.splitlines() if ln.startswith("__SCALE__"))
    result: dict[str, Any] = json.loads(line[len("__SCALE__"):])
    cpu = sum(c for _, _, c in peaks.values())
    main = peaks.pop(proc.pid, (0.0, "", 0.0))[0]
    # local: every other process is a pool worker; ray: its workers are named ray::..., the rest is Ray itself
    is_worker = (lambda name: name.startswith("ray::")) if engine == "ray" else (lambda name: True)
    workers_rss = [mb for mb, name, _ in peaks.values() if is_worker(name)]
    system_rss = [mb for mb, name, _ in peaks.values() if not is_worker(name)]
    result.update(driver_peak_mb=main, worker_peak_mb=max(workers_rss, default=0.0),
                  other_peak_mb=max(system_rss, default=0.0), processes=len(peaks) + 1, cpu_s=cpu,
                  lifetime_s=lifetime, cores_used=cpu / lifetime)
    return result


# ------------------------------------------------------------------------------------------------ the run


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3], int(sys.argv[4]))
        return
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=float, nargs="+", default=[100.0, 500.0], help="corpus sizes in MB")
    ap.add_argument("--repeats", type=int, nargs="+", default=[1],
                    help="runs per configuration (medians are reported); one number, or one per size")
    ap.add_argument("--configs", nargs="+", default=["local:1", "local:2", "ray:2"], help="ENGINE:WORKERS")
    ap.add_argument("--workdir", type=Path, default=None, help="where the campaigns go (default: a temp dir)")
    args = ap.parse_args()
    configs = [(c.split(":")[0], int(c.split(":")[1])) for c in args.configs]
    report: dict[str, Any] = {"load_average_start": os.getloadavg(), "cpus": os.cpu_count(), "sizes": {}}
    with tempfile.TemporaryDirectory(dir=args.workdir) as tmp:
        repeats = args.repeats + [args.repeats[-1]] * (len(args.sizes) - len(args.repeats))
        for mb, n_runs in zip(args.sizes, repeats, strict=False):
            camp = Path(tmp) / f"c{int(mb)}"
            t0 = time.perf_counter()
            corpus = write_corpus(camp, mb)
            print(f"corpus {mb:g} MB: {corpus['documents']} documents ({time.perf_counter() - t0:.0f} s to write)",
                  file=sys.stderr)
            per: dict[str, Any] = {"corpus": corpus}
            runs: dict[str, list[dict[str, Any]]] = {f"{e}:{w}": [] for e, w in configs}
            for _ in range(n_runs):  # round robin, so a change in the machine's load hits every config alike
                for engine, workers in configs:
                    load = os.getloadavg()[0]
                    got = {**run_config(camp, engine, workers), "load_1min_before": load}
                    runs[f"{engine}:{workers}"].append(got)
                    print(f"  {engine}:{workers} {json.dumps(got)}", file=sys.stderr)
            for key, config_runs in runs.items():
                per[key] = _summarise(config_runs, corpus["mb"])
            counts = {k: (v["units"], v["pairs"]) for k, v in per.items() if k != "corpus"}
            if len(set(counts.values())) > 1:
                raise SystemExit(f"the configurations disagree on units/pairs: {counts}")
            report["sizes"][f"{mb:g}"] = per
    report["load_average_end"] = os.getloadavg()
    report["targets"] = _targets(report)
    OUT.mkdir(exist_ok=True)
    (OUT / "scale.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    _print(report)


def _summarise(runs: list[dict[str, Any]], mb: float) -> dict[str, Any]:
    med = {k: statistics.median(r[k] for r in runs) for k in runs[0] if isinstance(runs[0][k], int | float)}
    med["segment_mb_s"] = mb / med["segment_s"]
    med["match_units_s"] = med["units"] / med["match_s"]
    med["total_mb_s"] = mb / (med["segment_s"] + med["match_s"])
    med["mb_per_cpu_s"] = mb / med["cpu_s"]  # all processes, whole run (Ray: its start-up included)
    return {**med, "runs": runs}


def _targets(report: dict[str, Any]) -> dict[str, Any]:
    sizes = list(report["sizes"].values())
    out: dict[str, Any] = {}
    if len(sizes) >= 2:
        small, big = sizes[0], sizes[-1]
        for k in (c for c in small if c != "corpus"):
            for role in ("driver_peak_mb", "worker_peak_mb"):
                if small[k][role]:
                    out[f"rss growth {k} {role}"] = big[k][role] / small[k][role]
    for label, per in report["sizes"].items():
        if "local:1" in per and "local:2" in per:
            out[f"{label} MB: local 2 / local 1"] = per["local:2"]["total_mb_s"] / per["local:1"]["total_mb_s"]
        if "ray:2" in per and "local:2" in per:
            out[f"{label} MB: ray 2 / local 2"] = per["ray:2"]["total_mb_s"] / per["local:2"]["total_mb_s"]
    return out


def _print(report: dict[str, Any]) -> None:
    print(f"load average at start {report['load_average_start']}, at end {report['load_average_end']}; "
          f"{report['cpus']} CPUs")
    print(f"{'size':>6} {'config':>8} {'seg MB/s':>9} {'match u/s':>10} {'total MB/s':>10} {'driver MB':>9} "
          f"{'worker MB':>9} {'other MB':>9} {'ray init s':>10} {'1st job s':>9} {'cores used':>10} {'MB/cpu-s':>8}")
    for label, per in report["sizes"].items():
        for k, v in per.items():
            if k == "corpus":
                continue
            print(f"{label:>6} {k:>8} {v['segment_mb_s']:9.2f} {v['match_units_s']:10.0f} {v['total_mb_s']:10.2f} "
                  f"{v['driver_peak_mb']:9.0f} {v['worker_peak_mb']:9.0f} {v['other_peak_mb']:9.0f} "
                  f"{v.get('ray_init_s', 0):10.1f} {v.get('first_job_s', 0):9.1f} {v['cores_used']:10.2f} "
                  f"{v['mb_per_cpu_s']:8.2f}")
    for k, v in report["targets"].items():
        print(f"{k}: {v:.2f}")


if __name__ == "__main__":
    main()
