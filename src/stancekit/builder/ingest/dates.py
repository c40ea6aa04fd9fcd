"""``published_at`` from the many ways articles write a date; a value that cannot be read is an error, never a guess.

Read without help: ISO 8601 (``2024-03-05``, ``2024-03-05T10:00:00Z``, ``+03:00`` offsets, ``20240305``), epoch
seconds or milliseconds (10+ digits), RFC 2822 (``Tue, 05 Mar 2024 10:00:00 +0000``), year-first ``2024/03/05``,
and English month names (``5 March 2024``, ``March 5, 2024``, ``Mar 5 2024``). A numeric day/month date
(``05/03/2024``, ``05.03.2024``, ``05-03-2024``) is read only when it cannot mean two dates: one of the first two
numbers is above 12, or both are equal; otherwise (``01/02/2024``) it is ambiguous and needs ``--date-format``
(strptime, e.g. ``%d/%m/%Y``). Times without a zone are taken as UTC; every result is in UTC.
"""

from __future__ import annotations

import calendar
import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from stancekit.errors import ConfigError

_ISO_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T ])")
_YEAR_FIRST = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$")
_DAY_MONTH = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$")
_MONTH_NAME = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.IGNORECASE
)
_NAMED_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y", "%d %B %Y %H:%M", "%B %d %Y %H:%M")
_HINT = "use ISO 8601 (2024-03-05 or 2024-03-05T10:00:00Z) or pass --date-format (strptime, e.g. %d/%m/%Y)"


class BadDate(ValueError):
    """A date value that cannot be read; the message says why (without naming the file or row)."""


def check_date_format(fmt: str, where: str) -> str:
    """A strptime format that names a year and a day (else every date would silently land in 1900 or on the 1st)."""
    has_year = "%Y" in fmt or "%y" in fmt
    has_day = "%j" in fmt or (("%m" in fmt or "%b" in fmt or "%B" in fmt) and "%d" in fmt)
    if not (has_year and has_day):
        raise ConfigError(
            f"{where} {fmt!r} is not a strptime date format naming the year, month and day; "
            "e.g. %d/%m/%Y (day first), %m/%d/%Y (month first) or '%d.%m.%Y %H:%M'"
        )
    probe = datetime(2001, 2, 3, 4, 5, 6, tzinfo=UTC)
    try:
        datetime.strptime(probe.strftime(fmt), fmt)
    except ValueError as exc:
        raise ConfigError(f"{where} {fmt!r} is not a usable strptime format ({exc})") from None
    return fmt


def _utc(d: datetime) -> datetime:
    return d.replace(tzinfo=UTC) if d.tzinfo is None else d.astimezone(UTC)


def _ymd_problem(y: int, m: int, d: int) -> str | None:
    if not 1 <= m <= 12:
        return f"month {m} is out of range (1-12)"
    last = calendar.monthrange(y, m)[1]
    if not 1 <= d <= last:
        return f"{calendar.month_name[m]} {y} has no day {d} (1-{last})"
    return None


def _day_month(v: str) -> datetime:
    m = _DAY_MONTH.match(v)
    assert m is not None
    a, sep, b, y = int(m[1]), m[2], int(m[3]), int(m[4])
    hh, mm, ss = int(m[5] or 0), int(m[6] or 0), int(m[7] or 0)
    if a <= 12 and b <= 12 and a != b:
        raise BadDate(
            f"is ambiguous ({a} {calendar.month_name[b]} or {calendar.month_name[a]} {b}); pass --date-format "
            f"'%d{sep}%m{sep}%Y' (day first) or '%m{sep}%d{sep}%Y' (month first)"
        )
    day, month = (a, b) if a > 12 or a == b else (b, a)
    problem = _ymd_problem(y, month, day)
    if problem:
        raise BadDate(f"is not a date: {problem}")
    try:
        return datetime(y, month, day, hh, mm, ss)
    except ValueError as exc:
        raise BadDate(f"is not a date: {exc}") from None


def _unambiguous(v: str) -> datetime | None:
    """The forms that can mean only one date; None when none applies; BadDate when one applies but is invalid."""
    if v.isdigit() and len(v) >= 10:  # epoch seconds or milliseconds
        n = int(v)
        try:
            return datetime.fromtimestamp(n / 1000 if n > 10**11 else n, tz=UTC)
        except (OverflowError, OSError, ValueError):
            raise BadDate("is out of range as epoch seconds or milliseconds") from None
    try:
        return datetime.fromisoformat(v[:-1] + "+00:00" if v.endswith(("Z", "z")) else v)
    except ValueError:
        pass
    iso = _ISO_YMD.match(v) or _YEAR_FIRST.match(v)
    if iso:
        problem = _ymd_problem(int(iso[1]), int(iso[2]), int(iso[3]))
        if problem:
            raise BadDate(f"is not a date: {problem}")
        if iso.re is _YEAR_FIRST:
            return datetime(int(iso[1]), int(iso[2]), int(iso[3]))
        return None  # a valid date followed by an unreadable time
    if _MONTH_NAME.search(v):
        if "," in v and ":" in v:
            try:
                return parsedate_to_datetime(v)
            except (TypeError, ValueError, IndexError):
                pass
        flat = " ".join(v.replace(",", " ").split())
        for fmt in _NAMED_FORMATS:
            try:
                return datetime.strptime(flat, fmt)
            except ValueError:
                continue
    return None


def parse_date(value: str | None, date_format: str | None = None) -> datetime | None:
    """The date in UTC, None for an empty value; :class:`BadDate` when the value cannot be read unambiguously.

    With ``date_format`` the value is read with it first, then only the unambiguous forms (ISO, RFC 2822, month
    names) are tried: a numeric day/month date that does not match the format is an error, not a fresh guess.
    """
    if value is None:
        return None
    v = value.strip()
    if not v:
        return None
    if date_format:
        try:
            return _utc(datetime.strptime(v, date_format))
        except ValueError:
            pass
    d = _unambiguous(v)
    if d is not None:
        return _utc(d)
    if date_format:
        raise BadDate(f"does not match --date-format {date_format!r} nor ISO 8601")
    if _DAY_MONTH.match(v):
        return _utc(_day_month(v))
    raise BadDate(f"is not a date this tool can read; {_HINT}")
