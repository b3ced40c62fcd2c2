"""Every text-dump fixture gives exactly its expected record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.fixture_pairs import FIXTURES, fixture_pairs
from tools.write_expected import expected_record

PAIRS = fixture_pairs("txt")


@pytest.mark.parametrize(
    ("raw", "expected"), PAIRS, ids=[str(p[0].relative_to(FIXTURES)) for p in PAIRS]
)
def test_text_fixture(raw: Path, expected: Path) -> None:
    record = expected_record(raw)
    written = expected.read_text(encoding="utf-8")
    assert record == json.loads(written)
    # tools/write_expected.py writes this file byte for byte
    assert json.dumps(record, ensure_ascii=False, indent=2) + "\n" == written


def test_every_seed_dump_has_an_expected_record() -> None:
    dumps = sorted((FIXTURES / "dumps").glob("*.txt"))
    assert len(dumps) == 5
    assert all(d.with_suffix(".expected.json").exists() for d in dumps)
