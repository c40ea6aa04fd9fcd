# ruff: noqa: E501 (Arabic literals)
"""Layout and boundary rules for text the first rules were not written for: abbreviations that end a sentence,
captions and credits, bylines, timestamps and labels, read-also/share lines, bullet and numbered lists."""

from __future__ import annotations

from stancekit.builder.segment.rules import segment_text


def units(text: str, lang: str) -> list[tuple[str, str | None, str]]:
    return [(u.kind, u.boilerplate_kind, text[u.start : u.end]) for u in segment_text(text, lang)]


def content(text: str, lang: str) -> list[str]:
    return [t for k, _, t in units(text, lang) if k != "boilerplate"]


# ------------------------------------------------------------------------------------------ abbreviations (rule 2)


def test_time_abbreviation_ends_a_sentence_before_a_capitalised_word() -> None:
    text = "He spoke shortly before 4 p.m. Army chief Gen. Abdel Fattah al-Burhan has not commented."
    assert content(text, "en") == ["He spoke shortly before 4 p.m.", "Army chief Gen. Abdel Fattah al-Burhan has not commented."]


def test_time_abbreviation_before_a_time_zone_or_day_does_not() -> None:
    for text in ("Trains stop at 5 p.m. ET on weekdays, the operator said.",
                 "The vote closes at 8 p.m. Friday, officials said.",
                 "Shares of Acme Inc. Chief Executive Jane Doe rose."):
        assert content(text, "en") == [text]


def test_company_suffix_ends_a_sentence() -> None:
    text = "The deal was signed with Zain Holdings Inc. Regulators approved it on Monday."
    assert content(text, "en") == ["The deal was signed with Zain Holdings Inc.", "Regulators approved it on Monday."]


def test_title_abbreviations_never_end_a_sentence() -> None:
    text = "The talks were led by Gen. Smith and Dr. Jones in Geneva."
    assert content(text, "en") == [text]


def test_initialism_before_a_capitalised_name_does_not_end() -> None:
    text = "The U.S. Treasury and U.N. Secretary-General Antonio Guterres met on Monday."
    assert content(text, "en") == [text]


# ------------------------------------------------------------------------------------- captions and credits (rule 5)


def test_caption_with_a_parenthesised_credit_is_one_boilerplate_unit() -> None:
    text = "PM survives attack\n\nDamage at the residence in the Green Zone. (Tigris Tribune/Handout)\n\nBAGHDAD — The prime minister escaped unharmed on Sunday."
    got = units(text, "en")
    assert got[1] == ("boilerplate", "caption", "Damage at the residence in the Green Zone. (Tigris Tribune/Handout)")
    assert got[2] == ("boilerplate", "dateline", "BAGHDAD —")  # the caption is no body: the dateline is still found
    assert got[3] == ("body", None, "The prime minister escaped unharmed on Sunday.")


def test_line_above_a_credit_line_is_a_caption() -> None:
    text = ("EU adopts AI rules\n\nThierry Breton at a news conference in Brussels on Dec. 9, 2023.\nPhoto: Johanna Geron/Reuters\n\n"
            "European Union countries on Friday endorsed the AI Act.")
    got = units(text, "en")
    assert got[1:3] == [("boilerplate", "caption", "Thierry Breton at a news conference in Brussels on Dec. 9, 2023."),
                        ("boilerplate", "credit", "Photo: Johanna Geron/Reuters")]
    assert got[3][0] == "body"
    ar = "زلزال المغرب\n\nفرق الإنقاذ تبحث عن ناجين تحت الأنقاض قرب مراكش\n(تصوير: فاضل سنة / أ ف ب)\n\nضرب زلزال قوي منطقة الحوز."
    assert [k for _, k, _ in units(ar, "ar")][1:3] == ["caption", "credit"]


def test_credit_does_not_make_a_running_line_a_caption() -> None:
    # sentence-per-line text (no blank lines): the line above the credit is part of the running text
    text = "Bush met Hu in Santiago.\nChina has been a great help at getting North Korea to the table.\nREUTERS/Jason Reed\nBush shakes hands with Hu."
    kinds = [k for k, _, _ in units(text, "en")]
    assert kinds.count("boilerplate") == 1


def test_photo_line_with_a_sentence_stays_a_caption() -> None:
    text = "Title here\n\nPhoto: Sea ice near Svalbard, Norway. (Getty Images)\n\nThe ice is melting."
    assert units(text, "en")[1] == ("boilerplate", "caption", "Photo: Sea ice near Svalbard, Norway. (Getty Images)")


