"""The Jinja2 environment of the kit's printable pages (`kit/view/templates/`).

Autoescape is on, and every value a template prints goes through `render.esc` (the kit's one
escaping choke point: HTML characters, `$`, and bidi controls made visible), so a student who
types `<script>` or U+202E as their name sees exactly that on the page. Only `Markup` made by
the kit itself (a chart's `<img>`) is printed as HTML.
"""
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .render import esc


def _through_esc(value):
    if isinstance(value, Markup):
        return value
    return Markup(esc("" if value is None else value))


@lru_cache(maxsize=1)
def templates() -> Environment:
    return Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"),
                       autoescape=True, finalize=_through_esc, undefined=StrictUndefined,
                       trim_blocks=True, lstrip_blocks=True)


def render_template(name: str, **values) -> str:
    return templates().get_template(name).render(**values)
