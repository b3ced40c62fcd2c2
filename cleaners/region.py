"""The article region of a whole-page text dump: which run of lines is the story.

A text dump copied from a whole page ("select all, copy", a Common Crawl WET record) carries
menus, section labels and breadcrumbs above the headline and sidebars, "most read" lists and
footers below the story. The region is found in two steps, after Kohlschütter et al. 2010
(shallow text features of a line and of its neighbours) and Finn et al. 2001 (Body Text
Extraction: the best contiguous region):

1. every line gets a body score: a logistic model over shallow features of the line (its
   length in script-aware words, sentence punctuation, stop-word density in the page's
   language, share of title-case words, digits and separators, list markers, repetition on
   the page, a known debris pattern, its position) and of the lines around it (a short line
   between two paragraphs is a subheading; a run of short lines is a menu). The weights are
   data (`cleaners/data/region_model.json`, fitted by `tools/fit_region.py` on the public
   benchmarks, cross-validated);
2. the region is the contiguous run of lines whose summed scores (each weighted by the line's
   length) is the largest: one long paragraph outweighs a few short menu lines, and a short
   line inside the story (a subheading, a one-line paragraph) is carried by its neighbours.

Then the headline is looked for just above the region (over the standfirst, byline and date
lines that sit between them): the nearest headline-like line that is not a menu item, a
section label or a button.

Hand-written rather than jusText because jusText classifies HTML paragraphs with link
density and markup; a text dump has neither, and its fixed thresholds keep menus of long
link titles. jusText's per-language stop-word lists are used (`stop_words`).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from cleaners.data import load_json, load_toml
from cleaners.rules.second_story import cohesion, content_keys
from cleaners.textfeatures import (
    dominant_script,
    ends_sentence,
    fold,
    is_headline_like,
    is_list_item,
    is_prose,
    word_count,
)

FEATURES: tuple[str, ...] = (
    "log_words",
    "ends_sentence",
    "stop_density",
    "title_case",
    "digits",
    "separators",
    "list_item",
    "commas",
    "repeated",
    "short",
    "debris",
    "url_or_symbol",
    "position",
    "words_before",
    "prev_log_words",
    "prev_sentence",
    "prev_stop",
    "next_log_words",
    "next_sentence",
    "next_stop",
    "short_run",
    "window_max_words",
    "has_stoplist",
)

_CONTEXT = 3  # lines on each side whose features describe a line's neighbourhood
_SEPARATORS = frozenset("|/\\›»«>•·–—:_+=#")
_URLISH = re.compile(r"https?://|www\.|@\w|©|\.com\b", re.IGNORECASE)
_COMMAS = frozenset(",،，、;")
_SHORT = 5  # words: a menu item, a label, a button


@dataclass(frozen=True, slots=True)
class RegionModel:
    """Logistic weights per feature (standardised with `mean`/`scale`) and the region cost."""

    weights: tuple[float, ...]
    bias: float
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    # a line adds (logit - offset) * words**power to the region's score
    offset: float
    power: float


@cache
def region_model() -> RegionModel:
    data = load_json("region_model.json")
    if tuple(data["features"]) != FEATURES:
        raise ValueError("region_model.json was fitted on other features: run tools/fit_region.py")
    return RegionModel(
        weights=tuple(data["weights"]),
        bias=float(data["bias"]),
        mean=tuple(data["mean"]),
        scale=tuple(data["scale"]),
        offset=float(data["offset"]),
        power=float(data["power"]),
    )


# --------------------------------------------------------------------------- stop words


@cache
def _stoplist_data() -> dict[str, Any]:
    """`cleaners/data/stoplist_languages.json`: jusText list names, candidates per script."""
    data: dict[str, Any] = load_json("stoplist_languages.json")
    return data


@cache
def stop_words(language: str | None) -> frozenset[str]:
    """jusText's stop words of a language (ISO 639-1), empty when it has none."""
    name = _stoplist_data()["names"].get(language or "")
    if name is None:
        return frozenset()
    import justext  # installed with trafilatura; loaded only for whole-page dumps

    return frozenset(w.casefold() for w in justext.get_stoplist(name))


