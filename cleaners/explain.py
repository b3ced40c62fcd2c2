"""`newsclean explain`: every block of one input with its verdict, rule and reason."""

from __future__ import annotations

from cleaners.blocks import Page
from cleaners.pipeline import page_from_text, run_rules, to_article


def explain_page(page: Page, width: int = 100) -> str:
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
    article = to_article(page)
    lines.append("")
    lines.append(
        f"status: {article.status}"
        + (f" ({article.reject_reason})" if article.reject_reason else "")
        + f"; title: {article.title!r}; authors: {list(article.authors)}; "
        f"published: {article.published}; updated: {article.updated}; "
        f"language: {article.language}"
    )
    return "\n".join(lines)


def explain_text(text: str, source: str) -> str:
    return explain_page(run_rules(page_from_text(text, source)))


def explain_html(html: str | bytes, source: str) -> str:
    from cleaners.html.extract import page_from_html
    from cleaners.rules import html_rules

    page = page_from_html(html, source=source)
    if not isinstance(page, Page):
        return f"status: {page.status} ({page.reject_reason}): no article blocks to show"
    return explain_page(run_rules(page, html_rules()))
