"""The compiled rule segmenter (``_native.pyx``) gives exactly the units of the Python rules (its reference).

Compared on every gold article in ``tests/data``, the UD documents in each layout, mutated documents (layout and
punctuation pieces spliced into UD text: the shapes the rare paths handle) and hypothesis text; the line classifier
and the sentence scanner also on their own. A rule changed in Python and not in ``_native.pyx`` fails here.
``STANCEKIT_REQUIRE_NATIVE=1`` (CI) makes a missing or stale compiled module a failure rather than a skip.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stancekit.builder.segment import datelines, native, rules, sentences
from stancekit.builder.segment.boilerplate import classify_line
from stancekit.builder.segment.layout import physical_lines
from stancekit.builder.segment.units import segment_batch
from stancekit.errors import SchemaError

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_segment_regression import _JUNK  # noqa: E402

from native_helpers import compiled_module, gold_texts, mutated_documents, ud_documents  # noqa: E402
from scoring import UD_DIR  # noqa: E402


@pytest.fixture(scope="module")
def nat():  # type: ignore[no-untyped-def]
    return compiled_module("_native")


def _differences(nat, docs: list[tuple[str, str | None]]) -> list[str]:  # type: ignore[no-untyped-def]
    bad = []
    for text, lang in docs:
        want = rules.segment_tuples(text, lang or "und")
        got = nat.segment_tuples(text, lang or "und")
        if got != want:
            pairs = enumerate(zip(want, got, strict=False))
            first = next((i for i, (a, b) in pairs if a != b), min(len(want), len(got)))
            bad.append(f"{lang}: {text[:60]!r}: unit {first}: python {want[first:first + 1]} compiled "
                       f"{got[first:first + 1]}")
    return bad


def test_status_names_how_it_runs() -> None:
    assert native.status().split()[0] in ("compiled", "off", "not", "stale")


def test_off_and_stale_builds_fall_back_to_python(nat, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                   caplog: pytest.LogCaptureFixture) -> None:  # type: ignore[no-untyped-def]
    native._probe.cache_clear()
    monkeypatch.setenv("STANCEKIT_NATIVE", "0")
    assert native.load() is None and native.status().startswith("off")
    native._probe.cache_clear()
    monkeypatch.delenv("STANCEKIT_NATIVE")
    (tmp_path / "_native.pyx").write_text("# edited after the build\n", encoding="utf-8")
    monkeypatch.setattr(native, "_HERE", tmp_path)
    assert native.load() is None
    assert native.status().startswith("stale") and "rebuilds it" in native.status()
    assert "stale" in caplog.text
    monkeypatch.undo()
    native._probe.cache_clear()

    def unbuilt(name: str) -> None:
        raise ImportError(f"No module named {name!r}")

    monkeypatch.setattr(native, "import_module", unbuilt)
    assert native.load("_native") is None
    assert native.status("_native").startswith("not built") and "builds it" in native.status("_native")
    assert "not built" in caplog.text
    monkeypatch.undo()
    native._probe.cache_clear()
    assert native.load() is nat


def test_gold_articles(nat) -> None:  # type: ignore[no-untyped-def]
    docs = gold_texts()
    assert len(docs) >= 80
    assert _differences(nat, docs) == []


@pytest.mark.skipif(not UD_DIR.exists(), reason="../shared/data/ud-sentences is not available")
def test_ud_documents(nat) -> None:  # type: ignore[no-untyped-def]
    assert _differences(nat, ud_documents()) == []


@pytest.mark.skipif(not UD_DIR.exists(), reason="../shared/data/ud-sentences is not available")
def test_mutated_documents(nat) -> None:  # type: ignore[no-untyped-def]
    assert _differences(nat, mutated_documents()) == []


_PIECES = st.sampled_from([*_JUNK, "word", "Word", "قال", "وأضاف", "إن", "the", "A.", "p.m.", "Inc.", "(AFP)", "1. ",
                           "• ", "- ", "أولاً: ", "Photo: X/Reuters", "Reuters", "cookies", "@", " | ", "> ", "»",
                           "٢٠٢٤", "2024", "March 3, 2024", "Update: ", "Share", "اقرأ أيضا", "\u200f", "ـ"])


@settings(deadline=None, max_examples=300)
@given(st.lists(_PIECES, min_size=1, max_size=40), st.sampled_from(["ar", "en", "und"]))
def test_random_texts(nat, pieces: list[str], lang: str) -> None:  # type: ignore[no-untyped-def]
    text = "".join(pieces)
    assert nat.segment_tuples(text, lang) == rules.segment_tuples(text, lang)


@settings(deadline=None, max_examples=300)
@given(st.text(alphabet=st.sampled_from([*" \n.!?؟…\"“”«»'’()[],،:;Aa1٣بقال-–/@|>", "é", "😀"]), min_size=1,
               max_size=80))
def test_random_characters(nat, text: str) -> None:  # type: ignore[no-untyped-def]
    for lang in ("ar", "en"):
        assert nat.segment_tuples(text, lang) == rules.segment_tuples(text, lang)
        if text.strip():
            assert nat.split_sentences(text, 0, len(text), lang) == sentences.split_sentences(text, 0, len(text), lang)


_TOKEN_TEXT = st.text(alphabet=st.sampled_from([*"ab.A1 \n\t\"“”«»'‘’()[],!?؟،:;", "\u00a0", "ب", "😀"]), max_size=40)


@settings(deadline=None, max_examples=500)
@given(_TOKEN_TEXT, st.integers(0, 40), st.integers(0, 40))
def test_token_before_and_word_after(nat, text: str, a: int, b: int) -> None:  # type: ignore[no-untyped-def]
    """The hand-written scans equal the regexes they replace, backtracking and ``$`` before a newline included."""
    lo, p = sorted((min(a, len(text)), min(b, len(text))))
    assert nat.token_before(text, p, lo) == sentences._token_before(text, p, lo)
    m = sentences._WORD_AFTER.match(text, lo, p)
    assert nat.word_after(text, lo, p) == (m.group(1) if m else "")


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_word_count_thresholds(nat, lang: str) -> None:  # type: ignore[no-untyped-def]
    """Lines of 1..50 words in each role (title, heading, link list, continued lines, captions), so every threshold
    of the layout rules is met from both sides."""
    word = "كلمة" if lang == "ar" else "word"
    docs = []
    for n in range(1, 51):
        line = " ".join([word] * n)
        docs += [f"{line}\n\n{line}.\n{line}", f"{line}:\n- {line}\n- {line}", f"Read more:\n{line}\n{line}",
                 f"Title\n\n{line}\n{line}\n\n{line})", f"{line}\n(AP Photo)\n{line}.", f"{line},\n{line}."]
    assert _differences(nat, [(d, lang) for d in docs]) == []


@settings(deadline=None, max_examples=500)
@given(st.text(alphabet=st.sampled_from([*"ab  \n«“", "é", "ب", "😀"]), max_size=70),
       st.sampled_from([*" \n«“é", "😀"]), st.integers(0, 70), st.integers(0, 70), st.integers(-1, 40))
def test_count_upto(nat, text: str, ch: str, a: int, b: int, limit: int) -> None:  # type: ignore[no-untyped-def]
    """The character count (16 or 8 characters at a time, then one by one) stops at its limit and counts exactly."""
    lo, hi = sorted((min(a, len(text)), min(b, len(text))))
    n = text.count(ch, lo, hi)
    assert nat.count_upto(text, ch, lo, hi, limit) == (n if limit < 0 else min(n, limit))


def _text_column(cols: dict) -> list[str]:  # type: ignore[type-arg]
    _valid, offsets, data = cols["text"]
    at = np.frombuffer(offsets, dtype=np.int64)
    raw = bytes(memoryview(data))
    return [raw[at[i]:at[i + 1]].decode("utf-8") for i in range(cols["n"])]


@settings(deadline=None, max_examples=200)
@given(st.lists(st.sampled_from(["Plain ASCII words here", " ", ". ", "’", "é", "ب", "…", "😀", "\n\n", "Ab"]),
                min_size=1, max_size=30).map("".join))
def test_text_column_is_the_units_utf8(nat, text: str) -> None:  # type: ignore[no-untyped-def]
    """The text column is written as UTF-8 from each kind of str (ASCII runs of 8 at once in two-byte text)."""
    cols = nat.segment_docs(["d"], [text], ["en"])
    starts, ends = cols["start"], cols["end"]
    assert _text_column(cols) == [text[a:b] for a, b in zip(starts, ends, strict=True)]


def test_a_lone_surrogate_cannot_be_written(nat) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UnicodeEncodeError, match="surrogate"):
        nat.segment_docs(["d"], ["Words before it. A lone \ud800 here."], ["en"])


_NEEDLE_WORDS = {"hoto": "hoto", "Image": "Image", "Getty": "Getty", "contributed": "contributed", "bar": " | ",
                 "ookie": "ookie", "inbox": "inbox", "ewsletter": "ewsletter", "slash": "/", "at": "@"}
_AR_CHROME = ("الارتباط", "كوكيز", "توافق", "نشرة", "نشرتنا", "بريدك")


def _needles_expected(line: str) -> set[str]:
    """What the needle scan must find in a line of fewer than 45 spaces, as Python's ``in``."""
    out = {name for name, word in _NEEDLE_WORDS.items() if word in line}
    out |= {"crumb"} if any(c in line for c in ">»›") else set()
    out |= {"you_agree"} if "you agree" in line or "you accept" in line else set()
    out |= {"ar_chrome"} if any(w in line for w in _AR_CHROME) else set()
    return out | ({"digit"} if any(c.isdecimal() for c in line) else set())


