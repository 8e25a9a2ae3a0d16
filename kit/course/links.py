"""nbgitpuller links: one link a teacher hands out, which pulls the course into the student's
own home on a JupyterHub and opens it in JupyterLab.

A link is `HUB/hub/user-redirect/git-pull?repo=…&branch=…&targetpath=…&urlpath=…`: the hub
logs the student in and sends them to their own server, where nbgitpuller clones the
repository into `~/<targetpath>` the first time and merges the teacher's later changes
without touching the student's files (their work in `my_work` is not in the repository).
`targetpath` is always given (nbgitpuller would otherwise name the folder after the URL's last
part, `.git` included), so `urlpath` can name the page to open.
"""
from urllib.parse import urlencode, urlsplit

from ..errors import KitError
from .i18n import t
from .paths import EDITIONS, START_PAGE

DEFAULT_REPO = "https://github.com/framing-lab/framing-lab"
DEFAULT_BRANCH = "main"
FIRST_LESSON = "00_start_here.ipynb"


class LinkError(KitError):
    """The hub or repository given for a link is not a usable address."""


def course_links(hub: str, repo: str = DEFAULT_REPO, branch: str = DEFAULT_BRANCH) -> dict[str, str]:
    """{"start": link to the start page, "ar": link to the Arabic edition, "en": …}."""
    pages = {"start": f"notebooks/{START_PAGE}"}
    pages.update({lang: f"notebooks/{lang}/{FIRST_LESSON}" for lang in EDITIONS})
    return {key: pull_link(hub, page, repo, branch) for key, page in pages.items()}


def pull_link(hub: str, page: str, repo: str = DEFAULT_REPO, branch: str = DEFAULT_BRANCH) -> str:
    """The link that pulls `repo` at `branch` into the student's home and opens `page` (a path
    inside the repository) in JupyterLab."""
    base, repo, branch = _hub_base(hub), _checked_repo(repo), branch.strip()
    if not branch or any(c.isspace() for c in branch):
        raise _error("link_bad_branch", branch=branch)
    folder = clone_folder(repo)
    query = urlencode({"repo": repo, "branch": branch, "targetpath": folder,
                       "urlpath": f"lab/tree/{folder}/{page}"})
    return f"{base}/hub/user-redirect/git-pull?{query}"


def clone_folder(repo: str) -> str:
    """The folder of a student's home the course is pulled into: the repository's name."""
    name = repo.rstrip("/").rsplit("/", 1)[-1].removesuffix(".git")
    return name or "framing-lab"


def _hub_base(hub: str) -> str:
    """The hub's address without a trailing `/` or `/hub`: https://hub.school.org[/prefix]."""
    parts = urlsplit(hub.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
        raise _error("link_bad_hub", hub=hub)
    path = parts.path.rstrip("/").removesuffix("/hub").rstrip("/")
    return f"{parts.scheme}://{parts.netloc}{path}"


def _checked_repo(repo: str) -> str:
    repo = repo.strip()
    if not repo or any(c.isspace() for c in repo) or "://" not in repo:
        raise _error("link_bad_repo", repo=repo)
    return repo


def _error(key: str, **values) -> LinkError:
    return LinkError(t(key, "en", **values), t(key, "ar", **values))
