"""A picture's bare credit line set into a dump's story ("Jamal Saidi/Reuters", "Marcus
Brandt/dpa") is a caption (`cleaners.rules.captions.is_slash_credit`): the line itself is
removed as `caption`, and it is no second story's headline: the story's paragraphs below the
picture stay."""

from __future__ import annotations

from cleaners import clean_text
from cleaners.record import Article
from cleaners.rules.captions import is_slash_credit
from tests.fixture_pairs import whole_page_text


def _record(name: str) -> Article:
    return clean_text(whole_page_text(name))


def test_the_story_below_a_picture_credit_stays() -> None:
    for name, credit, below in (
        (
            "credit_en_photo_credit_mid_story.txt",
            "Jamal Saidi/Reuters",
            "the United Nations envoy called for calm.",
        ),
        (
            "credit_de_fotograf_agentur.txt",
            "Marcus Brandt/dpa",
            "genaue Zahlen erwartet der Verband erst in einigen Wochen.",
        ),
    ):
        record = _record(name)
        assert below in record.text, name
        assert not [r for r in record.removed if r.reason == "second_story"], name
        # the credit line itself is the picture's: removed as a caption
        assert credit not in record.text.splitlines(), name
        assert [(r.reason, r.rule) for r in record.removed if r.text == credit] == [
            ("caption", "caption_credit")
        ], name


def test_a_second_story_with_a_credit_inside_is_still_cut() -> None:
    record = _record("credit_en_second_story_trap.txt")
    assert "Investigators said the bomb" in record.text
    assert "Farmers count the cost" not in record.text
    assert "Wheat growers" not in record.text


def test_slash_credits_are_name_over_agency_lines() -> None:
    assert is_slash_credit("Mohamed Azakir/Reuters")
    assert is_slash_credit("Hans Meier / dpa")
    assert is_slash_credit("AFP/Getty Images")
    assert not is_slash_credit("Rebels seize town/AP says more")
    assert not is_slash_credit("Input/Output")
    assert not is_slash_credit("Why the AP changed its style guide on Reuters/Ipsos polls")
