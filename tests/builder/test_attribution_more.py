"""More attribution rules (rule 10 speaker strings, cues, headline sources), each on a short invented text."""

from __future__ import annotations

from test_attribution import claim, run

from stancekit.builder.segment.attribution import Attribution, attribute
from stancekit.builder.segment.protocol import UnitSpan


def whole(text: str, lang: str = "en") -> Attribution | None:
    """The attribution of ``text`` taken as one body unit."""
    return attribute(text, [UnitSpan(0, len(text), "body", None)], lang)[0]


def test_english_title_before_prefixed_surname() -> None:
    a = claim('"There was no fraud," commission spokeswoman Rana al-Tamimi told reporters.')
    assert a.speaker == "Rana al-Tamimi"


def test_english_closing_quote_not_in_speaker() -> None:
    text = '"We will appeal," Karim al-Haddad, a senior party figure, told reporters. He said the count was flawed.'
    out = [a for _, a in run(text)]
    assert out[0] is not None and out[0].speaker == "Karim al-Haddad"
    assert out[1] is not None and out[1].speaker == "Karim al-Haddad"


def test_english_person_of_organisation() -> None:
    assert claim('"It is a relabelling," said Martin Kowal of the Brandt Institute.').speaker == "Martin Kowal"


def test_english_proper_name_before_organisation_noun() -> None:
    assert claim("The Iran-aligned Nasr alliance says the vote was rigged.").speaker == "Nasr alliance"


def test_english_abbreviation_keeps_its_period() -> None:
    a = whole("Aid will rise by $20 mln, the Treasury Dept. said on Monday.")
    assert a is not None and a.speaker == "Treasury Dept."


def test_english_he_skips_plural_group() -> None:
    text = ("Planners at the ministry said demand would peak in July. "
            "Ministry adviser Omar Saleh said the grid was old. Officials said imports were falling. "
            "He said the plan was late.")
    assert [a.speaker for _, a in run(text) if a is not None][-1] == "Omar Saleh"


def test_english_subject_before_relative_clause_with_commas() -> None:
    a = claim("TechUnion, which represents Nokia, Ericsson and Bosch among others, warned that costs would rise.")
    assert a.speaker == "TechUnion" and a.cue == "warned"


def test_english_subject_before_that_clause() -> None:
    a = claim("The vote was clean, after rival parties that suffered heavy losses said the count was rigged.")
    assert a.speaker == "rival parties"


def test_english_according_to_a_statement_from() -> None:
    a = claim("Two rockets hit the base, according to a statement from the Joint Security Command.")
    assert a.speaker == "Joint Security Command" and a.cue == "according to"


def test_english_passive_by_is_no_cue() -> None:
    a = claim("A rocket attack claimed by a militia killed two people on Monday, and an army official said the "
              "launchers were found.")
    assert a.cue == "said" and a.speaker == "an army official"


def test_english_claimed_responsibility_is_no_claim() -> None:
    assert all(a is None for _, a in run("No group has claimed responsibility for the attack."))


def test_english_appositive_charge_is_no_cue() -> None:
    a = claim("Officials have accused Ankara of arming the rebels, a charge Ankara denies.")
    assert a.cue == "accused" and a.speaker == "Officials"


def test_english_reject_needs_a_claim_as_object() -> None:
    a = claim("The ministry has rejected the accusations and says the audit confirmed its figures.")
    assert a.cue == "rejected" and a.speaker == "The ministry"
    assert all(a is None for _, a in run("The union rejected the pay offer on Monday."))


def test_english_describe_as_and_expect() -> None:
    assert claim("Western officials describe the program as a serious threat.").cue == "describe"
    assert claim("Analysts in Brussels expect the first fines in 2026.").speaker == "Analysts in Brussels"
    assert all(a is None for _, a in run("About 900 troops remain, now described as trainers."))


def test_english_heading_without_content_is_no_claim() -> None:
    assert all(a is None for _, a in run("What investors say", title=True))


def test_english_headline_colon_needs_a_source() -> None:
    assert claim("Gulf official: drone attack shows the threat is growing", title=True).cue == ":"
    assert all(a is None for _, a in run("Storm Ciara live updates: trains cancelled, homes without power", title=True))
    assert all(a is None for _, a in run("Election night: polls close across the state", title=True))


def test_english_name_with_ampersand_and_acronym() -> None:
    a = claim("The war has killed 9,000 people, according to the Conflict Location & Event Data Project (CLED).")
    assert a.speaker == "Conflict Location & Event Data Project"


