"""Ingest readers and the documents mapping, on small literal inputs."""

from __future__ import annotations

import codecs
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stancekit.builder.claims import ISO_639_1
from stancekit.builder.ingest import (
    BadDate,
    check_date_format,
    detect_encoding,
    detect_lang,
    normalise_newlines,
    parse_date,
    resolve_mapping,
    to_documents,
)
from stancekit.builder.ingest.encoding import decode_bytes
from stancekit.builder.ingest.lang import check_lang, lang_code
from stancekit.builder.ingest.readers import ROW, Batch, read_source
from stancekit.errors import ConfigError, InputError
from stancekit.ids import doc_id_from_text


def test_newlines_only_line_endings_change() -> None:
    assert normalise_newlines("a\r\nb\rc\nd") == "a\nb\nc\nd"
    assert normalise_newlines("\u0623\u0625") == "\u0623\u0625"  # no Unicode normalisation


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (codecs.BOM_UTF8 + "نص".encode(), "utf-8-sig"),
        ("نص".encode("utf-16"), "utf-16"),
        ("نص عربي".encode(), "utf-8"),
        ("قال القائد إن القوات ستبقى".encode("cp1256"), "windows-1256"),
    ],
)
def test_detect_encoding(data: bytes, expected: str) -> None:
    assert detect_encoding(data, "x") == expected


def test_undecodable_is_a_clear_error() -> None:
    junk = bytes([0x81, 0x8D, 0x90, 0x9D, 0xFF, 0xFE, 0x00, 0x83]) * 20
    with pytest.raises(InputError, match="not UTF-8"):
        decode_bytes(b"ok" + junk[2:], None, "bad.txt")


def test_cp1256_and_utf8_decode_to_the_same_text() -> None:
    text = "واشنطن: القوات الأمريكية لن تغادر العراق\nقال ماكنزي."
    assert decode_bytes(text.encode("cp1256"), None, "a") == decode_bytes(text.encode(), None, "b") == text


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("قال القائد إن القوات ستبقى", "ar"),
        ("The general said the troops will stay in Iraq.", "en"),
        ("12345 !!!", "und"),
        ("این یک متن فارسی است که گفته می‌شود", "fa"),
    ],
)
def test_detect_lang(text: str, lang: str) -> None:
    assert detect_lang(text) == lang


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2021-12-09", "2021-12-09T00:00:00+00:00"),
        ("2021-12-09T10:00:00+03:00", "2021-12-09T07:00:00+00:00"),
        ("2021-12-09T10:00:00Z", "2021-12-09T10:00:00+00:00"),
        ("2021-12-09 10:00:00.000000", "2021-12-09T10:00:00+00:00"),  # a Parquet timestamp cast to text
        ("20211209", "2021-12-09T00:00:00+00:00"),
        ("2021/12/09", "2021-12-09T00:00:00+00:00"),
        ("1639044000", "2021-12-09T10:00:00+00:00"),
        ("Thu, 09 Dec 2021 10:00:00 +0300", "2021-12-09T07:00:00+00:00"),
        ("December 9, 2021", "2021-12-09T00:00:00+00:00"),
        ("March 5 2024", "2024-03-05T00:00:00+00:00"),
        ("5 Mar 2024", "2024-03-05T00:00:00+00:00"),
        ("13/12/2021", "2021-12-13T00:00:00+00:00"),  # 13 cannot be a month: day first
        ("12/13/2021", "2021-12-13T00:00:00+00:00"),  # month first
        ("05.05.2021", "2021-05-05T00:00:00+00:00"),  # both readings are the same date
    ],
)
def test_parse_date(value: str, iso: str) -> None:
    d = parse_date(value)
    assert d is not None and d.isoformat() == iso


def test_parse_date_empty_is_none() -> None:
    assert parse_date("") is None
    assert parse_date("  ") is None
    assert parse_date(None) is None


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("2024-02-30", "February 2024 has no day 30"),
        ("2024-13-01", "month 13 is out of range"),
        ("2024/02/30", "February 2024 has no day 30"),
        ("31/02/2024", "February 2024 has no day 31"),
        ("not a date", "not a date this tool can read; use ISO 8601"),
        ("yesterday-ish", "not a date this tool can read"),
        ("01/02/2024", r"ambiguous \(1 February or January 2\); pass --date-format '%d/%m/%Y'"),
        ("03-04-2024", "ambiguous .*'%m-%d-%Y' \\(month first\\)"),
    ],
)
def test_unreadable_date_is_an_error_not_none(value: str, why: str) -> None:
    with pytest.raises(BadDate, match=why):
        parse_date(value)


