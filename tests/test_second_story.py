"""The unrelated second story (infinite scroll) is cut; a same-topic subheading section stays.

Each case is a pair on one main story: the same page continued either by an unrelated story
(new headline, its own byline and paragraphs on another topic) or by a subheading section
that carries on the main story's topic. A bare heading over paragraphs on another topic is
not a new story: it needs furniture of its own (issue 11, class 6).
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from cleaners import clean_text
from tests.pages import page, paragraphs


@dataclass(frozen=True)
class Pair:
    name: str
    main: tuple[str, ...]  # title, then body paragraphs
    unrelated: tuple[str, ...]  # headline, then body paragraphs
    subheading: tuple[str, ...]  # subheading, then body paragraphs


PAIRS = [
    Pair(
        name="monorail_then_marathon",
        main=(
            "Cairo opens first stretch of monorail to the new capital",
            "Egypt's transport ministry opened the first section of a monorail linking eastern "
            "Cairo with the New Administrative Capital on Sunday, with trains running every "
            "fifteen minutes during a trial period.",
            "The elevated line runs for 56 kilometres through the desert east of the city and "
            "is meant to serve civil servants whose ministries have moved to the new capital.",
            "Tickets for the full trip will cost 30 pounds during the trial, the ministry said, "
            "and passengers will be able to pay with bank cards at the stations.",
            "The monorail was built by a consortium led by a British train maker and two "
            "Egyptian construction companies at a cost of about $4.5 billion.",
        ),
        unrelated=(
            "Kuwait marathon draws record field despite summer heat",
            "By Hamad Al Mutairi",  # its own byline: a new story's furniture
            "More than 9,000 runners took part in the Kuwait City marathon on Saturday, "
            "organisers said, with the start moved to five in the morning to avoid the worst "
            "of the temperature.",
            "A Kenyan athlete won the men's race in just over two hours and nine minutes, while "
            "an Ethiopian runner took the women's title.",
            "Volunteers handed out iced towels along the seafront course, and medical teams "
            "treated dozens of amateur runners for exhaustion.",
        ),
        subheading=(
            "Stations still unfinished",
            "Several of the monorail's twenty-two stations are still under construction, and "
            "trains will not stop at them until the work is finished later this year.",
            "Engineers said the remaining stations needed lifts, ticket halls and bridges "
            "connecting them to nearby roads before passengers could use them.",
            "The ministry said a second monorail line, linking western Cairo with Sixth of "
            "October City, would open in stages from next year.",
        ),
    ),
    Pair(
        name="sardines_then_chess",
        main=(
            "Oman's sardine catch collapses as warmer seas drive shoals away",
            "Fishermen on Oman's Arabian Sea coast landed less than half their usual sardine "
            "catch this season, the fisheries ministry said, blaming warmer water that pushed "
            "the shoals further offshore.",
            "Sardines are the backbone of the small-boat fleet in Dhofar and Al Wusta, where "
            "they are sold fresh, dried on the beach or ground into animal feed.",
            "Boat owners said fuel costs had doubled because crews now had to sail for hours to "
            "find fish, and several fishing villages had stopped sending boats out at all.",
            "The ministry said it would pay fishermen a monthly allowance until the sardine "
            "season ends in March.",
        ),
        unrelated=(
            "Tunisian teenager becomes youngest grandmaster in Africa",
            "By Amel Ben Salah",  # its own byline: a new story's furniture
            "A 14-year-old schoolgirl from Sousse earned the title of chess grandmaster on "
            "Friday after drawing her final game at a tournament in Budapest.",
            "Her coach said she had learnt to play on a board carved by her grandfather and "
            "studied openings online every evening after school.",
            "The Tunisian chess federation said it would ask the government to fund her "
            "travel to next year's world youth championship.",
        ),
        subheading=(
            "Fishing villages empty",
            "In Sadh and Mirbat, dozens of sardine boats lie on the sand and fishermen say "
            "younger crews have left for jobs in the ports and the oil fields.",
            "Women who dry the fish on the beach and sell it to farmers have lost their main "
            "source of income this season.",
            "Marine scientists at Sultan Qaboos University said warmer seas could make poor "
            "sardine seasons more common along the coast.",
        ),
    ),
    Pair(
        name="solar_then_museum",
        main=(
            "Jordan switches on its largest solar farm in the eastern desert",
            "A 300-megawatt solar farm near Al Mafraq began supplying Jordan's national grid "
            "on Wednesday, the energy ministry said, enough to power about 200,000 homes.",
            "The plant, built by an Emirati developer, covers more than 600 hectares of desert "
            "and uses panels that tilt through the day to follow the sun.",
            "Renewable sources now produce more than a quarter of the kingdom's electricity, "
            "up from almost nothing a decade ago, according to ministry figures.",
            "Officials said the solar farm would cut the country's bill for imported gas by "
            "tens of millions of dinars a year.",
        ),
        unrelated=(
            "Baghdad bookshop street reopens after fire",
            "By Zaid Hassan",  # its own byline: a new story's furniture
            "Booksellers on Baghdad's Mutanabbi Street reopened their stalls on Friday, six "
            "months after a fire destroyed a row of shops and thousands of rare volumes.",
            "Poets read verses to crowds in the courtyard of a restored Ottoman-era cafe as "
            "families browsed second-hand novels and school textbooks.",
            "The municipality said the rebuilt shops had fire alarms and that a new water main "
            "had been laid under the pavement.",
        ),
        subheading=(
            "Grid struggles to keep up",
            "Engineers at the national electricity company say the grid cannot yet absorb all "
            "the solar power produced at midday, and some solar farms are told to cut output.",
            "The energy ministry plans to build large batteries next to the solar farm so that "
            "electricity can be stored for the evening peak.",
            "Jordan also wants to export solar electricity to Iraq and Lebanon through new "
            "power lines, the ministry said.",
        ),
    ),
]
IDS = [p.name for p in PAIRS]

# Since ba453cd the cohesion tokenizer takes 3-letter words, but stopwords_en.txt lists none
# ("the", "and", "for", "two"...), so any English section shares them with the main story.
CUT_CASES = [pytest.param(p, id=p.name) for p in PAIRS]


@pytest.mark.parametrize("pair", CUT_CASES)
def test_unrelated_story_is_cut_from_its_headline_to_the_end(pair: Pair) -> None:
    article = clean_text(page(*pair.main, *pair.unrelated))
    assert article.title == pair.main[0]
    assert paragraphs(article) == list(pair.main[1:])
    assert [(r.reason, r.rule, r.text) for r in article.removed] == [
        ("second_story", "second_story", line) for line in pair.unrelated
    ]


@pytest.mark.parametrize("pair", CUT_CASES)
def test_cut_takes_the_debris_after_the_second_story_too(pair: Pair) -> None:
    footer = "© 2024 Gulf Morning Post"
    article = clean_text(page(*pair.main, *pair.unrelated, footer))
    assert paragraphs(article) == list(pair.main[1:])
    assert [r.text for r in article.removed] == [*pair.unrelated, footer]
    assert {r.reason for r in article.removed} == {"second_story"}


@pytest.mark.parametrize("pair", PAIRS, ids=IDS)
def test_same_topic_subheading_section_is_kept(pair: Pair) -> None:
    article = clean_text(page(*pair.main, *pair.subheading))
    assert article.title == pair.main[0]
    assert paragraphs(article) == [*pair.main[1:], *pair.subheading]
    assert article.removed == ()


@pytest.mark.parametrize("pair", CUT_CASES)
def test_subheading_kept_and_later_unrelated_story_cut(pair: Pair) -> None:
    article = clean_text(page(*pair.main, *pair.subheading, *pair.unrelated))
    assert paragraphs(article) == [*pair.main[1:], *pair.subheading]
    assert [r.text for r in article.removed] == list(pair.unrelated)
    assert {r.reason for r in article.removed} == {"second_story"}


@pytest.mark.parametrize("pair", CUT_CASES)
def test_a_bare_heading_over_another_topic_is_kept(pair: Pair) -> None:
    """Without a byline, date, captions or widgets, low word overlap alone cuts nothing."""
    bare = (pair.unrelated[0], *pair.unrelated[2:])
    article = clean_text(page(*pair.main, *bare))
    assert paragraphs(article) == [*pair.main[1:], *bare]
    assert article.removed == ()


def test_headline_too_early_is_not_a_boundary() -> None:
    """The main story needs a body of its own before a second story can start."""
    pair = PAIRS[0]
    article = clean_text(page(*pair.main[:2], *pair.unrelated))
    # nothing cut as a second story: the later headline stays, only its byline line goes
    assert [(r.reason, r.text) for r in article.removed] == [("byline", pair.unrelated[1])]
    assert paragraphs(article) == [pair.main[1], pair.unrelated[0], *pair.unrelated[2:]]


def test_a_line_printed_before_is_no_new_headline() -> None:
    """A title-like line printed under every picture (a photo set's label) comes again just
    above the appended story: the cut starts at the story's own headline, not at the label."""
    pair = PAIRS[0]
    label = "Monorail Trial Week Photo Gallery From The New Capital"
    main = pair.main
    lines = (
        main[0],
        main[1],
        label,
        main[2],
        label,
        *main[3:],
        label,
        "Photo: AFP",
        *pair.unrelated,
    )
    article = clean_text(page(*lines))
    cut = [r.text for r in article.removed if r.reason == "second_story"]
    assert cut == list(pair.unrelated)


@pytest.mark.parametrize("label", ["Advertisement", "Publicidad", "Anzeige"])
def test_a_paragraph_cut_by_an_ad_slot_is_no_new_headline(label: str) -> None:
    """A page that cuts a paragraph with an ad label leaves a headline-like first half above
    the label ("Junior sculler Priya" / "Advertisement" / "Nair, fifteen, took…"): the
    second half goes on with the story however far its words wander; only the label goes."""
    pair = PAIRS[0]
    half = "Engineers from the consortium said"
    rest = [
        "Berlin-based suppliers had delivered forty carriages, each tested for a fortnight on a "
        "short loop beside their depot before joining regular service.",
        "Their crews are being recruited from former metro drivers, who will spend six weeks "
        "learning to operate driverless trains from a supervision room.",
    ]
    article = clean_text(page(*pair.main, half, label, *rest))
    assert paragraphs(article) == [*pair.main[1:], half, *rest]
    assert [(r.reason, r.text) for r in article.removed] == [("advertisement", label)]


def test_a_new_story_under_an_ad_slot_is_still_cut() -> None:
    """The ad label above a new story's headline (between two pages) leaves the cut alone."""
    pair = PAIRS[0]
    article = clean_text(page(*pair.main, "Advertisement", *pair.unrelated))
    cut = [r.text for r in article.removed if r.reason == "second_story"]
    assert cut == list(pair.unrelated)
