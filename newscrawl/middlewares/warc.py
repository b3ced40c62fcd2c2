"""Write every fetched response to a WARC file (``-s WARC_PATH=crawl.warc.gz``).

Records, per response: a standard ``response`` record (``WARC-Target-URI``, ``WARC-Date``,
``WARC-IP-Address`` when known, the HTTP status line and headers, then the body exactly as
received, still content-encoded) and a ``metadata`` record (``WARC-Concurrent-To`` the
response) with a JSON body ``{"site", "role", "cleaned", "rules"}``: the seed the page was
fetched for, what the crawler fetched it as (``article``, ``sitemap``, ``news_sitemap``,
``feed``, ``listing``, ``robots``), whether the crawl handed it to the cleaner (an article
URL, status 2xx, HTML, not declared another page type) and the seed's rule pack, so an offline
``newsclean clean`` cleans exactly those pages as the crawl did. The file opens with a
``warcinfo`` record.

This middleware sits next to the downloader (order 950): it sees every response, including a
500 that is then retried and a 301 that is then followed, before decompression. Transfer
encoding is already undone by the HTTP client, so ``Transfer-Encoding`` is left out of the
stored headers. Compression and writing happen on a background thread so the crawl's event
loop does not wait on zlib. ``Accept-Encoding`` is limited to encodings WARC readers can
undo (gzip, deflate, br).
"""

from __future__ import annotations

import json
import logging
import queue
import threading
from datetime import UTC, datetime
from http import HTTPStatus
from pathlib import Path
from typing import IO, Any

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from cleaners.readers.encoding import ContentEncodingError, decode_body
from newscrawl.pagetype import is_article_page, is_html

logger = logging.getLogger(__name__)

WARC_SAFE_ENCODINGS = b"gzip, deflate, br"
_DROP_HEADERS = {"transfer-encoding"}
_DECODE_LIMIT = 256 * 1024  # the checks read the first 200 kB (newscrawl.pagetype)


class WarcWriterMiddleware:
    def __init__(self, crawler: Crawler, path: Path) -> None:
        self.crawler = crawler
        self.path = path
        self._queue: queue.Queue[tuple[Any, ...] | None] = queue.Queue(maxsize=256)
        self._thread: threading.Thread | None = None
        self._file: IO[bytes] | None = None
        self._written = 0
        from scrapy import signals

        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> WarcWriterMiddleware:
        path = crawler.settings.get("WARC_PATH")
        if not path:
            raise NotConfigured  # no WARC_PATH: no archive
        return cls(crawler, Path(path))

    # -- lifecycle ----------------------------------------------------------------------

    def spider_opened(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._file = self.path.open("wb")
        writer = WARCWriter(self._file, gzip=self.path.suffix == ".gz")
        settings = self.crawler.settings
        info = {
            "software": "newscrawl (Scrapy)",
            "format": "WARC File Format 1.0",
            "conformsTo": "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.0/",
            "http-header-user-agent": settings.get("USER_AGENT"),
            "robots": "obey" if settings.getbool("ROBOTSTXT_OBEY") else "ignore",
        }
        writer.write_record(writer.create_warcinfo_record(self.path.name, info))
        self._thread = threading.Thread(
            target=self._run, args=(writer,), name="warc-writer", daemon=True
        )
        self._thread.start()

    def spider_closed(self) -> None:
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join()
            self._thread = None
        if self._file is not None:
            self._file.close()
            self._file = None
        assert self.crawler.stats is not None
        self.crawler.stats.set_value("newscrawl/warc_records", self._written)

    # -- hooks --------------------------------------------------------------------------

    def process_request(self, request: Request) -> None:
        accept = request.headers.get("Accept-Encoding")
        if accept and b"zstd" in accept:
            request.headers["Accept-Encoding"] = WARC_SAFE_ENCODINGS

    def process_response(self, request: Request, response: Response) -> Response:
        # One fetch time per response, shared by the WARC-Date and the record's fetched_at,
        # so the archive re-cleans into the very same records.
        date = request.meta.setdefault("newscrawl_fetched_at", _warc_date())
        if self._thread is None:
            return response
        role = request.meta.get("newscrawl_role") or (
            "robots" if response.url.endswith("/robots.txt") else "other"
        )
        site = request.meta.get("newscrawl_site")
        # Whether the crawler hands this response to the cleaner (same checks as the spider).
        content_type = response.headers.get("Content-Type")
        cleaned = role == "article" and 200 <= response.status < 300
        if cleaned:
            # This middleware sees the body still content-encoded: the checks need it decoded.
            body = _decoded(response)
            cleaned = (
                body is not None
                and is_html(content_type.decode("latin-1") if content_type else None, body)
                and is_article_page(body)
            )
        seeds = getattr(self.crawler.spider, "seeds", {})
        rules = dict(seeds[site].rules) if site in seeds else {}
        headers = [
            (k.decode("latin-1"), v.decode("latin-1"))
            for k, values in response.headers.items()
            for v in values
            if k.decode("latin-1").lower() not in _DROP_HEADERS
        ]
        ip = getattr(response, "ip_address", None)
        self._queue.put(
            (
                response.url,
                date,
                response.status,
                response.protocol or "HTTP/1.1",
                headers,
                response.body,
                str(ip) if ip else None,
                {"site": site, "role": role, "cleaned": cleaned, "rules": rules},
            )
        )
        return response

    # -- writer thread ------------------------------------------------------------------

    def _run(self, writer: WARCWriter) -> None:
        while (job := self._queue.get()) is not None:
            try:
                self._write(writer, *job)
                self._written += 1
            except Exception:
                logger.exception("Could not write WARC record for %s", job[0])

    @staticmethod
    def _write(
        writer: WARCWriter,
        url: str,
        date: str,
        status: int,
        protocol: str,
        headers: list[tuple[str, str]],
        body: bytes,
        ip: str | None,
        meta: dict[str, Any],
    ) -> None:
        from io import BytesIO

        try:
            phrase = HTTPStatus(status).phrase
        except ValueError:
            phrase = ""
        http_headers = StatusAndHeaders(f"{status} {phrase}".strip(), headers, protocol=protocol)
        warc_headers = {"WARC-Date": date}
        if ip:
            warc_headers["WARC-IP-Address"] = ip
        record = writer.create_warc_record(
            url,
            "response",
            payload=BytesIO(body),
            length=len(body),
            http_headers=http_headers,
            warc_headers_dict=warc_headers,
        )
        writer.write_record(record)
        payload = json.dumps(meta, ensure_ascii=False, sort_keys=True).encode("utf-8")
        metadata = writer.create_warc_record(
            url,
            "metadata",
            payload=BytesIO(payload),
            length=len(payload),
            warc_content_type="application/json",
            warc_headers_dict={
                "WARC-Date": date,
                "WARC-Concurrent-To": record.rec_headers.get_header("WARC-Record-ID"),
            },
        )
        writer.write_record(metadata)


def _decoded(response: Response) -> bytes | None:
    """The body with its Content-Encoding undone (None when it cannot be)."""
    encoding = response.headers.get("Content-Encoding")
    if not encoding:
        return response.body
    try:
        return decode_body(response.body, encoding.decode("latin-1"), _DECODE_LIMIT)
    except ContentEncodingError:
        return None


def _warc_date() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
