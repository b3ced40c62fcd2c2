"""The page of the HTML path: blocks plus what only the markup tells about them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from cleaners.blocks import Page

if TYPE_CHECKING:  # the vote's module loads trafilatura's readability: not needed to read a page
    from lxml.html import HtmlElement

    from cleaners.html.vote import SecondOpinion


@dataclass(slots=True)
class HtmlPage(Page):
    """Markup facts by block index, for the rules that use them (`cleaners.rules.markup`,
    `related`, `second_story`, `cleaners.html.guards`, `vote`). Text dumps are plain `Page`s:
    those rules ask `isinstance(page, HtmlPage)` and do nothing there."""

    # (reason, rule) that the markup around a block gives it (a caption, a share bar...)
    markup_reasons: dict[int, tuple[str, str]] = field(default_factory=dict)
    # blocks the main-content extractor kept, or recovered beside its paragraphs
    extracted: set[int] = field(default_factory=set)
    # first blocks of further <article>s (infinite scroll): where a second story may start
    story_starts: set[int] = field(default_factory=set)
    # share (0 to 1) of the block's text that is link text (blocks without links: absent)
    link_share: dict[int, float] = field(default_factory=dict)
    # the element holding each block and its neighbours of one card or list (None: none)
    container: dict[int, HtmlElement | None] = field(default_factory=dict)
    # trafilatura's paragraphs for the page (the never-lose fallback cleans them)
    main_texts: list[str] = field(default_factory=list)
    meta_title: str | None = None  # the metadata's headline (the fallback's title)
    # a second extractor's answer for the page, computed when a rule asks for it
    second_opinion: SecondOpinion | None = None
