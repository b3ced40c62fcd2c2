"""trafilatura's fast mode asked about the article's box only (`cleaners.html.scope`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html as lxml_html

import cleaners.html.extract as extract
import cleaners.html.scope as scope
from cleaners import clean_html
from cleaners.html.dom import iter_blocks
from cleaners.html.extract import _headline, _prose_words
from tests.fixture_pairs import fixture_pairs

_PARAGRAPHS = "".join(
    f"<p>The council voted on Monday ({n}) to build a second bridge over the river, ending a"
    f" debate that has run through {n} campaigns and several public hearings.</p>"
    for n in range(6)
)
_MENU = "<ul>" + "".join(f'<li><a href="/s{i}">Section {i}</a></li>' for i in range(40)) + "</ul>"
_FOOTER = (
    "<footer>" + "".join(f'<p><a href="/f{i}">Link {i}</a></p>' for i in range(40)) + "</footer>"
)


def _page(article: str, before: str = _MENU, after: str = _FOOTER) -> str:
    return (
        "<html><head><title>Council approves new bridge</title></head><body>"
        f"<nav>{before}</nav>{article}{after}</body></html>"
    )


_ARTICLE = (
    '<div class="wrap"><article id="story"><h1>Council approves new bridge</h1>'
    f"{_PARAGRAPHS}</article></div>"
)


def _box(html: str) -> lxml_html.HtmlElement | None:
    root = lxml_html.fromstring(html)
    dom = iter_blocks(root.body)
    return scope.article_box(
        dom, [_prose_words(b.text) for b in dom], _headline(dom, "Council approves new bridge")
    )


def test_box_is_the_largest_small_box_holding_the_article() -> None:
    box = _box(_page(_ARTICLE))
    assert box is not None and box.get("class") == "wrap"  # widened from <article> to its box


def test_no_box_when_the_headline_is_outside_it() -> None:
    # a short story above a long box of other prose: that box is no article's
    html = _page(
        "<h1>Council approves new bridge</h1><p>A short story.</p>"
        f'<div class="others">{_PARAGRAPHS}{_PARAGRAPHS}</div>'
    )
    assert _box(html) is None


def test_no_box_when_it_is_most_of_the_page() -> None:
    article = f"<article><h1>Council approves new bridge</h1>{_PARAGRAPHS * 3}</article>"
    assert _box(_page(article, before="", after="")) is None  # 20 of 24 elements


def test_no_box_without_a_headline() -> None:
    html = _page(f'<div class="wrap"><article>{_PARAGRAPHS}</article></div>')
    assert _box(html) is None


def test_box_page_gives_the_whole_page_record(monkeypatch: pytest.MonkeyPatch) -> None:
    html = _page(_ARTICLE)
    scoped = clean_html(html, url=None)
    monkeypatch.setattr(scope, "SCOPE_PROSE_SHARE", 2.0)  # no box: the whole page is asked
    whole = clean_html(html, url=None)
    assert scoped.text == whole.text and scoped.title == whole.title
    assert scoped.text.count("The council voted") == 6


_HTML_FIXTURES = [raw for raw, _ in fixture_pairs("html")]


def _boxed(raw: Path) -> bool:
    root = lxml_html.fromstring(raw.read_bytes())
    dom = iter_blocks(root.body if root.find("body") is not None else root)
    title = root.findtext(".//title")
    words = [_prose_words(b.text) for b in dom]
    return scope.article_box(dom, words, _headline(dom, title)) is not None


def test_fixture_pages_with_a_box_are_many() -> None:
    # the comparison below is not empty: most fixture pages are asked about their box
    assert sum(map(_boxed, _HTML_FIXTURES)) >= 20


@pytest.mark.parametrize("raw", _HTML_FIXTURES, ids=lambda p: p.name)
def test_fixture_text_is_the_same_asked_about_box_or_page(
    raw: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scoped = clean_html(raw.read_bytes(), url=None)
    monkeypatch.setattr(scope, "SCOPE_PROSE_SHARE", 2.0)
    whole = clean_html(raw.read_bytes(), url=None)
    assert (scoped.text, scoped.title) == (whole.text, whole.title)


# --------------------------------------------------------------------------- the lean copy


def test_lean_copy_drops_what_trafilatura_deletes_unread_and_keeps_the_rest() -> None:
    html = (
        "<html><head><title>T</title></head><body>"
        '<nav><a href="/">Home</a></nav><aside>Most read</aside>'
        "<div><p>First <button>Share</button>tail kept.</p>"
        "<form><p>Form text</p><input name=q></form>"
        "<figure><table><tr><td>Cell</td></tr></table></figure>"
        "<svg><text>icon</text></svg>after the icon</div>"
        "<footer>Copyright</footer></body></html>"
    )
    root = lxml_html.fromstring(html)
    lean = scope.page_document(root)
    assert lean.body.text_content() == "First tail kept.Form textCellafter the icon"
    assert lean.find(".//form") is not None and lean.find(".//figure") is not None
    assert lean.find(".//title") is not None  # the head stays
    # the page itself is left as it was
    assert root.find(".//nav") is not None and root.find(".//svg") is not None


def test_box_copy_is_lean_too() -> None:
    root = lxml_html.fromstring(_page(_ARTICLE.replace("</h1>", "</h1><aside>Related</aside>")))
    box = root.find(".//div[@class='wrap']")
    document = scope.box_document(box)
    assert document.find(".//aside") is None and root.find(".//aside") is not None


def test_short_answer_of_the_lean_copy_is_asked_again_of_the_page_as_it_was(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # an old layout sets the story in a <fieldset>, which trafilatura's cleaning deletes: on
    # the lean copy fast mode finds the site's tagline alone, on the page as it was it rescues
    # the story from the whole page. The short answer is asked again of the page, not left
    # to the full cascade (which would also find the story, at many times the cost).
    story = "".join(
        f"<p>The harbour board met on Tuesday ({n}) and agreed to dredge the channel before the"
        " spring tides, after months of complaints from the fishing fleet.</p>"
        for n in range(5)
    )
    html = (
        "<html><head><title>Harbour board agrees to dredge</title></head><body>"
        "<div><p>News from the harbour and the coast, every day of the week, written by the"
        " people who live and work along the shore.</p></div>"
        f"<div><fieldset><h1>Harbour board agrees to dredge</h1>{story}</fieldset></div>"
        "</body></html>"
    )
    asked: list[bool] = []
    extracted_texts = extract.extracted_texts

    def spy(root: lxml_html.HtmlElement, fast: bool = True) -> list[str]:
        asked.append(fast)
        return extracted_texts(root, fast=fast)

    monkeypatch.setattr(extract, "extracted_texts", spy)
    record = clean_html(html, url=None)
    assert record.text.count("The harbour board met") == 5
    assert asked == [True, True]  # the lean copy, then the page as it was: no full cascade


@pytest.mark.parametrize("raw", _HTML_FIXTURES, ids=lambda p: p.name)
def test_fixture_text_is_the_same_from_the_lean_copy_or_the_page(
    raw: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lean = clean_html(raw.read_bytes(), url=None)
    monkeypatch.setattr(scope, "_UNREAD", ())  # a plain copy: nothing dropped
    plain = clean_html(raw.read_bytes(), url=None)
    assert (lean.text, lean.title) == (plain.text, plain.title)
