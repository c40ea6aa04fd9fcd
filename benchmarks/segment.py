"""Speed of the segment stage beside pysbd, spaCy's sentencizer and blingfire, on the same text in one run.

The corpus (``--corpus mixed``, the default): the news gold articles and the UD documents, repeated to ``--mb`` MB
(UTF-8), half Arabic, half English; most documents are short UD texts, each repeated many times. ``--corpus news``:
the documents ``benchmarks/scale.py`` writes into its campaign (a headline and 4-12 paragraphs of the news gold
articles, numbers varied, alternately English and Arabic), so this measures the stage on the text the whole
``stancekit segment`` command is timed on. stancekit's stage is ``segment_batch`` in-process (one core), timed
twice: units only (``claims=False``) and with claim attribution when that module exists. Peers run on the first
``--peer-mb`` MB of the same documents (pysbd runs at well under 1 MB/s) and are skipped with a note when not
installed. MB/s per core = MB / CPU seconds.
Usage: ``python benchmarks/segment.py [--mb 100] [--corpus mixed|news] [--peer-mb 10] [--batch 2000] [--runs 3]
[--no-peers]``.

Where the time goes (perf, one core), with the compiled segmenter (``_native.pyx``) and attribution
(``_attr_native.pyx``) that follow the Python rules (``STANCEKIT_NATIVE=0`` times the Python rules alone):
- units (~19 ms per MB for the stage, ~13 of them in ``segment_docs``): the BLAKE2b of each unit id ~14% of
  ``segment_docs`` (the portable compression; an AVX2 one measured no faster for these one-block messages); the
  columns' buffers (the text's UTF-8, offsets, validity) ~10%; the line rules ~25%: the needle scan (SSE2, 16 bytes
  at a time) ~4%, the Python regexes of the lines a rule can still match (the dispatch on their first two characters
  rules out most lines) ~8%, the Python dateline rules on the lines that may start with one ~3%; the sentence
  splitter ~10% (terminals found with SSE2); the rest each line's str and each document's objects. Outside
  ``segment_docs``: the documents' strs (polars ``to_list``, ~1.4 ms per MB) and the polars frame (~2).
- claims: the compiled attribution, flat: speaker phrases (``analyse_ar``/``analyse_en``) ~60%, cue finding ~20%,
  and Python object churn throughout (token tuples, word strings, set look-ups); the claim columns come back as
  Arrow buffers (no Python object is kept per unit).
- the ``stancekit segment`` command's worker (callgrind instruction counts over 2000-article slices of the 100 MB
  campaign, ~1,040M a slice): claim attribution ~58% (speaker phrases ~30, cue finding ~11: the key filter's scan
  ~3.5, the cue words' occurrences ~3), ``segment_docs`` ~26% (the line rules ~9: their needle scan ~3.5 and the
  regexes of the lines a rule can still match; unit ids ~4), the Parquet write ~10% (zstd ~5), the rest reading the
  slice and making its strs (~3). Gone in the last session: the claim columns built in polars from per-field lists
  (now Arrow buffers written by the attribution, ~4%), a new int object for every offset the attribution boxes
  (~3.5%), the line-neighbour rule in Python (~1%), min/max statistics of text columns (~1%); since, the whitespace
  tokens of the speaker phrases' windows are scanned per character width (~0.7%). A new worker's first slice costs
  ~60 ms more (the line dispatch's first keys' compiles ~30, the key filter's build, the first Parquet read and
  write); the prefix analysis of the dispatch is made once in the fork server now, and a worker imports nothing
  after its fork. The command's start-up is the fork server's imports (~0.4 s from the command's start: pyarrow and
  numpy ~0.1, the Arabic cue keys' table of ~150,000 spellings with the cue regex ~0.05, the line rules' regexes
  ~0.03) beside the command's own (~0.4 s: typer with pydantic, rich, pyarrow); neither imports polars (the workers
  read, segment and write Arrow, and the summary's counts come from them), and the last slices are halved so the
  two workers end within ~40 ms of each other.
A per-line or per-document cache would only measure this corpus's repetition (every document recurs ~200 times in
100 MB), so none is used.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scoring import LAYOUTS, iter_ud, load_news_gold
from stancekit.builder.segment.rules import RuleSegmenter
from stancekit.builder.segment.units import segment_batch
from stancekit.config import OPTIONS


def corpus(mb: float, kind: str = "mixed") -> list[tuple[str, str, str]]:
    """(doc_id, text, lang) rows totalling at least ``mb`` MB, alternating the news gold and UD documents (``mixed``),
    or scale.py's generated news articles (``news``)."""
    if kind == "news":
        return news_corpus(mb)
    base = [(d.text, d.lang) for d in load_news_gold()]
    base += [(r["text"], r["lang"]) for r in iter_ud(LAYOUTS[0])]
    out: list[tuple[str, str, str]] = []
    size, i = 0, 0
    while size < mb * 1e6:
        text, lang = base[i % len(base)]
        out.append((f"d{i}", text, lang))
        size += len(text.encode("utf-8"))
        i += 1
    return out


