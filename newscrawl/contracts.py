"""Spider contracts for ``scrapy check news -a site=all``.

``@site NAME`` marks the sample request as fetched for seed NAME (the callbacks need it) and
sends it through the spider's origin map, so the same contracts run against the real sites or,
with ``-s NEWSCRAWL_ORIGIN_MAP=...``, against the local fixture site.
Put ``@site`` after ``@url``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from scrapy.contracts import Contract

from newscrawl.spiders.news import META_ROLE, META_SITE


class SiteContract(Contract):
    """``@site thenational``"""

    name = "site"

    def __init__(self, method: Callable[..., Any], *args: Any) -> None:
        super().__init__(method, *args)
        self.method = method

    def adjust_request_args(self, args: dict[str, Any]) -> dict[str, Any]:
        spider = getattr(self.method, "__self__", None)
        meta = dict(args.get("meta") or {})
        meta[META_SITE] = self.args[0]
        meta.setdefault(META_ROLE, self.method.__name__.removeprefix("parse_"))
        args["meta"] = meta
        origins = getattr(spider, "origins", None)
        if origins is not None and "url" in args:
            args["url"] = origins.remap(args["url"])
        return args
