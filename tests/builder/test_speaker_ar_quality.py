"""Arabic speaker strings (rule 10) on invented sentences: a person's name without the title noun before it, a
descriptive noun phrase with its prepositional phrases, the subject and not the verb's object."""

from __future__ import annotations

import pytest
from test_attribution import claim, run


@pytest.mark.parametrize(("text", "speaker", "cue"), [
    # a construct-state title before the name: the name alone
    ("قال محامي الدفاع خالد الراشدي إن موكله لم يحصل على محاكمة عادلة.", "خالد الراشدي", "قال"),
    ("وأكد مدرب نادي الوداد الرياضي سامي الفاسي أن الفريق سيعود أقوى.", "سامي الفاسي", "أكد"),
    ("وقالت محامية المدعين هالة يوسف إن الشركة أخفت التقارير.", "هالة يوسف", "قالت"),
    ("وقالت المحللة في شركة الأفق للاستثمار منى السيد إن الأسعار سترتفع.", "منى السيد", "قالت"),
    # a descriptive phrase keeps its prepositional phrases
    ("وأوضح أستاذ طب الطوارئ في جامعة القاهرة أن المستشفيات مكتظة.", "أستاذ طب الطوارئ في جامعة القاهرة", "أوضح"),
    ("وقال مندوبون في الاتحاد الأوروبي إن المفاوضات متعثرة.", "مندوبون في الاتحاد الأوروبي", "قال"),
    ("وقال علماء في جامعة الملك عبد الله للعلوم والتقنية إن الشعاب تتعافى.",
     "علماء في جامعة الملك عبد الله للعلوم والتقنية", "قال"),
    ("وقالت بعثة الأمم المتحدة للدعم في ليبيا إن الهدنة صامدة.", "بعثة الأمم المتحدة للدعم في ليبيا", "قالت"),
    # a title without a name keeps its affiliation when the content follows it
    ("وقال مدير الاستغلال في الشركة إن الإنتاج توقف.", "مدير الاستغلال في الشركة", "قال"),
    # the subject, not the definite object after it
    ("ونفت وزارة التموين الأنباء المتداولة عن نقص الخبز، مؤكدة أن المخزون كاف.", "وزارة التموين", "نفت"),
    ("ونفت هيئة الدواء الشائعات حول سحب اللقاح، وقالت إن الدفعات سليمة.", "هيئة الدواء", "نفت"),
    # ... but an outlet's own name keeps its noun (وكالة الأنباء)
    ("وقالت وكالة الأنباء الأردنية إن الطريق أغلق.", "وكالة الأنباء الأردنية", "قالت"),
    # an organisation's name runs on through ل + a noun (not a person's name starting with ل) ...
    ("وقالت المفوضية السامية للأمم المتحدة لشؤون اللاجئين إن عدد النازحين تضاعف.",
     "المفوضية السامية للأمم المتحدة لشؤون اللاجئين", "قالت"),
    ("وأعلنت شركة الكهرباء لولاية سطيف أن التيار سيعود مساء.", "شركة الكهرباء لولاية سطيف", "أعلنت"),
    ("وقالت الجمعية المصرية لطب الأطفال إن موجة الإنفلونزا بدأت مبكرا.", "الجمعية المصرية لطب الأطفال", "قالت"),
    # a verbal noun after the subject starts the object of a denial or confirmation
    ("ونفت وزارة الزراعة وجود أي نقص في مخزون البذور.", "وزارة الزراعة", "نفت"),
    ("ونفى المتحدث باسم الشرطة صحة الأنباء عن فرار السجناء.", "المتحدث باسم الشرطة", "نفى"),
    ("وأكدت مديرية الأمن العام مقتل اثنين من المهاجمين.", "مديرية الأمن العام", "أكدت"),
    ("ونفى النائب السابق سمير حداد وجود أي اتفاق سري.", "سمير حداد", "نفى"),
    # ... while a name that starts with ل after a definite word is still a name
    ("وقال المتحدث الرسمي لطفي الخطيب إن الاجتماع تأجل.", "لطفي الخطيب", "قال"),
    ("وقال وزير الدفاع الأمريكي لويد أوستن إن القوات ستبقى.", "لويد أوستن", "قال"),
])
def test_arabic_speaker_strings(text: str, speaker: str, cue: str) -> None:
    a = claim(text, "ar")
    assert (a.speaker, a.cue) == (speaker, cue)


def test_dropped_subject_takes_the_person_who_last_spoke() -> None:
    """تحدث is a speech event with no content (no claim), but its subject is who a later وأضاف continues."""
    text = ("نفى الدفاع في جلسة الأحد كل التهم الموجهة إلى المتهمين. "
            "وتحدث رئيس نقابة المحامين سمير علوان للصحفيين أمام مبنى المحكمة بعد انتهاء الجلسة. "
            "وأضاف أن الملف سيحال إلى محكمة أعلى خلال أسابيع.")
    out = run(text, "ar")
    assert [a is not None for _, a in out] == [True, False, True]
    last = out[2][1]
    assert last is not None and (last.speaker, last.cue) == ("سمير علوان", "أضاف")
    assert last.speaker_start == text.index("سمير علوان")


def test_explainer_label_is_no_headline_source() -> None:
    text = "أسئلة وأجوبة: ماذا يعني قرار رفع الفائدة؟\nقال البنك إن القرار مؤقت."
    assert [a.speaker if a else None for _, a in run(text, "ar", title=True)] == [None, "البنك"]
    text = "علماء: ذوبان الجليد سيرفع مستوى البحر مترا\nالجليد يذوب بسرعة."
    assert [a.speaker if a else None for _, a in run(text, "ar", title=True)] == ["علماء", None]
