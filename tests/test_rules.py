"""Each block reason code on a small page of new wording, and near-misses that must stay.

A debris line is inserted into a clean story; the test checks the exact removal entry (reason,
rule, text), that the line is gone from `text`, and that the story's paragraphs are all kept.
The second story has its own file (tests/test_second_story.py).
"""

from __future__ import annotations

import pytest

from cleaners import clean_text
from cleaners.reasons import BLOCK_REASONS
from tests.pages import BODY, TITLE, assert_body_intact, page, paragraphs, removal_of, story_with

# (line, where it sits, reason, rule)
SINGLE_LINE_DEBRIS = [
    ("Home » Economy » Farming", "top", "breadcrumb", "breadcrumb_trail"),
    ("You are here:", "top", "breadcrumb", "breadcrumb_trail"),
    ("Share on WhatsApp", "top", "share_bar", "share_widget"),
    ("Facebook Twitter LinkedIn Email", "end", "share_bar", "share_widget"),
    ("Short link: https://mfw.tn/a8x2", "end", "share_bar", "share_widget"),
    ("Font size: A A", "top", "ui_chrome", "interface_text"),
    ("6 min read", "top", "ui_chrome", "interface_text"),
    ("Listen to this story", "top", "ui_chrome", "interface_text"),
    ("1,204 readers have rated this story", "end", "ui_chrome", "interface_text"),
    ("Article continues below advertisement", "middle", "advertisement", "advert_label"),
    ("Advertisement: Farm Weekly continues below!", "middle", "advertisement", "advert_label"),
    ("Advertisement - Story continues below", "middle", "advertisement", "advert_label"),
    ("Estimated reading time: 4 minutes", "top", "ui_chrome", "interface_text"),
    (
        "This website uses cookies so that we can give you the best experience.",
        "top",
        "cookie_notice",
        "cookie_banner",
    ),
    ("Allow essential cookies", "top", "cookie_notice", "cookie_banner"),
    ("Copyright 2024 Maghreb Farm Weekly", "end", "copyright", "copyright_line"),
    ("© Maghreb Farm Weekly 2024", "end", "copyright", "copyright_line"),
    ("Maghreb Farm Weekly. All rights reserved.", "end", "copyright", "copyright_line"),
    (
        "Send questions and comments about this website to the webmaster. All content © "
        "Copyright 2003-2024 Maghreb Farm Weekly and its partners. All Rights Reserved. For "
        "more information on this site, please read our Privacy Policy and Terms of Service.",
        "end",
        "copyright",
        "legal_footer",
    ),
    (
        "Get our morning briefing delivered to your inbox",
        "end",
        "newsletter_prompt",
        "newsletter_signup",
    ),
    ("Enter your email address", "end", "newsletter_prompt", "newsletter_signup"),
    ("Leave a reply", "end", "comment_prompt", "comment_widget"),
    ("Comments (14)", "end", "comment_prompt", "comment_widget"),
    ("What is 4 + 9?", "end", "captcha", "captcha_challenge"),
    (
        "Solve this simple math problem and enter the result.",
        "end",
        "captcha",
        "captcha_challenge",
    ),
    ("By Salma Ben Youssef and Karim Jaziri", "top", "byline", "byline"),
    ("Updated: 16 March 2023 08:05", "top", "date_line", "date_line"),
    (
        "Workers sort olives at a press near Sfax on 2 November. AFP",
        "top",
        "caption",
        "caption_credit",
    ),
    ("Pickers rest under the trees near Sousse (Getty Images)", "top", "caption", "caption_credit"),
    (
        "Harvest workers near Kairouan in July (Mohamed Messara/EPA)",
        "middle",
        "caption",
        "caption_credit",
    ),
    (
        "A tractor carries crates of olives to the press — AP Photo/Hassene Dridi",
        "middle",
        "caption",
        "caption_credit",
    ),
    ("Dry soil in a grove near Sidi Bouzid | Photo: Supplied", "top", "caption", "caption_credit"),
    ("اقرأ هذا المقال بالعربية", "end", "foreign_language", "foreign_script"),
    (
        "Read also: Morocco's argan oil producers face a second dry year",
        "middle",
        "related_teaser",
        "teaser_prefix",
    ),
    (
        "Watch - Algeria bans exports of vegetable oil",
        "middle",
        "related_teaser",
        "teaser_prefix",
    ),
    (
        "This post contains affiliate links: if you buy through them, we may earn a commission.",
        "top",
        "disclaimer",
        "site_disclaimer",
    ),
    (
        "The content of this page is for general informational purposes only and does not "
        "constitute legal or financial advice.",
        "end",
        "disclaimer",
        "site_disclaimer",
    ),
    (
        "Die Inhalte dienen ausschließlich der Information und stellen keine Anlageberatung dar.",
        "end",
        "disclaimer",
        "site_disclaimer",
    ),
    (
        "This page requires JavaScript and the Flash plug-in. Please enable JavaScript in your "
        "browser to watch the video.",
        "middle",
        "ui_chrome",
        "browser_requirement",
    ),
    ("Your browser does not support the video tag.", "middle", "ui_chrome", "browser_requirement"),
    ("27 28 29 30 1 2 3", "end", "ui_chrome", "interface_text"),
]


