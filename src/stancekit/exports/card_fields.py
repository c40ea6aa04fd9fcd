"""The card's "Data fields" section: what every column of every configuration holds, for the export's text mode."""

from __future__ import annotations

from collections.abc import Sequence

OFFSETS = ("Offsets count Unicode code points (Python `str` indices; not bytes, not UTF-16 units), end exclusive, "
           "into the article text: the source text with only line endings normalised to `\\n` (an article read from "
           "a `.txt` file keeps its first line, the title, in it). The article text itself is not in this dataset.")


def _default_fields(text_mode: str, labels: Sequence[str]) -> list[tuple[str, str]]:
    full = text_mode == "full"
    scheme = ", ".join(f"{i} = {lab}" for i, lab in enumerate(labels))
    rows: list[tuple[str, str]] = [
        ("id", "pair id: a content hash of `unit_id` and `claim_id`, stable across re-exports"),
        ("claim_id", "the claim (see the `claims` configuration)"),
        ("claim", "the claim's wording in the article's language (else English, else its first language)"),
    ]
    if full:
        rows += [("text", "the unit: a sentence, title or heading of the article, `= article[start:end]`"),
                 ("context", "`prev` / `next`: the text of the neighbouring content units (boilerplate skipped; "
                  "null at the article's edge)")]
    rows += [
        ("speaker" if full else "speaker_start, speaker_end",
         ("who the unit reports as speaking, " if full else "offsets of who the unit reports as speaking ")
         + "as found by the automatic segmenter (not checked by annotators); null when the unit is not reported "
         "speech or no speaker was found" + ("" if full else "; `hydrate` restores the `speaker` string")),
        ("cue" if full else "cue_start, cue_end",
         ("the reporting phrase (said, قال, ...)" if full else "offsets of the reporting phrase (said, قال, ...)")
         + ", automatic like `speaker`" + ("" if full else "; `hydrate` restores the `cue` string")),
    ]
    if full:
        rows.append(("speaker_start, speaker_end, cue_start, cue_end", "their offsets in the article"))
    rows += [
        ("quote_type", "`direct` (quoted), `indirect` (reported) or null (not reported speech)"),
        ("doc_id", "the article's id (the source's own id, else a hash of its text)"),
    ]
    if full:
        rows.append(("title", "the article's title"))
    rows += [
        ("outlet, url, published_at", "the article's outlet, address and publication time (UTC) as the source "
         "gave them"),
        ("lang", "the article's language (ISO 639-1; `und` when unknown)"),
        ("unit_id", "a content hash of `doc_id`, `start` and `end`"),
        ("start, end", "the unit's span in the article (see offsets below)"),
    ]
    if not full:
        rows += [("prev_start, prev_end, next_start, next_end", "the neighbouring units' spans (null at an edge)"),
                 ("doc_sha256", "SHA-256 of the article text (UTF-8) the offsets point into: `hydrate` checks it")]
    rows += [
        ("label", f"the final stance (ClassLabel: {scheme})"),
        ("votes", "how many counted votes each class got, in label order"),
        ("soft_label", "`votes` as shares (sums to 1): the annotators' distribution, for soft-label training"),
        ("n_annotators", "annotators whose votes were counted"),
        ("agreement", "the share of counted votes that went to `label`"),
        ("decided_by", "`vote` (the aggregator), `gold` (a known answer), `adjudication` (a person broke a tie "
         "or low agreement) or `copy` (the same sentence and claim in a document this one duplicates word for word "
         "was labelled; its label, votes and agreement are repeated here)"),
    ]
    return rows


_ANNOTATION_FIELDS: tuple[tuple[str, str], ...] = (
    ("id, claim_id", "the pair (joins `default.id`); each vote is in its pair's split"),
    ("annotator", "a pseudonym (`ann-` + 10 hex of a keyed hash of the Label Studio account), stable within this "
     "campaign only"),
    ("simulated", "true for a vote of stancekit's simulated annotators; null when the campaign did not record it"),
    ("label", "the vote (same ClassLabel as `default.label`); skipped tasks are not included"),
    ("project_role", "`main` (the labelling project) or `adjudication`"),
    ("ground_truth", "Label Studio's ground-truth mark on the answer"),
    ("flags", "`bad_segment` (the unit is cut wrongly) and/or `wrong_claim` (the claim should not have been matched)"),
    ("lead_time", "seconds the annotator spent on the task, as Label Studio measured it"),
)


def field_lines(text_mode: str, labels: Sequence[str]) -> list[str]:
    """Markdown for the "Data fields" section."""
    def table(rows: Sequence[tuple[str, str]]) -> list[str]:
        return ["| column | meaning |", "|---|---|", *(f"| `{'`, `'.join(n.split(', '))}` | {m} |" for n, m in rows)]

    none_note = ([] if text_mode == "full" else [
        "This is the `--text none` export: no string copied from the articles (unit text, context, title, speaker, "
        "cue) is in it, only offsets. Restore them from your own copy of the articles with "
        "`stancekit.exports.hydrate(folder, documents)`, which checks each article against `doc_sha256`.", ""])
    return [
        *none_note,
        "`default`: one row per labelled (claim, unit) pair.", "",
        *table(_default_fields(text_mode, labels)), "",
        OFFSETS, "",
        "`annotations`: one row per non-skipped vote on an exported pair, for learning from disagreement.", "",
        *table(_ANNOTATION_FIELDS), "",
        "`claims`: the claims registry, one row per claim and language: `claim_id`, `lang`, `text`, `aliases`, "
        "`keywords` (what the matcher looked for), `notes` (shown to annotators), `active_from`/`active_to`.",
    ]
