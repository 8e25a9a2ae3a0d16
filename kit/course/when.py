"""Times a student reads: a saved work file's UTC time stamp ("2026-12-03T10:15:00+00:00") as
"today, 11:15", "yesterday, 09:02" or "3 Dec 2026, 17:40", in the kernel's local time.

The progress view puts this text in a `<time class="fl-local" datetime="...">` element; in the
browser, the kit's page script rewrites it in the browser's own time zone and language (the
kernel may run in UTC on a server far from the student).
"""
from datetime import datetime, timedelta

from .i18n import t


def parse(stamp: str) -> datetime | None:
    """The time stamp as an aware datetime, or None if it is not one."""
    try:
        moment = datetime.fromisoformat(stamp)
    except (TypeError, ValueError):
        return None
    return moment if moment.tzinfo else None


def friendly(stamp: str, lang: str, now: datetime | None = None) -> str:
    """`stamp` as the student would say it, in local time; the stamp itself if unreadable."""
    moment = parse(stamp)
    if moment is None:
        return str(stamp)
    local = moment.astimezone()
    today = (now or datetime.now().astimezone()).astimezone(local.tzinfo).date()
    clock = local.strftime("%H:%M")
    if local.date() == today:
        return t("when_today", lang, time=clock)
    if local.date() == today - timedelta(days=1):
        return t("when_yesterday", lang, time=clock)
    month = t("when_months", lang).split()[local.month - 1]
    return t("when_date", lang, day=local.day, month=month, year=local.year, time=clock)
