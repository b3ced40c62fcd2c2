"""One page per file: text dumps (``.txt``) and HTML pages (``.html``, ``.htm``), gzipped or not."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from cleaners.document import Document, ReadError
from cleaners.readers.base import (
    BINARY,
    EMPTY,
    STREAM_ERRORS,
    TOO_LARGE,
    UNDECODABLE,
    BinaryContentError,
    Item,
    decode_text,
    open_input,
    read_bounded,
    size_message,
    stream_error,
)
from cleaners.readers.charsets import looks_binary
from cleaners.readers.options import ReaderOptions


def read_file_bytes(path: Path, source: str, max_bytes: int) -> bytes | ReadError:
    """The whole (decompressed) file, or why not. Never reads more than ``max_bytes + 1``."""
    try:
        size = path.stat().st_size
        if size == 0:
            return ReadError(source, EMPTY, "empty file (0 bytes)")
        with open_input(path) as (stream, gzipped):
            if not gzipped and size > max_bytes:
                return ReadError(
                    source, TOO_LARGE, size_message(max_bytes, f"file of {size} bytes,")
                )
            data = read_bounded(stream, max_bytes + 1)
    except STREAM_ERRORS as exc:
        return stream_error(source, exc)
    if len(data) > max_bytes:
        return ReadError(source, TOO_LARGE, size_message(max_bytes, "decompressed file"))
    if not data.strip():
        return ReadError(source, EMPTY, "no content (only whitespace)")
    return data


def read_text_file(path: Path, source: str, options: ReaderOptions) -> Iterator[Item]:
    """A text dump: decoded here (UTF-8, else charset detection)."""
    data = read_file_bytes(path, source, options.max_bytes)
    if isinstance(data, ReadError):
        yield data
        return
    try:
        text = decode_text(data)
    except BinaryContentError as exc:
        yield ReadError(source, BINARY, str(exc))
        return
    except ValueError as exc:
        yield ReadError(source, UNDECODABLE, str(exc))
        return
    yield Document(source=source, text=text)


def read_html_file(path: Path, source: str, options: ReaderOptions) -> Iterator[Item]:
    """HTML is kept as bytes: the cleaner decodes it from its BOM and <meta> charset."""
    data = read_file_bytes(path, source, options.max_bytes)
    if isinstance(data, ReadError):
        yield data
        return
    if looks_binary(data):
        yield ReadError(source, BINARY, "binary content (NUL or control bytes), not HTML")
        return
    yield Document(source=source, html=data)
