"""`clean_html`: trafilatura finds the article, the markup walk keeps its structure and debris.

1. Decode (BOM, HTTP/meta charset, detection) and parse with lxml; metadata from JSON-LD and
   meta tags.
2. trafilatura extracts the main content (XML output, comments off, tables on). Its paragraphs
   are matched back to the page's blocks, which locates the article region: the deepest element
   holding most of the extracted text, widened to the headline's <article>.
3. The region's blocks, from the headline on, become the page: blocks trafilatura kept, and
   blocks it dropped but that are paragraphs, subheadings, list items or table rows of the
   article (recovered); debris in the region is listed in `removed` with its reason.
4. The same rules as the text path run on these blocks, plus the markup signals (captions,
   share bars, related boxes, forms...) and a second <article> as a story boundary.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from cleaners.blocks import Block, Page
from cleaners.html.comments import THREAD_RULE, ThreadBlock, comment_thread
from cleaners.html.decode import (
    UndecodableError,
    bound_depth,
    bound_html,
    decode_html,
    reaches_depth_check,
)
from cleaners.html.dom import DomBlock, iter_blocks, weight_by_ancestor
from cleaners.html.links import link_share
from cleaners.html.main_content import extracted_texts
from cleaners.html.metadata import TITLE_TAG, PageMetadata, extract_metadata
from cleaners.html.page import HtmlPage
from cleaners.html.page_fields import PageFields, page_fields, region_image
from cleaners.html.prune import drop_code
from cleaners.html.scope import article_box, box_document, page_document, rescued_from_page
from cleaners.html.shown_headline import shown_headline
from cleaners.html.signals import is_standfirst_marked, marked_ancestor
from cleaners.html.vote import SecondOpinion, readability_blocks
from cleaners.normalize import may_need_repair, repair_mojibake
from cleaners.pipeline import run_rules, to_article
from cleaners.record import STATUS_REJECTED, Article, site_key
from cleaners.rules import html_rules
from cleaners.rules.page_level import error_page_heading, is_bot_wall
from cleaners.sitepack import SitePack
from cleaners.textfeatures import fold, is_prose, word_count

# Work per page is bounded: pages beyond this many characters are cut (article text sits far
# above it; multi-megabyte pages are inline data and scripts).
MAX_HTML_CHARS = 3_000_000
_REGION_SHARE = 0.8  # the region holds at least this share of the extracted text
_MAX_BEFORE_HEADLINE = 0.3  # share of the article text that may precede the headline
_MIN_COVERAGE = 0.6  # below this share of trafilatura's text found in the markup: fall back
# fast mode's paragraphs holding less than this share of the page's prose: ask the full cascade
_FAST_PROSE_SHARE = 0.5
# the full cascade's answer is taken when it holds this many times fast mode's prose
_FULL_GAIN = 1.5
# fast mode's answer with this many words of prose is an article of its own: the full
# cascade's answer must add prose in the same elements
_FAST_ENOUGH_PROSE = 100
# A page holding this many times fast mode's prose (a listicle: an intro, then items each in
# a box of its own, which fast mode leaves out) asks the full cascade, whose answer is taken
# when it holds this many times fast mode's prose inside fast mode's article region.
_LISTING_GAIN = 3.0
# no full cascade on pages with more visible text than this (no article is that long; the
# page is a dump or an archive, and the cascade's cost grows with it)
_MAX_FULL_CASCADE_CHARS = 400_000
# Parsed as trafilatura parses (comments and processing instructions dropped), so that the one
# tree serves both the markup walk and trafilatura. Every element is an HtmlElement, chosen in
# C: lxml.html's own lookup (form and input classes) is a Python call per element touched.
_PARSER = lxml_html.HTMLParser(
    collect_ids=False,
    default_doctype=False,  # type: ignore[call-arg]  # an lxml option lxml-stubs do not list
    encoding="utf-8",
    remove_comments=True,
    remove_pis=True,
)
_PARSER.set_element_class_lookup(
    etree.ElementDefaultClassLookup(
        element=lxml_html.HtmlElement,
        comment=lxml_html.HtmlComment,
        pi=lxml_html.HtmlProcessingInstruction,
        entity=lxml_html.HtmlEntity,
    )
)


def _rejected(
    reason: str,
    source: str,
    meta: PageMetadata | None,
    url: str | None,
    site: str | None = None,
    stated: PageFields | None = None,
) -> Article:
    canonical = stated.canonical_url if stated else None
    return Article(
        source=source,
        url=url,
        canonical_url=canonical,
        status=STATUS_REJECTED,
        reject_reason=reason,
        site=site_key(site, url, canonical),
        site_name=meta.site if meta else None,
    )


def _state(
    page: Page, stated: PageFields, site_name: str | None, url: str | None, site: str | None
) -> None:
    """The record's address, site and what the page states about itself, on `page`."""
    page.url, page.canonical_url = url, stated.canonical_url
    page.site, page.site_name = site_key(site, url, stated.canonical_url), site_name
    page.description, page.image = stated.description, stated.image
    page.tags, page.section = stated.tags, stated.section


def _parse(text: str) -> lxml_html.HtmlElement:
    try:
        return lxml_html.document_fromstring(text, parser=_PARSER)
    except ValueError:
        # "Unicode strings with encoding declaration are not supported"
        return lxml_html.document_fromstring(text.encode("utf-8", "surrogatepass"), parser=_PARSER)


