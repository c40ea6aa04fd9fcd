"""Boilerplate lines (rule 5 of ``docs/claim-units.md``; datelines are in ``datelines.py``).

``classify_line`` names the kind of a whole line that is not article content (byline, caption, credit, read_also,
share, footer, label, timestamp); ``label_prefix`` finds an editorial label before a text (``Update:``); ``is_credit``,
``is_name_line`` and ``is_bare_agency`` serve the neighbour rules of ``rules.py``. Patterns are anchored and cheap:
each line is tried against one alternation and a few gated regexes.
"""

from __future__ import annotations

import re

from stancekit.builder.segment.first_char import FirstCharDispatch
from stancekit.builder.segment.site_chrome import chrome_kind

DASH = r"(?:--|[–—‒―-])"


def wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_AGENCIES_EN = (
    r"Reuters|AP|Associated Press|AFP|Agence France-Presse|UPI|United Press International|CNN|BBC|Bloomberg|"
    r"Al Jazeera|Xinhua|TASS|Anadolu(?: Agency)?|dpa|EFE|ANSA|NPR|The New York Times|The Washington Post|"
    r"The Guardian|Fox News|NBC News|CBS News|ABC News|Sputnik"
)
AGENCIES_AR = (
    r"رويترز|أ\.? ?ف\.? ?ب|ا\.? ?ف\.? ?ب|فرانس برس|فرانس ?24|أسوشيتد برس|أسوشيتيد برس|الأناضول|سبوتنيك|شينخوا|"
    r"د\.? ?ب\.? ?أ|وكالات|وكالة الأنباء الفرنسية|الجزيرة|العربية|بي بي سي|سي إن إن|واس|وام|سانا|قنا|كونا|بترا|"
    r"واع|صفا|معا|وفا|بال بلس|الأناضول|إرنا|فارس|تسنيم|روسيا اليوم|سكاي نيوز"
)

