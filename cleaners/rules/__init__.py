"""The cleaning rules, one family per module, run as one ordered pipeline."""

from __future__ import annotations

from cleaners.rules.base import Rule
from cleaners.rules.bylines import BylineRule, DateLineRule
from cleaners.rules.captions import CreditCaptionRule
from cleaners.rules.donation import DonationAppealRule
from cleaners.rules.duplicates import DuplicateParagraphRule, PrintedTwiceRule
from cleaners.rules.headline import HeadlineRule, RepeatedTitleRule
from cleaners.rules.line_patterns import LinePatternGroup, line_pattern_rules
from cleaners.rules.page_level import BotWallRule, EmptyPageRule
from cleaners.rules.region import ArticleRegionRule, NavigationRule
from cleaners.rules.related import RelatedListRule, TeaserPrefixRule
from cleaners.rules.script import ForeignScriptRule
from cleaners.rules.second_story import SecondStoryRule


def default_rules() -> list[Rule]:
    """The generic pipeline. Order matters where rules build on each other:

    the article region of a whole-page dump is found first (and what is left outside it is
    removed as navigation once the debris rules have named what they know); the second
    story is cut next, inside the region, on the raw structure (its captions and widgets are its
    evidence); wording rules go next; the headline is chosen once top chrome is gone; the
    printed-twice and duplicate rules run last, on what is left.
    """
    return [
        BotWallRule(),
        ArticleRegionRule(),
        SecondStoryRule(),
        LinePatternGroup(line_pattern_rules()),
        BylineRule(),
        DateLineRule(),
        CreditCaptionRule(),
        ForeignScriptRule(),
        RelatedListRule(),
        TeaserPrefixRule(),
        DonationAppealRule(),
        NavigationRule(),
        HeadlineRule(),
        RepeatedTitleRule(),
        PrintedTwiceRule(),
        DuplicateParagraphRule(),
        EmptyPageRule(),
    ]


__all__ = ["Rule", "default_rules"]
