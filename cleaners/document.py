"""What readers produce: one input page, as HTML or as a text dump, plus where it came from."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Document:
    source: str  # file path as given (with ":line" or "@offset" inside containers), or URL
    url: str | None = None
    text: str | None = None
    html: str | bytes | None = None
    fetched_at: str | None = None


@dataclass(frozen=True, slots=True)
class ReadError:
    """An input that could not be read: reported and counted, never fatal for the batch."""

    source: str
    kind: str  # short machine-readable kind: "not_found", "binary", "undecodable", "io_error"...
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.kind}: {self.message}"