_LINE_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("read_also", re.compile(
        r"^(?:[-–•*►▶»>\s]*)(?:اقرأ|إقرأ|اقرا|إقرا|طالع|شاهد|تابع)\s*(?:أيضاً|أيضا|ايضاً|ايضا|المزيد|كذلك)"
        r"|^(?:[-–•*►▶»>\s]*)(?:مواضيع ذات صلة|أخبار ذات صلة|ذات صلة|للمزيد|المزيد من)\s*[:：]?"
        r"|^(?:[-–•*►▶»>\s]*)(?:read (?:more|also|next|the full story)|also read|read(?=\s*[:：])"
        r"|related(?: articles| stories| coverage)?"
        r"|see also|more on this|more:|recommended|you may also like|watch more)\b"
        # a short header of a box of links: More from Reuters, Most read, الأكثر قراءة
        r"|^(?:more from|more stories|more in|most read|most popular|trending now|top stories|editor['’]?s picks|"
        r"explore more|more on these topics|related topics|"
        r"الأكثر قراءة|الأكثر مشاهدة|الأكثر تداولا|آخر الأخبار|أخبار متعلقة|مقالات ذات صلة|قد يعجبك أيضا|"
        r"قد يهمك أيضا|قد يهمك|اخترنا لك|مواضيع مقترحة|أخبار مقترحة)\b[^.!?؟،,]{0,30}[:：]?$"
        r"|^(?:read|see|follow|watch|get|find)\s+(?:our|the|all|more|live)\b[^.!?]{0,100}?"
        r"(?:\bhere|\bcoverage|\bupdates|\blive blog)[.!]?$"
        r"|^(?:لمتابعة|لقراءة|للاطلاع على|لمزيد من|تابعوا|تابع)\s[^.!?؟]{0,80}(?:اضغط|انقر|اضغطوا)\s+هنا\W*$",
        re.IGNORECASE)),
    ("share", re.compile(
        r"^(?:sign up|subscribe|click here|follow us|"
        r"log ?in|sign in|newsletter|join (?:us|our)|continue reading|story continues|"
        r"scroll (?:down|to)|skip to|تابعونا|سجل الدخول|تسجيل الدخول|اضغط هنا|انقر هنا|للاشتراك)\b"
        # words that also start sentences (Share prices fell, شارك آلاف, اشترك 500 جندي): only before a button word
        r"|^(?:share|tweet|شارك|شاركوا|مشاركة|اشترك)(?:\s+(?:this|on|via|the story|article|story|it|الخبر|المقال|"
        r"هذا المقال|هذا الخبر|عبر|على|القصة|الموضوع|الآن|في النشرة|في نشرتنا)\b|\s*[:：|]|\s*$)"
        # words that also start sentences and headings (Video footage showed ..., إعلان الحكومة ...): only as a
        # label (followed by a colon or a dash) or in a line of at most three words
        r"|^(?:email|print|comments?|advertisement|sponsored|follow|watch|video|listen|تابعنا|إعلان|اعلان|شاهد|فيديو)"
        r"(?:\s*[:：|–—-]|\s*$|(?:\s+[^\s.!?؟]+){1,2}$)",
        re.IGNORECASE)),
    ("footer", re.compile(
        r"^(?:©|\(c\)|copyright\b|all rights reserved|\(?(?:reporting|writing|editing|additional reporting|"
        r"compiled|translated)\s+by\b|tags?:|topics:|filed under|this (?:story|article) (?:has been|was) "
        r"(?:updated|corrected|originally)|"
        r"our standards:|\(?\s*(?:تغطية صحفية|شارك في التغطية|إعداد|اعداد|تحرير)\b.*\)$|"
        r"جميع الحقوق|حقوق النشر|المصدر\s*[:：]|المصدر\s*[-–]|الوسوم|الكلمات المفتاحية|كلمات مفتاحية|\(?وكالات\)?$)",
        re.IGNORECASE)),
    ("byline", re.compile(
        r"^(?:(?:By|BY)\s+[A-Z][\w.'’-]*(?:(?:\s+|,\s*|\s+and\s+|\s+in\s+|\s*[|/–—-]\s*)[A-Z][\w.'’-]*){0,8}"
        r"|(?:Contributing|Contributors?|Written by|Reporting by)\s*[:：]?\s+[A-Z].{0,80}"
        r"|(?:كتب|كتبت|كتبه|كتبته|بقلم|إعداد|اعداد|تحرير|ترجمة|متابعة|تقرير|مراسل|مراسلة|المحرر|محرر)\s*[:：]\s*\S.{0,60}"
        r"|(?:بقلم|كتب|كتبت|إعداد|اعداد)\s+\S+(?:\s\S+){0,3})$")),
    ("label", re.compile(
        r"^(?:update|updated|editor['’]?s note|correction|clarification|breaking|exclusive|live|developing|"
        r"عاجل|تحديث|حصري|خاص|ملاحظة المحرر)\s*[:：]\s*(?:.{0,12}$|.*\b(?:updated|corrected|story|article|"
        r"report|version)\b)"
        # a kicker alone on its line: ANALYSIS, Opinion, تحليل
        r"|^(?:analysis|opinion|exclusive|explainer|breaking(?: news)?|live|developing|comment|interview|review|"
        r"fact check|تحليل|رأي|مقال رأي|حصري|عاجل|خاص|تقرير خاص)\s*[:：]?$",
        re.IGNORECASE)),
    ("timestamp", re.compile(
        r"^(?:(?:last )?updated|published|posted|نشر(?: في)?|تاريخ النشر|آخر تحديث|اخر تحديث|تم النشر|"
        r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?"
        r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
        r"\.?\s+\d|\d{1,2}[/.-]\d)|"
        r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|"
        r"(?:السبت|الأحد|الاحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة)\s*[،,]?\s*\d)"
        r"(?=.*\d).{0,80}$",
        re.IGNORECASE)),
    ("byline", re.compile(
        rf"^(?:the\s+)?(?:{_AGENCIES_EN}|{AGENCIES_AR})(?:\s+(?:staff|reporters?|writers?|عربي|نت|نيوز))?\.?$",
        re.IGNORECASE)),
]
# A name with a role or an outlet (tried on lines ending with a role word or holding " | "): Jane Doe, Staff Writer /
# Priya Natarajan, Technology Correspondent / Ahmed al-Rubaie | Reuters
_NAME = r"[A-Z][\w'’-]+(?:\s(?:[A-Z][\w.'’-]+|(?:al|el|bin|ibn|abu|de|van|von)-?[\w'’-]*)){1,3}"
_NAME_ROLE = re.compile(
    rf"{_NAME},?\s+(?:Staff|Special|Senior|Chief|Foreign|Political|Military)(?:\s\w+){{0,2}}\s"
    r"(?:Writer|Correspondent|Reporter|Editor)"
    rf"|{_NAME},\s+(?:[A-Z][\w&-]*\s+){{0,3}}(?:Writer|Correspondent|Reporter|Editor|Contributor|Columnist)s?"
)
_ROLE_ENDS = ("Writer", "Correspondent", "Reporter", "Editor", "Contributor", "Columnist", "Writers", "Correspondents",
              "Reporters", "Editors", "Contributors", "Columnists")
