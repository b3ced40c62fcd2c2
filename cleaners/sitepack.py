"""A site's rule pack (the `[rules]` table of `seeds/<site>.toml`), as data.

drop_patterns = [{ reason = "share_bar", pattern = '^Short link:' }]   # regex on a block
drop_selectors = [{ reason = "advertisement", css = "div.ad-slot" }]   # CSS on the page
disable = ["printed_twice"]                                            # generic rules off
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from lxml import html as lxml_html

from cleaners.reasons import BLOCK_REASONS
from cleaners.rules.base import Rule
from cleaners.rules.line_patterns import LinePatternGroup, LinePatternRule


class SitePackError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class SitePack:
    patterns: tuple[LinePatternRule, ...] = ()
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
            patterns.append(
                LinePatternRule(
                    name=f"site_pattern_{number}", reason=reason, max_words=60, regex=regex
                )
            )
        selectors = []
        for number, spec in enumerate(data.get("drop_selectors", [])):
            reason = _reason(spec, f"drop_selectors[{number}]")
            if not isinstance(spec.get("css"), str):
                raise SitePackError(f"drop_selectors[{number}].css: missing CSS selector")
            selectors.append((spec["css"], reason))
        return cls(tuple(patterns), tuple(selectors), frozenset(data.get("disable", [])))

    def apply_to(self, rules: list[Rule], after: int) -> list[Rule]:
        """Generic rules minus the disabled ones, the site's patterns where markup rules end."""
        combined = [*rules[:after], *self.patterns, *rules[after:]]
        combined = [
            r.without(self.disabled) if isinstance(r, LinePatternGroup) else r for r in combined
        ]
        return [r for r in combined if r.name not in self.disabled]

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
