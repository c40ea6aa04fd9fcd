"""push -> push again -> a push killed half-way, re-run -> three annotators (a skip, an edit) -> pull -> pull again."""

from __future__ import annotations

import gzip
import json
import secrets
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from stancekit.errors import StudioError
from stancekit.io import read_table, write_table
from stancekit.labeling.client import Studio
from stancekit.labeling.projects import project_id
from stancekit.pipeline.pull import run_pull
from stancekit.pipeline.push import list_keys, run_push
from studio_helpers import make_campaign

pytestmark = pytest.mark.studio


def stance(label: str, *, flags: list[str] | None = None, note: str | None = None) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = [{"from_name": "stance", "to_name": "unit", "type": "choices",
                                  "value": {"choices": [label]}}]
    if flags:
        out.append({"from_name": "flags", "to_name": "unit", "type": "choices", "value": {"choices": flags}})
    if note:
        out.append({"from_name": "note", "to_name": "unit", "type": "textarea", "value": {"text": [note]}})
    return out


def make_users(studio: Studio, n: int) -> list[tuple[int, str]]:
    org = studio.whoami()["active_organization"]
    tag = secrets.token_hex(3)
    users = []
    for i in range(n):
        email = f"person{i}.{tag}@example.org"
        u = studio.create_user(email, first_name=f"First{i}{tag}", last_name=f"Last{i}{tag}")
        studio.update_user(int(u["id"]), active_organization=org)
        users.append((int(u["id"]), email))
    return users


def server_tasks(studio: Studio, pid: int) -> list[dict[str, Any]]:
    return [t for page in studio.iter_task_pages(pid) for t in page]


def texts_outside_studio(root: Path) -> dict[Path, str]:
    """Every file of the campaign outside studio/, as searchable text (gzip and Parquet opened)."""
    out = {}
    for path in root.rglob("*"):
        if not path.is_file() or (root / "studio") in path.parents:
            continue
        if path.suffix == ".gz":
            out[path] = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        elif path.suffix == ".parquet":
            df = pl.read_parquet(path)
            out[path] = json.dumps(df.to_dicts(), default=str, ensure_ascii=False)
            out[path] += path.read_bytes().decode("latin-1")
        else:
            out[path] = path.read_bytes().decode("utf-8", "replace")
    return out