_NAME_OUTLET = re.compile(rf"{_NAME}\s+\|\s+[A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*){{0,4}}")
# A time, a date or an age alone on a line (tried on short lines): 12:15 p.m. / 14:05 / March 12, 2024 / 2 hours ago
_TIME_LINE = re.compile(
        r"^\d{1,2}(?:[:.]\d{2}\s*(?:[ap]\.?\s?m\.?)?|\s*[ap]\.?\s?m\.?)(?:\s+[A-Z]{2,4}|\s+local time)?$"
        r"|^\d{1,2}:\d{2}\s*(?:ص|م|صباحاً|صباحا|مساءً|مساء)?(?:\s+(?:بتوقيت\s+\S+|ت\s?غ|غرينتش|GMT))?$"
        r"|^(?:\d+|an?|one)\s+(?:minutes?|mins?|hours?|hrs?|days?)\s+ago$"
        # a date alone (with a time): March 12, 2024 / 12 Mar 2024 10.45 GMT / 12/03/2024 / 2024-03-12 10:45
        r"|^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:\d{1,2}\s+)?"
        r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
        r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?,?\s+\d{4}(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}.{0,16})?$"
        r"|^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}(?:\s*[-–,|]?\s*\d{1,2}:\d{2}.{0,12})?$"
        r"|^(?:last modified|modified|first published|originally published)\b.{0,60}\d.{0,30}$"
        r"|^(?:منذ|قبل)\s+(?:\d+\s+)?(?:دقيقة|دقائق|ساعة|ساعات|ساعتين|يوم|أيام|يومين)$",
        re.IGNORECASE,
)
_MAX_TIME_WORDS = 12
_MONTHS = "january february march april may june july august september october november december"
_TIME_FIRST = wordset(
    f"{_MONTHS} jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday "
    "sunday a an one last modified first originally منذ قبل"
)  # the first words (lower case, without . and ,) _TIME_LINE can start with, besides a digit
# A line of share buttons: social network names only (tried on short lines).
_NETWORKS = re.compile(
    r"^(?:(?:facebook|twitter|x|whatsapp|telegram|linkedin|e-?mail|reddit|pinterest|messenger|instagram|youtube|"
    r"tiktok|threads|copy link|print|فيسبوك|فيس بوك|تويتر|إكس|واتساب|واتس اب|تلغرام|تيليجرام|تليجرام|لينكدإن|"
    r"لينكد إن|إنستغرام|انستغرام|يوتيوب|تيك توك|البريد الإلكتروني|طباعة|نسخ الرابط)(?:\s*[|,،/•·-]\s*|\s+|$))+$",
    re.IGNORECASE,
)
_MAX_NETWORK_WORDS = 8
_NETWORK_WORDS = wordset(
    "facebook twitter x whatsapp telegram linkedin email e-mail reddit pinterest messenger instagram youtube tiktok "
    "threads copy print فيسبوك فيس تويتر إكس واتساب واتس تلغرام تيليجرام تليجرام لينكدإن لينكد إنستغرام انستغرام "
    "يوتيوب تيك البريد طباعة نسخ"
)  # the first words _NETWORKS can start with
_NETWORK_FIRST = frozenset("fFtTxXwWlLeErRpPmMiIyYcCفتإاولطنب")  # first letters of the names above
# An agency or desk name alone on a line: Gulf Wire Service, Staff and agencies, وكالة الأنباء العراقية (tried on
# lines ending with one of _AGENCY_ENDS or starting with وكالة).
_AGENCY_LINE = re.compile(
    r"^(?:[A-Z][\w&'’.-]*\s+){1,4}(?:News|Wire|Press|Newswire)\s+(?:Service|Agency|Services)$"
    r"|^(?:[A-Z][\w&'’.-]*\s+){1,3}(?:Newswire|Wire|Newsroom|News Desk|Bureau|Staff|Reporters)$"
    r"|^(?:[A-Z][\w&'’.-]*\s+){1,4}(?:News|Press)\s+Agency\s+\([A-Z]{2,6}\)$"
    r"|^(?i:staff and agencies|wire services|from (?:staff and )?(?:wire|news) (?:reports|services))$"
    r"|^وكالة\s+(?:الأنباء|أنباء)(?:\s+[^\s.!?؟،]+){1,3}$"
)
_AGENCY_ENDS = ("Service", "Services", "Agency", "Wire", "Newswire", "Newsroom", "Desk", "Bureau", "Staff", "Reporters",
                "agencies", "reports", "services")
