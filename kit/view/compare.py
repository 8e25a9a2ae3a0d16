"""Two (or more) articles side by side: the sourcing charts of each, drawn on one scale per
chart, so 22 quoted words in one outlet and 9 in the other look 22 and 9 long."""
from ..engine.model import Analysis
from ..lenses import voices
from .plots import Chart, quoted_words_chart, source_types_chart, verbs_by_connotation_chart


def _largest(values) -> int:
    return max(values, default=0)


def comparison_charts(analyses: dict[str, Analysis]) -> dict[str, tuple[Chart, Chart, Chart]]:
    """For each named article: its source-types, quoted-words and verbs charts, each kind of
    chart sharing one scale across the articles."""
    types = {name: voices.source_type_counts(a) for name, a in analyses.items()}
    words = {name: voices.quoted_words(a) for name, a in analyses.items()}
    verbs = {name: voices.verbs_by_speaker(a) for name, a in analyses.items()}
    top_types = _largest(n for counts in types.values() for n in counts.values())
    top_words = _largest(n for counts in words.values() for n in counts.values())
    top_verbs = _largest(sum(c.values()) for per in verbs.values() for c in per.values())
    return {name: (source_types_chart(types[name], scale=top_types),
                   quoted_words_chart(words[name], scale=top_words),
                   verbs_by_connotation_chart(verbs[name], scale=top_verbs))
            for name in analyses}
