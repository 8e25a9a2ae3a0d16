"""Charts render, describe their data in words, follow the reading direction, and Arabic
on them reads the right way round (joined, right to left)."""
import base64
import shutil
import unicodedata
from pathlib import Path

import matplotlib
import matplotlib.ft2font
import numpy as np
import pytest
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image, ImageChops, ImageDraw, ImageFont, ImageStat, features

from kit.view import plot_text as arabic_plot_text, plots
from kit.view.plot_text import plot_text
from kit.course.i18n import get_language, set_language, t

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts" / "plots"

WORDS = {"Aaron David Miller": 52, "Joe Biden": 20, "أنتوني بلينكن": 14, "الصحيفة": 5, "Nobody": 0}
VERBS = {
    "Aaron David Miller": {"neutral": 3, "critical": 2, "evaluative": 1},
    "بلينكن": {"neutral": 2, "assertive": 2},
    "Joe Biden": {"assertive": 1, "doubting": 1},
}
FRAMES = ["conflict", "human_interest", "responsibility", "morality", "economic"]
SCORES = [{"conflict": 0.8, "morality": 0.1}, {"conflict": 0.3, "human_interest": 0.5}, {},
          {"economic": 0.9}, {"conflict": 0.4}, {"morality": 0.6}]
SOURCES = {"person": 6, "media": 2, "body": 3, "anonymous": 1}
VOICES = {  # the shape of kit.lenses.voices.who_speaks, values left out count 0
    "category": {"official": {"sources": 2, "statements": 5, "words": 40},
                 "witness or citizen": {"sources": 1, "statements": 1, "words": 6}},
    "gender": {"male": {"sources": 2, "statements": 5, "words": 40},
               "female": {"sources": 1, "statements": 1, "words": 6}},
    "naming": {"named": {"sources": 3, "statements": 6, "words": 46}},
}


@pytest.fixture(params=["ar", "en"])
def lang(request):
    before = get_language()
    set_language(request.param)
    yield request.param
    set_language(before)


def all_charts() -> dict[str, plots.Chart]:
    return {
        "quoted_words": plots.quoted_words_chart(WORDS),
        "verbs_by_connotation": plots.verbs_by_connotation_chart(VERBS),
        "frame_strip": plots.frame_strip_chart(SCORES, FRAMES),
        "source_types": plots.source_types_chart(SOURCES),
        "voices": plots.voices_chart(VOICES),
        "empty": plots.quoted_words_chart({}),
    }


def empty_charts() -> list[plots.Chart]:
    return [plots.quoted_words_chart({}), plots.quoted_words_chart({"Joe Biden": 0}),
            plots.verbs_by_connotation_chart({}), plots.verbs_by_connotation_chart({"X": {}}),
            plots.frame_strip_chart([], FRAMES), plots.frame_strip_chart(SCORES, []),
            plots.source_types_chart({}), plots.source_types_chart({"person": 0}),
            plots.voices_chart({}), plots.voices_chart({"gender": {"male": {"sources": 0}}})]


def y_labels(chart) -> list[str]:
    return [label.get_text() for label in chart.figure.axes[0].get_yticklabels()]


# ------------------------------------------------------------------ rendering


def test_every_chart_renders_a_png_with_ink(lang, tmp_path):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for name, chart in all_charts().items():
        path = chart.save_png(tmp_path / f"{name}_{lang}.png")
        shutil.copy(path, ARTIFACTS / path.name)  # for people to look at
        with Image.open(path) as image:
            assert image.width > 300 and image.height > 150, name
            darkest, lightest = image.convert("L").getextrema()
            assert darkest < 100 and lightest == 255, f"{name} looks blank"
            assert image.info["Description"] == chart.alt_text(), name


def test_chart_displays_in_jupyter_with_alt_text(lang):
    chart = plots.quoted_words_chart(WORDS)
    bundle = chart._repr_mimebundle_()
    assert base64.b64decode(bundle["image/png"]).startswith(b"\x89PNG")
    assert bundle["text/plain"] == chart.alt_text() == (
        chart.alt_text_ar if lang == "ar" else chart.alt_text_en)
    assert 'alt="' in bundle["text/html"] and "Joe Biden 20" in bundle["text/html"]
    assert f'lang="{lang}"' in bundle["text/html"]
    assert isinstance(chart.figure.canvas, FigureCanvasAgg)


