"""Headline and standfirst: the first blocks of a page moved into `title` and `subtitle`."""

from __future__ import annotations

from dataclasses import dataclass

from cleaners.blocks import Page
from cleaners.headline_search import headline_by_lead, printed_twice
from cleaners.html.page import HtmlPage
from cleaners.rules.bylines import (
    byline_near_story,
    date_above_story,
    name_over_bio,
    name_under_headline,
    names_someone,
    read_header,
)
from cleaners.rules.region import is_furniture
from cleaners.rules.standfirst import BylineUnderHeadline
from cleaners.textfeatures import (
    ends_sentence,
    fold,
    in_unmarked_script,
    is_headline_like,
    is_prose,
    starts_upper,
    word_count,
)

# The colons (Latin, full-width) that close a line introducing the lines under it
_INTRODUCES_NEXT = (":", "：")


@dataclass(frozen=True, slots=True)
class HeadlineRule:
    """The first kept block is the title when it reads as one; a title is never invented.

    The next block is the subtitle when it is a standfirst: a sentence-length line without a
    final full stop (a lead paragraph ends with one and stays in the body). A byline or date
    line in that place (chosen here or by the page's markup) is not one: it is handled as the
    byline or date line it is (fields filled, removed with that reason).
    """

    name: str = "headline"
    chrome_reason: str = "navigation"
    furniture_reason: str = "furniture"
    # reasons a dump's headline is taken out with before it is known (outside the region, or
    # above a list of headlines); a line removed for any other reason is not the headline
    misplaced_reasons: tuple[str, ...] = ("navigation", "related_articles", "related_teaser")
    max_furniture_words: int = 5
    max_title_words: int = 30
    min_subtitle_words: int = 6
    max_subtitle_words: int = 50

    def apply(self, page: Page) -> None:
        if page.title is None and not isinstance(page, HtmlPage) and page.region is not None:
            self._headline_of_dump(page)
        kept = [b for b in page.blocks if b.kept]
        if (
            page.title is None
            and len(kept) >= 2
            and is_headline_like(kept[0].text, self.max_title_words)
        ):
            page.title, page.title_index = kept[0].text, kept[0].index
        if not isinstance(page, HtmlPage) and page.region is not None:
            _dump_header_fields(page, page.region[0])
        if page.title is None:
            return
        byline = BylineUnderHeadline(self.name)
        if page.subtitle_index is not None:
            chosen = next(b for b in page.blocks if b.index == page.subtitle_index)
            # a byline rule already took it (removed), or it reads as one: not a standfirst
            if not chosen.kept or byline.handle(page, chosen):
                page.subtitle, page.subtitle_index = None, None
        title_key = fold(page.title)
        following = [b for b in kept if b.index != page.title_index and fold(b.text) != title_key]
        if page.subtitle is not None or len(following) < 2:
            return
        candidate = following[0]
        if page.title_index is not None and candidate.index < page.title_index:
            return
        if any(other.key == candidate.key for other in following[1:4]):
            return  # printed twice under the headline: a caption, not a standfirst
        n = word_count(candidate.text)
        if (
            self.min_subtitle_words <= n <= self.max_subtitle_words
            and not ends_sentence(candidate.text)
            # "Tour packages help both sides:": a line that introduces the next is the story's
            and not candidate.text.rstrip().endswith(_INTRODUCES_NEXT)
            and not in_unmarked_script(candidate.text)  # a Thai paragraph has no full stop
            and starts_upper(candidate.text)
            # in capitals throughout: a label or a call to action ("CLICK FOR FULL RESULTS")
            and not candidate.text.isupper()
            and not byline.handle(page, candidate)
        ):
            page.subtitle, page.subtitle_index = candidate.text, candidate.index

    def _headline_of_dump(self, page: Page) -> None:
        """A whole-page dump's headline: the line above the story that names its subject
        (`cleaners.headline_search`), even where a rule took it for a menu line."""
        assert page.region is not None
        body = [b.index for b in page.blocks if b.kept and page.in_region(b)]
        texts = [b.text for b in page.blocks]
        taken = {
            b.index
            for b in page.blocks
            if b.removal is not None and b.removal.reason not in self.misplaced_reasons
        }
        index = headline_by_lead(texts, page.region[0], body, is_furniture, taken)
        if index is None:
            return
        headline = page.blocks[index]
        headline.removal = None  # a field now, not debris
        page.title, page.title_index = headline.text, headline.index
        read_header(page, index, self.misplaced_reasons)
        # short lines kept above the headline are the page's top chrome (a section label, a
        # date bar, a promo the region took in); a sentence there may be the story's own
        for block in page.blocks[:index]:
            if block.kept and not is_prose(block.text):
                block.remove(self.chrome_reason, self.name)
        # between the headline and the story's first paragraph, a line of a few words is its
        # furniture: a credit, a date, a section label that no rule could name
        for block in page.blocks[index + 1 :]:
            if block.kept and is_prose(block.text):
                break
            short = block.n_words <= self.max_furniture_words
            # (a line printed twice is a caption: the printed-twice rule names it)
            if block.kept and short and not printed_twice(texts, block.index):
                block.remove(self.furniture_reason, self.name)


def _dump_header_fields(page: Page, region_start: int) -> None:
    """A dump's author and date where its header read found none: a name line under the
    headline, the "By" line nearest it, an author box's name over its bio, the date line over
    the headline (`cleaners.rules.bylines`)."""
    if page.title_index is not None and not names_someone(page.authors):
        name_under_headline(page, page.title_index)
    anchor = page.title_index if page.title_index is not None else region_start
    byline_near_story(page, anchor)
    name_over_bio(page)
    date_above_story(page, anchor)


@dataclass(frozen=True, slots=True)
class RepeatedTitleRule:
    """The headline printed again below itself (templates that print it twice)."""

    name: str = "repeated_title"
    reason: str = "repeated_title"

    def apply(self, page: Page) -> None:
        if not page.title:
            return
        key = fold(page.title)
        for block in page.blocks:
            if block.kept and block.index != page.title_index and fold(block.text) == key:
                block.remove(self.reason, self.name)
