"""The campaign's own server restarted on a new port keeps its projects (push, pull, status, simulate, demo)."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import polars as pl
import pytest
from ls_fixture import copy_template

from stancekit.campaign import Campaign
from stancekit.io import read_table
from stancekit.labeling import projects, server
from stancekit.labeling.client import LOCAL, Studio
from stancekit.pipeline import studio as studio_runner
from stancekit.pipeline.pull import run_pull
from stancekit.pipeline.push import connect, run_push
from studio_helpers import make_campaign

pytestmark = pytest.mark.studio


@contextmanager
def port_taken(port: int) -> Iterator[None]:
    """Hold ``port`` so the next server start cannot reuse it."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError as e:  # say who holds it: server.down is meant to return only once the port is free
            held = subprocess.run(["ss", "-tanp"], capture_output=True, text=True).stdout if shutil.which("ss") else ""
            lines = "\n".join(line for line in held.splitlines() if f":{port} " in line)
            raise AssertionError(f"port {port} still taken after server.down: {e}\n{lines}") from e
        s.listen(1)
        yield


def restart(camp: Campaign, python: str) -> tuple[str, str]:
    """Stop the campaign's server and start it again on another port; (old url, new url)."""
    old = server.info(camp.studio)
    assert old is not None
    server.down(camp.studio)
    with port_taken(old.port):
        new = server.up(camp.studio, python=python, say=lambda _m: None)
    assert new.url != old.url
    return old.url, new.url


def test_projects_survive_a_restart_on_a_new_port(studio_python: str, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("LABEL_STUDIO_URL", "LABEL_STUDIO_API_KEY"):
        monkeypatch.delenv(var, raising=False)
    camp = make_campaign(tmp_path / "camp", n_docs=1)
    copy_template(studio_python, camp.studio)
    server.up(camp.studio, python=studio_python, say=lambda _m: None)
    try:
        first = run_push(camp)
        pid = first["project_id"]
        studio = connect(camp)
        assert studio.server_id == LOCAL
        task = next(t for page in studio.iter_task_pages(pid) for t in page)
        user = int(studio.whoami()["id"])
        studio.create_annotation(int(task["id"]), completed_by=user, result=[
            {"from_name": "stance", "to_name": "unit", "type": "choices", "value": {"choices": ["agree"]}}])
        assert run_pull(camp)["added"] == 1

        _, url = restart(camp, studio_python)
        pulled = run_pull(camp)  # before the fix: "no 'main' project of this campaign on <new url>"
        assert pulled["project_id"] == pid and pulled["url"] == url and pulled["total"] == 1
        st = studio_runner.status(camp)
        assert st["projects"]["main"]["id"] == pid and st["projects"]["main"]["tasks"] == 4
        again = run_push(camp)
        assert not again["project_created"] and again["project_id"] == pid and again["imported"] == 0
        assert len(connect(camp).projects()) == 1

        # a projects.json written before entries carried the server's identity: keyed by the old port's URL
        path = camp.studio / projects.FILE
        data = json.loads(path.read_text())
        data["main"] = {"id": pid, "title": data["main"]["title"], "url": url}
        # an old entry on a loopback URL naming a project of this server that is not the campaign's
        foreign = connect(camp).create_project(title="someone else's project")
        data["adjudication"] = {"id": int(foreign["id"]), "title": "x", "url": "http://127.0.0.1:1"}
        path.write_text(json.dumps(data))
        restart(camp, studio_python)
        pulled = run_pull(camp)
        assert pulled["project_id"] == pid and list(pulled["projects"]) == ["main"] and pulled["total"] == 1
        rewritten = json.loads(path.read_text())
        assert rewritten["main"]["server"] == LOCAL and rewritten["main"]["id"] == pid
        assert "server" not in rewritten["adjudication"]  # not adopted: it lacks the campaign's marker
        assert run_push(camp)["project_id"] == pid
    finally:
        server.down(camp.studio)


def test_external_server_projects_keyed_by_url(studio_env: object, tmp_path: Path) -> None:
    camp = make_campaign(tmp_path / "camp", n_docs=1)
    pushed = run_push(camp)
    entry = projects.recorded(camp.studio)["main"]
    assert entry["server"] == entry["url"] == pushed["url"]
    assert run_pull(camp)["project_id"] == pushed["project_id"]
    other = Studio("http://127.0.0.1:1", "token", backoff=())  # another external server: nothing recorded there
    assert projects.lookup(other, camp.studio, "main") is None


def test_demo_twice_with_a_restart_between(studio_python: str, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """`make demo` twice in the same directory, the server stopped in between (a reboot, `studio down`)."""
    from stancekit.pipeline.demo import run_demo

    for var in ("LABEL_STUDIO_URL", "LABEL_STUDIO_API_KEY"):
        monkeypatch.delenv(var, raising=False)
    camp = Campaign.at(tmp_path / "demo")
    copy_template(studio_python, camp.studio)
    try:
        run_demo(camp, annotators=3, keep_server=True)
        tasks = read_table(camp.table("tasks"))
        pid = int(tasks["project_id"][0])
        n_ann = read_table(camp.table("annotations")).height
        assert n_ann == 3 * tasks.height
        old = server.info(camp.studio)
        assert old is not None
        server.down(camp.studio)
        with port_taken(old.port):
            second = run_demo(camp, annotators=3, keep_server=True)
        assert second["label_studio"]["url"] != old.url
        assert second["simulated"]["project_id"] == pid and second["simulated"]["answered"] == 0
        ran = {s["stage"]: s for s in second["stages"]}
        assert ran["pull"]["status"] == "ran" and ran["pull"]["summary"]["project_id"] == pid
        assert read_table(camp.table("tasks")).height == tasks.height
        assert read_table(camp.table("annotations")).height == n_ann
        assert len(connect(camp).projects()) == 1
        assert pl.read_parquet(camp.table("labels")).height > 0
    finally:
        server.down(camp.studio)
