"""Studio.task_pages against a fake listing endpoint: order, fields asked for, fallback, consistency."""

from __future__ import annotations

from typing import Any

import pytest

from stancekit.errors import StudioError
from stancekit.labeling.client import Studio


def _task(i: int) -> dict[str, Any]:
    return {"id": i, "data": {"task_key": f"t{i}"}, "meta": {}, "annotators": [i],
            "annotations": [{"id": 10 * i, "result": [], "completed_by": 1, "created_username": "x"}]}


class FakeListing:
    """``GET api/tasks/`` over ``tasks``; ``honour`` says whether ``include`` trims fields; ``grow_after`` adds a task
    once that many pages were served (a concurrent import)."""

    def __init__(self, n: int, *, honour: bool = True, grow_after: int | None = None) -> None:
        self.tasks = [_task(i) for i in range(1, n + 1)]
        self.honour = honour
        self.grow_after = grow_after
        self.calls: list[dict[str, Any]] = []

    def __call__(self, method: str, path: str, json: Any = None, params: dict[str, Any] | None = None) -> Any:
        assert (method, path) == ("GET", "api/tasks/") and params is not None
        self.calls.append(dict(params))
        if self.grow_after is not None and len(self.calls) > self.grow_after:
            self.tasks.append(_task(len(self.tasks) + 1))
            self.grow_after = None
        size, page = int(params["page_size"]), int(params["page"])
        rows = [dict(t) for t in self.tasks[(page - 1) * size:page * size]]
        if self.honour and "include" in params:
            keep = set(params["include"].split(","))
            rows = [{k: v for k, v in t.items() if k in keep} for t in rows]
            for t in rows:
                if "annotations" in t:
                    t["annotations"] = [{k: v for k, v in a.items() if k in keep} for a in t["annotations"]]
        return {"total": len(self.tasks), "tasks": rows}


def studio_with(fake: FakeListing, monkeypatch: pytest.MonkeyPatch) -> Studio:
    studio = Studio("http://127.0.0.1:9", "token", backoff=())
    monkeypatch.setattr(studio, "_raw", fake)
    return studio


@pytest.mark.parametrize("workers", [1, 3])
def test_pages_come_in_id_order_with_only_the_fields_asked(monkeypatch: pytest.MonkeyPatch, workers: int) -> None:
    fake = FakeListing(23)
    studio = studio_with(fake, monkeypatch)
    pages = list(studio.task_pages(5, fields="all", task_keys=("id", "data"), annotation_keys=("id", "result"),
                                   page_size=5, workers=workers))
    assert [len(p) for p in pages] == [5, 5, 5, 5, 3]
    assert [t["id"] for p in pages for t in p] == list(range(1, 24))
    assert all(set(t) == {"id", "data", "annotations"} for p in pages for t in p)
    assert all(set(a) == {"id", "result"} for p in pages for t in p for a in t["annotations"])
    assert all(c["include"] == "id,data,annotations,result" for c in fake.calls)  # each name once
    assert all(c["project"] == 5 and c["fields"] == "all" for c in fake.calls)


def test_a_server_that_drops_asked_fields_is_listed_in_full(monkeypatch: pytest.MonkeyPatch) -> None:
    class Trimming(FakeListing):  # trims annotations to their id whatever is asked (a different include semantics)
        def __call__(self, method: str, path: str, json: Any = None, params: dict[str, Any] | None = None) -> Any:
            body = super().__call__(method, path, json, params)
            if params and "include" in params:
                for t in body["tasks"]:
                    t["annotations"] = [{"id": a["id"]} for a in t["annotations"]]
            return body

    fake = Trimming(7)
    studio = studio_with(fake, monkeypatch)
    pages = list(studio.task_pages(1, fields="all", task_keys=("id", "data"), annotation_keys=("id", "result"),
                                   page_size=3, workers=1))
    assert [t["id"] for p in pages for t in p] == list(range(1, 8))
    assert all("result" in a for p in pages for t in p for a in t["annotations"])
    assert "include" not in fake.calls[-1]  # every page after the first incomplete one is asked for in full


def test_a_server_ignoring_include_still_works(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeListing(4, honour=False)
    pages = list(studio_with(fake, monkeypatch).task_pages(1, task_keys=("id", "data"), page_size=3))
    assert [t["id"] for p in pages for t in p] == [1, 2, 3, 4]
    assert all("include" in c for c in fake.calls)  # complete pages: no refetch


def test_empty_project(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeListing(0)
    assert list(studio_with(fake, monkeypatch).task_pages(1, page_size=3)) == []
    assert len(fake.calls) == 1


def test_a_project_changing_while_listed_fails_instead_of_missing_tasks(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeListing(9, grow_after=1)
    with pytest.raises(StudioError, match="changed while it was listed"):
        list(studio_with(fake, monkeypatch).task_pages(1, page_size=3, workers=1))
