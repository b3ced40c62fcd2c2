"""Retries with exponential backoff (Scrapy's RetryMiddleware retries at once).

The n-th retry of a request waits ``RETRY_BACKOFF_BASE * 2**(n-1)`` seconds, at most
``RETRY_BACKOFF_MAX``; a ``Retry-After`` header (seconds) on a 429/503 is honoured up to the
same maximum. The wait happens before the retry is downloaded, without blocking the crawl.
Replaces ``scrapy.downloadermiddlewares.retry.RetryMiddleware`` (same settings otherwise:
``RETRY_TIMES``, ``RETRY_HTTP_CODES``, ``RETRY_EXCEPTIONS``…).
"""

from __future__ import annotations

from typing import Any

from scrapy import Request
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Response
from scrapy.settings import BaseSettings
from scrapy.utils.asyncio import sleep

from newscrawl.stats import add_value

META_DELAY = "newscrawl_backoff"


class BackoffRetryMiddleware(RetryMiddleware):
    def __init__(self, settings: BaseSettings) -> None:
        super().__init__(settings)
        self.base = settings.getfloat("RETRY_BACKOFF_BASE", 1.0)
        self.max_delay = settings.getfloat("RETRY_BACKOFF_MAX", 60.0)

    async def process_request(self, request: Request) -> None:
        delay = request.meta.pop(META_DELAY, None)
        if delay:
            await sleep(float(delay))

    def process_response(  # type: ignore[override]
        self, request: Request, response: Response
    ) -> Request | Response:
        result = super().process_response(request, response)
        if isinstance(result, Request):
            self._set_delay(result, _retry_after(response))
        return result

    def process_exception(  # type: ignore[override]
        self, request: Request, exception: Exception
    ) -> Request | Response | None:
        result = super().process_exception(request, exception)
        if isinstance(result, Request):
            self._set_delay(result, None)
        return result

    def delay_for(self, retry_times: int, retry_after: float | None = None) -> float:
        delay = self.base * 2 ** max(0, retry_times - 1)
        if retry_after is not None:
            delay = max(delay, retry_after)
        return min(delay, self.max_delay)

    def _set_delay(self, request: Request, retry_after: float | None) -> None:
        retry_times = int(request.meta.get("retry_times", 1))
        delay = self.delay_for(retry_times, retry_after)
        if delay > 0:
            request.meta[META_DELAY] = delay
            assert self.crawler.stats is not None
            add_value(self.crawler.stats, "newscrawl/retry_backoff_seconds", delay)


def _retry_after(response: Response) -> float | None:
    value: Any = response.headers.get("Retry-After")
    if not value:
        return None
    try:
        return max(0.0, float(value.decode("latin-1").strip()))
    except ValueError:
        return None  # an HTTP date: fall back to the exponential delay
