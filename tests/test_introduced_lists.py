"""A list introduced by a lead-in line of the story ("Here is what you will need:") belongs
to the story: its items do not part the dump's article region (`cleaners.region`)."""

from __future__ import annotations

from pathlib import Path

from cleaners import clean_text
from cleaners.region import introduced_items
from cleaners.rules.region import is_credit

PARAGRAPH = (
    "A raised bed warms up earlier in spring, drains better than heavy clay and saves your "
    "back when it comes to weeding, and it can be built in a single weekend."
)
AFTER = (
    "Start by cutting the two end boards in half so that you have four pieces, then lay them "
    "out on flat ground and check the corners with the square."
)
ITEMS = ["Four cedar boards", "A box of screws", "A cordless drill", "A spirit level"]


def test_the_items_of_a_list_introduced_in_the_story_are_found() -> None:
    texts = [PARAGRAPH, "Here is everything you will need:", *ITEMS, AFTER]
    assert introduced_items(texts, is_credit) == {2, 3, 4, 5}


def test_a_list_the_story_does_not_go_on_after_is_none() -> None:
    texts = [PARAGRAPH, "Here is everything you will need:", *ITEMS, "Contact us", "Privacy"]
    assert introduced_items(texts, is_credit) == set()


def test_a_list_running_into_a_story_header_is_none() -> None:
    """A search box's label over a menu, then the next story's headline and date line."""
    texts = [PARAGRAPH, "Search the Gazette for:", *ITEMS, "March 3, 2025", AFTER]
    assert introduced_items(texts, is_credit) == set()


def test_a_lead_in_must_follow_a_paragraph_of_the_story() -> None:
    texts = ["Home", "News", "Here is everything you will need:", *ITEMS, AFTER]
    assert introduced_items(texts, is_credit) == set()


def test_a_label_a_line_pattern_knows_introduces_nothing() -> None:
    texts = [PARAGRAPH, "Follow us on social media:", *ITEMS, AFTER]
    assert introduced_items(texts, is_credit) == set()


def test_a_listicle_is_kept_whole_across_its_list() -> None:
    raw = Path(__file__).parent.parent / "fixtures" / "whole_page" / "list_en_toolkit_guide.txt"
    record = clean_text(raw.read_text(encoding="utf-8"))
    paragraphs = record.text.split("\n\n")
    assert "A spirit level" in paragraphs
    assert paragraphs[-1].startswith("Line the bottom with cardboard")
