"""``stancekit push``: pairs -> Label Studio tasks, idempotent and resumable; records ``tables/tasks.parquet``.

What exists is learnt from the server (one listing of the project), not only from local state, so a second run or a
run after one killed half-way imports only the missing tasks. Imports are never retried blindly (the SDK would
re-POST a batch that may have landed): after a failed batch the project is listed again, and any key that ended up
twice is de-duplicated by deleting the extra copy (never a copy that has annotations). When every batch succeeded,
the tasks on the server are the ones listed plus the ones imported (the import answers their ids, in order), so the
project is not listed a second time. Pushes of one campaign run one at a time (a lock in ``DIR/studio/``), so no
other push of this machine can import the same keys meanwhile. Tasks whose pairs are gone are archived
(``archived: true`` in their data and meta), never deleted, and reported.
"""

from __future__ import annotations

import fcntl
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import polars as pl

from stancekit.builder.copies import SCHEMA as COPIES_SCHEMA
from stancekit.builder.copies import campaign_copies
from stancekit.campaign import Campaign
from stancekit.config import Config, load_config
from stancekit.errors import ConfigError, StudioAuthError, StudioError
from stancekit.ids import task_key
from stancekit.io import read_table, scan_table, table_exists, write_table
from stancekit.labeling import projects
from stancekit.labeling.client import Studio
from stancekit.labeling.config_xml import default_guideline
from stancekit.labeling.tasks import Claim, encode_task, is_archived, join_context, prediction, task_key_of
from stancekit.pipeline import push_pending
from stancekit.pipeline.sampling import MODEL_STRATEGIES, check_options, select_pairs
from stancekit.progress import bar, note
from stancekit.schemas import TASKS, LabelScheme, conform

ROLE = "main"


def scheme_of(cfg: Config) -> LabelScheme:
    return LabelScheme(labels=tuple(cfg.get("labels", "names")), version=int(cfg.get("labels", "version")))


def load_claims(campaign: Campaign, cfg: Config) -> dict[str, Claim]:
    from stancekit.builder.claims import load_registry

    registry = load_registry(campaign.root / str(cfg.get("claims", "file")))
    return {c.claim_id: Claim(c.claim_id, dict(c.text), c.notes or "") for c in registry}


def require_claims(frame: pl.DataFrame, claims: dict[str, Claim], *, subject: str, fix: str) -> None:
    """Stop when ``frame`` names claims the registry lacks: "``subject`` claim(s) not in the claims registry: ...;
    ``fix``"."""
    unknown = sorted(set(frame["claim_id"].to_list()) - set(claims))
    if unknown:
        raise StudioError(f"{subject} claim(s) not in the claims registry: {', '.join(unknown[:5])}; {fix}")


def guideline(campaign: Campaign, cfg: Config, scheme: LabelScheme) -> str:
    name = str(cfg.get("labels", "guideline") or "")
    if not name:
        return default_guideline(scheme)
    path = (campaign.root / name).expanduser()
    if not path.is_file():
        raise ConfigError(f"[labels] guideline = {name!r}: {path} does not exist; fix the path or leave it empty")
    return path.read_text(encoding="utf-8")


def connect(campaign: Campaign, cfg: Config | None = None) -> Studio:
    cfg = cfg or load_config(campaign.root)
    studio = Studio.connect(campaign.studio, str(cfg.get("studio", "url") or ""))
    studio.check()
    return studio


def project_spec(campaign: Campaign, cfg: Config, scheme: LabelScheme, role: str = ROLE) -> projects.ProjectSpec:
    name = str(cfg.get("campaign", "name"))
    title = str(cfg.get("studio", "project_title") or f"stancekit: {name}")
    if role != ROLE:
        title = f"{title} ({role})"
    return projects.ProjectSpec(role, title[:projects.TITLE_MAX], projects.marker(campaign.studio, role), scheme,
                                guideline(campaign, cfg, scheme), int(cfg.get("studio", "overlap")))