def test_date_format_reads_ambiguous_dates_and_never_guesses_against_it() -> None:
    assert str(parse_date("01/02/2024", "%d/%m/%Y")) == "2024-02-01 00:00:00+00:00"
    assert str(parse_date("01/02/2024", "%m/%d/%Y")) == "2024-01-02 00:00:00+00:00"
    assert str(parse_date("2024-03-05T10:00:00Z", "%d/%m/%Y")) == "2024-03-05 10:00:00+00:00"  # ISO still works
    with pytest.raises(BadDate, match="does not match --date-format '%m/%d/%Y'"):
        parse_date("13/02/2024", "%m/%d/%Y")  # not read day-first behind the user's back


@pytest.mark.parametrize("fmt", ["%Y", "%d/%m", "no directives", "%m/%Y"])
def test_date_format_must_name_year_month_and_day(fmt: str) -> None:
    with pytest.raises(ConfigError, match="--date-format"):
        check_date_format(fmt, "--date-format")


def test_to_documents_keeps_a_row_with_a_bad_date_and_warns() -> None:
    raw = pl.DataFrame(
        {"text": ["One.", "Two.", "Three."], "date": ["2024-03-05", "2024-02-30", ""], ROW: [1, 2, 3]}
    )
    mapping = resolve_mapping(raw.columns, {}, "a.csv")
    docs, rejects, warnings = to_documents(raw, source="a.csv", mapping=mapping)
    assert docs["text"].to_list() == ["One.", "Two.", "Three."] and rejects == []
    assert [str(d) if d else None for d in docs["published_at"].to_list()] == ["2024-03-05 00:00:00+00:00", None, None]
    assert [(w["reason"], w["source_row"]) for w in warnings] == [("bad_date", 2)]
    assert warnings[0]["detail"] == (
        "a.csv row 2: date '2024-02-30' is not a date: February 2024 has no day 30 (1-29); "
        "the document is kept without a date"
    )


@settings(deadline=None, max_examples=200)
@given(st.text(min_size=1))
def test_doc_id_is_stable_and_depends_only_on_text(text: str) -> None:
    assert doc_id_from_text(text) == doc_id_from_text(str(text))
    assert doc_id_from_text(text) != doc_id_from_text(text + " ")