def test_empty_data_says_nothing_to_show(lang):
    for chart in empty_charts():
        texts = [text.get_text() for text in chart.figure.axes[0].texts]
        assert texts == [plot_text(t("chart_nothing_to_show"))]
        assert chart.alt_text_en.endswith(": nothing to show.")
        assert chart.alt_text_ar.endswith(": لا شيء لعرضه.")


def test_unknown_categories_are_refused():
    with pytest.raises(ValueError, match="connotation"):
        plots.verbs_by_connotation_chart({"X": {"sarcastic": 1}})
    with pytest.raises(ValueError, match="source type"):
        plots.source_types_chart({"pigeon": 1})
    with pytest.raises(ValueError, match="gender"):
        plots.voices_chart({"gender": {"robot": {"sources": 1}}})
    with pytest.raises(ValueError, match="group"):
        plots.voices_chart({"age": {}})


# ------------------------------------------------------------------ content


def test_alt_text_describes_the_data_in_both_languages(lang):
    charts = all_charts()
    words = charts["quoted_words"]
    assert words.alt_text_en == ("Quoted words per speaker (bar chart): Aaron David Miller 52, "
                                 "Joe Biden 20, أنتوني بلينكن 14, الصحيفة 5.")
    assert "Aaron David Miller 52، Joe Biden 20، أنتوني بلينكن 14" in words.alt_text_ar
    verbs = charts["verbs_by_connotation"]
    assert "Aaron David Miller: Neutral 3, Critical 2, Evaluative 1; بلينكن:" in verbs.alt_text_en
    assert "Joe Biden: تأكيدي 1" in verbs.alt_text_ar
    strip = charts["frame_strip"]
    assert "(heat strip, 6 paragraphs)" in strip.alt_text_en
    assert "Conflict strongest in paragraph 1 (0.8)" in strip.alt_text_en
    assert "Responsibility absent" in strip.alt_text_en
    assert "العواقب الاقتصادية أقوى في الفقرة 4 (0.9)" in strip.alt_text_ar
    sources = charts["source_types"]
    assert "Person 6, Official (by title) 0, Media 2, Official body 3, Group 0, Anonymous 1." in sources.alt_text_en


def test_bars_are_largest_first_and_labels_translated(lang):
    charts = all_charts()
    assert y_labels(charts["quoted_words"]) == [
        plot_text(name) for name in ("Aaron David Miller", "Joe Biden", "أنتوني بلينكن", "الصحيفة")]
    assert y_labels(charts["source_types"]) == [
        plot_text(t(f"source_type_{kind}")) for kind in plots.SOURCE_TYPES]
    assert y_labels(charts["frame_strip"]) == [plot_text(t(f"frame_{f}")) for f in FRAMES]
    legend = charts["verbs_by_connotation"].figure.legends[0]
    shown = [plot_text(t(f"connotation_{k}")) for k in plots.CONNOTATIONS]
    assert sorted(text.get_text() for text in legend.get_texts()) == sorted(shown)
    title = charts["quoted_words"].figure.axes[0].get_title(loc="right" if lang == "ar" else "left")
    assert title == plot_text(t("chart_quoted_words"))


def test_voices_chart_has_a_panel_per_group_and_measure(lang):
    """Rows: kind of source, gender, named; columns: sources, statements, words (sources first
    in the reading direction); every value in its fixed order, with its number."""
    chart = plots.voices_chart(VOICES)
    axes = chart.figure.axes
    assert len(axes) == 9
    reading = [ax.get_title() for ax in axes[:3]]
    measures = [plot_text(t(f"chart_voices_{m}")) for m in ("sources", "statements", "words")]
    assert reading == (measures[::-1] if lang == "ar" else measures)
    labelled = axes[2] if lang == "ar" else axes[0]
    assert [label.get_text() for label in labelled.get_yticklabels()] == [
        plot_text(t(f"voice_category_{v.replace(' ', '_')}")) for v in plots.VOICE_GROUPS["category"]]
    gender_sources = axes[5] if lang == "ar" else axes[3]
    assert [text.get_text() for text in gender_sources.texts] == ["2", "1", "0"]
    assert all(ax.xaxis_inverted() == (lang == "ar") for ax in axes)
    headings = [text.get_text() for text in chart.figure.texts][:3]   # then the suptitle
    assert headings == [plot_text(t(f"chart_voices_by_{g}")) for g in plots.VOICE_GROUPS]
    assert chart.alt_text_en == (
        "Who gets to speak? (bar charts of sources, statements and words): Kind of source: "
        "Official (sources 2, statements 5, words 40), Witness or citizen (sources 1, statements 1, "
        "words 6); Gender: Men (sources 2, statements 5, words 40), Women (sources 1, statements 1, "
        "words 6); Named or not: Named (sources 3, statements 6, words 46).")
    assert "نساء (المصادر 1، التصريحات 1، الكلمات 6)" in chart.alt_text_ar


