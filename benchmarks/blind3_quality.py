"""Third blind gold set: ``tests/data/blind_gold3`` scored exactly like the held-out gold (``heldout_quality``).

Twenty news articles (10 Arabic, 10 English) written from the rule book alone, without looking at the segmenter:
clean articles, light scrape residue (share/tag/newsletter/cookie lines, timestamps) and hard cases (hard-wrapped
lines, pre-tokenised Arabic, quotes opened with ``”``, bullet lists, Q&A explainers, quotes over paragraphs, wire
abbreviations and datelines), with claim units of every kind of rules 6-12. It measures how the segmenter
generalises: run it at the end of a round of segmenter work, never while tuning.
Usage: ``python benchmarks/blind3_quality.py [--errors] [--json]``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import heldout_quality
from scoring import ROOT

BLIND3_DIR = ROOT / "tests" / "data" / "blind_gold3"


def main(argv: list[str] | None = None) -> dict[str, Any]:
    return heldout_quality.main(argv, gold_dir=BLIND3_DIR, description=__doc__)


if __name__ == "__main__":
    main()
