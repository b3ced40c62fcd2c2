"""Headline and standfirst: the first blocks of a page moved into `title` and `subtitle`."""

from __future__ import annotations

from dataclasses import dataclass

from cleaners.blocks import Page
from cleaners.rules.standfirst import BylineUnderHeadline
from cleaners.textfeatures import (
    ends_sentence,
    fold,
    in_unmarked_script,
    is_headline_like,
    starts_upper,
    word_count,
)


@dataclass(frozen=True, slots=True)
class HeadlineRule:
    """The first kept block is the title when it reads as one; a title is never invented.

    The next block is the subtitle when it is a standfirst: a sentence-length line without a
    final full stop (a lead paragraph ends with one and stays in the body). A byline or date
    line in that place (chosen here or by the page's markup) is not one: it is handled as the
    byline or date line it is (fields filled, removed with that reason).
    """

    name: str = "headline"
    max_title_words: int = 30
    min_subtitle_words: int = 6
    max_subtitle_words: int = 50

    def apply(self, page: Page) -> None:
        kept = [b for b in page.blocks if b.kept]
        if page.title is None:
            if len(kept) < 2 or not is_headline_like(kept[0].text, self.max_title_words):
                return
            page.title, page.title_index = kept[0].text, kept[0].index
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
            and not in_unmarked_script(candidate.text)  # a Thai paragraph has no full stop
            and starts_upper(candidate.text)
            and not byline.handle(page, candidate)
        ):
            page.subtitle, page.subtitle_index = candidate.text, candidate.index


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
