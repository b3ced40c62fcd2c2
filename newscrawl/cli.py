"""``newscrawl``: fetch pages, crawl a site without a seed, draft a seed, and the commands of
crawls shared through Redis (README "Crawling", "Scaling out").

    newscrawl get URL... [--from FILE] [-o OUT.jsonl]  clean the given pages (fetched by Scrapy)
    newscrawl crawl URL|SITE [-o OUT.jsonl]            crawl a site (no seed needed) or a seed
    newscrawl seed new URL [--name NAME]               draft seeds/<name>.toml from discovery
    newscrawl seed-push SITE|all [-s NAME=VALUE]...    queue the seeds' start points (Redis)
    newscrawl status                                   queue, in-flight, records, crawlers
    newscrawl records [-o OUT.jsonl]                   the records emitted so far, once each
    newscrawl reset --yes                              delete every key of the crawl

Settings are the project's (``newscrawl/settings.py``) plus ``-s NAME=VALUE`` as for
``scrapy crawl``: ``REDIS_URL`` (or ``--redis-url``), ``REDIS_KEY_PREFIX``,
``NEWSCRAWL_SEEDS_DIR`` and ``NEWSCRAWL_ORIGIN_MAP`` mean the same as for the crawlers.
``get``, ``crawl`` and ``seed new`` run the ``news`` spider in this process: robots.txt, the
user agent, retries, limits and the cleaning pipeline are the crawl's.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from scrapy.settings import SETTINGS_PRIORITIES, Settings

from cleaners.version import package_version
from newscrawl.seeds import DEFAULT_SEEDS_DIR, SeedError, load_seed, load_seeds
from newscrawl.urls import OriginMap

REDIS_COMMANDS = ("seed-push", "status", "records", "reset")
RECORD_SUFFIXES = (".jsonl", ".ndjson")


class UsageError(Exception):
    """A command line that cannot run (exit status 2)."""


def project_settings(
    overrides: Sequence[str], redis_url: str | None, *, need_redis: bool = True
) -> Settings:
    settings = Settings()
    settings.setmodule("newscrawl.settings", priority="project")
    for item in overrides:
        name, sep, value = item.partition("=")
        if not sep:
            raise SystemExit(f"newscrawl: -s takes NAME=VALUE, got {item!r}")
        settings.set(name, value, priority="cmdline")
    if redis_url:
        settings.set("REDIS_URL", redis_url, priority="cmdline")
    if need_redis and not settings.get("REDIS_URL"):
        raise SystemExit("newscrawl: no Redis: give --redis-url URL or -s REDIS_URL=URL")
    return settings


def seed_entries(site: str, settings: Settings) -> list[dict[str, str]]:
    """One entry per start point of the named seeds, URLs sent through the origin map."""
    origins = OriginMap(settings.getdict("NEWSCRAWL_ORIGIN_MAP"))
    entries = []
    for seed in load_seeds(site, settings.get("NEWSCRAWL_SEEDS_DIR")):
        for kind, url in seed.start_urls():
            entries.append({"site": seed.site, "kind": kind, "url": origins.remap(url)})
    return entries


def run_news_spider(settings: Settings, **spider_args: Any) -> Any:
    """Run the ``news`` spider in this process until it finishes; the finished crawler."""
    from scrapy.crawler import CrawlerProcess

    from newscrawl.spiders.news import NewsSpider

    process = CrawlerProcess(settings)
    crawler = process.create_crawler(NewsSpider)
    process.crawl(crawler, **spider_args)
    process.start()
    return crawler


def _feed(settings: Settings, output: Path | None, *, default_level: str) -> None:
    """Records to ``output`` (JSON Lines) or to stdout; the log on stderr at ``default_level``
    unless ``-s LOG_LEVEL`` says otherwise."""
    if output is not None and not output.name.endswith(RECORD_SUFFIXES):
        raise UsageError(
            f"-o {output}: records are written as JSON Lines: name the file *.jsonl "
            "(for Parquet, run newsclean on a fetch-only crawl's output)"
        )
    target = str(output) if output is not None else "stdout:"
    if output is not None:
        output.parent.mkdir(parents=True, exist_ok=True)
    options: dict[str, Any] = {"format": "jsonlines"}
    if output is not None:
        options["overwrite"] = True
    settings.set("FEEDS", {target: options}, priority="cmdline")
    _default(settings, "LOG_LEVEL", default_level)


def _default(settings: Settings, name: str, value: Any) -> None:
    """Set ``name`` unless ``-s NAME=...`` gave it."""
    if (settings.getpriority(name) or 0) < SETTINGS_PRIORITIES["cmdline"]:
        settings.set(name, value, priority="cmdline")


def read_url_list(path: str) -> list[str]:
    """URLs from a file (``-`` for stdin): one a line; blank lines and ``#`` comments skipped."""
    try:
        text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"--from {path}: {exc.strerror or exc}") from None
    urls = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip() if line.lstrip().startswith("#") else line.strip()
        if line:
            urls.append(line)
    return urls