def test_charts_follow_the_reading_direction(lang):
    strip = plots.frame_strip_chart(SCORES, FRAMES).figure.axes[0]
    strip.figure.canvas.draw()
    first, second = (strip.transData.transform((x, 0))[0] for x in (0, 1))
    assert (first > second) == (lang == "ar"), "paragraph 1 must be at the right in Arabic"
    bars = plots.quoted_words_chart(WORDS).figure.axes[0]
    assert bars.xaxis_inverted() == (lang == "ar")


# ------------------------------------------------------------------ plot_text


def test_plot_text_leaves_text_alone_when_matplotlib_shapes(monkeypatch):
    monkeypatch.setattr(arabic_plot_text, "matplotlib_shapes_arabic", lambda: True)
    for text, lang in (("بلينكن", "ar"), ("مُؤَكِّدًا", "ar"), ("Joe Biden 52", "en"), ("", "en"), ("", "ar")):
        assert plot_text(text, lang) == text
    # Only a label whose first letter runs against the chart gets the chart's direction mark.
    assert plot_text("«كشفت» (reveal)", "en") == "\u200e«كشفت» (reveal)"
    assert plot_text("Financial Times قالت", "ar") == "\u200fFinancial Times قالت"


def test_plot_text_reshapes_and_reorders_for_older_matplotlib(monkeypatch):
    monkeypatch.setattr(arabic_plot_text, "matplotlib_shapes_arabic", lambda: False)
    shaped = plot_text("بلينكن")
    assert all("\ufe70" <= c <= "\ufeff" for c in shaped)  # presentation forms only
    assert "NOON FINAL FORM" in unicodedata.name(shaped[0])  # last letter drawn leftmost
    assert "BEH INITIAL FORM" in unicodedata.name(shaped[-1])
    assert plot_text("Joe Biden 52") == "Joe Biden 52"
    assert plot_text("") == ""


@pytest.fixture
def fresh_detection():
    arabic_plot_text.matplotlib_shapes_arabic.cache_clear()
    yield
    arabic_plot_text.matplotlib_shapes_arabic.cache_clear()


def test_detection_follows_libraqm(monkeypatch, fresh_detection):
    monkeypatch.setattr(matplotlib.ft2font, "__libraqm_version__", "0.10.1", raising=False)
    assert arabic_plot_text.matplotlib_shapes_arabic()
    arabic_plot_text.matplotlib_shapes_arabic.cache_clear()
    monkeypatch.delattr(matplotlib.ft2font, "__libraqm_version__", raising=False)
    assert not arabic_plot_text.matplotlib_shapes_arabic()


def test_detection_matches_the_installed_matplotlib(fresh_detection):
    version = tuple(int(part) for part in matplotlib.__version__.split(".")[:2])
    assert arabic_plot_text.matplotlib_shapes_arabic() == (version >= (3, 11))


# ------------------------------------------------------------------ reversal test
# Arabic drawn by matplotlib is compared with the same word laid out by Pillow + libraqm,
# an independent shaping engine, in the same font. Both are cropped to their ink and
# scaled to one size; the mean absolute pixel difference (0-255) is small (measured 4-8)
# when matplotlib draws the word joined and right to left, large (measured 48-70) when it
# draws it reversed, shaped twice or unjoined. Each test also checks that a wrong
# rendering IS caught, so the test can fail.

CLOSE, FAR = 20, 35
DEJAVU = font_manager.findfont("DejaVu Sans")
ARABIC = ["الصحيفة", "بلينكن", "أنتوني بلينكن"]
ARABIC_IDS = ["al-sahifa", "blinken", "antony-blinken"]
needs_raqm = pytest.mark.skipif(
    not features.check("raqm"),
    reason="Pillow has no libraqm, so there is no independent Arabic reference rendering "
           "(install libraqm, e.g. Debian's libraqm0, then Pillow finds it at run time)")


