"""Write the held-out gold: ``<lang>/<name>.txt`` + ``<lang>/<name>.gold.json``.

The held-out gold is annotated from the rule book (``shared/docs/claim-units.md``) on texts the segmenter's rules were
never tuned on: the 20 articles of the bundled demo corpus (``src/stancekit/examples/demo/articles.jsonl``, text taken
verbatim from the JSONL ``text`` field so offsets match what ingest stores) and 6 articles written for this set
(``written_ar.py`` / ``written_en.py``) in styles the news gold lacks.

Offsets are never counted by hand. Each article is a spec, one unit per line::

    [sep]CODE| unit text [|| speaker | cue | direct|indirect]

CODE: ``T`` title, ``H`` heading, ``S`` body, ``B <kind>`` boilerplate. ``sep`` is the whitespace before the unit:
nothing = a paragraph break (blank line), ``/`` = one line break, ``+`` = one space. In a unit, ``⏎`` stands for a line
break. For a demo article the units are found in order in the JSONL text and each declared separator is checked
against the real gap; for a written article the text is the units joined by their separators, and an article may ask
for hard line wraps (``WRAP``: every paragraph re-wrapped at that width, as a scraper that keeps the page's line
breaks would store it). Units are then matched with any whitespace standing for a space in the spec, and the gap
between two units must be whitespace only.

Speaker and cue are looked up as whole words (an Arabic word may carry a و/ف/ب/ل proclitic) and may be prefixed:
no prefix = inside the unit (a speaker not there falls back to its nearest earlier mention: rule 10); ``<`` = the
nearest occurrence before the unit (dropped subject, quote continuation); ``>`` = the first occurrence after it; a
``#n`` suffix takes the n-th occurrence in the unit. ``-`` as speaker: no explicit mention.
Run: ``python tests/data/heldout_gold/make_heldout_gold.py``.
"""

from __future__ import annotations

import json
import re
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
DEMO = REPO / "src" / "stancekit" / "examples" / "demo" / "articles.jsonl"
sys.path.insert(0, str(HERE))

KINDS = {"T": "title", "H": "heading", "S": "body", "B": "boilerplate"}
SEPS = {"/": "\n", "+": " "}
QTYPES = {"direct", "indirect"}
PROCLITICS = "وفبل"


@dataclass
class Entry:
    sep: str
    unit: str
    kind: str
    bkind: str | None
    claim: tuple[str, str, str] | None


def parse(spec: str, name: str) -> list[Entry]:
    out: list[Entry] = []
    for raw in spec.strip("\n").split("\n"):
        if not raw.strip():
            continue
        sep = "\n\n"
        if raw[0] in SEPS:
            sep, raw = SEPS[raw[0]], raw[1:]
        head, bar, rest = raw.partition("|")
        code, _, bkind = head.strip().partition(" ")
        if not bar or code not in KINDS:
            raise ValueError(f"{name}: bad spec line {raw!r}")
        unit, _, claim = rest.partition("||")
        unit = unit.strip().replace("⏎", "\n")
        if (code == "B") != bool(bkind):
            raise ValueError(f"{name}: boilerplate (and only boilerplate) has a kind: {raw!r}")
        fields = None
        if claim.strip():
            parts = [x.strip() for x in claim.split("|")]
            if len(parts) != 3 or parts[2] not in QTYPES or code == "B":
                raise ValueError(f"{name}: bad claim fields: {raw!r}")
            fields = (parts[0], parts[1], parts[2])
        out.append(Entry(sep, unit, KINDS[code], bkind or None, fields))
    return out


def loose(s: str) -> str:
    """A regex matching ``s`` with any run of whitespace wherever ``s`` has whitespace."""
    return r"\s+".join(re.escape(tok) for tok in s.split())


def squash(s: str) -> str:
    return " ".join(s.split())


