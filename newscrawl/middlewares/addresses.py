"""Refuse requests to private, loopback and link-local addresses (``PRIVATE_ADDRESS_GUARD``).

A crawler on a server inside a network fetches whatever an allowed domain resolves to: a site
whose DNS points (or is made to point, DNS rebinding) at ``127.0.0.1``, ``10.0.0.0/8`` or the
cloud metadata address ``169.254.169.254`` would have the crawler fetch internal services and
archive the answers. Every request's host is resolved (asynchronously, cached for
``PRIVATE_ADDRESS_CACHE`` seconds) and refused when any of its addresses is not a global one:
private, loopback, link-local, multicast, reserved or unspecified, IPv4 or IPv6.

On by default. The origins of ``NEWSCRAWL_ORIGIN_MAP`` are the user's own choice and are
allowed (the tests and the demo serve sites from 127.0.0.1 that way);
so are the hosts of the URLs the user named (``-a start=``, ``newscrawl get URL``); a link or
redirect from there to another private host is still refused.
``-s PRIVATE_ADDRESS_GUARD=False`` turns the guard off. Limit: the address checked is the one
resolved here; a resolver answering differently a moment later (rebinding between this check
and the connection) is not caught.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import socket
import time
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.exceptions import IgnoreRequest, NotConfigured

logger = logging.getLogger(__name__)


def is_public(address: str) -> bool:
    """Whether ``address`` (an IP) is a globally routable unicast address."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


class PrivateAddressGuard:
    def __init__(self, crawler: Any) -> None:
        settings = crawler.settings
        self.crawler = crawler
        self.stats = crawler.stats
        self.ttl = settings.getfloat("PRIVATE_ADDRESS_CACHE", 300.0)
        self.allowed_hosts = {
            (urlsplit(o if "//" in o else f"http://{o}").hostname or "").lower()
            for o in settings.getdict("NEWSCRAWL_ORIGIN_MAP").values()
        }
        self._cache: dict[str, tuple[float, str | None]] = {}  # host -> (when, refused address)

    @classmethod
    def from_crawler(cls, crawler: Any) -> PrivateAddressGuard:
        if not crawler.settings.getbool("PRIVATE_ADDRESS_GUARD", True):
            raise NotConfigured
        return cls(crawler)

    async def process_request(self, request: Request, spider: Any = None) -> None:
        host = (urlsplit(request.url).hostname or "").lower()
        if not host or host in self.allowed_hosts or request.url.startswith(("data:", "file:")):
            return
        if host in getattr(self.crawler.spider, "user_hosts", ()):
            return
        refused = await self._refused_address(host)
        if refused is not None:
            if self.stats is not None:
                self.stats.inc_value("newscrawl/refused/private_address")
            logger.warning("Refused %s: %s resolves to %s", request.url, host, refused)
            raise IgnoreRequest(f"{host} resolves to a non-public address ({refused})")

    async def _refused_address(self, host: str) -> str | None:
        cached = self._cache.get(host)
        if cached is not None and time.monotonic() - cached[0] < self.ttl:
            return cached[1]
        try:
            addresses = [ipaddress.ip_address(host).compressed]
        except ValueError:
            try:
                infos = await asyncio.get_running_loop().getaddrinfo(
                    host, None, type=socket.SOCK_STREAM
                )
            except OSError:
                return None  # unresolvable: the download fails on its own
            addresses = [str(info[4][0]) for info in infos]
        refused = next((a for a in addresses if not is_public(a)), None)
        self._cache[host] = (time.monotonic(), refused)
        return refused
