"""Fields filled from the page: authors from bylines, dates from date lines, title, subtitle."""

from __future__ import annotations

import pytest

from cleaners import clean_text
from cleaners.rules.standfirst import is_byline_or_date_line, is_credit_line
from tests.pages import BODY, TITLE, page, paragraphs

BYLINES = [
    ("By Salma Ben Youssef", ["Salma Ben Youssef"]),
    ("Written by Salma Ben Youssef", ["Salma Ben Youssef"]),
    ("By Salma Ben Youssef and Karim Jaziri", ["Salma Ben Youssef", "Karim Jaziri"]),
    (
        "By Salma Ben Youssef, Karim Jaziri and Hedi Trabelsi",
        ["Salma Ben Youssef", "Karim Jaziri", "Hedi Trabelsi"],
    ),
    ("By Salma Ben Youssef | Staff Reporter", ["Salma Ben Youssef"]),
    ("Par Salma Ben Youssef", ["Salma Ben Youssef"]),
    ("بقلم سلمى بن يوسف", ["سلمى بن يوسف"]),
    (
        "Reporting by Salma Ben Youssef and Karim Jaziri; Editing by Hedi Trabelsi",
        ["Salma Ben Youssef", "Karim Jaziri"],
    ),
    (
        "(Reporting by Salma Ben Youssef in Tunis; Writing by Karim Jaziri; "
        "Editing by Hedi Trabelsi)",
        ["Salma Ben Youssef", "Karim Jaziri"],
    ),
    ("Additional reporting by Salma Ben Youssef in Sfax", ["Salma Ben Youssef"]),
]


@pytest.mark.parametrize(("line", "authors"), BYLINES, ids=[b[0][:40] for b in BYLINES])
def test_byline_fills_authors(line: str, authors: list[str]) -> None:
    # Wire credits sit at the foot of the story, other bylines under the headline.
    lines = [TITLE, *BODY, line] if "porting by" in line else [TITLE, line, *BODY]
    article = clean_text(page(*lines))
    assert list(article.authors) == authors
    assert [(r.reason, r.rule, r.text) for r in article.removed] == [("byline", "byline", line)]
    assert paragraphs(article) == list(BODY)


def test_byline_with_dates_fills_authors_published_and_updated() -> None:
    line = "By Salma Ben Youssef - 14 March 2023 - Last updated at 16 March 2023 08:05"
    article = clean_text(page(TITLE, line, *BODY))
    assert article.authors == ("Salma Ben Youssef",)
    assert article.published == "2023-03-14"
    assert article.updated == "2023-03-16T08:05:00"


def test_author_named_twice_is_listed_once() -> None:
    article = clean_text(
        page(TITLE, "By Salma Ben Youssef", *BODY, "Reporting by Salma Ben Youssef in Tunis")
    )
    assert article.authors == ("Salma Ben Youssef",)


def test_byline_with_place_and_role() -> None:
    line = "By Salma Ben Youssef, Tunis correspondent"
    article = clean_text(page(TITLE, line, *BODY))
    assert article.authors == ("Salma Ben Youssef",)
    assert line not in paragraphs(article)


# (date line, published, updated)
DATE_LINES = [
    ("Published on 14 March 2023", "2023-03-14", None),
    ("Published: 14/03/2023", "2023-03-14", None),
    ("Tuesday 14 March 2023", "2023-03-14", None),
    ("Tuesday 14 March 2023 15:32 GMT", "2023-03-14T15:32:00", None),
    ("Updated: 16 March 2023 8:05 pm", "2023-03-16T20:05:00", "2023-03-16T20:05:00"),
    ("Updated: 16 March 2023", "2023-03-16", "2023-03-16"),
    (
        "Last updated 2023-03-16T08:05:00+01:00",
        "2023-03-16T08:05:00+01:00",
        "2023-03-16T08:05:00+01:00",
    ),
    ("Posted on 14 March 2023 | Updated on 16 March 2023", "2023-03-14", "2023-03-16"),
    ("Publié le 12 avril 2023", "2023-04-12", None),
    ("نشر في 14 مارس 2023", "2023-03-14", None),
]


@pytest.mark.parametrize(
    ("line", "published", "updated"), DATE_LINES, ids=[d[0][:40] for d in DATE_LINES]
)
def test_date_line_fills_dates(line: str, published: str, updated: str | None) -> None:
    article = clean_text(page(TITLE, line, *BODY))
    assert (article.published, article.updated) == (published, updated)
    assert [(r.reason, r.rule, r.text) for r in article.removed] == [
        ("date_line", "date_line", line)
    ]
    assert paragraphs(article) == list(BODY)


