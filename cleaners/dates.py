"""Date strings from bylines and date lines to ISO 8601, with dateutil doing the parsing."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache, lru_cache
from typing import Any

from dateutil import parser as dateutil_parser

from cleaners.data import load_toml

_MONTH = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b", re.IGNORECASE
)
_NUMERIC_DATE = re.compile(
    r"(?<!\d)(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})(?!\d)"
)
_TIME = re.compile(
    r"\b\d{1,2}[:.h]\d{2}\b(\s*[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?\b", re.IGNORECASE
)
_YEAR = re.compile(r"\b(19|20)\d{2}\b")
_DOTTED_TIME = re.compile(r"(?<![\d.])([01]?\d|2[0-3])\.([0-5]\d)(?![\d.])")
_DOTTED_DATE = re.compile(r"(?<![\d.])\d{1,2}\.\d{1,2}\.\d{4}(?!\d)")
# Two far-apart defaults: a field dateutil filled from the default differs between them,
# which tells a date with a day from "September 2021" alone.
_DEFAULT_A = datetime(1901, 1, 1, 0, 0, 0)
_DEFAULT_B = datetime(1902, 2, 2, 0, 0, 0)
# Words and marks around a date that dateutil's fuzzy reading would take for parts of it: a
# zone offset in any of its forms ("GMT+5", "GMT+05:30", "GMT+0000": cut short, "+0000" left
# "00" for dateutil to read as a year), and brackets ("(3 November 2006)": "2006)" is no year).
_NOISE = re.compile(
    r"\b(at|on|the|local time)\b|\b(gmt|utc)\s*[+-]\s*\d{1,2}(:?\d{2})?|\bgmt\b|[|•()\[\]]",
    re.IGNORECASE,
)


MONTH_OR_NUMERIC = re.compile(f"{_MONTH.pattern}|{_NUMERIC_DATE.pattern}", re.IGNORECASE)
_DAY_AND_YEAR = re.compile(
    r"(?<!\d)\d{1,2}(?!\d).*\b(19|20)\d{2}\b|\b(19|20)\d{2}\b.*(?<!\d)\d{1,2}(?!\d)"
)


_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹๐๑๒๓๔๕๖๗๘๙", "012345678901234567890123456789")
_THAI = re.compile(r"[\u0e00-\u0e7f]")


@cache
def _cjk_date() -> re.Pattern[str]:
    """'2024年3月12日', '2024년 3월 12일': year, month and day each closed by its mark (from
    `calendar_words.toml`). The marks are word characters, so the year has no word boundary
    for `_YEAR` to find: this gate finds such dates, dateparser reads them."""
    marks = load_toml("calendar_words.toml")["cjk_date_marks"]

    def either(key: str) -> str:
        return "[" + "".join(map(re.escape, marks[key])) + "]"

    return re.compile(
        rf"(?<!\d)(19|20)\d{{2}}\s*{either('year')}\s*\d{{1,2}}\s*{either('month')}"
        rf"\s*\d{{1,2}}\s*{either('day')}"
    )


@cache
def _cjk_time() -> re.Pattern[str]:
    """'17時45分', '14시 20분': hours closed by their mark (`calendar_words.toml`)."""
    marks = load_toml("calendar_words.toml")["cjk_date_marks"]["hour"]
    return re.compile(r"(?<!\d)\d{1,2}\s*[" + "".join(map(re.escape, marks)) + r"]\s*\d{1,2}")


@dataclass(frozen=True, slots=True)
class _ThaiCalendar:
    fillers: re.Pattern[str]
    abbreviations: dict[str, str]  # "พ.ย." -> "พฤศจิกายน"
    abbreviated: re.Pattern[str]
    short_year: re.Pattern[str]  # a month, then a two-digit year
    era_year: re.Pattern[str]
    offset: int
    first: int
    last: int


@cache
def _thai_calendar() -> _ThaiCalendar:
    data = load_toml("calendar_words.toml")["thai"]
    names = [m[0] for m in data["months"]]
    abbreviations = {a: m[0] for m in data["months"] for a in m[1:]}
    either = "|".join(re.escape(w) for w in sorted([*names, *abbreviations], key=len, reverse=True))
    return _ThaiCalendar(
        fillers=re.compile("|".join(re.escape(w) for w in data["fillers"])),
        abbreviations=abbreviations,
        abbreviated=re.compile("|".join(re.escape(a) for a in abbreviations)),
        short_year=re.compile(rf"({either})\s*(\d{{2}})(?!\d)"),
        era_year=re.compile(r"(?<!\d)(\d{4})(?!\d)"),
        offset=int(data["era_offset"]),
        first=int(data["era_years"][0]),
        last=int(data["era_years"][1]),
    )


def thai_common_era(text: str) -> str:
    """A Thai date in the form the parsers read (`calendar_words.toml` [thai]): years of the
    Buddhist era in the common era ("2569" -> "2026", "พ.ย. 68" -> "พฤศจิกายน 2025"), months
    in full, the words around the date left out. Other text is returned as it is."""
    if _THAI.search(text) is None:
        return text
    thai = _thai_calendar()

    def short(match: re.Match[str]) -> str:
        year = 2500 + int(match.group(2)) - thai.offset
        return f"{match.group(1)} {year}"

    def era(match: re.Match[str]) -> str:
        year = int(match.group(1))
        return str(year - thai.offset) if thai.first <= year <= thai.last else match.group(1)

    text = thai.short_year.sub(short, text.translate(_DIGITS))
    text = thai.era_year.sub(era, text)
    text = thai.abbreviated.sub(lambda m: f" {thai.abbreviations[m.group()]} ", text)
    return " ".join(thai.fillers.sub(" ", text).split())


def without_cjk_date(text: str) -> str:
    """The text with its Chinese, Japanese or Korean dates blanked: what else a line holds."""
    return _cjk_date().sub(" ", text.translate(_DIGITS))


def looks_like_date(text: str) -> bool:
    """Cheap gate before parsing: a month name with a year, a numeric date, or (other
    languages) a day number with a year, or a Chinese, Japanese or Korean date."""
    text = text.translate(_DIGITS)
    return bool(
        _NUMERIC_DATE.search(text)
        or (_YEAR.search(text) and (_MONTH.search(text) or _DAY_AND_YEAR.search(text)))
        or _cjk_date().search(text)
    )


# Languages dateparser is asked to try, by the script the date is written in; naming them
# saves it from testing every locale it knows (30 ms a call otherwise).
_DATE_LANGUAGES = {
    "ARABIC": ("ar", "fa", "ur"),
    # the later languages after the earlier ones: a name both read ("mars") keeps its reading
    "LATIN": (
        *("fr", "es", "de", "it", "pt", "tr", "nl", "id", "pl", "sv"),
        *("cs", "ro", "hu", "da", "nb", "fi", "vi", "sk", "hr"),
    ),
    "CYRILLIC": ("ru", "uk", "bg"),
    "GREEK": ("el",),
    "HEBREW": ("he",),
    "CJK": ("zh", "ja"),
    "HANGUL": ("ko",),
    "THAI": ("th",),
}


@lru_cache(maxsize=8)
def _date_parser(languages: tuple[str, ...]) -> Any:
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=list(languages),
        settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]},
    )


@lru_cache(maxsize=1024)
def _parse_other_language(text: str) -> datetime | None:
    """Month names in other languages (Arabic, French, ...): dateparser, only when needed
    (it is slower, and most pages give English or numeric dates)."""
    from cleaners.textfeatures import dominant_script

    languages = _DATE_LANGUAGES.get(dominant_script(text) or "LATIN")
    if languages is None:
        return None
    found = _date_parser(languages).get_date_data(text)
    if not found or found.date_obj is None:
        return None
    # the time as the page prints it, without its zone ("14:20 WIB"): as the dateutil path
    # does (ignoretz), so a date has one form whichever parser read it
    return found.date_obj.replace(tzinfo=None)


def _iso(text: str) -> str | None:
    """Machine dates from metadata keep exactly their precision and offset."""
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if len(text) <= 10:
        return value.date().isoformat()
    return value.isoformat(timespec="seconds")


def _dateutil_twice(cleaned: str, dayfirst: bool) -> tuple[datetime | None, datetime | None]:
    """The text read with each of the two defaults (None, None when dateutil cannot): what
    `_dateutil_twice_plain` gives. Speed: `dateutil.parser.parse` reads the text (its slow
    part) and then fills the missing fields from the default; here the text is read once and
    the two datetimes are built from that one reading with dateutil's own steps (`_parse`,
    `_build_naive`: what `parser.parse` does with `ignoretz=True`), halving dateutil's time
    (the dates of the extraction benchmark's header lines: 0.5 -> 0.25 ms a page). Tested
    equal to the plain reading in tests/test_dates.py; a dateutil without these steps gets
    the plain reading."""
    parser = _DATEUTIL_PARSER
    if parser is None:
        return _dateutil_twice_plain(cleaned, dayfirst)
    try:
        reading, _ = parser._parse(cleaned, dayfirst=dayfirst, fuzzy=True)
        if reading is None or len(reading) == 0:
            return None, None  # `parse` raises ParserError on these
        return parser._build_naive(reading, _DEFAULT_A), parser._build_naive(reading, _DEFAULT_B)
    except (ValueError, OverflowError):
        return None, None


def _dateutil_twice_plain(cleaned: str, dayfirst: bool) -> tuple[datetime | None, datetime | None]:
    """The text read by `dateutil.parser.parse` with each of the two defaults."""
    try:
        return (
            dateutil_parser.parse(
                cleaned, default=_DEFAULT_A, fuzzy=True, ignoretz=True, dayfirst=dayfirst
            ),
            dateutil_parser.parse(
                cleaned, default=_DEFAULT_B, fuzzy=True, ignoretz=True, dayfirst=dayfirst
            ),
        )
    except (ValueError, OverflowError):
        return None, None


def _steps_parser() -> Any:
    """dateutil's default parser when it has the two steps `parse` is made of, else None."""
    parser = dateutil_parser.parser()
    has_steps = callable(getattr(parser, "_parse", None)) and callable(
        getattr(parser, "_build_naive", None)
    )
    return parser if has_steps else None


_DATEUTIL_PARSER = _steps_parser()


def parse_date(text: str) -> str | None:
    """ISO 8601 for a full calendar date ("2015-10-23", or with time "2021-09-20T15:32:00").

    Returns None unless year, month and day are all present: a partial date is not a date.
    """
    text = thai_common_era(text.translate(_DIGITS))
    if not looks_like_date(text):
        return None
    iso = _iso(text.strip())
    if iso:
        return iso
    # a time written with a dot ("22.16", "10.30 BST") is a time, not a day and a year
    text = _DOTTED_TIME.sub(r"\1:\2", text)
    cleaned = _NOISE.sub(" ", text).replace(",", ", ")
    # a date written with dots ("05.01.2008") is day first wherever it is written so
    dayfirst = bool(_DOTTED_DATE.search(text))
    first: datetime | None
    second: datetime | None
    if _cjk_date().search(text):
        # dateutil's fuzzy reading takes "6時05分" for a year: the marked date is dateparser's
        first = second = None
    else:
        first, second = _dateutil_twice(cleaned, dayfirst)
    if first is None or second is None or first.date() != second.date():
        other = _parse_other_language(text)
        if other is None:
            return None
        first = other
    without_dotted = _DOTTED_DATE.sub(" ", text)  # "05.01" of "05.01.2008" is no time
    if _TIME.search(without_dotted) or _cjk_time().search(without_dotted):
        return first.isoformat(timespec="seconds")
    return first.date().isoformat()


# "03/10/2023", "02-12-2025", "05.01.2008": day and month both numbers of at most 12
_NUMERIC_DAY_MONTH = re.compile(r"(?<![\d.])(\d{1,2})([-/.])(\d{1,2})\2((?:19|20)\d{2})(?!\d)")


def numeric_readings(text: str) -> tuple[str, str] | None:
    """(month first, day first) readings of the first all-numeric date in `text` whose day
    and month could be either ("03/10/2023" -> ("2023-03-10", "2023-10-03")); None when the
    text has no such date (a number above 12 or a month word settles it)."""
    found = _NUMERIC_DAY_MONTH.search(text.translate(_DIGITS))
    if not found:
        return None
    first, second, year = int(found[1]), int(found[3]), int(found[4])
    if not (1 <= first <= 12 and 1 <= second <= 12) or first == second:
        return None
    return date(year, first, second).isoformat(), date(year, second, first).isoformat()


_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-]([a-z]{3,9}|\d{1,2})[/-](\d{1,2})(?:/|$|[-_])", re.I)


