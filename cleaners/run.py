"""One `newsclean clean` run: read, clean (in order, in parallel), de-duplicate, write, count.

The run checkpoints every few seconds (records written, bytes, counters) beside the output,
so `--resume` after an interruption cuts the partial output back to the last checkpoint and
continues from the next input document: nothing is lost and nothing written twice.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from contextlib import ExitStack
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from cleaners.batch import BatchOptions, Item, Result, iter_outcomes
from cleaners.document import ReadError
from cleaners.input_count import count_documents
from cleaners.output import RecordFile
from cleaners.progress import Progress
from cleaners.summary import RunSummary
from cleaners.writers import dumps_record

CHECKPOINT_EVERY = 5.0  # seconds between checkpoints (each one fsyncs the partial outputs)
CHECKPOINT_VERSION = 1


@dataclass
class RunConfig:
    inputs: list[str]
    output: str = "-"
    rejects: str | None = None
    jobs: int = 1
    options: BatchOptions = field(default_factory=BatchOptions)
    resume: bool = False
    strict: bool = False
    progress: bool = True
    quiet: bool = False
    # what identifies "the same run" for --resume, beyond inputs and options (reader options)
    extra_key: str = ""


MAX_ERRORS_SHOWN = 20  # error lines printed per input file; the summary counts them all
_WITHIN_FILE = re.compile(r"^(.+?)(?::\d+|@\d+)$")


class ErrorLines:
    """Error lines on stderr, at most `MAX_ERRORS_SHOWN` per input file: a file of millions
    of bad lines gives a few examples and a count, not gigabytes of stderr."""

    def __init__(self, limit: int = MAX_ERRORS_SHOWN) -> None:
        self.limit = limit
        self.shown: Counter[str] = Counter()
        self.hidden: Counter[str] = Counter()

    def report(self, error: ReadError) -> None:
        self.line(error.source, f"newsclean: error: {error}")

    def line(self, source: str, text: str) -> None:
        name = input_file(source)
        if self.shown[name] >= self.limit:
            self.hidden[name] += 1
            return
        self.shown[name] += 1
        print(text, file=sys.stderr)
        if self.shown[name] == self.limit:
            print(
                f"newsclean: {name}: further errors in this input are counted, not shown",
                file=sys.stderr,
            )

    def close(self) -> None:
        for name, count in self.hidden.items():
            print(f"newsclean: {name}: {count} more errors not shown", file=sys.stderr)
        self.hidden.clear()


def input_file(source: str) -> str:
    """The input file a source names (``FILE:LINE``, ``FILE@OFFSET``, ``FILE#ID`` → FILE)."""
    if match := _WITHIN_FILE.match(source):
        return match.group(1)
    if "#" in source and not source.startswith(("http://", "https://")):
        return source.split("#", 1)[0]
    return source


class UsageError(ValueError):
    """A combination of options that cannot work; reported before anything is read."""


def check_outputs(inputs: list[str], output: str | None, rejects: str | None) -> None:
    """Refuse an output that is an input, or both outputs one file (UsageError).

    Writing over an input replaces the raw data with its cleaned records; two outputs in one
    file interleave records and rejections. Files given by name or matched by a pattern are
    compared by identity (links included), and so is an existing output file inside an input
    directory that a walk would read."""
    outputs = {name: path for name, path in (("-o", output), ("--rejects", rejects)) if path}
    outputs = {name: path for name, path in outputs.items() if path != "-"}
    if len(outputs) == 2 and _same_file(outputs["-o"], outputs["--rejects"]):
        raise UsageError("-o and --rejects name the same file: give them different files")
    for name, path in outputs.items():
        for given in _input_files(inputs, path):
            if _same_file(given, path) or _same_file(given, path + ".partial"):
                raise UsageError(
                    f"{name} {path} is also an input ({given}): the run would overwrite it; "
                    "write the output somewhere else"
                )


def _input_files(inputs: list[str], output: str) -> Iterable[str]:
    from cleaners.readers import format_by_name

    out = os.path.realpath(output)
    for given in inputs:
        if given == "-":
            continue
        if os.path.isdir(given):
            # Only the output itself can be in the walk: no need to list the directory.
            inside = out.startswith(os.path.realpath(given).rstrip(os.sep) + os.sep)
            if inside and os.path.isfile(output) and format_by_name(Path(output)):
                yield output
        elif os.path.exists(given):
            yield given
        elif any(c in given for c in "*?["):
            yield from glob.glob(given, recursive=True)


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


class OutputLock:
    """An exclusive lock on an output (``<OUT>.lock``, flock): a second run writing the same
    output at the same time stops at once with a clear message instead of interleaving its
    records. The kernel releases the lock when the process ends, however it ends."""

    def __init__(self, path: str) -> None:
        self.path = Path(path + ".lock")
        self._fd: int | None = None

    def __enter__(self) -> OutputLock:
        import fcntl

        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            holder = _lock_holder(self.path)
            raise UsageError(
                f"{self.path.with_suffix('')} is being written by another newsclean run"
                f"{holder}; wait for it to finish or write elsewhere"
            ) from None
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd
        return self

    def __exit__(self, *exc: object) -> None:
        if self._fd is not None:
            self.path.unlink(missing_ok=True)
            os.close(self._fd)  # closing releases the lock
            self._fd = None


def _lock_holder(path: Path) -> str:
    try:
        pid = path.read_text().strip()
    except OSError:
        return ""
    return f" (process {pid})" if pid.isdigit() else ""


def run(config: RunConfig, read: Callable[[list[str], Counter[str]], Iterable[Item]]) -> int:
    """The run; `read(inputs, skipped)` yields the input items, counting skipped inputs."""
    if config.resume and config.output in ("-", None):
        raise UsageError("--resume needs an output file (-o FILE)")
    check_outputs(config.inputs, config.output, config.rejects)
    with ExitStack() as locks:
        for path in (config.output, config.rejects):
            if path not in ("-", None):
                locks.enter_context(OutputLock(path))
        return _run(config, read)


def _run(config: RunConfig, read: Callable[[list[str], Counter[str]], Iterable[Item]]) -> int:
    out = RecordFile(config.output, spool=config.options.dedup)
    rejects = RecordFile(config.rejects) if config.rejects else None
    checkpoint = _Checkpoint(config)
    state = checkpoint.load() if config.resume else None
    summary = RunSummary()
    duplicates: Counter[int] = Counter()
    skip = 0
    if state is not None:
        skip = state["items"]
        summary = RunSummary.from_dict(state["summary"])
        summary.skipped.clear()  # the inputs are read again from the start: counted again
        duplicates = Counter({int(k): v for k, v in state["duplicates"].items()})
    out.open(tuple(state["out"]) if state else None)
    if rejects is not None:
        rejects.open(tuple(state["rejects"]) if state and state["rejects"] else None)
    index = _dedup_index(out, state) if config.options.dedup else None
    if state is not None and not config.quiet:
        print(f"newsclean: resuming after {skip} input documents", file=sys.stderr)

    showing = config.progress and not config.quiet
    total = count_documents(config.inputs) if showing else None
    progress = Progress(enabled=showing, total=total, initial=skip)
    shown = ErrorLines()
    items_done = skip
    last_checkpoint = time.monotonic()
    between_items = True
    try:
        items = islice(iter(read(config.inputs, summary.skipped)), skip, None)
        for outcome in iter_outcomes(items, config.options, jobs=config.jobs):
            between_items = False  # an interruption now would leave half an item written
            if outcome.error is not None:
                summary.add_error(outcome.error)
                shown.report(outcome.error)
                progress.update(errors=1)
            else:
                summary.documents += 1
                summary.add_rule_seconds(outcome.rule_seconds)
                for result in outcome.results:
                    _write(result, out, rejects, summary, index, duplicates)
                progress.update()
            items_done += 1
            between_items = True
            if time.monotonic() - last_checkpoint >= CHECKPOINT_EVERY:
                checkpoint.save(items_done, out, rejects, summary, duplicates)
                last_checkpoint = time.monotonic()
    except BaseException:
        # Interrupted or failed: keep the partial outputs and a checkpoint to resume from.
        progress.close()
        if config.output not in ("-", None):
            if between_items:  # else the last periodic checkpoint is the consistent one
                checkpoint.save(items_done, out, rejects, summary, duplicates)
            print(
                "newsclean: run interrupted; partial output kept: run the same command with "
                "--resume to continue",
                file=sys.stderr,
            )
        out.close()
        if rejects is not None:
            rejects.close()
        raise
    progress.close()
    shown.close()
    out.publish(dict(duplicates))
    if rejects is not None:
        rejects.publish()
    checkpoint.remove()
    if not config.quiet:
        print(summary.render(), file=sys.stderr)
    if summary.documents == 0:
        print("newsclean: no input could be read", file=sys.stderr)
        return 1
    if config.strict and summary.error_count:
        print(f"newsclean: --strict: {summary.error_count} input errors", file=sys.stderr)
        return 1
    return 0


def _write(
    result: Result,
    out: RecordFile,
    rejects: RecordFile | None,
    summary: RunSummary,
    index: Any,
    duplicates: Counter[int],
) -> None:
    if result.ok and index is not None and result.fingerprint is not None:
        original = index.check(out.lines, result.fingerprint)
        if original is not None:
            duplicates[original] += 1
            summary.add_result(False, "duplicate", result.removed, result.rules)
            if rejects is not None:
                rejects.write(_as_duplicate(result.line))
            return
    summary.add_result(result.ok, result.reject_reason, result.removed, result.rules)
    if result.ok:
        out.write(result.line)
    elif rejects is not None:
        rejects.write(result.line)


def _as_duplicate(line: str) -> str:
    record = json.loads(line)
    record["status"], record["reject_reason"] = "rejected", "duplicate"
    return dumps_record(record)


def _dedup_index(out: RecordFile, state: dict[str, Any] | None) -> Any:
    """The run's near-duplicate index; on resume, rebuilt from the records already written."""
    from cleaners.dedup import FingerprintIndex, fingerprint

    index: FingerprintIndex[int] = FingerprintIndex()
    if state is not None and out.partial is not None:
        with out.partial.open(encoding="utf-8") as handle:
            for position, line in enumerate(handle):
                record = json.loads(line)
                index.check(position, fingerprint(record["text"], record.get("title")))
    return index


def _inputs_identity(inputs: list[str]) -> str:
    """A digest of the files the inputs name: each path, size and modification time.

    The checkpoint counts input documents; resuming after a file was added, removed or
    changed would skip the wrong ones. Stdin (``-``) has no identity to check."""
    from cleaners.readers import expand_inputs

    digest = hashlib.sha1()
    for entry in expand_inputs(inputs):
        if isinstance(entry, tuple) and entry[0] is not None:
            path, source = entry[0], entry[1]
            try:
                info = path.stat()
            except OSError:
                identity = f"{source}\0?"
            else:
                identity = f"{source}\0{info.st_size}\0{info.st_mtime_ns}"
        else:
            identity = str(entry)  # stdin, or an input that is missing or unreadable
        digest.update(identity.encode("utf-8", "surrogateescape") + b"\n")
    return digest.hexdigest()


class _Checkpoint:
    """`<OUT>.checkpoint.json`: how far the run got, written atomically."""

    def __init__(self, config: RunConfig) -> None:
        self.path = (
            None if config.output in ("-", None) else Path(config.output + ".checkpoint.json")
        )
        key = json.dumps(
            [
                config.inputs,
                config.output,
                config.rejects,
                config.options.split_stories,
                sorted(config.options.languages or []),
                config.options.dedup,
                config.extra_key,
            ]
        )
        self.key = hashlib.sha1(key.encode()).hexdigest()
        self.inputs = _inputs_identity(config.inputs) if self.path is not None else ""

    def load(self) -> dict[str, Any] | None:
        if self.path is None or not self.path.exists():
            return None
        try:
            state: dict[str, Any] = json.loads(self.path.read_text("utf-8"))
        except (OSError, ValueError) as exc:
            raise UsageError(f"{self.path}: unreadable checkpoint ({exc}); remove it") from None
        if state.get("version") != CHECKPOINT_VERSION or state.get("key") != self.key:
            raise UsageError(
                f"{self.path}: the checkpoint belongs to a run with other inputs or options; "
                "run the same command, or remove the checkpoint to start again"
            )
        if state.get("inputs") != self.inputs:
            raise UsageError(
                f"{self.path}: the input files changed since the interrupted run (a file "
                "added, removed, grown or modified): resuming would lose or repeat records; "
                "remove the checkpoint to start again"
            )
        return state

    def save(
        self,
        items: int,
        out: RecordFile,
        rejects: RecordFile | None,
        summary: RunSummary,
        duplicates: Counter[int],
    ) -> None:
        if self.path is None:
            return
        state = {
            "version": CHECKPOINT_VERSION,
            "key": self.key,
            "inputs": self.inputs,
            "items": items,
            "out": list(out.sync()),
            "rejects": list(rejects.sync()) if rejects is not None else None,
            "summary": summary.to_dict(),
            "duplicates": {str(k): v for k, v in duplicates.items()},
        }
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.write_text(json.dumps(state), "utf-8")
        os.replace(tmp, self.path)

    def remove(self) -> None:
        if self.path is not None and self.path.exists():
            self.path.unlink()
