"""The campaign's Label Studio projects, recorded in ``DIR/studio/projects.json`` and verified against the server.

``projects.json`` maps a project role (``main``, ``adjudication``) to ``{"id", "title", "url", "server"}``.
``server`` is the server's identity, not its address: ``local`` for the campaign's own server (``DIR/studio/data``),
whose port is new at every ``studio up``, else the URL of the external server (``LABEL_STUDIO_URL`` /
``[studio] url``); ``url`` is where it was last seen, for people. Files written before ``server`` existed are read
as they are: an entry without it belongs to the server at its ``url``, or, when that is a loopback address, to the
campaign's own server if the project there still carries the campaign's marker (the entry is then rewritten).

A recorded project is always checked on the server; a recorded project that has disappeared is an error (its tasks
and annotations would otherwise be silently re-created elsewhere). With no record, a project on the server whose
description carries the campaign's marker is adopted, else one is created.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from stancekit.errors import ConfigError, StudioNotFoundError
from stancekit.labeling.client import LOCAL, Studio
from stancekit.labeling.config_xml import STANCE, guideline_html, label_config
from stancekit.labeling.server import read_json, write_secret
from stancekit.schemas.labels import LabelScheme

FILE = "projects.json"


@dataclass(frozen=True)
class ProjectSpec:
    role: str
    title: str
    marker: str  # "stancekit:<campaign id>:<role>", kept in the project description
    scheme: LabelScheme
    guideline_markdown: str
    overlap: int
    adjudication: bool = False  # the adjudication variant of the interface (shows the votes)

    def fields(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "description": f"Created by stancekit. Do not edit this line: {self.marker}",
            "label_config": label_config(self.scheme, adjudication=self.adjudication),
            "expert_instruction": guideline_html(self.guideline_markdown),
            "show_instruction": True,
            "show_skip_button": True,
            "maximum_annotations": self.overlap,
        }


def recorded(studio_dir: Path) -> dict[str, dict[str, Any]]:
    data = read_json(studio_dir / FILE) or {}
    return {k: v for k, v in data.items() if isinstance(v, dict)}


def _write(studio_dir: Path, data: dict[str, Any]) -> None:
    write_secret(studio_dir / FILE, json.dumps(data, indent=2, sort_keys=True) + "\n")


def record(studio_dir: Path, role: str, entry: dict[str, Any]) -> None:
    data = read_json(studio_dir / FILE) or {}
    data[role] = entry
    _write(studio_dir, data)


def campaign_uid(studio_dir: Path) -> str:
    """A random id for this campaign, kept in projects.json: the marker that finds its projects on a server."""
    data = read_json(studio_dir / FILE) or {}
    uid = data.get("campaign_uid")
    if not isinstance(uid, str) or not uid:
        uid = secrets.token_hex(8)
        data["campaign_uid"] = uid
        _write(studio_dir, data)
    return uid


def marker(studio_dir: Path, role: str) -> str:
    return f"stancekit:{campaign_uid(studio_dir)}:{role}"


def _loopback(url: str) -> bool:
    try:
        host = urlsplit(str(url)).hostname or ""
    except ValueError:
        return False
    return host in ("127.0.0.1", "localhost", "::1")


def _entry(studio_dir: Path, role: str, entry: dict[str, Any], studio: Studio) -> dict[str, Any]:
    """``entry`` with this server's identity and address, written back when either changed."""
    if entry.get("server") == studio.server_id and entry.get("url") == studio.url:
        return entry
    entry = {**entry, "server": studio.server_id, "url": studio.url}
    record(studio_dir, role, entry)
    return entry


def lookup(studio: Studio, studio_dir: Path, role: str) -> dict[str, Any] | None:
    """The recorded ``role`` project if it was recorded for this server (None otherwise), whatever its port.

    An entry of an older projects.json (no ``server``) is this server's when its URL is this server's URL, or when
    this is the campaign's own server, the URL is a loopback address and the project with that id here carries the
    campaign's marker: the campaign's own server on an earlier port. It is then rewritten in the current form.
    """
    entry = recorded(studio_dir).get(role)
    if entry is None or "id" not in entry:
        return None
    if "server" in entry:
        return _entry(studio_dir, role, entry, studio) if entry["server"] == studio.server_id else None
    if entry.get("url") == studio.url:
        return _entry(studio_dir, role, entry, studio)
    if studio.server_id != LOCAL or not _loopback(str(entry.get("url") or "")):
        return None
    try:
        project = studio.project(int(entry["id"]))
    except StudioNotFoundError:
        return None
    if marker(studio_dir, role) not in str(project.get("description") or ""):
        return None
    return _entry(studio_dir, role, entry, studio)


