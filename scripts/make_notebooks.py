"""Generate the course notebooks, `notebooks/NN_name.ipynb`, from the cells described here.

    python scripts/make_notebooks.py          # write every notebook
    python scripts/make_notebooks.py --check  # exit 1 if a stored notebook is out of date

The notebooks are never edited by hand: change this file and run it. Every notebook comes out
without outputs, with stable cell ids (so regenerating changes nothing when nothing changed),
the python3 kernelspec, and its title in its metadata (`framing_lab.title`, read by
`kit.widgets.progress`).

Shape shared by every notebook (the builders below): navigation links (Index / Back / Next,
both languages); a setup cell that reads the language from FRAMING_LAB_LANG (default Arabic:
the student edits "ar" to "en"); Markdown in parallel cells, Arabic first in
`<div dir="rtl" lang="ar">`, then English; widgets from `kit` doing the work; a self-check
(`ExerciseBox` over `exercises/<notebook>.json`); and a last, collapsed cell that drives the
widgets only when FRAMING_LAB_TEST=1 (the automatic tests), so their callbacks really run.
"""
import html
import re
import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS_DIR = ROOT / "notebooks"
SEED = "../seeds/000_6066f5c852812abd.txt"   # relative to the notebooks folder

COURSE = [  # (file stem, title, minutes of student work)
    ("00_start_here", {"ar": "ابدأ هنا", "en": "Start here"}, 20),
    ("01_anatomy", {"ar": "تشريح الخبر", "en": "Anatomy of a news story"}, 25),
    ("02_sourcing", {"ar": "المصادر: من يتكلم؟", "en": "Sourcing: who speaks?"}, 30),
    ("03_quotes", {"ar": "الاقتباسات", "en": "Quotes"}, 35),
    ("04_framing", {"ar": "التأطير", "en": "Framing"}, 40),
    ("05_reframe", {"ar": "أعد التأطير", "en": "Reframe it"}, 25),
    ("06_bring_your_own", {"ar": "مقالك أنت", "en": "Bring your own article"}, 40),
]
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
LANGUAGE_INFO = {"name": "python", "codemirror_mode": {"name": "ipython", "version": 3},
                 "file_extension": ".py", "mimetype": "text/x-python",
                 "nbconvert_exporter": "python", "pygments_lexer": "ipython3"}
TEST_CELL_NOTE = ("# Automatic tests only (FRAMING_LAB_TEST=1): this cell does nothing when you run it.\n"
                  "# للاختبارات الآلية فقط: هذه الخلية لا تفعل شيئًا عند تشغيلها.\n")


# --- cell builders -------------------------------------------------------------------------------

def _inline(text: str) -> str:
    """The inline Markdown used in this file (`code`, **bold**, [text](link)) as HTML."""
    out = []
    for i, part in enumerate(re.split(r"(`[^`]+`)", text)):
        if i % 2:
            out.append(f"<code>{html.escape(part[1:-1], quote=False)}</code>")
            continue
        part = html.escape(part, quote=False)
        part = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", part)
        out.append(re.sub(r"\[([^\]]+)\]\(([^)\s]+)\)", r'<a href="\2">\1</a>', part))
    return "".join(out)


def rtl(markdown: str) -> str:
    """Arabic Markdown in a right-to-left block. JupyterLab aligns every `<p>` of a Markdown
    cell to the left (`.jp-RenderedHTMLCommon p`), which leaves Arabic paragraphs ragged on
    the wrong side; only a `style` on the `<p>` itself wins, so plain paragraphs (and quotes)
    are written as HTML here. Headings, lists and tables stay Markdown: they follow `dir`."""
    blocks = []
    for block in re.split(r"\n\s*\n", markdown.strip()):
        if block.startswith(("#", "|", "- ", "```")) or re.match(r"\d+\. ", block):
            blocks.append(block)
            continue
        lines = [line.removeprefix("> ") for line in block.splitlines()]
        blocks.append(f'<p style="text-align: right">{_inline(" ".join(lines))}</p>')
    return '<div dir="rtl" lang="ar">\n\n' + "\n\n".join(blocks) + "\n\n</div>"


def md(ar: str, en: str) -> list:
    """The same text twice: Arabic (right to left) first, then English."""
    return [new_markdown_cell(rtl(ar)), new_markdown_cell(en.strip())]


def code(source: str, hidden: bool = False) -> list:
    cell = new_code_cell(source.strip())
    if hidden:
        cell.metadata["jupyter"] = {"source_hidden": True}
        cell.metadata["tags"] = ["test-driver"]
    return [cell]


def _link(position: int, lang: str) -> str:
    stem, title, _ = COURSE[position]
    return f"[{title[lang]}]({stem}.ipynb)"


def navigation(position: int) -> list:
    """Index / Back / Next in both languages (notebook 00 is the index)."""
    words = {"ar": ("الفهرس", "السابق", "التالي"), "en": ("Index", "Back", "Next")}
    lines = {}
    for lang, (index, back, forward) in words.items():
        parts = [f"[{index}](00_start_here.ipynb)"]
        if position > 0:
            parts.append(f"{back}: {_link(position - 1, lang)}")
        if position + 1 < len(COURSE):
            parts.append(f"{forward}: {_link(position + 1, lang)}")
        lines[lang] = " · ".join(parts)
    return [new_markdown_cell(f'{rtl("🧭 " + lines["ar"])}\n\n🧭 {lines["en"]}')]


def title(position: int, ar_intro: str, en_intro: str) -> list:
    stem, name, minutes = COURSE[position]
    return md(f"# {stem[:2]} · {name['ar']}\n\n⏱️ نحو {minutes} دقيقة.\n\n{ar_intro.strip()}",
              f"# {stem[:2]} · {name['en']}\n\n⏱️ About {minutes} minutes.\n\n{en_intro.strip()}")


def setup(*imports: str, article: bool = True) -> list:
    """The first code cell: the language, the test switch, the imports, the seed's analysis."""
    lines = ["import os",
             "import kit",
             "",
             '# للإنجليزية اكتب "en" بدل "ar" ثم أعد تشغيل الخلايا · for English, write "en" instead of "ar" and run the cells again',
             'kit.set_language(os.environ.get("FRAMING_LAB_LANG", "ar"))',
             'TESTING = os.environ.get("FRAMING_LAB_TEST") == "1"']
    lines += list(imports)
    if article:
        lines += [f'SEED = "{SEED}"', "article = kit.analyze(SEED)"]
    return [new_markdown_cell(rtl("▶️ شغّل الخلية التالية أولًا (Shift + Enter).")
                              + "\n\n▶️ Run the next cell first (Shift + Enter)."),
            new_code_cell("\n".join(lines))]


def self_check(position: int) -> list:
    stem = COURSE[position][0]
    return md("## تحقّق من فهمك\n\nأجب ثم اضغط «تحقق». تُحفظ إجاباتك تلقائيًا في مجلد `my_work`، "
              "وتظهر في جدول التقدم في الدفتر 00. أسئلة التأمل تُحفظ ولا تُقيَّم.",
              "## Self-check\n\nAnswer, then press «Check». Your answers are saved automatically in "
              "the `my_work` folder and show in the progress table of notebook 00. Reflection "
              "questions are saved, not graded.") + \
        code(f'from kit.widgets.exercise_box import ExerciseBox\n\nself_check = ExerciseBox("{stem}")\nself_check')


