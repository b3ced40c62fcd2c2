"""The last step of every page: the record's dates settled from what the rules found."""

from __future__ import annotations

from dataclasses import dataclass

from cleaners.blocks import Page
from cleaners.rules.bylines import settle_dates


@dataclass(frozen=True, slots=True)
class SettleDatesRule:
    """A publication date of less trust (`published_fallback`: htmldate's on the HTML path)
    stands when neither the metadata nor a date line gave one; then an update date alone
    stands for the publication date (`bylines.settle_dates`). Runs on rejected pages too (its
    slot is `always`)."""

    name: str = "settle_dates"

    def apply(self, page: Page) -> None:
        if page.published is None:
            page.published = page.published_fallback
        settle_dates(page)
