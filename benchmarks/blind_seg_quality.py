"""Segmentation blind check: ``tests/data/blind_gold_seg`` scored exactly like the held-out gold (``heldout_quality``).

Four articles in layouts no rule was tuned on (scraped pages with menus and widgets, a Q&A interview, hard-wrapped
pre-tokenised Arabic with a numbered list). Run it once at the end of a round of segmenter rule work, not while
tuning. Usage: ``python benchmarks/blind_seg_quality.py [--errors] [--json]``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import heldout_quality
from scoring import ROOT

BLIND_SEG_DIR = ROOT / "tests" / "data" / "blind_gold_seg"


def main(argv: list[str] | None = None) -> dict[str, Any]:
    return heldout_quality.main(argv, gold_dir=BLIND_SEG_DIR, description=__doc__)


if __name__ == "__main__":
    main()