def test_driver(source: str) -> list:
    """The collapsed last cell: drives the notebook's widgets in the automatic tests."""
    body = "\n".join("    " + line if line else "" for line in source.strip().splitlines())
    return code(f"{TEST_CELL_NOTE}if TESTING:\n{body}", hidden=True)


def check_exercise(exercise_id: str, wrong, right) -> str:
    """Test-driver lines: a wrong answer gets feedback, the right one is accepted."""
    return (f"self_check.answer({exercise_id!r}, {wrong!r})\n"
            f"assert self_check.check({exercise_id!r}).correct is False\n"
            f"self_check.answer({exercise_id!r}, {right!r})\n"
            f"assert self_check.check({exercise_id!r}).correct is True, self_check.results\n"
            f"assert self_check.last_error is None, self_check.last_error")


def _seed_analysis():
    import kit
    return kit.analyze(ROOT / "seeds" / Path(SEED).name)


def translations_table() -> list:
    """The seed's quotes beside the English words they translate (kit.lenses.translations), written
    into the notebook when it is generated: Arabic text shown as HTML reads right to left,
    printed text would not."""
    from kit.lenses.translations import translated_quotes
    where = {"body": {"ar": "المقال", "en": "article"},
             "related headline": {"ar": "عنوان ذو صلة", "en": "related headline"}}
    analysis = _seed_analysis()
    arabic_names = {source.name: source.name_ar for source in analysis.sources}
    rows = {lang: [] for lang in ("ar", "en")}
    for pair in translated_quotes(analysis):
        for lang in rows:
            place = where.get(pair["where"], {"ar": pair["where"], "en": pair["where"]})[lang]
            speaker = arabic_names.get(pair["speaker"], pair["speaker"]) if lang == "ar" else pair["speaker"]
            comma = "، " if lang == "ar" else ", "
            rows[lang].append(f'| «{pair["arabic"]}» | "{pair["english_phrase"]}" | '
                              f'{speaker}{comma}{place} | {pair["note_" + lang]} |')
    return md("| بالعربية | الأصل الإنجليزي | المتكلم | ملاحظة |\n|---|---|---|---|\n"
              + "\n".join(rows["ar"]),
              "| Arabic | English original | Speaker | Note |\n|---|---|---|---|\n"
              + "\n".join(rows["en"]))


def codebook() -> list:
    """The generic frames and their yes/no questions (kit/data/frames.json), as text."""
    from kit.lenses.highlights import frames
    text = {lang: "\n".join(f"- **{frame['name'][lang]}**: "
                            + " ".join(question[lang] for question in frame["questions"])
                            for frame in frames()) for lang in ("ar", "en")}
    return md(text["ar"], text["en"])


def ending(position: int, ar: str, en: str) -> list:
    """What comes next, with the link."""
    if position + 1 < len(COURSE):
        ar += f"\n\nالتالي: {_link(position + 1, 'ar')}"
        en += f"\n\nNext: {_link(position + 1, 'en')}"
    return md(ar, en)


# --- the notebooks ---------------------------------------------------------------------------------

def _course_table(lang: str, descriptions: tuple[str, ...]) -> str:
    """The rows of the course map: number, link, minutes, what the notebook covers."""
    return "\n".join(f"| {stem[:2]} | {_link(i, lang)} | {minutes} | {what} |"
                     for i, ((stem, _, minutes), what) in enumerate(zip(COURSE, descriptions)))


def start_here() -> list:
    p = 0
    course_ar = _course_table("ar", (
        "العُدّة والمقال واللغة وتقدمك",
        "العنوان والمقدمة والهرم المقلوب، وما ليس من الخبر، ومن كتب ماذا",
        "من يُستشهد به، ومن أي نوع، وسلسلة النقل، والأصوات الغائبة",
        "الاقتباس المباشر والجزئي وغير المباشر، وأفعال القول، والترجمة",
        "دلالات الأفعال، وعلامات التخويف، والكلمات المشحونة، والأطر، والأرقام",
        "أعد كتابة جمل المقال وراقب العدسات",
        "حلّل مقالًا من اختيارك، وقارن موقعين"))
    course_en = _course_table("en", (
        "The kit, the article, the language, your progress",
        "Headline, lead, inverted pyramid; what is not the story; who wrote what",
        "Who is cited, of what kind; the chain of relays; absent voices",
        "Direct, partial and indirect quotes; reporting verbs; translation",
        "Verb connotations, scare quotes, loaded words, frames, numbers",
        "Rewrite the article's sentences and watch the lenses",
        "Analyse an article of your choice; compare two outlets"))
    return [
        *navigation(p),
        *title(p, """
**مختبر التأطير** عُدّة لقراءة الأخبار قراءة ناقدة. ستدرس خبرًا حقيقيًا واحدًا من أوله إلى آخره:
من يتكلم فيه، وكيف يُنقل كلامه، وبأي كلمات يُروى. العُدّة تلوّن النص وتعدّ وترسم، **والحكم لك**:
الآلة تقترح وقد تخطئ، وأنت تتحقق وتناقش.

في هذا الدفتر: كيف تشغّل خلية، وكيف تغيّر اللغة، ثم المقال كاملًا، وخريطة الدروس، وتقدمك.
""", """
**Framing Lab** is a kit for reading the news critically. You will study one real news story
from beginning to end: who speaks in it, how their words are reported, and in which words the
story is told. The kit colours, counts and draws; **you judge**: the machine suggests and can be
wrong, you check and discuss.

In this notebook: how to run a cell, how to change the language, then the article in full, the
map of the course, and your progress.
"""),
        *md("""
## كيف تعمل الدفاتر

- الدفتر مكوّن من **خلايا**: خلايا نص (مثل هذه) وخلايا برمجية (عليها `[ ]` في يسارها).
- لتشغيل خلية: اخترها واضغط **Shift + Enter**. شغّل الخلايا بالترتيب من الأعلى.
- لا تحتاج إلى قراءة البرمجة: الأدوات تظهر تحت الخلايا، وأنت تعمل فيها بالأزرار والقوائم.
- إن توقف شيء: من قائمة **Kernel** اختر **Restart Kernel and Run All Cells**. عملك لا يضيع:
  يُحفظ تلقائيًا في مجلد `my_work`.
""", """
## How notebooks work

- A notebook is made of **cells**: text cells (like this one) and code cells (with `[ ]` on their left).
- To run a cell: select it and press **Shift + Enter**. Run the cells in order, from the top.
- You do not need to read the code: the tools appear under the cells and you work in them with
  buttons and lists.
- If something stops working: in the **Kernel** menu choose **Restart Kernel and Run All Cells**.
  Your work is not lost: it is saved automatically in the `my_work` folder.
"""),
        *setup(article=False),
        *md("""
## اللغة

السطر `kit.set_language(...)` في الخلية السابقة يختار لغة الأزرار والرسائل والرسوم.
اكتب `"en"` بدل `"ar"` وأعد تشغيل الخلية، أو استعمل الزرين أدناه، ثم أعد تشغيل الخلايا التي تليها.
نصوص الدروس مكتوبة باللغتين دائمًا: العربية أولًا ثم الإنجليزية.
""", """
## Language

The line `kit.set_language(...)` in the cell above chooses the language of buttons, messages
and charts. Write `"en"` instead of `"ar"` and run the cell again, or use the two buttons below,
then run the cells after them again. The lessons' texts are always in both languages: Arabic
first, then English.
"""),
        *code("from kit.widgets import language_switcher\n\nlanguage_switcher()"),
        *md("""
## المقال

نشرت **سكاي نيوز عربية** هذا الخبر نحو 8–9 فبراير 2024 بعنوان
«صحيفة: زيارة بلينكن لإسرائيل تكشف حدود الدبلوماسية الأميركية». ينقل الخبر تقريرًا لصحيفة
**فايننشال تايمز** البريطانية عن زيارة وزير الخارجية الأميركي أنتوني بلينكن لإسرائيل، ويضيف
تصريحات للرئيس جو بايدن في البيت الأبيض.

اقرأ المقال كاملًا. الأزرار فوقه تشغّل **العدسات**: كل عدسة تلوّن نوعًا من الكلمات.
اختر كلمة ملوّنة من القائمة (أو مرّر المؤشر عليها) لترى لماذا لُوّنت.
""", """
## The article

**Sky News Arabia** published this story around 8–9 February 2024 under the headline
«صحيفة: زيارة بلينكن لإسرائيل تكشف حدود الدبلوماسية الأميركية» (Newspaper: Blinken's visit to
Israel reveals the limits of US diplomacy). It relays a report by the British newspaper the
**Financial Times** on US Secretary of State Antony Blinken's visit to Israel, and adds remarks
by President Joe Biden at the White House.

Read the whole article. The buttons above it switch **lenses** on and off: each lens colours one
kind of words. Choose a coloured span in the list (or hover over it) to see why it is marked.
"""),
        *code("from kit.widgets import ArticleExplorer\n\nexplorer = ArticleExplorer()\nexplorer"),
        *md(f"""
## خريطة الدروس

| # | الدفتر | دقائق | ماذا ستفعل |
|---|---|---|---|
{course_ar}

كل دفتر ينتهي بأسئلة قصيرة تتحقق بها من فهمك. دليل المعلم في `teacher_guide.md`.
""", f"""
## Map of the course

| # | Notebook | Minutes | What you will do |
|---|---|---|---|
{course_en}

Every notebook ends with a short self-check. The teacher's guide is `teacher_guide.md`.
"""),
        *md("""
## تقدّمك

الجدول يعدّ إجاباتك في كل دفتر. اضغط «حدّث» بعد أن تعمل في دفتر آخر. الرابط بجانبه ينزّل
كل عملك في ملف واحد (zip): احتفظ به إن كنت تعمل على خادم مؤقت مثل Binder.
""", """
## Your progress

The table counts your answers in each notebook. Press «Refresh» after working in another
notebook. The link beside it downloads all your work as one file (zip): keep it if you work on a
temporary server such as Binder.
"""),
        *code("from kit.widgets.progress import progress_widget\n\nprogress = progress_widget()\nprogress"),
        *self_check(p),
        *ending(p, "ابدأ الآن بتشريح الخبر: أين العنوان والمقدمة، وما الذي ليس من الخبر أصلًا.",
                "Start now with the anatomy of the story: where the headline and lead are, and what "
                "is not part of the story at all."),
        *test_driver(f"""
explorer.toggles["loaded_terms"].value = True
assert "loaded_terms" in explorer.view.value and explorer.last_error is None
{check_exercise("run_cell", "double_click", "shift_enter")}
self_check.answer("expectations", "الخلاف")
assert self_check.check("expectations").correct is None
progress.refresh()
assert ("2 من 4" if kit.get_language() == "ar" else "2 / 4") in progress.table.value and progress.last_error is None, progress.table.value
assert "data:application/zip;base64," in progress.download.value
"""),
    ]


