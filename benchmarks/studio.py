"""Push, annotate and pull at scale against a local Label Studio, beside the naive one-request-per-task way.

    .venv/bin/python benchmarks/studio.py [--tasks 10000] [--runs 3] [--naive-sample 50] [--simulate-tasks 1000]

Starts its own server (from the integration tests' pre-migrated template when there is one, else a fresh data dir),
on a generated campaign of ``--tasks`` pairs:
1. push: ``stancekit push`` (batched imports) and push again (nothing new), ``--runs`` times each on a fresh campaign
   and project (median), vs one import request per task on a sample (extrapolated, labelled so);
2. annotate 3 times: a fresh project filled by importing the same tasks with 3 annotations each (bulk import is the
   only fast way to get 3 x 10k annotations; the simulated annotators' per-annotation rate is measured separately);
3. pull: ``stancekit pull`` (concurrent pages of the listing, only the fields a snapshot keeps) ``--runs`` times at its
   default page size (median) and once at each other ``--page-sizes``; beside it, for reference, the same listing
   alone, the chunked JSON export by task ids, one synchronous export, and one request per task on a sample
   (extrapolated);
4. simulate: ``stancekit studio simulate`` in bulk mode on ``--simulate-tasks`` tasks (whole command: listing, users,
   answers), and in post mode (one POST per answer, concurrent) on a sample, extrapolated.
Targets: push 10k <= 10 s, pull 10k x 3 <= 30 s, simulate 3 x 1k <= 60 s. Prints one table; JSON in benchmarks/out/.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import polars as pl

from stancekit.campaign import Campaign
from stancekit.ids import content_hash, pair_id, unit_id
from stancekit.io import read_table, write_table
from stancekit.labeling import projects, server
from stancekit.labeling.client import Studio
from stancekit.labeling.simulate import ensure_annotators, sim_email, stance_result
from stancekit.labeling.tasks import Claim, encode_task
from stancekit.pipeline import pull as pull_mod
from stancekit.pipeline.push import project_spec, run_push
from stancekit.pipeline.simulate import run_simulate
from stancekit.progress import set_quiet
from stancekit.schemas import DEFAULT_SCHEME, DOCUMENTS, PAIRS, UNITS, conform

OUT = Path(__file__).resolve().parent / "out"
TEMPLATE = (Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "stancekit"
            / f"ls-template-{server.LS_VERSION}" / "studio")
CLAIMS = 'claims:\n  - claim_id: c-troops\n    text: {en: "US troops will stay in Iraq"}\n' \
         '  - claim_id: c-elect\n    text: {en: "The elections will be held on time"}\n'
LABELS = DEFAULT_SCHEME.labels


def make_campaign(root: Path, n_pairs: int) -> Campaign:
    """``n_pairs`` pairs: 4 units per document, one claim per unit."""
    camp = Campaign.at(root)
    camp.ensure()
    camp.config_path.write_text('[campaign]\nname = "bench"\n[studio]\noverlap = 3\n', encoding="utf-8")
    (camp.root / "claims.yaml").write_text(CLAIMS, encoding="utf-8")
    docs: list[dict[str, Any]] = []
    units: list[dict[str, Any]] = []
    pairs: list[dict[str, Any]] = []
    for d in range((n_pairs + 3) // 4):
        sents = [f"Sentence {k} of document {d}: the spokesman said the troops will stay." for k in range(4)]
        text = "\n".join(sents)
        doc = f"d{d:06d}"
        docs.append({"doc_id": doc, "source": "bench", "source_row": d + 1, "title": f"Headline {d}", "text": text,
                     "lang": "en", "published_at": datetime(2021, 1, 1, tzinfo=UTC), "url": None, "outlet": "b",
                     "license": None, "content_hash": content_hash(text), "duplicate_of": None})
        pos, ids = 0, []
        for k, s in enumerate(sents):
            ids.append(unit_id(doc, pos, pos + len(s)))
            units.append({"unit_id": ids[k], "doc_id": doc, "start": pos, "end": pos + len(s), "text": s,
                          "kind": "body", "boilerplate_kind": None, "position": k, "prev_unit_id": None,
                          "next_unit_id": None, "is_claim": True, "speaker": "the spokesman", "speaker_start": None,
                          "speaker_end": None, "cue": None, "cue_start": None, "cue_end": None, "quote_type": None,
                          "segmenter": "bench.v1"})
            pos += len(s) + 1
            if len(pairs) < n_pairs:
                claim = "c-troops" if k % 2 == 0 else "c-elect"
                pairs.append({"pair_id": pair_id(ids[k], claim), "unit_id": ids[k], "claim_id": claim,
                              "score": 0.5, "rank": 1, "method": "bench.v1"})
        for k in range(4):
            units[-4 + k]["prev_unit_id"] = ids[k - 1] if k else None
            units[-4 + k]["next_unit_id"] = ids[k + 1] if k < 3 else None
    write_table(conform(pl.DataFrame(docs, schema=DOCUMENTS.polars_schema()), "documents"), camp.table("documents"))
    write_table(conform(pl.DataFrame(units, schema=UNITS.polars_schema()), "units"), camp.table("units"))
    write_table(conform(pl.DataFrame(pairs, schema=PAIRS.polars_schema()), "pairs"), camp.table("pairs"))
    return camp


def start_server(studio_dir: Path) -> Studio:
    if (TEMPLATE / "admin.json").exists():
        shutil.copytree(TEMPLATE, studio_dir, dirs_exist_ok=True)
    t = time.perf_counter()
    info = server.up(studio_dir, say=lambda m: print(m, file=sys.stderr))
    print(f"server up at {info.url} in {time.perf_counter() - t:.1f} s", file=sys.stderr)
    admin = server.load_admin(studio_dir)
    assert admin is not None
    os.environ["LABEL_STUDIO_URL"], os.environ["LABEL_STUDIO_API_KEY"] = info.url, admin.token
    return Studio(info.url, admin.token)


def naive_push(studio: Studio, tasks: list[dict[str, Any]]) -> float:
    """Seconds per task when each task is its own import request (a throw-away project)."""
    p = studio.create_project(title="bench naive push", label_config=project_spec_xml())
    t = time.perf_counter()
    for task in tasks:
        studio.import_tasks(int(p["id"]), [task])
    return (time.perf_counter() - t) / len(tasks)


def project_spec_xml() -> str:
    from stancekit.labeling.config_xml import label_config

    return label_config(DEFAULT_SCHEME)


def annotated_project(studio: Studio, camp: Campaign, tasks: list[dict[str, Any]], users: list[int]) -> float:
    """A fresh project of ``camp`` holding ``tasks`` with 3 annotations each (bulk import); returns seconds."""
    from stancekit.config import load_config

    spec = project_spec(camp, load_config(camp.root), DEFAULT_SCHEME)
    project, _ = projects.ensure(studio, camp.studio, spec)
    t = time.perf_counter()
    for start in range(0, len(tasks), 500):
        batch = []
        for i, task in enumerate(tasks[start:start + 500], start=start):
            anns = []
            for j, uid in enumerate(users):
                skip = (i + j) % 20 == 0
                anns.append({"result": [] if skip else stance_result(LABELS[(i + j) % len(LABELS)]),
                             "was_cancelled": skip, "completed_by": uid, "lead_time": 10.0 + j})
            batch.append({**task, "annotations": anns})
        studio.import_tasks(int(project["id"]), batch)
    return time.perf_counter() - t


def naive_pull(url: str, token: str, ids: list[int]) -> float:
    """Seconds per task when each task (with its annotations) is one GET."""
    with httpx.Client(base_url=url, headers={"Authorization": f"Token {token}"}, timeout=60) as c:
        t = time.perf_counter()
        for i in ids:
            c.get(f"/api/tasks/{i}/").raise_for_status()
        return (time.perf_counter() - t) / len(ids)


def export_by_ids(url: str, token: str, project_id: int, ids: list[int], *, chunk: int = 500,
                  workers: int = 2) -> float:
    """Seconds to export ``ids`` as JSON in chunks (``ids[]`` filter, every task), ``workers`` chunks at a time."""
    chunks = [ids[i:i + chunk] for i in range(0, len(ids), chunk)]
    with httpx.Client(base_url=url, headers={"Authorization": f"Token {token}"}, timeout=600,
                      limits=httpx.Limits(max_connections=workers)) as c:
        def get(part: list[int]) -> int:
            r = c.get(f"/api/projects/{project_id}/export",
                      params={"exportType": "JSON", "download_all_tasks": "true", "ids[]": part})
            r.raise_for_status()
            return len(r.json())

        t = time.perf_counter()
        with ThreadPoolExecutor(max_workers=workers) as pool:
            got = sum(pool.map(get, chunks))
        assert got == len(ids), (got, len(ids))
        return time.perf_counter() - t


def pull_listing(studio: Studio, project_id: int, n: int) -> float:
    """Seconds for pull's own listing alone (same fields, page size and workers; no scrub, snapshot or parse)."""
    t = time.perf_counter()
    got = sum(len(page) for page in studio.task_pages(
        project_id, fields="all", task_keys=pull_mod.TASK_FIELDS, annotation_keys=pull_mod.ANNOTATION_FIELDS,
        page_size=pull_mod.PAGE_SIZE, workers=pull_mod.WORKERS))
    assert got == n, (got, n)
    return time.perf_counter() - t


