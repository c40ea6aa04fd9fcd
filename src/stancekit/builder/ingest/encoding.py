"""Text decoding for ingest: UTF-8 (with or without BOM), UTF-16 with BOM, Windows-1256; nothing else guessed."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from stancekit.errors import InputError

SUPPORTED = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "windows-1256", "cp1256")
_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]")
_NON_ASCII_LETTER = re.compile(r"[^\x00-\x7F]")
_C1 = re.compile(r"[\x80-\x9F]")
_SNIFF = 1 << 20


def normalise_newlines(text: str) -> str:
    """Only line endings are normalised (``\\r\\n`` and ``\\r`` to ``\\n``); nothing else changes."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_encoding_name(name: str) -> str:
    try:
        canonical = codecs.lookup(name).name
    except LookupError:
        raise InputError(f"--encoding {name!r} is not a known encoding; use utf-8, utf-16 or windows-1256") from None
    return canonical


def _looks_cp1256(text: str) -> bool:
    if _C1.search(text):
        return False
    non_ascii = _NON_ASCII_LETTER.findall(text)
    if not non_ascii:
        return True
    arabic = sum(1 for ch in non_ascii if _ARABIC.match(ch))
    return arabic / len(non_ascii) >= 0.6


def detect_encoding(head: bytes, where: str) -> str:
    """Detect the encoding from the first bytes of a file (BOM, then strict UTF-8, then Windows-1256)."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        head.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        # a multi-byte character cut at the end of the sniffed window is not an error
        if exc.start >= len(head) - 3 and exc.reason in ("unexpected end of data",):
            return "utf-8"
    if _looks_cp1256(head.decode("cp1256", errors="replace")):
        return "windows-1256"
    raise InputError(
        f"{where}: not UTF-8, UTF-16 (with BOM) or Windows-1256 text; re-save it as UTF-8 or pass --encoding"
    )


def sniff_file(path: Path, encoding: str | None) -> str:
    if encoding:
        return check_encoding_name(encoding)
    with open(path, "rb") as fh:
        head = fh.read(_SNIFF)
    return detect_encoding(head, str(path))


def decode_bytes(data: bytes, encoding: str | None, where: str) -> str:
    enc = check_encoding_name(encoding) if encoding else detect_encoding(data, where)
    if enc == "utf-8" and data.startswith(codecs.BOM_UTF8):
        enc = "utf-8-sig"
    try:
        return data.decode(enc)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{where}: cannot be decoded as {enc} (byte {exc.start}); pass the right --encoding "
            "(utf-8, utf-16, windows-1256) or re-save the file as UTF-8"
        ) from None
