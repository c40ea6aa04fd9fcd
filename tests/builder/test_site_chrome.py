"""Scraped-page chrome on its own lines (rule 5): breadcrumbs, cookie notices and their buttons, newsletter boxes,
contact and e-mail lines, bylines with an e-mail, bare date lines. Invented pages; each line is checked by hand."""

from __future__ import annotations

import pytest

from stancekit.builder.segment.boilerplate import classify_line
from stancekit.builder.segment.rules import segment_text


@pytest.mark.parametrize(("line", "kind"), [
    ("Home > Business > Markets", "navigation"),
    ("Sport › Football › Premier League", "navigation"),
    ("Weather > Asia", "navigation"),
    ("الرئيسية » أخبار » اقتصاد", "navigation"),
    ("الرئيسية » محليات", "navigation"),
    ("We use cookies to improve your experience on our site.", "footer"),
    ("This website uses cookies and similar technologies to personalise ads.", "footer"),
    ("By continuing to browse this site you agree to our use of cookies.", "footer"),
    ("يستخدم هذا الموقع ملفات تعريف الارتباط لتحسين تجربتك.", "footer"),
    ("نستخدم الكوكيز لتقديم أفضل خدمة.", "footer"),
    ("Accept all", "footer"),
    ("Manage preferences", "footer"),
    ("Reject all", "footer"),
    ("موافق", "footer"),
    ("قبول الكل", "footer"),
    ("Get the Morning Briefing in your inbox every day.", "share"),
    ("Our best science stories, delivered to your inbox each Monday.", "share"),
    ("اشترك في نشرتنا البريدية الأسبوعية", "share"),
    ("Contact us: newsdesk@harbourpost.example", "footer"),
    ("For tips, email tips@harbourpost.example or call 555-0134.", "footer"),
    ("للتواصل: info@akhbar.example", "footer"),
    ("By Tomas Okafor, tomas.okafor@harbourpost.example", "byline"),
    ("By Lena Brandt | lena.brandt@dailyledger.example", "byline"),
    ("18 يونيو 2024", "timestamp"),
    ("3 آذار 2023", "timestamp"),
    ("7 min read", "timestamp"),
    ("قراءة 4 دقائق", "timestamp"),
])
def test_chrome_lines(line: str, kind: str) -> None:
    assert classify_line(line) == kind


@pytest.mark.parametrize("line", [
    "Profits rose 4% > analysts' forecasts, the bank said.",
    "قال «حماس» » إنها ترفض المقترح.",
    "The regulator said websites use cookies to track readers across the web.",
    "Accept all the risks, the coach told his players before the final.",
    "The newsletter, founded in 1998, said subscriptions had doubled.",
    "He wrote to ministers at office@gov.example, the union said.",
    "قالت الوزارة إن النشرة الجوية تتوقع أمطارا غزيرة.",
    "موافقة البرلمان على الموازنة",
    "18 يونيو 2024 كان يوما حاسما للبرلمان.",
    "Sport and politics",
])
def test_content_lines_stay_content(line: str) -> None:
    assert classify_line(line) is None


def test_scraped_page_units() -> None:
    text = ("Home > Travel > Ferries\nFerry operator cuts winter routes\n"
            "By Tomas Okafor, tomas.okafor@harbourpost.example\n"
            "We use cookies to improve your experience on our site.\nAccept all\nManage preferences\n\n"
            "The ferry company said on Tuesday it would cut four routes.\n"
            "Get the Morning Briefing in your inbox every day.\n")
    got = [(u.kind, u.boilerplate_kind) for u in segment_text(text, "en")]
    assert got == [("boilerplate", "navigation"), ("title", None), ("boilerplate", "byline"),
                   ("boilerplate", "footer"), ("boilerplate", "footer"), ("boilerplate", "footer"),
                   ("body", None), ("boilerplate", "share")]


def test_arabic_scraped_page_units() -> None:
    text = ("الرئيسية » أخبار » اقتصاد\nالحكومة ترفع أسعار الوقود\n18 يونيو 2024\n"
            "يستخدم هذا الموقع ملفات تعريف الارتباط لتحسين تجربتك.\nموافق\n\n"
            "قالت الحكومة إن الأسعار سترتفع.\nاشترك في نشرتنا البريدية\n")
    got = [(u.kind, u.boilerplate_kind) for u in segment_text(text, "ar")]
    assert got == [("boilerplate", "navigation"), ("title", None), ("boilerplate", "timestamp"),
                   ("boilerplate", "footer"), ("boilerplate", "footer"), ("body", None), ("boilerplate", "share")]
