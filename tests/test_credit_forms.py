"""Credit and date lines in the forms real outlets print (issue 11, classes 3 and 4)."""

from __future__ import annotations

import pytest

from cleaners.rules.bylines import BylineRule, DateLineRule
from cleaners.rules.line_patterns import classify_line


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("البصرة: علي حسين", ["علي حسين"]),  # Arabic "City: Name"
        ("الدوحة - قنا", []),  # city and agency: no person
        ("Reuters", []),  # an agency alone on its line
        ("Online Desk", []),  # a desk instead of a person
        ("Our Correspondent, Amman", []),
        ("Karachi Courier – Karachi", []),  # "Outlet – City"
        ("Ahmed Fathy and Nadia Kamal | Reuters", ["Ahmed Fathy", "Nadia Kamal"]),
        ("Par Karim Saadi et Leïla Mansouri", ["Karim Saadi", "Leïla Mansouri"]),
        ("记者 李明", ["李明"]),
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
    ],
)
def test_not_a_credit_line(line: str) -> None:
    assert BylineRule().parse(line) is None


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
