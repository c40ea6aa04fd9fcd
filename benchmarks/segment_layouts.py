"""Layout robustness: the news gold and the held-out gold re-laid out the way scrapers store text, scored like
``heldout_quality`` (content-sentence P/R/F1 per language).

Layouts (the gold offsets are kept, or mapped when characters are inserted):
- ``wrapN``: every line longer than N characters hard-wrapped at the last space before N (a line break replaces a
  space, so offsets are unchanged);
- ``collapsed``: blank lines between paragraphs become single line breaks (``\\n\\n`` -> ``\\n `` , offsets unchanged);
- ``collapsed+wrap72``: both;
- ``crlf``: Windows line ends (offsets mapped);
- ``pretok`` (Arabic): a space before ، . ؟ : ! ؛ and closing quotes, as some agency feeds store it (offsets mapped).
Usage: ``python benchmarks/segment_layouts.py [--errors]``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from heldout_quality import HELDOUT_DIR
from scoring import PRF, GoldDoc, content_prf, load_news_gold, rules_segment_fn

Relayout = Callable[[GoldDoc], tuple[str, list[dict[str, Any]]] | None]
_PRETOK = set("،.؟:!؛”»")


def rewrap(text: str, width: int) -> str:
    """Hard-wrap each line longer than ``width`` at its last space before ``width`` (same length as ``text``)."""
    out = list(text)
    pos = 0
    for line in text.split("\n"):
        start = 0
        while len(line) - start > width:
            k = line.rfind(" ", start, start + width + 1)
            if k <= start:
                k = line.find(" ", start + width)
                if k < 0:
                    break
            out[pos + k] = "\n"
            start = k + 1
        pos += len(line) + 1
    return "".join(out)


def _mapped(doc: GoldDoc, new: str, m: list[int]) -> tuple[str, list[dict[str, Any]]]:
    """The gold units moved by the offset map ``m`` (old offset -> new offset; ``m[end - 1] + 1`` keeps the end)."""
    return new, [dict(u, start=m[u["start"]], end=m[u["end"] - 1] + 1) for u in doc.units]


def _crlf(doc: GoldDoc) -> tuple[str, list[dict[str, Any]]]:
    out: list[str] = []
    m: list[int] = []
    for ch in doc.text:
        if ch == "\n":
            out.append("\r")
        m.append(len(out))
        out.append(ch)
    return _mapped(doc, "".join(out), m)


def _pretok(doc: GoldDoc) -> tuple[str, list[dict[str, Any]]] | None:
    if doc.lang != "ar":
        return None
    t, out, m = doc.text, [], []
    for i, ch in enumerate(t):
        if ch in _PRETOK and i and not t[i - 1].isspace() and not t[i - 1].isdigit() and "." not in (t[i - 1], ch):
            out.append(" ")
        m.append(len(out))
        out.append(ch)
    return _mapped(doc, "".join(out), m)


LAYOUTS: dict[str, Relayout] = {
    "wrap60": lambda d: (rewrap(d.text, 60), d.units),
    "wrap72": lambda d: (rewrap(d.text, 72), d.units),
    "wrap90": lambda d: (rewrap(d.text, 90), d.units),
    "collapsed": lambda d: (d.text.replace("\n\n", "\n "), d.units),
    "collapsed+wrap72": lambda d: (rewrap(d.text.replace("\n\n", "\n "), 72), d.units),
    "crlf": _crlf,
    "pretok": _pretok,
}


def main(argv: list[str] | None = None) -> dict[str, dict[str, float]]:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--errors", action="store_true", help="list every failure")
    args = ap.parse_args(argv)
    segment = rules_segment_fn()
    out: dict[str, dict[str, float]] = {}
    print(f"{'layout':<18}{'set':<13}{'P':>7}{'R':>7}{'F1':>7}")
    for name, relayout in LAYOUTS.items():
        for gold_name, gold_dir in (("news", None), ("held-out", HELDOUT_DIR)):
            per_lang: dict[str, PRF] = {}
            for doc in load_news_gold() if gold_dir is None else load_news_gold(gold_dir):
                got = relayout(doc)
                if got is None:
                    continue
                text, units = got
                prf = content_prf(segment(text, doc.lang), units, text if args.errors else "")
                per_lang.setdefault(doc.lang, PRF()).add(prf)
                for e in prf.errors:
                    print(f"  [{name} {doc.name}] {e['type']} {e['text'][:120]!r}")
            for lang, prf in sorted(per_lang.items()):
                out[f"{name}/{gold_name}/{lang}"] = {"precision": prf.precision, "recall": prf.recall, "f1": prf.f1}
                print(f"{name:<18}{gold_name + '/' + lang:<13}{prf.precision:>7.3f}{prf.recall:>7.3f}{prf.f1:>7.3f}")
    return out


if __name__ == "__main__":
    main()
