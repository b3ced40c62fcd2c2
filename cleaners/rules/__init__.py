"""The cleaning rules, one family per module, run as one pipeline declared here, once.

`SLOTS` is the pipeline: named slots in the order they run, each with its rules. Order matters
where rules build on each other: the article region of a whole-page dump is found first (and
what is left outside it is removed as navigation once the debris rules have named what they
know); the second story is cut next, inside the region, on the raw structure (its captions and
widgets are its evidence); wording rules go next; the headline is chosen once top chrome is
gone; the printed-twice and duplicate rules run on what is left; the vaguest markup evidence
comes last, after the text rules have named what they know.

A rule that runs on HTML pages only says so (`paths=HTML_ONLY`), a site pack's pattern names
its slot (`slot = "..."` in `seeds/<site>.toml`, `site` by default), and a tool that swaps a rule
uses `Pipeline.map` / `Pipeline.with_rules`: nothing is placed by list index.
`docs/architecture.md` lists these slots; tests/test_slots.py keeps it in step with `SLOTS`.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from cleaners.rules.author_bio import AuthorBioRule
from cleaners.rules.base import (
    BOTH,
    HTML,
    HTML_ONLY,
    TEXT,
    Pipeline,
    Rule,
    Slot,
    SlotRules,
    Step,
    UnknownSlotError,
)
from cleaners.rules.bylines import BylineRule, DateLineRule
from cleaners.rules.captions import CreditCaptionRule
from cleaners.rules.donation import DonationAppealRule
from cleaners.rules.duplicates import DuplicateParagraphRule, PrintedTwiceRule
from cleaners.rules.headline import HeadlineRule, RepeatedTitleRule
from cleaners.rules.line_patterns import LinePatternGroup, line_pattern_rules
from cleaners.rules.markup import MarkupSignalRule, UnextractedChromeRule
from cleaners.rules.page_level import BotWallRule, EmptyPageRule
from cleaners.rules.region import ArticleRegionRule, NavigationRule
from cleaners.rules.related import RelatedListRule, TeaserPrefixRule
from cleaners.rules.script import ForeignScriptRule
from cleaners.rules.second_story import SecondStoryRule
from cleaners.rules.settle import SettleDatesRule

if TYPE_CHECKING:
    from cleaners.sitepack import SitePack


def _line_patterns() -> Rule:
    return LinePatternGroup(line_pattern_rules())


def _deferred_markup_signal() -> Rule:
    # Interface-chrome marks are the vaguest: the text rules name such blocks first.
    return MarkupSignalRule(name="markup_signal_chrome", deferred=True)


def _extractor_vote() -> Rule:
    from cleaners.html.vote import ExtractorVoteRule  # loads trafilatura: HTML path only

    return ExtractorVoteRule()


SLOTS: tuple[Slot, ...] = (
    Slot(
        "verdicts",
        "page-level verdicts on the whole page (a bot wall)",
        (Step(BotWallRule),),
        ends_on_reject=True,
    ),
    Slot(
        "structure",
        "the article region of a whole-page dump, then a second story's boundary inside it",
        (Step(ArticleRegionRule), Step(SecondStoryRule)),
    ),
    Slot("site", "a site pack's own patterns (where `drop_patterns` go unless they name a slot)"),
    Slot(
        "markup",
        "what the markup says a block is (captions, share bars, forms, related boxes)",
        (Step(MarkupSignalRule, paths=HTML_ONLY),),
    ),
    Slot(
        "wording",
        "one short block's wording names its kind (line patterns of line_patterns.toml)",
        (Step(_line_patterns),),
    ),
    Slot(
        "fields",
        "byline and date lines move into the record's authors and dates",
        (Step(BylineRule), Step(DateLineRule)),
    ),
    Slot(
        "passages",
        "debris told by a passage's words and neighbours: credits, foreign script, related "
        "lists, teasers, donation appeals, an author's bio closing the post",
        (
            Step(CreditCaptionRule, body_guard=True),
            Step(ForeignScriptRule),
            Step(RelatedListRule),
            Step(TeaserPrefixRule),
            Step(DonationAppealRule, body_guard=True),
            Step(AuthorBioRule),
        ),
    ),
    Slot(
        "navigation",
        "text outside the article region that no rule named: navigation",
        (Step(NavigationRule),),
    ),
    Slot(
        "headline",
        "the headline, chosen once top chrome is gone, and its repeats",
        (Step(HeadlineRule), Step(RepeatedTitleRule)),
    ),
    Slot(
        "duplicates",
        "a story printed twice, repeated paragraphs",
        (Step(PrintedTwiceRule), Step(DuplicateParagraphRule)),
    ),
    Slot(
        "chrome",
        "the vaguest markup evidence (interface chrome, text the extractor left out, the "
        "extractor vote), once the text rules have named what they know",
        (
            Step(_deferred_markup_signal, paths=HTML_ONLY),
            Step(UnextractedChromeRule, paths=HTML_ONLY),
            Step(_extractor_vote, paths=HTML_ONLY),
        ),
    ),
    Slot("empty", "the last verdict: no article left", (Step(EmptyPageRule),)),
    Slot(
        "finish",
        "the record's dates settled",
        (Step(SettleDatesRule),),
        always=True,
    ),
)

SLOT_NAMES: tuple[str, ...] = tuple(slot.name for slot in SLOTS)
# where a site pack's pattern goes when it names no slot
SITE_SLOT = "site"


def pipeline(path: str = TEXT, pack: SitePack | None = None) -> Pipeline:
    """The rules for one input path (`TEXT` or `HTML`), with a site's rule pack: its patterns
    at the end of their slots, its disabled rules left out."""
    if pack is None:
        return _plain_pipeline(path)
    built = Pipeline.build(SLOTS, path, pack.placed_patterns())
    return built.without(pack.disabled)


@cache
def _plain_pipeline(path: str) -> Pipeline:
    """The rules of a path without a site pack, built once per process: every rule is a frozen
    dataclass whose per-page state lives on the page, so one set serves every page (building
    them was 1 % of `clean_html`'s time on the extraction benchmark)."""
    return Pipeline.build(SLOTS, path)


def text_pipeline() -> Pipeline:
    return pipeline(TEXT)


def html_rules(pack: SitePack | None = None) -> Pipeline:
    """The HTML path's pipeline: the text rules plus the markup rules in their slots (and a
    site's rule pack)."""
    return pipeline(HTML, pack)


def slot_table() -> str:
    """The slots as a Markdown table (docs/architecture.md holds it; `python -m cleaners.rules`
    prints it): each slot's rules on both paths, those on the HTML path only, its purpose."""
    rows = [
        "| slot | rules (text and HTML) | HTML only | what runs there |",
        "|---|---|---|---|",
    ]
    for slot in SLOTS:
        both = [
            step.build(TEXT).name + (" (body-guarded on HTML)" if step.body_guard else "")
            for step in slot.steps
            if step.paths == BOTH
        ]
        html_only = [step.build(HTML).name for step in slot.steps if step.paths == HTML_ONLY]
        flags = [
            flag
            for flag, on in (
                ("a page it rejects skips the later slots", slot.ends_on_reject),
                ("runs on rejected pages too", slot.always),
            )
            if on
        ]
        purpose = slot.purpose + "".join(f"; {flag}" for flag in flags)
        rows.append(
            f"| `{slot.name}` | {', '.join(both) or '-'} | {', '.join(html_only) or '-'} "
            f"| {purpose} |"
        )
    return "\n".join(rows) + "\n"


def default_rules() -> list[Rule]:
    """The text path's rules in the order they run (a view of `SLOTS`, for listing)."""
    return list(text_pipeline())


__all__ = [
    "BOTH",
    "HTML",
    "HTML_ONLY",
    "SITE_SLOT",
    "SLOTS",
    "SLOT_NAMES",
    "TEXT",
    "Pipeline",
    "Rule",
    "Slot",
    "SlotRules",
    "Step",
    "UnknownSlotError",
    "default_rules",
    "html_rules",
    "pipeline",
    "slot_table",
    "text_pipeline",
]
