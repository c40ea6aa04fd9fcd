"""Blind check: ``tests/data/blind_gold`` scored exactly like the held-out gold (``heldout_quality``).

The blind articles are for a final check after a round of rule work, not for tuning: run this once at the end.
Usage: ``python benchmarks/blind_quality.py [--errors] [--json]``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import heldout_quality
from scoring import ROOT

BLIND_DIR = ROOT / "tests" / "data" / "blind_gold"


def main(argv: list[str] | None = None) -> dict[str, Any]:
    return heldout_quality.main(argv, gold_dir=BLIND_DIR, description=__doc__)


if __name__ == "__main__":
    main()