@cache
def _script_index(script: str) -> dict[str, tuple[str, ...]]:
    """Stop word -> the candidate languages of `script` that list it."""
    index: dict[str, list[str]] = {}
    for language in _stoplist_data()["by_script"].get(script, []):
        for word in stop_words(language):
            index.setdefault(word, []).append(language)
    return {word: tuple(languages) for word, languages in index.items()}


_TOKEN_STRIP = ".,;:!?\"'()[]«»“”‘’"


def page_language(texts: Sequence[str]) -> str | None:
    """The language of the page's longest lines (the story's paragraphs, on most pages),
    by counting their stop words in each language written in their script: a vote over a
    few word lists, much cheaper than a statistical detector and enough to pick a list."""
    longest = sorted(texts, key=len, reverse=True)[:3]
    script = dominant_script(" ".join(longest))
    candidates: list[str] = _stoplist_data()["by_script"].get(script or "", [])
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    index = _script_index(script or "")
    votes = Counter(
        language
        for line in longest
        for t in line.casefold().split()
        for language in index.get(t.strip(_TOKEN_STRIP), ())
    )
    if not votes:
        return None
    best = max(votes.values())
    return next(language for language in candidates if votes[language] == best)  # a tie: first


# --------------------------------------------------------------------------- features


@lru_cache(maxsize=16384)
def _line_kind(text: str) -> str | None:
    """`classify_line`, remembered: the features, the headline search and the region's last
    line ask it of the same lines (it tries every line pattern, the dearest test here)."""
    from cleaners.rules.line_patterns import classify_line

    return classify_line(text)


# positions in `_line_facts`' tuple read by name elsewhere
_DEBRIS_FACT = 8


@lru_cache(maxsize=16384)
def _line_facts(text: str) -> tuple[float, ...]:
    """Features of one line alone, except stop-word density (page-dependent)."""
    n = word_count(text)
    tokens = text.split()
    alpha = [t for t in tokens if t[:1].isalpha()]
    title = sum(1 for t in alpha if t[:1].isupper()) / len(alpha) if alpha else 0.0
    chars = [c for c in text if not c.isspace()]
    nchars = len(chars) or 1
    digits = sum(1 for c in chars if c.isdigit()) / nchars
    seps = sum(1 for c in chars if c in _SEPARATORS) / nchars
    commas = min(sum(1 for c in text if c in _COMMAS), 10) / 10
    debris = 1.0 if n <= 40 and _line_kind(text) is not None else 0.0
    return (
        math.log1p(n),
        float(ends_sentence(text)),
        title,
        digits,
        seps,
        float(is_list_item(text)),
        commas,
        float(n <= _SHORT),
        debris,
        float(bool(_URLISH.search(text))),
        float(n),
    )


def _stop_density(text: str, stop: frozenset[str]) -> float:
    if not stop:
        return 0.0
    tokens = [t.strip(_TOKEN_STRIP) for t in text.casefold().split()]
    tokens = [t for t in tokens if t]
    return sum(1 for t in tokens if t in stop) / len(tokens) if tokens else 0.0


def _mean(idx: range, values: Sequence[float], own: int) -> float:
    """The mean over neighbours; the line's own value at the page's edge (no neighbour: a
    dump cut at its story, like a copy that starts at the headline, reads as the story)."""
    return sum(values[k] for k in idx) / len(idx) if len(idx) else values[own]


def line_features(texts: Sequence[str], stop: frozenset[str]) -> list[list[float]]:
    """The feature vector of every line (see FEATURES), in page order."""
    n = len(texts)
    facts = [_line_facts(t) for t in texts]
    stops = [_stop_density(t, stop) for t in texts]
    folded = [fold(t) for t in texts]
    keys = Counter(folded)
    words = [f[10] for f in facts]
    total = sum(words) or 1.0
    short = [f[7] for f in facts]
    # length of the run of short lines each line belongs to (0 for a longer line)
    run = [0] * n
    i = 0
    while i < n:
        if short[i]:
            j = i
            while j < n and short[j]:
                j += 1
            for k in range(i, j):
                run[k] = j - i
            i = j
        else:
            i += 1
    has_stop = 1.0 if stop else 0.0
    log_words = [f[0] for f in facts]
    sent = [f[1] for f in facts]
    out: list[list[float]] = []
    before = 0.0
    for i in range(n):
        f = facts[i]
        prev = range(max(0, i - _CONTEXT), i)
        nxt = range(i + 1, min(n, i + 1 + _CONTEXT))

        window = range(max(0, i - 2), min(n, i + 3))
        out.append(
            [
                f[0],
                f[1],
                stops[i],
                f[2],
                f[3],
                f[4],
                f[5],
                f[6],
                float(keys[folded[i]] > 1),
                f[7],
                f[8],
                f[9],
                i / n,
                before / total,
                _mean(prev, log_words, i),
                _mean(prev, sent, i),
                _mean(prev, stops, i),
                _mean(nxt, log_words, i),
                _mean(nxt, sent, i),
                _mean(nxt, stops, i),
                math.log1p(run[i]),
                max(log_words[k] for k in window),
                has_stop,
            ]
        )
        before += words[i]
    return out


