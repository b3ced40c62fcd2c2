"""The closed set of reason codes (removed blocks) and reject reasons (whole pages)."""

from __future__ import annotations

# Why a block was taken out of a page. Documented in README "Reason codes".
BLOCK_REASONS: dict[str, str] = {
    "caption": "image or video caption, photo credit, often printed twice",
    "related_articles": "a 'Related Articles' or 'Most read' heading with its list of titles",
    "related_teaser": "a single teaser or link to another story inside the body",
    "captcha": "a CAPTCHA or 'are you human' challenge",
    "donation_appeal": "an appeal for money with a support/donate call to action",
    "newsletter_prompt": "a newsletter or e-mail sign-up prompt",
    "comment_prompt": "comment section prompts and counters",
    "share_bar": "share buttons, short-link boxes, social network names",
    "breadcrumb": "'You are here' and Home > Section trails",
    "byline": "author line (moved into `authors`)",
    "date_line": "publication or update date line (moved into `published`/`updated`)",
    "ui_chrome": "interface text: text-size widgets, vote counters, translation notices, menus",
    "advertisement": "advertisement labels and sponsored slots",
    "cookie_notice": "cookie and consent banners",
    "copyright": "copyright and 'all rights reserved' lines",
    "foreign_language": "a line in another script than the body (e.g. a link to a translation)",
    "repeated_title": "the headline printed again",
    "duplicate_paragraph": "a body paragraph printed again",
    "second_story": "an unrelated story appended below the main one (infinite scroll)",
    "navigation": "menus, section lists and other page chrome outside the article region",
    "furniture": "a short line between a dump's headline and its story that no rule named "
    "(a credit, a date, a label)",
    "disclaimer": "a site's standing notice: an affiliate-link disclosure, a legal, financial or "
    "medical disclaimer, a sign-up form's consent small print",
    "author_bio": 'an author\'s biography closing the post ("Jane Doe is a freelance writer ...")',
    "off_main_content": "page text beside the article that the extractors' vote left out (HTML)",
}

# Why a whole page yields no article.
REJECT_REASONS: dict[str, str] = {
    "bot_wall": "a bot check / CAPTCHA interstitial instead of the page",
    "empty": "no article text left after cleaning",
    "not_article": "an error page, listing or other non-article page",
    "duplicate": "the same story was already emitted",
    "unreadable": "the input could not be read or decoded",
    "language": "the language is not among those asked for",
}
