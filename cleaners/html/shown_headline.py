"""The headline a page prints, for pages whose only title is the browser tab's.

A page without a headline in its metadata (no JSON-LD `headline`, no `og:title`) has its
`<title>` for a title, and older and smaller sites fill that with the site's name, a section's
or a slogan ("Cortez Journal Online - Cortez Colorado", "Sports section front"), or wrap the
headline in chrome no separator rule can cut ("Wednesday, 09 January 2008 Headline"). When the
page prints no block equal to that title, the headline is found as a text dump's is: the line
above the story that names what its opening paragraphs are about
(`cleaners.headline_search.headline_by_lead`, the text path's search, here over the page's
blocks with trafilatura's paragraphs as the story).
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml.html import HtmlElement

from cleaners.authors import is_agency, looks_like_person
from cleaners.dates import looks_like_date
from cleaners.headline_search import HEADED_LOOKBACK, headline_by_lead
from cleaners.html.dom import SKIP_TAGS
from cleaners.rules.region import is_furniture
from cleaners.rules.standfirst import is_byline_or_date_line
from cleaners.textfeatures import fold, is_prose


def shown_headline(
    texts: Sequence[str],
    body: Sequence[int],
    title: str | None,
    elements: Sequence[HtmlElement] | None = None,
) -> str | None:
    """The headline among the page's block `texts` above the story (`body`: the positions of
    its paragraphs, in page order), when the page prints no block equal to `title`; None when
    no line names the story. With the blocks' `elements`, the date and byline lines printed
    in the headline's block are cut (`without_credits`)."""
    if not body:
        return None
    if title and _prints(texts, title):
        return None  # the page prints its title: that is its headline
    # the story starts at its first paragraph: trafilatura may keep a sidebar's line above it
    start = next((i for i in body if is_prose(texts[i])), body[0])
    index = _part_of_title(texts, start, title) if title else None
    if index is None:
        index = headline_by_lead(texts, start, [i for i in body if i >= start], is_furniture)
    if index is None:
        return None
    text = " ".join(texts[index].split())
    return without_credits(elements[index], text) if elements is not None else text


# a printed part of the tab's title has this many words or more: "Rocket down Eagles" of
# "Halifax, The Daily News: Sports | Rocket down Eagles" (fewer are a section's name)
_MIN_PART_WORDS = 3


def _part_of_title(texts: Sequence[str], start: int, title: str) -> int | None:
    """The longest line by the story's start (from `HEADED_LOOKBACK` lines above its first
    paragraph to the line under it) that is a run of whole words of the tab's title: the
    headline, which the tab wraps in the site's and section's names."""
    words = f" {fold(title)} "
    best, best_len = None, 0
    for i in range(max(0, start - HEADED_LOOKBACK), min(len(texts), start + 2)):
        key = fold(texts[i])
        if (
            len(key.split()) >= _MIN_PART_WORDS
            and len(key) > best_len
            and f" {key} " in words
            and not is_furniture(texts[i])
        ):
            best, best_len = i, len(key)
    return best


# A title of this many words or more printed inside a longer block (glued to its date line or
# byline: "January 18, 2008 Headline") is printed; a shorter one may be the site's name in
# the copyright line
_GLUED_TITLE_WORDS = 5


def _prints(texts: Sequence[str], title: str) -> bool:
    key = fold(title)
    if len(title.split()) >= _GLUED_TITLE_WORDS:
        return any(key in fold(text) for text in texts)
    return any(fold(text) == key for text in texts)


# A credit line of a person's name alone ("Josh Pringle" under the headline) has this many words
# or fewer: a longer capitalised line may be a headline in title case
_MAX_NAME_LINE_WORDS = 3
# what is left of a headline line once its credits are cut has this many words or more
_MIN_HEADLINE_WORDS = 2


def without_credits(element: HtmlElement, text: str) -> str:
    """The headline `text` of the block `element` without the date, byline or agency lines
    it is printed with in one block: older themes put the date or the byline in the
    headline's element or its paragraph, a child element or a `<br>` line apart
    ("<h1><span>Wednesday, 09 January 2008</span> Headline</h1>",
    "<b>Headline</b><br>2008-01-14<br>United Press International"). Only whole lines the
    markup sets apart are cut, and only at the text's ends."""
    credits = [line for line, broken in _lines(element) if _is_credit(line, broken)]
    changed = True
    while changed:
        changed = False
        for credit in credits:
            if text.endswith(f" {credit}"):
                rest = text[: -len(credit)].rstrip()
            elif text.startswith(f"{credit} "):
                rest = text[len(credit) :].lstrip()
            else:
                continue
            if len(rest.split()) >= _MIN_HEADLINE_WORDS:
                text, changed = rest, True
    return text


def _is_credit(line: str, broken: bool) -> bool:
    """On a line of its own (after a `<br>`): a date, byline or agency line, or a name alone
    ("Josh Pringle"). Inside the headline's element only a date is: a name or an agency
    there is a part of the headline ("<h1>Obama meets <a>Angela Merkel</a></h1>")."""
    if not broken:
        return looks_like_date(line) and is_byline_or_date_line(line)
    if is_byline_or_date_line(line) or is_agency(line):
        return True
    return len(line.split()) <= _MAX_NAME_LINE_WORDS and looks_like_person(line)


def _lines(element: HtmlElement) -> list[tuple[str, bool]]:
    """The element's text cut at `<br>` and around each child element: the pieces its
    markup sets apart, whitespace collapsed, each with whether a `<br>` is before it."""
    pieces: list[tuple[str, bool]] = [(element.text or "", False)]
    after_break = False
    for child in element:
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        if tag == "br":
            after_break = True
        elif tag and tag not in SKIP_TAGS:
            pieces.append((child.text_content(), after_break))
            # and its own pieces: "<b>Headline<br>date</b>", "<h1><a><time>date</time>
            # Headline</a></h1>" ("Dec <span>18</span> 2025" is whole a piece above)
            pieces.extend(_lines(child) if len(child) else [])
            after_break = False
        tail = " ".join((child.tail or "").split())
        if tail:
            pieces.append((tail, after_break))
            after_break = False
    return [(" ".join(t.split()), b) for t, b in pieces if t.strip()]