# ---------------------------------------------------------------------- bylines, timestamps, labels, links (rule 5)


def test_agency_name_line_is_a_byline() -> None:
    text = "U.S. troops to stay in Iraq\n\nGulf Wire Service\n\nU.S. troops will stay in Iraq, officials said."
    assert units(text, "en")[1] == ("boilerplate", "byline", "Gulf Wire Service")
    ar = "عنوان الخبر\n\nوكالة الأنباء العراقية\n\nقال مسؤولون إن القوات ستبقى."
    assert units(ar, "ar")[1] == ("boilerplate", "byline", "وكالة الأنباء العراقية")


def test_headings_are_not_bylines() -> None:
    for line in ("Civil Service", "What businesses say", "Key dates"):
        text = f"Title of the story\n\n{line}\n\nThe body sentence follows here."
        assert units(text, "en")[1] == ("heading", None, line)


def test_timestamp_lines_and_update_labels_are_their_own_boilerplate_units() -> None:
    text = ("Storm live updates\n\n3:40 p.m.\nUpdate: Dutch rail operator NS said all trains would stop running.\n\n"
            "2:55 p.m.\nMore than 120,000 homes are without power.")
    assert units(text, "en")[1:] == [
        ("boilerplate", "timestamp", "3:40 p.m."),
        ("boilerplate", "label", "Update:"),
        ("body", None, "Dutch rail operator NS said all trains would stop running."),
        ("boilerplate", "timestamp", "2:55 p.m."),
        ("body", None, "More than 120,000 homes are without power."),
    ]
    ar = "زلزال المغرب\n\n14:05\nتحديث: قالت وزارة الداخلية إن عدد القتلى ارتفع."
    assert units(ar, "ar")[1:] == [("boilerplate", "timestamp", "14:05"), ("boilerplate", "label", "تحديث:"),
                                   ("body", None, "قالت وزارة الداخلية إن عدد القتلى ارتفع.")]


def test_a_short_label_line_and_a_label_in_the_title_stay_as_they_were() -> None:
    assert units("Title\n\nUpdate:\nThe text.", "en")[1] == ("boilerplate", "label", "Update:")
    assert units("Breaking: the army seizes the capital\n\nText.", "en")[0][0] == "title"


def test_read_our_coverage_line_is_read_also() -> None:
    text = "Title\n\nThe storm hit on Monday.\n\nRead our full coverage of Storm Eleanor here."
    assert units(text, "en")[-1] == ("boilerplate", "read_also", "Read our full coverage of Storm Eleanor here.")
    # an ordinary sentence starting with "Read" is content
    text = "Title\n\nRead the statement and you will see that nothing has changed, the minister said."
    assert units(text, "en")[-1][0] == "body"


# ------------------------------------------------------------------------------------------------ lists (rule 4)


def test_arabic_bullet_list_items_are_units_and_the_list_heading_is_its_own() -> None:
    text = ("ما الذي نعرفه عن الزلزال؟\n\nأبرز ما نعرفه:\n- أعلنت وزارة الداخلية أن عدد القتلى ارتفع إلى 2012 شخصاً.\n"
            "- إقليم الحوز هو الأكثر تضرراً، تليه أقاليم تارودانت وشيشاوة وورزازات\n"
            "- قال المركز الوطني إن هزة ارتدادية بقوة 4.5 درجات سجلت صباح الأحد\n- فتحت السلطات حساباً خاصاً")
    assert units(text, "ar")[1:] == [
        ("heading", None, "أبرز ما نعرفه:"),
        ("body", None, "- أعلنت وزارة الداخلية أن عدد القتلى ارتفع إلى 2012 شخصاً."),
        ("body", None, "- إقليم الحوز هو الأكثر تضرراً، تليه أقاليم تارودانت وشيشاوة وورزازات"),
        ("body", None, "- قال المركز الوطني إن هزة ارتدادية بقوة 4.5 درجات سجلت صباح الأحد"),
        ("body", None, "- فتحت السلطات حساباً خاصاً"),
    ]


