"""Every text-dump fixture gives exactly its expected record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaners import clean_text
from tests.fixture_pairs import FIXTURES, comparable, fixture_pairs

PAIRS = fixture_pairs("txt")


@pytest.mark.parametrize(
    ("raw", "expected"), PAIRS, ids=[str(p[0].relative_to(FIXTURES)) for p in PAIRS]
)
def test_text_fixture(raw: Path, expected: Path) -> None:
    record = clean_text(raw.read_text(encoding="utf-8"), source=str(raw)).to_dict()
    assert comparable(record) == json.loads(expected.read_text(encoding="utf-8"))


def test_every_seed_dump_has_an_expected_record() -> None:
    dumps = sorted((FIXTURES / "dumps").glob("*.txt"))
    assert len(dumps) == 5
    assert all(d.with_suffix(".expected.json").exists() for d in dumps)
