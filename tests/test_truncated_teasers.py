"""Runs of teasers cut off by an ellipsis are no part of a dump's story; one trailing
quotation inside the story is."""

from __future__ import annotations

from cleaners import clean_text
from cleaners.region import is_truncated, truncated_runs, truncated_teasers_cut

STORY = [
    "The regional parliament approved a new budget for rural schools on Thursday after a debate "
    "that lasted most of the night and ended with a narrow majority.",
    "The plan adds money for school buses and for repairs to buildings that have not been "
    "renovated since the 1970s, according to the education committee.",
    "Opposition members said the sums were too small to close the gap with the cities, where "
    "class sizes have fallen for five years in a row.",
    "The first payments are due in the spring, once the districts have sent in their lists of "
    "the most urgent repairs.",
]
TEASERS = [
    "Harbour authority signs deal for new cranes HAMBURG: The port's operator signed a contract "
    "for six new container cranes on Wednesday, saying the machines would...",
    "Rail strike called off after late-night talks BERLIN: The train drivers' union called off "
    "a strike planned for Friday after talks with the operator went on until…",
    "Museum reopens after two years of work MUNICH: The city's natural history museum reopened "
    "its doors on Saturday after a renovation that cost far more than...",
]


def test_truncated_line() -> None:
    assert is_truncated("the machines would...")
    assert is_truncated("went on until…")
    assert not is_truncated("It ended there.")
    assert not is_truncated("...")


def test_a_column_of_teasers_above_the_story_moves_the_start() -> None:
    texts = [*TEASERS, "Rural schools get more money", *STORY]
    assert truncated_runs(texts, (0, len(texts))) == [(0, 2)]
    assert truncated_teasers_cut(texts, (0, len(texts))) == (3, len(texts))


def test_a_column_of_teasers_below_the_story_ends_the_region() -> None:
    texts = [*STORY, "More stories", *TEASERS]
    assert truncated_teasers_cut(texts, (0, len(texts))) == (0, 4)


def test_one_trailing_quotation_stays() -> None:
    quote = "The mayor said only: 'We will see...'"
    texts = [*STORY[:2], quote, *STORY[2:]]
    assert truncated_teasers_cut(texts, (0, len(texts))) == (0, len(texts))


def test_dump_with_teasers_keeps_only_the_story() -> None:
    dump = "\n".join(["Home", "News", "Politics", *TEASERS, "Rural schools get more money", *STORY])
    record = clean_text(dump)
    assert record.title == "Rural schools get more money"
    assert record.text == "\n\n".join(STORY)
