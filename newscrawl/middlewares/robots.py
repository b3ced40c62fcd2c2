"""robots.txt, obeyed by every request (Scrapy's RobotsTxtMiddleware, one bug fixed).

While a site's robots.txt is being fetched, Scrapy's middleware makes every other request to
that site await one Deferred; with the asyncio reactor each await turns the Deferred into a
Future whose callback returns None, so only the first waiter gets the parser and the others
get None, which means "no robots.txt: allowed". Any request that arrives while robots.txt is
on its way (several start points of one site, or a queue of article URLs handed to a crawler
that has just started, as in Redis mode) could then be fetched although robots.txt forbids it.
Here a waiter reads the parser the middleware stored once the fetch has finished.

A robots.txt that cannot be had because of the server (a 5xx answer, after the retries) or the
network (a timeout, a refused connection) means "crawl nothing" (RFC 9309, section 2.3.1.4:
"unreachable"), where Scrapy allowed everything. The site is disallowed until its robots.txt
is asked for again, `ROBOTSTXT_ERROR_RETRY` seconds later (default 600), by the next request
to it. A 4xx ("unavailable", no robots.txt) still allows everything, as the RFC says.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from scrapy import Request
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.robotstxt import RobotParser
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred

logger = logging.getLogger(__name__)


class DisallowAll(RobotParser):
    """The robots.txt of a site whose robots.txt is unreachable: nothing is allowed."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        self.since = time.monotonic()

    @classmethod
    def from_crawler(cls, crawler: Any, robotstxt_body: bytes) -> DisallowAll:
        return cls("unreachable")

    def allowed(self, url: str | bytes, user_agent: str | bytes) -> bool:
        return False

    def sitemaps(self) -> list[str]:
        return []


class SafeRobotsTxtMiddleware(RobotsTxtMiddleware):
    def __init__(self, crawler: Any) -> None:
        super().__init__(crawler)
        self._retry_after = crawler.settings.getfloat("ROBOTSTXT_ERROR_RETRY", 600.0)

    async def robot_parser(self, request: Request) -> RobotParser | None:
        netloc = urlparse_cached(request).netloc
        stored = self._parsers.get(netloc)
        if isinstance(stored, DisallowAll) and time.monotonic() - stored.since > self._retry_after:
            del self._parsers[netloc]  # ask for robots.txt again
        parser = await super().robot_parser(request)
        stored = self._parsers.get(netloc)
        if stored is None or isinstance(stored, Deferred):
            return parser  # still on its way
        return stored

    async def _parse_robots(self, response: Response, netloc: str, request: Request) -> None:
        if response.status >= 500:
            self._stats.inc_value("robotstxt/response_count")
            self._stats.inc_value(f"robotstxt/response_status_count/{response.status}")
            self._unreachable(netloc, f"HTTP {response.status}")
            return
        await super()._parse_robots(response, netloc, request)

    def _robots_error(self, exc: Exception, netloc: str) -> None:
        super()._robots_error(exc, netloc)
        if not isinstance(exc, IgnoreRequest):  # a network error, a timeout
            self._unreachable(netloc, type(exc).__name__, settle=False)

    def _unreachable(self, netloc: str, reason: str, *, settle: bool = True) -> None:
        """Store the disallow-all parser for ``netloc`` and hand it to the waiters."""
        logger.warning(
            "robots.txt of %s is unreachable (%s): nothing on that site is crawled until it "
            "can be fetched (RFC 9309)",
            netloc,
            reason,
        )
        self._stats.inc_value("newscrawl/robots_unreachable")
        parser = DisallowAll(reason)
        waiting = self._parsers.get(netloc)
        self._parsers[netloc] = parser
        if settle and isinstance(waiting, Deferred):
            waiting.callback(parser)
