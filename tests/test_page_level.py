"""Page-level verdicts: bot walls and empty pages are rejected, with an empty record body."""

from __future__ import annotations

import pytest

from cleaners import clean_text
from tests.pages import BODY, TITLE, page

BOT_WALLS = {
    "cloudflare_wait": page(
        "Just a moment...",
        "Checking your browser before accessing olivenews.tn.",
        "Ray ID: 7f3a9c0e1d2b",
        "Performance & security by Cloudflare",
    ),
    "press_and_hold": page(
        "Before we continue",
        "Press & Hold to confirm you are a human (and not a bot).",
        "Reference ID 8c1e-44aa",
    ),
    "weak_phrases": page(
        "Access denied",
        "Please enable cookies and reload the page.",
        "Request blocked by the site's bot protection.",
    ),
}


@pytest.mark.parametrize("name", sorted(BOT_WALLS))
def test_bot_wall_is_rejected_with_an_empty_record(name: str) -> None:
    record = clean_text(BOT_WALLS[name], source=f"{name}.txt").to_dict()
    assert record["status"] == "rejected"
    assert record["reject_reason"] == "bot_wall"
    assert record["text"] == ""
    assert record["removed"] == []
    assert record["title"] is None
    assert record["language"] is None
    assert (record["published"], record["updated"]) == (None, None)
    assert record["authors"] == []


def test_chrome_only_page_is_empty() -> None:
    raw = page(
        "Skip to main content",
        "Home > Business",
        "Menu",
        "Search",
        "Share on Facebook",
        "Advertisement",
        "© 2024 Maghreb Farm Weekly. All rights reserved.",
    )
    record = clean_text(raw).to_dict()
    assert (record["status"], record["reject_reason"]) == ("rejected", "empty")
    assert record["text"] == ""
    assert record["removed"] == []


def test_title_and_one_short_line_is_empty() -> None:
    article = clean_text(page(TITLE, "Three words only."))
    assert (article.status, article.reject_reason) == ("rejected", "empty")


def test_blank_input_is_empty() -> None:
    article = clean_text("\n \n\t\n")
    assert (article.status, article.reject_reason) == ("rejected", "empty")
    assert article.text == ""


def test_long_article_about_cloudflare_is_not_a_bot_wall() -> None:
    lines = [
        "Cloudflare outage leaves Tunisian shops offline",
        "Customers saw a 'Just a moment' page and a Ray ID instead of the shops' websites.",
        *(BODY * 3),  # well over the bot-wall size limit (later copies go as duplicates)
    ]
    article = clean_text(page(*lines))
    assert article.status == "ok"
    assert article.text.startswith("Customers saw")


def test_short_news_brief_about_cloudflare_is_not_a_bot_wall() -> None:
    raw = page(
        "Cloudflare outage leaves Tunisian online shops unreachable",
        "Thousands of Tunisian online shops were unreachable for two hours on Tuesday after "
        "an outage at Cloudflare, the American company that protects many of their websites.",
        "Customers who tried to pay for orders saw an error page with a Ray ID instead of "
        "the shop, traders said.",
        "The company said the fault had been caused by a configuration change and was fixed "
        "by early afternoon.",
    )
    article = clean_text(raw)
    assert article.status == "ok"
    assert article.title == "Cloudflare outage leaves Tunisian online shops unreachable"


def test_ok_record_fields() -> None:
    record = clean_text(page(TITLE, *BODY), source="olive.txt").to_dict()
    assert list(record) == [
        "id",
        "url",
        "canonical_url",
        "source",
        "story_index",
        "status",
        "reject_reason",
        "site",
        "site_name",
        "title",
        "subtitle",
        "description",
        "authors",
        "published",
        "updated",
        "fetched_at",
        "language",
        "section",
        "tags",
        "image",
        "text",
        "removed",
        "duplicates",
    ]
    assert (record["status"], record["reject_reason"]) == ("ok", None)
    assert (record["source"], record["url"], record["site"]) == ("olive.txt", None, None)
    assert record["story_index"] == 0
    assert len(record["id"]) == 16
    assert int(record["id"], 16) >= 0


def test_id_is_stable_and_depends_on_url_or_source() -> None:
    raw = page(TITLE, *BODY)
    a = clean_text(raw, source="a.txt")
    assert clean_text(raw, source="a.txt").id == a.id
    assert clean_text(raw, source="b.txt").id != a.id
    with_url = clean_text(raw, source="a.txt", url="https://olivenews.tn/x")
    assert clean_text(raw, source="b.txt", url="https://olivenews.tn/x").id == with_url.id
