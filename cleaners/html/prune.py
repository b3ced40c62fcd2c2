"""Markup a reader never sees, taken out of the tree before anything reads it.

Hidden elements (the `hidden` attribute, an inline `display: none` or `visibility: hidden`)
carry off-screen copies of the page (a second copy of the article for another layout, mobile
menus, pre-rendered dialogs), and rollover or tooltip boxes (`tooltip`, `popover`, `rollover`,
`hovercard` in their class) carry text shown only on demand: a politician's latest headlines
inside the link to their name. Neither is article text; both would reach the extractor and the
rules. Of a nest of such boxes only the innermost goes: the outer one holds the link itself.

`aria-hidden="true"` is not a sign: it marks visible text that screen readers skip, such as
pull quotes repeating the body.

A hidden element holding a large share of the page's text is left alone: that is an article
revealed by script ("read more" expanders, subscriber bodies shipped hidden), not furniture.
The share is measured on text a reader could be shown: inline scripts, JSON state blobs and
styles (often most of a modern page's characters) count on neither side. Streamed
server-rendered chunks (`<div hidden id="S:0">`, React's convention, moved into place by a
script as the page loads) are content waiting for their slot, never furniture: kept.
"""

from __future__ import annotations

import re

from lxml import html as lxml_html

_STYLE_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_ON_DEMAND = re.compile(r"(?:^|[\s_-])(?:tooltip|popover|rollover|hovercard)(?:$|[\s_-])", re.I)
# a hidden element with more than this share of the page's text is kept
_MAX_SHARE = 0.4
# below this many characters a hidden element is dropped without measuring the page
_SMALL = 400
# text that no reader sees even when shown: not counted in the shares
_NOT_TEXT = ("script", "style", "template", "noscript")
# the id React gives a streamed chunk waiting to be moved into place
_STREAMED_CHUNK = re.compile(r"S:\d+")
# A word each match of `_STYLE_HIDDEN` / `_ON_DEMAND` holds (lowercased).
_STYLE_WORDS = ("none", "hidden")
_ON_DEMAND_WORDS = ("tooltip", "popover", "rollover", "hovercard")


def _may_hold(value: str, words: tuple[str, ...]) -> bool:
    """False only when the attribute cannot match the pattern made of `words`: an ASCII value
    (where re.IGNORECASE is lowercasing) without any of them. The walk asks about every
    element, most with a class: `Pruner.drops` on every element of the 181 ScrapingHub pages
    went 0.28 s -> 0.21 s CPU (best of 7 interleaved runs), the on-demand pattern alone on
    the class values 0.10 s -> 0.02 s. tests/test_fast_paths.py checks the screen against
    the regular expressions."""
    if not value.isascii():
        return True  # re.IGNORECASE folds some non-ASCII letters to ASCII ones ("ı" to "i")
    low = value.lower()
    for word in words:  # noqa: SIM110  (a loop: `any` over a generator costs twice as much)
        if word in low:
            return True
    return False


def _shown_text_length(element: lxml_html.HtmlElement) -> int:
    """Characters of `element`'s text without scripts, styles and templates."""
    size = len(element.text_content())
    for inner in element.iter(_NOT_TEXT):
        if inner is not element:
            size -= len(inner.text_content())
    return size


def is_streamed_chunk(element: lxml_html.HtmlElement) -> bool:
    identifier = element.get("id")
    return identifier is not None and _STREAMED_CHUNK.fullmatch(identifier) is not None


def is_hidden(element: lxml_html.HtmlElement) -> bool:
    if element.get("hidden") is not None:
        return True
    style = element.get("style")
    return (
        style is not None
        and _may_hold(style, _STYLE_WORDS)
        and _STYLE_HIDDEN.search(style) is not None
    )


