"""Is the line under the headline a standfirst, or a byline or date line set where one goes?

"Reuters November 18, 2019 11:03 PM", "Posted on March 30, 2015 by Admin", "By Name,
Wednesday, 20 November 2019 08:05 GMT": templates print these right under the headline, often
without the "By Name - date" separators the byline rules read, and they have no final full
stop, so they passed for a standfirst. Written by hand because no library tells a credit line
from a summary sentence; the words are in `cleaners/data/standfirst.toml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from cleaners.blocks import Block, Page
from cleaners.data import load_toml
from cleaners.dates import looks_like_date
from cleaners.rules.bylines import (
    BylineRule,
    DateLineRule,
    add_names,
    agencies,
    date_words,
    is_role,
    set_date,
    without_trailing_clause,
)
from cleaners.textfeatures import WORD, in_unmarked_script

# the separator between the names and the role of a credit line
_CREDIT_SEPARATOR = re.compile(r"\s*[,|;/]\s*|\s+[-–—]\s+")


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    markers: frozenset[str]
    glue: frozenset[str]
    max_other_words: int


@cache
def _vocabulary() -> _Vocabulary:
    data = load_toml("standfirst.toml")
    return _Vocabulary(
        frozenset(data["markers"]), frozenset(data["glue"]), int(data["max_other_words"])
    )


def is_byline_or_date_line(text: str) -> bool:
    """A line of names, dates, agency and byline words, with a date, a byline word or an
    agency in it: a credit or date line. A standfirst is a sentence: it has lower-case words
    that are none of these."""
    if in_unmarked_script(text):
        return False  # no case to tell names from words
    vocabulary = _vocabulary()
    # a reading time or relative age ("2 min read", "3 hours ago"): the byline rules' words
    stripped = without_trailing_clause(text)
    folded = f" {' '.join(WORD.findall(stripped.casefold()))} "
    signal = (
        stripped != text or looks_like_date(text) or any(f" {a} " in folded for a in agencies())
    )
    other = 0
    for token in WORD.findall(stripped):
        word = token.casefold()
        if word in vocabulary.markers:
            signal = True
        elif (
            # a name is capitalised; a word of a script without case (Arabic) may be anything
            not token[0].isupper()
            and word not in vocabulary.glue
            and word not in date_words()
            and not any(ch.isdigit() for ch in token)
        ):
            other += 1
            if other > vocabulary.max_other_words:
                return False
    return signal


def is_credit_line(text: str, known: set[str]) -> bool:
    """Names and an outlet or a role, without a byline word: "Name and Name USA TODAY" (names
    the page's metadata gives), "Name | TV and Radio Writer", "Name, CTV Ottawa Bureau Chief".
    Every word is capitalised (names, outlets, roles) or glue; a standfirst has lower-case
    words. Without a known name, the line must close on a role after a separator. Read in the
    subtitle's place only: in the body, "Name, Diplomatic Correspondent" opens an analysis box
    of the same story."""
    if in_unmarked_script(text) or len(text.split()) > 16:
        return False
    vocabulary = _vocabulary()
    folded = text.casefold()
    named = [name for name in known if len(name.split()) >= 2 and name in folded]
    for token in WORD.findall(text):
        if not token[0].isupper() and token.casefold() not in vocabulary.glue:
            return False
    if named:
        return True
    parts = _CREDIT_SEPARATOR.split(text.strip())
    return len(parts) >= 2 and len(parts[0].split()) >= 2 and is_role(parts[-1])


@dataclass(frozen=True, slots=True)
class BylineUnderHeadline:
    """Takes a byline or date line out of the subtitle's place: authors and dates filled as
    the byline rules fill them, the block removed with their reason codes."""

    name: str

    def handle(self, page: Page, block: Block) -> bool:
        """True when `block` was a byline or date line (now removed)."""
        known = {a.casefold() for a in page.authors}
        parsed = BylineRule().parse(block.text, known)
        if parsed is not None:
            names, dates = parsed
            add_names(page, names)
            for field, iso in dates:
                set_date(page, field, iso)
            block.remove("byline", self.name)
            return True
        line_dates = DateLineRule().parse(block.text)
        if line_dates is not None:
            for field, iso in line_dates:
                set_date(page, field, iso)
            block.remove("date_line", self.name)
            return True
        if is_credit_line(block.text, known):
            block.remove("byline", self.name)  # its names are the metadata's, or unknown
            return True
        if not is_byline_or_date_line(block.text):
            return False
        # the parsers could not split it into names and dates: the page's metadata keeps
        # the fields; the line goes with the reason of what it carries
        block.remove("date_line" if looks_like_date(block.text) else "byline", self.name)
        return True
