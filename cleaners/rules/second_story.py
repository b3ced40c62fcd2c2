"""The unrelated second story appended below the main one (infinite scroll, "next article").

Structure proposes, vocabulary decides. A boundary candidate is a headline-like block after
the main story has had a body, followed by a body of its own. It is accepted when the section
it opens does not continue the main story's vocabulary: lexical cohesion (the share of the
section's content words found in the main story's title and body) below a threshold. The
threshold is looser when the candidate carries more of a new story's furniture (its own
captions, widgets, byline or date line, its headline printed twice, or page debris right
above it), and a bare heading is never cut, so that a genuine subheading section of the same
story stays however far its vocabulary wanders.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise

from cleaners.blocks import Block, Page
from cleaners.data import load_text
from cleaners.html.page import HtmlPage
from cleaners.rules.captions import is_caption
from cleaners.rules.line_patterns import classify_line
from cleaners.rules.related import is_related_heading, is_teaser
from cleaners.textfeatures import dominant_script, ends_sentence, is_headline_like, is_prose

_TOKEN = re.compile(r"[^\W\d_]{3,}")
# Suffixes that make a demonym or plural from a name ("Iranian" ~ "Iran", "Lebanese" ~ "Lebanon").
_SUFFIX = re.compile(r"(ians?|ese|is|i|s)$")
_MIN_BODY_BEFORE = 3  # paragraphs the main story must have before a boundary
_MIN_BODY_AFTER = 2  # paragraphs the new story must have
_SECTION_PARAGRAPHS = 10  # paragraphs of the new section compared
_FURNITURE_WINDOW = 8  # blocks after the candidate searched for its furniture and body


@cache
def _stopwords() -> frozenset[str]:
    text = load_text("stopwords_en.txt")
    return frozenset(text.split())


# Arabic: the article, conjunctions and prepositions are written onto the word, and a few
# suffixes mark gender and number; letter variants are unified (light stemming).
_AR_PREFIX = re.compile("^(وال|بال|كال|فال|لل|ال|و|ف|ب)")
_AR_SUFFIX = re.compile("(ات|ون|ين|ان|ها|هم|ية|ة|ه|ي)$")
_AR_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})


def _arabic_keys(token: str) -> frozenset[str]:
    stem = _AR_PREFIX.sub("", token) if len(token) > 4 else token
    stem = _AR_SUFFIX.sub("", stem) if len(stem) > 4 else stem
    return frozenset((stem.translate(_AR_LETTERS)[:4],))


@lru_cache(maxsize=65536)
def _word_keys(token: str) -> frozenset[str]:
    """Crude stems of one word: its 5-letter prefix and that of its demonym/plural base."""
    if "\u0600" <= token[0] <= "\u06ff":
        return _arabic_keys(token)
    base = _SUFFIX.sub("", token)
    if len(base) >= 4 and base[:5] != token[:5]:
        return frozenset((token[:5], base[:5]))
    return frozenset((token[:5],))


def _token_keys(text: str) -> list[frozenset[str]]:
    """The keys of every content-word token, in order (repeats kept: topic words weigh more)."""
    stop = _stopwords()
    # three-letter words count in Arabic (roots), not in Latin script (mostly function words)
    return [
        _word_keys(t)
        for t in _TOKEN.findall(text.casefold())
        if t not in stop and (len(t) > 3 or not t.isascii())
    ]


def content_keys(text: str) -> set[str]:
    """The keys of a text's content words (`cohesion`'s reference)."""
    keys: set[str] = set()
    for token_keys in _token_keys(text):
        keys |= token_keys
    return keys


def cohesion(section: str, reference: set[str], title: set[str]) -> float:
    """How much a section continues the main story, 0 to 1.

    The mean of two shares: the section's content-word tokens whose keys the main story
    (title and body so far: `reference`) also uses, and the title's keys that the section
    takes up again. Without a title of two content words or more, the first share alone.
    """
    tokens = _token_keys(section)
    if not tokens:
        return 1.0
    continued = sum(1 for keys in tokens if keys & reference) / len(tokens)
    if len(title) < 2:
        return continued
    section_keys = set().union(*tokens)
    return (continued + len(title & section_keys) / len(title)) / 2


@dataclass(frozen=True, slots=True)
class Candidate:
    index: int  # position in the block list
    furniture: int  # number of new-story signs after the headline (0-3)
    cohesion: float


@dataclass(frozen=True, slots=True)
class SecondStoryRule:
    name: str = "second_story"
    reason: str = "second_story"
    # Cohesion below which a section is another story, by how much furniture it carries. A
    # bare heading is never a boundary: low word overlap alone is a subheading section on
    # another aspect of the story (a blog's "Frequently asked questions", a profile's "Early
    # life") far more often than a new story; a new story brings furniture of its own.
    thresholds: tuple[float, float, float, float] = (0.0, 0.2, 0.25, 0.3)
    # On HTML pages a story boundary needs markup (a further <article>) or a new story's
    # furniture: real pages carry many headline-like lines (teasers, widgets, subheadings).
    min_furniture_html: int = 3

    def apply(self, page: Page) -> None:
        blocks = page.blocks
        if page.region is not None:  # a whole-page dump: the story is inside its region
            blocks = blocks[page.region[0] : page.region[1]]
        starts = page.story_starts if isinstance(page, HtmlPage) else None
        boundary = self.find_boundary(blocks, starts, html=starts is not None)
        if boundary is None:
            return
        if page.region is not None and not _main_story_holds(blocks, boundary):
            return
        for block in page.blocks[boundary:]:
            if block.kept:
                block.remove(self.reason, self.name)

    def find_boundary(
        self, blocks: list[Block], story_starts: set[int] | None = None, html: bool = False
    ) -> int | None:
        min_furniture = self.min_furniture_html if html else 0
        for candidate in self.candidates(blocks, story_starts, min_furniture):
            if candidate.cohesion < self.thresholds[candidate.furniture]:
                return candidate.index
        return None

    def candidates(
        self, blocks: list[Block], story_starts: set[int] | None = None, min_furniture: int = 0
    ) -> Iterator[Candidate]:
        """Boundary candidates in page order. `story_starts` are blocks that markup says open
        a new story (a further <article>): candidates with full furniture. Candidates with
        less furniture than `min_furniture` are passed over (their cohesion is not computed).
        """
        story_starts = story_starts or set()
        kept = [b for b in blocks if b.kept]
        prose = [is_prose(b.text) for b in kept]
        prose_at = [position for position, flag in enumerate(prose) if flag]
        start = _main_title_position(kept)
        title = content_keys(kept[start].text) if start is not None else set()
        reference = _LazyKeys(set(title))
        body_before = 0
        script: str | None = None
        copies: dict[str, list[int]] = {}  # filled when a candidate asks
        for position in range((start or -1) + 1, len(kept)):
            block = kept[position]
            if prose[position]:
                body_before += 1
                reference.add(block.text)
                continue
            hinted = block.index in story_starts
            window = kept[position + 1 : position + 1 + _FURNITURE_WINDOW]
            if not hinted:
                if body_before < _MIN_BODY_BEFORE or not is_headline_like(block.text):
                    continue
                # cheapest sign first: the headline printed again under itself
                if any(b.key == block.key for b in window) + 2 < min_furniture:
                    continue
                if script is None:
                    script = dominant_script(" ".join(b.text for b in kept[:40])) or ""
                if not _is_story_headline(block.text, script):
                    continue
            if _printed_as_card(kept, position) or _recurring(blocks, block, copies):
                continue
            if not hinted and _cut_by_ad_slot(kept, position):
                continue
            if not hinted and min_furniture == 0 and _first_listed_link(kept, position):
                continue
            # the headline's own body starts within a few blocks (a list of titles is not
            # a story), and it has enough paragraphs
            first = bisect_right(prose_at, position)
            following = prose_at[first : first + _SECTION_PARAGRAPHS]
            if len(following) < _MIN_BODY_AFTER or following[0] > position + _FURNITURE_WINDOW:
                continue
            furniture = 3 if hinted else _furniture(block, window, kept[position - 1])
            if furniture < min_furniture:
                continue
            if not hinted and block.n_words <= _LABEL_WORDS and furniture < _LABEL_MIN_FURNITURE:
                continue
            section = [kept[p].text for p in following]
            yield Candidate(
                index=block.index,
                furniture=furniture,
                cohesion=cohesion(" ".join([block.text, *section]), reference.keys(), title),
            )


def _main_story_holds(blocks: list[Block], boundary: int) -> bool:
    """In a whole-page dump the region is the page's main text: a "second story" longer than
    twice the story before it means the boundary is the real headline (the lines before it
    are picture captions, credits and teasers), not an appended story."""
    before = sum(b.n_words for b in blocks if b.kept and b.index < boundary and is_prose(b.text))
    after = sum(b.n_words for b in blocks if b.kept and b.index >= boundary and is_prose(b.text))
    return 2 * before >= after


class _LazyKeys:
    """The main story's vocabulary, computed only if a boundary candidate needs it."""

    def __init__(self, keys: set[str]) -> None:
        self._keys = keys
        self._pending: list[str] = []

    def add(self, text: str) -> None:
        self._pending.append(text)

    def keys(self) -> set[str]:
        for text in self._pending:
            self._keys |= content_keys(text)
        self._pending.clear()
        return self._keys


