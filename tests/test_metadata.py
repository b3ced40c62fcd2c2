"""`cleaners.html.metadata`: title, authors and dates from every place a page states them."""

from __future__ import annotations

import json
from datetime import datetime

from lxml import html as lxml_html

from cleaners.html.metadata import extract_metadata, strip_site_suffix

BODY = "<p>" + "A paragraph of the article body that says something. " * 5 + "</p>"


def _page(head: str = "", body: str = "", ld: object | None = None) -> lxml_html.HtmlElement:
    script = f'<script type="application/ld+json">{json.dumps(ld)}</script>' if ld else ""
    return lxml_html.fromstring(
        f"<html><head>{head}{script}</head><body>{body}{BODY}</body></html>"
    )


def test_json_ld_graph_resolves_the_author_reference() -> None:
    ld = {
        "@graph": [
            {"@type": "WebPage", "@id": "#page", "datePublished": "2024-01-01T00:00:00Z"},
            {
                "@type": "Article",
                "headline": "Ferry Trial Starts",
                "author": {"@id": "#person"},
                "datePublished": "2024-02-11T07:45:00+00:00",
                "dateModified": "2024-02-12T09:10:00+00:00",
            },
            {"@type": "Person", "@id": "#person", "name": "Marta Quinlan"},
        ]
    }
    meta = extract_metadata(_page(ld=ld))
    assert meta.authors == ["Marta Quinlan"]
    assert meta.published == "2024-02-11T07:45:00+00:00"  # the article's, not the page's
    assert meta.updated == "2024-02-12T09:10:00+00:00"
    assert meta.sources == {"title": "json-ld", "authors": "json-ld", "published": "json-ld"}


def test_json_ld_with_raw_newlines_and_trailing_commas_is_read() -> None:
    script = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Two\n'
        'lines", "author": [{"name": "Jane Roe"}, {"name": "John Doe"},],}</script>'
    )
    meta = extract_metadata(lxml_html.fromstring(f"<html><head>{script}</head><body/></html>"))
    assert meta.authors == ["Jane Roe", "John Doe"]


def test_meta_author_and_cms_date_names() -> None:
    head = (
        '<meta property="article:author" content="https://example.com/staff/jane">'
        '<meta name="author" content="Jane Roe and John Doe">'
        '<meta name="parsely-pub-date" content="2023-09-18T14:20:00Z">'
    )
    meta = extract_metadata(_page(head=head))
    assert meta.authors == ["Jane Roe", "John Doe"]
    assert meta.published == "2023-09-18T14:20:00+00:00"
    assert meta.sources["published"] == "meta"


def test_site_as_author_yields_to_the_byline_person() -> None:
    ld = {"@type": "BlogPosting", "author": {"@type": "Organization", "name": "Example Co"}}
    head = '<meta property="og:site_name" content="Example Co">'
    body = '<h1>Headline Here</h1><p class="byline">By <a href="/x">Jane Roe</a></p>'
    meta = extract_metadata(_page(head=head, body=body, ld=ld))
    assert meta.authors == ["Jane Roe"]
    assert meta.sources["authors"] == "markup"


def test_byline_naming_every_metadata_author_and_more_wins() -> None:
    head = '<meta name="author" content="Jane Roe">'
    body = (
        "<h1>Headline Here</h1>"
        '<div class="byline"><a rel="author" href="/a/1">Jane Roe</a>, '
        '<a rel="author" href="/a/2">John Doe</a> and <a rel="author" href="/a/3">Ann Poe</a></div>'
    )
    meta = extract_metadata(_page(head=head, body=body))
    assert meta.authors == ["Jane Roe", "John Doe", "Ann Poe"]


def test_bylines_of_comments_and_related_cards_are_not_authors() -> None:
    body = (
        "<h1>Headline Here</h1>"
        '<section class="comments"><span class="author-name">Rude Commenter</span></section>'
        '<aside class="related-posts"><span class="byline">By Other Writer</span></aside>'
    )
    assert extract_metadata(_page(body=body)).authors == []