@pytest.mark.parametrize(
    ("line", "where", "reason", "rule"),
    SINGLE_LINE_DEBRIS,
    ids=[f"{c[2]}:{c[0][:30]}" for c in SINGLE_LINE_DEBRIS],
)
def test_debris_line_is_removed_with_its_reason(
    line: str, where: str, reason: str, rule: str
) -> None:
    article = clean_text(story_with(line, where))
    removal = removal_of(article, line)
    assert removal is not None, f"{line!r} was kept"
    assert (removal.reason, removal.rule) == (reason, rule)
    assert line not in paragraphs(article)
    assert article.title == TITLE
    assert_body_intact(article)


# Real text that looks like debris: it must stay in the body, untouched.
NEAR_MISSES = [
    "Bakers in Tripoli said demand for date cookies doubled in the week before Eid.",
    "Regulators found that many websites use cookies to follow readers without asking them.",
    '"All rights reserved," the label\'s lawyer wrote in a letter to the court.',
    "By the end of the year, the ministry expects to have replaced most of the damaged pumps.",
    "By comparison, prices in Morocco rose by only 4 per cent.",
    "By the numbers",
    "Putin-style",
    "A Putin-style crackdown",
    "The figures were compiled by the United Nations Development Programme (UNDP).",
    "Growers said prices had risen, according to the programme (UNDP)",
    '"The trees will need years to recover," a farmer near Kairouan told AFP.',
    "The harvest was described as the worst in memory by an official who spoke to AFP.",
    "Comments from the minister drew criticism in parliament on Tuesday.",
    "Advertising revenue at the cooperative's magazine fell by 12 per cent last year.",
    "Advertising: spending on radio continues below last year's level, the report said.",
    "Copyright lawyers said in 2019 that the words all rights reserved no longer have legal "
    "force in most countries.",
    "Sponsored by the European Union, the programme trains 500 farmers a year.",
    "Share prices of the listed exporters fell by 3 per cent on Tuesday.",
    "Read more about the scheme on the ministry's website, officials said.",
    "Home is where the heart is, said one grower, pointing to the burnt trees around his house.",
    "Residents can register for flood alerts on the municipality's website, the governor said.",
    "On 3 March 2023 the council approved the budget for new irrigation canals.",
    "The word sumud (صمود), or steadfastness, is painted on the walls of the cooperative.",
    "Donors can support the appeal through the Red Crescent, it added.",
    "Influencers earn a commission on every sale made through their links, the study found.",
    "The regulator said the leaflets were not intended to replace advice from a doctor.",
    "The new browser does not support Flash, the company said in a statement on Tuesday.",
]


@pytest.mark.parametrize("line", NEAR_MISSES, ids=[m[:40] for m in NEAR_MISSES])
@pytest.mark.parametrize("where", ["middle", "end"])
def test_near_miss_is_kept(line: str, where: str) -> None:
    article = clean_text(story_with(line, where))
    assert removal_of(article, line) is None
    assert line in paragraphs(article)
    assert article.authors == ()
    assert (article.published, article.updated) == (None, None)


def test_related_heading_takes_its_list_of_titles() -> None:
    related = [
        "You may also like",
        "Morocco's argan oil producers face a second dry year",
        "Algeria bans exports of vegetable oil",
        "Libyan date farmers turn to solar pumps",
    ]
    article = clean_text(page(TITLE, *BODY, *related))
    assert [(r.reason, r.rule, r.text) for r in article.removed] == [
        ("related_articles", "related_list", line) for line in related
    ]
    assert paragraphs(article) == list(BODY)


def test_numbered_most_read_list_is_removed() -> None:
    related = [
        "Most read",
        "1. Morocco's argan oil producers face a second dry year",
        "2. Algeria bans exports of vegetable oil",
    ]
    article = clean_text(page(TITLE, *BODY, *related))
    assert [r.text for r in article.removed if r.reason == "related_articles"] == related


