"""Blind check: ``tests/data/blind_gold`` scored exactly like the held-out gold (``heldout_quality``).

The blind articles are for a final check after a round of rule work, not for tuning: run this once at the end.
Usage: ``python benchmarks/blind_quality.py [--errors] [--json]``.
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

BLIND_DIR = ROOT / "tests" / "data" / "blind_gold"


def main(argv: list[str] | None = None) -> dict[str, Any]:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--errors", action="store_true", help="list every failure")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args(argv)
    res = evaluate(BLIND_DIR)
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
