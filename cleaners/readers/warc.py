"""WARC and ARC archives (``.warc``, ``.arc``, each optionally gzipped), read with warcio.

A page is a ``response`` record (HTTP status 2xx, HTML by Content-Type or, without one, by its
first bytes) or a ``resource`` record with an HTML Content-Type. Its Document has
``url`` = WARC-Target-URI, ``fetched_at`` = WARC-Date, ``http_charset`` from the HTTP
Content-Type, ``html`` = the payload bytes (content encoding undone), and ``source`` = the
target URI, as for a crawled page, so a crawl's archive re-cleans into byte-identical records
(errors name ``FILE@OFFSET``, the record's offset in the file, compressed for ``.gz``).

Our crawler writes a ``metadata`` record after each response (``WARC-Concurrent-To`` the
response, JSON ``{"site", "role", "cleaned", "rules"}``). The reader looks one record ahead for
it: a response the crawl did not clean (``role`` other than ``article`` or ``cleaned`` false) is
skipped; ``site`` and ``rules`` are passed on, so the archive re-cleans into the crawl's records.
At most one payload (``max_bytes``) is held while looking ahead.

Other records (warcinfo, request, revisit, metadata, ARC file headers) are passed over without a
word. Responses that are not pages are counted in ``skipped`` (``http_status``, ``not_html``,
``crawl_skipped``). A record cut short, a gzip member that does not decompress or a record
warcio cannot parse ends the file with one ReadError; the pages before it are kept.
"""

from __future__ import annotations

import json
import os
import re
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from w3lib.encoding import http_content_type_encoding
from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import ChunkedDataReader
from warcio.exceptions import ArchiveLoadFailed
from warcio.limitreader import LimitReader
from warcio.recordloader import ArcWarcRecord

from cleaners.document import Document, ReadError
from cleaners.readers.base import (
    BINARY,
    CORRUPT_GZIP,
    GZIP_MAGIC,
    IO_ERROR,
    SKIP_CRAWL_SKIPPED,
    SKIP_HTTP_STATUS,
    SKIP_NOT_HTML,
    TOO_LARGE,
    TRUNCATED_RECORD,
    UNDECODABLE,
    WARC_ERROR,
    Item,
    open_archive,
    os_message,
    read_bounded,
    size_message,
)
from cleaners.readers.charsets import looks_binary
from cleaners.readers.encoding import ContentEncodingError, decode_content
from cleaners.readers.options import ReaderOptions

HTML_TYPES = ("text/html", "application/xhtml+xml")
_METADATA_LIMIT = 1 << 20
_PROBE_CHUNK = 1 << 16


@dataclass(slots=True)
class _Page:
    """A page record waiting for a possible metadata record right after it."""

    record_id: str | None
    item: Item | None  # None: skipped for `skip`
    skip: str | None = None


def read_warc_file(
    path: Path, source: str, options: ReaderOptions, skipped: Counter[str] | None = None
) -> Iterator[Item]:
    handle = open_archive(path, source)
    if isinstance(handle, ReadError):
        yield handle
        return
    with handle:
        size = os.fstat(handle.fileno()).st_size
        gzipped = handle.read(2) == GZIP_MAGIC
        handle.seek(0)
        head = _head(handle, gzipped)
        if head is not None and not head.lstrip().startswith((b"WARC/", b"filedesc://")):
            yield ReadError(source, WARC_ERROR, f"not a WARC or ARC file (it starts {head!r})")
            return
        yield from _read_archive(handle, path, source, size, gzipped, options, skipped)


def _head(handle: Any, gzipped: bool) -> bytes | None:
    """The first bytes of the archive (decompressed), None when they cannot be had."""
    try:
        data = handle.read(4096)
        if gzipped:
            data = zlib.decompressobj(zlib.MAX_WBITS | 16).decompress(data, 64)
        return data[:16] if len(data) >= 16 else None  # too short to tell: warcio will
    except zlib.error:
        return None  # the reader reports it with its offset
    finally:
        handle.seek(0)


