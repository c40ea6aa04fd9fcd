"""The campaign's Label Studio projects, recorded in ``DIR/studio/projects.json`` and verified against the server.

``projects.json`` maps a project role (``main``, ``adjudication``) to ``{"id", "title", "url"}``. A recorded project
is always checked on the server; a recorded project that has disappeared is an error (its tasks and annotations would
otherwise be silently re-created elsewhere). With no record, a project on the server whose description carries the
campaign's marker is adopted, else one is created.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from stancekit.errors import StudioNotFoundError
from stancekit.labeling.client import Studio
from stancekit.labeling.config_xml import guideline_html, label_config
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


def project_id(studio_dir: Path, role: str, url: str) -> int:
    """The recorded project id for ``role`` on the server at ``url``; StudioNotFoundError when there is none."""
    entry = recorded(studio_dir).get(role)
    if entry is None or entry.get("url") != url:
        raise StudioNotFoundError(f"no {role!r} project of this campaign on {url} (nothing recorded in "
                                  f"{studio_dir / FILE}): run `stancekit push` first")
    return int(entry["id"])


def verify(studio: Studio, studio_dir: Path, role: str) -> dict[str, Any]:
    """The recorded project, as the server has it; one clear error when it has gone."""
    pid = project_id(studio_dir, role, studio.url)
    try:
        return studio.project(pid)
    except StudioNotFoundError:
        raise StudioNotFoundError(
            f"project {pid} ({role}), recorded in {studio_dir / FILE}, no longer exists on {studio.url}; restore it, "
            f"or remove the {role!r} entry from that file to create a new project on the next push") from None


def ensure(studio: Studio, studio_dir: Path, spec: ProjectSpec) -> tuple[dict[str, Any], bool]:
    """Find or create the project for ``spec``; (project, created). Settings are brought up to date."""
    entry = recorded(studio_dir).get(spec.role)
    fields = spec.fields()
    if entry is not None and entry.get("url") == studio.url:
        project = verify(studio, studio_dir, spec.role)
        stale = {k: v for k, v in fields.items() if k != "title" and project.get(k) != v}
        if stale:
            project = studio.update_project(int(project["id"]), **stale)
        return project, False
    for candidate in studio.projects():
        if spec.marker in str(candidate.get("description") or ""):
            project = studio.update_project(int(candidate["id"]), **{k: v for k, v in fields.items() if k != "title"})
            break
    else:
        project = studio.create_project(**fields)
    record(studio_dir, spec.role, {"id": int(project["id"]), "title": project.get("title"), "url": studio.url})
    return project, True
