"""Discover fixture pairs: a raw input beside `<name>.expected.json`; and the seed sites."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newscrawl.seeds import DEFAULT_SEEDS_DIR, load_seed
from tools.write_expected import VOLATILE, expected_path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
INPUT_SUFFIXES = (".txt", ".html", ".htm")
WHOLE_PAGE = FIXTURES / "whole_page"
__all__ = [
    "VOLATILE",
    "comparable",
    "fixture_pairs",
    "seed_names",
    "seed_rules",
    "whole_page_lines",
    "whole_page_text",
]


def fixture_pairs(kind: str) -> list[tuple[Path, Path]]:
    """(input, expected) pairs of one kind: 'txt' for text dumps, 'html' for pages."""
    suffixes = (".txt",) if kind == "txt" else (".html", ".htm")
    pairs = []
    for expected in sorted(FIXTURES.rglob("*.expected.json")):
        stem = expected.name[: -len(".expected.json")]
        for suffix in suffixes:
            raw = expected.with_name(stem + suffix)
            if raw.exists():
                assert expected_path(raw) == expected
                pairs.append((raw, expected))
    return pairs


def comparable(record: dict) -> dict:
    return {k: v for k, v in record.items() if k not in VOLATILE}


def seed_names() -> list[str]:
    """Every site of `seeds/` (a new seed file is a new site for the tests too)."""
    return sorted(path.stem for path in DEFAULT_SEEDS_DIR.glob("*.toml"))


def seed_rules(site: str) -> dict[str, Any]:
    """The ``[rules]`` pack of `seeds/<site>.toml`, as the crawl hands it to the cleaner."""
    return load_seed(DEFAULT_SEEDS_DIR / f"{site}.toml").rules


def whole_page_text(name: str) -> str:
    """The text of the whole-page dump fixture `fixtures/whole_page/<name>`."""
    return (WHOLE_PAGE / name).read_text("utf-8")


def whole_page_lines(name: str) -> list[str]:
    """The non-blank lines of a whole-page dump fixture, in order."""
    return [line for line in whole_page_text(name).splitlines() if line.strip()]
