"""Rule 8 across line breaks: a direct quotation that goes on into the next paragraph or line, closed there by a mark
that hugs its last word; every unit inside is a continuation. An unclosed quote followed by a new quotation is not."""

from __future__ import annotations

from test_attribution import run


def _speakers(text: str, lang: str) -> list[str | None]:
    return [a.speaker if a is not None else None for _, a in run(text, lang)]


def test_arabic_quote_over_two_paragraphs_opened_with_right_mark() -> None:
    text = ("وقال رئيس اتحاد المزارعين يوسف الحلبي: ”لقد خسرنا نصف المحصول هذا العام. الآبار جفت تماما.\n\n"
            "لن نستطيع الاستمرار إذا لم تتدخل الحكومة فورا“.\nوتراجع منسوب النهر إلى أدنى مستوى منذ عقود.")
    assert _speakers(text, "ar") == ["يوسف الحلبي"] * 3 + [None]
    assert all(a is None or a.quote_type == "direct" for _, a in run(text, "ar"))


def test_arabic_quote_over_a_line_break() -> None:
    text = 'وأضاف الحلبي: "نطالب بتعويضات عاجلة.\nالمخازن فارغة والديون تتراكم".\nوانخفضت الأسعار.'
    assert _speakers(text, "ar") == ["الحلبي", "الحلبي", None]


def test_english_quote_over_a_paragraph() -> None:
    text = ('Mayor Lena Ortiz said: "We lost half the harbour in one night.\n\n'
            'We cannot rebuild without federal money."\nThe storm moved north on Friday.')
    assert _speakers(text, "en") == ["Lena Ortiz", "Lena Ortiz", None]


def test_unclosed_quote_then_a_new_quotation_does_not_run_on() -> None:
    text = ('Mayor Lena Ortiz said: "We lost half the harbour.\n\n'
            'The storm moved north. Residents called it "the worst in memory".')
    assert _speakers(text, "en")[1:] == [None, None]
