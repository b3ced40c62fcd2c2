"""`make crawl-demo`: crawl the local fixture sites end to end, no internet needed.

Starts the fixture web sites (tests/sitegen: the five seed sites, built from fixtures/site/)
on 127.0.0.1, runs ``scrapy crawl news -a site=all`` against them with the shipped seed
files, writes ``out/crawl.jsonl`` (records), ``out/crawl.warc.gz`` (every response),
``out/crawl-stats.json`` and ``out/crawl.log``, stops the sites and prints a summary.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.sitegen import FixtureSites  # noqa: E402
from tests.sitegen.crawl import run_crawl  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "out", help="output folder")
    parser.add_argument("--site", default="all", help="seed name(s), comma-separated, or all")
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    with FixtureSites() as sites:
        print(f"Serving {len(sites.bases)} fixture sites on 127.0.0.1:")
        for name, base in sites.bases.items():
            print(
                f"  {name:<12} {base}  (stands in for {', '.join(sites.specs[name].seed.domains)})"
            )
        print(f"Crawling: scrapy crawl news -a site={args.site} -O {out / 'crawl.jsonl'}")
        start = time.perf_counter()
        result = run_crawl(
            out,
            sites.origin_map,
            site=args.site,
            output="crawl.jsonl",
            stats_name="crawl-stats.json",
            settings={"WARC_PATH": str(out / "crawl.warc.gz")},
        )
        elapsed = time.perf_counter() - start
        requests = len(sites.requests.hits())
    (out / "crawl.log").write_text(result.log, encoding="utf-8")

    stats = result.stats
    print(
        f"\nFinished ({stats.get('finish_reason', 'failed')}) in {elapsed:.1f} s, "
        f"{requests} HTTP requests, exit code {result.returncode}."
    )
    print(f"\nRecords: {len(result.records)} -> {out / 'crawl.jsonl'}")
    for site, count in sorted(Counter(r.get("site") for r in result.records).items()):
        print(f"  {site:<12} {count}")
    for record in result.records[:3]:
        words = len(str(record.get("text", "")).split())
        print(f"  e.g. [{record.get('site')}] {record.get('title')!r} ({words} words)")

    def section(title: str, prefix: str) -> None:
        rows = {k[len(prefix) :]: v for k, v in stats.items() if k.startswith(prefix)}
        if rows:
            print(f"\n{title}:")
            for key, value in sorted(rows.items()):
                print(f"  {key:<32} {value}")

    section("Rejected by the cleaner (reason)", "newscrawl/rejected/")
    section("Dropped by the pipelines", "newscrawl/dropped/")
    section("Skipped before cleaning", "newscrawl/skipped/")
    section("Failed requests", "newscrawl/failed/")
    print(
        f"\nrobots.txt forbade {stats.get('robotstxt/forbidden', 0)} URL(s); "
        f"{stats.get('retry/count', 0)} retr(ies); "
        f"{stats.get('newscrawl/warc_records', 0)} responses archived -> {out / 'crawl.warc.gz'}"
    )
    print(f"Full stats: {out / 'crawl-stats.json'}; log: {out / 'crawl.log'}")
    return 0 if result.returncode == 0 and result.records else 1


if __name__ == "__main__":
    raise SystemExit(main())
