"""Serve the fixture sites on 127.0.0.1, one ephemeral port per site, and log every request."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from urllib.parse import urlsplit

from tests.sitegen.site import Route, SiteSpec, build_site, load_site, site_names


@dataclass(frozen=True, slots=True)
class Hit:
    site: str
    path: str  # path and query as requested
    user_agent: str
    status: int


class RequestLog:
    """Thread-safe list of the requests the fixture servers answered."""

    def __init__(self) -> None:
        self._hits: list[Hit] = []
        self._lock = threading.Lock()

    def add(self, hit: Hit) -> None:
        with self._lock:
            self._hits.append(hit)

    def hits(self, site: str | None = None) -> list[Hit]:
        with self._lock:
            return [h for h in self._hits if site is None or h.site == site]

    def paths(self, site: str | None = None) -> list[str]:
        return [h.path for h in self.hits(site)]

    def count(self, site: str, path: str) -> int:
        return sum(1 for h in self.hits(site) if urlsplit(h.path).path == path)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, site: str, log: RequestLog, stop: threading.Event) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.site = site
        self.log = log
        self.stop = stop
        self.routes: dict[str, Route] = {}
        self.served: dict[str, int] = {}
        self.lock = threading.Lock()

    def handle_error(self, request: object, client_address: object) -> None:
        import sys

        if isinstance(sys.exc_info()[1], ConnectionError):
            return  # the crawler closed the connection (timeout, size limit): expected
        super().handle_error(request, client_address)  # type: ignore[arg-type]

    @property
    def base(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        srv = self.server
        route = srv.routes.get(self.path) or srv.routes.get(urlsplit(self.path).path)
        with srv.lock:
            srv.served[self.path] = srv.served.get(self.path, 0) + 1
            nth = srv.served[self.path]
        # Logged on arrival: a "slow" request never finishes while the crawl runs.
        srv.log.add(
            Hit(srv.site, self.path, self.headers.get("User-Agent", ""), _status(route, nth))
        )
        self._answer(route, nth)

    def _answer(self, route: Route | None, nth: int) -> int:
        if route is None:
            return self._send(404, "text/html; charset=utf-8", b"<h1>Not found</h1>")
        if route.serve == "slow":
            # Answer nothing until the test stops the server: beyond any download timeout.
            self.server.stop.wait(timeout=120)
            self.close_connection = True
            return 0
        if route.serve == "redirect":
            self.send_response(route.status)
            self.send_header("Location", route.location or "/")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return route.status
        if route.serve == "flaky" and nth == 1:
            return self._send(500, "text/html; charset=utf-8", b"<h1>Internal error</h1>")
        return self._send(route.status, route.content_type, route.body)

    def _send(self, status: int, content_type: str, body: bytes) -> int:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)  # may fail when the crawler gives up (size limit): expected
        return status


def _status(route: Route | None, nth: int) -> int:
    if route is None:
        return 404
    if route.serve == "slow":
        return 0
    if route.serve == "flaky" and nth == 1:
        return 500
    return route.status


class FixtureSites:
    """Start the fixture sites (all, or the named ones); stop them on exit."""

    def __init__(self, names: Iterable[str] | None = None) -> None:
        self.names = list(names) if names is not None else site_names()
        self.requests = RequestLog()
        self.specs: dict[str, SiteSpec] = {}
        self.bases: dict[str, str] = {}
        self._stop = threading.Event()
        self._servers: list[_Server] = []
        self._threads: list[threading.Thread] = []

    def __enter__(self) -> FixtureSites:
        try:
            for name in self.names:
                spec = load_site(name)
                server = _Server(name, self.requests, self._stop)
                server.routes = build_site(spec, server.base)
                thread = threading.Thread(
                    target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
                )
                thread.start()
                self._servers.append(server)
                self._threads.append(thread)
                self.specs[name] = spec
                self.bases[name] = server.base
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._stop.set()  # releases "slow" handlers
        for server in self._servers:
            server.shutdown()
            server.server_close()
        for thread in self._threads:
            thread.join(timeout=5)
        self._servers.clear()
        self._threads.clear()

    @property
    def origin_map(self) -> dict[str, str]:
        """NEWSCRAWL_ORIGIN_MAP: every seed domain of a served site -> that site's server."""
        return {
            domain: self.bases[name]
            for name, spec in self.specs.items()
            for domain in spec.seed.domains
        }

    def url(self, site: str, path: str) -> str:
        return self.bases[site] + path


class RouteServer:
    """One server for routes made by the caller (``make_routes(base) -> {path: Route}``);
    used by the crawl benchmark. Stopped on exit."""

    def __init__(self, name: str, make_routes: Callable[[str], dict[str, Route]]) -> None:
        self.requests = RequestLog()
        self._stop = threading.Event()
        self._server = _Server(name, self.requests, self._stop)
        self._server.routes = make_routes(self._server.base)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def base(self) -> str:
        return self._server.base

    def __enter__(self) -> RouteServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
