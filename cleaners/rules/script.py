"""Lines in another writing system than the body (a link to the Arabic version of a story)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from cleaners.blocks import Block, Page
from cleaners.textfeatures import script_counts

# A letter (as `script_counts` counts letters) outside the ranges where every letter is of the
# Latin script (ASCII, Latin-1 Supplement to Latin Extended-B, Latin Extended Additional).
# tests/test_fast_paths.py checks the ranges against `script_counts` for every code point.
_NON_LATIN_LETTER = re.compile(r"[^\W\d_\x00-\x7f\u00c0-\u024f\u1e00-\u1eff]")


@dataclass(frozen=True, slots=True)
class ForeignScriptRule:
    """Removes a block written (almost) entirely in a script the rest of the page does not use.

    Works on scripts, not languages: cheap, and an English sentence quoting one Arabic word
    stays. An Arabic article keeps its Arabic lines, because Arabic is then the page's script.
    """

    name: str = "foreign_script"
    reason: str = "foreign_language"
    min_letters: int = 3
    page_share: float = 0.7  # the page's script must clearly dominate
    block_share: float = 0.2  # a block with less than this of it is foreign

    def apply(self, page: Page) -> None:
        kept = page.kept()
        if _NON_LATIN_LETTER.search("\n".join(b.text for b in kept)) is None:
            # Every letter is Latin: one script, so no block is foreign (`plain_apply` would
            # count every block's letters by script to find that). One search of the page's
            # text instead (168 of the 181 ScrapingHub pages): the rule over those pages as
            # they reach it, CPU, best of 10-20, alternating, HTML path 0.20 -> 0.15 ms/page,
            # text path 0.42-0.44 -> 0.27.
            return
        self.plain_apply(page, kept)

    def plain_apply(self, page: Page, kept: list[Block] | None = None) -> None:
        """`apply` the plain way: every kept block's letters counted by script."""
        if kept is None:
            kept = page.kept()
        per_block = [script_counts(b.text) for b in kept]
        totals: dict[str, int] = {}
        for counts in per_block:
            for script, n in counts.items():
                totals[script] = totals.get(script, 0) + n
        if not totals:
            return
        main = max(totals, key=totals.__getitem__)
        if totals[main] < self.page_share * sum(totals.values()):
            return
        for block, counts in zip(kept, per_block, strict=True):
            letters = sum(counts.values())
            if letters >= self.min_letters and counts.get(main, 0) < self.block_share * letters:
                block.remove(self.reason, self.name)
