"""`make bench-crawl`: crawl a generated local site and compare throughputs.

Generates N article pages (default 2,000; realistic chrome: menus, scripts, teasers, footer;
bodies drawn, seeded, from the text fixtures so no two pages are the same story), serves
them on 127.0.0.1 with a sitemap, and measures pages/s for:

* ``crawl+clean``: ``scrapy crawl news`` with cleaning in the worker pool (CLEAN_WORKERS=2)
* ``crawl+clean inline``: cleaning in the crawl process (CLEAN_WORKERS=0): the serial baseline
* ``crawl only``: CLEAN_ENABLED=False (fetch and parse, no extraction)
* ``offline -j 2``: ``newsclean clean crawl.warc.gz -j 2`` on the WARC archived by the bare
  crawl (the same pages; files saved from the site when that crawl was not run)

For each, CPU time of the whole process tree over wall time shows how many cores were used.
Target (issue #4): crawl+clean >= 80% of offline -j 2.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.sitegen import Route, RouteServer  # noqa: E402
from tests.sitegen.crawl import LOCAL_SETTINGS, run_crawl  # noqa: E402

DOMAIN = "bench.example"


def _paragraph_pool() -> list[str]:
    pool: list[str] = []
    for path in sorted((ROOT / "fixtures").rglob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if len(line) > 120 and line[-1] in ".\"'”":
                pool.append(line)
    return sorted(set(pool))


# Real article pages are far bigger than their text: the 181 pages of the public
# article-extraction benchmark (many publishers) have a median of 112 KiB of HTML (mean 170,
# p10 50, p90 282). Scrapy's cost per page hardly depends on size, the cleaner's does, so the
# generated pages carry the usual bulk of a news page: a mega-menu, inline styles, a JSON state
# blob for the page's client code, related-story cards with responsive images, a footer.
DEFAULT_PAGE_KIB = 110


def _page(n: int, pool: list[str], page_kib: int = DEFAULT_PAGE_KIB) -> str:
    rng = random.Random(n)
    paras = rng.sample(pool, k=min(len(pool), rng.randint(8, 14)))
    lead = (
        f"Bench report {n}: officials in district {rng.randint(1, 999)} said on "
        f"{rng.choice(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Sunday'])} that "
        f"{rng.randint(2, 90)} projects worth {rng.randint(1, 500)} million had been approved."
    )
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in [lead, *paras])
    nav = "".join(
        f'<li class="menu-section"><a href="/section/{i}/">Section {i}</a><ul class="sub">'
        + "".join(f'<li><a href="/section/{i}/{j}/">Topic {i}.{j}</a></li>' for j in range(12))
        + "</ul></li>"
        for i in range(24)
    )
    style = (
        "<style>"
        + "".join(f".c{i}{{margin:{i}px;color:#{i:03x}}}" for i in range(300))
        + "</style>"
    )
    script = "<script>window.dataLayer=window.dataLayer||[];" + "var x=1;" * 600 + "</script>"
    cards = "".join(
        f'<div class="card related"><a href="/news/{rng.randint(1, 99999)}/related-{i}/">'
        f'<img src="/img/{i}.jpg" srcset="/img/{i}-320.jpg 320w, /img/{i}-640.jpg 640w, '
        f'/img/{i}-1280.jpg 1280w" sizes="(max-width: 600px) 100vw, 33vw" alt="">'
        f"<h3>Related headline {i} about district {rng.randint(1, 999)}</h3>"
        f"<p>A one-line summary of related story {i}.</p></a></div>"
        for i in range(24)
    )
    teasers = "".join(
        f'<li><a href="/news/{rng.randint(1, 99999)}/teaser/">Teaser headline {i}</a></li>'
        for i in range(10)
    )
    footer = "".join(f'<a href="/page/{i}/">Footer link {i}</a> ' for i in range(50))
    title = f"Bench story {n}: {paras[0][:60]}"
    page = (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title>"
        f'<meta property="og:type" content="article">{style}{script}{script}</head><body>'
        f'<header><nav><ul class="menu">{nav}</ul></nav></header>'
        f'<div class="share"><a href="#">Facebook</a><a href="#">Twitter</a></div>'
        f"<main><article><h1>{html.escape(title)}</h1>"
        f'<p class="byline">By Staff Reporter</p>{body}</article>'
        f'<section class="related-stories">{cards}</section>'
        f"<aside><h3>Most read</h3><ul>{teasers}</ul></aside></main>"
        f"<footer>{footer}<p>© 2021 Bench News. All rights reserved.</p></footer>{script}"
    )
    # The state blob fills the page up to its size, as the JSON of a client-side app does.
    items: list[str] = []
    room = page_kib * 1024 - len(page.encode()) - 100
    while room > 0:
        item = json.dumps(
            {
                "id": rng.randint(1, 10**9),
                "url": f"/news/{rng.randint(1, 99999)}/story/",
                "headline": f"Headline {len(items)} of the state blob",
                "image": {"src": f"/img/{len(items)}.jpg", "width": 1280, "height": 720},
                "published": "2021-09-19T10:00:00Z",
            }
        )
        items.append(item)
        room -= len(item) + 1
    state = '<script id="__STATE__" type="application/json">[' + ",".join(items) + "]</script>"
    return f"{page}{state}</body></html>"


def _routes(pages: dict[str, str]) -> Callable[[str], dict[str, Route]]:
    def make(base: str) -> dict[str, Route]:
        locs = "".join(f"<url><loc>{base}{path}</loc></url>" for path in pages)
        sitemap = (
            '<?xml version="1.0" encoding="UTF-8"?>'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'
        )
        routes = {path: Route(body=text.encode()) for path, text in pages.items()}
        routes["/robots.txt"] = Route(content_type="text/plain", body=b"User-agent: *\n")
        routes["/sitemap.xml"] = Route(content_type="application/xml", body=sitemap.encode())
        return routes

    return make


@dataclass
class Run:
    name: str
    pages: int
    wall: float
    cpu: float

    @property
    def rate(self) -> float:
        return self.pages / self.wall if self.wall else 0.0

    @property
    def cores(self) -> float:
        return self.cpu / self.wall if self.wall else 0.0


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _crawl(name: str, tmp: Path, origin: str, seeds: Path, n: int, **settings: str) -> Run:
    result = run_crawl(
        tmp,
        {DOMAIN: origin},
        site="bench",
        output=f"{name}.jsonl",
        stats_name=f"{name}-stats.json",
        settings={
            "NEWSCRAWL_SEEDS_DIR": str(seeds),
            "CONCURRENT_REQUESTS": "32",
            "CONCURRENT_REQUESTS_PER_DOMAIN": "32",
            "DOWNLOAD_TIMEOUT": "60",
            "LOG_LEVEL": "WARNING",
            **settings,
        },
        timeout=3600,
    )
    if result.returncode != 0:
        raise SystemExit(f"{name}: crawl failed\n{result.log[-3000:]}")
    # Crawl time from Scrapy (engine start to finish), not process start-up.
    wall = float(result.stats.get("elapsed_time_seconds", 0.0))
    cpu = float(result.stats.get("newscrawl/main_cpu_seconds", 0.0))
    if int(result.stats.get("newscrawl/clean_workers", 0)):  # inline: already in main
        cpu += float(result.stats.get("newscrawl/clean_cpu_seconds", 0.0))
    pages = int(result.stats.get("newscrawl/article_pages", 0))
    if pages < n:
        print(f"  warning: {name} fetched {pages} of {n} pages", file=sys.stderr)
    return Run(name, pages, wall, cpu)


def _offline_warc(tmp: Path, warc: Path, pages: int, jobs: int) -> Run | None:
    """``newsclean clean crawl.warc.gz -j N``: the crawl's archive cleaned offline."""
    cpu0 = _children_cpu()
    start = time.perf_counter()
    argv = [sys.executable, "-m", "cleaners", "clean", str(warc), "-j", str(jobs), "-q"]
    proc = subprocess.run(
        [*argv, "-o", str(tmp / "offline.jsonl")], capture_output=True, text=True, check=False
    )
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        print(f"  newsclean on the WARC failed: {proc.stderr[-500:]}", file=sys.stderr)
        return None
    return Run(f"offline -j {jobs}", pages, wall, _children_cpu() - cpu0)


