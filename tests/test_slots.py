"""The pipeline is declared once, in named slots (cleaners.rules.SLOTS): its order, where a site
pack's patterns land, and the errors a bad slot name gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaners import clean_html, clean_text
from cleaners.pipeline import page_from_text, run_rules
from cleaners.rules import SLOTS, html_rules, slot_table, text_pipeline
from cleaners.rules.base import Pipeline, Slot, SlotRules, Step, UnknownSlotError
from cleaners.sitepack import SitePack, SitePackError

ROOT = Path(__file__).resolve().parent.parent

# slot -> rule names, on the text path and on the HTML path
TEXT_ORDER = {
    "verdicts": ["bot_wall"],
    "structure": ["article_region", "second_story"],
    "site": [],
    "markup": [],
    "wording": ["line_patterns"],
    "fields": ["byline", "date_line"],
    "passages": [
        "caption_credit",
        "foreign_script",
        "related_list",
        "teaser_prefix",
        "donation_box",
        "author_bio",
    ],
    "navigation": ["article_region"],  # NavigationRule reports under the region's name
    "headline": ["headline", "repeated_title"],
    "duplicates": ["printed_twice", "duplicate_paragraph"],
    "chrome": [],
    "empty": ["empty_page"],
    "finish": ["settle_dates"],
}
HTML_ORDER = {
    **TEXT_ORDER,
    "markup": ["markup_signal"],
    "chrome": ["markup_signal_chrome", "unextracted_chrome", "extractor_vote"],
}


def _by_slot(pipeline: Pipeline) -> dict[str, list[str]]:
    return {part.slot.name: [r.name for r in part.rules] for part in pipeline.parts}


def test_the_text_path_runs_the_declared_slots_in_order() -> None:
    assert _by_slot(text_pipeline()) == TEXT_ORDER
    assert list(TEXT_ORDER) == [slot.name for slot in SLOTS]


def test_the_html_path_adds_its_rules_in_their_slots() -> None:
    assert _by_slot(html_rules()) == HTML_ORDER
    guarded = [type(r).__name__ for r in html_rules().rules_in("passages")]
    assert guarded == [
        "BodyGuard",
        "ForeignScriptRule",
        "RelatedListRule",
        "TeaserPrefixRule",
        "BodyGuard",
        "AuthorBioRule",
    ]


def test_a_site_pattern_lands_at_the_end_of_its_named_slot() -> None:
    pack = SitePack.from_mapping(
        {
            "drop_patterns": [
                {"reason": "share_bar", "pattern": "^Short link:"},
                {"reason": "related_articles", "pattern": "^More from ", "slot": "navigation"},
                {"reason": "ui_chrome", "pattern": "^Listen$", "slot": "markup"},
            ]
        }
    )
    slots = _by_slot(html_rules(pack))
    assert slots["site"] == ["site_pattern_0"]
    assert slots["navigation"] == ["article_region", "site_pattern_1"]
    assert slots["markup"] == ["markup_signal", "site_pattern_2"]
    others = {k: v for k, v in slots.items() if k not in ("site", "navigation", "markup")}
    assert others == {k: v for k, v in HTML_ORDER.items() if k in others}


def test_an_unknown_slot_in_a_pack_is_an_error_naming_it() -> None:
    pack = {"drop_patterns": [{"reason": "share_bar", "pattern": "x", "slot": "wordings"}]}
    with pytest.raises(SitePackError) as caught:
        SitePack.from_mapping(pack)
    message = str(caught.value)
    assert message.startswith("drop_patterns[0].slot: no pipeline slot named 'wordings'")
    assert "wording" in message.split("slots:")[1]  # the names it could have been


def test_an_unknown_slot_is_an_error_when_a_pipeline_is_built_or_changed() -> None:
    with pytest.raises(UnknownSlotError, match="'nowhere'"):
        Pipeline.build(SLOTS, "text", [("nowhere", text_pipeline().rules_in("verdicts")[0])])
    with pytest.raises(UnknownSlotError, match="'nowhere'"):
        text_pipeline().with_rules("nowhere", [])


def test_a_verdict_ends_the_rules_but_the_finish_still_runs() -> None:
    """The bot-wall early exit is the `verdicts` slot's declared property, not a rule name
    special-cased in run_rules."""
    seen: list[str] = []

    class Reject:
        name = "reject"

        def apply(self, page: object) -> None:
            seen.append("reject")
            page.reject_reason = "bot_wall"  # type: ignore[attr-defined]

    class Note:
        def __init__(self, name: str) -> None:
            self.name = name

        def apply(self, page: object) -> None:
            seen.append(self.name)

    pipeline = Pipeline(
        (
            SlotRules(Slot("first", "", ends_on_reject=True), (Reject(), Note("same_slot"))),
            SlotRules(Slot("middle", ""), (Note("middle"),)),
            SlotRules(Slot("last", "", always=True), (Note("last"),)),
        )
    )
    run_rules(page_from_text("Some text", "x"), pipeline)
    assert seen == ["reject", "same_slot", "last"]
    article = clean_text("Checking your browser before accessing the site.\n\nRay ID: 8a1b")
    assert article.reject_reason == "bot_wall"


def test_a_pack_pattern_in_another_slot_still_removes_with_its_reason() -> None:
    page = (
        b"<html><head><title>Port reopens</title></head><body><article>"
        b"<h1>Port reopens after storm</h1>"
        b"<p>The port of Aqaba reopened on Tuesday after a storm closed it for two days.</p>"
        b"<p>Permalink code: AQ-2291</p>"
        b"<p>The authority said inspections of the quays would continue through the week.</p>"
        b"</article></body></html>"
    )
    pack = {"drop_patterns": [{"reason": "share_bar", "pattern": "^Permalink", "slot": "fields"}]}
    removed = [(r.reason, r.rule, r.text) for r in clean_html(page, rules=pack).removed]
    assert ("share_bar", "site_pattern_0", "Permalink code: AQ-2291") in removed


def test_steps_say_which_path_they_run_on() -> None:
    for slot in SLOTS:
        for step in slot.steps:
            assert step.paths and step.paths <= {"text", "html"}, slot.name
    assert Step(lambda: text_pipeline().rules_in("verdicts")[0]).paths == {"text", "html"}


def test_the_architecture_page_lists_the_declared_slots() -> None:
    """docs/architecture.md holds the table generated from the declaration (`python -m
    cleaners.rules`): a slot added, renamed or moved, or a rule moved between slots, fails
    here until the page says so."""
    page = (ROOT / "docs" / "architecture.md").read_text("utf-8")
    assert slot_table() in page
    rows = [line for line in slot_table().splitlines() if line.startswith("| `")]
    assert [row.split("`")[1] for row in rows] == [slot.name for slot in SLOTS]
