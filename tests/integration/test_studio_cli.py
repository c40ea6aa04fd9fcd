"""The CLI against real servers: studio up/status/down on a campaign, annotators, and the one-line errors."""

from __future__ import annotations

import json
import os
import secrets
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
from ls_fixture import copy_template

from stancekit.labeling import server
from stancekit.labeling.projects import record
from studio_helpers import make_campaign

pytestmark = pytest.mark.studio


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full = {k: v for k, v in os.environ.items() if not k.startswith("LABEL_STUDIO_")}
    full.update(env or {})
    return subprocess.run([sys.executable, "-m", "stancekit.cli", *args], capture_output=True, text=True,
                          env=full, timeout=300)


def login(url: str, email: str, password: str) -> bool:
    with httpx.Client(base_url=url) as c:
        c.get("/user/login/")
        r = c.post("/user/login/", data={"email": email, "password": password,
                                         "csrfmiddlewaretoken": c.cookies.get("csrftoken") or ""},
                   headers={"Referer": f"{url}/user/login/"})
        return r.status_code == 302


def test_studio_up_status_down(studio_python: str, tmp_path: Path) -> None:
    camp = make_campaign(tmp_path / "camp", n_docs=1)
    copy_template(studio_python, camp.studio)  # a pre-migrated database: starts in seconds
    up = cli("studio", "up", "-c", str(camp.root), "--python", studio_python, "--json")
    assert up.returncode == 0, up.stderr
    info = json.loads(up.stdout)
    try:
        url = info["url"]
        assert url.startswith("http://127.0.0.1:") and httpx.get(f"{url}/health").status_code == 200
        assert stat.S_IMODE(camp.studio.stat().st_mode) == 0o700
        for name in ("admin.json", "salt", "server.json"):
            assert stat.S_IMODE((camp.studio / name).stat().st_mode) == 0o600, name
        assert "Starting development server at" in (camp.studio / "server.log").read_text()
        # detached: the server has its own session, not the test's
        assert os.getsid(info["pid"]) == info["pid"]
        # signup without the invite link is closed
        with httpx.Client(base_url=url) as c:
            c.get("/user/signup/")
            r = c.post("/user/signup/", data={"email": "intruder@example.org", "password": "abcdefgh123",
                                              "csrfmiddlewaretoken": c.cookies.get("csrftoken") or ""},
                       headers={"Referer": f"{url}/user/signup/"})
        assert r.status_code == 403

        # a second `up` finds the running server
        again = json.loads(cli("studio", "up", "-c", str(camp.root), "--python", studio_python, "--json").stdout)
        assert again["pid"] == info["pid"]

        pushed = cli("push", "-c", str(camp.root), "--json")
        assert pushed.returncode == 0, pushed.stderr
        status = cli("studio", "status", "-c", str(camp.root), "--json")
        st = json.loads(status.stdout)
        assert st["running"] and st["url"] == url
        assert st["projects"]["main"]["tasks"] == 4 and st["projects"]["main"]["id"] == json.loads(pushed.stdout)[
            "project_id"]
    finally:
        down = cli("studio", "down", "-c", str(camp.root), "--json")
    assert down.returncode == 0 and json.loads(down.stdout) == {"stopped": True}
    assert not server.healthy(url)
    st = json.loads(cli("studio", "status", "-c", str(camp.root), "--json").stdout)
    assert st["running"] is False and "studio up" in st["error"]


def test_annotators_add_list_remove(ls_server: Any, tmp_path: Path) -> None:
    """On the campaign's own (local) server: accounts with passwords that work, listed by pseudonym, removed."""
    camp = tmp_path / "camp"
    camp.mkdir()
    (camp / "stancekit.toml").write_text("")  # a campaign with every option at its default
    studio_link = camp / "studio"
    studio_link.symlink_to(ls_server.studio_dir)
    emails = ["ann.one@example.org", "ann.two@example.org"]
    added = cli("studio", "annotators", "add", *emails, "-c", str(camp))
    assert added.returncode == 0, added.stderr
    lines = [ln.split("\t") for ln in added.stdout.splitlines() if ln.count("\t") == 2]
    assert [ln[0] for ln in lines] == emails
    for email, pseudo, pw in lines:
        assert pseudo.startswith("ann-") and login(ls_server.url, email, pw.removeprefix("password: "))

    listed = json.loads(cli("studio", "annotators", "list", "-c", str(camp), "--json").stdout)["annotators"]
    by_email = {a["email"]: a["pseudonym"] for a in listed}
    assert by_email["ann.one@example.org"] == lines[0][1]

    removed = cli("studio", "annotators", "remove", "ann.one@example.org", "-c", str(camp))
    assert removed.returncode == 0, removed.stderr
    listed = json.loads(cli("studio", "annotators", "list", "-c", str(camp), "--json").stdout)["annotators"]
    assert "ann.one@example.org" not in {a["email"] for a in listed}
    assert "ann.two@example.org" in {a["email"] for a in listed}
    unknown = cli("studio", "annotators", "remove", "nobody@example.org", "-c", str(camp))
    assert unknown.returncode == 2 and "not an annotator" in unknown.stderr

    invite = cli("studio", "annotators", "add", "ann.three@example.org", "--invite", "-c", str(camp))
    assert invite.returncode == 0 and "/user/signup/?token=" in invite.stdout
    # nothing with an e-mail was written outside studio/
    assert sorted(p.name for p in camp.iterdir()) == ["stancekit.toml", "studio"]
    assert (camp / "stancekit.toml").read_text() == ""


