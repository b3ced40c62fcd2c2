"""The printed headline of pages whose only title is the `<title>` element."""

from __future__ import annotations

from lxml import html as lxml_html

from cleaners.html.metadata import TITLE_TAG, extract_metadata
from cleaners.html.shown_headline import shown_headline

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
    # "Rubbish talk at county hall" names the story in words its lead does not use: the lead
    # search finds no headline, the tab's title wrapping it does
    page = [*PAGE[:2], "Rubbish talk at county hall", *PAGE[3:]]
    assert shown_headline(page, BODY, "Marsh Valley Gazette") is None
    wrapped = "Marsh Valley Gazette: Local News | Rubbish talk at county hall"
    assert shown_headline(page, BODY, wrapped) == "Rubbish talk at county hall"
    # whole words only, and not a byline or a date line
    assert shown_headline(page, BODY, "Marsh Valley Gazette | Rubbish talk at county ha") is None
    bylined = [*page[:3], "By Ann Reed", *page[4:]]
    assert shown_headline(bylined, BODY, "Gazette | By Ann Reed") is None
