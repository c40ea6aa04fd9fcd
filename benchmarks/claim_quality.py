"""Claim-unit quality (issue 4): claim-unit P/R/F1 (exact unit span), speaker and cue exact match over the gold claim
units found, quote-type accuracy, and an error table, per language, on all news gold (``tests/data/news_gold``).

Two settings: ``gold`` runs ``attribute()`` on the gold unit spans (isolates attribution), ``pred`` on the units of
the built-in segmenter (the whole segment stage). Also times ``attribute()`` alone (MB/s of UTF-8 text per CPU second
on the gold repeated, the seed article repeated and the UD paragraphs; see ``speed``).
Usage: ``python benchmarks/claim_quality.py [--errors] [--json] [--speed-mb N]``.
Importable: ``main()``, ``evaluate(setting)``, ``speed(mb)``, ``error_table(scores)``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scoring import ClaimScore, claim_score, load_news_gold
from stancekit.builder.segment.attribution import attribute
from stancekit.builder.segment.protocol import UnitSpan


def _gold_units(units: list[dict[str, Any]]) -> list[UnitSpan]:
    return [UnitSpan(u["start"], u["end"], u["kind"], u["boilerplate_kind"]) for u in units]


def _pred_units(text: str, lang: str) -> list[UnitSpan]:
    from stancekit.builder.segment.rules import segment_text

    return list(segment_text(text, lang))


def evaluate(setting: str = "gold", prefix: str = "") -> dict[str, ClaimScore]:
    """Claim scores per language; ``setting`` is ``gold`` (gold unit spans) or ``pred`` (segmenter units).
    ``prefix`` keeps only gold files whose name starts with it (``c`` = the claim gold)."""
    out: dict[str, ClaimScore] = {}
    for doc in load_news_gold():
        if prefix and not doc.name.split("/")[-1].startswith(prefix):
            continue
        units = _gold_units(doc.units) if setting == "gold" else _pred_units(doc.text, doc.lang)
        attrs = attribute(doc.text, units, doc.lang)
        score = claim_score(doc.text, [(u.start, u.end) for u in units], attrs, doc.units, doc.name)
        out.setdefault(doc.lang, ClaimScore()).add(score)
    return out


def error_table(scores: dict[str, ClaimScore]) -> dict[str, dict[str, int]]:
    """Failure kinds and counts per language."""
    return {lang: dict(Counter(e["kind"] for e in s.errors).most_common()) for lang, s in sorted(scores.items())}


def speed(mb: float = 4.0) -> dict[str, float]:
    """MB/s per core (CPU time, median of 3 runs) of ``attribute()`` alone, on about ``mb`` MB each of: the gold of
    each language repeated (gold unit spans; claim-dense: about half the units are claims), the seed article repeated
    and the UD paragraphs of each language (both with the built-in segmenter's units, made before timing)."""
    from scoring import LAYOUTS, iter_ud

    docs = load_news_gold()
    sets: dict[str, list[tuple[str, str, list[UnitSpan]]]] = {
        f"gold {lang}": [(d.text, lang, _gold_units(d.units)) for d in docs if d.lang == lang]
        for lang in sorted({d.lang for d in docs})}
    try:
        seed = next(d for d in docs if d.name.endswith("/seed"))
        sets["seed ar"] = [(seed.text, "ar", _pred_units(seed.text, "ar"))]
        ud = list(iter_ud(LAYOUTS[0]))
        for lang in ("ar", "en"):
            sets[f"ud {lang}"] = [(r["text"], lang, _pred_units(r["text"], lang)) for r in ud if r["lang"] == lang]
    except (ImportError, StopIteration, OSError):  # no segmenter or no shared data: the gold only
        pass
    res: dict[str, float] = {}
    for name, items in sets.items():
        size = sum(len(t.encode("utf-8")) for t, _, _ in items)
        reps = max(1, int(mb * 1e6 / size))
        runs = []
        for _ in range(3):
            t0 = time.process_time()
            for _ in range(reps):
                for text, lang, units in items:
                    attribute(text, units, lang)
            runs.append(size * reps / 1e6 / (time.process_time() - t0))
        res[name] = round(sorted(runs)[1], 1)
    return res


def main(argv: list[str] | None = None) -> dict[str, Any]:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--errors", action="store_true", help="list every failure")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--speed-mb", type=float, default=2.0, help="MB per text set for the speed run (0: skip)")
    ap.add_argument("--only", default="", help="only gold files whose name starts with this (c: claim gold)")
    args = ap.parse_args(argv)
    result: dict[str, Any] = {}
    all_scores: dict[str, dict[str, ClaimScore]] = {}
    for setting in ("gold", "pred"):
        try:
            scores = evaluate(setting, args.only)
        except ImportError as exc:  # the segmenter is not there yet
            result[setting] = {"skipped": str(exc)}
            continue
        all_scores[setting] = scores
        result[setting] = {lang: s.as_dict() for lang, s in sorted(scores.items())}
        result[setting + "_errors"] = error_table(scores)
    if args.speed_mb > 0:
        result["speed_mb_s"] = speed(args.speed_mb)
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
        return result
    print(f"{'units/lang':<12}{'P':>7}{'R':>7}{'F1':>7}{'gold':>6}{'pred':>6}{'spk':>7}{'cue':>7}{'qtype':>7}")
    for setting, scores in all_scores.items():
        for lang, s in sorted(scores.items()):
            d = s.as_dict()
            print(f"{setting + ' ' + lang:<12}{d['precision']:>7.3f}{d['recall']:>7.3f}{d['f1']:>7.3f}"
                  f"{d['n_gold']:>6}{d['n_pred']:>6}{d['speaker_exact']:>7.3f}{d['cue_exact']:>7.3f}"
                  f"{d['quote_type_acc']:>7.3f}")
    for setting, scores in all_scores.items():
        print(f"\nerror table ({setting} units)")
        for lang, table in error_table(scores).items():
            for kind, n in table.items():
                print(f"  {lang}  {n:>4}  {kind}")
    if "speed_mb_s" in result:
        print("\nattribute() alone, MB/s:", ", ".join(f"{k} {v}" for k, v in result["speed_mb_s"].items()))
    if args.errors:
        for setting, scores in all_scores.items():
            for s in scores.values():
                for e in s.errors:
                    extra = {k: v for k, v in e.items() if k not in ("kind", "doc", "text")}
                    print(f"[{setting}] {e['kind']} {e['doc']}: {e['text'][:110]!r} {extra}")
    return result


if __name__ == "__main__":
    main()
