"""A review's or a ranking's score ("4.7 / 5", "9,1/10", "Average rating: 4.8") is the
article's; a gallery counter ("1 / 4") and a reader-vote widget are interface text.

The two are told apart by kind (`interface_text` in cleaners/data/line_patterns.toml): a score
is a decimal out of 5 or 10, or a rating label with a score and nothing else; a counter is a
pair of whole numbers, and a vote widget prints a vote count or a prompt.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaners import clean_html, clean_text
from tests.pages import assert_body_intact, paragraphs, removal_of, story_with

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

SCORES = [
    "4.7 / 5",  # a ranking's row, English decimals
    "9.3 /10",
    "4,6 / 5",  # decimal comma (German, French, Spanish reviews)
    "8,5/10",
    "4.96 / 5.0",
    "Average rating: 4.8",
    "Rating: 4",
]


@pytest.mark.parametrize("line", SCORES)
@pytest.mark.parametrize("where", ["middle", "end"])
def test_a_score_row_stays_in_the_body(line: str, where: str) -> None:
    article = clean_text(story_with(line, where))
    assert removal_of(article, line) is None
    assert line in paragraphs(article)
    assert_body_intact(article)


# (line, where): counters and vote widgets, all `ui_chrome` by `interface_text`
COUNTERS_AND_WIDGETS = [
    ("1 / 4", "top"),  # a photo gallery's counter: whole numbers
    ("3 / 12", "middle"),
    ("5/5", "middle"),  # no decimal: a counter's last slide as much as a score
    ("Average rating 4.2 / 5. Vote count: 31", "end"),
    ("Average rating", "end"),
    ("Rate this article", "end"),
]


@pytest.mark.parametrize(("line", "where"), COUNTERS_AND_WIDGETS)
def test_a_counter_or_vote_widget_is_interface_text(line: str, where: str) -> None:
    article = clean_text(story_with(line, where))
    removal = removal_of(article, line)
    assert removal is not None, f"{line!r} was kept"
    assert (removal.reason, removal.rule) == ("ui_chrome", "interface_text")
    assert line not in paragraphs(article)
    assert_body_intact(article)


def _html(name: str) -> str:
    return (FIXTURES / "html" / "ratings" / f"{name}.html").read_text(encoding="utf-8")


def test_html_ranking_keeps_its_scores_and_drops_the_vote_widget() -> None:
    article = clean_html(_html("en-ranking-decimal-scores-kettles"))
    kept = paragraphs(article)
    assert [p for p in kept if p.endswith("/10")] == ["9.4 /10", "8.7 /10", "8.1 /10"]
    removed = [(r.reason, r.rule, r.text) for r in article.removed]
    assert removed == [
        ("ui_chrome", "interface_text", "Rate this article"),
        ("ui_chrome", "interface_text", "Average rating 4.2 / 5. Vote count: 31"),
    ]


def test_html_decimal_comma_scores_are_kept() -> None:
    article = clean_html(_html("de-vergleich-dezimalnoten-luftreiniger"))
    assert [p for p in paragraphs(article) if p.endswith("/ 5")] == [
        "4,6 / 5",
        "4,1 / 5",
        "3,8 / 5",
    ]
    assert article.removed == ()


def test_html_gallery_counter_is_removed_as_interface_text() -> None:
    article = clean_html(_html("fr-galerie-compteur-piege"))
    removed = [(r.reason, r.rule, r.text) for r in article.removed]
    assert removed == [
        ("ui_chrome", "interface_text", "1 / 6"),
        ("ui_chrome", "interface_text", "2 / 6"),
    ]
    assert "/" not in article.text
