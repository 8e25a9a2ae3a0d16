"""Where offsets fall among spans (quotes, paragraphs), looked up in sorted order rather
than compared with every span, so that the lenses cost grows with the article, not with its
square."""
import heapq
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence

from ..engine.model import Paragraph, Quote


class Covered:
    """The union of some [start, end) spans: `covers(offset)` in O(log n)."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            elif start < end:
                merged.append([start, end])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def covers(self, offset: int) -> bool:
        i = bisect_right(self.starts, offset) - 1
        return i >= 0 and offset < self.ends[i]


def paragraphs_at(paragraphs: Sequence[Paragraph], offsets: Iterable[int]) -> list[int | None]:
    """For each offset, the index of the paragraph holding it (paragraphs in text order), or None."""
    starts = [p.start for p in paragraphs]
    out = []
    for offset in offsets:
        i = bisect_right(starts, offset) - 1
        out.append(paragraphs[i].index if i >= 0 and offset < paragraphs[i].end else None)
    return out


def innermost_quotes(quotes: Sequence[Quote], offsets: Iterable[int]) -> list[Quote | None]:
    """For each offset (ascending), the shortest quote around it (the first such quote in
    `quotes` order on a tie), or None: one sweep with a heap, not a scan per offset."""
    order = sorted(range(len(quotes)), key=lambda i: quotes[i].start)
    heap, added, out = [], 0, []
    for offset in offsets:
        while added < len(order) and quotes[order[added]].start <= offset:
            q = quotes[order[added]]
            heapq.heappush(heap, (q.end - q.start, order[added]))
            added += 1
        while heap and quotes[heap[0][1]].end <= offset:   # ended: never around a later offset
            heapq.heappop(heap)
        out.append(quotes[heap[0][1]] if heap else None)
    return out


def outermost(quotes: Sequence[Quote]) -> list[Quote]:
    """The quotes not inside another quote (two quotes on the same span are inside each other)."""
    same = Counter((q.start, q.end) for q in quotes)
    inside, reach = set(), -1
    for i in sorted(range(len(quotes)), key=lambda i: (quotes[i].start, -quotes[i].end)):
        q = quotes[i]
        if reach >= q.end or same[q.start, q.end] > 1:
            inside.add(i)
        reach = max(reach, q.end)
    return [q for i, q in enumerate(quotes) if i not in inside]