def test_unknown_encoding_option(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("x")
    with pytest.raises(InputError, match="not a known encoding"):
        decode_bytes(p.read_bytes(), "klingon-8", str(p))


@pytest.mark.parametrize(
    ("value", "code"), [("en", "en"), ("AR", "ar"), ("en-US", "en"), ("ar_EG", "ar"), (" fa ", "fa")]
)
def test_lang_code_accepts_the_claims_registry_codes(value: str, code: str) -> None:
    assert lang_code(value) == code


@pytest.mark.parametrize("value", ["xx", "english", "eng", "und", "", "e"])
def test_lang_code_rejects_everything_else(value: str) -> None:
    assert lang_code(value) is None


def test_lang_codes_are_the_claims_registry_list() -> None:
    assert all(lang_code(c) == c for c in ISO_639_1)  # one list: a code ingest takes is one claims.yaml takes


def test_check_lang_names_the_option_and_suggests_the_code() -> None:
    assert check_lang("EN", "--lang") == "en"
    with pytest.raises(ConfigError, match=r"^--lang 'english' is not an ISO 639-1 language code .*; use 'en'$"):
        check_lang("english", "--lang")
    with pytest.raises(ConfigError, match=r"^--lang 'xx' is not .*such as 'en' or 'ar'$"):
        check_lang("xx", "--lang")


def test_to_documents_bad_lang_value_warns_and_falls_back() -> None:
    raw = pl.DataFrame(
        {
            "text": ["The army said it will stay.", "قال القائد إن القوات ستبقى", "Third one here.", "Fourth."],
            "lang": ["EN-gb", "arabic", "und", "xx"],
            ROW: [1, 2, 3, 4],
        }
    )
    mapping = resolve_mapping(raw.columns, {}, "a.csv")
    docs, _, warnings = to_documents(raw, source="a.csv", mapping=mapping)
    assert docs["lang"].to_list() == ["en", "ar", "en", "en"]
    assert [(w["reason"], w["source_row"]) for w in warnings] == [("bad_lang", 2), ("bad_lang", 4)]
    assert warnings[0]["detail"] == (
        "a.csv row 2: lang 'arabic' is not an ISO 639-1 language code (the codes claims.yaml accepts); use 'ar'; "
        "the document is kept with language 'ar' (detected from its text)"
    )
    docs, _, warnings = to_documents(raw, source="a.csv", mapping=mapping, default_lang="fr")
    assert docs["lang"].to_list() == ["en", "fr", "fr", "fr"]  # default_lang: rows without a usable code
    assert "kept with language 'fr' ([ingest] default_lang)" in warnings[1]["detail"]
    docs, _, warnings = to_documents(raw, source="a.csv", mapping=mapping, lang="ar")
    assert docs["lang"].to_list() == ["ar"] * 4 and warnings == []  # --lang: the whole source, column unused


def _read_all(path: Path) -> list[Batch]:
    return list(read_source(path, encoding=None, batch_size=100))


def test_unterminated_csv_quote_is_an_error_naming_the_line(tmp_path: Path) -> None:
    p = tmp_path / "a.csv"
    p.write_text('id,text\n1,"unterminated quote\n2,fine\n')
    with pytest.raises(InputError, match=r"a\.csv:2: a quoted field starts on this line and is never closed"):
        _read_all(p)
    # the line is where the open quote is, after a multi-line quoted field that is closed properly
    p.write_text('id,text\n1,"two\nlines ""quoted"" ok"\n2,fine\n3,"never closed\n4,more\n')
    with pytest.raises(InputError, match=r"a\.csv:5: .*add the closing quote"):
        _read_all(p)
    t = tmp_path / "b.tsv"
    t.write_text('id\ttext\n1\tok\n2\t"open\n')
    with pytest.raises(InputError, match=r"b\.tsv:3: a quoted field starts"):
        _read_all(t)


def test_text_after_a_closing_quote_is_a_reject_not_a_silent_edit(tmp_path: Path) -> None:
    p = tmp_path / "a.csv"
    p.write_text('id,text\n1,"quoted" then more\n2,fine\n3,He said "no" plainly\n')
    batches = _read_all(p)
    assert [r["source_row"] for b in batches for r in b.rejects] == [1]
    assert 'a.csv:2: text after the closing quote' in batches[0].rejects[0]["detail"]
    assert batches[0].frame["text"].to_list() == ["fine", 'He said "no" plainly']


@pytest.mark.parametrize(
    ("name", "content"),
    [("a.jsonl", ""), ("a.jsonl", "\n\n"), ("a.json", "[]"), ("a.csv", "id,text\n"), ("a.tsv", "id\ttext\n\n")],
)
def test_an_input_with_no_record_is_an_error_naming_it(tmp_path: Path, name: str, content: str) -> None:
    p = tmp_path / name
    p.write_text(content)
    with pytest.raises(InputError, match=rf"{name}: holds no articles"):
        _read_all(p)


def test_empty_csv_and_txt_are_errors(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("")
    (tmp_path / "a.txt").write_text(" \n")
    with pytest.raises(InputError, match=r"a\.csv: the file is empty"):
        _read_all(tmp_path / "a.csv")
    with pytest.raises(InputError, match=r"a\.txt: the file is empty"):
        _read_all(tmp_path / "a.txt")


def test_each_row_finds_its_own_text_field_and_a_missing_one_says_what_was_looked_for() -> None:
    raw = pl.DataFrame(
        {
            "text": ["One.", None, None, ""],
            "body": [None, "Two.", None, None],
            "date": [None, "2024-03-05", None, None],
            "published_at": ["2024-01-02", None, None, None],
            ROW: [1, 2, 3, 4],
        }
    )
    mapping = resolve_mapping(raw.columns, {}, "a.jsonl")
    docs, rejects, warnings = to_documents(raw, source="a.jsonl", mapping=mapping)
    assert docs["text"].to_list() == ["One.", "Two."]
    assert [str(d) for d in docs["published_at"]] == ["2024-01-02 00:00:00+00:00", "2024-03-05 00:00:00+00:00"]
    assert [r["source_row"] for r in rejects] == [3, 4] and warnings == []
    assert rejects[0]["detail"] == (
        "a.jsonl row 3: the text is empty or missing (looked for the fields text, body, content, article, "
        "article_text); name the field with --text-column"
    )
    named = resolve_mapping(raw.columns, {"text": "text"}, "a.jsonl")
    docs, rejects, _ = to_documents(raw, source="a.jsonl", mapping=named)
    assert docs["text"].to_list() == ["One."]  # a column the user named has no fallback
    assert rejects[0]["detail"] == "a.jsonl row 2: the text is empty (column 'text', named with --text-column)"
