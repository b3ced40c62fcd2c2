"""A second opinion on the article's text: a vote with a readability-style extractor.

trafilatura (which locates the article for `clean_html`) and the markup rules keep, on many
older and template-heavy pages, text around the article: headline lists with their summaries,
"more headlines" columns, weather and currency boxes, footers. A readability-style extractor
scores the page's containers by their paragraphs' text and commas and keeps the best one with
its siblings; it errs in other places (it drops embedded quotes and a first paragraph set
apart). Bevendorff et al. (SIGIR 2023, "An Empirical Comparison of Web Content Extraction
Algorithms") found that a vote of extractors beats each of them; here the vote is between the
cleaned record and readability: a body block neither the readability answer holds is taken
out (`off_main_content`), when readability agrees with most of the record (else its answer is
the one that went wrong, and the record stays).

The readability used is trafilatura's port of readability-lxml (`trafilatura.readability_lxml`,
kept by trafilatura for its own fallback): it works on the tree already parsed, where
readability-lxml parses and cleans the page again and costs four times as much. It reads the
article region `clean_html` located (the whole page for old layouts), not the whole page: the
vote is about what inside the region is the article, and a smaller tree costs less.

The vote costs a readability run, so it is held only on pages whose record looks like it
may hold debris: a large share of its paragraphs are short non-sentences (headline lists,
labels, menu rows), or its text lies in more than one box. A record of sentences in one
element is left as the rules made it. Held on every page, the vote scored best on all three
development corpora (README, Evaluation) but cost 7 % of `clean_html`'s speed; held on these
pages it keeps most of that gain at about 1 %.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from lxml import etree
from lxml import html as lxml_html
from trafilatura.readability_lxml import Document

from cleaners.blocks import Block, Page
from cleaners.html.dom import HEADING_TAGS, iter_blocks
from cleaners.html.page import HtmlPage
from cleaners.textfeatures import fold, is_prose

# trafilatura's readability port logs what it drops
logging.getLogger("trafilatura.readability_lxml").setLevel(logging.CRITICAL)

# A vote is held when at least this share of the record's paragraphs are not prose.
VOTE_MIN_NON_PROSE = 0.3
# ... or when this share of its text lies outside the element holding most of it
VOTE_MIN_ELSEWHERE = 0.05
# readability's answer counts only when it holds at least this share of the record's text
VOTE_MIN_AGREEMENT = 0.5
# ... or at least this share of the record's prose (sentences), when it holds this much prose
VOTE_MIN_PROSE_AGREEMENT = 0.9
VOTE_MIN_PROSE_CHARS = 200
# a list item kept without readability's word holds at most this share of link text
LIST_MAX_LINK_SHARE = 0.5
# readability's paragraph threshold, as trafilatura calls it
_MIN_TEXT_LENGTH = 25


def readability_blocks(root: lxml_html.HtmlElement) -> list[str]:
    """The texts of readability's answer for the tree under `root`, one per block (empty when
    it fails). Mutates the tree (readability drops scripts and rewrites containers): call it
    last."""
    try:
        summary = Document(root, min_text_length=_MIN_TEXT_LENGTH).summary()
        if not summary:
            return []
        tree = lxml_html.fromstring(summary)
    except (etree.ParserError, ValueError, TypeError):
        return []
    return [b.text for b in iter_blocks(tree, prune=False)]


@dataclass(slots=True)
class SecondOpinion:
    """readability's answer for one page, computed on first use only."""

    compute: Callable[[], list[str]]
    _blocks: list[str] | None = None

    def blocks(self) -> list[str]:
        if self._blocks is None:
            self._blocks = self.compute()
        return self._blocks


def needs_vote(page: Page) -> bool:
    """Whether the record may hold debris readability would leave out: many of its
    paragraphs are no sentences (headline lists, labels, menu rows), or its text lies in
    more than one box (teasers' summaries, a comment prompt, a sponsor's pitch after the
    article, set as sentences). A record of sentences in one element is what readability
    picks too (its best box with its siblings): the vote is not held, for speed."""
    body = page.body()
    if len(body) < 2:
        return False
    non_prose = sum(1 for b in body if not is_prose(b.text))
    if non_prose >= VOTE_MIN_NON_PROSE * len(body):
        return True
    if not isinstance(page, HtmlPage):
        return False
    by_card: dict[int, int] = {}
    for b in body:
        card = id(page.container.get(b.index))
        by_card[card] = by_card.get(card, 0) + len(b.text)
    total = sum(by_card.values())
    return total - max(by_card.values()) >= VOTE_MIN_ELSEWHERE * total


