"""HTML-path behaviour on small synthetic pages: markup a reader never sees, headline choice,
linked teasers, split bodies, standfirst headings, repeated lines, closing boilerplate, and
bad input.

Every wording is new: a story about a desalination plant in Oman, with debris of each kind
around it.
"""

from __future__ import annotations

import pytest

from cleaners import clean_html, clean_text
from tests.pages import assert_body_intact, paragraphs, removal_of, story_with

TITLE = "Oman opens its largest desalination plant"
BODY = (
    "Oman opened its largest desalination plant on Sunday near the coastal town of Barka, "
    "adding enough drinking water for about half a million residents.",
    "The plant uses reverse osmosis membranes and draws part of its power from a solar farm "
    "built on the same site, the water authority said.",
    "Engineers said the intake pipes reach two kilometres into the sea to avoid the warmer "
    "water near the shore during the summer months.",
    "The authority plans two more plants along the Batinah coast before the end of the decade "
    "as demand grows with the population.",
)


def _html(body: str, title: str = TITLE, head: str = "") -> bytes:
    return (f"<html><head><title>{title}</title>{head}</head><body>{body}</body></html>").encode()


def _paragraphs(*texts: str) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


def _article(inner: str) -> bytes:
    return _html(f"<article><h1>{TITLE}</h1>{inner}</article>")


def test_hidden_markup_is_not_text() -> None:
    hidden = (
        '<div style="display: none">A hidden copy of the story for another layout that '
        "nobody sees on this page at all.</div>"
        "<div hidden><p>Sign in to your account to manage your saved stories.</p></div>"
        '<p style="visibility:hidden">Invisible paragraph that should never be read.</p>'
    )
    article = clean_html(_article(_paragraphs(*BODY[:2]) + hidden + _paragraphs(*BODY[2:])))
    assert article.text == "\n\n".join(BODY)
    assert "hidden copy" not in article.text and "Sign in" not in article.text


def test_rollover_box_goes_but_the_name_inside_the_link_stays() -> None:
    first = (
        "The project was opened by <span class='rollover-people'><a href='/p/1'>Salim "
        "Al Harthy</a><span class='rollover-people-block'><span class='rollover-block'>"
        "Latest headlines: Minister visits port | Minister signs gas deal</span></span>"
        "</span>, the minister of energy, who said the plant would run all year."
    )
    article = clean_html(_article(_paragraphs(first, *BODY)))
    assert "Salim Al Harthy, the minister of energy" in article.text
    assert "Latest headlines" not in article.text


def test_aria_hidden_pull_quote_stays() -> None:
    quote = (
        '<blockquote class="pullquote" aria-hidden="true"><p>The sea gives us the water our '
        "towns need, and the sun gives us the power to clean it.</p></blockquote>"
    )
    article = clean_html(_article(_paragraphs(*BODY[:2]) + quote + _paragraphs(*BODY[2:])))
    assert "The sea gives us the water our towns need" in article.text


def test_site_name_in_an_h1_yields_to_the_headline() -> None:
    ticker = "".join(
        f"<li><a href='/n/{i}'>Breaking: ticker headline number {i} about something else</a></li>"
        for i in range(4)
    )
    body = (
        "<header><h1 class='logo'>Gulf Water Daily</h1></header>"
        f"<div class='main'><ul class='ticker'>{ticker}</ul><h2>{TITLE}</h2>"
        f"{_paragraphs(*BODY)}</div>"
    )
    site = '<meta property="og:site_name" content="Gulf Water Daily">'
    article = clean_html(_html(body, title=f"{TITLE} | Gulf Water Daily", head=site))
    assert article.title == TITLE
    assert article.text == "\n\n".join(BODY)


