"""The depth screen (`_reaches_depth_check`) agrees with the plain scan (`_deep_wrappers`):
`bound_depth` gives the same text with and without it."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from cleaners.html import decode
from cleaners.html.decode import (
    _DEPTH_CHECK,
    MAX_DEPTH,
    _deep_wrappers,
    _reaches_depth_check,
    _scan,
    bound_depth,
)

FIXTURES = sorted(Path(__file__).parent.parent.joinpath("fixtures").rglob("*.html"))

_BODY = "<p>An article paragraph that must survive the wrappers around it.</p>"


def _nested(depth: int, tag: str = "div", extra: str = "") -> str:
    return f"<html><body>{f'<{tag}>' * depth}{extra}{_BODY}{f'</{tag}>' * depth}</body></html>"


CASES = {
    "shallow": _nested(10),
    "just under": _nested(_DEPTH_CHECK - 3),
    "at the check": _nested(_DEPTH_CHECK),
    "deep": _nested(_DEPTH_CHECK + 40),
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
    "mixed case": _nested(_DEPTH_CHECK + 5, tag="DIV"),
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


@pytest.mark.parametrize("name", sorted(CASES))
def test_screen_agrees_with_plain_scan(name: str) -> None:
    text = CASES[name]
    assert _reaches_depth_check(text) == bool(_deep_wrappers(text))


def test_deep_page_is_bounded_and_shallow_pages_unchanged() -> None:
    assert _reaches_depth_check(CASES["deep"])
    assert bound_depth(CASES["deep"]) != CASES["deep"]
    assert _BODY in bound_depth(CASES["deep"])
    assert not _reaches_depth_check(CASES["unclosed paragraphs"])
    assert _reaches_depth_check(CASES["closed below the window"])
    assert not _reaches_depth_check(CASES["closed inside the window"])
    assert bound_depth(CASES["shallow"]) == CASES["shallow"]


def _plain_bound_depth(text: str) -> str:
    """`bound_depth` the plain way: the full scan on every page, no screen."""
    plan = _deep_wrappers(text) if text.count("<") >= _DEPTH_CHECK else []
    parts, position = [], 0
    for start, end in plan:
        parts.append(text[position:start])
        position = end
    parts.append(text[position:])
    return "".join(parts)


@pytest.mark.parametrize("name", sorted(CASES))
def test_bound_depth_matches_the_plain_way(name: str) -> None:
    assert bound_depth(CASES[name]) == _plain_bound_depth(CASES[name])


def test_bound_depth_matches_the_plain_way_on_fixtures(monkeypatch: pytest.MonkeyPatch) -> None:
    assert FIXTURES
    for path in FIXTURES:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert bound_depth(text) == _plain_bound_depth(text), path
        assert _reaches_depth_check(text) == bool(_deep_wrappers(text)), path
    # the screen is what bound_depth asks
    monkeypatch.setattr(decode, "_reaches_depth_check", lambda text: False)
    assert bound_depth(CASES["deep"]) == CASES["deep"]


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


def test_screen_agrees_with_plain_scan_on_tag_soup() -> None:
    """On random tag soup, deep and shallow, the screen says "deep" exactly when the plain
    scan's stack reaches `_DEPTH_CHECK`."""
    rng = random.Random(12)
    deep = 0
    for _ in range(150):
        text = _soup(rng, rng.randint(10, 150))
        reaches = _scan(text)[0] >= _DEPTH_CHECK
        deep += reaches
        assert _reaches_depth_check(text) == reaches, text[:300]
        assert bound_depth(text) == _plain_bound_depth(text)
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
    assert _reaches_depth_check(stray) == (_scan(stray)[0] >= _DEPTH_CHECK)
