"""An author's bio closing a post is removed; a story's own sentences about people are kept."""

from __future__ import annotations

import pytest

from cleaners import clean_text
from cleaners.rules.author_bio import is_bio

STORY = [
    "Council approves new cycle lanes along the river",
    "The city council voted on Tuesday to build four kilometres of protected cycle lanes along "
    "the river, linking the two largest neighbourhoods with the station for the first time.",
    "Work is due to start in the spring and last about eight months, during which one lane of "
    "the riverside road will be closed to cars between the two bridges at the busiest times.",
    "Shopkeepers on the route had asked for loading bays to be kept, and the final plan keeps "
    "six of them, the council said, after a consultation that drew more than two thousand replies.",
]


@pytest.mark.parametrize(
    "text",
    [
        "Jane Doe is a freelance writer based in Denver who covers housing and transport.",
        "(Paul Example is an associate attorney at a firm in Hartford.)",
        "Dr Alex Sample is the site's chief HR scientist and a professor of practice.",
        "Chris Example covers biotech and co-hosts the weekly podcast.",
        "Camille Exemple est journaliste scientifique et collabore avec plusieurs revues.",
        "Lena Beispiel ist freie Journalistin und schreibt über Verkehr und Stadtplanung.",
        "María Ejemplo es periodista especializada en salud pública.",
    ],
)
def test_bio_openings(text: str) -> None:
    assert is_bio(text)


@pytest.mark.parametrize(
    "text",
    [
        "Mr Khan is expected to be asked about the meetings at the inquest.",
        "The Times is committed to publishing a diversity of letters to the editor.",
        "Golden State is 9-7 away from home this season.",
        "QuickBooks Online is the most versatile option for self-employed professionals.",
        "Alicia Molik was beaten in her singles tie earlier today.",
    ],
)
def test_story_sentences_are_no_bio(text: str) -> None:
    assert not is_bio(text)


def test_bio_after_the_story_is_removed() -> None:
    bio = "Sam Example is a transport reporter for the paper and has covered city hall since 2015."
    record = clean_text("\n\n".join([*STORY, bio]))
    assert bio not in record.text
    assert [(r.reason, r.rule) for r in record.removed if r.text == bio] == [
        ("author_bio", "author_bio")
    ]


def test_a_person_introduced_inside_the_story_is_kept() -> None:
    # a sentence about a person with a role, followed by more story: not at the story's end
    person = "Ana Example is a professor of urban planning who advised the council on the route."
    lines = [*STORY[:2], person, *STORY[2:], STORY[1].replace("Tuesday", "Monday")]
    lines += [STORY[2].replace("spring", "summer"), STORY[3].replace("six", "five")]
    record = clean_text("\n\n".join(lines))
    assert person in record.text


def test_a_page_that_is_only_a_bio_keeps_it() -> None:
    bio = "Sam Example is a transport reporter for the paper and has covered city hall since 2015."
    record = clean_text("\n\n".join([STORY[0], bio]))
    assert all(r.reason != "author_bio" for r in record.removed)


def test_a_bio_going_on_in_a_second_paragraph_goes_with_it() -> None:
    bio = "Sam Example is a transport reporter for the paper and has covered city hall since 2015."
    more = "Sam holds a degree in journalism and lives in the old town with two cats."
    record = clean_text("\n\n".join([*STORY, bio, more]))
    assert [r.text for r in record.removed if r.reason == "author_bio"] == [bio, more]


def test_an_author_box_goes_with_its_heading() -> None:
    from cleaners.blocks import Block, Page
    from cleaners.rules.author_bio import AuthorBioRule

    box = ["About the Author", "Sam Example", "Sam writes about transport and city planning."]
    page = Page(blocks=[Block(i, t) for i, t in enumerate([*STORY, *box])], source="<test>")
    AuthorBioRule().apply(page)
    assert [b.text for b in page.blocks if not b.kept] == box


def test_the_heading_in_other_languages() -> None:
    from cleaners.rules.author_bio import is_bio_heading

    for heading in ("Über den Autor", "À propos de l'auteur", "Sobre el autor:", "Sobre o autor"):
        assert is_bio_heading(heading), heading
    assert not is_bio_heading("About the author of the new law, a former judge")


def test_a_person_the_story_named_before_is_no_author() -> None:
    story = [
        "Abbas meets envoys on the ceasefire talks in Ramallah",
        "The Palestinian president, Mahmoud Abbas, met European envoys in Ramallah on Monday to "
        "discuss the ceasefire talks, his office said in a statement after the meeting.",
        "Abbas told the envoys that any agreement must include the reopening of the crossings "
        "and a timetable for reconstruction, according to the statement.",
        "The envoys are due to travel to Cairo later this week for further talks with Egyptian "
        "and Qatari mediators, diplomats said.",
        "Negotiators have met several times since the summer without agreeing on the sequence of "
        "the steps, and both sides have accused the other of delaying the talks.",
    ]
    context = (
        "Mahmoud Abbas is the president of the Palestinian Authority and heads the Fatah movement."
    )
    record = clean_text("\n\n".join([*story, context]))
    assert context in record.text