def cmd_get(args: argparse.Namespace, settings: Settings) -> int:
    urls = list(args.urls)
    for path in args.from_files:
        urls += read_url_list(path)
    if not urls:
        raise UsageError("get: give URLs, or --from FILE with one URL a line")
    for url in urls:
        if not url.startswith(("http://", "https://")):
            raise UsageError(f"get: {url!r} is not an absolute http(s) URL")
    _feed(settings, args.output, default_level="WARNING")
    if args.rejects:
        settings.set("REJECTS_PATH", str(args.rejects), priority="cmdline")
    crawler = run_news_spider(settings, urls=urls)
    stats = crawler.stats.get_stats()
    spider = crawler.spider
    for url, why in spider.outcomes.items():
        print(f"newscrawl get: {url}: {why}", file=sys.stderr)
    records = int(stats.get("newscrawl/records", 0))
    rejected = {
        k.rsplit("/", 1)[-1]: v for k, v in stats.items() if k.startswith("newscrawl/rejected/")
    }
    dropped = {
        k.rsplit("/", 1)[-1]: v for k, v in stats.items() if k.startswith("newscrawl/dropped/")
    }
    parts = [f"{records} records"]
    parts += [f"{n} rejected ({reason})" for reason, n in sorted(rejected.items())]
    parts += [f"{n} dropped ({reason})" for reason, n in sorted(dropped.items())]
    if spider.outcomes:
        parts.append(f"{len(spider.outcomes)} not fetched")
    if not args.quiet:
        where = f" to {args.output}" if args.output else ""
        print(f"newscrawl get: {len(urls)} URLs: {', '.join(parts)}{where}", file=sys.stderr)
    return 1 if spider.outcomes else 0


def cmd_crawl(args: argparse.Namespace, settings: Settings) -> int:
    target = args.target
    spider_args: dict[str, str] = {}
    if target.startswith(("http://", "https://")):
        spider_args["start"] = target
        if args.allow:
            spider_args["allow"] = args.allow
    else:
        if args.allow:
            raise UsageError("crawl: --allow is for a site without a seed (give a URL)")
        spider_args["site"] = target
    if args.since:
        spider_args["since"] = args.since
    if args.output is not None:
        _feed(settings, args.output, default_level="INFO")
    crawler = run_news_spider(settings, **spider_args)
    stats = crawler.stats.get_stats()
    print(
        f"newscrawl crawl: {stats.get('newscrawl/records', 0)} records, "
        f"{stats.get('newscrawl/article_pages', 0)} article pages, "
        f"finished: {stats.get('finish_reason')}",
        file=sys.stderr,
    )
    reason = str(stats.get("finish_reason"))
    return 0 if reason == "finished" or reason.startswith("closespider_") else 1