def _read_archive(
    handle: Any,
    path: Path,
    source: str,
    size: int,
    gzipped: bool,
    options: ReaderOptions,
    skipped: Counter[str] | None,
) -> Iterator[Item]:
    archive = ArchiveIterator(handle, arc2warc=True)
    archive.INC_RECORD = ""  # its warning on stderr; counted in err_count and reported here
    records = iter(archive)
    pending: _Page | None = None
    last: int | None = None  # offset of the last record read whole

    def flush() -> Iterator[Item]:
        nonlocal pending
        if pending is not None:
            if pending.item is not None:
                yield pending.item
            elif skipped is not None and pending.skip:
                skipped[pending.skip] += 1
            pending = None

    while True:
        offset = archive.offset  # where the next record starts (warcio keeps it up to date)
        where = f"{source}@{offset}"
        page = meta = None
        misaligned = archive.err_count
        try:
            record = next(records)
            length = record.rec_headers.get_header("Content-Length") or ""
            if record.rec_type is None or not length.strip().isdigit():
                raise _Incomplete("record header incomplete (no WARC-Type or Content-Length)")
            if record.rec_type in ("response", "resource"):
                page = _page(record, where, options)
            elif record.rec_type == "metadata" and pending is not None:
                meta = _crawl_metadata(record, pending.record_id)
                if meta is not None and meta.get("rules"):
                    refused = untrusted_rules(meta.get("rules")) if options.input_rules else ""
                    if refused is not None:
                        meta = {**meta, "rules": None}  # ignored on request, or refused
                    if refused:
                        yield ReadError(where, WARC_ERROR, refused)
            archive.get_record_offset()  # reads the rest of the record
            if cut := _remaining(record):
                raise _Incomplete(
                    f"{record.rec_type} record cut short: {cut} of its {record.length} bytes"
                    " missing",
                    TRUNCATED_RECORD,
                )
        except StopIteration:
            break
        except _Incomplete as exc:
            yield from flush()
            yield _broken(path, where, offset, gzipped, exc.kind, str(exc))
            return
        except OSError as exc:
            yield from flush()
            yield ReadError(where, IO_ERROR, os_message(exc))
            return
        except Exception as exc:  # warcio raises all sorts of errors on damaged input
            yield from flush()
            yield _broken(path, where, offset, gzipped, WARC_ERROR, _describe(exc))
            return
        last = offset
        if archive.err_count > misaligned:
            # warcio found the record's bytes going on past its Content-Length: the length is
            # short, the payload read is cut. An error of this record, not a page.
            message = "Content-Length shorter than the record: its payload is cut"
            error = ReadError(where, TRUNCATED_RECORD, message)
            if page is not None:
                page = _Page(page.record_id, error)
            else:
                yield from flush()
                yield error
        if page is not None:
            yield from flush()
            pending = page
        elif meta is not None and pending is not None:
            pending = _apply_metadata(pending, meta)
    yield from flush()
    end = archive.offset
    if end < size:
        # Bytes warcio passed over without a record: the last gzip member or record is cut.
        message = f"incomplete record ({size - end} bytes at the end of the file)"
        yield _broken(path, f"{source}@{end}", end, gzipped, TRUNCATED_RECORD, message)
    elif gzipped and last is not None and (probe := _probe_gzip_member(path, last)):
        # warcio does not check the end of the last gzip member (its CRC and length)
        kind, message = probe
        yield ReadError(f"{source}@{last}", kind, message)


class _Incomplete(Exception):
    def __init__(self, message: str, kind: str = WARC_ERROR) -> None:
        super().__init__(message)
        self.kind = kind


def _remaining(record: ArcWarcRecord) -> int:
    """Bytes the record's Content-Length promised that the file did not have."""
    stream = record.raw_stream
    return stream.limit if isinstance(stream, LimitReader) else 0


