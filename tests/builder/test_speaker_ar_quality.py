"""Arabic speaker strings (rule 10) on invented sentences: a person's name without the title noun before it, a
descriptive noun phrase with its prepositional phrases, the subject and not the verb's object."""

from __future__ import annotations

import pytest
from test_attribution import claim


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
    # the subject, not the definite object after it
    ("ونفت وزارة التموين الأنباء المتداولة عن نقص الخبز، مؤكدة أن المخزون كاف.", "وزارة التموين", "نفت"),
    ("ونفت هيئة الدواء الشائعات حول سحب اللقاح، وقالت إن الدفعات سليمة.", "هيئة الدواء", "نفت"),
    # ... but an outlet's own name keeps its noun (وكالة الأنباء)
    ("وقالت وكالة الأنباء الأردنية إن الطريق أغلق.", "وكالة الأنباء الأردنية", "قالت"),
])
def test_arabic_speaker_strings(text: str, speaker: str, cue: str) -> None:
    a = claim(text, "ar")
    assert (a.speaker, a.cue) == (speaker, cue)
