"""The headline of a whole-page text dump, found by what it is about.

A dump has no markup to say which line is the headline: above the story sit menus, section
labels, date bars, "Go to Google News", bylines and the headline itself, in any order. The first
line above the story that reads like a title (`cleaners.region.headline_above`) is often one of
the others. What sets the headline apart in any language is its subject: a headline names
what the story's opening paragraphs are about, so its content words recur there, while a menu
item, a promo or a date does not share them (the lead-overlap idea of headline detection work
since the 1990s; no maintained library offers it for plain text, hence written here).

`headline_by_lead` scores each title-like line from `LOOKBACK` lines above the story's region
down to its first paragraph by the share of its content words (stop words of the page's
language left out) found in the story's first `LEAD_WORDS` words, times how many are found: a
long headline that names the story beats a short promo sharing one word. Nearer lines win ties.
When no line names the story (a pun or a short news headline: "Gunners star to comeback"), the
nearest title-like line over a byline or date line is the headline: its header marks it.

Measured on the development corpora flattened to whole-page dumps (`make eval`'s text path):
title exact on L3S-GN1 0.276 → 0.675, on WCXB 0.320 → 0.554 (see the README's Evaluation).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from cleaners.region import is_debris_line, page_language, stop_words
from cleaners.textfeatures import dominant_script, fold, is_headline_like, is_prose, word_count

LOOKBACK = 20  # lines above the story's region searched for its headline
# A line with a byline or date line right under it is searched further up (a long table of
# contents or a share bar may part the header from the story) and weighs this much more: a
# story's headline has a header, a table of contents' entry or a section heading has none.
HEADED_LOOKBACK = 40
HEADED_BONUS = 2.0
_HEADER_LINES = 3  # lines under a headline its byline or date line may be in
_HEADED_MIN_WORDS = 3  # content words of a line the header bonus is for
# words of a headline taken for its header alone, without naming the story ("Send via email",
# "Staff and agencies", "Science and technology" over a date line are three)
_FALLBACK_WORDS = 4
LEAD_WORDS = 200  # the story's opening words a headline is compared with
MIN_SHARE = 0.34  # of a candidate's content words found in the lead...
MIN_FOUND = 2  # ...and at least this many of them
_MAX_TITLE_WORDS = 30
_MIN_TITLE_WORDS = 3
_STANDFIRST_WORDS = 15  # a line this long under a title-like line is its standfirst
_MAX_TWICE_WORDS = 12  # a headline printed twice in a row is shorter; a caption longer
# Words sharing their first letters are taken for one word ("Tunisian", "Tunisia"): a crude stem
# that needs no language's rules (a stemmer per language would be a dependency for little gain)
_STEM = 5
_STRIP = ".,;:!?\"'()[]«»“”‘’-–—|/"


def content_words(text: str, stop: frozenset[str]) -> list[str]:
    """Case-folded words without their punctuation, stop words and numbers left out."""
    words = []
    for token in text.casefold().split():
        word = token.strip(_STRIP)
        if len(word) >= 2 and word not in stop and any(ch.isalpha() for ch in word):
            words.append(word)
    return words


def headline_by_lead(
    texts: Sequence[str],
    start: int,
    body: Sequence[int],
    furniture: Callable[[str], bool],
    taken: Collection[int] = (),
) -> int | None:
    """The index of the headline among `texts`, or None when no line names the story.

    `start` is the first line of the story's region; `body` lists the indexes of the story's
    kept lines in page order (the lead is read from its first prose lines); `furniture` tells a
    byline, date line or caption, which share the story's names without being its headline;
    `taken` lists lines a rule already named as something else (a caption, a byline), which
    are not candidates."""
    lead = _lead(texts, body)
    if not lead:
        return None
    stop = stop_words(page_language([texts[i] for i in lead]))
    lead_words = {w for i in lead for w in content_words(texts[i], stop)}
    lead_stems = {w[:_STEM] for w in lead_words}
    script = dominant_script(" ".join(texts[i] for i in lead[:3]))
    first = lead[0]
    last_at = {fold(texts[j]): j for j in body}
    scores: dict[int, float] = {}
    found_at: dict[int, int] = {}
    headed_near: list[int] = []  # title-like lines with a byline or date line under them
    for i in range(max(0, start - HEADED_LOOKBACK), first):
        text = texts[i]
        if i in taken or not _title_like(text, script, furniture):
            continue
        if _listed_again(texts, i, last_at):
            continue  # a table of contents' entry: the story prints it again as a subheading
        if printed_twice(texts, i) and word_count(text) > _MAX_TWICE_WORDS:
            continue  # a sentence-long line twice in a row: a caption over and under its picture
        words = content_words(text, stop)
        if not words:
            continue
        # a section label over the date ("Astronomy & Space") names a topic in a word or two;
        # a headline names the story in more
        heads = _heads_a_byline(texts, i, first, furniture)
        headed = len(words) >= _HEADED_MIN_WORDS and heads
        if i < start - LOOKBACK and not headed:
            continue
        if heads and i >= start - LOOKBACK and word_count(text) >= _FALLBACK_WORDS:
            headed_near.append(i)
        found = found_at[i] = sum(1 for w in words if w in lead_words or w[:_STEM] in lead_stems)
        if found >= MIN_FOUND and found / len(words) >= MIN_SHARE:
            scores[i] = found / len(words) * found * (HEADED_BONUS if headed else 1)
    if not scores:
        # no line names the story in its words (a pun, a short news headline: "Gunners star
        # to comeback"): the nearest title-like line over a byline or date line is its headline
        if headed_near:
            return _first_copy(texts, max(headed_near))
        return _header_inside(texts, lead, script, furniture, taken)
    best_index = max(scores, key=lambda i: (scores[i], i))  # ties: the nearer line
    # a section label ("Electric Scooter Reviews", "AI in Medicine & Health") shares the
    # story's words as its headline does, in a few; a line naming the story in more is it
    if _section_label(texts[best_index], stop):
        label_score = scores[best_index]
        named = [
            i
            for i in scores
            if word_count(texts[i]) >= _NAMED_WORDS
            and scores[i] >= label_score / 2
            and not is_prose(texts[i])
            and not _section_label(texts[i], stop)
            and not _field_line(texts[i])
            # "Ever wonder how coffee was first discovered?" under the label opens the story
            and not _asks(texts[i])
        ]
        if named:
            best_index = max(named, key=lambda i: (scores[i], i))
    # a shorter line right above the best one that shares words with the story too is the
    # headline, the best one its standfirst (which repeats more of the lead by being longer;
    # a standfirst of a sentence's length may share only one word with the headline above it)
    above = best_index - 1
    # (a date line or byline may part them: "Headline" / "<date>" / "Standfirst")
    while above > best_index - 1 - _HEADER_LINES and above > 0 and furniture(texts[above]):
        above -= 1
    shared = found_at.get(above, 0)
    if (
        (
            shared >= MIN_FOUND
            or (shared >= 1 and word_count(texts[best_index]) >= _STANDFIRST_WORDS)
        )
        and word_count(texts[above]) < word_count(texts[best_index])
        and not _section_label(texts[above], stop)
    ):
        best_index = above
    best_index = _headline_ending_a_trail(texts, best_index, found_at)
    return _first_copy(texts, best_index)


def _first_copy(texts: Sequence[str], best_index: int) -> int:
    """A headline printed twice (over and under its picture, or in a breadcrumb): the first
    copy."""
    key = fold(texts[best_index])
    for j in range(max(0, best_index - LOOKBACK), best_index):
        if fold(texts[j]) == key:
            return j
    return best_index


_INSIDE_LINES = 4  # lines from the story's first one its headline may sit at, inside the region


def _header_inside(
    texts: Sequence[str],
    lead: Sequence[int],
    script: str | None,
    furniture: Callable[[str], bool],
    taken: Collection[int],
) -> int | None:
    """A title-like line over a byline or date line just under the story's first line, when
    nothing above names the story: the region took in a line of chrome over the headline (a
    menu bar or a "Go to Google News" link read as a sentence), and the headline is below it."""
    first = lead[0]
    end = min(len(texts), first + 1 + _INSIDE_LINES)
    for i in range(first + 1, end):
        text = texts[i]
        if i in taken or word_count(text) < _FALLBACK_WORDS or is_prose(text):
            continue
        if _title_like(text, script, furniture) and _heads_a_byline(
            texts, i, len(texts), furniture
        ):
            return i
    return None


def _headline_ending_a_trail(texts: Sequence[str], best: int, found_at: dict[int, int]) -> int:
    """The best line is a breadcrumb trail ending in the headline ("Home Gear Reviews Best
    Home Gym on a Budget", "Car Talk / Car Reviews / Best EVs of 2026"), and the headline is
    a line of its own near it: that line. The trail repeats every word of the headline and
    adds the sections', so it shares as much with the story and is chosen before it."""
    ends = [
        j
        for j in found_at
        if j != best
        and word_count(texts[j]) >= _MIN_TITLE_WORDS
        and _trail_to(texts[best], texts[j])
    ]
    return max(ends, key=lambda j: (len(texts[j]), j)) if ends else best


# Before a line's last part, these end a headline's first part, not a trail's last section:
# "Real Estate for Beginners - Real Estate 101", "What is SEO? (Search Engine Optimization)"
_PART_MARKS = "-–—([{?!"
_TRAIL_MARKS = "/>»:|›"  # between a trail's sections


def _trail_to(trail: str, headline: str) -> bool:
    """`trail` is sections then `headline` (in any case): "Home Blog <headline>", "Hub »
    Social Media » <headline>", "PROJECT: <headline>"."""
    trail, headline = trail.strip(), headline.strip()
    if len(headline) >= len(trail) or not trail.casefold().endswith(headline.casefold()):
        return False
    sections = trail[: -len(headline)]
    at_boundary = sections[-1].isspace() or sections[-1] in _TRAIL_MARKS
    return at_boundary and sections.rstrip()[-1:] not in ("", *_PART_MARKS)


_LABEL_WORDS = 4
_NAMED_WORDS = 5  # a line naming the story over a section label is this long


def _section_label(text: str, stop: frozenset[str]) -> bool:
    """A section's name over the headline ("Diet & Fitness", "Home Security Cameras", "Food,
    Nutrition, Diet"): a few capitalised words naming a topic, none of them a small word of
    the language ("of", "to", "the": a headline over its standfirst reads as a phrase). It
    shares the story's words as its headline does, so the overlap cannot tell them apart."""
    words = [w for w in text.split() if any(ch.isalnum() for ch in w)]
    return (
        len(words) <= _LABEL_WORDS
        and all(w[0].isupper() or w[0].isdigit() for w in words)
        and not any(_small_word(w, stop) for w in words)
    )


# The small words of a language ("of", "to", "the", "a", "is", "how", "our"; "de", "la", "und",
# "les") are its shortest: jusText's stop lists, the language's most frequent words on
# Wikipedia, also hold topic words a label is made of ("home", "community", "business",
# "social"), which a length cap leaves out in any language without a list per language
_SMALL_LETTERS = 3


def _small_word(word: str, stop: frozenset[str]) -> bool:
    key = word.strip(_STRIP).casefold()
    return key in stop and len(key) <= _SMALL_LETTERS


def _field_line(text: str) -> bool:
    """A field's one-word label before its value: "Cast: Name, Name", "Tags: a, b"."""
    head, colon, _ = text.partition(":")
    return bool(colon) and len(head.split()) == 1


def _listed_again(texts: Sequence[str], i: int, last_at: dict[str, int]) -> bool:
    """Line `i` and a neighbour of it both printed again among the story's lines below
    (`last_at`: a story line's folded text -> its last index): a table of contents, whose
    entries the story repeats as its subheadings. A headline alone may be printed again (a
    repeat, a share box) and stays a candidate."""

    def again(k: int) -> bool:
        return 0 <= k < len(texts) and last_at.get(fold(texts[k]), -1) > k + 1

    return again(i) and (again(i - 1) or again(i + 1))


def _heads_a_byline(
    texts: Sequence[str], i: int, first: int, furniture: Callable[[str], bool]
) -> bool:
    """A byline or date line within the few lines under line `i` (a name line may sit
    between): the header a story's headline has and a table of contents' entry has not. A
    label may stand on a line of its own, its value on the next ("By" / "Name", "Last
    updated:" / "<date>"): the two lines are read as one."""
    first = min(first, len(texts))
    end = min(i + 1 + _HEADER_LINES, first)
    for j in range(i + 1, end):
        if furniture(texts[j]):
            return True
        if (
            j + 1 < first
            and word_count(texts[j]) <= _LABEL_WORDS_ALONE
            and furniture(f"{texts[j].strip()} {texts[j + 1].strip()}")
        ):
            return True
    return False


_LABEL_WORDS_ALONE = 2  # "By", "Written by", "Last updated:" on a line of their own


# The marks ending a question or an exclamation, Latin and full-width
_ASKS = ("?", "!", "？", "！", "؟")
_PROSE_WORDS = 25  # a line this long is a paragraph, whatever its end


def _lead(texts: Sequence[str], body: Sequence[int]) -> list[int]:
    lead: list[int] = []
    words = 0
    for i in body:
        if is_prose(texts[i]) and not _asks(texts[i]):
            lead.append(i)
            words += word_count(texts[i])
            if words >= LEAD_WORDS:
                break
    return lead


def _asks(text: str) -> bool:
    """A line shorter than a paragraph ending in a question or exclamation mark: a headline
    ("What's the Difference Between a Certificate and a Certification?") or a subheading,
    which `is_prose` takes for a sentence. It is no lead paragraph: the headline above the
    story is searched down to it, and it stays a candidate. A question inside the line ("Are
    all shapes possible? Looking back...") opens a paragraph of several sentences."""
    stripped = text.rstrip().rstrip("\"'”’»)]*")
    return (
        word_count(text) < _PROSE_WORDS
        and stripped.endswith(_ASKS)
        and not any(f"{mark} " in stripped for mark in _ASKS)
    )


def printed_twice(texts: Sequence[str], i: int) -> bool:
    """The same line twice in a row: a caption printed over and under its picture."""
    key = fold(texts[i])
    return any(0 <= j < len(texts) and fold(texts[j]) == key for j in (i - 1, i + 1))


def _title_like(text: str, script: str | None, furniture: Callable[[str], bool]) -> bool:
    return (
        is_headline_like(text, _MAX_TITLE_WORDS)
        and word_count(text) >= _MIN_TITLE_WORDS
        and dominant_script(text) == script
        and not is_debris_line(text)
        and not furniture(text)
    )