def _page(record: ArcWarcRecord, where: str, options: ReaderOptions) -> _Page:
    headers = record.rec_headers
    record_id = headers.get_header("WARC-Record-ID")
    http = record.http_headers
    if record.rec_type == "response":
        if http is None:
            return _Page(record_id, None, SKIP_NOT_HTML)
        try:
            status = int(http.get_statuscode())
        except (TypeError, ValueError):
            status = 0
        if not 200 <= status < 300:
            return _Page(record_id, None, SKIP_HTTP_STATUS)
        content_type = http.get_header("Content-Type")
    else:
        content_type = headers.get_header("Content-Type")
    try:
        data = _payload(record, options.max_bytes)
    except ContentEncodingError as exc:
        if content_type and not _is_html(content_type, b""):
            return _Page(record_id, None, SKIP_NOT_HTML)
        message = f"payload cannot be decoded ({exc})"
        return _Page(record_id, ReadError(where, UNDECODABLE, message))
    if not _is_html(content_type, data):
        return _Page(record_id, None, SKIP_NOT_HTML)
    if len(data) > options.max_bytes:
        return _Page(record_id, ReadError(where, TOO_LARGE, size_message(options.max_bytes)))
    if looks_binary(data):
        return _Page(record_id, ReadError(where, BINARY, "binary payload (NUL or control bytes)"))
    url = headers.get_header("WARC-Target-URI")
    url = url.strip("<>") if url else None
    document = Document(
        source=url or where,
        url=url,
        html=data,
        fetched_at=headers.get_header("WARC-Date"),
        http_charset=http_content_type_encoding(content_type) if content_type else None,
    )
    return _Page(record_id, document)


def _payload(record: ArcWarcRecord, limit: int) -> bytes:
    """The record's payload with its content encoding undone (at most ``limit`` + 1 bytes).

    Not warcio's ``content_stream()``: its Brotli decoder fails on the current ``brotli``
    module, and it passes an encoding it does not know on undecoded (see
    `cleaners.readers.encoding`). Raises `ContentEncodingError`."""
    http = record.http_headers
    if http is None:
        return read_bounded(record.raw_stream, limit + 1)
    stream: Any = record.raw_stream
    if (http.get_header("Transfer-Encoding") or "").strip().lower() == "chunked":
        stream = ChunkedDataReader(stream, decomp_type=None)
    return decode_content(stream, http.get_header("Content-Encoding"), limit)


def _is_html(content_type: str | None, data: bytes) -> bool:
    """HTML by Content-Type, or by its first bytes when there is none (as the crawler decides)."""
    if content_type:
        return content_type.split(";", 1)[0].strip().lower() in HTML_TYPES
    start = data[:512].lstrip().lower()
    return start.startswith((b"<!doctype html", b"<html"))


def _crawl_metadata(record: ArcWarcRecord, pending_id: str | None) -> dict[str, Any] | None:
    """Our crawler's JSON metadata for the pending response, else None."""
    headers = record.rec_headers
    if pending_id is None or headers.get_header("WARC-Concurrent-To") != pending_id:
        return None
    content_type = (headers.get_header("Content-Type") or "").split(";", 1)[0].strip().lower()
    if content_type != "application/json":
        return None
    data = read_bounded(record.content_stream(), _METADATA_LIMIT + 1)
    if len(data) > _METADATA_LIMIT:
        return None
    try:
        meta = json.loads(data)
    except ValueError:
        return None
    return meta if isinstance(meta, dict) else None


# A rule pack in an archive is input, written by whoever wrote the archive: checked before
# use. Nested quantifiers ("(a+)+", "(\\w*)*") backtrack exponentially on a line that almost
# matches; the time budget interrupts any pattern that still runs away.
_NESTED_QUANTIFIER = re.compile(r"\((?:[^()\\]|\\.)*[+*}]\)\s*(?:[+*]|\{\d*,)")
_MAX_PATTERN = 500
_MAX_ENTRIES = 200


