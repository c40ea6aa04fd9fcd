"""Write the third blind gold set: ``<lang>/<name>.txt`` + ``<lang>/<name>.gold.json`` from ``blind3_ar.py`` /
``blind3_en.py``.

How the set was made: 20 news articles (10 Arabic, 10 English, 150-500 words each) written for this set in
agency/newspaper style on varied topics (politics, economy, health, sport, courts, science, local news), none copied
from a real article; names, outlets, companies, figures and quotes are invented. The layouts follow what a news
scraper stores: half clean articles (title, dateline, body paragraphs, a heading, a read-also/related line, a byline
or a photo caption with its credit), a fifth with light scrape residue (breadcrumbs, share buttons, tags, "Follow
us on"/"تابعونا على" lines, timestamps, advertisement slots, newsletter and cookie lines) and the rest hard cases
(hard-wrapped lines, pre-tokenised Arabic punctuation with spaces before ``، . ؟ :``, quotes opened with ``”``,
bullet lists, questions-and-answers explainers, direct quotes running over paragraphs, English abbreviations and
wire datelines). Every article carries claim units of several kinds (rules 6-12: attribution before and after the
content, dropped subjects and pronouns, quote continuations, relays, headline colon attribution, "according to",
``بحسب``, ``وفقاً ل``) and non-claims (calls, demands, pledges, contentless speech events, agentless hearsay). The
units, kinds, speakers, cues and quote types were annotated from the rule book (``shared/docs/claim-units.md``)
alone: the author did not read the segmenter's code (``src/stancekit/builder/segment/``) nor run it or any quality
benchmark before the set was committed. Score it with ``python benchmarks/blind3_quality.py [--errors]``.

The spec format and the offset finding are those of the held-out gold (``tests/data/heldout_gold/make_heldout_gold.py``,
imported, not copied), whose cue matching also covers a cue ending in ``" ل"`` (``وفقاً ل``) that ends on the
preposition ``ل`` written onto the next word (``وفقاً لبيانات``), which a whole-word match cannot express.
Run: ``python tests/data/blind_gold3/make_blind3_gold.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "heldout_gold"))

from make_heldout_gold import write_set  # noqa: E402

if __name__ == "__main__":
    print(f"wrote {write_set(HERE, 'blind3', 'blind3')} gold files")
