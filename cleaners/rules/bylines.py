"""Bylines and date lines: taken out of the body and moved into `authors` and the dates."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from cleaners.authors import EDGE_CHARACTERS, is_collective, strip_prefix
from cleaners.blocks import Block, Page
from cleaners.data import load_toml
from cleaners.dates import MONTH_OR_NUMERIC as _MONTH_OR_NUMERIC
from cleaners.dates import (
    looks_like_date,
    parse_date,
    thai_common_era,
    without_cjk_date,
)
from cleaners.regex_screen import required_substrings, screen_text
from cleaners.textfeatures import WORD, ends_sentence, is_prose

_MAX_DATE_WORDS = 8
# Arabic short vowels and other marks, optional in writing: "نُشر" is "نشر".
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670]")
# the marks parting a byline's or date line's segments: dashes, bars and the middle dots
# of blog themes ("by Amanda · Dec 20, 2025", "by Name ● December 23, 2025 ● 6 min read")
_SEGMENT_SPLIT = re.compile(r"\s+[-–—|•·●⋅]\s+|\s*\|\s*")
_NAMES_THEN_DATE = re.compile(r"\s+,\s+|\s+[-–—|]\s+")


def _words(table: dict[str, list[str]]) -> list[str]:
    """The entries of a per-language table of `bylines.toml`, in file order."""
    return [entry for entries in table.values() for entry in entries]


def _either(table: dict[str, list[str]]) -> str:
    return "|".join(_words(table))


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    """The patterns built from `cleaners/data/bylines.toml` (the words per language)."""

    date_prefix: re.Pattern[str]  # "Updated: <date>", "Publié le <date>"
    prefix_alone: re.Pattern[str]  # "Last updated:" on its own line, the date on the next
    # where a second date line starts inside one: "Published March 3, 2024 Updated March 5"
    opener_after_date: re.Pattern[str]
    relative_update: re.Pattern[str]  # "Updated 3 hours ago"
    trailing_clause: re.Pattern[str]  # " • 2 min read", " 1 hour, 44 minutes ago"
    # `trailing_clause` split for a screen: the clauses needing one of `trailing_needs`
    # (lowercased substrings, `cleaners.regex_screen`) and the others (`trailing_free`)
    trailing_needs: re.Pattern[str] | None
    trailing_free: re.Pattern[str] | None
    update_kinds: tuple[str, ...]
    date_words: frozenset[str]  # English months, weekdays, time zones: not a name's words
    line_date_words: frozenset[str]  # and other languages' months: words of a bare date line
    ordinal: re.Pattern[str]  # "26th", "1er": a day's number (group 1) and its ordinal letters
    byline: re.Pattern[str]  # "By A, B - <date>"
    lead_alone: re.Pattern[str]  # "Written by" on its own line, the names on the next
    label_alone: re.Pattern[str]  # "Author" on its own line over the names (no lead inline)
    trail: re.Pattern[str]  # "홍길동 기자 hong@example.kr": the names, then the word closing them
    lead_glued: re.Pattern[str]  # "ByName Surname": the copy lost the space after the lead
    prefix_glued: re.Pattern[str]  # "By Name SurnamePublished: <date>": same, before a date
    # the capitalised prefixes `prefix_glued` looks for: a line holding none is left alone
    # without running it (it tries every position of the line)
    prefix_glued_words: tuple[str, ...]
    date_then_by: re.Pattern[str]  # "<date> by Name"
    names_then_date: re.Pattern[str]  # "Name on <date>": the word before the date (group)
    name_category: re.Pattern[str]  # " in Project Management" after a name: the categories
    wire_credit: re.Pattern[str]  # "(Additional reporting by"
    wire_clause: re.Pattern[str]  # "reporting by A and B in City"
    name_split: re.Pattern[str]
    name_particles: frozenset[str]
    not_name_words: frozenset[str]  # "News", "Newsletter": a bare title-case line's non-names
    name_prefixes: tuple[str, ...]  # "al-Ragheb"
    roles: re.Pattern[str]  # "Staff Writer", "Special to The Times"
    desk: re.Pattern[str]  # "Online Desk", "Our Correspondent"
    article: re.Pattern[str]  # "The" before an agency


def _trailing_clause(clauses: list[str]) -> re.Pattern[str] | None:
    if not clauses:
        return None
    return re.compile(rf"\s*[-–—|•·,]?\s*(?:{'|'.join(clauses)})\.?$", re.IGNORECASE)


def _trailing_screen(clauses: list[str]) -> dict[str, re.Pattern[str] | None]:
    """The screen of `without_trailing_clause`: a line holding none of the substrings the
    screened clauses need can match the free clauses only (whose expression then gives the
    same match: the others match nowhere in it)."""
    needs = {c: required_substrings(c, re.IGNORECASE) for c in clauses}
    screened = sorted({s for found in needs.values() if found for s in found})
    return {
        "trailing_needs": re.compile("|".join(map(re.escape, screened))) if screened else None,
        "trailing_free": _trailing_clause([c for c in clauses if needs[c] is None]),
    }


@cache
def _vocabulary() -> _Vocabulary:
    data = load_toml("bylines.toml")
    desk, roles, wire = data["desk"], data["roles"], data["wire_credit"]
    wire_head = (
        rf"({_either(wire['additional'])}\s+)?({_either(wire['verbs'])})\s+({_either(wire['by'])})"
    )
    return _Vocabulary(
        date_prefix=re.compile(
            rf"^(?P<kind>{_either(data['date_prefix'])})"
            rf"(\s+({_either(data['date_prefix_links'])}))?\s*[:：\-–—]?\s*(?P<date>.+)$",
            re.IGNORECASE,
        ),
        prefix_alone=re.compile(
            rf"^({_either(data['date_prefix'])})(\s+({_either(data['date_prefix_links'])}))?\s*[:：]?$",
            re.IGNORECASE,
        ),
        opener_after_date=re.compile(
            rf"(?:(?<=\d)|(?<=[ap]m)|(?<=m\.))\s+(?=(?:{_either(data['date_prefix'])})\b)",
            re.IGNORECASE,
        ),
        relative_update=re.compile(rf"\s*(?:{_either(data['relative_update'])})", re.IGNORECASE),
        trailing_clause=_trailing_clause(_words(data["trailing_clause"])),  # type: ignore[arg-type]
        **_trailing_screen(_words(data["trailing_clause"])),
        update_kinds=tuple(_words(data["update_kinds"])),
        date_words=frozenset(_words(data["date_words"])),
        line_date_words=frozenset(_words(data["date_words"]) + _words(data["line_date_words"])),
        ordinal=re.compile(
            rf"\b(\d{{1,2}})(?:{_either(data['ordinal_suffixes'])})\b", re.IGNORECASE
        ),
        byline=re.compile(
            rf"^(?P<lead>{_either(data['byline_lead'])})\s*:?\s+(?P<rest>\S.*)$", re.IGNORECASE
        ),
        lead_alone=re.compile(
            rf"^({_either(data['byline_lead'])}|{_either(data['byline_label'])})\s*:?$",
            re.IGNORECASE,
        ),
        label_alone=re.compile(rf"^({_either(data['byline_label'])})\s*:?$", re.IGNORECASE),
        trail=re.compile(
            rf"^(?P<names>\S.*?)\s*(?:{_either(data['byline_trail'])})"
            r"(?:\s*[(（<]?[\w.+-]+@[\w-]+(?:\.[\w-]+)+[)）>]?)?$"
        ),
        # only the lead's own capitalisation, then a capital and a small letter: "ByNina" is
        # a lost space, "Byzantine" or "BYU" are words
        lead_glued=re.compile(
            "^(?P<lead>"
            + "|".join(w[:1].upper() + w[1:] for w in _words(data["byline_lead"]) if w.isalpha())
            + ")(?=[A-Z][a-z])"
        ),
        prefix_glued=re.compile(
            "(?<=[a-z])(?="
            + "|".join(w[:1].upper() + w[1:] for w in _words(data["date_prefix"]) if w.isalpha())
            + r")(?=\w+\s*:?\s*\d|\w+\s*:?\s*[A-Z])"
        ),
        prefix_glued_words=tuple(
            w[:1].upper() + w[1:] for w in _words(data["date_prefix"]) if w.isalpha()
        ),
        date_then_by=re.compile(
            rf"^(?P<date>.{{6,60}}?)\s+({_either(data['date_then_by'])})\s+(?P<names>[A-Z].{{1,80}})$",
            re.IGNORECASE,
        ),
        names_then_date=re.compile(rf"\s+(?:{_either(data['names_then_date'])})\s+(?=\S)"),
        name_category=re.compile(rf"\s+(?:{_either(data['name_then_category'])})\s+\S.*$"),
        wire_credit=re.compile(rf"^\(?\s*{wire_head}\b", re.IGNORECASE),
        wire_clause=re.compile(
            rf"^{wire_head}\s+(?P<names>.+?)(\s+({_either(wire['place'])})\s+[A-Z][\w\s-]*)?$",
            re.IGNORECASE,
        ),
        name_split=re.compile(rf"\s*(?:{_either(data['name_separators'])})\s*"),
        name_particles=frozenset(_words(data["name_particles"])),
        not_name_words=frozenset(_words(data["not_name_words"])),
        name_prefixes=tuple(_words(data["name_prefixes"])),
        roles=re.compile(
            rf"\b({_either(roles['suffixes'])})s?$|^({_either(roles['prefixes'])})", re.IGNORECASE
        ),
        desk=re.compile(
            rf"^([\w\s'’-]{{0,30}}\b({_either(desk['units'])})"
            rf"|({_either(desk['staff'])}) ({_either(desk['staff_roles'])})s?"
            r"(,\s*[^\W\d][\w\s-]{0,30})?)$",
            re.IGNORECASE,
        ),
        article=re.compile(rf"^({_either(data['articles'])})\s*", re.IGNORECASE),
    )


_LABEL_LEAD = "By"  # the lead a label alone on its line ("Author") stands for

# Bylines and date lines of a whole-page dump are read in the article region and just around
# it (a date over the headline or under the last paragraph); those of sidebar teasers and
# footers belong to other stories.
_REGION_MARGIN = 3


# A dump's story begins at its first block this long: a bare name line next to a date line
# is read as the author's only above it. A name line's role ("VP - Technology") is this short.
_STORY_WORDS = 30
_ROLE_WORDS = 4
_LEAD_BLOCKS = 3  # the story's first paragraphs, whose words a headline shares
_ROLE_LINE_WORDS = 6  # a job title on its own line under a name: "Senior Staff Writer"

# "June 29, 2020November 12, 2021": a published and an updated date printed without a space
_GLUED_DATES = re.compile(r"(?<=\d{4})(?=[^\W\d_][^\W\d_])")

# A copied page glues the texts of neighbouring elements: a year to the time or the count
# after it ("October 17, 20236:01 PM ET", "Mar 27, 20255 mins") and a label's last word to a
# month ("Updated onFebruary 9").
_GLUED_YEAR_TIME = re.compile(
    r"(?<!\d)((?:19|20)\d{2})(?=\d{1,2}[:.h]\d{2}(?!\d)|\d{1,3}\s+[^\W\d_])"
)
_GLUED_WORD = re.compile(r"(?<=[a-z])([A-Z][^\W\d_]*)")  # the capitalised word after


# what either glue needs: five digits in a row, or a small letter before a capital (one
# scan of the line; most lines have neither, and the date rules ask thousands a page)
_GLUE_HINT = re.compile(r"\d{5}|[a-z][A-Z]")


def _unglued(text: str) -> str:
    """The date line with the glued year and time, and a small word glued to a date's word
    (a month, a weekday), spaced."""
    if _GLUE_HINT.search(text) is None:
        return text
    text = _GLUED_YEAR_TIME.sub(r"\1 ", text)
    if _GLUED_WORD.search(text) is None:
        return text
    words = _vocabulary().line_date_words
    return _GLUED_WORD.sub(
        lambda m: f" {m.group(1)}" if m.group(1).casefold() in words else m.group(1), text
    )


# a time's minutes with its half of the day glued on: "11:07am" reads as "11", "07am"
_GLUED_CLOCK = re.compile(r"\d{1,2}[ap]m", re.IGNORECASE)

_TIME_ONLY = re.compile(r"^\d{1,2}[:.h]\d{2}(\s*[ap]\.?\s?m\.?)?(\s+[A-Z]{2,5})?$", re.IGNORECASE)


@cache
def _hijri() -> re.Pattern[str]:
    data = load_toml("calendar_words.toml")
    months = "|".join(sorted(map(re.escape, data["hijri_months"]), key=len, reverse=True))
    era = "|".join(sorted(map(re.escape, data["hijri_era"]), key=len, reverse=True))
    return re.compile(rf"\d{{1,2}}\s+({months})\s+\d{{3,4}}\s*({era})?(?!\w)")


def _is_hijri(segment: str) -> bool:
    return bool(_hijri().search(_ARABIC_MARKS.sub("", segment)))


@cache
def _credit_words() -> frozenset[str]:
    data = load_toml("credits.toml")
    return frozenset(data["credit_words"])


@cache
def _agencies() -> frozenset[str]:
    data = load_toml("credits.toml")
    return frozenset(data["agencies"])


@cache
def _story_agencies() -> frozenset[str]:
    """Agencies and outlets that write stories: the credit vocabulary without picture
    libraries and credit words ("Name, Getty Images" credits a photograph)."""
    data = load_toml("credits.toml")
    agencies = frozenset(data["agencies"]) | frozenset(data["wire_services"])
    return agencies - frozenset(data["picture_credits"]) - _credit_words()


@lru_cache(maxsize=4096)
def _date_kind(segment: str) -> tuple[str, str] | None:
    """('published'|'updated', iso) when the segment is a (prefixed or bare) date.

    Remembered: the headline search asks it of the lines above a story (is this a date line
    between headline and body?) and the date rules ask it again of the same lines."""
    match = _vocabulary().date_prefix.match(_ARABIC_MARKS.sub("", segment))
    if match:
        if len(match.group("date").split()) > _MAX_DATE_WORDS:
            return None  # "Released on 3 June 2023, the report found...": a sentence
        iso = parse_date(match.group("date"))
        if iso:
            kind = match.group("kind").casefold()
            field = "updated" if any(k in kind for k in _vocabulary().update_kinds) else "published"
            return field, iso
        return None
    if is_bare_date(segment):
        iso = parse_date(_vocabulary().relative_update.sub("", segment))
        if iso:
            return "published", iso
    return None


def without_trailing_clause(text: str) -> str:
    """The line without a closing reading time or relative age ("• 2 min read", "44 minutes
    ago"), when something is left before it."""
    vocabulary = _vocabulary()
    pattern: re.Pattern[str] | None = vocabulary.trailing_clause
    if vocabulary.trailing_needs is not None:
        # the clauses' expression tries every position of the line: 45 µs a byline test
        low = screen_text(text)
        if low is not None and vocabulary.trailing_needs.search(low) is None:
            pattern = vocabulary.trailing_free
    match = pattern.search(text) if pattern is not None else None
    if match is None or match.start() == 0:
        return text
    return text[: match.start()]


def is_bare_date(text: str) -> bool:
    """A line that is nothing but a date and time ("Monday 20 September 2021 15:32 GMT").

    A day with its ordinal letters ("November 26th, 2024") is no date's word here: the
    dump's header reads its lines without those letters (`read_header`)."""
    text = thai_common_era(_vocabulary().relative_update.sub("", text))
    if len(text) > 60 or not looks_like_date(text):
        return False
    # "2024년 3월 12일": the marked numbers of a CJK date are its words
    tokens = WORD.findall(without_cjk_date(text))
    unknown = [
        t
        for t in tokens
        if not (
            t.isdigit()
            or _GLUED_CLOCK.fullmatch(t)
            or t.casefold() in _vocabulary().line_date_words
            or (t.isupper() and len(t) <= 4)
        )
    ]
    if not unknown:
        # an English month or a numeric date; another language's month name: the parser decides
        return bool(_MONTH_OR_NUMERIC.search(text)) or parse_date(text) is not None
    # month or weekday names in another script (Arabic...): the parser decides. Other Latin
    # words ("Deadline: 1 May 2024") make a sentence, not a date line.
    if any(t.isascii() for t in unknown):
        return False
    return len(unknown) <= 2 and len(tokens) <= 6 and parse_date(text) is not None


# A Korean name is two to four syllables, a Japanese one up to six characters ("長谷川由紀子")
_MAX_TRAIL_NAME = 6
_BRACKETED = re.compile(r"^\s*[(（]\s*(?P<inner>[^()（）]+?)\s*[)）]\s*$")


def _without_brackets(text: str) -> str:
    """'（记者 王小明）' -> '记者 王小明': a byline some pages print in brackets."""
    match = _BRACKETED.match(text)
    return match.group("inner") if match else text


def _set_date(page: Page, field: str, iso: str) -> None:
    if field == "updated":
        page.updated = page.updated or iso
    else:
        page.published = page.published or iso


def _looks_like_name(part: str) -> bool:
    tokens = part.split()
    if not 1 <= len(tokens) <= 5:
        return False
    # a Chinese, Japanese or Korean name is one token (Han, kana, Hangul syllables)
    cjk = all("\u3040" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7a3" for ch in part)
    if len(tokens) == 1 and not (part.isupper() or part.casefold() in _agencies() or cjk):
        return False  # "By Land and Sea": single words are agencies (AFP, Reuters), not people
    for token in tokens:
        bare = token.strip(".'’-")
        vocabulary = _vocabulary()
        folded = bare.casefold()
        # a particle first: "de" is a name's ("Pieter de Vries") and a date's ("3 de marzo")
        if bare and (
            folded in vocabulary.name_particles or folded.startswith(vocabulary.name_prefixes)
        ):
            continue
        if not bare or folded in vocabulary.date_words:
            return False
        first = bare[0]
        if first.isalpha() and first.islower():
            return False
        if not first.isalpha():
            return False
    return True


# "Amman: Name", "Doha - QNA", "Name and Name | Reuters", "Reuters", "Online Desk": the
# forms a credit takes without "By". A place before the separator is one to three words.
_PLACE_THEN_CREDIT = re.compile(
    r"^(?P<place>[^\W\d]+(?:\s+[^\W\d]+){0,2})\s*(?::|\s[-–—/]\s)\s*(?P<who>.+)$"
)


_MAX_CREDIT_WORDS = 8
_MAX_NAMES_AGENCY_WORDS = 20  # four names of three words and "The Associated Press"
# the last comma (Latin or Arabic) or spaced slash of the line: names before it, an agency after
_PERSON = re.compile(r"[^\W\d_]+(?:[\s.'’-]+[^\W\d_]+)*\.?")
_NAMES_AGENCY = re.compile(r"^(?P<names>.+)(?:\s*[,،]|\s+/)\s*(?P<agency>[^,،/]+)$")


def _credit_line(
    text: str, known: set[str] | None = None
) -> tuple[list[str], list[tuple[str, str]]] | None:
    """A credit line without "By": an agency alone, a desk, a place then an agency or (in
    Arabic, where "City: Name" is the dateline's form) a person's name, or names then an
    agency after a bar or a comma. Agencies and desks are not people: removed, no author added."""
    if _has_digit(text):
        return None
    if len(text.split()) <= _MAX_NAMES_AGENCY_WORDS:
        names_agency = _names_then_agency(text, known or set())
        if names_agency is not None:
            return names_agency, []
    if len(text.split()) > _MAX_CREDIT_WORDS:
        return None
    folded = text.strip(" .()").casefold()
    if (
        folded in _agencies()
        or _vocabulary().article.sub("", folded) in _story_agencies()
        or _vocabulary().desk.match(text.strip())
    ):
        return [], []  # "Reuters", "(IANS)", "The Associated Press", "Online Desk"
    segments = [s.strip() for s in _SEGMENT_SPLIT.split(text) if s.strip()]
    if len(segments) == 2 and segments[1].casefold() in _agencies():
        names = _names(segments[0])
        if names is not None:
            return names, []
    match = _PLACE_THEN_CREDIT.match(text.strip())
    if match is None:
        return None
    who = match.group("who").strip()
    place = match.group("place")
    if (
        " " in place
        and " " not in who
        and ":" not in text
        and all(t[:1].isupper() for t in [*place.split(), who])
    ):
        return [], []  # "Outlet – City": the outlet's dateline, no person
    if place.casefold() in _credit_words():
        return None  # "Photo: Reuters" is a picture credit (captions)
    if who.casefold() in _agencies():
        return [], []
    arabic = all("\u0600" <= ch <= "\u06ff" for ch in who.replace(" ", ""))
    if arabic and ":" in text and 2 <= len(who.split()) <= 4:
        return [who], []
    return None


_ASCII_DIGIT = re.compile("[0-9]")


def _has_digit(text: str) -> bool:
    """`any(ch.isdigit() for ch in text)`, in C for ASCII text (str.isdigit holds more than
    re's \\d elsewhere: superscripts, circled digits)."""
    if text.isascii():
        return _ASCII_DIGIT.search(text) is not None
    return any(map(str.isdigit, text))


def _names_then_agency(text: str, known: set[str]) -> list[str] | None:
    """'Meg Kinnard and Errin Haines, Associated Press': names, a comma, a story agency.

    Two or more names fill `authors`. One name is as often a place ("New York, Reuters",
    "Abu Dhabi, WAM": a dateline) as a person, and nothing in the line tells them apart: it
    is a credit either way (removed, [] returned) and an author only when the page's
    metadata names that person. None when the line is not of this form."""
    match = _NAMES_AGENCY.match(text.strip())
    if match is None:
        return None
    agency = match.group("agency").strip(" .()").casefold()
    if (
        agency not in _story_agencies()
        and _vocabulary().article.sub("", agency) not in _story_agencies()
    ):
        return None
    names = _names(match.group("names"))
    # a person here has a first and a last name in word characters: "Partners: BBC, CNN" or
    # "Sky, CNN" before the agency are a list of outlets, not people
    if not names or not all(len(n.split()) >= 2 and _PERSON.fullmatch(n) for n in names):
        return None
    if len(names) >= 2 or names[0].casefold() in known:
        return names
    return []


@cache
def _credentials() -> frozenset[str]:
    """Degrees and certifications written after a name ("MS", "RD", "Ph.D."), lower case
    without dots: the author vocabulary's list (`authors.toml`), shared with the HTML path."""
    return frozenset(c.replace(".", "") for c in load_toml("authors.toml")["credentials"])


def _is_credential(token: str) -> bool:
    """A listed credential as printed after a name: in capitals ("RD", "FAND") or with dots
    ("Ph.D."); "Ma" in "Rui Ma" is a name."""
    bare = token.strip("(),®™")
    plain = bare.replace(".", "")
    return plain.casefold() in _credentials() and ("." in bare or plain.isupper())


def _without_credentials(part: str) -> str:
    """'Dylan Roe PhD' -> 'Dylan Roe'; a part of credentials only ("MS", "Ph.D.") -> ''."""
    tokens = part.split()
    while tokens and _is_credential(tokens[-1]):
        tokens.pop()
    return " ".join(tokens)


def _may_name_known(text: str, known_words: list[list[str]]) -> bool:
    """False only when `_names(text)` cannot be names all of which are known: each word of
    a known name (casefolded, as `known` holds them) is then in the casefolded line, as
    every name `_names` gives is words of the line joined by spaces and casefolding works
    character by character. The bare author line test ran `_names` on every short line of
    a page whose metadata names an author (2,675 calls on the 181 ScrapingHub pages)."""
    folded = text.casefold()
    return any(all(word in folded for word in words) for words in known_words)


def _names(segment: str) -> list[str] | None:
    """Author names of a byline segment, or None when it is not a list of names."""
    parts = [p.strip(" .") for p in _vocabulary().name_split.split(segment) if p.strip(" .")]
    if not parts:
        return None
    parts = [p for p in (_without_credentials(p).strip(" .") for p in parts) if p]
    if not parts:
        return None
    names = [p for p in parts if not _vocabulary().roles.search(p)]
    if not all(_looks_like_name(p) for p in names):
        return None
    return names


def _names_then_bare_date(segment: str) -> tuple[list[str], tuple[str, str]] | None:
    """'Name Surname December 2, 2025' (no separator between the names and the date): the
    names and the date, split where what follows is a date and what precedes is names."""
    if not any(ch.isdigit() for ch in segment):
        return None
    tokens = segment.split()
    for k in range(1, min(len(tokens), 6)):
        head, tail = tokens[:k], tokens[k:]
        last = head[-1]
        pieces = re.split(r"(?<=[a-z])(?=[A-Z][a-z])", last)
        if len(pieces) == 2 and pieces[1].casefold() in _vocabulary().date_words:
            head, tail = [*head[:-1], pieces[0]], [pieces[1], *tail]
        tail_text = " ".join(tail)
        if not tail or not tail[0][:1].isalnum() or not looks_like_date(tail_text):
            continue
        names = _names(" ".join(head))
        if not names or any(len(n.split()) < 2 for n in names):
            continue
        found = DateLineRule().parse(tail_text)
        if found:
            return names, found[0]
    return None


def _names_then_linked_date(segment: str) -> tuple[list[str], tuple[str, str]] | None:
    """'Peter Bell on August 21, 2019', 'Nom le 3 mai 2024' (a byline's names, a small word,
    the date): the names and the date, split at the last such word followed by a date."""
    if not any(ch.isdigit() for ch in segment):
        return None
    for link in reversed(list(_vocabulary().names_then_date.finditer(segment))):
        found = _date_kind(segment[link.end() :].strip())
        if found is None:
            continue
        head = segment[: link.start()].split()
        # "Jeff Cobb. Last Updated on <date>": the date line's own opener ends the names
        for k in range(1, len(head)):
            if _vocabulary().prefix_alone.match(" ".join(head[k:])):
                found = _date_kind(" ".join(head[k:]) + segment[link.start() :]) or found
                head = head[:k]
                break
        head_text = " ".join(head).rstrip(" .,;")
        names = _names(head_text) or _first_name(head_text)  # "David at December 16, 2025"
        return (names, found) if names else None
    return None


def _first_name(segment: str) -> list[str] | None:
    """[name] when the segment is one word written as a given name ("Amanda"), asked only
    where a byline's date vouches for it (one word alone is an agency or a heading's word):
    letters, capitalised, not a date or calendar word, a menu's word, a role or a group
    ("Staff"). A site's account ("By Admin") is read as the header's one-word bylines are
    (`_one_name_byline`)."""
    word = segment.strip(" .,;:")
    if (
        len(word) < 2
        or not word.isalpha()
        or not word[0].isupper()
        or word[1:].isupper()  # "NEWS", "AFP": agencies, read by `_names`
        or " " in word
    ):
        return None
    folded = word.casefold()
    vocabulary = _vocabulary()
    if (
        folded in vocabulary.date_words
        or folded in vocabulary.not_name_words
        or vocabulary.roles.search(word)
        or is_collective(word)
    ):
        return None
    return [word]


# A bare name line: letters, spaces, the dots, apostrophes and hyphens of names, the commas
# and ampersands between them; no colon, slash, bar or question mark (menu and label lines)
_BARE_NAME_LINE = re.compile(r"^[^\W\d_][^\W\d_\s.'’,&-]*(?:[\s.'’,&-]+[^\W\d_]+)*\.?$")


# jusText's stop-word lists, made from Wikipedia, hold given names and surnames ("John",
# "King", "Wilhelm"); only their short function words ("The", "Our", "Get") are never a name's
_STOP_NAME_LETTERS = 3


# The capitals inside a name's word: "McCarthy", "MacInnes", "O'Neill", "Smith-Jones"
_INNER_CAPITAL_AFTER = ("Mc", "Mac", "O'", "O’", "D'", "D’")


def _title_case_word(token: str) -> bool:
    """A word of a name in title case: each hyphenated part a capital then small letters
    (after Mc, Mac, O'), or an initial ("J.")."""
    if len(token) == 2 and token.endswith("."):
        return token[0].isupper()
    for part in token.split("-"):
        rest = part
        for prefix in _INNER_CAPITAL_AFTER:
            if part.startswith(prefix) and len(part) > len(prefix):
                rest = part[len(prefix) :]
                break
        if not rest[:1].isupper() or any(ch.isupper() for ch in rest[1:]):
            return False
    return True


def _is_initial(token: str) -> bool:
    """A name's initial: a capital and a dot ("C.")."""
    return len(token) == 2 and token[0].isupper() and token[1] == "."


def _bare_name(name: str, common: set[str], stop: frozenset[str]) -> bool:
    """A person's name on a line of its own: two or three words, each a capital then letters
    (a script with capitals: elsewhere a short phrase looks the same), none a word the page
    prints in small letters, a stop word or an agency ("CBC News" is a credit, not a person)."""
    tokens = name.split()
    if not 2 <= len(tokens) <= 3:
        return False
    folded_name = _vocabulary().article.sub("", name.casefold())
    if folded_name in _agencies() or folded_name in _story_agencies():
        return False  # "Associated Press" beside its date: an outlet's credit, not a person
    if len({token.isupper() for token in tokens if not _is_initial(token)}) > 1:
        return False  # "FREE Newsletter": a name is in capitals throughout or not at all
    for token in tokens:
        folded = token.strip(".'’-").casefold()
        if folded in _vocabulary().name_particles:
            continue
        if _is_initial(token):
            continue  # "Fernando C. Pereira", though "c" is a stop word of some lists
        if not token[:1].isupper() or folded in common:
            return False
        if folded in stop and len(folded) <= _STOP_NAME_LETTERS:
            return False  # "The", "Our", "Get": longer ones of jusText's lists hold names
        if folded in _vocabulary().not_name_words:
            return False
        if not token.isupper() and not _title_case_word(token.rstrip(".")):
            return False  # "DailyTimes", "Derby-bound": a brand's or a phrase's word
        if folded in _agencies() or folded in _credit_words():
            return False
    return True


# "Name | date", "Name •Oct 20, 2025", "date · Name": a name and a date on one line, no "By"
_NAME_DATE_SPLIT = re.compile(r"\s*[|•·]\s*|\s+[-–—]\s+")


def _name_and_date(text: str) -> tuple[list[str], list[tuple[str, str]]] | None:
    """(names, dates) of a line holding a bare name and a date line, with a separator
    between them or none ("Name Surname October 14, 2025"), in either order; None else.
    The caller checks the names (a dump's bare name line: `_bare_name`)."""
    # "Dec 17, 2025Julian Arni": the copy lost the space after the year
    text = _GLUED_DATES.sub(" | ", text)
    if len(text.split()) > _MAX_NAME_DATE_WORDS or not looks_like_date(text):
        return None
    if _date_kind(text.strip()) is not None:
        return None  # "Publié le 12 avril 2023": the opener of a date line, not a name
    # a reading time, a post's length or its comment count says nothing: "Name • <date> •
    # 8 min read", "<date> · 30 min · 6279 words · Name"
    segments = [s for s in _NAME_DATE_SPLIT.split(text.strip()) if s and not _count_clause(s)]
    if len(segments) == 2:
        for name_part, date_part in (segments, segments[::-1]):
            # "Name in Project Management": the post's categories after the name
            name_part = _vocabulary().name_category.sub("", name_part)
            if not _BARE_NAME_LINE.match(name_part) or any(ch.isdigit() for ch in name_part):
                continue
            names = _names(name_part)
            dates = DateLineRule().parse(date_part)
            if names and dates and all(len(n.split()) >= 2 for n in names):
                return names, dates
        return None
    if len(segments) == 1:
        split = _names_then_bare_date(segments[0]) or _bare_date_then_names(segments[0])
        if split is None or not all(_BARE_NAME_LINE.match(n) for n in split[0]):
            return None  # "Last Modified: <date>": a label's colon
        return split[0], [split[1]]
    return None


def _count_clause(segment: str) -> bool:
    """A segment that is nothing but a reading time, a post's length or a comment count
    ("8 min read", "6279 words", "0 Comments": the trailing clauses of `bylines.toml`)."""
    pattern = _vocabulary().trailing_clause
    match = pattern.match(segment.strip()) if pattern is not None else None
    return match is not None and match.end() == len(segment.strip())


_MAX_DATE_TOKENS = 6  # "Tuesday, December 17, 2025 10:30" before a name


def _bare_date_then_names(segment: str) -> tuple[list[str], tuple[str, str]] | None:
    """'January 16, 2026 Jane Doe' (no separator between the date and the names): the names
    and the date, split where what precedes is a date and what follows is two-word names."""
    tokens = segment.split()
    for k in range(min(len(tokens) - 2, _MAX_DATE_TOKENS), 1, -1):
        head, tail = " ".join(tokens[:k]), " ".join(tokens[k:])
        if not tail[:1].isupper() or not looks_like_date(head):
            continue
        names = _names(tail)
        if not names or any(len(n.split()) < 2 for n in names):
            continue
        found = DateLineRule().parse(head)
        if found:
            return names, found[0]
    return None


_MAX_NAME_DATE_WORDS = 12


def _after_labels(
    blocks: Sequence[Block | None], label: re.Pattern[str]
) -> Iterator[tuple[Block | None, Block]]:
    """The kept blocks that are not a label alone on their line ("By", "Last updated:"),
    each with the label line just before it (None when there is none). A gap (None) or a
    removed block between them parts a label from the next line."""
    pending: Block | None = None
    for block in blocks:
        if block is None or not block.kept:
            pending = None
            continue
        if label.match(block.text.strip()):
            pending = block
            continue
        yield pending, block
        pending = None


def _collective(text: str) -> str | None:
    """The group a byline names ("Great Day Editorial Team", "EcoCult Staff", "Our Editors"
    after "written by"), or None: the author vocabulary's collective words
    (`cleaners.authors.is_collective`, shared with the HTML path's author fields). Written as
    a name: two words or more, each before the last one capitalised ("Team" alone and "Meet
    the Team" are menu lines)."""
    name = strip_prefix(without_trailing_clause(text.strip())).strip(EDGE_CHARACTERS)
    tokens = name.split()
    if len(tokens) < 2 or not all(t[:1].isupper() for t in tokens[:-1]):
        return None
    return name if is_collective(name) else None


def _names_someone(names: Sequence[str]) -> bool:
    """The names hold a person (a name that is not a group like "News Desk")."""
    return any(not is_collective(n) for n in names)


def add_names(page: Page, names: Sequence[str]) -> None:
    """A byline's names into the page's authors. A group ("News Desk") is the author of a
    dump's story only when no person is named (as the HTML path keeps agencies and groups
    only then): it is not taken after a person, and a person taken after it replaces it.
    On the HTML path the page's markup and metadata name the authors; a group line is only
    removed there, as before."""
    for name in names:
        if is_collective(name):
            if page.region is None or page.authors:
                continue
        elif page.region is not None and page.authors and all(map(is_collective, page.authors)):
            page.authors.clear()
        page.add_author(name)


@dataclass(frozen=True, slots=True)
class BylineRule:
    """'By A, B - <date> - Last updated at <date>': authors and dates into fields."""

    name: str = "byline"
    reason: str = "byline"
    max_words: int = 25

    def parse(
        self, text: str, known: set[str] | None = None, dates: bool = True
    ) -> tuple[list[str], list[tuple[str, str]]] | None:
        """(names, dates) of a byline, None when the line is not one. `dates=False` asks only
        whether it is one (the headline search): the dates of short segments are not parsed
        then, and the dates list may be short; whether None is returned is the same.

        A newsroom writing as a group ("Everfit Team", "By The Currency editors", "by News
        Desk") is the one name of a byline that names no person (`add_names` decides whether
        the page takes it)."""
        parsed = self._parse(text, known, dates)
        if parsed is not None and not parsed[0]:
            group = _collective(text)
            if group is not None:
                return [group], parsed[1]
        return parsed

    def _parse(
        self, text: str, known: set[str] | None, dates: bool
    ) -> tuple[list[str], list[tuple[str, str]]] | None:
        too_long = len(text.split()) > self.max_words
        wire_credit = bool(_vocabulary().wire_credit.match(text))
        # "By Name, Ph.D.": a credential's dot closes no sentence
        if (too_long or ends_sentence(_without_credentials(text))) and not wire_credit:
            return None
        if wire_credit:
            return self._wire_credit(text), []
        text = without_trailing_clause(text)
        vocabulary = _vocabulary()
        # both only where they can match: `lead_glued` at the start (sub would try every
        # position), `prefix_glued` before one of its words
        if vocabulary.lead_glued.match(text):
            text = vocabulary.lead_glued.sub(r"\g<lead> ", text, count=1)
        if any(word in text for word in vocabulary.prefix_glued_words):
            text = vocabulary.prefix_glued.sub(" | ", text, count=1)
        trail = _vocabulary().trail.match(text.strip())
        if trail:
            # a name before "기자" / "記者" is one word of a few syllables: more is a sentence
            names = _names(trail.group("names"))
            if names and all(" " not in n and len(n) <= _MAX_TRAIL_NAME for n in names):
                return names, []
            return None
        match = _vocabulary().byline.match(_without_brackets(text))
        if not match:
            return self._unprefixed(text, known or set()) or _credit_line(text, known)
        segments = _SEGMENT_SPLIT.split(match.group("rest"))
        names = _names(segments[0])
        found_dates = []
        if names is None:
            split = _names_then_linked_date(segments[0]) or _names_then_bare_date(segments[0])
            if split is not None:
                names, glued_date = split
                found_dates.append(glued_date)
            else:
                # "by Amanda · Dec 20, 2025": a blog signs with a first name; after "by" and
                # with the post's date on the line, one name-like word is its author
                names = _first_name(segments[0])
                if names is None or not any(_date_kind(s.strip()) for s in segments[1:]):
                    return None
        dated = bool(found_dates)  # a date read before (or skipped, with `dates=False`)
        skipped: list[str] = []  # short segments not read (`dates=False`)
        for segment in segments[1:]:
            short = len(segment.split()) <= 6
            if short and not dates:
                skipped.append(segment)  # a date or ignored: read only if the verdict needs it
                continue
            found = _date_kind(segment)
            if found:
                found_dates.append(found)
                dated = True
            elif not short and not dated:
                dated = any(_date_kind(s) for s in skipped)
                if not dated:
                    # a sentence after the names: no byline. After its date, a byline may go
                    # on with the post's categories or its comment count ("by Name | Mar 11,
                    # 2023 | All About Brakes and Brake Repair, Learn About Brakes")
                    return None
        return names, found_dates

    @staticmethod
    def _unprefixed(text: str, known: set[str]) -> tuple[list[str], list[tuple[str, str]]] | None:
        """'Published 12 June 2024 By Name', and 'Name , Tuesday 14 May 2024' when the page's
        metadata names that author (else "Harvest Festival - 14 March 2023" would be one)."""
        date_first = _vocabulary().date_then_by.match(text)
        if date_first:
            found = _date_kind(date_first.group("date"))
            names = _names(date_first.group("names"))
            return (names, [found]) if found and names else None
        segments = _NAMES_THEN_DATE.split(text)
        if len(segments) < 2:
            return None
        names = _names(segments[0])
        if not names or not all(n.casefold() in known for n in names):
            return None  # before the dates: parsing them is the dear part
        dates = [_date_kind(s) for s in segments[1:]]
        if not all(dates):
            return None
        return names, [d for d in dates if d]

    @staticmethod
    def _wire_credit(text: str) -> list[str]:
        names: list[str] = []
        for clause in text.strip("() .").split(";"):
            match = _vocabulary().wire_clause.match(clause.strip())
            if match:
                names.extend(_names(match.group("names")) or [])
        return names

    def apply(self, page: Page) -> None:
        # under the story, an author box ("Written by" / Name / bio) names its author; when the
        # header did, a named byline there is a teaser's ("Title" / "by Name"): only an
        # agency's credit ("Reuters") is read there then
        self.read(
            page,
            [b if page.in_region(b, _REGION_MARGIN) else None for b in page.blocks],
            teasers_from=None if page.region is None else page.region[1],
        )
        if not _names_someone(page.authors) and page.region is not None:
            self._name_by_date(page)

    def read(
        self, page: Page, blocks: Sequence[Block | None], teasers_from: int | None = None
    ) -> None:
        """Reads the bylines among `blocks` (in page order; None for a gap, which parts a
        "By" line alone from the names after it) into the page's fields. From block
        `teasers_from` on, once the page has an author, only the credits that name no one
        (an agency, a desk) are read."""
        known = {a.casefold() for a in page.authors}
        known_words = [name.split() for name in known]
        # lead: a "By" line alone before the block, the names being on this line
        for lead, block in _after_labels(blocks, _vocabulary().lead_alone):
            parsed = None
            unnamed_only = (
                teasers_from is not None
                and block.index >= teasers_from
                and _names_someone(page.authors)
            )
            if lead is not None:
                # the layout put the lead and the names in two elements: "By" / "Name"; a
                # label ("Author" / "Name") is read as the lead it stands for
                label = _vocabulary().label_alone.match(lead.text.strip()) is not None
                opener = _LABEL_LEAD if label else lead.text.strip()
                parsed = self.parse(f"{opener} {block.text}", known)
                if parsed is not None and label and _interface_words(parsed[0]):
                    parsed = None  # "Author" / "Recent Posts": a list's heading
                if parsed is not None and not (unnamed_only and _names_someone(parsed[0])):
                    lead.remove(self.reason, self.name)
            if parsed is None:
                parsed = self.parse(block.text, known)
            if (
                parsed is None
                and known
                and block.n_words <= 12
                and _may_name_known(block.text, known_words)
            ):
                # a bare author line: the names the page's metadata already gave
                names = _names(block.text)
                if names and all(n.casefold() in known for n in names):
                    parsed = names, []
            if parsed is None or (unnamed_only and _names_someone(parsed[0])):
                continue
            names, dates = parsed
            add_names(page, names)
            for field, iso in dates:
                _set_date(page, field, iso)
            block.remove(self.reason, self.name)

    def _name_by_date(self, page: Page, zone: Sequence[Block] | None = None) -> None:
        """A dump's bare author line: 'Name' next to a date line above the story.

        Blogs and magazines print the author's name on its own under (or over) the headline,
        with the date on the next line; a dump keeps no markup to call it a byline. Only on
        dumps (on the HTML path the markup names authors and a comment's "Name" / "<date>"
        looks the same), only above the story's first paragraph (below it, the same pair is
        a comment or an author box) and only the first such pair."""
        # imported here: the headline search asks this module whether a line is a byline
        from cleaners.headline_search import MIN_FOUND, content_words
        from cleaners.region import page_language, stop_words

        assert page.region is not None
        in_region = [b for b in page.blocks if b.kept and page.in_region(b, _REGION_MARGIN)]
        lead = [b.text for b in in_region if b.n_words >= _STORY_WORDS][:_LEAD_BLOCKS]
        kept = in_region if zone is None else [b for b in zone if b.kept]
        stop = stop_words(page_language(lead))
        lead_words = {w for text in lead for w in content_words(text, stop)}
        # words the page prints in small letters are common words, not names: "Most Emailed",
        # "News Tips", "FREE Newsletter" are menu lines, "Sean Collins" is a person
        common = _small_words(page)
        for position, block in enumerate(kept):
            if block.n_words >= _STORY_WORDS:
                return  # the story began: a name line below is a comment or a bio
            paired = _name_and_date(block.text)
            if paired is not None:
                pair_names, dates = paired
                words = [w for n in pair_names for w in content_words(n, stop)]
                shares_story = sum(w in lead_words for w in words) >= min(MIN_FOUND, len(words))
                if all(_bare_name(n, common, stop) for n in pair_names) and not shares_story:
                    add_names(page, pair_names)
                    for field, iso in dates:
                        _set_date(page, field, iso)
                    block.remove(self.reason, self.name)
                    return
            if not _BARE_NAME_LINE.match(block.text.strip()):
                continue
            names = _names(block.text)
            if not names or len(names) > 3 or not all(_bare_name(n, common, stop) for n in names):
                continue
            words = content_words(block.text, stop)
            if sum(w in lead_words for w in words) >= min(MIN_FOUND, len(words)):
                continue  # a title-case headline ("Winter Garden Tips") names the story
            # the date on the next line, or after one short line (the author's role)
            after = kept[position + 1 : position + 3]
            if after and after[0].n_words <= _ROLE_WORDS and len(after) == 2:
                candidates = [after[0], after[1]]
            else:
                candidates = after[:1]
            if position > 0:
                candidates.append(kept[position - 1])
            # or the author's job on the next line ("Trending Editor", "Senior Staff Writer",
            # "Rédactrice"): an author card under the headline that prints no date
            role = bool(after) and after[0].n_words <= _ROLE_LINE_WORDS and is_role(after[0].text)
            date_line = DateLineRule()
            if role or any(date_line.parse(c.text) for c in candidates):
                add_names(page, names)
                block.remove(self.reason, self.name)
                return


# A post's date line may carry a few short labels beside its dates: "March 20, 2023 |
# Wellness & Prevention", "Video - December 19, 2025", "June 9, 2020 · 6 Comments".
_MAX_LABELLED_SEGMENTS = 4
_MAX_LABEL_WORDS = 4


def _dates_with_labels(segments: Sequence[str]) -> list[tuple[str, str]] | None:
    """The dates of a line cut into a few segments, each a date or a short label (a
    category, a comment count, the post's kind, the site's name), or None. A label is a few
    words that close no sentence; a longer segment (a teaser's headline beside its date) makes
    the line something else."""
    if not 2 <= len(segments) <= _MAX_LABELLED_SEGMENTS:
        return None
    found: list[tuple[str, str]] = []
    for segment in segments:
        segment = segment.strip()
        kind = _date_kind(segment)
        if kind is not None:
            found.append(kind)
        elif len(segment.split()) > _MAX_LABEL_WORDS or ends_sentence(segment):
            return None
    return found or None


@dataclass(frozen=True, slots=True)
class DateLineRule:
    """'Updated: <date>', 'Published on <date>' or a bare date line: into `published`/`updated`."""

    name: str = "date_line"
    reason: str = "date_line"
    max_words: int = 16

    def parse(self, text: str) -> list[tuple[str, str]] | None:
        half = len(text) // 2
        if len(text) % 2 == 0 and text[:half] == text[half:]:
            text = text[:half]  # a date line printed twice and glued together by the copy
        text = thai_common_era(_unglued(text))
        if len(text.split()) > self.max_words:
            return None
        # "June 29, 2020November 12, 2021": parted before the date test, which reads a year
        # only at a word's edge
        text = _GLUED_DATES.sub(" | ", text)
        if not looks_like_date(text):
            return None
        # "Published March 3, 2024 Updated March 5, 2024": two date lines run together
        text = _vocabulary().opener_after_date.sub(" | ", text)
        found_dates = self._parse(text)
        stripped = without_trailing_clause(text)
        if found_dates is None and stripped != text:
            found_dates = self._parse(stripped)  # "<date> • 2 min read"
        return found_dates

    @staticmethod
    def _parse(text: str) -> list[tuple[str, str]] | None:
        found: list[tuple[str, str]] = []
        segments: list[str] = []
        for segment in _SEGMENT_SPLIT.split(text):
            if _is_hijri(segment):
                continue  # the Hijri date next to the Gregorian one
            if segments and _TIME_ONLY.match(segment.strip()):
                segments[-1] = f"{segments[-1]} {segment.strip()}"  # the time of that date
            else:
                segments.append(segment)
        for segment in segments:
            kind = _date_kind(segment.strip())
            if kind is None:
                found = []
                break
            found.append(kind)
        if found:
            return found
        # "Wed 25 Oct 2023 | 16:40": one date cut in pieces
        joined = _vocabulary().relative_update.sub("", _SEGMENT_SPLIT.sub(" ", text))
        if is_bare_date(joined):
            iso = parse_date(joined)
            return [("published", iso)] if iso else None
        return _dates_with_labels(segments)

    def apply(self, page: Page) -> None:
        self.read(page, [b if page.in_region(b, _REGION_MARGIN) else None for b in page.blocks])

    def read(self, page: Page, blocks: Sequence[Block | None]) -> None:
        """Reads the date lines among `blocks` (None for a gap) into the page's dates."""
        # prefix: "Last updated:" alone before the block, the date being on this line
        for prefix, block in _after_labels(blocks, _vocabulary().prefix_alone):
            dates = None
            if prefix is not None and is_bare_date(block.text):
                # the layout put the prefix and the date in two elements
                dates = self.parse(f"{prefix.text.strip()} {block.text}")
                if dates is not None:
                    prefix.remove(self.reason, self.name)
            if dates is None:
                dates = self.parse(block.text)
            if dates is None:
                continue
            for field, iso in dates:
                _set_date(page, field, iso)
            block.remove(self.reason, self.name)


# The header of a dump's story: the lines from a few above its headline down to its first
# paragraph, at most this many below the headline (a table of contents may sit between).
_HEADER_ABOVE = 3
_LINK_ROW = "link_row"  # the line pattern naming a row of short links (line_patterns.toml)
_HEADER_BELOW = 40


def read_header(page: Page, title_index: int, misplaced: Collection[str]) -> None:
    """The byline and date lines around a dump's headline, once the headline is known.

    The article region begins at the story's first paragraphs; a long table of contents, a
    share bar or a picture credit between the headline and the story leaves the byline
    outside it, taken for navigation (a reason in `misplaced`). Once the headline is found,
    the lines from just above it down to the story's first paragraph are its header: the
    bylines, date lines and bare "Name" / "<date>" pairs there are the story's. Lines read
    here leave with the byline rules' reasons; the others keep the removal they had."""
    start = max(0, title_index - _HEADER_ABOVE)
    zone: list[Block] = []
    for block in page.blocks[start : title_index + _HEADER_BELOW]:
        if block.index > title_index and block.kept and is_prose(block.text):
            break  # the story's first paragraph
        if block.index != title_index:
            zone.append(block)
    restored = []
    byline_lead = _vocabulary().byline
    for block in zone:
        # date lines the date rule took already: the bare-name pair reads them again; a line
        # opening with a byline word ("by Name | SEO | 8 min Read") that a wording rule took
        # for a menu row is read as the byline it may be
        if block.removal is not None and (
            block.removal.reason in (*misplaced, "date_line")
            or byline_lead.match(block.text.strip())
            # "<date> · 12 min · 2480 words · Name": a row of short parts holding a date is
            # the header's, not a row of links
            or (block.removal.rule == _LINK_ROW and looks_like_date(block.text))
        ):
            restored.append((block, block.removal))
            block.removal = None
    # the headline parts the lines above it from those below ("By" over it names no one)
    gaps: list[Block | None] = [b for b in zone if b.index < title_index]
    gaps += [None, *(b for b in zone if b.index > title_index)]
    # a day with its ordinal letters ("November 26th, 2024", "1er mai 2024") is a date's word
    # here only: the reads below see the zone's lines without those letters
    plain = {b.index: _without_ordinals(b) for b in zone}
    plain_gaps = [None if b is None else plain[b.index] for b in gaps]
    byline = BylineRule()
    byline.read(page, plain_gaps)  # "September 1st, 2023 By Name"
    _settle_copies(zone, plain)
    if not _names_someone(page.authors):
        _one_name_byline(page, [b for b in zone if b.kept])
    if not _names_someone(page.authors) and page.region is not None:
        # under the headline (the lines over it were next to the story's region: read); before
        # the date lines go, as it reads them
        byline._name_by_date(page, [plain[b.index] for b in zone if b.index > title_index])
    if not _names_someone(page.authors) and page.region is not None:
        _one_word_by_date(
            page, title_index, [plain[b.index] for b in zone if b.index > title_index]
        )
    DateLineRule().read(page, plain_gaps)
    _settle_copies(zone, plain)
    for block, removal in restored:
        if block.kept:
            block.removal = removal


def _settle_copies(zone: Sequence[Block], plain: dict[int, Block]) -> None:
    """The removals made on the zone's copies without ordinals, made on the zone's blocks."""
    for block in zone:
        removal = plain[block.index].removal
        if removal is not None and block.kept:
            block.remove(removal.reason, removal.rule)


def _one_name_byline(page: Page, zone: Sequence[Block]) -> None:
    """A byline naming one word in a dump's header ("By Clay", "Written by Kristin", "by
    whova | Apr 21, 2025"): a blogger's first name or user name. `_looks_like_name` refuses
    one word elsewhere ("By Land and Sea", "By Topic" in a menu); next to the headline, a
    "By" line is the story's. A word in small letters is read only with a date after it (a
    user name; alone, "by default" or "by email" is a phrase)."""
    vocabulary = _vocabulary()
    for block in zone:
        match = vocabulary.byline.match(block.text.strip())
        if match is None:
            continue
        segments = _SEGMENT_SPLIT.split(match.group("rest").strip())
        name = segments[0].strip(" .,")
        folded = name.casefold()
        if (
            not name
            or not name[0].isalpha()
            or any(ch.isspace() for ch in name)
            or folded in vocabulary.date_words
            or folded in vocabulary.not_name_words
        ):
            continue
        dates = [_date_kind(segment.strip()) for segment in segments[1:]]
        if not all(dates) or (name[0].islower() and not dates):
            continue
        add_names(page, [name])
        for found in dates:
            if found is not None:
                _set_date(page, *found)
        rule = BylineRule()
        block.remove(rule.reason, rule.name)
        return


def _small_words(page: Page) -> set[str]:
    """The words a page prints in small letters (common words, not names)."""
    return {
        word
        for b in page.blocks
        for word in (t.strip(".,;:!?'’\"()") for t in b.text.split())
        if word.islower()
    }


# the kept lines under a dump's headline a one-word author line may be (a standfirst first)
_ONE_WORD_POSITIONS = 2


def _one_word_by_date(page: Page, title_index: int, zone: Sequence[Block]) -> None:
    """A one-word author line right under a dump's headline, with the date on the next line
    ("Kev" / "January 1, 2026", "ServiceTitan" / "November 26, 2024"): a blogger's first
    name, user name or company. `_name_by_date` wants two words or more, since one word alone
    is as often a section label ("Travel" / <date>); a label is the page's vocabulary,
    though: a menu line of its own above the headline, or a word the page prints in small
    letters. A name is neither, and no stop, date, interface or agency word."""
    from cleaners.region import page_language, stop_words

    kept = [b for b in zone if b.kept]
    lead = [b.text for b in kept if b.n_words >= _STORY_WORDS][:_LEAD_BLOCKS]
    stop = stop_words(page_language(lead))
    menu = {b.text.strip().casefold() for b in page.blocks[:title_index]}
    date_line = DateLineRule()
    for position, block in enumerate(kept[:_ONE_WORD_POSITIONS]):
        name = block.text.strip()
        folded = name.casefold()
        if (
            " " in name
            or not _title_case_word(name)
            or len(name) < 2
            or folded in menu
            or _vocabulary().prefix_alone.match(name)  # "Published" / <date>: a label
            or folded in stop
            or folded in _vocabulary().not_name_words
            or folded in _vocabulary().line_date_words
            or folded in _agencies()
            or folded in _credit_words()
            or folded in _small_words(page)
        ):
            continue
        after = kept[position + 1 : position + 2]
        if after and date_line.parse(after[0].text):
            add_names(page, [name])
            rule = BylineRule()
            block.remove(rule.reason, rule.name)
            return


# lines under a dump's headline its bare author line may be on: the next, or the one after a
# standfirst; a standfirst is this long (a short line between is a label or a button)
_NAME_UNDER_HEADLINE = 2
_STANDFIRST_MIN_WORDS = 6


def name_under_headline(page: Page, title_index: int) -> None:
    """A bare name line right under a dump's headline, or under its standfirst ("Headline" /
    "Jane Doe" / story): the author line of a blog or magazine that prints no date beside it.
    `_name_by_date` wants a date next to the name, since a bare title-case pair elsewhere is
    as often a menu item; right under the headline, a menu has ended. The name is read as
    `_name_by_date` reads one: two or three capitalised words, none a word the page prints in
    small letters, a stop word or an interface word, sharing no words with the story."""
    from cleaners.headline_search import MIN_FOUND, content_words
    from cleaners.region import page_language, stop_words
    from cleaners.textfeatures import fold

    under = page.blocks[title_index + 1 : title_index + 1 + _NAME_UNDER_HEADLINE]
    title_key = fold(page.blocks[title_index].text)
    for position, block in enumerate(under):
        if position > 0:
            above = under[position - 1]
            # the line between is the headline printed again or a standfirst
            if fold(above.text) != title_key and above.n_words < _STANDFIRST_MIN_WORDS:
                return
        text = block.text.strip()
        if not _BARE_NAME_LINE.match(text):
            continue
        names = _names(text)
        if not names or len(names) > 3:
            continue
        lead = [b.text for b in page.blocks if b.kept and b.n_words >= _STORY_WORDS][:_LEAD_BLOCKS]
        stop = stop_words(page_language(lead))
        if not all(_bare_name(n, _small_words(page), stop) for n in names):
            return
        lead_words = {w for t in lead for w in content_words(t, stop)}
        words = content_words(text, stop)
        if sum(w in lead_words for w in words) >= min(MIN_FOUND, len(words)):
            return  # a title-case subheading naming the story
        add_names(page, names)
        rule = BylineRule()
        block.removal = None
        block.remove(rule.reason, rule.name)
        return


# lines above a dump's headline searched for its date line when its header printed none
_DATE_ABOVE = 40


def date_above_story(page: Page, anchor: int) -> None:
    """The date line nearest above a dump's headline (or story, `anchor`), as the page's
    fallback date (`published_fallback`: it stands when no date line of the header gave one).

    A blog prints its post's date over the headline, or with the post's categories and
    share bar between them, where the header read (`read_header`) does not reach; a page's
    other dates (comments', teasers') are under the story. Lines removed as anything are read:
    the date bar is often taken for navigation."""
    if page.published or page.updated or page.published_fallback:
        return  # (an update date in the header stands for the publication date)
    rule = DateLineRule()
    for block in reversed(page.blocks[max(0, anchor - _DATE_ABOVE) : anchor]):
        dates = rule.parse(block.text)
        if dates:
            published = [iso for field, iso in dates if field == "published"]
            page.published_fallback = published[0] if published else dates[0][1]
            return


# lines around a dump's headline searched for its "By" line when no rule named an author
_BYLINE_AROUND = 40


_BIO_MIN_WORDS = 12  # an author's bio under their name is a sentence or more


def _opens_with(text: str, name: str) -> bool:
    """`text` opens with `name` (or its possessive) and goes on in small letters: "Maria is a
    growth analyst...", "Liam Austin's first company..."."""
    if not text.startswith(name):
        return False
    rest = text[len(name) :]
    for possessive in ("'s", "’s"):
        rest = rest.removeprefix(possessive)
    return rest[:1] == " " and rest[1:2].islower()


def name_over_bio(page: Page) -> None:
    """An author box: a bare name line over a bio that opens with the name ("Lauren Vetter" /
    "Lauren Vetter is a marketing professional...") names the author when no byline did. A
    bio calling the person by the first name alone ("Maria is a growth analyst") is a
    person's wherever it stands; one opening with the whole name is read outside the story
    only (inside, "Apache Spark" / "Apache Spark is an engine..." is a subheading over its
    paragraph). A name sharing the story's words is its subject, not its author."""
    from cleaners.headline_search import content_words
    from cleaners.region import page_language, stop_words

    if _names_someone(page.authors) or page.region is None:
        return
    lead = [b.text for b in page.blocks if b.kept and b.n_words >= _STORY_WORDS][:_LEAD_BLOCKS]
    stop = stop_words(page_language(lead))
    lead_words = {w for text in lead for w in content_words(text, stop)}
    common = _small_words(page)
    for block, bio in zip(page.blocks, page.blocks[1:], strict=False):
        if bio.n_words < _BIO_MIN_WORDS or not _BARE_NAME_LINE.match(block.text.strip()):
            continue
        name = block.text.strip()
        role = _vocabulary().roles.search(name)  # "Emma Ryan Writer": the name before the role
        if role is not None and role.start() > 0:
            name = name[: role.start()].strip()
        if not name or not _bare_name(name, common, stop):
            continue
        if any(w in lead_words for w in content_words(name, stop)):
            continue
        inside = page.region[0] <= block.index < page.region[1]
        whole = _opens_with(bio.text, name)
        if (whole and not inside) or (not whole and _opens_with(bio.text, name.split()[0])):
            add_names(page, [name])
            return


def _interface_words(names: Sequence[str]) -> bool:
    """A word of the names is a menu's or a filter's ("By Event Type", "By Topic")."""
    return any(
        word.casefold() in _vocabulary().not_name_words for name in names for word in name.split()
    )


def byline_near_story(page: Page, anchor: int) -> None:
    """The "By Name" line nearest a dump's headline (or story, `anchor`) names its author
    when no rule read one: a share bar, a table of contents or a picture may part the byline
    from the headline and the story, beyond the lines the header read takes (`read_header`),
    and a headline not found leaves the header unread. Only a line opening with a byline
    word, naming a person and dated (on the line or the next) is taken: the header of a
    story. A bare "By Name" far from the headline may be a teaser's, and under the story the
    next story's (the region's own bylines are `BylineRule`'s)."""
    if _names_someone(page.authors) or page.region is None:
        return
    lead = _vocabulary().byline
    rule = BylineRule()
    date_line = DateLineRule()
    start = max(0, anchor - _BYLINE_AROUND)
    end = max(anchor, page.region[0]) + _REGION_MARGIN
    found: tuple[int, Block, list[str]] | None = None
    for block in page.blocks[start:end]:
        if not lead.match(block.text.strip()):
            continue
        parsed = rule.parse(block.text)
        if parsed is None or not _names_someone(parsed[0]) or _interface_words(parsed[0]):
            continue
        after = page.blocks[block.index + 1 : block.index + 2]
        # ("| Posted January 7, 2026": the bar that parted them in the page's row)
        if not parsed[1] and not (after and date_line.parse(after[0].text.strip(" |"))):
            continue
        distance = abs(block.index - anchor)
        if found is None or distance < found[0]:
            found = distance, block, parsed[0]
    if found is not None:
        add_names(page, found[2])
        found[1].remove(rule.reason, rule.name)


def _without_ordinals(block: Block) -> Block:
    """The block, or a copy whose text has its days' ordinal letters taken off ("November
    26th, 2024" -> "November 26, 2024"), for `read_header`'s date reads.

    Only a dump's header reads them so: in the body and its comments the same form is a
    subheading ("September 11th, 2001") or a commenter's line, and taking it there cost L3S
    body precision (0.9360 -> 0.9356)."""
    text = _vocabulary().ordinal.sub(r"\1", block.text)
    if text == block.text:
        return block
    return Block(block.index, text, block.gap_before, block.tag, block.removal)


def settle_dates(page: Page) -> None:
    """An update date alone is the best publication date known."""
    if page.published is None and page.updated is not None:
        page.published = page.updated


# Shared with the standfirst test (cleaners/rules/standfirst.py), which tells these lines from
# a subtitle with the same vocabulary.
set_date = _set_date
names_someone = _names_someone


def agencies() -> frozenset[str]:
    """News and picture agencies of credits.toml, lower case."""
    return _agencies()


def is_role(segment: str) -> bool:
    """A role or desk closing a credit ("TV Writer", "Bureau Chief", "Special to The Times")."""
    return bool(_vocabulary().roles.search(segment.strip()))


def is_byline(text: str) -> bool:
    """The line reads as a byline ("by Name | May 19, 2024", "Par Nom"): the dump's
    segmenter asks it before joining a line starting in lower case to the line above as a
    hard-wrapped sentence's end, which a headline and the byline under it are not."""
    return BylineRule().parse(text, dates=False) is not None


def date_words() -> frozenset[str]:
    """Month, weekday, time-zone and small words of a date line, lower case."""
    return _vocabulary().date_words