def anatomy() -> list:
    p = 1
    return [
        *navigation(p),
        *title(p, """
خبر الصحيفة ليس كتلة واحدة: له **عنوان** و**مقدمة** و**جسم**، وحوله «أثاث» تضعه الصفحة.
في هذا الدفتر تميّز هذه الأجزاء، وترى كيف يُرتّب الخبر من الأهم إلى الأقل أهمية، ومَن كتب ماذا.
""", """
A news story is not one block: it has a **headline**, a **lead** and a **body**, and around it
the «furniture» the page adds. In this notebook you tell these parts apart, see how a story is
ordered from most to least important, and who wrote what.
"""),
        *setup("from IPython.display import HTML",
               "from kit.view.render import STYLE, render_article"),
        *md("""
## العنوان

نصّ المقال كما نُسخ من الموقع فقد عنوانه، وهذا يحدث كثيرًا. كان العنوان على الموقع:

> **«صحيفة: زيارة بلينكن لإسرائيل تكشف حدود الدبلوماسية الأميركية»**

لاحظ كلمة «صحيفة:» في أوله: العنوان ينسب الحكم («حدود الدبلوماسية الأميركية») إلى مصدر.

## المقدمة

المقدمة هي الفقرة الأولى. تقول باختصار: مَن؟ ماذا؟ متى؟ وأحيانًا: لماذا؟
""", """
## The headline

The article's text, as copied from the site, lost its headline: this happens often. On the site
the headline was:

> **«صحيفة: زيارة بلينكن لإسرائيل تكشف حدود الدبلوماسية الأميركية»**
> (Newspaper: Blinken's visit to Israel reveals the limits of US diplomacy)

Note the word «صحيفة:» (newspaper:) at its start: the headline credits the judgement («the limits
of US diplomacy») to a source.

## The lead

The lead is the first paragraph. It says briefly: who? what? when? and sometimes: why?
"""),
        *code('HTML(f"<style>{STYLE}</style>" + render_article(article.text, article.paragraphs[:1]))'),
        *md("""
**سؤال:** هل تروي المقدمة القصة نفسها التي يرويها العنوان؟ ما الذي يزيده العنوان أو يحذفه؟

## الهرم المقلوب

الخبر يبدأ بالأهم ثم ينزل إلى التفاصيل والخلفية، حتى يستطيع المحرر أن يقصّه من آخره.
في مقالنا: الفقرات 1–3 تقول ما حدث، و4–5 تعليق خبير، ثم تصريحات بايدن، ثم تفاصيل الخلاف
حول مقترح حماس، ثم الخلفية.

**سؤال:** لو قُصّ المقال بعد الفقرة الخامسة، ماذا يفقد القارئ؟
""", """
**Question:** does the lead tell the same story as the headline? What does the headline add or
leave out?

## The inverted pyramid

A news story starts with what matters most and goes down to details and background, so that an
editor can cut it from the bottom. In our article: paragraphs 1–3 say what happened, 4–5 are an
expert's comment, then Biden's remarks, then the details of the split over Hamas's proposal,
then background.

**Question:** if the article were cut after paragraph 5, what would the reader lose?
"""),
        *md("""
## ما ليس من الخبر: أثاث الصفحة

في وسط المقال كتلتان بعنوان «أخبار ذات صلة». هذه روابط يضعها الموقع، لا جزء من التقرير.
العُدّة تعزلهما وتعرضهما في صناديق رمادية:
""", """
## What is not the story: page furniture

In the middle of the article sit two blocks headed «أخبار ذات صلة» (related news). They are
links the site adds, not part of the report. The kit sets them apart and shows them in grey
boxes:
"""),
        *code('HTML(f"<style>{STYLE}</style>" + render_article(article.text, (), boilerplate=article.boilerplate))'),
        *md("""
**سؤال:** القارئ يقرأ هذه العناوين مع الخبر. ماذا تضيف إليه؟ ابحث فيها عن كلمات لا ترد في التقرير
نفسه («جاوز الحد»، «كارثة»).

## مَن كتب ماذا؟

الجملة الأولى تبدأ بـ«كشفت صحيفة "فايننشال تايمز"»: الموقع **ينقل** تقرير صحيفة أخرى ويترجمه.
العُدّة تقرأ ذلك من المقدمة:
""", """
**Question:** readers read these headlines together with the story. What do they add? Look in
them for words that the report itself does not use («جاوز الحد», went too far; «كارثة»,
disaster).

## Who wrote what?

The first sentence starts «كشفت صحيفة "فايننشال تايمز"» (the Financial Times revealed): the site
**relays** and translates another newspaper's report. The kit reads this from the lead:
"""),
        *code("article.relay"),
        *md("""
تابع علامات النقل في المقال: «كشفت صحيفة»، «ووفقا للصحيفة»، «بحسب ما ذكرت الفايننشال تايمز».
لكن تصريحات بايدن يوم الخميس جاءت **بعد** زيارة بلينكن: هل كانت في تقرير الصحيفة، أم أضافها
الموقع؟ النص لا يقول. شغّل عدسة الاقتباسات ومرّر المؤشر على كل اقتباس لترى سلسلة النقل التي
وجدتها الآلة.
""", """
Follow the relay markers through the article: «كشفت صحيفة» (the newspaper revealed),
«ووفقا للصحيفة» (according to the newspaper), «بحسب ما ذكرت الفايننشال تايمز» (as the Financial
Times reported). But Biden's remarks on Thursday came **after** Blinken's visit: were they in
the newspaper's report, or did the site add them? The text does not say. Turn on the quotes lens
and hover over each quote to see the chain of relays the machine found.
"""),
        *code('from kit.widgets import ArticleExplorer\n\nexplorer = ArticleExplorer(lenses=("quotes",))\nexplorer'),
        *self_check(p),
        *ending(p, "في الدفتر التالي: مَن يتكلم في الخبر، ومن يغيب عنه.",
                "Next: who speaks in the story, and who is missing from it."),
        *test_driver(f"""
assert article.relay == "Financial Times" and len(article.boilerplate) == 2
explorer.toggles["reporting_verbs"].value = True
assert explorer.last_error is None
{check_exercise("relay", "sky", "ft")}
{check_exercise("furniture", ["memo", "efforts"], ["memo", "tour"])}
{check_exercise("furniture_count", "1", "٢")}
"""),
    ]


