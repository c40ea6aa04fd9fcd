"""Segmentation quality: exact-span sentence P/R/F1 on UD (each layout, each language) and content-sentence F1 on
the news gold (each language). Usage: ``python benchmarks/segment_quality.py [--errors] [--json]``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

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
        print(json.dumps(result, indent=2))
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


if __name__ == "__main__":
    main()
