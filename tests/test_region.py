"""The article region of whole-page text dumps (cleaners/region.py, cleaners/rules/region.py)."""

from __future__ import annotations

from cleaners import clean_text
from cleaners.region import best_region, find_region, headline_above
from cleaners.rules.region import is_furniture

MENU = [
    "Skip to main content",
    "Home",
    "World",
    "Business",
    "Sport",
    "Culture",
    "Opinion",
    "Subscribe",
    "Sign in",
]
HEADLINE = "Cairo opens its first electric bus depot as fleet grows to 100 vehicles"
BODY = [
    "Cairo's transport authority opened its first depot for electric buses on Monday, with "
    "chargers for 60 vehicles and a workshop built with a Chinese manufacturer.",
    "The city now runs 100 electric buses on 12 routes, most of them between the new "
    "administrative capital and the eastern districts, officials said.",
    "Passengers said the buses were quieter and cooler than the diesel fleet, although "
    "waiting times on some routes had grown since the summer.",
    "The authority plans to replace a third of its diesel buses by 2030, depending on "
    "financing from development banks that has yet to be agreed.",
]
SIDEBAR = [
    "Most Popular",
    "Gold prices hit a new record in local markets",
    "Central bank holds interest rates steady",
    "Metro line three extension opens to the public",
    "About Us",
    "Contact",
    "Privacy Policy",
    "Terms of Use",
]


def whole_page() -> str:
    return "\n".join([*MENU, HEADLINE, "By Mona Adel", "12 March 2024", *BODY, *SIDEBAR])


def test_chrome_around_the_story_is_removed_and_the_headline_found() -> None:
    article = clean_text(whole_page())
    assert article.status == "ok"
    assert article.title == HEADLINE
    assert article.text == "\n\n".join(BODY)
    assert article.authors == ("Mona Adel",)
    assert article.published == "2024-03-12"
    reasons = {r.text: r.reason for r in article.removed}
    for line in ["Home", "World", "Sport", "Sign in"]:
        assert reasons[line] == "navigation"
    for line in SIDEBAR:  # the "Most Popular" list absorbs the footer links under it
        assert reasons[line] == "related_articles"


def test_a_dump_that_starts_at_the_headline_is_one_region() -> None:
    text = "\n\n".join([HEADLINE, *BODY])
    article = clean_text(text)
    assert article.title == HEADLINE
    assert article.text == "\n\n".join(BODY)
    assert article.removed == ()


def test_the_headline_is_never_a_menu_item() -> None:
    # no headline above the story: the title stays empty rather than "Opinion" or "Sign in"
    article = clean_text("\n".join([*MENU, *BODY, *SIDEBAR]))
    assert article.title is None
    assert article.text == "\n\n".join(BODY)


def test_headline_above_looks_over_bylines_and_takes_the_first_copy() -> None:
    lines = [
        "Home",
        "News",
        HEADLINE,
        "Commuters board a bus in Nasr City. (AFP)",
        HEADLINE,
        "By A Writer",
        *BODY,
    ]
    region = find_region(lines)
    assert region is not None and 2 < region.start <= 6
    assert headline_above(lines, region.start, is_furniture) == 2


def test_best_region_is_the_largest_contiguous_sum() -> None:
    assert best_region([-1, 2, -0.5, 3, -4, 1]) == (1, 4)
    assert best_region([-1, -2]) is None


def test_a_model_passed_in_scores_the_region_and_the_shipped_one_is_untouched() -> None:
    from dataclasses import replace

    from cleaners.blocks import Page
    from cleaners.pipeline import page_from_text
    from cleaners.region import region_model
    from cleaners.rules.region import ArticleRegionRule

    lines = [*MENU, HEADLINE, *BODY, *SIDEBAR]
    shipped = find_region(lines)
    assert shipped is not None
    # a model whose every line costs more than it gains finds no region at all
    refusing = replace(region_model(), offset=1e6)
    assert find_region(lines, refusing) is None
    page: Page = page_from_text("\n".join(lines), "<test>")
    ArticleRegionRule(model=refusing).apply(page)
    assert page.region is None
    # the default path still scores with the shipped model
    assert find_region(lines) == shipped
    page = page_from_text("\n".join(lines), "<test>")
    ArticleRegionRule().apply(page)
    assert page.region is not None and page.region[1] == shipped.end


# --------------------------------------------------------------------------- never lose

ITEM_LINES = ["Plan to spend: $20–$60", "Buying options:", "Amazon (Brand)", "Home Depot (Brand)"]


def _listicle() -> list[str]:
    texts = [*MENU, HEADLINE]
    for i, paragraph in enumerate(BODY, 1):
        texts += [f"{i}. Item number {i}", paragraph, *ITEM_LINES]
    return [*texts, *SIDEBAR]


def test_a_region_holding_a_fragment_of_the_prose_gives_way_to_the_prose_run() -> None:
    from cleaners.region import best_prose_run, lost_to_prose_run

    texts = _listicle()
    first = texts.index(BODY[0])
    last = texts.index(BODY[-1])
    run = best_prose_run(texts)
    assert run is not None and run[0] <= first and run[1] > last
    # the model's region on the first paragraph alone: a quarter of the prose
    assert lost_to_prose_run(texts, (first, first + 1)) == run


def test_a_region_holding_half_of_the_prose_stands() -> None:
    from cleaners.region import lost_to_prose_run

    texts = _listicle()
    first = texts.index(BODY[0])
    second = texts.index(BODY[1])
    # two of the four paragraphs: the model's finer choice is kept
    assert lost_to_prose_run(texts, (first, second + 1)) == (first, second + 1)


def test_a_cookie_banner_is_not_prose_for_the_run() -> None:
    from cleaners.region import best_prose_run

    cookie = (
        "We use cookies to ensure that we give you the best experience on our website. By "
        "using this site you accept our use of cookies."
    )
    # two banners, longer together than the story's one paragraph
    texts = [*MENU, HEADLINE, BODY[0], *SIDEBAR, cookie, cookie.replace("this site", "it")]
    assert best_prose_run(texts) == (texts.index(BODY[0]), texts.index(BODY[0]) + 1)
