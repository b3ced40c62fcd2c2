"""Cleaners for tests of the crawl's cleaning pool (imported by spawned worker processes)."""

from __future__ import annotations

import os
from typing import Any

from cleaners.record import Article


def crash_on_marker(body: bytes, url: str, **kwargs: Any) -> Article:
    """A trivial cleaner whose process dies (as on a segfault) on a page saying CRASH."""
    if b"CRASH" in body:
        os._exit(3)
    text = body.decode("utf-8")
    return Article(source=url, url=url, site=kwargs.get("site"), title=url, text=text)


def without_rules(body: bytes, url: str, site: str | None = None) -> Article:
    """A cleaner that knows nothing of rule packs."""
    return Article(source=url, url=url, site=site, text=body.decode("utf-8"))


def hang_on_url(body: bytes, url: str, **kwargs: Any) -> Article:
    """A trivial cleaner that never returns on the page whose URL holds $HANG_URL_PART."""
    part = os.environ.get("HANG_URL_PART")
    if part and part in url:
        while True:  # a quadratic corner, a backtracking pattern...
            pass
    text = body.decode("utf-8", "replace")
    return Article(source=url, url=url, site=kwargs.get("site"), title=url, text=text)
