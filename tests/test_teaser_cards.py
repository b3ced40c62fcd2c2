"""A column of other stories' teaser cards (headline over a one-paragraph summary) below a
dump's story ends the article region (`cleaners.region.teaser_cards_cut`); a guide's
subheadings, one paragraph each on the guide's own topic, stay."""

from __future__ import annotations

from cleaners import clean_text
from cleaners.region import teaser_cards_cut
from tests.fixture_pairs import whole_page_lines


def test_cards_below_the_story_end_the_region() -> None:
    for name, first_card in (
        (
            "teasers_en_headline_cards.txt",
            "Province announces new funding for rural ambulance stations",
        ),
        ("teasers_de_schlagzeilen_karten.txt", "Neue Buslinie verbindet Hafen und Hauptbahnhof"),
    ):
        texts = whole_page_lines(name)
        assert teaser_cards_cut(texts, (0, len(texts))) == texts.index(first_card), name
        record = clean_text("\n".join(texts))
        assert first_card not in record.text
        removed = {r.text: (r.reason, r.rule) for r in record.removed}
        assert removed[first_card] == ("navigation", "article_region")


def test_a_guides_one_paragraph_sections_are_no_cards() -> None:
    texts = whole_page_lines("teasers_en_guide_sections_trap.txt")
    assert teaser_cards_cut(texts, (0, len(texts))) is None
    assert "Pests on the lemon tree" in clean_text("\n".join(texts)).text


def test_cards_need_the_story_above_them() -> None:
    """Cards at the top of the region (a column of teasers above the story, or a page of
    teasers) are not cut there: the story's paragraphs in a row come first."""
    texts = whole_page_lines("teasers_en_headline_cards.txt")
    first = texts.index("Province announces new funding for rural ambulance stations")
    cards = texts[first : first + 8]
    assert teaser_cards_cut(cards, (0, len(cards))) is None
    # cards starting below the region are none of its business
    assert teaser_cards_cut(texts, (0, first)) is None
