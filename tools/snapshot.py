#!/usr/bin/env python3
"""Snapshot every record the cleaners make on the development corpora, to prove a refactor or a
speed change leaves the output byte-identical (issue #15: "every benchmark output byte-identical
unless a fix is intended and stated").

    tools/snapshot.py write /tmp/before.jsonl            # on the old code
    tools/snapshot.py write /tmp/after.jsonl             # on the new code
    tools/snapshot.py compare /tmp/before.jsonl /tmp/after.jsonl

One line per page and path: ``{"corpus", "id", "path", "record"}`` with the record as
``Article.to_dict()`` minus ``processed_at``-style run fields (none today). ``path`` is
``html`` (``clean_html`` on the page) or ``text`` (``clean_text`` on the page flattened into the
whole-page text dump, as ``make eval`` does). Corpora are read from ``../shared/bench/…`` and
skipped when absent.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

BENCH = REPO_ROOT.parent / "shared" / "bench"
CORPORA = ("article-extraction-benchmark", "l3s-gn1", "wcxb-articles")


def _pages(corpora: list[str]) -> Iterator[tuple[str, str, str, str | None]]:
    for corpus in corpora:
        root = BENCH / corpus
        if not (root / "ground-truth.json").exists():
            print(f"skipping {corpus}: {root} not found", file=sys.stderr)
            continue
        truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
        for page_id in sorted(truth):
            path = root / "html" / f"{page_id}.html.gz"
            if path.exists():
                yield corpus, page_id, str(path), truth[page_id].get("url")


def _records(job: tuple[str, str, str, str | None, tuple[str, ...]]) -> list[str]:
    from cleaners import clean_html, clean_text
    from tools.flatten import flatten_html

    corpus, page_id, path, url, paths = job
    with gzip.open(path, "rt", encoding="utf8") as handle:
        html = handle.read()
    lines = []
    for kind in paths:
        if kind == "html":
            record = clean_html(html, url=url).to_dict()
        else:
            record = clean_text(flatten_html(html), source="<snapshot>", url=url).to_dict()
        line = {"corpus": corpus, "id": page_id, "path": kind, "record": record}
        lines.append(json.dumps(line, ensure_ascii=False, sort_keys=True))
    return lines


def write(out: Path, corpora: list[str], paths: tuple[str, ...], jobs: int) -> None:
    work = [(*page, paths) for page in _pages(corpora)]
    with ProcessPoolExecutor(jobs) as pool, out.open("w", encoding="utf-8") as handle:
        for lines in pool.map(_records, work, chunksize=8):
            for line in lines:
                handle.write(line + "\n")
    print(f"wrote {len(work)} pages × {len(paths)} paths to {out}")


def compare(before: Path, after: Path) -> int:
    def load(path: Path) -> dict[tuple[str, str, str], str]:
        rows = {}
        # split on "\n" only: str.splitlines also cuts at U+2028, U+0085... inside strings
        for line in path.read_text(encoding="utf-8").split("\n"):
            if not line:
                continue
            row = json.loads(line)
            key = (row["corpus"], row["id"], row["path"])
            rows[key] = json.dumps(row["record"], sort_keys=True)
        return rows

    old, new = load(before), load(after)
    differ = sorted(key for key in old.keys() | new.keys() if old.get(key) != new.get(key))
    for corpus, page_id, kind in differ:
        a = json.loads(old.get((corpus, page_id, kind), "{}"))
        b = json.loads(new.get((corpus, page_id, kind), "{}"))
        fields = sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
        print(f"{corpus}/{page_id} [{kind}]: {', '.join(fields)}")
    print(f"{len(differ)} of {len(old.keys() | new.keys())} records differ")
    return 1 if differ else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    w = sub.add_parser("write", help="write the records of the current code")
    w.add_argument("out", type=Path)
    w.add_argument("--corpus", action="append", choices=CORPORA, help="default: all three")
    w.add_argument("--path", action="append", choices=("html", "text"), help="default: both")
    w.add_argument("-j", "--jobs", type=int, default=2)
    c = sub.add_parser("compare", help="list the records that differ between two snapshots")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    if args.command == "write":
        paths = tuple(args.path or ("html", "text"))
        write(args.out, args.corpus or list(CORPORA), paths, args.jobs)
        return 0
    return compare(args.before, args.after)


if __name__ == "__main__":
    raise SystemExit(main())
