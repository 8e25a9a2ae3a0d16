"""Who said it: one case per attribution pattern the engine resolves, on short invented text.

Each case lists every quote the engine must find, in order, as (quote text, speaker as
written). The dev corpora (tests/data) measure accuracy overall; these pin each rule down.
"""
import pytest

import kit

CASES = {
    "topic with a parenthesis, then ف + verb": (
        "أما الممرضة سعاد الكردي، التي تعمل في القسم منذ عشرين عاما، فقالت: «لم نر ازدحاما كهذا».",
        [("لم نر ازدحاما كهذا", "سعاد الكردي")]),
    "title, then a rank and the name between commas": (
        "قائد شرطة المحافظة، اللواء حسن الدباغ، أكد أن الطرق فتحت كلها.",
        [("الطرق فتحت كلها", "حسن الدباغ")]),
    "anonymous topic with an anonymity clause between commas": (
        "لكن موظفا في البلدية، فضّل عدم ذكر اسمه، قال إن الميزانية نفدت منذ أشهر.",
        [("الميزانية نفدت منذ أشهر", "موظفا")]),
    "a person introduced without a verb of saying, then a bare verb": (
        "تجلس فاطمة الزين أمام بيتها المهدم.\nوتقول بهدوء: «هنا ولدت وهنا سأبقى».",
        [("هنا ولدت وهنا سأبقى", "فاطمة الزين")]),
    "a dateline before the introduced person": (
        "الخليل (وكالات) - يقف الحاج سليم العطاونة قرب أرضه، ويقول: «لن نبيعها».",
        [("لن نبيعها", "سليم العطاونة")]),
    "a group, then a plural participle": (
        "تجمع مئات الطلاب أمام الوزارة، مطالبين بـ«منح عادلة».",
        [("منح عادلة", "مئات الطلاب")]),
    "a body that acts first, then a feminine verb with no subject": (
        "وكانت منظمة الصحة العالمية قد زارت المخيم، ووصفته بأنه «كارثة صامتة».",
        [("كارثة صامتة", "منظمة الصحة العالمية")]),
    "a bare role refers back to the last person": (
        "تحدث الناخب الوطني كمال الصغير عن المباراة.\nوأضاف المدرب أن الفريق «لم يلعب بعد أفضل مبارياته».",
        [("الفريق «لم يلعب بعد أفضل مبارياته»", "كمال الصغير"),
         ("لم يلعب بعد أفضل مبارياته", "كمال الصغير")]),
    "the same sources again are named as first written": (
        "قالت مصادر مطلعة إن الاجتماع تأجل.\nوأوضحت المصادر ذاتها أن الموعد الجديد لم يحدد.",
        [("الاجتماع تأجل", "مصادر مطلعة"), ("الموعد الجديد لم يحدد", "مصادر مطلعة")]),
    "وصف + a noun + a relative clause: the noun is the object": (
        "انتقد مدرب الضيوف، الإسباني خوان غارسيا، التحكيم، ووصف الهدف الذي ألغي بأنه «سرقة».",
        [("سرقة", "خوان غارسيا")]),
    "a known surname ends the name before the object": (
        "قال الوزير عادل بنكيران إن الخطة جاهزة.\nووصف بنكيران الخطة بأنها «جريئة».",
        [("الخطة جاهزة", "عادل بنكيران"), ("جريئة", "بنكيران")]),
    "a manner adverb after the verb is not a name": (
        "قال الطبيب سامي الحلو إن الحالات تتزايد.\nويضيف بحزن: «فقدنا ثلاثة أطفال».",
        [("الحالات تتزايد", "سامي الحلو"), ("فقدنا ثلاثة أطفال", "سامي الحلو")]),
    "a body's name stops before the object of رفض": (
        "ورفضت نقابة المعلمين القرار، واصفة إياه بأنه «ظالم».",
        [("ظالم", "نقابة المعلمين")]),
    "a description the lexicon lacks, then a first name": (
        "يقف البحار الستيني عبد الحميد الزواري قرب مركبه.\nويقول للجزيرة نت: «ثمن الوقود صار أعلى».",
        [("ثمن الوقود صار أعلى", "عبد الحميد الزواري")]),
    "a title ending in a body's own name, then the person between commas": (
        "وحذر أستاذ الاقتصاد في جامعة غازي عنتاب، مراد قايا، من أن التفاؤل سابق لأوانه.",
        [("التفاؤل سابق لأوانه", "مراد قايا")]),
    "the outlet spoken to is not the speaker": (
        "قالت الوزارة إن الشحنة تأخرت.\nتجلس سعاد حمدان بانتظار دورها.\nوتقول لبي بي سي: «لا أطلب شيئا».",
        [("الشحنة تأخرت", "الوزارة"), ("لا أطلب شيئا", "سعاد حمدان")]),
    "an opening place phrase, then the verb and its subject": (
        "في قسم الأورام بأحد المستشفيات، تجلس سعاد حمدان بانتظار جلسة.\nوتقول: «تأجلت مرتين».",
        [("تأجلت مرتين", "سعاد حمدان")]),
    "someone singled out of a crowd, then a sentence-final cue": (
        "تجمع عشرات المنخرطين أمام المحكمة، بينهم فاطمة الزهراء العلوي.\n"
        "«بعت ذهبي»، تقول العلوي بصوت متهدج، قبل أن تضيف: «القاضي حكم».",
        [("بعت ذهبي", "العلوي"), ("القاضي حكم", "العلوي")]),
    "a relative clause's عدم ذكر is not the verb of saying": (
        "وأضاف الدبلوماسي، الذي طلب عدم ذكر اسمه، أن العقدة في التفاصيل.",
        [("العقدة في التفاصيل", "الدبلوماسي")]),
    "kinship title, name between commas; a participle after a title says how": (
        "والد اللاعب، رشيد بلحاج، أوضح أن ابنه تلقى عروضا.\n«اختر ما تحب»، يضيف الأب مبتسما.",
        [("ابنه تلقى عروضا", "رشيد بلحاج"), ("اختر ما تحب", "رشيد بلحاج")]),
    "a clause quoted whole after أن is indirect, its marks a partial quote": (
        "وأكدت الهيئة في بيان أن «المستهلك شريك أساسي».",
        [("«المستهلك شريك أساسي»", "الهيئة"), ("المستهلك شريك أساسي", "الهيئة")]),
    "a title the lexicon lacks, then the name": (
        "وقالت منسقة الشؤون الإنسانية للأمم المتحدة في السودان كلير دوبوا في بيان: «الوضع خطير».",
        [("الوضع خطير", "كلير دوبوا")]),
    "a possessed title, then the name between commas": (
        "وقالت رئيستها، سلمى بنيس، إن العقوبات ثقيلة.",
        [("العقوبات ثقيلة", "سلمى بنيس")]),
    "the name علي is not the preposition على": (
        "وقال علي جبار، سائق سيارة أجرة، لوكالة فرانس برس: «عندي طفل مريض».",
        [("عندي طفل مريض", "علي جبار")]),
    "an outlet's adjective before عن; the relayed source speaks": (
        "ونقلت ‹هسبريس› الإلكترونية عن مصدر داخل الشركة قوله إن الاختراق تم عبر حساب.",
        [("الاختراق تم عبر حساب", "مصدر")]),
    "a plural noun after the verb is its subject": (
        "وهي نسبة وصفها متابعون بأنها «مقبولة».",
        [("مقبولة", "متابعون")]),
    "an adverb's adjective is not a name": (
        "وقال مامادو كابا: «نجونا».\n«كنا اثنين وأربعين»، يقول بصوت خافت.",
        [("نجونا", "مامادو كابا"), ("كنا اثنين وأربعين", "مامادو كابا")]),
    "a title, its body's long name, then a name without a known first name": (
        "نفى المنسق الولائي لحزب جبهة التحرير الوطني بسعيدة، رابح قدور، أن تكون هناك خروقات.",
        [("تكون هناك خروقات", "رابح قدور")]),
    "ب + a noun after the verb is not its subject": (
        "وقّع عشرات السكان عريضة تطالب بإخلاء البساتين فورا.\nوقال مامادو كابا: «نجونا».",
        [("نجونا", "مامادو كابا")]),
    "a dateline with a bare dash; a plural participle speaks for the crowd": (
        'صفاقس- تظاهر مئات البحارة أمام مقر الولاية، مطالبين بـ"تراجع فوري" عن القرار.',
        [("تراجع فوري", "مئات البحارة")]),
    "a name the sentence goes on to describe": (
        "يقضي مامادو كابا، وهو شاب غيني، نهاره في جمع القوارير.\n«كنا اثنين وأربعين»، يقول بصوت خافت.",
        [("كنا اثنين وأربعين", "مامادو كابا")]),
    "a title with an age phrase refers back": (
        "يقف الحبيب المنصوري بين أشجاره.\nوأوضح المزارع البالغ من العمر 61 عاما أن السعر تراجع.",
        [("السعر تراجع", "الحبيب المنصوري")]),
    "a document's publisher is the source": (
        "وبحسب تقرير صادر عن ديوان المحاسبة الشهر الماضي، فإن الإنفاق تجاوز 12 مليار دينار.",
        [("الإنفاق تجاوز 12 مليار دينار", "ديوان المحاسبة")]),
    "an anonymous topic with its genitive and a relative clause, then ف + verb": (
        "أما عنصر الحرس الوطني الذي التقيناه عند مدخل المدينة، وطلب عدم الكشف عن هويته، فيقول إن الوحدات تعمل.",
        [("الوحدات تعمل", "عنصر الحرس الوطني")]),
}


