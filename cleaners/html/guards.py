"""Body paragraphs the text rules must not take on an HTML page.

Some text rules read one line's wording: a line ending in an agency name ("... – AFP",
"(Additional reporting by ...)") is a caption, short lines about money form a donation box.
On a text dump that is all there is to go on. On an HTML page the markup says more: a `<p>`
of 25 words or more that trafilatura kept as article text and that no figure or caption markup
holds is a body paragraph, whatever its last words are. Measured over the development corpora
(`tools/rule_precision.py`), the caption-credit and donation-box rules removed more reference
body than debris on HTML pages, nearly all of it in such paragraphs; short captions, credits
and appeal lines are still theirs.
"""

from __future__ import annotations

from dataclasses import dataclass

from cleaners.blocks import Page
from cleaners.html.page import HtmlPage
from cleaners.rules.base import Rule

# a paragraph this long is body text, not a caption or an appeal line
BODY_PARAGRAPH_WORDS = 25


@dataclass(frozen=True, slots=True)
class BodyGuard:
    """Runs `rule` and gives back the body paragraphs (see the module's docstring) it took."""

    rule: Rule

    @property
    def name(self) -> str:  # the wrapped rule's name: site packs disable it by that name
        return self.rule.name

    def apply(self, page: Page) -> None:
        if not isinstance(page, HtmlPage):  # a text dump: the rule alone decides
            self.rule.apply(page)
            return
        guarded = [
            b
            for b in page.blocks
            if b.kept
            and b.tag == "p"
            and b.index in page.extracted
            and b.index not in page.outside
            and b.n_words >= BODY_PARAGRAPH_WORDS
            and b.index not in page.markup_reasons
        ]
        self.rule.apply(page)
        for block in guarded:
            if block.removal is not None and block.removal.rule == self.rule.name:
                block.removal = None