def test_time_in_the_headline_header_not_in_a_related_card() -> None:
    body = (
        '<aside class="related"><time datetime="2021-06-02">2 June 2021</time></aside>'
        "<header><h1>Headline Here</h1>"
        '<p><time datetime="2024-03-05T08:30:00+01:00">5 March 2024</time> | '
        '<span>Updated <time datetime="2024-03-06">6 March</time></span></p></header>'
    )
    meta = extract_metadata(_page(body=body))
    assert meta.published == "2024-03-05T08:30:00+01:00"
    assert meta.updated == "2024-03-06"
    assert meta.sources["published"] == "markup"


def test_url_date_is_only_a_fallback() -> None:
    meta = extract_metadata(_page(body="<h1>Headline Here</h1>"), "https://x.example/2024/05/01/a/")
    assert meta.published is None
    assert meta.published_fallback == "2024-05-01"
    head = '<meta property="article:published_time" content="2024-04-30T10:00:00Z">'
    meta = extract_metadata(_page(head=head), "https://x.example/2024/05/01/a/")
    assert meta.published == "2024-04-30T10:00:00+00:00"
    assert meta.published_fallback is None


def test_update_date_stays_apart_from_publication_date() -> None:
    ld = {"@type": "Article", "dateModified": "2025-08-19T13:25:59+00:00"}
    meta = extract_metadata(_page(ld=ld))
    assert meta.updated == "2025-08-19T13:25:59+00:00"
    assert meta.published is None


def test_title_is_the_visible_headline_without_site_name() -> None:
    head = (
        '<meta property="og:site_name" content="Valley Gazette">'
        "<title>Valley Gazette | School Gardens Return</title>"
    )
    assert extract_metadata(_page(head=head)).title == "School Gardens Return"
    head = '<meta property="og:title" content="Gardens Return &#8211; Valley Gazette">'
    body = "<h1>School Gardens Return After Drought Year</h1>"
    meta = extract_metadata(_page(head=head, body=body))
    assert meta.title == "School Gardens Return After Drought Year"


def test_strip_site_suffix_separators() -> None:
    for title in (
        "Headline Words | Example News",
        "Headline Words - Example News",
        "Headline Words – Example News",
        "Headline Words » Example News",
        "Example News: Headline Words",
        "Example News | Headline Words",
        "Headline Words | example-news.com",
    ):
        assert strip_site_suffix(title, "Example News") == "Headline Words", title
    assert strip_site_suffix("Headline: A Subtitle", "Example News") == "Headline: A Subtitle"
    assert strip_site_suffix("Headline | Other", None) == "Headline | Other"


def test_display_date_in_json_ld_ranks_after_the_visible_date() -> None:
    ld = {"@type": "Article", "datePublished": "Jun 24, 2025"}
    body = "<h1>Headline Here</h1><p>August 25, 2024</p>"
    meta = extract_metadata(_page(body=body, ld=ld))
    assert meta.published == "2024-08-25"
    assert meta.sources["published"] == "date-line"
    # with no visible date the display date still serves
    assert extract_metadata(_page(ld=ld)).published == "2025-06-24"


def test_date_in_a_link_dates_another_page() -> None:
    body = '<h1>Headline Here</h1><p><a href="/older">November 20, 2025</a></p>'
    assert extract_metadata(_page(body=body)).published is None


def test_section_name_h1_is_not_the_title() -> None:
    head = "<title>Storm Closes Mountain Pass - Latest News - Example Daily</title>"
    body = "<h1>Latest News</h1><h2>Storm Closes Mountain Pass</h2>"
    assert extract_metadata(_page(head=head, body=body)).title == "Storm Closes Mountain Pass"


def test_site_logo_h1_is_not_the_title() -> None:
    head = (
        '<meta property="og:site_name" content="Budget Travel Notes">'
        '<meta property="og:title" content="Budget Traveler Guide To Insurance">'
    )
    body = "<h1>Budget Travel Notes</h1><h1>Budget Traveler’s Guide To Travel Insurance</h1>"
    meta = extract_metadata(_page(head=head, body=body))
    assert meta.title == "Budget Traveler’s Guide To Travel Insurance"


def test_user_name_yields_to_the_byline_person() -> None:
    ld = {"@type": "BlogPosting", "author": {"@type": "Person", "name": "andrew.keaveney"}}
    body = '<h1>Headline Here</h1><div class="author-info"><span>Denise Everheart</span></div>'
    assert extract_metadata(_page(body=body, ld=ld)).authors == ["Denise Everheart"]


