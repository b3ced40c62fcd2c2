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

from cleaners.headline_search import HEADED_LOOKBACK, headline_by_lead
from cleaners.rules.region import is_furniture
from cleaners.textfeatures import fold, is_prose


def shown_headline(texts: Sequence[str], body: Sequence[int], title: str | None) -> str | None:
    """The headline among the page's block `texts` above the story (`body`: the positions of
    its paragraphs, in page order), when the page prints no block equal to `title`; None when
    no line names the story."""
    if not body:
        return None
    if title and _prints(texts, title):
        return None  # the page prints its title: that is its headline
    # the story starts at its first paragraph: trafilatura may keep a sidebar's line above it
    start = next((i for i in body if is_prose(texts[i])), body[0])
    index = _part_of_title(texts, start, title) if title else None
    if index is None:
        index = headline_by_lead(texts, start, [i for i in body if i >= start], is_furniture)
    return None if index is None else " ".join(texts[index].split())


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
