"""Shortcuts taken for speed give what the long way gives.

Each cheap screen or shortcut in the HTML path is checked here against the code it skips, on
the fixture pages and on made-up inputs aimed at its edges (case folds, other scripts,
separators).
"""

from __future__ import annotations

import pytest

from cleaners.html.extract import _parse
from tests.fixture_pairs import FIXTURES

_HTML_FIXTURES = sorted(p for p in FIXTURES.rglob("*") if p.suffix in (".html", ".htm"))


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
