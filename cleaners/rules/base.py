"""What a rule is: a small named unit with one job and a reason code."""

from __future__ import annotations

from typing import Protocol

from cleaners.blocks import Page


class Rule(Protocol):
    """Looks at a page's blocks and removes some (with its reason) or moves them into fields.

    The rules are frozen dataclasses: `name` is read-only here (a plain ``name: str`` member
    would ask for a settable attribute, which no frozen rule has)."""

    @property
    def name(self) -> str: ...

    def apply(self, page: Page) -> None: ...
