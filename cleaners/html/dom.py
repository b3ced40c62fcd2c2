"""Markup to blocks: one block per leaf block element, in document order.

A block is what a reader sees as one paragraph: a `p`, a heading, a list item, a caption, a
table row (cells joined with " | "), or a `div` holding only inline content. Inline text beside
block children becomes its own block, as browsers make anonymous block boxes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import html as lxml_html

from cleaners.normalize import normalize_line

HtmlElement = lxml_html.HtmlElement

BLOCK_TAGS = frozenset(
    """p h1 h2 h3 h4 h5 h6 li dt dd figcaption blockquote pre tr legend div section article
    aside form header footer main nav ul ol dl table tbody thead tfoot figure fieldset address
    details summary caption center hr body""".split()  # noqa: SIM905
)
SKIP_TAGS = frozenset(
    """script style noscript iframe svg template head select option textarea canvas video
    audio object embed map button-icon input img picture source link meta""".split()  # noqa: SIM905
)
HEADING_TAGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
_SPACE = re.compile(r"\s+")


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
    return normalize_line(_SPACE.sub(" ", text))


def _has_block(element: HtmlElement, memo: dict[HtmlElement, bool]) -> bool:
    found = memo.get(element)
    if found is None:
        found = any(
            _tag(child) in BLOCK_TAGS or (_tag(child) not in SKIP_TAGS and _has_block(child, memo))
            for child in element
        )
        memo[element] = found
    return found


def _row_text(row: HtmlElement) -> str:
    cells = [_clean(_inline_text(cell)) for cell in row if _tag(cell) in ("td", "th")]
    return " | ".join(c for c in cells if c)


def iter_blocks(root: HtmlElement) -> Iterator[DomBlock]:
    """All blocks under `root` in document order."""
    memo: dict[HtmlElement, bool] = {}

    def walk(element: HtmlElement) -> Iterator[DomBlock]:
        tag = _tag(element)
        if tag in SKIP_TAGS or not tag:
            return
        if tag == "tr":
            text = _row_text(element)
            if text:
                yield DomBlock(element, text, tag)
            return
        if not _has_block(element, memo):
            text = _clean(_inline_text(element))
            if text:
                yield DomBlock(element, text, tag)
            return
        run: list[str] = [element.text or ""]
        for child in element:
            child_tag = _tag(child)
            if child_tag in BLOCK_TAGS or (child_tag not in SKIP_TAGS and _has_block(child, memo)):
                text = _clean("".join(run))
                if text:
                    yield DomBlock(element, text, "inline")
                run = []
                yield from walk(child)
            elif child_tag and child_tag not in SKIP_TAGS:
                run.append(_inline_text(child))
            run.append(child.tail or "")
        text = _clean("".join(run))
        if text:
            yield DomBlock(element, text, "inline")

    yield from walk(root)
