"""Inputs to Documents: files and directories, each format read by its own small reader.

Every reader yields Documents or ReadErrors; a bad file never stops the others.
"""

from __future__ import annotations

import gzip
import os
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from charset_normalizer import from_bytes

from cleaners.document import Document, ReadError

Item = Document | ReadError
Reader = Callable[[Path, str], Iterator[Item]]

_BINARY_SNIFF = 8192


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), else the encoding charset detection is sure of."""
    if b"\x00" in data[:_BINARY_SNIFF] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ValueError("binary content (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # UTF-8 with a stray bad byte or two stays UTF-8: detection would misread it all
        lenient = data.decode("utf-8-sig", errors="replace")
        if lenient.count("\ufffd") <= max(2, len(lenient) // 1000):
            return lenient
        best = from_bytes(data).best()
        if best is None:
            raise ValueError(f"undecodable bytes: {exc}") from None
        return str(best)


def _read_bytes(path: Path) -> bytes:
    if path.name.endswith(".gz"):
        with gzip.open(path, "rb") as handle:
            return handle.read()
    return path.read_bytes()


def read_text_dump(path: Path, source: str) -> Iterator[Item]:
    try:
        data = _read_bytes(path)
    except (OSError, EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield ReadError(source, "io_error", str(exc) or type(exc).__name__)
        return
    try:
        text = decode_text(data)
    except ValueError as exc:
        kind = "binary" if "binary" in str(exc) else "undecodable"
        yield ReadError(source, kind, str(exc))
        return
    yield Document(source=source, text=text)


def read_html_file(path: Path, source: str) -> Iterator[Item]:
    """HTML is kept as bytes: the cleaner decodes it from its BOM and <meta> charset."""
    try:
        data = _read_bytes(path)
    except (OSError, EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield ReadError(source, "io_error", str(exc) or type(exc).__name__)
        return
    if b"\x00" in data[:_BINARY_SNIFF] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        yield ReadError(source, "binary", "binary content (NUL bytes), not HTML")
        return
    yield Document(source=source, html=data)


READERS: dict[str, Reader] = {
    ".txt": read_text_dump,
    ".html": read_html_file,
    ".htm": read_html_file,
}


def _format_of(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    suffix = os.path.splitext(name)[1]
    return suffix if suffix in READERS else None


def expand_inputs(inputs: Iterable[str]) -> Iterator[tuple[Path, str] | ReadError]:
    """Files in a stable order: given files as given, directories walked recursively, sorted."""
    for given in inputs:
        path = Path(given)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if _format_of(child):
                    yield child, str(child)
        elif path.is_file():
            if _format_of(path):
                yield path, given
            else:
                yield ReadError(given, "unsupported", "unknown input format (by extension)")
        else:
            yield ReadError(given, "not_found", "no such file or directory")


def read_inputs(inputs: Iterable[str]) -> Iterator[Item]:
    for entry in expand_inputs(inputs):
        if isinstance(entry, ReadError):
            yield entry
            continue
        path, source = entry
        fmt = _format_of(path)
        assert fmt is not None
        yield from READERS[fmt](path, source)
