"""HTTP content encodings undone, with the output bounded: gzip, deflate, br, zstd.

warcio undoes ``Content-Encoding`` itself, but its Brotli support breaks on the current
``brotli`` module (it sets an attribute the C decompressor does not have: every ``br`` record
raises) and an encoding it does not know passes the compressed bytes on as the page. The
crawler advertises every encoding Scrapy can undo (gzip, deflate, br, and zstd when
``zstandard`` is installed) and archives the bodies still encoded, so the reader must undo
each of them. Written here once, for the WARC reader and the crawler's archive middleware.

Output is bounded (``limit`` + 1 bytes at most, whatever the ratio: a compression bomb costs
no memory), and an encoding that cannot be undone is one `ContentEncodingError` for that
payload, never the end of its archive.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator
from typing import BinaryIO

_CHUNK = 1 << 16
IDENTITY = frozenset({"", "identity", "none"})


class ContentEncodingError(ValueError):
    """A payload whose content encoding is unknown or whose compressed data is damaged."""


Decoder = Callable[[Iterator[bytes], int], Iterator[bytes]]


def _zlib(wbits: int) -> Decoder:
    def decode(chunks: Iterator[bytes], limit: int) -> Iterator[bytes]:
        decompressor = zlib.decompressobj(wbits)
        for chunk in chunks:
            data = chunk
            while data:
                out = decompressor.decompress(data, _CHUNK)
                if out:
                    yield out
                data = decompressor.unconsumed_tail
                if decompressor.eof:
                    return
        yield decompressor.flush()
        if not decompressor.eof:
            raise ContentEncodingError("compressed data cut short")

    return decode


def _deflate(chunks: Iterator[bytes], limit: int) -> Iterator[bytes]:
    """``deflate`` is meant to be zlib-wrapped, but servers send raw deflate too: told apart
    by the zlib header (method 8, header checksum a multiple of 31)."""
    first = next(chunks, b"")
    wrapped = len(first) >= 2 and (first[0] & 0x0F) == 8 and (first[0] << 8 | first[1]) % 31 == 0
    yield from _zlib(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)(_prepend(first, chunks), limit)


def _brotli(chunks: Iterator[bytes], limit: int) -> Iterator[bytes]:
    try:
        import brotli
    except ImportError:
        raise ContentEncodingError("the brotli module is not installed") from None
    decompressor = brotli.Decompressor()
    for chunk in chunks:
        out = decompressor.process(chunk, output_buffer_limit=_CHUNK)
        while True:
            if out:
                yield out
            if decompressor.can_accept_more_data():
                break
            out = decompressor.process(b"", output_buffer_limit=_CHUNK)
    if not decompressor.is_finished():
        raise ContentEncodingError("compressed data cut short")


def _zstd(chunks: Iterator[bytes], limit: int) -> Iterator[bytes]:
    try:
        import zstandard
    except ImportError:
        raise ContentEncodingError("the zstandard module is not installed") from None
    reader = zstandard.ZstdDecompressor().stream_reader(_ChunkReader(chunks))
    while out := reader.read(_CHUNK):
        yield out


DECODERS: dict[str, Decoder] = {
    "gzip": _zlib(zlib.MAX_WBITS | 16),
    "x-gzip": _zlib(zlib.MAX_WBITS | 16),
    "deflate": _deflate,
    "br": _brotli,
    "zstd": _zstd,
}


def encodings_of(header: str | None) -> list[str]:
    """The codings of a ``Content-Encoding`` value, in the order they were applied."""
    if not header:
        return []
    return [c.strip().lower() for c in header.split(",") if c.strip().lower() not in IDENTITY]


def decode_content(stream: BinaryIO, header: str | None, limit: int) -> bytes:
    """The payload of ``stream`` with the codings of ``header`` undone; at most ``limit`` + 1
    bytes. Raises `ContentEncodingError` (an unknown coding, damaged data)."""
    codings = encodings_of(header)
    chunks: Iterator[bytes] = iter(lambda: stream.read(_CHUNK), b"")
    for coding in reversed(codings):
        decoder = DECODERS.get(coding)
        if decoder is None:
            raise ContentEncodingError(f"unknown content encoding {coding!r}")
        chunks = _guarded(decoder(chunks, limit), coding)
    parts: list[bytes] = []
    size = 0
    for part in chunks:
        parts.append(part)
        size += len(part)
        if size > limit:
            break
    return b"".join(parts)[: limit + 1]


def decode_body(body: bytes, header: str | None, limit: int) -> bytes:
    """`decode_content` of bytes in memory."""
    import io

    return decode_content(io.BytesIO(body), header, limit)


def _guarded(chunks: Iterator[bytes], coding: str) -> Iterator[bytes]:
    try:
        yield from chunks
    except ContentEncodingError as exc:
        raise ContentEncodingError(f"{coding}: {exc}") from None
    except Exception as exc:  # zlib.error, brotli.error, zstandard.ZstdError...
        raise ContentEncodingError(f"{coding}: damaged compressed data ({exc})") from None


def _prepend(first: bytes, rest: Iterator[bytes]) -> Iterator[bytes]:
    if first:
        yield first
    yield from rest


class _ChunkReader:
    """A ``read``-able view of an iterator of byte chunks (for zstandard)."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._buffer = b""

    def read(self, size: int = -1) -> bytes:
        while size < 0 or len(self._buffer) < size:
            chunk = next(self._chunks, b"")
            if not chunk:
                break
            self._buffer += chunk
        if size < 0:
            out, self._buffer = self._buffer, b""
        else:
            out, self._buffer = self._buffer[:size], self._buffer[size:]
        return out
