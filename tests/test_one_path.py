"""The crawl and ``newsclean clean`` are one path: the same page gives the same record, the
same pages are duplicates, the same languages are rejected (issue 15, part 3).

The crawl side runs its real pieces in this process, without a network: the cleaning
process's function (``newscrawl.worker.clean_page``, which a pool worker calls) and the item
pipelines, on a Scrapy crawler built by ``scrapy.utils.test.get_crawler``.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

import pytest

import cleaners.cli

PARAGRAPHS = [
    "Water ministers from six Arab countries met in Amman on Sunday to prepare for what "
    "forecasters expect to be a fourth dry winter in a row across the Levant and Iraq.",
    "The two-day meeting ended with an agreement to exchange rainfall and reservoir readings "
    "every week instead of every season, a change pushed for by Jordan and Lebanon.",
    "Delegates said the faster exchange would let farmers plan planting dates with more "
    "certainty, and give city utilities earlier warning of shortages in the summer months.",
    "The first data exchange is due to start in June, with a review of the arrangement "
    "planned for the end of the year once the dry season is over and the reservoirs refill.",
    "Several delegations asked for funding from regional development banks to modernise "
    "irrigation canals, which lose a large share of their water to leaks and evaporation.",
    "Officials from the World Bank attended as observers and said a loan programme for canal "
    "repairs could be discussed at the spring meetings in Washington next year.",
]
OTHER_REPORT = [
    "Farmers in the Jordan Valley said on Tuesday that the new water plan came too late for "
    "this year's tomato crop, which has already been cut back after a dry winter.",
    "Growers interviewed near Deir Alla said they had dug private wells, although licences "
    "for new wells have been frozen since the ministry tightened the rules in 2019.",
    "The farmers' union welcomed the weekly data exchange but asked for compensation for "
    "growers whose fields received less than half their usual water allocation this season.",
]
TITLE = "Arab water ministers agree to share rainfall data weekly"


def _page(title: str, paragraphs: list[str], footer: str = "") -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    if footer:
        body += f"<p>{footer}</p>"
    return (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
        f"</head><body><article><h1>{title}</h1>{body}</article></body></html>"
    ).encode()


def _cut(paragraphs: list[str], words: int) -> list[str]:
    """The paragraphs less their last ``words`` words (a copy cut short)."""
    keep = sum(len(p.split()) for p in paragraphs) - words
    kept = []
    for paragraph in paragraphs:
        if keep <= 0:
            break
        kept.append(" ".join(paragraph.split()[:keep]))
        keep -= len(paragraph.split())
    return kept


def _pages() -> dict[str, bytes]:
    """One story, copies of it further and further from the original, and another report of
    the same event (never a duplicate). Numbered: a directory is read in name order."""
    return {
        "1-original.html": _page(TITLE, PARAGRAPHS, "Reporting by the staff."),
        "2-exact.html": _page(TITLE, PARAGRAPHS, "Reporting by the staff."),
        "3-other-footer.html": _page(TITLE, PARAGRAPHS, "(AFP) Copyright 2024, all rights kept."),
        "4-trimmed.html": _page(TITLE, [*PARAGRAPHS[:5], PARAGRAPHS[5][:60]]),
        "5-two-fewer.html": _page(TITLE, PARAGRAPHS[:4], "Reporting by the staff."),
        "6-half.html": _page(TITLE, PARAGRAPHS[:3]),
        "7-retitled.html": _page("Drought plan: ministers to swap data", PARAGRAPHS),
        "8-same-event.html": _page("Jordan Valley farmers say plan is late", OTHER_REPORT),
        # similarity 0.81 to the original: before session 6, the crawl's fingerprint index
        # dropped it and newsclean's MinHash LSH (body only, 0.80) kept it
        "9-cut-short.html": _page(TITLE, _cut(PARAGRAPHS, 33)),
    }


def _offline_duplicates(tmp_path: Path, pages: dict[str, bytes]) -> dict[str, str | None]:
    """``newsclean clean DIR --dedup``: each page -> None (kept) or "duplicate"."""
    folder = tmp_path / "pages"
    folder.mkdir()
    for name, body in pages.items():
        (folder / name).write_bytes(body)
    out, rejects = tmp_path / "out.jsonl", tmp_path / "rejects.jsonl"
    argv = ["clean", str(folder), "-o", str(out), "--rejects", str(rejects), "--dedup"]
    assert cleaners.cli.main([*argv, "-j", "1", "-q"]) == 0
    verdicts: dict[str, str | None] = {}
    for path in (out, rejects):
        for line in path.read_text("utf-8").splitlines():
            record = json.loads(line)
            verdicts[Path(record["source"]).name] = record["reject_reason"]
    return verdicts


def _crawl_duplicates(pages: dict[str, bytes]) -> dict[str, str | None]:
    """The crawl's cleaning function and ContentDedupPipeline, pages in the same order."""
    from scrapy import Spider
    from scrapy.exceptions import DropItem
    from scrapy.utils.test import get_crawler

    from newscrawl.items import CleanedItem
    from newscrawl.pipelines.dedup import ContentDedupPipeline
    from newscrawl.worker import clean_page

    crawler = get_crawler(Spider)
    crawler.spider = Spider("one-path")
    pipeline = ContentDedupPipeline.from_crawler(crawler)
    verdicts: dict[str, str | None] = {}
    for name, body in sorted(pages.items()):  # in the order newsclean reads them
        url = f"https://news.example/{name}"
        result = clean_page(body, url, "news", {}, "text/html; charset=utf-8")
        assert result.error is None and result.record["status"] == "ok", name
        item = CleanedItem(url, url, "news", result.record, fingerprint=result.fingerprint)
        try:
            pipeline.process_item(item)
        except DropItem:
            verdicts[name] = "duplicate"
        else:
            verdicts[name] = None
    return verdicts


