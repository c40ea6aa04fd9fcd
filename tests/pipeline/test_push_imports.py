"""push._import / _with_imported: when the imports' answer is enough, and when the server must be listed again."""

from __future__ import annotations

from typing import Any

from stancekit.errors import StudioError
from stancekit.pipeline.push import _import, _with_imported


def _t(key: str) -> dict[str, Any]:
    return {"data": {"task_key": key, "pair_id": f"p-{key}"}, "meta": {"task_key": key}}


class FakeStudio:
    def __init__(self, answers: list[Any]) -> None:
        self.answers = answers  # per import call: a list of ids, or an exception to raise
        self.imported: list[list[dict[str, Any]]] = []
        self.listed = 0

    def import_tasks(self, project_id: int, tasks: list[dict[str, Any]]) -> list[int]:
        self.imported.append(tasks)
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return list(answer)

    def task_pages(self, project_id: int, **kwargs: Any) -> Any:
        self.listed += 1
        yield [{"id": 7, **_t("a")}]  # the failed batch's first task landed after all

    def delete_task(self, task_id: int) -> None:
        raise AssertionError("nothing to dedupe here")


def test_ids_answered_one_per_task_give_the_tasks_as_the_server_holds_them() -> None:
    studio = FakeStudio([[11, 12]])
    out = _import(studio, 1, [_t("a"), _t("b")])  # type: ignore[arg-type]
    assert out is not None and [(t["id"], t["data"]["task_key"]) for t in out] == [(11, "a"), (12, "b")]
    assert all(t["total_annotations"] == 0 for t in out) and studio.listed == 0


def test_an_answer_without_ids_means_list_again() -> None:
    assert _import(FakeStudio([[]]), 1, [_t("a")]) is None  # type: ignore[arg-type]


def test_a_failed_batch_is_listed_and_only_the_missing_tasks_imported_again() -> None:
    studio = FakeStudio([StudioError("timed out"), [13]])
    assert _import(studio, 1, [_t("a"), _t("b")]) is None  # type: ignore[arg-type]
    assert studio.listed == 1 and [t["data"]["task_key"] for t in studio.imported[1]] == ["b"]


def test_with_imported_adds_to_what_was_listed_without_changing_it() -> None:
    found = {"a": [{"id": 1, **_t("a")}]}
    after = _with_imported(found, [{"id": 2, **_t("b")}, {"id": 3, "data": {}}])
    assert {k: [t["id"] for t in v] for k, v in after.items()} == {"a": [1], "b": [2]}
    assert list(found) == ["a"]
