"""Markup signals: the kind of debris a block's surrounding elements say it is (rules as data)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from lxml import html as lxml_html

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
    data = tomllib.loads(
        resources.files("cleaners.data").joinpath("markup.toml").read_bytes().decode()
    )
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
    raw = f"{element.get('class') or ''} {element.get('id') or ''}".strip()
    if not raw:
        return "", frozenset()
    words = frozenset(w.lower() for w in _SPLIT.split(raw) if w)
    # whole hyphenated class names count as words too ("short-link", "ad-slot")
    words |= frozenset(c.lower() for c in raw.split())
    return raw.lower(), words


def signal_for(
    element: lxml_html.HtmlElement, stop: lxml_html.HtmlElement, cache: dict
) -> MarkupSignal | None:
    """The signal of the nearest marked ancestor-or-self of `element`, below `stop`."""
    node = element
    while node is not None and node is not stop:
        if node in cache:
            found = cache[node]
        else:
            tag = node.tag.lower() if isinstance(node.tag, str) else ""
            marks, words = _marks(node)
            found = (
                next((s for s in markup_signals() if s.matches(tag, marks, words)), None)
                if (marks or tag in ("figcaption", "nav", "button"))
                else None
            )
            cache[node] = found
        if found is not None:
            return found
        node = node.getparent()
    return None
