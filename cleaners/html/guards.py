"""Body paragraphs the text rules must not take on an HTML page.

Some text rules read one line's wording: a line ending in an agency name ("... – AFP",
"(Additional reporting by ...)") is a caption, short lines about money form a donation box.
On a text dump that is all there is to go on. On an HTML page the markup says more: a `<p>`
of 25 words or more that trafilatura kept as article text and that no figure or caption markup
holds is a body paragraph, whatever its last words are. Measured over the development corpora
(`tools/rule_precision.py`), the caption-credit and donation-box rules removed more reference
body than debris on HTML pages, nearly all of it in such paragraphs; short captions, credits
and appeal lines are still theirs.

A row of a data table (one with header cells) that trafilatura kept is guarded too: its
cells end in bracketed units and notes. Of the extracted rows the caption rule removed on
WCXB, most were reference body, nearly all of them rows of tables with header cells.

A list item that trafilatura kept is guarded whatever its length: an item of an enumeration
ends in a bracketed note ("Seka Moving (4.96/5 rating)", "iPhone 7 (Renewed)", "Secure key
vendors (photo, video, florist)") as often as a caption ends in a credit. Of the extracted
`<li>` blocks the caption rule removed on WCXB, 76 were reference body and 2 debris. A bare
credit line ("Photo: AFP", "Courtesy: Name") and the item just above one stay the rule's.
"""

from __future__ import annotations

from dataclasses import dataclass

from cleaners.blocks import Block, Page
from cleaners.html.dom import HtmlElement
from cleaners.html.page import HtmlPage
from cleaners.rules.base import Rule
from cleaners.rules.captions import is_credit_line

# a paragraph this long is body text, not a caption or an appeal line
BODY_PARAGRAPH_WORDS = 25


def _is_item(block: Block, after: Block | None) -> bool:
    """A list item that is not a credit line and does not sit above one (a credit on its own
    line closes the caption above it). Table rows are left to the rules: on old table-built
    pages a row is page layout and holds real captions and news-list rows (guarding rows with
    two cells or more gained 0.0005 F1 on WCXB but lost 0.0005 on L3S-GN1)."""
    if block.tag != "li":
        return False
    if is_credit_line(block.text):
        return False
    return after is None or not is_credit_line(after.text)


def _guarded(block: Block, after: Block | None, page: HtmlPage) -> bool:
    if not block.kept or block.index not in page.extracted or block.index in page.outside:
        return False
    if block.index in page.markup_reasons:
        return False
    if block.tag == "p":
        return block.n_words >= BODY_PARAGRAPH_WORDS
    if block.tag == "tr":  # a row of two cells or more ("name | value") of a data table
        return _CELL_JOINT in block.text and _data_row(page.container.get(block.index))
    return _is_item(block, after)


def _data_row(card: HtmlElement | None) -> bool:
    """A row of a data table: a table with header cells (`<th>`, or a `<thead>`). Its cells
    end in bracketed units and notes ("Battery life | 2,000 hours (RGB off)", "Pruning time |
    late winter (UK)") as a caption ends in a credit. Old table-built pages lay out photos and
    their captions in rows too, but with no header cells: those rows stay the rule's."""
    node = card
    for _ in range(_TABLE_LEVELS):
        if node is None:
            return False
        if node.tag == "table":
            found = node.find(".//th")
            if found is None:
                found = node.find(".//thead")
            return found is not None
        node = node.getparent()
    return False


# how the block walk joins a row's cells (`cleaners.html.dom`): a row of one cell (a team's
# line-up under its name, a caption under a photo) stays the rule's
_CELL_JOINT = " | "
# levels from a row's card (its <tbody>, <thead> or <table>) up to its table
_TABLE_LEVELS = 2


@dataclass(frozen=True, slots=True)
class BodyGuard:
    """Runs `rule` and gives back the body paragraphs (see the module's docstring) it took."""

    rule: Rule

    @property
    def name(self) -> str:  # the wrapped rule's name: site packs disable it by that name
        return self.rule.name

    def apply(self, page: Page) -> None:
        if not isinstance(page, HtmlPage):  # a text dump: the rule alone decides
            self.rule.apply(page)
            return
        blocks = page.blocks
        guarded = [
            b
            for position, b in enumerate(blocks)
            if _guarded(b, blocks[position + 1] if position + 1 < len(blocks) else None, page)
        ]
        self.rule.apply(page)
        for block in guarded:
            if block.removal is not None and block.removal.rule == self.rule.name:
                block.removal = None
