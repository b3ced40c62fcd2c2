"""The JSONL form of a record: the one encoder of every record line the project writes.

``newsclean clean`` (records and rejects, `cleaners.output`), a crawl's feed
(`newscrawl.exporters`), its ``REJECTS_PATH`` file (`newscrawl.pipelines.filters`) and the
Redis store's shared records (`newscrawl.cluster.store`, written out as stored by
``newscrawl records``) all write a record as `dumps_record` encodes it, so the same record is
the same line, byte for byte, whichever path wrote it.
"""

from __future__ import annotations

import json
from typing import Any

_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def dumps_record(record: dict[str, Any]) -> str:
    """One JSONL line (no newline): UTF-8 as is, no spaces, keys in the record's order."""
    return _ENCODER.encode(record)
