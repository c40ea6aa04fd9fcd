"""Annotators on the campaign's Label Studio: add (real people get in), list, remove.

``add`` creates the user in the organization. On the campaign's local server it also sets a generated password,
printed once (the person can change it on their Account page); the password goes to the server through stdin, never
on a command line or to disk. Against any other server, or with ``invite=True``, it gives the organization's invite
link instead. ``remove`` takes the person out of the organization (Label Studio soft-deletes the membership; their
annotations stay). E-mails are shown on the terminal only and never written outside ``DIR/studio/``.
"""

from __future__ import annotations

import json
import secrets
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from stancekit.errors import InputError, StudioError
from stancekit.labeling import server
from stancekit.labeling.client import Studio
from stancekit.labeling.pseudonym import Pseudonymizer

_SET_PASSWORDS = """
import json, os, pathlib, sys
import label_studio
sys.path.insert(0, str(pathlib.Path(label_studio.__file__).parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "label_studio.core.settings.label_studio")
import django
django.setup()
from users.models import User
for item in json.load(sys.stdin):
    user = User.objects.get(email=item["email"])
    user.set_password(item["password"])
    user.save(update_fields=["password"])
print("ok")
"""


@dataclass(frozen=True)
class Annotator:
    user_id: int
    pseudonym: str
    email: str
    active: bool
    password: str | None = None  # set only by add() on the local server; shown once


def _valid_email(email: str) -> str:
    email = email.strip()
    local, at, domain = email.partition("@")
    if not at or not local or "." not in domain or " " in email:
        raise InputError(f"{email!r} is not an e-mail address")
    return email.lower()


def _org_id(studio: Studio) -> int:
    org = studio.whoami().get("active_organization")
    if not isinstance(org, int):
        raise StudioError(f"Label Studio at {studio.url}: the token's user has no active organization")
    return org


def _set_passwords(studio_dir: Path, items: list[dict[str, str]]) -> None:
    current = server.info(studio_dir)
    admin = server.load_admin(studio_dir)
    if current is None or admin is None:
        raise StudioError("passwords can be set only on the campaign's local server; use --invite")
    py = Path(current.python)
    env = server.server_env(studio_dir, admin, py, current.port)
    proc = subprocess.run([str(py), "-c", _SET_PASSWORDS], input=json.dumps(items), env=env, cwd=studio_dir,
                          capture_output=True, text=True, timeout=300)
    if proc.returncode != 0 or "ok" not in proc.stdout:
        last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        raise StudioError(f"setting annotator passwords failed: {last}")


def is_local(studio: Studio, studio_dir: Path) -> bool:
    current = server.info(studio_dir)
    return current is not None and current.running and current.url == studio.url


def add(studio: Studio, studio_dir: Path, emails: list[str], *, invite: bool = False) -> tuple[list[Annotator], str]:
    """Let the people at ``emails`` in; returns the accounts made and the invite link ("" when unused).

    On the campaign's local server (and without ``invite``) each person gets an account with a generated password
    (``Annotator.password``, to be shown once; an existing account gets a new one). Otherwise no account is made:
    the people sign up themselves through the organization's invite link (Label Studio cannot set a password over
    its API, and signing up through the link fails for an e-mail that already has an account).
    """
    wanted = list(dict.fromkeys(_valid_email(e) for e in emails))
    if not wanted:
        raise InputError("name at least one e-mail address")
    if invite or not is_local(studio, studio_dir):
        return [], studio.invite_link()
    org = _org_id(studio)
    by_email = {str(u.get("email", "")).lower(): u for u in studio.users()}
    pseudo = Pseudonymizer(server.ensure_salt(studio_dir))
    out: list[Annotator] = []
    for email in wanted:
        user = by_email.get(email) or studio.create_user(email)
        uid = int(user["id"])
        studio.update_user(uid, active_organization=org)
        out.append(Annotator(uid, pseudo(uid), email, True, secrets.token_urlsafe(12)))
    _set_passwords(studio_dir, [{"email": a.email, "password": a.password or ""} for a in out])
    return out, ""


def listing(studio: Studio, studio_dir: Path) -> list[Annotator]:
    """Every member of the organization, with pseudonym and e-mail (for the terminal only)."""
    org = _org_id(studio)
    me = int(studio.whoami()["id"])
    pseudo = Pseudonymizer(server.ensure_salt(studio_dir))
    out = []
    for m in studio.members(org):
        user: dict[str, Any] = m.get("user") or {}
        uid = int(user.get("id", m.get("id", 0)))
        if uid == me or "@" not in str(user.get("email", "")):
            continue  # the admin itself, and removed members (the server shows them as "Deleted")
        out.append(Annotator(uid, pseudo(uid), str(user.get("email", "")), True))
    return sorted(out, key=lambda a: a.email)


def remove(studio: Studio, studio_dir: Path, who: list[str]) -> list[Annotator]:
    """Take the named people (e-mail or pseudonym) out of the organization; returns who was removed."""
    members = listing(studio, studio_dir)
    found: list[Annotator] = []
    for name in who:
        key = name.strip().lower()
        match = [a for a in members if key in (a.email, a.pseudonym)]
        if not match:
            raise InputError(f"{name!r} is not an annotator of this organization (see `stancekit studio annotators "
                             "list`)")
        found += match
    org = _org_id(studio)
    for a in found:
        studio.remove_member(org, a.user_id)
    return [Annotator(a.user_id, a.pseudonym, a.email, False) for a in found]