def _offline(tmp: Path, pages: dict[str, str], jobs: int) -> Run | None:
    newsclean = shutil.which("newsclean") or str(Path(sys.executable).with_name("newsclean"))
    folder = tmp / "pages"
    folder.mkdir(exist_ok=True)
    for path, text in pages.items():
        name = re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-")
        (folder / f"{name}.html").write_text(text, encoding="utf-8")
    cpu0 = _children_cpu()
    start = time.perf_counter()
    proc = subprocess.run(
        [newsclean, "clean", str(folder), "-j", str(jobs), "-o", str(tmp / "offline.jsonl"), "-q"],
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - start
    if proc.returncode == 0:
        return Run(f"offline -j {jobs}", len(pages), wall, _children_cpu() - cpu0)
    print(
        f"  newsclean clean -j {jobs} unavailable ({proc.stderr.strip().splitlines()[-1:]});"
        f" emulating it: {jobs} processes calling clean_html on the files",
        file=sys.stderr,
    )
    return _offline_pool(folder, jobs)


def _clean_file(path: str) -> tuple[str, float]:
    from cleaners import clean_html

    cpu0 = time.process_time()
    data = Path(path).read_bytes()
    line = json.dumps(clean_html(data, None, source=path).to_dict(), ensure_ascii=False)
    return line, time.process_time() - cpu0


def _offline_pool(folder: Path, jobs: int) -> Run:
    """What ``newsclean clean -j N`` does: N processes clean the files, results written."""
    import multiprocessing

    files = sorted(str(p) for p in folder.glob("*.html"))
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(jobs) as pool, (folder.parent / "offline.jsonl").open("w") as out:
        pool.map(_clean_file, files[:jobs])  # start-up and imports, not timed (as for crawls)
        start = time.perf_counter()
        parent0 = time.process_time()
        cpu = 0.0
        for line, worker_cpu in pool.imap_unordered(_clean_file, files, chunksize=8):
            out.write(line + "\n")
            cpu += worker_cpu
        wall = time.perf_counter() - start
        cpu += time.process_time() - parent0
    return Run(f"offline -j {jobs} (emulated)", len(files), wall, cpu)


def _median_runs(runs: list[Run]) -> dict[str, Run]:
    """Each mode's median run by pages/s (the lower middle one for an even count)."""
    by_name: dict[str, list[Run]] = {}
    for run in runs:
        by_name.setdefault(run.name, []).append(run)
    return {
        name: sorted(group, key=lambda r: r.rate)[(len(group) - 1) // 2]
        for name, group in by_name.items()
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--pages", type=int, default=2000)
    parser.add_argument(
        "--page-kib",
        type=int,
        default=DEFAULT_PAGE_KIB,
        help="size of each generated page (default: the median of real article pages)",
    )
    parser.add_argument("--cleaner", help="module:function instead of cleaners:clean_html")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument(
        "--modes", default="clean,inline,fetch,offline", help="comma-separated subset"
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="run every mode this many times, in turn, and report each mode's median run "
        "(pages/s of one run swings by 10-20%% on a small shared machine)",
    )
    args = parser.parse_args(argv)
    modes = set(args.modes.split(","))

    pool = _paragraph_pool()
    pages = {
        f"/news/{n}/bench-story-{n}/": _page(n, pool, args.page_kib)
        for n in range(1, args.pages + 1)
    }
    size = sum(len(p) for p in pages.values()) / len(pages)
    print(f"{len(pages)} pages, {size / 1024:.0f} KiB each on average, {os.cpu_count()} CPUs")
    extra = {"NEWSCRAWL_CLEANER": args.cleaner} if args.cleaner else {}

    runs: list[Run] = []
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
        warc = tmp / "crawl.warc.gz"
        plan = [
            ("clean", "crawl+clean (2 workers)", {"CLEAN_WORKERS": "2", **extra}),
            ("inline", "crawl+clean inline", {"CLEAN_WORKERS": "0", **extra}),
            # the bare crawl also archives what it fetched: the offline run cleans that WARC
            ("fetch", "crawl only", {"CLEAN_ENABLED": "False", "WARC_PATH": str(warc)}),
        ]
        for round_no in range(1, max(1, args.rounds) + 1):
            label = f" (round {round_no} of {args.rounds})" if args.rounds > 1 else ""
            for key, name, settings in plan:
                if key in modes:
                    print(f"running {name}{label} ...", flush=True)
                    runs.append(_crawl(name, tmp, server.base, seeds, len(pages), **settings))
            if "offline" in modes and not args.cleaner:
                print(f"running offline newsclean clean -j 2{label} ...", flush=True)
                offline = _offline_warc(tmp, warc, len(pages), 2) if warc.exists() else None
                offline = offline or _offline(tmp, pages, 2)
                if offline:
                    runs.append(offline)

    by_name = _median_runs(runs)
    if args.rounds > 1:
        print("\npages/s of every run:")
        for name in by_name:
            rates = ", ".join(f"{r.rate:.1f}" for r in runs if r.name == name)
            print(f"  {name:<26}{rates}")
        print("median run of each mode:")
    print(f"\n{'mode':<26}{'pages':>7}{'seconds':>9}{'pages/s':>9}{'cores used':>12}")
    for run in by_name.values():
        print(f"{run.name:<26}{run.pages:>7}{run.wall:>9.1f}{run.rate:>9.1f}{run.cores:>12.2f}")
    crawl, offline = by_name.get("crawl+clean (2 workers)"), by_name.get("offline -j 2")
    if crawl and offline:
        print(f"\ncrawl+clean / offline -j 2 = {crawl.rate / offline.rate:.0%} (target >= 80%)")
    if args.json:
        args.json.write_text(
            json.dumps([r.__dict__ | {"rate": r.rate, "cores": r.cores} for r in runs], indent=2)
        )
    load = Path("/proc/loadavg").read_text().split()[:3] if Path("/proc/loadavg").exists() else []
    print(
        f"(local server: {LOCAL_SETTINGS['DOWNLOAD_DELAY']} s delay, no AutoThrottle; "
        f"load average now {' '.join(load)}: other processes share the CPUs)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
