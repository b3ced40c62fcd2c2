"""Meta-refresh redirects, without decoding every page that has none.

Scrapy's ``MetaRefreshMiddleware`` decodes the whole body (``response.text``) of every HTML
response to look for ``<meta http-equiv="refresh">`` in its first 4,096 characters. Those
characters lie within the first 16 KiB of bytes in any ASCII-compatible encoding, so a page
whose first 16 KiB do not contain the word "refresh" (any case) cannot have one and is passed
on untouched. Pages with NUL bytes there (UTF-16/32) are always handed to Scrapy's check.
"""

from __future__ import annotations

from scrapy import Request, Spider
from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware
from scrapy.http import HtmlResponse, Response

_HEAD_BYTES = 4096 * 4  # 4,096 characters of UTF-8 at most


def may_refresh(body: bytes) -> bool:
    """False only when the page cannot hold a meta refresh in its first 4,096 characters."""
    head = body[:_HEAD_BYTES]
    # bytes.lower() and ``in`` run at memory speed; a case-insensitive regex does not
    return b"\x00" in head or b"refresh" in head.lower()


class PrefilterMetaRefreshMiddleware(MetaRefreshMiddleware):
    def process_response(
        self, request: Request, response: Response, spider: Spider | None = None
    ) -> Request | Response:
        # `spider` keeps the superclass's signature (an override must accept what it does);
        # Scrapy no longer passes it to a method where it is optional, and passing it on
        # would be deprecated, so it is not passed on.
        if isinstance(response, HtmlResponse) and not may_refresh(response.body):
            return response
        return super().process_response(request, response)
