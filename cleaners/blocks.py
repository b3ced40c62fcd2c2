"""Blocks: the unit every rule works on (one paragraph, heading, list item or caption)."""

from __future__ import annotations

from dataclasses import dataclass, field

from cleaners.record import Removal
from cleaners.textfeatures import fold, word_count


@dataclass(slots=True)
class Block:
    """One paragraph-like unit of a page, in page order.

    `gap_before` counts blank lines before the block in a text dump; `tag` names the markup
    element the block came from on the HTML path ("p", "h2", "li", "figcaption", ...), or "line"
    for text dumps. A rule removes a block by setting `removal`; it never deletes it, so
    positions and neighbours stay stable for the rules that run later.
    """

    index: int
    text: str
    gap_before: int = 0
    tag: str = "line"
    removal: Removal | None = None
    # Cached facts many rules ask for (blocks' text never changes once built).
    n_words: int = field(init=False, default=0)
    _key: str | None = field(init=False, default=None, repr=False)

    def __post_init__(self) -> None:
        self.n_words = word_count(self.text)

    @property
    def key(self) -> str:
        """Case- and punctuation-insensitive comparison key ("printed twice" checks)."""
        if self._key is None:
            self._key = fold(self.text)
        return self._key

    @property
    def kept(self) -> bool:
        return self.removal is None

    def remove(self, reason: str, rule: str) -> None:
        if self.removal is None:
            self.removal = Removal(reason=reason, rule=rule, text=self.text)


@dataclass(slots=True)
class Page:
    """A document being cleaned: its blocks plus the fields rules fill in."""

    blocks: list[Block]
    source: str
    url: str | None = None  # as fetched or given (input)
    site: str | None = None  # the record's site key (`cleaners.record.site_key`)
    # What the page states about itself (HTML: `cleaners.html.page_fields`; none in a dump)
    canonical_url: str | None = None
    site_name: str | None = None
    description: str | None = None
    image: str | None = None
    tags: tuple[str, ...] = ()
    section: str | None = None
    title: str | None = None
    title_index: int | None = None
    subtitle: str | None = None
    subtitle_index: int | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    updated: str | None = None
    # a publication date of less trust than the byline and date lines (htmldate on the HTML
    # path: the URL's date, text heuristics): used when the rules found none
    published_fallback: str | None = None
    reject_reason: str | None = None
    # What the markup says about blocks is on `cleaners.html.page.HtmlPage`. One fact stays
    # here because `body()` and the reports read it on any page (empty for text dumps):
    # page text outside the extracted article (template). Rules may name it, else it is
    # dropped without a removal entry, as it was never part of the article.
    outside: set[int] = field(default_factory=set)
    # Text dumps: the article region [start, end) of block indices (cleaners/region.py);
    # None until found, and on the HTML path (the extractor finds the article there).
    region: tuple[int, int] | None = None

    def in_region(self, block: Block, margin: int = 0) -> bool:
        """In the article region (or up to `margin` blocks around it); True when none is set."""
        if self.region is None:
            return True
        return self.region[0] - margin <= block.index < self.region[1] + margin

    def kept(self) -> list[Block]:
        return [b for b in self.blocks if b.removal is None and not self.is_field(b)]

    def body(self) -> list[Block]:
        """The article's paragraphs: kept blocks that belong to the extracted article."""
        return [b for b in self.kept() if b.index not in self.outside]

    def is_field(self, block: Block) -> bool:
        """Title and subtitle blocks moved into fields: not body, not removed."""
        return block.index in (self.title_index, self.subtitle_index)

    def add_author(self, name: str) -> None:
        if name and name.casefold() not in {a.casefold() for a in self.authors}:
            self.authors.append(name)
