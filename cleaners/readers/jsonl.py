"""JSON Lines: one page per line, its HTML or text in configurable fields.

Lines are read in bounded pieces: a line longer than ``max_bytes`` is reported as
``too_large`` and skipped to its end without ever being held whole in memory. Blank lines are
ignored. Sources are ``FILE:LINE`` (1-based), or ``FILE#ID`` with an id field.
"""

from __future__ import annotations

import json
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from cleaners.document import Document, ReadError
from cleaners.readers.base import (
    EMPTY,
    INVALID_JSON,
    IO_ERROR,
    MISSING_FIELD,
    STREAM_ERRORS,
    TOO_LARGE,
    UNDECODABLE,
    Item,
    gunzip_if_needed,
    os_message,
    size_message,
    stream_error,
)
from cleaners.readers.options import ReaderOptions
from cleaners.record import valid_unicode

_SKIP_CHUNK = 1 << 20  # how much of an oversized line is read at a time while skipping it
_SCAN_CHUNK = 1 << 20  # `jsonl_ranges` reads the file in pieces of this size


def read_jsonl_file(path: Path, source: str, options: ReaderOptions) -> Iterator[Item]:
    try:
        raw = path.open("rb")
    except OSError as exc:
        yield ReadError(source, IO_ERROR, os_message(exc))
        return
    with raw:
        yield from read_jsonl_stream(raw, source, options, gz_name=path.name.lower())


def read_jsonl_stream(
    stream: BinaryIO, name: str, options: ReaderOptions, *, gz_name: str = ""
) -> Iterator[Item]:
    """Every line of a JSONL stream (gzip-compressed or not) as a Document or a ReadError.

    ``name`` starts each source (``name:LINE``). A read error (corrupt gzip, I/O) ends the
    stream with one ReadError at the line where it happened; lines before it are kept."""
    try:
        lines = gunzip_if_needed(stream, expect_gzip=gz_name.endswith(".gz"))
    except STREAM_ERRORS as exc:
        yield stream_error(name, exc)
        return
    seen, number = yield from _read_lines(lines, name, options)
    if not seen:
        yield ReadError(name, EMPTY, "no JSON lines" if number else "empty file (0 bytes)")


def _read_lines(
    lines: BinaryIO, name: str, options: ReaderOptions, number: int = 0
) -> Generator[Item, None, tuple[bool, int]]:
    """Each line of ``lines`` (numbered from ``number + 1``) as a Document or a ReadError.

    Returns (whether any line was not blank, the number of the last line read)."""
    seen = False
    while True:
        try:
            line = lines.readline(options.max_bytes + 1)
            oversized = len(line) > options.max_bytes and not line.endswith(b"\n")
            if oversized:
                while (rest := lines.readline(_SKIP_CHUNK)) and not rest.endswith(b"\n"):
                    pass
        except STREAM_ERRORS as exc:
            yield stream_error(f"{name}:{number + 1}", exc, after=number)
            return True, number
        if not line:
            break
        number += 1
        if oversized:
            seen = True
            yield ReadError(f"{name}:{number}", TOO_LARGE, size_message(options.max_bytes, "line"))
            continue
        if not line.strip():
            continue
        seen = True
        yield parse_line(line, name, number, options)
    return seen, number


def jsonl_ranges(path: Path, target: int) -> list[tuple[int, int, int]]:
    """A plain (not gzipped) JSONL file cut into byte ranges of about ``target`` bytes.

    Each range is ``(start, end, lines_before)``: it starts at the beginning of a line (a cut
    is made just after the first newline at or past each ``target`` bytes), so every line
    belongs to exactly one range, the one where it starts, and ``lines_before`` lets
    `read_jsonl_range` number its lines as a whole-file read does (sources ``FILE:LINE``).
    One sequential pass over the file, counting newlines; raises OSError."""
    target = max(1, target)
    cuts: list[tuple[int, int]] = [(0, 0)]
    want, position, lines = target, 0, 0
    with path.open("rb") as handle:
        while chunk := handle.read(_SCAN_CHUNK):
            while (i := max(want - 1 - position, 0)) < len(chunk):
                newline = chunk.find(b"\n", i)
                if newline < 0:
                    break
                cut = position + newline + 1
                cuts.append((cut, lines + chunk.count(b"\n", 0, newline + 1)))
                want = cut + target
            lines += chunk.count(b"\n")
            position += len(chunk)
    if len(cuts) > 1 and cuts[-1][0] >= position:
        cuts.pop()  # the file ends with that newline: no empty last range
    ends = [cut for cut, _ in cuts[1:]] + [position]
    return [(start, end, before) for (start, before), end in zip(cuts, ends, strict=True)]


