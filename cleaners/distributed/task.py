"""One shard's job, as a Dask task runs it: read, clean, write one part file, return counters.

The task is pure as far as the run is concerned: the same shard always gives the same part
file, byte for byte (records in input order, each line exactly what a local run writes), and
the part file appears only complete, by rename. A task that runs again, because its worker
died or because the scheduler lost sight of it, rewrites the same file with the same content:
a killed worker neither loses records (the shard is cleaned again elsewhere) nor duplicates
them (the half-written temporary file of the dead attempt is never renamed into place).

No Dask import here: the task is a plain function of picklable arguments.
"""

from __future__ import annotations

import os
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from cleaners.batch import BatchOptions, Item, Outcome, process_item
from cleaners.distributed.shards import Piece, Shard
from cleaners.readers import ReaderOptions, read_file, read_jsonl_range
from cleaners.summary import RunSummary

MAX_ERRORS_LISTED = 1000  # per shard, in the manifest (all are counted)

Process = Callable[[Item, BatchOptions], Outcome]


@dataclass(frozen=True, slots=True)
class ShardJob:
    """What every task of a run is told (picklable)."""

    parts_dir: str
    rejects_dir: str | None = None  # None: rejected records are counted, not written
    options: BatchOptions = field(default_factory=BatchOptions)
    reader: ReaderOptions = field(default_factory=ReaderOptions)


def part_name(index: int) -> str:
    return f"part-{index:05d}.jsonl"


def rejects_name(index: int) -> str:
    return f"rejects-{index:05d}.jsonl"


def read_shard(shard: Shard, options: ReaderOptions, skipped: Counter[str]) -> Iterator[Item]:
    """The shard's Documents and ReadErrors, as a local run reads those inputs."""
    for piece in shard.pieces:
        yield from read_piece(piece, options, skipped)


def read_piece(piece: Piece, options: ReaderOptions, skipped: Counter[str]) -> Iterator[Item]:
    path = Path(piece.path)
    if piece.start is None or piece.end is None:
        yield from read_file(path, piece.source, options, skipped)
    else:
        yield from read_jsonl_range(
            path, piece.source, options, piece.start, piece.end, piece.lines_before
        )


def clean_shard(shard: Shard, job: ShardJob, process: Process = process_item) -> dict[str, Any]:
    """Clean one shard into ``part-NNNNN.jsonl`` (and ``rejects-NNNNN.jsonl``); its counters.

    ``process`` is `process_item` (tests pass a wrapper to slow one shard down)."""
    summary = RunSummary()
    errors: list[list[str]] = []
    out = AtomicLines(Path(job.parts_dir) / part_name(shard.index))
    rejects = None
    if job.rejects_dir is not None:
        rejects = AtomicLines(Path(job.rejects_dir) / rejects_name(shard.index))
    with out, rejects or nullcontext():
        for item in read_shard(shard, job.reader, summary.skipped):
            outcome = process(item, job.options)
            if outcome.error is not None:
                summary.add_error(outcome.error)
                if len(errors) < MAX_ERRORS_LISTED:
                    error = outcome.error
                    errors.append([error.source, error.kind, error.message])
                continue
            summary.documents += 1
            summary.add_rule_seconds(outcome.rule_seconds)
            for result in outcome.results:
                summary.add_result(result.ok, result.reject_reason, result.removed, result.rules)
                if result.ok:
                    out.write(result.line)
                elif rejects is not None:
                    rejects.write(result.line)
    return {
        "index": shard.index,
        "records": out.lines,
        "rejects": rejects.lines if rejects is not None else None,
        "summary": summary.to_dict(),
        "errors": errors,
    }


class AtomicLines:
    """A JSONL file written under a temporary name and renamed into place when complete.

    The temporary name is unique per attempt (``.NAME.<random>.tmp`` in the same directory),
    so two attempts at one shard never write into each other's file, and whichever renames
    last leaves the same complete content. On an exception the temporary file is removed; a
    worker killed outright leaves it behind, and the run removes such leftovers at the end."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lines = 0
        self._tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
        self._handle: IO[str] | None = None

    def __enter__(self) -> AtomicLines:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._handle = self._tmp.open("w", encoding="utf-8", newline="\n")
        return self

    def write(self, line: str) -> None:
        assert self._handle is not None
        self._handle.write(line + "\n")
        self.lines += 1

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        assert self._handle is not None
        try:
            if kind is None:
                self._handle.flush()
                os.fsync(self._handle.fileno())
            self._handle.close()
            if kind is None:
                os.replace(self._tmp, self.path)
        finally:
            if self._tmp.exists():
                self._tmp.unlink()
