"""Markup signals: the kind of debris a block's surrounding elements say it is (rules as data)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

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


def _marks(element: lxml_html.HtmlElement) -> tuple[str, frozenset[str]]:
    """The class and id, lowercased, and their words: split at separators and camelCase
    boundaries, plus whole hyphenated class names ("short-link", "ad-slot").

    One regular expression: a two-step split (str.translate and str.split, then camelCase
    inside capitalised pieces) measured no faster and was removed: replaying the calls of
    clean_html on every 8th corpus page (186 pages), 0.07-0.09 s CPU either way, of about
    23 s."""
    raw = f"{element.get('class') or ''} {element.get('id') or ''}".strip()
    if not raw:
        return "", frozenset()
    words = {w.lower() for w in _SPLIT.split(raw) if w}
    words.update(c.lower() for c in raw.split())
    return raw.lower(), frozenset(words)


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
    signals = markup_signals()
    node = element
    while node is not None and node is not stop:
        if node in cache:
            found = cache[node]
        else:
            tag = node.tag.lower() if isinstance(node.tag, str) else ""
            marks, words = _marks(node)
            found = (
                next((s for s in signals if s.matches(tag, marks, words)), None)
                if (marks or tag in ("figcaption", "nav", "button"))
                else None
            )
            cache[node] = found
        if found is not None:
            return found, node
        node = node.getparent()
    return None
