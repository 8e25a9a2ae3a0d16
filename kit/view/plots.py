"""Charts a student would rather look at than read.

Every function takes plain data (dicts and lists of numbers keyed by names) and returns a
`Chart`: a matplotlib `Figure` plus a description of the data in words, in English and in
Arabic, used as alt text when the chart is shown in Jupyter or saved.

Conventions shared by all charts:

* Titles, axis labels, legends and category names are in the current interface language
  (`kit.i18n.get_language()` when the chart is built). Every string drawn goes through
  `plot_text`, so Arabic (speaker names too) reads correctly on any matplotlib version.
* In Arabic the chart is mirrored to follow the reading direction: the title sits at the
  right, category labels on the right, bars grow leftwards, paragraph 1 is at the right.
* Categories take colours from the Okabe-Ito palette (distinguishable with the common
  colour-vision deficiencies) and differ by hatching too; the heat strip uses one hue from
  light to dark (readable in greyscale). Counts and scores are written on the chart, so
  colour is never the only cue.
* No data (an empty dict, or only zeros) gives a chart saying "nothing to show".
* Figures are built with the object-oriented API and drawn by the Agg backend; nothing
  touches pyplot's global state, so charts never pop up twice in a notebook.

Limits: bar charts stay legible up to about 25 bars (the figure grows with the number of
rows, up to 10 inches); names longer than 40 characters are shortened on the chart (the alt
text keeps them whole); the heat strip writes each score in its cell only up to 24
paragraphs. Font: DejaVu Sans, bundled with matplotlib (so it exists on Binder) and covering
Arabic.
"""
import base64
import html
import io
from dataclasses import dataclass
from pathlib import Path

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator
from matplotlib.transforms import blended_transform_factory

from .palette import BLUE, GREEN, GREY, ORANGE, PURPLE, SKY_BLUE, VERMILLION, YELLOW  # noqa: F401
from .plot_text import plot_text
from ..course.i18n import LANGUAGES, get_language, t
from ..engine.arabic import BIDI_CONTROLS
from ..lenses.verbs import CATEGORIES
from ..lenses.voices import MEASURES, VOICE_GROUPS

FONT = "DejaVu Sans"
_RC = {"font.family": "sans-serif", "font.sans-serif": [FONT], "hatch.linewidth": 0.7}

EDGE = "#333333"  # bar outlines and hatch lines

CONNOTATIONS = CATEGORIES  # the reporting verbs' categories, from data/cue_verbs.tsv
SOURCE_TYPES = ("person", "official", "media", "body", "group", "anonymous")
# category -> (fill colour, hatch)
_CONNOTATION_STYLE = {
    "neutral": (GREY, ""), "assertive": (SKY_BLUE, "//"), "doubting": (YELLOW, "\\\\"),
    "critical": (VERMILLION, "xx"), "evaluative": (PURPLE, ".."),
}
_SOURCE_STYLE = {
    "person": (ORANGE, ""), "official": (PURPLE, "--"), "media": (SKY_BLUE, "//"), "body": (GREEN, "\\\\"),
    "group": (YELLOW, ".."), "anonymous": (GREY, "xx"),
}
# how much -> (fill colour, hatch) in the chart of who gets to speak
_MEASURE_STYLE = {"sources": (BLUE, ""), "statements": (ORANGE, "//"), "words": (GREEN, "..")}
_BAR_LINES = dict(edgecolor=EDGE, linewidth=0.6, height=0.7)
_MAX_LABEL = 40
_NO_BIDI = dict.fromkeys(map(ord, BIDI_CONTROLS))
_MAX_ANNOTATED_PARAGRAPHS = 24


@dataclass(frozen=True)
class Chart:
    """A drawn chart and what it shows in words. `lang` is the language of its labels."""

    figure: Figure
    alt_text_en: str
    alt_text_ar: str
    lang: str = "en"

    def alt_text(self, lang: str | None = None) -> str:
        """The description in `lang` (default: the language the chart is labelled in)."""
        return self.alt_text_ar if (lang or self.lang) == "ar" else self.alt_text_en

    def png_bytes(self, dpi: int = 100) -> bytes:
        """The chart as PNG, with the alt text stored in the file's Description field."""
        buffer = io.BytesIO()
        with matplotlib.rc_context(_RC):
            self.figure.savefig(buffer, format="png", dpi=dpi,
                                metadata={"Description": self.alt_text()})
        return buffer.getvalue()

    def save_png(self, path, dpi: int = 150) -> Path:
        """Write the chart to `path` as PNG and return the path."""
        path = Path(path)
        path.write_bytes(self.png_bytes(dpi))
        return path

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        png = base64.b64encode(self.png_bytes()).decode("ascii")
        direction = "rtl" if self.lang == "ar" else "ltr"
        alt = html.escape(self.alt_text(), quote=True)
        img = (f'<img src="data:image/png;base64,{png}" alt="{alt}" lang="{self.lang}" '
               f'dir="{direction}" style="max-width:100%">')
        return {"text/html": img, "image/png": png, "text/plain": self.alt_text()}


