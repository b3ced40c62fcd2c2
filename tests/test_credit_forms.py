"""Credit and date lines in the forms real outlets print (issue 11, classes 3 and 4)."""

from __future__ import annotations

import pytest

from cleaners import clean_text
from cleaners.rules.bylines import BylineRule, DateLineRule
from cleaners.rules.line_patterns import classify_line


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("البصرة: علي حسين", ["علي حسين"]),  # Arabic "City: Name"
        ("الدوحة - قنا", []),  # city and agency: no person
        ("Reuters", []),  # an agency alone on its line
        # a desk instead of a person: the group, the author only when no person is named
        ("Online Desk", ["Online Desk"]),
        ("Our Correspondent, Amman", []),
        ("Karachi Courier – Karachi", []),  # "Outlet – City"
        ("Ahmed Fathy and Nadia Kamal | Reuters", ["Ahmed Fathy", "Nadia Kamal"]),
        ("Par Karim Saadi et Leïla Mansouri", ["Karim Saadi", "Leïla Mansouri"]),
        ("记者 李明", ["李明"]),
        # names joined by and/&/commas, then a comma and a story agency, no "By"
        ("Meg Kinnard and Errin Haines, Associated Press", ["Meg Kinnard", "Errin Haines"]),
        (
            "Meg Kinnard, Errin Haines and Bill Barrow, The Associated Press",
            ["Meg Kinnard", "Errin Haines", "Bill Barrow"],
        ),
        ("Ahmed Fathy & Nadia Kamal, AFP", ["Ahmed Fathy", "Nadia Kamal"]),
        ("Jean Dupont et Marie Curie, l'AFP", ["Jean Dupont", "Marie Curie"]),
        ("Ahmed Fathy and Nadia Kamal / Reuters", ["Ahmed Fathy", "Nadia Kamal"]),
        # one name before the agency reads as a place as well ("New York, Reuters"): a
        # credit line removed, nobody named
        ("Jill Lawless, AP", []),
        ("Abu Dhabi, WAM", []),
    ],
)
def test_credit_line_forms(line: str, authors: list[str]) -> None:
    parsed = BylineRule().parse(line)
    assert parsed is not None and parsed[0] == authors


@pytest.mark.parametrize(
    "line",
    [
        "Gaza: ceasefire talks resume in Cairo",  # a headline with a colon
        "Photo: Reuters",  # a picture credit (captions)
        "Kuwait marathon draws record field",
        "John Smith and Ann Lee, Getty Images",  # a picture library credits photographs
        "Partners: BBC, CNN, Reuters",  # outlets listed, not people
        "Sky and CNN, Reuters",
        "Meg Kinnard and Errin Haines, Associated Press.",  # a sentence's end
    ],
)
def test_not_a_credit_line(line: str) -> None:
    assert BylineRule().parse(line) is None


def test_one_name_before_an_agency_is_an_author_when_the_metadata_names_them() -> None:
    assert BylineRule().parse("Jill Lawless, AP", {"jill lawless"}) == (["Jill Lawless"], [])


def test_names_then_agency_fill_authors_and_leave_the_body() -> None:
    paragraphs = [
        "Voters in South Carolina lined up before dawn on Saturday as the state held its "
        "primary, with turnout in some counties above the last contest's.",
        "Officials said the count would run late into the night in the larger counties, "
        "where mail ballots are still being checked by hand.",
    ]
    dump = "\n\n".join(
        [
            "South Carolina voters turn out early for the primary",
            "Meg Kinnard and Errin Haines, Associated Press",
            *paragraphs,
        ]
    )
    article = clean_text(dump)
    assert article.authors == ("Meg Kinnard", "Errin Haines")
    assert article.text == "\n\n".join(paragraphs)
    assert [(r.reason, r.text) for r in article.removed] == [
        ("byline", "Meg Kinnard and Errin Haines, Associated Press")
    ]


@pytest.mark.parametrize(
    ("line", "dates"),
    [
        ("Published on 12 March 2024Published on 12 March 2024", [("published", "2024-03-12")]),
        ("3 February 2024 | 18:05 GST", [("published", "2024-02-03T18:05:00")]),
        ("آخر تحديث: 20 مايو 2024 | 14:30", [("updated", "2024-05-20T14:30:00")]),
        (
            "نشر في: الأحد 3 جمادى الآخرة 1445 هـ - 17 ديسمبر 2023",
            [("published", "2023-12-17")],  # the Gregorian date, not the Hijri one
        ),
    ],
)
def test_date_line_forms(line: str, dates: list[tuple[str, str]]) -> None:
    assert DateLineRule().parse(line) == dates


@pytest.mark.parametrize("line", ["3 hours ago", "il y a 2 heures", "منذ 3 ساعات"])
def test_relative_ages_are_date_lines_without_a_date(line: str) -> None:
    assert classify_line(line) == "date_line"
    assert DateLineRule().parse(line) is None  # kept out of `published`


def test_the_headline_search_shortcut_agrees_with_the_full_byline_parse() -> None:
    # is_furniture asks BylineRule().parse(line, dates=False): the same lines must be bylines
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "fixtures"
    lines = {
        line.strip()
        for raw in root.rglob("*.txt")
        for line in raw.read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    lines |= {
        "By Jane Doe - 12 March 2024 - Last updated at 13 March 2024 10:05",
        "By Jane Doe | Monday, March 4, 2024 at 10:15 am EST",
        "By Jane Doe - this segment is a long sentence and not a date at all",
    }
    rule = BylineRule()
    disagree = [t for t in lines if (rule.parse(t) is None) != (rule.parse(t, dates=False) is None)]
    assert disagree == []
    assert sum(rule.parse(t) is not None for t in lines) > 20  # bylines were among them