def is_on_demand(element: lxml_html.HtmlElement) -> bool:
    """A rollover/tooltip box, not the element that holds one."""
    marks = element.get("class")
    if not marks or not _may_hold(marks, _ON_DEMAND_WORDS) or _ON_DEMAND.search(marks) is None:
        return False
    return not any(
        _ON_DEMAND.search(inner.get("class") or "") for inner in element.iterdescendants()
    )


class Pruner:
    """Decides, element by element during a walk, what to take out; `finish` takes it out
    (after the walk: the tree is not changed under it)."""

    def __init__(self, root: lxml_html.HtmlElement) -> None:
        self._root = root
        self._total: int | None = None
        self.dropped: list[lxml_html.HtmlElement] = []
        # whether a class value names an on-demand box, per value: a page repeats its
        # class values many times
        self._on_demand_marks: dict[str, bool] = {}

    def suspect(self, element: lxml_html.HtmlElement) -> bool:
        """False only when `drops` would say no: the element has no `hidden` or `style`
        attribute, and no class that names an on-demand box. The walk asks about every
        element; this screen answers most of them from the attribute names and a look-up of
        the class value, without the tests' attribute reads and function calls (3103 of the
        133,779 elements of the 181 ScrapingHub pages are suspects; the screen alone costs
        about 15 % less than three `get`s). tests/test_fast_paths.py checks it against
        `drops`."""
        names = element.keys()  # one call: most elements have no attribute, or one
        if not names:
            return False
        if "hidden" in names or "style" in names:
            return True
        if "class" not in names:
            return False
        marks = element.get("class")
        if not marks:
            return False
        named = self._on_demand_marks.get(marks)
        if named is None:
            named = _may_hold(marks, _ON_DEMAND_WORDS) and _ON_DEMAND.search(marks) is not None
            self._on_demand_marks[marks] = named
        return named

    def drops(self, element: lxml_html.HtmlElement) -> bool:
        """Whether `element` goes (it is recorded, for `finish`); the walk asks about every
        element. A screen answering most elements without these tests (no `hidden`, no
        `style`, no on-demand word in the class) measured no gain and was removed:
        `tools/bench_shortcuts.py prune --step 8` at commit 8048f17, every 8th corpus page
        (186), the walk 0.70 s CPU screened vs 0.64 s without, of about 25 s of
        `clean_html`."""
        if not (is_hidden(element) or is_on_demand(element)):
            return False
        if is_streamed_chunk(element):
            return False
        size = len(element.text_content())
        if size > _SMALL:
            size = _shown_text_length(element)
            if self._total is None:
                self._total = _shown_text_length(self._root)
            if size > _MAX_SHARE * self._total:
                return False
        self.dropped.append(element)
        return True

    def finish(self) -> int:
        for element in self.dropped:
            element.drop_tree()  # its tail stays
        return len(self.dropped)


# Code and head data: no reader's text, read by the time trafilatura runs (the metadata and
# page fields read JSON-LD, <meta> and <link>; the block walk skips them all), and among the
# first things trafilatura deletes (its `tree_cleaning`) after it has copied the whole tree,
# again for its page-size measure (`html2txt`) and for each fallback. JSON-LD stays: trafilatura
# reads it (forum pages, its last-resort `baseline`). SVG stays too: readability and jusText,
# in trafilatura's full cascade, weigh the text of its labels.
_CODE = ("script", "style", "meta", "link")
_JSON_LD = "application/ld+json"


def drop_code(root: lxml_html.HtmlElement) -> None:
    """Takes scripts (JSON-LD excepted), styles, <meta> and <link> out of the tree, tails
    kept. trafilatura then copies and searches a smaller tree, with the same answer (every
    record of the three development corpora byte-identical, `tools/snapshot.py compare`).
    trafilatura fast mode on the 181 ScrapingHub pages (CPU, 3 interleaved runs on the same
    parsed trees): 24.1 -> 22.3 ms a page, for about 0.3 ms a page here."""
    for element in list(root.iter(_CODE)):
        if element.tag == "script" and (element.get("type") or "").lower() == _JSON_LD:
            continue
        element.drop_tree()
