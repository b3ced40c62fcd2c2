"""The part of the page trafilatura's fast mode is asked about: the box holding the article.

trafilatura's work grows with the whole page (it copies the tree, prunes it with XPath
expressions over every element, measures the page's text), while the article is often a
small part of it. When one element holds nearly all of the page's prose and the headline,
fast mode is run on a document holding that element alone, at a fraction of the cost. Its
answer can differ from the whole page's: what lies outside the box (teasers, a footer, but
also a part of the article set apart) is not offered to it, and a box read as no article
is asked again as the whole page; the full cascade, when asked, reads the whole page. Over
the three development corpora the records gained on every corpus (README, Evaluation), and
every HTML fixture gives the same text either way (tests/test_scope.py).

Whichever part is asked, fast mode gets a lean copy of it: without the elements trafilatura
deletes with their content before reading (menus, asides, footers, icons, buttons), which
it would otherwise copy three times and search first. Its answer is the same but where it
falls back on the part as it was (a short answer is rescued from the whole page's text):
such an answer is asked again of the page as it is."""

from __future__ import annotations

from collections.abc import Sequence
from copy import deepcopy
from typing import cast

from lxml import etree
from lxml import html as lxml_html
from trafilatura.settings import MANUALLY_CLEANED

from cleaners.html.dom import DomBlock, weight_by_ancestor
from cleaners.html.main_content import FAST_OPTIONS as _FAST_OPTIONS

# the box must hold this share of the page's prose words ...
SCOPE_PROSE_SHARE = 0.85
# ... and at most this share of the page's elements (else the whole page costs little more)
SCOPE_MAX_ELEMENTS = 0.6


def article_box(
    dom: Sequence[DomBlock], prose_words: Sequence[int], headline: int | None
) -> lxml_html.HtmlElement | None:
    """The nearest ancestor of the page's longest prose block that holds `SCOPE_PROSE_SHARE`
    of the page's prose words, widened to the largest box around it that is still a small
    part of the page, when the page's headline (the block at `headline`, found from its
    metadata title) is in it. Else None: the prose outside the box may be the article (a
    short story above a column of long teasers, or above its readers' comments)."""
    total = sum(prose_words)
    if total == 0 or headline is None:
        return None
    held = weight_by_ancestor((b.element, n) for b, n in zip(dom, prose_words, strict=True) if n)
    longest = max(range(len(dom)), key=prose_words.__getitem__)
    box: lxml_html.HtmlElement | None = dom[longest].element
    while box is not None and held.get(box, 0) < SCOPE_PROSE_SHARE * total:
        box = box.getparent()
    if box is None or box.getparent() is None or box.tag in ("body", "html"):
        return None
    # the largest box under the size limit around it: the article's other parts (its
    # subheadings, lists, a last paragraph set apart) sit in boxes beside the one holding its
    # prose
    root = box.getroottree().getroot()
    limit = SCOPE_MAX_ELEMENTS * _count(root)
    if _count(box) > limit:
        return None
    while (parent := box.getparent()) is not None and parent.tag not in ("body", "html"):
        if _count(parent) > limit:
            break
        box = parent
    headline_element = dom[headline].element
    if box is not headline_element and box not in headline_element.iterancestors():
        return None
    return box


def box_document(box: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    """A document whose body holds a lean copy of the box (without the text that follows it)."""
    document = cast(
        lxml_html.HtmlElement, lxml_html.document_fromstring("<html><body></body></html>")
    )
    copy = deepcopy(box)
    copy.tail = None
    document.body.append(copy)
    _drop_unread(document)
    return document


def page_document(root: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    """A lean copy of the whole page, for fast mode when no box holds the article."""
    document = deepcopy(root)
    _drop_unread(document)
    return document


# The elements trafilatura deletes with their content before it reads the page (its
# `MANUALLY_CLEANED`, taken from trafilatura so that the two agree): menus, asides, footers,
# icons, buttons, form fields. They are a third of the ScrapingHub pages' elements, which
# trafilatura would copy three times and search with its XPath expressions before deleting
# them. Kept: the ones it reads first (a <form> wrapping the page's content is kept as a
# <div>, a <figure> holding a table becomes one, <math> leaves its formula) and <head>.
# Its answer can differ where it measures the page as it was (a short answer is compared
# with the whole page's text, and rescued from it): README, Evaluation, gives the effect.
_UNREAD = tuple(tag for tag in MANUALLY_CLEANED if tag not in ("form", "figure", "math", "head"))


def rescued_from_page(texts: Sequence[str]) -> bool:
    """Whether trafilatura, given the page as it was, would have taken its answer from the
    whole page (its baseline rescue, under `min_extracted_size` characters): an article in a
    <fieldset> or an <aside>, which its cleaning deletes, is found there and nowhere else."""
    return sum(map(len, texts)) < _FAST_OPTIONS.min_extracted_size


def _drop_unread(document: lxml_html.HtmlElement) -> None:
    """Deletes `_UNREAD` elements with their content, tails kept (as trafilatura does)."""
    etree.strip_elements(document, *_UNREAD, with_tail=False)


def _count(element: lxml_html.HtmlElement) -> int:
    """The element and its descendants, counted in C."""
    return int(element.xpath("count(descendant-or-self::*)"))
