"""Simulated annotators: seeded answers with per-annotator confusion, posted through the Label Studio API.

For demos, tests and benchmarks. Each simulated annotator is a real user on the server (``sim-<i>@stancekit.invalid``,
reused when it exists) with an accuracy, a skip rate and a confusion matrix (its errors lean towards some labels more
than others; the last annotator of three or more is noticeably noisier). An answer depends only on (seed, annotator,
task key), never on the order or concurrency of requests, so a re-run draws the same answers; a task an annotator has
already answered (or skipped) is not answered again. Tasks are never imported here: only annotations are created.
"""

from __future__ import annotations

import hashlib
import json
import random
import subprocess
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from stancekit.errors import StudioError
from stancekit.labeling import server
from stancekit.labeling.client import Studio
from stancekit.labeling.config_xml import ANCHOR, STANCE

SIM_DOMAIN = "stancekit.invalid"
NOISY_DROP = 0.25
"""How much less accurate the noisy annotator is than the others."""


def sim_email(i: int) -> str:
    return f"sim-{i}@{SIM_DOMAIN}"


def _rng(*parts: object) -> random.Random:
    digest = hashlib.blake2b("\x1f".join(map(str, parts)).encode("utf-8"), digest_size=8).digest()
    return random.Random(int.from_bytes(digest, "big"))


@dataclass(frozen=True)
class Profile:
    """One simulated annotator: ``confusion[t][j]`` = P(answers label j | true label t), given it does not skip."""

    email: str
    accuracy: float
    skip_rate: float
    confusion: tuple[tuple[float, ...], ...]


def profiles(n: int, labels: Sequence[str], *, accuracy: float = 0.85, skip_rate: float = 0.05,
             seed: int = 13) -> list[Profile]:
    """``n`` annotators; with three or more, the last is ``NOISY_DROP`` less accurate (never below chance)."""
    if n < 1:
        raise ValueError("at least one simulated annotator is needed")
    if not 0.0 <= accuracy <= 1.0 or not 0.0 <= skip_rate < 1.0:
        raise ValueError("accuracy must be in [0, 1] and skip rate in [0, 1)")
    k = len(labels)
    out = []
    for i in range(1, n + 1):
        acc = accuracy if (n < 3 or i < n) else max(1.0 / k, accuracy - NOISY_DROP)
        rng = _rng(seed, "confusion", i)
        rows = []
        for t in range(k):
            weights = [0.0 if j == t else 0.2 + rng.random() for j in range(k)]
            total = sum(weights) or 1.0
            rows.append(tuple(acc if j == t else (1.0 - acc) * w / total for j, w in enumerate(weights)))
        out.append(Profile(sim_email(i), acc, skip_rate, tuple(rows)))
    return out


def seeded_truth(task_key: str, labels: Sequence[str], seed: int) -> str:
    """A stand-in true label for a task without a known answer (uniform over the scheme, fixed by the seed)."""
    return _rng(seed, "truth", task_key).choice(list(labels))


def draw_answer(profile: Profile, truth: str, labels: Sequence[str], *, task_key: str,
                seed: int) -> tuple[str | None, float]:
    """(label, lead_time) for one annotator on one task; label None is a skip."""
    rng = _rng(seed, "answer", profile.email, task_key)
    lead_time = round(rng.uniform(4.0, 60.0), 2)
    if rng.random() < profile.skip_rate:
        return None, lead_time
    row = profile.confusion[list(labels).index(truth)]
    return rng.choices(list(labels), weights=row, k=1)[0], lead_time


def stance_result(label: str) -> list[dict[str, Any]]:
    return [{"from_name": STANCE, "to_name": ANCHOR, "type": "choices", "value": {"choices": [label]}}]


# ---- the server side -------------------------------------------------------------------------------------------------


def ensure_annotators(studio: Studio, emails: Iterable[str]) -> dict[str, int]:
    """User ids of ``emails`` on the server, creating the missing users in the admin's organization."""
    wanted = list(emails)
    existing = {str(u.get("email") or "").lower(): int(u["id"]) for u in studio.users()}
    org = studio.whoami().get("active_organization")
    out: dict[str, int] = {}
    for email in wanted:
        uid = existing.get(email.lower())
        if uid is None:
            user = studio.create_user(email, first_name="Simulated", last_name=email.split("@")[0])
            uid = int(user["id"])
            if org is not None:
                studio.update_user(uid, active_organization=int(org))
        out[email] = uid
    return out


def completed_by_ids(task: Mapping[str, Any]) -> set[int]:
    """Ids of the users who answered or skipped ``task`` (as listed with ``fields="all"``)."""
    out: set[int] = set()
    for ann in task.get("annotations") or []:
        cb = ann.get("completed_by")
        if isinstance(cb, Mapping):
            cb = cb.get("id")
        if isinstance(cb, int) and not isinstance(cb, bool):
            out.add(cb)
    return out


