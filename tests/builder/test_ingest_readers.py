"""Ingest readers and the documents mapping, on small literal inputs."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stancekit.builder.ingest import detect_encoding, detect_lang, normalise_newlines, parse_date
from stancekit.builder.ingest.encoding import decode_bytes
from stancekit.errors import InputError
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
        ("09/12/2021", "2021-12-09T00:00:00+00:00"),
        ("December 9, 2021", "2021-12-09T00:00:00+00:00"),
    ],
)
def test_parse_date(value: str, iso: str) -> None:
    d = parse_date(value)
    assert d is not None and d.isoformat() == iso


def test_parse_date_garbage_is_none() -> None:
    assert parse_date("yesterday-ish") is None
    assert parse_date("") is None


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
