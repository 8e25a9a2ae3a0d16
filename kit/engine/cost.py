"""Cost: the engine, the lenses and the renderer make hundreds of thousands of small objects
on a long article (tokens, quotes, highlights, pieces of HTML) and no reference cycles, so the
cycle collector's passes over the heap, repeated as they are made, find nothing: on 1 MB of
one-letter paragraphs they were a fifth of the analysis and a third of the lenses' time.
`collector_paused` runs a function without them; whatever they would have found is collected
once the collector runs again."""
import functools
import gc


def collector_paused(function):
    """`function`, run with the cycle collector paused (left as it is when already paused)."""
    @functools.wraps(function)
    def paused(*args, **kwargs):
        if not gc.isenabled():
            return function(*args, **kwargs)
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            gc.enable()
    return paused
