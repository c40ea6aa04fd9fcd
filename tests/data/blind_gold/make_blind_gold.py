"""Write the blind check: ``<lang>/<name>.txt`` + ``<lang>/<name>.gold.json`` from ``blind_ar.py`` / ``blind_en.py``.

The blind check is 4 articles written from the rule book (``shared/docs/claim-units.md``) before the attribution
rules it checks were changed, in styles the news gold and the held-out gold lack (Gulf agency copy, an Arabic court
report, an English courtroom story, an English state-politics story). It is scored once at the end of a round of
rule work, never while tuning: ``python benchmarks/blind_quality.py``.

The spec format and the offset finding are those of the held-out gold (``tests/data/heldout_gold/make_heldout_gold.py``,
imported, not copied). Run: ``python tests/data/blind_gold/make_blind_gold.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "heldout_gold"))

from make_heldout_gold import write_set  # noqa: E402

if __name__ == "__main__":
    print(f"wrote {write_set(HERE, 'blind', 'blind')} gold files")
