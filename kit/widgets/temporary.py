"""What a student is told in a temporary session (Binder, `kit.course.session`): the progress
view says it plainly, with the download and restore buttons, and every self-check save adds
one line saying the work is only in this session. Elsewhere nothing is shown."""
from ..course.i18n import t
from ..course.session import temporary_session
from ..view.render import esc
from .base import block

NOTICE_CSS = "fl-temporary fl-w-wrong"


def temporary_notice(lang: str) -> str:
    """The progress view's notice (HTML), or "" when the session is not temporary."""
    return block(esc(t("temporary_notice", lang)), lang, NOTICE_CSS, "p") if temporary_session() else ""


def saved_note(lang: str) -> str:
    """The line added under a save (HTML), or "" when the session is not temporary."""
    return block(esc(t("temporary_saved", lang)), lang, "fl-temporary-saved", "p") if temporary_session() else ""
