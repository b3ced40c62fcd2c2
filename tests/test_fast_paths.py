"""Shortcuts taken for speed give what the long way gives.

Each cheap screen or shortcut in the HTML path is checked here against the code it skips, on
the fixture pages and on made-up inputs aimed at its edges (case folds, other scripts,
separators).
"""

from __future__ import annotations

import itertools
import re

import pytest
from lxml import etree

from cleaners.html import dom, prune, signals
from cleaners.html.extract import _parse
from tests.fixture_pairs import FIXTURES

_HTML_FIXTURES = sorted(p for p in FIXTURES.rglob("*") if p.suffix in (".html", ".htm"))

_ON_DEMAND_WORDS = ("tooltip", "popover", "rollover", "hovercard")


def _class_values() -> list[str]:
    """Class attributes around the on-demand words: every case, separators, other scripts."""
    values = ["", " ", "-", "nav", "story-body", "tool tip", "pop-over", "roll_over", "hover card"]
    for word in _ON_DEMAND_WORDS:
        variants = {word, word.upper(), word.title(), word.swapcase()}
        # re.IGNORECASE lets "İ" and "ı" stand for "i"
        variants |= {word.replace("i", "\u0130"), word.replace("i", "\u0131")}
        variants |= {word[:-1], word[1:], word.replace("o", "\u00f6")}
        for variant, (before, after) in itertools.product(
            sorted(variants),
            [("", ""), ("x-", ""), ("", "-box"), ("js", "s"), ("a ", " b"), ("été_", "_ü")],
        ):
            values.append(f"{before}{variant}{after}")
    return values


def test_on_demand_screen_passes_every_on_demand_class() -> None:
    hint = re.compile("|".join(_ON_DEMAND_WORDS), re.IGNORECASE)
    for value in _class_values():
        assert prune.may_be_on_demand(value) == bool(hint.search(value)), value
        if prune._ON_DEMAND.search(value):
            assert prune.may_be_on_demand(value), value


def _blocks_and_tree(html: bytes, monkeypatch: pytest.MonkeyPatch | None) -> tuple:
    if monkeypatch is not None:  # the long way: the full tests on every element
        monkeypatch.setattr(prune.Pruner, "may_drop", staticmethod(lambda element: True))
    root = _parse(html.decode("utf-8", "replace"))
    body = root.body if root.find("body") is not None else root
    blocks = dom.iter_blocks(body)
    tree = root.getroottree()
    found = [(tree.getpath(b.element), b.text, b.tag) for b in blocks]
    if monkeypatch is not None:
        monkeypatch.undo()
    return found, etree.tostring(root)


def _screen_pages() -> list[bytes]:
    boxes = "".join(
        f'<span class="{value}"><a href="/x">Name {n}</a><span class="inner">Latest {n}</span>'
        f"</span><p>Paragraph {n} of the story, long enough to read.</p>"
        for n, value in enumerate(_class_values())
    )
    styles = "".join(
        f'<div style="{style}"><p>Styled block {n}.</p></div>'
        for n, style in enumerate(
            [
                "display:none",
                "DISPLAY : NONE",
                "visibility: hidden",
                "color: red",
                "",
                "d\u0131splay:none",
            ]
        )
    )
    return [
        f"<html><body><article><h1>Title</h1>{boxes}{styles}"
        '<div hidden><p>Hidden.</p></div><div hidden=""><p>Also hidden.</p></div>'
        "</article></body></html>".encode()
    ]


