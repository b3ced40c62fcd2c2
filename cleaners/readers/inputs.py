"""Which files to read, in which order, and in which format."""

from __future__ import annotations

import errno
import glob
import os
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from cleaners.document import ReadError
from cleaners.readers.base import (
    IO_ERROR,
    NOT_FOUND,
    SKIP_UNKNOWN_EXTENSION,
    STREAM_ERRORS,
    SYMLINK_LOOP,
    UNSUPPORTED,
    Item,
    open_input,
    os_message,
    read_bounded,
    stream_error,
)
from cleaners.readers.files import read_html_file, read_text_file
from cleaners.readers.jsonl import read_jsonl_file, read_jsonl_stream
from cleaners.readers.options import ReaderOptions
from cleaners.readers.warc import read_warc_file
from cleaners.readers.wet import read_wet_file

TEXT, HTML, JSONL, WARC, WET = "text", "html", "jsonl", "warc", "wet"
EXTENSIONS = {
    ".txt": TEXT,
    ".html": HTML,
    ".htm": HTML,
    ".xhtml": HTML,
    ".jsonl": JSONL,
    ".ndjson": JSONL,
    ".warc": WARC,
    ".arc": WARC,
    ".wet": WET,  # Common Crawl's text extracts: "*.warc.wet.gz"
}
STDIN = "-"
STDIN_NAME = "<stdin>"

_SNIFF_BYTES = 4096
_GLOB_CHARS = re.compile(r"[*?[]")
_HTML_TAG = re.compile(
    rb"<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|section|main|span|a|h[1-6])\b"
)
# Signatures of binary formats that are plainly not inputs (sniffed, unknown extension only).
_BINARY_MAGIC = {
    b"%PDF-": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive",
    b"\x7fELF": "an executable",
    b"7z\xbc\xaf": "a 7-Zip archive",
    b"BZh": "a bzip2 file",
    b"\xfd7zXZ\x00": "an xz file",
    b"\x28\xb5\x2f\xfd": "a zstd file",
    b"PAR1": "a Parquet file",
    b"SQLite format 3": "an SQLite database",
}

FileReader = Callable[[Path, str, ReaderOptions, "Counter[str] | None"], Iterator[Item]]


def format_by_name(path: Path) -> str | None:
    """The format its extension names (``.gz`` looked through), or None."""
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return EXTENSIONS.get(os.path.splitext(name)[1])


def sniff_format(path: Path, source: str) -> str | ReadError:
    """The format of a file whose name does not tell, from its first bytes (decompressed).

    ``WARC/`` or ``filedesc://`` → warc; ``{`` → jsonl; ``<`` followed by an HTML tag → html;
    a known binary signature → unsupported; anything else → text (which then must decode)."""
    try:
        with open_input(path) as (stream, _):
            head = read_bounded(stream, _SNIFF_BYTES)
    except STREAM_ERRORS as exc:
        return stream_error(source, exc)
    for magic, what in _BINARY_MAGIC.items():
        if head.startswith(magic):
            return ReadError(source, UNSUPPORTED, f"{what}, not a supported input")
    start = head.removeprefix(b"\xef\xbb\xbf").lstrip().lower()
    if start.startswith((b"warc/", b"filedesc://")):
        return WARC
    if start.startswith(b"{"):
        return JSONL
    if start.startswith(b"<") and _HTML_TAG.search(start):
        return HTML
    return TEXT


def _walk(directory: Path, skipped: Counter[str] | None) -> Iterator[Path | ReadError]:
    """Files under ``directory`` with a known extension, in sorted path order; a ReadError
    for a directory that cannot be listed and for a link that leads nowhere (a loop).

    Symbolic links to files are followed, links to directories are not (no cycles)."""
    try:
        with os.scandir(directory) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        yield ReadError(str(directory), IO_ERROR, f"cannot list this directory: {os_message(exc)}")
        return
    for entry in entries:
        path = directory / entry.name
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
            is_file = not is_dir and entry.is_file()
        except OSError as exc:  # a link to itself, or in a loop of links
            if format_by_name(path) or skipped is None:
                yield ReadError(str(path), SYMLINK_LOOP, f"not read: {os_message(exc)}")
            else:
                skipped[SKIP_UNKNOWN_EXTENSION] += 1
            continue
        if is_dir:
            yield from _walk(path, skipped)
        elif is_file:
            if format_by_name(path):
                yield path
            elif skipped is not None:
                skipped[SKIP_UNKNOWN_EXTENSION] += 1


