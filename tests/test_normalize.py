"""Normalisation shared by every input path (`cleaners.normalize`) and its effect on records."""

from __future__ import annotations

import pytest

from cleaners import clean_text
from cleaners.normalize import normalize_line, normalize_text, repair_mojibake
from tests.pages import BODY, TITLE, page, paragraphs


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("donâ€™t", "don’t"),
        ("The minister said he wouldnâ€™t resign.", "The minister said he wouldn’t resign."),
        ("Ã©tÃ© 2023", "été 2023"),
        ("Â£5 a month", "£5 a month"),
    ],
)
def test_mojibake_is_repaired(broken: str, fixed: str) -> None:
    assert normalize_text(broken) == fixed


def test_mojibake_repair_only_touches_lines_that_show_it() -> None:
    text = 'donâ€™t\n"straight" and ‘curly’ untouched'
    assert repair_mojibake(text) == 'don’t\n"straight" and ‘curly’ untouched'


@pytest.mark.parametrize(
    "text",
    [
        "“Curly double” and ‘curly single’ quotes",
        "``TeX-style'' quotes and \"straight\" ones",
        "It’s the farmers’ union",
        "café, naïve, Kairouan’s «souk»",
        "الزيتون في تونس",
        "&amp; left as written",
        "ﬁne ligature and ＦＵＬＬ width",
    ],
)
def test_article_punctuation_is_left_as_written(text: str) -> None:
    assert normalize_text(text) == text


def test_nbsp_becomes_a_space() -> None:
    assert normalize_text("12\u00a0per\u00a0cent") == "12 per cent"


def test_zero_width_and_soft_hyphen_are_dropped() -> None:
    assert normalize_text("olive\u200b oil\u00ad mill\ufeff") == "olive oil mill"


def test_zero_width_joiner_is_kept() -> None:
    assert normalize_text("a\u200db") == "a\u200db"


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\u2028"])
def test_line_endings_are_unified(newline: str) -> None:
    assert normalize_text(f"one{newline}two{newline}") == "one\ntwo\n"


def test_tabs_become_spaces() -> None:
    assert normalize_text("olive\toil") == "olive oil"


def test_runs_of_spaces_are_collapsed_in_a_line() -> None:
    assert normalize_line("  olive    oil \u0020 mill  ") == "olive oil mill"


def test_clean_text_applies_normalisation_to_the_record() -> None:
    raw = page(
        "Tunisian  olive\u00a0growers count losses after heatwave",
        "Farmers say they donâ€™t expect\u200b a recovery before 2026, and exporters “worry”",
        *BODY,
    ).replace("\n", "\r\n")
    article = clean_text(raw)
    assert article.title == TITLE
    assert article.subtitle == (
        "Farmers say they don’t expect a recovery before 2026, and exporters “worry”"
    )
    assert paragraphs(article) == list(BODY)
    assert "\r" not in article.text


def test_hard_wrapped_paragraph_is_rejoined() -> None:
    cut = BODY[0].index(" could ")
    first, rest = BODY[0][:cut], BODY[0][cut + 1 :]
    article = clean_text(page(TITLE, first, rest, *BODY[1:]))
    assert paragraphs(article) == list(BODY)
