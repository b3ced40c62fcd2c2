"""`cleaners.dates.parse_date`: full dates to ISO 8601, partial dates to None."""

from __future__ import annotations

import pytest

from cleaners.dates import numeric_readings, parse_date, thai_common_era

FULL_DATES = [
    ("14 March 2023", "2023-03-14"),
    ("March 14, 2023", "2023-03-14"),
    ("Sept. 20, 2021", "2021-09-20"),
    ("Tuesday, 14 Mar 2023", "2023-03-14"),
    ("2023-03-14", "2023-03-14"),
    ("14/03/2023", "2023-03-14"),
    ("2023/03/14", "2023-03-14"),
]


@pytest.mark.parametrize(("text", "iso"), FULL_DATES)
def test_full_date(text: str, iso: str) -> None:
    assert parse_date(text) == iso


WITH_TIME = [
    ("14 March 2023 15:32", "2023-03-14T15:32:00"),
    ("March 14, 2023 3:32 PM", "2023-03-14T15:32:00"),
    ("14 March 2023 at 8:05 pm GMT", "2023-03-14T20:05:00"),
    ("Tuesday, 14 Mar 2023 - 03:32 AM", "2023-03-14T03:32:00"),
    ("1 March 2022 12:00 am", "2022-03-01T00:00:00"),
    ("1 March 2022 12:15 pm", "2022-03-01T12:15:00"),
    ("2023-03-14 15:32", "2023-03-14T15:32:00"),
    # a zone offset in its four-digit form, as JavaScript's Date prints it
    ("Tue Nov 19 2019 05:44:06 GMT+0000", "2019-11-19T05:44:06"),
    ("March 3, 2020 10:00 GMT+05:30", "2020-03-03T10:00:00"),
    ("12 May 2021 9:15 UTC-0500", "2021-05-12T09:15:00"),
]


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Published (3 November 2006) by Jane Doe", "2006-11-03"),
        ("[12 May 2021] Updated", "2021-05-12"),
        ("Posted (March 4, 2019)", "2019-03-04"),
    ],
)
def test_date_in_brackets_keeps_its_year(text: str, iso: str) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize(("text", "iso"), WITH_TIME)
def test_date_with_time_is_24h(text: str, iso: str) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2023-03-14T15:32:00+03:00", "2023-03-14T15:32:00+03:00"),
        ("2023-03-14T15:32:00-05:00", "2023-03-14T15:32:00-05:00"),
        ("2023-03-14T15:32:00Z", "2023-03-14T15:32:00+00:00"),
        ("2023-03-14T15:32", "2023-03-14T15:32:00"),
    ],
)
def test_iso_keeps_its_offset(text: str, iso: str) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    "text",
    ["September 2021", "March 14", "14 March", "2021", "Sept. 2021", "", "last Tuesday", "15:32"],
)
def test_partial_date_is_none(text: str) -> None:
    assert parse_date(text) is None


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("3 février 2022", "2022-02-03"),
        ("12 avril 2021", "2021-04-12"),
        ("1 mai 2020", "2020-05-01"),
        ("5 juin 2019", "2019-06-05"),
        ("9 juillet 2018", "2018-07-09"),
        ("15 août 2017", "2017-08-15"),
        ("25 décembre 2014", "2014-12-25"),
    ],
)
def test_french_month_names(text: str, iso: str) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("14 janvier 2023", "2023-01-14"),
        ("14 mars 2023", "2023-03-14"),
        ("20 septembre 2021", "2021-09-20"),
        ("2 octobre 2016", "2016-10-02"),
        ("4 novembre 2015", "2015-11-04"),
    ],
)
def test_french_months_that_look_english(text: str, iso: str) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("14 مارس 2023", "2023-03-14"),
        ("3 يناير 2024", "2024-01-03"),
        ("20 سبتمبر 2021 15:32", "2021-09-20T15:32:00"),
    ],
)
def test_arabic_month_names(text: str, iso: str) -> None:
    assert parse_date(text) == iso


def test_arabic_month_with_eastern_arabic_digits() -> None:
    assert parse_date("٣ يناير ٢٠٢٤") == "2024-01-03"


def test_parse_date_is_stable() -> None:
    assert {parse_date("20 سبتمبر 2021 15:32") for _ in range(3)} == {"2021-09-20T15:32:00"}


def test_a_dotted_time_is_a_time_and_a_dotted_date_is_day_first() -> None:
    assert parse_date("Updated 22.16 Sat Jan 05 2008") == "2008-01-05T22:16:00"
    assert parse_date("Tuesday 14 May 2024 10.30 BST") == "2024-05-14T10:30:00"
    assert parse_date("05.01.2008") == "2008-01-05"


def test_numeric_readings_of_a_date_whose_day_and_month_could_be_either() -> None:
    assert numeric_readings("Posted 03/10/2023 by Desk") == ("2023-03-10", "2023-10-03")
    assert numeric_readings("02-12-2025") == ("2025-02-12", "2025-12-02")
    # a number above 12, the same number twice or a month word settles the reading
    assert numeric_readings("25/10/2023") is None
    assert numeric_readings("04/04/2024") is None
    assert numeric_readings("March 10, 2023") is None