def occurrences(text: str, word: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """(start, end) of whole-word matches of ``word`` in ``text[lo:hi]``; a cue ending in ``" ل"`` (``وفقاً ل``) ends
    on the preposition ``ل``, which is written onto the next word (``وفقاً لبيانات``), as in the news gold."""
    found = []
    for m in re.finditer(loose(word), text[lo:hi]):
        s, e = lo + m.start(), lo + m.end()
        before = text[s - 1] if s > 0 else " "
        before2 = text[s - 2] if s > 1 else " "
        after = text[e] if e < len(text) else " "
        pre_ok = not word[0].isalnum() or not before.isalnum() or (before in PROCLITICS and not before2.isalnum())
        post_ok = not word[-1].isalnum() or not after.isalnum() or word.endswith(" ل")
        if pre_ok and post_ok:
            found.append((s, e))
    return found


def find(text: str, spec: str, start: int, end: int, what: str, name: str, fallback: bool) -> tuple[int, int]:
    nth = 1
    if "#" in spec[1:]:
        spec, _, n = spec.rpartition("#")
        nth = int(n)
    where = "in"
    if spec[0] in "<>":
        where, spec = spec[0], spec[1:]
    if where == "in":
        occ = occurrences(text, spec, start, end)
        if len(occ) >= nth:
            return occ[nth - 1]
        if not fallback:
            raise ValueError(f"{name}: {what} {spec!r} not in the unit at {start}")
        where = "<"
    occ = occurrences(text, spec, 0, start) if where == "<" else occurrences(text, spec, end, len(text))
    if not occ:
        raise ValueError(f"{name}: {what} {spec!r} not found ({where}) for the unit at {start}")
    return occ[-1] if where == "<" else occ[0]


def locate(text: str, entries: list[Entry], name: str, check_seps: bool) -> list[dict[str, Any]]:
    units: list[dict[str, Any]] = []
    pos = 0
    for i, e in enumerate(entries):
        m = re.compile(loose(e.unit)).search(text, pos)
        if m is None:
            raise ValueError(f"{name}: unit not found after offset {pos}: {e.unit[:60]!r}")
        start, end = m.start(), m.end()
        gap = text[pos:start]
        if gap.strip():
            raise ValueError(f"{name}: non-whitespace before {e.unit[:40]!r}: {gap!r}")
        if check_seps and i and gap != e.sep:
            raise ValueError(f"{name}: separator {e.sep!r} declared but {gap!r} found before {e.unit[:40]!r}")
        unit = text[start:end]
        assert unit == unit.strip() and squash(unit) == squash(e.unit), (name, unit)
        u: dict[str, Any] = {"start": start, "end": end, "kind": e.kind, "boilerplate_kind": e.bkind,
                             "is_claim": False, "speaker": None, "speaker_start": None, "speaker_end": None,
                             "cue": None, "cue_start": None, "cue_end": None, "quote_type": None}
        if e.claim is not None:
            speaker, cue, qtype = e.claim
            cs, ce = find(text, cue, start, end, "cue", name, False)
            u.update(is_claim=True, cue=text[cs:ce], cue_start=cs, cue_end=ce, quote_type=qtype)
            if speaker != "-":
                ss, se = find(text, speaker, start, end, "speaker", name, True)
                u.update(speaker=text[ss:se], speaker_start=ss, speaker_end=se)
        units.append(u)
        pos = end
    if text[pos:].strip():
        raise ValueError(f"{name}: text left after the last unit: {text[pos:pos + 60]!r}")
    return units


def wrap(text: str, width: int) -> str:
    """Hard-wrap every line longer than ``width`` (words are never split)."""
    lines = []
    for line in text.split("\n"):
        lines.append("\n".join(textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False))
                     if len(line) > width else line)
    return "\n".join(lines)


def write(lang: str, name: str, text: str, units: list[dict[str, Any]], source: str, folder: Path = HERE) -> None:
    (folder / lang).mkdir(exist_ok=True)
    with open(folder / lang / f"{name}.txt", "w", encoding="utf-8", newline="") as fh:
        fh.write(text)
    gold = {"lang": lang, "source": source, "units": units}
    (folder / lang / f"{name}.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n",
                                                    encoding="utf-8")


def write_written(sets: dict[str, dict[str, tuple[int, str]]], source: str, folder: Path = HERE) -> int:
    """Articles written for a gold set (``{lang: {name: (wrap width or 0, spec)}}``): text and gold, per article."""
    n = 0
    for lang, written in sets.items():
        for name, (width, spec) in written.items():
            entries = parse(spec, name)
            text = "".join((e.sep if i else "") + e.unit for i, e in enumerate(entries)) + "\n"
            if width:
                text = wrap(text, width)
            write(lang, name, text, locate(text, entries, name, check_seps=not width), source, folder)
            n += 1
    return n


def write_set(folder: Path, prefix: str, source: str) -> int:
    """A blind set's writer: the ``ARTICLES`` of ``<prefix>_ar.py`` and ``<prefix>_en.py`` in ``folder``, written
    there by :func:`write_written` with ``source``; returns the number of gold files."""
    import importlib

    sys.path.insert(0, str(folder))
    sets = {lang: importlib.import_module(f"{prefix}_{lang}").ARTICLES for lang in ("ar", "en")}
    return write_written(sets, source, folder)


def demo_texts() -> dict[str, dict[str, Any]]:
    out = {}
    for line in DEMO.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            out[rec["id"]] = rec
    return out


def main() -> None:
    from demo_ar import ARTICLES as DEMO_AR
    from demo_en import ARTICLES as DEMO_EN
    from written_ar import ARTICLES as WRITTEN_AR
    from written_en import ARTICLES as WRITTEN_EN

    demo = demo_texts()
    n = 0
    for lang, articles in (("ar", DEMO_AR), ("en", DEMO_EN)):
        for doc_id, spec in articles.items():
            rec = demo[doc_id]
            if rec["lang"] != lang:
                raise ValueError(f"{doc_id}: lang {rec['lang']!r} in the JSONL, listed under {lang!r}")
            units = locate(rec["text"], parse(spec, doc_id), doc_id, check_seps=True)
            write(lang, doc_id, rec["text"], units, f"demo:{doc_id}")
            n += 1
    n += write_written({"ar": WRITTEN_AR, "en": WRITTEN_EN}, "written")
    missing = set(demo) - set(DEMO_AR) - set(DEMO_EN)
    if missing:
        raise ValueError(f"demo articles without gold: {sorted(missing)}")
    print(f"wrote {n} gold files")


if __name__ == "__main__":
    main()