@dataclass(frozen=True, slots=True)
class ExtractorVoteRule:
    """Body blocks the readability answer does not hold go (see the module's docstring)."""

    name: str = "extractor_vote"
    reason: str = "off_main_content"

    def apply(self, page: Page) -> None:
        if not isinstance(page, HtmlPage):
            return
        opinion = page.second_opinion
        if opinion is None or page.reject_reason is not None or not needs_vote(page):
            return
        body = page.body()
        # where each block sits, read before readability rewrites the tree
        places = {b.index: _place(page.container.get(b.index)) for b in body}
        quotes = {b.index: _quote_home(page.container.get(b.index)) for b in body}
        homes = {b.index: _home(b, page.container.get(b.index)) for b in body}
        other = opinion.blocks()
        if not other:
            return
        # a block agrees when its words are in readability's text (readability may join
        # or split paragraphs: a substring of the whole answer, not one of its blocks)
        answer = " ".join(fold(t) for t in other)
        disagree = [b for b in body if b.key and b.key not in answer]
        if not _agrees(body, disagree):
            return  # readability found another text (or little of this one): it lost the vote
        # readability drops parts of the body box itself (embedded quotes, the paragraphs
        # after a widget): a sentence in the element of an agreed paragraph, or in one of the
        # same kind, or one level further down, stays
        disagreed = {b.index for b in disagree}
        agreed: set = set()
        for b in body:
            if b.index not in disagreed:
                agreed.update(places[b.index][:2])
        heading_agreed = _headings_over_agreed(body, disagreed, page.link_share)
        for block in disagree:
            if is_prose(block.text) and agreed.intersection(places[block.index]):
                continue
            if block.index in heading_agreed:
                continue
            quote = quotes[block.index]
            if quote is not None and agreed.intersection(quote):
                continue
            place = places[block.index]
            if _in_body_list(block, homes[block.index], place, agreed, page.link_share):
                continue
            block.remove(self.reason, self.name)


def _quote_home(card: lxml_html.HtmlElement | None) -> tuple[int, ...] | None:
    """For a block in a quotation (`blockquote`, within a few levels of its card): the
    elements around the quotation, within a few levels (None: no quotation). readability
    scores a quotation box low (an embedded post's "twitter-tweet" marks weigh against it)
    and drops it with its attribution line ("— Name (@handle) date"); one that sits among
    the paragraphs readability kept quotes somebody for the article."""
    quote = next((n for n in _upward(card, _QUOTE_DEPTH) if n.tag == "blockquote"), None)
    if quote is None:
        return None
    return tuple(id(n) for n in _upward(quote.getparent(), _QUOTE_DEPTH))


def _upward(node: lxml_html.HtmlElement | None, levels: int) -> list[lxml_html.HtmlElement]:
    """The node and its ancestors, at most `levels` of them in all."""
    chain: list[lxml_html.HtmlElement] = []
    while node is not None and len(chain) < levels:
        chain.append(node)
        node = node.getparent()
    return chain


# levels looked up from a block's card for a quotation, and from the quotation for the
# element of agreed paragraphs (an embed's wrapper, a figure)
_QUOTE_DEPTH = 3


def _headings_over_agreed(
    body: list[Block], disagreed: set[int], link_share: dict[int, float]
) -> set[int]:
    """The subheadings readability left out that head text it kept: the block right after
    them in the record is one of readability's, and no list of links. readability drops a
    heading whose text is mostly a link (a product's name linking to the shop, over its
    review) and the short headings of boxes it scores low (a question over its answer, a
    step's title over its text); the heading of a teaser heads a summary readability left
    out too, and a "Links" heading heads links. Over the three development corpora the
    headings this keeps were reference body text about four times as often as debris (by
    characters; README, Evaluation)."""
    kept: set[int] = set()
    for block, following in pairwise(body):
        if (
            block.tag in HEADING_TAGS
            and block.index in disagreed
            and following.index not in disagreed
            and link_share.get(following.index, 0.0) < LIST_MAX_LINK_SHARE
        ):
            kept.add(block.index)
    return kept