def test_numbered_list_without_related_heading_is_kept() -> None:
    demands = [
        "The union listed three demands:",
        "1. Compensation for damaged trees",
        "2. A freeze on water tariffs",
        "3. Cheap loans for new irrigation pumps",
    ]
    article = clean_text(page(TITLE, *BODY[:2], *demands, *BODY[2:]))
    assert article.removed == ()
    assert paragraphs(article) == [*BODY[:2], *demands, *BODY[2:]]


def test_headline_printed_twice_in_body_is_a_teaser_card() -> None:
    card = "Algeria bans exports of vegetable oil"
    article = clean_text(page(TITLE, *BODY[:2], card, card, *BODY[2:]))
    assert [(r.reason, r.rule, r.text) for r in article.removed] == [
        ("related_teaser", "printed_twice", card),
        ("related_teaser", "printed_twice", card),
    ]
    assert paragraphs(article) == list(BODY)


def test_short_caption_printed_twice_under_headline_goes_as_caption() -> None:
    caption = "Olive pickers near Sousse"
    article = clean_text(page(TITLE, caption, caption, *BODY))
    assert [(r.reason, r.rule, r.text) for r in article.removed] == [
        ("caption", "printed_twice", caption),
        ("caption", "printed_twice", caption),
    ]
    assert article.subtitle is None


def test_sentence_length_caption_printed_twice_is_not_a_subtitle() -> None:
    caption = "Pickers at work in an olive grove near Sousse on Monday"
    article = clean_text(page(TITLE, caption, caption, *BODY))
    assert article.subtitle is None
    assert [(r.reason, r.text) for r in article.removed] == [
        ("caption", caption),
        ("caption", caption),
    ]


def test_credit_line_takes_the_description_above_it() -> None:
    description = "Crates of olives wait to be pressed at a mill outside Sfax"
    credit = "Photo: Reuters"
    article = clean_text(page(TITLE, description, credit, *BODY))
    assert [(r.reason, r.rule, r.text) for r in article.removed] == [
        ("caption", "caption_credit", description),
        ("caption", "caption_credit", credit),
    ]


def test_every_copy_of_a_credited_caption_goes() -> None:
    caption = "Dry leaves on an olive tree near Kairouan. AFP"
    article = clean_text(page(TITLE, caption, *BODY[:2], caption, *BODY[2:]))
    assert [r.text for r in article.removed if r.reason == "caption"] == [caption, caption]
    assert paragraphs(article) == list(BODY)


def test_donation_box_is_removed() -> None:
    box = [
        "Our reporting depends on readers like you.",
        "Every contribution keeps our correspondents in the field.",
        "Support us",
    ]
    article = clean_text(page(TITLE, *BODY, *box))
    assert [(r.reason, r.rule, r.text) for r in article.removed] == [
        ("donation_appeal", "donation_box", line) for line in box
    ]
    assert paragraphs(article) == list(BODY)


def test_donation_box_with_price_and_button() -> None:
    box = [
        "Independent journalism needs your support.",
        "Give €5 a month and help us report from the ground",
        "Donate now",
    ]
    article = clean_text(page(TITLE, *BODY, *box))
    assert [r.text for r in article.removed if r.reason == "donation_appeal"] == box


def test_news_about_a_charity_appeal_is_not_a_donation_box() -> None:
    lines = [
        "The charity said every donation would go to families in the camp.",
        "Donors can support the appeal through the Red Crescent, it added.",
    ]
    article = clean_text(page(TITLE, *BODY[:2], *lines, *BODY[2:]))
    assert article.removed == ()
    assert paragraphs(article) == [*BODY[:2], *lines, *BODY[2:]]


def test_sponsored_label_takes_the_ad_headline_under_it() -> None:
    ad = ["Sponsored", "Five ways to cut your electricity bill this summer"]
    article = clean_text(page(TITLE, *BODY[:2], *ad, *BODY[2:]))
    assert [(r.reason, r.rule, r.text) for r in article.removed] == [
        ("advertisement", "sponsored_slot", line) for line in ad
    ]


def test_headline_printed_again_is_repeated_title() -> None:
    article = clean_text(page(TITLE, *BODY[:2], TITLE, *BODY[2:]))
    assert article.title == TITLE
    assert [(r.reason, r.rule, r.text) for r in article.removed] == [
        ("repeated_title", "repeated_title", TITLE)
    ]
    assert TITLE not in paragraphs(article)


def test_later_copy_of_a_paragraph_is_duplicate() -> None:
    article = clean_text(page(TITLE, *BODY, BODY[1]))
    assert [(r.reason, r.rule, r.text) for r in article.removed] == [
        ("duplicate_paragraph", "duplicate_paragraph", BODY[1])
    ]
    assert paragraphs(article) == list(BODY)