_NEEDLE_PIECES = st.sampled_from([
    *_NEEDLE_WORDS.values(), *_AR_CHROME, "you agree", "you accept", "Photo", "newsletter", "cookie", "Jane Doe",
    "ho", "ib", "ki", "ox", "ws", "yo", "Im", "Ge", "اط", "يز", "فق", "نش", "دك", ">", "»", "›",
    "7", "٣", "۵", "\u07c3", "\u2070", "é", "😀", "x", "ب", " ", "|",  # (N'Ko three: a digit above U+0700)
])


@settings(deadline=None, max_examples=500)
@given(st.lists(_NEEDLE_PIECES, max_size=60), st.sampled_from(["", "é", "ب", "😀"]))
def test_needle_scan(nat, pieces: list[str], width: str) -> None:  # type: ignore[no-untyped-def]
    """The needle scan (16- or 8-character blocks, then one character at a time) finds what ``in`` finds, in lines of
    each character width, up to the space limit."""
    line = width + "".join(pieces)
    found, spaces = nat.needles(line)
    if line.count(" ") >= 45:
        assert spaces >= 45
        return
    assert spaces == line.count(" ")
    assert {name for name, bit in nat.NEEDLE_FLAGS.items() if found & bit} == _needles_expected(line), line


def test_line_classifier(nat) -> None:  # type: ignore[no-untyped-def]
    lines = {text[s:e] for text, _ in gold_texts() for s, e, _ in physical_lines(text)}
    lines |= {
        "We use cookies to improve your experience.", "Get our newsletter in your inbox every morning",
        "By continuing to browse you agree to our use of cookies", "John Smith contributed reporting to this story.",
        "Jane Doe | Reuters", "Photo: John Smith/Reuters", "Image caption: a man", "Getty Images",
        "يستخدم هذا الموقع ملفات تعريف الارتباط", "اشترك في النشرة البريدية", "أدخل بريدك الإلكتروني",
        "تواصل معنا: 0123456789", "Contact us: +44 20 7946 0000", "للتواصل: ٠١٢٣٤٥٦٧٨٩", "Home > News > World",
        "الرئيسية » أخبار » اقتصاد", "email@example.com", "foo@bar.com said the minister", "ookie", "inbox",
        "b", "k", "x", "w", "y", "ط", "ز", "ق", "ش", "ك", "Tags: Iraq", "Reuters", "(AP Photo/John Doe)",
        "7 min read", "12 - minutes read", "قراءة 4 دقائق", "٤ دقائق للقراءة", "۴ دقيقة", "min read", "دقائق قراءة",
    }
    # every word-count threshold of the line rules (8, 10, 12, 14, 16, 20, 25, 40, 45 words) on both sides
    for n in range(1, 50):
        words = " ".join(["word"] * n)
        lines |= {f"Photo: {words}", f"{words} (AP Photo)", f"{words} (Reuters)", f"{words}/Reuters", f"Share {words}",
                  f"By {words.title()}", f"{words} cookies", f"{words}@example.com", f"Home > {words}", f"{words} |",
                  f"Facebook {words}", f"March 3, 2024 {words}", f"صورة {words}", f"Contact {n} {words}",
                  f"Tags: {words}", f"{words} contributed reporting to this story."}
    bad = [(line, classify_line(line), nat.classify_line(line)) for line in sorted(lines)
           if classify_line(line) != nat.classify_line(line)]
    assert bad == []