# A caption by its credit needs the whole line to be short.
_MAX_CAPTION_WORDS = 45
_MAX_LINE_WORDS = 25
_MAX_SHARE_WORDS = 14


# The anchored rules as one alternation (one match call per line); the group name is the kind.
_CAPTION_START = re.compile(
    r"^(?:photo credit|image credit|picture credit|photo courtesy|courtesy|"
    r"photo|image|picture|caption|file photo|file|pictured|credit|photograph|getty images|"
    r"صورة|الصورة|صور|تصوير|مصدر الصورة|الصور|أرشيفية|ارشيفية)\s*(?:[:：/|–—-]|\(|$)"
    r"|^(?:جانب من|لقطة من|لقطة شاشة|صورة|صور)\s[^.!?؟]*$",
    re.IGNORECASE,
)
_START_RULES = [(k, rx) for k, rx in _LINE_RULES if k != "caption"] + [("caption", _CAPTION_START)]
# (dispatched on the line's first character: the same first matching rule as the whole alternation, fewer tries)
_START = FirstCharDispatch(_START_RULES)
_CREDIT_WORDS = (
    r"photos?|getty|images?|reuters|afp|epa|ap|file|pool|handout|courtesy|supplied|أرشيف|أرشيفية|ارشيف|ارشيفية|"
    r"صورة|الصورة|تصوير|رويترز|أ ف ب|الأناضول|إنترنت|الإنترنت|مواقع التواصل"
)
# (Tigris Tribune/Handout), (Emilio Marquina/AP): capitalised words on both sides of a slash
_SLASH_CREDIT = r"\((?:[A-Z][\w.'’&-]*\s?){1,5}/\s?[A-Z][\w.'’&-]*(?:\s[A-Z][\w.'’&-]*){0,3}\)"
_CAPTION_END = re.compile(
    rf"(?:\((?i:[^()]*\b(?:{_CREDIT_WORDS})\b[^()]*)\)|{_SLASH_CREDIT})\s*$"
)
_CREDIT_LINE_WORDS = _CREDIT_WORDS.replace("|file|", "|file photo|file picture|")  # not "(see attached file)"
# A line that is only a photo credit (it makes the line before it a caption): Photo: X/Reuters, Credit: X,
# (تصوير: X), (Name/Handout), REUTERS/Name, Name/AFP via Getty Images. (A word is taken whole, ``++``: the same
# matches as ``+``, which could also split a word between repetitions and so tried every split of a line of more
# than six words before failing, 12 us a line.)
_CREDIT_LINE = re.compile(
    r"(?i:photo(?:graph)?s?|photo credit|image|picture|credit|courtesy)\s*[:：]\s*(?:[^\s()]++\s?){1,6}$"
    r"|\(?\s*(?:تصوير|الصورة|صورة|مصدر الصورة|الصور|المصدر)\s*[:：]\s*\S[^.!?؟]*$"
    rf"|\((?i:[^()]*\b(?:{_CREDIT_LINE_WORDS})\b[^()]*)\)$|{_SLASH_CREDIT}$"
    r"|(?:AP Photo|Getty Images|REUTERS|EPA-EFE)\b"
    r"|(?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w.'’-]*\s?/\s?(?:AP|AFP|Reuters|REUTERS|Getty Images|EPA(?:-EFE)?|Bloomberg|"
    r"Handout|Pool|Xinhua|Anadolu)\b"
)
_MAX_CREDIT_WORDS = 10
_CREDIT = re.compile(
    r"AP Photo|Getty Images|REUTERS/|Reuters/|/AFP|AFP via|EPA-EFE|/EPA|Photo by|Photograph:|"
    r"Image credit|Image caption|Image copyright|[Pp]hoto:"
)
# A parenthesised agency name alone (no photo word): after a reporting sentence it credits the text, not a photo.
_BARE_AGENCY = re.compile(rf"\(\s*(?:{_AGENCIES_EN}|{AGENCIES_AR})\s*\)\s*", re.IGNORECASE)
_REPORTING = re.compile(
    r"\b(?:said|says|told|announced|reported|according to|stated|added)\b"
    r"|(?:^|\s)و?(?:قال|قالت|أعلن|أعلنت|أكد|أكدت|أفاد|أفادت|ذكر|ذكرت|أوضح|أوضحت|أضاف|أضافت|نقلت|بحسب|وفق)(?:\s|$)"
)


def is_bare_agency(unit: str) -> bool:
    """Is this unit only a parenthesised agency name (``(AFP)``, ``(أ ف ب)``)?"""
    return unit[:1] == "(" and _BARE_AGENCY.fullmatch(unit) is not None