def read_jsonl_range(
    path: Path, source: str, options: ReaderOptions, start: int, end: int, lines_before: int
) -> Iterator[Item]:
    """The lines of a plain JSONL file that start in bytes ``[start, end)``, one range of
    `jsonl_ranges`: the same Documents and ReadErrors, with the same sources (``FILE:LINE``),
    as reading the whole file gives for those lines. A range with only blank lines gives
    nothing (the whole-file ``empty`` error is not repeated per range)."""
    try:
        handle = path.open("rb")
        handle.seek(start)
    except OSError as exc:
        yield ReadError(f"{source}:{lines_before + 1}", IO_ERROR, os_message(exc))
        return
    with handle:
        lines: Any = _Range(handle, end - start)
        yield from _read_lines(lines, source, options, lines_before)


class _Range:
    """``readline`` on at most ``size`` bytes of a file, from where it stands."""

    def __init__(self, handle: BinaryIO, size: int) -> None:
        self._handle = handle
        self._left = size

    def readline(self, limit: int = -1) -> bytes:
        if self._left <= 0:
            return b""
        limit = self._left if limit < 0 else min(limit, self._left)
        line = self._handle.readline(limit)
        self._left -= len(line)
        return line


def parse_line(line: bytes, name: str, number: int, options: ReaderOptions) -> Item:
    """One JSON object to a Document: HTML preferred, else text."""
    where = f"{name}:{number}"
    try:
        obj = json.loads(line)
    except UnicodeDecodeError as exc:
        return ReadError(where, UNDECODABLE, f"not UTF-8: {exc}")
    except (ValueError, RecursionError) as exc:
        return ReadError(where, INVALID_JSON, f"invalid JSON: {exc}")
    if not isinstance(obj, dict):
        return ReadError(where, INVALID_JSON, f"a JSON {type(obj).__name__}, not an object")
    if options.id_field is not None:
        ident = obj.get(options.id_field)
        if isinstance(ident, str | int) and not isinstance(ident, bool) and str(ident):
            where = f"{name}#{valid_unicode(str(ident))}"
    fields = (options.html_field, options.text_field)
    values = [obj.get(field) for field in fields]
    common: dict[str, Any] = {
        "source": where,
        "url": _string(obj.get(options.url_field)),
        "fetched_at": _string(obj.get(options.fetched_at_field)),
        "site": _string(obj.get(options.site_field)),
    }
    html, text = values
    # An escaped lone surrogate ("\\ud83d": a string cut mid-emoji) is valid JSON but not
    # valid Unicode: replaced here, so the page is cleaned and its record can be written.
    if isinstance(html, str) and html.strip():
        return Document(html=valid_unicode(html), **common)
    if isinstance(text, str) and text.strip():
        return Document(text=valid_unicode(text), **common)
    if any(isinstance(value, str) for value in values):
        return ReadError(where, EMPTY, f"empty {' and '.join(map(repr, fields))} fields")
    for field, value in zip(fields, values, strict=True):
        if value is not None:
            return ReadError(where, MISSING_FIELD, f"field {field!r} is a {_json_type(value)}")
    return ReadError(where, MISSING_FIELD, f"no {fields[0]!r} or {fields[1]!r} field")


def _string(value: object) -> str | None:
    return valid_unicode(value) if isinstance(value, str) and value else None


def _json_type(value: object) -> str:
    names = {dict: "object", list: "array", bool: "boolean", int: "number", float: "number"}
    return f"JSON {names.get(type(value), type(value).__name__)}, not a string"
