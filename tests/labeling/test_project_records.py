"""projects.json entries are found by the server's identity, not its port (the offline cases: no server call)."""

from __future__ import annotations

import json
from pathlib import Path

from stancekit.labeling import projects
from stancekit.labeling.client import LOCAL, Connection, Studio
from stancekit.labeling.projects import TITLE_MAX, distinct_title


def _studio(url: str, server_id: str | None = None) -> Studio:
    return Studio(url, "token", backoff=(), server_id=server_id)


def _write(studio_dir: Path, data: dict[str, object]) -> None:
    studio_dir.mkdir(parents=True, exist_ok=True)
    (studio_dir / projects.FILE).write_text(json.dumps(data), encoding="utf-8")


def test_local_entry_is_found_on_any_port(tmp_path: Path) -> None:
    _write(tmp_path, {"campaign_uid": "abc", "main": {"id": 7, "url": "http://127.0.0.1:4000", "server": LOCAL}})
    found = projects.lookup(_studio("http://127.0.0.1:5111", LOCAL), tmp_path, "main")
    assert found is not None and found["id"] == 7
    assert projects.project_id(_studio("http://127.0.0.1:5111", LOCAL), tmp_path, "main") == 7
    # the address it was last seen at is brought up to date, the identity kept
    assert projects.recorded(tmp_path)["main"] == {"id": 7, "url": "http://127.0.0.1:5111", "server": LOCAL}


def test_local_entry_is_not_an_external_servers(tmp_path: Path) -> None:
    _write(tmp_path, {"main": {"id": 7, "url": "http://127.0.0.1:4000", "server": LOCAL}})
    assert projects.lookup(_studio("http://127.0.0.1:4000"), tmp_path, "main") is None
    assert projects.roles(_studio("https://ls.example.org"), tmp_path) == []


def test_external_entry_keyed_by_url(tmp_path: Path) -> None:
    url = "https://ls.example.org"
    _write(tmp_path, {"main": {"id": 3, "url": url, "server": url}})
    assert projects.project_id(_studio(url), tmp_path, "main") == 3
    assert projects.lookup(_studio("https://other.example.org"), tmp_path, "main") is None
    assert projects.lookup(_studio("http://127.0.0.1:4000", LOCAL), tmp_path, "main") is None


def test_old_entry_on_the_same_url_is_read_and_rewritten(tmp_path: Path) -> None:
    url = "https://ls.example.org"
    _write(tmp_path, {"campaign_uid": "abc", "main": {"id": 3, "title": "t", "url": url}})
    assert projects.project_id(_studio(url), tmp_path, "main") == 3
    data = json.loads((tmp_path / projects.FILE).read_text())
    assert data["main"] == {"id": 3, "title": "t", "url": url, "server": url} and data["campaign_uid"] == "abc"


def test_old_entry_of_a_remote_url_is_not_the_local_servers(tmp_path: Path) -> None:
    _write(tmp_path, {"main": {"id": 3, "url": "https://ls.example.org"}})  # no server call: not a loopback URL
    assert projects.lookup(_studio("http://127.0.0.1:4000", LOCAL), tmp_path, "main") is None


def test_connection_identity() -> None:
    assert Connection("http://h:1", "t", "LABEL_STUDIO_URL").server == "http://h:1"
    assert Connection("http://127.0.0.1:5", "t", "DIR/studio", LOCAL).server == LOCAL
    assert _studio("http://h:1/").server_id == "http://h:1"


def test_distinct_title_only_when_taken() -> None:
    assert distinct_title("stancekit: demo", "stancekit:ab:main", {"other"}) == "stancekit: demo"
    tagged = distinct_title("stancekit: demo", "stancekit:ab:main", {"stancekit: demo"})
    assert tagged.startswith("stancekit: demo [") and tagged.endswith("]") and len(tagged) == len("stancekit: demo") + 9
    assert tagged == distinct_title("stancekit: demo", "stancekit:ab:main", {"stancekit: demo"})  # stable
    assert tagged != distinct_title("stancekit: demo", "stancekit:cd:main", {"stancekit: demo"})
    long = "x" * TITLE_MAX
    assert len(distinct_title(long, "m", {long})) == TITLE_MAX