# ---------------------------------------------------------------- the charts


def quoted_words_chart(words_by_speaker: dict[str, int],
                       title_key: str = "chart_quoted_words", scale: float | None = None) -> Chart:
    """Horizontal bars of quoted words per speaker, largest on top.

    `words_by_speaker` maps a speaker's name to a number of words; speakers with 0 are left
    out; ties are ordered by name. `title_key` is the UI string used as title (and in the
    alt text), so the same chart can show other counts per speaker. `scale`: the axis runs to
    (a little past) this value, so charts drawn side by side share one scale.
    """
    rows = _largest_first(words_by_speaker)
    if not rows:
        return _nothing_to_show(title_key)
    fig, ax = _new_axes(_bar_height(len(rows)))
    _bar_rows(ax, [name for name, _ in rows])
    ax.barh(range(len(rows)), [n for _, n in rows], color=BLUE, **_BAR_LINES)
    _chrome(ax, title_key, "chart_words_axis")
    _share_scale(ax, scale)
    _end_labels(ax, [n for _, n in rows])
    return _chart(fig, "chart_alt_bars", title_key, lambda lang: _pairs(rows, lang))


def verbs_by_connotation_chart(counts: dict[str, dict[str, int]], scale: float | None = None) -> Chart:
    """Stacked horizontal bars: for each speaker, the reporting verbs that introduce their
    words, split by connotation (see `CONNOTATIONS`), the speaker with most verbs on top.

    `counts` maps speaker -> {connotation: number}. Missing connotations count as 0; an
    unknown connotation raises ValueError. Each segment carries its count and each bar its
    total; only connotations that occur appear in the legend. `scale` as in `quoted_words_chart`.
    """
    for per_speaker in counts.values():
        _check_keys(per_speaker, CONNOTATIONS, "connotation")
    rows = _largest_first({name: sum(c.values()) for name, c in counts.items()})
    if not rows:
        return _nothing_to_show("chart_verbs_by_connotation")
    speakers = [name for name, _ in rows]
    fig, ax = _new_axes(_bar_height(len(rows), legend=True))
    _bar_rows(ax, speakers)
    _chrome(ax, "chart_verbs_by_connotation", "chart_verbs_axis")
    left = [0] * len(speakers)
    shown = []
    for kind in CONNOTATIONS:
        values = [counts[name].get(kind, 0) for name in speakers]
        if not any(values):
            continue
        colour, hatch = _CONNOTATION_STYLE[kind]
        bars = ax.barh(range(len(speakers)), values, left=left, color=colour, hatch=hatch,
                       **_BAR_LINES)
        ax.bar_label(bars, labels=[str(v) if v else "" for v in values], label_type="center",
                     fontsize=8, bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none"))
        left = [a + b for a, b in zip(left, values, strict=True)]
        shown.append(kind)
    _share_scale(ax, scale)
    _end_labels(ax, [total for _, total in rows])
    _legend(fig, "connotation", shown, _CONNOTATION_STYLE)

    def describe(lang):
        return t("chart_group_separator", lang).join(
            f"{name}: " + _pairs([(_label("connotation", k, lang), counts[name].get(k, 0))
                                  for k in CONNOTATIONS if counts[name].get(k, 0)], lang)
            for name in speakers)

    return _chart(fig, "chart_alt_stacked", "chart_verbs_by_connotation", describe)


def frame_strip_chart(scores: list[dict[str, float]], frames: list[str]) -> Chart:
    """A heat strip: paragraphs along x (in reading order: paragraph 1 at the right in
    Arabic), one row per frame in `frames`, darker = stronger.

    `scores[i]` maps frame -> score for paragraph i + 1 (missing = 0; scores are assumed
    >= 0). Frame names are translated with the `frame_<name>` UI strings when they exist.
    Scores are written in the cells up to 24 paragraphs; the alt text names, for each frame,
    the paragraph where it is strongest.
    """
    if not scores or not frames:
        return _nothing_to_show("chart_frame_strip")
    grid = [[float(paragraph.get(frame, 0.0)) for paragraph in scores] for frame in frames]
    top = max(max(row) for row in grid) or 1.0
    width = min(max(6.0, 3.0 + 0.35 * len(scores)), 12.0)
    fig, ax = _new_axes(1.6 + 0.4 * len(frames), width)
    image = ax.imshow(grid, aspect="auto", cmap="Blues", vmin=0, vmax=top,
                      interpolation="nearest")
    _cell_borders(ax, len(scores), len(frames))
    ax.set_yticks(range(len(frames)),
                  labels=[plot_text(_short(_label("frame", f))) for f in frames])
    step = -(-len(scores) // 20)  # at most 20 paragraph numbers
    ax.set_xticks(range(0, len(scores), step),
                  labels=[str(i + 1) for i in range(0, len(scores), step)])
    _chrome(ax, "chart_frame_strip", "chart_paragraph_axis", spines=True)
    if len(scores) <= _MAX_ANNOTATED_PARAGRAPHS:
        _write_scores(ax, grid, top)
    fig.colorbar(image, ax=ax, location="left" if _rtl() else "right", pad=0.02,
                 label=plot_text(t("chart_score")))

    def describe(lang):
        return t("chart_list_separator", lang).join(
            _peak(_label("frame", frame, lang), row, lang) for frame, row in zip(frames, grid, strict=True))

    return _chart(fig, "chart_alt_strip", "chart_frame_strip", describe, n=len(scores))


def source_types_chart(counts: dict[str, int], scale: float | None = None) -> Chart:
    """Horizontal bars of quoted sources by type, always the six types of `SOURCE_TYPES`
    in that fixed order (so charts of different articles compare at a glance; a type with
    0 sources shows an empty bar labelled 0). An unknown type raises ValueError. `scale` as in
    `quoted_words_chart`.
    """
    _check_keys(counts, SOURCE_TYPES, "source type")
    if not any(counts.values()):
        return _nothing_to_show("chart_source_types")
    rows = [(kind, counts.get(kind, 0)) for kind in SOURCE_TYPES]
    fig, ax = _new_axes(_bar_height(len(rows)))
    _bar_rows(ax, [_label("source_type", kind) for kind, _ in rows])
    styles = [_SOURCE_STYLE[kind] for kind, _ in rows]
    ax.barh(range(len(rows)), [n for _, n in rows], color=[c for c, _ in styles],
            hatch=[h for _, h in styles], **_BAR_LINES)
    _chrome(ax, "chart_source_types", "chart_sources_axis")
    _share_scale(ax, scale)
    _end_labels(ax, [n for _, n in rows])
    return _chart(fig, "chart_alt_bars", "chart_source_types", lambda lang: _pairs(
        [(_label("source_type", kind, lang), n) for kind, n in rows], lang))


def voices_chart(tally: dict[str, dict[str, dict[str, int]]]) -> Chart:
    """Who gets to speak: small multiples, one row of panels per grouping of `VOICE_GROUPS`
    (kind of source, gender, named or anonymous) and one column per measure of `MEASURES`
    (sources, statements, words), every value in its fixed order (0 shows an empty bar), so
    two articles compare at a glance. In Arabic the columns read from the right.

    `tally` is `kit.lenses.voices.who_speaks(analysis)`; an unknown group or value raises
    ValueError; no source at all gives "nothing to show".
    """
    _check_keys(tally, tuple(VOICE_GROUPS), "group")
    for group, values in tally.items():
        _check_keys(values, VOICE_GROUPS[group], group)
    if not any(c.get("sources") for values in tally.values() for c in values.values()):
        return _nothing_to_show("chart_voices")
    groups = list(VOICE_GROUPS)
    rtl = _rtl()
    with matplotlib.rc_context(_RC):
        fig = Figure(figsize=(10, 6.6), layout="constrained")
        fig.get_layout_engine().set(rect=(0.015, 0, 0.97, 1))  # room for long Arabic labels
        FigureCanvasAgg(fig)
        axes = fig.subplots(len(groups), len(MEASURES), sharey="row", gridspec_kw={
            "height_ratios": [len(VOICE_GROUPS[g]) + 1 for g in groups]})
    measures = MEASURES[::-1] if rtl else MEASURES
    for row, group in zip(axes, groups, strict=True):
        for column, (ax, measure) in enumerate(zip(row, measures, strict=True)):
            _voice_panel(ax, group, measure, tally.get(group, {}),
                         first=column == (len(measures) - 1 if rtl else 0))
        # the group's name over its row's labels, at the start of the reading direction
        fig.text(0.99 if rtl else 0.01, 1.0, plot_text(t(f"chart_voices_by_{group}")),
                 transform=blended_transform_factory(fig.transFigure, row[0].transAxes),
                 ha="right" if rtl else "left", va="bottom", fontweight="bold", fontsize=11)
    fig.suptitle(plot_text(t("chart_voices")), x=0.99 if rtl else 0.01,
                 ha="right" if rtl else "left", fontsize=13, fontweight="bold")

    def describe(lang):
        return t("chart_group_separator", lang).join(
            f"{t(f'chart_voices_by_{group}', lang)}: " + _voices_in(tally.get(group, {}), group, lang)
            for group in groups)

    return _chart(fig, "chart_alt_voices", "chart_voices", describe)


def _voice_panel(ax, group: str, measure: str, counts: dict, first: bool) -> None:
    """One panel: a bar per value of `group`, its length the `measure`."""
    values = VOICE_GROUPS[group]
    numbers = [counts.get(v, {}).get(measure, 0) for v in values]
    colour, hatch = _MEASURE_STYLE[measure]
    _bar_rows(ax, [_label(f"voice_{group}", _key(v)) for v in values])
    ax.barh(range(len(values)), numbers, color=colour, hatch=hatch, **_BAR_LINES)
    rtl = _rtl()
    if rtl:
        ax.invert_xaxis()
        ax.yaxis.tick_right()
        ax.yaxis.set_label_position("right")
    ax.spines[["top", "left" if rtl else "right"]].set_visible(False)
    ax.tick_params(axis="y", labelleft=first and not rtl, labelright=first and rtl)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=4, integer=True))
    ax.set_title(plot_text(t(f"chart_voices_{measure}")), fontsize=10)
    if not any(numbers):
        ax.set_xlim((1, 0) if rtl else (0, 1))
    _end_labels(ax, numbers)


