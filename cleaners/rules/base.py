"""What a rule is: a small named unit with one job and a reason code."""

from __future__ import annotations

from typing import Protocol

from cleaners.blocks import Page


class Rule(Protocol):
    """Looks at a page's blocks and removes some (with its reason) or moves them into fields."""

    name: str

    def apply(self, page: Page) -> None: ...