def _found(text):
    return [(q.text, q.speaker_ar) for q in kit.analyze(text).quotes]


@pytest.mark.parametrize("name", CASES)
def test_speaker_pattern(name):
    text, expected = CASES[name]
    assert _found(text) == expected


@pytest.mark.parametrize("text, name", [
    ("فازت الكاتبة بجائزة «النخلة» عن روايتها «ملح الطين».", "النخلة"),
    ("وقالت في حديث إلى «اندبندنت عربية» بعد الحفل: «كتبت كي لا أنسى».", "اندبندنت عربية"),
    ('من جهتها، أعلنت "جمعية ضحايا السكن" أنها ستستأنف الحكم.', "جمعية ضحايا السكن"),
    ("أقرت شركة الاتصالات المغربية ‹ألو موبايل›، الثلاثاء، بتعرض أنظمتها لاختراق.", "ألو موبايل"),
    ("ونقلت “بلومبرغ” عن مسؤول في الوزارة قوله إن الحكومة تدرس التأجيل.", "بلومبرغ"),
    ("ويأتي القرار في وقت يسعى فيه «محاربو الصحراء» إلى تجديد صفوفهم.", "محاربو الصحراء"),
    ("ومن المنتظر أن يلتحق اللاعب بمعسكر «الخضر» مطلع الشهر.", "الخضر"),
    ('ورددت الجماهير أغنية "وان تو ثري فيفا لالجيري" طيلة المباراة.', "وان تو ثري فيفا لالجيري"),
])
def test_names_in_marks_are_not_quotes(text, name):
    analysis = kit.analyze(text)
    assert name in [n.text for n in analysis.non_quotes]
    assert name not in [q.text for q in analysis.quotes]


def test_a_description_in_marks_stays_a_quote():
    analysis = kit.analyze("ووصف المعارض الحكومة بأنها «حكومة فاشلة».")
    assert [(q.text, q.kind) for q in analysis.quotes] == [("حكومة فاشلة", "partial")]


@pytest.mark.parametrize("text, quote", [
    ("وطالبت الوزارة بـ\"الشفافية الكاملة\" في إعلان النتائج.", "الشفافية الكاملة"),
    ("وأكد التجار أن القرار ‹سيعيد الحياة› إلى الأسواق.", "سيعيد الحياة"),
    ('وقال المدرب إن فريقه "كان يستحق التعادل على الأقل".', "كان يستحق التعادل على الأقل"),
])
def test_short_quoted_speech_is_not_mistaken_for_a_name(text, quote):
    assert quote in [q.text for q in kit.analyze(text).quotes]