# The features a page without a stop list (a language jusText has none for: Chinese,
# Japanese, Thai) cannot measure.
_STOP_FEATURES = tuple(
    FEATURES.index(name) for name in ("stop_density", "prev_stop", "next_stop", "has_stoplist")
)


def line_logits(features: list[list[float]], model: RegionModel) -> list[float]:
    """Each line's body logit. On a page without a stop list the stop-word features are
    unknown, not zero: they take their training mean (no contribution), so the line is
    scored on its other features. Nearly every training page had a list, so the weight
    fitted to `has_stoplist` rests on a handful of lines and, read literally, pushed every
    line of a Chinese or Japanese page (scaled by the feature's tiny spread) about 2 logits
    below the body threshold: short CJK paragraphs fell out of the region."""
    w, b, mu, sd = model.weights, model.bias, model.mean, model.scale
    has_stoplist = FEATURES.index("has_stoplist")
    logits = []
    for row in features:
        if not row[has_stoplist]:
            row = list(row)
            for k in _STOP_FEATURES:
                row[k] = mu[k]
        logits.append(b + sum(wk * (x - m) / s for wk, x, m, s in zip(w, row, mu, sd, strict=True)))
    return logits


def best_region(gains: Sequence[float]) -> tuple[int, int] | None:
    """The contiguous run [start, end) with the largest sum (Kadane), None if all negative."""
    best, best_span = 0.0, None
    running, start = 0.0, 0
    for i, gain in enumerate(gains):
        if running <= 0:
            running, start = 0.0, i
        running += gain
        if running > best:
            best, best_span = running, (start, i + 1)
    return best_span


def region_gains(texts: Sequence[str], logits: Sequence[float], model: RegionModel) -> list[float]:
    return [
        (z - model.offset) * max(int(_line_facts(t)[10]), 1) ** model.power
        for t, z in zip(texts, logits, strict=True)
    ]


# --------------------------------------------------------------------------- introduced lists

# A line of the story that ends in a colon ("Here are the courses it offers:", "You will
# need:") introduces the list below it: its items are short lines, read by the line model
# as a menu, and a long list of them parts the story's region in two (a listicle's or a
# guide's paragraphs on either side). A menu, a tag list or a share bar is introduced by a
# label a line pattern knows ("Tags:", "Follow us:") or by none. The items of an introduced
# list cost the region nothing: it may run across them, or stop above them, as the
# paragraphs around them decide.
_LEAD_IN_MIN_WORDS = 3
_LIST_MAX_ITEMS = 30  # lines an introduced list may run to
_ITEM_MAX_WORDS = 20
_LEAD_IN_AFTER = 2  # lines between a paragraph of the story and the list's lead-in


def _is_lead_in(text: str) -> bool:
    stripped = text.rstrip()
    return (
        stripped.endswith((":", "："))
        and word_count(stripped) >= _LEAD_IN_MIN_WORDS
        and _line_kind(stripped) is None
    )


def introduced_items(texts: Sequence[str], credit: Callable[[str], bool] | None = None) -> set[int]:
    """The lines of every list introduced inside the story (see above): a lead-in line
    with a paragraph of the story just above it, then short lines up to a paragraph that
    goes on with the story. A list that runs into a
    debris line, a byline or a date line (`credit`: a story's header), a further lead-in or
    past `_LIST_MAX_ITEMS` lines is no part of the story's text ("Find your new job:",
    "Search Site for:" over a menu and the next story's headline)."""
    items: set[int] = set()
    for i, text in enumerate(texts):
        if not _is_lead_in(text) or not any(
            _is_run_prose(texts[k]) for k in range(max(0, i - _LEAD_IN_AFTER), i)
        ):
            continue
        for j in range(i + 1, min(len(texts), i + 2 + _LIST_MAX_ITEMS)):
            item = texts[j]
            if is_prose(item) and _line_kind(item) is None:
                if j > i + 1:  # the story goes on below the list
                    items.update(range(i + 1, j))
                break
            if word_count(item) > _ITEM_MAX_WORDS or _line_kind(item) is not None:
                break
            if _is_lead_in(item) or (credit is not None and credit(item)):
                break
    return items