def test_numbered_items_keep_their_number() -> None:
    text = "Title\n\nThe plan has three steps:\n1. Raise the sales of dollars.\n2) Open new windows\n3. Fight speculators."
    assert content(text, "en")[1:] == ["The plan has three steps:", "1. Raise the sales of dollars.",
                                       "2) Open new windows", "3. Fight speculators."]
    assert content("Title\n\n1. A numbered paragraph of its own.", "en")[1] == "1. A numbered paragraph of its own."


def test_a_dash_moved_to_the_line_start_by_a_wrap_is_no_bullet() -> None:
    text = "Title\n\nThe decision was taken by the council and\n- after a long debate - approved on Monday."
    assert content(text, "en")[1:] == ["The decision was taken by the council and\n- after a long debate - approved on Monday."]


def test_date_lines_share_buttons_and_link_box_headers_are_boilerplate() -> None:
    lines = {"March 12, 2024": "timestamp", "Last modified on Tue 12 Mar 2024 10.45 GMT": "timestamp",
             "12/03/2024": "timestamp", "2024-03-12 10:45": "timestamp", "منذ 3 ساعات": "timestamp",
             "Facebook Twitter WhatsApp": "share", "فيسبوك | تويتر | واتساب": "share", "تويتر": "share",
             "More from Reuters:": "read_also", "الأكثر قراءة": "read_also"}
    for line, kind in lines.items():
        lang = "en" if line.isascii() else "ar"
        assert units(f"Title\n\nThe body.\n\n{line}\n\nMore body.", lang)[2] == ("boilerplate", kind, line), line
    for line in ("More in 2024 than ever before are leaving, officials said.", "Print media is shrinking fast."):
        assert units(f"Title\n\n{line}", "en")[1] == ("body", None, line)


def test_lines_under_a_link_box_header_are_links() -> None:
    text = "Title\n\nThe body.\n\nMore from Reuters:\nOil prices hit two-month high\nGold steadies as dollar firms"
    assert [k for _, k, _ in units(text, "en")][2:] == ["read_also"] * 3


# ------------------------------------------------------------------------------------------ hard wraps (rule 4)

_WRAPPED_EN = """Oil falls as Fed signals higher rates

LONDON (Reuters) - Oil prices fell on Tuesday after the U.S. Federal
Reserve signalled that interest rates would stay high for longer,
damping hopes of a pick-up in fuel demand. Brent crude futures fell
1.2% to $81.10 a barrel by 0900 GMT, while U.S. West Texas Intermediate
crude fell 1.3% to $76.90.
Analysts said the market was also weighed down by a stronger dollar,
which makes oil more expensive for holders of other currencies. "We
see no reason to be optimistic in the short run," said Jane Doe, an
analyst at Acme Capital in London.
Marine Gen. Frank McKenzie speaks at the Pentagon in Washington, Sept.
22, 2021. (AP Photo/Alex Brandon)
Published 6:12 p.m. CT Saturday, May 6, 2023
Share prices of refiners rose, with Acme Refining up 2% in early trade.
"""


def test_a_hard_wrapped_document_is_read_as_its_logical_lines() -> None:
    got = content(_WRAPPED_EN, "en")
    assert got == [
        "Oil falls as Fed signals higher rates",
        "Oil prices fell on Tuesday after the U.S. Federal\nReserve signalled that interest rates would stay high for longer,\n"
        "damping hopes of a pick-up in fuel demand.",
        "Brent crude futures fell\n1.2% to $81.10 a barrel by 0900 GMT, while U.S. West Texas Intermediate\ncrude fell 1.3% to $76.90.",
        "Analysts said the market was also weighed down by a stronger dollar,\nwhich makes oil more expensive for holders of other currencies.",
        '"We\nsee no reason to be optimistic in the short run," said Jane Doe, an\nanalyst at Acme Capital in London.',
        "Share prices of refiners rose, with Acme Refining up 2% in early trade.",
    ]
    kinds = {t: k for _, k, t in units(_WRAPPED_EN, "en")}
    assert kinds["Marine Gen. Frank McKenzie speaks at the Pentagon in Washington, Sept.\n22, 2021. (AP Photo/Alex Brandon)"] == "caption"
    assert kinds["Published 6:12 p.m. CT Saturday, May 6, 2023"] == "timestamp"


def test_sentence_per_line_text_is_not_taken_for_wrapped() -> None:
    text = "STAY AWAY\nHorrible service.\nThe room was dirty and the staff was rude to us\nWe will never come back here again\nAvoid this hotel at all costs"
    assert len(content(text, "en")) == 5


