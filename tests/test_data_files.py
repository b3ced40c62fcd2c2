"""The data files under cleaners/data: one loader, and reason codes checked when a file loads."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest

import cleaners.data
from cleaners.data import DataFileError, load_toml, read_toml
from cleaners.html.signals import markup_signals
from cleaners.reasons import BLOCK_REASONS
from cleaners.rules import bylines, page_level
from cleaners.rules.line_patterns import line_pattern_rules

DATA = Path(cleaners.data.__file__).parent


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.glob("*.toml")))
def test_every_shipped_data_file_loads_with_known_reason_codes(name: str) -> None:
    load_toml(name)


def test_the_shipped_rules_use_only_known_reason_codes() -> None:
    reasons = {r.reason for r in line_pattern_rules()} | {s.reason for s in markup_signals()}
    assert reasons <= set(BLOCK_REASONS)
    assert len(reasons) > 5  # the files were read, not found empty


def test_a_misspelt_reason_names_the_file_the_entry_and_the_code(tmp_path: Path) -> None:
    bad = tmp_path / "line_patterns.toml"
    bad.write_text(
        '[[rule]]\nname = "share_widget"\nreason = "share_bar"\npatterns = ["^Share$"]\n\n'
        '[[rule]]\nname = "cookie_banner"\nreason = "cookie_banners"\npatterns = ["cookies"]\n',
        "utf-8",
    )
    with pytest.raises(DataFileError) as caught:
        read_toml(bad)
    assert str(caught.value) == (
        f"{bad}: rule[1] (name 'cookie_banner'): reason 'cookie_banners' is not a reason code "
        "(the closed set is in cleaners/reasons.py)"
    )


def test_a_reason_at_any_depth_is_checked(tmp_path: Path) -> None:
    bad = tmp_path / "markup.toml"
    bad.write_text('[section.inner]\ntags = ["aside"]\nreason = "sidebar"\n', "utf-8")
    with pytest.raises(DataFileError, match=r"markup\.toml: section\.inner: reason 'sidebar' "):
        read_toml(bad)


def test_a_reason_that_is_no_string_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "x.toml"
    bad.write_text("reason = 3\n", "utf-8")
    with pytest.raises(DataFileError, match=r"x\.toml: top level: reason 3 is not a reason code"):
        read_toml(bad)


def test_a_file_that_is_not_toml_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "related.toml"
    bad.write_text("headings = [\n", "utf-8")
    with pytest.raises(DataFileError, match=rf"^{bad}: not valid TOML: "):
        read_toml(bad)


@pytest.fixture
def data_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of cleaners/data that `load_toml` reads instead (its cache emptied before and
    after). The rules' own caches are left alone (other caches hold their objects): the
    tests call the loaders uncached, through ``__wrapped__``."""
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    monkeypatch.setattr(cleaners.data, "resources", SimpleNamespace(files=lambda _: copy))
    load_toml.cache_clear()
    yield copy
    monkeypatch.undo()
    load_toml.cache_clear()


def test_a_typo_in_a_shipped_file_fails_when_the_rules_load(data_copy: Path) -> None:
    path = data_copy / "line_patterns.toml"
    text = path.read_text("utf-8")
    assert 'reason = "cookie_notice"' in text
    path.write_text(text.replace('reason = "cookie_notice"', 'reason = "cookie_notise"'), "utf-8")
    with pytest.raises(DataFileError, match=r"^cleaners/data/line_patterns\.toml: rule\[\d+\] "):
        line_pattern_rules.__wrapped__()
    with pytest.raises(DataFileError, match="reason 'cookie_notise' is not a reason code"):
        line_pattern_rules.__wrapped__()


def test_a_typo_in_the_markup_signals_fails_when_they_load(data_copy: Path) -> None:
    path = data_copy / "markup.toml"
    text = path.read_text("utf-8")
    path.write_text(text.replace('reason = "caption"', 'reason = "captions"', 1), "utf-8")
    with pytest.raises(DataFileError, match=r"^cleaners/data/markup\.toml: .*'captions'"):
        markup_signals.__wrapped__()


def test_byline_words_of_a_new_language_are_data(data_copy: Path) -> None:
    """A language's byline opener and name separator added to bylines.toml are read: no
    Python change is needed to take Icelandic "Eftir A og B" as a byline of two authors."""
    vocabulary = bylines._vocabulary.__wrapped__()
    assert vocabulary.byline.match("Eftir Anna Lind og Erik Berg") is None
    path = data_copy / "bylines.toml"
    text = path.read_text("utf-8")
    text = text.replace("[byline_lead]\n", "[byline_lead]\nis = ['eftir']\n")
    text = text.replace("ar = ['\\sو\\s']", "ar = ['\\sو\\s']\nis = ['\\bog\\b']")
    path.write_text(text, "utf-8")
    load_toml.cache_clear()
    vocabulary = bylines._vocabulary.__wrapped__()
    match = vocabulary.byline.match("Eftir Anna Lind og Erik Berg")
    assert match is not None
    assert vocabulary.name_split.split(match.group("rest")) == ["Anna Lind", "Erik Berg"]


def test_error_page_words_are_data(data_copy: Path) -> None:
    assert page_level.error_page_heading.__wrapped__().search("Síðan fannst ekki") is None
    path = data_copy / "error_pages.toml"
    path.write_text(path.read_text("utf-8") + "heading.is = ['síðan fannst ekki']\n", "utf-8")
    load_toml.cache_clear()
    assert page_level.error_page_heading.__wrapped__().search("Síðan fannst ekki") is not None