# --------------------------------------------------------------------------- never lose

# A non-prose line costs the prose run this many words per word it has (at least one): a menu
# of twenty items parts two prose runs, a "Buying options:" line between two paragraphs of a
# listicle does not.
PROSE_RUN_COST = 1.0
# The model's region is kept unless it holds less than this share of the best prose run's
# prose words. Chosen from 0.25 / 0.33 / 0.4 per fold in a 5-fold cross-validation by site on
# the three public corpora flattened to dumps (every fold chose 0.4); whole text path F1,
# held out: ScrapingHub 0.920 -> 0.924, L3S-GN1 0.949 -> 0.951, WCXB 0.913 -> 0.920, records
# with recall under 0.2: 5 -> 4, 4 -> 3, 17 -> 7.
PROSE_RUN_SHARE = 0.4


def _prose_words(texts: Sequence[str], span: tuple[int, int]) -> int:
    return sum(word_count(t) for t in texts[span[0] : span[1]] if _is_run_prose(t))


def _is_run_prose(text: str) -> bool:
    """A paragraph of the story: prose that no debris pattern knows (a cookie banner is a
    sentence too)."""
    return is_prose(text) and not _line_facts(text)[_DEBRIS_FACT]


def best_prose_run(texts: Sequence[str]) -> tuple[int, int] | None:
    """The contiguous run of lines with the most prose words, each non-prose line costing
    its words (`PROSE_RUN_COST`): the page's longest stretch of paragraphs, measured without
    the line model."""
    gains = [
        word_count(t) if _is_run_prose(t) else -PROSE_RUN_COST * max(word_count(t), 1)
        for t in texts
    ]
    return best_region(gains)


def lost_to_prose_run(texts: Sequence[str], span: tuple[int, int]) -> tuple[int, int]:
    """The model's region, or the page's best prose run when the region holds much less
    prose than that run (never lose the article).

    The line model reads a line with its neighbours, which is what sets a story's paragraphs
    apart from teasers and footers on most pages; on a few kinds of page it is what loses the
    story: a listicle or a guide whose paragraphs sit between short item lines ("Plan to
    spend", "Buying options:", a shop's name), read as a menu around them, so that the region
    is one fragment of it; an article printed as one long line among menus; a story cut into
    short paragraphs by a table or a list next to a sidebar of longer teasers. The prose run
    counts paragraphs only, so it holds the whole story in those cases; where the region holds
    two fifths of its prose or more, the model's finer choice stands."""
    run = best_prose_run(texts)
    if run is None or run == span:
        return span
    if _prose_words(texts, span) < PROSE_RUN_SHARE * _prose_words(texts, run):
        return run
    return span


# --------------------------------------------------------------------------- comment thread

# Readers' comments below a story read like the story to the line model and the prose run:
# sentences, stop words, paragraphs. What a thread has and a story has not is a header or a
# footer per comment, recurring every few lines: the commenter and the minute of posting
# ("Posted by: Sean | Jan 10, 2008 4:49 PM", "November 19, 2019 at 6:34 am"), or a control
# printed under every comment ("Report this comment", "Flag as inappropriate"). A story's own
# credits sit together over its first paragraph; a photo credit carries no time; a list of
# dated teasers carries a day, and a programme of events round times (18:00, 20:30), where
# comments are posted at any minute (6:34, 11:31).
_THREAD_MIN_SEPARATORS = 3  # comments: one separator each
_THREAD_MAX_GAP = 12  # lines between two comments' separators (a long comment's paragraphs)
_THREAD_MIN_STORY_WORDS = 50  # prose words of the story above the thread
_THREAD_RECURRING = 3  # a control line printed under every comment: this many times or more
_THREAD_TEXT_WORDS = 4  # a comment's text between two separators: a line this long
_CLOCK = re.compile(r"(?<![\d:.])\d{1,2}[:.](\d{2})(?:[:.]\d{2})?(?![\d:.])")


