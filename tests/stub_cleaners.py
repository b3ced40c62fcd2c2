"""Cleaners for tests of the crawl's cleaning pool (imported by spawned worker processes).

Each takes a `Document` and returns an `Article`, as `cleaners.pipeline.clean_document` does
(the crawl's ``NEWSCRAWL_CLEANER`` contract)."""

from __future__ import annotations

import os

from cleaners.document import Document
from cleaners.record import Article


def _body(document: Document) -> str:
    html = document.html
    return html.decode("utf-8", "replace") if isinstance(html, bytes) else html or ""


def crash_on_marker(document: Document) -> Article:
    """A trivial cleaner whose process dies (as on a segfault) on a page saying CRASH."""
    text = _body(document)
    if "CRASH" in text:
        os._exit(3)
    url = document.url
    return Article(source=document.source, url=url, site=document.site, title=url, text=text)


def hang_on_url(document: Document) -> Article:
    """A trivial cleaner that never returns on the page whose URL holds $HANG_URL_PART."""
    part = os.environ.get("HANG_URL_PART")
    url = document.url or ""
    if part and part in url:
        while True:  # a quadratic corner, a backtracking pattern...
            pass
    return Article(
        source=document.source, url=url, site=document.site, title=url, text=_body(document)
    )


def echo_document(document: Document) -> Article:
    """A cleaner whose record's text states what it was given (all but the page)."""
    import json

    given = {
        "source": document.source,
        "site": document.site,
        "rules": dict(document.rules) if document.rules is not None else None,
        "http_charset": document.http_charset,
        "body": _body(document),
    }
    return Article(source=document.source, url=document.url, text=json.dumps(given))
