"""One input page in the report: its blocks in page order with their verdicts, and its record.

This is `newsclean explain` drawn as HTML: the same blocks, the same verdicts (headline,
kept, removed with reason and rule, outside the extracted article).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

from cleaners.blocks import Page
from cleaners.document import Document
from cleaners.pipeline import page_from_text, run_rules, to_article
from cleaners.record import Article
from cleaners.report.markup import document, esc, shorten
from cleaners.report.parts import BlockView, block_list, fields_table, legend


@dataclass(frozen=True, slots=True)
class PageView:
    record: dict[str, Any]  # the record `newsclean clean` writes for this input
    blocks: tuple[BlockView, ...]  # empty when the page was rejected before it had blocks

    @property
    def removed(self) -> Counter[str]:
        return Counter(b.reason or "?" for b in self.blocks if b.kind == "removed")


def page_blocks(page: Page) -> tuple[BlockView, ...]:
    """The page's blocks with the verdict `explain` prints for each."""
    views = []
    for block in page.blocks:
        if block.index == page.title_index:
            views.append(BlockView(block.index, "title", block.text))
        elif block.index == page.subtitle_index:
            views.append(BlockView(block.index, "subtitle", block.text))
        elif block.removal is not None:
            removal = block.removal
            views.append(
                BlockView(block.index, "removed", block.text, removal.reason, removal.rule)
            )
        elif block.index in page.outside:
            views.append(BlockView(block.index, "outside", block.text))
        else:
            views.append(BlockView(block.index, "kept", block.text))
    return tuple(views)


def document_view(doc: Document) -> PageView:
    """Clean `doc` as `clean_document` does, keeping the blocks to show.

    The steps are `clean_document`'s, spelled out because it returns only the record;
    tests/test_report.py checks both give the same record."""
    if doc.html is not None:
        from cleaners.html.extract import page_from_html
        from cleaners.rules import html_rules
        from cleaners.sitepack import SitePack

        pack = SitePack.from_mapping(doc.rules) if doc.rules else None
        page = page_from_html(
            doc.html,
            doc.url,
            site=doc.site,
            source=doc.source,
            http_charset=doc.http_charset,
            pack=pack,
        )
        if isinstance(page, Article):
            return PageView(_finish(page, doc).to_dict(), ())
        page = run_rules(page, html_rules(pack))
        article = to_article(page)
    else:
        page = run_rules(page_from_text(doc.text or "", doc.source, doc.url, doc.site))
        article = to_article(page)
    return PageView(_finish(article, doc).to_dict(), page_blocks(page))


def _finish(article: Article, doc: Document) -> Article:
    return replace(article, fetched_at=doc.fetched_at) if doc.fetched_at else article


def render_page(view: PageView, anchor: str) -> str:
    """One page as a `<section>`: heading, fields, legend, blocks in order."""
    record = view.record
    heading = record.get("title") or record.get("source") or "(untitled)"
    kept = sum(1 for b in view.blocks if b.kind == "kept")
    outside = sum(1 for b in view.blocks if b.kind == "outside")
    if view.blocks:
        blocks = legend(view.removed, kept=kept, outside=outside) + block_list(view.blocks)
    else:
        reason = esc(record.get("reject_reason"))
        blocks = (
            f'<p class="note">No blocks: the page was rejected ({reason}) before it had any.</p>'
        )
    return (
        f'<section class="doc" id="{esc(anchor)}">'
        f'<h2 dir="auto">{esc(shorten(str(heading), 160))}</h2>'
        f"{fields_table(record)}{blocks}</section>"
    )


def render_pages(views: list[PageView], title: str) -> str:
    """A complete report page for one input (several documents when the input holds many)."""
    sections = [render_page(view, f"doc-{i + 1}") for i, view in enumerate(views)]
    index = ""
    if len(views) > 1:
        links = "".join(
            f'<li><a href="#doc-{i + 1}" dir="auto">'
            f"{esc(shorten(str(v.record.get('title') or v.record.get('source')), 90))}</a></li>"
            for i, v in enumerate(views)
        )
        index = f'<nav class="index"><h2>{len(views)} documents</h2><ol>{links}</ol></nav>'
    removed = sum(sum(v.removed.values()) for v in views)
    header = (
        '<header class="top"><h1>newsclean explain</h1>'
        f"<p>{esc(title)} · {len(views)} document(s) · {removed} removed blocks</p></header>"
    )
    return document(
        f"newsclean explain: {title}", header + "<main>" + index + "".join(sections) + "</main>"
    )