def cmd_seed_new(args: argparse.Namespace, settings: Settings) -> int:
    from newscrawl.discovery.site import registered_domain
    from newscrawl.seedgen import draft_seed, seed_name

    url = args.url
    if not url.startswith(("http://", "https://")):
        raise UsageError(f"seed new: {url!r} is not an absolute http(s) URL")
    name = args.name or seed_name(registered_domain(url))
    folder = Path(args.seeds_dir or settings.get("NEWSCRAWL_SEEDS_DIR") or DEFAULT_SEEDS_DIR)
    path = folder / f"{name}.toml"
    if path.exists() and not args.force:
        raise UsageError(f"seed new: {path} exists (--force to replace it, --name for another)")
    with tempfile.TemporaryDirectory(prefix="newscrawl-seed-") as tmp:
        report_path = Path(tmp) / "discovery.json"
        settings.set("DISCOVERY_PATH", str(report_path), priority="cmdline")
        # Discovery only: pages are tested, not cleaned, and nothing is written but the report.
        settings.set("ITEM_PIPELINES", {}, priority="cmdline")
        settings.set("FEEDS", {}, priority="cmdline")
        settings.set("DEFAULT_FEED", None, priority="cmdline")
        settings.set("CLOSESPIDER_PAGECOUNT", args.max_pages, priority="cmdline")
        _default(settings, "SITEMAP_MAX_PER_SITE", 20)
        _default(settings, "LOG_LEVEL", "WARNING")
        run_news_spider(settings, start=url, sample=args.sample)
        report = json.loads(report_path.read_text(encoding="utf-8"))
    draft = draft_seed(report, name)
    for kind in ("sitemaps", "news_sitemaps", "feeds", "listings"):
        print(f"{kind}: {len(report.get(kind, []))}", file=sys.stderr)
    print(
        f"article pages: {len(report.get('articles', []))}, "
        f"other pages: {len(report.get('not_articles', []))}",
        file=sys.stderr,
    )
    if not draft.allow:
        print(
            "newscrawl seed new: no article page found: cannot propose URL patterns; "
            "no seed written",
            file=sys.stderr,
        )
        return 1
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(draft.text, encoding="utf-8")
    try:
        load_seed(path)
    except SeedError as exc:  # a draft the loader refuses: say so, keep it for editing
        print(f"newscrawl seed new: wrote {path}, but it does not load: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {path}: review it, then: scrapy crawl news -a site={name}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="newscrawl", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"%(prog)s {package_version()}")
    parser.add_argument("--redis-url", help="e.g. redis://host:6379/0 (or -s REDIS_URL=...)")
    parser.add_argument("-s", dest="settings", action="append", default=[], metavar="NAME=VALUE")
    sub = parser.add_subparsers(dest="command", required=True)
    # -s also after the command: newscrawl get URL -s LOG_LEVEL=INFO
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "-s", dest="more_settings", action="append", default=[], metavar="NAME=VALUE"
    )

    get = sub.add_parser("get", help="fetch and clean the given pages", parents=[common])
    get.add_argument("urls", nargs="*", metavar="URL")
    get.add_argument(
        "--from",
        dest="from_files",
        action="append",
        default=[],
        metavar="FILE",
        help="read URLs from FILE, one a line (- for stdin)",
    )
    get.add_argument("-o", "--output", type=Path, help="JSON Lines file (default: stdout)")
    get.add_argument("--rejects", type=Path, help="also write rejected records here")
    get.add_argument("-q", "--quiet", action="store_true", help="no summary line")

    crawl = sub.add_parser(
        "crawl", help="crawl a site from its URL (no seed needed) or a seed", parents=[common]
    )
    crawl.add_argument("target", metavar="URL|SITE", help="a site's home page, or a seed name")
    crawl.add_argument("-o", "--output", type=Path, help="JSON Lines file")
    crawl.add_argument("--allow", help="article URL pattern (regex on the path)")
    crawl.add_argument("--since", help="skip stories published before (2024-05-01 or 7d)")

    seed = sub.add_parser("seed", help="seed files")
    seed_sub = seed.add_subparsers(dest="seed_command", required=True)
    new = seed_sub.add_parser(
        "new", help="draft seeds/<name>.toml from a site's URL", parents=[common]
    )
    new.add_argument("url", metavar="URL")
    new.add_argument("--name", help="seed name (default: from the domain)")
    new.add_argument("--seeds-dir", help="where to write it (default: seeds/)")
    new.add_argument("--sample", type=int, default=25, help="article links per source page")
    new.add_argument("--max-pages", type=int, default=200, help="pages fetched at most")
    new.add_argument("--force", action="store_true", help="replace an existing seed file")

    push = sub.add_parser("seed-push", help="queue the start points of seed files")
    push.add_argument("site", help="seed name, comma-separated names, or all")
    sub.add_parser("status", help="print the shared crawl's counts as JSON")
    records = sub.add_parser("records", help="write the emitted records as JSON Lines")
    records.add_argument("-o", "--output", type=Path, help="file (default: stdout)")
    reset = sub.add_parser("reset", help="delete the crawl's keys (queue, seeds, records)")
    reset.add_argument("--yes", action="store_true", help="really delete")
    args = parser.parse_args(argv)

    overrides = [*args.settings, *getattr(args, "more_settings", [])]
    settings = project_settings(
        overrides, args.redis_url, need_redis=args.command in REDIS_COMMANDS
    )
    try:
        if args.command == "get":
            return cmd_get(args, settings)
        if args.command == "crawl":
            return cmd_crawl(args, settings)
        if args.command == "seed":
            return cmd_seed_new(args, settings)
    except UsageError as exc:
        print(f"newscrawl: {exc}", file=sys.stderr)
        return 2
    except SeedError as exc:
        print(f"newscrawl: {exc}", file=sys.stderr)
        return 2
    return redis_command(args, settings)


def redis_command(args: argparse.Namespace, settings: Settings) -> int:
    from newscrawl.cluster.store import store_from_settings

    store = store_from_settings(settings)
    try:
        if args.command == "seed-push":
            try:
                entries = seed_entries(args.site, settings)
            except SeedError as exc:
                print(f"newscrawl: {exc}", file=sys.stderr)
                return 2
            store.push_seeds(entries)
            sites = len({e["site"] for e in entries})
            print(f"pushed {len(entries)} start points of {sites} sites to {store.k_seeds}")
        elif args.command == "status":
            print(json.dumps(store.status(), indent=2))
        elif args.command == "records":
            lines = "".join(line + "\n" for line in store.record_lines())  # written as stored
            if args.output:
                args.output.write_text(lines, encoding="utf-8")
            else:
                sys.stdout.write(lines)
        elif args.command == "reset":
            if not args.yes:
                print("newscrawl: reset deletes the whole crawl: add --yes", file=sys.stderr)
                return 2
            print(f"deleted {store.reset()} keys under {store.prefix}:")
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
