"""Push, annotate and pull at scale against a local Label Studio, beside the naive one-request-per-task way.

    .venv/bin/python benchmarks/studio.py [--tasks 10000] [--naive-sample 50] [--simulate-tasks 1000]

Starts its own server (from the integration tests' pre-migrated template when there is one, else a fresh data dir),
on a generated campaign of ``--tasks`` pairs:
1. push: ``stancekit push`` (batched imports) vs one import request per task on a sample (extrapolated, labelled so);
2. annotate 3 times: a fresh project filled by importing the same tasks with 3 annotations each (bulk import is the
   only fast way to get 3 x 10k annotations; the simulated annotators' per-annotation rate is measured separately);
3. pull: ``stancekit pull`` (paged listing with annotations) at its default page size and at larger ones, vs one
   request per task on a sample (extrapolated);
4. simulate: ``stancekit studio simulate`` in bulk mode on ``--simulate-tasks`` tasks (whole command: listing, users,
   answers), and in post mode (one POST per answer, concurrent) on a sample, extrapolated.
Targets: push 10k <= 10 s, pull 10k x 3 <= 30 s, simulate 3 x 1k <= 60 s. Prints one table; JSON in benchmarks/out/.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
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


def listing(url: str, token: str, project_id: int, *, workers: int, page_size: int, n: int) -> float:
    """Seconds to fetch every task with its annotations (fields=all), ``workers`` pages at a time (listing only)."""
    pages = range(1, (n + page_size - 1) // page_size + 1)
    with httpx.Client(base_url=url, headers={"Authorization": f"Token {token}"}, timeout=600,
                      limits=httpx.Limits(max_connections=workers)) as c:
        def get(page: int) -> int:
            r = c.get("/api/tasks/", params={"project": project_id, "fields": "all", "page_size": page_size,
                                             "page": page})
            r.raise_for_status()
            return len(r.json()["tasks"])

        t = time.perf_counter()
        with ThreadPoolExecutor(max_workers=workers) as pool:
            got = sum(pool.map(get, pages))
        assert got == n, (got, n)
        return time.perf_counter() - t


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
    ap.add_argument("--page-sizes", default="100,500,1000", help="pull page sizes to time (first = pull's default)")
    args = ap.parse_args()
    set_quiet(True)
    n = args.tasks
    work = Path(tempfile.mkdtemp(prefix="stancekit-bench-studio-"))
    results: dict[str, Any] = {"tasks": n, "load_avg_start": os.getloadavg()[0]}
    a = make_campaign(work / "a", n)
    studio = start_server(a.studio)
    try:
        t = time.perf_counter()
        pushed = run_push(a)
        results["push_s"] = time.perf_counter() - t
        assert pushed["project_id"] and len(read_table(a.table("tasks"))) == n
        t = time.perf_counter()
        again = run_push(a)
        results["push_again_s"] = time.perf_counter() - t
        results["push_again_new"] = again.get("imported", again.get("new"))

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

        for ps in [int(x) for x in args.page_sizes.split(",") if x]:
            shutil.rmtree(b.tables, ignore_errors=True)
            shutil.rmtree(b.raw, ignore_errors=True)
            t = time.perf_counter()
            pulled = pull_mod.run_pull(b, page_size=ps)
            results[f"pull_s_page{ps}"] = time.perf_counter() - t
            results["pull_annotations"] = pulled["annotations"]
        pid_b = projects.project_id(b.studio, "main", studio.url)
        token = os.environ["LABEL_STUDIO_API_KEY"]
        results["listing_4x100_s"] = listing(studio.url, token, pid_b, workers=4, page_size=100, n=n)
        results["export_sync_s"] = export_sync(studio.url, token, pid_b)
        t = time.perf_counter()
        results["pull_again_added"] = pull_mod.run_pull(b)["added"]
        results["pull_again_s"] = time.perf_counter() - t
        ids = [int(x) for x in read_table(a.table("tasks"))["ls_task_id"].head(args.naive_sample)]
        results["naive_pull_s_per_task"] = naive_pull(studio.url, os.environ["LABEL_STUDIO_API_KEY"], ids)

        # simulate on a campaign whose studio/ points at this server (its own local server: bulk mode available)
        c = make_campaign(work / "c", args.simulate_tasks)
        for name in ("server.json", "admin.json"):
            shutil.copy(a.studio / name, c.studio / name)
        (c.studio / "data").symlink_to(a.studio / "data")
        run_push(c)
        t = time.perf_counter()
        sim = run_simulate(c, annotators=3, method="bulk")
        results["simulate_bulk_s"] = time.perf_counter() - t
        results["simulate_bulk_answers"] = sim["answered"] + sim["skipped"]
        d = make_campaign(work / "d", args.naive_sample)
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


def report(r: dict[str, Any], n: int) -> None:
    page_keys = [k for k in r if k.startswith("pull_s_page")]
    rows = [
        ("push (stancekit push, batches of 1000)", n, r["push_s"], "measured"),
        ("push again (nothing new)", n, r["push_again_s"], "measured"),
        ("push, one request per task", n, r["naive_push_s_per_task"] * n, "extrapolated from a sample"),
        ("annotate x3 (bulk import, fresh project)", n, r["annotate_import_s"], "measured"),
        *((f"pull x3 (stancekit pull, page_size={k[len('pull_s_page'):]})", n, r[k], "measured") for k in page_keys),
        ("  listing only, 4 concurrent pages of 100", n, r["listing_4x100_s"], "measured"),
        ("  one synchronous JSON export (reference)", n, r["export_sync_s"], "measured"),
        ("pull x3, one request per task", n, r["naive_pull_s_per_task"] * n, "extrapolated from a sample"),
        ("simulate x3, bulk (whole command)", r["simulate_bulk_answers"] // 3, r["simulate_bulk_s"], "measured"),
        ("simulate x3, one POST per answer (4 workers)", args_tasks(r),
         r["simulate_post_s"] / r["simulate_post_answers"] * 3 * args_tasks(r), "extrapolated from a sample"),
    ]
    print(f"{'step':52s} {'tasks':>7s} {'seconds':>9s} {'tasks/s':>9s}  how")
    for name, count, secs, how in rows:
        print(f"{name:52s} {count:7d} {secs:9.2f} {count / secs:9.1f}  {how}")
    sim_1k = r["simulate_bulk_s"] * 3000 / r["simulate_bulk_answers"]
    print(f"targets: push {n} <= 10 s: {r['push_s']:.1f} s; pull {n} x 3 <= 30 s: "
          f"{min(r[k] for k in page_keys):.1f} s (best page size); simulate 3 x 1000 <= 60 s: "
          f"{sim_1k:.0f} s (bulk, {r['simulate_bulk_answers']} answers)")
    print(f"load average (1 min) at start {r['load_avg_start']:.1f}, at end {r['load_avg_end']:.1f} on "
          f"{os.cpu_count()} CPUs; pull again added {r['pull_again_added']}")
    OUT.mkdir(exist_ok=True)
    (OUT / f"studio-{n}.json").write_text(json.dumps(r, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
