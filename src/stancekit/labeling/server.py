"""The campaign's local Label Studio server: install, start, stop, status.

Everything lives in ``DIR/studio/`` (mode 0700): the server's data directory (``data/``), the admin login and token
(``admin.json``), the pseudonym salt (``salt``), the running server's pid and URL (``server.json``) and its log
(``server.log``); secret files are mode 0600. The server runs from its own virtual environment (default
``${XDG_DATA_HOME:-~/.local/share}/stancekit/ls-<version>``, created on first use) or a Python the user names, bound
to 127.0.0.1 on a free port, with signup closed and telemetry, version check and Sentry switched off. It is detached
in its own process session, so it outlives the command that started it; ``down`` sends its process group SIGTERM
and waits until the port is free.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from stancekit.errors import StudioError
from stancekit.io import pid_alive

LS_VERSION = "1.23.2"
ADMIN_EMAIL = "admin@stancekit.local"
READY_TIMEOUT = 180.0
_PORT_RE = re.compile(r"Starting development server at http://127\.0\.0\.1:(\d+)/")


@dataclass(frozen=True)
class Admin:
    email: str
    password: str
    token: str


@dataclass(frozen=True)
class ServerInfo:
    url: str
    pid: int
    port: int
    python: str
    running: bool


# ---- files in DIR/studio/ -------------------------------------------------------------------------------------------


def ensure_studio_dir(studio: Path) -> Path:
    studio.mkdir(parents=True, exist_ok=True)
    os.chmod(studio, 0o700)
    return studio


def write_secret(path: Path, text: str) -> None:
    """Write a file only its owner can read (0600 from the start, then renamed into place)."""
    ensure_studio_dir(path.parent)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.replace(tmp, path)


def read_json(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise StudioError(f"{path}: cannot be read ({exc}); delete it and run `stancekit studio up` again") from None
    if not isinstance(data, dict):
        raise StudioError(f"{path}: expected a JSON object; delete it and run `stancekit studio up` again")
    return data


def load_admin(studio: Path) -> Admin | None:
    data = read_json(studio / "admin.json")
    if data is None:
        return None
    return Admin(str(data["email"]), str(data["password"]), str(data["token"]))


def ensure_admin(studio: Path) -> Admin:
    admin = load_admin(studio)
    if admin is None:
        admin = Admin(ADMIN_EMAIL, secrets.token_urlsafe(18), secrets.token_hex(20))
        write_secret(studio / "admin.json", json.dumps(admin.__dict__, indent=2) + "\n")
    return admin


def ensure_salt(studio: Path) -> bytes:
    """The pseudonym key (32 random bytes, hex in ``DIR/studio/salt``), created on first use."""
    path = studio / "salt"
    if not path.exists():
        write_secret(path, secrets.token_hex(32) + "\n")
    text = path.read_text(encoding="utf-8").strip()
    try:
        return bytes.fromhex(text)
    except ValueError:
        raise StudioError(f"{path}: not a hex key; restore it from a backup (pseudonyms depend on it)") from None


# ---- the server's Python -------------------------------------------------------------------------------------------


def default_venv() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "stancekit" / f"ls-{LS_VERSION}"


def _ls_installed(python: Path) -> bool:
    if not python.exists():
        return False
    code = "import importlib.util,sys; sys.exit(0 if importlib.util.find_spec('label_studio') else 1)"
    return subprocess.run([str(python), "-c", code], capture_output=True, timeout=60).returncode == 0


def find_python(named: str | None = None, *, install: bool = False, say: Any = print) -> Path:
    """The Python that runs the server: ``named`` (``--python`` / ``[studio] python``) or the shared venv.

    With ``install``, a missing shared venv is created (``pip install label-studio==<version>``, about a minute).
    """
    if named:
        py = Path(named).expanduser()
        if not _ls_installed(py):
            raise StudioError(
                f"{py} cannot import label_studio; install it there (`{py} -m pip install label-studio=={LS_VERSION}`) "
                "or leave [studio] python empty to use the shared install"
            )
        return py
    venv = default_venv()
    py = venv / "bin" / "python"
    if _ls_installed(py):
        return py
    if not install:
        raise StudioError(f"no Label Studio install at {venv}; run `stancekit studio up` to create it")
    say(f"Installing Label Studio {LS_VERSION} into {venv} (first use only; about 1 GB, a minute or two) ...")
    venv.parent.mkdir(parents=True, exist_ok=True)
    tmp = venv.with_name(venv.name + f".partial-{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        subprocess.run([sys.executable, "-m", "venv", str(tmp)], check=True)
        subprocess.run([str(tmp / "bin" / "python"), "-m", "pip", "install", "--disable-pip-version-check", "-q",
                        f"label-studio=={LS_VERSION}"], check=True)
    except (subprocess.CalledProcessError, OSError) as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise StudioError(f"installing label-studio=={LS_VERSION} into {venv} failed ({exc}); "
                          "check the network and disk space, or name an install with --python") from None
    # a venv's scripts carry its absolute path: rebuild them at the final location (cheap, no download)
    os.replace(tmp, venv)
    subprocess.run([sys.executable, "-m", "venv", "--upgrade", str(venv)], check=True)
    say(f"Label Studio {LS_VERSION} installed in {venv}")
    return py


# ---- lifecycle -----------------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def server_env(studio: Path, admin: Admin, python: Path, port: int) -> dict[str, str]:
    """A clean environment: Label Studio also reads un-prefixed USERNAME, PASSWORD, PORT, HOST, DEBUG."""
    home = studio / "home"
    home.mkdir(exist_ok=True)
    return {
        "PATH": f"{python.parent}:/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "PYTHONUNBUFFERED": "1",
        "LABEL_STUDIO_BASE_DATA_DIR": str(studio / "data"),
        "LABEL_STUDIO_USERNAME": admin.email,
        "LABEL_STUDIO_PASSWORD": admin.password,
        "LABEL_STUDIO_USER_TOKEN": admin.token,
        "LABEL_STUDIO_ENABLE_LEGACY_API_TOKEN": "true",
        "LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK": "true",
        "LABEL_STUDIO_COLLECT_ANALYTICS": "false",
        "LABEL_STUDIO_LATEST_VERSION_CHECK": "false",
        "LABEL_STUDIO_SENTRY_DSN": "",
        "LABEL_STUDIO_FRONTEND_SENTRY_DSN": "",
        "LABEL_STUDIO_HOST": f"http://127.0.0.1:{port}",
        "HF_HUB_DISABLE_TELEMETRY": "1",
    }


def healthy(url: str, timeout: float = 2.0) -> bool:
    try:
        return httpx.get(f"{url}/health", timeout=timeout).status_code == 200
    except httpx.HTTPError:
        return False


def _is_label_studio(pid: int) -> bool:
    """Guard against a recycled pid: only a process running label_studio counts as our server."""
    try:
        return b"label_studio" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return sys.platform != "linux" and pid_alive(pid)


def info(studio: Path) -> ServerInfo | None:
    """The server recorded in ``DIR/studio/server.json`` (running or not), or None."""
    data = read_json(studio / "server.json")
    if data is None:
        return None
    pid = int(data["pid"])
    running = pid_alive(pid) and _is_label_studio(pid)
    return ServerInfo(str(data["url"]), pid, int(data["port"]), str(data["python"]), running)


def _log_port(log: Path, start: int) -> int | None:
    try:
        with open(log, encoding="utf-8", errors="replace") as fh:
            fh.seek(start)
            m = _PORT_RE.search(fh.read())
    except FileNotFoundError:
        return None
    return int(m.group(1)) if m else None


def _tail(log: Path, n: int = 8) -> str:
    try:
        lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    except FileNotFoundError:
        return ""
    return "\n".join(lines[-n:])


def up(studio: Path, *, python: str | None = None, timeout: float = READY_TIMEOUT, say: Any = print) -> ServerInfo:
    """Start the campaign's server (or return the one already running); returns once ``GET /health`` answers."""
    ensure_studio_dir(studio)
    current = info(studio)
    if current is not None and current.running and healthy(current.url):
        return current
    admin = ensure_admin(studio)
    ensure_salt(studio)
    py = find_python(python, install=True, say=say)
    port = free_port()
    log = studio / "server.log"
    fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)  # requests in the log can name users
    with os.fdopen(fd, "ab") as fh:
        start = fh.seek(0, os.SEEK_END)
        fresh = not (studio / "data").exists()
        (studio / "data").mkdir(mode=0o700, exist_ok=True)
        if fresh:
            say("First start of this campaign's server: creating its database (about 30 s) ...")
        cmd = [str(py), "-m", "label_studio.server", "start", "--no-browser",
               "--internal-host", "127.0.0.1", "--port", str(port)]
        proc = subprocess.Popen(cmd, env=server_env(studio, admin, py, port), stdin=subprocess.DEVNULL,
                                stdout=fh, stderr=subprocess.STDOUT, start_new_session=True, cwd=studio)
    deadline = time.monotonic() + timeout
    real_port: int | None = None
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise StudioError(f"Label Studio exited with status {proc.returncode} while starting; "
                              f"see {log}:\n{_tail(log)}")
        real_port = real_port or _log_port(log, start)
        if real_port and healthy(f"http://127.0.0.1:{real_port}"):
            break
        time.sleep(0.5)
    else:
        _stop_pid(proc.pid)
        raise StudioError(f"Label Studio did not answer within {timeout:.0f} s; see {log}")
    url = f"http://127.0.0.1:{real_port}"
    record = {"pid": proc.pid, "port": real_port, "url": url, "python": str(py), "started_at": time.time()}
    write_secret(studio / "server.json", json.dumps(record, indent=2) + "\n")
    return ServerInfo(url, proc.pid, int(real_port), str(py), True)


