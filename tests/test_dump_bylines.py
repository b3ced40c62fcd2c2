"""Bylines of whole-page dumps in the forms a page's layout leaves them (issue 16): the lead
on its own line, the lead glued to the name, a bare name next to a date line."""

from __future__ import annotations

import pytest

from cleaners import clean_text
from cleaners.rules.bylines import BylineRule, DateLineRule
from cleaners.segment import segment_text
from tests.pages import BODY, TITLE, page, paragraphs, removal_of

STORY = (
    BODY[0] + " Co-operatives in the south report the same trend.",
    *BODY[1:],
)


def dump(*top: str) -> str:
    """A dump with menu lines, the headline, `top` lines under it, then the olive story."""
    return page("Home", "Markets", "Weather", TITLE, *top, *STORY, "Contact us", "Privacy")


@pytest.mark.parametrize(
    ("lead", "name"),
    [
        ("By", "Soraya Benali"),
        ("Written by", "Soraya Benali"),
        ("Par", "Soraya Benali"),
        ("Author", "Soraya Benali"),  # a label over the name
        ("Autorin", "Soraya Benali"),
    ],
)
def test_lead_alone_on_its_line_takes_the_name_on_the_next(lead: str, name: str) -> None:
    article = clean_text(dump(lead, name, "14 October 2024"))
    assert article.authors == (name,)
    assert article.published == "2024-10-14"
    assert removal_of(article, lead) is not None
    assert removal_of(article, name) is not None
    assert paragraphs(article) == list(STORY)


def test_lead_alone_before_a_sentence_is_not_a_byline() -> None:
    article = clean_text(dump("By", "the numbers, this season looks grim for growers."))
    assert article.authors == ()


@pytest.mark.parametrize(
    ("line", "parsed"),
    [
        ("BySoraya Benali", (["Soraya Benali"], [])),
        ("ParKarim Haddad", (["Karim Haddad"], [])),
        (
            "By Soraya BenaliPublished: Oct 14, 2024",
            (["Soraya Benali"], [("published", "2024-10-14")]),
        ),
        (
            "By Soraya BenaliUpdated 3 March 2025",
            (["Soraya Benali"], [("updated", "2025-03-03")]),
        ),
    ],
)
def test_glued_lead_or_date_prefix_is_split(
    line: str, parsed: tuple[list[str], list[tuple[str, str]]]
) -> None:
    assert BylineRule().parse(line) == parsed


@pytest.mark.parametrize("line", ["Byzantine Mosaics Restored", "BYU Cougars Win Again"])
def test_words_starting_with_a_lead_are_not_glued_bylines(line: str) -> None:
    assert BylineRule().parse(line) is None


@pytest.mark.parametrize(
    "top",
    [
        ("Soraya Benali", "October 14, 2024"),  # name, then the date
        ("SORAYA BENALI", "Oct 14, 2024", "4 min read"),  # a name in capitals
        ("Soraya Benali", "Senior Editor", "14 October 2024"),  # the role between them
        ("14 October 2024", "Soraya Benali"),  # date, then the name
    ],
)
def test_bare_name_next_to_a_date_line_above_the_story_is_the_author(
    top: tuple[str, ...],
) -> None:
    article = clean_text(dump(*top))
    name = next(line for line in top if "enali" in line.casefold())
    assert article.authors == (name,)
    assert article.published == "2024-10-14"
    assert removal_of(article, name) is not None
    assert paragraphs(article) == list(STORY)


def test_title_case_line_sharing_the_story_words_is_not_a_name() -> None:
    # a short headline in title case over a date line: it names the story, not a person
    article = clean_text(
        page("Home", "Markets", "Tunisian Olive Harvest", "October 14, 2024", *STORY, "Privacy")
    )
    assert article.authors == ()


def test_name_and_date_below_the_story_are_a_comment_not_the_author() -> None:
    article = clean_text(dump() + page("Comments", "Jamel Trabelsi", "October 15, 2024"))
    assert article.authors == ()


@pytest.mark.parametrize(
    ("prefix", "field"),
    [("Last updated:", "updated"), ("Posted on", "published"), ("Publié le", "published")],
)
def test_date_prefix_alone_on_its_line_takes_the_date_on_the_next(prefix: str, field: str) -> None:
    article = clean_text(dump(prefix, "Oct 14, 2024"))
    assert getattr(article, field) == "2024-10-14"
    assert removal_of(article, prefix) is not None
    assert paragraphs(article) == list(STORY)