@pytest.mark.parametrize("index", range(len(_HTML_FIXTURES) + 1))
def test_screened_walk_is_the_walk(index: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """`Pruner.drops` screens elements with `may_drop` before its full tests: the same
    blocks and the same pruned tree as the full tests on every element."""
    pages = [p.read_bytes() for p in _HTML_FIXTURES] + [b"".join(_screen_pages())]
    html = pages[index]
    assert _blocks_and_tree(html, None) == _blocks_and_tree(html, monkeypatch)


def _old_marks(raw: str) -> tuple[str, frozenset[str]]:
    """Class-and-id words as `signals._marks` first computed them (one regular expression)."""
    raw = raw.strip()
    if not raw:
        return "", frozenset()
    words = frozenset(w.lower() for w in signals._SPLIT.split(raw) if w)
    words |= frozenset(c.lower() for c in raw.split())
    return raw.lower(), words


def _fixture_marks() -> list[tuple[str, str, str]]:
    """(tag, class, id) of every element of the HTML fixtures, plus made-up awkward ones."""
    found = {
        ("div", "shareBar ad-slot", "mainContent"),
        ("p", "x_y--z  \u00a0 Caption\u2003credit", ""),
        ("span", "ÉtéBox tooltipX", "İd ıd"),
        ("figcaption", "", ""),
        ("nav", "  ", " "),
        ("button", "", ""),
        ("section", "relatedPosts Related-stories", "most_read"),
        ("div", "ǅemal aB1C dEf", "ABC abc"),
    }
    for path in _HTML_FIXTURES:
        root = _parse(path.read_bytes().decode("utf-8", "replace"))
        for element in root.iter():
            if isinstance(element.tag, str):
                found.add((element.tag, element.get("class") or "", element.get("id") or ""))
    return sorted(found)


def test_class_words_are_the_split_words() -> None:
    for tag, cls, ident in _fixture_marks():
        element = etree.Element(tag)
        if cls:
            element.set("class", cls)
        if ident:
            element.set("id", ident)
        assert signals._marks(element) == _old_marks(f"{cls} {ident}"), (cls, ident)


def test_ascii_fold_is_the_regex_fold() -> None:
    from cleaners.textfeatures import WORD, fold

    texts = [chr(c) for c in range(128)]
    texts += [f"a{chr(c)}B{chr(c)}9_" for c in range(128)]
    texts += ["", "  ", "Hello, World!", "e-mail_address 2024-01-02", "\x1cA\x1fb\x7f", "ÉTÉ"]
    for path in FIXTURES.rglob("*"):
        if path.suffix in (".txt", ".html", ".htm"):
            texts += path.read_text("utf-8", "replace").splitlines()
    assert sum(t.isascii() for t in texts) > 1000
    for text in texts:
        assert fold.__wrapped__(text) == " ".join(WORD.findall(text.casefold())), text


def test_mojibake_in_one_block_of_a_page_is_repaired() -> None:
    """Blocks are repaired only on pages whose text shows a trace of mojibake: such a trace in
    any one block still gets that block repaired, and the others stay as they are."""
    from cleaners import clean_html

    body = (
        "<p>The ministry said the new terminal would open in March after three years of "
        "work on the runway and the control tower.</p>"
        "<p>Officials said the cafÃ© and the duty-free shops would open later in the "
        "year, once the contracts were signed.</p>"
        "<p>Passengers will reach the terminal by a new rail link from the city centre, "
        "which the ministry said would run every ten minutes.</p>"
    )
    head = "<head><title>A new terminal</title></head>"
    article = clean_html(
        f"<html>{head}<body><article><h1>A new terminal</h1>{body}</article></body></html>"
    )
    assert "café and the duty-free" in article.text
    assert "Ã" not in article.text


@pytest.mark.parametrize("index", range(len(_HTML_FIXTURES)))
def test_prose_counted_once_is_prose_counted_each_time(index: int) -> None:
    """`_Prose` counts each block's prose words once per page; any set of blocks then sums to
    what counting its blocks' prose the plain way gives."""
    from cleaners.html.dom import iter_blocks
    from cleaners.html.extract import _Prose
    from cleaners.textfeatures import is_prose, word_count

    root = _parse(_HTML_FIXTURES[index].read_text(encoding="utf-8", errors="replace"))
    blocks = iter_blocks(root)
    prose = _Prose(blocks)
    for positions in (range(len(blocks)), range(0, len(blocks), 2), [], range(len(blocks) // 2)):
        plain = sum(word_count(b.text) for b in (blocks[i] for i in positions) if is_prose(b.text))
        assert prose.words(positions) == plain
