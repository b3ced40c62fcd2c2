"""newscrawl's cleaning library: raw news pages and text dumps to clean article records.

No Scrapy import here: the crawler and the offline CLI call the same functions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cleaners.pipeline import clean_text
from cleaners.record import Article, Removal

if TYPE_CHECKING:
    from cleaners.html.extract import clean_html

__all__ = ["Article", "Removal", "clean_html", "clean_text"]


def __getattr__(name: str) -> Any:
    # The HTML path loads trafilatura (a third of a second): only when it is asked for, so a
    # run over text dumps does not pay for it.
    if name == "clean_html":
        from cleaners.html.extract import clean_html

        return clean_html
    raise AttributeError(f"module 'cleaners' has no attribute {name!r}")
