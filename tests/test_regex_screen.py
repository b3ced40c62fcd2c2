"""Regular-expression screens (cleaners.regex_screen) never hide a match.

A screen lets a pattern run only on texts holding one of the substrings it needs; the line
pattern rules use them. Checked here: the case folding a screen relies on, against every code
point; the substrings read off patterns; and the line-pattern rules with screens against the
same rules without, on every line of the fixtures in many case variants.
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from cleaners.regex_screen import (
    UNSAFE,
    ScreenedRegex,
    may_match,
    required_substrings,
    screen_text,
    screenable,
)
from cleaners.rules.donation import appeal_patterns
from cleaners.rules.line_patterns import (
    LinePatternRule,
    compile_patterns,
    line_pattern_rules,
    needs_script,
    spec_patterns,
)
from cleaners.rules.page_level import bot_wall_patterns
from tests.fixture_pairs import FIXTURES

DATA = Path(__file__).resolve().parent.parent / "cleaners" / "data"


def _screened_regexes() -> list[tuple[str, ScreenedRegex, list[str]]]:
    """Every ScreenedRegex in use, with the patterns it was built from."""
    found = []
    data = tomllib.loads((DATA / "line_patterns.toml").read_text("utf-8"))
    for spec in data["rule"]:
        searched = [p for p in spec.get("patterns", []) if not p.startswith("^")]
        rule = next(r for r in line_pattern_rules() if r.name == spec["name"])
        if rule.searched is not None:
            ungated = [p for p in searched if not needs_script(p)]
            found.append((rule.name, rule.searched, ungated))
        if rule.searched_script is not None:  # the other scripts' patterns, screened apart
            gated = [p for p in searched if needs_script(p)]
            found.append((f"{rule.name} (script)", rule.searched_script, gated))
    appeals = appeal_patterns()
    data = tomllib.loads((DATA / "appeals.toml").read_text("utf-8"))
    found.append(("calls_to_action", appeals.call_to_action, data["calls_to_action"]))
    found.append(("appeals", appeals.appeal, data["appeals"]))
    data = tomllib.loads((DATA / "bot_walls.toml").read_text("utf-8"))
    found.append(("bot_wall strong", bot_wall_patterns().strong, data["strong"]))
    return found


def _all_needs() -> set[str]:
    return {s for _, screened, _ in _screened_regexes() for s in screened.needs}


@pytest.mark.slow
def test_screen_characters_fold_as_ignorecase_folds() -> None:
    """Every character re.IGNORECASE matches to a screen's character lowercases to it, unless
    it is one of UNSAFE (texts holding those are not screened)."""
    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    alphabet = {ch for s in _all_needs() for ch in s}
    alphabet |= {chr(c) for c in range(32, 127)}
    assert alphabet
    for ch in sorted(alphabet):
        assert screenable(ch)
        for other in re.findall(re.escape(ch), everything, re.IGNORECASE):
            assert other in UNSAFE or other.lower() == ch.lower(), (ch, other)


@pytest.mark.parametrize(
    ("pattern", "needs"),
    [
        (r"\b(we|this (web)?site|our (web)?site) (use|uses) cookies\b", (" cookies",)),
        (
            r"^(sign up|subscribe)\b.{0,120}\b(newsletters?|inbox)\b",
            ("ign up", "ubscribe"),
        ),  # the parser takes the "s" out
        (r"^[^\w]+$", None),
        (r"^[\d\s.,:/%+-]{1,8}$", None),
        (r"(abc|de)", None),  # "de" is too short to be worth a test
        (r"(abc|)", None),  # the empty branch needs nothing
        (r"(?:abc)?defg", ("defg",)),
        (r"(?!foo)barbaz", ("barbaz",)),
        (r"(?=foobar)x", None),
        (r"(ABC){2,}x", ("abc",)),
        (r"(abc)*x", None),
        (r"Tous droits réservés", ("tous droits r",)),
        (r"e-?mailed to you", ("mailed to you",)),
        (r"جميع الحقوق محفوظة", ("جميع الحقوق محفوظة",)),
        (r"straße", ("stra",)),
    ],
)
def test_required_substrings(pattern: str, needs: tuple[str, ...] | None) -> None:
    assert required_substrings(pattern, re.IGNORECASE) == needs


def test_texts_with_unsafe_characters_are_not_screened() -> None:
    assert screen_text("Cookie Policy") == "cookie policy"
    assert screen_text("Nous utilisons des cookıes") is None
    assert screen_text("COOKİES") is None
    assert may_match(("cookie",), None)
    assert not may_match(("cookie",), "privacy policy")


def _fixture_lines() -> list[str]:
    lines: set[str] = set()
    for path in FIXTURES.rglob("*"):
        if path.suffix == ".txt":
            lines.update(line.strip() for line in path.read_text("utf-8").splitlines())
        elif path.name.endswith(".expected.json"):
            record = json.loads(path.read_text("utf-8"))
            lines.update((record.get("text") or "").split("\n\n"))
            lines.update(r["text"] for r in record.get("removed", []))
            lines.update(s for s in (record.get("title"), record.get("subtitle")) if s)
    return sorted(line for line in lines if line)


def _variants(text: str) -> list[str]:
    """Case variants, including the characters re.IGNORECASE folds further than lower()."""
    return [
        text,
        text.upper(),
        text.swapcase(),
        text.title(),
        text.replace("i", "\u0131"),
        text.replace("I", "\u0130"),
        text.replace("s", "\u017f"),
        text.replace("k", "\u212a"),
        "x " + text,
        text + " x",
    ]


def _unscreened(rule: LinePatternRule, patterns: list[str]) -> LinePatternRule:
    """The rule as it was before screens and script gates: every searched pattern in one
    expression, every anchored one in another."""
    return LinePatternRule(
        name=rule.name,
        reason=rule.reason,
        max_words=rule.max_words,
        regex=compile_patterns([p for p in patterns if not p.startswith("^")]),
        tokens=rule.tokens,
        min_tokens=rule.min_tokens,
        absorb_next_headline=rule.absorb_next_headline,
        skip_tags=rule.skip_tags,
        anchored=compile_patterns([p for p in patterns if p.startswith("^")]),
    )


def _texts() -> list[str]:
    texts = [v for line in _fixture_lines() for v in _variants(line)]
    for line in (
        "Maria Lopez contributed reporting from Lima.",
        "Staff writers contributed to this report",
        "This story was automatically translated by machine.",
        "Follow her on Twitter @jdoe",
        "Details by clicking here.",
        "We need your support: every donation keeps us independent.",
    ):
        texts += _variants(line)
    # the screens' own substrings, alone and in short lines, in every case variant
    for need in sorted(_all_needs()):
        for text in (need, f"{need} now", f"our {need}.", f"We {need} £5 a month"):
            texts += _variants(text)
    return texts


@pytest.mark.slow
def test_screened_regexes_find_what_the_plain_alternation_finds() -> None:
    texts = _texts()
    assert len(texts) > 5000
    exercised = 0
    regexes = _screened_regexes()
    for name, screened, patterns in regexes:
        plain = compile_patterns(patterns)
        assert plain is not None
        hits = 0
        for text in texts:
            found = plain.search(text) is not None
            assert screened.search(text) == found, (name, text)
            hits += found
        exercised += hits > 0
    assert exercised >= len(regexes) * 2 // 3  # the texts do exercise the patterns


@pytest.mark.slow
def test_screened_line_patterns_match_as_unscreened() -> None:
    texts = _texts()
    rules = {r.name: r for r in line_pattern_rules()}
    data = tomllib.loads((DATA / "line_patterns.toml").read_text("utf-8"))
    hits = 0
    for spec in data["rule"]:
        name = spec["name"]
        rule, plain = rules[name], _unscreened(rules[name], spec_patterns(spec))
        for text in texts:
            found = plain.matches(text)
            assert rule.matches(text) == found, (name, text)
            hits += found
    assert hits > 100


@pytest.mark.slow
def test_line_pattern_group_removes_what_the_plain_rules_remove_one_by_one() -> None:
    """`LinePatternGroup` tries each line once with facts shared by the rules (its lowercased
    text, its script) and skips quotations at once: it removes what the unscreened rules,
    applied one after another, remove, with the same reasons (headlines absorbed included)."""
    from cleaners.rules.line_patterns import LinePatternGroup

    data = tomllib.loads((DATA / "line_patterns.toml").read_text("utf-8"))
    rules = {r.name: r for r in line_pattern_rules()}
    plain = [_unscreened(rules[s["name"]], spec_patterns(s)) for s in data["rule"]]
    texts = _texts()
    texts += ["“Share this”, she said.", "«Подписаться»", "Sponsored", "A Headline Over It"]
    texts += ["Поделиться", "Наша рассылка", "Реклама", "© 2024 Газета", "分享", "広告"]
    group = LinePatternGroup(tuple(rules[s["name"]] for s in data["rule"]))
    assert _lines_removed_alike(group, plain, texts) > 100


def _lines_removed_alike(group: Any, plain: list[Any], texts: list[str]) -> int:
    """The texts cut into pages of 40 lines of varied markup elements: the group removes what
    the plain rules applied one after another remove, with the same reasons. Returns how many
    lines were removed (a test asserts the rules were exercised)."""
    from cleaners.blocks import Block, Page

    tags = ("p", "li", "tr", "h2", "line")
    width = 40  # lines a page
    removed = 0
    for start in range(0, len(texts), width):
        chunk = texts[start : start + width]
        grouped, one_by_one = (
            Page([Block(i, t, tag=tags[i % len(tags)]) for i, t in enumerate(chunk)], "test")
            for _ in range(2)
        )
        group.apply(grouped)
        for rule in plain:
            rule.apply(one_by_one)
        got = [b.removal for b in grouped.blocks]
        assert got == [b.removal for b in one_by_one.blocks], chunk
        removed += sum(r is not None for r in got)
    return removed


@pytest.mark.slow
@pytest.mark.parametrize("warm", [False, True])
def test_group_reading_remembered_verdicts_removes_what_the_plain_rules_remove(warm: bool) -> None:
    """The data rules' group reads each line's verdict from `_first_taker`, which
    `classify_line` fills on a text dump (the region's features ask it first): with the
    verdicts found before (`warm`, by `classify_line`, which counts words by whitespace) or
    not, it removes what the unscreened rules applied one after another remove, on lines of
    every markup element (one a rule skips) and in scripts counted without spaces."""
    from cleaners.rules.line_patterns import LinePatternGroup, _first_taker, classify_line

    data = tomllib.loads((DATA / "line_patterns.toml").read_text("utf-8"))
    rules = {r.name: r for r in line_pattern_rules()}
    plain = [_unscreened(rules[s["name"]], spec_patterns(s)) for s in data["rule"]]
    texts = _texts()
    texts += [
        "Share | Tweet | Email",
        "Home | News | World",
        "分享到微信朋友圈 分享",
        "広告 スポンサー",
    ]
    texts += ["Sponsored", "A Headline Over It", "Реклама", "© 2024 Газета", "ホーム > ニュース"]
    _first_taker.cache_clear()
    if warm:
        for text in texts:
            classify_line(text)
    assert _lines_removed_alike(LinePatternGroup(line_pattern_rules()), plain, texts) > 100