def roles(studio: Studio, studio_dir: Path) -> list[str]:
    """Every role with a project recorded for this server (sorted)."""
    return sorted(r for r in recorded(studio_dir) if lookup(studio, studio_dir, r) is not None)


def project_id(studio: Studio, studio_dir: Path, role: str) -> int:
    """The recorded project id for ``role`` on this server; StudioNotFoundError when there is none."""
    entry = lookup(studio, studio_dir, role)
    if entry is None:
        raise StudioNotFoundError(f"no {role!r} project of this campaign on {studio.url} (nothing recorded for "
                                  f"this server in {studio_dir / FILE}): run `stancekit push` first")
    return int(entry["id"])


def verify(studio: Studio, studio_dir: Path, role: str) -> dict[str, Any]:
    """The recorded project, as the server has it; one clear error when it has gone."""
    pid = project_id(studio, studio_dir, role)
    try:
        return studio.project(pid)
    except StudioNotFoundError:
        raise StudioNotFoundError(
            f"project {pid} ({role}), recorded in {studio_dir / FILE}, no longer exists on {studio.url}; restore it, "
            f"or remove the {role!r} entry from that file to create a new project on the next push") from None


class LabelsChangedError(ConfigError):
    """``[labels] names`` differ from the labels of a project that holds tasks of the same label scheme version."""


def stance_labels(config: str) -> tuple[str, ...] | None:
    """The stance choices of a labeling config, in order; None when it has no stance choices (or is not XML)."""
    try:
        root = ET.fromstring(config)
    except ET.ParseError:
        return None
    for choices in root.iter("Choices"):
        if choices.get("name") == STANCE:
            return tuple(str(c.get("value") or "") for c in choices.iter("Choice"))
    return None


def check_labels(studio: Studio, project: dict[str, Any], scheme: LabelScheme, role: str) -> None:
    """Stop when the project's labels are not ``scheme``'s but it holds tasks of ``scheme``'s version.

    Tasks are keyed by the scheme version, so new names under the same version would relabel the live project while
    its tasks and their annotations keep the old names: pull would reject every one of them and merge would write
    labels from nothing. A project whose tasks are all of other versions (the version was bumped) may change.
    """
    live = stance_labels(str(project.get("label_config") or ""))
    if live is None or live == tuple(scheme.labels):
        return
    pid = int(project["id"])
    if not studio.has_task_with(pid, "label_scheme", scheme.id):
        return
    change = "were reordered" if sorted(live) == sorted(scheme.labels) else "changed"
    raise LabelsChangedError(
        f"[labels] names {change} ({', '.join(live)} -> {', '.join(scheme.labels)}) but [labels] version is still "
        f"{scheme.version}: the {role!r} project {pid} on {studio.url} holds {scheme.id} tasks labelled with the old "
        f"names, and relabelling them would invalidate every annotation made so far. Restore the old names in "
        f"stancekit.toml, or bump [labels] version to {scheme.version + 1} (new tasks are keyed by the version; the "
        "old ones are archived and their annotations kept)")


TITLE_MAX = 50  # Label Studio's limit on a project title


def distinct_title(title: str, marker: str, taken: set[str]) -> str:
    """``title``, or, when a project on the server already has it (another campaign of the same name), the title
    with a short tag of this campaign's marker, so the two are told apart in Label Studio's project list."""
    if title not in taken:
        return title
    tag = f" [{hashlib.blake2b(marker.encode(), digest_size=3).hexdigest()}]"
    return title[:TITLE_MAX - len(tag)].rstrip() + tag


def ensure(studio: Studio, studio_dir: Path, spec: ProjectSpec) -> tuple[dict[str, Any], bool]:
    """Find or create the project for ``spec``; (project, created). Settings are brought up to date."""
    entry = lookup(studio, studio_dir, spec.role)
    fields = spec.fields()
    if entry is not None:
        project = verify(studio, studio_dir, spec.role)
        stale = {k: v for k, v in fields.items() if k != "title" and project.get(k) != v}
        if "label_config" in stale:
            check_labels(studio, project, spec.scheme, spec.role)
        if stale:
            project = studio.update_project(int(project["id"]), **stale)
        return project, False
    listed = studio.projects()
    for candidate in listed:
        if spec.marker in str(candidate.get("description") or ""):
            check_labels(studio, studio.project(int(candidate["id"])), spec.scheme, spec.role)
            project = studio.update_project(int(candidate["id"]), **{k: v for k, v in fields.items() if k != "title"})
            break
    else:
        taken = {str(c.get("title") or "") for c in listed}
        project = studio.create_project(**{**fields, "title": distinct_title(str(fields["title"]), spec.marker, taken)})
    record(studio_dir, spec.role, {"id": int(project["id"]), "title": project.get("title"), "url": studio.url,
                                   "server": studio.server_id})
    return project, True
