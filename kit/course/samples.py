"""The short articles written for the course (`seeds/samples/`): every name in them is invented.

Notebook 06 analyses `sample_text("school_year")` until the student pastes an article, and
compares the two outlets of `outlet_pair("bus_fares")`; the tests read the same files.
"""
import json
from functools import lru_cache

from .paths import seeds_dir


@lru_cache(maxsize=1)
def _catalogue() -> dict:
    path = seeds_dir() / "samples" / "samples.json"
    return json.loads(path.read_text("utf-8"))["samples"]


def sample_names() -> list[str]:
    return sorted(_catalogue())


def sample_info(name: str) -> dict:
    """The sample's metadata: file, title in both languages, the outlet for a pair's members."""
    catalogue = _catalogue()
    if name not in catalogue:
        raise KeyError(f"no sample article called {name!r}; there are: {', '.join(sorted(catalogue))}")
    return catalogue[name]


def sample_text(name: str) -> str:
    return (seeds_dir() / "samples" / sample_info(name)["file"]).read_text("utf-8")


def outlet_pair(pair: str) -> dict[str, str]:
    """{outlet name: text} for the two outlets' versions of one invented event."""
    return {info["outlet"]: sample_text(name) for name, info in _catalogue().items()
            if info.get("pair") == pair}
