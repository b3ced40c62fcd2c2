"""Run ``scrapy crawl news`` for real, in a subprocess, against the fixture sites."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.sitegen.site import ROOT

# Settings that make a crawl of the local fixture site fast and deterministic. Politeness
# delays are for real sites; limits are small so the slow and oversized pages trip them.
LOCAL_SETTINGS: dict[str, str] = {
    "AUTOTHROTTLE_ENABLED": "False",
    "DOWNLOAD_DELAY": "0",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "8",
    "DOWNLOAD_TIMEOUT": "2",
    "DOWNLOAD_MAXSIZE": str(1024 * 1024),
    "DOWNLOAD_WARNSIZE": str(512 * 1024),
    "RETRY_TIMES": "1",
    "RETRY_BACKOFF_BASE": "0.05",
    "LOG_LEVEL": "INFO",
}


@dataclass
class CrawlResult:
    returncode: int
    records: list[dict[str, Any]]
    stats: dict[str, Any]
    log: str

    def stat(self, key: str, default: int = 0) -> Any:
        return self.stats.get(key, default)

    def by_source(self) -> dict[str, dict[str, Any]]:
        """Records by ``source``: the URL the page was fetched from (``url`` is the page's
        canonical URL, which may name the real site)."""
        return {r["source"]: r for r in self.records}


def run_crawl(
    tmp: Path,
    origin_map: dict[str, str],
    *,
    site: str = "all",
    args: dict[str, str] | None = None,
    settings: dict[str, str] | None = None,
    output: str = "out.jsonl",
    stats_name: str = "stats.json",
    timeout: float = 240,
) -> CrawlResult:
    out = tmp / output
    stats_path = tmp / stats_name
    merged = {
        **LOCAL_SETTINGS,
        "NEWSCRAWL_ORIGIN_MAP": json.dumps(origin_map),
        "STATS_PATH": str(stats_path),
        **(settings or {}),
    }
    cmd = [sys.executable, "-m", "scrapy", "crawl", "news", "-a", f"site={site}", "-O", str(out)]
    for key, value in (args or {}).items():
        cmd += ["-a", f"{key}={value}"]
    for key, value in merged.items():
        cmd += ["-s", f"{key}={value}"]
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    proc = subprocess.run(
        cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    records = []
    if out.exists():
        records = [
            json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line
        ]
    stats = json.loads(stats_path.read_text(encoding="utf-8")) if stats_path.exists() else {}
    return CrawlResult(proc.returncode, records, stats, proc.stderr)
