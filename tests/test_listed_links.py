"""A list of links set into a dump's story ("Don't miss" / "À lire aussi" over a few
headlines, then the story's next paragraph) is no second story: the second-story rule does
not cut at its first item, the related-links rule removes the list, and the story below it
stays. A related-links heading over a real appended story (headline, byline, date) still
ends the story there."""

from __future__ import annotations

from cleaners import clean_text
from cleaners.record import Article
from tests.fixture_pairs import whole_page_text


def _record(name: str) -> Article:
    return clean_text(whole_page_text(name))


def test_the_story_below_a_list_of_links_stays() -> None:
    for name, item, below in (
        (
            "listed_en_dont_miss_mid_story.txt",
            "Allies open a new front online",
            "road traffic between the valleys was growing every week.",
        ),
        (
            "listed_fr_a_lire_aussi.txt",
            "Les tarifs des trains de nuit augmentent en juin",
            "si aucun accord n'est trouvé d'ici là.",
        ),
    ):
        record = _record(name)
        assert below in record.text, name
        assert not [r for r in record.removed if r.reason == "second_story"], name
        removed = {r.text: (r.reason, r.rule) for r in record.removed}
        assert removed[item][0] == "related_articles", name


def test_a_related_heading_over_an_appended_story_still_ends_the_story() -> None:
    record = _record("listed_en_next_story_trap.txt")
    assert "it was not clear when it had been made." in record.text
    assert "Harvest festival" not in record.text
    removed = {r.text: (r.reason, r.rule) for r in record.removed}
    assert removed["Harvest festival draws record crowds to the river towns"] == (
        "second_story",
        "second_story",
    )