def url_full_date(url: str | None) -> str | None:
    """The address's year, month (a number or a month word, "/2023/october/03/") and day."""
    found = _URL_DATE.search(url or "")
    if not found:
        return None
    month = found[2].lower()
    months = _calendar()["url_months"]
    number = (
        int(month) if month.isdigit() else months.index(month[:3]) + 1 if month[:3] in months else 0
    )
    try:
        return datetime(int(found[1]), number, int(found[3])).date().isoformat()
    except ValueError:
        return None


@cache
def _calendar() -> dict[str, Any]:
    return load_toml("calendar_words.toml")


def locale_reading(locale: str | None, month_first: str, day_first: str) -> str | None:
    """The reading of an all-numeric date a locale or language means (`calendar_words.toml`:
    en-US and a few others write the month first, other languages and English regions the day
    first; plain "en" decides nothing), None when it does not say."""
    if not locale:
        return None
    locale = locale.lower().replace("_", "-")
    if locale in _calendar()["month_first_locales"]:
        return month_first
    return None if locale == "en" else day_first


def in_day_order(
    iso: str | None, lines: Iterable[str], language: str | None, url: str | None
) -> str | None:
    """`iso`, read month first from one of the page's date `lines` whose day and month could be
    either ("12/03/2024" read as December 3), with day and month swapped when the page means the
    other reading: the day its address states, else the order its language writes dates in (a
    text dump has no locale to ask; its body's language is the next best witness). The HTML
    path asks the page's markup instead (`html.metadata._DayOrder`)."""
    if iso is None:
        return None
    for line in lines:
        readings = numeric_readings(line)
        if readings is None or iso[:10] != readings[0]:
            continue
        month_first, day_first = readings
        url_day = url_full_date(url)
        chosen = url_day if url_day in readings else locale_reading(language, *readings)
        return iso if chosen in (None, month_first) else day_first + iso[10:]
    return iso
