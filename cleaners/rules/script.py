"""Lines in another writing system than the body (a link to the Arabic version of a story)."""

from __future__ import annotations

from dataclasses import dataclass

from cleaners.blocks import Page
from cleaners.textfeatures import script_counts


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
