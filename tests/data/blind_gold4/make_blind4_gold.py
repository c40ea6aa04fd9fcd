"""Write the fourth blind gold set: ``<lang>/<name>.txt`` + ``<lang>/<name>.gold.json`` from ``blind4_ar.py`` /
``blind4_en.py``.

How the set was made: 16 news articles (8 Arabic, 8 English, 150-450 words each) written for this set in
agency/newspaper style on topics the earlier sets do not use (water rationing, a cancer hospital, a cup final, a
procurement trial, flash floods, a fintech funding round, municipal elections and a rent law in Arabic; a transit fare
cut, an olive harvest, returned museum bronzes, a bribery trial, a formula recall, a wildfire, avalanche sensors and
airline refund rules in English). None is copied from a real article; people, outlets, companies, figures and quotes
are invented, real places and public bodies serve only as setting. Per language: four clean articles (title,
dateline, body paragraphs, a heading, a read-also/related line, a byline or a photo caption with its credit), two
with light scrape residue (breadcrumbs, timestamps, share buttons, ad slots, tags, newsletter, cookie and footer
lines, an "Update:" label) and two hard cases (pre-tokenised Arabic punctuation with ``”`` quotes and a closing quote
pushed onto the next line; hard-wrapped question-and-answer explainers with bullet lists; English abbreviations,
``”``-opened quotes, an in-quote ellipsis and wire datelines such as ``PROVO, Utah, Dec. 23 (UPI) --`` and
``(CNN) --``). Every article has claim units of several kinds (rules 6-12: attribution before and after the content,
``according to`` / ``بحسب`` / ``وفقاً ل``, headline colon attribution, dropped Arabic subjects and English pronouns
resolved to the nearest earlier explicit mention, quote continuations within and across paragraphs, relays
``نقلت X عن Y قوله`` and "Y said …, according to X") and non-claims (calls, demands, pledges, contentless speech
events, agentless hearsay, label colons in headlines). Units, kinds, boilerplate kinds, speakers, cues and quote
types were annotated from the rule book (``shared/docs/claim-units.md``) alone: the author did not read the
segmenter's code (``src/stancekit/builder/segment/``), its tests, any quality benchmark or the other gold sets'
article texts, and neither ran the segmenter nor any benchmark on this set before it was committed.

The spec format and the offset finding are those of the held-out gold (``tests/data/heldout_gold/make_heldout_gold.py``,
imported, not copied). Run: ``python tests/data/blind_gold4/make_blind4_gold.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "heldout_gold"))

from make_heldout_gold import write_set  # noqa: E402

if __name__ == "__main__":
    print(f"wrote {write_set(HERE, 'blind4', 'blind4')} gold files")
