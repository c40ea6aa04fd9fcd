"""Scraped-page chrome on a line of its own (rule 5 of ``docs/claim-units.md``): breadcrumbs, cookie notices and
their buttons, newsletter boxes, contact and e-mail lines, a bare date line. ``boilerplate.classify_line`` asks
``chrome_kind`` last, for lines no other rule named; every test here is gated by a cheap substring or first-word
check so content lines pay almost nothing.
"""

from __future__ import annotations

import re

# ------------------------------------------------------------------------------------------------ breadcrumbs
# Home > Science > Space / الرئيسية » أخبار » اقتصاد: short segments joined by a separator with spaces on both sides
# (an Arabic closing guillemet hugs its word: «حماس» توافق is no breadcrumb).
_CRUMB_SEP = re.compile(r"\s[>»›]\s")
_CRUMB_HOME = re.compile(r"^(?:home|homepage|main|news|الرئيسية|الصفحة الرئيسية|الرئيسيه|أخبار|اخبار)\s[>»›]\s",
                         re.IGNORECASE)
_CRUMB_MAX_SEGMENT_WORDS = 4
_CRUMB_MAX_WORDS = 16


def _breadcrumb(line: str, n_words: int) -> bool:
    if n_words > _CRUMB_MAX_WORDS or line[-1] in ".!?؟:":
        return False
    parts = _CRUMB_SEP.split(line)
    if len(parts) < 2 or any(not p.strip() or p.count(" ") >= _CRUMB_MAX_SEGMENT_WORDS for p in parts):
        return False
    if len(parts) >= 3 or _CRUMB_HOME.match(line) is not None:
        return True
    return all(p.strip().count(" ") < 2 for p in parts)  # Climate > Europe: two sections of a word or two


# ------------------------------------------------------------------------------------------------ cookie notices
_COOKIE = re.compile(
    r"^(?:we|this (?:web)?site|our (?:web)?site|the site)\s+(?:uses?|stores?|sets?)\b.{0,40}\bcookies\b"
    r"|\bby (?:continuing|using|clicking|browsing)\b.{0,80}\byou (?:agree|accept|consent)\b"
    r"|^(?:cookie|cookies|privacy)\s+(?:policy|settings|preferences|notice|consent)\b"
    r"|^(?:(?:يستخدم|نستخدم|تستخدم)\s+(?:هذا\s+)?(?:الموقع\s+)?(?:ملفات تعريف الارتباط|ملفات الارتباط|الكوكيز|"
    r"ملفات الكوكيز|كوكيز))"
    r"|(?:باستخدامك|باستمرارك|بمواصلة)\s.{0,60}(?:توافق|فإنك توافق|موافقتك)"
    r"|^(?:سياسة|إعدادات|اعدادات)\s+(?:ملفات تعريف الارتباط|الكوكيز|الخصوصية)",
    re.IGNORECASE,
)
# the buttons of a consent box, each alone on a line
_BUTTONS = frozenset({
    "accept", "accept all", "accept cookies", "accept all cookies", "reject", "reject all", "decline", "decline all",
    "manage preferences", "manage cookies", "manage settings", "cookie settings", "cookie preferences",
    "customize", "customise", "i agree", "agree", "agree and close", "got it", "allow all", "allow cookies",
    "ok, got it", "more options", "necessary only", "only necessary",
    "موافق", "أوافق", "اوافق", "قبول", "قبول الكل", "قبول الجميع", "رفض", "رفض الكل", "إدارة التفضيلات",
    "ادارة التفضيلات", "إدارة الإعدادات", "الإعدادات", "حسنا", "حسناً", "فهمت", "موافقة",
    # other page controls alone on a line
    "contact us", "about us", "enter your email", "enter your email address", "enter your e-mail", "font size",
    "text size", "اتصل بنا", "من نحن", "حجم الخط", "تكبير الخط", "تصغير الخط", "أدخل بريدك الإلكتروني",
    "ادخل بريدك الالكتروني", "بريدك الإلكتروني",
})
_BUTTON_MAX_CHARS = 24

# ------------------------------------------------------------------------------------------------ newsletters
_NEWSLETTER = re.compile(
    r"^(?:get|receive|sign up|subscribe|join|want|enter your e-?mail|delivered|never miss)\b.{0,90}"
    r"(?:\bnewsletters?\b|\binbox\b|\bbriefing\b|\bdigest\b)"
    r"|\b(?:in|to) your inbox\b"
    r"|^(?:اشترك|اشتركوا|اشتركي|سجل|سجّل|احصل|انضم|تابع)\s.{0,60}(?:النشرة|نشرتنا|نشرة|بريدك)",
    re.IGNORECASE,
)
_NEWSLETTER_MAX_WORDS = 20
# substrings one of which a cookie or newsletter line holds (plain ``in`` tests, far cheaper than a regex scan of
# every paragraph); only lines of at most _GATE_MAX_WORDS words are looked at
_GATE_MAX_WORDS = 40


