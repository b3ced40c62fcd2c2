"""Markup signals: the kind of debris a block's surrounding elements say it is (rules as data)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from lxml import html as lxml_html

from cleaners.data import load_toml

_SPLIT = re.compile(r"[\s_\-]+|(?<=[a-z])(?=[A-Z])")


@dataclass(frozen=True, slots=True)
class MarkupSignal:
    name: str
    reason: str
    tags: frozenset[str]
    class_words: frozenset[str]
    class_stems: tuple[str, ...]

    def matches(self, tag: str, marks: str, words: frozenset[str]) -> bool:
        if tag in self.tags:
            return True
        if words & self.class_words:
            return True
        return any(stem in marks for stem in self.class_stems)


@cache
def markup_signals() -> tuple[MarkupSignal, ...]:
    data = load_toml("markup.toml")
    return tuple(
        MarkupSignal(
            name=spec["name"],
            reason=spec["reason"],
            tags=frozenset(spec.get("tags", [])),
            class_words=frozenset(w.lower() for w in spec.get("class_words", [])),
            class_stems=tuple(s.lower() for s in spec.get("class_stems", [])),
        )
        for spec in data["signal"]
    )


@cache
def _standfirst_marks() -> MarkupSignal:
    spec = load_toml("markup.toml")["standfirst"]
    return MarkupSignal(
        name="standfirst",
        reason="",
        tags=frozenset(),
        class_words=frozenset(w.lower() for w in spec.get("class_words", [])),
        class_stems=tuple(s.lower() for s in spec.get("class_stems", [])),
    )


def is_standfirst_marked(element: lxml_html.HtmlElement) -> bool:
    """Whether an element's class or id names it a standfirst (markup.toml's `[standfirst]`:
    the newsroom terms of several languages, matched as the debris signals are)."""
    marks, words = _marks(element)
    return bool(marks) and _standfirst_marks().matches("", marks, words)


@dataclass(frozen=True, slots=True)
class _AnySignal:
    """Whether any signal may match an element, told from its tag and its class and id as
    written, before they are split into words: the union of the signals' tags, and one
    expression of all their stems and class words searched in the lowercased marks (a class
    word is a piece of the marks, so it is in them). Most marked elements match no signal
    and are told so without splitting their marks or trying the signals one by one. Only
    ASCII marks are screened (lowercasing them is lowercasing their pieces). Measured on
    the 181 ScrapingHub pages (CPU, best of 7 interleaved runs, the `marked_ancestor`
    calls of `clean_html` replayed with an empty cache each): 0.22 s -> 0.12 s.
    tests/test_fast_paths.py checks it against the signals one by one."""

    tags: frozenset[str]
    pieces: re.Pattern[str] | None  # any stem or class word

    def may_match(self, tag: str, raw: str) -> bool:
        if tag in self.tags or not raw.isascii():
            return True
        return self.pieces is not None and self.pieces.search(raw.lower()) is not None


@cache
def _any_signal() -> _AnySignal:
    signals = markup_signals()
    pieces = sorted({p for s in signals for p in (*s.class_stems, *s.class_words)})
    return _AnySignal(
        tags=frozenset().union(*(s.tags for s in signals)),
        pieces=re.compile("|".join(map(re.escape, pieces))) if pieces else None,
    )


def _marks(element: lxml_html.HtmlElement) -> tuple[str, frozenset[str]]:
    """The class and id, lowercased, and their words: split at separators and camelCase
    boundaries, plus whole hyphenated class names ("short-link", "ad-slot").

    One regular expression: a two-step split (str.translate and str.split, then camelCase
    inside capitalised pieces) measured no faster and was removed: replaying the calls of
    clean_html on every 8th corpus page (186 pages), 0.07-0.09 s CPU either way, of about
    23 s."""
    return _marks_of(_raw_marks(element))


def _raw_marks(element: lxml_html.HtmlElement) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''}".strip()


def _marks_of(raw: str) -> tuple[str, frozenset[str]]:
    if not raw:
        return "", frozenset()
    words = {w.lower() for w in _SPLIT.split(raw) if w}
    words.update(c.lower() for c in raw.split())
    return raw.lower(), frozenset(words)


def signal_of(tag: str, raw: str) -> MarkupSignal | None:
    """The signal an element with this (lowercased) tag and these class and id marks
    (`_raw_marks`) carries: the first in file order that matches it."""
    if (raw or tag in ("figcaption", "nav", "button")) and _any_signal().may_match(tag, raw):
        marks, words = _marks_of(raw)
        return next((s for s in markup_signals() if s.matches(tag, marks, words)), None)
    return None


# `signal_of` remembered across elements and pages: a page repeats its class values, and a
# site repeats them from page to page. The 8,258 `marked_ancestor` calls of the 181
# ScrapingHub pages (one pass) read the marks of 12,821 elements: 5,070 distinct tags and
# marks within the pages, 2,945 across them (the cache's misses). tests/test_fast_paths.py
# checks `marked_ancestor` against the signals tried one by one.
_signal_of = lru_cache(maxsize=8192)(signal_of)


def signal_for(
    element: lxml_html.HtmlElement, stop: lxml_html.HtmlElement, cache: dict
) -> MarkupSignal | None:
    """The signal of the nearest marked ancestor-or-self of `element`, below `stop`."""
    found = marked_ancestor(element, stop, cache)
    return found[0] if found is not None else None


def marked_ancestor(
    element: lxml_html.HtmlElement, stop: lxml_html.HtmlElement, cache: dict
) -> tuple[MarkupSignal, lxml_html.HtmlElement] | None:
    """The signal of the nearest marked ancestor-or-self of `element`, below `stop`, with
    the element that carries the mark."""
    # Signals are tried in file order (the first that matches wins). An index by tag and
    # class word measured no gain (0.2 s of 47.6 s of clean_html CPU on every 4th corpus
    # page, 2026-11-29): the look-ups are few, as the cache holds each element's answer.
    node = element
    while node is not None and node is not stop:
        if node in cache:
            found = cache[node]
        else:
            tag = node.tag.lower() if isinstance(node.tag, str) else ""
            found = _signal_of(tag, _raw_marks(node))
            cache[node] = found
        if found is not None:
            return found, node
        node = node.getparent()
    return None