def sourcing() -> list:
    p = 2
    return [
        *navigation(p),
        *title(p, """
**المصدر** هو كل من ينقل المقال كلامه: شخص، أو وسيلة إعلام، أو مؤسسة، أو «مصدر مطلع» بلا اسم.
اختيار المصادر هو أول قرار في التأطير: من يُعطى الكلمة، وبأي صفة، ومن يُتكلَّم عنه ولا يتكلم.
""", """
A **source** is anyone whose words the article reports: a person, a media outlet, an
institution, or an unnamed «informed source». Choosing sources is the first framing decision:
who gets to speak, in what capacity, and who is talked about but never speaks.
"""),
        *setup("from kit.lenses import voices", "from kit.view import plots", "from kit.widgets import SourceMap"),
        *md("""
## خريطة المصادر

الخريطة تبدأ بالموقع الذي نشر المقال، ثم الوسائل التي ينقل عنها، ثم كل مصدر. السهم يعني
«ينقل ما قاله». الجدول تحتها يذكر نوع كل مصدر وصفته وعدد اقتباساته.

**أسئلة:** هل المصادر مسماة أم مجهولة؟ ما الصفات التي تعطيها المقالة لكل منها
(«وزير الخارجية الأميركي»، «الزميل البارز في مؤسسة كارنيجي»)؟ وماذا تفعل الصفة بثقة القارئ؟
""", """
## The source map

The map starts with the site that published the article, then the outlets it relays, then each
source. An arrow means «reports what ... said». The table below it gives each source's type,
title and number of quotes.

**Questions:** are the sources named or anonymous? Which titles does the article give them
(«US Secretary of State», «senior fellow at the Carnegie Endowment»)? What does a title do to a
reader's trust?
"""),
        *code("source_map = SourceMap()\nsource_map"),
        *md("""
## سلسلة النقل: الموقع ← فايننشال تايمز ← ميلر

كلام آرون ديفيد ميلر لم يُقل لسكاي نيوز عربية: قاله لفايننشال تايمز، والموقع ينقله مترجمًا.
والمقال كله يقدّم نفسه نقلًا عن الصحيفة. **كم يعتمد المقال على صحيفة واحدة؟** الآلة لا ترى
النقل إلا حيث يُكتب صراحة («بحسب ما ذكرت»)، فهي تعدّ اقتباسات قليلة عبر الصحيفة:
""", """
## The chain: site → Financial Times → Miller

Aaron David Miller did not speak to Sky News Arabia: he spoke to the Financial Times, and the site
relays his words in translation. And the whole article presents itself as relaying the
newspaper. **How much rests on one newspaper?** The machine only sees a relay where it is written
out («بحسب ما ذكرت», as ... reported), so it counts few quotes through the newspaper:
"""),
        *code('relayed = [q for q in article.quotes if "Financial Times" in (q.speaker, *q.via)]\n'
              'print(len(relayed), "/", len(article.quotes))'),
        *md("""
**سؤال:** هل سمع مراسل الصحيفة بلينكن ونتنياهو بنفسه في المؤتمرين الصحفيين، أم نقل عن غيره؟
وماذا يعرف القارئ العربي عن ذلك؟

## أنواع المصادر ومساحة كلامها
""", """
**Question:** did the newspaper's reporter hear Blinken and Netanyahu at the press conferences,
or relay someone else? What does the Arabic reader know about it?

## Types of sources and the space their words take
"""),
        *code("plots.source_types_chart(voices.source_type_counts(article))"),
        *code("plots.quoted_words_chart(voices.quoted_words(article))"),
        *md("""
الرسم الثاني يعدّ كلمات كل متكلم (المقتبسة والمنقولة). اجمعها الآن حسب الجانب:
""", """
The second chart counts each speaker's words (quoted and reported). Now group them by side:
"""),
        *code("plots.quoted_words_chart(voices.quoted_words_by_side(article))"),
        *md("""
## الأصوات الغائبة

مَن يُذكر في المقال ولا يُنقل عنه أي كلام؟ انظر إلى القائمة تحت خريطة المصادر أعلاه.

المقال يتحدث عن **مقترح حماس** ويحكم عليه طرفان، لكن حماس لا تتكلم فيه أبدًا. ولا يتكلم أحد
من سكان غزة الذين يصف المقال ظروفهم. الغياب ليس دائمًا تحيزًا: قد يكون موضوع الخبر هو الخلاف
الأميركي الإسرائيلي وحده. لكن القارئ يحتاج أن يعرف **من يتكلم، ومن يُتكلَّم عنه**.

**نقاش:** لو أردت أن تكمل هذا الخبر بصوت واحد إضافي، فمن تختار؟ ولماذا؟
""", """
## Absent voices

Who is named in the article but never quoted? Look at the list under the source map above.

The article discusses **Hamas's proposal**, and two sides judge it, but Hamas never speaks.
Nor does anyone from Gaza, whose living conditions the article describes. An absence is not
always bias: the story may be only about the US–Israeli split. But readers need to know **who
speaks, and who is spoken about**.

**Discuss:** if you could add one more voice to this story, whom would you choose, and why?
"""),
        *self_check(p),
        *ending(p, "في الدفتر التالي: كيف يُنقل الكلام نفسه، حرفيًا أو بتصرف، ومترجمًا.",
                "Next: how the words themselves are reported: verbatim, paraphrased, translated."),
        *test_driver(f"""
assert len(article.sources) == 5 and source_map.last_error is None
assert "Hamas" in voices.absent_parties(article)
{check_exercise("count", "4", "5")}
{check_exercise("absent", ["hamas", "miller"], ["hamas", "ben_gvir", "smotrich"])}
"""),
    ]


