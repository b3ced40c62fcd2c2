"""What every reader shares: error kinds, opening (gzip by its magic bytes), bounded reads,
binary sniffing and text decoding."""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from charset_normalizer import from_bytes

from cleaners.document import Document, ReadError
from cleaners.readers.charsets import (
    bom_encoding,
    decode_wide,
    looks_binary,
    read_utf8,
    wide_encoding,
)

Item = Document | ReadError

# ReadError kinds (a closed set; see the package docstring).
NOT_FOUND = "not_found"
UNSUPPORTED = "unsupported"
IO_ERROR = "io_error"
CORRUPT_GZIP = "corrupt_gzip"
BINARY = "binary"
UNDECODABLE = "undecodable"
EMPTY = "empty"
TOO_LARGE = "too_large"
INVALID_JSON = "invalid_json"
MISSING_FIELD = "missing_field"
TRUNCATED_RECORD = "truncated_record"
WARC_ERROR = "warc_error"
SYMLINK_LOOP = "symlink_loop"
KINDS = frozenset(
    {
        SYMLINK_LOOP,
        NOT_FOUND,
        UNSUPPORTED,
        IO_ERROR,
        CORRUPT_GZIP,
        BINARY,
        UNDECODABLE,
        EMPTY,
        TOO_LARGE,
        INVALID_JSON,
        MISSING_FIELD,
        TRUNCATED_RECORD,
        WARC_ERROR,
    }
)

# Skip reasons: counted in the caller's `skipped` Counter, never reported one by one.
SKIP_UNKNOWN_EXTENSION = "unknown_extension"  # a file met in a directory walk, not an input
SKIP_HTTP_STATUS = "http_status"  # WARC response that is not 2xx
SKIP_NOT_HTML = "not_html"  # WARC response/resource that is not HTML
SKIP_CRAWL_SKIPPED = "crawl_skipped"  # our crawler's metadata: not an article / not cleaned
SKIP_REASONS = frozenset(
    {SKIP_UNKNOWN_EXTENSION, SKIP_HTTP_STATUS, SKIP_NOT_HTML, SKIP_CRAWL_SKIPPED}
)

GZIP_MAGIC = b"\x1f\x8b"
# What a broken gzip stream raises while it is read (BadGzipFile is an OSError: catch it first).
GZIP_ERRORS = (gzip.BadGzipFile, EOFError, zlib.error)


class NotGzipError(Exception):
    """A file named ``.gz`` that does not start with the gzip magic bytes."""


# Everything opening or reading an input may raise that `stream_error` turns into a ReadError.
STREAM_ERRORS = (NotGzipError, *GZIP_ERRORS, OSError)


class BinaryContentError(ValueError):
    """Bytes that are not text at all (NUL bytes, mostly control bytes)."""


class UndecodableError(ValueError):
    """Text bytes in no encoding we can tell."""


def decode_text(data: bytes) -> str:
    """A text dump's bytes to text (`cleaners.readers.charsets`): a BOM of any width,
    UTF-16/32 without one, UTF-8 with replacement at its bad bytes only (CESU-8 joined), else
    the encoding charset detection is sure of. NUL bytes are dropped.

    Raises `BinaryContentError` or `UndecodableError` (both ValueErrors)."""
    bom = bom_encoding(data)
    wide = None if bom else wide_encoding(data)
    if bom is not None and bom[0] != "utf-8":
        return decode_wide(data, bom[0], bom[1]).replace("\x00", "")
    if wide is not None:
        return decode_wide(data, wide).replace("\x00", "")
    if looks_binary(data):
        raise BinaryContentError("binary content (NUL or control bytes), not text")
    utf8 = read_utf8(data)
    # UTF-8 with a stray bad byte or two stays UTF-8: detection would misread it all
    if utf8.convincing or utf8.bad <= max(2, len(utf8.text) // 1000):
        return utf8.text.replace("\x00", "")
    best = from_bytes(data).best()
    if best is None:
        raise UndecodableError("undecodable bytes: no encoding fits") from None
    return str(best).replace("\x00", "")


def peekable(stream: BinaryIO) -> io.BufferedIOBase:
    """A stream with ``peek`` (stdin is one; a BytesIO given by a test is wrapped)."""
    if hasattr(stream, "peek"):
        return stream  # type: ignore[return-value]
    return io.BufferedReader(stream)  # type: ignore[arg-type,type-var]


def is_gzip_stream(stream: io.BufferedIOBase) -> bool:
    return stream.peek(2)[:2] == GZIP_MAGIC  # type: ignore[attr-defined]


def gunzip_if_needed(stream: BinaryIO, *, expect_gzip: bool = False) -> BinaryIO:
    """The stream itself, or its decompression when it starts with the gzip magic bytes."""
    buffered = peekable(stream)
    if is_gzip_stream(buffered):
        return gzip.GzipFile(fileobj=buffered, mode="rb")  # type: ignore[return-value]
    if expect_gzip:
        raise NotGzipError("not gzip data (no gzip header), despite the .gz name")
    return buffered  # type: ignore[return-value]


@contextmanager
def open_input(path: Path) -> Iterator[tuple[BinaryIO, bool]]:
    """Open a file for reading, decompressed when it is gzip (by content, whatever its name).

    Yields ``(stream, gzipped)``. Raises `NotGzipError` for a ``.gz`` file without the gzip
    magic bytes, OSError when the file cannot be opened."""
    with path.open("rb") as raw:
        stream = gunzip_if_needed(raw, expect_gzip=path.name.lower().endswith(".gz"))
        yield stream, stream is not raw


def open_archive(path: Path, source: str) -> BinaryIO | ReadError:
    """An archive file (WARC, WET) opened for reading, or why it cannot be read (an empty
    file, an OS error)."""
    try:
        if path.stat().st_size == 0:
            return ReadError(source, EMPTY, "empty file (0 bytes)")
        return path.open("rb")
    except OSError as exc:
        return ReadError(source, IO_ERROR, os_message(exc))


def read_bounded(stream: BinaryIO, limit: int) -> bytes:
    """Up to ``limit`` bytes (fewer only at the end of the stream)."""
    parts: list[bytes] = []
    size = 0
    while size < limit:
        chunk = stream.read(min(limit - size, 1 << 20))
        if not chunk:
            break
        parts.append(chunk)
        size += len(chunk)
    return b"".join(parts)


def gzip_message(exc: BaseException) -> str:
    return f"corrupt gzip data: {str(exc) or type(exc).__name__}"


def os_message(exc: OSError) -> str:
    return exc.strerror or str(exc) or type(exc).__name__


def stream_error(source: str, exc: BaseException, after: int = 0) -> ReadError:
    """The `ReadError` for an exception of `STREAM_ERRORS` met while opening or reading an
    input: a ``.gz`` name without gzip data or a damaged gzip stream (``corrupt_gzip``), an
    OS error (``io_error``). ``after``: the lines read before it, said in the message."""
    if isinstance(exc, NotGzipError):
        kind, message = CORRUPT_GZIP, str(exc)
    elif isinstance(exc, GZIP_ERRORS):  # before OSError: BadGzipFile is one
        kind, message = CORRUPT_GZIP, gzip_message(exc)
    elif isinstance(exc, OSError):
        kind, message = IO_ERROR, os_message(exc)
    else:
        raise TypeError(f"not a stream error: {exc!r}") from exc
    return ReadError(source, kind, f"{message} (after line {after})" if after else message)


def size_message(limit: int, what: str = "document") -> str:
    return f"{what} larger than {limit} bytes (the --max-bytes limit)"
