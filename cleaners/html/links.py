"""How much of a block's text is link text: teasers and link lists are mostly links.

Link text is measured on the markup (the `<a>` elements inside a block, or an `<a>` around it)
and compared with the block's visible text.
"""

from __future__ import annotations

from cleaners.html.dom import DomBlock, HtmlElement


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