def test_annotators_add_keeps_an_existing_password(ls_server: Any, tmp_path: Path) -> None:
    """Adding someone again keeps their password; --reset-password gives a new one; a removed person comes back."""
    camp = tmp_path / "camp"
    camp.mkdir()
    (camp / "stancekit.toml").write_text("")
    (camp / "studio").symlink_to(ls_server.studio_dir)
    tag = secrets.token_hex(3)
    one, two, bare = f"keep.one.{tag}@example.org", f"keep.two.{tag}@example.org", f"bare.{tag}@example.org"

    def add(*args: str) -> dict[str, list[str]]:
        proc = cli("studio", "annotators", "add", *args, "-c", str(camp))
        assert proc.returncode == 0, proc.stderr
        return {ln.split("\t")[0]: ln.split("\t")[1:] for ln in proc.stdout.splitlines() if ln.count("\t") == 2}

    first = add(one)[one][1].removeprefix("password: ")
    again = add(one, two)
    assert again[one][1].startswith("already there; password kept") and again[two][1].startswith("password: ")
    assert login(ls_server.url, one, first)  # the old password still works

    reset = add(one, "--reset-password")[one][1]
    assert reset.startswith("password: ")
    new = reset.removeprefix("password: ")
    assert new != first and login(ls_server.url, one, new) and not login(ls_server.url, one, first)

    assert cli("studio", "annotators", "remove", one, "-c", str(camp)).returncode == 0
    back = add(one)[one]
    assert back[1].startswith("re-added; password kept") and back[0] == again[one][0]
    listed = json.loads(cli("studio", "annotators", "list", "-c", str(camp), "--json").stdout)["annotators"]
    assert one in {a["email"] for a in listed} and login(ls_server.url, one, new)

    studio = ls_server.client()  # an account made without a password (elsewhere, or by an add that died) gets one
    studio.create_user(bare)
    got = add(bare)[bare][1]
    assert got.startswith("password: ") and login(ls_server.url, bare, got.removeprefix("password: "))

    both = cli("studio", "annotators", "add", one, "--invite", "--reset-password", "-c", str(camp))
    assert both.returncode == 2 and "--reset-password works only on the campaign's local server" in both.stderr


def one_error_line(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    text = " ".join(proc.stderr.split())
    assert text.startswith("error:") and "Traceback" not in text and "headers" not in text
    return text


def test_errors_are_one_line_exit_2(ls_server: Any, tmp_path: Path) -> None:
    camp = make_campaign(tmp_path / "camp", n_docs=1)
    down = one_error_line(cli("push", "-c", str(camp.root), env={
        "LABEL_STUDIO_URL": f"http://127.0.0.1:{server.free_port()}", "LABEL_STUDIO_API_KEY": "x" * 40}))
    assert "cannot reach Label Studio" in down

    wrong = one_error_line(cli("pull", "-c", str(camp.root), env={
        "LABEL_STUDIO_URL": ls_server.url, "LABEL_STUDIO_API_KEY": "wrong-token-1234"}))
    assert "refused the token" in wrong and "wrong-token-1234" not in wrong

    no_key = one_error_line(cli("push", "-c", str(camp.root), env={"LABEL_STUDIO_URL": ls_server.url}))
    assert "LABEL_STUDIO_API_KEY" in no_key

    env = {"LABEL_STUDIO_URL": ls_server.url, "LABEL_STUDIO_API_KEY": ls_server.token}
    nothing = one_error_line(cli("pull", "-c", str(camp.root), env=env))
    assert "run `stancekit push` first" in nothing
    record(camp.studio, "main", {"id": 987654, "title": "gone", "url": ls_server.url})
    missing = one_error_line(cli("pull", "-c", str(camp.root), env=env))
    assert "987654" in missing and "no longer exists" in missing
    assert ls_server.token not in missing

    fresh = make_campaign(tmp_path / "fresh", n_docs=1)
    no_server = one_error_line(cli("push", "-c", str(fresh.root)))
    assert "studio up" in no_server