def test_layout_classes_do_not_make_the_article_a_sidebar() -> None:
    body = (
        '<main class="offset-nav"><div class="md:[grid-area:sidebar] elementor-widget-wrap">'
        "<h1>Headline Here</h1><p>Written by</p><p>Edzel Tabing</p></div></main>"
    )
    assert extract_metadata(_page(body=body)).authors == ["Edzel Tabing"]


def test_a_byline_element_with_the_role_on_its_next_line_names_the_person_only() -> None:
    from lxml import html as lxml_html

    from cleaners.html.metadata import extract_metadata

    page = lxml_html.fromstring(
        "<html><body><h1>Council approves bridge</h1>"
        "<font><b>By Dale Henning</b><br>Courier staff writer</font>"
        "<p>The council approved the bridge on Tuesday after a long debate.</p></body></html>"
    )
    assert extract_metadata(page, None).authors == ["Dale Henning"]


def test_short_byline_candidates_equal_the_plain_xpath_on_every_html_fixture() -> None:
    from pathlib import Path

    from lxml import html as lxml_html

    from cleaners.authors import byline_rest
    from cleaners.html import metadata

    pages = sorted((Path(__file__).resolve().parent.parent / "fixtures").rglob("*.html"))
    pages_with_bylines = 0
    for page in pages:
        root = lxml_html.document_fromstring(page.read_bytes())

        def opens_with_byline(element: lxml_html.HtmlElement) -> bool:
            return byline_rest(metadata._text(element)) is not None

        plain = [e for e in root.xpath(metadata._SHORT_TEXT) if opens_with_byline(e)]
        fast = [e for e in metadata._short_text_elements(root) if opens_with_byline(e)]
        assert fast == plain, page
        pages_with_bylines += bool(plain)
    assert pages_with_bylines >= 5  # the comparison is not vacuous


