"""`word_count`'s screen (no character of a script written without spaces: whitespace's
count) gives what the plain way (`_word_count_by_runs`) gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaners.textfeatures import _word_count_by_runs, word_count

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
