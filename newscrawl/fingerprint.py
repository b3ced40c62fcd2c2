"""Content fingerprints of the crawl: `cleaners.dedup`, the one near-duplicate implementation
that ``newsclean clean --dedup`` uses too.

This module only keeps the old names importable: a crawl's JOBDIR state pickled before
session 6 holds ``newscrawl.fingerprint.FingerprintIndex``, and resuming it unpickles by that
name.
"""

from __future__ import annotations

from cleaners.dedup import MAX_POSTINGS, Fingerprint, FingerprintIndex, fingerprint, similarity

__all__ = ["MAX_POSTINGS", "Fingerprint", "FingerprintIndex", "fingerprint", "similarity"]
