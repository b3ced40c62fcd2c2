"""`make bench-redis`: pages/s of 1 vs 2 crawler processes sharing one Redis.

The generated local site of ``tools/bench_crawl.py`` (N article pages behind a sitemap, served
on 127.0.0.1) is crawled through a throwaway ``redis-server`` (unix socket): seeds pushed with
``newscrawl seed-push``, then 1 or 2 ``scrapy crawl news`` processes started together. The time
is from the first crawler's engine start to the moment the shared queue was drained (the
crawlers' ``MAX_IDLE_TIME_BEFORE_CLOSE`` wait is not counted). Modes: ``fetch`` (CLEAN_ENABLED=
False: the crawl alone) and ``clean`` (cleaning on; each crawler has its default pool, one
cleaning process per CPU).

Both crawlers run on this machine and share its cores, so this measures the overhead and the
balance of the shared queue, not what two machines would give.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from bench_crawl import DOMAIN, _page, _paragraph_pool, _routes  # noqa: E402

from newscrawl import cli  # noqa: E402
from tests.redis_server import CrawlProcess, RedisServer  # noqa: E402
from tests.sitegen import RouteServer  # noqa: E402


def _run(
    tmp: Path, origin: str, seeds: Path, procs: int, n: int, settings: dict[str, str]
) -> dict[str, float]:
    with RedisServer() as redis_server:
        origin_map = {DOMAIN: origin}
        cli.main(
            [
                "--redis-url", redis_server.url,
                "-s", f"NEWSCRAWL_SEEDS_DIR={seeds}",
                "-s", f"NEWSCRAWL_ORIGIN_MAP={json.dumps(origin_map)}",
                "seed-push", "bench",
            ]
        )  # fmt: skip
        merged = {
            "REDIS_URL": redis_server.url,
            "MAX_IDLE_TIME_BEFORE_CLOSE": "1",
            "NEWSCRAWL_SEEDS_DIR": str(seeds),
            "CONCURRENT_REQUESTS": "32",
            "CONCURRENT_REQUESTS_PER_DOMAIN": "32",
            "DOWNLOAD_TIMEOUT": "60",
            "LOG_LEVEL": "WARNING",
            **settings,
        }
        crawls = [
            CrawlProcess(tmp / f"p{procs}-{i}", f"c{i}", origin_map, site="bench", settings=merged)
            for i in range(procs)
        ]
        try:
            for crawl in crawls:
                if crawl.wait(3600) != 0:
                    raise SystemExit(f"crawl failed:\n{crawl.log[-3000:]}")
        finally:
            for crawl in crawls:
                crawl.kill()
    stats = [crawl.stats() for crawl in crawls]
    start = min(datetime.fromisoformat(s["start_time"]).timestamp() for s in stats)
    drained = max(float(s["newscrawl/redis/drained_at"]) for s in stats)
    pages = [int(s.get("newscrawl/article_pages", 0)) for s in stats]
    if sum(pages) < n:
        print(f"  warning: fetched {sum(pages)} of {n} pages", file=sys.stderr)
    return {"pages": sum(pages), "seconds": drained - start, "split": pages}  # type: ignore[dict-item]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--pages", type=int, default=2000)
    parser.add_argument("--modes", default="fetch,clean", help="comma-separated subset")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)

    pool = _paragraph_pool()
    pages = {f"/news/{n}/bench-story-{n}/": _page(n, pool) for n in range(1, args.pages + 1)}
    print(f"{len(pages)} pages, {os.cpu_count()} CPUs")
    plan = {"fetch": {"CLEAN_ENABLED": "False"}, "clean": {}}
    rows = []
    with tempfile.TemporaryDirectory() as tmpdir, RouteServer("bench", _routes(pages)) as server:
        tmp = Path(tmpdir)
        seeds = tmp / "seeds"
        seeds.mkdir()
        (seeds / "bench.toml").write_text(
            'name = "Bench"\n'
            f'domains = ["{DOMAIN}"]\n'
            f'[start]\nsitemaps = ["https://{DOMAIN}/sitemap.xml"]\n'
            "[articles]\nallow = ['^/news/\\d+/']\n",
            encoding="utf-8",
        )
        for mode in args.modes.split(","):
            for procs in (1, 2):
                print(f"running {mode} with {procs} crawler(s) ...", flush=True)
                run = _run(tmp / mode, server.base, seeds, procs, len(pages), plan[mode])
                rows.append({"mode": mode, "crawlers": procs, **run})

    print(f"\n{'mode':<8}{'crawlers':>9}{'pages':>7}{'seconds':>9}{'pages/s':>9}  per crawler")
    base: dict[str, float] = {}
    for row in rows:
        rate = row["pages"] / row["seconds"] if row["seconds"] else 0.0
        row["rate"] = rate
        base.setdefault(row["mode"], rate)
        ratio = f"  (x{rate / base[row['mode']]:.2f})" if row["crawlers"] > 1 else ""
        print(
            f"{row['mode']:<8}{row['crawlers']:>9}{row['pages']:>7}{row['seconds']:>9.1f}"
            f"{rate:>9.1f}  {row['split']}{ratio}"
        )
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2))
    load = Path("/proc/loadavg").read_text().split()[:3] if Path("/proc/loadavg").exists() else []
    print(
        f"(both crawlers on this machine, {os.cpu_count()} CPUs; load average now "
        f"{' '.join(load)}: other processes share the CPUs, figures are noisy)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
