"""Following: a widget made from a paste box's article, and made again whenever that article
changes (Analyse, «Back to the example», a restored article). Notebook 06 builds every tool
below the paste box this way, so the student never has to re-run cells.

    paste = PasteBox(MY_ARTICLE)
    paste.follow(ArticleExplorer)                                   # in a later cell
    paste.follow(QuoteQuiz, save_as="quote_quiz_own")
    paste.follow(lambda a: plots.quoted_words_chart(voices.quoted_words(a)))

Test hooks: `current` (what `make` returned last), `output.outputs`, `errors.outputs`.
"""
import ipywidgets as widgets
from IPython.display import display

from .base import KitWidget, callback, with_class


class Following(KitWidget):
    """`make(analysis, **options)` shown in an Output area, made again on each new article.
    A failure shows the kit's short message in the widget, and the last good one stays."""

    css_class = "fl-follow"
    needs_script = True      # what it shows may be an explorer, whose toggles need aria-pressed

    def __init__(self, paste, make, **options):
        super().__init__()
        self.make, self.options, self.current = make, options, None
        self.output = with_class(widgets.Output(layout=widgets.Layout(height="auto")),
                                 "fl-follow-output")
        self.widget = self.root(self.output)
        self.update(paste.analysis)
        paste.on_article(self.update)

    @callback
    def update(self, analysis) -> None:
        """Make the widget again for `analysis` and show it in place of the old one."""
        made = self.make(analysis, **self.options)
        self.current = made
        self.output.clear_output(wait=True)
        with self.output:
            display(made)
