"""The HTML reports as a person sees them: loaded in a real headless Chromium.

The DOM Chromium builds must show the legend and the counts of the records, keep a hostile
page's text as text, and fetch nothing; a screenshot of each report is kept as an artefact
(in the test's tmp path, and in $NEWSCRAWL_TEST_ARTEFACTS/ when that is set, e.g. `out`).
"""

from __future__ import annotations

import json
import os
import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import html as lxml_html

import cleaners.cli
from tests.chromium import (
    dump_dom,
    leftover_processes,
    live_browsers,
    png_facts,
    run_chromium,
    screenshot,
)

pytestmark = pytest.mark.slow  # a headless browser per test

ROOT = Path(__file__).resolve().parent.parent
DUMPS = ROOT / "fixtures" / "dumps"
GENERIC = ROOT / "fixtures" / "generic"
PAGE = DUMPS / "003_e62bd223b97e1429.txt"  # captions twice, widgets, an appended second story

HOSTILE = """Minister Opens New Desalination Plant in Coastal City

<script>document.title = "pwned"; document.body.innerHTML = "";</script>

The plant will supply water to two hundred thousand homes from next summer, officials said on
Tuesday at the opening ceremony attended by engineers and local residents of the city.

<img src=x onerror="document.title='pwned'"> Officials said the plant cost 40 million dollars
and took three years to build, with a second phase planned for the year after next.

Share on Facebook"></a><iframe src="https://example.com/"></iframe>
"""


@pytest.fixture(autouse=True)
def no_browser_left() -> Iterator[None]:
    yield
    assert live_browsers() == []  # every Chromium process of the test has ended


def _keep(png: Path, name: str) -> None:
    folder = os.environ.get("NEWSCRAWL_TEST_ARTEFACTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(png, Path(folder) / name)


def _no_outside_resources(tree: lxml_html.HtmlElement) -> None:
    assert not tree.xpath("//script | //iframe | //img | //link | //object | //embed")
    for element in tree.iter():
        for name in ("src", "href", "srcset", "action"):
            value = element.get(name)
            assert value is None or value.startswith("#"), (element.tag, name, value)


@pytest.fixture(scope="module")
def run_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict]]:
    folder = tmp_path_factory.mktemp("report")
    articles, rejects = folder / "articles.jsonl", folder / "rejects.jsonl"
    argv = ["clean", str(DUMPS), str(GENERIC), "-o", str(articles), "--rejects", str(rejects)]
    assert cleaners.cli.main([*argv, "-q", "-j", "1"]) == 0
    report = folder / "report.html"
    argv = ["report", str(articles), str(rejects), "-o", str(report), "--top", "5"]
    assert cleaners.cli.main(argv) == 0
    records = [
        json.loads(line)
        for path in (articles, rejects)
        for line in path.read_text("utf-8").splitlines()
    ]
    return report, records


def test_run_report_in_chromium_shows_legend_counts_and_charts(
    run_report: tuple[Path, list[dict]],
) -> None:
    report, records = run_report
    tree = lxml_html.fromstring(dump_dom(report))
    removed = Counter(r["reason"] for rec in records for r in rec["removed"])
    assert removed  # the fixtures do remove text

    legend = {
        item.get("data-reason"): item.text_content()
        for item in tree.xpath("(//div[@class='legend'])[1]/span[@class='item']")
    }
    assert legend == {reason: f"{reason}{count}" for reason, count in removed.items()}

    def bars(chart: str) -> dict[str, int]:
        return {
            g.get("data-label"): int(g.get("data-count"))
            for g in tree.xpath(f"//figure[@id='{chart}']//*[local-name()='g'][@class='bar']")
        }

    assert bars("chart-reasons") == dict(removed)
    rejects = Counter(r["reject_reason"] for r in records if r["status"] == "rejected")
    assert bars("chart-rejects") == dict(rejects)
    languages = Counter(r["language"] for r in records if r["status"] == "ok")
    assert bars("chart-languages") == dict(languages)
    assert sum(bars("chart-sites").values()) == len(records)

    cards = {
        card.get("data-card"): card.xpath("./span[@class='n']")[0].text_content()
        for card in tree.xpath("//div[@class='card']")
    }
    assert cards["records"] == str(len(records))
    assert cards["rejected"] == str(sum(rejects.values()))
    assert cards["removed_blocks"] == str(sum(removed.values()))

    # the five documents with most removed text, each linked to its view in the same page
    links = tree.xpath("//table[@class='top']//a/@href")
    assert len(links) == 5
    for link in links:
        (section,) = tree.xpath(f"//section[@id='{link[1:]}']")
        assert section.xpath(".//li[@class='removed']")
    _no_outside_resources(tree)