def test_flow(studio_env: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    camp = make_campaign(tmp_path / "camp", n_docs=3, batch_size=4)  # 12 pairs, 3 import batches
    studio = studio_env.client()

    first = run_push(camp, sample=5)
    pid = first["project_id"]
    assert first["project_created"] and first["imported"] == 5
    assert len(server_tasks(studio, pid)) == 5

    again = run_push(camp)
    assert again["imported"] == 7 and again["already_there"] == 5
    assert not again["project_created"] and again["project_id"] == pid
    third = run_push(camp)
    assert third["imported"] == 0 and third["tasks_on_server"] == 12
    keys = [t["data"]["task_key"] for t in server_tasks(studio, pid)]
    assert len(keys) == 12 == len(set(keys))
    tasks = read_table(camp.table("tasks"))
    assert tasks.height == 12 and set(tasks["ls_task_id"].to_list()) == {
        int(t["id"]) for t in server_tasks(studio, pid)}
    assert set(tasks["segmenter"].to_list()) == {"handmade.v1"} and set(tasks["matcher"].to_list()) == {"handmade.v1"}
    assert set(tasks["label_scheme"].to_list()) == {"stance.v1"}


def test_killed_push_and_retried_post_leave_no_duplicates(studio_env: Any, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    camp = make_campaign(tmp_path / "camp", n_docs=3, batch_size=4)
    studio = studio_env.client()
    real = Studio.import_tasks
    calls = {"n": 0}

    def killed_after_first_batch(self: Studio, project: int, batch: list[dict[str, Any]]) -> list[int]:
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt  # the process dies between two batches
        return real(self, project, batch)

    monkeypatch.setattr(Studio, "import_tasks", killed_after_first_batch)
    with pytest.raises(KeyboardInterrupt):
        run_push(camp)
    pid = project_id(studio, camp.studio, "main")
    assert len(server_tasks(studio, pid)) == 4

    def landed_but_timed_out(self: Studio, project: int, batch: list[dict[str, Any]]) -> list[int]:
        real(self, project, batch)  # the server imports the batch, the answer never arrives
        raise StudioError("Label Studio did not answer in time")

    monkeypatch.setattr(Studio, "import_tasks", landed_but_timed_out)
    resumed = run_push(camp)
    assert resumed["imported"] == 8 and resumed["tasks_on_server"] == 12
    monkeypatch.setattr(Studio, "import_tasks", real)

    # a copy of a task made behind stancekit's back (a retried POST that landed twice) is removed
    one = server_tasks(studio, pid)[0]
    studio.import_tasks(pid, [{"data": one["data"], "meta": one["meta"]}])
    assert len(server_tasks(studio, pid)) == 13
    fixed = run_push(camp)
    assert fixed["duplicates_removed"] == 1 and fixed["imported"] == 0
    keys = [t["data"]["task_key"] for t in server_tasks(studio, pid)]
    assert len(keys) == 12 == len(set(keys))


def test_annotations_pull_privacy_and_archive(studio_env: Any, tmp_path: Path) -> None:
    camp = make_campaign(tmp_path / "camp", n_docs=2, batch_size=50)  # 8 pairs
    studio = studio_env.client()
    pid = run_push(camp)["project_id"]
    tasks = sorted(server_tasks(studio, pid), key=lambda t: t["id"])
    users = make_users(studio, 3)
    (u0, _), (u1, _), (u2, _) = users
    labels = ["agree", "disagree", "discuss", "unrelated"]
    made = []
    for i, t in enumerate(tasks[:4]):
        for j, uid in enumerate((u0, u1, u2)):
            if (i, j) == (1, 2):  # one skip
                a = studio.create_annotation(int(t["id"]), result=[], completed_by=uid, was_cancelled=True)
            else:
                a = studio.create_annotation(int(t["id"]), result=stance(labels[(i + j) % 4], flags=(
                    ["bad_segment"] if (i, j) == (0, 0) else None), note="hm" if (i, j) == (2, 1) else None),
                    completed_by=uid, lead_time=3.5)
            made.append(a)
    edited = made[0]
    studio.update_annotation(int(edited["id"]), result=stance("unrelated"))
    bogus = studio.create_annotation(int(tasks[5]["id"]), result=stance("maybe"), completed_by=u0)

    first = run_pull(camp)
    ann = read_table(camp.table("annotations"))
    assert first["annotations"] == 12 and ann.height == 12 and first["added"] == 12
    assert first["rejected"] == 1 and first["annotators"] == 3
    rejects = read_table(camp.rejects_path("pull"))
    assert rejects["key"].to_list() == [str(bogus["id"])] and rejects["reason"].to_list() == ["label_not_in_scheme"]
    assert "'maybe' not in scheme" in rejects["detail"][0]
    skipped = ann.filter(pl.col("was_cancelled"))
    assert skipped.height == 1 and skipped["label"][0] is None
    row = ann.filter(pl.col("ls_annotation_id") == int(edited["id"])).row(0, named=True)
    assert row["label"] == "unrelated" and row["flags"] == []
    assert ann.filter(pl.col("note") == "hm").height == 1
    assert set(ann["annotator"].to_list()) == {a for a in ann["annotator"].to_list() if a.startswith("ann-")}
    assert ann["annotator"].n_unique() == 3
    assert set(ann["task_key"].to_list()) <= {t["data"]["task_key"] for t in tasks}

    # privacy: no e-mail, user name or first/last name in any file outside studio/
    secrets_ = [e for _, e in users] + ["admin@stancekit.local"] + [
        f"{p}{i}" for i in range(3) for p in ("First", "Last")]
    for path, text in texts_outside_studio(camp.root).items():
        for s in secrets_:
            if "@" in s:
                assert s not in text, f"{s} found in {path}"
        assert "@example.org" not in text and "created_username" not in text, path
    raw = sorted(camp.raw.glob("pull-*.json.gz"))
    assert len(raw) == 1
    snapshot = json.loads(gzip.decompress(raw[0].read_bytes()))
    assert len(snapshot) == 8 and all("annotations" in t for t in snapshot)

    second = run_pull(camp)
    assert second["added"] == 0 and second["annotations"] == 12
    assert read_table(camp.table("annotations")).equals(ann)

    # upstream change: two pairs gone -> their tasks are archived (never deleted), their annotations stay
    pairs = read_table(camp.table("pairs"))
    gone = sorted({t["data"]["pair_id"] for t in tasks[:2]})
    write_table(pairs.filter(~pl.col("pair_id").is_in(gone)), camp.table("pairs"))
    pushed = run_push(camp)
    assert pushed["archived"] == 2 and sorted(pushed["archived_pairs"]) == gone
    assert pushed["tasks_on_server"] == 8
    assert {t["data"]["pair_id"] for t in server_tasks(studio, pid) if t["data"].get("archived")} == set(gone)
    recorded = read_table(camp.table("tasks"))
    assert sorted(recorded.filter(pl.col("archived"))["pair_id"].to_list()) == gone
    assert run_pull(camp)["annotations"] == 12
    again = run_push(camp)
    assert again["archived"] == 0 and again["imported"] == 0


def test_keys_are_learnt_from_the_server(studio_env: Any, tmp_path: Path) -> None:
    """Local state lost (tables/tasks.parquet deleted): the next push still imports nothing twice."""
    camp = make_campaign(tmp_path / "camp", n_docs=1)
    studio = studio_env.client()
    pid = run_push(camp)["project_id"]
    camp.table("tasks").unlink()
    again = run_push(camp)
    assert again["imported"] == 0 and again["project_id"] == pid
    assert sum(len(v) for v in list_keys(studio, pid).values()) == 4
    assert read_table(camp.table("tasks")).height == 4