def test_linked_teasers_under_a_latest_heading_go_with_their_summaries() -> None:
    cards = "".join(
        f"<div class='card'><a href='/s/{i}'><h3>{title}</h3></a><h4>{dek}</h4></div>"
        for i, (title, dek) in enumerate(
            [
                ("Muscat traffic plan delayed again", "The city council postponed the vote."),
                ("Date harvest starts early in Nizwa", "Farmers blame the mild winter."),
            ]
        )
    )
    page = _article(_paragraphs(*BODY) + f"<div class='more'><h2>Our Latest Stories</h2>{cards}")
    article = clean_html(page)
    assert article.text == "\n\n".join(BODY)
    for text in ("Our Latest Stories", "Muscat traffic plan delayed again"):
        entry = removal_of(article, text)
        assert entry is not None and entry.reason == "related_articles", text
    dek = removal_of(article, "The city council postponed the vote.")
    assert dek is not None and dek.reason == "related_articles"


def test_a_paragraph_after_linked_teasers_is_not_their_summary() -> None:
    teasers = (
        "<div class='more'><h4>More:</h4>"
        "<h4><a href='/a'>Water prices to rise in the capital</a></h4>"
        "<h4><a href='/b'>New dam planned in the interior</a></h4></div>"
    )
    after = "The plant cost about 300 million dollars."
    article = clean_html(_article(_paragraphs(*BODY) + teasers + _paragraphs(after)))
    assert article.text.endswith(after)
    assert "Water prices to rise" not in article.text


def test_body_split_by_an_advert_is_kept_whole() -> None:
    inner = (
        f"<div class='article-body'>{_paragraphs(*BODY[:3])}</div>"
        "<div class='ad-slot'><span>Advertisement</span></div>"
        f"<div class='article-body'>{_paragraphs(BODY[3], 'The first water reached Muscat on Monday morning, officials added.')}</div>"  # noqa: E501
    )
    article = clean_html(_article(inner))
    assert article.text.startswith("\n\n".join(BODY))
    assert article.text.endswith(
        "The first water reached Muscat on Monday morning, officials added."
    )


def test_sentence_long_heading_under_the_headline_is_the_subtitle() -> None:
    standfirst = (
        "The Barka plant adds water for half a million people and runs partly on solar power"
    )
    article = clean_html(_article(f"<h2>{standfirst}</h2>" + _paragraphs(*BODY)))
    assert article.subtitle == standfirst
    assert standfirst not in article.text


def test_short_subheading_under_the_headline_is_not_a_subtitle() -> None:
    article = clean_html(_article("<h2>Solar power</h2>" + _paragraphs(*BODY)))
    assert article.subtitle is None


def test_short_repeated_lines_stay_and_a_repeated_paragraph_goes() -> None:
    question = "What did the plant change for you?"
    lines = (
        BODY[0],
        question,
        "We no longer wait for the tanker every Thursday.",
        BODY[1],
        BODY[2],
        question,
        "My farm can finally use the well water for the goats only.",
        BODY[3],
        BODY[0],
    )
    article = clean_html(_article(_paragraphs(*lines)))
    assert article.text.count(question) == 2
    assert article.text.count(BODY[0]) == 1
    assert removal_of(article, BODY[0]).reason == "duplicate_paragraph"  # type: ignore[union-attr]


def test_table_rows_are_kept_with_their_cells() -> None:
    table = (
        "<table><tr><th>Plant</th><th>Capacity</th></tr>"
        "<tr><td>Barka</td><td>100,000 m3</td></tr><tr><td>Sur</td><td>80,000 m3</td></tr>"
        "</table>"
    )
    article = clean_html(_article(_paragraphs(*BODY[:2]) + table + _paragraphs(*BODY[2:])))
    assert "Barka | 100,000 m3" in article.text
    assert "Sur | 80,000 m3" in article.text


