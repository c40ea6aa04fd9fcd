"""Segmentation quality: exact-span sentence P/R/F1 on UD (each layout, each language), content-sentence F1 on the
news gold (each language), then claim units on the news gold (claim-unit P/R/F1, speaker and cue exact match, quote
type, and the error table; see ``claim_quality.py``).
Usage: ``python benchmarks/segment_quality.py [--errors] [--json]``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import claim_quality
from scoring import LAYOUTS, rules_segment_fn, score_news, score_ud


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--errors", action="store_true", help="print the news gold's false positives and negatives")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args()
    seg = rules_segment_fn()
    result: dict[str, dict[str, dict[str, float | int]]] = {}
    for layout in LAYOUTS:
        for lang, prf in sorted(score_ud(seg, layout).items()):
            result.setdefault("ud", {})[f"{layout}/{lang}"] = prf.as_dict()
    news = score_news(seg, with_errors=args.errors)
    for lang, prf in sorted(news.items()):
        result.setdefault("news", {})[lang] = prf.as_dict()
    if args.json:
        print(json.dumps({**result, "claims": _claims_json()}, indent=2, ensure_ascii=False))
        return
    print(f"{'set':<14}{'P':>8}{'R':>8}{'F1':>8}{'gold':>7}{'pred':>7}")
    for group, rows in result.items():
        for key, d in rows.items():
            print(f"{group + ' ' + key:<14}{d['precision']:>8.3f}{d['recall']:>8.3f}{d['f1']:>8.3f}"
                  f"{d['n_gold']:>7}{d['n_pred']:>7}")
    if args.errors:
        for prf in news.values():
            for err in prf.errors:
                print(f"{err['type']} {err['doc']}: {err['text'][:160]!r}")
    print("\nclaim units on the news gold (gold unit spans, then the segmenter's own units)")
    claim_quality.main(["--speed-mb", "0", *(["--errors"] if args.errors else [])])


def _claims_json() -> dict[str, object]:
    out: dict[str, object] = {}
    for setting in ("gold", "pred"):
        scores = claim_quality.evaluate(setting)
        out[setting] = {lang: sc.as_dict() for lang, sc in sorted(scores.items())}
        out[setting + "_errors"] = claim_quality.error_table(scores)
    return out


if __name__ == "__main__":
    main()