def _voices_in(counts: dict, group: str, lang: str) -> str:
    """"Official: 3 sources, 8 statements, 126 words, ..." for the values someone speaks in."""
    return t("chart_list_separator", lang).join(
        t("chart_alt_voice", lang, name=_label(f"voice_{group}", _key(v), lang), **counts[v])
        for v in VOICE_GROUPS[group] if counts.get(v, {}).get("sources")) or "0"


def _key(value: str) -> str:
    return value.replace(" ", "_")


# ---------------------------------------------------------------- shared chrome


def _rtl() -> bool:
    return get_language() == "ar"


def _bar_height(rows: int, legend: bool = False) -> float:
    return min(1.6 + 0.42 * rows + (0.5 if legend else 0.0), 10.0)


def _new_axes(height: float, width: float = 7.0):
    """A Figure drawn by Agg (not registered with pyplot) and its single Axes."""
    with matplotlib.rc_context(_RC):
        fig = Figure(figsize=(width, height), layout="constrained")
        FigureCanvasAgg(fig)
        return fig, fig.add_subplot()


def _bar_rows(ax, labels: list[str]) -> None:
    """One row per label, the first on top."""
    ax.set_yticks(range(len(labels)), labels=[plot_text(_short(label)) for label in labels])
    ax.invert_yaxis()
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.margins(x=0.1)
    ax.tick_params(axis="y", length=0, pad=6)


