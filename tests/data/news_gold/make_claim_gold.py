"""Write the claim-unit gold ``<lang>/cNN.txt`` + ``<lang>/cNN.gold.json`` from ``claims_ar.py`` / ``claims_en.py``.

Offsets are never counted by hand. An article is written one unit per line (the same line format as
``make_gold.py``)::

    [sep]CODE| unit text [|| speaker | cue | direct|indirect]

CODE: ``T`` title, ``H`` heading, ``S`` body sentence, ``B <kind>`` boilerplate. ``sep``: nothing = new paragraph,
``/`` = line break, ``+`` = a space (same paragraph). Speaker and cue are looked up as whole words (an Arabic
word may carry a و/ف/ب/ل proclitic before them) and may be prefixed:

- no prefix: inside the unit (the speaker, when absent, falls back to its nearest preceding occurrence: rule 10);
- ``<``: the nearest occurrence before the unit (a dropped subject, a quote continuation's cue);
- ``>``: the first occurrence after the unit (a continuation attributed later);
- a ``#n`` suffix takes the n-th occurrence inside the unit.

``-`` as speaker: a claim whose source has no explicit mention. Run: ``python tests/data/news_gold/make_claim_gold.py``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "heldout_gold"))

from make_heldout_gold import occurrences  # noqa: E402

KINDS = {"T": "title", "H": "heading", "S": "body", "B": "boilerplate"}
SEPS = {"/": "\n", "+": " "}
QTYPES = {"direct", "indirect"}


def parse(spec: str) -> list[tuple[str, str, dict[str, Any]]]:
    out: list[tuple[str, str, dict[str, Any]]] = []
    for raw in spec.strip("\n").split("\n"):
        if not raw.strip():
            continue
        sep = "\n\n"
        if raw[0] in SEPS:
            sep, raw = SEPS[raw[0]], raw[1:]
        head, _, rest = raw.partition("|")
        code, _, bkind = head.strip().partition(" ")
        unit, _, claim = rest.partition("||")
        unit = unit.strip().replace("⏎", "\n").replace("␣", " ")
        fields: dict[str, Any] = {"kind": KINDS[code], "boilerplate_kind": bkind or None}
        if code == "B" and not bkind:
            raise ValueError(f"boilerplate needs a kind: {raw!r}")
        if claim.strip():
            speaker, cue, qtype = (x.strip() for x in claim.split("|"))
            if qtype not in QTYPES or code == "B":
                raise ValueError(f"bad claim fields: {raw!r}")
            fields["claim"] = (speaker, cue, qtype)
        out.append((sep, unit, fields))
    return out


def _occurrences(text: str, word: str, lo: int, hi: int) -> list[int]:
    """Start offsets of the held-out generator's whole-word matches (one matcher for every gold set)."""
    return [s for s, _ in occurrences(text, word, lo, hi)]


def find(text: str, spec: str, start: int, end: int, what: str, name: str, fallback_back: bool) -> tuple[str, int]:
    nth = 1
    if "#" in spec[1:]:
        spec, _, n = spec.rpartition("#")
        nth = int(n)
    where = "in"
    if spec[0] in "<>":
        where, spec = spec[0], spec[1:]
    if where == "in":
        occ = _occurrences(text, spec, start, end)
        if len(occ) >= nth:
            return spec, occ[nth - 1]
        if not fallback_back:
            raise ValueError(f"{name}: {what} {spec!r} not in unit at {start}")
        where = "<"
    if where == "<":
        occ = _occurrences(text, spec, 0, start)
        if occ:
            return spec, occ[-1]
    else:
        occ = _occurrences(text, spec, end, len(text))
        if occ:
            return spec, occ[0]
    raise ValueError(f"{name}: {what} {spec!r} not found ({where}) for unit at {start}")


def locate(text: str, entries: list[tuple[str, str, dict[str, Any]]], name: str) -> list[dict[str, Any]]:
    units: list[dict[str, Any]] = []
    pos = 0
    for _, unit, fields in entries:
        start = text.find(unit, pos)
        if start < 0:
            raise ValueError(f"{name}: unit not found after offset {pos}: {unit[:60]!r}")
        if text[pos:start].strip():
            raise ValueError(f"{name}: non-whitespace between units before {unit[:40]!r}")
        end = start + len(unit)
        assert text[start:end] == unit and unit == unit.strip(), (name, unit)
        u: dict[str, Any] = {"start": start, "end": end, "kind": fields["kind"],
                             "boilerplate_kind": fields["boilerplate_kind"], "is_claim": False, "speaker": None,
                             "speaker_start": None, "speaker_end": None, "cue": None, "cue_start": None,
                             "cue_end": None, "quote_type": None}
        if "claim" in fields:
            speaker, cue, qtype = fields["claim"]
            cue, c = find(text, cue, start, end, "cue", name, False)
            assert text[c:c + len(cue)] == cue
            u.update(is_claim=True, cue=cue, cue_start=c, cue_end=c + len(cue), quote_type=qtype)
            if speaker != "-":
                speaker, s = find(text, speaker, start, end, "speaker", name, True)
                assert text[s:s + len(speaker)] == speaker
                u.update(speaker=speaker, speaker_start=s, speaker_end=s + len(speaker))
        units.append(u)
        pos = end
    if text[pos:].strip():
        raise ValueError(f"{name}: text left after the last unit")
    return units


def build(lang: str, name: str, spec: str) -> None:
    entries = parse(spec)
    text = "".join((sep if i else "") + unit for i, (sep, unit, _) in enumerate(entries)) + "\n"
    units = locate(text, entries, f"{lang}/{name}")
    (HERE / lang).mkdir(exist_ok=True)
    (HERE / lang / f"{name}.txt").write_text(text, encoding="utf-8")
    gold = {"lang": lang, "units": units}
    (HERE / lang / f"{name}.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n",
                                                  encoding="utf-8")


def main() -> None:
    from claims_ar import ARTICLES as AR
    from claims_en import ARTICLES as EN

    for lang, articles in (("ar", AR), ("en", EN)):
        for name, spec in articles.items():
            build(lang, name, spec)
    print(f"wrote {len(AR)} ar and {len(EN)} en claim gold files")


if __name__ == "__main__":
    main()
