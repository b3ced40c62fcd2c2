"""HTML pages in the wild (issue 12): old table layouts, articles shipped hidden, class words
on the article's own box, scripts without spaces, and the vote with a second extractor.

Every wording is new: a story about a ferry line in the Gulf, with debris of each kind."""

from __future__ import annotations

import json

from lxml import etree
from lxml import html as lxml_html

from cleaners import clean_html
from cleaners.blocks import Block, Page
from cleaners.html.page import HtmlPage
from cleaners.html.vote import ExtractorVoteRule, SecondOpinion

TITLE = "New ferry line links Dammam and Manama"
BODY = (
    "A new passenger ferry line between Dammam and Manama starts sailing next month, the "
    "operator said on Monday, cutting the crossing to under two hours.",
    "Two catamarans built in Australia will run four return trips a day, each carrying up to "
    "three hundred passengers and forty cars on the lower deck.",
    "Port officials said the terminal in Dammam had been rebuilt with separate halls for "
    "travellers with cars and for those on foot, and new customs lanes.",
    "The operator expects about half a million passengers in the first year and plans a third "
    "vessel if demand holds through the summer season.",
)
MENU = ("Home", "Local", "Gulf", "World", "Business", "Sports", "Weather", "Classifieds")


def _page(body: str, head: str = "") -> bytes:
    return f"<html><head><title>{TITLE}</title>{head}</head><body>{body}</body></html>".encode()


def _paragraphs(*texts: str) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


def _menu() -> str:
    return "".join(f'<a href="/{m.lower()}">{m}</a><br>' for m in MENU)


def test_article_in_a_table_layout_row_is_found() -> None:
    """A whole page in one table row (menu cell, article cell with nested tables): the row is a
    container of blocks, not one row of data, so the article's paragraphs are found."""
    article_cell = (
        f"<table><tr><td><h1>{TITLE}</h1></td></tr><tr><td>{_paragraphs(*BODY)}</td></tr></table>"
    )
    page = _page(f"<table><tr><td>{_menu()}</td><td>{article_cell}</td></tr></table>")
    article = clean_html(page)
    assert article.status == "ok"
    assert article.text == "\n\n".join(BODY)


def test_table_straight_in_a_row_is_read() -> None:
    """Malformed layouts put a table straight in a row (no cell): its text is not lost."""
    page = _page(
        f"<table><tr><table><tr><td><h1>{TITLE}</h1>{_paragraphs(*BODY)}</td></tr></table>"
        "</tr></table>"
    )
    article = clean_html(page)
    assert article.text == "\n\n".join(BODY)


def test_data_table_rows_stay_one_block_per_row() -> None:
    table = (
        "<table><tr><th>Route</th><th>Trips a day</th></tr>"
        "<tr><td>Dammam to Manama</td><td>4</td></tr></table>"
    )
    article = clean_html(_page(f"<article><h1>{TITLE}</h1>{_paragraphs(*BODY)}{table}</article>"))
    assert article.text.endswith("Route | Trips a day\n\nDammam to Manama | 4")


