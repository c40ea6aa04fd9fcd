"""Hand-made campaigns for the Label Studio tests: documents, units and pairs tables conforming to the schemas."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import polars as pl

from stancekit.campaign import Campaign
from stancekit.ids import content_hash, pair_id, unit_id
from stancekit.io import write_table
from stancekit.schemas import DOCUMENTS, PAIRS, UNITS, conform

CLAIMS_YAML = """\
claims:
  - claim_id: us-troops-stay-iraq
    text: {en: "US troops will stay in Iraq", ar: "القوات الأمريكية ستبقى في العراق"}
    notes: "agree: the text says the troops stay or will stay"
  - claim_id: elections-on-time
    text: {en: "The elections will be held on time", ar: "الانتخابات ستجري في موعدها"}
"""

SENTENCES = {
    "ar": ["قال المتحدث إن القوات الأمريكية ستبقى في العراق.", "وأضاف أن الانسحاب ليس مطروحاً الآن.",
           "ونفى وزير الخارجية ذلك.", "وقال النائب إن الانتخابات ستجري في موعدها.", "وانتهى المؤتمر مساء أمس."],
    "en": ["The spokesman said US troops will stay in Iraq.", "He added that a withdrawal is not on the table.",
           "The foreign minister denied it.", "An MP said the elections will be held on time.",
           "The conference ended last night."],
}


def make_documents(n_docs: int) -> tuple[pl.DataFrame, pl.DataFrame]:
    docs, units = [], []
    for d in range(n_docs):
        lang = "ar" if d % 2 == 0 else "en"
        sents = [f"{s} ({d})" for s in SENTENCES[lang]]
        text = "\n".join(sents)
        doc_id = f"doc{d:04d}"
        docs.append({"doc_id": doc_id, "source": "handmade", "source_row": d + 1, "title": f"Headline {d} {lang}",
                     "text": text, "lang": lang, "published_at": datetime(2021, 1, 1 + d % 28, tzinfo=UTC),
                     "url": None, "outlet": "test", "license": "cc-by-4.0", "content_hash": content_hash(text),
                     "duplicate_of": None})
        offsets, pos = [], 0
        for s in sents:
            offsets.append((pos, pos + len(s)))
            pos += len(s) + 1
        ids = [unit_id(doc_id, a, b) for a, b in offsets]
        for i, ((a, b), s) in enumerate(zip(offsets, sents, strict=True)):
            units.append({"unit_id": ids[i], "doc_id": doc_id, "start": a, "end": b, "text": s, "kind": "body",
                          "boilerplate_kind": None, "position": i, "prev_unit_id": ids[i - 1] if i else None,
                          "next_unit_id": ids[i + 1] if i + 1 < len(ids) else None, "is_claim": i in (0, 3),
                          "speaker": "the spokesman" if i == 0 else None, "speaker_start": None,
                          "speaker_end": None, "cue": None, "cue_start": None, "cue_end": None,
                          "quote_type": "indirect" if i in (0, 3) else None, "segmenter": "handmade.v1"})
    return (conform(pl.DataFrame(docs, schema=DOCUMENTS.polars_schema()), "documents"),
            conform(pl.DataFrame(units, schema=UNITS.polars_schema()), "units"))


def make_pairs(units: pl.DataFrame) -> pl.DataFrame:
    rows = []
    claims = ["us-troops-stay-iraq", "elections-on-time"]
    for r in units.filter(pl.col("is_claim")).iter_rows(named=True):
        for k, c in enumerate(claims):
            score = 0.9 - 0.3 * k if r["position"] == 0 else 0.4 + 0.3 * k
            rows.append({"pair_id": pair_id(r["unit_id"], c), "unit_id": r["unit_id"], "claim_id": c,
                         "score": round(score + r["start"] * 1e-6, 6), "rank": k + 1, "method": "handmade.v1"})
    return conform(pl.DataFrame(rows, schema=PAIRS.polars_schema()), "pairs")


def make_campaign(root: Path, *, n_docs: int = 3, overlap: int = 3, batch_size: int = 4,
                  name: str = "studio-test") -> Campaign:
    """A campaign with ``n_docs`` documents (Arabic and English alternating), 4 pairs per document."""
    camp = Campaign.at(root)
    camp.ensure()
    camp.config_path.write_text(
        f'[campaign]\nname = "{name}"\n[studio]\noverlap = {overlap}\n[push]\nbatch_size = {batch_size}\n',
        encoding="utf-8")
    (camp.root / "claims.yaml").write_text(CLAIMS_YAML, encoding="utf-8")
    docs, units = make_documents(n_docs)
    write_table(docs, camp.table("documents"))
    write_table(units, camp.table("units"))
    write_table(make_pairs(units), camp.table("pairs"))
    return camp
