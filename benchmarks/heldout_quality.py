"""Held-out quality: the segmenter and claim-unit finder on ``tests/data/heldout_gold`` (text the rules were never
tuned on: the 20 demo articles and 6 articles in new styles), scored exactly like the news gold.

- content-sentence P/R/F1 per language (``scoring.content_prf``: exact spans of content units; gold boilerplate is one
  region whose inner boundaries are not scored; a predicted content unit overlapping it is wrong);
- claim units per language (``scoring.claim_score``): P/R/F1 of exact claim-unit spans, speaker and cue exact match
  and quote-type accuracy over the gold claim units found, for two settings: ``pred`` (the segmenter's own units:
  the whole stage, the figure to compare with the targets) and ``gold`` (attribution on the gold spans, isolating it);
- an error table: segmentation error kinds (merge, split, boundary shift, content/boilerplate confusion) and the claim
  error kinds of ``scoring``; ``--errors`` lists each failure.

Each figure is also given per source (``demo`` articles vs ``written`` ones) with ``--by-source``.
Usage: ``python benchmarks/heldout_quality.py [--errors] [--by-source] [--json] [--gold DIR]`` (``--gold``: another
folder in this format, e.g. ``tests/data/blind_gold4``, the fourth blind set).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scoring import PRF, ROOT, ClaimScore, GoldDoc, PredUnit, claim_score, content_prf, load_news_gold

HELDOUT_DIR = ROOT / "tests" / "data" / "heldout_gold"
TARGETS = {"content_f1": 0.95, "claim_f1": 0.90, "speaker_exact": 0.80}


def source_of(doc: GoldDoc) -> str:
    return "written" if doc.name.split("/")[-1].startswith("w-") else "demo"


def segment_errors(text: str, pred: list[PredUnit], gold_units: list[dict[str, Any]], doc: str) -> list[dict[str, Any]]:
    """One error per gold content unit not predicted exactly and per wrong predicted content unit, with a kind."""
    gold_content = {(u["start"], u["end"]) for u in gold_units if u["kind"] != "boilerplate"}
    gold_bp = [(u["start"], u["end"]) for u in gold_units if u["kind"] == "boilerplate"]
    pred_content = {(s, e) for s, e, k in pred if k != "boilerplate"}
    out: list[dict[str, Any]] = []

    def overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
        return a[0] < b[1] and b[0] < a[1]

    for g in sorted(gold_content - pred_content):
        over = [(s, e, k) for s, e, k in pred if overlap((s, e), g)]
        content = [(s, e) for s, e, k in over if k != "boilerplate"]
        if not content:
            kind = "content called boilerplate"
        elif len(content) > 1:
            kind = "split (gold unit cut in several)"
        elif content[0][0] <= g[0] and content[0][1] >= g[1]:
            kind = ("merged with boilerplate" if any(overlap(content[0], b) for b in gold_bp)
                    else "merged with the next/previous unit")
        else:
            kind = "boundary shift"
        out.append({"kind": kind, "doc": doc, "side": "fn", "text": text[g[0]:g[1]],
                    "pred": [text[s:e] for s, e in content]})
    for p in sorted(pred_content - gold_content):
        if any(overlap(p, b) for b in gold_bp) and not any(overlap(p, g) for g in gold_content):
            out.append({"kind": "boilerplate called content", "doc": doc, "side": "fp", "text": text[p[0]:p[1]]})
    return out


def _units(text: str, lang: str) -> list[Any]:
    from stancekit.builder.segment.rules import segment_text

    return list(segment_text(text, lang))


def evaluate(gold_dir: Path = HELDOUT_DIR) -> dict[str, Any]:
    """All scores, keyed by (group, lang) where group is ``all`` or a source name."""
    from stancekit.builder.segment.attribution import attribute
    from stancekit.builder.segment.protocol import UnitSpan

    content: dict[tuple[str, str], PRF] = {}
    claims: dict[str, dict[tuple[str, str], ClaimScore]] = {"pred": {}, "gold": {}}
    seg_errs: list[dict[str, Any]] = []
    docs = load_news_gold(gold_dir)
    if not docs:
        raise SystemExit(f"no gold under {gold_dir}: run tests/data/heldout_gold/make_heldout_gold.py")
    for doc in docs:
        keys = [("all", doc.lang), (source_of(doc), doc.lang)]
        units = _units(doc.text, doc.lang)
        pred: list[PredUnit] = [(u.start, u.end, u.kind) for u in units]
        prf = content_prf(pred, doc.units, doc.text)
        for e in prf.errors:
            e["doc"] = doc.name
        for k in keys:
            content.setdefault(k, PRF()).add(prf)
        seg_errs.extend({**e, "lang": doc.lang} for e in segment_errors(doc.text, pred, doc.units, doc.name))
        gold_spans = [UnitSpan(u["start"], u["end"], u["kind"], u["boilerplate_kind"]) for u in doc.units]
        for setting, us in (("pred", units), ("gold", gold_spans)):
            sc = claim_score(doc.text, [(u.start, u.end) for u in us], attribute(doc.text, us, doc.lang),
                             doc.units, doc.name)
            for e in sc.errors:
                e["lang"] = doc.lang
            for k in keys:
                claims[setting].setdefault(k, ClaimScore()).add(sc if k[0] == "all" else _strip(sc))
    return {"content": content, "claims": claims, "seg_errors": seg_errs}


def _strip(sc: ClaimScore) -> ClaimScore:
    """A copy without the error list (the per-source rows would list each error twice)."""
    out = ClaimScore()
    out.add(sc)
    out.errors = []
    return out


def report(res: dict[str, Any], by_source: bool) -> dict[str, Any]:
    groups = ("all", "demo", "written") if by_source else ("all",)
    out: dict[str, Any] = {"content": {}, "claims_pred": {}, "claims_gold": {}}
    for (group, lang), prf in sorted(res["content"].items()):
        if group in groups:
            out["content"][f"{group}/{lang}"] = prf.as_dict()
    for setting in ("pred", "gold"):
        for (group, lang), sc in sorted(res["claims"][setting].items()):
            if group in groups:
                out[f"claims_{setting}"][f"{group}/{lang}"] = sc.as_dict()
    seg_table: dict[str, Counter[str]] = {}
    for e in res["seg_errors"]:
        seg_table.setdefault(e["lang"], Counter())[e["kind"]] += 1
    out["segment_errors"] = {lang: dict(c.most_common()) for lang, c in sorted(seg_table.items())}
    for setting in ("pred", "gold"):
        table: dict[str, Counter[str]] = {}
        for (group, lang), sc in res["claims"][setting].items():
            if group == "all":
                table[lang] = Counter(e["kind"] for e in sc.errors)
        out[f"claim_errors_{setting}"] = {lang: dict(c.most_common()) for lang, c in sorted(table.items())}
    out["targets_met"] = {
        lang: {
            "content_f1": out["content"][f"all/{lang}"]["f1"] >= TARGETS["content_f1"],
            "claim_f1": out["claims_pred"][f"all/{lang}"]["f1"] >= TARGETS["claim_f1"],
            "speaker_exact": out["claims_pred"][f"all/{lang}"]["speaker_exact"] >= TARGETS["speaker_exact"],
        }
        for lang in sorted({k[1] for k in res["content"]})
    }
    return out


def print_report(out: dict[str, Any]) -> None:
    print("content sentences (exact spans of content units)")
    print(f"  {'set':<14}{'P':>7}{'R':>7}{'F1':>7}{'gold':>6}{'pred':>6}")
    for key, d in out["content"].items():
        print(f"  {key:<14}{d['precision']:>7.3f}{d['recall']:>7.3f}{d['f1']:>7.3f}{d['n_gold']:>6}{d['n_pred']:>6}")
    print("\nclaim units (pred = the segmenter's units, gold = attribution on the gold spans)")
    print(f"  {'set':<20}{'P':>7}{'R':>7}{'F1':>7}{'gold':>6}{'pred':>6}{'spk':>7}{'cue':>7}{'qtype':>7}")
    for setting in ("pred", "gold"):
        for key, d in out[f"claims_{setting}"].items():
            print(f"  {setting + ' ' + key:<20}{d['precision']:>7.3f}{d['recall']:>7.3f}{d['f1']:>7.3f}"
                  f"{d['n_gold']:>6}{d['n_pred']:>6}{d['speaker_exact']:>7.3f}{d['cue_exact']:>7.3f}"
                  f"{d['quote_type_acc']:>7.3f}")
    print("\ntargets (content F1 >= 0.95, claim F1 >= 0.90, speaker exact >= 0.80; pred setting):")
    for lang, met in out["targets_met"].items():
        print(f"  {lang}: " + ", ".join(f"{k} {'ok' if v else 'MISSED'}" for k, v in met.items()))
    for title, key in (("segmentation errors", "segment_errors"), ("claim errors (pred units)", "claim_errors_pred"),
                       ("claim errors (gold units)", "claim_errors_gold")):
        print(f"\n{title}")
        for lang, table in out[key].items():
            for kind, n in table.items():
                print(f"  {lang}  {n:>4}  {kind}")


def print_errors(res: dict[str, Any]) -> None:
    print("\n--- segmentation errors")
    for e in sorted(res["seg_errors"], key=lambda e: (e["lang"], e["kind"], e["doc"])):
        pred = f" pred={[p[:80] for p in e['pred']]!r}" if e.get("pred") else ""
        print(f"[{e['lang']}] {e['kind']} {e['doc']}: {e['text'][:140]!r}{pred}")
    for setting in ("pred", "gold"):
        print(f"\n--- claim errors ({setting} units)")
        for (group, _), sc in sorted(res["claims"][setting].items()):
            if group != "all":
                continue
            for e in sorted(sc.errors, key=lambda e: (e["kind"], e["doc"])):
                extra = {k: v for k, v in e.items() if k not in ("kind", "doc", "text", "lang")}
                print(f"[{setting} {e['lang']}] {e['kind']} {e['doc']}: {e['text'][:120]!r} {extra}")


def main(
    argv: list[str] | None = None, *, gold_dir: Path | None = None, description: str | None = None
) -> dict[str, Any]:
    """Score a gold folder (default: the held-out gold); the blind checks call this with their own folder."""
    ap = argparse.ArgumentParser(description=description or __doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--errors", action="store_true", help="list every failure")
    if gold_dir is None:
        ap.add_argument("--by-source", action="store_true", help="also give the figures for demo and written articles")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    if gold_dir is None:
        ap.add_argument("--gold", type=Path, default=None,
                        help="score another gold folder of the same format (e.g. tests/data/blind_gold4)")
    args = ap.parse_args(argv)
    gold_dir = gold_dir or getattr(args, "gold", None)
    res = evaluate() if gold_dir is None else evaluate(gold_dir)
    out = report(res, bool(getattr(args, "by_source", False)))
    if args.json:
        print(json.dumps(out, indent=2, ensure_ascii=False))
    else:
        print_report(out)
        if args.errors:
            print_errors(res)
    return out


if __name__ == "__main__":
    main()
