"""Spiders: ``news`` (newscrawl.spiders.news)."""