def _chrome(ax, title_key: str, xlabel_key: str | None = None, spines: bool = False) -> None:
    """Title (at the start of the reading direction), x label, and the mirroring for Arabic.

    Call it before `_end_labels` and `bar_label`, which depend on the axis direction.
    """
    rtl = _rtl()
    ax.set_title(plot_text(t(title_key)), loc="right" if rtl else "left",
                 fontsize=13, fontweight="bold", pad=10)
    if xlabel_key:
        ax.set_xlabel(plot_text(t(xlabel_key)))
    if rtl:
        ax.invert_xaxis()
        ax.yaxis.tick_right()
        ax.yaxis.set_label_position("right")
    if not spines:
        ax.spines[["top", "left" if rtl else "right"]].set_visible(False)


def _share_scale(ax, scale: float | None) -> None:
    """Run the value axis from 0 to a little past `scale` (keeping the Arabic mirroring)."""
    if scale:
        end = scale * 1.15
        ax.set_xlim((end, 0) if ax.xaxis_inverted() else (0, end))


def _legend(fig, prefix: str, kinds: list[str], styles: dict) -> None:
    """A one-row legend under the chart, read from the right in Arabic."""
    rtl = _rtl()
    handles = [Patch(facecolor=styles[k][0], hatch=styles[k][1], edgecolor=EDGE, linewidth=0.6,
                     label=plot_text(_label(prefix, k))) for k in kinds]
    fig.legend(handles=handles[::-1] if rtl else handles, loc="outside lower center",
               ncols=len(handles), frameon=False, markerfirst=not rtl)


