"""Discover fixture pairs: a raw input beside `<name>.expected.json`."""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
INPUT_SUFFIXES = (".txt", ".html", ".htm")
# Fields that depend on where the input lies, not on what it says.
VOLATILE = ("id", "source")


def fixture_pairs(kind: str) -> list[tuple[Path, Path]]:
    """(input, expected) pairs of one kind: 'txt' for text dumps, 'html' for pages."""
    suffixes = (".txt",) if kind == "txt" else (".html", ".htm")
    pairs = []
    for expected in sorted(FIXTURES.rglob("*.expected.json")):
        stem = expected.name[: -len(".expected.json")]
        for suffix in suffixes:
            raw = expected.with_name(stem + suffix)
            if raw.exists():
                pairs.append((raw, expected))
    return pairs


def comparable(record: dict) -> dict:
    return {k: v for k, v in record.items() if k not in VOLATILE}
