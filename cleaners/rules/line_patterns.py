"""Debris recognised by the wording of one short block: rules loaded from data."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

from cleaners.blocks import Block, Page
from cleaners.data import load_toml
from cleaners.regex_screen import ScreenedRegex, screen_text
from cleaners.textfeatures import is_headline_like

_TOKEN = re.compile(r"[\w'-]+")
_QUOTES = "\"“”«»„‘’'"


@dataclass(frozen=True, slots=True)
class LinePatternRule:
    """Removes a block of at most `max_words` words that a pattern (or token set) matches."""

    name: str
    reason: str
    max_words: int
    regex: re.Pattern[str] | None  # patterns that may match anywhere (re.search)
    tokens: frozenset[str] = frozenset()
    min_tokens: int = 2
    # A label that owns the headline-like line right after it (a sponsored slot's ad title).
    absorb_next_headline: bool = False
    skip_tags: frozenset[str] = frozenset()  # markup elements the rule does not apply to
    # Patterns anchored at the start ("^...") are tried at position 0 only (re.match), which is
    # most of them; scanning every position of every paragraph for them was the hot spot.
    anchored: re.Pattern[str] | None = None
    # The searched patterns of a data rule: those that need a substring (most of them, and
    # the costly ones: they try every position of every short paragraph) are tried only on
    # texts holding one (cleaners.regex_screen). `regex` is a site pack's pattern.
    searched: ScreenedRegex | None = None
    # The patterns every match of which holds a letter of a script from Cyrillic up (Arabic,
    # Hebrew, Devanagari, CJK, Hangul...): tried only on texts holding such a character, so
    # the other languages' vocabulary costs a Latin-script line one `max()`.
    anchored_script: re.Pattern[str] | None = None
    searched_script: ScreenedRegex | None = None

    def matches(self, text: str, n_words: int | None = None) -> bool:
        if n_words is None:
            n_words = len(text.split())
        if n_words > self.max_words or text[:1] in _QUOTES:
            return False  # a line opening with a quotation mark is somebody's words
        return self.matches_line(_Line(text), n_words)

    def matches_line(self, line: _Line, n_words: int) -> bool:
        """`matches` for a line already known to be short enough and not a quotation, with
        what every rule asks of it (`_Line`) worked out once for all the rules."""
        text = line.text
        if self.anchored is not None and self.anchored.match(text):
            return True
        if self.regex is not None and self.regex.search(text):
            return True
        if self.searched is not None and self.searched.search_lowered(text, line.low):
            return True
        if (self.anchored_script is not None or self.searched_script is not None) and (
            line.scripted
        ):
            if self.anchored_script is not None and self.anchored_script.match(text):
                return True
            if self.searched_script is not None and self.searched_script.search_lowered(
                text, line.low
            ):
                return True
        if self.tokens and n_words >= self.min_tokens:
            found = _TOKEN.findall(text.casefold())
            return len(found) >= self.min_tokens and all(t in self.tokens for t in found)
        return False

    def apply(self, page: Page) -> None:
        blocks = page.blocks
        max_words = self.max_words
        for position, block in enumerate(blocks):
            if (
                block.kept
                and block.n_words <= max_words  # most blocks are paragraphs: skip them early
                and block.tag not in self.skip_tags
                and self.matches(block.text, block.n_words)
            ):
                block.remove(self.reason, self.name)
                if self.absorb_next_headline and position + 1 < len(blocks):
                    following = blocks[position + 1]
                    if following.kept and is_headline_like(following.text, max_words=25):
                        following.remove(self.reason, self.name)


@dataclass(frozen=True, slots=True)
class LinePatternGroup:
    """The line-pattern rules in one pass over the blocks.

    Each block is tried against the rules in order and taken by the first that matches: the
    verdicts running the rules one after another would give (a sponsored label absorbs the
    headline after it only when no earlier rule claims that line), at a fraction of the cost
    of walking every block once per rule.
    """

    rules: tuple[LinePatternRule, ...]
    name: str = "line_patterns"

    def without(self, names: frozenset[str] | set[str]) -> LinePatternGroup:
        """The group minus rules a site pack switches off (by rule name)."""
        return LinePatternGroup(tuple(r for r in self.rules if r.name not in names), self.name)

    def apply(self, page: Page) -> None:
        rules = self.rules
        if not rules:
            return
        blocks = page.blocks
        limit = max(r.max_words for r in rules)
        shared = rules is line_pattern_rules()  # no site pack switched one off
        skipping = _data_skip_tags() if shared else frozenset()
        for position, block in enumerate(blocks):
            n_words = block.n_words
            if block.removal is not None or n_words > limit:
                continue
            text = block.text
            if text[:1] in _QUOTES:
                continue  # no rule takes a quotation (`LinePatternRule.matches`)
            tag = block.tag
            if shared and tag not in skipping:
                # the data rules' verdict on this line, maybe found already (`_first_taker`)
                number = _first_taker(text, n_words)
            else:
                number = _first_of(rules, _Line(text), n_words, tag)
            if number is None:
                continue
            rule = rules[number]
            block.remove(rule.reason, rule.name)
            if rule.absorb_next_headline and position + 1 < len(blocks):
                following = blocks[position + 1]
                if (
                    following.kept
                    and is_headline_like(following.text, max_words=25)
                    and not any(_claims(r, following) for r in rules[:number])
                ):
                    following.remove(rule.reason, rule.name)


def _first_of(
    rules: tuple[LinePatternRule, ...], line: _Line, n_words: int, tag: str | None = None
) -> int | None:
    """The number of the first rule that takes the line (`_claims`, with the line's facts
    shared by the rules), or None."""
    for number, rule in enumerate(rules):
        if (
            n_words <= rule.max_words
            and tag not in rule.skip_tags
            and rule.matches_line(line, n_words)
        ):
            return number
    return None


@lru_cache(maxsize=16384)
def _first_taker(text: str, n_words: int) -> int | None:
    """`_first_of` the data rules (`line_pattern_rules()`) for a line of `n_words` words and a
    markup element no rule skips, remembered. On a text dump the article region's line
    features and the second-story rule ask `classify_line` of every line before the group
    runs; the group then reads their answers instead of trying every rule again. The group's
    CPU time over the 181 ScrapingHub pages flattened (text path, the rules run in order,
    caches emptied before each round, best of 3): 10.5 -> 0.46 ms/page (run_rules 47.3 ->
    32.3).
    tests/test_regex_screen.py checks the group against the plain rules one by one, with
    and without the answers found first."""
    return _first_of(line_pattern_rules(), _Line(text), n_words)


@cache
def _data_skip_tags() -> frozenset[str]:
    """The markup elements some of the data rules skip."""
    return frozenset(tag for r in line_pattern_rules() for tag in r.skip_tags)


def _claims(rule: LinePatternRule, block: Block) -> bool:
    return (
        block.n_words <= rule.max_words
        and block.tag not in rule.skip_tags
        and rule.matches(block.text, block.n_words)
    )


class _Line:
    """What the rules ask of one line besides their patterns, worked out on first use and
    kept for the other rules: the lowercased text the substring screens read
    (`regex_screen.screen_text`), and whether it holds a letter of a gated script (`max()`
    over the text, once per rule before). With the group's loop inlined (no `_claims` call
    per rule and line), the group's CPU time over the 181 ScrapingHub pages, replayed on the
    pages as they reach it, best of 8, interleaved: HTML path 2.05-2.22 -> 1.72-1.90
    ms/page, text path 9.1-9.4 -> 8.7-9.0 ms/page. tests/test_regex_screen.py checks the
    group against the unscreened rules applied one by one."""

    __slots__ = ("_low", "_scripted", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._low: str | bool | None = False  # False: not worked out yet
        self._scripted: bool | None = None

    @property
    def low(self) -> str | None:
        if self._low is False:
            self._low = screen_text(self.text)
        return self._low  # type: ignore[return-value]

    @property
    def scripted(self) -> bool:
        if self._scripted is None:
            text = self.text
            self._scripted = not text.isascii() and max(text) >= SCRIPT_GATE
        return self._scripted


def compile_patterns(patterns: list[str]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


# The lowest code point `needs_script` gates on: Cyrillic. Greek is left out because
# re.IGNORECASE matches its "μ" to the micro sign (U+00B5); the Kelvin and Angstrom signs fold
# to Latin letters and are never taken as proof.
SCRIPT_GATE = "\u0400"
_FOLDS_TO_LATIN = frozenset((0x212A, 0x212B))
_LITERAL = sre_constants.LITERAL
_SUBPATTERN = sre_constants.SUBPATTERN
_BRANCH = sre_constants.BRANCH
_REPEATS = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT)


def _sequence_needs_script(items: Any) -> bool:
    for op, av in items:
        if op is _LITERAL and av >= ord(SCRIPT_GATE) and av not in _FOLDS_TO_LATIN:
            return True
        if op is _SUBPATTERN and _sequence_needs_script(av[-1]):
            return True
        if op is _BRANCH and all(_sequence_needs_script(branch) for branch in av[1]):
            return True
        if op in _REPEATS and av[0] >= 1 and _sequence_needs_script(av[2]):
            return True
    return False  # classes, optional parts, anchors... prove nothing


def needs_script(pattern: str) -> bool:
    """True when every text the pattern matches holds a character at or above SCRIPT_GATE
    (read off the parsed pattern: a literal of such a script on every path)."""
    try:
        return _sequence_needs_script(sre_parse.parse(pattern, re.IGNORECASE))
    except Exception:  # a parser of another Python version: no gate, nothing skipped
        return False


# Around a comment-thread heading (`comment_threads.toml`): the whole heading may sit in
# brackets ("[ 167 comments ]"), and a count ("Comments (12)", "Comments 12") and a closing
# colon, full stop or arrow may follow it.
_HEADING_OPEN = r"^\s*(?:[\[(]\s*)?(?:"
_HEADING_CLOSE = r")\s*(?:[(\[（]\s*\d+\s*[)\]）]|\d+)?\s*[.:!»›：]*\s*[\])]?\s*$"


@cache
def _thread_headings() -> dict[str, list[str]]:
    """`comment_threads.toml`'s headings of a readers' comment thread, by language."""
    return load_toml("comment_threads.toml")["headings"]


def heading_pattern(headings: list[str]) -> str:
    """One whole-line pattern of thread headings, with the brackets and counts around them."""
    return _HEADING_OPEN + "|".join(headings) + _HEADING_CLOSE


@cache
def thread_heading_regex() -> re.Pattern[str]:
    """Every language's comment-thread headings, one whole-line pattern (`re.match`)."""
    every = [h for headings in _thread_headings().values() for h in headings]
    return re.compile(heading_pattern(every), re.IGNORECASE)


