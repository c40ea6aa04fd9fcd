"""The task codec: a pair with its unit, context and claim -> a Label Studio task (``data`` + ``meta``).

Every task carries ``task_key`` and ``pair_id`` in both ``data`` and ``meta`` (the key is how push recognises a task
on the server, whatever local state says), and the reading fields of its direction (see ``config_xml``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import polars as pl

from stancekit.labeling.config_xml import DIRECTIONS, READING_FIELDS, data_key, direction

MARKER = "stancekit"
_PREFIXES = {
    "speaker": {"ar": "المتحدث: ", "en": "Speaker: "},
    "claim": {"ar": "الادعاء: ", "en": "Claim: "},
    "claim_notes": {"ar": "ملاحظات: ", "en": "Notes: "},
}


@dataclass(frozen=True)
class Claim:
    claim_id: str
    text: Mapping[str, str]
    notes: str = ""
    aliases: Mapping[str, list[str]] = field(default_factory=dict)

    def text_in(self, lang: str) -> str:
        """The claim in ``lang``, else English, else its first language."""
        if lang in self.text:
            return self.text[lang]
        if "en" in self.text:
            return self.text["en"]
        return next(iter(self.text.values()), "")


def join_context(pairs: pl.DataFrame, units: pl.DataFrame, documents: pl.DataFrame) -> pl.DataFrame:
    """One row per pair with what a task shows: unit text, previous/next unit text, headline, speaker, language."""
    u = units.select("unit_id", "doc_id", "text", "prev_unit_id", "next_unit_id", "speaker")
    texts = units.select(pl.col("unit_id").alias("_ctx_id"), pl.col("text").alias("_ctx_text"))
    docs = documents.select("doc_id", pl.col("title").alias("headline"), "lang")
    return (
        pairs.join(u, on="unit_id", how="left")
        .join(texts.rename({"_ctx_id": "prev_unit_id", "_ctx_text": "context_before"}), on="prev_unit_id", how="left")
        .join(texts.rename({"_ctx_id": "next_unit_id", "_ctx_text": "context_after"}), on="next_unit_id", how="left")
        .join(docs, on="doc_id", how="left")
        .rename({"text": "unit"})
    )


def _prefixed(kind: str, value: str, lang: str) -> str:
    if not value:
        return ""
    table = _PREFIXES[kind]
    return table.get(lang, table["en"]) + value


def encode_task(row: Mapping[str, Any], claim: Claim, *, task_key: str, label_scheme: str) -> dict[str, Any]:
    """The Label Studio task for one row of :func:`join_context`."""
    lang = str(row.get("lang") or "und")
    dir_ = direction(lang)
    shown = {
        "headline": row.get("headline") or "",
        "context_before": row.get("context_before") or "",
        "unit": row.get("unit") or "",
        "context_after": row.get("context_after") or "",
        "speaker": _prefixed("speaker", row.get("speaker") or "", lang),
        "claim": _prefixed("claim", claim.text_in(lang), lang),
        "claim_notes": _prefixed("claim_notes", claim.notes, lang),
    }
    data: dict[str, Any] = {
        "task_key": task_key,
        "pair_id": row["pair_id"],
        "unit_id": row.get("unit_id"),
        "claim_id": claim.claim_id,
        "doc_id": row.get("doc_id"),
        "lang": lang,
        "dir": dir_,
        "label_scheme": label_scheme,
        "archived": False,
    }
    for fld, _ in READING_FIELDS:
        for d in DIRECTIONS:
            data[data_key(fld, d)] = str(shown[fld]) if d == dir_ else ""
    meta = {MARKER: True, "task_key": task_key, "pair_id": row["pair_id"], "label_scheme": label_scheme}
    return {"data": data, "meta": meta}


def encode_adjudication_task(row: Mapping[str, Any], claim: Claim, *, task_key: str,
                             label_scheme: str) -> dict[str, Any]:
    """The adjudication-project task for one item: the main task (same ``task_key``) plus its votes and why it is there.

    ``row``: a row of :func:`join_context` with the adjudication plan's ``reason`` (``tie`` | ``low_agreement``),
    ``agreement``, ``current_label``, ``tally`` and ``votes`` (a list of ``{annotator, label}``: pseudonyms only).
    """
    task = encode_task(row, claim, task_key=task_key, label_scheme=label_scheme)
    votes = [{"annotator": str(v["annotator"]), "label": str(v["label"])} for v in row.get("votes") or []]
    by_label: dict[str, list[str]] = {}
    for v in votes:
        by_label.setdefault(v["label"], []).append(v["annotator"])
    reason = str(row.get("reason") or "")
    tally = str(row.get("tally") or "")
    current = row.get("current_label") or ""
    agreement = row.get("agreement")
    if reason == "tie":
        note = f"Tie ({tally}): the vote gave no label."
    else:
        shown = f"{agreement:.2f}" if isinstance(agreement, float) else "?"
        note = f"Low agreement ({shown}; {tally}): the vote gave {current or 'no label'}."
    task["data"].update({
        "project_role": "adjudication", "reason": reason, "agreement": agreement, "current_label": current,
        "tally": tally, "vote_list": votes, "adjudication_note": note,
        "votes": "\n".join(f"{label}: {', '.join(names)}" for label, names in by_label.items()),
    })
    task["meta"]["project_role"] = "adjudication"
    return task


def task_key_of(task: Mapping[str, Any]) -> str | None:
    """The stancekit key of a task as listed by the server (data first, then meta), or None for a foreign task."""
    for part in ("data", "meta"):
        value = (task.get(part) or {}).get("task_key")
        if isinstance(value, str) and value:
            return value
    return None


def is_archived(task: Mapping[str, Any]) -> bool:
    return bool((task.get("data") or {}).get("archived") or (task.get("meta") or {}).get("archived"))


def prediction(label: str, score: float, model_version: str) -> dict[str, Any]:
    """A Label Studio prediction (pre-annotation) of the stance: shown to annotators as a suggestion, never a vote."""
    from stancekit.labeling.config_xml import ANCHOR, STANCE

    return {"model_version": model_version, "score": round(float(score), 6),
            "result": [{"from_name": STANCE, "to_name": ANCHOR, "type": "choices", "value": {"choices": [label]}}]}