def _gated(line: str, arabic: bool) -> bool:
    if arabic:
        return "الارتباط" in line or "كوكيز" in line or "توافق" in line or "نشرة" in line or "نشرتنا" in line or (
            "بريدك" in line)
    return "ookie" in line or "inbox" in line or "ewsletter" in line or ("you a" in line and (
        "you agree" in line or "you accept" in line))

# 5 min read / قراءة 3 دقائق
_READ_TIME = re.compile(
    r"^\d+\s*(?:-\s*)?(?:min|mins|minutes?)\s+read$|^(?:قراءة\s+)?\d+\s+(?:دقائق|دقيقة)(?:\s+(?:قراءة|للقراءة))?$",
    re.IGNORECASE)
_READ_TIME_MAX_WORDS = 4

# ------------------------------------------------------------------------------------------------ contact lines
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_BY_EMAIL = re.compile(r"^(?:By|BY)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}\s*[,|/–—-]?\s*\(?[\w.+-]+@[\w.-]+\)?$")
_REPORTING = re.compile(
    r"\b(?:said|says|told|announced|wrote|added|according)\b"
    r"|(?:^|\s)و?(?:قال|قالت|أعلن|أعلنت|أكد|أكدت|أفاد|أفادت|ذكر|ذكرت|أوضح|أوضحت|أضاف|أضافت|كتب|بحسب)(?:\s|$)"
)
_CONTACT_MAX_WORDS = 20
_CONTACT_FIRST = frozenset("cCfFtTgGpPلتاهفر")  # the first letters of _CONTACT's words
_CONTACT = re.compile(
    r"^(?:contact(?: us)?|for tips|tips?|got a (?:tip|story)|call us|phone|tel\.?|fax|للتواصل|تواصل معنا|اتصل بنا|"
    r"للاستفسار|للاستفسارات|هاتف|الهاتف|فاكس|راسلنا)\b\s*[:：,،]?\s*[+(]?\d[\d\s()+-]{5,}",
    re.IGNORECASE,
)

# ------------------------------------------------------------------------------------------------ bare dates
_AR_MONTHS = (
    "يناير|فبراير|مارس|أبريل|ابريل|إبريل|مايو|يونيو|يونيه|يوليو|يوليه|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر|"
    "كانون الثاني|شباط|آذار|اذار|نيسان|أيار|ايار|حزيران|تموز|آب|اب|أيلول|ايلول|تشرين الأول|تشرين الاول|"
    "تشرين الثاني|كانون الأول|كانون الاول"
)
_AR_DATE = re.compile(
    rf"^\d{{1,2}}\s*(?:{_AR_MONTHS})\s*[،,]?\s*\d{{4}}\s*(?:م|مـ)?"
    r"(?:\s*[-–|،,]?\s*(?:الساعة\s*)?\d{1,2}[:.]\d{2}(?:\s*\S+){0,2})?$"
)
_AR_DATE_MAX_WORDS = 8


def chrome_kind(line: str, n_words: int) -> str | None:
    """The boilerplate kind of a (stripped) line of page chrome, or None."""
    if n_words > _GATE_MAX_WORDS:
        return None  # (every rule below is for short lines)
    if len(line) <= _BUTTON_MAX_CHARS and line.lower().rstrip(".!") in _BUTTONS:
        return "footer"
    first = line[0]
    if first.isdigit() and n_words <= _AR_DATE_MAX_WORDS and _AR_DATE.match(line):
        return "timestamp"
    if n_words <= _CRUMB_MAX_WORDS and (">" in line or "»" in line or "›" in line) and _breadcrumb(line, n_words):
        return "navigation"
    if "@" in line and n_words <= _CONTACT_MAX_WORDS and _EMAIL.search(line):
        if _BY_EMAIL.match(line):
            return "byline"
        if not _REPORTING.search(line):
            return "footer"
    if n_words <= _READ_TIME_MAX_WORDS and _READ_TIME.match(line):
        return "timestamp"
    if _gated(line, first >= "\u0600"):
        if n_words <= _NEWSLETTER_MAX_WORDS and _NEWSLETTER.search(line):
            return "share"
        if _COOKIE.search(line):
            return "footer"
    if n_words <= _CONTACT_MAX_WORDS and first in _CONTACT_FIRST and _CONTACT.match(line):
        return "footer"
    return None