def quotes() -> list:
    p = 3
    return [
        *navigation(p),
        *title(p, """
علامات التنصيص وعد للقارئ: «هذه كلمات المتكلم نفسه». في هذا الدفتر تميّز أنواع الاقتباس،
وأفعال القول التي تقدّمه، وتختبر نفسك في التعرف على المتكلمين، ثم ترى ماذا يبقى من الوعد حين
يكون الكلام مترجمًا.
""", """
Quotation marks are a promise to the reader: «these are the speaker's own words». In this
notebook you tell the kinds of quotes apart, and the reporting verbs that introduce them, test
yourself on who speaks, and then see what is left of the promise when the words are translated.
"""),
        *setup("from kit.lenses.translations import translated_quotes",
               "from kit.widgets import ArticleExplorer, QuoteQuiz"),
        *md("""
## ثلاثة أنواع من الاقتباس

| النوع | مثال من المقال | ماذا يعني |
|---|---|---|
| **مباشر** | وقال بايدن للصحفيين: «هناك الكثير من الأبرياء...» | جملة كاملة بين علامتين: كلام المتكلم كما هو |
| **جزئي** | وصف... الرد العسكري الإسرائيلي بأنه «مفرط» | كلمة أو عبارة بين علامتين داخل جملة الكاتب |
| **غير مباشر** | وقال بلينكن إنه في حين أن الاقتراح... | الكاتب يصوغ الكلام بكلماته، بلا علامات |

## أفعال القول

فعل القول (قال، أضاف، أصر، حذّر، وصف...) يقدّم الكلام، ويختاره الكاتب لا المتكلم.
و«وأضاف» بلا اسم تحمل المتكلم من الجملة السابقة: على القارئ أن يرجع إلى الوراء ليعرف من يتكلم.

شغّل العدستين ومرّر المؤشر على كل اقتباس لترى نوعه ومتكلمه وفعله.
""", """
## Three kinds of quote

| Kind | Example from the article | What it means |
|---|---|---|
| **Direct** | وقال بايدن للصحفيين: «هناك الكثير من الأبرياء...» (Biden told reporters: «there are many innocent people...») | A whole sentence in marks: the speaker's words as they are |
| **Partial** | وصف... الرد العسكري الإسرائيلي بأنه «مفرط» (described the Israeli military response as «excessive») | A word or phrase in marks inside the writer's sentence |
| **Indirect** | وقال بلينكن إنه في حين أن الاقتراح... (Blinken said that while the proposal...) | The writer puts the words in his own, without marks |

## Reporting verbs

The reporting verb (قال said, أضاف added, أصر insisted, حذّر warned, وصف described...)
introduces the words, and the writer chooses it, not the speaker. «وأضاف» (and he added) with no
name carries the speaker over from the sentence before: readers must look back to know who speaks.

Turn on both lenses and hover over each quote to see its kind, speaker and verb.
"""),
        *code('explorer = ArticleExplorer(lenses=("quotes", "reporting_verbs"))\nexplorer'),
        *md("""
## اختبر نفسك: مَن قال ماذا؟

لكل اقتباس: اختر المتكلم ونوع الاقتباس وفعل القول، ثم اضغط «تحقق». الإجابات الصحيحة هنا هي
ما وجدته الآلة، فإن خالفتها وأنت واثق، فناقش ذلك: الآلة قد تخطئ.
""", """
## Test yourself: who said what?

For each quote: choose the speaker, the kind of quote and the reporting verb, then press «Check».
The right answers here are what the machine found: if you disagree and are sure, discuss it:
the machine can be wrong.
"""),
        *code("quiz = QuoteQuiz()\nquiz"),
        *md("""
## الاقتباس المترجم

بلينكن وبايدن ونتنياهو تكلموا بالإنجليزية. كل اقتباس عربي في المقال **ترجمة**، وربما ترجمة
لترجمة، مع أن علامات التنصيص توحي بأنها كلماتهم نفسها. قارن:
""", """
## Quotes in translation

Blinken, Biden and Netanyahu spoke English. Every Arabic quote in the article is a
**translation**, maybe a translation of a translation, although the quotation marks suggest
their own words. Compare:
"""),
        *translations_table(),
        *md("""
- عبارة بايدن **«over the top»** تظهر في الصفحة نفسها بثلاث ترجمات: «مفرط» و«جاوز الحد» و«تجاوز الحد»،
  وكلها بين علامات تنصيص. ولم يقل بايدن «الإسرائيلي»: أوضح البيت الأبيض في اليوم التالي أنه قصد إسرائيل.
- قال بلينكن إن في رد حماس بعض الـ«**non-starters**»، أي أفكارًا لا يمكن القبول بها.
  النص العربي يقول «البدايات»: **انقلب المعنى**، والعلامتان تنسبان الخطأ إلى بلينكن.

**نقاش:** بماذا تعد علامات التنصيص القارئ؟ ماذا كان يمكن للصحفي أن يفعل بدلًا منها؟
""", """
- Biden's phrase **«over the top»** appears on the same page in three translations: «مفرط»,
  «جاوز الحد» and «تجاوز الحد», each in quotation marks. And Biden did not say «Israeli»: the
  White House said the next day that he meant Israel.
- Blinken said Hamas's response had some clear **«non-starters»**, ideas that cannot be accepted.
  The Arabic says «البدايات» (beginnings): **the sense is inverted**, and the marks put the
  mistake in Blinken's mouth.

**Discuss:** what do quotation marks promise a reader? What could the journalist have done
instead?
"""),
        *self_check(p),
        *ending(p, "في الدفتر التالي: كيف تؤطّر الأفعال والكلمات والأرقام الخبر.",
                "Next: how verbs, words and numbers frame the story."),
        *test_driver(f"""
right = quiz.expected(0)
quiz.answer(0, speaker=right["speaker"], kind=right["kind"], cue=right["cue"])
quiz.check(0)
assert quiz.score == 1 and quiz.last_error is None, quiz.last_error
assert len(translated_quotes(article)) >= 8
{check_exercise("who_wahmiya", "writer", "netanyahu")}
{check_exercise("over_the_top", "1", "3")}
"""),
    ]


