"""URL handling: canonical form, article patterns and the origin map.

Canonicalisation is done by libraries, not by hand: courlan drops tracking parameters
(``utm_*``, ``fbclid``…), lower-cases the host and drops default ports; w3lib then sorts the
query, normalises percent-encoding and drops the fragment.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from urllib.parse import unquote, urlsplit, urlunsplit

import courlan
from w3lib.url import canonicalize_url


def canonical_url(url: str) -> str:
    """The one spelling of ``url`` used for requests and de-duplication."""
    try:
        normalized = courlan.normalize_url(url)
    except ValueError:
        normalized = url
    return canonicalize_url(normalized, keep_fragments=False)


def path_of(url: str) -> str:
    """Path plus query string: what article patterns are matched against."""
    parts = urlsplit(url)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def path_forms(url: str) -> tuple[str, ...]:
    """The path (and query) as sent, percent-encoded, and as read, decoded to Unicode.

    Slugs carry typographic quotes and letters of every script: the crawler requests
    ``/5128840-israel%E2%80%99s-war`` (canonical URLs are percent-encoded) while a seed
    author, or a link on the page, writes ``/5128840-israel’s-war``. Matching both forms lets a
    pattern be written either way. ``%2F`` and ``%3F`` stay encoded in the decoded form, so it
    has the same path segments and query as the encoded one.
    """
    encoded = path_of(url)
    protected = re.sub(r"%(2[Ff]|3[Ff]|23)", r"%25\1", encoded)
    decoded = unquote(protected, errors="replace")
    return (encoded,) if decoded == encoded else (encoded, decoded)


def matches_article(
    url: str, allow: Iterable[re.Pattern[str]], deny: Iterable[re.Pattern[str]]
) -> bool:
    """True when the URL's path matches an allow pattern and no deny pattern, in its
    percent-encoded or its decoded form (:func:`path_forms`)."""
    forms = path_forms(url)
    return any(p.search(f) for p in allow for f in forms) and not any(
        p.search(f) for p in deny for f in forms
    )


class OriginMap:
    """Serve a site's real domains from another origin (tests, mirrors, a local replay).

    ``{"www.thenationalnews.com": "http://127.0.0.1:8001"}`` makes every URL on that host (and
    on its subdomains when the key is a bare domain such as ``thenationalnews.com``) be fetched
    from the given origin, keeping path and query. An empty map changes nothing.
    """

    def __init__(self, mapping: Mapping[str, str] | None = None) -> None:
        self._map: dict[str, tuple[str, str]] = {}
        for host, origin in (mapping or {}).items():
            parts = urlsplit(origin if "//" in origin else f"http://{origin}")
            if parts.scheme not in ("http", "https") or not parts.netloc:
                raise ValueError(f"origin map: {origin!r} is not an http(s) origin")
            self._map[host.lower().strip(".")] = (parts.scheme, parts.netloc)

    def __bool__(self) -> bool:
        return bool(self._map)

    def _target(self, host: str) -> tuple[str, str] | None:
        host = host.lower()
        while host:
            if host in self._map:
                return self._map[host]
            _, _, host = host.partition(".")
        return None

    def remap(self, url: str) -> str:
        """``url`` with its scheme and host replaced when its host is mapped."""
        if not self._map:
            return url
        parts = urlsplit(url)
        target = self._target(parts.hostname or "")
        if target is None:
            return url
        scheme, netloc = target
        return urlunsplit((scheme, netloc, parts.path, parts.query, parts.fragment))

    def unmap(self, url: str) -> str:
        """The real site's URL of a URL on a mapped origin (the first host mapped there)."""
        if not self._map:
            return url
        parts = urlsplit(url)
        for host, (scheme, netloc) in self._map.items():
            if parts.netloc == netloc and parts.scheme == scheme:
                return urlunsplit(("https", host, parts.path, parts.query, parts.fragment))
        return url

    def domain(self, domain: str) -> str:
        """The host name to allow for ``domain`` (the mapped origin's host when mapped)."""
        target = self._target(domain)
        if target is None:
            return domain
        return urlsplit(f"{target[0]}://{target[1]}").hostname or domain