def test_arabic_name_after_title_and_affiliation() -> None:
    text = "قال القيادي في التيار الوطني سالم الخزرجي إن النتائج مزورة. وأضاف أن الطعون ستقدم غدا."
    out = [a for _, a in run(text, "ar")]
    assert out[0] is not None and out[0].speaker == "سالم الخزرجي"
    assert out[1] is not None and out[1].speaker == "سالم الخزرجي"


def test_arabic_vso_object_not_in_speaker() -> None:
    assert whole("نفت الهيئة وجود أي تلاعب، وقالت إن النتائج سليمة.", "ar").speaker == "الهيئة"  # type: ignore[union-attr]
    assert whole("وتتهم موسكو كييف منذ أشهر بقصف المدينة، وهو ما تنفيه أوكرانيا.", "ar").speaker == "موسكو"  # type: ignore[union-attr]


def test_arabic_title_with_organisation_is_a_description() -> None:
    a = whole("وقال رئيس بلدية عين الصفا المحلية للصحفيين: \"خسرنا كل شيء\".", "ar")
    assert a is not None and a.speaker == "رئيس بلدية عين الصفا المحلية"


def test_arabic_acronym_in_brackets_and_named_witness() -> None:
    a = whole("وقالت منظمة الأغذية والزراعة (فاو) في بيان إن المحصول تراجع.", "ar")
    assert a is not None and a.speaker == "منظمة الأغذية والزراعة"
    b = whole("وقال أحد السكان، ويدعى أبو سامر، للمراسل: \"لم ننم منذ يومين\".", "ar")
    assert b is not None and b.speaker == "أبو سامر"


def test_arabic_descriptive_reports() -> None:
    a = whole("وأفادت تقارير صحفية بأن المفاوضات توقفت.", "ar")
    assert a is not None and a.speaker == "تقارير صحفية"


def test_arabic_participle_takes_its_own_main_clause_subject() -> None:
    text = ("وقال الوزير سامي الحداد إن الاتفاق قريب. "
            "من جهته، أعرب وزير المالية اللبناني عن ارتياحه، مشيراً إلى أن المفاوضات ستنتهي قريبا.")
    out = [a for _, a in run(text, "ar")]
    assert out[1] is not None and out[1].speaker == "وزير المالية اللبناني" and out[1].cue == "مشيراً"


def test_arabic_dropped_subject_coordinated_with_main_verb() -> None:
    text = ("وقال النائب كريم العلي إن الطعون كثيرة. "
            "من جهتها، رحبت الهيئة الوطنية للانتخابات بالقرار، وقالت في بيان إنه ينهي الجدل.")
    out = [a for _, a in run(text, "ar")]
    assert out[1] is not None and out[1].speaker == "الهيئة الوطنية للانتخابات" and out[1].cue == "قالت"


def test_arabic_past_verb_in_ta_is_masculine() -> None:
    text = ("قيادي في التيار الوطني: النتائج مرفوضة\n"
            "قال القيادي في التيار الوطني سالم الخزرجي إن النتائج مزورة. وأضاف الخزرجي أن الطعون جاهزة. "
            "وتابع: «لن نسكت».")
    out = [a for _, a in run(text, "ar", title=True)]
    assert out[-1] is not None and out[-1].speaker == "الخزرجي"


def test_arabic_new_cues_and_rule_nouns() -> None:
    a = whole("ويقدّر خبراء مستقلون عدد النازحين بنحو مليون شخص.", "ar")
    assert a is not None and a.cue == "يقدّر" and a.speaker == "خبراء مستقلون"
    b = whole("وتعزو الحكومة ارتفاع العجز إلى تراجع أسعار النفط.", "ar")
    assert b is not None and b.cue == "تعزو" and b.speaker == "الحكومة"
    assert whole("وتعقد الجلسة خلال أسبوعين، وفقاً للدستور.", "ar") is None
    assert whole("ومن المتوقع أن تعلن الهيئة النتائج الأسبوع المقبل.", "ar") is None


def test_arabic_came_in_document() -> None:
    text = "وكانت المحكمة العليا قد رفضت الطعن، وجاء في قرارها أن الأدلة «غير كافية»."
    a = whole(text, "ar")
    assert a is not None and a.cue == "جاء في" and a.speaker == "المحكمة العليا"


def test_arabic_headline_quoted_source_and_first_person() -> None:
    b = [x for _, x in run("«جبهة التحرير»: لن نقبل بالنتائج\nقال متحدث إن الجبهة سترفع دعوى.", "ar", title=True)]
    assert b[0] is not None and b[0].speaker == "جبهة التحرير" and b[0].quote_type == "direct"