def test_two_dates_glued_together_are_read_apart() -> None:
    assert DateLineRule().parse("Published March 2, 2023April 9, 2024") == [
        ("published", "2023-03-02"),
        ("published", "2024-04-09"),
    ]


@pytest.mark.parametrize(
    ("line", "parsed"),
    [
        ("By Soraya Benali October 14, 2024", (["Soraya Benali"], [("published", "2024-10-14")])),
        (
            "by Soraya BenaliOct 14, 2024 | 3 replies",
            (["Soraya Benali"], [("published", "2024-10-14")]),
        ),
        (
            "By Soraya Benali and Karim Haddad 14 October 2024",
            (["Soraya Benali", "Karim Haddad"], [("published", "2024-10-14")]),
        ),
    ],
)
def test_names_then_a_date_without_a_separator(
    line: str, parsed: tuple[list[str], list[tuple[str, str]]]
) -> None:
    assert BylineRule().parse(line) == parsed


def test_a_sentence_after_by_with_a_date_is_not_a_byline() -> None:
    assert BylineRule().parse("By the end of October 2024 growers had sold") is None


@pytest.mark.parametrize(
    "line",
    [
        "Latest Headlines",  # a word the page prints in small letters ("headlines" below)
        "Weekly Newsletter",  # a menu word of not_name_words
        "FREE Alerts",  # capitals and small letters mixed
        "Share: Print Email",  # a label's colon
    ],
)
def test_menu_line_next_to_a_date_is_not_a_name(line: str) -> None:
    story = (*STORY[:-1], STORY[-1] + " Local headlines said little else.")
    article = clean_text(page("Home", "Markets", TITLE, line, "October 14, 2024", *story))
    assert article.authors == ()


# A table of contents between the headline and the story: the article region begins at the
# story's paragraphs, and the byline under the headline is outside it.
CONTENTS = (
    "Contents",
    "Overview",
    "Background",
    "Key figures",
    "Outlook",
    "Frequently asked questions",
    "Sources",
    "Share this guide",
    "Print",
)


@pytest.mark.parametrize(
    "top",
    [
        ("By Soraya Benali", "March 3, 2025"),
        ("Soraya Benali", "Crop Analyst", "March 3, 2025"),  # a bare name and its role
        ("Von Soraya Benali", "3. März 2025"),
    ],
)
def test_byline_between_headline_and_a_long_table_of_contents(top: tuple[str, ...]) -> None:
    article = clean_text(page("Home", "Markets", "Weather", TITLE, *top, *CONTENTS, *STORY))
    assert article.title == TITLE
    assert article.authors == ("Soraya Benali",)
    assert article.published == "2025-03-03"
    assert removal_of(article, top[0]).reason == "byline"
    assert paragraphs(article) == list(STORY)


def test_bylines_of_the_lines_over_the_headline_menu_stay_navigation() -> None:
    # a teaser's byline far above the headline is not in its header
    article = clean_text(
        page("By Karim Haddad", "Home", "Markets", "Weather", "Sport", TITLE, *CONTENTS, *STORY)
    )
    assert article.authors == ()


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Dylan Roe, MS, RD", ["Dylan Roe"]),  # credentials after the name
        ("By Greta Lind, Ph.D.", ["Greta Lind"]),  # a credential's dot ends no sentence
        ("By Greta Lind, Senior Analyst", ["Greta Lind"]),  # a role, not a second author
        ("By Greta Lind and Omar Nasser, Shipping Experts", ["Greta Lind", "Omar Nasser"]),
        ("Von Greta Lind, Redakteurin", ["Greta Lind"]),
        ("Par Claire Dubois, envoyée spéciale", ["Claire Dubois"]),
        ("Por Ana Ruiz, corresponsal", ["Ana Ruiz"]),
        ("Di Marco Bellini, inviato", ["Marco Bellini"]),
        ("Por Ana Ruiz, jornalista", ["Ana Ruiz"]),
        ("Door Pieter de Vries, verslaggever", ["Pieter de Vries"]),
    ],
)
def test_roles_and_credentials_after_the_names_are_not_authors(line: str, names: list[str]) -> None:
    assert BylineRule().parse(line) == (names, [])


