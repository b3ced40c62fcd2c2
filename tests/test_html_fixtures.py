"""Every HTML fixture page gives exactly its expected record; every seed site has pages here,
which its own rule pack cleans to the same record."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.fixture_pairs import FIXTURES, fixture_pairs, seed_names, seed_rules
from tools.write_expected import expected_record

PAIRS = fixture_pairs("html")
SEED_PAIRS = [(raw, expected) for raw, expected in PAIRS if raw.parent.name in seed_names()]


@pytest.mark.parametrize(
    ("raw", "expected"), PAIRS, ids=[str(p[0].relative_to(FIXTURES)) for p in PAIRS]
)
def test_html_fixture(raw: Path, expected: Path) -> None:
    record = expected_record(raw)
    written = expected.read_text(encoding="utf-8")
    assert record == json.loads(written)
    # tools/write_expected.py writes this file byte for byte
    assert json.dumps(record, ensure_ascii=False, indent=2) + "\n" == written


@pytest.mark.parametrize("site", seed_names())
def test_every_seed_site_has_an_html_fixture(site: str) -> None:
    pages = sorted((FIXTURES / "html" / site).glob("*.htm*"))
    assert pages, f"seeds/{site}.toml has no page in fixtures/html/{site}/"
    assert set(pages) <= {raw for raw, _ in SEED_PAIRS}, "a page without its expected record"


@pytest.mark.parametrize(
    ("raw", "expected"), SEED_PAIRS, ids=[str(p[0].relative_to(FIXTURES)) for p in SEED_PAIRS]
)
def test_seed_html_fixture_with_the_seeds_rule_pack(raw: Path, expected: Path) -> None:
    """The crawl cleans a seed's pages with its ``[rules]`` pack: the same record as the
    generic rules give, except that a line the pack drops is credited to the pack's pattern
    (it runs before the generic line rules), with the pattern's own reason."""
    patterns = seed_rules(raw.parent.name).get("drop_patterns", [])
    record = expected_record(raw, rules=seed_rules(raw.parent.name))
    want = json.loads(expected.read_text(encoding="utf-8"))
    assert {k: v for k, v in record.items() if k != "removed"} == {
        k: v for k, v in want.items() if k != "removed"
    }
    assert len(record["removed"]) == len(want["removed"])
    for got, generic in zip(record["removed"], want["removed"], strict=True):
        if got != generic:
            assert _claimed_by_pack(got, patterns), got
            assert {**got, "rule": generic["rule"]} == generic


def _claimed_by_pack(entry: dict[str, Any], patterns: list[dict[str, str]]) -> bool:
    number = entry["rule"].removeprefix("site_pattern_")
    if not number.isdigit() or int(number) >= len(patterns):
        return False
    spec = patterns[int(number)]
    return spec["reason"] == entry["reason"] and bool(
        re.search(spec["pattern"], entry["text"], re.IGNORECASE)
    )
