"""The depth screen (`_reaches_depth_check`) agrees with the plain scan (`_deep_wrappers`):
`bound_depth` gives the same text with and without it."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaners.html import decode
from cleaners.html.decode import _DEPTH_CHECK, _deep_wrappers, _reaches_depth_check, bound_depth

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