def test_a_capital_letter_before_a_sentence_starter_ends_the_sentence() -> None:
    text = '"Every day of delay costs lives," he wrote on X. The Kremlin denied it. George W. Bush agreed.'
    assert content(text, "en") == ['"Every day of delay costs lives," he wrote on X.', "The Kremlin denied it.",
                                   "George W. Bush agreed."]


def test_a_number_with_a_decimal_point_is_no_abbreviation() -> None:
    text = "Inflation is expected to end the year at 2.4%. U.S. stocks rose. Oil fell to $76.90. Analysts said."
    assert content(text, "en") == ["Inflation is expected to end the year at 2.4%.", "U.S. stocks rose.",
                                   "Oil fell to $76.90.", "Analysts said."]


def test_a_read_also_list_ends_where_its_bullets_end() -> None:
    text = ("عنوان الخبر\n\nقالت الهيئة إن الحرارة سترتفع.\nاقرأ أيضا:\n- الصحة ترفع درجة الاستعداد\n- 5 نصائح للوقاية\n"
            "وتتوقع الهيئة انخفاضا طفيفا في درجات الحرارة مطلع الأسبوع المقبل")
    assert content(text, "ar")[-1] == "وتتوقع الهيئة انخفاضا طفيفا في درجات الحرارة مطلع الأسبوع المقبل"


def test_wrapped_boilerplate_after_a_sentence_end_is_still_found() -> None:
    lines = ["وقالت وزارة المالية في بيان إن العجز سيغطى عبر الاقتراض الداخلي",
             "والخارجي خلال العام المقبل دون المساس برواتب الموظفين في الدولة .",
             "ويحتاج القانون إلى مصادقة رئيس الجمهورية قبل نشره في الجريدة الرسمية .",
             "( تغطية صحفية أحمد رشيد - إعداد محمد اليماني للنشرة العربية - تحرير سها",
             "جادو )"]
    text = "البرلمان يقر الموازنة\n\n" + "\n".join(["ونقلت وكالة الأنباء العراقية عن مسؤول في وزارة المالية قوله إن الرواتب",
                                               "ستصرف في موعدها ولن تتأثر بالعجز الذي تواجهه الموازنة العامة للبلاد .",
                                               *lines])
    assert units(text, "ar")[-1] == ("boilerplate", "footer", lines[-2] + "\n" + lines[-1])


def test_arabic_one_letter_abbreviations_do_not_end_a_sentence() -> None:
    text = "وقال د. محمد علي إن الأرقام صحيحة. وأضاف أ.د. أحمد حسن أن المدينة بنيت عام 500 ق.م تقريباً."
    assert content(text, "ar") == ["وقال د. محمد علي إن الأرقام صحيحة.",
                                   "وأضاف أ.د. أحمد حسن أن المدينة بنيت عام 500 ق.م تقريباً."]


def test_bylines_a_name_beside_a_date_line_and_name_with_a_role_or_outlet() -> None:
    text = ("Oil falls as Fed signals higher rates\n\nJane Doe\nMarch 12, 2024\n\nPriya Natarajan, Technology Correspondent\n"
            "Ahmed al-Rubaie | Reuters\n\nKey Dates\nThe body sentence is here.")
    assert [k for _, k, _ in units(text, "en")] == [None, "byline", "timestamp", "byline", "byline", None, None]


def test_line_below_a_credit_alone_with_it_in_a_paragraph_is_a_caption() -> None:
    text = "Title\n\nPhoto: AP/Reuters\nSmoke rises over the city on Monday.\n\nThe army said it had shelled the city."
    assert [k for _, k, _ in units(text, "en")] == [None, "credit", "caption", None]
    # a credit inside running sentence-per-line text makes no caption of the line below it
    text = "Bush met Hu.\nREUTERS/Jason Reed\nU.S. President George W. Bush shakes hands with Hu.\nBush is in Santiago."
    assert [k for _, k, _ in units(text, "en")].count("caption") == 0