def framing() -> list:
    p = 4
    return [
        *navigation(p),
        *title(p, """
**التأطير** هو اختيار ما يُبرَز وكيف يُسمّى: الخبر نفسه يمكن أن يُروى صراعًا، أو مأساة إنسانية،
أو مسألة مسؤولية. الإطار لا يحتاج إلى كذب: يكفي اختيار الفعل والكلمة والرقم. في هذا الدفتر
تفحص هذه الاختيارات بالعدسات، ثم تصنّف فقرات المقال بنفسك وتقارن تصنيفك بمفتاح المعلم.
""", """
**Framing** is choosing what to stress and what to call it: the same event can be told as a
conflict, a human tragedy, or a question of responsibility. A frame needs no lies: choosing the
verb, the word and the number is enough. In this notebook you examine these choices with the
lenses, then code the article's paragraphs yourself and compare with the teacher's key.
"""),
        *setup("from kit import lenses", "from kit.lenses import voices", "from kit.view import plots",
               "from kit.widgets import ArticleExplorer, FrameAnnotator"),
        *md("""
## دلالة أفعال القول

| الدلالة | أمثلة | ماذا تفعل |
|---|---|---|
| محايدة | قال، أضاف، أوضح | تنقل الكلام بلا حكم |
| توكيدية | أكد، أصر، كشف، كرر | توحي بالثقة أو الإصرار أو الحقيقة |
| نقدية أو صدامية | حذّر، رفض، انتقد | تجعل الكلام موقفًا ضد أحد |
| تقييمية | وصف، زعم، ادّعى | تحكم على الكلام أو على صاحبه |

الرسم يبين بأي أفعال قُدّم كلام كل متكلم:
""", """
## The connotation of reporting verbs

| Connotation | Examples | What it does |
|---|---|---|
| Neutral | قال said, أضاف added, أوضح explained | Reports the words without judging |
| Assertive | أكد affirmed, أصر insisted, كشف revealed, كرر repeated | Suggests confidence, insistence or truth |
| Critical or conflictual | حذّر warned, رفض rejected, انتقد criticised | Makes the words a stand against someone |
| Evaluative | وصف described, زعم claimed, ادّعى alleged | Judges the words or the speaker |

The chart shows which verbs introduce each speaker's words:
"""),
        *code("plots.verbs_by_connotation_chart(voices.verbs_by_speaker(article))"),
        *md("""
**سؤال:** مَن يُقدَّم كلامه بأفعال محايدة فقط؟ ومَن «يصر» و«يصف»؟ ماذا يصنع ذلك بصورة كل منهم؟

## علامات التخويف والكلمات المشحونة

الكلمة المفردة بين علامتين («وهمية»، «مفرط»، «البدايات») تقول: «هذه كلمته لا كلمتي». الكاتب
يبرزها ويبتعد عنها في آن واحد. أما **الكلمات المشحونة** («الهوة»، «يؤجج»، «مزرية») فهي كلمات
الكاتب نفسه، و**المصطلحات** («المحتجزين» أو «الرهائن» أو «الأسرى») اختيار لا مفر منه، ولكل بديل
ميله. شغّل العدسات، ومرّر المؤشر على كل كلمة لترى البدائل.
""", """
**Question:** whose words are introduced by neutral verbs only? Who «insists» and who
«describes»? What does that do to the picture of each?

## Scare quotes and loaded words

A single word in quotation marks («وهمية» delusional, «مفرط» excessive, «البدايات» beginnings)
says: «his word, not mine». The writer stresses it and keeps a distance from it at once.
**Loaded words** («الهوة» chasm, «يؤجج» fans the flames, «مزرية» dire) are the writer's own, and
**terminology** («المحتجزين» detainees, «الرهائن» hostages or «الأسرى» captives) is a choice no
one can avoid, each alternative with its own slant. Turn on the lenses and hover over each word
to see the alternatives.
"""),
        *code('explorer = ArticleExplorer(lenses=("reporting_verbs", "scare_quotes", "loaded_terms"))\nexplorer'),
        *md("""
قائمة الكلمات المشحونة **نقطة بداية لا حكم**: ناقش كل حالة. هل «الهوة» مبالغة، أم وصف دقيق
لخلاف عميق فعلًا؟

## الأطر العامة

يستعمل الباحثون خمسة أطر عامة (Semetko & Valkenburg, 2000)، ولكل إطار أسئلة يجيب عنها المحلل
بنعم أو لا:
""", """
The list of loaded words is **a starting point, not a verdict**: argue each case. Is «the
chasm» an exaggeration, or an accurate picture of a split that really is deep?

## Generic frames

Researchers use five generic frames (Semetko & Valkenburg, 2000); each comes with yes/no
questions the coder answers:
"""),
        *codebook(),
        *md("""
الشريط الحراري يعدّ **كلمات الإشارة** لكل إطار في كل فقرة. الكلمات توحي بإطار فقط، والأسئلة
هي التي تحسم: كلمة «الحرب» لا تجعل الفقرة عن الصراع بالضرورة.
""", """
The heat strip counts each frame's **cue words** in each paragraph. Words only suggest a frame;
the questions decide: the word «war» does not make a paragraph a conflict story by itself.
"""),
        *code('plots.frame_strip_chart(lenses.frame_scores(article), [f["id"] for f in lenses.frames()])'),
        *md("""
## الأرقام: مَن يؤكدها؟

رقم في جملة الكاتب يُقدَّم حقيقة؛ ورقم في كلام متكلم هو ادعاؤه. اختر كل رقم من القائمة لترى
مَن يؤكده:
""", """
## Numbers: who asserts them?

A number in the writer's sentence is presented as fact; a number in a speaker's words is that
speaker's claim. Choose each number in the list to see who asserts it:
"""),
        *code('numbers = ArticleExplorer(lenses=("numbers",))\nnumbers'),
        *md("""
**سؤال:** «أكثر من مليون نازح» في كلام نتنياهو المنقول، أم خلفية أضافها الكاتب؟ في الكلام غير
المباشر لا تظهر حدود كلام المتكلم، والآلة هنا تختار أحد الاحتمالين.

## ما تضيفه عناوين الأخبار ذات الصلة

العناوين تحمل اقتباسات أيضًا: «جاوز الحد» و«تجاوز الحد» و«كارثة». القارئ يراها مع الخبر، فهي
جزء من إطاره وإن لم تكن جزءًا من نصه.
""", """
**Question:** is «more than a million displaced people» in Netanyahu's reported words, or
background the writer added? In indirect speech the speaker's words have no visible edges, and
the machine picks one of the two readings here.

## What the related-news headlines add

The headlines carry quotes too: «جاوز الحد» and «تجاوز الحد» (went too far) and «كارثة»
(disaster). Readers see them with the story, so they are part of its frame even if they are not
part of its text.
"""),
        *md("""
## صنّف الفقرات بنفسك

لكل فقرة: اقرأها، أجب عن أسئلة الدليل، واختر **الإطار الغالب** (أو «لا إطار غالب»). ثم اضغط
«قارن بمفتاح المعلم» لترى مدى اتفاقك معه (نسبة الاتفاق، ومعامل كابا لكوهين الذي يطرح
الاتفاق الذي يحدث بالصدفة). المفتاح حكم معلّل لا حقيقة مطلقة: الاختلاف بداية النقاش.
""", """
## Code the paragraphs yourself

For each paragraph: read it, answer the codebook questions, and choose the **dominant frame** (or
«no dominant frame»). Then press «Compare with the teacher's key» to see how far you agree with it
(percent agreement, and Cohen's kappa, which discounts the agreement expected by chance). The key
is a reasoned judgement, not the truth: disagreement is where discussion starts.
"""),
        *code("annotator = FrameAnnotator()\nannotator"),
        *self_check(p),
        *ending(p, "في الدفتر التالي: غيّر أنت الكلمات، وراقب الإطار يتغير.",
                "Next: change the words yourself and watch the frame change."),
        *test_driver(f"""
annotator.go(0)
annotator.frame.value = "conflict"
comparison = annotator.compare()
assert comparison.compared == 1 and comparison.agreement == 1.0, comparison
assert annotator.last_error is None and explorer.last_error is None
assert numbers.last_error is None and "130" in numbers.view.value
{check_exercise("verb_insisted", "neutral", "assertive")}
{check_exercise("captives", ["muhtajazin", "rahain"], ["muhtajazin", "asra"])}
"""),
    ]


