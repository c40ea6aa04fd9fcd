"""Two campaigns of the same name on one server get projects whose titles tell them apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from stancekit.pipeline.push import connect, run_push
from studio_helpers import make_campaign

pytestmark = pytest.mark.studio


def test_same_named_campaigns_on_one_server(studio_env: object, tmp_path: Path) -> None:
    first = make_campaign(tmp_path / "one", n_docs=1, name="same-name-titles")
    second = make_campaign(tmp_path / "two", n_docs=1, name="same-name-titles")
    a, b = run_push(first), run_push(second)
    assert a["project_id"] != b["project_id"]
    studio = connect(first)
    title_a = studio.project(a["project_id"])["title"]
    title_b = studio.project(b["project_id"])["title"]
    assert title_a == "stancekit: same-name-titles" and title_b.startswith("stancekit: same-name-titles [")
    assert run_push(second)["project_id"] == b["project_id"]  # found again by its marker, whatever its title