def test_marked_byline_elements_equal_the_plain_scan_on_every_html_fixture() -> None:
    from pathlib import Path

    from lxml import html as lxml_html

    from cleaners.html import metadata

    v = metadata._vocabulary()

    def plain(root: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
        found = []
        for element in root.xpath("//body//*[@class or @id or @itemprop or @rel]"):
            marks = metadata._marks_of(element)
            if (
                "author" in (element.get("itemprop") or "").lower()
                or "author" in (element.get("rel") or "").lower().split()
                or (v.byline.search(marks) and not v.byline_discard.search(marks))
            ):
                found.append(element)
        return found

    pages = sorted((Path(__file__).resolve().parent.parent / "fixtures").rglob("*.html"))
    marked_pages = 0
    for page in pages:
        root = lxml_html.document_fromstring(page.read_bytes())
        expected = plain(root)
        screened = set(metadata._marked_elements(root))
        assert [e for e in expected if e in screened] == expected, page
        marked_pages += bool(expected)
    assert marked_pages >= 5  # the comparison is not vacuous


def test_written_by_label_and_value_meta_pair_names_the_author() -> None:
    head = (
        '<meta name="twitter:label1" content="Written by">'
        '<meta name="twitter:data1" content="Nawaz Dhandala">'
        '<meta name="twitter:label2" content="Est. reading time">'
        '<meta name="twitter:data2" content="4 minutes">'
    )
    assert extract_metadata(_page(head=head), None).authors == ["Nawaz Dhandala"]
    account = head.replace("Nawaz Dhandala", "admin")
    assert extract_metadata(_page(head=account), None).authors == []


def test_markup_next_to_a_json_ld_person_adds_only_full_names() -> None:
    ld = {"@type": "NewsArticle", "headline": "Bridge approved", "author": {"name": "Jane Roe"}}
    byline = (
        "<h1>Bridge approved</h1>"
        '<div class="byline"><span class="author">Jane Roe</span>'
        '<span class="author">PCWorld</span></div>'
    )
    assert extract_metadata(_page(body=byline, ld=ld), None).authors == ["Jane Roe"]
    coauthor = byline.replace("PCWorld", "John Doe")
    assert extract_metadata(_page(body=coauthor, ld=ld), None).authors == ["Jane Roe", "John Doe"]


def test_a_byline_label_with_the_name_in_its_tail_or_in_the_next_element() -> None:
    tail = "<h1>Low light houseplants</h1><div><strong>Contributors:</strong> Janet Loughrey</div>"
    assert extract_metadata(_page(body=tail), None).authors == ["Janet Loughrey"]
    link = (
        "<h1>Festival news</h1>"
        "<div><span>Contributed by</span><a href='/u/63'>Nicol Wistreich</a></div>"
    )
    assert extract_metadata(_page(body=link), None).authors == ["Nicol Wistreich"]


def test_a_utc_time_one_day_off_the_address_date_gives_the_address_day() -> None:
    # an evening story west of Greenwich: the next day in UTC, the address has the local day
    url = "https://x.example/2025/12/18/evening-notes/"
    head = '<meta property="article:published_time" content="2025-12-19T02:41:41+00:00">'
    meta = extract_metadata(_page(head=head), url)
    assert (meta.published, meta.sources["published"]) == ("2025-12-18", "url")
    # a time with its own offset is the publisher's local time: kept as written
    head = '<meta property="article:published_time" content="2025-12-19T02:41:41-05:00">'
    assert extract_metadata(_page(head=head), url).published == "2025-12-19T02:41:41-05:00"
    # two days off: the address dates something else (a draft), the metadata stands
    head = '<meta property="article:published_time" content="2025-12-20T02:41:41+00:00">'
    assert extract_metadata(_page(head=head), url).published == "2025-12-20T02:41:41+00:00"


def test_the_reading_time_next_to_the_header_date_is_no_part_of_it() -> None:
    body = (
        "<header><div><span>February 4, 2025 - 11 minutes</span></div>"
        "<h1>Headline Here</h1></header>"
    )
    meta = extract_metadata(_page(body=body))
    assert (meta.published, meta.sources["published"]) == ("2025-02-04", "date-line")
    body = "<div><h1>Headline Here</h1><p>December 18, 2025 ・ 3 min read</p></div>"
    assert extract_metadata(_page(body=body)).published == "2025-12-18"


def test_a_post_title_in_an_h2_under_the_site_name_h1_is_the_headline() -> None:
    body = (
        "<div class='top'><h1><a href='/'>Riverbank Notes</a></h1><span>March 3, 2019</span></div>"
        "<div class='post'><h2>Mending a Fence</h2><p>12 June 2024</p></div>"
    )
    head = (
        "<title>Mending a Fence | Riverbank Notes</title>"
        '<meta property="og:site_name" content="Riverbank Notes">'
    )
    meta = extract_metadata(_page(head=head, body=body))
    assert (meta.title, meta.published) == ("Mending a Fence", "2024-06-12")


def test_a_single_update_date_by_the_headline_is_the_page_date() -> None:
    body = "<div><h1>Headline Here</h1><p>Updated on October 21, 2025</p></div>"
    meta = extract_metadata(_page(body=body))
    assert (meta.published, meta.updated) == ("2025-10-21", "2025-10-21")
    # with a publication date stated elsewhere (metadata, the address), that one is
    ld = {"@type": "Article", "datePublished": "2025-07-01"}
    assert extract_metadata(_page(body=body, ld=ld)).published == "2025-07-01"
    meta = extract_metadata(_page(body=body), "https://x.example/2025/07/01/a/")
    assert (meta.published, meta.published_fallback) == (None, "2025-07-01")


def test_author_box_with_a_bio_gives_its_first_line_and_a_byline_date_is_no_name() -> None:
    bio = "Jane writes about brewing at home, the kit it needs and the kit it does not. " * 3
    body = (
        "<h1>Headline Here</h1>"
        f"<div class='post-author-box'><img src='a.jpg' alt=''><div><h4>Ines Halvorsen</h4>"
        f"<p>{bio}</p></div></div>"
    )
    assert extract_metadata(_page(body=body)).authors == ["Ines Halvorsen"]
    body = "<h1>Headline Here</h1><p class='author'>Tamsin Arkwright<br>4 August 2010</p>"
    assert extract_metadata(_page(body=body)).authors == ["Tamsin Arkwright"]
    # a bio box whose first text is a label, not a name: no author
    body = (
        "<h1>Headline Here</h1>"
        f"<div class='post-author-box'><h4>About the author</h4><p>{bio}</p></div>"
    )
    assert extract_metadata(_page(body=body)).authors == []


def test_an_author_heading_label_is_no_one_word_name() -> None:
    body = (
        "<h1>Headline Here</h1><div class='post-author'><h4 class='author-heading'>Insights"
        " from</h4><div class='author-name'>Liza Burke</div></div>"
    )
    assert extract_metadata(_page(body=body)).authors == ["Liza Burke"]


def test_a_byline_element_keeps_the_name_before_its_date_line_not_what_follows() -> None:
    body = (
        "<h1>Headline Here</h1><div class='byline'>By Richard Lam (AP)<br>"
        "Published: 2008-01-09 02:55:03<br>Location: VANCOUVER, British Columbia</div>"
    )
    assert extract_metadata(_page(body=body)).authors == ["Richard Lam"]


def test_a_one_word_handle_after_a_byline_word_stays_an_author() -> None:
    body = (
        "<h1>Headline Here</h1><div class='story-byline'>Posted by<br>BeauHD<br>"
        "on Friday December 19, 2025 @08:00PM</div>"
    )
    assert extract_metadata(_page(body=body)).authors == ["BeauHD"]


def test_title_wrapped_in_unknown_site_chrome_yields_to_the_shown_part() -> None:
    # no og:site_name: the site's name cannot be cut by name, but the page prints the
    # headline alone in a bold cell, and the title's remainder is chrome around it
    head = "<title>Harbour Ferry Fares Rise Again (from The Coastal Gazette)</title>"
    body = "<table><tr><td><b>Harbour ferry fares rise again</b></td></tr></table>"
    assert extract_metadata(_page(head=head, body=body)).title == "Harbour ferry fares rise again"


def test_title_glued_to_site_chrome_without_a_separator_yields_to_the_shown_part() -> None:
    head = "<title>Harbour ferry fares rise again_English_Gazette</title>"
    body = '<div class="story"><span>Harbour ferry fares rise again</span></div>'
    assert extract_metadata(_page(head=head, body=body)).title == "Harbour ferry fares rise again"


def test_a_short_shown_part_of_the_title_is_not_the_headline() -> None:
    # a section label or a name printed on the page is a part of the title, not its headline
    head = "<title>Harbour Ferry Fares Rise Again As Fuel Costs Climb For Island Commuters</title>"
    body = "<nav><span>Island Commuters</span></nav><h2>Ferry fares rise</h2>"
    meta = extract_metadata(_page(head=head, body=body))
    assert meta.title == "Harbour Ferry Fares Rise Again As Fuel Costs Climb For Island Commuters"


def test_a_title_printed_whole_keeps_it_over_a_kicker_that_is_part_of_it() -> None:
    head = "<title>Consumer Watch: Moving company under state investigation</title>"
    body = "<span>CONSUMER WATCH</span><p><b>Moving company under state investigation</b></p>"
    body += "<h1>Consumer Watch: Moving company under state investigation</h1>"
    meta = extract_metadata(_page(head=head, body=body))
    assert meta.title == "Consumer Watch: Moving company under state investigation"


def test_a_printed_publication_day_before_the_metadata_date_is_the_publication() -> None:
    # a JSON-LD stamp written when the page was last built, later than the printed date
    ld = {"@type": "BlogPosting", "datePublished": "2025-11-20T16:02:46Z"}
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    body = '<div class="hero"><h1>Headline Here</h1><p class="meta">May 14, 2025</p></div>'
    meta = extract_metadata(_page(head=head, body=body))
    assert (meta.published, meta.sources["published"]) == ("2025-05-14", "date-line")
    # a printed date after the metadata one is an update shown as the date: metadata stands
    body = '<div class="hero"><h1>Headline Here</h1><p class="meta">Dec 1, 2025</p></div>'
    assert extract_metadata(_page(head=head, body=body)).published == "2025-11-20T16:02:46+00:00"


def test_an_earlier_printed_day_that_is_a_time_zone_or_one_of_several_dates_is_not_taken() -> None:
    # 00:04 UTC is the previous evening west of Greenwich: the same moment as the printed day
    head = '<meta property="article:published_time" content="2025-07-05T00:04:00+00:00">'
    body = "<div><h1>Headline Here</h1><time>July 4, 2025</time></div>"
    assert extract_metadata(_page(head=head, body=body)).published == "2025-07-05T00:04:00+00:00"
    # a header listing other stories' bylines prints several days: none of them is this page's
    head = '<meta property="article:published_time" content="2025-12-17T18:00:52+00:00">'
    body = (
        "<div><h1>Headline Here</h1><span>By Ann Lee on Jun 10, 2013</span>"
        "<span>By Bo Park on Oct 10, 2012</span></div>"
    )
    assert extract_metadata(_page(head=head, body=body)).published == "2025-12-17T18:00:52+00:00"


def test_microformat_date_classes_give_the_dates_outside_the_header() -> None:
    # hAtom as WordPress themes print it, in a column beside the headline's header
    body = (
        "<div class='layout'><div class='col'><h1>Headline Here</h1></div>"
        "<div class='col'><div><div><div><div>"
        "<time class='entry-date published' datetime='2024-04-02T10:20:00+00:00'>April 2</time>"
        "<time class='updated' datetime='2024-04-04T13:09:19+00:00'>April 4</time>"
        "</div></div></div></div></div></div>"
        "<aside class='related'><time class='published' datetime='2021-01-01'>x</time></aside>"
    )
    meta = extract_metadata(_page(body=body))
    assert (meta.published, meta.updated, meta.sources["published"]) == (
        "2024-04-02T10:20:00+00:00",
        "2024-04-04T13:09:19+00:00",
        "markup",
    )
    # a related card's hAtom date alone is not the page's
    body = "<h1>Headline Here</h1><div class='related'><abbr class='published' title='2021-01-01'>"
    assert extract_metadata(_page(body=body + "x</abbr></div>")).published is None
    # a lone `updated` class is a site-wide status bar, not the entry's update
    bar = "<div class='updated'>UPDATED: 9:17 a.m. CT, January 15, 2008</div>"
    body = bar + "<article><div><div><div><div><h1>Headline Here</h1></div></div></div></div>"
    assert extract_metadata(_page(body=body + "</article>")).updated is None
    # microformats2, the date as text
    body = "<h1>Headline Here</h1><p>Posted <span class='dt-published'>3 May 2023</span></p>"
    assert extract_metadata(_page(body=body)).published == "2023-05-03"


def test_a_numeric_date_whose_day_and_month_could_be_either_is_read_as_the_page_means() -> None:
    body = "<div><h1>Headline Here</h1><p><span>03/10/2023</span> by Wine Desk</p></div>"
    # the address's date decides ("/2023/october/03/")
    url = "https://wine.example/blog/2023/october/03/styles/"
    assert extract_metadata(_page(body=body), url).published == "2023-10-03"
    # else the locale: en-GB writes the day first, en-US the month first
    head = '<meta property="og:locale" content="en_GB">'
    assert extract_metadata(_page(head=head, body=body)).published == "2023-10-03"
    head = '<meta property="og:locale" content="en_US">'
    assert extract_metadata(_page(head=head, body=body)).published == "2023-03-10"
    # plain "en" says nothing: as written in the US
    assert extract_metadata(_page(body=body)).published == "2023-03-10"
    # the same day in machine form elsewhere on the page (a card linking this post)
    body = (
        "<div><h1>Headline Here</h1><time datetime='02-12-2025'>02-12-2025</time></div>"
        "<ul><li><a href='/this-post'>Headline Here</a>"
        " <time datetime='2025-12-02'>x</time></li></ul>"
    )
    assert extract_metadata(_page(body=body)).published == "2025-12-02"


def test_a_statement_of_the_first_publication_dates_a_page_with_no_other_date() -> None:
    note = (
        "<p class='disclaimer'>This story was originally published on {} but has been updated.</p>"
    )
    meta = extract_metadata(
        _page(body="<h1>Headline Here</h1>" + note.format("26 Sep 2019 at 4:12pm"))
    )
    assert (meta.published, meta.sources["published"]) == ("2019-09-26T16:12:00", "statement")
    # with no date after the label, or in a comment, it states nothing
    assert extract_metadata(_page(body=note.format("Medium"))).published is None
    comment = f"<div class='comments'>{note.format('3 May 2020')}</div>"
    assert extract_metadata(_page(body=comment)).published is None
    # a page stating its date in its metadata keeps it
    head = '<meta property="article:published_time" content="2024-01-05">'
    assert (
        extract_metadata(_page(head=head, body=note.format("3 May 2020"))).published == "2024-01-05"
    )


def test_year_and_month_alone_give_no_fallback_day() -> None:
    """htmldate completes "2007/12" with today's day of the month: the same page would be
    dated differently on each day it is cleaned. No day is stated, so there is no date."""
    body = '<h1>Headline Here</h1><span class="ArticleDate">2007/12</span>'
    meta = extract_metadata(_page(body=body))
    assert (meta.published, meta.published_fallback) == (None, None)


def test_stated_day_that_is_todays_day_of_the_month_stays() -> None:
    """A page that prints its full date keeps it when the day of the month is today's (the
    case the year-and-month test must tell apart from htmldate's completion)."""
    day = datetime.now().day  # December has every day of the month
    footer = f"<footer><div><p>Archive</p><p>2007/12/{day:02d}</p></div></footer>"
    page = f"<html><body><header><h1>Headline Here</h1></header>{BODY}{footer}</body></html>"
    meta = extract_metadata(lxml_html.fromstring(page))
    assert (meta.published, meta.published_fallback) == (None, f"2007-12-{day:02d}")


def _scholarly_page(*metas: tuple[str, str]) -> lxml_html.HtmlElement:
    tags = "".join(f'<meta name="{k}" content="{v}">' for k, v in metas)
    return lxml_html.fromstring(f"<html><head>{tags}</head><body><p>Text.</p></body></html>")


def test_scholarly_authors_all_tags_given_names_first() -> None:
    root = _scholarly_page(
        ("DC.Creator", "Ana Lima"),
        ("citation_author", "Lima, Ana"),
        ("citation_author", "van der Berg, Piet"),
        ("citation_author", "Okoro, C. N."),
    )
    assert extract_metadata(root).authors == ["Ana Lima", "Piet van der Berg", "C. N. Okoro"]


def test_scholarly_author_two_full_names_or_credentials_not_inverted() -> None:
    # "Jane Roe, John Doe" names two people; "Jane Roe, PhD" one with a credential
    root = _scholarly_page(("citation_author", "Jane Roe, John Doe"))
    assert extract_metadata(root).authors == ["Jane Roe", "John Doe"]
    root = _scholarly_page(("citation_author", "Jane Roe, PhD"))
    assert extract_metadata(root).authors == ["Jane Roe"]


def _tab_title_page(title: str, printed: list[str]) -> lxml_html.HtmlElement:
    blocks = "".join(f"<div><b>{p}</b></div>" for p in printed)
    story = "<p>" + "The story's words run on here. " * 12 + "</p>"
    return lxml_html.fromstring(
        f"<html><head><title>{title}</title></head><body>{blocks}{story}</body></html>"
    )


def test_shown_short_title_part_after_separator() -> None:
    # "Site: Section | Headline": the printed last part is short of 40% of the title's
    # words, and the only part printed
    title = "Lakeside, The Evening Courier: Sports | Rowers take title"
    data = extract_metadata(_tab_title_page(title, ["Rowers take title"]))
    assert data.title == "Rowers take title"
    assert data.sources["title"] == "markup"


def test_shown_short_title_parts_two_printed_keep_title() -> None:
    # the site's name of three words is printed too: which end is the headline is unknown
    title = "Lakeside Evening Courier: Sports | Rowers take title"
    printed = ["Lakeside Evening Courier", "Rowers take title"]
    assert extract_metadata(_tab_title_page(title, printed)).title == title


def test_strip_host_parts() -> None:
    from cleaners.html.metadata import strip_host_parts

    url = "https://www.newsobserver.com/1608/story/1.html"
    title = "News & Observer | newsobserver.com | Players to be evaluated"
    assert strip_host_parts(title, url) == "Players to be evaluated"
    bridgestone = "https://tires.bridgestone.com/en-us/learn/checklist"
    assert strip_host_parts("Car Checklist | Bridgestone Tires", bridgestone) == "Car Checklist"
    # a headline is left whole, even one word of which is the host's
    assert strip_host_parts("Vanguard cuts fund fees", "https://investor.vanguard.com/x") == (
        "Vanguard cuts fund fees"
    )
    assert strip_host_parts("Vanguard", "https://investor.vanguard.com/x") == "Vanguard"
    assert strip_host_parts("Headline | Site", None) == "Headline | Site"
