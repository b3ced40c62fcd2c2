"""`word_count`'s screen (no character of a script written without spaces: whitespace's
count) gives what the plain way (`_word_count_by_runs`) gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaners.textfeatures import _word_count_by_runs, more_words_than, word_count

TEXTS = [
    "",
    "plain ASCII words here",
    "Café crème, “quoted” — déjà vu",
    "Привет мир, это тест",
    "مرحبا بالعالم",
    "東京都は本日、新しい政策を発表した。",
    "ภาษาไทยไม่มีการเว้นวรรคระหว่างคำ",
    "Mixed 東京 text with « guillemets »",
    "\u0dff edge below Thai",
    "\u0e00 edge at Thai",
    "Curly “quotes” — and a dash … with no unspaced script",
    "Myanmar မြန်မာ and Khmer ខ្មែរ words",
    "Lao ພາສາລາວ and CJK compatibility \uf900\ufaff",
]
# the first and last character of each range of an unspaced script, and those just outside
_EDGES = [(0x0E00, 0x0EFF), (0x1000, 0x109F), (0x1780, 0x17FF), (0x3040, 0x30FF)]
_EDGES += [(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF)]
TEXTS += [
    f"word {chr(c)}{chr(c)}{chr(c)} word"
    for first, last in _EDGES
    for c in (first - 1, first, last, last + 1)
]


@pytest.mark.parametrize("text", TEXTS)
def test_screen_agrees_with_plain_way(text: str) -> None:
    assert word_count(text) == _word_count_by_runs(text)


def test_screen_agrees_on_fixture_lines() -> None:
    root = Path(__file__).parent.parent / "fixtures"
    lines = [
        line
        for path in sorted(root.rglob("*"))
        if path.is_file() and path.suffix in (".txt", ".html", ".json")
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
    ]
    assert len(lines) > 1000
    assert any(not line.isascii() for line in lines)
    for line in lines:
        assert word_count(line) == _word_count_by_runs(line), line


def test_unspaced_scripts_still_counted_by_runs() -> None:
    assert word_count("東京都は本日") == 3  # six Han/Kana characters, two a word
    assert word_count("Café déjà") == 2


@pytest.mark.parametrize("text", [*TEXTS, "  spaced   out  text  ", "one", "a b c d e f"])
@pytest.mark.parametrize("limit", [0, 1, 2, 3, 5, 100])
def test_more_words_than_agrees_with_counting_them_all(text: str, limit: int) -> None:
    """`more_words_than` stops splitting at the limit; its verdict is the full count's."""
    assert more_words_than(text, limit) is (word_count(text) > limit)


def test_more_words_than_on_a_page_of_fixture_text() -> None:
    root = Path(__file__).parent.parent / "fixtures"
    for path in sorted(root.rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for limit in (50, 100, 250, 1000):
            assert more_words_than(text, limit) is (word_count(text) > limit), path
