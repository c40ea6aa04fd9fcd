"""Scoring functions shared by benchmarks/segment_quality.py and the tests (keep these signatures stable).

- UD sentences (``../shared/data/ud-sentences/*.jsonl``): exact-span precision/recall/F1 of every predicted unit.
- News gold (``tests/data/news_gold/{ar,en}/*.gold.json`` + the ``.txt`` beside it): content-sentence F1, the exact
  spans of the content units (title, heading, body). Boilerplate in the gold is one region whose inner boundaries
  are not scored; a predicted content unit overlapping it counts as wrong (a false positive), and a gold content
  unit the prediction calls boilerplate is missed (a false negative).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
UD_DIR = ROOT / ".." / "shared" / "data" / "ud-sentences"
NEWS_GOLD_DIR = ROOT / "tests" / "data" / "news_gold"
LAYOUTS = ("para", "lines", "flat")

Span = tuple[int, int]
# (start, end, kind) of a predicted unit; kind "boilerplate" or a content kind
PredUnit = tuple[int, int, str]
SegmentFn = Callable[[str, str], list[PredUnit]]


@dataclass
class PRF:
    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    def add(self, other: PRF) -> None:
        self.tp += other.tp
        self.n_pred += other.n_pred
        self.n_gold += other.n_gold
        self.errors.extend(other.errors)

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "n_pred": self.n_pred, "n_gold": self.n_gold}


def span_prf(pred: Iterable[Span], gold: Iterable[Span]) -> PRF:
    """Exact-span matching of two sets of spans."""
    p, g = set(pred), set(gold)
    return PRF(len(p & g), len(p), len(g))


def content_prf(pred: Iterable[PredUnit], gold_units: list[dict[str, Any]], text: str = "") -> PRF:
    """Content-sentence scoring against a news gold (see the module docstring)."""
    gold = {(u["start"], u["end"]) for u in gold_units if u["kind"] != "boilerplate"}
    pred_content = {(s, e) for s, e, k in pred if k != "boilerplate"}
    out = PRF(len(pred_content & gold), len(pred_content), len(gold))
    if text:
        for s, e in sorted(pred_content - gold):
            out.errors.append({"type": "fp", "text": text[s:e]})
        for s, e in sorted(gold - pred_content):
            out.errors.append({"type": "fn", "text": text[s:e]})
    return out


# ----------------------------------------------------------------------------------------------------- data


def iter_ud(layout: str, ud_dir: Path = UD_DIR) -> Iterator[dict[str, Any]]:
    with (ud_dir / f"ud_sentences.{layout}.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            yield json.loads(line)


@dataclass
class GoldDoc:
    name: str
    lang: str
    text: str
    units: list[dict[str, Any]]


def load_news_gold(gold_dir: Path = NEWS_GOLD_DIR) -> list[GoldDoc]:
    """Every ``*.gold.json`` under ``gold_dir/<lang>/`` with its text (``<name>.txt`` beside it)."""
    docs: list[GoldDoc] = []
    for path in sorted(gold_dir.glob("*/*.gold.json")):
        name = path.name[: -len(".gold.json")]
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (path.parent / f"{name}.txt").read_text(encoding="utf-8").replace("\r\n", "\n")
        docs.append(GoldDoc(f"{path.parent.name}/{name}", gold["lang"], text, gold["units"]))
    return docs


# ----------------------------------------------------------------------------------------------------- runs


def score_ud(segment: SegmentFn, layout: str, ud_dir: Path = UD_DIR) -> dict[str, PRF]:
    """Exact-span P/R/F1 per language for one UD layout."""
    out: dict[str, PRF] = {}
    for rec in iter_ud(layout, ud_dir):
        pred = [(s, e) for s, e, _ in segment(rec["text"], rec["lang"])]
        out.setdefault(rec["lang"], PRF()).add(span_prf(pred, [tuple(x) for x in rec["sentences"]]))
    return out


def score_news(segment: SegmentFn, gold_dir: Path = NEWS_GOLD_DIR, with_errors: bool = False) -> dict[str, PRF]:
    """Content-sentence P/R/F1 per language over the news gold."""
    out: dict[str, PRF] = {}
    for doc in load_news_gold(gold_dir):
        prf = content_prf(segment(doc.text, doc.lang), doc.units, doc.text if with_errors else "")
        for err in prf.errors:
            err["doc"] = doc.name
        out.setdefault(doc.lang, PRF()).add(prf)
    return out


def rules_segment_fn() -> SegmentFn:
    """The built-in segmenter as a SegmentFn."""
    from stancekit.builder.segment.rules import segment_text

    def fn(text: str, lang: str) -> list[PredUnit]:
        return [(u.start, u.end, u.kind) for u in segment_text(text, lang)]

    return fn


# ------------------------------------------------------------------------------------------- claim units (issue 4)
# Claim-unit scoring: a claim unit is found when a predicted unit with the gold claim unit's exact span is marked
# is_claim. Speaker, cue and quote type are scored over the gold claim units that were found (exact offsets).

_CLAIM_NONCLAIM_HINTS: dict[str, tuple[str, ...]] = {
    "call/demand/order": ("دعا", "دعت", "طالب", "حث", "ناشد", "شدد", "urged", "called", "demanded", "ordered",
                          "asked"),
    "pledge/threat": ("تعهد", "توعد", "هدد", "وعد", "vowed", "pledged", "promised", "threatened"),
    "agentless hearsay": ("يشار", "يذكر", "يقال", "يعتقد", "allegedly", "said to", "reportedly", "It is said"),
    "contentless speech event": ("التقى", "رفض التعليق", "لم ترد", "لم تعلق", "met", "declined", "discuss",
                                 "did not immediately comment"),
}


@dataclass
class ClaimScore:
    """Counts for claim units; ``errors`` holds one dict per failure with a ``kind`` for the error table."""

    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0
    speaker_ok: int = 0
    cue_ok: int = 0
    qtype_ok: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    def add(self, other: ClaimScore) -> None:
        for name in ("tp", "n_pred", "n_gold", "speaker_ok", "cue_ok", "qtype_ok"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors.extend(other.errors)

    def prf(self) -> PRF:
        return PRF(self.tp, self.n_pred, self.n_gold)

    def as_dict(self) -> dict[str, float | int]:
        d = self.prf().as_dict()
        found = self.tp or 1
        d.update(speaker_exact=round(self.speaker_ok / found, 4), cue_exact=round(self.cue_ok / found, 4),
                 quote_type_acc=round(self.qtype_ok / found, 4))
        return d


def _nonclaim_kind(unit_text: str) -> str:
    for kind, hints in _CLAIM_NONCLAIM_HINTS.items():
        if any(h in unit_text for h in hints):
            return kind
    return "other"


def claim_score(text: str, pred_units: list[tuple[int, int]], pred_attr: list[Any],
                gold_units: list[dict[str, Any]], doc: str = "") -> ClaimScore:
    """Score predicted attributions (one per predicted unit, None = not a claim) against one gold document."""
    gold_claims = {(u["start"], u["end"]): u for u in gold_units if u["is_claim"]}
    gold_all = {(u["start"], u["end"]): u for u in gold_units}
    pred_claims = {span: a for span, a in zip(pred_units, pred_attr, strict=True) if a is not None}
    pred_spans = set(pred_units)
    out = ClaimScore(n_pred=len(pred_claims), n_gold=len(gold_claims))

    def err(kind: str, span: tuple[int, int], **extra: Any) -> None:
        out.errors.append({"kind": kind, "doc": doc, "text": text[span[0]:span[1]], **extra})

    for span, g in gold_claims.items():
        a = pred_claims.get(span)
        if a is None:
            err("missed: unit boundary" if span not in pred_spans else
                "missed: dropped/pronoun subject" if g["speaker_start"] is not None and not
                g["start"] <= g["speaker_start"] < g["end"] else
                "missed: quote continuation" if not g["start"] <= g["cue_start"] < g["end"] else
                "missed: headline colon" if g["cue"] == ":" else "missed cue", span, gold_cue=g["cue"])
            continue
        out.tp += 1
        if (a.speaker_start, a.speaker_end) == (g["speaker_start"], g["speaker_end"]):
            out.speaker_ok += 1
        else:
            gs, ge = g["speaker_start"], g["speaker_end"]
            if a.speaker_start is None:
                kind = "speaker: pronoun/dropped subject not resolved"
            elif gs is not None and not g["start"] <= gs < g["end"]:
                kind = "speaker: wrong antecedent"
            elif gs is not None and a.speaker_start < ge and gs < a.speaker_end:
                kind = "speaker: wrong boundary"
            else:
                kind = "speaker: wrong phrase"
            err(kind, span, gold=g["speaker"], pred=a.speaker)
        if (a.cue_start, a.cue_end) == (g["cue_start"], g["cue_end"]):
            out.cue_ok += 1
        else:
            err("wrong cue", span, gold=g["cue"], pred=a.cue)
        if a.quote_type == g["quote_type"]:
            out.qtype_ok += 1
        else:
            err("wrong quote type", span, gold=g["quote_type"], pred=a.quote_type)
    for span, a in pred_claims.items():
        if span in gold_claims:
            continue
        other = gold_all.get(span)
        if other is None:
            err("false positive: unit boundary", span, pred_cue=a.cue)
        elif other["kind"] == "boilerplate":
            err("false positive: boilerplate", span, pred_cue=a.cue)
        else:
            err(f"false positive: {_nonclaim_kind(text[span[0]:span[1]])}", span, pred_cue=a.cue)
    return out