# ---- the server's view ------------------------------------------------------------------------------------------


LISTED = ("id", "data", "meta", "total_annotations", "cancelled_annotations", "is_labeled")
"""The task fields push reads (key, pair, archived, whether a copy has work): the listing asks for these only."""
LIST_PAGE_SIZE = 1000


def list_keys(studio: Studio, project_id: int) -> dict[str, list[dict[str, Any]]]:
    """task_key -> the project's tasks with that key (normally one), from one listing of the project."""
    out: dict[str, list[dict[str, Any]]] = {}
    for page in studio.task_pages(project_id, fields="task_only", task_keys=LISTED, page_size=LIST_PAGE_SIZE):
        for t in page:
            key = task_key_of(t)
            if key is not None:
                out.setdefault(key, []).append(t)
    return out


def _has_work(task: dict[str, Any]) -> bool:
    return bool(task.get("total_annotations") or task.get("cancelled_annotations") or task.get("is_labeled"))


def dedupe(studio: Studio, found: dict[str, list[dict[str, Any]]]) -> int:
    """Delete extra copies of a key (keeping the oldest, and every copy that has annotations); returns deletions."""
    deleted = 0
    for key, copies in found.items():
        if len(copies) < 2:
            continue
        copies.sort(key=lambda t: int(t["id"]))
        keep = [t for t in copies if _has_work(t)] or copies[:1]
        for t in copies:
            if t not in keep:
                studio.delete_task(int(t["id"]))
                deleted += 1
        found[key] = keep
    return deleted


def _import(studio: Studio, project_id: int, batch: list[dict[str, Any]]) -> list[dict[str, Any]] | None:
    """Import one batch; after a failure, re-list and import only what did not land (once).

    Returns the imported tasks as the server holds them (``id`` added) when the import answered one id per task,
    else None: then only a new listing tells what is on the server.
    """
    try:
        ids = studio.import_tasks(project_id, batch)
    except StudioAuthError:
        raise
    except StudioError as first:
        landed = list_keys(studio, project_id)
        dedupe(studio, landed)
        rest = [t for t in batch if t["data"]["task_key"] not in landed]
        if not rest:
            return None
        note(f"import failed ({first}); retrying {len(rest)} task(s) that did not land")
        studio.import_tasks(project_id, rest)
        return None
    if len(ids) != len(batch):
        return None  # e.g. a server importing in the background answers no ids
    return [{**t, "id": i, "total_annotations": 0, "cancelled_annotations": 0, "is_labeled": False}
            for t, i in zip(batch, ids, strict=True)]