@pytest.mark.parametrize(
    "line",
    [
        "Soraya Benali | March 3, 2025",
        "Soraya Benali •Mar 3, 2025",
        "3 March 2025 · Soraya Benali",
        "Soraya Benali March 3, 2025",
        "Soraya Benali | 3. März 2025",
        "Soraya Benali - 3 mars 2025",
    ],
)
def test_name_and_date_on_one_line_under_the_headline(line: str) -> None:
    article = clean_text(dump(line))
    assert article.authors == ("Soraya Benali",)
    assert article.published == "2025-03-03"
    assert removal_of(article, line).reason == "byline"
    assert paragraphs(article) == list(STORY)


@pytest.mark.parametrize(
    "line",
    [
        "Last Modified: March 3, 2025",  # a label, not a name
        "Olive Harvest | March 3, 2025",  # the story's own words: a section or a title
    ],
)
def test_label_or_story_words_with_a_date_are_not_a_name(line: str) -> None:
    assert clean_text(dump(line)).authors == ()


def test_a_name_that_a_stop_word_list_holds_is_still_a_name() -> None:
    # jusText's English list holds "george" and "king" (it was made from Wikipedia)
    article = clean_text(dump("Lena George", "October 14, 2024"))
    assert article.authors == ("Lena George",)


@pytest.mark.parametrize(
    "line", ["mardi 3 mars 2025", "3 de marzo de 2025", "3 maart 2025", "3. März 2025"]
)
def test_bare_date_lines_in_other_languages(line: str) -> None:
    assert DateLineRule().parse(line) == [("published", "2025-03-03")]


@pytest.mark.parametrize(
    "line",
    ["Related Articles", "Printable Version", "Artículos relacionados", "Verwandte Artikel"],
)
def test_interface_label_under_a_date_line_is_not_a_name(line: str) -> None:
    assert clean_text(dump("October 14, 2024", line)).authors == ()


def test_an_agency_beside_the_date_is_not_a_bare_name() -> None:
    assert clean_text(dump("Associated Press", "October 14, 2024")).authors == ()


@pytest.mark.parametrize("line", ["Por Joana Maio", "Por Ana Abril", "By Julio Mayo"])
def test_a_surname_that_is_a_month_elsewhere_is_a_name(line: str) -> None:
    assert BylineRule().parse(line) == ([line.split(" ", 1)[1]], [])


@pytest.mark.parametrize(
    "byline",
    ["by Soraya Benali | 14 October 2024", "par Soraya Benali", "by: Soraya Benali, Oct 14, 2024"],
)
def test_small_letter_byline_under_a_long_headline_is_not_its_wrapped_end(byline: str) -> None:
    # a headline of 40 characters or more without a full stop, then a line in small letters:
    # what a hard-wrapped sentence looks like, but the line is a byline
    headline = "Olive growers count the cost of a second dry summer in the south"
    article = clean_text(page("Home", "Markets", "Weather", headline, byline, *STORY))
    assert article.title == headline
    assert article.authors == ("Soraya Benali",)
    assert removal_of(article, byline) is not None


def test_wrapped_sentence_ending_in_by_and_words_is_still_joined() -> None:
    blocks = segment_text(
        "The plan for the new harbour wall was approved last night\n"
        "by the council after a long debate."
    )
    assert [b.text for b in blocks] == [
        "The plan for the new harbour wall was approved last night by the council after a long"
        " debate."
    ]


def test_a_teaser_byline_under_the_story_is_not_a_second_author() -> None:
    article = clean_text(
        dump(
            "By Soraya Benali",
            "14 October 2024",
        ).replace(
            "Contact us",
            "Related\nWheat farmers turn to drought-tolerant seed varieties\n"
            "by Tomas Lindqvist\nContact us",
        )
    )
    assert article.authors == ("Soraya Benali",)


def test_an_author_box_under_the_story_names_the_author_when_the_header_did_not() -> None:
    article = clean_text(dump().replace("Contact us", "Written by\nSoraya Benali\nContact us"))
    assert article.authors == ("Soraya Benali",)