def news_corpus(mb: float, seed: int = 13) -> list[tuple[str, str, str]]:
    """The articles of ``scale.write_corpus`` (same generator and seed), without writing a campaign."""
    from scale import _vary, paragraph_pools

    rng = random.Random(seed)
    pools = paragraph_pools()
    out: list[tuple[str, str, str]] = []
    size = 0
    while size < mb * 1e6:
        lang = "ar" if len(out) % 2 else "en"
        titles, body = pools[lang]
        title = _vary(rng.choice(titles), rng)
        text = "\n\n".join([title, *(_vary(p, rng) for p in rng.sample(body, rng.randint(4, 12)))])
        out.append((f"d{len(out)}", text, lang))
        size += len(text.encode("utf-8"))
    return out


def nbytes(rows: list[tuple[str, str, str]]) -> float:
    return sum(len(t.encode("utf-8")) for _, t, _ in rows) / 1e6


def timed(fn: Callable[[], int], runs: int = 1) -> tuple[float, float, int]:
    """CPU seconds of this process (the median of ``runs`` runs), wall seconds of that run, the function's count."""
    results = []
    for _ in range(runs):
        c0, w0 = time.process_time(), time.perf_counter()
        n = fn()
        results.append((time.process_time() - c0, time.perf_counter() - w0, n))
    return sorted(results)[len(results) // 2]


def batches(rows: list[tuple[str, str, str]], size: int) -> Iterator[pl.DataFrame]:
    for i in range(0, len(rows), size):
        chunk = rows[i : i + size]
        yield pl.DataFrame({"doc_id": [r[0] for r in chunk], "text": [r[1] for r in chunk],
                            "lang": [r[2] for r in chunk]})


def run_stancekit(rows: list[tuple[str, str, str]], batch: int, claims: bool) -> int:
    frames = list(batches(rows, batch))  # building the frames counts: a runner reads them too
    return sum(segment_batch(df, claims=claims)[0].height for df in frames)


def peers() -> dict[str, Callable[[list[tuple[str, str, str]]], int] | str]:
    out: dict[str, Callable[[list[tuple[str, str, str]]], int] | str] = {}
    try:
        import pysbd

        segs = {lang: pysbd.Segmenter(language=lang, clean=False) for lang in ("en", "ar")}
        out["pysbd"] = lambda rows: sum(len(segs[lang].segment(t)) for _, t, lang in rows)
    except ImportError:
        out["pysbd"] = "not installed (pip install pysbd)"
    try:
        import spacy

        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        out["spacy sentencizer"] = lambda rows: sum(
            len(list(doc.sents)) for doc in nlp.pipe((t for _, t, _ in rows), batch_size=256))
    except ImportError:
        out["spacy sentencizer"] = "not installed (pip install spacy)"
    try:
        import blingfire

        out["blingfire"] = lambda rows: sum(blingfire.text_to_sentences(t).count("\n") + 1 for _, t, _ in rows)
    except ImportError:
        out["blingfire"] = "not installed (pip install blingfire)"
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mb", type=float, default=100.0)
    ap.add_argument("--corpus", choices=("mixed", "news"), default="mixed", help="see the module docstring")
    ap.add_argument("--peer-mb", type=float, default=10.0)
    ap.add_argument("--batch", type=int, default=OPTIONS["segment"]["batch_size"].default,
                    help="documents per segment_batch call (default: [segment] batch_size's default)")
    ap.add_argument("--runs", type=int, default=3, help="stancekit is timed this many times; the median is shown")
    ap.add_argument("--no-peers", action="store_true", help="time stancekit only")
    args = ap.parse_args()
    rows = corpus(args.mb, args.corpus)
    mb = nbytes(rows)
    print(f"corpus ({args.corpus}): {len(rows):,} documents, {mb:.1f} MB; batches of {args.batch} documents; "
          f"stancekit: median of {args.runs} run(s)")
    results: dict[str, float] = {}
    cpus: dict[bool, float] = {}
    units_label = f"stancekit units ({RuleSegmenter.name})"
    for label, claims in ((units_label, False), ("stancekit units + claims", True)):
        cpu, wall, n = timed(lambda c=claims: run_stancekit(rows, args.batch, c), args.runs)  # type: ignore[misc]
        results[label] = mb / cpu
        cpus[claims] = cpu
        print(f"{label:<30} {mb / cpu:8.1f} MB/s per core  ({n:,} units, {cpu:.1f} s CPU, {wall:.1f} s wall)")
    claims_cpu = cpus[True] - cpus[False]
    if claims_cpu > 0:
        print(f"{'  of which claim attribution':<30} {mb / claims_cpu:8.1f} MB/s per core  ({claims_cpu:.1f} s CPU)")
    if args.no_peers:
        return
    sub = corpus(min(args.peer_mb, args.mb), args.corpus)
    sub_mb = nbytes(sub)
    for name, fn in peers().items():
        if isinstance(fn, str):
            print(f"{name:<30} skipped: {fn}")
            continue
        cpu, wall, n = timed(lambda f=fn: f(sub))  # type: ignore[misc]
        results[name] = sub_mb / cpu
        print(f"{name:<30} {sub_mb / cpu:8.1f} MB/s per core  ({n:,} sentences on {sub_mb:.1f} MB, {cpu:.1f} s CPU)")
    ours = results[units_label]
    print("\nratios (stancekit units / peer):")
    for name, rate in results.items():
        if not name.startswith("stancekit"):
            print(f"  vs {name:<26} {ours / rate:8.2f}x")


if __name__ == "__main__":
    main()
