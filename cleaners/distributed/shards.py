"""Cutting a run's inputs into shards: contiguous, ordered pieces of the input stream.

A shard is a run of consecutive *pieces* in input order; a piece is a whole file or, for a
big plain JSONL file, one byte range of it (`cleaners.readers.jsonl_ranges`: cut at line
starts, so a line belongs to the range where it starts). Small files are grouped into one
shard up to about ``shard_bytes`` (bytes on disk); a file bigger than that is its own shard, or
several when it can be cut. Because shards are contiguous and numbered in input order
(`expand_inputs` order, then range order), concatenating their outputs in shard order gives
exactly the records of a local run, and shard N always holds the same inputs for the same
inputs and ``shard_bytes``.

What is cut: uncompressed JSONL (by byte range). What is not: gzipped files (a gzip stream
has no random access), WARC/ARC archives (one shard per file: a response and the crawler's
metadata record after it must be read together, and finding record boundaries means
decompressing the whole archive; crawls rotate their archives, so a big crawl is many files),
text and HTML files (one page each). Stdin cannot be sharded.

Planning reads only what it must: a stat per file, the first bytes of files whose name does
not tell their format, and one newline-counting pass over each JSONL file it cuts.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from cleaners.document import ReadError
from cleaners.readers import expand_inputs, format_by_name, jsonl_ranges, sniff_format
from cleaners.readers.base import GZIP_MAGIC, IO_ERROR, os_message

DEFAULT_SHARD_BYTES = 16 * 1024 * 1024
JSONL = "jsonl"


@dataclass(frozen=True, slots=True)
class Piece:
    """A whole file, or the byte range ``[start, end)`` of a plain JSONL file."""

    path: str  # absolute: where workers read it (inputs must be at the same path on workers)
    source: str  # as a local run names it (the path as given; DIR/child in a walk)
    size: int  # bytes on disk covered by this piece
    start: int | None = None  # byte range (JSONL only); None for the whole file
    end: int | None = None
    lines_before: int = 0  # lines of the file before ``start``

    @property
    def is_range(self) -> bool:
        return self.start is not None

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"source": self.source, "path": self.path, "bytes": self.size}
        if self.is_range:
            out.update(start=self.start, end=self.end, first_line=self.lines_before + 1)
        return out


@dataclass(frozen=True, slots=True)
class Shard:
    index: int
    pieces: tuple[Piece, ...]

    @property
    def name(self) -> str:
        return f"{self.index:05d}"

    @property
    def size(self) -> int:
        return sum(piece.size for piece in self.pieces)


@dataclass
class Plan:
    shards: list[Shard]
    errors: list[ReadError]  # inputs that failed before any shard (not found, unsupported)
    skipped: Counter[str]  # files passed over by directory walks (unknown extension)


def plan_shards(
    inputs: Iterable[str], shard_bytes: int = DEFAULT_SHARD_BYTES, *, split: bool = True
) -> Plan:
    """The shards of a run over ``inputs`` (never ``-``: stdin cannot be sharded)."""
    skipped: Counter[str] = Counter()
    errors: list[ReadError] = []
    shards: list[Shard] = []
    group: list[Piece] = []
    group_size = 0

    def close_group() -> None:
        nonlocal group, group_size
        if group:
            shards.append(Shard(len(shards), tuple(group)))
            group, group_size = [], 0

    for piece in _pieces(inputs, shard_bytes, split, skipped, errors):
        if group and group_size + piece.size > shard_bytes:
            close_group()
        group.append(piece)
        group_size += piece.size
        if piece.is_range:
            close_group()  # each range of a big file is a shard of its own
    close_group()
    return Plan(shards, errors, skipped)


def _pieces(
    inputs: Iterable[str],
    shard_bytes: int,
    split: bool,
    skipped: Counter[str],
    errors: list[ReadError],
) -> Iterator[Piece]:
    for entry in expand_inputs(inputs, skipped):
        if isinstance(entry, ReadError):
            errors.append(entry)
            continue
        path, source = entry
        if path is None:
            raise ValueError("stdin (-) cannot be cleaned on a cluster: give files")
        absolute = os.path.abspath(path)
        try:
            size = path.stat().st_size
        except OSError as exc:
            errors.append(ReadError(source, IO_ERROR, os_message(exc)))
            continue
        if split and size > shard_bytes and _splittable(path):
            try:
                ranges = jsonl_ranges(path, shard_bytes)
            except OSError:
                ranges = []  # read whole: the worker reports the error as a local run would
            if len(ranges) > 1:
                for start, end, before in ranges:
                    yield Piece(absolute, source, end - start, start, end, before)
                continue
        yield Piece(absolute, source, size)


def _splittable(path: Path) -> bool:
    """A plain JSONL file (by name, or sniffed), not gzip (by its magic bytes)."""
    fmt = format_by_name(path) or sniff_format(path, str(path))
    if fmt != JSONL or path.name.lower().endswith(".gz"):
        return False
    try:
        with path.open("rb") as handle:
            return handle.read(2) != GZIP_MAGIC
    except OSError:
        return False
