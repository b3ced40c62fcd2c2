"""Adding to a crawl stat that is a quantity, not a count (seconds, a delay).

Scrapy's ``StatsCollector.inc_value`` is typed and documented for counts (``count: int``),
although it adds whatever it is given. A float stat is added here with ``get_value`` and
``set_value``, which take any value: the same result, within the collector's contract.
"""

from __future__ import annotations

from scrapy.statscollectors import StatsCollector


def add_value(stats: StatsCollector, key: str, amount: float) -> None:
    """``stats[key] += amount`` (starting from 0), for an int or a float ``amount``."""
    stats.set_value(key, stats.get_value(key, 0) + amount)