def _state_blob(size: int) -> str:
    """An inline JSON state blob of about `size` characters (as server-rendered apps ship)."""
    items = [{"id": i, "slug": f"story-{i}", "teaser": "x" * 40} for i in range(size // 70)]
    return f'<script type="application/json">{json.dumps({"items": items})}</script>'


def test_streamed_chunk_holding_the_article_is_kept() -> None:
    """A streamed server-rendered chunk (`<div hidden id="S:0">`) is moved into place by a
    script: its article is the page's article."""
    chunk = f'<div hidden id="S:0"><article><h1>{TITLE}</h1>{_paragraphs(*BODY)}</article></div>'
    page = _page(f'<nav>{_menu()}</nav><div id="B:0"></div>{chunk}{_state_blob(20_000)}')
    assert clean_html(page).text == "\n\n".join(BODY)


def test_hidden_body_share_is_measured_without_scripts() -> None:
    """A subscriber body shipped hidden holds most of the page's visible text, though inline
    JSON makes up most of its characters: it is the article, not furniture."""
    hidden = f'<div class="body" style="display:none">{_paragraphs(*BODY)}</div>'
    page = _page(f"<nav>{_menu()}</nav><main><h1>{TITLE}</h1>{hidden}</main>{_state_blob(20_000)}")
    assert clean_html(page).text == "\n\n".join(BODY)


def test_small_hidden_box_still_goes_beside_a_big_state_blob() -> None:
    hidden = "<div hidden><p>Sign in to your account to keep reading saved stories.</p></div>"
    page = _page(f"<article><h1>{TITLE}</h1>{_paragraphs(*BODY)}{hidden}</article>")
    assert "Sign in" not in clean_html(page).text


def test_class_word_on_the_article_box_does_not_remove_the_article() -> None:
    """A CMS class word ('post-paywall', 'promoted') on the box holding the body is no sign of
    debris: its subheading and short paragraphs stay."""
    inner = (
        _paragraphs(*BODY[:2])
        + "<h2>Fares and timetable</h2>"
        + "<p>Tickets go on sale on Sunday.</p>"
        + _paragraphs(*BODY[2:])
    )
    for marks in ("article-body post-paywall", "story promoted-content"):
        page = _page(f'<article><h1>{TITLE}</h1><div class="{marks}">{inner}</div></article>')
        article = clean_html(page)
        assert "Fares and timetable" in article.text, marks
        assert "Tickets go on sale on Sunday." in article.text, marks


def test_class_word_on_a_small_box_still_acts() -> None:
    box = '<div class="promoted"><p>Book a weekend in Bahrain</p></div>'
    page = _page(f"<article><h1>{TITLE}</h1>{_paragraphs(*BODY[:2])}{box}{_paragraphs(*BODY[2:])}")
    article = clean_html(page)
    assert article.text == "\n\n".join(BODY)
    assert [r.reason for r in article.removed if "Bahrain" in r.text] == ["advertisement"]


JAPANESE = (
    "ダンマームとマナーマを結ぶ新しいフェリー航路が来月就航すると、運航会社が月曜日に発表した。",
    "オーストラリアで建造された双胴船二隻が一日四往復し、それぞれ最大三百人の乗客と四十台の車を運ぶ。",
    "港湾当局によると、ダンマームのターミナルは車で移動する旅行者と徒歩の旅行者のために改装された。",
)
THAI = (
    "เรือเฟอร์รีสายใหม่ระหว่างดัมมามและมานามาจะเริ่มให้บริการในเดือนหน้า ผู้ประกอบการกล่าวเมื่อวันจันทร์",
    "เรือสองลำที่สร้างในออสเตรเลียจะวิ่งวันละสี่เที่ยว แต่ละลำรับผู้โดยสารได้สามร้อยคนและรถยนต์สี่สิบคัน",
    "เจ้าหน้าที่ท่าเรือกล่าวว่าอาคารผู้โดยสารได้รับการปรับปรุงใหม่ทั้งหมดพร้อมช่องศุลกากรใหม่",
)


def test_japanese_article_is_not_rejected_empty() -> None:
    """Han and kana are counted in word-sized units: three paragraphs are an article."""
    page = _page(f"<article><h1>{TITLE}</h1>{_paragraphs(*JAPANESE)}</article>")
    article = clean_html(page)
    assert article.status == "ok"
    assert article.text == "\n\n".join(JAPANESE)


def test_thai_article_is_not_rejected_empty() -> None:
    page = _page(f"<article><h1>{TITLE}</h1>{_paragraphs(*THAI)}</article>")
    article = clean_html(page)
    assert article.status == "ok"
    assert article.text == "\n\n".join(THAI)


# --- the vote with readability ---


def _vote_page(texts: list[str], answer: list[str]) -> Page:
    page = HtmlPage(
        blocks=[Block(index=i, text=t, tag="p") for i, t in enumerate(texts)], source="<test>"
    )
    page.second_opinion = SecondOpinion(lambda: answer)
    return page


def test_vote_removes_what_readability_leaves_out() -> None:
    headlines = ["Oil prices climb", "Port strike ends", "New airline hub"]
    page = _vote_page([*BODY, *headlines], list(BODY))
    ExtractorVoteRule().apply(page)
    assert [b.text for b in page.body()] == list(BODY)
    assert {b.removal.reason for b in page.blocks if b.removal} == {"off_main_content"}


def test_vote_is_not_held_on_a_record_of_sentences() -> None:
    asked: list[bool] = []

    def answer() -> list[str]:
        asked.append(True)
        return list(BODY[:1])

    page = HtmlPage(
        blocks=[Block(index=i, text=t, tag="p") for i, t in enumerate(BODY)], source="<test>"
    )
    page.second_opinion = SecondOpinion(answer)
    ExtractorVoteRule().apply(page)
    assert [b.text for b in page.body()] == list(BODY)
    assert not asked  # readability never ran


def test_vote_is_lost_by_an_answer_about_something_else() -> None:
    """readability holding under half of the record found another text: the record stays."""
    headlines = ["Oil prices climb", "Port strike ends", "New airline hub"]
    page = _vote_page([*BODY, *headlines], ["An unrelated text about the weather tomorrow."])
    ExtractorVoteRule().apply(page)
    assert len(page.body()) == len(BODY) + len(headlines)


def test_vote_is_won_by_an_answer_holding_the_record_s_sentences() -> None:
    """A short article inside a whole page of menus and dated headline lists that trafilatura
    kept: the debris outweighs the article, but readability's answer holds every sentence of
    the record, so it found the same article and the lists go."""
    headlines = [f"{day} days ago | {h}" for day in range(1, 9) for h in MENU[:4]]
    page = _vote_page([*MENU, *BODY, *headlines], list(BODY))
    ExtractorVoteRule().apply(page)
    assert [b.text for b in page.body()] == list(BODY)
    removed = [(b.text, b.removal.reason) for b in page.blocks if b.removal]
    assert removed == [(t, "off_main_content") for t in [*MENU, *headlines]]


def test_vote_on_sentences_needs_the_record_s_prose() -> None:
    """An answer holding only part of the record's sentences (and little of its text) still
    loses: readability may have found one paragraph of a longer article."""
    headlines = [f"{day} days ago | {h}" for day in range(1, 9) for h in MENU[:4]]
    page = _vote_page([*MENU, *BODY, *headlines], list(BODY[:2]))
    ExtractorVoteRule().apply(page)
    assert len(page.body()) == len(MENU) + len(BODY) + len(headlines)


# --- body paragraphs whose last words look like a credit ---


def test_long_body_paragraph_ending_in_an_agency_stays() -> None:
    """A wire paragraph closing with '(Additional reporting by …)' is body on an HTML page:
    trafilatura kept it and no caption markup holds it."""
    closing = (
        "Port officials said the new customs lanes would open in stages over the spring, and "
        "that travellers should allow an extra hour at the terminal during the first weeks of "
        "service. (Additional reporting by Sara Haddad; Reuters)"
    )
    caption = "The new catamaran in Dammam harbour on Monday. (Reuters)"
    page = _page(
        f"<article><h1>{TITLE}</h1>{_paragraphs(*BODY)}<p>{closing}</p>"
        f"<figure><img src='f.jpg'><figcaption>{caption}</figcaption></figure></article>"
    )
    article = clean_html(page)
    assert article.text == "\n\n".join((*BODY, closing))
    assert [(r.reason, r.text) for r in article.removed] == [("caption", caption)]


def test_short_credit_line_in_the_body_still_goes() -> None:
    credit = "Photo: Reuters"
    page = _page(f"<article><h1>{TITLE}</h1>{_paragraphs(*BODY[:2], credit, *BODY[2:])}</article>")
    article = clean_html(page)
    assert article.text == "\n\n".join(BODY)
    assert [(r.reason, r.text) for r in article.removed] == [("caption", credit)]


def _body_box() -> tuple[lxml_html.HtmlElement, list[Block], dict, dict]:
    """The body's paragraphs in one box: (box, blocks, container by block, link shares)."""
    box = lxml_html.fromstring("<div class='entry'></div>")
    blocks: list[Block] = []
    container: dict = {}
    for text in BODY:
        etree.SubElement(box, "p")
        container[len(blocks)] = box
        blocks.append(Block(index=len(blocks), text=text, tag="p"))
    return box, blocks, container, {}


def _list_page(lists: list[tuple[list[str], float]]) -> HtmlPage:
    """The body's paragraphs, then lists, all in one box; each list's items with a link share."""
    box, blocks, container, shares = _body_box()
    for items, share in lists:
        element = etree.SubElement(box, "ul")
        for text in items:
            container[len(blocks)] = element
            shares[len(blocks)] = share
            blocks.append(Block(index=len(blocks), text=text, tag="li"))
    page = HtmlPage(blocks=blocks, source="<test>", container=container, link_share=shares)
    page.second_opinion = SecondOpinion(lambda: list(BODY))
    return page


def test_vote_keeps_a_short_plain_list_in_the_body_box() -> None:
    """readability drops a <ul> of under 25 characters: its silence is no vote against it."""
    supplies = ["Rope", "Life vests", "Flares"]
    page = _list_page([(supplies, 0.0)])
    ExtractorVoteRule().apply(page)
    assert [b.text for b in page.body()] == [*BODY, *supplies]


def _nested_list_page(steps: list[tuple[str, list[str]]], answer: list[str]) -> HtmlPage:
    """The body's paragraphs in one box, then a list whose items hold a paragraph (the step)
    and a nested list (its details); readability's answer is `answer`."""
    box = lxml_html.fromstring("<div class='entry'></div>")
    blocks, container = [], {}

    def add(text: str, tag: str, card: lxml_html.HtmlElement) -> None:
        container[len(blocks)] = card
        blocks.append(Block(index=len(blocks), text=text, tag=tag))

    for text in BODY:
        etree.SubElement(box, "p")
        add(text, "p", box)
    outer = etree.SubElement(box, "ol")
    for step, details in steps:
        item = etree.SubElement(outer, "li")
        etree.SubElement(item, "p")
        add(step, "p", item)
        inner = etree.SubElement(item, "ul")
        for detail in details:
            etree.SubElement(inner, "li")
            add(detail, "li", inner)
    page = HtmlPage(blocks=blocks, source="<test>", container=container)
    page.second_opinion = SecondOpinion(lambda: answer)
    return page


STEPS = [
    ("Paso uno: revise el chaleco salvavidas antes de subir al barco.", ["Talla", "Hebillas"]),
    ("Paso dos: guarde el equipaje bajo el asiento que le indiquen.", ["Mochila", "Maleta"]),
    ("Paso tres: siga las luces del pasillo hasta la salida más cercana.", ["Proa", "Popa"]),
]


def test_vote_keeps_every_item_of_a_list_readability_kept_in_part() -> None:
    """readability keeps the body and the first step, drops the other steps (paragraphs
    inside list items) and the nested detail lists: the list sits in the body box, so its
    items stay, nested ones included."""
    page = _nested_list_page(STEPS, [*BODY, STEPS[0][0]])
    ExtractorVoteRule().apply(page)
    expected = [*BODY, *(t for step, details in STEPS for t in (step, *details))]
    assert [b.text for b in page.body()] == expected


def test_vote_removes_a_list_outside_the_body_box() -> None:
    """The same list in a sidebar box of its own is not the article's."""
    page = _nested_list_page(STEPS, list(BODY))
    sidebar = lxml_html.fromstring("<aside><div class='toc'></div></aside>")
    first_item = len(BODY)
    outer = page.container[first_item].getparent()  # the <ol>
    sidebar[0].append(outer)  # the <ol> moves out of the body box
    ExtractorVoteRule().apply(page)
    assert [b.text for b in page.body()] == list(BODY)
    assert {b.removal.reason for b in page.blocks if b.removal} == {"off_main_content"}


def test_vote_still_removes_a_list_of_links_in_the_body_box() -> None:
    supplies = ["Rope", "Life vests", "Flares"]
    headlines = ["Oil prices climb", "Port strike ends", "New airline hub"]
    page = _list_page([(supplies, 0.0), (headlines, 1.0)])
    ExtractorVoteRule().apply(page)
    assert [b.text for b in page.body()] == [*BODY, *supplies]
    assert [(b.text, b.removal.reason) for b in page.blocks if b.removal] == [
        (h, "off_main_content") for h in headlines
    ]


def _card_lists_page(cards: list[list[str]], share: float) -> HtmlPage:
    """The body's paragraphs in one box, then one card per product, each with a list of
    the same class deeper down (card > div > ul.features); readability's answer holds the
    paragraphs and the first card's items only; each item has link share `share`."""
    box, blocks, container, shares = _body_box()
    for items in cards:
        card = etree.SubElement(etree.SubElement(box, "div", {"class": "card"}), "div")
        element = etree.SubElement(card, "ul", {"class": "features"})
        for text in items:
            etree.SubElement(element, "li")
            container[len(blocks)] = element
            shares[len(blocks)] = share
            blocks.append(Block(index=len(blocks), text=text, tag="li"))
    page = HtmlPage(blocks=blocks, source="<test>", container=container, link_share=shares)
    page.second_opinion = SecondOpinion(lambda: [*BODY, *cards[0]])
    return page


CARDS = [
    ["Two decks for cars", "Cabins with bunks", "Café on the upper deck"],
    ["Foot passengers only", "Bicycles carried free", "Open-air seating"],
]


def test_vote_keeps_the_items_of_lists_of_the_kind_readability_kept() -> None:
    """readability keeps the feature list of one product card and drops the next card's:
    a list of the same kind (tag and class) is the article's too, though it sits deeper
    than the body box."""
    page = _card_lists_page(CARDS, 0.0)
    ExtractorVoteRule().apply(page)
    assert [b.text for b in page.body()] == [*BODY, *CARDS[0], *CARDS[1]]


def test_vote_still_removes_links_in_lists_of_the_kind_readability_kept() -> None:
    page = _card_lists_page(CARDS, 1.0)
    ExtractorVoteRule().apply(page)
    assert [b.text for b in page.body()] == [*BODY, *CARDS[0]]
    assert [(b.text, b.removal.reason) for b in page.blocks if b.removal] == [
        (t, "off_main_content") for t in CARDS[1]
    ]


def _body_table_page(rows: list[str], wrappers: str, nested: bool = False) -> HtmlPage:
    """The body's paragraphs in one box, then a table of `rows` (one block per row, cells
    joined by " | ") inside the `wrappers` (space-separated tags, outermost first), or in a
    one-cell layout table when `wrappers` is "td"; readability's answer is the
    paragraphs alone."""
    box = lxml_html.fromstring("<div class='entry'></div>")
    blocks, container = [], {}
    for text in BODY:
        etree.SubElement(box, "p")
        container[len(blocks)] = box
        blocks.append(Block(index=len(blocks), text=text, tag="p"))
    holder = box
    if wrappers == "td":
        # a one-cell layout table in the body box: its cell is no wrapper of the data table
        holder = etree.SubElement(etree.SubElement(etree.SubElement(box, "table"), "tr"), "td")
    else:
        for tag in wrappers.split():
            holder = etree.SubElement(holder, tag)
    tbody = etree.SubElement(etree.SubElement(holder, "table"), "tbody")
    if nested:
        etree.SubElement(etree.SubElement(etree.SubElement(tbody, "tr"), "td"), "table")
    for text in rows:
        etree.SubElement(tbody, "tr")
        container[len(blocks)] = tbody
        blocks.append(Block(index=len(blocks), text=text, tag="tr"))
    page = HtmlPage(blocks=blocks, source="<test>", container=container)
    page.second_opinion = SecondOpinion(lambda: list(BODY))
    return page


FARES = [
    "Ticket | Foot passenger | With car",
    "Single | 120 SAR | 310 SAR",
    "Return | 210 SAR | 560 SAR",
]


def test_vote_keeps_a_data_table_among_the_body_s_paragraphs() -> None:
    """readability drops a table of short cells (a scrolling box's class counts against it):
    the rows of a data table sitting in the body box, through wrappers holding only the
    table, are the article's."""
    for wrappers in ("", "div", "figure div"):
        page = _body_table_page(FARES, wrappers)
        ExtractorVoteRule().apply(page)
        assert [b.text for b in page.body()] == [*BODY, *FARES], wrappers


def test_vote_still_removes_tables_that_are_no_data_table_of_the_body() -> None:
    """One-cell rows (a layout's headline box), a table holding a table (a layout), and a
    data table in a layout table's cell are not the body's data table."""
    headlines = ["Oil prices climb", "Port strike ends", "New airline hub"]
    for rows, wrappers, nested in (
        (headlines, "div", False),
        (FARES, "div", True),
        (FARES, "td", False),
    ):
        page = _body_table_page(rows, wrappers, nested)
        ExtractorVoteRule().apply(page)
        assert [b.text for b in page.body()] == list(BODY)
        assert [(b.text, b.removal.reason) for b in page.blocks if b.removal] == [
            (r, "off_main_content") for r in rows
        ]


# --- a table of contents (a list of links that jump within the page) ---

SECTIONS = (("route", "The route"), ("fares", "Fares and tickets"), ("vessels", "The vessels"))


def _contents_page(contents: str) -> bytes:
    sections = "".join(
        f"<h2 id='{anchor}'>{heading}</h2><p>{BODY[i]}</p>"
        for i, (anchor, heading) in enumerate(SECTIONS)
    )
    return _page(f"<article><h1>{TITLE}</h1>{contents}<p>{BODY[3]}</p>{sections}</article>")


def test_table_of_contents_goes_as_navigation() -> None:
    """Its entries repeat the subheadings; the markup (links to #anchors) names it. The
    subheadings themselves stay (the entries go before the duplicate rule runs)."""
    items = "".join(f"<li><a href='#{a}'>{h}</a></li>" for a, h in SECTIONS)
    article = clean_html(_contents_page(f"<div class='toc'><ul>{items}</ul></div>"))
    kept = [BODY[3], *(text for i, (_, h) in enumerate(SECTIONS) for text in (h, BODY[i]))]
    assert article.text == "\n\n".join(kept)
    assert [(r.reason, r.rule, r.text) for r in article.removed] == [
        ("navigation", "markup_contents", h) for _, h in SECTIONS
    ]


def test_list_of_links_to_other_pages_is_no_table_of_contents() -> None:
    items = "".join(f"<li><a href='/ferries/{a}'>{h}</a></li>" for a, h in SECTIONS)
    article = clean_html(_contents_page(f"<ul>{items}</ul>"))
    assert all(r.rule != "markup_contents" for r in article.removed)


# --- rows of a data table whose cells end in a bracketed note ---

ROWS = (
    ("Crossing time on a calm day", "1 h 50 min (Port Authority)"),
    ("Passengers carried on each trip", "300 at most (Summer Timetable)"),
    ("Cars carried on the lower deck", "40 at most (Winter Timetable)"),
)


def _table_page(header: str) -> bytes:
    rows = "".join(f"<tr><td>{a}</td><td>{b}</td></tr>" for a, b in ROWS)
    table = f"<table>{header}<tbody>{rows}</tbody></table>"
    return _page(
        f"<article><h1>{TITLE}</h1>{_paragraphs(*BODY[:2])}{table}"
        f"{_paragraphs(*BODY[2:])}</article>"
    )


def test_rows_of_a_data_table_are_no_captions() -> None:
    """A table with header cells holds data: a row ending in a bracketed note stays."""
    article = clean_html(_table_page("<thead><tr><th>Ferry</th><th>Figures</th></tr></thead>"))
    for name, value in ROWS:
        assert f"{name} | {value}" in article.text
    assert all(r.rule != "caption_credit" for r in article.removed)


def test_rows_of_a_table_without_header_cells_stay_the_caption_rule_s() -> None:
    """Old pages lay out photos and captions in header-less tables: the rule still judges."""
    guarded = clean_html(_table_page("<thead><tr><th>Ferry</th><th>Figures</th></tr></thead>"))
    plain = clean_html(_table_page(""))
    taken = [r.text for r in plain.removed if r.rule == "caption_credit"]
    assert taken  # the same rows, without a header, are the caption rule's to take
    assert all(t in guarded.text for t in taken)


def test_header_row_of_a_data_table_is_no_teaser() -> None:
    """A header row's cells are joined with " | ", the teaser's separator: "Watch | Figures"
    names columns and stays, while a "Watch: <headline>" line still goes."""
    for word in ("Watch", "Analysis", "Related"):
        article = clean_html(
            _table_page(f"<thead><tr><th>{word}</th><th>Figures</th></tr></thead>")
        )
        assert f"{word} | Figures" in article.text
        assert all(r.rule != "teaser_prefix" for r in article.removed)
    teaser = "Watch: Ferry crews rehearse an evacuation at sea"
    article = clean_html(_page(f"<article><h1>{TITLE}</h1>{_paragraphs(*BODY, teaser)}</article>"))
    assert [(r.rule, r.reason, r.text) for r in article.removed] == [
        ("teaser_prefix", "related_teaser", teaser)
    ]


# A standfirst between the headline and the body box, marked by the newsroom term of the
# page's language (markup.toml `[standfirst]`), in whatever case and separator style.
_STANDFIRST_PAGES = {
    "fr": (
        "chapo",
        "Le potager de printemps",
        "Semis, plantations et arrosage : tout ce qu'il "
        "faut savoir pour réussir son potager dès le mois de mars.",
        "Les jardiniers amateurs redécouvrent le potager familial, et les communes ouvrent "
        "des parcelles partagées dans presque tous les quartiers de la ville. ",
    ),
    "cs": (
        "article__perex",
        "Nová lávka přes řeku",
        "Stavba spojí dvě čtvrti a zkrátí cestu do školy stovkám dětí, slibuje radnice.",
        "Radnice schválila stavbu nové lávky pro pěší a cyklisty, která povede přes řeku "
        "mezi sídlištěm a starým městem a nahradí dnešní přívoz. ",
    ),
    "no": (
        "articleIngress",
        "Ny ferjerute til øyene",
        "Fra neste sommer går ferja hver time, også i helgene, lover fylkeskommunen.",
        "Fylkeskommunen har vedtatt en ny rute for ferja til øyene, med avganger hver time "
        "fra tidlig morgen til sent på kvelden hele året. ",
    ),
}


def _standfirst_page(lang: str, mark: str, title: str, standfirst: str, sentence: str) -> str:
    body = "".join(f"<p>{sentence * 3}</p>" for _ in range(3))
    return (
        f'<html lang="{lang}"><head><title>{title} | Lokal</title></head><body>'
        '<header><nav><a href="/">Start</a> <a href="/a">A</a></nav></header>'
        f'<main><article><h1>{title}</h1><p class="{mark}">{standfirst}</p>'
        f'<div class="article-body">{body}</div></article></main></body></html>'
    )


def test_standfirst_marked_in_the_page_s_language_is_the_subtitle() -> None:
    for lang, (mark, title, standfirst, sentence) in _STANDFIRST_PAGES.items():
        record = clean_html(_standfirst_page(lang, mark, title, standfirst, sentence))
        assert record.title == title, lang
        assert record.subtitle == standfirst, lang
        assert standfirst not in record.text, lang
        assert record.text.startswith(sentence.strip()[:40]), lang


def test_paragraph_under_the_headline_with_other_marks_is_no_subtitle() -> None:
    _, title, standfirst, sentence = _STANDFIRST_PAGES["fr"]
    record = clean_html(_standfirst_page("fr", "note-auteur", title, standfirst, sentence))
    assert record.subtitle is None


# --- subheadings readability leaves out ---


def _headed_page(blocks: list[tuple[str, str]], answer: list[str], links: dict[int, float]) -> Page:
    page = HtmlPage(
        blocks=[Block(index=i, text=t, tag=tag) for i, (t, tag) in enumerate(blocks)],
        source="<test>",
        link_share=dict(links),
    )
    page.second_opinion = SecondOpinion(lambda: answer)
    return page


SUBHEADINGS = ["Fares and timetable", "The rebuilt terminal"]
TEASERS = ["Oil prices climb", "Port strike ends", "New airline hub"]


def test_vote_keeps_a_subheading_over_text_readability_kept() -> None:
    """readability drops short and linked headings between the paragraphs it keeps: a heading
    right over one of its paragraphs stays; the headline list below still goes."""
    blocks = [
        (BODY[0], "p"),
        (SUBHEADINGS[0], "h3"),
        (BODY[1], "p"),
        (SUBHEADINGS[1], "h2"),
        (BODY[2], "p"),
        (BODY[3], "p"),
        *((t, "p") for t in TEASERS),
    ]
    page = _headed_page(blocks, list(BODY), {1: 1.0})  # the first heading is a link
    ExtractorVoteRule().apply(page)
    assert [b.text for b in page.body()] == [
        BODY[0],
        SUBHEADINGS[0],
        BODY[1],
        SUBHEADINGS[1],
        BODY[2],
        BODY[3],
    ]
    assert [(b.text, b.removal.reason) for b in page.blocks if b.removal] == [
        (t, "off_main_content") for t in TEASERS
    ]


def test_vote_still_removes_a_teaser_heading_over_a_summary_readability_left_out() -> None:
    summary = (
        "Crude rose for a third day as traders weighed the latest output figures from the Gulf."
    )
    blocks = [
        *((t, "p") for t in BODY),
        ("Oil prices climb", "h3"),
        (summary, "p"),
        *((t, "p") for t in TEASERS[1:]),
    ]
    page = _headed_page(blocks, list(BODY), {})
    ExtractorVoteRule().apply(page)
    assert [b.text for b in page.body()] == list(BODY)


def test_vote_still_removes_a_heading_over_links_readability_kept() -> None:
    """A "links" heading over a link readability happened to keep is no subheading."""
    blocks = [
        *((t, "p") for t in BODY),
        ("Elsewhere on the web", "h3"),
        ("Gulf Ferry Operators Association", "li"),
        *((t, "p") for t in TEASERS),
    ]
    answer = [*BODY, "Gulf Ferry Operators Association"]
    page = _headed_page(blocks, answer, {len(BODY) + 1: 1.0})
    ExtractorVoteRule().apply(page)
    assert "Elsewhere on the web" not in [b.text for b in page.body()]
    assert "Gulf Ferry Operators Association" in [b.text for b in page.body()]


# --- class words that name two things ---


def test_an_advanced_heading_block_is_no_advert() -> None:
    """ "adv" abbreviates "advanced" as often as "advert" (a page builder's "kt-adv-heading"
    subheadings): it is no advert mark; the unambiguous marks still are."""
    from cleaners.html.signals import signal_of

    assert signal_of("h2", "kt-adv-heading10415_49ba8b-b6 wp-block-kadence-advancedheading") is None
    for marks in ("advert-box", "ad-slot", "top-ads", "sponsored"):
        signal = signal_of("div", marks)
        assert signal is not None and signal.reason == "advertisement", marks


# --- when the vote is held; quotations ---

SUMMARIES = [
    "Crude rose for a third day as traders weighed the latest output figures from the Gulf.",
    "Dock workers in the northern port returned to work after a two-week pay dispute ended.",
    "The carrier said the new hub would open next spring with flights to twelve cities.",
]


def _boxed_page(
    boxes: list[tuple[str, list[tuple[str, str]]]], answer: list[str]
) -> tuple[HtmlPage, list[str]]:
    """Blocks in boxes: each box made of the tags on its path down from the page's `<body>`
    ("div", "div/blockquote"), holding its (text, tag) blocks; readability's answer is
    `answer`. The list returned beside the page records whether readability was asked."""
    root = lxml_html.fromstring("<html><body></body></html>")
    body = root.find("body")
    blocks, container = [], {}
    for path, texts in boxes:
        node = body
        for tag in path.split("/"):
            node = etree.SubElement(node, tag)
        for text, tag in texts:
            container[len(blocks)] = node
            blocks.append(Block(index=len(blocks), text=text, tag=tag))
    asked: list[str] = []

    def opinion() -> list[str]:
        asked.append("asked")
        return answer

    page = HtmlPage(blocks=blocks, source="<test>", container=container)
    page.second_opinion = SecondOpinion(opinion)
    return page, asked


def test_vote_is_held_on_sentences_in_more_than_one_box() -> None:
    """Teasers' summaries after the story, set as sentences in a box of their own: the
    record is all prose, but it lies in two boxes, so readability is asked and the
    summaries it leaves out go."""
    page, asked = _boxed_page(
        [("div", [(t, "p") for t in BODY]), ("div", [(t, "p") for t in SUMMARIES])], list(BODY)
    )
    ExtractorVoteRule().apply(page)
    assert asked
    assert [b.text for b in page.body()] == list(BODY)
    assert [(b.text, b.removal.reason) for b in page.blocks if b.removal] == [
        (t, "off_main_content") for t in SUMMARIES
    ]


def test_vote_is_not_held_on_sentences_in_one_box() -> None:
    page, asked = _boxed_page([("div", [(t, "p") for t in [*BODY, *SUMMARIES]])], list(BODY))
    ExtractorVoteRule().apply(page)
    assert not asked
    assert len(page.body()) == len(BODY) + len(SUMMARIES)


POST = "The new ferry to Manama cut my commute from four hours to under two. Worth every riyal."
ATTRIBUTION = "— Noura Al-Dosari (@noura_d) March 3, 2025"


def test_vote_keeps_a_quotation_among_the_paragraphs_readability_kept() -> None:
    """An embedded post in the story's box: readability drops it with its attribution line
    (its "twitter-tweet" marks weigh against it); it quotes somebody for the article."""
    page, _ = _boxed_page(
        [
            ("div", [(t, "p") for t in BODY[:2]]),
            ("div/div/blockquote", [(POST, "p"), (ATTRIBUTION, "inline")]),
            ("aside", [(t, "p") for t in TEASERS]),
        ],
        list(BODY[:2]),
    )
    # the post sits in the story's box, beside its paragraphs
    story = page.container[0]
    story.append(page.container[2].getparent())
    ExtractorVoteRule().apply(page)
    assert [b.text for b in page.body()] == [*BODY[:2], POST, ATTRIBUTION]  # the teasers go


def test_vote_removes_a_quotation_outside_the_story() -> None:
    page, _ = _boxed_page(
        [
            ("div", [(t, "p") for t in BODY[:2]]),
            ("aside/div/div/blockquote", [(POST, "p"), (ATTRIBUTION, "inline")]),
        ],
        list(BODY[:2]),
    )
    ExtractorVoteRule().apply(page)
    assert [b.text for b in page.body()] == list(BODY[:2])
