"""Markup to blocks: one block per leaf block element, in document order.

A block is what a reader sees as one paragraph: a `p`, a heading, a list item, a caption, a
table row (cells joined with " | "), or a `div` holding only inline content. Inline text beside
block children becomes its own block, as browsers make anonymous block boxes.

The walk visits every element once, bottom-up: an element's inline text is built from its
children's, and an element is a leaf when none of its children is a block. On the way it takes
out markup a reader never sees (`cleaners.html.prune`), so that trafilatura, which runs on the
same tree afterwards, does not see it either.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from lxml.html import HtmlElement

from cleaners.html.prune import Pruner

BLOCK_TAGS = frozenset(
    """p h1 h2 h3 h4 h5 h6 li dt dd figcaption blockquote pre tr legend div section article
    aside form header footer main nav ul ol dl table tbody thead tfoot figure fieldset address
    details summary caption center hr body td th""".split()  # noqa: SIM905
)
SKIP_TAGS = frozenset(
    """script style noscript iframe svg template head select option textarea canvas video
    audio object embed map button-icon input img picture source link meta""".split()  # noqa: SIM905
)
HEADING_TAGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))


@dataclass(slots=True)
class DomBlock:
    element: HtmlElement  # the block element (for anonymous blocks: their parent)
    text: str
    tag: str


def _tag(element: HtmlElement) -> str:
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else ""


def _inline_text(element: HtmlElement) -> str:
    """Visible text of an inline subtree (scripts, styles, form values and alt text excluded)."""
    parts: list[str] = []

    def collect(node: HtmlElement) -> None:
        tag = _tag(node)
        if tag in SKIP_TAGS or not tag:
            return
        if tag == "br":
            parts.append(" ")
        if node.text:
            parts.append(node.text)
        for child in node:
            collect(child)
            if child.tail:
                parts.append(child.tail)

    collect(element)
    return "".join(parts)


def _clean(text: str) -> str:
    """Whitespace runs (newlines, tabs, no-break spaces...) to one space, ends trimmed."""
    return " ".join(text.split())


# Cell content that makes a row a layout row: the cells hold paragraphs, lists, nested tables
# (old table layouts put the whole page, article included, in one row's cells).
_LAYOUT_CELL_TAGS = frozenset(
    "p div table ul ol dl blockquote h1 h2 h3 h4 h5 h6 article section pre form".split()  # noqa: SIM905
)


def is_layout_row(row: HtmlElement) -> bool:
    """A table row whose cells hold blocks of their own: read as a container of blocks, not
    as one row of data joined with " | " (which would make a whole page one block)."""
    for cell in row:
        tag = _tag(cell)
        if tag not in ("td", "th"):
            if tag:  # malformed markup: a table or a paragraph straight in the row
                return True
            continue
        for inner in cell.iterdescendants():
            if _tag(inner) in _LAYOUT_CELL_TAGS:
                return True
    return False


def _row_text(row: HtmlElement) -> str:
    cells = [_clean(_inline_text(cell)) for cell in row if _tag(cell) in ("td", "th")]
    return " | ".join(c for c in cells if c)


def iter_blocks(root: HtmlElement, prune: bool = True) -> list[DomBlock]:
    """All blocks under `root` in document order. With `prune`, hidden and on-demand
    elements are taken out of the tree on the way (see `cleaners.html.prune`)."""
    tag = _tag(root)
    if not tag or tag in SKIP_TAGS:
        return []
    pruner = Pruner(root) if prune else None
    visit = _visitor(pruner)
    payload = visit(root, tag)
    if pruner is not None:
        pruner.finish()
    if isinstance(payload, list):
        return payload
    text = _clean(payload)
    return [DomBlock(root, text, tag)] if text else []


def _visitor(pruner: Pruner | None) -> Callable[[HtmlElement, str], str | list[DomBlock]]:
    # The walk asks about every element of the page (about 540 a page on the ScrapingHub
    # set): one pass over an element's children (not one to find whether any is a block and
    # a second to build its text), each child's tail read once, and the prune test asked
    # only of elements that carry an attribute it reads (`Pruner.suspect`). iter_blocks on
    # the 181 ScrapingHub pages (CPU, best of 10 runs alternating with the two-pass walk
    # asking `drops` of every element, same trees): 2.61 -> 2.02 ms a page; instructions
    # (callgrind, pages parsed fresh) 10.8 M -> 9.7 M a page.
    # tests/test_fast_paths.py checks the blocks against the plain two-pass walk
    # (tests/plain_paths.py).
    suspect = pruner.suspect if pruner is not None else None
    drops = pruner.drops if pruner is not None else None

    def visit(element: HtmlElement, tag: str) -> str | list[DomBlock]:
        """The inline text of an element without block children, else its blocks."""
        if tag == "tr" and not is_layout_row(element):
            text = _row_text(element)
            return [DomBlock(element, text, tag)] if text else []
        blocks: list[DomBlock] | None = None  # None until a block child is met
        run: list[str] = [element.text or ""]
        for child in element:
            child_tag = child.tag
            if not isinstance(child_tag, str):  # a comment or processing instruction
                tail = child.tail
                if tail:
                    run.append(tail)
                continue
            child_tag = child_tag.lower()
            if child_tag in SKIP_TAGS or (
                suspect is not None and suspect(child) and drops(child)  # type: ignore[misc]
            ):
                tail = child.tail
                if tail:
                    run.append(tail)
                continue
            payload: str | list[DomBlock]
            if child_tag != "tr" and not len(child):
                # a leaf: the inline text `visit` would give, without the call
                payload = child.text or ""
                if child_tag == "br":
                    payload = " " + payload
            else:
                payload = visit(child, child_tag)
            if child_tag in BLOCK_TAGS or isinstance(payload, list):
                if blocks is None:
                    blocks = []
                text = _clean("".join(run))
                if text:
                    blocks.append(DomBlock(element, text, "inline"))
                if isinstance(payload, list):
                    blocks.extend(payload)
                elif text := _clean(payload):
                    blocks.append(DomBlock(child, text, child_tag))
                run = []
            elif payload:
                run.append(payload)
            tail = child.tail
            if tail:
                run.append(tail)
        if blocks is None:
            text = "".join(run)
            return " " + text if tag == "br" else text
        text = _clean("".join(run))
        if text:
            blocks.append(DomBlock(element, text, "inline"))
        return blocks

    return visit


def weight_by_ancestor(weighted: Iterable[tuple[HtmlElement, int]]) -> Counter[HtmlElement]:
    """How much weight (characters, words) of the given blocks each element holds: a block's
    weight counts for its element and every ancestor (where the article's text sits)."""
    held: Counter[HtmlElement] = Counter()
    for element, weight in weighted:
        held[element] += weight
        for ancestor in element.iterancestors():
            held[ancestor] += weight
    return held