def untrusted_rules(rules: Any) -> str | None:
    """Why a rule pack from an archive's metadata is refused, or None when it can be used."""
    from cleaners.sitepack import SitePack, SitePackError

    if not isinstance(rules, dict):
        return "rule pack refused: not a table"
    entries = [*rules.get("drop_patterns", []), *rules.get("drop_selectors", [])]
    if len(entries) > _MAX_ENTRIES:
        return f"rule pack refused: more than {_MAX_ENTRIES} entries"
    for spec in rules.get("drop_patterns", []):
        pattern = spec.get("pattern") if isinstance(spec, dict) else None
        if isinstance(pattern, str) and (
            len(pattern) > _MAX_PATTERN or _NESTED_QUANTIFIER.search(pattern)
        ):
            shown = pattern if len(pattern) <= 60 else pattern[:57] + "..."
            return f"rule pack refused: pattern {shown!r} can backtrack without end"
    try:
        SitePack.from_mapping(rules)
    except (SitePackError, TypeError, AttributeError, ValueError) as exc:
        return f"rule pack refused: {exc}"
    return None


def _apply_metadata(page: _Page, meta: dict[str, Any]) -> _Page:
    if page.item is None:
        return page  # skipped already, for its own reason
    if meta.get("role", "article") != "article" or meta.get("cleaned") is False:
        return _Page(page.record_id, None, SKIP_CRAWL_SKIPPED)
    if not isinstance(page.item, Document):
        return page  # an error: reported as it is
    site = meta.get("site")
    rules = meta.get("rules")
    document = replace(
        page.item,
        site=site if isinstance(site, str) and site else page.item.site,
        rules=rules if isinstance(rules, dict) and rules else page.item.rules,
    )
    return _Page(page.record_id, document)


def _broken(
    path: Path, where: str, offset: int, gzipped: bool, kind: str, message: str
) -> ReadError:
    """The error for a record that could not be read, told apart by looking at the bytes:
    a gzip member that does not decompress, or a file that ends inside the record."""
    if gzipped:
        probe = _probe_gzip_member(path, offset)
        if probe is not None:
            kind, message = probe
    elif kind == WARC_ERROR and _ends_inside_header(path, offset):
        kind, message = TRUNCATED_RECORD, "record header cut short by the end of the file"
    return ReadError(where, kind, f"{message}; the rest of the file is not read")


def _probe_gzip_member(path: Path, offset: int) -> tuple[str, str] | None:
    """(kind, message) when the gzip member at ``offset`` does not decompress, else None."""
    try:
        with path.open("rb") as handle:
            handle.seek(offset)
            decompressor = zlib.decompressobj(zlib.MAX_WBITS | 16)
            while not decompressor.eof:
                data = handle.read(_PROBE_CHUNK)
                if not data:
                    return TRUNCATED_RECORD, "record cut short (its gzip member ends early)"
                while data and not decompressor.eof:
                    decompressor.decompress(data, _PROBE_CHUNK)  # the output is not kept
                    data = decompressor.unconsumed_tail
    except zlib.error as exc:
        return CORRUPT_GZIP, f"corrupt gzip data: {exc}"
    except OSError:
        return None
    return None


def _ends_inside_header(path: Path, offset: int) -> bool:
    """Whether the file ends before the header block starting at ``offset`` does."""
    try:
        with path.open("rb") as handle:
            handle.seek(offset)
            head = handle.read(_PROBE_CHUNK)
            at_end = not handle.read(1)
    except OSError:
        return False
    first_line = head.split(b"\n", 1)[0]
    looks_like_header = head.startswith(b"WARC/") or b"://" in first_line
    return looks_like_header and at_end and b"\r\n\r\n" not in head and b"\n\n" not in head


def _describe(exc: BaseException) -> str:
    if isinstance(exc, ArchiveLoadFailed):
        return _first_line(str(exc))
    return f"unreadable record ({type(exc).__name__}: {_first_line(str(exc))})"


def _first_line(message: str) -> str:
    lines = [line.strip() for line in message.strip().splitlines() if line.strip()]
    text = " ".join(lines[:3]) if lines else "unreadable WARC/ARC record"
    text = "".join(c if c.isprintable() else "?" for c in text)
    return text if len(text) <= 300 else text[:297] + "..."
