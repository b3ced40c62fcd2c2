"""`newsclean explain`: every block of one input with its verdict, rule and reason.

Explain cleans a `Document` as `newsclean clean` does (`clean_keeping_page`: the document's
URL, site, rule pack and HTTP charset, the HTML rules with the site's pack), so the verdicts it
shows are those behind the record ``clean`` writes, for a WARC record as for a file.
"""

from __future__ import annotations

from dataclasses import replace

from cleaners.blocks import Page
from cleaners.document import Document
from cleaners.pipeline import page_from_text, run_rules, to_article
from cleaners.record import Article


def clean_keeping_page(document: Document) -> tuple[Page | None, Article]:
    """Clean `document` as `cleaners.pipeline.clean_document` does, keeping the page whose
    blocks the rules marked (None: the page was rejected before it had blocks).

    The steps are `clean_document`'s (and `clean_html`'s), spelled out because those return
    only the record. One difference: when `clean_html` rescues an article its markup lost (its
    extracted paragraphs cleaned as a text dump), the blocks shown are those of the first try.
    """
    if document.html is not None:
        from cleaners.html.extract import page_from_html
        from cleaners.rules import html_rules
        from cleaners.sitepack import SitePack

        pack = SitePack.from_mapping(document.rules) if document.rules else None
        found = page_from_html(
            document.html,
            document.url,
            site=document.site,
            source=document.source,
            http_charset=document.http_charset,
            pack=pack,
        )
        if isinstance(found, Article):
            return None, _fetched(found, document)
        page = run_rules(found, html_rules(pack))
    else:
        text = document.text or ""
        page = run_rules(page_from_text(text, document.source, document.url, document.site))
    return page, _fetched(to_article(page), document)


def _fetched(article: Article, document: Document) -> Article:
    return replace(article, fetched_at=document.fetched_at) if document.fetched_at else article


def explain_page(page: Page, width: int = 100, article: Article | None = None) -> str:
    lines = []
    for block in page.blocks:
        if block.index == page.title_index:
            verdict, why = "TITLE", "headline"
        elif block.index == page.subtitle_index:
            verdict, why = "SUBTITLE", "headline"
        elif block.removal is not None:
            verdict, why = "REMOVED", f"{block.removal.reason} [{block.removal.rule}]"
        elif block.index in page.outside:
            verdict, why = "OUTSIDE", "not in the extracted article"
        else:
            verdict, why = "KEPT", ""
        text = block.text if len(block.text) <= width else block.text[: width - 1] + "…"
        lines.append(f"{block.index:>4}  {verdict:<8} {why:<40} {text}")
    lines.append("")
    lines.append(_summary(article or to_article(page)))
    return "\n".join(lines)


def _summary(article: Article) -> str:
    return (
        f"status: {article.status}"
        + (f" ({article.reject_reason})" if article.reject_reason else "")
        + f"; title: {article.title!r}; authors: {list(article.authors)}; "
        f"published: {article.published}; updated: {article.updated}; "
        f"language: {article.language}"
    )


def explain_document(document: Document) -> str:
    page, article = clean_keeping_page(document)
    if page is None:
        return f"status: {article.status} ({article.reject_reason}): no article blocks to show"
    return explain_page(page, article=article)


def explain_text(text: str, source: str) -> str:
    return explain_document(Document(source=source, text=text))


def explain_html(html: str | bytes, source: str) -> str:
    return explain_document(Document(source=source, html=html))
