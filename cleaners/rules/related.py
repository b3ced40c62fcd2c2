"""Links to other stories: 'Related Articles'-style lists and single inline teasers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from cleaners.blocks import Block, Page
from cleaners.data import load_toml
from cleaners.html.page import HtmlPage
from cleaners.textfeatures import is_headline_like, is_list_item, is_prose, word_count

# "：" and "】" close a prefix in Chinese and Japanese ("相关阅读：…", "【関連記事】…")
_TEASER_SEPARATOR = re.compile(r"[:：|»>\-–—】]")


@dataclass(frozen=True, slots=True)
class RelatedPatterns:
    heading: re.Pattern[str]
    teaser: re.Pattern[str]


@cache
def related_patterns() -> RelatedPatterns:
    data = load_toml("related.toml")
    headings = "|".join(f"(?:{h})" for h in data["headings"])
    prefixes = "|".join(
        re.escape(p) for p in sorted(data["teaser_prefixes"], key=len, reverse=True)
    )
    return RelatedPatterns(
        # CJK sites set a heading in lenticular brackets or behind a marker ("【関連記事】",
        # "■関連記事") and close it with a full-width colon
        heading=re.compile(
            rf"^(?:[【■▼▶►●◆]\s*)?(?:{headings})\s*】?\s*(?:[:：.…]|\.\.\.)?$", re.IGNORECASE
        ),
        # a teaser may sit in brackets: "[Related: …]", "(Read also: …)"
        teaser=re.compile(
            rf"^[\[(【]?(?:{prefixes})\s*(?::|：|\||»|>|-|–|—|】)\s*\S", re.IGNORECASE
        ),
    )


def is_related_heading(text: str) -> bool:
    return word_count(text) <= 8 and bool(related_patterns().heading.match(text.strip()))


def is_teaser(text: str, max_words: int = 30) -> bool:
    """'Read more: <headline>': a prefix, then a title rather than a sentence."""
    if word_count(text) > max_words or not related_patterns().teaser.match(text):
        return False
    rest = _TEASER_SEPARATOR.split(text, maxsplit=1)[-1].strip()
    return not is_prose(rest)


def _is_link_title(block: Block) -> bool:
    """A list entry under a related heading: a numbered or bulleted title, or a bare headline."""
    text = block.text
    if is_list_item(text):
        return word_count(text) <= 30
    return is_headline_like(text, max_words=25) and not is_prose(text)


@dataclass(frozen=True, slots=True)
class RelatedListRule:
    """A related/most-read heading and the run of link titles under it."""

    name: str = "related_list"
    reason: str = "related_articles"
    min_link_share: float = 0.5
    max_dek_words: int = 30

    def apply(self, page: Page) -> None:
        kept = page.kept()
        # On HTML pages the items are links (a teaser may be a whole linked sentence), each
        # with maybe a line of summary (its dek) in the same card.
        links = page.link_share if isinstance(page, HtmlPage) else None
        cards = page.container if isinstance(page, HtmlPage) else {}
        for position, block in enumerate(kept):
            if not block.kept or not is_related_heading(block.text):
                continue
            items: list[Block] = []
            title: Block | None = None  # the last linked title (HTML)
            # a list above a whole-page dump's story ends where the story's region begins
            stop = page.region[0] if page.region and block.index < page.region[0] else None
            for following in kept[position + 1 :]:
                if not following.kept:
                    continue
                if stop is not None and following.index >= stop:
                    break
                if links is None:  # a text dump: titles alone
                    if not _is_link_title(following):
                        break
                elif links.get(following.index, 0.0) >= self.min_link_share:
                    title = following
                elif (
                    title is not None
                    and following.n_words <= self.max_dek_words
                    and cards.get(following.index) is not None
                    and cards.get(following.index) is cards.get(title.index)
                ):
                    title = None  # the title's summary line, in the same card
                else:
                    break
                items.append(following)
            at_end = all(not b.kept for b in kept[position + 1 :])
            if items or at_end:
                block.remove(self.reason, self.name)
                for item in items:
                    item.remove(self.reason, self.name)


@dataclass(frozen=True, slots=True)
class TeaserPrefixRule:
    """'Read more: <headline>' lines pointing to another story."""

    name: str = "teaser_prefix"
    reason: str = "related_teaser"
    max_words: int = 30

    def apply(self, page: Page) -> None:
        for block in page.kept():
            # a table row's cells are joined with " | ", the teaser's separator: a header
            # row "Watch | Price | Battery" names columns, it points to no story
            if block.tag == "tr":
                continue
            if is_teaser(block.text, self.max_words):
                block.remove(self.reason, self.name)
