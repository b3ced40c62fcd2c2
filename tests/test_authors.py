"""`cleaners.authors`: bylines and author fields to clean, split, de-duplicated names."""

from __future__ import annotations

import random

import pytest

from cleaners import authors
from cleaners.authors import (
    byline_rest,
    clean_name,
    finalize,
    looks_like_person,
    name_key,
    split_names,
)

SPLITS = [
    ("Jane Roe", ["Jane Roe"]),
    ("By Jane Roe and John Doe", ["Jane Roe", "John Doe"]),
    ("Danielle Ames, Donna Enz, and Natalie Ng", ["Danielle Ames", "Donna Enz", "Natalie Ng"]),
    ("A. Roe, B. Doe & C. Poe", ["A. Roe", "B. Doe", "C. Poe"]),
    ("Jane Roe; John Doe", ["Jane Roe", "John Doe"]),
    ("Written by: Jane Roe", ["Jane Roe"]),
    ("Jane Roe, MS, RD", ["Jane Roe"]),
    ("John Doe PhD", ["John Doe"]),
    ("Ellen Lind, VMD, DACVB; Mona Feyer, BA", ["Ellen Lind", "Mona Feyer"]),
    ("Jane Roe, Staff Writer", ["Jane Roe"]),
    ("Jane Roe Senior Editor", ["Jane Roe"]),
    ("Jane Roe, Shipping Expert", ["Jane Roe"]),
    ("Jane Roe (Example Blog)", ["Jane Roe"]),
    ("Jane Roe Updated Aug 14, 2025", ["Jane Roe"]),
    ("Par Jean Dupont et Marie Curie", ["Jean Dupont", "Marie Curie"]),
    ("بقلم: سارة الخطيب و محمد العلي", ["سارة الخطيب", "محمد العلي"]),
    ("Daniel O&#039;Rourke", ["Daniel O'Rourke"]),
    ("Staff Writer", []),
    ("https://example.com/author/jane-roe", []),
    ("jane@example.com", []),
]


@pytest.mark.parametrize(("text", "names"), SPLITS)
def test_split_names(text: str, names: list[str]) -> None:
    assert split_names(text) == names


def test_agency_is_kept_only_without_a_person() -> None:
    assert finalize(split_names("Jane Roe | Reuters")) == ["Jane Roe"]
    assert finalize(split_names("Staff Writer | AFP")) == ["AFP"]
    assert finalize(split_names("AFP, Reuters")) == ["AFP", "Reuters"]


def test_finalize_keeps_the_first_spelling_in_order() -> None:
    assert finalize(["Jane Roe", "John Doe", "jane  roe", "Dr. John Doe"]) == [
        "Jane Roe",
        "John Doe",
    ]


def test_name_key_ignores_case_space_punctuation_and_honorific() -> None:
    assert name_key("Dr. Jane  O'Neil") == name_key("jane oneil") == "janeoneil"
    assert name_key("Dr") == "dr"  # a lone honorific is not dropped to nothing


def test_byline_rest() -> None:
    assert byline_rest("By Jane Roe") == "Jane Roe"
    assert byline_rest("Written by") == ""
    assert byline_rest("Byron Bay floods") is None  # "By" must be a word of its own
    assert byline_rest("Services are structured in tiers:") is None


def test_clean_name_rejects_what_is_no_name() -> None:
    assert clean_name("Senior Political Correspondent") is None
    assert clean_name("12345") is None
    assert clean_name("one two three four five six seven") is None


def test_looks_like_person() -> None:
    assert looks_like_person("Ludwig van Beethoven")
    assert looks_like_person("سارة الخطيب")
    assert not looks_like_person("clicking here")


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("News Desk", ["News Desk"]),
        ("TOI Lifestyle Desk", ["TOI Lifestyle Desk"]),
        ("The Currency editors", ["The Currency editors"]),
        ("Our Editors", ["Our Editors"]),
        ("By Jane Roe Staff Writer", ["Jane Roe"]),  # a job title after a name is still cut
        ("View all posts by Staff", []),  # interface words before the group word
    ],
)
def test_newsroom_groups_are_kept_whole(text: str, names: list[str]) -> None:
    assert split_names(text) == names


def test_a_newsroom_group_gives_way_to_no_one_but_is_not_a_person() -> None:
    from cleaners.authors import is_collective

    assert finalize(["Jane Roe", "Data Team"]) == ["Jane Roe", "Data Team"]
    assert is_collective("Data Team") and not is_collective("Jane Roe")


def test_a_team_desk_or_agency_after_a_spaced_dash_is_where_the_name_works() -> None:
    assert split_names("David Jackson - FullStack Editorial Team") == ["David Jackson"]
    assert split_names("Jane Roe – Reuters") == ["Jane Roe"]
    assert split_names("Jane Roe — Staff Writer") == ["Jane Roe"]
    # a name after the dash is kept as written (a double surname, not an affiliation)
    assert split_names("Mary Smith - Jones") == ["Mary Smith - Jones"]


def test_round_bullets_separate_a_name_from_the_date() -> None:
    assert split_names("Meaghan Weeden ● December 23, 2025 ●") == ["Meaghan Weeden"]


def _plain_byline_rest(text: str) -> str | None:
    text = text.strip(authors._EDGE)
    folded = text.casefold()
    for prefix in authors.vocabulary().prefixes:
        if folded.startswith(prefix):
            rest = text[len(prefix) :]
            if not rest or rest[0] in " :\u00a0-–—" or not prefix.isascii():
                return rest.strip(authors._EDGE)
    return None


def test_byline_rest_equals_the_test_of_every_prefix() -> None:
    rng = random.Random(4)
    prefixes = authors.vocabulary().prefixes
    openers = [*prefixes, "Verfaßt von", "BY", "Byzantine", "ﬁle", "İstanbul", "", "Jane"]
    found = 0
    for _ in range(3000):
        opener = rng.choice(openers)
        opener = "".join(c.upper() if rng.random() < 0.3 else c for c in opener)
        text = (
            rng.choice(["", " ", "| ", "(", "— "])
            + opener
            + rng.choice(["", " ", ":", ": ", "-", "\u00a0", "x"])
            + rng.choice(["", "Jane Roe", "Ünal Öz", "علي حسن"])
        )
        expected = _plain_byline_rest(text)
        assert authors.byline_rest(text) == expected, text
        found += expected is not None
    assert found > 1000  # the comparison is not vacuous