@pytest.mark.parametrize("role", ["Senior Staff Writer", "Redakteurin", "Rédactrice", "Editor"])
def test_bare_name_with_a_job_line_under_the_headline_is_the_author(role: str) -> None:
    article = clean_text(dump("Soraya Benali", role))
    assert article.authors == ("Soraya Benali",)
    assert removal_of(article, "Soraya Benali") is not None
    assert paragraphs(article) == list(STORY)


def test_name_line_right_under_the_headline_is_the_author_without_a_job_or_date() -> None:
    # a blog prints its author's name alone under the headline: a menu has ended there
    article = clean_text(dump("Soraya Benali", "Share this story"))
    assert article.authors == ("Soraya Benali",)
    assert removal_of(article, "Soraya Benali") is not None


def test_name_line_under_the_standfirst_is_the_author() -> None:
    standfirst = "Growers expect the best olive oil harvest in a decade after a mild spring"
    article = clean_text(dump(standfirst, "Soraya Benali", "Share this story"))
    assert article.authors == ("Soraya Benali",)


def test_name_line_under_a_short_label_is_not_an_author() -> None:
    # under a label or a button the headline's header has ended: a list may go on there
    article = clean_text(dump("Olive harvest", "Soraya Benali", "Share this story"))
    assert article.authors == ()


def test_title_case_line_sharing_the_story_words_is_not_an_author() -> None:
    article = clean_text(dump("Olive Growers", "Share this story"))
    assert article.authors == ()


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("November 26th, 2024", "2024-11-26"),
        ("Fri, 19th Dec 2025", "2025-12-19"),
        ("January 22nd, 2019", "2019-01-22"),
        ("1er mai 2024", "2024-05-01"),
    ],
)
def test_a_date_line_with_an_ordinal_day_is_read(line: str, day: str) -> None:
    article = clean_text(dump(line))
    assert article.published == day
    assert removal_of(article, line) is not None


def test_an_ordinal_in_a_line_of_words_is_no_date_line() -> None:
    assert DateLineRule().parse("The 5th Avenue parade 2024") is None


def test_an_ordinal_date_is_no_date_line_outside_the_header() -> None:
    # the header reads its lines without the ordinal letters (`read_header`)
    assert DateLineRule().parse("November 26th, 2024") is None


def test_an_ordinal_date_heading_in_the_story_is_neither_read_nor_removed() -> None:
    # a subheading naming a day ("September 11th, 2001") is the story's, not its date
    heading = "September 11th, 2001"
    article = clean_text(page("Home", "Markets", TITLE, *STORY[:2], heading, *STORY[2:]))
    assert article.published is None
    assert removal_of(article, heading) is None
    assert heading in paragraphs(article)


@pytest.mark.parametrize("line", ["January 9th, 2008", "January 9th, 2008 by Jamel Trabelsi"])
def test_an_ordinal_date_in_the_comments_is_not_the_story_date(line: str) -> None:
    article = clean_text(dump() + page("Comments", "Jamel Trabelsi", line))
    assert article.published is None
    assert article.authors == ()


@pytest.mark.parametrize("tag", ["by", "heizung sparen", "by oliveblog | Oct 14, 2024"])
def test_short_small_letter_line_under_a_headline_is_its_own_line(tag: str) -> None:
    # a wrapped paragraph's short last line ends its sentence; a tag or "by" alone does not
    headline = "Olive growers count the cost of a second dry summer in the south"
    assert [b.text for b in segment_text(f"{headline}\n{tag}")] == [headline, tag]


def test_wrapped_paragraph_with_a_short_last_line_is_still_joined() -> None:
    blocks = segment_text(
        "The plan for the new harbour wall was approved last night\n"
        "after a long debate.\n"
        "\n"
        "The council met again this morning and the mayor said that\n"
        "the work will start in the spring of next year once the\n"
        "tenders are read"  # no full stop, but the line over it continues a sentence
    )
    assert [b.text for b in blocks] == [
        "The plan for the new harbour wall was approved last night after a long debate.",
        "The council met again this morning and the mayor said that the work will start in the"
        " spring of next year once the tenders are read",
    ]


@pytest.mark.parametrize(
    ("line", "author", "day"),
    [
        ("Written by Kristin", "Kristin", None),
        ("by oliveblog | Oct 14, 2024", "oliveblog", "2024-10-14"),
        ("By Clay - October 14, 2024", "Clay", "2024-10-14"),
    ],
)
def test_one_word_byline_under_the_headline_names_the_author(
    line: str, author: str, day: str | None
) -> None:
    article = clean_text(page("Home", "Markets", TITLE, line, *STORY))
    assert article.authors == (author,)
    assert article.published == day
    assert removal_of(article, line) is not None