def test_run_report_screenshot(run_report: tuple[Path, list[dict]], tmp_path: Path) -> None:
    report, _ = run_report
    png = tmp_path / "report-screenshot.png"
    screenshot(report, png)
    width, height, shades = png_facts(png)
    assert (width, height) == (1200, 1400)
    assert shades > 50  # text, bars and colours, not a blank page
    _keep(png, "report-screenshot.png")


def test_explain_html_in_chromium_shows_blocks_in_order(tmp_path: Path) -> None:
    out = tmp_path / "page.html"
    assert cleaners.cli.main(["explain", str(PAGE), "--html", str(out)]) == 0
    tree = lxml_html.fromstring(dump_dom(out))
    record = json.loads((PAGE.parent / (PAGE.stem + ".expected.json")).read_text("utf-8"))

    struck = tree.xpath("//ol[@class='blocks']/li[@class='removed']")
    assert [li.get("data-reason") for li in struck] == [r["reason"] for r in record["removed"]]
    assert [li.xpath("./del")[0].text_content() for li in struck] == [
        r["text"] for r in record["removed"]
    ]
    kept = tree.xpath("//ol[@class='blocks']/li[@class='kept']/span[@class='t']")
    assert "\n\n".join(span.text_content() for span in kept) == record["text"]
    title = tree.xpath("//ol[@class='blocks']/li[@class='title']")[0].text_content()
    assert title.endswith(record["title"])
    counts = Counter(r["reason"] for r in record["removed"])
    legend = {
        item.get("data-reason"): int(item.get("data-count"))
        for item in tree.xpath("//div[@class='legend']/span[@class='item']")
    }
    assert legend == {**counts, "kept": len(kept)}
    fields = {
        row.get("data-field"): row.xpath("./dd")[0].text_content()
        for row in tree.xpath("//dl[@class='fields']/div")
    }
    assert fields["title"] == record["title"]
    assert fields["language"] == record["language"]

    png = tmp_path / "page-screenshot.png"
    screenshot(out, png)
    assert png_facts(png)[:2] == (1200, 1400)
    _keep(png, "page-screenshot.png")


def test_hostile_page_text_stays_text_in_chromium(tmp_path: Path) -> None:
    page = tmp_path / "hostile.txt"
    page.write_text(HOSTILE, encoding="utf-8")
    out = tmp_path / "hostile.html"
    assert cleaners.cli.main(["explain", str(page), "--html", str(out)]) == 0
    tree = lxml_html.fromstring(dump_dom(out))
    assert tree.findtext(".//title") == f"newsclean explain: {page}"
    texts = [li.text_content() for li in tree.xpath("//ol[@class='blocks']/li")]
    assert any('<script>document.title = "pwned";' in text for text in texts)
    assert any("<img src=x onerror=" in text for text in texts)
    assert any("<iframe src=" in text for text in texts)
    _no_outside_resources(tree)


def test_no_chromium_process_is_left(tmp_path: Path) -> None:
    page = tmp_path / "blank.html"
    page.write_text("<!DOCTYPE html><title>t</title><p>x</p>", encoding="utf-8")
    out, session = run_chromium(page.as_uri(), "--dump-dom")
    assert "<p>x</p>" in out
    assert leftover_processes(session) == []
