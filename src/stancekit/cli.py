"""The stancekit command line: thin. Parses options, calls a pipeline runner, prints.

Every user error is a :class:`~stancekit.errors.StancekitError`: printed as one line, exit status 2, no traceback.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from stancekit import __version__
from stancekit.errors import StancekitError
from stancekit.progress import console, set_quiet

os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")

app = typer.Typer(
    name="stancekit",
    help="Build stance-labelled datasets from the news, with people labelling in Label Studio.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode=None,  # help texts name [section] options: plain text, not rich markup
)
claims_app = typer.Typer(help="The claims registry: list, suggest new claims, add them.", no_args_is_help=True,
                         rich_markup_mode=None)
studio_app = typer.Typer(help="The campaign's Label Studio server and annotators.", no_args_is_help=True,
                         rich_markup_mode=None)
app.add_typer(claims_app, name="claims")
app.add_typer(studio_app, name="studio")

CampaignOpt = Annotated[Path, typer.Option("--campaign", "-c", help="The campaign directory.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print a JSON summary on stdout (for scripts).")]


def _campaign(path: Path, *, new: bool = False) -> Any:
    """The campaign at ``path``; unless ``new`` (init, demo), it must exist: a mistyped --campaign or the wrong
    working directory is an error, not a fresh campaign made on the spot."""
    from stancekit.campaign import Campaign
    from stancekit.errors import InputNotFoundError

    c = Campaign.at(path)
    if not new and not c.config_path.is_file():
        where = "this directory" if Path(path) == Path(".") else str(path)
        raise InputNotFoundError(f"{where} is not a stancekit campaign (no {c.config_path.name} in {c.root}): "
                                 f"run `stancekit init {path}` first, or pass --campaign DIR")
    return c


def emit(summary: dict[str, Any], as_json: bool, human: str | None = None) -> None:
    """Print a stage summary: JSON on stdout for scripts, else a human line on stderr (plain text: summaries name
    [section] options and carry paths and ids, which rich markup would swallow)."""
    if as_json:
        sys.stdout.write(json.dumps(summary, ensure_ascii=False, default=str, indent=2) + "\n")
    elif human is not None:
        console.print(human, markup=False)


@app.callback()
def _root(
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars or notes.")] = False,
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    if version:
        print(__version__)
        raise typer.Exit(0)
    set_quiet(quiet)


@app.command()
def init(
    directory: Annotated[Path, typer.Argument(help="The campaign directory to create (default: here).")] = Path("."),
    name: Annotated[str | None, typer.Option(help="Campaign name (default: the directory's name).")] = None,
    force: Annotated[bool, typer.Option(help="Overwrite an existing stancekit.toml / claims.yaml.")] = False,
) -> None:
    """Create a campaign directory: stancekit.toml (every option, commented), claims.yaml, tables/, ..."""
    from stancekit.pipeline.init import init_campaign

    written = init_campaign(_campaign(directory, new=True), name=name, force=force)
    for p in written:
        console.print(f"wrote {p}")
    console.print(f"campaign ready in {directory}; next: stancekit ingest --campaign {directory} FILES...")


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, globs or saved HF datasets.")],
    campaign: CampaignOpt = Path("."),
    text_column: Annotated[str | None, typer.Option(help="Column holding the article text.")] = None,
    id_column: Annotated[str | None, typer.Option(help="Column holding a stable document id.")] = None,
    title_column: Annotated[str | None, typer.Option()] = None,
    date_column: Annotated[str | None, typer.Option()] = None,
    url_column: Annotated[str | None, typer.Option()] = None,
    outlet_column: Annotated[str | None, typer.Option()] = None,
    lang_column: Annotated[str | None, typer.Option()] = None,
    license_column: Annotated[str | None, typer.Option()] = None,
    license: Annotated[str | None, typer.Option(help="License of the whole source (e.g. cc-by-4.0).")] = None,
    lang: Annotated[
        str | None, typer.Option(help="Language of the whole source (ISO 639-1), instead of detection.")
    ] = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet of the whole source.")] = None,
    encoding: Annotated[str | None, typer.Option(help="utf-8, utf-16 or windows-1256 (default: detected).")] = None,
    date_format: Annotated[
        str | None, typer.Option(help="strptime format of numeric dates, e.g. %d/%m/%Y (default: ISO and unambiguous).")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Append articles to tables/documents.parquet (txt, jsonl/json, csv/tsv, parquet, a saved HF dataset)."""
    from stancekit.pipeline.ingest import IngestOptions, run_ingest, summary_text

    opts = IngestOptions(
        text_column=text_column,
        id_column=id_column,
        title_column=title_column,
        date_column=date_column,
        url_column=url_column,
        outlet_column=outlet_column,
        lang_column=lang_column,
        license_column=license_column,
        license=license,
        lang=lang,
        outlet=outlet,
        encoding=encoding,
        date_format=date_format,
    )
    camp = _campaign(campaign)
    summary = run_ingest(camp, paths, opts)
    emit(summary, as_json, summary_text(summary, camp))