def test_english_datelines_with_a_title_case_place_or_a_colon() -> None:
    for line, dateline in (("Beirut (AFP) - Israeli strikes killed 12 people on Monday.", "Beirut (AFP) -"),
                           ("Washington, D.C. – The Senate passed the bill.", "Washington, D.C. –"),
                           ("Paris, France, Jan. 3 (AFP) — The strike continued.", "Paris, France, Jan. 3 (AFP) —"),
                           ("LONDON: Britain's economy grew by 0.3% in the third quarter, official figures showed on "
                            "Friday, beating forecasts.", "LONDON:")):
        assert units(f"Title here\n\n{line}", "en")[1] == ("boilerplate", "dateline", dateline)
    for line in ("Trump — who denies wrongdoing — said he would appeal.", "UPDATE: The vote was delayed until Friday."):
        assert units(f"Title here\n\n{line}", "en")[1][1] != "dateline"
    assert units("IRAQ: Protesters storm parliament in Baghdad\n\nText.", "en")[0][0] == "title"


def test_arabic_datelines_with_a_quoted_paper_or_a_slash() -> None:
    for line, dateline in (("بيروت - «الحياة»: قال وزير الخارجية إن المحادثات مستمرة.", "بيروت - «الحياة»:"),
                           ("غزة/ الأناضول: قتل 12 شخصا في غارة.", "غزة/ الأناضول:"),
                           ("لندن - «القدس العربي»:", "لندن - «القدس العربي»:")):
        assert units(f"عنوان الخبر هنا\n\n{line}", "ar")[1] == ("boilerplate", "dateline", dateline)
    assert units("عنوان الخبر هنا\n\nالحرب/ السلام: قراءة في المشهد", "ar")[1][0] == "heading"


def test_a_reporting_sentence_ending_with_its_agency_is_content_and_the_agency_a_credit() -> None:
    text = "عنوان الخبر هنا\n\nأعلن الجيش السوداني، الأحد، استعادة مواقع استراتيجية في أم درمان. (أ ف ب)"
    assert units(text, "ar")[1:] == [("body", None, "أعلن الجيش السوداني، الأحد، استعادة مواقع استراتيجية في أم درمان."),
                                     ("boilerplate", "credit", "(أ ف ب)")]
    # a caption with an agency credit stays one caption
    text = "Title here\n\nSmoke rises over the city after an air strike on Monday. (AFP)\n\nThe army said it had won."
    assert units(text, "en")[1] == ("boilerplate", "caption", "Smoke rises over the city after an air strike on Monday. (AFP)")


def test_guardian_style_byline_and_topic_links() -> None:
    text = ("Catalonia declares drought emergency\n\nSam Jones in Madrid\nThu 1 Feb 2024 14.32 GMT\n\n"
            "Reservoirs are at 16% of capacity.\n\nExplore more on these topics\nSpain\nDrought")
    assert [k for _, k, _ in units(text, "en")] == [None, "byline", "timestamp", None, "read_also", "read_also",
                                                     "read_also"]


def test_arabic_ordinal_and_parenthesised_number_items() -> None:
    text = ("عنوان الخبر هنا\n\nوتتضمن الخطة ثلاثة محاور رئيسية هي:\n"
            "أولاً: زيادة رواتب الموظفين في القطاع العام بنسبة عشرة بالمئة اعتباراً من مطلع العام المقبل\n"
            "ثانياً: تخصيص خمسة تريليونات دينار للمحافظات المتضررة من السيول والفيضانات الأخيرة\nثالثاً: دعم قطاع الكهرباء")
    assert len(content(text, "ar")) == 5
    text = "Title\n\nThe plan:\n(1) Raise wages for public sector workers by ten percent from January next year\n(2) Fund the provinces"
    assert content(text, "en")[1:] == ["The plan:", "(1) Raise wages for public sector workers by ten percent from "
                                       "January next year", "(2) Fund the provinces"]


def test_more_credit_agency_time_and_link_forms() -> None:
    from stancekit.builder.segment.boilerplate import classify_line

    assert classify_line("Photo credit: John Smith") == "credit"
    assert classify_line("Kuwait News Agency (KUNA)") == "byline"
    assert classify_line("قبل 3 ساعات") == "timestamp"
    assert classify_line("READ: Oil demand to peak by 2029") == "read_also"
    for line in ("Courtesy of the family, the photo shows him in 2019.", "Readers said the paper was biased."):
        assert classify_line(line) is None


def test_a_kicker_alone_above_the_headline_is_a_label() -> None:
    text = "ANALYSIS\nWhy Iraq's election result is still contested\n\nThe dispute is about ministries."
    assert units(text, "en")[:2] == [("boilerplate", "label", "ANALYSIS"),
                                     ("title", None, "Why Iraq's election result is still contested")]
