"""A small, complete campaign for the split and export tests, built by hand to the table contracts.

Identity traps: e-mail-like strings and a user name are planted where the export must not look (annotation notes,
an extra annotations column, the raw snapshot, studio/, a source path); tests assert none reaches the export.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import polars as pl

from stancekit.campaign import Campaign
from stancekit.ids import content_hash, pair_id, unit_id
from stancekit.io import write_table
from stancekit.schemas import conform

LABELS = ("agree", "disagree", "discuss", "unrelated")
CLAIMS = ("troops-stay", "fuel-prices-rise", "election-delayed")
SECRET_EMAILS = ("alice.annotator@example.org", "bob@corp.example.com")
USER_NAME = "zelda_userhome"
CLAIMS_YAML = """\
claims:
  - claim_id: troops-stay
    text: {en: "US troops will stay in Iraq", ar: "القوات الأمريكية ستبقى في العراق"}
    aliases: {en: ["US forces will remain in Iraq"]}
    notes: "agree: they stay; disagree: they leave"
  - claim_id: fuel-prices-rise
    text: {en: "Fuel prices will rise", ar: "أسعار الوقود سترتفع"}
  - claim_id: election-delayed
    text: {en: "The election will be delayed"}
    active: {from: 2024-01-01, to: null}
"""
_EN_TEXT = ("minister said government forces city talks deal budget army oil price vote court report week officials "
            "announced plan border trade police market water school health bank crisis")
_AR_TEXT = "قال الوزير إن الحكومة ستعلن خطة جديدة للميزانية والجيش والنفط والانتخابات في المدينة"
_WORDS = tuple(_EN_TEXT.split())
_AR = tuple(_AR_TEXT.split())


def _sentence(rng: random.Random, arabic: bool) -> str:
    pool = _AR if arabic else _WORDS
    words = [rng.choice(pool) for _ in range(rng.randint(8, 14))]
    return " ".join(words).capitalize() + "."


def _attribution(line: str, offset: int, claim: bool) -> dict[str, object]:
    """A claim unit's speaker is its first word and its cue the second, as spans of the document text."""
    if not claim:
        return {k: None for k in ("speaker", "speaker_start", "speaker_end", "cue", "cue_start", "cue_end")}
    first, second = line.split(" ")[:2]
    cue_start = offset + len(first) + 1
    return {"speaker": first, "speaker_start": offset, "speaker_end": offset + len(first), "cue": second,
            "cue_start": cue_start, "cue_end": cue_start + len(second)}


