"""Scrapy settings for newscrawl: polite defaults for crawling news sites.

Everything here can be overridden per run with ``-s NAME=VALUE``. The project's own settings
are documented in README "Crawling"; the rest are Scrapy's.
"""

from __future__ import annotations

BOT_NAME = "newscrawl"
SPIDER_MODULES = ["newscrawl.spiders"]
NEWSPIDER_MODULE = "newscrawl.spiders"

# -- identity and politeness ----------------------------------------------------------------
# Say who you are: put your project URL or e-mail here (or -s USER_AGENT=...).
USER_AGENT = "newscrawl/0.1 (+https://github.com/newscrawl/newscrawl; news research crawler)"
ROBOTSTXT_OBEY = True
ROBOTSTXT_USER_AGENT = "newscrawl"  # the token matched against robots.txt User-agent lines
COOKIES_ENABLED = False
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 0.5  # the floor AutoThrottle will not go under
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
# Many sites in one crawl: take requests from the least busy site first.
SCHEDULER_PRIORITY_QUEUE = "scrapy.pqueues.DownloaderAwarePriorityQueue"

# -- limits and retries -----------------------------------------------------------------------
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
RETRY_BACKOFF_BASE = 2.0  # seconds before the first retry; doubles for each further one
RETRY_BACKOFF_MAX = 60.0
RETRY_GIVE_UP_LOG_LEVEL = "INFO"  # the spider logs each failed URL once, as a warning
# CLOSESPIDER_ITEMCOUNT, CLOSESPIDER_PAGECOUNT, CLOSESPIDER_TIMEOUT, CLOSESPIDER_ERRORCOUNT:
# unset here (no limit); pass them with -s for a bounded crawl.

# -- HTTP cache (off; -s HTTPCACHE_ENABLED=1 to replay pages while developing) ----------------
HTTPCACHE_ENABLED = False
HTTPCACHE_DIR = "httpcache"
HTTPCACHE_EXPIRATION_SECS = 0
HTTPCACHE_IGNORE_HTTP_CODES = [408, 429, 500, 502, 503, 504, 522, 524]

# -- engine -------------------------------------------------------------------------------------
# The asyncio reactor (Scrapy's default, stated here): the cleaning pipeline awaits asyncio
# futures from its process pool. Request fingerprints use Scrapy's current implementation;
# the old REQUEST_FINGERPRINTER_IMPLEMENTATION setting no longer exists in Scrapy >= 2.12.
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
TELNETCONSOLE_ENABLED = False
# Outputs of one response handled in parallel. An article page yields one item, and Scrapy
# starts this many asyncio tasks per response: 100 (the default) costs the crawl process more
# CPU than parsing the page. Items of different responses still run concurrently.
CONCURRENT_ITEMS = 8
LOG_LEVEL = "INFO"
DEFAULT_DROPITEM_LOG_LEVEL = "DEBUG"

DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "newscrawl.middlewares.addresses.PrivateAddressGuard": 50,
    "newscrawl.middlewares.robots.SafeRobotsTxtMiddleware": 100,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "newscrawl.middlewares.retry.BackoffRetryMiddleware": 550,
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
    "newscrawl.middlewares.metarefresh.PrefilterMetaRefreshMiddleware": 580,
    "newscrawl.middlewares.warc.WarcWriterMiddleware": 950,
}
# JobGuard: a JOBDIR crawl killed outright resumes without losing or repeating records.
EXTENSIONS = {"newscrawl.extensions.StatsFile": 500, "newscrawl.jobdir.JobGuard": 10}
SPIDER_CONTRACTS = {"newscrawl.contracts.SiteContract": 10}

ITEM_PIPELINES = {
    "newscrawl.pipelines.dedup.UrlDedupPipeline": 100,
    "newscrawl.pipelines.clean.CleanPipeline": 200,
    "newscrawl.pipelines.filters.LanguagePipeline": 290,
    "newscrawl.pipelines.filters.RejectPipeline": 300,
    "newscrawl.pipelines.filters.SincePipeline": 320,
    "newscrawl.pipelines.dedup.ContentDedupPipeline": 400,
    "newscrawl.pipelines.emit.EmitPipeline": 900,
}

# -- output ---------------------------------------------------------------------------------------
# -o/-O FILE as in any Scrapy project (format from the extension: .jsonl, .json, .csv...).
# Without one, the news spider writes JSON Lines to DEFAULT_FEED.
DEFAULT_FEED = "out/%(site)s-%(time)s.jsonl"
FEED_EXPORT_ENCODING = "utf-8"
# Scrapy's JSON Lines exporter, with a fast path for plain dict records (same bytes).
FEED_EXPORTERS = {
    "jsonlines": "newscrawl.exporters.JsonLinesExporter",
    "jsonl": "newscrawl.exporters.JsonLinesExporter",
}

# -- newscrawl ------------------------------------------------------------------------------------
NEWSCRAWL_SEEDS_DIR = None  # default: seeds/ beside the newscrawl package
NEWSCRAWL_ORIGIN_MAP: dict[str, str] = {}  # {"www.example.com": "http://127.0.0.1:8000"}
CLEAN_ENABLED = True  # False: fetch only; records are {url, site, fetched_at, html}
CLEAN_WORKERS = None  # cleaning processes; default: CPUs available; 0 = in the crawl process
CLEAN_BATCH_MAX = 8  # pages per message to a cleaning process when pages queue up
CLEAN_TIME_BUDGET = 60.0  # seconds of cleaning per page before it becomes a timeout (0: none)
LANGUAGES: list[str] = []  # e.g. ["en"]: records in other languages are rejected `language`
DEDUP_SIMILARITY = 0.8  # estimated Jaccard of 5-word shingles at which two texts are one story
WARC_PATH = None  # e.g. crawl.warc.gz: archive every response
# Refuse hosts that resolve to private, loopback or link-local addresses (origin map targets
# excepted); False to crawl an intranet on purpose.
PRIVATE_ADDRESS_GUARD = True
REJECTS_PATH = None  # e.g. out/rejects.jsonl: also write rejected records
STATS_PATH = None  # e.g. out/stats.json: the final Scrapy stats as JSON

# -- scaling out (README "Scaling out") -----------------------------------------------------------
# Set REDIS_URL (or -s REDIS_URL=redis://host:6379/0) to share the request queue, the duplicate
# filter and de-duplication between crawler processes; newscrawl.cluster.settings then applies
# REDIS_KEY_PREFIX, REDIS_LEASE_TTL, MAX_IDLE_TIME_BEFORE_CLOSE and SCHEDULER_PERSIST defaults.
REDIS_URL = None