def expand_inputs(
    inputs: Iterable[str], skipped: Counter[str] | None = None
) -> Iterator[tuple[Path | None, str] | ReadError]:
    """``(path, source)`` per file to read, in a stable order, or a ReadError.

    Files as given (any extension: an unknown one is sniffed), directories walked recursively
    in sorted order (files with a known extension only), glob patterns (``*``, ``?``, ``[``,
    ``**``) expanded in sorted order. ``-`` is stdin: ``(None, "-")``."""
    for given in inputs:
        if given == STDIN:
            yield None, STDIN
            continue
        path = Path(given)
        if path.is_dir():
            for child in _walk(path, skipped):
                yield child if isinstance(child, ReadError) else (child, str(child))
        elif path.is_file():
            yield path, given
        elif _GLOB_CHARS.search(given):
            yield from _glob(given, skipped)
        elif _is_loop(path):
            yield ReadError(given, SYMLINK_LOOP, "a symbolic link in a loop: not read")
        elif path.exists() or path.is_symlink():
            yield ReadError(given, UNSUPPORTED, "not a regular file or directory")
        else:
            yield ReadError(given, NOT_FOUND, "no such file or directory")


def _glob(pattern: str, skipped: Counter[str] | None) -> Iterator[tuple[Path, str] | ReadError]:
    """The files a pattern matches, each once.

    ``**`` follows links to directories, so a link back to an ancestor matches the same files
    again at every depth until the OS gives up (dozens of copies of each document). A file
    met again by another path is not read again; the link that made the loop is reported."""
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        yield ReadError(pattern, NOT_FOUND, "no file matches this pattern")
    seen: set[tuple[int, int]] = set()
    loops: set[str] = set()
    looping: dict[str, str | None] = {}  # directory -> the loop link on its path, if any
    for match in matches:
        link = _looping_link(Path(match), looping)
        if link is not None:
            if link not in loops:
                loops.add(link)
                message = "a link back to a directory above it: not followed"
                yield ReadError(link, SYMLINK_LOOP, message)
            continue
        children: Iterator[tuple[Path, str] | ReadError]
        if os.path.isdir(match):
            children = (
                child if isinstance(child, ReadError) else (child, str(child))
                for child in _walk(Path(match), skipped)
            )
        elif os.path.isfile(match):
            children = iter([(Path(match), match)])
        else:
            if _is_loop(Path(match)):
                yield ReadError(match, SYMLINK_LOOP, "a symbolic link in a loop: not read")
            continue
        for child in children:
            if isinstance(child, ReadError):
                yield child
                continue
            try:
                info = child[0].stat()
            except OSError:
                yield child
                continue
            if (info.st_dev, info.st_ino) in seen:
                continue  # the same file by another path (links): read once
            seen.add((info.st_dev, info.st_ino))
            yield child


def _looping_link(path: Path, cache: dict[str, str | None]) -> str | None:
    """The first directory link on ``path`` that leads to one of its own ancestors."""
    parent = str(path.parent)
    if parent in cache:
        return cache[parent]
    found = None
    if path.parent != path:
        found = _looping_link(path.parent, cache)
        if found is None and path.parent.is_symlink():
            target = os.path.realpath(path.parent)
            above = os.path.realpath(path.parent.parent)
            if above == target or above.startswith(target.rstrip(os.sep) + os.sep):
                found = parent
    cache[parent] = found
    return found


def _is_loop(path: Path) -> bool:
    try:
        path.stat()
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


READERS: dict[str, FileReader] = {
    TEXT: lambda path, source, options, skipped: read_text_file(path, source, options),
    HTML: lambda path, source, options, skipped: read_html_file(path, source, options),
    JSONL: lambda path, source, options, skipped: read_jsonl_file(path, source, options),
    WARC: read_warc_file,
    WET: read_wet_file,
}


def read_file(
    path: Path,
    source: str | None = None,
    options: ReaderOptions | None = None,
    skipped: Counter[str] | None = None,
) -> Iterator[Item]:
    """Every Document (or ReadError) in one file, its format known by name or by content."""
    source = str(path) if source is None else source
    fmt = format_by_name(path) or sniff_format(path, source)
    if isinstance(fmt, ReadError):
        yield fmt
        return
    yield from READERS[fmt](path, source, options or ReaderOptions(), skipped)


def read_inputs(
    inputs: Iterable[str],
    options: ReaderOptions | None = None,
    stdin: BinaryIO | None = None,
    *,
    skipped: Counter[str] | None = None,
) -> Iterator[Item]:
    """Every Document and ReadError of the inputs, in a deterministic order.

    ``stdin`` is read for ``-`` (JSONL; default ``sys.stdin.buffer``). Pages passed over
    without an error (see `SKIP_REASONS`) are counted in ``skipped`` when one is given."""
    options = options or ReaderOptions()
    for entry in expand_inputs(inputs, skipped):
        if isinstance(entry, ReadError):
            yield entry
            continue
        path, source = entry
        if path is None:
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from read_jsonl_stream(stream, STDIN_NAME, options)
        else:
            yield from read_file(path, source, options, skipped)
