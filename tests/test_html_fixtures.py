"""Every HTML fixture page gives exactly its expected record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaners import clean_html
from tests.fixture_pairs import FIXTURES, comparable, fixture_pairs

PAIRS = fixture_pairs("html")


@pytest.mark.parametrize(
    ("raw", "expected"), PAIRS, ids=[str(p[0].relative_to(FIXTURES)) for p in PAIRS]
)
def test_html_fixture(raw: Path, expected: Path) -> None:
    record = clean_html(raw.read_bytes(), source=str(raw)).to_dict()
    assert comparable(record) == json.loads(expected.read_text(encoding="utf-8"))


def test_html_fixtures_cover_the_five_seed_sites() -> None:
    sites = {raw.parent.name for raw, _ in PAIRS}
    assert {"thenational", "ahram", "jordantimes", "aawsat", "enabbaladi"} <= sites
