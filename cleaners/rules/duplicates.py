"""Text printed twice: teasers and captions printed in pairs, and repeated paragraphs."""

from __future__ import annotations

from dataclasses import dataclass

from cleaners.blocks import Block, Page
from cleaners.textfeatures import fold, is_headline_like, is_prose

# Two copies count as "printed twice" when at most this many blocks separate them.
_PAIR_DISTANCE = 3


def _first_prose_index(page: Page) -> int:
    for block in page.kept():
        if is_prose(block.text):
            return block.index
    return len(page.blocks)


@dataclass(frozen=True, slots=True)
class PrintedTwiceRule:
    """A non-paragraph line printed twice in a row is a widget, not content.

    In the body a headline-like pair is a related-story card (`related_teaser`); above the body
    (the figure zone under the headline) a pair is a caption. Every copy goes.
    """

    name: str = "printed_twice"

    def apply(self, page: Page) -> None:
        kept = page.kept()
        body_start = _first_prose_index(page)
        for position, block in enumerate(kept):
            if not block.kept:
                continue
            key = block.key
            if not key:
                continue
            copies = [block] + [
                other
                for other in kept[position + 1 : position + 1 + _PAIR_DISTANCE]
                if other.kept and other.key == key
            ]
            if len(copies) < 2:
                continue
            reason = self._reason(block, body_start)
            if reason:
                for copy in copies:
                    copy.remove(reason, self.name)

    @staticmethod
    def _reason(block: Block, body_start: int) -> str | None:
        if block.index < body_start:
            return "caption"
        if is_headline_like(block.text) and not is_prose(block.text):
            return "related_teaser"
        return None


@dataclass(frozen=True, slots=True)
class DuplicateParagraphRule:
    """A later copy of a body paragraph (or of the standfirst) anywhere on the page.

    Only paragraphs count: a short line met again (an interview's recurring question, a
    recipe's "Serves 4", a label) is the article's structure, not a copy of it."""

    name: str = "duplicate_paragraph"
    reason: str = "duplicate_paragraph"

    def apply(self, page: Page) -> None:
        seen: set[str] = set()
        if page.subtitle:
            seen.add(fold(page.subtitle))
        for block in page.kept():
            key = block.key
            if not key:
                continue
            if key in seen and is_prose(block.text):
                block.remove(self.reason, self.name)
            else:
                seen.add(key)