def _signal(pid: int, sig: int) -> bool:
    """Send ``sig`` to the server and anything it started (it leads its own process group); False when gone."""
    try:
        if os.getpgid(pid) == pid:
            os.killpg(pid, sig)
        else:
            os.kill(pid, sig)
    except ProcessLookupError:
        return False
    return True


def _wait_gone(pid: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while pid_alive(pid):
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.1)
    return True


def _listening(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1.0):
            return True
    except OSError:
        return False


def _stop_pid(pid: int, grace: float = 20.0, port: int | None = None) -> None:
    """SIGTERM, then SIGKILL after ``grace`` seconds; returns once the process is gone and, given ``port``, once
    nothing answers there any more (so the port can be reused at once)."""
    if _signal(pid, signal.SIGTERM) and not _wait_gone(pid, grace) and _signal(pid, signal.SIGKILL):
        _wait_gone(pid, 10.0)
    if port is None:
        return
    deadline = time.monotonic() + 10.0
    while _listening(port):
        if time.monotonic() >= deadline:
            raise StudioError(f"the Label Studio server (pid {pid}) has stopped, but something still answers on "
                              f"127.0.0.1:{port}; see `ss -ltnp 'sport = :{port}'`")
        time.sleep(0.2)


def down(studio: Path) -> bool:
    """Stop the campaign's server; False when none was running."""
    current = info(studio)
    if current is None:
        return False
    was_running = current.running
    if was_running:
        _stop_pid(current.pid, port=current.port)
    (studio / "server.json").unlink(missing_ok=True)
    return was_running
