"""newscrawl's cleaning library: raw news pages and text dumps to clean article records.

No Scrapy import here: the crawler and the offline CLI call the same functions.
"""

from cleaners.html.extract import clean_html
from cleaners.pipeline import clean_text
from cleaners.record import Article, Removal

__all__ = ["Article", "Removal", "clean_html", "clean_text"]