_CONTRIBUTED = re.compile(r"\bcontributed (?:reporting )?(?:to )?(?:this )?(?:report|story|article)\.?$")


def _first_word(line: str) -> str:
    """The first word of a line, lower case, without a trailing ``.``/``,``/``|`` (Tue., Facebook|)."""
    i = line.find(" ")
    return (line if i < 0 else line[:i]).rstrip(".,|،").lower()


def classify_line(line: str) -> str | None:
    """The boilerplate kind of a whole (stripped) line, or None when it is (or may be) content."""
    n_words = line.count(" ") + 1
    if n_words > _MAX_CAPTION_WORDS:
        return None
    if n_words <= _MAX_LINE_WORDS:
        kind = _START.first(line)
        if kind is not None:
            if kind == "caption":
                return _caption_or_credit(line, n_words)
            if kind != "share" or n_words <= _MAX_SHARE_WORDS:
                return kind
    if (
        n_words <= _MAX_TIME_WORDS
        and (line[0].isdigit() or _first_word(line) in _TIME_FIRST)
        and _TIME_LINE.match(line)
    ):
        return "timestamp"
    if n_words <= _MAX_LINE_WORDS and (
        (line.endswith(_ROLE_ENDS) and _NAME_ROLE.fullmatch(line)) or (" | " in line and _NAME_OUTLET.fullmatch(line))
    ):
        return "byline"
    if n_words <= _MAX_NETWORK_WORDS:
        if line[0] in _NETWORK_FIRST and _first_word(line) in _NETWORK_WORDS and _NETWORKS.match(line):
            return "share"
        if (line.endswith(_AGENCY_ENDS) or line[-1] == ")" or line.startswith("وكالة")) and _AGENCY_LINE.match(line):
            return "byline"
    if line[-1] == ")":
        m = _CAPTION_END.search(line)
        if m is not None and not (  # a news sentence ending with its agency, "... قال ... (أ ف ب)", is content
            m.start() and _BARE_AGENCY.fullmatch(line, m.start()) and _REPORTING.search(line, 0, m.start())
        ):
            return _caption_or_credit(line, n_words)
    if ("/" in line or "hoto" in line or "Image" in line or "Getty" in line) and _CREDIT.search(line):
        return _caption_or_credit(line, n_words)
    if n_words <= _MAX_CREDIT_WORDS and "/" in line and _CREDIT_LINE.match(line):
        return "credit"
    if line[-1] in "t.y" and "contributed" in line and _CONTRIBUTED.search(line):
        return "footer"
    return chrome_kind(line, n_words)


def _caption_or_credit(line: str, n_words: int) -> str:
    return "credit" if n_words <= _MAX_CREDIT_WORDS and _CREDIT_LINE.match(line) else "caption"


# A person's name alone on a line (Jane Doe, Ahmed al-Rubaie, John W. Smith): a byline when it stands beside a date
# line or another byline line (rules.py decides; a name-like line alone may be a heading).
_NAME_1 = r"[A-Z][a-z'’-]+(?:\s(?:[A-Z][a-z'’-]+|[A-Z]\.|(?:al|el|bin|ibn|abu|de|van|von)-?[A-Z]?[a-z'’-]*)){1,3}"
_NAME_LINE = re.compile(  # Jane Doe / Jane Doe and John Roe / Sam Jones in Madrid
    rf"{_NAME_1}(?:,?\s+and\s+{_NAME_1})?(?:\s+in\s+[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)?"
)


def is_name_line(line: str) -> bool:
    return line.count(" ") < _MAX_NAME_LINE_SPACES and _NAME_LINE.fullmatch(line) is not None


_MAX_NAME_LINE_SPACES = 10


def is_credit(line: str) -> bool:
    """Is this (stripped) line a photo credit on its own (``Photo: X/Reuters``, ``(تصوير: X)``, ``(X/Handout)``)?"""
    return line.count(" ") < _MAX_CREDIT_WORDS and _CREDIT_LINE.match(line) is not None


_LABEL_PREFIX = re.compile(
    r"(?:Update|UPDATE|Updated|UPDATED|Breaking(?: [Nn]ews)?|BREAKING(?: NEWS)?|Developing|DEVELOPING|"
    r"تحديث|عاجل|محدث)\s*[:：]\s+(?=\S.{12})"
)


def label_prefix(line: str) -> int:
    """Length of an editorial label standing before the text of a line (``Update: ``, ``تحديث: ``), else 0."""
    m = _LABEL_PREFIX.match(line)
    return m.end() if m else 0