def _main_title_position(kept: list[Block]) -> int | None:
    for position, block in enumerate(kept[:6]):
        if classify_line(block.text) or is_caption(block.text):
            continue
        return position if is_headline_like(block.text, 30) else None
    return None


def _printed_as_card(kept: list[Block], position: int) -> bool:
    """A headline printed twice back to back is a teaser card, not a new story's headline."""
    key = kept[position].key
    return any(
        0 <= other < len(kept) and kept[other].key == key for other in (position - 1, position + 1)
    )


def _cut_by_ad_slot(kept: list[Block], position: int) -> bool:
    """The first half of a paragraph the page cut with an ad slot, not a headline: "Meanwhile,
    the U.N.'s top representative here, Tom" / "Advertisement" / "Koenigs, said he was…". A
    new story's headline is followed by its credits, a picture or its first paragraph; an ad
    label sits between two paragraphs, and inside one where the page cut the text at a fixed
    length. Seen on six L3S-GN1 pages of four sites, where the cut lost the story's second
    half; no boundary that was right had an ad label under its headline."""
    return (
        position + 1 < len(kept)
        and not ends_sentence(kept[position].text)
        and classify_line(kept[position + 1].text) == "advertisement"
    )


# Items of a list of links, the first one counted: three headlines in a row (one headline
# over its summary is a teaser card, the page's furniture below the story, not a list).
_LIST_ITEMS = 3


