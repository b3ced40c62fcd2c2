"""What readers produce: one input page, as HTML or as a text dump, plus where it came from."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Document:
    source: str  # file path as given (with ":line", "#id" or "@offset" inside containers), or URL
    url: str | None = None
    text: str | None = None
    html: str | bytes | None = None
    fetched_at: str | None = None
    site: str | None = None  # site name (a crawl's seed, a JSONL field)
    rules: Mapping[str, Any] | None = None  # the site's rule pack (a seed's [rules] table)
    http_charset: str | None = None  # charset of the HTTP Content-Type the page came with


@dataclass(frozen=True, slots=True)
class ReadError:
    """An input that could not be read: reported and counted, never fatal for the batch.

    ``kind`` is one of a closed set, listed in `cleaners.readers`."""

    source: str  # file path as given, with ":line", "#id" or "@offset" inside containers
    kind: str  # short machine-readable kind: "not_found", "corrupt_gzip", "too_large"...
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.kind}: {self.message}"
