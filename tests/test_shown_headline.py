"""The printed headline of pages whose only title is the `<title>` element."""

from __future__ import annotations

from lxml import html as lxml_html

from cleaners.html.dom import iter_blocks
from cleaners.html.metadata import TITLE_TAG, extract_metadata
from cleaners.html.shown_headline import shown_headline, without_credits

LEAD = [
    "The county council voted on Tuesday to close the old landfill at Marsh Road by the end "
    "of next year and to move the recycling yard to the industrial estate.",
    "The landfill has been full since spring, council officers said, and the recycling yard "
    "needs more room for the new food waste bins.",
]
PAGE = [
    "Home | News | Sport | Classifieds",
    "Local News",
    "Council votes to close Marsh Road landfill",
    "By Ann Reed",
    *LEAD,
    "Copyright 2008 Marsh Valley Gazette. All rights reserved.",
]
BODY = [4, 5]


def test_a_site_name_title_gives_way_to_the_headline_the_page_prints() -> None:
    assert shown_headline(PAGE, BODY, "Marsh Valley Gazette") == (
        "Council votes to close Marsh Road landfill"
    )
    # a section's name and a slogan in the tab: the same
    assert shown_headline(PAGE, BODY, "Local News - Your Valley, Your Voice") == (
        "Council votes to close Marsh Road landfill"
    )


def test_a_title_the_page_prints_stays() -> None:
    assert shown_headline(PAGE, BODY, "Council votes to close Marsh Road landfill") is None
    # printed with other case and punctuation
    assert shown_headline(PAGE, BODY, "COUNCIL VOTES TO CLOSE MARSH ROAD LANDFILL!") is None


def test_a_long_title_printed_inside_a_block_stays() -> None:
    glued = [*PAGE[:2], "Jan 8, 2008 Council votes to close Marsh Road landfill", *PAGE[3:]]
    assert shown_headline(glued, BODY, "Council votes to close Marsh Road landfill") is None
    # a short title inside a longer block is no headline printed: the site's name in the
    # copyright line
    assert shown_headline(glued, BODY, "Marsh Valley Gazette") == (
        "Jan 8, 2008 Council votes to close Marsh Road landfill"
    )


def test_no_story_or_no_headline_naming_it_gives_nothing() -> None:
    assert shown_headline(PAGE, [], "Marsh Valley Gazette") is None
    unrelated = ["Home | News", "Weather and traffic for the weekend", *LEAD]
    assert shown_headline(unrelated, [2, 3], "Marsh Valley Gazette") is None


def _title_source(head: str) -> str | None:
    root = lxml_html.document_fromstring(
        f"<html><head>{head}</head><body><h2>Council votes on landfill</h2>"
        "<p>Text of the story.</p></body></html>"
    )
    return extract_metadata(root).sources.get("title")


def test_the_title_source_tells_the_tab_title_from_metadata() -> None:
    assert _title_source("<title>Marsh Valley Gazette</title>") == TITLE_TAG
    assert (
        _title_source(
            '<title>Marsh Valley Gazette</title><meta property="og:title" content="Landfill vote">'
        )
        == "meta"
    )
    assert (
        _title_source(
            '<script type="application/ld+json">{"@type": "NewsArticle", '
            '"headline": "Landfill vote"}</script>'
        )
        == "json-ld"
    )
    # the tab's text cut to the part the page prints is the page's own
    assert _title_source("<title>Council votes on landfill - Gazette</title>") == "markup"


def test_a_printed_part_of_the_tab_title_by_the_story_is_the_headline() -> None:
    # "Rubbish talk at county hall" names the story in words its lead does not use, and no
    # byline under it marks it as the headline: the lead search finds none, the tab's title
    # wrapping it does
    page = [*PAGE[:2], "Rubbish talk at county hall", *LEAD, PAGE[-1]]
    body = [3, 4]
    assert shown_headline(page, body, "Marsh Valley Gazette") is None
    wrapped = "Marsh Valley Gazette: Local News | Rubbish talk at county hall"
    assert shown_headline(page, body, wrapped) == "Rubbish talk at county hall"
    # whole words only, and not a byline or a date line
    assert shown_headline(page, body, "Marsh Valley Gazette | Rubbish talk at county ha") is None
    bylined = [*page[:3], "By Ann Reed", *page[3:]]
    assert shown_headline(bylined, BODY, "Gazette | By Ann Reed") != "By Ann Reed"


def test_a_headline_over_its_byline_is_found_when_it_names_the_story_in_other_words() -> None:
    page = [*PAGE[:2], "Rubbish talk at county hall", *PAGE[3:]]
    assert shown_headline(page, BODY, "Marsh Valley Gazette") == "Rubbish talk at county hall"


def _cut(markup: str) -> str:
    # the block's text as the page's blocks hold it (a <br> is a space)
    (block,) = iter_blocks(lxml_html.fragment_fromstring(markup), prune=False)
    return without_credits(block.element, block.text)


def test_date_and_byline_lines_printed_with_the_headline_are_cut() -> None:
    assert _cut(
        "<p><span>Bridge reopens after repairs</span><br><span>Josh Pringle</span>"
        "<br><span>Wednesday, January 16, 2008</span></p>"
    ) == ("Bridge reopens after repairs")
    assert _cut("<h1><span>Wednesday, 09 January 2008</span> Bridge reopens</h1>") == (
        "Bridge reopens"
    )
    assert _cut("<div><b>Bridge reopens</b><br>2008-01-14<br>United Press International</div>") == (
        "Bridge reopens"
    )
    assert _cut("<h1>Brücke wieder offen <span>(16.01.2008)</span></h1>") == "Brücke wieder offen"
    # the date in an element inside the headline's link, its day in an element of its own
    nested = '<h1><a href="/p"><time>Dec <span>18</span> 2025</time> Bridge reopens</a></h1>'
    assert _cut(nested) == "Bridge reopens"
    assert _cut("<td><b>Le pont rouvre</b><br>Par Marie Dubois<br>15/01/2008</td>") == (
        "Le pont rouvre"
    )


def test_a_name_inside_the_headline_element_is_part_of_the_headline() -> None:
    # a name or an agency is a credit only on a line of its own, after a <br>
    assert _cut("<h1>Obama meets <a>Angela Merkel</a></h1>") == "Obama meets Angela Merkel"
    assert _cut("<h1>Shares fall at <a>Reuters</a></h1>") == "Shares fall at Reuters"


def test_a_headline_of_one_word_keeps_its_credit_and_lines_within_are_kept() -> None:
    # what is left must be a headline of two words or more
    assert _cut("<p><b>Obituary</b><br>January 16, 2008</p>") == "Obituary January 16, 2008"
    # only the text's ends are cut: a date in the middle stays
    assert _cut("<p><b>Storm</b><br>January 16, 2008<br>hits the coast again</p>") == (
        "Storm January 16, 2008 hits the coast again"
    )
    # a headline line in title case after a <br> of more than three words is no name
    assert _cut("<p><b>Flood Warning</b><br>River Levels Rise Again Tonight</p>") == (
        "Flood Warning River Levels Rise Again Tonight"
    )
