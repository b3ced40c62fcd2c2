"""trafilatura's main content, as a list of paragraph texts in page order.

trafilatura runs on the tree `clean_html` already parsed (it works on its own copy), and its
result is read as a tree (`bare_extraction`): no serialisation to XML and back, no fingerprint.
It runs in `fast` mode, without the readability/jusText comparison: the paragraphs it drops are
recovered from the markup afterwards, and the rules do the finer cleaning. When fast mode finds
nothing, or text that cannot be found in the page's blocks (its last resort is a dump of the
whole page), `clean_html` asks again without it.

The paragraphs are the leaf blocks of its output, cut as `cleaners.html.dom` cuts the page so
that they can be matched back to it: a table row is its cells joined with " | " (unless the
cells hold paragraphs of their own, as in table layouts), text beside nested blocks is a block
of its own, `<lb/>` is a space.
"""

from __future__ import annotations

import logging

from lxml import html as lxml_html
from trafilatura.core import bare_extraction
from trafilatura.settings import Extractor

# Comments off as in the benchmark's own adapter; tables in; links, images, metadata and
# deduplication off (repeated paragraphs stay visible to our own rules).
_OPTIONS = {
    fast: Extractor(
        output_format="xml",
        fast=fast,
        comments=False,
        tables=True,
        images=False,
        links=False,
        dedup=False,
        with_metadata=False,
    )
    for fast in (True, False)
}
FAST_OPTIONS = _OPTIONS[True]
# trafilatura's output elements that start a block of their own
_BLOCKS = frozenset(
    ("p", "head", "item", "row", "cell", "quote", "code", "list", "table", "div", "main", "body")
)
_STRUCTURE = frozenset(("p", "head", "list", "item", "quote", "table", "code", "div"))

# trafilatura logs every page it discards
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


def _tag(element: lxml_html.HtmlElement) -> str:
    return element.tag if isinstance(element.tag, str) else ""


def _inline(element: lxml_html.HtmlElement, parts: list[str]) -> None:
    if _tag(element) == "lb":
        parts.append(" ")
    if element.text:
        parts.append(element.text)
    for child in element:
        _inline(child, parts)
        if child.tail:
            parts.append(child.tail)


def _text(parts: list[str]) -> str:
    return " ".join("".join(parts).split())


def _row(row: lxml_html.HtmlElement) -> str | None:
    """A table row's text, cells joined with " | "; None when its cells hold blocks."""
    cells = []
    for cell in row:
        if any(_tag(d) in _STRUCTURE for d in cell.iterdescendants()):
            return None
        parts: list[str] = []
        _inline(cell, parts)
        cells.append(_text(parts))
    return " | ".join(c for c in cells if c)


def _blocks(element: lxml_html.HtmlElement, out: list[str]) -> None:
    if _tag(element) == "row":
        text = _row(element)
        if text is not None:
            if text:
                out.append(text)
            return
    run: list[str] = [element.text or ""]
    for child in element:
        tag = _tag(child)
        if tag in _BLOCKS:
            if text := _text(run):
                out.append(text)
            run = []
            _blocks(child, out)
        elif tag:
            _inline(child, run)
        run.append(child.tail or "")
    if text := _text(run):
        out.append(text)


def extracted_texts(root: lxml_html.HtmlElement, fast: bool = True) -> list[str]:
    """trafilatura's main-content blocks of the parsed page, in order. `fast=False` adds
    trafilatura's comparison with its other extractors (for pages where fast mode fails)."""
    try:
        document = bare_extraction(root, options=_OPTIONS[fast])
    except (TypeError, ValueError):
        return []
    body = getattr(document, "body", None)
    if body is None:
        return []
    out: list[str] = []
    _blocks(body, out)
    return out
