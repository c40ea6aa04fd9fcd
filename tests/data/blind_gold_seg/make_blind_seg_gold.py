"""Write the segmentation blind check: ``<lang>/<name>.txt`` + ``<lang>/<name>.gold.json`` from ``blind_seg_ar.py`` /
``blind_seg_en.py``.

Four articles (2 Arabic, 2 English) written from the rule book (``shared/docs/claim-units.md``) before the round of
segmenter rule work they check, in layouts the news gold and the held-out gold lack: a scraped English page with
navigation, a cookie notice, share buttons, an advertisement slot, a pull quote, a newsletter box, a correction notice
and ``Related:`` links; an English Q&A interview; an Arabic agency story with hard line wraps, pre-tokenised
punctuation and a numbered list; a scraped Arabic portal page with menus, a breaking-news ticker, widgets, captions, a
bullet list of prices, share and tag lines and related links. They are scored once at the end of the round, never
while tuning: ``python benchmarks/blind_seg_quality.py``.

The spec format and the offset finding are those of the held-out gold (``tests/data/heldout_gold/make_heldout_gold.py``,
imported, not copied). Run: ``python tests/data/blind_gold_seg/make_blind_seg_gold.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "heldout_gold"))

from make_heldout_gold import write_set  # noqa: E402

if __name__ == "__main__":
    print(f"wrote {write_set(HERE, 'blind_seg', 'blind-seg')} gold files")
