"""A pull quote or a one-word label set into a dump's story is no second story's headline
(`cleaners.rules.second_story`): the story's paragraphs below it stay."""

from __future__ import annotations

from cleaners import clean_text
from cleaners.blocks import Block
from cleaners.record import Article
from cleaners.rules.second_story import SecondStoryRule
from tests.fixture_pairs import whole_page_text


def _record(name: str) -> Article:
    return clean_text(whole_page_text(name))


def _reasons(record: Article) -> set[str]:
    return {r.reason for r in record.removed}


def test_the_story_below_a_pull_quote_stays() -> None:
    record = _record("pullquote_en_quote_after_advert.txt")
    assert "second_story" not in _reasons(record)
    assert record.text.endswith("with proceeds going to the repairs.")
    assert "“We never doubted that the town would stand with us,”" in record.text
    advert = [r for r in record.removed if r.text == "Advertisement"]
    assert [r.reason for r in advert] == ["advertisement"]


def test_a_spanish_pull_quote_stays_in_the_story() -> None:
    record = _record("pullquote_es_cita_tras_publicidad.txt")
    assert "second_story" not in _reasons(record)
    assert "«Este lugar es de los vecinos" in record.text
    assert record.text.endswith("reservado a los escolares.")


def test_the_story_below_a_one_word_embed_label_stays() -> None:
    record = _record("label_en_report_over_embeds.txt")
    assert "second_story" not in _reasons(record)
    assert "Two senators criticised the company" in record.text
    assert record.text.endswith("they have no further comment.")


def _blocks(lines: list[str]) -> list[Block]:
    return [Block(index=i, text=t) for i, t in enumerate(lines)]


_STORY = [
    "Harbour swimmers win their fight to keep the winter pool open",
    "The council has dropped its plan to close the harbour pool for the winter after a campaign.",
    "The pool, built in 1934, was due to shut from November until March to save on lifeguards.",
    "Councillors voted eleven to three to keep the pool open for two more winters at least.",
]
_OTHER = [
    "Wheat growers on the plains count the cost of a third dry summer in a row this year.",
    "Yields fell by a quarter across the region, and feed prices for cattle rose again sharply.",
    "Banks have offered to defer loan repayments for farms that lost more than half a crop.",
]


def test_a_new_story_under_its_headline_and_byline_is_still_cut() -> None:
    blocks = _blocks([*_STORY, "Farmers count the cost of drought", "By Anna Berg", *_OTHER])
    assert SecondStoryRule().find_boundary(blocks) == 4


def test_the_same_section_under_a_quote_or_a_bare_label_is_not_cut() -> None:
    quote = "“We never doubted the town would stand with us,” she said"
    assert (
        SecondStoryRule().find_boundary(_blocks([*_STORY, quote, "By Anna Berg", *_OTHER])) is None
    )
    assert (
        SecondStoryRule().find_boundary(_blocks([*_STORY, "Analysis", "By Anna Berg", *_OTHER]))
        is None
    )