def test_updated_only_gives_published_equal_to_updated() -> None:
    article = clean_text(page(TITLE, "Updated: 16 March 2023 08:05", *BODY))
    assert article.updated == "2023-03-16T08:05:00"
    assert article.published == article.updated


def test_published_and_updated_lines_on_their_own() -> None:
    raw = page(TITLE, "Published: 14 March 2023", "Updated: 16 March 2023 08:05", *BODY)
    article = clean_text(raw)
    assert (article.published, article.updated) == ("2023-03-14", "2023-03-16T08:05:00")


def test_partial_date_line_is_not_a_date() -> None:
    line = "Published: March 2023"
    article = clean_text(page(TITLE, line, *BODY))
    assert (article.published, article.updated) == (None, None)
    # not a date line: only the short line between headline and story it is
    assert [r.reason for r in article.removed if r.text == line] == ["furniture"]


def test_no_date_anywhere_leaves_dates_null() -> None:
    article = clean_text(page(TITLE, *BODY))
    assert (article.published, article.updated) == (None, None)


def test_title_is_null_when_the_first_line_is_a_sentence() -> None:
    article = clean_text(page(*BODY))
    assert article.title is None
    assert article.subtitle is None
    assert paragraphs(article) == list(BODY)


def test_short_sentence_first_is_not_a_title() -> None:
    first = "Olive growers in Tunisia lost much of their harvest this year."
    article = clean_text(page(first, *BODY))
    assert article.title is None
    assert paragraphs(article)[0] == first


def test_standfirst_without_full_stop_is_the_subtitle() -> None:
    standfirst = "Farmers say the crop could be the smallest in a decade as exporters renegotiate"
    article = clean_text(page(TITLE, standfirst, *BODY))
    assert (article.title, article.subtitle) == (TITLE, standfirst)
    assert paragraphs(article) == list(BODY)
    assert article.removed == ()


def test_lead_ending_with_full_stop_stays_in_the_body() -> None:
    lead = "Farmers say the crop could be the smallest in a decade."
    article = clean_text(page(TITLE, lead, *BODY))
    assert article.title == TITLE
    assert article.subtitle is None
    assert paragraphs(article) == [lead, *BODY]


@pytest.mark.parametrize(
    "lead",
    [
        "Growers in the south list three reasons for the smaller harvest:",
        "Les producteurs du sud avancent trois raisons à cette mauvaise récolte :",
    ],
)
def test_lead_introducing_the_next_lines_with_a_colon_stays_in_the_body(lead: str) -> None:
    article = clean_text(page(TITLE, lead, *BODY))
    assert article.title == TITLE
    assert article.subtitle is None
    assert paragraphs(article) == [lead, *BODY]


@pytest.mark.parametrize(
    "line",
    [
        "CLICK FOR THE FULL RESULTS OF THE REGIONAL HARVEST SURVEY",
        "HIER KLICKEN FÜR DIE KOMPLETTEN ERGEBNISSE DER UMFRAGE",
    ],
)
def test_a_line_in_capitals_under_the_title_is_not_a_subtitle(line: str) -> None:
    """Capitals throughout make a label or a call to action, not a standfirst: the line stays
    where it is, in the body."""
    article = clean_text(page(TITLE, line, *BODY))
    assert article.title == TITLE
    assert article.subtitle is None
    assert line in paragraphs(article)


def test_short_line_under_the_title_is_not_a_subtitle() -> None:
    article = clean_text(page(TITLE, "Heat and drought", *BODY))
    assert article.subtitle is None
    assert paragraphs(article) == list(BODY)
    assert [(r.text, r.reason, r.rule) for r in article.removed] == [
        ("Heat and drought", "furniture", "headline")
    ]


def test_title_and_subtitle_found_under_top_chrome() -> None:
    standfirst = "Exporters may have to renegotiate contracts with buyers in Spain and Italy"
    raw = page(
        "Skip to main content",
        "Home > Business",
        TITLE,
        standfirst,
        "By Salma Ben Youssef",
        "Updated: 16 March 2023",
        *BODY,
    )
    article = clean_text(raw)
    assert (article.title, article.subtitle) == (TITLE, standfirst)
    assert article.authors == ("Salma Ben Youssef",)
    assert paragraphs(article) == list(BODY)
    assert TITLE not in article.text
    assert standfirst not in article.text