# (line, reason, rule): closing boilerplate, one kind each
CLOSING_LINES = [
    ("Maryam Al Lawati contributed to this report.", "byline", "credit_line"),
    ("Write to Salim Rawas at salim.rawas@example.com", "byline", "credit_line"),
    ("Follow us on Instagram and X for more water news.", "share_bar", "follow_prompt"),
    ("Liked this article? Share it with your family!", "share_bar", "follow_prompt"),
    ("Cities run on water, not on promises.Click To Tweet", "share_bar", "follow_prompt"),
    ("CLICK HERE TO DOWNLOAD OUR NEWS APP", "ui_chrome", "click_prompt"),
    (
        "Subscribe to our YouTube channel for the latest videos",
        "newsletter_prompt",
        "newsletter_signup",
    ),
    ("[Related: Oman signs new water deal with India]", "related_teaser", "teaser_prefix"),
    ("SEE MORE: Muscat traffic plan delayed again", "related_teaser", "teaser_prefix"),
    ("More Gulf coverage: https://example.com/gulf", "related_teaser", "coverage_link"),
    ("Read our full Sohar desalination plant review", "related_teaser", "coverage_link"),
    ("Read more about the Muscat water tariffs", "related_teaser", "coverage_link"),
    ("Read the original in English", "related_teaser", "coverage_link"),
    ("Updated at 4:15 p.m.", "date_line", "time_line"),
    ("Tempo de leitura: 3 minutos", "ui_chrome", "interface_text"),
    ("This slideshow requires JavaScript.", "ui_chrome", "interface_text"),
    ("Note: all comments are moderated before they appear.", "comment_prompt", "comment_widget"),
    ("This copy is for your personal, non-commercial use only.", "copyright", "copyright_line"),
]


@pytest.mark.parametrize(("line", "reason", "rule"), CLOSING_LINES)
def test_closing_boilerplate_is_removed(line: str, reason: str, rule: str) -> None:
    article = clean_text(story_with(line, "end"))
    entry = removal_of(article, line)
    assert entry is not None, line
    assert (entry.reason, entry.rule) == (reason, rule)
    assert_body_intact(article)


NEAR_MISSES = [
    "Residents' comments were moderated by the council chair during the hearing.",
    "Click here, the farmers said, is what the ministry's website tells them to do.",
    "Growers follow the market closely on Twitter and in local radio reports.",
    "Click here to support the growers' cooperative, the leaflet urged.",
    "Read the full text of the ministry's decree, the growers' union told its members.",
]


@pytest.mark.parametrize("line", NEAR_MISSES)
def test_near_misses_of_closing_boilerplate_stay(line: str) -> None:
    article = clean_text(story_with(line, "middle"))
    assert removal_of(article, line) is None  # kept: not as ui_chrome, nor for another reason
    assert line in paragraphs(article)
    assert_body_intact(article)


def test_sentences_are_not_closing_boilerplate() -> None:
    for line in (*NEAR_MISSES[:3], NEAR_MISSES[4]):
        article = clean_text(story_with(line, "middle"))
        assert line in article.text, line


@pytest.mark.parametrize(
    ("data", "reason"),
    [(b"", "empty"), (b"   \n ", "empty"), (b"\x00\x01\x02 binary" * 50, "unreadable")],
)
def test_bad_input_is_rejected(data: bytes, reason: str) -> None:
    article = clean_html(data)
    assert article.status == "rejected"
    assert article.reject_reason == reason


def test_deeply_nested_page_is_bounded() -> None:
    depth = 50_000
    page = "<html><body>" + "<div>" * depth + _paragraphs(*BODY) + "</div>" * depth
    article = clean_html(page + "</body></html>")
    assert article.status == "ok"  # the wrappers are flattened, the article kept
    assert article.text.startswith(BODY[0])


@pytest.mark.slow
def test_huge_page_is_cut_and_bounded() -> None:
    filler = _paragraphs(*BODY) * 4000  # about 2.4 million characters of paragraphs
    page = _html(f"<article><h1>{TITLE}</h1>{filler}</article>" + "<p>tail</p>" * 200_000)
    article = clean_html(page)
    assert article.status == "ok"
    assert article.text.startswith(BODY[0])
    # the page is cut to the size bound at the end of its body: the tail goes, not the article
    assert len(article.text) < 3_000_000
    assert article.text.count("tail") < 200_000
