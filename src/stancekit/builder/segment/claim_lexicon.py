"""Word lists for claim attribution (rules 6-12 of docs/claim-units.md) and the regexes built from them.

Arabic verbs are listed by their masculine singular past form; the feminine, plural and dual forms, the hamza-less
spellings (اكد for أكد) and the و/ف proclitic are generated. Alternations are compiled as prefix tries so a cue
search costs one pass over the text however long the lists grow.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# --------------------------------------------------------------------------------------------------- regex helpers


def trie_regex(words: Iterable[str]) -> str:
    """A regex alternation equivalent to ``words``, factored by common prefixes (longest alternatives first)."""
    trie: dict[str, dict] = {}
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        end = "" in node
        branches = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            return "(?:" + body + ")?"
        return body

    return build(trie)


AR_MARKS = "\u064b-\u065f\u0670\u0640"  # harakat, tanween, shadda, superscript alef, tatweel
AR_LETTER = rf"[\w{AR_MARKS}]"


def ar_verb_forms(lemma: str) -> list[str]:
    """Past-tense forms of an Arabic verb given as masculine singular: m, f (ت), plural (وا), dual (ا)."""
    if lemma.endswith("ى"):
        stem = lemma[:-1]
        forms = [lemma, stem + "ت", stem + "وا", stem + "يا"]
    else:
        forms = [lemma, lemma + "ت", lemma + "وا", lemma + "ا", lemma + "تا"]
    if lemma in AR_FORM2:  # صرّح، أكّد: the doubled middle radical written with its shadda
        forms += [f[:2] + "\u0651" + f[2:] for f in forms]
    out = list(forms)
    for form in forms:
        if form[0] in "أإآ":
            out.append("ا" + form[1:])
    return out


# form II verbs (فعّل) of the cue lists, often written with a shadda
AR_FORM2 = {"صرح", "أكد", "حذر", "شدد", "رجح", "نبه", "نوه", "قدر", "عبر", "بين", "أيد", "فند", "ندد", "حمل"}


def ar_gender(form: str) -> str:
    """'f', 'p' (plural/dual) or 'm' from an Arabic past-verb or participle surface form."""
    bare = form.rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")
    if bare.endswith(("وا", "ين", "ون", "تا", "يا")):
        return "p"
    if bare.endswith(("ت", "ة", "ةً")) or (bare.startswith("ت") and bare not in _PAST_T):
        return "f"  # a past form ending in ت, a participle in ة, a present form in ت- (تقول)
    return "m"


# ------------------------------------------------------------------------------------------------------- Arabic

# reporting verbs that carry content on their own (قال X إن, أعلن X مقتل ...)
AR_VERBS_FREE = ["قال", "أضاف", "أكد", "أوضح", "أعلن", "نفى", "صرح", "أفاد", "زعم", "ادعى", "أردف", "استطرد",
                 "اعتبر", "نوه", "أبلغ", "أفصح", "جزم", "اتهم", "أظهر", "أرجع"]
AR_EXTRA_FREE = ["عزا", "عزت", "عزوا"]
# reporting verbs that count only with a that-clause, colon or quote after them (كشف عن, أشار إلى, حذر من أن)
AR_VERBS_CONTENT = ["أشار", "ذكر", "كشف", "رأى", "حذر", "شدد", "لفت", "تابع", "توقع", "رجح", "لاحظ", "وصف",
                    "بيّن", "نبه", "استبعد", "قدّر", "أقر", "اعترف", "انتقد"]
AR_PRESENT = ["يقول", "تقول", "يقولون", "يؤكد", "تؤكد", "يرى", "ترى", "يعتبر", "تعتبر", "يشير", "تشير", "يضيف",
              "تضيف", "يوضح", "توضح", "تفيد", "يفيد", "يزعم", "تزعم", "ينفي", "تنفي", "يحذر", "تحذر", "يتوقع",
              "تتوقع", "يتهم", "تتهم", "يعلن", "تعلن", "يرجح", "ترجح", "يشدد", "تشدد", "يكشف", "تكشف", "يؤكدون",
              "يرون", "يقولان", "تقولان", "يعزو", "تعزو", "يعزون", "يقدّر", "تقدّر", "يقدّرون", "يقدر", "تقدر",
              "يقدرون"]
_PAST_T = {"تابع", "توقع", "تحدث", "تعهد", "توعد", "تساءل", "تطرق", "تبنى", "تمنى"}  # past verbs in ت-: masculine
AR_PRESENT_CONTENT = {"يقدر", "تقدر", "يقدرون", "يشير", "تشير", "يرى", "ترى", "يعتبر", "تعتبر", "يرجح", "ترجح", "يشدد",
                      "تشدد", "يكشف", "تكشف", "يرون"}
AR_PARTICIPLE_STEMS = ["مضيف", "مشير", "مؤكد", "موضح", "لافت", "معتبر", "قائل", "منوه", "مشدد", "محذر", "مبين",
                       "متابع", "مرجح", "كاشف", "ناف", "زاعم", "مستدرك", "مردف", "معلن", "متهم", "مستبعد"]
AR_PARTICIPLE_ENDINGS = ["ا", "اً", "ًا", "ة", "ةً", "ين", "ان", "يا", "ياً", "يًا"]
# relays: نقل X عن Y (قوله)
AR_RELAY_VERBS = ["نقل"]
AR_SPEECH_NOUNS = ["قوله", "قولها", "قولهم", "قولهما"]
# markers: بحسب X, وفقا لـ X, نقلا عن X
AR_MARKERS_RE = (
    r"(?:ب?حسب|وفق(?:اً|ًا|ا)?\s*(?:لـ|ل)|طبق(?:اً|ًا|ا)\s*(?:لـ|ل)|نقل(?:اً|ًا|ا)\s+عن)"
)
# expression cues: ختم بالقول, تابع قائلا
AR_EXPRESSION_RE = r"(?:اختتم|ختم|استهل|بدأ|تابع)(?:ت)?\s+(?:حديثه\s+|حديثها\s+|كلمته\s+)?بالقول"
# "جاء في بيان الوزارة أن": the document's author is the source
AR_CAME_RE = r"جاء\s+في"
# documents named after جاء في (with a possessive suffix the author is a dropped subject: جاء في قرارها)
AR_DOC_NOUNS = {"بيان", "قرار", "تقرير", "رسالة", "كلمة", "نص", "حكم", "وثيقة", "مذكرة", "تصريح", "خطاب", "منشور",
                "تغريدة", "تدوينة", "بلاغ", "حيثيات"}
# nouns after بحسب / وفقا ل that are rules, not sources (وفقاً للدستور)
AR_RULE_NOUNS = {"الدستور", "دستور", "القانون", "قانون", "المادة", "مادة", "الاتفاق", "اتفاق", "الاتفاقية", "اتفاقية",
                 "النظام", "نظام", "اللائحة", "لائحة", "اللوائح", "الخطة", "خطة", "الجدول", "جدول", "الأصول",
                 "الشريعة", "العرف", "القواعد", "قواعد", "الإجراءات", "التوقيت", "البروتوكول", "المعايير"}

# not claims (rule 7): calls, demands, orders, pledges, threats, contentless speech events, agentless hearsay
AR_NONCLAIM = ["أعرب", "أبدى", "دعا", "طالب", "حث", "ناشد", "تعهد", "توعد", "هدد", "أمر", "وعد", "التقى", "ناقش", "بحث",
               "استقبل", "رفض", "امتنع", "أجرى", "اجتمع", "عقد",
               # a speech event without content; its subject is the person a later وأضاف continues
               "تحدث"]
AR_HEARSAY_RE = r"(?:يشار|يذكر|يُذكر|يُشار|يقال|يُقال|يعتقد|يُعتقد|يُزعم|من\s+المتوقع|من\s+المرجح)"

AR_CONTENT_RE = re.compile(
    rf"(?<!{AR_LETTER})(?:[وف]?(?:ب|ل)?[أإا]ن(?:ّ|ه|ها|هم|هما|نا|ني|ك)?(?!{AR_LETTER})|بالقول)|[:“”\"«]"
)

# words after a reporting verb that end the speaker noun phrase
AR_NP_STOP = {
    "في", "خلال", "عبر", "على", "أمام", "أمس", "اليوم", "يوم", "مساء", "صباح", "مساءً", "صباحاً", "إلى", "الى",
    "عن", "من", "بعد", "قبل", "حين", "عندما", "الذي", "التي", "الذين", "اللذان", "اللتان", "اللواتي", "بدوره",
    "بدورها", "بدورهم", "كذلك", "أيضا", "أيضاً", "أيضًا", "ذلك", "لدى", "حول", "بشأن", "إثر", "عقب", "أثناء",
    "مؤخرا", "مؤخراً", "حينها", "حينذاك", "لاحقا", "لاحقاً", "سابقا", "سابقاً", "الأسبوع", "الشهر", "الليلة",
    "للصحافة", "لوسائل", "لإذاعة", "لتلفزيون", "للقناة", "لوكالة", "لصحيفة", "لقناة", "للصحفيين", "للصحافيين",
    "لموقع", "لرويترز", "قوله", "قولها",
    "قولهم", "ما", "فيما", "بينما", "مع", "ضمن", "وفق", "حسب", "بحسب", "لـ", "لشبكة", "للتلفزيون", "للإذاعة",
    "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "طلب", "فضل", "رافضا",
    "مفضلا", "لم", "لن", "قد", "التابع", "التابعة", "التابعين", "التابعون", "هذا", "هذه", "تلك", "هؤلاء", "هذين",
    "هاتين", "بأن", "أن", "إن", "أنه", "إنه", "أنها", "إنها", "مضيفا", "مضيفًا", "مضيفاً", "منذ", "حتى",
}
AR_PRE_STOP = {"و", "ف", "وكان", "كان", "وكانت", "كانت", "ثم", "فيما", "بينما", "وبينما", "وفيما", "قد", "وقد",
               "لقد", "ولقد", "كما", "وكما", "بدوره", "بدورها", "من", "جهته", "جهتها", "ومن", "وفي", "في", "وعلى",
               "على", "بعد", "وبعد", "وذلك", "حيث", "إذ", "وإذ", "أما", "وأما", "ولكن", "لكن", "سبق", "وسبق", "أن",
               "ما", "بحسب", "وبحسب", "حسب", "وحسب", "وفق", "وفقا", "ووفقا", "مثلما", "ومثلما",
               "عندما", "وعندما", "حين", "وحين", "إن", "إنه", "أنه", "لأن", "ولأن", "إذا", "وإذا", "لو",
               "بل", "وثم", "أيضا", "فقد", "وقال", "قال"}
# title and head words inside a speaker phrase (stripped before a name; a phrase of only these is descriptive)
AR_TITLES = {
    "الرئيس", "رئيس", "رئيسة", "الرئيسة", "وزير", "وزيرة", "الوزير", "الوزيرة", "قائد", "القائد", "مدير", "المدير",
    "مديرة", "المتحدث", "المتحدثة", "متحدث", "متحدثة", "الناطق", "ناطق", "الناطقة", "مستشار", "المستشار",
    "مستشارة", "سفير", "السفير", "سفيرة", "نائب", "النائب", "نائبة", "عضو", "العضو", "زعيم", "الزعيم", "أمين",
    "الأمين", "محافظ", "المحافظ", "حاكم", "الحاكم", "الجنرال", "العميد", "اللواء", "العقيد", "الفريق", "المقدم",
    "الرائد", "النقيب", "الشيخ", "الدكتور", "الدكتورة", "د.", "السيد", "السيدة", "الأستاذ", "الملك", "الأمير",
    "الأميرة", "المرشد", "الإمام", "البابا", "القاضي", "المستشارة", "رئيس الوزراء", "عام", "العام", "المسؤول",
    "مسؤول", "مسؤولة", "المسؤولة", "المبعوث", "مبعوث", "المندوب", "مندوب", "الممثل", "ممثل", "السكرتير", "سكرتير",
    "المفوض", "مفوض", "المدعي", "المدعية", "قائدة", "الحاخام", "الكاردينال", "الأدميرال", "رئيسا", "مؤسس",
    "المؤسس", "وزارة", "مكتب", "جيش", "حكومة", "مجلس", "هيئة", "لجنة", "رئاسة", "قيادة", "دائرة", "مديرية",
    "الخبير", "خبير", "المحلل", "محلل", "الباحث", "باحث", "الأستاذة", "أستاذ", "أستاذة", "المرشح", "مرشح",
    "الباحثة", "باحثة", "المحللة", "محللة", "الخبيرة", "المديرة", "التنفيذي", "التنفيذية", "العاهل", "المفوضة",
    "النائبة", "الأمينة", "السيناتور", "المراسل",
    # honorifics and person nouns that stand before a name (معالي، سعادة، القيادي في الإطار حسن الربيعي)
    "معالي", "سعادة", "سمو", "فخامة", "الحاج", "القيادي", "القيادية", "المرجع", "الناشط", "الناشطة", "الكاتب",
    "الكاتبة", "الصحفي", "الصحفية", "الصحافي", "الصحافية", "المحامي", "المحامية", "الطبيب", "الطبيبة", "المدرب",
    "اللاعب", "الفنان", "الفنانة", "الأكاديمي", "الداعية", "المشير", "القنصل", "مساعد", "المساعد", "وكيل",
    "الوكيل", "المفتي", "رجل", "السفيرة", "المندوبة", "المبعوثة", "الزعيمة", "الرئيس التنفيذي",
    # construct-state person nouns before a name (محامي الدفاع خالد، مدرب نادي الوداد سامي)
    "محامي", "محامية", "مدرب", "مدربة", "المدربة", "لاعب", "اللاعبة", "مهاجم", "حارس", "مراسلة",
    "المراسلة", "طبيب", "طبيبة",
}
# definite nouns that are the object of a reporting verb, never part of its subject (نفت الوزارة الأنباء المتداولة)
AR_OBJECT_NOUNS = {"الأنباء", "الانباء", "الأخبار", "الاخبار", "الخبر", "الشائعات", "الإشاعات", "الاشاعات",
                   "التقارير", "الاتهامات", "الادعاءات", "المزاعم", "النتائج", "المعلومات", "الحصيلة", "التفاصيل",
                   "الأرقام", "الروايات", "الرواية", "الأنباءَ"}
# institution nouns: never a person's name, never a preposition (بلدية is not ب + لدية)
AR_INSTITUTIONS = {"بلدية", "البلدية", "جمعية", "نقابة", "اتحاد", "رابطة", "محكمة", "مفوضية", "بعثة", "سفارة",
                   "قنصلية", "مستشفى", "برلمان", "بورصة", "بنك", "بيت", "غرفة", "مديرية", "إدارة", "أكاديمية"}
# places used as governments (وتتهم واشنطن طهران ...): a one-word subject, what follows is the object
AR_PLACES = {"واشنطن", "طهران", "موسكو", "بكين", "أنقرة", "الرياض", "القاهرة", "دمشق", "بغداد", "بيروت", "عمان",
             "عمّان", "الدوحة", "أبوظبي", "باريس", "لندن", "برلين", "كييف", "إيران", "روسيا", "تركيا", "إسرائيل",
             "الصين", "مصر", "قطر", "السعودية", "الإمارات", "سوريا", "العراق", "لبنان", "الأردن", "فرنسا", "بريطانيا",
             "ألمانيا", "أوكرانيا", "اليابان", "الهند", "باكستان", "اليمن", "ليبيا", "السودان", "تونس", "الجزائر",
             "المغرب", "الكويت", "البحرين", "أربيل", "الخرطوم", "صنعاء", "طرابلس", "الرباط", "مسقط", "تل أبيب",
             "أمريكا", "أميركا"}
# "named ...": the name follows (شاهد عيان يدعى X)
AR_NAMED = {"يدعى", "تدعى", "يُدعى", "تُدعى", "اسمه", "اسمها"}
# speech nouns heading a subject or a marker's object (بيان صادر عن X, وفقا لبيانات X): the source follows
AR_SPEECH_HEADS = {"بيان", "بيانات", "تقرير", "تقارير", "إحصاءات", "أرقام", "رسالة", "وثيقة", "تصريحات", "تصريح",
                   "بلاغ", "معطيات", "مذكرة"}
# nouns after في/عن that make the phrase an adjunct, not part of the speaker (قال الوزير في بيان)
AR_EVENT_NOUNS = {"بيان", "مؤتمر", "تصريح", "تصريحات", "مقابلة", "كلمة", "حديث", "إحاطة", "تغريدة", "لقاء",
                  "منشور", "رسالة", "جلسة", "اجتماع", "ختام", "افتتاح", "حوار", "خطاب", "تدوينة", "منشورات",
                  "مداخلة", "برنامج", "تسجيل", "فيديو", "ندوة", "زيارة", "اتصال", "معرض", "سياق", "وقت", "أعقاب",
                  "إطار", "رد", "ردا", "الوقت", "السياق", "تصريحه", "بيانه", "كلمته", "حديثه"}
AR_ORG_HEADS = {"وكالة", "صحيفة", "قناة", "شركة", "حركة", "حزب", "موقع", "مجلة", "منظمة", "جماعة", "تنظيم",
                "جريدة", "شبكة", "إذاعة", "مؤسسة", "مجموعة", "جامعة", "مركز", "بنك", "مصرف", "تلفزيون", "ائتلاف",
                "تحالف", "تيار", "كتلة", "فصيل", "ميليشيا", "وكالتا", "نادي", "نادى"}
# indefinite descriptors: the words after them are adjectives, not a name (مسؤول أمريكي, مصادر مطلعة)
AR_DESCRIPTORS = {"مسؤول", "مسؤولة", "مسؤولون", "مسؤولين", "مصدر", "مصادر", "خبير", "خبراء", "محلل", "محللون",
                  "دبلوماسي", "دبلوماسيون", "شاهد", "شهود", "ناشط", "ناشطون", "سكان", "مسعفون", "مسعف", "طبيب",
                  "أطباء", "ضابط", "ضباط", "متحدث", "متحدثة", "مراقبون", "مراقب", "باحث", "باحثون", "تقرير",
                  "تقارير", "بيان", "وثيقة", "دراسة", "نائب", "عضو", "قائد", "سفير", "مستشار", "ممثل", "وزير",
                  "عامل", "عمال", "موظف", "موظفون", "مواطن", "مواطنون", "أحد", "مسؤولو", "قيادي",
                  "قياديون", "ناشطة", "صحفي", "صحفيون", "مراسل", "مقاتل", "مقاتلون", "جندي", "جنود", "مزارع",
                  "دراسات", "استطلاع", "خبيرة", "محللة", "باحثة",
                  # plural and further indefinite heads whose في/من phrase belongs to them (مندوبون في التحالف)
                  "مندوب", "مندوبون", "مندوبين", "علماء", "عالم", "باحثين", "محللين", "أستاذ", "أساتذة",
                  "محامون", "محامين", "ممثلون", "ممثلين", "دبلوماسيين", "ناشطين", "مهندسون", "مهندسين",
                  "معلمون", "معلمين", "اقتصاديون", "اقتصاديين", "أعضاء", "نواب", "موظفين",
                  "ممرضون", "ممرضين", "متحدثون", "مفاوضون", "مفاوضين", "مستشارون", "مستشارين"}
# words that open a relative clause after an indefinite speaker phrase (مسؤول طلب عدم الكشف, خبير تحدث لـ)
AR_REL_VERBS = {"تحدث", "تحدثت", "طلب", "طلبت", "فضل", "فضلت", "رفض", "رفضت", "شارك", "شاركت", "أجرى", "أجرت",
                "أعد", "أعدت", "نشر", "نشرت", "يعمل", "تعمل", "يعملون", "اشترط", "اشترطت", "صدرت", "صدر"}
AR_FIRST_PERSON_RE = re.compile(
    r"(?<!\w)(?:نحن|أنا|إننا|إنني|إني|لدينا|لدي|علينا|نريد|لسنا|لست|قواتنا|بلادنا"
    r"|(?:[وف]?(?:لن|لا|لم|سوف|سن|قد))\s+ن\w{2,}"  # لن نقبل، لا نريد: a first-person plural verb
    r"|\w{3,}(?<!ا)نا)(?!\w)"  # برنامجنا، موقفنا (not أحيانا)
)
AR_HEADLINE_LABELS = {"عاجل", "فيديو", "بالفيديو", "شاهد", "بالصور", "صور", "رأي", "تحليل", "خاص", "حصري",
                      "تقرير", "مقال", "تحديث", "إنفوغراف", "انفوغراف",
                      # explainer formats that name no source (أسئلة وأجوبة: ماذا يعني ...؟)
                      "أسئلة", "اسئلة", "سؤال", "بالأرقام", "بالخرائط", "خلفية", "تسلسل", "شرح", "ملف"}

# ------------------------------------------------------------------------------------------------------ English

EN_VERBS_FREE = [
    "said", "says", "say", "told", "tells", "tell", "added", "adds", "stated", "states", "noted", "notes",
    "claimed", "claims", "insisted", "insists", "denied", "denies", "warned", "warns", "argued", "argues",
    "asserted", "asserts", "explained", "explains", "confirmed", "confirms", "announced", "announces",
    "acknowledged", "acknowledges", "admitted", "admits", "wrote", "writes", "maintained", "maintains", "estimated",
    "predicted", "predicts", "alleged", "alleges", "contended", "stressed", "stresses", "emphasized",
    "emphasised", "revealed", "disclosed", "conceded", "concedes", "declared", "declares", "concluded",
    "tweeted", "cautioned", "countered", "replied", "observed", "remarked", "indicated", "reported", "reports",
    "testified", "recalled", "complained", "boasted", "estimates", "suggested", "insist", "warn", "deny",
    "found", "finds", "showed", "shows", "show", "accused", "accuses", "accuse", "allege", "described",
    "describes", "describe", "rejected", "rejects", "reject", "expect", "expects",
]
# cues that count only with their complement: accuse X of, describe X as, reject <a claim>
EN_OF_VERBS = {"accused", "accuses", "accuse"}
EN_AS_VERBS = {"described", "describes", "describe"}
EN_REJECT_VERBS = {"rejected", "rejects", "reject"}
EN_REJECTED_OBJECTS = ("accusation", "allegation", "claim", "charge", "report", "criticism", "portrayal",
                       "characterization", "characterisation", "assertion", "suggestion", "notion", "description",
                       "account", "version", "statement", "finding", "conclusion", "assessment", "narrative")
# "a charge Tehran denies": an appositive that names a claim, not an attribution of the unit
EN_CLAIM_NOUNS = {"charge", "charges", "claim", "claims", "accusation", "accusations", "allegation", "allegations",
                  "assertion", "assertions", "account", "version", "characterization", "portrayal", "view",
                  "suggestion", "notion", "idea"}
EN_PARTICIPLES = ["saying", "adding", "noting", "warning", "insisting", "arguing", "claiming", "explaining",
                  "stressing", "stating", "asserting", "denying", "declaring", "acknowledging", "admitting"]
EN_CONTENT_VERBS = {"reported", "reports", "notes", "states", "claims", "suggested", "estimates", "observed",
                    "indicated", "recalled", "announced", "announces", "confirmed", "confirms", "revealed",
                    "disclosed", "found", "finds", "showed", "shows", "show", "declared", "declares", "expect",
                    "expects", "complained", "estimated"}  # (complained about X / estimated X at $3m: no content)
EN_NONCLAIM = ["urged", "urges", "called on", "called for", "calls on", "calls for", "demanded", "demands",
               "ordered", "orders", "vowed", "vows", "pledged", "pledges", "promised", "promises", "threatened",
               "threatens", "met", "meets", "discussed", "discusses", "declined to comment", "refused to comment",
               "allegedly", "is said to", "are said to", "was said to", "were said to", "reportedly", "asked",
               "appealed", "implored"]
EN_PRONOUNS = {"he": "m", "she": "f", "they": "p", "it": "o", "He": "m", "She": "f", "They": "p", "It": "o"}
EN_TITLES = {
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof", "prof.", "professor", "president",
    "vice", "prime", "minister", "secretary", "gen", "gen.", "general", "lt", "lt.", "col", "col.", "maj",
    "maj.", "sgt", "sgt.", "adm", "adm.", "admiral", "capt", "capt.", "captain", "sen", "sen.", "senator", "rep",
    "rep.", "representative", "gov", "gov.", "governor", "mayor", "chancellor", "king", "queen", "prince",
    "princess", "sheikh", "judge", "justice", "chief", "commander", "ambassador", "deputy", "director",
    "chairman", "chairwoman", "chair", "spokesman", "spokeswoman", "spokesperson", "pope", "ayatollah", "emir",
    "sir", "dame", "lord", "lady", "rev", "rev.", "father", "officer", "inspector", "superintendent", "sergeant",
    "lieutenant", "colonel", "major", "corporal", "private", "attorney", "counsel", "speaker", "leader", "envoy",
    "ceo", "cfo", "coach", "detective", "dean", "bishop", "cardinal", "rabbi", "imam", "councillor", "councilman",
    "councilwoman", "congressman", "congresswoman", "st.", "assemblyman", "assemblywoman", "head", "founder",
    "executive", "analyst", "economist", "researcher", "premier", "president-elect", "defence",
    "mp", "mps", "mep", "lawmaker", "legislator", "director-general", "secretary-general", "commissioner",
    "prosecutor", "sheriff", "marshal", "trooper", "cpl", "pfc", "supt", "det", "det.", "insp",
    "author", "co-author", "coauthor", "lead", "senior",
}
EN_DESCRIPTOR_NOUNS = {"officials", "official", "analysts", "analyst", "sources", "source", "witnesses", "witness",
                       "residents", "resident", "experts", "expert", "police", "prosecutors", "lawyers", "lawyer",
                       "economists", "researchers", "scientists", "diplomats", "diplomat", "workers", "doctors",
                       "investigators", "authorities", "critics", "activists", "campaigners", "officers",
                       "spokesman", "spokeswoman", "spokesperson", "people", "members", "leaders", "executives",
                       "aides", "aide", "observers", "traders", "investors", "firefighters", "medics", "rescuers",
                       "survivors", "families", "parents", "students", "teachers", "farmers", "voters", "fans",
                       "scholars", "historians", "engineers", "pilots", "soldiers", "troops", "staff", "studies",
                       "study", "report", "reports", "data", "figures", "statistics", "polls", "poll", "survey"}
EN_DEMONYMS = {"german", "american", "briton", "british", "french", "frenchman", "russian", "ukrainian", "iraqi",
               "iranian", "israeli", "palestinian", "chinese", "japanese", "italian", "spaniard", "spanish",
               "dutchman", "turk", "turkish", "egyptian", "saudi", "syrian", "lebanese", "indian", "pakistani",
               "afghan", "canadian", "australian", "mexican", "brazilian", "argentine", "korean", "norwegian",
               "swede", "swedish", "dane", "finn", "pole", "polish", "portuguese", "belgian", "swiss", "austrian",
               "scot", "scottish", "welshman", "irishman", "englishman", "democrat", "republican", "conservative",
               "frenchwoman", "englishwoman", "veteran", "texan", "californian", "new yorker", "nigerian",
               "kenyan", "ethiopian", "sudanese", "qatari", "emirati", "jordanian", "moroccan", "algerian",
               "tunisian", "libyan", "yemeni", "kurdish", "kurd", "greek", "cypriot", "hungarian", "czech"}
EN_CONNECTORS = {"of", "for", "at", "in", "from", "and", "on"}
EN_GENDER_TITLES = {"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f",
                    "king": "m", "queen": "f", "prince": "m", "princess": "f", "sir": "m", "dame": "f",
                    "lord": "m", "lady": "f", "congressman": "m", "congresswoman": "f", "spokesman": "m",
                    "spokeswoman": "f", "chairman": "m", "chairwoman": "f", "father": "m"}
EN_ORG_HEADS = {"ministry", "department", "agency", "office", "council", "committee", "party", "army", "forces",
                "force", "command", "corporation", "company", "bank", "university", "institute", "organization",
                "organisation", "group", "commission", "court", "police", "government", "service", "authority",
                "administration", "house", "pentagon", "kremlin", "navy", "guard", "board", "bureau", "union",
                "alliance", "coalition", "embassy", "parliament", "senate", "congress", "cabinet", "fund",
                "network", "times", "post", "journal", "news", "press", "broadcaster", "daily", "newspaper",
                "channel", "radio", "television", "tv", "inc", "inc.", "ltd", "corp", "corp.", "co.",
                "association", "federation", "foundation", "society", "center", "centre", "district", "trust",
                "league", "club", "program", "programme", "initiative", "movement", "front", "brigade", "brigades",
                "militia", "hezbollah", "hamas", "taliban", "patrol", "nations", "fed", "reserve",
                "markets", "partners", "capital", "holdings", "institution", "observatory",
                "watch", "international", "assembly", "unit", "secretariat", "directorate", "airlines",
                "motors", "systems", "technologies", "labs", "laboratory", "hospital", "clinic", "school",
                "college", "academy", "station"}
EN_MEDIA_TYPES = {"agency", "newspaper", "broadcaster", "channel", "daily", "website", "outlet", "station",
                  "magazine", "network", "tabloid", "weekly", "network's", "group", "company", "firm"}
EN_DETERMINERS = {"the", "a", "an", "The", "A", "An"}
EN_NP_STOP = {
    "on", "in", "at", "but", "and", "however", "meanwhile", "also", "yet", "still", "earlier", "later", "then",
    "when", "while", "as", "after", "before", "since", "because", "that", "if", "though", "although", "last",
    "this", "today", "yesterday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "has", "had", "have", "would", "will", "could", "may", "might", "previously", "repeatedly", "further",
    "again", "recently", "once", "now", "so", "thus", "instead", "separately", "publicly", "privately", "who",
    "which", "where", "to", "for", "with", "from", "by", "during", "about", "over", "under", "than", "not",
    "never", "both", "all", "already", "first", "is", "was", "were", "are", "be", "been", "being", "did",
    "do", "does", "reportedly", "told", "just", "even", "only", "what", "how", "why", "there", "here", "said",
    "says", "night", "morning", "afternoon", "evening", "week", "month", "year", "weekend", "according",
    "quoted", "quoting", "citing", "whom", "whose", "it", "its", "his", "her", "their", "our", "my", "we", "i",
    "you", "me", "us", "him", "them", "amid", "against", "without", "within", "into", "onto", "upon", "via",
    "per", "like", "unlike", "speaking", "writing", "posting", "interview", "statement",
}
EN_AUX_BEFORE_CUE = {"has", "had", "have", "also", "later", "previously", "repeatedly", "earlier", "further",
                     "then", "again", "recently", "once", "would", "will", "has also", "publicly", "privately",
                     "separately", "reportedly", "flatly", "firmly", "strongly", "quickly", "initially", "first",
                     "last", "today", "yesterday", "subsequently", "explicitly", "openly", "did", "does",
                     "do", "often", "always", "never", "not", "long", "already", "insistently", "bluntly",
                     "told", "may", "might", "could", "can", "should"}
EN_PASSIVE_BEFORE = {"is", "was", "were", "are", "be", "been", "being", "to", "not", "'s", "am", "get", "got"}
EN_SPEECH_NOUNS = {"statement", "report", "letter", "post", "tweet", "release", "communique", "communiqué",
                   "document", "filing", "memo", "transcript", "interview",
                   "announcement", "spokesman", "spokeswoman", "spokesperson"}
EN_FIRST_PERSON_RE = re.compile(r"\b(?:I|we|We|our|Our|us|my|My|me|I'm|we're|We're|I've|we've|We've)\b")
EN_HEADLINE_LABELS = {"update", "updated", "exclusive", "analysis", "opinion", "watch", "live", "video",
                      "breaking", "explainer", "review", "editorial", "comment", "photos", "listen", "podcast",
                      "factbox", "timeline", "q&a", "interview", "correction", "editor's note", "updates",
                      "blog", "liveblog", "recap", "preview", "briefing", "newsletter", "quiz", "gallery", "map",
                      "maps", "explained", "latest", "highlights"}
