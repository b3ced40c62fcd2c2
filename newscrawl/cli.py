"""``newscrawl``: commands for crawls shared through Redis (README "Scaling out").

    newscrawl seed-push SITE|all [-s NAME=VALUE]...   queue the seeds' start points
    newscrawl status                                   queue, in-flight, records, crawlers
    newscrawl records [-o OUT.jsonl]                   the records emitted so far, once each
    newscrawl reset --yes                              delete every key of the crawl

Settings are the project's (``newscrawl/settings.py``) plus ``-s NAME=VALUE`` as for
``scrapy crawl``: ``REDIS_URL`` (or ``--redis-url``), ``REDIS_KEY_PREFIX``,
``NEWSCRAWL_SEEDS_DIR`` and ``NEWSCRAWL_ORIGIN_MAP`` mean the same as for the crawlers.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from scrapy.settings import Settings

from cleaners.version import package_version
from newscrawl.cluster.store import store_from_settings
from newscrawl.seeds import SeedError, load_seeds
from newscrawl.urls import OriginMap


def project_settings(overrides: Sequence[str], redis_url: str | None) -> Settings:
    settings = Settings()
    settings.setmodule("newscrawl.settings", priority="project")
    for item in overrides:
        name, sep, value = item.partition("=")
        if not sep:
            raise SystemExit(f"newscrawl: -s takes NAME=VALUE, got {item!r}")
        settings.set(name, value, priority="cmdline")
    if redis_url:
        settings.set("REDIS_URL", redis_url, priority="cmdline")
    if not settings.get("REDIS_URL"):
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


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="newscrawl", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"%(prog)s {package_version()}")
    parser.add_argument("--redis-url", help="e.g. redis://host:6379/0 (or -s REDIS_URL=...)")
    parser.add_argument("-s", dest="settings", action="append", default=[], metavar="NAME=VALUE")
    sub = parser.add_subparsers(dest="command", required=True)
    push = sub.add_parser("seed-push", help="queue the start points of seed files")
    push.add_argument("site", help="seed name, comma-separated names, or all")
    sub.add_parser("status", help="print the shared crawl's counts as JSON")
    records = sub.add_parser("records", help="write the emitted records as JSON Lines")
    records.add_argument("-o", "--output", type=Path, help="file (default: stdout)")
    reset = sub.add_parser("reset", help="delete the crawl's keys (queue, seeds, records)")
    reset.add_argument("--yes", action="store_true", help="really delete")
    args = parser.parse_args(argv)

    settings = project_settings(args.settings, args.redis_url)
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
            lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in store.records())
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
