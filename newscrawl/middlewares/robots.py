"""robots.txt, obeyed by every request (Scrapy's RobotsTxtMiddleware, one bug fixed).

While a site's robots.txt is being fetched, Scrapy's middleware makes every other request to
that site await one Deferred; with the asyncio reactor each await turns the Deferred into a
Future whose callback returns None, so only the first waiter gets the parser and the others
get None, which means "no robots.txt: allowed". Any request that arrives while robots.txt is
on its way (several start points of one site, or a queue of article URLs handed to a crawler
that has just started, as in Redis mode) could then be fetched although robots.txt forbids it.
Here a waiter reads the parser the middleware stored once the fetch has finished.
"""

from __future__ import annotations

from scrapy import Request
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.robotstxt import RobotParser
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred


class SafeRobotsTxtMiddleware(RobotsTxtMiddleware):
    async def robot_parser(self, request: Request) -> RobotParser | None:
        parser = await super().robot_parser(request)
        stored = self._parsers.get(urlparse_cached(request).netloc)
        if stored is None or isinstance(stored, Deferred):
            return parser  # a failed fetch (allowed, as in Scrapy), or still on its way
        return stored
