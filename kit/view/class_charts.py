"""The class report's charts, drawn with the conventions of `kit.view.plots` (its helpers:
labels in the current language through `plot_text`, mirrored for Arabic, Okabe-Ito colours
with hatching, numbers written on the bars, alt text in both languages).

- `first_try_chart`: per self-check question, the share of those who answered who were right
  on their first attempt;
- `class_frames_chart`: per paragraph, how many students chose each frame, stacked, with the
  teacher's key named beside the paragraph (★).
"""
from .plots import (BLUE, GREEN, GREY, ORANGE, PURPLE, SKY_BLUE, VERMILLION, Chart,
                    _bar_height, _bar_rows, _BAR_LINES, _chart, _chrome, _end_labels, _label,
                    _legend, _new_axes, _nothing_to_show, _pairs)
from ..course.i18n import t

# frame id -> (fill colour, hatch); "none" is grey
FRAME_STYLE = {
    "conflict": (VERMILLION, "xx"), "human_interest": (ORANGE, ""), "responsibility": (BLUE, "//"),
    "morality": (PURPLE, ".."), "economic": (GREEN, "\\\\"), "none": (GREY, ""),
}


def first_try_chart(rows: list[tuple[str, float | None]]) -> Chart:
    """Bars of percentages, one per (question label, share 0..1 or None: nobody answered)."""
    shown = [(label, round(100 * share)) for label, share in rows if share is not None]
    if not shown:
        return _nothing_to_show("chart_first_try")
    fig, ax = _new_axes(_bar_height(len(shown)))
    _bar_rows(ax, [label for label, _ in shown])
    ax.barh(range(len(shown)), [p for _, p in shown], color=SKY_BLUE, **_BAR_LINES)
    ax.set_xlim(0, 100)
    _chrome(ax, "chart_first_try", "chart_percent_axis")
    _end_labels(ax, [p for _, p in shown])
    return _chart(fig, "chart_alt_bars", "chart_first_try", lambda lang: _pairs(shown, lang))


def class_frames_chart(counts: list[dict[str, int]], key: list[str | None]) -> Chart:
    """Stacked bars, paragraph 1 on top: counts[i] = {frame id: students} for paragraph i,
    key[i] the teacher's frame for it (None: no key)."""
    if not any(sum(c.values()) for c in counts):
        return _nothing_to_show("chart_class_frames")
    labels = [f"¶{i + 1}" + (f" ★ {_label('frame', k)}" if k else "") for i, k in enumerate(key)]
    fig, ax = _new_axes(_bar_height(len(counts), legend=True), width=10.0)
    _bar_rows(ax, labels)
    _chrome(ax, "chart_class_frames", "chart_students_axis")
    left, shown = [0] * len(counts), []
    for frame, (colour, hatch) in FRAME_STYLE.items():
        values = [c.get(frame, 0) for c in counts]
        if not any(values):
            continue
        bars = ax.barh(range(len(counts)), values, left=left, color=colour, hatch=hatch,
                       **_BAR_LINES)
        ax.bar_label(bars, labels=[str(v) if v else "" for v in values], label_type="center",
                     fontsize=7, bbox=dict(boxstyle="round,pad=0.1", fc="white", ec="none"))
        left = [a + b for a, b in zip(left, values, strict=True)]
        shown.append(frame)
    _legend(fig, "frame", shown, FRAME_STYLE)

    def describe(lang):
        return t("chart_group_separator", lang).join(
            f"¶{i + 1}: " + _pairs([(_label("frame", f, lang), n) for f, n in c.items()], lang)
            for i, c in enumerate(counts) if c)

    return _chart(fig, "chart_alt_stacked", "chart_class_frames", describe)