def _match(dom: list[DomBlock], extracted: list[str]) -> list[int]:
    """Positions of the page blocks that trafilatura kept: equal to one of its paragraphs, or
    (long enough not to match by chance) a run of consecutive ones."""
    keys = [fold(t) for t in extracted]
    exact = set(keys)
    running = " ".join(keys)
    return [
        i
        for i, block in enumerate(dom)
        if (key := fold(block.text)) and (key in exact or (len(key) >= 20 and key in running))
    ]


class _Prose:
    """Words (script-aware) of each prose block of the page, counted once: the choice
    between trafilatura's answers weighs several sets of blocks (its answers, the page, the
    boxes its paragraphs sit in), mostly the same blocks."""

    def __init__(self, dom: list[DomBlock]) -> None:
        self._dom = dom
        self._words: list[int] | None = None

    def words(self, positions: Iterable[int]) -> int:
        """Prose words in the blocks at `positions`."""
        words = self.per_block()
        return sum(words[i] for i in positions)

    def per_block(self) -> list[int]:
        if self._words is None:
            self._words = [_prose_words(block.text) for block in self._dom]
        return self._words


def _prose_words(text: str) -> int:
    """The text's words when it is prose, else 0."""
    # under _MIN_PROSE_CHARS no text holds the 8 words of a sentence: not asked
    if len(text) >= _MIN_PROSE_CHARS and is_prose(text):
        return word_count(text)
    return 0


_MIN_PROSE_CHARS = 15  # eight one-letter words and their spaces


def _main_content(
    root: lxml_html.HtmlElement,
    dom: list[DomBlock],
    repair: bool = False,
    headline: int | None = None,
) -> _Extracted:
    """trafilatura's paragraphs, matched to the page blocks.

    Fast mode first, asked about the article's box alone when one element holds nearly all
    of the page's prose and the headline (`cleaners.html.scope`: a third of fast mode's time
    on the ScrapingHub pages saved), else about the whole page. Its full cascade (the
    comparison with its readability and jusText fallbacks) runs only when fast mode's answer
    looks wrong: nothing, text the page's blocks do not hold, or under half of the page's
    prose (fast mode picked a menu or a contact box beside the article, or only the
    article's first part). The full answer is taken when it finds clearly more prose and
    either fast mode's answer was hardly prose (a menu) or the added prose sits in the
    elements fast mode's paragraphs sit in (the rest of the same body). A short article
    beside a column of long teasers keeps fast mode's answer: the full cascade would take
    the teasers."""
    prose = _Prose(dom)
    box = article_box(dom, prose.per_block(), headline)
    document = page_document(root) if box is None else box_document(box)
    fast = _extraction(document, dom, fast=True, repair=repair)
    if not (fast.texts and fast.holds_most()) or (box is None and rescued_from_page(fast.texts)):
        # the box read as no article, or as text the page's blocks do not hold (its last
        # resort: a dump of the box); or the lean page read so short that trafilatura would
        # rescue the article from the page as it was: the page is asked as it is
        fast = _extraction(root, dom, fast=True, repair=repair)
    if sum(len(b.text) for b in dom) > _MAX_FULL_CASCADE_CHARS:
        return fast  # work per page stays bounded: no full cascade, no need to weigh it
    boxes: set[lxml_html.HtmlElement | None] = set()
    listing = False  # the page holds several times fast mode's prose: maybe a listicle
    usable = bool(fast.texts) and fast.holds_most()
    fast_prose = 0
    if usable:
        fast_prose = prose.words(fast.matched)
        page_prose = prose.words(range(len(dom)))
        if fast_prose >= _FAST_PROSE_SHARE * page_prose:
            return fast
        if fast_prose >= _FAST_ENOUGH_PROSE:
            boxes = {_container(dom[i].element) for i in fast.matched}
            in_boxes = (i for i, b in enumerate(dom) if _container(b.element) in boxes)
            listing = page_prose >= _LISTING_GAIN * fast_prose
            if prose.words(in_boxes) <= _FULL_GAIN * fast_prose and (
                not listing or not _may_gain_listing(dom, prose, fast, fast_prose)
            ):
                return fast  # the full answer could not gain enough: not asked
    full = _extraction(root, dom, fast=False, repair=repair)
    if not full.texts:
        return fast
    if full.holds_most():
        if not usable:  # any full answer the markup holds is better
            return full
        if fast_prose < _FAST_ENOUGH_PROSE:
            gained = prose.words(full.matched)
        else:  # only what continues fast mode's body counts
            gained = prose.words(i for i in full.matched if _container(dom[i].element) in boxes)
        if gained > _FULL_GAIN * fast_prose:
            return full
        if listing and _listing_gain(dom, prose, fast, full) >= _LISTING_GAIN * fast_prose:
            return full
        return fast
    # neither can be matched well: the one that matches more of the page
    if not usable and (not fast.texts or full.covered > fast.covered):
        return full
    return fast


def _may_gain_listing(
    dom: list[DomBlock], prose: _Prose, fast: _Extracted, fast_prose: int
) -> bool:
    """Whether the full answer could be taken as a listicle's: `_listing_gain` counts only
    blocks inside fast mode's article region, so when all of the region's prose is under
    `_LISTING_GAIN` times fast mode's, no answer reaches it and the cascade is not asked (its
    boxes hold no more prose either, so no other test could take it). The cascade costs about
    90 ms a page; on the ScrapingHub set it was asked on 6 pages for a listicle, and taken on
    none."""
    region = _region(dom, fast.matched, None)
    if region is None:
        return False
    members = set(region.iter())
    inside = (i for i, block in enumerate(dom) if block.element in members)
    return prose.words(inside) >= _LISTING_GAIN * fast_prose


