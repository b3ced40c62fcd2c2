"""The HTML report without a browser: same records as the cleaner, escaping, counts, CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html as lxml_html

import cleaners.cli
from cleaners.document import Document
from cleaners.pipeline import clean_document
from cleaners.readers import ReaderOptions, read_inputs
from cleaners.report import RunStats, document_view, render_pages, render_run
from cleaners.report.charts import top_bars
from cleaners.report.palette import COLOURS, colour

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
INPUTS = [
    FIXTURES / "dumps" / "003_e62bd223b97e1429.txt",
    FIXTURES / "generic" / "bot_wall_browser_check.txt",
    *sorted((FIXTURES / "html" / "aawsat").glob("*.html")),
    *sorted((FIXTURES / "html" / "jordantimes").glob("*.html"))[:1],
]

HOSTILE = '"><script>alert(1)</script><b onclick="x()">bold</b>'


def _document(path: Path) -> Document:
    (item,) = list(read_inputs([str(path)], ReaderOptions()))
    assert isinstance(item, Document)
    return item


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_page_view_record_is_the_cleaners_record(path: Path) -> None:
    document = _document(path)
    view = document_view(document)
    assert view.record == clean_document(document).to_dict()
    removed = [(b.reason, b.rule, b.text) for b in view.blocks if b.kind == "removed"]
    assert removed == [(r["reason"], r["rule"], r["text"]) for r in view.record["removed"]]


def test_rejected_page_shows_its_fields_and_no_blocks() -> None:
    view = document_view(_document(FIXTURES / "generic" / "bot_wall_browser_check.txt"))
    page = render_pages([view], "wall")
    tree = lxml_html.fromstring(page)
    (status,) = tree.xpath("//div[@data-field='reject_reason']/dd")
    assert status.text_content() == "bot_wall"
    assert tree.xpath("//div[@data-field='status']/dd[@class='status-rejected']")


def _hostile_record(position: int) -> dict:
    return {
        "id": f"{position:016x}",
        "url": "javascript:alert(1)",
        "source": HOSTILE,
        "story_index": 0,
        "status": "ok",
        "reject_reason": None,
        "site": HOSTILE,
        "title": HOSTILE,
        "subtitle": None,
        "authors": [HOSTILE],
        "published": None,
        "updated": None,
        "fetched_at": None,
        "language": HOSTILE,
        "text": f"para one\n\n{HOSTILE}",
        "removed": [{"reason": HOSTILE, "rule": HOSTILE, "text": HOSTILE * (position + 1)}],
        "duplicates": 0,
    }


def test_hostile_record_text_never_becomes_markup() -> None:
    stats = RunStats(top=3, inputs=[HOSTILE])
    for position in range(4):
        stats.add(_hostile_record(position))
    page = render_run(stats, HOSTILE)
    tree = lxml_html.fromstring(page)
    assert not tree.xpath("//script | //b | //*[@onclick]")
    assert "<script>" not in page and 'onclick="x()">' not in page
    assert HOSTILE in tree.findtext(".//title")
    assert tree.xpath("//a/@href") == ["#doc-4", "#doc-3", "#doc-2", "#top", "#top", "#top"]
    (legend_item,) = tree.xpath("(//div[@class='legend'])[1]/span")
    assert legend_item.get("data-reason") == HOSTILE and legend_item.get("data-count") == "4"
    # a colour comes from the palette whatever the reason says
    assert legend_item.xpath("./span[@class='swatch']/@style") == [f"--c:{colour(HOSTILE)}"]
    assert colour(HOSTILE) in COLOURS


def test_run_stats_count_by_reason_site_language_and_rank_documents() -> None:
    stats = RunStats(top=2)
    removals = [[("caption", "aa")], [("caption", "a"), ("byline", "bbbb")], [], [("ad", "aa")]]
    for position, items in enumerate(removals):
        stats.add(
            {
                "status": "ok",
                "site": "a.example" if position % 2 else None,
                "language": "en",
                "text": "kept",
                "removed": [{"reason": r, "rule": "x", "text": t} for r, t in items],
            }
        )
    stats.add({"status": "rejected", "reject_reason": "bot_wall", "site": "a.example"})
    assert stats.removed_blocks == {"caption": 2, "byline": 1, "ad": 1}
    assert stats.removed_chars == {"caption": 3, "byline": 4, "ad": 2}
    assert stats.sites == {"a.example": 3, "(none)": 2}
    assert stats.languages == {"en": 4}
    assert stats.rejects == {"bot_wall": 1}
    # most removed first; a tie keeps the earlier document
    assert [(chars, position) for chars, position, _ in stats.most_removed()] == [(5, 1), (2, 0)]


def test_top_bars_sum_the_rest_into_one_bar() -> None:
    bars = top_bars({"a": 5, "b": 3, "c": 2, "d": 1}, colour, limit=2)
    assert [(b.label, b.count) for b in bars] == [("a", 5), ("b", 3), ("2 others", 3)]


def _clean_fixture_run(tmp_path: Path) -> tuple[Path, Path]:
    articles, rejects = tmp_path / "a.jsonl", tmp_path / "r.jsonl"
    argv = ["clean", str(FIXTURES / "generic"), "-o", str(articles), "--rejects", str(rejects)]
    assert cleaners.cli.main([*argv, "-q", "-j", "1"]) == 0
    return articles, rejects


def test_report_reads_parquet_as_jsonl(tmp_path: Path) -> None:
    articles, _ = _clean_fixture_run(tmp_path)
    parquet = tmp_path / "a.parquet"
    argv = ["clean", str(FIXTURES / "generic"), "-o", str(parquet), "-q", "-j", "1"]
    assert cleaners.cli.main(argv) == 0
    pages = []
    for source in (articles, parquet):
        out = tmp_path / f"{source.suffix[1:]}.html"
        assert cleaners.cli.main(["report", str(source), "-o", str(out)]) == 0
        pages.append(out.read_text("utf-8").replace(str(source), "INPUT"))
    assert pages[0] == pages[1]


def test_report_cli_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    articles, _ = _clean_fixture_run(tmp_path)
    assert cleaners.cli.main(["report", str(articles), "-o", str(tmp_path / "r.pdf")]) == 2
    assert "a report is an HTML page: name it .html" in capsys.readouterr().err
    page = FIXTURES / "dumps" / "003_e62bd223b97e1429.txt"
    assert cleaners.cli.main(["explain", str(page), "--html", str(tmp_path / "p.txt")]) == 2
    assert "name it .html" in capsys.readouterr().err
    assert not (tmp_path / "r.pdf").exists() and not (tmp_path / "p.txt").exists()

    missing = tmp_path / "missing.jsonl"
    assert cleaners.cli.main(["report", str(missing), "-o", str(tmp_path / "r.html")]) == 1
    err = capsys.readouterr().err
    assert f"{missing}: not_found" in err and "no record could be read" in err

    broken = tmp_path / "broken.jsonl"
    broken.write_text(articles.read_text("utf-8") + "{not json\n[1]\n", encoding="utf-8")
    assert cleaners.cli.main(["report", str(broken), "-o", str(tmp_path / "b.html")]) == 0
    err = capsys.readouterr().err
    count = len(articles.read_text("utf-8").splitlines())
    assert f"{broken}:{count + 1}: invalid_json" in err and f"{broken}:{count + 2}:" in err
    assert "2 unreadable lines skipped" in (tmp_path / "b.html").read_text("utf-8")


def test_report_to_stdout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    articles, _ = _clean_fixture_run(tmp_path)
    assert cleaners.cli.main(["report", str(articles), "-o", "-"]) == 0
    out = capsys.readouterr().out
    records = len(articles.read_text("utf-8").splitlines())
    assert out.startswith("<!DOCTYPE html>")
    assert f'<div class="card" data-card="records"><span class="n">{records}</span>' in out


def test_explain_directory_prints_a_header_per_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    names = ["bahrain_grand_prix.txt", "kuwait_bourse_rally.txt"]
    for name in names:
        (tmp_path / name).write_bytes((FIXTURES / "generic" / name).read_bytes())
    assert cleaners.cli.main(["explain", str(tmp_path)]) == 0
    out = capsys.readouterr().out.splitlines()
    headers = [line for line in out if line.startswith("==> ")]
    assert headers == [f"==> {tmp_path / name} <==" for name in names]
    assert sum(line.startswith("status: ok") for line in out) == 2
    assert cleaners.cli.main(["explain", str(tmp_path / names[0])]) == 0
    assert "==> " not in capsys.readouterr().out


def test_report_top_sets_the_documents_shown(tmp_path: Path) -> None:
    articles, _ = _clean_fixture_run(tmp_path)
    for top, sections in ((0, 0), (3, 3)):
        out = tmp_path / f"top{top}.html"
        assert cleaners.cli.main(["report", str(articles), "-o", str(out), "--top", str(top)]) == 0
        tree = lxml_html.fromstring(out.read_text("utf-8"))
        assert len(tree.xpath("//section[@class='doc']")) == sections
        assert len(tree.xpath("//table[@class='top']")) == (1 if top else 0)