def _with_imported(found: dict[str, list[dict[str, Any]]],
                   imported: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """The project's tasks after the imports: those listed before plus those imported (keyed alike)."""
    after = {k: list(v) for k, v in found.items()}
    for t in imported:
        after.setdefault(task_key_of(t) or "", []).append(t)
    after.pop("", None)
    return after


@contextmanager
def push_lock(studio_dir: Path) -> Iterator[None]:
    """One push of a campaign at a time on this machine; another one waits for it."""
    studio_dir.mkdir(parents=True, exist_ok=True)
    with open(studio_dir / "push.lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _set_archived(studio: Studio, task: dict[str, Any], value: bool) -> None:
    """Set ``archived`` in the task's data and meta on the server, and in ``task`` too (both: ``is_archived`` reads
    either, so a listed task with only its data updated would still read as archived in tables/tasks.parquet)."""
    data = {**(task.get("data") or {}), "archived": value}
    meta = {**(task.get("meta") or {}), "archived": value}
    studio.update_task(int(task["id"]), data=data, meta=meta)
    task["data"], task["meta"] = data, meta


# ---- local tables -----------------------------------------------------------------------------------------------


_CONTEXT_COLUMNS = ["unit_id", "doc_id", "text", "prev_unit_id", "next_unit_id", "speaker", "segmenter"]


def documents_of(campaign: Campaign, doc_ids: pl.Series, columns: list[str]) -> pl.DataFrame:
    """The ``columns`` of the documents named in ``doc_ids`` (a filtered scan: not the whole corpus in memory)."""
    wanted = pl.LazyFrame({"doc_id": doc_ids.drop_nulls().unique()})
    return scan_table(campaign.table("documents")).join(wanted, on="doc_id", how="semi").select(columns).collect()


def pair_context(campaign: Campaign, pairs: pl.DataFrame, scheme: LabelScheme) -> pl.DataFrame:
    """``pairs`` with what their tasks show (``join_context``), the versions that produced them and their task_key.

    Reads only the units these pairs point to, their neighbours (the context shown) and their documents, through
    filtered scans: memory follows the number of pairs, not the size of the corpus.
    """
    units_lf = scan_table(campaign.table("units")).select(_CONTEXT_COLUMNS)
    own = units_lf.join(pairs.select("unit_id").unique().lazy(), on="unit_id", how="semi").collect()
    around = pl.LazyFrame({"unit_id": pl.concat([own["prev_unit_id"], own["next_unit_id"]]).drop_nulls().unique()})
    units = pl.concat([own, units_lf.join(around, on="unit_id", how="semi").collect()]).unique("unit_id")
    frame = join_context(pairs, units, documents_of(campaign, own["doc_id"], ["doc_id", "title", "lang"]))
    frame = frame.join(units.select("unit_id", "segmenter"), on="unit_id", how="left").rename({"method": "matcher"})
    return frame.with_columns(
        pl.col("pair_id").map_elements(lambda p: task_key(p, scheme.id), return_dtype=pl.Utf8).alias("task_key"))


def candidates(campaign: Campaign, scheme: LabelScheme) -> pl.DataFrame:
    """Every current pair with what its task shows, its task_key and the versions that produced it."""
    frame = pair_context(campaign, read_table(campaign.table("pairs")), scheme)
    missing = frame.filter(pl.col("unit").is_null())
    if missing.height:
        raise StudioError(f"{missing.height} pair(s) in tables/pairs.parquet point to units that are not in "
                          f"tables/units.parquet (first: {missing['pair_id'][0]}); re-run `stancekit match`")
    return frame


def task_rows(found: dict[str, list[dict[str, Any]]], cands: pl.DataFrame, project_id: int, scheme: LabelScheme,
              old: pl.DataFrame, now: datetime, *, role: str = ROLE, extra: tuple[str, ...] = ()) -> pl.DataFrame:
    """One TASKS row per task of ``role`` on the server (``found``: task_key -> tasks as listed), with what the
    candidates (``cands``) and the previous table (``old``) know; ``extra`` data fields become columns too."""
    info = {r["task_key"]: r for r in cands.select("task_key", "pair_id", "segmenter", "matcher").iter_rows(named=True)}
    prev = {r["task_key"]: r for r in old.filter(pl.col("project_role") == role).iter_rows(named=True)}
    rows = []
    for key, copies in sorted(found.items()):
        for t in copies:
            data, p, i = t.get("data") or {}, prev.get(key, {}), info.get(key, {})
            rows.append({
                "pair_id": data.get("pair_id") or i.get("pair_id") or p.get("pair_id"),
                "task_key": key, "project_id": project_id, "ls_task_id": int(t["id"]), "project_role": role,
                "pushed_at": p.get("pushed_at") or now,
                "segmenter": i.get("segmenter") or p.get("segmenter"),
                "matcher": i.get("matcher") or p.get("matcher"),
                "label_scheme": data.get("label_scheme") or p.get("label_scheme") or scheme.id,
                **{f: data.get(f) or p.get(f) for f in extra},
                "archived": is_archived(t),
            })
    return pl.DataFrame(rows, schema={**TASKS.polars_schema(), **dict.fromkeys(extra, pl.Utf8),
                                      "archived": pl.Boolean})


def _tasks_table(found: dict[str, list[dict[str, Any]]], cands: pl.DataFrame, project_id: int,
                 scheme: LabelScheme, old: pl.DataFrame, now: datetime) -> pl.DataFrame:
    df = task_rows(found, cands, project_id, scheme, old, now)
    others = old.filter(pl.col("project_role") != ROLE) if old.height else old
    if others.height:
        df = pl.concat([df, others], how="diagonal_relaxed")
    return conform(df, TASKS)


def _model_columns(campaign: Campaign, new: pl.DataFrame, claims: dict[str, Claim], scheme: LabelScheme,
                   needed: bool) -> tuple[pl.DataFrame, str | None]:
    """The baseline model's predictions for the candidates, when the strategy or --predictions needs them."""
    if not needed:
        return new, None
    from stancekit.pipeline.predict import add_predictions, with_outlet

    new, version = add_predictions(campaign, new, claims, scheme)
    return with_outlet(new, documents_of(campaign, new["doc_id"], ["doc_id", "outlet"])), version


def _predict_pushed(studio: Studio, campaign: Campaign, cands: pl.DataFrame, found: dict[str, list[dict[str, Any]]],
                    old: pl.DataFrame, claims: dict[str, Claim], scheme: LabelScheme) -> tuple[set[str], str]:
    """Attach predictions to tasks pushed earlier without one from the current model; returns their keys."""
    from stancekit.pipeline.predict import add_predictions

    have: dict[str, str | None] = {}
    if old.height and "prediction_model" in old.columns:
        have = dict(old.filter(pl.col("project_role") == ROLE).select("task_key", "prediction_model").iter_rows())
    _, version = add_predictions(campaign, cands.head(0), claims, scheme)
    todo = cands.filter(pl.col("task_key").is_in([k for k in found if have.get(k) != version]))
    todo, version = add_predictions(campaign, todo, claims, scheme)
    done: set[str] = set()
    with bar("predictions", total=todo.height, unit="tasks") as b:
        for key, label, conf in todo.select("task_key", "pred_label", "pred_confidence").iter_rows():
            for t in found.get(key, []):
                studio.create_prediction(int(t["id"]), prediction(label, conf, version))
            done.add(key)
            b.advance()
    return done, version


def run_push(campaign: Campaign, *, sample: int | None = None, strategy: str | None = None,
             per_claim: int | None = None, batch_size: int | None = None,
             predictions: bool = False) -> dict[str, Any]:
    """Push the campaign's pairs to its Label Studio project; returns a summary.

    ``predictions``: attach the baseline model's label and score to each task as a Label Studio prediction (a
    suggestion annotators start from; predictions never vote in merge). ``strategy`` uncertainty/diversity order the
    candidates by the same model. The strategy and the model version are recorded per task in tables/tasks.parquet.
    Every option (and the baseline model they may need) is checked before Label Studio is contacted. A push with a
    sample or a per-claim cap records its choice first (``push_pending``), so a re-run after a crash finishes it.
    """
    cfg = load_config(campaign.root)
    scheme = scheme_of(cfg)
    strategy = strategy or str(cfg.get("push", "strategy"))
    sample = int(cfg.get("push", "sample")) if sample is None else sample
    per_claim = int(cfg.get("push", "per_claim")) if per_claim is None else per_claim
    batch_size = batch_size or int(cfg.get("push", "batch_size"))
    check_options(strategy=strategy, sample=sample, per_claim=per_claim)
    if batch_size < 1:
        raise ConfigError(f"push batch size must be at least 1, got {batch_size}")
    claims = load_claims(campaign, cfg)
    cands = candidates(campaign, scheme)
    require_claims(cands, claims, subject="tables/pairs.parquet names",
                   fix="re-run `stancekit match` after editing claims.yaml")
    if predictions or strategy in MODEL_STRATEGIES:
        from stancekit.pipeline.predict import add_predictions

        add_predictions(campaign, cands.head(0), claims, scheme)  # the model exists and predicts these labels

    studio = connect(campaign, cfg)
    with push_lock(campaign.studio):
        return _push(studio, campaign, cfg, scheme, cands, claims, sample=sample, strategy=strategy,
                     per_claim=per_claim, batch_size=batch_size, predictions=predictions)


def _choose(campaign: Campaign, cands: pl.DataFrame, found: dict[str, list[dict[str, Any]]],
            claims: dict[str, Claim], scheme: LabelScheme, options: push_pending.Options,
            predictions: bool, skip: pl.Series) -> tuple[pl.DataFrame, pl.DataFrame, str | None, push_pending.Plan]:
    """(the run's selection, the part of it to import, model version, plan): the pending selection when this run
    finishes one, else a fresh choice among the pairs not on the server and not in ``skip`` (copies of other pairs),
    recorded first when it is limited."""
    plan = push_pending.plan(push_pending.load(campaign.studio), options, set(cands["task_key"].to_list()), set(found))
    if plan.resume is not None:
        order = pl.DataFrame({"task_key": list(plan.keys)}, schema={"task_key": pl.Utf8}).with_row_index("__o")
        chosen = cands.join(order, on="task_key").sort("__o").drop("__o")
        todo = chosen.filter(~pl.col("task_key").is_in(list(found)))
        todo, version = _model_columns(campaign, todo, claims, scheme, predictions)
        return chosen, todo, version, plan
    new = cands.filter(~pl.col("task_key").is_in(list(found)) & ~pl.col("pair_id").is_in(skip.implode()))
    new, version = _model_columns(campaign, new, claims, scheme, predictions or options.strategy in MODEL_STRATEGIES)
    chosen = select_pairs(new, sample=options.sample, strategy=options.strategy, per_claim=options.per_claim,
                          seed=options.seed)
    if options.limited and chosen.height:
        push_pending.save(campaign.studio, options, chosen["task_key"].to_list())
    elif plan.stale is not None:
        push_pending.clear(campaign.studio)
    return chosen, chosen, version, plan


def _push(studio: Studio, campaign: Campaign, cfg: Config, scheme: LabelScheme, cands: pl.DataFrame,
          claims: dict[str, Claim], *, sample: int, strategy: str, per_claim: int, batch_size: int,
          predictions: bool) -> dict[str, Any]:
    """run_push's work on the server, under the campaign's push lock."""
    project, created = projects.ensure(studio, campaign.studio, project_spec(campaign, cfg, scheme))
    pid = int(project["id"])
    found = list_keys(studio, pid)
    removed = dedupe(studio, found)

    options = push_pending.Options(sample, per_claim, strategy, int(cfg.get("push", "seed")), scheme.id, pid)
    copied = (campaign_copies(campaign, cands) if cfg.get("push", "duplicates") == "copy"
              else pl.DataFrame(schema=COPIES_SCHEMA))
    skip = copied["pair_id"]
    chosen, todo, version, plan = _choose(campaign, cands, found, claims, scheme, options, predictions, skip)
    if plan.resume is not None:
        note(f"resuming an interrupted push ({plan.resume.options.describe()}): {todo.height} of its "
             f"{len(plan.resume.keys)} chosen task(s) still to import")
    elif plan.stale is not None:
        note(push_pending.message(None, plan.stale))
    tasks = []
    for r in todo.iter_rows(named=True):
        task = encode_task(r, claims[r["claim_id"]], task_key=r["task_key"], label_scheme=scheme.id)
        task["data"]["strategy"] = strategy
        if predictions and version:
            task["predictions"] = [prediction(r["pred_label"], r["pred_confidence"], version)]
        tasks.append(task)
    path = campaign.table("tasks")
    old = read_table(path) if table_exists(path) else TASKS.empty()
    predicted_before: set[str] = set()
    if predictions:
        predicted_before, version = _predict_pushed(studio, campaign, cands, found, old, claims, scheme)
    imported: list[dict[str, Any]] | None = []
    with bar("push", total=len(tasks), unit="tasks") as b:
        for start in range(0, len(tasks), batch_size):
            batch = tasks[start:start + batch_size]
            landed = _import(studio, pid, batch)
            if landed is None:
                imported = None
            elif imported is not None:
                imported.extend(landed)
            b.advance(len(batch))

    wanted = set(cands["task_key"].to_list())
    if imported is None:  # a batch failed (and may have landed) or answered no ids: ask the server
        after = list_keys(studio, pid)
        removed += dedupe(studio, after)
    else:
        after = _with_imported(found, imported)
    archived, unarchived = [], []
    for key, copies in after.items():
        for t in copies:
            if key not in wanted and not is_archived(t):
                _set_archived(studio, t, True)
                archived.append((t.get("data") or {}).get("pair_id") or key)
            elif key in wanted and is_archived(t):
                _set_archived(studio, t, False)
                unarchived.append((t.get("data") or {}).get("pair_id") or key)

    table = _tasks_table(after, cands, pid, scheme, old, datetime.now(UTC))
    chosen_keys = set(chosen["task_key"].to_list())
    table = _record_choice(table, old, chosen_keys, strategy,
                           (set(todo["task_key"].to_list()) | predicted_before) if predictions else set(), version)
    write_table(table, path)
    push_pending.clear(campaign.studio)  # the selection is complete: the next push chooses afresh
    resumed = push_pending.resumed_summary(plan, todo.height)
    return {
        "url": studio.url, "project_id": pid, "project_created": created,
        "pairs": cands.height, "selected": chosen.height, "imported": todo.height,
        "copies_not_pushed": cands.filter(pl.col("pair_id").is_in(skip.implode())
                                          & ~pl.col("task_key").is_in(list(after))).height,
        "already_there": len(wanted & set(found)), "duplicates_removed": removed,
        "archived": len(archived), "archived_pairs": sorted(archived), "unarchived": len(unarchived),
        "unarchived_pairs": sorted(unarchived),
        "tasks_on_server": sum(len(c) for c in after.values()), "tasks_table": str(path),
        "strategy": strategy, "predictions": version if predictions else None,
        "predicted_earlier_tasks": len(predicted_before),
        "resumed_selection": resumed, "dropped_selection": plan.stale,
        "selection_note": push_pending.message(resumed, plan.stale),
    }


def _record_choice(table: pl.DataFrame, old: pl.DataFrame, chosen: set[str], strategy: str,
                   predicted: set[str], version: str | None) -> pl.DataFrame:
    """Per task: how it was chosen (``strategy``) and which model's suggestion it carries (``prediction_model``)."""
    prev: dict[tuple[str, str], tuple[str | None, str | None]] = {}
    for r in old.iter_rows(named=True):  # rows of every role keep their own values (the key is task_key + role)
        prev[(r["task_key"], r["project_role"])] = (r.get("strategy"), r.get("prediction_model"))
    strat, model = [], []
    for key, role in table.select("task_key", "project_role").iter_rows():
        s_old, m_old = prev.get((key, role), (None, None))
        strat.append(strategy if (role == ROLE and key in chosen) else s_old)
        model.append(version if (role == ROLE and key in predicted) else m_old)
    return table.with_columns(pl.Series("strategy", strat, dtype=pl.Utf8),
                              pl.Series("prediction_model", model, dtype=pl.Utf8))


def pushed_tasks(campaign: Campaign, roles: Iterable[str] = (ROLE,)) -> pl.DataFrame:
    """The recorded tasks of ``roles`` that are not archived (empty when nothing was pushed)."""
    path = campaign.table("tasks")
    if not table_exists(path):
        return TASKS.empty()
    df = read_table(path).filter(pl.col("project_role").is_in(list(roles)))
    if "archived" in df.columns:
        df = df.filter(~pl.col("archived").fill_null(False))
    return df