def posted_at_minute(text: str) -> bool:
    """A time of day off the five-minute marks a schedule uses: when something was posted."""
    return any(int(minutes) % 5 for minutes in _CLOCK.findall(text))


def _is_credit(text: str, credit: Callable[[str], bool]) -> bool:
    """A byline or a date line: one the line patterns name ("Posted by: Sean | Jan 10, 2008
    4:49 PM"), or one `credit` parses."""
    return _line_kind(text) in _CREDIT_KINDS or credit(text)


_CREDIT_KINDS = frozenset(("byline", "date_line"))


def comment_thread_start(
    texts: Sequence[str], span: tuple[int, int], credit: Callable[[str], bool]
) -> int | None:
    """The first line of a readers' comment thread inside the region `span`, None if none.

    A thread is a run of separators (`_THREAD_MIN_SEPARATORS` or more, each within
    `_THREAD_MAX_GAP` lines of the last, with a line of a comment's text between two of them)
    below the story's first paragraphs, starting inside the region (it may run on below it:
    the line model often keeps only the first comments). A separator is a credit line
    (`credit`: a byline, a date line) stamped with the minute of posting or, under a comment
    heading ("Comments", "Have your say"), a short line printed again and again below the
    heading. The thread starts at that heading when it is just above the run, else at the
    run's first separator."""
    start, end = span
    story = 0
    first = start
    while first < end and story < _THREAD_MIN_STORY_WORDS:
        if _is_run_prose(texts[first]):
            story += word_count(texts[first])
        first += 1
    if story < _THREAD_MIN_STORY_WORDS:
        return None
    heading: int | None = None
    recurring: Counter[str] = Counter()
    run: list[int] = []
    text_since = False  # a comment's text since the run's last separator
    for i in range(first, len(texts)):
        if not run and i >= end:
            return None  # a thread starting below the region is none of its business
        text = texts[i]
        words = word_count(text)
        if words > 30:
            text_since = True
            continue
        if heading is None and _line_kind(text) == "comment_prompt":
            heading = i
            recurring = Counter(fold(t) for t in texts[i + 1 :] if word_count(t) <= 8)
            continue
        control = heading is not None and words >= 2 and recurring[fold(text)] >= _THREAD_RECURRING
        if not control and not (posted_at_minute(text) and _is_credit(text, credit)):
            if words >= _THREAD_TEXT_WORDS and _line_kind(text) is None:
                text_since = True
            continue
        if run and i - run[-1] > _THREAD_MAX_GAP:
            run = []
        if run and not text_since:
            continue  # no comment between: one comment's header lines, or a form
        run.append(i)
        text_since = False
        if len(run) >= _THREAD_MIN_SEPARATORS:
            if heading is not None and heading < run[0] and run[0] - heading <= _THREAD_MAX_GAP:
                return heading
            return run[0]
    return None


# Where the thread's comments carry no credit line a separator could be read from (bare
# commenter names, "- Louise, Lancaster", a date with "| Link to this"), its heading still
# names it: "Comments", "Reader views (5)", "Comments are now closed for this story". Below
# a story that has run this many prose words, such a heading ends the article: nothing of
# the story follows a thread's heading. Nearer the top, a heading-like counter ("124
# Comments" under the byline) is the story's furniture, and the story follows it. Set by
# hand between 50 and 150 on the three development corpora's dumps: 50 cut one story under
# its comment counter, 150 none (no fitted figure).
_THREAD_HEADING_AFTER_WORDS = 150


def is_thread_heading(text: str) -> bool:
    """The heading over a readers' comment thread ("Comments (12)", "Kommentare", "Reader
    views"), a short whole line; a heading inside a longer line is not one. The headings are
    `cleaners/data/comment_threads.toml`'s, the ones the line-pattern rules remove as comment
    prompts."""
    from cleaners.rules.line_patterns import thread_heading_regex

    return word_count(text) <= 10 and thread_heading_regex().match(text) is not None