@dataclass(frozen=True)
class Job:
    task_id: int
    user_id: int
    label: str | None
    lead_time: float


@dataclass
class PostStats:
    posted: int = 0
    skipped: int = 0
    failed: int = 0
    seconds: float = 0.0
    first_error: str | None = None


def post_answers(studio: Studio, jobs: Sequence[Job], *, workers: int = 4,
                 advance: Callable[[int], None] | None = None) -> PostStats:
    """Create one annotation per job with ``workers`` concurrent requests. Creates are never retried (a retried POST
    can land twice); a failed job is counted, and a later run answers what is still missing."""
    stats = PostStats()
    start = time.perf_counter()

    def one(job: Job) -> None:
        if job.label is None:
            studio.create_annotation(job.task_id, result=[], was_cancelled=True, completed_by=job.user_id,
                                     lead_time=job.lead_time)
        else:
            studio.create_annotation(job.task_id, result=stance_result(job.label), was_cancelled=False,
                                     completed_by=job.user_id, lead_time=job.lead_time)

    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        futures = {pool.submit(one, job): job for job in jobs}
        for fut in as_completed(futures):
            job = futures[fut]
            try:
                fut.result()
            except StudioError as exc:
                stats.failed += 1
                stats.first_error = stats.first_error or str(exc)
            else:
                if job.label is None:
                    stats.skipped += 1
                else:
                    stats.posted += 1
            if advance is not None:
                advance(1)
    stats.seconds = time.perf_counter() - start
    return stats


# ---- bulk mode (the campaign's local server only) ----------------------------------------------------------------

_TOKENS_SCRIPT = """
import json, os, pathlib, sys
import label_studio
sys.path.insert(0, str(pathlib.Path(label_studio.__file__).parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "label_studio.core.settings.label_studio")
import django
django.setup()
from rest_framework.authtoken.models import Token
from users.models import User
out = {}
for email in json.load(sys.stdin):
    out[email] = Token.objects.get_or_create(user=User.objects.get(email=email))[0].key
print("TOKENS" + json.dumps(out))
"""


def local_tokens(studio_dir: Path, emails: Sequence[str]) -> dict[str, str] | None:
    """API tokens of the simulated users, read through the campaign's local server's own Python (Label Studio has no
    API to get another user's token); None when the campaign has no running local server. Kept in memory only."""
    current = server.info(studio_dir)
    admin = server.load_admin(studio_dir)
    if current is None or admin is None or not current.running:
        return None
    env = server.server_env(studio_dir, admin, Path(current.python), current.port)
    proc = subprocess.run([current.python, "-c", _TOKENS_SCRIPT], input=json.dumps(list(emails)), env=env,
                          cwd=studio_dir, capture_output=True, text=True, timeout=300)
    line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("TOKENS")), None)
    if proc.returncode != 0 or line is None:
        last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        raise StudioError(f"reading the simulated annotators' tokens failed: {last}")
    tokens: dict[str, str] = json.loads(line[len("TOKENS"):])
    return tokens


def bulk_answers(url: str, admin_token: str, user_token: str, project_id: int, jobs: Sequence[Job],
                 model_version: str, *, chunk: int = 2000) -> int:
    """Create one user's (non-skip) answers in bulk: the answers are imported as predictions tagged
    ``model_version`` (unique per run), then converted into that user's annotations by the Data Manager action
    ``predictions_to_annotations`` called with the user's own token. Returns the annotations created."""
    created = 0
    with httpx.Client(base_url=url, timeout=600) as http:
        for start in range(0, len(jobs), chunk):
            part = [j for j in jobs[start:start + chunk] if j.label is not None]
            if not part:
                continue
            preds = [{"task": j.task_id, "result": stance_result(str(j.label)), "model_version": model_version}
                     for j in part]
            r = http.post(f"/api/projects/{project_id}/import/predictions", json=preds,
                          headers={"Authorization": f"Token {admin_token}"})
            _raise(r, f"importing {len(preds)} simulated answers as predictions")
            r = http.post("/api/dm/actions/", params={"id": "predictions_to_annotations", "project": project_id},
                          json={"selectedItems": {"all": False, "included": [j.task_id for j in part]},
                                "model_version": model_version},
                          headers={"Authorization": f"Token {user_token}"})
            _raise(r, "converting simulated answers into annotations")
            created += len(part)
    return created


def _raise(resp: httpx.Response, what: str) -> None:
    if resp.status_code >= 400:
        raise StudioError(f"Label Studio refused {what} ({resp.status_code}): {resp.text[:200]}")
