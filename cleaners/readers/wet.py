"""Common Crawl WET files (``.warc.wet``, ``.wet``, optionally gzipped), read with warcio.

A WET file is a WARC file whose ``conversion`` records hold the plain text Common Crawl
extracted from each page: the whole page's visible text, menus and footers included (the text
path finds the article region in it). Each conversion record becomes a text Document with
``url`` = WARC-Target-URI, ``fetched_at`` = WARC-Date and ``source`` = the URL (as for a WARC
response), its payload decoded as UTF-8 (Common Crawl writes UTF-8; other bytes are decoded
as `decode_text` does a text file). Other records (``warcinfo``) are passed over.

Streamed record by record like the WARC reader: one payload in memory at a time, at most
``max_bytes`` of it (a larger record is a ``too_large`` error and the next one is read). A
record warcio cannot parse, or a gzip member that does not decompress, ends the file with one
ReadError (``FILE@OFFSET``); the documents read before it are kept.
"""

from __future__ import annotations

import os
import zlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.limitreader import LimitReader
from warcio.recordloader import ArcWarcRecord

from cleaners.document import Document, ReadError
from cleaners.readers.base import (
    BINARY,
    TOO_LARGE,
    TRUNCATED_RECORD,
    UNDECODABLE,
    WARC_ERROR,
    Item,
    decode_text,
    looks_binary,
    open_archive,
    read_bounded,
    size_message,
    stream_error,
)
from cleaners.readers.options import ReaderOptions


def read_wet_file(
    path: Path, source: str, options: ReaderOptions, skipped: Counter[str] | None = None
) -> Iterator[Item]:
    handle = open_archive(path, source)
    if isinstance(handle, ReadError):
        yield handle
        return
    with handle:
        size = os.fstat(handle.fileno()).st_size
        archive = ArchiveIterator(handle)
        records = iter(archive)
        while True:
            where = f"{source}@{archive.offset}"
            try:
                record = next(records)
                length = record.rec_headers.get_header("Content-Length") or ""
                if record.rec_type is None or not length.strip().isdigit():
                    yield ReadError(
                        where,
                        TRUNCATED_RECORD,
                        "record header incomplete (no WARC-Type or Content-Length);"
                        " the rest of the file is not read",
                    )
                    return
                item = None
                if record.rec_type == "conversion":
                    item = _conversion(record, where, options)
                archive.get_record_offset()  # reads the rest of the record
                stream = record.raw_stream
                if isinstance(stream, LimitReader) and stream.limit:
                    yield ReadError(
                        where,
                        TRUNCATED_RECORD,
                        f"record cut short: {stream.limit} of its bytes missing",
                    )
                    return
            except StopIteration:
                if archive.offset < size:  # bytes warcio passed over: a record cut short
                    yield ReadError(
                        f"{source}@{archive.offset}",
                        TRUNCATED_RECORD,
                        f"incomplete record ({size - archive.offset} bytes at the end of the file)",
                    )
                return
            except (OSError, zlib.error) as exc:
                yield stream_error(where, exc)
                return
            except Exception as exc:  # warcio raises all sorts of errors on damaged input
                message = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
                yield ReadError(
                    where,
                    WARC_ERROR,
                    f"unreadable record ({type(exc).__name__}: {message});"
                    " the rest of the file is not read",
                )
                return
            if item is not None:
                yield item


def _conversion(record: ArcWarcRecord, where: str, options: ReaderOptions) -> Item | None:
    headers = record.rec_headers
    data = read_bounded(record.content_stream(), options.max_bytes + 1)
    if len(data) > options.max_bytes:
        return ReadError(where, TOO_LARGE, size_message(options.max_bytes))
    if not data.strip():
        return None  # a page without text: nothing to clean
    if looks_binary(data):
        return ReadError(where, BINARY, "binary payload (NUL or control bytes)")
    try:
        text = decode_text(data)
    except ValueError as exc:  # undecodable bytes
        return ReadError(where, UNDECODABLE, str(exc))
    url = headers.get_header("WARC-Target-URI")
    url = url.strip("<>") if url else None
    return Document(
        source=url or where, url=url, text=text, fetched_at=headers.get_header("WARC-Date")
    )