@pytest.mark.parametrize("line", ["By Topic", "by default", "By Opinion", "By May"])
def test_one_word_by_line_that_names_no_one_is_no_author(line: str) -> None:
    article = clean_text(page("Home", "Markets", TITLE, line, *STORY))
    assert article.authors == ()


@pytest.mark.parametrize(
    ("line", "parsed"),
    [
        # the names, a small word, the date ("names_then_date" in bylines.toml)
        (
            "Posted by Soraya Benali on March 3, 2025",
            (["Soraya Benali"], [("published", "2025-03-03")]),
        ),
        (
            "Publié par Claire Dubois le 3 mars 2025",
            (["Claire Dubois"], [("published", "2025-03-03")]),
        ),
        ("Von Greta Lind am 3. März 2025", (["Greta Lind"], [("published", "2025-03-03")])),
        (
            "Publicado por Ana Ruiz el 3 de marzo de 2025",
            (["Ana Ruiz"], [("published", "2025-03-03")]),
        ),
        (
            "By Greta Lind, Omar Nasser on March 3, 2025 | 4 Comments",
            (["Greta Lind", "Omar Nasser"], [("published", "2025-03-03")]),
        ),
        # the date line's opener after the names
        (
            "By Soraya Benali. Last Updated on March 3, 2025",
            (["Soraya Benali"], [("updated", "2025-03-03")]),
        ),
        # middle dots between the segments
        (
            "by Soraya Benali ● March 3, 2025 ● 6 min read",
            (["Soraya Benali"], [("published", "2025-03-03")]),
        ),
        (
            "By Soraya Benali ⋅ Crop Analyst ⋅ Updated March 3, 2025",
            (["Soraya Benali"], [("updated", "2025-03-03")]),
        ),
        # after the date, the post's categories: ignored
        (
            "by Soraya Benali | Mar 3, 2025 | Olive Growing and Harvest Reports, Farm Markets",
            (["Soraya Benali"], [("published", "2025-03-03")]),
        ),
    ],
)
def test_bylines_with_a_linked_date_or_more_segments(
    line: str, parsed: tuple[list[str], list[tuple[str, str]]]
) -> None:
    assert BylineRule().parse(line) == parsed


@pytest.mark.parametrize(
    "line",
    [
        "By Boat and Bike on October 12, 2024 | a guided ride along the river past the orchards",
        # a sentence-long segment before any date: the line is no byline
        "by Soraya Benali | a report on the olive harvest of the co-operatives | Mar 3, 2025",
        "Posted by the committee on behalf of every member",
    ],
)
def test_lines_like_bylines_with_a_date_that_name_no_one(line: str) -> None:
    assert BylineRule().parse(line) is None


def test_a_day_with_its_ordinal_letters_before_the_byline_in_the_header() -> None:
    line = "September 1st, 2023 By Soraya Benali"
    article = clean_text(dump(line))
    assert article.authors == ("Soraya Benali",)
    assert article.published == "2023-09-01"
    assert removal_of(article, line).reason == "byline"
    assert paragraphs(article) == list(STORY)


@pytest.mark.parametrize(
    ("line", "group"),
    [
        ("Harbor Fleet Team", "Harbor Fleet Team"),
        ("By The Olive Desk editors", "The Olive Desk editors"),
        ("written by Our Editors", "Our Editors"),
        ("by News Desk", "News Desk"),
        ("By Harbor Fleet Team• 4 mins read", "Harbor Fleet Team"),
        ("Die Redaktion", "Die Redaktion"),
        ("La rédaction", "La rédaction"),
    ],
)
def test_a_group_byline_names_the_group_when_no_person_is_named(line: str, group: str) -> None:
    assert BylineRule().parse(line) == ([group], [])
    article = clean_text(dump(line, "14 October 2024"))
    assert article.authors == (group,)
    assert removal_of(article, line).reason == "byline"
    assert paragraphs(article) == list(STORY)