def _agrees(body: list[Block], disagree: list[Block]) -> bool:
    """readability found the record's article: its answer holds most of the record's text, or
    nearly all of the record's prose. The second reading counts on pages where trafilatura
    kept a whole page of menus and headline lists around a short article: the debris then
    outweighs the article, and only the sentences tell which text readability found."""
    total = sum(len(b.text) for b in body)
    if sum(len(b.text) for b in disagree) <= (1 - VOTE_MIN_AGREEMENT) * total:
        return True
    prose = sum(len(b.text) for b in body if is_prose(b.text))
    lost = sum(len(b.text) for b in disagree if is_prose(b.text))
    return prose >= VOTE_MIN_PROSE_CHARS and lost <= (1 - VOTE_MIN_PROSE_AGREEMENT) * prose


def _in_body_list(
    block: Block, home: int | None, place: tuple, agreed: set, link_share: dict[int, float]
) -> bool:
    """A block of a list (an item, a paragraph inside an item, an item of a nested list)
    whose outermost list sits right in the element of agreed paragraphs (steps, specs, a
    packing list, a listicle's details between the article's paragraphs), when it is a
    sentence or not a link. readability drops such lists when their text is short, when
    their items link to the things they name, or keeps only some of their items; its answer
    is then silent about them, not against them. A list of links (headlines) still goes.

    A list item that is no link also stays when its own list holds items readability kept,
    or is of the kind (tag and class) of one whose items it kept: the article's feature and
    step lists sit deeper than the body box in a template's cards (one card per product),
    and readability keeps the lists of some cards and drops the others."""
    if not is_prose(block.text) and link_share.get(block.index, 0.0) >= LIST_MAX_LINK_SHARE:
        return False
    if home is not None and home in agreed:
        return True
    return block.tag == "li" and bool(agreed.intersection(place))


def _home(block: Block, card: lxml_html.HtmlElement | None) -> int | None:
    """The element holding the data table or the list a block is part of (None: neither)."""
    home = _table_home(block, card)
    return home if home is not None else _list_home(card)


def _table_home(block: Block, card: lxml_html.HtmlElement | None) -> int | None:
    """The element holding the data table a row block is part of, seen through wrappers that
    hold only the table (a scrolling box, a figure). readability drops tables of short cells
    (specs, prices, a comparison, a shopping list), and the rows of one that sits among the
    article's paragraphs are as much the article as its lists are. Only a data table counts:
    a row of several cells (the blocks' " | "), in a table holding no table. Old pages lay
    out the whole page, menus and headline boxes included, as nested tables whose rows are
    one cell each: those stay the vote's to remove."""
    if block.tag != "tr" or card is None or " | " not in block.text:
        return None
    table = card if card.tag == "table" else card.getparent()
    if table is None or table.tag != "table" or table.find(".//table") is not None:
        return None
    home = table.getparent()
    while (
        home is not None
        and home.tag not in _TABLE_PARTS
        and len(home) == 1
        and not (home.text or "").strip()
    ):
        parent = home.getparent()
        if parent is None:
            break
        home = parent
    return None if home is None else id(home)


# a layout table's cell or row is no wrapper: a table in one sits in the page's layout
_TABLE_PARTS = frozenset(("td", "th", "tr", "tbody", "thead", "tfoot", "table"))


def _list_home(card: lxml_html.HtmlElement | None) -> int | None:
    """The element holding the outermost list (`ul`, `ol`) around a block's card, within a
    few levels (None: the block is in no list)."""
    home = None
    for node in _upward(card, _LIST_DEPTH):
        parent = node.getparent()
        if node.tag in ("ul", "ol") and parent is not None:
            home = id(parent)
    return home


# levels looked up from a block's card for the list it is in (a list item holding a
# paragraph holding a nested list is four)
_LIST_DEPTH = 6


def _place(card: lxml_html.HtmlElement | None) -> tuple:
    """A block's element (its card), the kind of that element (tag and class; only for
    elements with a class) and the element above it."""
    if card is None:
        return ()
    marks = card.get("class")
    kind = (card.tag, marks) if marks else id(card)
    parent = card.getparent()
    return (id(card), kind) if parent is None else (id(card), kind, id(parent))