def _end_labels(ax, totals: list[float]) -> None:
    """Write each total just past the end of its bar (row i = bar i).

    Not `Axes.bar_label`: on a mirrored axis it puts the label of an empty bar on top of
    the category name.
    """
    rtl = ax.xaxis_inverted()
    for row, total in enumerate(totals):
        ax.annotate(_number(total), (total, row), xytext=(-4 if rtl else 4, 0),
                    textcoords="offset points", ha="right" if rtl else "left", va="center")


def _write_scores(ax, grid: list[list[float]], top: float) -> None:
    for y, row in enumerate(grid):
        for x, value in enumerate(row):
            if value:
                ax.text(x, y, _number(value), ha="center", va="center", fontsize=8,
                        color="white" if value / top > 0.55 else "black")


def _cell_borders(ax, columns: int, rows: int) -> None:
    ax.set_xticks([x - 0.5 for x in range(1, columns)], minor=True)
    ax.set_yticks([y - 0.5 for y in range(1, rows)], minor=True)
    ax.grid(which="minor", color="white", linewidth=1.5)
    ax.tick_params(which="minor", length=0)


def _nothing_to_show(title_key: str) -> Chart:
    fig, ax = _new_axes(2.2)
    _chrome(ax, title_key)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.spines[:].set_visible(False)
    ax.text(0.5, 0.5, plot_text(t("chart_nothing_to_show")), transform=ax.transAxes,
            ha="center", va="center", fontsize=14, color="#555555")
    alt = {lang: t("chart_alt_empty", lang, title=t(title_key, lang)) for lang in LANGUAGES}
    return Chart(fig, alt["en"], alt["ar"], get_language())


def _chart(fig, alt_key: str, title_key: str, describe, **values) -> Chart:
    """Wrap `fig` with its alt text in both languages; `describe(lang)` lists the data."""
    alt = {lang: t(alt_key, lang, title=t(title_key, lang), items=describe(lang), **values)
           .translate(_NO_BIDI) for lang in LANGUAGES}   # a name's hidden controls stay out
    return Chart(fig, alt["en"], alt["ar"], get_language())


# ---------------------------------------------------------------- small helpers


def _largest_first(counts: dict[str, int]) -> list[tuple[str, int]]:
    return sorted(((k, n) for k, n in counts.items() if n > 0), key=lambda kn: (-kn[1], kn[0]))


def _check_keys(counts: dict, allowed: tuple[str, ...], what: str) -> None:
    unknown = sorted(set(counts) - set(allowed))
    if unknown:
        raise ValueError(f"unknown {what} {unknown}; expected some of {list(allowed)}")


def _label(prefix: str, key: str, lang: str | None = None) -> str:
    """The translated name of a category, or the key itself when it has no UI string."""
    try:
        return t(f"{prefix}_{key}", lang)
    except KeyError:
        return key


def _short(label: str) -> str:
    return label if len(label) <= _MAX_LABEL else label[:_MAX_LABEL - 1] + "…"


def _number(value: float) -> str:
    return f"{round(value, 2):g}"


def _pairs(pairs, lang: str) -> str:
    return t("chart_list_separator", lang).join(f"{name} {_number(n)}" for name, n in pairs)


def _peak(frame: str, row: list[float], lang: str) -> str:
    best = max(row)
    if not best:
        return t("chart_alt_absent", lang, frame=frame)
    return t("chart_alt_peak", lang, frame=frame, paragraph=row.index(best) + 1,
             score=_number(best))