# A readers'-views box set inside the story ("Have your say", a reader's quote or two, "Send
# us your comments") is no thread: the story's paragraphs resume below it. Its heading does
# not end the region when, within `_BOX_LINES` lines below it, the box's closing call
# (`comment_threads.toml`'s `box_calls`) is followed right away by two paragraphs that take
# up the story's vocabulary again (second-story cohesion at least `_RESUME_COHESION`, the
# bound under which teaser cards are no continuation). Cohesion alone cannot tell: readers'
# comments under a real thread heading take up the story's words as much (0.2 to 0.6 on the
# development corpora's threads; 0.3 for the story resuming under a BBC box).
_BOX_LINES = 6
_RESUME_COHESION = 0.3  # = _TEASER_COHESION below


@cache
def _box_call_regex() -> re.Pattern[str]:
    calls = [
        c
        for per_language in load_toml("comment_threads.toml")["box_calls"].values()
        for c in per_language
    ]
    return re.compile(r"^\s*(?:" + "|".join(calls) + r")\s*[.:!»›]*\s*$", re.IGNORECASE)


def is_box_call(text: str) -> bool:
    """The call closing a readers'-views box inside a story ("Send us your comments")."""
    return word_count(text) <= 10 and _box_call_regex().match(text) is not None


def story_resumes(texts: Sequence[str], heading: int, story: set[str]) -> bool:
    """Whether the story's paragraphs resume below a readers'-views box whose heading is at
    `heading` (`story`: the content keys of the story's paragraphs above it)."""
    for j in range(heading + 1, min(heading + 1 + _BOX_LINES, len(texts) - 2)):
        if not is_box_call(texts[j]):
            continue
        pair = texts[j + 1], texts[j + 2]
        return all(_is_run_prose(t) for t in pair) and (
            cohesion(" ".join(pair), story, set()) >= _RESUME_COHESION
        )
    return False


def thread_heading_cut(texts: Sequence[str], span: tuple[int, int]) -> int | None:
    """The line of the first comment-thread heading inside the region `span` below the
    story's first `_THREAD_HEADING_AFTER_WORDS` prose words, None if none. The heading of a
    box the story resumes below (`story_resumes`) is not the story's end."""
    prose = 0
    story: set[str] = set()
    for i in range(span[0], span[1]):
        text = texts[i]
        if (
            prose >= _THREAD_HEADING_AFTER_WORDS
            and is_thread_heading(text)
            and not story_resumes(texts, i, story)
        ):
            return i
        if _is_run_prose(text):
            prose += word_count(text)
            story |= content_keys(text)
    return None


# Below the story, a column of other stories' teasers: each a headline over a one-paragraph
# summary, card after card (a news site's "more headlines" under the article). The line model
# reads the summaries as prose and the region runs on through them. `_TEASER_CARDS` such
# pairs in a row, below the story's first `_THREAD_HEADING_AFTER_WORDS` words of paragraphs
# in a row (a column of cards above the story is no story), end the region at the first
# card's headline when no card continues the story's vocabulary (second-story cohesion under
# `_TEASER_COHESION`): a guide's subheadings, one paragraph each, keep on the guide's topic.
# The bound is the second-story rule's for a new story with all its furniture; 0.2, 0.3 and
# 0.4 tried on the three corpora's dumps, 0.3 chosen in 4 of 5 folds by site (0.4 in one;
# cross-validated F1: ScrapingHub 0.92953 (=), L3S 0.95949 -> 0.96146, WCXB 0.92438 -> 0.92412;
# 0.3 on all: 0.92953, 0.96135, 0.92445).
_TEASER_CARDS = 3
_TEASER_HEADLINE_WORDS = 15
_TEASER_SUMMARY_WORDS = 60
_TEASER_COHESION = 0.3


def _is_card(texts: Sequence[str], i: int) -> bool:
    """A teaser card at line `i`: a headline (no sentence end) over a one-sentence-or-so
    summary that ends a sentence."""
    if i + 1 >= len(texts):
        return False
    head, summary = texts[i], texts[i + 1]
    return (
        is_headline_like(head, max_words=_TEASER_HEADLINE_WORDS)
        and not ends_sentence(head)
        and _is_run_prose(summary)
        and word_count(summary) <= _TEASER_SUMMARY_WORDS
        and ends_sentence(summary)
    )