def test_key_dates_list_in_the_body_is_not_a_date_line() -> None:
    key_dates = [
        "Key dates",
        "Applications open: 1 May 2024",
        "Deadline: 30 June 2024",
        "Payments begin: 15 September 2024",
    ]
    article = clean_text(page(TITLE, *BODY[:2], *key_dates, *BODY[2:]))
    assert article.published is None
    assert paragraphs(article) == [*BODY[:2], *key_dates, *BODY[2:]]


def test_event_line_with_date_invents_no_author() -> None:
    line = "Harvest Festival - 14 March 2023"
    article = clean_text(page(TITLE, *BODY[:2], line, *BODY[2:]))
    assert article.authors == ()


# Lines templates print under the headline, in the forms seen on real pages: none is a
# standfirst (cleaners/rules/standfirst.py).
BYLINE_OR_DATE_LINES = [
    "Reuters November 18, 2019 11:03 PM",
    "Posted on March 30, 2015 by Admin",
    "By Sherif Saed, Wednesday, 20 November 2019 08:05 GMT",
    "By Mike Wuerthele and Malcolm Owen Monday, November 18, 2019, 04:05 pm PT (07:05 pm ET)",
    "Updated Nov 19, 6:55 AM;Posted Nov 19, 6:51 AM",
    "October 12, 2018/0 Comments/in Company News /by webadmin",
    "The Associated Press Published Monday, November 18, 2019 8:22AM EST",
    "Analysis by Chris Cillizza, CNN Editor-at-large",
    "Carlos Nadalim 27/09/2018 Comente! Alfabetização, Brinquedos e Brincadeiras",
    # credit lines without a byline word: names, then a role after a separator
    "Tom Reyes | TV and Radio Writer",
    "Robert Lang, CTV Ottawa Bureau Chief",
    "Sally Green - Celebrity News Service Writer",
    # a reading time or a relative age after the byline or date
    "By Kyle Hart 15 min read",
    "Jun 08, 2023 • 11 Minute Read",
    "Par Claire Moreau · 3 min de lecture",
]
STANDFIRSTS = [
    "Farmers say the crop could be the smallest in a decade as exporters renegotiate",
    "Black Friday is Next Week, But Several Deals Go Live Today",
    "An unsubstantiated rumor was circulated in November 2019 to discredit the ambassador",
    "Twenty teams have punched tickets for next summer's tournament",
    "Why The Paper Still Needs A Night Editor",
    "The Editor Who Changed The Way We Write",
]


@pytest.mark.parametrize("line", BYLINE_OR_DATE_LINES)
def test_byline_or_date_line_under_the_title_is_not_a_subtitle(line: str) -> None:
    article = clean_text(page(TITLE, line, *BODY))
    assert article.title == TITLE
    assert article.subtitle is None
    assert paragraphs(article) == list(BODY)
    assert [r.reason for r in article.removed] in (["byline"], ["date_line"])


@pytest.mark.parametrize("line", STANDFIRSTS)
def test_standfirst_is_not_read_as_a_byline_or_date_line(line: str) -> None:
    assert not is_byline_or_date_line(line)
    article = clean_text(page(TITLE, line, *BODY))
    assert (article.title, article.subtitle) == (TITLE, line)
    assert article.removed == ()


def test_credit_line_naming_the_pages_authors_is_not_a_subtitle() -> None:
    """ "Name and Name OUTLET" under the headline: the names are the authors the page's
    metadata gives; without them, the same capitalised line may be a headline-style deck."""
    line = "Kevin Marsh and Lena Ortiz USA TODAY"
    assert is_credit_line(line, {"kevin marsh", "lena ortiz"})
    assert not is_credit_line(line, set())
    assert not is_credit_line("Kevin Marsh explains why the vote matters", {"kevin marsh"})


def test_byline_under_the_title_fills_the_authors_and_dates() -> None:
    article = clean_text(page(TITLE, "By Sherif Saed - 20 November 2019 08:05 GMT", *BODY))
    assert article.subtitle is None
    assert article.authors == ("Sherif Saed",)
    assert article.published is not None and article.published.startswith("2019-11-20")
    assert [r.reason for r in article.removed] == ["byline"]


def test_sentence_in_a_script_without_case_is_not_a_date_line() -> None:
    """Arabic words have no capital: they are not taken for names around the date."""
    line = "قال وزير الزراعة إن موسم الزيتون في 12 مارس 2024 سيكون الأسوأ منذ عقد"
    assert not is_byline_or_date_line(line)