def reframe() -> list:
    p = 5
    return [
        *navigation(p),
        *title(p, """
الآن دورك: غيّر فعلًا أو كلمة أو علامة تنصيص في جمل المقال، وشاهد العدسات تتغير. الهدف ليس
كتابة نص «محايد» تمامًا (وهذا نادرًا ما يوجد)، بل أن ترى كيف يصنع كل اختيار صغير إطارًا.
""", """
Your turn: change a verb, a word or a pair of quotation marks in the article's sentences, and
watch the lenses change. The aim is not to write a perfectly «neutral» text (one rarely exists),
but to see how each small choice builds a frame.
"""),
        *setup("from kit.widgets import ArticleExplorer, ReframeLab"),
        *md("""
## مختبر إعادة التأطير

اختر جملة، ثم اختر الكلمة التي تريد تغييرها وبديلها. المختبر يعيد التحليل ويبين ما تغيّر في
العدسات. جرّب على الأقل هذه التغييرات الثلاثة:

1. «أصر» ← «قال» (في جملة «أصر نتنياهو على أن الطريقة الوحيدة...»)
2. «الرد العسكري» ← «العدوان» (في جملة بايدن «مفرط»)
3. «المحتجزين» ← «الرهائن»، ثم «الأسرى»

ثم جرّب تغييرات من عندك.
""", """
## The reframing lab

Choose a sentence, then the word you want to change and its replacement. The lab analyses the
text again and shows what changed in the lenses. Try at least these three changes:

1. «أصر» (insisted) → «قال» (said), in «أصر نتنياهو على أن الطريقة الوحيدة...»
2. «الرد العسكري» (the military response) → «العدوان» (the aggression), in Biden's «مفرط» sentence
3. «المحتجزين» (detainees) → «الرهائن» (hostages), then «الأسرى» (captives)

Then try changes of your own.
"""),
        *code("lab = ReframeLab()\nlab"),
        *md("""
## تعديل حر: علامات التنصيص

المختبر يبدّل الأفعال والكلمات فقط. لتغييرات أخرى اكتب الجملة بنفسك في الخلية التالية وشغّلها.
الجملة فيها الآن «وهمية» **بلا** علامتي تنصيص: مَن يقول الكلمة الآن؟ أعد العلامتين وقارن.
""", """
## Free editing: quotation marks

The lab only swaps verbs and words. For other changes, write the sentence yourself in the next
cell and run it. The sentence now has «وهمية» (delusional) **without** its quotation marks: who
says the word now? Put the marks back and compare.
"""),
        *code('MY_SENTENCE = "غير أن نتنياهو رفض هذه المقترحات ووصفها بأنها وهمية."\n'
              'ArticleExplorer(MY_SENTENCE, lenses=("quotes", "reporting_verbs", "loaded_terms"))'),
        *md("""
**أسئلة:** أي تغيير غيّر صورة المتكلم؟ أيها غيّر من يتحمل مسؤولية الكلمة، الكاتب أم المتكلم؟
هل صار النص أصدق، أم فقط مختلفًا؟

في أسئلة التأمل أدناه اكتب مقدمة بديلة بكلماتك، ثم ارجع إلى توقعك في الدفتر 00.
""", """
**Questions:** which change altered the picture of a speaker? Which one changed who is
responsible for a word, the writer or the speaker? Did the text become truer, or only different?

In the reflection questions below, write an alternative lead in your own words, then look back at
your expectation in notebook 00.
"""),
        *self_check(p),
        *ending(p, "في الدفتر الأخير: حلّل مقالًا تختاره أنت، وقارن تغطيتين لحدث واحد.",
                "In the last notebook: analyse an article you choose, and compare two outlets' "
                "coverage of one event."),
        *test_driver(f"""
sentence = next(i for i, s in enumerate(lab.sentences) if "أصر نتنياهو" in s.text)
result = lab.choose(sentence, "أصر", "قال")
assert any(h.lens == "reporting_verbs" and h.category == "neutral"
           for h in result.readings["rewritten"]), result
assert lab.last_error is None, lab.last_error
assert not any(q.text == "وهمية" for q in kit.analyze(MY_SENTENCE + "\\n").quotes)
{check_exercise("insisted_to_said", "assertive", "neutral")}
self_check.answer("neutral_lead", "كشفت صحيفة فايننشال تايمز حجم التباين بين نتنياهو وبلينكن.")
assert self_check.check("neutral_lead").correct is None and self_check.last_error is None
"""),
    ]


SAMPLE_ARTICLE = """
أعلنت وزارة التربية في جمهورية الساحل، يوم الاثنين، تقديم موعد امتحانات نهاية العام أسبوعين.

وقال وزير التربية مازن العلي في بيان: "القرار يمنح الطلاب وقتا أطول للراحة قبل الصيف".

وقالت نقابة المعلمين إن القرار "متسرع".

وحذر رئيس النقابة فادي يوسف من أن المعلمين لن يتمكنوا من إنهاء المناهج، مضيفا أن أكثر من 3 آلاف مدرسة تعاني نقصا في المعلمين.
"""

OUTLET_A = """
أعلنت بلدية مدينة الواحة، يوم الأحد، رفع أجرة الحافلات العامة بنسبة 20 في المئة ابتداء من الشهر المقبل.

وقال رئيس البلدية سامي نصار في مؤتمر صحفي: "هذه الزيادة ضرورية لتحديث الأسطول وتحسين الخدمة".

وأضاف أن البلدية ستشتري 40 حافلة جديدة قبل نهاية العام.

وأكد وليد حداد، مدير النقل في البلدية، أن الأجرة الجديدة "تبقى من الأدنى في المنطقة".

وأوضح نصار أن الطلاب وكبار السن سيحصلون على بطاقات مخفضة.
"""

OUTLET_B = """
رفعت بلدية مدينة الواحة أجرة الحافلات العامة بنسبة 20 في المئة، في خطوة أثارت غضب الركاب.

وقالت هند سالم، وهي ممرضة تستقل الحافلة يوميا: "لم نعد قادرين على تحمل تكاليف التنقل إلى العمل".

وحذرت نقابة سائقي الحافلات من أن الزيادة "لن تصل إلى جيوب السائقين".

وزعم رئيس البلدية سامي نصار أن الزيادة "ضرورية".

وقال مصدر مطلع في البلدية إن القرار اتخذ دون استشارة السكان.

ويستخدم الحافلات أكثر من 100 ألف راكب يوميا، بحسب أرقام البلدية.
"""


def _text_variable(name: str, text: str) -> str:
    return f'{name} = """\n{text.strip()}\n"""'