def test_batch_frames_equal(nat, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """segment_batch through the compiled path and through the Python rules: the same frames, rejects included."""
    rows = [(f"g{i}", text, lang) for i, (text, lang) in enumerate(gold_texts())]
    rows += [("empty", "", "en"), ("ws", " \n ", "ar"), ("none", None, "en"),
             ("chrome", "Share\nFacebook | Twitter", "en"),
             # each width of str (the text column is written as UTF-8 from each): Latin-1, BMP, astral
             ("latin1", "Café crème\n\nLe café est fermé. Über alles, naïve façade.", "en"),
             ("astral", "Markets 📈 rallied\n\nStocks rose 😀 on Monday. 𝔘nicode 𝕏 text.", "en"),
             ("mixed", "Title\n\nهذا نص عربي. English text — 😀 and more.\n(AP Photo/Jane Doe)", "und")]
    docs = pl.DataFrame({"doc_id": [r[0] for r in rows], "text": [r[1] for r in rows], "lang": [r[2] for r in rows]},
                        schema={"doc_id": pl.String, "text": pl.String, "lang": pl.String})
    for claims in (False, True):
        units_c, rejects_c = segment_batch(docs, claims=claims)
        monkeypatch.setattr(native, "load", lambda name="_native": None)
        units_p, rejects_p = segment_batch(docs, claims=claims)
        monkeypatch.undo()
        assert units_c.equals(units_p)
        assert rejects_c.equals(rejects_p)
        assert rejects_c.height >= 3


def test_arrow_batches_give_the_same_units_rejects_and_counts(nat, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """segment_arrow (what the segment workers run) on an Arrow record batch equals it on a polars frame, compiled
    and through the Python rules; its counts are the table's (kinds, claim units), its rejects segment_batch's."""
    from stancekit.builder.segment.units import segment_arrow

    rows = [(f"g{i}", text, lang) for i, (text, lang) in enumerate(gold_texts())]
    rows += [("empty", "", "en"), ("none", None, "ar"), ("chrome", "Share\nFacebook | Twitter", "en")]
    docs = pl.DataFrame({"doc_id": [r[0] for r in rows], "text": [r[1] for r in rows], "lang": [r[2] for r in rows],
                         "source": ["s.jsonl"] * len(rows), "source_row": list(range(1, len(rows) + 1))},
                        schema={"doc_id": pl.String, "text": pl.String, "lang": pl.String, "source": pl.String,
                                "source_row": pl.Int64})
    batch = docs.to_arrow().to_batches()[0]
    results = []
    for compiled in (True, False):
        if not compiled:
            monkeypatch.setattr(native, "load", lambda name="_native": None)
        for batch_in in (docs, batch):
            units, rejects, counts = segment_arrow(batch_in)
            frame = pl.from_arrow(rejects) if rejects is not None and not isinstance(rejects, pl.DataFrame) else rejects
            results.append((units, frame, counts))
        monkeypatch.undo()
    units, rejects, counts = results[0]
    for other in results[1:]:
        assert other[0].equals(units) and other[1].equals(rejects) and other[2] == counts
    table = pl.from_arrow(units)
    assert counts == {**{f"kind:{k}": n for k, n in sorted(table["kind"].value_counts().iter_rows())},
                      "claim_units": int(table["is_claim"].sum())}
    assert counts["claim_units"] > 10
    assert rejects.equals(segment_batch(docs)[1]) and rejects.height == 3
    assert rejects["source_row"].to_list() == [len(rows) - 2, len(rows) - 1, len(rows)]


def test_a_repeated_doc_id_is_the_same_error_from_arrow(nat) -> None:  # type: ignore[no-untyped-def]
    """The same document twice in an Arrow batch: the compiled path's numpy check of the unit ids sends it to
    conform, which names the duplicate key, as for a frame."""
    from stancekit.builder.segment.units import segment_arrow

    docs = pl.DataFrame({"doc_id": ["a", "b", "a"], "text": ["One. Two.", "Three.", "One. Two."], "lang": ["en"] * 3})
    for batch_in in (docs, docs.to_arrow().to_batches()[0]):
        with pytest.raises(SchemaError, match="duplicate key"):
            segment_arrow(batch_in, claims=False)


def test_a_null_doc_id_is_the_same_error(nat, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """The doc_id column is written by segment_docs: a null id there is the error the Python path gives."""
    docs = pl.DataFrame({"doc_id": ["a", None, "c"], "text": ["One. Two.", "Three. Four.", "Five."],
                         "lang": ["en"] * 3})
    errors = []
    for compiled in (True, False):
        if not compiled:
            monkeypatch.setattr(native, "load", lambda name="_native": None)
        with pytest.raises(SchemaError) as exc:
            segment_batch(docs, claims=False)
        errors.append(str(exc.value))
    assert errors[0] == errors[1] and "doc_id" in errors[0] and "row(s) 2, 3" in errors[0]


_AR_DATELINE_PIECES = st.sampled_from([
    "بغداد", "واشنطن", "بيروت", "قال", "إن", "ـ", " ", "  ", "\n", "\t", "،", ",", "-", "--", "–", "—", "(", ")",
    "رويترز", "أ ف ب", "بال بلس", "«الحياة»", "5 مايو", "x", ":", "/", "ٱ", "ۓ", "؟", "ء",
])


_WS = st.sampled_from(["", " ", "  ", "\n", "\t"])
_AR_COMMA_PART = st.tuples(st.sampled_from(["،", ","]), _WS,
                           st.one_of(st.text(alphabet="ب x", min_size=25, max_size=35),
                                     st.text(alphabet="ب x\n)", max_size=40)), _WS).map("".join)
_AR_AGENCY_PART = st.tuples(_WS, st.sampled_from(["", "-", "–"]), _WS, st.just("("),
                            st.text(alphabet="رب x", max_size=32), st.just(")")).map("".join)
_AR_DATELINE_SHAPED = st.tuples(  # a place, a comma part of any length, an agency, a dash: each boundary of the regex
    st.lists(st.sampled_from(["بغداد", "غزة", "ۓ", "ٱب", "x"]), min_size=1, max_size=4).map(" ".join), _WS,
    st.one_of(st.just(""), _AR_COMMA_PART), st.one_of(st.just(""), _AR_AGENCY_PART),
    _WS, st.sampled_from(["-", "--", "—", "ـ", ""]), _WS, st.sampled_from(["", "قال", "رويترز", "بال بلس"]),
).map("".join)


@settings(deadline=None, max_examples=1500)
@given(st.one_of(st.lists(_AR_DATELINE_PIECES, max_size=16).map("".join), _AR_DATELINE_SHAPED))
def test_ar_dateline_gate_never_refuses_a_match(nat, line: str) -> None:  # type: ignore[no-untyped-def]
    """The compiled gate before ``_AR_DATELINE`` says no only where the regex cannot match."""
    if datelines._AR_DATELINE.match(line):
        assert nat.ar_dateline_may_match(line), line


def test_ar_dateline_gate_refuses_lines_without_a_dateline_start(nat) -> None:  # type: ignore[no-untyped-def]
    for line in ("في يوم الثلاثاء, الثالث من تشرين الثاني, قرر عمدة سان-غودانس (في إقليم",
                 "من خلال جدته, كان ميشيما ينحدر مباشرةً من سلالة توكوغاوا إيه-ياسو.", "قال الوزير إن النمو - كما توقع",
                 "- بغداد", "بغداد  - رويترز", "بغداد، (رويترز) - قال"):
        assert not datelines._AR_DATELINE.match(line) or nat.ar_dateline_may_match(line), line
    assert not nat.ar_dateline_may_match("في يوم الثلاثاء, الثالث من تشرين الثاني, قرر عمدة سان-غودانس")
    assert not nat.ar_dateline_may_match("قال الوزير إن النمو - كما توقع")
    assert nat.ar_dateline_may_match("بغداد (رويترز) - قال") and nat.ar_dateline_may_match("واشنطن – بال بلس")
    assert nat.ar_dateline_may_match("الرياض، 5 مايو (رويترز) - رفعت")
    for n in (29, 30, 31):  # the comma part's 30 characters, from its first to its last that is not a space
        line = f"بغداد،  {'ب' * (n - 2)} ب  - قال"
        assert nat.ar_dateline_may_match(line) == bool(datelines._AR_DATELINE.match(line)) == (n <= 30), n


_DATELINE_LINES = [
    "WASHINGTON (Reuters) - The talks resumed on Monday.", "WASHINGTON (Reuters) -The talks resumed.",
    "The well-known talks resumed on Monday in the capital.", "PROVO, Utah, Dec. 23 (UPI) -- Police said.",
    "Beirut (AFP) –\u00a0Officials said the border stayed shut.", "Beirut (AFP) –\tOfficials said so.",
    "Paris, France, Jan. 3 (AFP) — The minister said.", "Washington, D.C. – Officials met on Monday.",
    "A line that ends with a dash -", "Trump — who spoke on Monday — said nothing new.",
    "LONDON: Protesters gathered outside parliament on Monday as lawmakers debated the bill for a long time.",
    "NEW YORK: Protesters gathered outside city hall on Monday as the council debated the bill for a long time.",
    "UK: Protesters gathered outside parliament on Monday as lawmakers debated the bill for a very long time.",
    "LOndon: Protesters gathered outside parliament on Monday as lawmakers debated the bill for a long time.",
    "بغداد (رويترز) - قال مسؤول إن المحادثات استؤنفت.", "بغداد-رويترز: قال مسؤول إن المحادثات استؤنفت.",
    "غزة/ الأناضول: قال مسؤول إن المحادثات استؤنفت.", "قال مسؤول في غزة إن نحو ثلاثين شخصا / الأناضول: شيء.",
    "واشنطن – بال بلس", "واشنطن–بال بلس", "Baghdad (AP) - officials said.",
]


@pytest.mark.parametrize("lang", ["ar", "en", "und"])
def test_dateline_lines(nat, lang: str) -> None:  # type: ignore[no-untyped-def]
    """Dashes with and without whitespace after them, slashes and colons, as the title, the first body line and a
    later line: the compiled dateline gates send to the Python patterns every line they could match."""
    docs = []
    for line in _DATELINE_LINES:
        docs += [f"Headline of the story\n\n{line}\nMore text follows here.", f"{line}\n\nBody text. More.",
                 f"Headline\n{line}"]
    assert _differences(nat, [(d, lang) for d in docs]) == []


def test_claim_columns_read_attributions_by_position() -> None:
    """units._claim_columns turns Attribution tuples into columns by position: the field order must match."""
    from stancekit.builder.segment.claim_types import Attribution
    from stancekit.builder.segment.units import _CLAIM_FIELDS

    assert Attribution._fields == ("is_claim", *_CLAIM_FIELDS)


def test_null_doc_id_is_the_same_error_in_both_paths(nat, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """A batch with a null doc id: the usual schema error naming the rows, compiled or not (not a crash in C)."""
    from stancekit.errors import StancekitError

    docs = pl.DataFrame({"doc_id": [None, "d2"], "text": ["Hello world. Bye.", "Hi."], "lang": ["en", None]},
                        schema={"doc_id": pl.String, "text": pl.String, "lang": pl.String})
    with pytest.raises(StancekitError) as compiled_err:
        segment_batch(docs, claims=True)
    monkeypatch.setattr(native, "load", lambda name="_native": None)
    with pytest.raises(StancekitError) as python_err:
        segment_batch(docs, claims=True)
    assert str(compiled_err.value) == str(python_err.value)
    assert "doc_id" in str(compiled_err.value)


_NEIGHBOUR_KINDS = st.sampled_from([None, None, "credit", "byline", "timestamp", "caption", "share", "footer"])
_NEIGHBOUR_LINES = st.sampled_from(["John Smith", "Reuters photo of the meeting", "ماكنزي في بغداد", "A caption:",
                                    "نص طويل " * 30, "x", "Said, then", "Jane Doe / AP"])


@settings(deadline=None, max_examples=500)
@given(st.lists(st.tuples(_NEIGHBOUR_KINDS, st.booleans()), min_size=1, max_size=6), st.data(), st.booleans(),
       st.booleans(), _NEIGHBOUR_LINES)
def test_neighbour_kind(nat, rows: list[tuple[str | None, bool]], data: st.DataObject, near_credit: bool,  # type: ignore[no-untyped-def]
                        near_by: bool, line: str) -> None:
    """The compiled line-neighbour rule (a caption beside a photo credit, a name beside a byline) equals
    rules._neighbour_kind for any line of any run of kinds and paragraph breaks, the first line (whose 'line
    before' wraps to the last, as the Python list does) and the last included."""
    idx = data.draw(st.integers(0, len(rows) - 1))
    kinds = [kind for kind, _ in rows]
    lines = [(10 * k, 10 * k + 5, blank) for k, (_, blank) in enumerate(rows)]
    want = rules._neighbour_kind(idx, line, lines, kinds, near_credit, near_by)
    assert nat._test_neighbour_kind(idx, line, lines, kinds, near_credit, near_by) == want


def test_neighbour_kind_literal(nat) -> None:  # type: ignore[no-untyped-def]
    kind = nat._test_neighbour_kind
    lines = [(0, 5, True), (6, 9, False), (10, 20, True)]
    assert kind(0, "A line above", lines, [None, "credit", None], True, False) == "caption"
    assert kind(0, "A line above:", lines, [None, "credit", None], True, False) is None  # (ends with a colon)
    assert kind(2, "A line below", [(0, 5, True), (6, 9, True), (10, 20, False)], [None, "credit", None], True,
                False) == "caption"
    # the first line's "line before" is the last one, as rules' lines[idx - 1] is
    assert kind(0, "John Smith", [(0, 5, False), (10, 15, True), (20, 25, False)], [None, None, "credit"], True,
                False) == "caption"
    assert kind(1, "John Smith", [(0, 5, True), (6, 9, False)], ["byline", None], False, True) == "byline"
    assert kind(1, "not a name line at all, here.", [(0, 5, True), (6, 9, False)], ["byline", None], False,
                True) is None


def test_rejects_from_buffers_equal_a_polars_frame_of_them() -> None:
    """The rejects a worker builds from buffers are the frame polars makes of the same rows (nulls, non-ASCII text);
    a value of another type than its column's falls back to that frame."""
    from stancekit.builder.segment.units import _rejects_table
    from stancekit.schemas import REJECTS

    rows = [{"stage": "segment", "reason": "empty_text", "key": None, "source": "أخبار.jsonl", "source_row": None,
             "detail": "the document text is empty"},
            {"stage": "segment", "reason": "no_content_units", "key": "d1", "source": None, "source_row": 7,
             "detail": "all 3 unit(s) are boilerplate"}]
    table = _rejects_table(rows)
    assert table is not None and not isinstance(table, pl.DataFrame)
    assert pl.from_arrow(table).equals(pl.DataFrame(rows, schema=REJECTS.polars_schema()))
    assert _rejects_table([]) is None
    odd = [{**rows[1], "source": 3}]  # (not a str: polars casts it, as it always did)
    assert isinstance(_rejects_table(odd), pl.DataFrame)
