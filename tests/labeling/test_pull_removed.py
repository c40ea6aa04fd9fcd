"""Pull drops the rows whose annotation the server no longer has (pure table logic, on recorded task shapes)."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl

from stancekit.labeling.codec import parse_tasks, scrub_task
from stancekit.labeling.pseudonym import Pseudonymizer
from stancekit.pipeline.pull import annotation_keys, drop_gone
from stancekit.pipeline.pull_file import merge_annotations
from stancekit.schemas import ANNOTATIONS

DATA = Path(__file__).parent / "data" / "ls_tasks_all.json"
PSEUDO = Pseudonymizer(bytes(range(32)))


def parsed(tasks: list[dict], role: str = "main") -> pl.DataFrame:
    return parse_tasks(tasks, pseudonymise=PSEUDO, project_role=role).annotations


def recorded() -> list[dict]:
    return [scrub_task(t, PSEUDO) for t in json.loads(DATA.read_text(encoding="utf-8"))]


def test_keys_of_every_listed_annotation() -> None:
    tasks = recorded()
    keys = annotation_keys("main", tasks)
    assert keys.height == 5 and set(keys["project_role"]) == {"main"}  # the rejected one is on the server too
    assert set(parsed(tasks)["ls_annotation_id"]) < set(keys["ls_annotation_id"])
    assert annotation_keys("main", []).height == 0


def test_deleted_annotation_and_deleted_task_are_dropped() -> None:
    tasks = recorded()
    table = parsed(tasks)
    now = [dict(t) for t in tasks[1:]]  # the first task deleted ...
    gone_ann = now[0]["annotations"][0]["id"]
    now[0]["annotations"] = now[0]["annotations"][1:]  # ... and one annotation of the next one
    kept, removed = drop_gone(table, annotation_keys("main", now), ["main"])
    expected = set(parsed(now)["ls_annotation_id"])
    assert set(kept["ls_annotation_id"]) == expected and gone_ann not in expected
    assert removed == {"main": table.height - kept.height} and removed["main"] >= 2
    merged, added, _ = merge_annotations(kept, parsed(now))
    assert added == 0 and merged.height == len(expected)


def test_other_roles_and_unchanged_server_untouched() -> None:
    tasks = recorded()
    main = parsed(tasks)
    adj = parsed(tasks, role="adjudication")
    table = pl.concat([main, adj])
    kept, removed = drop_gone(table, annotation_keys("main", []), ["main"])  # everything gone from main
    assert removed == {"main": main.height} and kept.equals(adj)
    same, none = drop_gone(table, pl.concat([annotation_keys("main", tasks), annotation_keys("adjudication", tasks)]),
                           ["main", "adjudication"])
    assert none == {"main": 0, "adjudication": 0} and same.equals(table)
    empty, zero = drop_gone(ANNOTATIONS.empty(), annotation_keys("main", tasks), ["main"])
    assert empty.height == 0 and zero == {"main": 0}
