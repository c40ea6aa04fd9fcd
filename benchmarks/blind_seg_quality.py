"""Segmentation blind check: ``tests/data/blind_gold_seg`` scored exactly like the held-out gold (``heldout_quality``).

Four articles in layouts no rule was tuned on (scraped pages with menus and widgets, a Q&A interview, hard-wrapped
pre-tokenised Arabic with a numbered list). Run it once at the end of a round of segmenter rule work, not while
tuning. Usage: ``python benchmarks/blind_seg_quality.py [--errors] [--json]``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from heldout_quality import evaluate, print_errors, print_report, report
from scoring import ROOT

BLIND_SEG_DIR = ROOT / "tests" / "data" / "blind_gold_seg"


def main(argv: list[str] | None = None) -> dict[str, Any]:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--errors", action="store_true", help="list every failure")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args(argv)
    res = evaluate(BLIND_SEG_DIR)
    out = report(res, by_source=False)
    if args.json:
        print(json.dumps(out, indent=2, ensure_ascii=False))
    else:
        print_report(out)
        if args.errors:
            print_errors(res)
    return out


if __name__ == "__main__":
    main()