def teaser_cards_cut(texts: Sequence[str], span: tuple[int, int]) -> int | None:
    """The headline of the first run of `_TEASER_CARDS` teaser cards starting inside the
    region `span` below the story's first paragraphs, None if none. The run may go on below
    the region: the line model often keeps only the first cards."""
    start, end = span
    prose = 0
    story: set[str] = set()
    for i in range(start, end):
        if (
            prose >= _THREAD_HEADING_AFTER_WORDS
            and all(_is_card(texts, i + 2 * k) for k in range(_TEASER_CARDS))
            and all(
                cohesion(texts[i + 2 * k] + " " + texts[i + 2 * k + 1], story, set())
                < _TEASER_COHESION
                for k in range(_TEASER_CARDS)
            )
        ):
            return i
        if _is_run_prose(texts[i]):
            story |= content_keys(texts[i])
            if i > start and _is_run_prose(texts[i - 1]):
                prose += word_count(texts[i])  # paragraphs in a row: the story, not a card
    return None


# A column of teasers whose summaries the site's template cut off, each line ending in a word
# and an ellipsis ("...may soon...", "mais de 40 mil…"): a mega-menu above the headline or a
# "more stories" column below the story, often with each card's headline glued to its
# summary on one long line that the line model reads as a paragraph. A story's own paragraph
# seldom trails off, and never three times in a row (on the three development corpora's
# dumps, 39 runs of three or more such lines lay outside the reference body, 3 inside it).
_TRUNCATED = re.compile(r"\w\s?(?:\.\.\.|…)[\s\"'”’»)\]]*$")
_TRUNCATED_RUN = 3  # truncated lines in a run
_TRUNCATED_GAP = 2  # lines between two of a run's (a card's headline, a date)


def is_truncated(text: str) -> bool:
    """A line cut off by an ellipsis after a word: a teaser's summary."""
    return _TRUNCATED.search(text) is not None


def truncated_runs(texts: Sequence[str], span: tuple[int, int]) -> list[tuple[int, int]]:
    """The runs [first, last] of `_TRUNCATED_RUN` or more truncated lines starting in the
    region `span`, each within `_TRUNCATED_GAP` lines of the last, none of the lines between
    them a sentence (a story's paragraph parts two columns)."""
    runs: list[tuple[int, int]] = []
    start, end = span
    i = start
    while i < end:
        if not is_truncated(texts[i]):
            i += 1
            continue
        last, count, j = i, 1, i + 1
        while j < len(texts) and j - last <= _TRUNCATED_GAP + 1:
            if is_truncated(texts[j]):
                last, count = j, count + 1
            elif ends_sentence(texts[j]):
                break
            j += 1
        if count >= _TRUNCATED_RUN:
            runs.append((i, last))
        i = last + 1
    return runs


def truncated_teasers_cut(texts: Sequence[str], span: tuple[int, int]) -> tuple[int, int]:
    """The region `span` without its runs of truncated teasers: a run above the story's
    paragraphs moves the region's start below it, a run below them ends the region above
    it (the side holding more prose words stays)."""
    start, end = span
    for first, last in truncated_runs(texts, span):
        if first < start or first >= end:
            continue
        before = sum(word_count(t) for t in texts[start:first] if _is_run_prose(t))
        after = sum(word_count(t) for t in texts[last + 1 : end] if _is_run_prose(t))
        if after > before:
            start = min(last + 1, end)
        else:
            end = first
            # the column's heading ("Most read"): a short line, no sentence
            while end > start + 1 and word_count(texts[end - 1]) <= _SHORT:
                if ends_sentence(texts[end - 1]):
                    break
                end -= 1
    return start, end


# --------------------------------------------------------------------------- headline


_NEAR_BODY = -1.0  # logit above which a prose line next to the region joins it
_HEADLINE_LOOKBACK = 8  # lines above the region searched for the headline
_MIN_HEADLINE_WORDS = 3


def is_menu_like(texts: Sequence[str], i: int) -> bool:
    """A line among short lines on both sides: an item of a menu or a list of labels."""
    n = len(texts)
    before = i > 0 and word_count(texts[i - 1]) <= _SHORT
    after = i + 1 < n and word_count(texts[i + 1]) <= _SHORT
    return before and after and word_count(texts[i]) <= _SHORT


