"""tools/bench_extract.py: the systems it times give comparable bodies."""

from __future__ import annotations

from pathlib import Path

from tools.bench_extract import builtin_systems, warm_up_pages, without_front_matter

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
PAGE = FIXTURES / "html/metadata/date-and-author-line-de.html"


def test_trafilatura_with_metadata_is_scored_on_the_same_body_as_trafilatura() -> None:
    """The like-for-like speed reference reads the metadata too; its YAML block is left out
    of the text scored, which is then trafilatura's default body."""
    systems = builtin_systems()
    default, _ = systems["trafilatura"]()
    with_metadata, _ = systems["trafilatura-metadata"]()
    assert default is not None and with_metadata is not None
    html = PAGE.read_text(encoding="utf-8")
    body = with_metadata(html)
    assert body is not None and not body.startswith("---")
    assert body == default(html)


def test_front_matter_is_cut_only_when_closed() -> None:
    assert without_front_matter("---\ntitle: A\ndate: 2025\n---\nBody line\nMore") == (
        "Body line\nMore"
    )
    assert without_front_matter("--- not a block\nBody") == "--- not a block\nBody"
    assert without_front_matter("---\ntitle: never closed") == "---\ntitle: never closed"


def test_warm_up_pages_hold_a_short_page_and_dates_in_many_languages() -> None:
    """The warm-up pays start-up costs before timing: jusText's stoplist (a page too short
    for trafilatura's own extractor) and dateparser's locales (one date per language)."""
    pages = warm_up_pages()
    assert any("A short synthetic note" in p for p in pages)
    dates_page = next(p for p in pages if "Warm-up dates" in p)
    for date in ("18 ноября 2019", "18 listopada 2019", "2019年11月18日", "18 Kasım 2019"):
        assert date in dates_page
