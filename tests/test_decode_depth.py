"""Depth: the parsed tree says when a page is too deep (`reaches_depth_check`), and then
`bound_depth` takes the wrappers beyond `MAX_DEPTH` out of the markup, keeping the text."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from lxml.html import HtmlElement

from cleaners.html.decode import (
    DEPTH_CHECK,
    MAX_DEPTH,
    _deep_wrappers,
    _scan,
    bound_depth,
    reaches_depth_check,
)
from cleaners.html.extract import _parse

FIXTURES = sorted(Path(__file__).parent.parent.joinpath("fixtures").rglob("*.html"))

_BODY = "<p>An article paragraph that must survive the wrappers around it.</p>"


def _nested(depth: int, tag: str = "div", extra: str = "") -> str:
    return f"<html><body>{f'<{tag}>' * depth}{extra}{_BODY}{f'</{tag}>' * depth}</body></html>"


CASES = {
    "shallow": _nested(10),
    "just under": _nested(DEPTH_CHECK - 3),
    "at the check": _nested(DEPTH_CHECK),
    "deep": _nested(DEPTH_CHECK + 40),
    # unclosed <p>s close one another: never deep
    "unclosed paragraphs": "<html><body>" + "<p>text" * 400 + "</body></html>",
    # self-closed and void tags do not nest; script content is not markup
    "self-closed": "<html><body>" + "<div/>" * 400 + "<br>" * 400 + _BODY + "</body></html>",
    "script": "<html><body><script>" + "<div>" * 400 + "</script>" + _BODY + "</body></html>",
    "self-closed with attributes": "<html><body>"
    + '<span class="x" />' * 300
    + "<div>" * 260
    + _BODY
    + "</div>" * 260
    + "</body></html>",
    "mixed case": _nested(DEPTH_CHECK + 5, tag="DIV"),
    # a closing tag closes its element only when it is among the 63 topmost open ones
    "closed below the window": "<html><body>"
    + ("<section>" + "<span>" * 70 + "</section>") * 5
    + _BODY
    + "</body></html>",
    "closed inside the window": "<html><body>"
    + ("<section>" + "<span>" * 60 + "</section>") * 5
    + _BODY
    + "</body></html>",
}


def _parsed_bounded(text: str) -> HtmlElement:
    """The page as `clean_html` parses it: again from `bound_depth`'s markup when too deep."""
    root = _parse(text)
    return _parse(bound_depth(text)) if reaches_depth_check(root) else root


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_parsed_page_is_bounded_and_keeps_its_article(name: str) -> None:
    text = CASES[name]
    root = _parsed_bounded(text)
    assert not reaches_depth_check(root)
    assert ("An article paragraph" in root.text_content()) == (_BODY in text)


@pytest.mark.parametrize("name", ["just under", "at the check", "deep", "mixed case"])
def test_the_tree_of_a_deep_page_reaches_the_check(name: str) -> None:
    """The parser keeps 255 levels: a page that deep is seen as deep in its tree."""
    assert _scan(CASES[name])[0] >= DEPTH_CHECK
    assert reaches_depth_check(_parse(CASES[name]))


def test_deep_page_is_bounded_and_shallow_pages_unchanged() -> None:
    assert bound_depth(CASES["deep"]) != CASES["deep"]
    assert _BODY in bound_depth(CASES["deep"])
    assert _deep_wrappers(CASES["closed below the window"])
    assert not _deep_wrappers(CASES["closed inside the window"])
    # a closing tag far below the top closes its element for the parser: not deep, not bounded
    assert not reaches_depth_check(_parse(CASES["closed below the window"]))
    for name in ("shallow", "unclosed paragraphs", "self-closed", "script"):
        assert bound_depth(CASES[name]) == CASES[name], name


def test_shallow_fixtures_are_not_deep() -> None:
    assert FIXTURES
    for path in FIXTURES:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert not reaches_depth_check(_parse(text)), path
        assert bound_depth(text) == text, path


# Pieces of tag soup: nesting, stray and misnested closing tags, elements closed far below the
# top of the stack, unclosed paragraphs and list items, void and self-closed tags (with a "/"
# ending their attributes), raw-text elements holding markup, case variants, an opener that
# never ends, and a name too long to be a tag.
_SOUP = [
    "<div>",
    "</div>",
    "<DIV class='a'>",
    "</Div >",
    "<span>",
    "</span>",
    "<p>",
    "</p>",
    "<li>",
    "</li>",
    "<dt>",
    "<dd>",
    "</dl>",
    "<td>",
    "<b>",
    "</b>",
    "</i>",
    "</section>",
    "<br>",
    "</br>",
    "<img src=x/>",
    "<span class=x/>",
    "<div/>",
    "<x-card data-a='1'>",
    "</x-card>",
    "<script>",
    "</script>",
    "<style>a>b{}</style>",
    "<textarea><div></textarea>",
    "<title><p>t</title>",
    "<!-- <div> -->",
    "text",
    " & ",
    "<",
    ">",
    "</",
    "<div a='>'>",
    "<" + "a" * 45 + ">",
    "<div\xa0id=y>",
    "<div\u3000id=z>",
]


def _soup(rng: random.Random, size: int) -> str:
    parts = []
    for _ in range(size):
        if rng.random() < 0.05:  # a run of openers: deep nesting
            parts.append(rng.choice(("<div>", "<span>", "<td>", "<b>")) * rng.randint(50, 300))
        parts.append(rng.choice(_SOUP))
    return "".join(parts)


def test_tag_soup_is_bounded_without_losing_text() -> None:
    """On random tag soup, deep and shallow, the page as parsed (again from the bounded markup
    when its tree is too deep) holds at least the words the plain parse holds."""
    rng = random.Random(12)
    deep = 0
    for _ in range(150):
        text = _soup(rng, rng.randint(10, 150))
        plain = _parse(text)
        deep += reaches_depth_check(plain)
        words = len(_parsed_bounded(text).text_content().split())
        assert words >= len(plain.text_content().split()), text[:300]
    assert 20 < deep < 130  # both answers are tried


def test_hostile_nesting_is_bounded() -> None:
    """A page of 20,000 nested wrappers (many more than any parser keeps) is cut back to
    `MAX_DEPTH` wrappers, its text kept; the scans are linear."""
    depth = 20_000
    text = "<html><body>" + "<div>" * depth + _BODY + "</div>" * depth + "</body></html>"
    bounded = bound_depth(text)
    assert _BODY in bounded
    assert _scan(bounded)[0] <= MAX_DEPTH + 2  # html and body above the wrappers
    # closing tags that close nothing (each searched for below the top) and unclosed openers
    stray = "<html><body>" + "<span>" * 240 + "</div>" * 20_000 + _BODY + "</body></html>"
    assert bound_depth(stray).count("<span>") <= 240
