"""The page of the HTML path: blocks plus what only the markup tells about them."""

from __future__ import annotations

from dataclasses import dataclass, field

from cleaners.blocks import Page


@dataclass(slots=True)
class HtmlPage(Page):
    """Markup facts by block index, for the rules that use them (`cleaners.rules.links`);
    text dumps have none, and those rules do nothing there."""

    # share (0 to 1) of the block's text that is link text
    link_share: dict[int, float] = field(default_factory=dict)
    # for list items: the link share of their whole list
    list_link_share: dict[int, float] = field(default_factory=dict)
    # the element each block sits in (blocks of one card or list share it)
    container: dict[int, object] = field(default_factory=dict)
    # trafilatura's paragraphs for the page (the never-lose fallback cleans them)
    main_texts: list[str] = field(default_factory=list)
    meta_title: str | None = None  # the metadata's headline (the fallback's title)
    # a second extractor's answer for the page, computed when a rule asks for it
    second_opinion: object | None = None
