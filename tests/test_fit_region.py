"""tools/fit_region.py: the cross-validation folds keep a site's pages on one side."""

from __future__ import annotations

import pytest

pytest.importorskip("numpy")

from tools.fit_region import BenchPage, site_folds, site_of


def _page(corpus: str, page_id: str, url: str | None) -> BenchPage:
    return BenchPage(corpus, page_id, url, "", [], "")


PAGES = [
    _page("a", "1", "https://www.example.com/news/1"),
    _page("a", "2", "http://news.example.com/2"),  # same site, another host
    _page("b", "3", "https://example.com/3"),  # same site, another corpus
    _page("a", "4", "https://other.org/4"),
    _page("b", "5", "https://news.bbc.co.uk/5"),
    _page("b", "6", "https://www.bbc.co.uk/6"),
    _page("b", "7", None),  # no URL: a site of its own
    _page("a", "8", "https://third.net/8"),
]


def test_a_site_is_its_registered_domain() -> None:
    assert site_of(PAGES[1]) == "example.com"
    assert site_of(PAGES[4]) == site_of(PAGES[5]) == "bbc.co.uk"
    assert site_of(PAGES[6]) == "b/7"


def test_the_pages_of_one_site_share_a_fold_and_the_split_is_deterministic() -> None:
    folds = site_folds(PAGES, folds=3)
    assert folds[0] == folds[1] == folds[2]
    assert folds[4] == folds[5]
    # the largest site first to fold 0, the next to the emptiest fold
    assert folds[0] == 0 and folds[4] == 1
    assert sorted({*folds}) == [0, 1, 2]
    assert site_folds(list(reversed(PAGES)), folds=3) == list(reversed(folds))
