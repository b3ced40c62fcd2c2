"""How much of a block's text is link text: teasers and link lists are mostly links.

Link text is measured on the markup (the `<a>` elements inside a block, or an `<a>` around it)
and compared with the block's visible text. For a list item the whole list is measured too: a
list of links to other stories is links from end to end, while a list in an article body
carries plain text.
"""

from __future__ import annotations

from cleaners.html.dom import DomBlock, HtmlElement

_LIST_ITEMS = frozenset(("li", "dd", "dt"))
_LISTS = frozenset(("ul", "ol", "dl"))


def _visible_length(text: str) -> int:
    return len("".join(text.split()))


def _inside_link(element: HtmlElement, stop: HtmlElement | None) -> bool:
    node = element.getparent()
    while node is not None and node is not stop:
        if node.tag == "a":
            return True
        node = node.getparent()
    return False


def _link_length(element: HtmlElement) -> int:
    return sum(_visible_length(a.text_content()) for a in element.iter("a"))


def link_share(block: DomBlock, stop: HtmlElement | None) -> float:
    """Share (0 to 1) of the block's visible text that is link text; 0 for anonymous text."""
    if block.tag == "inline":
        return 0.0
    if _inside_link(block.element, stop):
        return 1.0
    size = _visible_length(block.text)
    if not size:
        return 0.0
    return min(1.0, _link_length(block.element) / size)


def list_link_share(block: DomBlock, cache: dict[HtmlElement, float]) -> float | None:
    """Link share of the whole list a list item belongs to (None for other blocks)."""
    if block.tag not in _LIST_ITEMS:
        return None
    parent = block.element.getparent()
    if parent is None or parent.tag not in _LISTS:
        return None
    if parent not in cache:
        size = _visible_length(parent.text_content())
        cache[parent] = min(1.0, _link_length(parent) / size) if size else 0.0
    return cache[parent]