@pytest.mark.parametrize("line", ["Meet the Team", "Team", "Staff Reporter", "Our Correspondent"])
def test_lines_naming_no_group_give_no_author(line: str) -> None:
    parsed = BylineRule().parse(line)
    assert parsed is None or parsed[0] == []


def test_a_person_named_after_a_group_byline_replaces_it() -> None:
    article = clean_text(dump("Harbor Fleet Team", "14 October 2024", "Written by Greta Lind"))
    assert article.authors == ("Greta Lind",)


def test_a_group_byline_after_a_person_is_not_an_author() -> None:
    article = clean_text(dump("By Greta Lind", "Harbor Fleet Team", "14 October 2024"))
    assert article.authors == ("Greta Lind",)


@pytest.mark.parametrize("name", ["Kev", "Lucía", "Stefan"])
def test_one_word_author_line_with_the_date_under_it(name: str) -> None:
    article = clean_text(page("Home", "Markets", TITLE, name, "January 1, 2026", *STORY))
    assert article.authors == (name,)
    assert article.published == "2026-01-01"
    assert removal_of(article, name).reason == "byline"
    assert paragraphs(article) == list(STORY)


@pytest.mark.parametrize(
    "top",
    [
        # a section label printed in the menu above the headline
        ("Home", "Markets", "Weather", TITLE, "Weather", "January 1, 2026"),
        # a label before its date, a date word, an agency
        ("Home", "Weather", TITLE, "Published", "January 1, 2026"),
        ("Home", "Weather", TITLE, "Monday", "January 1, 2026"),
        ("Home", "Weather", TITLE, "Reuters", "January 1, 2026"),
        # no date under it
        ("Home", "Weather", TITLE, "Kev", "Share this story"),
    ],
)
def test_one_word_lines_under_the_headline_that_name_no_author(top: tuple[str, ...]) -> None:
    article = clean_text(page(*top, *STORY))
    assert article.authors == ()


def test_one_word_line_the_page_prints_in_small_letters_is_no_name() -> None:
    story = (*STORY[:-1], STORY[-1] + " The harvest ends in olives for the markets.")
    article = clean_text(page("Home", "Weather", TITLE, "Olives", "January 1, 2026", *story))
    assert article.authors == ()


@pytest.mark.parametrize(
    ("line", "parsed"),
    [
        # the post's comment count closing the byline (trailing_clause in bylines.toml)
        (
            "May 3, 2017 By Soraya Benali 4 Comments",
            (["Soraya Benali"], [("published", "2017-05-03")]),
        ),
        (
            "Posted on March 3, 2025 Posted by Soraya Benali 59 Comments",
            (["Soraya Benali"], [("published", "2025-03-03")]),
        ),
        (
            "12 mai 2024 Par Camille Rousseau 4 commentaires",
            (["Camille Rousseau"], [("published", "2024-05-12")]),
        ),
        ("3. März 2025 von Greta Lind", (["Greta Lind"], [("published", "2025-03-03")])),
    ],
)
def test_date_then_byline_with_a_comment_count(
    line: str, parsed: tuple[list[str], list[tuple[str, str]]]
) -> None:
    assert BylineRule().parse(line) == parsed


def test_a_byline_a_wording_rule_took_for_a_menu_row_is_read_in_the_header() -> None:
    line = "by Soraya Benali | Olives | 8 min Read"
    article = clean_text(dump(line))
    assert article.authors == ("Soraya Benali",)
    assert removal_of(article, line).reason == "byline"
    assert paragraphs(article) == list(STORY)


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Christopher S. Penn", ("Christopher S. Penn",)),
        ("Naftali Tishby, Fernando C. Pereira", ("Naftali Tishby", "Fernando C. Pereira")),
    ],
)
def test_bare_names_with_an_initial_next_to_the_date(line: str, names: tuple[str, ...]) -> None:
    article = clean_text(dump(line, "24 Apr 2000 • 3 min read"))
    assert article.authors == names
    assert article.published == "2000-04-24"
    assert removal_of(article, line).reason == "byline"


