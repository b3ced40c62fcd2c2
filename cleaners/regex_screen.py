"""Cheap screens for case-insensitive regular expressions: substrings every match holds.

A pattern such as `\\b(we|this site) (use|uses) cookies\\b` cannot match a text without
"cookies" in it, whatever the case. `required_substrings` reads such substrings off the parsed
pattern (one of them is in every match), and `screen_text` lowercases a text once so that
`any(s in low for s in needs)` tells, with a few substring tests, that the pattern cannot
match: the regular expression then need not run. When the screen passes the pattern runs as
before, so a screen never changes a verdict; it only skips searches that would fail.

Lowercasing agrees with `re.IGNORECASE` on the characters screens are made of (ASCII, and
characters without case: Arabic letters, curly quotes...), except for three characters the
regular expression engine folds further ("İ" and "ı" match "i", "ſ" matches "s"): a text that
holds one of them is not screened. tests/test_regex_screen.py checks this against every code
point.
"""

from __future__ import annotations

import re
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

# Substrings shorter than this screen out too little to be worth a test.
MIN_LENGTH = 3
# Text characters that re.IGNORECASE matches to a screen's character while str.lower() does not
# turn them into it (see the module docstring).
UNSAFE = "\u0130\u0131\u017f"

_LITERAL = sre_constants.LITERAL
_SUBPATTERN = sre_constants.SUBPATTERN
_BRANCH = sre_constants.BRANCH
_REPEATS = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT)


def screenable(ch: str) -> bool:
    """A character a screen may hold: ASCII, or without case (and not one of UNSAFE)."""
    return ch.isascii() or (ch.lower() == ch == ch.upper() and ch not in UNSAFE)


def _best(candidates: list[frozenset[str]]) -> frozenset[str] | None:
    """The most selective requirement: longest shortest substring, then fewest substrings."""
    usable = [c for c in candidates if c and all(len(s) >= MIN_LENGTH for s in c)]
    return max(usable, key=lambda c: (min(map(len, c)), -len(c)), default=None)


def _sequence(items: Any) -> frozenset[str] | None:
    """Substrings one of which every match of this sequence of parsed items holds."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is _LITERAL and screenable(chr(av)):
            run.append(chr(av))
            continue
        if run:
            candidates.append(frozenset(("".join(run),)))
            run = []
        found: frozenset[str] | None = None
        if op is _SUBPATTERN:
            found = _sequence(av[-1])
        elif op is _BRANCH:
            branches = [_sequence(branch) for branch in av[1]]
            if all(b is not None for b in branches):
                found = frozenset().union(*branches)  # type: ignore[arg-type]
        elif op in _REPEATS and av[0] >= 1:
            found = _sequence(av[2])
        # anything else (anchors, classes, lookarounds, optional parts...) requires nothing
        if found is not None:
            candidates.append(found)
    if run:
        candidates.append(frozenset(("".join(run),)))
    return _best(candidates)


def required_substrings(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """Lowercased substrings one of which is in (the lowercased form of) every text the
    pattern matches; None when the pattern has no such set worth testing."""
    try:
        found = _sequence(sre_parse.parse(pattern, flags))
    except Exception:  # a parser of another Python version: no screen, nothing skipped
        return None
    if found is None:
        return None
    return tuple(sorted({s.lower() for s in found}))


def screen_text(text: str) -> str | None:
    """The text as screens read it (lowercased), or None when it cannot be screened."""
    if not text.isascii() and any(ch in text for ch in UNSAFE):
        return None
    return text.lower()


def may_match(needs: tuple[str, ...], low: str | None) -> bool:
    """False only when the pattern with these required substrings cannot match the text."""
    return low is None or any(s in low for s in needs)


class ScreenedRegex:
    """Whether one expression of all `patterns` (an alternation) finds a match in a text, with
    the patterns that need substrings tried only on texts holding one of them: a single
    search of the lowercased text for any of those substrings (in C) stands for them.

    Gain, measured by replaying every search `clean_text` makes on the flattened development
    pages (`tools/bench_shortcuts.py screen --step 3`: 496 pages, 1.12 M searches, CPU
    seconds, best of 3): the plain alternation 4.28 s, screened 2.13 s, i.e. about 8 % of
    `clean_text` (24.1 s with the screen). The text is lowercased on each call: reusing one
    lowercased text across the rules that try the same block (the identity cache and `low`
    argument this replaced) gave 1.78-2.16 s over three runs, at most about 1 %; searching the
    original text with a case-insensitive screen is slower (3.8 s).
    The screen itself is one `in` per substring (CPython's substring search, in C): the
    alternation of the substrings as one regular expression, tried at every position of the
    text, took twice as long (all screens over the ScrapingHub pages' lines, CPU: 182 -> 99 ms;
    the rules' lines grew long with the disclaimers' 44 substrings).
    A text that passes runs only the patterns whose own substrings it holds. Both changes:
    every line-pattern rule over the ScrapingHub pages' lines (7,499, CPU, one run) 352 ->
    266 ms; the rules' screens hold more substrings since the disclaimer rule (44).
    tests/test_regex_screen.py checks the screened search against the plain alternation."""

    def __init__(self, patterns: list[str], flags: int = re.IGNORECASE) -> None:
        needs = {p: required_substrings(p, flags) for p in patterns}
        free = [p for p in patterns if needs[p] is None]
        screened = [p for p in patterns if needs[p] is not None]
        self.free = _alternation(free, flags)
        self.screened = _alternation(screened, flags)
        self.needs = _minimal({s for p in screened for s in needs[p] or ()})
        # each screened pattern with its own substrings: a text that passes the rule's screen
        # runs only the patterns whose substrings it holds (a line holding "information" need
        # not run a disclaimer rule's patterns about commissions)
        self._each = tuple((needs[p] or (), re.compile(p, flags)) for p in screened)

    def search(self, text: str) -> bool:
        return self.search_lowered(text, screen_text(text) if self.needs else None)

    def search_lowered(self, text: str, low: str | None) -> bool:
        """`search`, given `screen_text(text)` (worked out once for several expressions)."""
        if self.free is not None and self.free.search(text) is not None:
            return True
        if self.screened is None:
            return False
        if low is None or not self.needs:
            return self.screened.search(text) is not None
        if not any(need in low for need in self.needs):
            return False
        return any(
            regex.search(text) is not None
            for needs, regex in self._each
            if any(need in low for need in needs)
        )


def _minimal(needs: set[str]) -> tuple[str, ...]:
    """The substrings without those holding another one ("advice" stands for " advice"): a
    text holds one of them exactly when it holds one of all."""
    return tuple(sorted(n for n in needs if not any(m != n and m in n for m in needs)))


def _alternation(patterns: list[str], flags: int) -> re.Pattern[str] | None:
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)