def ink(image: Image.Image) -> Image.Image:
    """`image` (greyscale, dark on white) cropped to the bounding box of its dark pixels."""
    return image.crop(image.point(lambda v: 255 if v < 128 else 0).getbbox())


def drawn(fig: Figure) -> Image.Image:
    fig.canvas.draw()
    return Image.fromarray(np.asarray(fig.canvas.buffer_rgba())).convert("L")


def matplotlib_ink(text: str) -> Image.Image:
    fig = Figure(figsize=(7, 1.6), dpi=100)
    FigureCanvasAgg(fig)
    fig.text(0.5, 0.5, text, fontsize=48, family="DejaVu Sans", ha="center", va="center")
    return ink(drawn(fig))


def raqm_ink(text: str, direction: str | None = None) -> Image.Image:
    font = ImageFont.truetype(DEJAVU, 64, layout_engine=ImageFont.Layout.RAQM)
    image = Image.new("L", (1400, 200), 255)
    ImageDraw.Draw(image).text((20, 40), text, font=font, fill=0, direction=direction)
    return ink(image)


def difference(a: Image.Image, b: Image.Image, size=(240, 60)) -> float:
    return ImageStat.Stat(ImageChops.difference(a.resize(size), b.resize(size))).mean[0]


def wrong_path(word: str) -> str:
    """What the other branch of `plot_text` would hand to this matplotlib."""
    if arabic_plot_text.matplotlib_shapes_arabic():
        return arabic_plot_text._reshape_and_reorder(word)  # shaped twice: reversed
    return word  # not shaped at all: unjoined, left to right


@needs_raqm
@pytest.mark.parametrize("word", ARABIC, ids=ARABIC_IDS)
def test_arabic_reads_joined_and_right_to_left(word):
    reference = raqm_ink(word)
    right = difference(matplotlib_ink(plot_text(word)), reference)
    assert right < CLOSE, f"{word!r} does not look like the reference: {right:.1f}"
    for label, wrong in [("reversed", plot_text(word[::-1])), ("other path", wrong_path(word)),
                         ("unjoined", plot_text("\u200c".join(word)))]:
        far = difference(matplotlib_ink(wrong), reference)
        assert far > FAR, f"the test cannot see a {label} {word!r}: {far:.1f}"


def chart_label_ink(name: str) -> Image.Image:
    """The y tick label `name` as drawn on a real chart, at 400 dpi."""
    fig = plots.quoted_words_chart({name: 3}).figure
    fig.set_dpi(400)
    image = drawn(fig)
    box = fig.axes[0].get_yticklabels()[0].get_window_extent()
    top = image.height - box.y1
    return ink(image.crop((int(box.x0) - 2, int(top) - 2, int(box.x1) + 2,
                           int(top + box.height) + 2)))


@needs_raqm
@pytest.mark.parametrize("word", ARABIC[:2], ids=ARABIC_IDS[:2])
def test_arabic_names_read_right_on_charts(lang, word):
    reference = raqm_ink(word)
    right = difference(chart_label_ink(word), reference)
    assert right < CLOSE, f"{word!r} on a {lang} chart: {right:.1f}"
    far = difference(chart_label_ink(word[::-1]), reference)
    assert far > FAR, f"the test cannot see a reversed {word!r} on a {lang} chart: {far:.1f}"


MIXED = "«كشفت» (reveal)"


@needs_raqm
@pytest.mark.parametrize("chart_lang, way, other", [("en", "ltr", "rtl"), ("ar", "rtl", "ltr")])
def test_a_label_mixing_scripts_runs_the_charts_way(chart_lang, way, other):
    """«كشفت» (reveal) starts with an Arabic letter: laid out by its first letter it would run
    right to left on an English chart, its parts in reverse order. It runs the chart's way."""
    before = get_language()
    set_language(chart_lang)
    try:
        label = chart_label_ink(MIXED if chart_lang == "en" else "Financial Times قالت")
        reference = MIXED if chart_lang == "en" else "Financial Times قالت"
    finally:
        set_language(before)
    right, wrong = difference(label, raqm_ink(reference, way)), difference(label, raqm_ink(reference, other))
    assert right < CLOSE, f"{reference!r} on a {chart_lang} chart: {right:.1f}"
    assert wrong > FAR, f"the test cannot tell the two directions apart: {wrong:.1f}"