EngineOpt = Annotated[str | None, typer.Option(
    "--engine", help="local (a process pool here) or ray (Ray Data; pip install 'stancekit[ray]'); "
    "default: [engine] name.")]
RayAddressOpt = Annotated[str | None, typer.Option(
    "--ray-address", help="With --engine ray: the cluster (e.g. auto or ray://HOST:10001); "
    "default: [engine] ray_address, else a local Ray on 127.0.0.1.")]


@app.command()
def segment(
    campaign: CampaignOpt = Path("."),
    force: Annotated[bool, typer.Option(
        "--force", help="Accept changes to units already pushed to Label Studio (their tasks get archived).")] = False,
    workers: Annotated[int | None, typer.Option(help="Worker processes (default: [segment] workers).")] = None,
    engine: EngineOpt = None,
    ray_address: RayAddressOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Cut documents into units (titles, headings, sentences, boilerplate): tables/units.parquet."""
    if engine != "ray" and workers != 1:  # (the local pool's workers: forked with the segmenter imported)
        from stancekit.workers import SEGMENT_PRELOAD, warm

        warm(SEGMENT_PRELOAD)  # (already running when the console script started it: see stancekit.entry)
    from stancekit.pipeline.segment import run_segment

    summary = run_segment(_campaign(campaign), force=force, workers=workers, engine=engine, ray_address=ray_address)
    emit(summary, as_json, f"segment: {summary['units']} unit(s) ({summary['content_units']} content, "
                           f"{summary['claim_units']} claim) from {summary.get('documents', '?')} document(s); "
                           f"wrote {summary['units_path']}")


@app.command()
def merge(
    campaign: CampaignOpt = Path("."),
    method: Annotated[
        str | None, typer.Option(help="majority_vote or dawid_skene (default: merge.method in stancekit.toml).")
    ] = None,
    votes: Annotated[Path | None, typer.Option(help="External votes (CSV/JSONL/Parquet), one vote per row.")] = None,
    item_column: Annotated[str | None, typer.Option(help="With --votes: the item column.")] = None,
    annotator_column: Annotated[str | None, typer.Option(help="With --votes: the annotator column.")] = None,
    label_column: Annotated[str | None, typer.Option(help="With --votes: the label column.")] = None,
    labels: Annotated[str | None, typer.Option(help="With --votes: the labels in order, comma-separated.")] = None,
    out: Annotated[Path | None, typer.Option(help="With --votes: the output directory.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Merge annotations into labels + reports/agreement.json (or --votes FILE ... --out DIR for external votes)."""
    from stancekit.errors import ConfigError
    from stancekit.pipeline.merge import merge_votes, run_merge

    if votes is None:
        summary = run_merge(_campaign(campaign), method=method, show=not as_json)
    else:
        need = {"--item-column": item_column, "--annotator-column": annotator_column,
                "--label-column": label_column, "--out": out}
        missing = [k for k, v in need.items() if not v]
        if missing:
            raise ConfigError(f"merge --votes needs {', '.join(missing)}")
        summary = merge_votes(
            votes, item_column=str(item_column), annotator_column=str(annotator_column),
            label_column=str(label_column), labels=[s.strip() for s in labels.split(",")] if labels else None,
            out_dir=Path(str(out)), method=method or "majority_vote", show=not as_json,
        )
    emit({"labels": str(summary.labels_path), "agreement": str(summary.agreement_path),
          "rejects": str(summary.rejects_path) if summary.rejects_path else None, "labelled": summary.n_labelled,
          "rejected": summary.n_rejected, "overall": summary.report["overall"]}, as_json,
         f"merge: {summary.n_labelled} labelled, {summary.n_rejected} rejected; wrote {summary.labels_path} and "
         f"{summary.agreement_path}")


@app.command()
def adjudicate(campaign: CampaignOpt = Path("."), as_json: JsonOpt = False) -> None:
    """Send ties and low-agreement items of the last merge to a separate Label Studio project showing every vote."""
    from stancekit.pipeline.adjudicate import run_adjudicate

    s = run_adjudicate(_campaign(campaign))
    if s["project_id"] is None:
        emit(s, as_json, "adjudicate: nothing to adjudicate (no ties or low-agreement items in the last merge)")
        return
    emit(s, as_json, f"adjudicate: {s['imported']} task(s) imported ({s['imported_ties']} tie(s), "
                     f"{s['imported_low_agreement']} low agreement), {s['already_there']} already there; "
                     f"{s['tasks_on_server']} task(s) in project {s['project_id']}: {s['project_url']}\n"
                     "answers count after `stancekit pull` and `stancekit merge`")


@studio_app.command("install")
def studio_install(
    python: Annotated[str | None, typer.Option(help="Check this Python's install instead of the shared one.")] = None,
) -> None:
    """Install the Label Studio server into its own shared virtual environment (first use only; idempotent)."""
    from stancekit.pipeline.studio import install

    py = install(python, say=console.print)
    console.print(f"Label Studio server: {py}")


@studio_app.command("up")
def studio_up(
    campaign: CampaignOpt = Path("."),
    python: Annotated[str | None, typer.Option(help="A Python that has label-studio installed.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Start the campaign's Label Studio (data in DIR/studio/, 127.0.0.1, signup closed); print URL and login."""
    from stancekit.pipeline.studio import up

    s = up(_campaign(campaign), python=python)
    emit(s, as_json, f"Label Studio is running at {s['url']} (pid {s['pid']}); log in as {s['login']}, "
                     f"password in {s['password_file']}")


@studio_app.command("down")
def studio_down(campaign: CampaignOpt = Path("."), as_json: JsonOpt = False) -> None:
    """Stop the campaign's Label Studio."""
    from stancekit.pipeline.studio import down

    s = down(_campaign(campaign))
    emit(s, as_json, "Label Studio stopped" if s["stopped"] else "Label Studio was not running")


@studio_app.command("status")
def studio_status(campaign: CampaignOpt = Path("."), as_json: JsonOpt = False) -> None:
    """The server's URL, whether it answers, and the campaign's projects with their task counts."""
    from stancekit.pipeline.studio import status as studio_status_

    s = studio_status_(_campaign(campaign))
    projects = ", ".join(f"{r}: project {p['id']}, {p.get('tasks', '?')} tasks" for r, p in s["projects"].items())
    emit(s, as_json, f"Label Studio {s['url'] or '(none)'}: {'running' if s['running'] else 'not running'}"
                     + (f"; {projects}" if projects else "") + (f" ({s['error']})" if s.get("error") else ""))


@studio_app.command("simulate")
def studio_simulate(
    campaign: CampaignOpt = Path("."),
    annotators: Annotated[int, typer.Option(help="How many simulated annotators (sim-<i>@stancekit.invalid).")] = 3,
    answers: Annotated[Path | None, typer.Option(
        help="Known answers: CSV/JSONL/Parquet rows of doc_id or unit_id, claim_id, label.")] = None,
    label_map: Annotated[str | None, typer.Option(
        help="Map the answers' labels onto the scheme: a=agree,b=...")] = None,
    seed: Annotated[int, typer.Option(help="Seed of every draw (same seed, same answers).")] = 13,
    skip_rate: Annotated[float, typer.Option(help="Probability that an annotator skips a task.")] = 0.05,
    accuracy: Annotated[float, typer.Option(help="P(true label) for all but the noisy annotator.")] = 0.85,
    workers: Annotated[int, typer.Option(help="Concurrent requests.")] = 4,
    method: Annotated[str, typer.Option(
        help="post: one request per answer; bulk: answers as predictions converted per annotator (the campaign's "
             "local server only); auto: bulk when possible.")] = "auto",
    as_json: JsonOpt = False,
) -> None:
    """Simulated annotators answer the pushed tasks through the API (for demos and tests; never imports tasks)."""
    from stancekit.pipeline.pull_file import parse_label_map
    from stancekit.pipeline.simulate import run_simulate

    s = run_simulate(_campaign(campaign), annotators=annotators, answers=answers, label_map=parse_label_map(label_map),
                     seed=seed, skip_rate=skip_rate, accuracy=accuracy, workers=workers, method=method)
    emit(s, as_json, f"simulate: {s['answered']} answers and {s['skipped']} skips by {len(s['annotators'])} "
                     f"annotators on {s['tasks']} tasks in {s['seconds']} s ({s['already_answered']} already there, "
                     f"{s['failed']} failed); known answers in {s['known_answers']}")


annotators_app = typer.Typer(help="People who label: add, list, remove.", no_args_is_help=True)
studio_app.add_typer(annotators_app, name="annotators")


@annotators_app.command("add")
def annotators_add(
    emails: Annotated[list[str], typer.Argument(help="E-mail addresses.")],
    campaign: CampaignOpt = Path("."),
    invite: Annotated[bool, typer.Option(help="Print the invite link instead of making accounts.")] = False,
    reset_password: Annotated[bool, typer.Option(
        "--reset-password", help="Give people who already have an account a new password (the old one stops working).")
    ] = False,
) -> None:
    """Let people in: an account with a generated password (shown once) on the local server, else an invite link.

    Someone who already has an account keeps their password unless --reset-password is given."""
    from stancekit.pipeline.studio import annotators_add as add_

    s = add_(_campaign(campaign), emails, invite=invite, reset_password=reset_password)
    for a in s["added"]:
        if a["password"]:
            print(f"{a['email']}\t{a['pseudonym']}\tpassword: {a['password']}")
        else:
            print(f"{a['email']}\t{a['pseudonym']}\t{a['status']}; password kept (--reset-password for a new one)")
    if any(a["password"] for a in s["added"]):
        console.print("Passwords are shown once; each person can change theirs on the Account page.")
    if s["invite_link"]:
        print(f"invite link (send it to {', '.join(emails)}): {s['invite_link']}")


@annotators_app.command("list")
def annotators_list(campaign: CampaignOpt = Path("."), as_json: JsonOpt = False) -> None:
    """Pseudonyms and e-mails of the organization's members (terminal only; never written to a file)."""
    from stancekit.pipeline.studio import annotators_list as list_

    rows = list_(_campaign(campaign))
    if as_json:
        emit({"annotators": rows}, True)
        return
    for r in rows:
        print(f"{r['pseudonym']}\t{r['email']}")
    if not rows:
        console.print("no annotators yet: stancekit studio annotators add EMAIL...")


@annotators_app.command("remove")
def annotators_remove(
    who: Annotated[list[str], typer.Argument(help="E-mail addresses or pseudonyms.")],
    campaign: CampaignOpt = Path("."),
) -> None:
    """Take people out of the organization (their annotations stay)."""
    from stancekit.pipeline.studio import annotators_remove as remove_

    for r in remove_(_campaign(campaign), who):
        console.print(f"removed {r['email']} ({r['pseudonym']})")


@app.command()
def push(
    campaign: CampaignOpt = Path("."),
    sample: Annotated[int | None, typer.Option(help="Push at most N new pairs (0: all).")] = None,
    strategy: Annotated[str | None, typer.Option(
        help="score, random, stratified; uncertainty or diversity (with a baseline model).")] = None,
    per_claim: Annotated[int | None, typer.Option(help="At most Q new pairs per claim.")] = None,
    predictions: Annotated[bool, typer.Option(
        "--predictions", help="Attach the baseline model's label and score to each task as a pre-annotation.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Send pairs to Label Studio as tasks (idempotent: only missing tasks are imported); write tables/tasks.

    A push with --sample or --per-claim records its choice first: re-run with the same options after a crash and it
    finishes that choice instead of choosing again."""
    from stancekit.pipeline.push import run_push

    s = run_push(_campaign(campaign), sample=sample, strategy=strategy, per_claim=per_claim, predictions=predictions)
    emit(s, as_json, f"push: {s['imported']} task(s) imported, {s['already_there']} already there, "
                     f"{s['archived']} archived, {s['unarchived']} un-archived (their pairs are back), "
                     f"{s['duplicates_removed']} duplicate(s) removed; "
                     f"{s['tasks_on_server']} task(s) in project {s['project_id']} at {s['url']}"
                     + (f"\n{s['copies_not_pushed']} pair(s) in exact duplicate documents not pushed: merge gives "
                        "them the label of the same sentence in the original ([push] duplicates = copy)"
                        if s["copies_not_pushed"] else "")
                     + (f"\n{s['selection_note']}" if s["selection_note"] else ""))


@app.command()
def pull(
    campaign: CampaignOpt = Path("."),
    from_file: Annotated[Path | None, typer.Option(
        "--from-file", help="Read a Label Studio JSON export made elsewhere instead of the server.")] = None,
    label_map: Annotated[str | None, typer.Option(
        help="With --from-file: rename raw choices onto the scheme, e.g. Positive=agree,Negative=disagree.")] = None,
    from_name: Annotated[str | None, typer.Option(
        help="With --from-file: the Choices control holding the stance (default: stance, else the first).")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Bring every annotation back into tables/annotations.parquet (raw snapshot in raw/, rejects in rejects/)."""
    if from_file is None:
        from stancekit.pipeline.pull import run_pull

        summary = run_pull(_campaign(campaign))
        emit(summary, as_json, f"pull: {summary['annotations']} annotation(s) on {summary['tasks']} task(s) "
                               f"({summary['added']} new, {summary['removed']} removed (gone from the server), "
                               f"{summary['skipped']} skipped, {summary['rejected']} rejected) by "
                               f"{summary['annotators']} annotator(s); snapshot {summary['snapshot']}")
        return
    from stancekit.pipeline.pull_file import parse_label_map, run_pull_from_file

    summary = run_pull_from_file(_campaign(campaign), from_file, label_map=parse_label_map(label_map),
                                 from_name=from_name)
    reasons = "; ".join(f"{n} x {r}" for r, n in summary["reject_reasons"])
    emit(summary, as_json, f"pull: {summary['annotations_in_file']} annotation(s) in {from_file.name}: "
                           f"{summary['read']} read ({summary['added']} new), {summary['rejected']} rejected"
                           + (f" ({reasons})" if reasons else "")
                           + f"; {summary['total']} in tables/annotations.parquet")


@app.command()
def split(
    campaign: CampaignOpt = Path("."),
    reassign: Annotated[bool, typer.Option(help="Forget earlier split assignments (moves pairs between splits).")]
    = False,
    as_json: JsonOpt = False,
) -> None:
    """Split labelled pairs into train/validation/test by group, without leakage; stable as labels arrive."""
    from stancekit.pipeline.split import run_split

    r = run_split(_campaign(campaign), reassign=reassign)
    emit({"pairs": r.pairs, "groups": r.groups, "splits": r.counts, "moved": r.moved, "ok": r.audit["ok"],
          "audit": "reports/split_audit.json"}, as_json,
         f"split: {r.pairs} pairs in {r.groups} groups -> " + ", ".join(f"{k} {v}" for k, v in r.counts.items())
         + f"; {r.moved} moved; audit in reports/split_audit.json")


@app.command()
def export(
    out: Annotated[Path | None, typer.Argument(help="Output folder (default: DIR/export/).")] = None,
    campaign: CampaignOpt = Path("."),
    text: Annotated[str | None, typer.Option(help="full, or none: ids, URLs and offsets instead of article text "
                                                   "(default: [export] text).")] = None,
    push_to_hub: Annotated[str | None, typer.Option(help="Upload the folder to this Hub dataset repo (OWNER/NAME).")]
    = None,
    as_json: JsonOpt = False,
) -> None:
    """Write a Hugging Face dataset folder: Parquet shards, README.md dataset card, manifest.json."""
    from stancekit.pipeline.export import run_export

    r = run_export(_campaign(campaign), out, text=text, push_to_hub=push_to_hub)
    emit({"out": str(r.out), "rows": r.rows, "annotations": r.annotations, "claims": r.claims, "files": r.files,
          "pushed_to": r.pushed_to}, as_json,
         f"export: {sum(r.rows.values())} rows (" + ", ".join(f"{k} {v}" for k, v in r.rows.items())
         + f"), {r.annotations} votes, {r.claims} claim texts -> {r.out}"
         + (f"; pushed to {r.pushed_to}" if r.pushed_to else ""))


@app.command("run")
def run_cmd(
    campaign: CampaignOpt = Path("."),
    until: Annotated[str | None, typer.Option(help="Stop after this stage.")] = None,
    force: Annotated[list[str] | None, typer.Option(help="Run this stage even if unchanged (repeatable).")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Run every stage in order (ingest ... report), skipping those whose inputs and config are unchanged."""
    from stancekit.pipeline.run import run

    results = run(_campaign(campaign), until=until, force=tuple(force or ()))
    if as_json:
        emit({"stages": results}, True)
        return
    for r in results:
        extra = f" ({r['seconds']} s)" if r["status"] == "ran" else f" ({r['reason']})"
        console.print(f"{r['stage']:>8}: {r['status']}{extra}")


@app.command()
def demo(
    directory: Annotated[Path, typer.Argument(help="Where the demo campaign goes.")] = Path("demo"),
    annotators: Annotated[int, typer.Option(help="Simulated annotators.")] = 3,
    keep_server: Annotated[bool, typer.Option(help="Leave Label Studio running at the end.")] = True,
) -> None:
    """The whole flow on the bundled sample corpus, with a local Label Studio and simulated annotators."""
    from stancekit.pipeline.demo import run_demo

    run_demo(_campaign(directory, new=True), annotators=annotators, keep_server=keep_server)


@app.command()
def status(campaign: CampaignOpt = Path("."), as_json: JsonOpt = False) -> None:
    """Per stage: rows in and out, rejects by reason; on the server: tasks, labels, skips per annotator; what next."""
    from stancekit.pipeline.status import campaign_status, print_status

    st = campaign_status(_campaign(campaign))
    if as_json:
        emit(st, True)
    else:
        print_status(st)


@app.command()
def report(campaign: CampaignOpt = Path("."), as_json: JsonOpt = False) -> None:
    """Write reports/report.html: a self-contained view of the campaign (opens with no network)."""
    from stancekit.pipeline.report import run_report

    summary = run_report(_campaign(campaign))
    emit(summary, as_json, f"report: {summary['path']}")


@app.command("match")
def match_cmd(
    campaign: CampaignOpt = Path("."),
    claims: Annotated[Path | None, typer.Option(
        "--claims", help="Make FILE (YAML, or CSV claim_id,lang,text[,aliases]) the campaign's claims.yaml.")
    ] = None,
    units: Annotated[str | None, typer.Option(
        help="claims (claim units) or content (every non-boilerplate unit); default: [match] units.")] = None,
    top_k: Annotated[int | None, typer.Option("--top-k", help="At most K claims per unit (default: 5).")] = None,
    min_score: Annotated[float | None, typer.Option("--min-score", help="Drop pairs scoring below S.")] = None,
    workers: Annotated[int | None, typer.Option(help="Worker processes (default: [match] workers).")] = None,
    engine: EngineOpt = None,
    ray_address: RayAddressOpt = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Accept dropping pairs already pushed to Label Studio (their tasks get archived).")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Pair units with the tracked claims they speak to: tables/pairs.parquet."""
    from stancekit.pipeline.match import run_match

    summary = run_match(_campaign(campaign), claims_file=claims, units=units, top_k=top_k, min_score=min_score,
                        workers=workers, engine=engine, ray_address=ray_address, force=force)
    emit(summary, as_json, f"match: {summary['pairs']} pair(s) from {summary['units']} unit(s) and "
                           f"{summary['claims']} claim(s); wrote {summary['pairs_path']}")


@claims_app.command("list")
def claims_list(campaign: CampaignOpt = Path("."), as_json: JsonOpt = False) -> None:
    """Show the campaign's claims registry."""
    from stancekit.pipeline.match import campaign_registry

    registry = campaign_registry(_campaign(campaign))
    rows = [{"claim_id": c.claim_id, "text": c.text, "aliases": {k: list(v) for k, v in c.aliases.items()},
             "keywords": {k: list(v) for k, v in c.keywords.items()},
             "active": {"from": c.active_from, "to": c.active_to}} for c in registry]
    if as_json:
        emit({"registry": str(registry.path), "claims": rows}, True)
        return
    from rich.table import Table

    table = Table(title=f"{len(registry)} claim(s) in {registry.path}")
    for col in ("claim_id", "lang", "text", "aliases", "keywords", "active"):
        table.add_column(col)
    for c in registry:
        for i, (lang, text) in enumerate(c.text.items()):
            table.add_row(c.claim_id if i == 0 else "", lang, text, str(len(c.aliases.get(lang, ()))),
                          ", ".join(c.keywords.get(lang, ())),
                          f"{c.active_from or ''}..{c.active_to or ''}" if i == 0 and (c.active_from or c.active_to)
                          else "")
    console.print(table)


@app.command()
def baseline(
    campaign: CampaignOpt = Path("."),
    dataset: Annotated[
        Path | None, typer.Option(help="An exported dataset folder (default: the campaign's export/).")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Train the baseline stance classifier on the train split, tune on validation, report on test."""
    from stancekit.pipeline.baseline import run_baseline

    r = run_baseline(_campaign(campaign), dataset=dataset)
    t = r["test"]
    emit(r, as_json, f"baseline {r['model']}: macro-F1 {t['macro_f1']:.3f} on {r['evaluated_on']} "
                     f"(majority class {r['majority_class']['macro_f1']:.3f}); reports/baseline.json")


@claims_app.command("suggest")
def claims_suggest(
    campaign: CampaignOpt = Path("."),
    threshold: Annotated[float, typer.Option(help="Cosine (char n-grams) at which two units are one claim.")] = 0.45,
    min_size: Annotated[int, typer.Option("--min-size", help="Smallest cluster proposed as a claim.")] = 2,
    as_json: JsonOpt = False,
) -> None:
    """Cluster claim units that match no tracked claim: reports/claim_suggestions.parquet."""
    from stancekit.pipeline.track import run_suggest

    summary = run_suggest(_campaign(campaign), threshold=threshold, min_size=min_size)
    lines = "".join(f"\n  {s['suggestion_id']}  x{s['size']}  {s['text']}" for s in summary["top"])
    emit(summary, as_json, f"claims suggest: {summary['suggestions']} suggestion(s) from "
                           f"{summary['unmatched_claim_units']} unmatched claim unit(s); wrote {summary['path']}"
                           + lines + ("\nadd one with: stancekit claims add SUGGESTION_ID --id CLAIM_ID"
                                      if summary["top"] else ""))


@claims_app.command("add")
def claims_add(
    suggestion_id: Annotated[str, typer.Argument(help="An id from `stancekit claims suggest`.")],
    campaign: CampaignOpt = Path("."),
    claim_id: Annotated[str | None, typer.Option("--id", help="The new claim's id (default: from its text).")] = None,
    lang: Annotated[str | None, typer.Option(help="Its language, when the suggestion's is unknown.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Promote a suggestion into claims.yaml (the file's comments and order are kept)."""
    from stancekit.pipeline.track import run_add

    summary = run_add(_campaign(campaign), suggestion_id, claim_id=claim_id, lang=lang)
    emit(summary, as_json, f"claims add: {summary['claim_id']} ({summary['lang']}) added to {summary['registry']}; "
                           "run `stancekit match` to pair units with it")


@app.command("track")
def track_cmd(
    campaign: CampaignOpt = Path("."),
    by: Annotated[str, typer.Option(help="Period: day, week or month.")] = "week",
    as_json: JsonOpt = False,
) -> None:
    """Mentions per claim, period, outlet and speaker (+ stance): reports/track/ (Parquet, PNG and HTML per claim)."""
    from stancekit.pipeline.track import run_track

    summary = run_track(_campaign(campaign), by=by)
    emit(summary, as_json, f"track: {summary['mentions']} mention(s) of {summary['claims']} claim(s) by {by}; "
                           f"wrote {summary['path']} and one .png/.html per claim")


def main() -> None:
    try:
        rc = app(standalone_mode=False)
    except StancekitError as exc:
        from rich.markup import escape

        console.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False, soft_wrap=True)
        sys.exit(exc.exit_code)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        console.print("aborted")
        sys.exit(130)
    except KeyboardInterrupt:
        console.print("interrupted")
        sys.exit(130)
    except Exception as exc:
        # usage errors (unknown option, bad value): typer vendors its own click, so match by shape, not class
        show = getattr(exc, "show", None)
        if callable(show) and hasattr(exc, "exit_code"):
            show()
            sys.exit(2)
        raise
    # without standalone mode, click returns an Exit's code instead of raising it (typer turns Ctrl-C into Exit(130))
    if isinstance(rc, int) and not isinstance(rc, bool) and rc != 0:
        if rc == 130:
            console.print("interrupted")
        sys.exit(rc)


if __name__ == "__main__":
    main()
