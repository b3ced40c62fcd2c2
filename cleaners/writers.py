"""Record writers. Output files are written atomically: a temporary file renamed into place."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from cleaners.output import new_file_mode


def dumps_record(record: dict[str, Any]) -> str:
    """One JSONL line: UTF-8 as is, keys in the record's documented order."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


class AtomicJsonlWriter:
    """Writes JSONL to `path` (or stdout for "-"); the file appears only when complete."""

    def __init__(self, path: str | None) -> None:
        self.path = None if path in (None, "-") else Path(path)
        self._handle: IO[str] | None = None
        self._tmp: str | None = None
        self.count = 0

    def __enter__(self) -> AtomicJsonlWriter:
        if self.path is None:
            self._handle = sys.stdout
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, self._tmp = tempfile.mkstemp(
                prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent
            )
            os.fchmod(fd, new_file_mode())  # mkstemp's 0o600 is no mode for an output
            self._handle = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        return self

    def write(self, record: dict[str, Any]) -> None:
        assert self._handle is not None
        self._handle.write(dumps_record(record) + "\n")
        self.count += 1

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._handle is None or self.path is None:
            if self._handle is not None:
                self._handle.flush()
            return
        if exc_type is None:
            self._handle.flush()
            os.fsync(self._handle.fileno())
            self._handle.close()
            assert self._tmp is not None
            os.replace(self._tmp, self.path)
        else:
            self._handle.close()
            if self._tmp and os.path.exists(self._tmp):
                os.unlink(self._tmp)
