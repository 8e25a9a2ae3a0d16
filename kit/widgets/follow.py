"""Following: a widget made from a paste box's article, and made again whenever that article
changes (Analyse, «Back to the example», a restored article). Notebook 06 builds every tool
below the paste box this way, so the student never has to re-run cells.

    paste = PasteBox(MY_ARTICLE)
    paste.follow(ArticleExplorer)                                   # in a later cell
    paste.follow(QuoteQuiz, save_as="quote_quiz_own")
    paste.follow(lambda a: plots.quoted_words_chart(voices.quoted_words(a)))

Test hooks: `current` (what `make` returned last), `output.children`, `errors.outputs`.
"""
import ipywidgets as widgets

from .base import KitWidget, callback, html_widget, with_class


def as_widget(made) -> widgets.Widget:
    """What `make` returned, as a widget: a kit widget's root, a widget as it is, anything else
    (a chart) by its HTML representation (made by the kit: a chart's <img> with its alt text).
    Widgets, not an Output area: nothing depends on capturing display messages."""
    if isinstance(made, KitWidget):
        return made.widget
    if isinstance(made, widgets.Widget):
        return made
    return html_widget(made._repr_mimebundle_()["text/html"])


class Following(KitWidget):
    """`make(analysis, **options)` shown in a box, made again on each new article.
    A failure shows the kit's short message in the widget, and the last good one stays."""

    css_class = "fl-follow"
    needs_script = True      # what it shows may be an explorer, whose toggles need aria-pressed

    def __init__(self, paste, make, **options):
        super().__init__()
        self.make, self.options, self.current = make, options, None
        self.output = with_class(widgets.VBox(layout=widgets.Layout(height="auto")),
                                 "fl-follow-output")
        self.widget = self.root(self.output)
        self.update(paste.analysis)
        paste.on_article(self.update)

    @callback
    def update(self, analysis) -> None:
        """Make the widget again for `analysis` and show it in place of the old one."""
        made = self.make(analysis, **self.options)
        self.current = made
        self.output.children = (as_widget(made),)
