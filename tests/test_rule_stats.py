"""Per-rule counters in the run summary: blocks removed by each rule, time spent in each."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

import cleaners.cli
from cleaners import clean_text
from cleaners.pipeline import timing_rules
from cleaners.rules import default_rules
from cleaners.summary import RunSummary
from tests.pages import BODY, TITLE, page

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def test_every_rule_that_ran_is_timed_only_inside_the_block() -> None:
    text = page("Home > Business > Agriculture", TITLE, *BODY, "Share on WhatsApp")
    with timing_rules() as seconds:
        clean_text(text)
    assert set(seconds) == {r.name for r in default_rules()} | {"settle_dates"}
    assert all(spent >= 0.0 for spent in seconds.values())
    before = dict(seconds)
    clean_text(text)  # outside the block: nothing is added
    assert seconds == before


def test_a_bot_wall_stops_the_timing_where_it_stops_the_rules() -> None:
    with timing_rules() as seconds:
        article = clean_text("Checking your browser before accessing the site.\n\nRay ID: 8a1b")
    assert article.reject_reason == "bot_wall"
    assert set(seconds) == {"bot_wall", "settle_dates"}


def test_the_summary_counts_removals_by_rule_and_adds_up_time() -> None:
    summary = RunSummary()
    summary.documents = 2
    summary.add_result(True, None, ["share_bar", "byline"], ["share_widget", "byline"])
    summary.add_result(False, "empty", ["share_bar"], ["share_widget"])
    summary.add_rule_seconds([("line_patterns", 0.002), ("byline", 0.001)])
    summary.add_rule_seconds([("line_patterns", 0.004)])
    assert summary.removed_by_rule == Counter({"share_widget": 2, "byline": 1})
    assert summary.rule_seconds == pytest.approx({"line_patterns": 0.006, "byline": 0.001})
    assert summary.render_rules() == [
        "per rule:",
        "  rule            removed         ms   ms/doc",
        "  line_patterns         0        6.0    3.000",
        "  byline                1        1.0    0.500",
        "  share_widget          2",
    ]
    again = RunSummary.from_dict(summary.to_dict())  # a resumed run starts from these
    assert again.removed_by_rule == summary.removed_by_rule
    assert again.rule_seconds == pytest.approx(summary.rule_seconds)


def test_a_run_prints_per_rule_removals_that_match_its_records(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.jsonl"
    argv = ["clean", str(FIXTURES / "dumps"), "-o", str(out), "-j", "1", "--no-progress"]
    assert cleaners.cli.main(argv) == 0
    err = capsys.readouterr().err.splitlines()
    table = err[err.index("per rule:") + 2 :]
    removed = {row.split()[0]: int(row.split()[1]) for row in table}
    timed = {row.split()[0] for row in table if len(row.split()) == 4}
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    by_rule = Counter(entry["rule"] for record in records for entry in record["removed"])
    assert {name: n for name, n in removed.items() if n} == by_rule
    assert {r.name for r in default_rules()} <= timed