def make_campaign(
    campaign: Campaign,
    *,
    n_docs: int = 24,
    near_dups: int = 3,
    units_per_doc: int = 4,
    seed: int = 0,
    config: str = "",
) -> Campaign:
    """Write documents, units, pairs, tasks, annotations, labels, claims.yaml, a raw snapshot and studio files."""
    rng = random.Random(seed)
    campaign.ensure()
    campaign.config_path.write_text(config, encoding="utf-8")
    (campaign.root / "claims.yaml").write_text(CLAIMS_YAML, encoding="utf-8")
    start = datetime(2024, 1, 1, tzinfo=UTC)
    docs = []
    for i in range(n_docs):
        arabic = i % 3 == 0
        text = "\n".join(_sentence(rng, arabic) for _ in range(units_per_doc))
        docs.append({"doc_id": f"d{i:04d}", "text": text, "outlet": f"outlet-{i % 5}", "lang": "ar" if arabic else "en",
                     "published_at": start + timedelta(days=i)})
    for k in range(near_dups):  # the same wire story in another outlet, with a tiny edit, published later
        src = docs[k * 2]
        docs.append({**src, "doc_id": f"d9{k:03d}", "outlet": f"wire-copy-{k}", "text": src["text"] + " AFP",
                     "published_at": src["published_at"] + timedelta(days=40)})
    documents = pl.DataFrame([{
        "doc_id": d["doc_id"], "source": f"/home/{USER_NAME}/news/feed.jsonl", "source_row": n + 1,
        "title": d["text"].split("\n")[0], "text": d["text"], "lang": d["lang"], "published_at": d["published_at"],
        "url": f"https://news.example/{d['doc_id']}", "outlet": d["outlet"], "license": "cc-by-4.0",
        "content_hash": content_hash(d["text"]), "duplicate_of": None,
    } for n, d in enumerate(docs)])
    write_table(conform(documents, "documents"), campaign.table("documents"))

    units, pairs = [], []
    for d in docs:
        offset, ids = 0, []
        for pos, line in enumerate(d["text"].split("\n")):
            uid = unit_id(d["doc_id"], offset, offset + len(line))
            ids.append(uid)
            units.append({"unit_id": uid, "doc_id": d["doc_id"], "start": offset, "end": offset + len(line),
                          "text": line, "kind": "body", "boilerplate_kind": None, "position": pos,
                          "is_claim": pos % 2 == 0, "quote_type": "indirect" if pos % 2 == 0 else None,
                          **_attribution(line, offset, pos % 2 == 0),
                          "segmenter": "rules.v1"})
            offset += len(line) + 1
        for n, u in enumerate(units[-len(ids):]):
            u["prev_unit_id"] = ids[n - 1] if n else None
            u["next_unit_id"] = ids[n + 1] if n + 1 < len(ids) else None
        for n, uid in enumerate(ids):
            cid = CLAIMS[(n + int(d["doc_id"][1:])) % len(CLAIMS)]
            pairs.append({"pair_id": pair_id(uid, cid), "unit_id": uid, "claim_id": cid, "score": 0.5, "rank": 1,
                          "method": "bm25.v1"})
    write_table(conform(pl.DataFrame(units), "units"), campaign.table("units"))
    write_table(conform(pl.DataFrame(pairs), "pairs"), campaign.table("pairs"))

    annotators = [f"ann-{h}" for h in ("3f9a1c", "77b2e0", "c01d55", "9e4410")]
    votes, labels, tasks = [], [], []
    for n, p in enumerate(pairs):
        tasks.append({"pair_id": p["pair_id"], "task_key": "t" + p["pair_id"][1:], "project_id": 7,
                      "ls_task_id": 1000 + n, "project_role": "main", "pushed_at": start, "segmenter": "rules.v1",
                      "matcher": "bm25.v1", "label_scheme": "stance.v1"})
        truth = rng.choice(LABELS)
        counts = [0] * len(LABELS)
        for a in rng.sample(annotators, 3):
            lab = truth if rng.random() < 0.8 else rng.choice(LABELS)
            counts[LABELS.index(lab)] += 1
            votes.append({"pair_id": p["pair_id"], "task_key": "t" + p["pair_id"][1:], "ls_task_id": 1000 + n,
                          "ls_annotation_id": len(votes) + 1, "project_role": "main", "annotator": a, "label": lab,
                          "flags": [], "note": f"ping {SECRET_EMAILS[0]}", "was_cancelled": False,
                          "ground_truth": False, "lead_time": 3.5, "created_at": start, "updated_at": start,
                          "annotator_email": SECRET_EMAILS[1]})
        top = max(counts)
        winner = LABELS[counts.index(top)] if counts.count(top) == 1 else None
        labels.append({"pair_id": p["pair_id"], "label": winner, "votes": counts,
                       "soft_label": [c / 3 for c in counts], "n_annotators": 3,
                       "agreement": top / 3 if winner else None, "method": "majority_vote.v1",
                       "decided_by": "vote" if winner else None})
    write_table(conform(pl.DataFrame(tasks), "tasks"), campaign.table("tasks"))
    write_table(conform(pl.DataFrame(votes), "annotations"), campaign.table("annotations"))
    write_table(conform(pl.DataFrame(labels), "labels"), campaign.table("labels"))
    (campaign.raw / "snapshot-0001.json").write_text(f'{{"completed_by": "{SECRET_EMAILS[1]}"}}', encoding="utf-8")
    (campaign.studio / "login.txt").write_text(f"{SECRET_EMAILS[0]}\n{USER_NAME}\n", encoding="utf-8")
    return campaign


def add_votes_for_unlabelled(campaign: Campaign) -> int:
    """Give every pair without a label a decisive label (as a later merge would); return how many changed."""
    path: Path = campaign.table("labels")
    df = pl.read_parquet(path)
    missing = df["label"].is_null()
    df = df.with_columns(pl.when(missing).then(pl.lit("discuss")).otherwise(pl.col("label")).alias("label"),
                         pl.when(missing).then(pl.lit("adjudication")).otherwise(pl.col("decided_by"))
                         .alias("decided_by"))
    write_table(conform(df, "labels"), path)
    return int(missing.sum())