def test_a_menu_pair_half_in_capitals_is_no_name() -> None:
    # one word in capitals, one not: an initial ("C.") alone is left out of that test
    article = clean_text(dump("FREE Newsletter", "24 Apr 2000"))
    assert article.authors == ()


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("30 Sep 2022, 11:07am", "2022-09-30"),  # the half of the day glued to the minutes
        ("June 11, 2025 5 min", "2025-06-11"),  # a reading time without "read"
        ("February 4, 2025 - 11 minutes", "2025-02-04"),
        ("3 mars 2024 · 1200 mots", "2024-03-03"),  # a post's length
    ],
)
def test_a_date_line_closed_by_a_time_or_a_length_is_read(line: str, day: str) -> None:
    found = DateLineRule().parse(line)
    assert found is not None and found[0][1][:10] == day


@pytest.mark.parametrize(
    ("line", "name", "day"),
    [
        ("Dec 26, 2025 • Mahua Das in Project Management", "Mahua Das", "2025-12-26"),
        ("Kristian Larsen July 13, 2025 — 7 minutes read", "Kristian Larsen", "2025-07-13"),
        ("Dec 17, 2025Julian Arni", "Julian Arni", "2025-12-17"),
        ("January 16, 2026 Maren Holt", "Maren Holt", "2026-01-16"),
        ("12 mai 2024 • Camille Rousseau dans Voyages", "Camille Rousseau", "2024-05-12"),
    ],
)
def test_a_name_and_a_date_on_one_header_line_are_read(line: str, name: str, day: str) -> None:
    article = clean_text(dump(line))
    assert article.authors == (name,)
    assert article.published == day


def test_an_author_label_over_a_list_heading_names_no_one() -> None:
    article = clean_text(dump("Author", "Recent Posts", "14 October 2024"))
    assert article.authors == ()


@pytest.mark.parametrize("label", ["Author", "AUTHOR", "Auteure", "Autor:"])
def test_an_author_label_alone_names_the_undated_name_under_it(label: str) -> None:
    article = clean_text(dump(label, "Soraya Benali", "Share this story"))
    assert article.authors == ("Soraya Benali",)


@pytest.mark.parametrize(
    "line",
    [
        "by Soraya Benali | Mar 3, 2025 | Olive Growing and Harvest Reports, Farm Markets",
        "by Soraya Benali | Mar 3, 2025 | Olive Growing and Harvest Reports | 4 comments",
        "par Soraya Benali | 3 mars 2025 | Oléiculture et rapports de récolte du sud",
        "by Soraya Benali | a report on the olive harvest of the co-operatives | Mar 3, 2025",
    ],
)
def test_whether_a_line_is_a_byline_does_not_depend_on_reading_its_dates(line: str) -> None:
    """`dates=False` (the segmenter's and the headline search's question) skips the short
    segments' dates; a long segment after a skipped date must not then refuse the line."""
    with_dates = BylineRule().parse(line) is not None
    assert (BylineRule().parse(line, dates=False) is not None) is with_dates


def test_a_small_by_line_with_categories_is_not_joined_to_the_headline() -> None:
    """A headline and a byline in small letters with the post's date and categories stay two
    blocks: joined as a wrapped sentence, the headline and the author were lost together."""
    headline = "How to Start Tomato Seeds Indoors Without a Greenhouse or Grow Tent"
    byline = (
        "by Maya Lindqvist | Feb 9, 2024 | Vegetable Growing, Seed Starting Basics and "
        "Indoor Tips | 4 comments"
    )
    assert [b.text for b in segment_text(f"{headline}\n{byline}")] == [headline, byline]


@pytest.mark.parametrize(
    ("line", "parsed"),
    [
        (
            "by Amanda · Dec 20, 2025 at 3:00 am · One comment so far",
            (["Amanda"], [("published", "2025-12-20T03:00:00")]),
        ),
        (
            "Posted by David at December 16, 2025 11:15 AM",
            (["David"], [("published", "2025-12-16T11:15:00")]),
        ),
        ("by Kiersten on May 3, 2024", (["Kiersten"], [("published", "2024-05-03")])),
        ("par Julie · 3 mai 2024", (["Julie"], [("published", "2024-05-03")])),
        ("von Anna · 20. März 2023", (["Anna"], [("published", "2023-03-20")])),
        ("por Lucía | 3 de mayo de 2024", (["Lucía"], [("published", "2024-05-03")])),
    ],
)
def test_a_first_name_alone_is_a_byline_when_the_line_dates_the_post(
    line: str, parsed: tuple[list[str], list[tuple[str, str]]]
) -> None:
    assert BylineRule().parse(line) == parsed