def spec_patterns(spec: dict[str, Any]) -> list[str]:
    """A data rule's patterns: its own, and a whole-line pattern per language it takes the
    comment-thread headings of (`thread_headings`: languages of `comment_threads.toml`), so
    the headings are written once for the rules and the text path's region."""
    table = _thread_headings() if spec.get("thread_headings") else {}
    own = list(spec.get("patterns", []))
    return [heading_pattern(table[lang]) for lang in spec.get("thread_headings", [])] + own


def rule_from_dict(spec: dict[str, Any]) -> LinePatternRule:
    every = spec_patterns(spec)
    gated = [p for p in every if needs_script(p)]
    patterns = [p for p in every if p not in gated]
    searched = [p for p in patterns if not p.startswith("^")]
    searched_gated = [p for p in gated if not p.startswith("^")]
    return LinePatternRule(
        name=spec["name"],
        reason=spec["reason"],
        max_words=int(spec.get("max_words", 30)),
        regex=None,
        searched=ScreenedRegex(searched, re.IGNORECASE) if searched else None,
        anchored=compile_patterns([p for p in patterns if p.startswith("^")]),
        searched_script=ScreenedRegex(searched_gated, re.IGNORECASE) if searched_gated else None,
        anchored_script=compile_patterns([p for p in gated if p.startswith("^")]),
        tokens=frozenset(t.casefold() for t in spec.get("tokens", [])),
        min_tokens=int(spec.get("min_tokens", 2)),
        absorb_next_headline=bool(spec.get("absorb_next_headline", False)),
        skip_tags=frozenset(spec.get("skip_tags", [])),
    )


@cache
def line_pattern_rules() -> tuple[LinePatternRule, ...]:
    """The generic line-pattern rules from `cleaners/data/line_patterns.toml`, in file order."""
    return tuple(rule_from_dict(spec) for spec in load_toml("line_patterns.toml")["rule"])


def classify_line(text: str) -> str | None:
    """The reason code of the first line-pattern rule that matches, without removing anything."""
    n_words = len(text.split())  # once, not once per rule
    if text[:1] in _QUOTES:
        return None  # no rule takes a quotation (`LinePatternRule.matches`)
    number = _first_taker(text, n_words)
    return None if number is None else line_pattern_rules()[number].reason