def _first_listed_link(kept: list[Block], position: int) -> bool:
    """The first item of a list of links set into a dump's story ("Don't miss" / "Read also"
    over three headlines or more, then the story's next paragraph), not a new story's
    headline. A new story's headline is followed by its credits, a picture or its first
    paragraph, never by other headlines; a list item under a related-links heading is. Text
    path only (the caller's `min_furniture` 0): on HTML pages a boundary needs a new story's
    full furniture, and such lists are the markup's links."""
    if position < 1 or position + _LIST_ITEMS > len(kept):
        return False
    items = kept[position : position + _LIST_ITEMS]
    return (
        is_related_heading(kept[position - 1].text)
        and len({b.key for b in items}) == _LIST_ITEMS  # a card prints its headline twice
        and all(
            is_headline_like(b.text)
            and not is_prose(b.text)
            and not _is_credit_or_date(b.text)
            and not is_caption(b.text)
            for b in items[1:]
        )
    )


def _recurring(blocks: list[Block], block: Block, copies: dict[str, list[int]]) -> bool:
    """A line printed twice or more before the candidate (kept or removed: an image's title
    under every picture, a section label) is the page's furniture, not a new story's
    headline, which is new text. One earlier copy may be a teaser of the next story."""
    if not copies:
        for other in blocks:
            if other.key:
                copies.setdefault(other.key, []).append(other.index)
    return sum(1 for index in copies.get(block.key, ()) if index < block.index) >= 2


# A pull quote set into a story ("“I want to stay in the top 10,” he said", "« Nous
# resterons », a-t-il dit") opens with a quotation mark: a quotation, not a headline. In the
# three development corpora's dumps the one cut at such a line lost the story's second half.
_QUOTE_OPENERS = "\"“”„«»‘’‚‹›「『'"
# A one-word line ("Report" over each embedded post, "Analysis", "Video") is a label far more
# often than a story's headline: it opens a new part of the page only with two signs of a
# page's furniture around it (a share bar's "Facebook" over a footer), not with one.
_LABEL_WORDS = 1
_LABEL_MIN_FURNITURE = 2


def _is_story_headline(text: str, page_script: str | None) -> bool:
    """Headline-like, and none of the one-line debris that also looks like a headline."""
    return (
        is_headline_like(text)
        and text.lstrip()[:1] not in _QUOTE_OPENERS
        and dominant_script(text) == page_script
        and not is_caption(text)
        and not is_related_heading(text)
        and not is_teaser(text)
        and classify_line(text) is None
    )


def _furniture(headline: Block, window: list[Block], previous: Block | None = None) -> int:
    """Signs of a new story's page furniture around a headline, 0 to 3: its headline printed
    twice, captions, widgets, a byline or date line under it, page debris right above it."""
    upto_body: list[Block] = []
    for block in window:
        if is_prose(block.text) and not is_caption(block.text):
            break
        upto_body.append(block)
    key = headline.key
    repeated = any(b.key == key for b in window)
    # captions, or a line printed twice back to back under the headline (a caption the
    # copy doubled, whatever its wording)
    captions = any(is_caption(b.text) for b in upto_body) or any(
        a.key == b.key for a, b in pairwise(window[:4])
    )
    widgets = any(classify_line(b.text) is not None for b in upto_body)
    # a new byline or date line under the headline: a new story's own credits
    credits = any(_is_credit_or_date(b.text) for b in upto_body)
    # the end of a page's furniture right above the headline (a share bar, "Most read"):
    # the boundary between two pages printed one after the other
    boundary = previous is not None and (
        classify_line(previous.text) is not None or is_related_heading(previous.text)
    )
    return min(3, int(repeated) + int(captions) + int(widgets) + int(credits) + int(boundary))


def _is_credit_or_date(text: str) -> bool:
    from cleaners.rules.bylines import BylineRule, DateLineRule

    return BylineRule().parse(text) is not None or DateLineRule().parse(text) is not None