def _listing_gain(dom: list[DomBlock], prose: _Prose, fast: _Extracted, full: _Extracted) -> int:
    """Prose words of the full answer inside fast mode's article region (its element holding
    most of fast mode's text, widened to its <article>): a listicle's items, each in a box of
    its own under the intro fast mode kept. Teasers of other stories sit outside it."""
    region = _region(dom, fast.matched, None)
    if region is None:
        return 0
    return prose.words(i for i in full.matched if _contains(region, dom[i].element))


def _extraction(
    root: lxml_html.HtmlElement, dom: list[DomBlock], fast: bool, repair: bool = False
) -> _Extracted:
    texts = extracted_texts(root, fast=fast)
    if repair:  # the page's blocks were repaired: so are trafilatura's, to match them
        texts = [repair_mojibake(t) for t in texts]
    matched = _match(dom, texts)
    return _Extracted(texts, matched, sum(len(dom[i].text) for i in matched))


def _page_from_extracted(
    extracted: list[str],
    fields: PageMetadata,
    stated: PageFields,
    source: str,
    url: str | None,
    site: str | None,
) -> Page:
    """trafilatura's paragraphs as the page's blocks, with the metadata's fields."""
    page = Page(
        blocks=[Block(index=i, text=t, tag="p") for i, t in enumerate(extracted)], source=source
    )
    _state(page, stated, fields.site, url, site)
    page.title = fields.title
    page.authors = list(fields.authors)
    page.published, page.updated = fields.published, fields.updated
    page.published_fallback = fields.published_fallback
    return page


