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

from collections.abc import Callable
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
    blocky, payload = visit(root, tag)
    if pruner is not None:
        pruner.finish()
    if blocky:
        return payload  # type: ignore[return-value]
    text = _clean(payload)  # type: ignore[arg-type]
    return [DomBlock(root, text, tag)] if text else []


def _visitor(
    pruner: Pruner | None,
) -> Callable[[HtmlElement, str], tuple[bool, str | list[DomBlock]]]:
    drops = pruner.drops if pruner is not None else None

    def visit(element: HtmlElement, tag: str) -> tuple[bool, str | list[DomBlock]]:
        """(False, inline text) for an element without block children, else (True, its
        blocks)."""
        if tag == "tr" and not is_layout_row(element):
            text = _row_text(element)
            return True, [DomBlock(element, text, tag)] if text else []
        results: list[tuple[HtmlElement, str, bool, str | list[DomBlock] | None]] = []
        has_block = False
        payload: str | list[DomBlock] | None  # a child's inline text or blocks (None: skipped)
        for child in element:
            child_tag = child.tag
            if not isinstance(child_tag, str):
                results.append((child, "", False, None))
                continue
            child_tag = child_tag.lower()
            if child_tag in SKIP_TAGS or (drops is not None and drops(child)):
                results.append((child, "", False, None))
                continue
            if child_tag != "tr" and not len(child):
                # a leaf: the inline text `visit` would give, without the call
                blocky = False
                payload = child.text or ""
                if child_tag == "br":
                    payload = " " + payload
            else:
                blocky, payload = visit(child, child_tag)
            if blocky or child_tag in BLOCK_TAGS:
                has_block = True
            results.append((child, child_tag, blocky, payload))
        if not has_block:
            parts = [" " if tag == "br" else "", element.text or ""]
            for child, _, _, payload in results:
                if payload:
                    parts.append(payload)  # type: ignore[arg-type]
                if child.tail:
                    parts.append(child.tail)
            return False, "".join(parts)
        blocks: list[DomBlock] = []
        run: list[str] = [element.text or ""]
        for child, child_tag, blocky, payload in results:
            if child_tag and (blocky or child_tag in BLOCK_TAGS):
                text = _clean("".join(run))
                if text:
                    blocks.append(DomBlock(element, text, "inline"))
                run = []
                if blocky:
                    blocks.extend(payload)  # type: ignore[arg-type]
                elif text := _clean(payload):  # type: ignore[arg-type]
                    blocks.append(DomBlock(child, text, child_tag))
            elif payload:
                run.append(payload)  # type: ignore[arg-type]
            run.append(child.tail or "")
        text = _clean("".join(run))
        if text:
            blocks.append(DomBlock(element, text, "inline"))
        return True, blocks

    return visit
