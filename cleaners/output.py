"""Run outputs: records go to `<OUT>.partial` as they come and are published at the end.

Publishing is atomic (a temporary file renamed into place), so an interrupted run never
leaves a file that looks complete. The partial file is plain JSONL whatever the final format;
a Parquet output is converted from it in bounded batches when the run completes. The partial
file and a checkpoint beside it are what `--resume` continues from.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from cleaners.extras import require
from cleaners.writers import dumps_record

PARQUET_SUFFIXES = (".parquet", ".pq")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
PARQUET_BATCH = 2_000  # records per Parquet row group: bounded memory for any output size


def output_format(path: str | None) -> str:
    if path and path.lower().endswith(PARQUET_SUFFIXES):
        return "parquet"
    return "jsonl"


def output_problem(path: str | None) -> str | None:
    """Why records cannot be written to `path`, or None: its extension names a format there
    is no writer for (`out.csv`, `out.jsonl.gz`). `-` (stdout) and a name without extension
    are JSONL."""
    if path in (None, "-"):
        return None
    suffix = Path(path).suffix.lower()
    if not suffix or suffix in JSONL_SUFFIXES or suffix in PARQUET_SUFFIXES:
        return None
    return (
        f"{path}: cannot write {suffix} files: records are written as JSONL "
        f"({', '.join(JSONL_SUFFIXES)}) or Parquet ({', '.join(PARQUET_SUFFIXES)})"
    )


class RecordFile:
    """One output (records or rejects): appends JSON lines, publishes atomically."""

    def __init__(self, path: str | None, *, spool: bool = False) -> None:
        # `-` is stdout; `spool` keeps stdout output in a temporary file until the end (the
        # de-duplication back-fills counts into records already written).
        self.path = None if path in (None, "-") else Path(path)
        self.format = output_format(path)
        self.lines = 0
        self._spool = spool and self.path is None
        self._handle: IO[str] | None = None
        self._partial: Path | None = None

    @property
    def partial(self) -> Path | None:
        return self._partial

    def open(self, resume_at: tuple[int, int] | None = None) -> None:
        """Start writing; `resume_at` (bytes, lines) continues a partial file cut there."""
        if self.path is None and not self._spool:
            self._handle = sys.stdout
            return
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._partial = self.path.with_name(self.path.name + ".partial")
        else:
            fd, name = tempfile.mkstemp(prefix="newsclean-", suffix=".jsonl")
            os.close(fd)
            self._partial = Path(name)
        if resume_at is not None and self._partial.exists():
            size, self.lines = resume_at
            with self._partial.open("r+b") as handle:
                handle.truncate(size)  # records after the checkpoint are cleaned again
            self._handle = self._partial.open("a", encoding="utf-8", newline="\n")
        else:
            self._handle = self._partial.open("w", encoding="utf-8", newline="\n")

    def write(self, line: str) -> int:
        """Append one record line; returns its position (0-based) in the output."""
        assert self._handle is not None
        self._handle.write(line + "\n")
        self.lines += 1
        return self.lines - 1

    def sync(self) -> tuple[int, int]:
        """Flush to disk; (bytes, lines) written so far, for the checkpoint."""
        assert self._handle is not None
        self._handle.flush()
        if self._partial is None:
            return 0, self.lines
        os.fsync(self._handle.fileno())
        return self._handle.tell(), self.lines

    def close(self) -> None:
        """Stop writing and keep the partial file (an interrupted run resumes from it)."""
        if self._handle is not None and self._handle is not sys.stdout:
            self._handle.close()
        self._handle = None

    def publish(self, duplicates: dict[int, int] | None = None) -> None:
        """Move the complete output into place, back-filling `duplicates` counts."""
        if self._handle is not None and self._handle is sys.stdout:
            self._handle.flush()
            return
        self.close()
        assert self._partial is not None
        lines = _lines_with_counts(self._partial, duplicates or {})
        if self.path is None:
            for line in lines:
                sys.stdout.write(line)
            sys.stdout.flush()
        elif self.format == "parquet":
            _atomic(self.path, lambda tmp: _write_parquet(tmp, lines))
        elif duplicates:
            _atomic(self.path, lambda tmp: _write_lines(tmp, lines))
        else:
            os.replace(self._partial, self.path)
        if self._partial.exists():
            self._partial.unlink()


def _lines_with_counts(partial: Path, duplicates: dict[int, int]) -> Iterator[str]:
    with partial.open(encoding="utf-8") as handle:
        for position, line in enumerate(handle):
            count = duplicates.get(position)
            if count:
                record = json.loads(line)
                record["duplicates"] = record.get("duplicates", 0) + count
                line = dumps_record(record) + "\n"
            yield line


def new_file_mode() -> int:
    """The mode `open()` gives a new file: 0o666 less the umask (mkstemp's files are 0o600,
    which an output published from one must not keep)."""
    try:  # Linux states the umask without changing it (thread-safe)
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def _atomic(path: Path, write: Any) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.fchmod(fd, new_file_mode())
    os.close(fd)
    try:
        write(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _write_lines(target: Path, lines: Iterator[str]) -> None:
    with target.open("w", encoding="utf-8", newline="\n") as handle:
        shutil.copyfileobj(_Reader(lines), handle)
        handle.flush()
        os.fsync(handle.fileno())


class _Reader:
    """A file-like view of an iterator of lines (for copyfileobj)."""

    def __init__(self, lines: Iterator[str]) -> None:
        self._lines = lines

    def read(self, size: int = -1) -> str:
        return next(self._lines, "")


def _write_parquet(target: Path, lines: Iterator[str]) -> None:
    pa = require("pyarrow")
    pq = require("pyarrow.parquet")

    from cleaners.schema import arrow_schema

    schema = arrow_schema()
    with pq.ParquetWriter(target, schema, compression="zstd") as writer:
        batch: list[dict[str, Any]] = []
        for line in lines:
            batch.append(json.loads(line))
            if len(batch) >= PARQUET_BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch.clear()
        if batch:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