def _date_like_texts() -> list[str]:
    """Texts as dateutil is handed them: full, partial and impossible dates, weekdays
    without a day (filled from the default, then moved to that weekday), times, offsets,
    numbers and words in every order, in several languages and scripts."""
    import random

    pieces = [
        "Monday",
        "Tue",
        "March",
        "Feb",
        "Sept.",
        "November",
        "2019",
        "2023",
        "1999",
        "31",
        "29",
        "30",
        "14",
        "3",
        "12",
        "08:05",
        "3:32 PM",
        "pm",
        "GMT",
        "+0100",
        "UTC",
        "-",
        "/",
        ",",
        "at",
        "on",
        "Updated",
        "by Jane Roe",
        "mars",
        "März",
        "марта",
        "2024年",
        "3月",
        "12日",
        "٢٠٢٤",
        "1e",
        "0",
        "99999",
        "T",
        "Z",
        "h",
        "of",
        "the",
    ]
    rng = random.Random(7)
    texts = [
        "Monday, November 2019",
        "Friday March 2020",
        "Feb 31 2021",
        "31 April 2022",
        "February 2023",
        "2023",
        "Tuesday",
        "12:00",
        "",
        "   ",
        "November 18, 2019 12:02 PM",
        "Nov. November 18, 2019",
        "15:23 2019",
        "30 Desember 2015",
        "2013年04月09日",
        "05.01.2008",
        "10/11/2012",
        "2012-13-45",
        "Monday 31",
        "Sunday, 2024 May",
    ]
    for _ in range(400):
        texts.append(" ".join(rng.choice(pieces) for _ in range(rng.randrange(1, 7))))
    return texts


def test_one_dateutil_reading_gives_both_defaults_as_two_readings_do() -> None:
    """The shortcut (read once, build with each default) equals two `dateutil.parse` calls."""
    from cleaners import dates

    assert dates._DATEUTIL_PARSER is not None  # the shortcut is what runs
    read = 0
    for text in _date_like_texts():
        for dayfirst in (False, True):
            plain = dates._dateutil_twice_plain(text, dayfirst)
            assert dates._dateutil_twice(text, dayfirst) == plain, (text, dayfirst)
            read += plain[0] is not None
    assert read > 300  # not vacuous: most texts hold something dateutil reads


# --------------------------------------------------------------------------- day order


def test_day_first_language_swaps_an_ambiguous_numeric_date() -> None:
    from cleaners.dates import in_day_order

    line = "Publié le 12/03/2024 à 10:30"
    assert in_day_order("2024-12-03T10:30:00", [line], "fr", None) == "2024-03-12T10:30:00"
    assert in_day_order("2024-12-03", [line], "vi", None) == "2024-03-12"


def test_english_or_a_month_first_language_keeps_the_reading() -> None:
    from cleaners.dates import in_day_order

    assert in_day_order("2024-12-03", ["12/03/2024"], "en", None) == "2024-12-03"
    assert in_day_order("2024-12-03", ["12/03/2024"], "tl", None) == "2024-12-03"
    assert in_day_order("2024-12-03", ["12/03/2024"], None, None) == "2024-12-03"


def test_the_address_day_outranks_the_language() -> None:
    from cleaners.dates import in_day_order

    url = "https://example.org/2024/12/03/story"
    assert in_day_order("2024-12-03", ["12/03/2024"], "fr", url) == "2024-12-03"


def test_unambiguous_or_unrelated_dates_stay() -> None:
    from cleaners.dates import in_day_order

    # 25/03 can only be read one way; a date from another line is not this line's
    assert in_day_order("2024-03-25", ["25/03/2024"], "fr", None) == "2024-03-25"
    assert in_day_order("2024-05-01", ["12/03/2024"], "fr", None) == "2024-05-01"


def test_text_dump_in_a_day_first_language_gets_the_day_first_date() -> None:
    from cleaners import clean_text

    body = (
        "Le conseil municipal a voté mardi soir la rénovation complète de la piscine, fermée"
        " depuis deux ans, pour un montant de quatre millions d'euros financé par la région.\n\n"
        "Les travaux commenceront à l'automne et devraient durer dix-huit mois, selon le maire,"
        " qui promet une réouverture avant l'été suivant pour les écoles de la commune.\n\n"
        "Les associations de nageurs, qui s'entraînaient depuis dans la ville voisine, ont salué"
        " une décision attendue depuis longtemps par les familles et les clubs sportifs."
    )
    dump = f"La piscine municipale sera rénovée\n\nPar Claire Martin\n\n12/03/2024\n\n{body}\n"
    record = clean_text(dump, source="piscine.txt")
    assert record.language == "fr"
    assert record.published == "2024-03-12"


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("30 พฤศจิกายน 2569", "2026-11-30"),  # the Buddhist era: 543 years ahead
        ("30 พ.ย. 2569", "2026-11-30"),  # the month abbreviated
        ("๓๐ พฤศจิกายน ๒๕๖๙", "2026-11-30"),  # Thai digits
        ("30 พ.ย. 68", "2025-11-30"),  # a short year: 2568
        ("วันที่ 30 พฤศจิกายน 2568 เวลา 10:30 น.", "2025-11-30T10:30:00"),
        ("วันอาทิตย์ที่ 30 พฤศจิกายน พ.ศ. 2569", "2026-11-30"),
        ("30 พฤศจิกายน 2025", "2025-11-30"),  # a common-era year stays
    ],
)
def test_thai_dates_in_the_buddhist_era(text: str, iso: str) -> None:
    assert parse_date(text) == iso


def test_the_buddhist_era_is_read_in_thai_text_only() -> None:
    """A year 2569 outside Thai text is no Buddhist-era year: the text is left as it is."""
    assert thai_common_era("Model 2569 released 30 November") == "Model 2569 released 30 November"
    assert parse_date("30 November 2569") != "2026-11-30"
