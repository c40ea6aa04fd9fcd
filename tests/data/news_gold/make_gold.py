"""Write the news gold: ``<lang>/<name>.txt`` and ``<lang>/<name>.gold.json`` from the articles in ``articles_*.py``.

Offsets are never counted by hand. Each article is written in a small line format, one unit per line::

    [sep]CODE| unit text [|| speaker | cue | direct|indirect]

CODE is ``T`` (title), ``H`` (heading), ``S`` (body sentence) or ``B <kind>`` (boilerplate of that kind). ``sep`` is
the whitespace before the unit: nothing = a new paragraph (blank line), ``/`` = a single line break, ``+`` = a
space (same paragraph). Inside a unit ``⏎`` stands for a line break and ``␣`` for a space kept before punctuation.
A claim's speaker and cue are looked up in the unit, else at their nearest preceding mention (rules 8 and 10).
For an existing text (the seed), the units are found in order in it instead, and every gap between units is
checked to be whitespace. Run: ``python tests/data/news_gold/make_gold.py``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from articles_ar import ARTICLES as AR  # noqa: E402
from articles_en import ARTICLES as EN  # noqa: E402

KINDS = {"T": "title", "H": "heading", "S": "body", "B": "boilerplate"}
SEPS = {"/": "\n", "+": " "}


def parse(spec: str) -> list[tuple[str, str, dict[str, Any]]]:
    """(separator, unit text, fields) for each line of an article spec."""
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
            fields["claim"] = (None if speaker == "-" else speaker, cue, qtype)
        out.append((sep, unit, fields))
    return out


def locate(text: str, entries: list[tuple[str, str, dict[str, Any]]], name: str) -> list[dict[str, Any]]:
    """Find each unit in order; check the tiling; fill the claim offsets."""
    units: list[dict[str, Any]] = []
    pos = 0
    for _, unit, fields in entries:
        start = text.find(unit, pos)
        if start < 0:
            raise ValueError(f"{name}: unit not found after offset {pos}: {unit[:60]!r}")
        if text[pos:start].strip():
            raise ValueError(f"{name}: non-whitespace between units before {unit[:40]!r}: {text[pos:start]!r}")
        end = start + len(unit)
        assert text[start:end] == unit and unit == unit.strip(), (name, unit)
        u: dict[str, Any] = {"start": start, "end": end, "kind": fields["kind"],
                             "boilerplate_kind": fields["boilerplate_kind"], "is_claim": False, "speaker": None,
                             "speaker_start": None, "speaker_end": None, "cue": None, "cue_start": None,
                             "cue_end": None, "quote_type": None}
        if "claim" in fields:
            speaker, cue, qtype = fields["claim"]
            c = text.find(cue, start, end)
            if c < 0:  # a quote continuation (rule 8): the attribution stands in an earlier unit
                c = text.rfind(cue, 0, start)
            if c < 0:
                raise ValueError(f"{name}: cue {cue!r} not found for unit {unit[:60]!r}")
            u.update(is_claim=True, cue=cue, cue_start=c, cue_end=c + len(cue), quote_type=qtype)
            if speaker is not None:
                s = text.find(speaker, start, end)
                if s < 0:
                    s = text.rfind(speaker, 0, start)
                if s < 0:
                    raise ValueError(f"{name}: speaker {speaker!r} not found for {unit[:60]!r}")
                u.update(speaker=speaker, speaker_start=s, speaker_end=s + len(speaker))
        units.append(u)
        pos = end
    if text[pos:].strip():
        raise ValueError(f"{name}: text left after the last unit: {text[pos:pos + 60]!r}")
    return units


def build(lang: str, name: str, spec: str, text: str | None = None) -> None:
    entries = parse(spec)
    if text is None:
        text = "".join((sep if i else "") + unit for i, (sep, unit, _) in enumerate(entries)) + "\n"
        (HERE / lang / f"{name}.txt").write_text(text, encoding="utf-8")
    units = locate(text, entries, f"{lang}/{name}")
    gold = {"lang": lang, "units": units}
    (HERE / lang / f"{name}.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n",
                                                  encoding="utf-8")


def main() -> None:
    for lang, articles in (("ar", AR), ("en", EN)):
        for name, spec in articles.items():
            existing = HERE / lang / f"{name}.txt"
            build(lang, name, spec, existing.read_text(encoding="utf-8") if name == "seed" else None)
    print(f"wrote {len(AR)} ar and {len(EN)} en gold files")


if __name__ == "__main__":
    main()