def bring_your_own() -> list:
    p = 6
    return [
        *navigation(p),
        *title(p, """
كل ما تعلمته يعمل على أي خبر عربي. الصق خبرًا تختاره، وشغّل العدسات والخرائط والرسوم والاختبار
عليه، ثم قارن تغطيتين لحدث واحد. تذكّر أن الآلة قد تخطئ، خصوصًا مع أسماء لا تعرفها: تحقق بنفسك.
""", """
Everything you learned works on any Arabic news story. Paste a story you choose, run the lenses,
maps, charts and quiz on it, then compare two outlets' coverage of one event. Remember that the
machine can be wrong, especially with names it does not know: check for yourself.
"""),
        *setup("from IPython.display import display, Markdown",
               "import ipywidgets as widgets",
               "from kit import lenses", "from kit.lenses import voices", "from kit.view import plots",
               "from kit.widgets import ArticleExplorer, FrameAnnotator, PasteBox, QuoteQuiz, SourceMap",
               article=False),
        *md("""
## مقالك

الصق مقالك في المربع أدناه واضغط «حلّل»، ثم شغّل الخلايا التالية (من قائمة Run: «Run Selected
Cell and All Below»). اترك سطرًا فارغًا بين الفقرات. يبقى مقالك محفوظًا في مجلد `my_work` ويعود
إلى المربع إذا أعدت فتح الدفتر.

ما دام المربع فارغًا، تعمل الخلايا على `MY_ARTICLE`: مقال قصير **متخيَّل** كتبناه مثالًا (الأسماء
والبلد غير حقيقية). ويمكنك أيضًا أن تلصق مقالك بين علامات `\"\"\"` مكان المثال، أو أن تضعه في ملف
نصي بجانب الدفاتر وتكتب اسمه: `MY_ARTICLE = "my_article.txt"`.
""", """
## Your article

Paste your article in the box below and press Analyse, then run the cells below (Run menu: «Run
Selected Cell and All Below»). Leave an empty line between paragraphs. Your article is saved in
the `my_work` folder and comes back into the box when you open the notebook again.

While the box is empty, the cells work on `MY_ARTICLE`: a short **invented** article we wrote as
an example (the names and the country are not real). You can also paste your article between
the `\"\"\"` marks in place of the example, or put it in a text file beside the notebooks and
write its name: `MY_ARTICLE = "my_article.txt"`.
"""),
        *code(_text_variable("MY_ARTICLE", SAMPLE_ARTICLE)),
        *code("paste = PasteBox(MY_ARTICLE)\npaste"),
        *md("""
الخلايا التالية تعمل على `mine`: مقالك الملصوق إن حلّلته، وإلا `MY_ARTICLE`.
""", """
The cells below work on `mine`: your pasted article once analysed, otherwise `MY_ARTICLE`.
"""),
        *code("mine = paste.analysis\nArticleExplorer(mine)"),
        *md("## المصادر والأصوات", "## Sources and voices"),
        *code("SourceMap(mine)"),
        *code("plots.quoted_words_chart(voices.quoted_words(mine))"),
        *code("plots.verbs_by_connotation_chart(voices.verbs_by_speaker(mine))"),
        *code('plots.frame_strip_chart(lenses.frame_scores(mine), [f["id"] for f in lenses.frames()])'),
        *md("""
## اختبر نفسك على مقالك

الإجابات هنا هي ما وجدته الآلة في مقالك: إن خالفتها وأنت واثق، فالخطأ قد يكون خطأها.
""", """
## Test yourself on your article

The answers here are what the machine found in your article: if you disagree and are sure, the
mistake may be the machine's.
"""),
        *code('own_quiz = QuoteQuiz(mine, save_as="quote_quiz_own")\nown_quiz'),
        *code('own_frames = FrameAnnotator(mine, save_as="frame_annotations_own")\nown_frames'),
        *md("""
## موقعان وحدث واحد

هذان خبران **متخيَّلان** عن حدث واحد: رفع أجرة الحافلات في مدينة متخيَّلة. كلاهما صادق في كل
جملة. قارن: مَن يتكلم في كل منهما؟ بكم كلمة؟ وبأي أفعال؟ ثم الصق مكانهما تغطيتين حقيقيتين لحدث
واحد من موقعين مختلفين.
""", """
## Two outlets, one event

These are two **invented** stories about one event: a bus-fare rise in an invented city. Both are
true in every sentence. Compare: who speaks in each? With how many words? With which verbs? Then
paste two real outlets' coverage of one event in their place.
"""),
        *code(_text_variable("OUTLET_A", OUTLET_A) + "\n\n" + _text_variable("OUTLET_B", OUTLET_B)
              + '\n\nOUTLETS = {"الأفق": OUTLET_A, "المرصد": OUTLET_B}'),
        *code("def column(name, text):\n"
              "    analysis, out = kit.analyze(text), widgets.Output(layout={\"width\": \"50%\"})\n"
              "    with out:\n"
              "        display(Markdown(f\"### {name}\"),\n"
              "                plots.source_types_chart(voices.source_type_counts(analysis)),\n"
              "                plots.quoted_words_chart(voices.quoted_words(analysis)),\n"
              "                plots.verbs_by_connotation_chart(voices.verbs_by_speaker(analysis)))\n"
              "    return out\n\n"
              "side_by_side = {\"flex_flow\": \"row-reverse\" if kit.get_language() == \"ar\" else \"row\"}\n"
              "widgets.HBox([column(name, text) for name, text in OUTLETS.items()], layout=side_by_side)"),
        *md("""
**نقاش:** هل يكذب أحد الموقعين؟ إن لم يكن، فما الذي يجعل القارئين يخرجان بانطباعين مختلفين؟
""", """
**Discuss:** is either outlet lying? If not, what makes their readers come away with different
impressions?
"""),
        *self_check(p),
        *md("""
## النهاية

أنهيت الدروس. في الدفتر 00 ترى تقدمك، ويمكنك أن تنزّل كل عملك في ملف واحد لتسلّمه لمعلمك.
""", """
## The end

You have finished the course. Notebook 00 shows your progress, and you can download all your work
as one file to hand in to your teacher.
"""),
        *test_driver(f"""
assert not paste.pasted and paste.last_error is None and mine.text == paste.text
assert len(mine.quotes) >= 3 and all(q.speaker for q in mine.quotes), mine.quotes
right = own_quiz.expected(0)
own_quiz.answer(0, speaker=right["speaker"], kind=right["kind"], cue=right["cue"])
own_quiz.check(0)
assert own_quiz.score == 1 and own_quiz.last_error is None
own_frames.go(0)
own_frames.frame.value = "conflict"
assert own_frames.compare() is None and own_frames.last_error is None  # no key for this article
{check_exercise("most_words_b", "mayor", "nurse")}
{check_exercise("anonymous_source", "ufuq", "marsad")}
"""),
    ]


BUILDERS = {"00_start_here": start_here, "01_anatomy": anatomy, "02_sourcing": sourcing,
            "03_quotes": quotes, "04_framing": framing, "05_reframe": reframe,
            "06_bring_your_own": bring_your_own}


def build(stem: str) -> nbformat.NotebookNode:
    """The notebook `stem` as it should be stored: no outputs, stable ids, python3 kernel."""
    position = [name for name, _, _ in COURSE].index(stem)
    _, name, minutes = COURSE[position]
    notebook = new_notebook(cells=BUILDERS[stem]())
    for number, cell in enumerate(notebook.cells):
        cell.id = f"{stem[:2]}-{number:02d}"
    notebook.metadata = {"kernelspec": KERNELSPEC, "language_info": LANGUAGE_INFO,
                         "framing_lab": {"title": name, "minutes": minutes}}
    nbformat.validate(notebook)
    return notebook


def stored(stem: str) -> nbformat.NotebookNode:
    return nbformat.read(NOTEBOOKS_DIR / f"{stem}.ipynb", as_version=4)


def main(argv: list[str]) -> int:
    stale = []
    for stem, _, _ in COURSE:
        notebook, path = build(stem), NOTEBOOKS_DIR / f"{stem}.ipynb"
        if "--check" in argv:
            if not path.exists() or stored(stem) != notebook:
                stale.append(path.name)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(notebook, path)
        print(f"wrote {path.relative_to(ROOT)} ({len(notebook.cells)} cells)")
    if stale:
        print("out of date (run python scripts/make_notebooks.py):", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
