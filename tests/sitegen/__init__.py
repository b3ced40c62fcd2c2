"""The local fixture website for crawl tests: built from ``fixtures/site/`` and the seed files,
served on 127.0.0.1 (one ephemeral port per site), stopped by the tests that start it.

``with FixtureSites() as sites:`` starts every site; ``sites.origin_map`` is the
``NEWSCRAWL_ORIGIN_MAP`` that sends the seeds' real domains there; ``sites.requests`` logs
every request the servers saw.
"""

from tests.sitegen.server import FixtureSites, RequestLog, RouteServer
from tests.sitegen.site import Page, Route, SiteSpec, build_site, load_site

__all__ = [
    "FixtureSites",
    "Page",
    "RequestLog",
    "Route",
    "RouteServer",
    "SiteSpec",
    "build_site",
    "load_site",
]