def test_arabic_bullet_before_verb() -> None:
    a = whole("- أعلنت وزارة الصحة أن عدد المصابين ارتفع إلى 300.", "ar")
    assert a is not None and a.speaker == "وزارة الصحة"


def test_arabic_descriptive_phrase_with_its_modifier() -> None:
    a = whole("في المقابل، وصفت جماعات مسلحة مقربة من دمشق القرار بأنه \"خدعة\".", "ar")
    assert a is not None and a.speaker == "جماعات مسلحة مقربة من دمشق"


def test_wrapped_quote_goes_on_after_a_hard_line_break() -> None:
    text = ("وقال الوزير سامي الحداد، خلال مؤتمر صحافي مشترك مع نظيره في العاصمة: «الشعب\n"
            "يدفع ثمن حرب لا منتصر فيها. علينا أن نعمل لوقفها\nفوراً».")
    units = [UnitSpan(0, text.index("فيها.") + 5, "body", None), UnitSpan(text.index("علينا"), len(text), "body", None)]
    out = attribute(text, units, "ar")
    assert out[0] is not None and out[0].quote_type == "direct"
    assert out[1] is not None and out[1].speaker == "سامي الحداد"


def test_relays_citing_and_naqlan_an() -> None:
    a = whole("The broadcaster reported, citing three diplomats, that the envoy would resign.")
    assert a is not None and a.speaker == "three diplomats" and a.cue == "reported"
    b = whole("وذكرت قناة «النهار»، نقلاً عن مسؤول أمني، أن الهجوم أسفر عن مقتل جنديين.", "ar")
    assert b is not None and b.speaker == "مسؤول أمني"


def test_english_pronoun_after_titled_mention_and_learned_gender() -> None:
    text = ("Rita Okonjo told the inquiry that the files were lost. "
            "Judge Paul Varga ordered a review on Tuesday. "
            "He said the files were destroyed. She said she had kept copies.")
    out = [a for _, a in run(text) if a is not None]
    assert [a.speaker for a in out[-2:]] == ["Paul Varga", "Rita Okonjo"]


def test_arabic_surname_after_honorific_and_titled_apposition() -> None:
    assert whole("وأوضح الدكتور العبيدي أن الوفود تواصل اجتماعاتها.", "ar").speaker == "العبيدي"  # type: ignore[union-attr]
    a = whole("في المقابل، نفى محامي الشركة، المحامي ماجد عوض، أن تكون الشركة قد خالفت القانون.", "ar")
    assert a is not None and a.speaker == "ماجد عوض"


def test_arabic_cue_with_shadda() -> None:
    a = whole("وكان وزير المالية قد صرّح، الأسبوع الماضي، بأن الموازنة «متوازنة»، لافتاً إلى تراجع العجز.", "ar")
    assert a is not None and a.cue == "صرّح"


def test_english_refusal_is_no_denial_and_to_phrases() -> None:
    assert all(a is None for _, a in run("Judge Ann Ross denied a defense request on Monday to delay the trial."))
    a = claim("Three advisers to the mayor, who asked not to be named, said a deal was near.")
    assert a.speaker == "Three advisers to the mayor"


def test_english_office_then_name() -> None:
    """A title with its office's complement before the name: the person is the speaker, without the office."""
    cases = {
        "Secretary of State Antony Blinken said the talks would resume.": "Antony Blinken",
        "The talks will resume, Secretary of State Antony Blinken said.": "Antony Blinken",
        "Secretary of State Blinken told reporters the talks would resume.": "Blinken",
        "Chairman of the Joint Chiefs of Staff Mark Milley said the war was over.": "Mark Milley",
        "U.S. Secretary of Defense Lloyd Austin said the troops would stay.": "Lloyd Austin",
        "Secretary of State Mike R. Pompeo said the talks would resume.": "Mike R. Pompeo",
        "Secretary of Homeland Security Alejandro Mayorkas said the border was secure.": "Alejandro Mayorkas",
    }
    for text, speaker in cases.items():
        a = claim(text)
        assert a.speaker == speaker, text
        assert text[a.speaker_start:a.speaker_end] == speaker
    # a person of an organisation, and an office with no name after it, are unchanged
    assert claim("Elliot Marsh of the Brookings Institution said the deal would hold.").speaker == "Elliot Marsh"
    assert claim("A spokesman for the ministry said the talks would resume.").speaker == "A spokesman for the ministry"
