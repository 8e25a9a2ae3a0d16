"""The kit's one palette: Okabe & Ito's (2008) "Color Universal Design" colours, which stay
distinguishable with the common colour-vision deficiencies, plus a neutral grey.

Everything that colours something uses these names: the lens styles (`kit/data/lens_styles.json`
names a colour by its key here), the charts (`kit.view.plots`) and the source map. Colour is
never the only cue: each lens style also has a line style, each chart bar a hatch.
"""
OKABE_ITO = {
    "black": "#000000", "orange": "#E69F00", "sky_blue": "#56B4E9", "green": "#009E73",
    "yellow": "#F0E442", "blue": "#0072B2", "vermillion": "#D55E00", "purple": "#CC79A7",
    "grey": "#BBBBBB",
}
ORANGE, SKY_BLUE, GREEN, YELLOW = (OKABE_ITO[k] for k in ("orange", "sky_blue", "green", "yellow"))
BLUE, VERMILLION, PURPLE, GREY = (OKABE_ITO[k] for k in ("blue", "vermillion", "purple", "grey"))
BLACK = OKABE_ITO["black"]


def colour(name: str) -> str | None:
    """The #RRGGBB of a palette name, or None when the name is not in the palette."""
    return OKABE_ITO.get(name)
