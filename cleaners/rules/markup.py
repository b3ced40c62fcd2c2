"""Rules that use what the markup said (HTML path only; no-ops on text dumps)."""

from __future__ import annotations

from dataclasses import dataclass

from cleaners.blocks import Page
from cleaners.html.page import HtmlPage
from cleaners.textfeatures import is_prose

_CONTENT_TAGS = frozenset(
    ("p", "h2", "h3", "h4", "h5", "h6", "li", "tr", "blockquote", "dd", "pre")
)


@dataclass(frozen=True, slots=True)
class MarkupSignalRule:
    """A block inside a figure caption, share bar, related box, comment form... goes with the
    reason its container's markup gives."""

    name: str = "markup_signal"
    # Marks whose reason is only "interface chrome" wait until the text rules have run, so a
    # translation link still reads as `foreign_language` and a byline as `byline`.
    deferred: bool = False
    deferred_reasons: frozenset[str] = frozenset({"ui_chrome"})

    def apply(self, page: Page) -> None:
        if not isinstance(page, HtmlPage):
            return
        for block in page.blocks:
            found = page.markup_reasons.get(block.index)
            if not found or not block.kept or page.is_field(block):
                continue
            if (found[0] in self.deferred_reasons) == self.deferred:
                block.remove(*found)


@dataclass(frozen=True, slots=True)
class UnextractedChromeRule:
    """Short interface text that the main-content extractor left out and no other rule named
    (a lone "TT", a button label): interface chrome, listed rather than dropped silently."""

    name: str = "unextracted_chrome"
    reason: str = "ui_chrome"
    max_words: int = 4

    def apply(self, page: Page) -> None:
        if not isinstance(page, HtmlPage):
            return
        for block in page.kept():
            if block.index in page.extracted or block.tag in _CONTENT_TAGS:
                continue
            if block.n_words <= self.max_words and not is_prose(block.text):
                block.remove(self.reason, self.name)
