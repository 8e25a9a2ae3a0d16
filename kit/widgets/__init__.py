"""Classroom widgets for JupyterLab (ipywidgets 8): put one on the last line of a cell.

    from ..widgets import ArticleExplorer, QuoteQuiz, SourceMap, FrameAnnotator, ReframeLab
    ArticleExplorer()            # the seed article; or ArticleExplorer("my_article.txt")

    paste = PasteBox(MY_ARTICLE) # a box to paste an article into; then ArticleExplorer(paste.analysis)

Each takes an article (text, a path, or nothing for the seed), is built in the interface
language of the moment (`kit.set_language`, which each edition's setup cell calls), shows a failing
callback as a short message inside the widget, and puts article text into HTML only through
`kit.render.esc`. One module per widget: `kit/widgets_*.py`.
"""
from .base import KitWidget, load_analysis, seed_path
from .explorer import ArticleExplorer
from .frames import Comparison, FrameAnnotator, cohen_kappa
from .outlets import OutletComparison
from .paste import PasteBox
from .sentence import SentenceBox
from .quiz import QuoteQuiz
from .reframe import ReframeLab, Reframing
from .sources import SourceMap

__all__ = ["ArticleExplorer", "QuoteQuiz", "SourceMap", "FrameAnnotator", "ReframeLab",
           "PasteBox", "SentenceBox", "OutletComparison", "cohen_kappa", "Comparison", "Reframing", "KitWidget",
           "load_analysis", "seed_path"]
