"""Debris vocabulary in 20 languages: every line of fixtures/languages/debris_lines.toml is
recognised by the rule of its kind, and its body sentences (traps) are kept."""

from __future__ import annotations

import pytest

from cleaners.rules.page_level import error_page_heading
from tools.language_audit import LANGUAGES, LINE_KINDS, PAGE_KINDS, load_lines

CASES = [
    (kind, lang, line)
    for kind, langs in load_lines().items()
    if kind in LINE_KINDS
    for lang, lines in langs.items()
    for line in lines
]
PAGES = [
    (kind, lang, lines)
    for kind, langs in load_lines().items()
    if kind in PAGE_KINDS
    for lang, lines in langs.items()
]


@pytest.mark.parametrize(
    ("kind", "lang", "line"), CASES, ids=[f"{k}-{g}-{i}" for i, (k, g, _) in enumerate(CASES)]
)
def test_line_is_recognised_as_its_kind(kind: str, lang: str, line: str) -> None:
    assert LINE_KINDS[kind](line), f"{kind} ({lang}) not recognised: {line!r}"


@pytest.mark.parametrize(("kind", "lang", "lines"), PAGES, ids=[f"{k}-{g}" for k, g, _ in PAGES])
def test_page_kind_is_recognised(kind: str, lang: str, lines: list[str]) -> None:
    assert PAGE_KINDS[kind](lines), f"{kind} ({lang}) not recognised: {lines!r}"


def test_every_kind_covers_every_target_language() -> None:
    for kind, langs in load_lines().items():
        assert set(langs) == set(LANGUAGES), kind


@pytest.mark.parametrize(
    "heading",
    ["お探しのページは見つかりませんでした", "抱歉，您访问的页面不存在", "पेज नहीं मिला"],
)
def test_error_heading_found_inside_unspaced_and_indic_text(heading: str) -> None:
    # `\b` cannot mark these words' edges: the phrase sits between CJK word characters, or
    # ends in a vowel sign that is no word character
    assert error_page_heading().search(heading)


@pytest.mark.parametrize("text", ["Pageantry not foundational", "Notfound404x"])
def test_error_heading_keeps_word_boundaries_in_spaced_scripts(text: str) -> None:
    assert not error_page_heading().search(text)


@pytest.mark.parametrize(
    ("pattern", "gated"),
    [
        ("^(قبول|أوافق|موافق)$", True),
        ("^\\d+\\s*(秒|分|時間)前$", True),
        ("(мы используем|сайт использует).{0,30}cookie", True),
        ("^(\\d+|قبول)$", False),  # a branch without such a letter matches "12"
        ("^(print|печать)$", False),
        ("^[^\\w]+$", False),
        ("^(?:д)?$", False),  # optional: proves nothing
        ("\u212a", False),  # the Kelvin sign folds to a Latin "k"
        ("μ", False),  # Greek is below the gate: "μ" matches the micro sign
    ],
)
def test_script_gate_only_on_patterns_that_need_the_script(pattern: str, gated: bool) -> None:
    from cleaners.rules.line_patterns import needs_script

    assert needs_script(pattern) is gated


def test_script_gate_changes_no_verdict() -> None:
    """The gated rules name every line as the same rules without the gate do."""
    from cleaners.data import load_toml
    from cleaners.rules.line_patterns import (
        LinePatternRule,
        compile_patterns,
        rule_from_dict,
        spec_patterns,
    )
    from tests.fixture_pairs import FIXTURES

    specs = load_toml("line_patterns.toml")["rule"]
    gated = [rule_from_dict(spec) for spec in specs]
    plain = [
        LinePatternRule(
            name=spec["name"],
            reason=spec["reason"],
            max_words=int(spec.get("max_words", 30)),
            regex=compile_patterns(spec_patterns(spec)),
            tokens=frozenset(t.casefold() for t in spec.get("tokens", [])),
            min_tokens=int(spec.get("min_tokens", 2)),
        )
        for spec in specs
    ]
    lines = {line for langs in load_lines().values() for v in langs.values() for line in v}
    for path in FIXTURES.rglob("*.txt"):
        lines.update(t.strip() for t in path.read_text("utf-8").splitlines() if t.strip())
    lines.update(["MORE TH>N", "12", "µ 3", "Ｋ", "\u212aelvin"])
    assert len(lines) > 1000
    for line in lines:
        first = next((r.name for r in gated if r.matches(line)), None)
        expected = next((r.name for r in plain if r.matches(line)), None)
        assert first == expected, line
