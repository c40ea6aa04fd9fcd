"""Annotators on the campaign's Label Studio: add (real people get in), list, remove.

``add`` creates the user in the organization. On the campaign's local server it also sets a generated password,
printed once (the person can change it on their Account page); the password goes to the server through stdin, never
on a command line or to disk. A person who already has an account keeps their password (it is reported as already
there, or re-added when they had been removed) unless ``reset_password`` asks for a new one; an account without a
usable password (made elsewhere, or by an ``add`` that died before setting it) gets one. Against any other server,
or with ``invite=True``, it gives the organization's invite link instead. ``remove`` takes the person out of the
organization (Label Studio soft-deletes the membership; their annotations stay; ``add`` restores it). E-mails are
shown on the terminal only and never written outside ``DIR/studio/``.
"""

from __future__ import annotations

import json
import secrets
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from stancekit.errors import InputError, StudioAuthError, StudioError
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
from organizations.models import OrganizationMember
from users.models import User
job = json.load(sys.stdin)
org = job["org"]
out = {}
for item in job["people"]:
    user = User.objects.filter(email__iexact=item["email"]).first()
    if user is None:
        out[item["email"]] = {"found": False}
        continue
    member, created = OrganizationMember.objects.get_or_create(user=user, organization_id=org)
    restored = created or member.deleted_at is not None
    if member.deleted_at is not None:
        member.deleted_at = None
        member.save(update_fields=["deleted_at"])
    fields = []
    if user.active_organization_id != org:
        user.active_organization_id = org
        fields.append("active_organization")
    usable = bool(user.password) and user.has_usable_password()
    if item["reset"] or not usable:
        user.set_password(item["password"])
        fields.append("password")
    if fields:
        user.save(update_fields=fields)
    out[item["email"]] = {"found": True, "id": user.id, "restored": restored,
                          "password_set": bool(item["reset"] or not usable)}
print("RESULT " + json.dumps(out))
"""

ADDED, ALREADY_THERE, RE_ADDED = "added", "already there", "re-added"


@dataclass(frozen=True)
class Annotator:
    user_id: int
    pseudonym: str
    email: str
    active: bool
    password: str | None = None  # set only by add() on the local server when it set one; shown once
    status: str = ""  # add(): ADDED (a new account), ALREADY_THERE (a member), RE_ADDED (had been removed)


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


def _set_passwords(studio_dir: Path, org: int, items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """On the local server's database, for each item's account: make it an active member of ``org`` (restoring a
    removed membership) with ``org`` active, and set its password when ``reset`` asks for it or it has no usable one.
    Returns per e-mail ``found``, ``id``, ``restored`` and ``password_set``."""
    current = server.info(studio_dir)
    admin = server.load_admin(studio_dir)
    if current is None or admin is None:
        raise StudioError("passwords can be set only on the campaign's local server; use --invite")
    py = Path(current.python)
    env = server.server_env(studio_dir, admin, py, current.port)
    proc = subprocess.run([str(py), "-c", _SET_PASSWORDS], input=json.dumps({"org": org, "people": items}), env=env,
                          cwd=studio_dir, capture_output=True, text=True, timeout=300)
    result = next((ln.removeprefix("RESULT ") for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")), None)
    if proc.returncode != 0 or result is None:
        last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        raise StudioError(f"setting annotator passwords failed: {last}")
    done: dict[str, dict[str, Any]] = json.loads(result)
    return done


def is_local(studio: Studio, studio_dir: Path) -> bool:
    current = server.info(studio_dir)
    return current is not None and current.running and current.url == studio.url


def add(studio: Studio, studio_dir: Path, emails: list[str], *, invite: bool = False,
        reset_password: bool = False) -> tuple[list[Annotator], str]:
    """Let the people at ``emails`` in; returns the accounts (made, already there or re-added) and the invite link
    ("" when unused).

    On the campaign's local server (and without ``invite``) each new person gets an account with a generated password
    (``Annotator.password``, to be shown once). A person with an account keeps their password (``password`` None)
    unless ``reset_password``, or unless the account has no usable password; one removed earlier is put back in the
    organization. Otherwise no account is made: the people sign up themselves through the organization's invite link
    (Label Studio cannot set a password over its API, and signing up through the link fails for an e-mail that
    already has an account).
    """
    wanted = list(dict.fromkeys(_valid_email(e) for e in emails))
    if not wanted:
        raise InputError("name at least one e-mail address")
    if invite or not is_local(studio, studio_dir):
        if reset_password:
            raise InputError("--reset-password works only on the campaign's local server, without --invite (Label "
                             "Studio cannot set a password over its API); the person can use the login page's "
                             "password reset, or ask the server's administrator")
        return [], studio.invite_link()
    org = _org_id(studio)
    known = {str(u.get("email", "")).lower() for u in studio.users()}  # removed members may be missing here
    pseudo = Pseudonymizer(server.ensure_salt(studio_dir))
    created: set[str] = set()
    refused: dict[str, StudioError] = {}
    for email in wanted:
        if email in known:
            continue
        try:
            studio.create_user(email)
            created.add(email)
        except StudioAuthError:
            raise
        except StudioError as exc:  # e.g. the account exists but is not listed (removed): the database decides
            refused[email] = exc
    passwords = {email: secrets.token_urlsafe(12) for email in wanted}
    done = _set_passwords(studio_dir, org, [
        {"email": e, "password": passwords[e], "reset": reset_password or e in created} for e in wanted])
    out = []
    for email in wanted:
        state = done.get(email) or {"found": False}
        if not state["found"]:
            raise refused.get(email) or StudioError(f"{email}: no such account on {studio.url} after creating it")
        status = ADDED if email in created else RE_ADDED if state["restored"] else ALREADY_THERE
        uid = int(state["id"])
        out.append(Annotator(uid, pseudo(uid), email, True, passwords[email] if state["password_set"] else None,
                             status))
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