def twin_campaign(root: Path, like: Campaign, n_pairs: int) -> Campaign:
    """A new campaign of ``n_pairs`` pairs whose studio/ points at ``like``'s server (its own project)."""
    camp = make_campaign(root, n_pairs)
    for name in ("server.json", "admin.json"):
        shutil.copy(like.studio / name, camp.studio / name)
    (camp.studio / "data").symlink_to(like.studio / "data")
    return camp


def timed(results: dict[str, Any], key: str, fn: Any, *args: Any, **kwargs: Any) -> Any:
    """Run ``fn``; append its seconds to ``results[key]``, the 1-minute load average to ``results[key + '_load']``."""
    t = time.perf_counter()
    out = fn(*args, **kwargs)
    results.setdefault(key, []).append(round(time.perf_counter() - t, 3))
    results.setdefault(key + "_load", []).append(round(os.getloadavg()[0], 2))
    return out


def export_sync(url: str, token: str, project_id: int) -> float:
    """Seconds for one synchronous JSON export of the project (for reference: it times out on large projects)."""
    with httpx.Client(base_url=url, headers={"Authorization": f"Token {token}"}, timeout=900) as c:
        t = time.perf_counter()
        c.get(f"/api/projects/{project_id}/export", params={"exportType": "JSON"}).raise_for_status()
        return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tasks", type=int, default=10_000)
    ap.add_argument("--naive-sample", type=int, default=50)
    ap.add_argument("--simulate-tasks", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=3, help="push / push again / pull repeats (medians reported)")
    ap.add_argument("--page-sizes", default="1000", help="other pull page sizes to time once (beside the default)")
    args = ap.parse_args()
    set_quiet(True)
    n = args.tasks
    work = Path(tempfile.mkdtemp(prefix="stancekit-bench-studio-"))
    results: dict[str, Any] = {"tasks": n, "load_avg_start": os.getloadavg()[0]}
    a = make_campaign(work / "a", n)
    studio = start_server(a.studio)
    try:
        for run in range(args.runs):  # each run: a fresh campaign and project on the same server
            camp = a if run == 0 else twin_campaign(work / f"a{run}", a, n)
            pushed = timed(results, "push_s", run_push, camp)
            assert pushed["project_id"] and len(read_table(camp.table("tasks"))) == n
            again = timed(results, "push_again_s", run_push, camp)
            results["push_again_new"] = again["imported"]
            assert again["tasks_on_server"] == n and again["duplicates_removed"] == 0

        claims = {"c-troops": Claim("c-troops", {"en": "US troops will stay in Iraq"}),
                  "c-elect": Claim("c-elect", {"en": "The elections will be held on time"})}
        from stancekit.pipeline.push import candidates

        cands = candidates(a, DEFAULT_SCHEME)
        tasks = [encode_task(r, claims[r["claim_id"]], task_key=r["task_key"], label_scheme=DEFAULT_SCHEME.id)
                 for r in cands.iter_rows(named=True)]
        results["naive_push_s_per_task"] = naive_push(studio, tasks[: args.naive_sample])

        b = Campaign.at(work / "b")
        b.ensure()
        shutil.copy(a.config_path, b.config_path)
        shutil.copy(a.root / "claims.yaml", b.root / "claims.yaml")
        users = list(ensure_annotators(studio, [sim_email(i) for i in (1, 2, 3)]).values())
        results["annotate_import_s"] = annotated_project(studio, b, tasks, users)

        sizes = [pull_mod.PAGE_SIZE] * args.runs + [int(x) for x in args.page_sizes.split(",") if x]
        for ps in sizes:
            shutil.rmtree(b.tables, ignore_errors=True)
            shutil.rmtree(b.raw, ignore_errors=True)
            pulled = timed(results, f"pull_s_page{ps}", pull_mod.run_pull, b, page_size=ps)
            results["pull_annotations"] = pulled["annotations"]
            assert pulled["annotations"] == 3 * n and pulled["tasks"] == n and pulled["rejected"] == 0
        pid_b = projects.project_id(b.studio, "main", studio.url)
        token = os.environ["LABEL_STUDIO_API_KEY"]
        results["listing_pull_s"] = pull_listing(studio, pid_b, n)
        b_ids = [t["id"] for page in studio.task_pages(pid_b, task_keys=("id",), page_size=1000) for t in page]
        results["export_ids_s"] = export_by_ids(studio.url, token, pid_b, b_ids)
        results["export_sync_s"] = export_sync(studio.url, token, pid_b)
        again = timed(results, "pull_again_s", pull_mod.run_pull, b)
        results["pull_again_added"] = again["added"]
        ids = [int(x) for x in read_table(a.table("tasks"))["ls_task_id"].head(args.naive_sample)]
        results["naive_pull_s_per_task"] = naive_pull(studio.url, os.environ["LABEL_STUDIO_API_KEY"], ids)

        # simulate on a campaign whose studio/ points at this server (its own local server: bulk mode available)
        c = twin_campaign(work / "c", a, args.simulate_tasks)
        run_push(c)
        t = time.perf_counter()
        sim = run_simulate(c, annotators=3, method="bulk")
        results["simulate_bulk_s"] = time.perf_counter() - t
        results["simulate_bulk_answers"] = sim["answered"] + sim["skipped"]
        d = twin_campaign(work / "d", a, args.naive_sample)
        run_push(d)
        sim = run_simulate(d, annotators=3, method="post", workers=4)
        results["simulate_post_answers"] = sim["answered"] + sim["skipped"]
        results["simulate_post_s"] = sim["seconds"]
        results["load_avg_end"] = os.getloadavg()[0]
    finally:
        server.down(a.studio)
        shutil.rmtree(work, ignore_errors=True)
    report(results, n)


