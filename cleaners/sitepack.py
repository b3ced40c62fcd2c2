"""A site's rule pack (the `[rules]` table of `seeds/<site>.toml`), as data.

drop_patterns = [                                                      # regex on a block
    { reason = "share_bar", pattern = '^Short link:' },
    { reason = "related_articles", pattern = '^More from ', slot = "navigation" },
]
drop_selectors = [{ reason = "advertisement", css = "div.ad-slot" }]   # CSS on the page
disable = ["printed_twice"]                                            # generic rules off

A pattern runs in the pipeline slot it names (`slot`, one of `cleaners.rules.SLOT_NAMES`), at
the end of that slot; by default in the `site` slot, after the article's structure is found and
before the generic markup and wording rules.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from lxml import html as lxml_html

from cleaners.reasons import BLOCK_REASONS
from cleaners.rules import SITE_SLOT, SLOTS
from cleaners.rules.base import Rule, UnknownSlotError, check_slot_names
from cleaners.rules.line_patterns import LinePatternRule


class SitePackError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class SitePattern:
    slot: str  # the pipeline slot it runs in
    rule: LinePatternRule


@dataclass(frozen=True, slots=True)
class SitePack:
    patterns: tuple[SitePattern, ...] = ()
    selectors: tuple[tuple[str, str], ...] = ()  # (css, reason)
    disabled: frozenset[str] = frozenset()

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> SitePack:
        patterns = []
        for number, spec in enumerate(data.get("drop_patterns", [])):
            reason = _reason(spec, f"drop_patterns[{number}]")
            try:
                regex = re.compile(spec["pattern"], re.IGNORECASE)
            except (KeyError, re.error) as exc:
                raise SitePackError(f"drop_patterns[{number}].pattern: {exc}") from None
            slot = spec.get("slot", SITE_SLOT)
            try:
                check_slot_names(SLOTS, [slot])
            except UnknownSlotError as exc:
                raise SitePackError(f"drop_patterns[{number}].slot: {exc}") from None
            rule = LinePatternRule(
                name=f"site_pattern_{number}", reason=reason, max_words=60, regex=regex
            )
            patterns.append(SitePattern(slot, rule))
        selectors = []
        for number, spec in enumerate(data.get("drop_selectors", [])):
            reason = _reason(spec, f"drop_selectors[{number}]")
            if not isinstance(spec.get("css"), str):
                raise SitePackError(f"drop_selectors[{number}].css: missing CSS selector")
            selectors.append((spec["css"], reason))
        return cls(tuple(patterns), tuple(selectors), frozenset(data.get("disable", [])))

    def placed_patterns(self) -> list[tuple[str, Rule]]:
        """(slot name, rule) of each pattern, in the pack's order (`cleaners.rules.pipeline`
        puts them at the end of their slots)."""
        return [(p.slot, p.rule) for p in self.patterns]

    def selected(self, root: lxml_html.HtmlElement) -> dict[lxml_html.HtmlElement, str]:
        found: dict[lxml_html.HtmlElement, str] = {}
        for css, reason in self.selectors:
            for element in root.cssselect(css):
                found.setdefault(element, reason)
        return found


def _reason(spec: Mapping[str, Any], where: str) -> str:
    reason = spec.get("reason")
    if reason not in BLOCK_REASONS:
        raise SitePackError(f"{where}.reason: {reason!r} is not a reason code")
    return str(reason)
