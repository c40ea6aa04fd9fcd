"""``stancekit studio up|down|status`` and ``studio annotators add|list|remove``: campaign-level runners."""

from __future__ import annotations

from typing import Any

from stancekit.campaign import Campaign
from stancekit.config import load_config
from stancekit.errors import StudioError
from stancekit.labeling import annotators, projects, server
from stancekit.labeling.client import Studio, resolve
from stancekit.progress import note


def up(campaign: Campaign, *, python: str | None = None) -> dict[str, Any]:
    """Start the campaign's local server (creating its venv and data on first use); URL and login."""
    cfg = load_config(campaign.root)
    named = python or str(cfg.get("studio", "python") or "") or None
    srv = server.up(campaign.studio, python=named, say=note)
    admin = server.ensure_admin(campaign.studio)
    return {"url": srv.url, "pid": srv.pid, "running": True, "login": admin.email,
            "password_file": str(campaign.studio / "admin.json"), "log": str(campaign.studio / "server.log")}


def down(campaign: Campaign) -> dict[str, Any]:
    return {"stopped": server.down(campaign.studio)}


def status(campaign: Campaign) -> dict[str, Any]:
    """The server (local or named), whether it answers, and each recorded project with its task count."""
    cfg = load_config(campaign.root)
    local = server.info(campaign.studio)
    out: dict[str, Any] = {"local_server": None, "url": None, "running": False, "projects": {}}
    if local is not None:
        out["local_server"] = {"url": local.url, "pid": local.pid, "running": local.running}
    try:
        conn = resolve(campaign.studio, str(cfg.get("studio", "url") or ""))
    except StudioError as exc:
        out["error"] = str(exc)
        return out
    out["url"] = conn.url
    out["running"] = server.healthy(conn.url)
    if not out["running"]:
        return out
    studio = Studio(conn.url, conn.token, server_id=conn.server)
    for role in sorted(projects.recorded(campaign.studio)):
        try:
            entry = projects.lookup(studio, campaign.studio, role)
        except StudioError as exc:
            out["projects"][role] = {"error": str(exc)}
            continue
        if entry is None:  # recorded for another server
            continue
        try:
            p = studio.project(int(entry["id"]))
        except StudioError as exc:
            out["projects"][role] = {"id": int(entry["id"]), "error": str(exc)}
            continue
        out["projects"][role] = {"id": int(p["id"]), "title": p.get("title"),
                                 "tasks": int(p.get("task_number") or 0),
                                 "annotations": int(p.get("total_annotations_number") or 0)}
    return out


def _studio(campaign: Campaign) -> Studio:
    cfg = load_config(campaign.root)
    studio = Studio.connect(campaign.studio, str(cfg.get("studio", "url") or ""))
    studio.check()
    return studio


def annotators_add(campaign: Campaign, emails: list[str], *, invite: bool = False,
                   reset_password: bool = False) -> dict[str, Any]:
    """``added``: one entry per person (``status`` added / already there / re-added; ``password`` only when one was
    set: a new account, ``reset_password``, or an account that had none)."""
    added, link = annotators.add(_studio(campaign), campaign.studio, emails, invite=invite,
                                 reset_password=reset_password)
    return {"added": [a.__dict__ for a in added], "invite_link": link or None}


def annotators_list(campaign: Campaign) -> list[dict[str, Any]]:
    return [{"pseudonym": a.pseudonym, "email": a.email, "user_id": a.user_id}
            for a in annotators.listing(_studio(campaign), campaign.studio)]


def annotators_remove(campaign: Campaign, who: list[str]) -> list[dict[str, Any]]:
    return [{"pseudonym": a.pseudonym, "email": a.email} for a in
            annotators.remove(_studio(campaign), campaign.studio, who)]


def install(python: str | None = None, say: Any = print) -> str:
    """Install (first use) or find the Label Studio server's own virtual environment; returns its Python."""
    from stancekit.labeling.server import find_python

    return str(find_python(python, install=True, say=say))
