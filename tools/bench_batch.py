"""`make bench` (offline part 2): a mixed dump cleaned at -j 1 and -j 2, and at twice the size.

The dump mixes every input format: text dumps (`.txt`), HTML pages (`.html`, some gzipped),
JSONL lines (HTML and text) and WARC response records, generated deterministically from the
fixtures. Prints docs/s, the -j 2 speed-up, and peak memory (the sum of the resident memory of
`newsclean` and its workers, sampled from /proc) for N and 2N documents.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_clean import generate as generate_text

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
_PARAGRAPH = re.compile(r"<p\b[^>]*>.*?</p>", re.S)


def _pages() -> list[str]:
    paths = sorted((FIXTURES / "html").rglob("*.html")) + sorted(
        (FIXTURES / "site").rglob("pages/*.html")
    )
    return [p.read_text("utf-8") for p in paths]


def _vary(page: str, rng: random.Random, number: int) -> str:
    """Another page of the same template: two paragraphs swapped, a unique marker."""
    paragraphs = list(_PARAGRAPH.finditer(page))
    if len(paragraphs) > 3 and rng.random() < 0.5:
        a, b = sorted(rng.sample(range(1, len(paragraphs)), 2))
        pa, pb = paragraphs[a], paragraphs[b]
        page = (
            page[: pa.start()]
            + pb.group()
            + page[pa.end() : pb.start()]
            + pa.group()
            + page[pb.end() :]
        )
    return page.replace("</body>", f"<!-- page {number} --></body>")


def generate(directory: Path, count: int, seed: int = 11) -> dict[str, int]:
    """count documents: 40% text files, 20% HTML files, 20% JSONL lines, 20% WARC records."""
    rng = random.Random(seed)
    pages = _pages()
    n_text, n_html, n_jsonl = count * 2 // 5, count // 5, count // 5
    n_warc = count - n_text - n_html - n_jsonl
    (directory / "txt").mkdir(parents=True)
    generate_text(directory / "txt", n_text, seed=seed)
    html_dir = directory / "html"
    html_dir.mkdir()
    for n in range(n_html):
        page = _vary(pages[n % len(pages)], rng, n).encode("utf-8")
        sub = html_dir / f"{n // 1000:03d}"
        sub.mkdir(exist_ok=True)
        if n % 4 == 0:
            (sub / f"page{n:06d}.html.gz").write_bytes(gzip.compress(page, mtime=0))
        else:
            (sub / f"page{n:06d}.html").write_bytes(page)
    texts = sorted((directory / "txt").rglob("*.txt"))
    with gzip.open(directory / "pages.jsonl.gz", "wt", encoding="utf-8") as out:
        for n in range(n_jsonl):
            url = f"https://jsonl.example/{n}"
            if n % 2:
                record = {"url": url, "text": texts[n % len(texts)].read_text("utf-8")}
            else:
                record = {"url": url, "html": _vary(pages[n % len(pages)], rng, n)}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    _warc(directory / "crawl.warc.gz", n_warc, pages, rng)
    return {"txt": n_text, "html": n_html, "jsonl": n_jsonl, "warc": n_warc}


def _warc(path: Path, count: int, pages: list[str], rng: random.Random) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for n in range(count):
            body = _vary(pages[(n * 7) % len(pages)], rng, n).encode("utf-8")
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                f"https://warc.example/{n}",
                "response",
                payload=io.BytesIO(body),
                length=len(body),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": "2026-01-02T03:04:05Z"},
            )
            writer.write_record(record)


class TreeMemory:
    """Peak of the summed RSS of a process and its descendants, sampled from /proc."""

    def __init__(self, pid: int, interval: float = 0.2) -> None:
        self.pid, self.interval, self.peak_kb = pid, interval, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _tree(self, pid: int) -> list[int]:
        pids = [pid]
        for task in Path(f"/proc/{pid}/task").glob("*/children"):
            try:
                for child in task.read_text().split():
                    pids += self._tree(int(child))
            except OSError:
                pass
        return pids

    @staticmethod
    def _rss_kb(pid: int) -> int:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        except OSError:
            pass
        return 0

    def _run(self) -> None:
        while not self._stop.is_set():
            total = sum(self._rss_kb(p) for p in self._tree(self.pid))
            self.peak_kb = max(self.peak_kb, total)
            self._stop.wait(self.interval)

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return self.peak_kb / 1024


def clean(dump: Path, out: Path, jobs: int) -> tuple[float, float, int]:
    """(seconds, peak MB, records) of one `newsclean clean` run over the dump."""
    argv = [sys.executable, "-m", "cleaners", "clean", str(dump), "-o", str(out)]
    argv += ["-j", str(jobs), "-q"]
    start = time.perf_counter()
    process = subprocess.Popen(argv)
    memory = TreeMemory(process.pid)
    if process.wait() != 0:
        raise SystemExit(f"newsclean failed with status {process.returncode}")
    elapsed = time.perf_counter() - start
    peak = memory.stop()
    with out.open(encoding="utf-8") as handle:
        records = sum(1 for _ in handle)
    return elapsed, peak, records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--no-double", action="store_true", help="skip the 2N memory run")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newscrawl-bench-mixed-") as tmp:
        dump = Path(tmp) / "dump"
        mix = generate(dump, args.docs)
        print(f"newsclean clean, mixed dump of {args.docs} documents {mix}")
        results = {}
        for jobs in (1, 2):
            seconds, peak, records = clean(dump, Path(tmp) / f"out{jobs}.jsonl", jobs)
            results[jobs] = seconds
            print(
                f"  -j {jobs}: {args.docs / seconds:7.1f} docs/s  {seconds:6.1f} s  "
                f"peak memory {peak:5.0f} MB  records {records}"
            )
        same = (Path(tmp) / "out1.jsonl").read_bytes() == (Path(tmp) / "out2.jsonl").read_bytes()
        print(f"  speed-up -j 2 / -j 1: {results[1] / results[2]:.2f}x (outputs identical: {same})")
        if not args.no_double:
            double = Path(tmp) / "double"
            generate(double, args.docs * 2, seed=12)
            seconds, peak, _ = clean(double, Path(tmp) / "double.jsonl", 2)
            print(
                f"  -j 2 on {args.docs * 2} documents: {args.docs * 2 / seconds:7.1f} docs/s  "
                f"peak memory {peak:5.0f} MB (memory flat when the dump doubles)"
            )


if __name__ == "__main__":
    main()
