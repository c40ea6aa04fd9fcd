"""A real Label Studio for the integration tests, started once per session on a free port (see conftest.py).

The first run on a machine builds a pre-migrated template ``studio/`` directory (database, admin user and token,
secret key) under ``~/.cache/stancekit/`` (about 30 s, under a file lock); every server after that starts from a copy
of it in about 4 s. The install is the one ``stancekit studio up`` uses (``$STANCEKIT_LS_PYTHON``, else the shared
venv). Without one the tests are skipped, unless ``STANCEKIT_REQUIRE_STUDIO`` is set (CI), when they fail.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from stancekit.errors import StudioError
from stancekit.labeling import server
from stancekit.labeling.client import Studio

CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "stancekit"
TEMPLATE = CACHE / f"ls-template-{server.LS_VERSION}"
_RUNTIME = ("server.json", "server.log", "salt", "projects.json", "home")


@dataclass(frozen=True)
class Server:
    url: str
    token: str
    studio_dir: Path
    python: str

    def client(self) -> Studio:
        return Studio(self.url, self.token)


def ls_python() -> str:
    named = os.environ.get("STANCEKIT_LS_PYTHON")
    try:
        return str(server.find_python(named, install=False))
    except StudioError as exc:
        reason = f"no Label Studio install for the integration tests ({exc})"
        if os.environ.get("STANCEKIT_REQUIRE_STUDIO"):
            pytest.fail(reason + "; STANCEKIT_REQUIRE_STUDIO is set")
        pytest.skip(reason + "; run `stancekit studio up` once or set STANCEKIT_LS_PYTHON")


def template(python: str) -> Path:
    """The pre-migrated template studio/ directory, built once per machine."""
    CACHE.mkdir(parents=True, exist_ok=True)
    with open(CACHE / "ls-template.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (TEMPLATE / "studio" / "admin.json").exists():
            work = Path(tempfile.mkdtemp(prefix="ls-template-", dir=CACHE))
            try:
                server.up(work / "studio", python=python, say=lambda _m: None)
                server.down(work / "studio")
                for name in _RUNTIME:
                    p = work / "studio" / name
                    shutil.rmtree(p) if p.is_dir() else p.unlink(missing_ok=True)
                shutil.rmtree(TEMPLATE, ignore_errors=True)
                work.rename(TEMPLATE)
            finally:
                shutil.rmtree(work, ignore_errors=True)
    return TEMPLATE / "studio"


def copy_template(python: str, dest: Path) -> None:
    """Put a copy of the template's data and admin login into ``dest`` (a campaign's studio/ directory)."""
    shutil.copytree(template(python), dest, dirs_exist_ok=True)
    os.chmod(dest, 0o700)


def start(python: str, studio_dir: Path) -> Server:
    copy_template(python, studio_dir)
    info = server.up(studio_dir, python=python, say=lambda _m: None)
    admin = server.load_admin(studio_dir)
    assert admin is not None
    return Server(info.url, admin.token, studio_dir, python)


@pytest.fixture(scope="session")
def studio_python() -> str:
    return ls_python()


@pytest.fixture(scope="session")
def ls_server(studio_python: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One Label Studio for the session (its own studio/ directory); stopped at the end."""
    studio_dir = tmp_path_factory.mktemp("ls-session") / "studio"
    srv = start(studio_python, studio_dir)
    try:
        yield srv
    finally:
        server.down(studio_dir)


@pytest.fixture
def studio_env(ls_server: Server, monkeypatch: pytest.MonkeyPatch) -> Server:
    """Point stancekit at the session server (LABEL_STUDIO_URL + LABEL_STUDIO_API_KEY)."""
    monkeypatch.setenv("LABEL_STUDIO_URL", ls_server.url)
    monkeypatch.setenv("LABEL_STUDIO_API_KEY", ls_server.token)
    return ls_server