def test_removed_entries_are_in_page_order_and_use_documented_reasons() -> None:
    raw = page(
        "Home > Business > Agriculture",
        TITLE,
        "By Salma Ben Youssef",
        "Share on WhatsApp",
        *BODY,
        "Advertisement",
        "3 comments",
        "© 2024 Maghreb Farm Weekly",
    )
    article = clean_text(raw)
    # each line with its own reason and rule (a documented code is not enough: the right one)
    assert [(r.text, r.reason, r.rule) for r in article.removed] == [
        ("Home > Business > Agriculture", "breadcrumb", "breadcrumb_trail"),
        ("By Salma Ben Youssef", "byline", "byline"),
        ("Share on WhatsApp", "share_bar", "share_widget"),
        ("Advertisement", "advertisement", "advert_label"),
        ("3 comments", "comment_prompt", "comment_widget"),
        ("© 2024 Maghreb Farm Weekly", "copyright", "copyright_line"),
    ]
    assert {r.reason for r in article.removed} <= set(BLOCK_REASONS)


def test_every_block_reason_code_is_exercised() -> None:
    """Guard: a new reason code added to the closed set needs a test here or in its own file."""
    covered = {case[2] for case in SINGLE_LINE_DEBRIS} | {
        "related_articles",
        "donation_appeal",
        "advertisement",
        "repeated_title",
        "duplicate_paragraph",
        "second_story",  # tests/test_second_story.py
        "navigation",  # tests/test_region.py
        "furniture",  # tests/test_headline_search.py
        "off_main_content",  # tests/test_html_wild.py
        "author_bio",  # tests/test_author_bio.py
    }
    assert covered == set(BLOCK_REASONS)


# --- Real text that a rule once took out ---


def test_prose_mentioning_captcha_is_kept() -> None:
    line = "The ticketing website added a CAPTCHA after bots bought up most of the seats."
    article = clean_text(story_with(line))
    assert line in paragraphs(article)


def test_quoted_cookie_sentence_is_kept() -> None:
    line = (
        '"We use cookies to understand how readers behave," the company\'s privacy chief '
        "told the hearing."
    )
    article = clean_text(story_with(line))
    assert line in paragraphs(article)


def test_sentence_opening_with_release_date_is_kept() -> None:
    line = "Released on 3 June 2023, the report found that most farms lost money."
    article = clean_text(story_with(line))
    assert line in paragraphs(article)
    assert article.published is None


def test_title_case_subheading_starting_with_by_is_not_a_byline() -> None:
    line = "By Land and Sea"
    article = clean_text(story_with(line))
    assert article.authors == ()
    assert line in paragraphs(article)


def test_line_pattern_group_gives_the_verdicts_of_the_rules_run_one_by_one() -> None:
    """The one-pass group is an optimisation only: same removals, same reasons, same rules."""
    from pathlib import Path

    from cleaners.pipeline import page_from_text, run_rules
    from cleaners.rules import text_pipeline
    from cleaners.rules.line_patterns import LinePatternGroup, line_pattern_rules

    grouped = text_pipeline()
    assert [type(r) for r in grouped.rules_in("wording")] == [LinePatternGroup]
    one_by_one = grouped.with_rules("wording", line_pattern_rules())
    root = Path(__file__).resolve().parent.parent / "fixtures"
    texts = [p.read_text("utf-8") for p in sorted(root.rglob("*.txt"))]
    # a sponsored label whose next line another (earlier) rule also claims
    texts.append(page(TITLE, BODY[0], "Sponsored", "Share on Facebook", *BODY[1:]))
    texts.append(
        page(TITLE, BODY[0], "Sponsored", "Ten ways to save on your summer trip", *BODY[1:])
    )
    for text in texts:
        verdicts = []
        for rules in (grouped, one_by_one):
            blocks = run_rules(page_from_text(text, "x"), rules).blocks
            verdicts.append([(b.text, b.removal) for b in blocks])
        assert verdicts[0] == verdicts[1]


def test_a_site_pack_switches_off_one_line_pattern_rule_inside_the_group() -> None:
    from cleaners.rules import pipeline
    from cleaners.rules.line_patterns import LinePatternGroup
    from cleaners.sitepack import SitePack

    pack = SitePack.from_mapping({"disable": ["interface_text"]})
    [group] = [r for r in pipeline(pack=pack) if isinstance(r, LinePatternGroup)]
    names = [r.name for r in group.rules]
    assert "interface_text" not in names and "share_widget" in names
