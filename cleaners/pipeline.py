"""From blocks to an Article: run the rules, then settle fields and language."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import replace

from cleaners.blocks import Page
from cleaners.dates import in_day_order
from cleaners.document import Document
from cleaners.language import detect_language
from cleaners.normalize import normalize_text
from cleaners.record import STATUS_OK, STATUS_REJECTED, Article, site_key
from cleaners.rules import Pipeline, text_pipeline
from cleaners.segment import segment_text

# Seconds spent in each rule, added up while a run collects them (`timing_rules`); None
# otherwise, so cleaning outside a run pays one context-variable read per page. A context
# variable, not a global: a Dask worker cleans in several threads at once.
_RULE_SECONDS: ContextVar[dict[str, float] | None] = ContextVar("rule_seconds", default=None)


@contextmanager
def timing_rules() -> Iterator[dict[str, float]]:
    """Collect, into the dict it yields, the seconds each rule takes on the pages cleaned in
    this block (rule name -> seconds; the last step, ``settle_dates``, included)."""
    seconds: dict[str, float] = {}
    token = _RULE_SECONDS.set(seconds)
    try:
        yield seconds
    finally:
        _RULE_SECONDS.reset(token)


def run_rules(page: Page, rules: Pipeline | None = None) -> Page:
    """Apply the pipeline's rules slot by slot (the text path's when none is given).

    A page rejected by a slot that `ends_on_reject` (the page verdicts: a bot wall) skips the
    later slots but those that run `always` (the finish: dates settled)."""
    seconds = _RULE_SECONDS.get()
    clock = time.perf_counter
    ended = False
    for part in (rules if rules is not None else text_pipeline()).parts:
        if ended and not part.slot.always:
            continue
        for rule in part.rules:
            if seconds is None:
                rule.apply(page)
            else:  # two clock reads a rule: about a microsecond a page
                start = clock()
                rule.apply(page)
                seconds[rule.name] = seconds.get(rule.name, 0.0) + (clock() - start)
        if part.slot.ends_on_reject and page.reject_reason is not None:
            ended = True
    return page


def to_article(page: Page, story_index: int = 0) -> Article:
    if page.reject_reason is not None:
        return Article(
            source=page.source,
            url=page.url,
            canonical_url=page.canonical_url,
            story_index=story_index,
            status=STATUS_REJECTED,
            reject_reason=page.reject_reason,
            site=page.site,
            site_name=page.site_name,
        )
    body = [b.text for b in page.body()]
    return Article(
        source=page.source,
        url=page.url,
        canonical_url=page.canonical_url,
        story_index=story_index,
        status=STATUS_OK,
        site=page.site,
        site_name=page.site_name,
        title=page.title,
        subtitle=page.subtitle,
        description=page.description,
        authors=tuple(page.authors),
        published=page.published,
        updated=page.updated,
        language=detect_language(body),
        section=page.section,
        tags=tuple(page.tags),
        image=page.image,
        text="\n\n".join(body),
        removed=tuple(b.removal for b in page.blocks if b.removal is not None),
    )


def page_from_text(text: str, source: str, url: str | None = None, site: str | None = None) -> Page:
    return Page(
        blocks=segment_text(normalize_text(text)),
        source=source,
        url=url,
        site=site_key(site, url),
    )


def clean_text(
    text: str, source: str | None = None, url: str | None = None, *, site: str | None = None
) -> Article:
    """Clean a raw text dump of one page into an article record. `site` names the site (a
    seed); else the record's site is the registered domain of `url`, when given."""
    page = run_rules(page_from_text(text, source or "<text>", url, site))
    article = to_article(page)
    if article.status != STATUS_OK:
        return article
    # "12/03/2024": dateutil reads the month first; the body's language may mean the day
    lines = [b.text for b in page.blocks]
    published = in_day_order(article.published, lines, article.language, url)
    updated = in_day_order(article.updated, lines, article.language, url)
    if (published, updated) == (article.published, article.updated):
        return article
    return replace(article, published=published, updated=updated)


def clean_document(document: Document) -> Article:
    """Clean whatever a reader produced, with what it knows of the page (site, rules, charset)."""
    if document.html is not None:
        from cleaners.html.extract import clean_html  # the HTML path loads trafilatura

        article = clean_html(
            document.html,
            document.url,
            site=document.site,
            source=document.source,
            http_charset=document.http_charset,
            rules=document.rules,
        )
    else:
        article = clean_text(
            document.text or "", source=document.source, url=document.url, site=document.site
        )
    if document.fetched_at:
        article = replace(article, fetched_at=document.fetched_at)
    return article
