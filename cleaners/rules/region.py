"""The article region of a whole-page text dump: found first, everything outside it removed.

`ArticleRegionRule` runs before the other rules and only records the region (`page.region`,
see `cleaners/region.py`), so that the second-story rule looks inside it and the debris rules
give the lines outside it their specific reasons (a "Most read" list stays `related_articles`,
a cookie banner `cookie_notice`). `NavigationRule` runs after them, before the headline is
chosen: what is still kept outside the region (menus, section labels, sidebars, footers) is
removed as `navigation`.
"""

from __future__ import annotations

from dataclasses import dataclass

from cleaners.blocks import Page
from cleaners.html.page import HtmlPage
from cleaners.region import RegionModel, find_region, headline_above
from cleaners.rules.bylines import BylineRule, DateLineRule
from cleaners.rules.captions import is_caption


def is_furniture(text: str) -> bool:
    """A line that sits between a headline and its story: byline, date line, caption."""
    return (
        BylineRule().parse(text, dates=False) is not None
        or DateLineRule().parse(text) is not None
        or is_caption(text)
    )


def is_credit(text: str) -> bool:
    """A byline or a date line (a comment's header, under the story: `comment_thread_start`)."""
    return (
        BylineRule().parse(text, dates=False) is not None or DateLineRule().parse(text) is not None
    )


@dataclass(frozen=True, slots=True)
class ArticleRegionRule:
    name: str = "article_region"
    # the line model; None: the shipped one. Set by tools/fit_region.py to score a model
    # fitted on other folds (cross-validation) without touching the shipped data.
    model: RegionModel | None = None

    def apply(self, page: Page) -> None:
        if isinstance(page, HtmlPage) or page.region is not None:
            return  # the HTML path's extractor located the article from the markup
        texts = [b.text for b in page.blocks]
        region = find_region(texts, self.model, is_credit)
        if region is None:
            return
        start = region.start
        head = headline_above(texts, start, is_furniture)
        page.region = (head if head is not None else start, region.end)


@dataclass(frozen=True, slots=True)
class NavigationRule:
    name: str = "article_region"
    reason: str = "navigation"

    def apply(self, page: Page) -> None:
        if page.region is None:
            return
        for block in page.blocks:
            if block.kept and not page.in_region(block):
                block.remove(self.reason, self.name)