def args_tasks(r: dict[str, Any]) -> int:
    return int(r["simulate_bulk_answers"] // 3)


def med(values: Any) -> float:
    return float(statistics.median(values)) if isinstance(values, list) else float(values)


def spread(r: dict[str, Any], key: str) -> str:
    """``median (all runs; load averages)`` for a timed key."""
    runs = r[key]
    if not isinstance(runs, list) or len(runs) < 2:
        return f"load {r.get(key + '_load', ['?'])[0]}"
    return f"median of {', '.join(f'{v:.1f}' for v in runs)}; load {', '.join(map(str, r[key + '_load']))}"


def report(r: dict[str, Any], n: int) -> None:
    default = f"pull_s_page{pull_mod.PAGE_SIZE}"
    page_keys = [k for k in r if k.startswith("pull_s_page") and not k.endswith("_load")]
    rows = [
        ("push (stancekit push, batches of 1000)", n, med(r["push_s"]), spread(r, "push_s")),
        ("push again (nothing new)", n, med(r["push_again_s"]), spread(r, "push_again_s")),
        ("push, one request per task", n, r["naive_push_s_per_task"] * n, "extrapolated from a sample"),
        ("annotate x3 (bulk import, fresh project)", n, r["annotate_import_s"], "measured"),
        *((f"pull x3 (stancekit pull, page_size={k[len('pull_s_page'):]})", n, med(r[k]), spread(r, k))
          for k in page_keys),
        ("  pull's listing alone (same fields, pages, workers)", n, r["listing_pull_s"], "measured"),
        ("  JSON export by ids, 500 a request, 2 at a time", n, r["export_ids_s"], "measured (reference)"),
        ("  one synchronous JSON export (reference)", n, r["export_sync_s"], "measured"),
        ("pull again (nothing new)", n, med(r["pull_again_s"]), spread(r, "pull_again_s")),
        ("pull x3, one request per task", n, r["naive_pull_s_per_task"] * n, "extrapolated from a sample"),
        ("simulate x3, bulk (whole command)", r["simulate_bulk_answers"] // 3, r["simulate_bulk_s"], "measured"),
        ("simulate x3, one POST per answer (4 workers)", args_tasks(r),
         r["simulate_post_s"] / r["simulate_post_answers"] * 3 * args_tasks(r), "extrapolated from a sample"),
    ]
    print(f"{'step':52s} {'tasks':>7s} {'seconds':>9s} {'tasks/s':>9s}  how")
    for name, count, secs, how in rows:
        print(f"{name:52s} {count:7d} {secs:9.2f} {count / secs:9.1f}  {how}")
    sim_1k = r["simulate_bulk_s"] * 3000 / r["simulate_bulk_answers"]
    print(f"targets: push {n} <= 10 s: {med(r['push_s']):.1f} s; pull {n} x 3 <= 30 s: "
          f"{med(r[default]):.1f} s (default page size, median); simulate 3 x 1000 <= 60 s: "
          f"{sim_1k:.0f} s (bulk, {r['simulate_bulk_answers']} answers)")
    print(f"load average (1 min) at start {r['load_avg_start']:.1f}, at end {r['load_avg_end']:.1f} on "
          f"{os.cpu_count()} CPUs; pull again added {r['pull_again_added']}")
    OUT.mkdir(exist_ok=True)
    (OUT / f"studio-{n}.json").write_text(json.dumps(r, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