def headline_above(
    texts: Sequence[str], start: int, furniture: Callable[[str], bool]
) -> int | None:
    """The headline's line at or just above the region starting at `start`, if there is one.

    Lines between the headline and the story are looked over: known furniture (`furniture`:
    a byline, a date line, a caption), debris lines and a sentence (the standfirst). The
    headline is headline-like, three words or more (menu items and section labels are
    shorter), in the story's script, not a debris line (a cookie button, "Skip to content")
    and not among short lines on both sides (a menu). Of two such lines one above the other,
    the shorter upper one is the headline and the longer one its standfirst.
    """
    script = dominant_script(" ".join(texts[start : start + 5]))
    for i in range(start, max(-1, start - 1 - _HEADLINE_LOOKBACK), -1):
        if _headline_candidate(texts, i, furniture, script):
            if (
                i > 0
                and _headline_candidate(texts, i - 1, furniture, script)
                and word_count(texts[i - 1]) < word_count(texts[i])
            ):
                i -= 1
            # a headline printed twice (over and under its picture): the first copy
            key = fold(texts[i])
            for j in range(max(0, i - _HEADLINE_LOOKBACK), i):
                if fold(texts[j]) == key:
                    return j
            return i
    return None


def _headline_candidate(
    texts: Sequence[str], i: int, furniture: Callable[[str], bool], script: str | None
) -> bool:
    text = texts[i]
    return (
        is_headline_like(text, 30)
        and dominant_script(text) == script
        and word_count(text) >= _MIN_HEADLINE_WORDS
        and _line_kind(text) is None
        and not is_menu_like(texts, i)
        and not furniture(text)
    )


@dataclass(frozen=True, slots=True)
class Region:
    start: int  # first line of the body
    end: int  # one past its last line


def find_region(
    texts: Sequence[str],
    model: RegionModel | None = None,
    credit: Callable[[str], bool] | None = None,
) -> Region | None:
    """The body region of a text dump's lines, None when no line reads as body text.

    `model`: the line model to score with; the shipped one (`region_model()`) when None. A
    model is passed in rather than swapped globally so that `tools/fit_region.py` can run
    the whole pipeline with a model fitted on other pages (cross-validation) while any other
    caller in the same process keeps the shipped one. `credit`: whether a line is a byline
    or a date line; given, a readers' comment thread at the region's end is cut off
    (`comment_thread_start`).
    """
    if not texts:
        return None
    if model is None:
        model = region_model()
    stop = stop_words(page_language(texts))
    logits = line_logits(line_features(texts, stop), model)
    gains = region_gains(texts, logits, model)
    for i in introduced_items(texts, credit):
        gains[i] = max(gains[i], 0.0)
    span = best_region(gains)
    if span is None:
        return None
    start, end = lost_to_prose_run(texts, span)
    # A paragraph at the region's edge scored down by the chrome next to it (the last
    # paragraph over a share bar) still belongs to the story when it reads as prose and its
    # score is near the line (hysteresis, as jusText's "near-good" blocks next to good ones).
    while end < len(texts) and logits[end] > _NEAR_BODY and is_prose(texts[end]):
        end += 1
    while start > 0 and logits[start - 1] > _NEAR_BODY and is_prose(texts[start - 1]):
        start -= 1
    # One last line after the region is the story's own last line (a dump that ends with the
    # story) unless it is known debris; a page's chrome below a story is longer than a line.
    if end == len(texts) - 1 and not is_debris_line(texts[end]):
        end += 1
    start, end = truncated_teasers_cut(texts, (start, end))
    if start >= end:
        return None
    if credit is not None:
        thread = comment_thread_start(texts, (start, end), credit)
        heading = thread_heading_cut(texts, (start, end))
        if heading is not None and (thread is None or heading < thread):
            thread = heading
        cards = teaser_cards_cut(texts, (start, end))
        if cards is not None and (thread is None or cards < thread):
            thread = cards
        if thread is not None:
            # the share bar and the comment widget above a thread: short lines, no sentence
            end = thread
            while (
                end > start + 1
                and word_count(texts[end - 1]) <= _SHORT
                and not (ends_sentence(texts[end - 1]))
            ):
                end -= 1
    return Region(start, end)


def is_debris_line(text: str) -> bool:
    """A line a line pattern names as debris (a cookie button, "Skip to content", a share bar)."""
    return _line_kind(text) is not None
