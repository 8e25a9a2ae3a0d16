"""`python -m kit link`: nbgitpuller links, parsed back into what nbgitpuller reads from them.
(tests/test_hub.py opens such a link on a real JupyterHub.)"""
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import ROOT
from kit.cli import main
from kit.course.links import LinkError, clone_folder, course_links


def _parse(url: str) -> tuple[str, dict]:
    parts = urlsplit(url)
    query = {key: values[0] for key, values in parse_qs(parts.query, strict_parsing=True).items()}
    return f"{parts.scheme}://{parts.netloc}{parts.path}", query


def test_one_link_per_edition_and_the_start_page(capsys):
    assert main(["link", "--hub", "https://hub.school.example/"]) == 0
    out = capsys.readouterr().out
    links = [line for line in out.splitlines() if line.startswith("https://")]
    assert len(links) == 3
    assert "# Arabic edition · النسخة العربية" in out
    opened = []
    for link in links:
        endpoint, query = _parse(link)
        assert endpoint == "https://hub.school.example/hub/user-redirect/git-pull"
        assert query["repo"] == "https://github.com/framing-lab/framing-lab"
        assert query["branch"] == "main"
        assert query["targetpath"] == "framing-lab"
        assert query["urlpath"].startswith("lab/tree/framing-lab/")
        opened.append(query["urlpath"].removeprefix("lab/tree/framing-lab/"))
    assert opened == ["notebooks/start.ipynb", "notebooks/ar/00_start_here.ipynb",
                      "notebooks/en/00_start_here.ipynb"]
    for page in opened:     # each link opens a page that exists in the repository
        assert (ROOT / page).is_file(), page


def test_hub_prefix_repo_and_branch_are_kept():
    links = course_links("https://school.example/jupyter/hub/", "https://git.school.example/t/course.git",
                         "term-2")
    endpoint, query = _parse(links["en"])
    assert endpoint == "https://school.example/jupyter/hub/user-redirect/git-pull"
    assert query == {"repo": "https://git.school.example/t/course.git", "branch": "term-2",
                     "targetpath": "course", "urlpath": "lab/tree/course/notebooks/en/00_start_here.ipynb"}


def test_clone_folder_is_the_repository_name():
    assert clone_folder("https://github.com/framing-lab/framing-lab") == "framing-lab"
    assert clone_folder("https://github.com/framing-lab/framing-lab.git/") == "framing-lab"
    assert clone_folder("file:///srv/course.git") == "course"


@pytest.mark.parametrize("hub", ["hub.school.example", "ftp://hub.school.example", "https://",
                                 "https://hub.school.example/?x=1"])
def test_a_bad_hub_is_refused_in_both_languages(hub, capsys):
    with pytest.raises(LinkError) as caught:
        course_links(hub)
    assert hub in caught.value.en and hub in caught.value.ar
    assert "JupyterHub" in caught.value.ar
    assert main(["link", "--hub", hub]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: “{hub}” is not a JupyterHub address") and "خطأ: «" in err


@pytest.mark.parametrize("repo, branch, key", [("github.com/x/y", "main", "repository"),
                                               ("https://github.com/x/y", "my branch", "branch"),
                                               ("https://github.com/x/y", "  ", "branch")])
def test_a_bad_repo_or_branch_is_refused(repo, branch, key):
    with pytest.raises(LinkError, match=key):
        course_links("https://hub.school.example", repo, branch)
