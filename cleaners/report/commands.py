"""`newsclean explain FILE --html OUT` and `newsclean report RECORDS... -o OUT`."""

from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from cleaners.extras import require
from cleaners.report.page_view import document_view, render_pages
from cleaners.report.run_view import RunStats, render_run

HTML_SUFFIXES = (".html", ".htm")
PARQUET_SUFFIXES = (".parquet", ".pq")


def html_output_problem(path: str) -> str | None:
    """Why `path` is no place for a report (None when it is fine); `-` is stdout."""
    if path == "-" or path.lower().endswith(HTML_SUFFIXES):
        return None
    return f"{path}: a report is an HTML page: name it .html (or - for stdout)"


def explain_to_html(input_path: str, output: str) -> int:
    """Every document of one input, drawn: blocks in order, removed ones by reason."""
    from cleaners.document import Document, ReadError
    from cleaners.readers import ReaderOptions, read_inputs

    views = []
    for item in read_inputs([input_path], ReaderOptions()):
        if isinstance(item, ReadError):
            print(f"newsclean: error: {item}", file=sys.stderr)
            return 1
        assert isinstance(item, Document)
        views.append(document_view(item))
    _write(output, render_pages(views, input_path))
    return 0


def report_to_html(inputs: list[str], output: str, top: int) -> int:
    """Charts and the most-cut documents of the records in `inputs` (articles and rejects)."""
    stats = RunStats(top=top, inputs=list(inputs))
    for record in _records(inputs, stats):
        stats.add(record)
    if stats.records == 0:
        print("newsclean: error: no record could be read", file=sys.stderr)
        return 1
    _write(output, render_run(stats, ", ".join(inputs)))
    return 0


def _records(inputs: list[str], stats: RunStats) -> Iterator[dict[str, Any]]:
    for name in inputs:
        path = Path(name)
        if not path.is_file():
            print(f"newsclean: error: {name}: not_found: no such file", file=sys.stderr)
            continue
        if name.lower().endswith(PARQUET_SUFFIXES):
            yield from _parquet_records(path)
            continue
        with path.open("rb") as raw:
            gzipped = raw.read(2) == b"\x1f\x8b"
        opener = gzip.open if gzipped else open
        with opener(path, "rt", encoding="utf-8", errors="replace") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    record = exc
                if not isinstance(record, dict):
                    stats.bad_lines += 1
                    print(
                        f"newsclean: error: {name}:{number}: invalid_json: not a record",
                        file=sys.stderr,
                    )
                    continue
                yield record


def _parquet_records(path: Path) -> Iterator[dict[str, Any]]:
    pq = require("pyarrow.parquet")

    for batch in pq.ParquetFile(path).iter_batches(batch_size=1000):
        yield from batch.to_pylist()


def _write(output: str, page: str) -> None:
    if output == "-":
        sys.stdout.write(page)
        sys.stdout.flush()
        return
    target = Path(output)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(page, encoding="utf-8")