@pytest.mark.parametrize(
    "line",
    [
        "By Land and Sea",
        "by Design | 2024",  # a year is no date
        "By Amanda",  # no date vouches for one word
        "by Monday · Dec 20, 2025",  # a calendar word
        "by Staff · Dec 20, 2025 · 2 comments",  # a group word (`_collective` reads groups)
        "Jane Doe at 10:30",
    ],
)
def test_one_word_bylines_without_a_date_or_not_a_name(line: str) -> None:
    parsed = BylineRule().parse(line)
    assert parsed is None or parsed[0] != [line.split()[1]]


@pytest.mark.parametrize(
    ("line", "dates"),
    [
        ("March 20, 2023 | Wellness & Prevention", [("published", "2023-03-20")]),
        ("Video - December 19, 2025", [("published", "2025-12-19")]),
        ("June 9, 2020 · 6 Comments", [("published", "2020-06-09")]),
        ("20. März 2023 · Gesundheit & Vorsorge", [("published", "2023-03-20")]),
        ("3 mars 2025 | Économie", [("published", "2025-03-03")]),
        (
            "Dec 19, 2025 | Last updated on Dec 20, 2025 | 6 min read",
            [("published", "2025-12-19"), ("updated", "2025-12-20")],
        ),
    ],
)
def test_a_date_line_may_carry_short_labels(line: str, dates: list[tuple[str, str]]) -> None:
    assert DateLineRule().parse(line) == dates


@pytest.mark.parametrize(
    "line",
    [
        # a teaser's headline beside its date: more than a label
        "The minister resigned after the vote on the budget | May 3, 2024",
        "Home | News | May 3, 2024 | Sport | Contact",  # a menu row with a date in it
        "Read this first. | May 3, 2024",  # a sentence
        "Politics | Economy",  # no date
    ],
)
def test_lines_with_a_date_and_more_than_labels_are_no_date_lines(line: str) -> None:
    assert DateLineRule().parse(line) is None


@pytest.mark.parametrize(
    ("line", "dates"),
    [
        # a copied page glues the texts of neighbouring elements
        ("October 17, 20236:01 PM ET", [("published", "2023-10-17T18:01:00")]),
        ("Published onMarch 3, 2024", [("published", "2024-03-03")]),
        ("Mar 27, 20255 mins", [("published", "2025-03-27")]),  # the year and a reading time
        ("Mis à jour leMardi 3 mars 2024", [("updated", "2024-03-03")]),
        # published and updated dates and a name printed without a space
        (
            "September 1, 2016September 8, 2016Autumn Adams",
            [("published", "2016-09-01"), ("published", "2016-09-08")],
        ),
    ],
)
def test_date_lines_glued_by_the_copy(line: str, dates: list[tuple[str, str]]) -> None:
    assert DateLineRule().parse(line) == dates


def test_a_brand_in_camel_case_is_not_cut_before_a_date() -> None:
    """Only a date's word is cut off the word glued before it: "iPhone" stays one word, and
    the line stays a sentence, no date line."""
    assert DateLineRule().parse("iPhone 15 launched March 3, 2024") is None


@pytest.mark.parametrize(
    ("line", "dates"),
    [
        (
            "Published March 3, 2024 Updated March 5, 2024",
            [("published", "2024-03-03"), ("updated", "2024-03-05")],
        ),
        (
            "March 3, 2024 10:00 am Updated March 5, 2024 11:30 am",
            [("published", "2024-03-03T10:00:00"), ("updated", "2024-03-05T11:30:00")],
        ),
        (
            "Veröffentlicht am 3. März 2024 Aktualisiert am 5. März 2024",
            [("published", "2024-03-03"), ("updated", "2024-03-05")],
        ),
        (
            "Publié le 3 mars 2024 Mis à jour le 5 mars 2024",
            [("published", "2024-03-03"), ("updated", "2024-03-05")],
        ),
    ],
)
def test_two_date_lines_run_together(line: str, dates: list[tuple[str, str]]) -> None:
    """An opener after a date starts the next date line: no separator needed between them."""
    assert DateLineRule().parse(line) == dates


def test_an_opener_word_after_a_year_in_a_sentence_is_no_date_line() -> None:
    assert DateLineRule().parse("In 2024 posted records fell across the region") is None