def test_the_crawl_and_newsclean_call_the_same_pages_duplicates(tmp_path: Path) -> None:
    pages = _pages()
    offline = _offline_duplicates(tmp_path, pages)
    crawl = _crawl_duplicates(pages)
    assert crawl == offline
    # and the verdicts are the intended ones: copies are duplicates, another report is not
    assert offline == {
        "1-original.html": None,
        "2-exact.html": "duplicate",
        "3-other-footer.html": "duplicate",
        "4-trimmed.html": "duplicate",
        "5-two-fewer.html": None,
        "6-half.html": None,
        "7-retitled.html": "duplicate",
        "8-same-event.html": None,
        "9-cut-short.html": "duplicate",
    }


# -- the language filter: a `language` rejection on both paths --------------------------------

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "generic"


def _fixture_page(name: str) -> bytes:
    """A text fixture's longer paragraphs as an article page (its title: the first of them)."""
    text = (FIXTURES / name).read_text("utf-8")
    paragraphs = [p for p in text.split("\n\n") if len(p.split()) >= 12]
    return _page(paragraphs[0][:80], paragraphs[1:])


URL_EN = "https://news.example/en"


def _language_pages() -> dict[str, bytes]:
    return {
        URL_EN: _page(TITLE, PARAGRAPHS),
        "https://news.example/fr": _fixture_page("french_maroc_tourisme.txt"),
        "https://news.example/ar": _fixture_page("arabic_gold_prices.txt"),
    }


def _without_source(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if k != "source"}  # a file position offline


def test_the_crawl_and_newsclean_reject_other_languages_alike(tmp_path: Path) -> None:
    from scrapy import Spider
    from scrapy.exceptions import DropItem
    from scrapy.utils.test import get_crawler

    from newscrawl.items import CleanedItem
    from newscrawl.pipelines.filters import LanguagePipeline, RejectPipeline
    from newscrawl.worker import clean_page

    pages = _language_pages()
    # offline: the pages as a JSONL input, --lang en
    source = tmp_path / "pages.jsonl"
    lines = [{"url": u, "site": "news", "html": b.decode()} for u, b in pages.items()]
    source.write_text("".join(json.dumps(line) + "\n" for line in lines), "utf-8")
    out, rejects = tmp_path / "out.jsonl", tmp_path / "rejects.jsonl"
    argv = ["clean", str(source), "-o", str(out), "--rejects", str(rejects), "--lang", "en"]
    assert cleaners.cli.main([*argv, "-j", "1", "-q"]) == 0
    offline_kept = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    offline_rejected = [json.loads(line) for line in rejects.read_text("utf-8").splitlines()]

    # the crawl: LANGUAGES=en, REJECTS_PATH
    crawl_rejects = tmp_path / "crawl-rejects.jsonl"
    settings = {"LANGUAGES": "en", "REJECTS_PATH": str(crawl_rejects)}
    crawler = get_crawler(Spider, settings)
    languages = LanguagePipeline.from_crawler(crawler)
    reject = RejectPipeline.from_crawler(crawler)
    reject.open_spider()
    crawl_kept = []
    for url, body in pages.items():
        record = clean_page(body, url, "news", {}, "text/html; charset=utf-8").record
        item = languages.process_item(CleanedItem(url, url, "news", record))
        with contextlib.suppress(DropItem):  # dropped: a rejection (written to REJECTS_PATH)
            crawl_kept.append(reject.process_item(item).record)
    reject.close_spider()
    crawl_rejected = [json.loads(line) for line in crawl_rejects.read_text("utf-8").splitlines()]

    assert [(r["url"], r["language"]) for r in offline_kept] == [(URL_EN, "en")]
    assert [(r["language"], r["status"], r["reject_reason"]) for r in offline_rejected] == [
        ("fr", "rejected", "language"),
        ("ar", "rejected", "language"),
    ]
    assert list(map(_without_source, crawl_kept)) == list(map(_without_source, offline_kept))
    assert list(map(_without_source, crawl_rejected)) == list(
        map(_without_source, offline_rejected)
    )
    assert crawler.stats.get_value("newscrawl/rejected/language") == 2


# -- a crawl's archive, cleaned again offline ----------------------------------------------------

