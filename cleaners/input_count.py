"""How many input documents a run will read, when that is cheap to know: the progress bar's
total (and so its ETA).

One-page files (.txt, .html) count one each; plain JSONL files count their lines, read at
disk speed up to `COUNT_BYTES` in all; an input whose count would mean reading it (WARC,
gzipped JSONL, stdin, a file whose name does not tell its format) makes the total unknown.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from cleaners.document import ReadError
from cleaners.readers.inputs import HTML, JSONL, TEXT, expand_inputs, format_by_name

COUNT_BYTES = 1 << 30  # ~1 s of line counting at most before the run starts
CHUNK = 1 << 20


def count_documents(inputs: list[str], budget: int = COUNT_BYTES) -> int | None:
    """The number of items (documents and input errors) the run will read, or None."""
    total = 0
    for entry in expand_inputs(inputs, Counter()):
        if isinstance(entry, ReadError):
            total += 1  # reported as one item (not found, unsupported)
            continue
        path, _ = entry
        if path is None:
            return None  # stdin
        kind = format_by_name(path)
        if kind in (TEXT, HTML):
            total += 1
        elif kind == JSONL and not path.name.lower().endswith(".gz"):
            try:
                size = path.stat().st_size
            except OSError:
                total += 1  # an io_error item
                continue
            budget -= size
            if budget < 0:
                return None
            total += _count_lines(path)
        else:
            return None
    return total


def _count_lines(path: Path) -> int:
    """Non-blank lines, as the JSONL reader yields an item for each."""
    count = 0
    tail = b""
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            lines = (tail + chunk).split(b"\n")
            tail = lines.pop()
            count += sum(1 for line in lines if line.strip())
    return count + (1 if tail.strip() else 0)
