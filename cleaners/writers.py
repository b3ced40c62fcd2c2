"""The JSONL form of a record (the files are written by `cleaners.output`)."""

from __future__ import annotations

import json
from typing import Any


def dumps_record(record: dict[str, Any]) -> str:
    """One JSONL line: UTF-8 as is, keys in the record's documented order."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))