def _ancestors(element: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    chain = []
    node = element
    while node is not None:
        chain.append(node)
        node = node.getparent()
    return chain


def _region(
    dom: list[DomBlock], matched: list[int], headline: lxml_html.HtmlElement | None
) -> lxml_html.HtmlElement | None:
    """The deepest element holding most of the matched text, widened to the headline's article."""
    if not matched:
        return headline.getparent() if headline is not None else None
    weight = weight_by_ancestor((dom[i].element, len(dom[i].text)) for i in matched)
    total = sum(len(dom[i].text) for i in matched)
    # over half of the text: the elements holding it are one chain of ancestors
    region = max(
        (node for node, w in weight.items() if w >= _REGION_SHARE * total),
        key=lambda node: len(_ancestors(node)),
    )
    if headline is not None and not _contains(region, headline):
        region_chain = set(_ancestors(region))
        common = next((n for n in _ancestors(headline) if n in region_chain), None)
        if common is not None and _tag(common) not in ("body", "html"):
            region = common
    article = next((n for n in _ancestors(region) if _tag(n) == "article"), None)
    return article if article is not None else region


def _tag(element: lxml_html.HtmlElement) -> str:
    return element.tag.lower() if isinstance(element.tag, str) else ""


def _contains(outer: lxml_html.HtmlElement, inner: lxml_html.HtmlElement) -> bool:
    node = inner
    while node is not None:
        if node is outer:
            return True
        node = node.getparent()
    return False


def _headline(dom: list[DomBlock], title: str | None) -> int | None:
    """Position of the page's headline block: the h1 matching the metadata title, else the
    first h1."""
    first = None
    key = fold(title) if title else None
    lower: int | None = None  # an h2/h3 matching the title
    for position, block in enumerate(dom):
        if block.tag not in _TITLE_TAGS:
            continue
        text = fold(block.text)
        matches = key is not None and (text == key or key in text)
        if block.tag != "h1":
            # the page title may carry the site's name after the headline
            prefix = key is not None and key.startswith(text) and 2 * len(text) >= len(key)
            if (matches or prefix) and lower is None:
                lower = position
            continue
        if first is None:
            first = position
        if matches:
            return position
    # Templates that set the site's name in an h1 (the logo) give the headline a lower rank.
    return lower if lower is not None else first


def _later_articles(region: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """<article> elements after the region (infinite scroll), not nested in it."""
    parent = region.getparent()
    if parent is None:
        return []
    found = []
    for element in parent.iter("article"):
        if element is region or _contains(region, element):
            continue
        if element.getparent() is not None and _precedes(region, element):
            found.append(element)
    return found


def _precedes(a: lxml_html.HtmlElement, b: lxml_html.HtmlElement) -> bool:
    for element in a.getroottree().iter():
        if element is a:
            return True
        if element is b:
            return False
    return False


def clean_html(
    html: str | bytes,
    url: str | None = None,
    *,
    site: str | None = None,
    source: str | None = None,
    http_charset: str | None = None,
    rules: Mapping[str, Any] | None = None,
) -> Article:
    """Clean one HTML page into an article record (same contract as `clean_text`).

    `rules` is a site's rule pack (the `[rules]` table of its seed file)."""
    pack = SitePack.from_mapping(rules) if rules else None
    page = page_from_html(html, url, site=site, source=source, http_charset=http_charset, pack=pack)
    if isinstance(page, Article):
        return page
    rules_run = html_rules(pack)
    article = to_article(run_rules(page, rules_run))
    if isinstance(page, HtmlPage) and _lost_the_article(page, article):
        # Never lose an article trafilatura found: its paragraphs, cleaned as a text dump
        # is (the markup facts did not hold), are the record.
        fields = PageMetadata(
            title=page.meta_title,
            authors=list(page.authors),
            published=page.published,
            updated=page.updated,
            published_fallback=page.published_fallback,
            site=page.site_name,
        )
        stated = PageFields(
            page.canonical_url, page.description, page.image, page.tags, page.section
        )
        fallback = _page_from_extracted(page.main_texts, fields, stated, page.source, url, site)
        rescued = to_article(run_rules(fallback, rules_run))
        if rescued.status == "ok" and word_count(rescued.text) > word_count(article.text):
            return rescued
    return article


# A record holding less than this share of the prose trafilatura found lost the article...
_LOST_SHARE = 0.2
# ...when that prose is an article's worth of words
_LOST_MIN_WORDS = 50


def _lost_the_article(page: HtmlPage, article: Article) -> bool:
    """Whether the cleaned record holds much less text than the prose trafilatura extracted
    (a rule or the markup took the article, or it could not be matched to the page's
    blocks). Sizes, not words in common: a record that holds the article as one block where
    trafilatura has a page of menus must not be swapped for the menus."""
    ok = article.status == "ok"
    if not ok and article.reject_reason != "empty":
        return False
    # trafilatura takes readers' comments for the article when they outweigh it: the thread
    # the markup found is no part of what the record could have lost
    thread = [r.text for r in article.removed if r.rule == THREAD_RULE]
    thread_chars = sum(len(t) for t in thread)
    if ok and len(article.text) >= _LOST_SHARE * (
        sum(len(t) for t in page.main_texts) - thread_chars
    ):
        return False  # holds a fifth of trafilatura's characters: not lost (and cheap to see)
    found = sum(word_count(t) for t in page.main_texts if is_prose(t))
    found -= sum(word_count(t) for t in thread)
    if found < _LOST_MIN_WORDS:
        return False
    return not ok or word_count(article.text) < _LOST_SHARE * found


class _Rejected(Exception):
    """The page is no article: the reason, with what was read of it before it was known."""

    def __init__(
        self, reason: str, meta: PageMetadata | None = None, stated: PageFields | None = None
    ) -> None:
        super().__init__(reason)
        self.reason, self.meta, self.stated = reason, meta, stated


@dataclass(slots=True)
class _Parsed:
    """A page read: its tree, what its metadata says, and its blocks in document order."""

    root: lxml_html.HtmlElement
    meta: PageMetadata
    stated: PageFields
    dom: list[DomBlock]
    repaired: bool  # the blocks' text had mojibake repaired (trafilatura's must be too)
    head_at: int | None  # the headline's position in `dom`


@dataclass(slots=True)
class _Region:
    """Where the article is: the element around it, further <article>s after it (infinite
    scroll, each a story of its own) and the position in the page's blocks it starts from."""

    element: lxml_html.HtmlElement
    later: list[lxml_html.HtmlElement]
    start: int | None  # the headline's position when the page is cut from it
    # The elements under `element` and under each later <article>, gathered on first use:
    # `scope` is asked about every block of the page, and a set look-up replaces a climb
    # through each block's ancestors (`_contains`). `_build_blocks` on the 181 ScrapingHub
    # pages (CPU, best of 9 interleaved runs, `scope` asked about every block): 0.10 s -> 0.05 s.
    _members: list[set[lxml_html.HtmlElement]] | None = None

    def scope(self, element: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
        """The region or later <article> holding `element`, if any (as `_contains` tells)."""
        if self._members is None:
            self._members = [set(s.iter()) for s in (self.element, *self.later)]
        for scope, members in zip((self.element, *self.later), self._members, strict=True):
            if element in members:
                return scope
        return None


@dataclass(slots=True)
class _Placed:
    """A page block with where it came from in the markup."""

    block: Block
    dom: DomBlock
    position: int  # in the page's blocks in document order
    scope: lxml_html.HtmlElement | None  # the region or later <article> holding it
    extracted: bool  # one of trafilatura's paragraphs


@dataclass(slots=True)
class _Extracted:
    """trafilatura's answer matched to the page's blocks."""

    texts: list[str]
    matched: list[int]  # positions of the blocks that match its paragraphs, in order
    covered: int  # the matched blocks' length

    def holds_most(self) -> bool:
        """Whether the page's blocks hold most of its text (else its paragraphs are the page)."""
        return not self.texts or self.covered >= _MIN_COVERAGE * sum(len(t) for t in self.texts)


def page_from_html(
    html: str | bytes,
    url: str | None = None,
    *,
    site: str | None = None,
    source: str | None = None,
    http_charset: str | None = None,
    pack: SitePack | None = None,
) -> Page | Article:
    """The article's blocks with what markup and metadata say, ready for the rules; or a
    rejected record when the page is no article (unreadable, bot wall, error page).

    Three steps: find the article region in the page (trafilatura's paragraphs matched to
    the blocks, `_find_region`), build the page's blocks from it (`_build_blocks`) and
    annotate them with what the markup says (`_annotate`)."""
    name = source or url or "<html>"
    try:
        parsed = _read(html, url, http_charset)
        main = _main_content(parsed.root, parsed.dom, parsed.repaired, parsed.head_at)
        if not main.holds_most():
            # trafilatura's paragraphs could not be found in the markup (text split at <br>,
            # generated content): clean its own blocks, as the text path does.
            return _page_from_extracted(main.texts, parsed.meta, parsed.stated, name, url, site)
        region = _find_region(parsed.dom, main, parsed.head_at)
        if region is None:
            raise _Rejected("empty", parsed.meta, parsed.stated)
    except _Rejected as rejected:
        return _rejected(rejected.reason, name, rejected.meta, url, site, rejected.stated)
    meta = parsed.meta
    title = meta.title
    # the tab's text, or no title at all (a page cut before its `<head>` ends): the page may
    # print its headline where no tag marks it
    if title is None or meta.sources.get("title") == TITLE_TAG:
        texts, elements = [b.text for b in parsed.dom], [b.element for b in parsed.dom]
        title = shown_headline(texts, main.matched, title, elements) or title
    page = HtmlPage(blocks=[], source=name, main_texts=main.texts, meta_title=title)
    _state(page, parsed.stated, meta.site, url, site)
    if page.image is None:  # no image stated: the article's first picture
        page.image = region_image(region.element, parsed.root, url or parsed.stated.canonical_url)
    placed = _build_blocks(page, parsed.dom, region, set(main.matched))
    if page.title_index is not None:
        page.title = title or page.blocks[page.title_index].text
    selected = pack.selected(parsed.root) if pack else {}
    _annotate(page, parsed.dom, placed, region.element, main.matched, selected)
    _standfirst(page, parsed.dom)
    # asked for after the page is built (readability rewrites the tree), only when needed
    page.second_opinion = SecondOpinion(lambda: readability_blocks(region.element))
    if page.title is None:
        page.title = title
    page.authors = list(meta.authors)
    page.published, page.updated = meta.published, meta.updated
    page.published_fallback = meta.published_fallback
    return page


def _read(html: str | bytes, url: str | None, http_charset: str | None) -> _Parsed:
    """Decode and parse the page, read its metadata and blocks; rejects what is no article
    (unreadable, a bot wall, an error page)."""
    try:
        text = decode_html(html, http_charset)
    except UndecodableError:
        raise _Rejected("unreadable") from None
    text = bound_html(text, MAX_HTML_CHARS)  # code and head go first: the article stays
    if not text.strip():
        raise _Rejected("empty")
    try:
        root = _parse(text)
        if reaches_depth_check(root):  # the parser lost what lay deeper: wrappers go
            root = _parse(bound_depth(text))
    except (etree.ParserError, ValueError):
        raise _Rejected("unreadable") from None
    try:
        meta = extract_metadata(root, url)
    except RecursionError:  # metadata nested beyond reading (deep JSON-LD): keep the article
        meta = PageMetadata()
    try:
        stated = page_fields(root, url, meta.json_ld, meta.elements)  # JSON-LD, tags read once
    except RecursionError:  # the same JSON-LD, read for the page fields
        stated = PageFields()
    dom = iter_blocks(root.body if root.find("body") is not None else root)
    visible = "\n".join(b.text for b in dom)
    repaired = may_need_repair(visible)
    if repaired:  # most pages show no trace of mojibake in any block
        for dom_block in dom:
            dom_block.text = repair_mojibake(dom_block.text)
        visible = "\n".join(b.text for b in dom)
    if is_bot_wall(f"{meta.title or ''}\n{visible}"):
        raise _Rejected("bot_wall", meta, stated)
    head_at = _headline(dom, meta.title)
    if (
        head_at is not None
        and error_page_heading().search(dom[head_at].text)
        and len(visible) < 3000
    ):
        raise _Rejected("not_article", meta, stated)
    drop_code(root)  # read by now: trafilatura need not copy it
    return _Parsed(root, meta, stated, dom, repaired, head_at)


def _find_region(dom: list[DomBlock], main: _Extracted, head_at: int | None) -> _Region | None:
    """The article's region (None: none found), and where the page starts: at the headline,
    unless the layout sets the headline after much of the body."""
    headline = dom[head_at].element if head_at is not None else None
    element = _region(dom, main.matched, headline)
    if element is None:
        return None
    start = head_at if headline is not None and _contains(element, headline) else None
    if start is not None:
        before = sum(len(dom[i].text) for i in main.matched if i < start)
        if before > _MAX_BEFORE_HEADLINE * max(main.covered, 1):
            start = None  # the headline is laid out after the body: do not cut from it
    return _Region(element, _later_articles(element), start)


def _build_blocks(
    page: HtmlPage, dom: list[DomBlock], region: _Region, matched: set[int]
) -> list[_Placed]:
    """The page's blocks: from the start on, those in the region or a later <article>, and
    trafilatura's paragraphs wherever they are. Sets the headline block and the story starts;
    returns the other blocks with where they came from."""
    placed: list[_Placed] = []
    seen_scopes: set[lxml_html.HtmlElement | None] = set()
    start = region.start
    for position, dom_block in enumerate(dom):
        if start is not None and position < start:
            continue
        scope = region.scope(dom_block.element)
        extracted = position in matched
        if scope is None and not extracted:
            continue
        block = Block(index=len(page.blocks), text=dom_block.text, tag=dom_block.tag)
        if scope is not None and scope is not region.element and scope not in seen_scopes:
            page.story_starts.add(block.index)  # a further <article> opens a new story
        seen_scopes.add(scope)
        page.blocks.append(block)
        if position == start:
            page.title_index = block.index
        else:
            placed.append(_Placed(block, dom_block, position, scope, extracted))
    return placed


def _annotate(
    page: HtmlPage,
    dom: list[DomBlock],
    placed: list[_Placed],
    region: lxml_html.HtmlElement,
    matched: list[int],
    selected: Mapping[lxml_html.HtmlElement, str],
) -> None:
    """The markup facts of the blocks (the headline's aside): link share and card, whether
    they belong to the extracted article, and the debris their markup names."""
    for entry in placed:
        index = entry.block.index
        if share := link_share(entry.dom, region):
            page.link_share[index] = share
        page.container[index] = _card(entry.dom)
    _mark_extracted(page, dom, placed, matched)
    _mark_reasons(page, dom, placed, region, matched, selected)
    _mark_comment_thread(page, placed)


def _mark_comment_thread(page: HtmlPage, placed: list[_Placed]) -> None:
    """A readers' comment thread below the story goes as `comment_prompt` (`comments.py`)."""
    thread = comment_thread([ThreadBlock(p.dom.element, p.block.text) for p in placed])
    if thread is None:
        return
    for entry in placed[thread.start : thread.stop]:
        page.markup_reasons[entry.block.index] = ("comment_prompt", THREAD_RULE)


def _mark_extracted(
    page: HtmlPage, dom: list[DomBlock], placed: list[_Placed], matched: list[int]
) -> None:
    """Blocks trafilatura kept, and those it dropped but that are paragraphs, subheadings,
    list items or rows of the article (recovered), are extracted; the rest is outside."""
    containers = {_container(dom[i].element) for i in matched}
    # After the last paragraph trafilatura kept, the body may go on in a container of the same
    # kind (an advert splits the body into two "body" boxes): recovered by tag and class.
    kinds = {_kind(c) for c in containers if c is not None and c.get("class")}
    first, last = (matched[0], matched[-1]) if matched else (-1, -1)
    for entry in placed:
        position, dom_block = entry.position, entry.dom
        recovered = not entry.extracted and (
            (first < position < last and _recoverable(dom_block, containers))
            or (position > last and _recoverable(dom_block, kinds))
            or (
                first < position < last
                and _loose_paragraph(dom_block, page.link_share.get(entry.block.index, 0.0))
            )
        )
        if entry.extracted or recovered:
            page.extracted.add(entry.block.index)
        else:
            page.outside.add(entry.block.index)
    _recover_toggles(page, placed)


def _recover_toggles(page: HtmlPage, placed: list[_Placed]) -> None:
    """An accordion's question left out while its answer, the panel its button opens right
    below it, is the article's: the question is the answer's heading, and article text.

    An FAQ whose panels trafilatura left out too (shipped closed: a `hidden` class, the
    first panel open and the others not) is the article's when it goes on from the article:
    a run of at least `_FAQ_MIN_TOGGLES` questions with prose answers, right after a block
    the article holds (its heading, the last paragraph, an answer kept)."""
    at = 0
    while at < len(placed):
        entry = placed[at]
        index = entry.block.index
        toggle = _toggle_at(page, placed, at)
        if toggle is None:
            at += 1
            continue
        if any(p.block.index in page.extracted for p in placed[at + 1 : toggle]):
            _recover(page, [entry])
        elif at > 0 and placed[at - 1].block.index in page.extracted:
            run = _toggle_run(page, placed, at)
            if len(run) >= _FAQ_MIN_TOGGLES:
                _recover(page, placed[at : run[-1]])
                at = run[-1]
                continue
        at = max(toggle, at + 1) if index in page.outside else at + 1


# an FAQ is a run of questions: a single expander after the article (an author's bio, a
# transcript) is not recovered with it
_FAQ_MIN_TOGGLES = 2


def _toggle_at(page: HtmlPage, placed: list[_Placed], at: int) -> int | None:
    """When the block at `at` is an accordion's question left out, with its answer right
    below it: the position after the answer's last block (else None)."""
    entry = placed[at]
    if entry.block.index not in page.outside or entry.block.n_words < _TOGGLE_MIN_WORDS:
        return None
    button = _toggle_of(entry.dom.element, entry.block.text)
    panel = _toggle_panel(button) if button is not None else None
    if panel is None:
        return None
    members = set(panel.iter())
    end = at + 1
    while end < len(placed) and placed[end].dom.element in members:
        end += 1
    return end if end > at + 1 else None


def _toggle_run(page: HtmlPage, placed: list[_Placed], at: int) -> list[int]:
    """The ends (`_toggle_at`) of the accordion questions that follow each other from `at`."""
    ends = []
    while (end := _toggle_at(page, placed, at)) is not None:
        ends.append(end)
        at = end
        if at >= len(placed):
            break
    return ends


def _recover(page: HtmlPage, entries: list[_Placed]) -> None:
    for entry in entries:
        page.outside.discard(entry.block.index)
        page.extracted.add(entry.block.index)


def _mark_reasons(
    page: HtmlPage,
    dom: list[DomBlock],
    placed: list[_Placed],
    region: lxml_html.HtmlElement,
    matched: list[int],
    selected: Mapping[lxml_html.HtmlElement, str],
) -> None:
    """The reason a site selector, or else the nearest marked element around a block (a
    figure caption, a share bar, a related box...), gives it."""
    signal_cache: dict = {}
    contents_cache: dict = {}
    article_weight = _ArticleWeight(dom, matched)
    for entry in placed:
        block = entry.block
        chosen = _selected_reason(entry.dom.element, selected)
        if chosen:
            page.markup_reasons[block.index] = (chosen, "site_selector")
            continue
        if _contents_item(entry.dom.element, block.text, contents_cache):
            page.markup_reasons[block.index] = ("navigation", "markup_contents")
            continue
        scope = entry.scope if entry.scope is not None else region
        marked = marked_ancestor(entry.dom.element, scope, signal_cache)
        if marked is None:
            continue
        signal, carrier = marked
        # trafilatura's own paragraphs only yield to unambiguous marks (a figure caption):
        # article bodies often sit in containers with 'teaser' or 'related' in their class.
        if entry.extracted and is_prose(block.text) and signal.reason != "caption":
            continue
        # A class word alone does not remove the box holding most of the article ("promoted",
        # "post-paywall" on a body container): the text rules still judge its blocks.
        if signal.reason != "caption" and article_weight.holds_article(carrier):
            continue
        if (
            signal.name == "markup_tools"
            and block.index in page.extracted
            and _disclosure_toggle(carrier)
        ):
            continue  # the question of an answer kept (`_recover_toggles`)
        page.markup_reasons[block.index] = (_reason(signal.reason, entry.dom), signal.name)


# An accordion's toggle (an FAQ's question, a section's title) is a <button>, which the markup
# signals take for a tool; it is the heading of the panel it opens. Told by the ARIA
# disclosure pattern (`aria-controls` naming the panel, or `aria-expanded`) with the panel,
# holding prose, printed right after the button or after one of its two nearest wrappers.
_TOGGLE_MIN_WORDS = 3  # a question or a title, not "Menu" or "Show more"
_TOGGLE_LEVELS = 3  # the button and its wrappers whose next element may be the panel
_PANEL_CHARS = 2000  # of the panel's text read to tell prose from a menu


def _toggle_panel(button: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    """The panel of prose a <button> opens when it follows it (an accordion), else None."""
    controls = button.get("aria-controls")
    if _tag(button) != "button" or (controls is None and button.get("aria-expanded") is None):
        return None
    if word_count(" ".join(button.text_content().split())) < _TOGGLE_MIN_WORDS:
        return None
    node: lxml_html.HtmlElement | None = button
    for _ in range(_TOGGLE_LEVELS):
        if node is None:
            return None
        panel = node.getnext()
        while panel is not None and not isinstance(panel.tag, str):
            panel = panel.getnext()
        if panel is not None and (controls is None or panel.get("id") == controls):
            if _holds_toggle(panel):
                return None  # the next item of the accordion: this one's panel is not shipped
            text = " ".join(panel.text_content()[:_PANEL_CHARS].split())
            if is_prose(text):
                return panel
        node = node.getparent()
    return None


def _holds_toggle(element: lxml_html.HtmlElement) -> bool:
    """Whether a <button> of the disclosure pattern is inside `element`."""
    return any(
        b.get("aria-controls") is not None or b.get("aria-expanded") is not None
        for b in element.iter("button")
    )


def _disclosure_toggle(button: lxml_html.HtmlElement) -> bool:
    """Whether a marked <button> opens a panel of prose that follows it (an accordion)."""
    return _toggle_panel(button) is not None


def _toggle_of(element: lxml_html.HtmlElement, text: str) -> lxml_html.HtmlElement | None:
    """The <button> that prints a block: around it (a question set in a heading in the
    button) or, holding all of its text, inside it (a button in a title box)."""
    node: lxml_html.HtmlElement | None = element
    for _ in range(_TOGGLE_LEVELS):
        if node is None:
            return None
        if _tag(node) == "button":
            return node
        node = node.getparent()
    for button in element.iter("button"):
        return button if " ".join(button.text_content().split()) == text else None
    return None


# A table of contents: a list of at least this many links, this share of which jump to a place
# on the same page (`href="#section"`). The markup says it in any language, where its heading
# ("Contents", "In this article", "Jump to") needs a word list per language. Its items repeat
# the article's subheadings. Its entries go as `navigation` in the markup slot, before the
# duplicate rule: as deferred interface chrome they went after it, which had already taken the
# later copy of each entry, the article's own subheading (measured on WCXB: -0.0003 F1).
_CONTENTS_MIN_LINKS = 3
_CONTENTS_FRAGMENT_SHARE = 0.8
# levels looked up from a block for the outermost list around it (an item's text in an <a>
# in an <li> of a list nested in an <li> of the contents)
_CONTENTS_LEVELS = 6


def _contents_item(element: lxml_html.HtmlElement, text: str, cache: dict) -> bool:
    """The block is an entry of a table of contents: the outermost list around it is one and
    the block's text is one of its links (a footnote list with jump-back links is not: its
    items are more than their links)."""
    outermost = None
    node = element
    for _ in range(_CONTENTS_LEVELS):
        if node is None:
            break
        if node.tag in ("ul", "ol"):
            outermost = node
        node = node.getparent()
    if outermost is None:
        return False
    entries = cache.get(outermost)
    if entries is None:
        entries = cache[outermost] = _contents_entries(outermost)
    return fold(text) in entries


def _contents_entries(element: lxml_html.HtmlElement) -> frozenset[str]:
    """The folded link texts of a list that is a table of contents (empty when it is not)."""
    links = list(element.iter("a"))
    if len(links) < _CONTENTS_MIN_LINKS:
        return frozenset()
    jumps = sum(1 for a in links if len(h := a.get("href") or "") > 1 and h.startswith("#"))
    if jumps < _CONTENTS_FRAGMENT_SHARE * len(links):
        return frozenset()
    return frozenset(fold(a.text_content()) for a in links)


_TITLE_TAGS = frozenset(("h1", "h2", "h3"))
_STANDFIRST_TAGS = frozenset(("h2", "h3", "h4"))
_STANDFIRST_WORDS = 10
_RECOVERABLE = frozenset(("p", "h2", "h3", "h4", "h5", "h6", "li", "tr", "blockquote", "pre", "dd"))


# a marked element holding this share of the extracted article text is the article's box
_ARTICLE_BOX_SHARE = 0.5


class _ArticleWeight:
    """How much of the text trafilatura extracted lies inside an element (computed on first
    use: most pages never ask)."""

    def __init__(self, dom: list[DomBlock], matched: list[int]) -> None:
        self._dom, self._matched = dom, matched
        self._weight: dict[lxml_html.HtmlElement, int] | None = None
        self.total = sum(len(dom[i].text) for i in matched)

    def holds_article(self, element: lxml_html.HtmlElement) -> bool:
        if self._weight is None:
            self._weight = {}
            for i in self._matched:
                size = len(self._dom[i].text)
                for node in _ancestors(self._dom[i].element):
                    self._weight[node] = self._weight.get(node, 0) + size
        return self.total > 0 and self._weight.get(element, 0) >= _ARTICLE_BOX_SHARE * self.total


def _container(element: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    """The element a paragraph sits in (for list items and rows: the list's or table's)."""
    parent = element.getparent()
    if _tag(element) in ("li", "tr") and parent is not None:
        parent = parent.getparent()
        if parent is not None and _tag(parent) in ("table", "tbody", "thead"):
            parent = parent.getparent()
    return parent


def _card(block: DomBlock) -> lxml_html.HtmlElement | None:
    """The element holding a block and its neighbours of one card (a teaser's title and
    summary): the parent, or for a block inside a link the link's parent."""
    if block.tag == "inline":
        return block.element  # anonymous text: its element holds it
    parent = block.element.getparent()
    if parent is not None and parent.tag == "a":
        parent = parent.getparent()
    return parent


def _selected_reason(
    element: lxml_html.HtmlElement, selected: Mapping[lxml_html.HtmlElement, str]
) -> str | None:
    """The reason a site selector gives this element or one of its ancestors."""
    if not selected:
        return None
    node = element
    while node is not None:
        if node in selected:
            return selected[node]
        node = node.getparent()
    return None


def _kind(element: lxml_html.HtmlElement) -> tuple[str, str]:
    return _tag(element), " ".join(sorted((element.get("class") or "").split()))


def _recoverable(block: DomBlock, containers: set) -> bool:
    """A paragraph, subheading, list item or row trafilatura left out, sitting in the same
    container as paragraphs it kept (or in one of the same kind, when `containers` holds
    kinds); a quotation block set inside the body counts too."""
    if block.tag not in _RECOVERABLE and not (block.tag == "footer" and _in_quote(block.element)):
        return False
    container = _container(block.element)
    if container is not None and (container in containers or _kind(container) in containers):
        return True
    if _in_quote(block.element):
        node = block.element.getparent()
        for _ in range(3):
            if node is None:
                break
            if node in containers:
                return True
            node = node.getparent()
    return False


def _loose_paragraph(block: DomBlock, link_share: float) -> bool:
    """Body text set without <p> (a <div> of sentences with inline links, text split by
    <br>) inside the article's span: a paragraph-long sentence run, mostly not links. Its
    matching failed (trafilatura cut it at the <br>s), not its text."""
    return (
        block.tag in ("inline", "div", "td")
        and link_share < _LOOSE_MAX_LINK_SHARE
        and word_count(block.text) >= _LOOSE_MIN_WORDS
        and len(_SENTENCE_BREAK.findall(block.text)) >= _LOOSE_MIN_SENTENCES
    )


_LOOSE_MIN_WORDS = 25
_LOOSE_MIN_SENTENCES = 2
# a sentence's end inside a text: a full stop (or ! ?, or one of other scripts) and a space
_SENTENCE_BREAK = re.compile(r"[.!?。！？؟।](?:[\"'”’»)]*)\s")
_LOOSE_MAX_LINK_SHARE = 0.3


def _in_quote(element: lxml_html.HtmlElement) -> bool:
    node = element.getparent()
    for _ in range(2):
        if node is None:
            return False
        if _tag(node) == "blockquote":
            return True
        node = node.getparent()
    return False


def _reason(reason: str, block: DomBlock) -> str:
    """A related box with one link is a teaser card, with a list it is a related list."""
    if reason == "related_articles" and block.tag not in ("li", "h2", "h3", "h4"):
        container = block.element
        if container.find(".//li") is None:
            return "related_teaser"
    return reason


def _standfirst(page: Page, dom: list[DomBlock]) -> None:
    """A block right under the headline whose markup names it a standfirst, or a sentence-long
    heading there, is the subtitle."""
    if page.title_index is None or len(page.blocks) <= page.title_index + 1:
        return
    candidate = page.blocks[page.title_index + 1]
    element = next(
        (d.element for d in dom if d.text == candidate.text and d.tag == candidate.tag), None
    )
    if element is None:
        return
    if is_standfirst_marked(element) and candidate.n_words >= 4:
        page.subtitle, page.subtitle_index = candidate.text, candidate.index
    elif candidate.tag in _STANDFIRST_TAGS and candidate.n_words >= _STANDFIRST_WORDS:
        # a sentence set as a heading right under the headline, before any paragraph: a
        # section's subheading is shorter and comes after body text
        page.subtitle, page.subtitle_index = candidate.text, candidate.index