WARC_URL, WARC_DATE = "https://olive.example/news/1", "2024-05-01T10:00:00Z"
CONTENT_TYPE = "text/html; charset=utf-8"


def _archive(path: Path, url: str, body: bytes, rules: dict[str, Any]) -> None:
    """One article response as the crawl archives it, with its seed's name and rule pack."""
    from warcio.warcwriter import WARCWriter

    from newscrawl.middlewares.warc import WarcWriterMiddleware

    meta = {"site": "olivenews", "role": "article", "cleaned": True, "rules": rules}
    with path.open("wb") as stream:
        WarcWriterMiddleware._write(
            WARCWriter(stream, gzip=False),
            url,
            WARC_DATE,
            200,
            "HTTP/1.1",
            [("Content-Type", CONTENT_TYPE)],
            body,
            None,
            meta,
        )


def test_a_crawls_feed_line_is_the_line_newsclean_writes_from_its_archive(
    tmp_path: Path,
) -> None:
    """The same bytes: the crawl's cleaning function and feed exporter, and ``newsclean
    clean crawl.warc`` on the archived response (one cleaner call, one encoder)."""
    import io

    from newscrawl.exporters import JsonLinesExporter
    from newscrawl.worker import clean_page

    body = _page(TITLE, PARAGRAPHS, "Reporting by the staff.")
    rules = {"drop_patterns": [{"reason": "ui_chrome", "pattern": "^Reporting by "}]}
    archive = tmp_path / "crawl.warc"
    _archive(archive, WARC_URL, body, rules)
    out = tmp_path / "out.jsonl"
    assert cleaners.cli.main(["clean", str(archive), "-o", str(out), "-j", "1", "-q"]) == 0

    result = clean_page(body, WARC_URL, "olivenews", rules, CONTENT_TYPE)
    record = {**result.record, "fetched_at": WARC_DATE}  # as CleanPipeline sets it
    feed = io.BytesIO()
    JsonLinesExporter(feed, encoding="utf-8").export_item(record)  # settings.py's encoding
    assert feed.getvalue() == out.read_bytes()
    assert json.loads(feed.getvalue())["removed"][0]["reason"] == "ui_chrome"


# -- explain shows what clean did, for a crawl's WARC record too ------------------------------


def test_explain_and_clean_agree_on_a_warc_record_with_a_rule_pack(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The crawl archives each article with its seed's rule pack; ``clean`` applies it, and
    so must ``explain`` (before, it showed the line the pack removes as kept)."""
    promo = "Follow Olive News on every network for more stories like this one."
    body = _page(TITLE, [*PARAGRAPHS[:3], promo, *PARAGRAPHS[3:]])
    rules = {"drop_patterns": [{"reason": "ui_chrome", "pattern": "^Follow Olive News on "}]}
    archive = tmp_path / "crawl.warc"
    _archive(archive, WARC_URL, body, rules)
    out = tmp_path / "out.jsonl"
    assert cleaners.cli.main(["clean", str(archive), "-o", str(out), "-j", "1", "-q"]) == 0
    [record] = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert promo not in record["text"]
    assert [(r["reason"], r["text"]) for r in record["removed"]] == [("ui_chrome", promo)]

    capsys.readouterr()
    assert cleaners.cli.main(["explain", str(archive)]) == 0
    shown = capsys.readouterr().out.splitlines()
    removed = [line for line in shown if line[6:13] == "REMOVED"]
    assert len(removed) == 1 and removed[0].endswith(promo)
    assert "REMOVED  ui_chrome [" in removed[0]
    kept = [line.split(None, 2)[2] for line in shown if line[6:10] == "KEPT"]
    paragraphs = record["text"].split("\n\n")
    assert len(kept) == len(paragraphs) == len(PARAGRAPHS)
    assert all(p.startswith(k.rstrip("…")) for k, p in zip(kept, paragraphs, strict=True))
    assert shown[-1] == (
        f"status: ok; title: {record['title']!r}; authors: []; published: None; "
        f"updated: None; language: en"
    )


# -- one way to find the input that kills a cleaning process ----------------------------------


def test_crash_bisector_names_the_input_that_crashes_alone() -> None:
    """Both pools (newsclean -j N, the crawl's) trace a crash with `CrashBisector`."""
    from cleaners.procpool import CrashBisector

    bisector: CrashBisector[str] = CrashBisector()
    assert not bisector and bisector.next_suspect() is None
    assert bisector.broke(["a", "killer", "c"]) == []  # a batch crashed: three suspects
    assert bisector
    assert bisector.next_suspect() == "a"
    assert bisector.next_suspect() is None  # one at a time: nothing else while "a" runs
    assert bisector.cleared("a")
    assert bisector.next_suspect() == "killer"
    assert bisector.broke(["killer"]) == ["killer"]  # crashed again, alone: the culprit
    assert bisector.next_suspect() == "c"
    assert bisector.cancelled("c")  # the pool shut down under it: first in line again
    assert bisector.next_suspect() == "c" and bisector.cleared("c")
    assert not bisector and bisector.drain() == []
