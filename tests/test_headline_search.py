"""The headline of a whole-page dump, found by the words it shares with the story's lead."""

from __future__ import annotations

from cleaners import clean_text
from cleaners.headline_search import content_words, headline_by_lead
from tests.pages import BODY, TITLE, page

MENU = ("Home", "World", "Business", "Sport", "Culture", "Weather")
FOOTER = ("Contact us", "Privacy", "Terms of use")

# A Spanish wording of the olive story (new text, not from fixtures/)
ES_TITLE = "La ola de calor hunde la cosecha de aceite de oliva en Túnez"
ES_BODY = (
    "Los productores de aceite de oliva del centro de Túnez dicen que la cosecha de este año "
    "podría ser la más pequeña de la década tras semanas de calor extremo.",
    "El ministerio de agricultura calcula que la producción caerá alrededor de un tercio "
    "respecto a la temporada pasada, lo que encarece el aceite en los mercados locales.",
    "Los exportadores advierten que los contratos firmados con compradores españoles e "
    "italianos tendrán que renegociarse porque los volúmenes prometidos no estarán disponibles.",
    "Los agricultores de Sfax y Kairuán han pedido al gobierno créditos baratos para sustituir "
    "las bombas de riego que se averiaron durante el verano.",
)


def removed(article: object) -> list[tuple[str, str, str]]:
    return [(r.text, r.reason, r.rule) for r in article.removed]  # type: ignore[attr-defined]


def test_headline_above_a_title_like_promo_and_a_date_is_the_title() -> None:
    raw = page(
        *MENU,
        TITLE,
        "Get breaking news alerts on your phone",
        "North Africa desk",
        "Tue 14 Nov 2023 09:12 GMT",
        *BODY,
        *FOOTER,
    )
    article = clean_text(raw)
    assert article.title == TITLE
    assert article.text == "\n\n".join(BODY)
    reasons = {text: reason for text, reason, _ in removed(article)}
    assert reasons["Tue 14 Nov 2023 09:12 GMT"] == "date_line"
    assert reasons["Get breaking news alerts on your phone"] == "newsletter_prompt"
    assert article.published == "2023-11-14T09:12:00"


def test_headline_the_region_left_out_is_brought_back_in_another_language() -> None:
    raw = page(
        "Portada",
        "Internacional",
        "Economía",
        "Deportes",
        "Cultura",
        "Descarga nuestra aplicación gratuita para Android",
        ES_TITLE,
        "Suscríbete a nuestro boletín diario",
        "Redacción internacional",
        *ES_BODY,
        "Aviso legal",
        "Contacto",
    )
    article = clean_text(raw)
    assert article.title == ES_TITLE
    assert ES_TITLE not in [r.text for r in article.removed]
    assert article.text == "\n\n".join(ES_BODY)
    # the short lines between headline and story: a Spanish newsletter prompt the line
    # patterns know, and furniture
    assert (
        "Suscríbete a nuestro boletín diario",
        "newsletter_prompt",
        "newsletter_signup",
    ) in removed(article)
    assert ("Redacción internacional", "furniture", "headline") in removed(article)
    # the promo above the headline shares no word with the story: still chrome, named by
    # the headline rule (short lines left above the headline) once the region has moved
    assert (
        "Descarga nuestra aplicación gratuita para Android",
        "navigation",
        "headline",
    ) in removed(article)


def texts_and_body(*above: str) -> tuple[list[str], list[int]]:
    texts = [*above, *BODY]
    return texts, list(range(len(above), len(texts)))


def never_furniture(text: str) -> bool:
    return False


def test_no_line_naming_the_story_gives_no_headline() -> None:
    texts, body = texts_and_body("Create your own news feed", "Download the podcast app")
    assert headline_by_lead(texts, body[0], body, never_furniture) is None


def test_the_line_naming_the_story_wins_over_nearer_promos() -> None:
    texts, body = texts_and_body(TITLE, "Create your own news feed", "Download the podcast app")
    assert headline_by_lead(texts, body[0], body, never_furniture) == 0


def test_a_caption_printed_twice_is_not_the_headline() -> None:
    caption = "Olive trees scorched by the heat near Sfax in central Tunisia, July 2023"
    texts, body = texts_and_body(TITLE, caption, caption)
    assert headline_by_lead(texts, body[0], body, never_furniture) == 0


def test_of_headline_and_standfirst_the_shorter_upper_line_is_the_headline() -> None:
    standfirst = "Olive farmers in central Tunisia fear the smallest harvest in a decade"
    texts, body = texts_and_body(TITLE, standfirst)
    assert headline_by_lead(texts, body[0], body, never_furniture) == 0


def test_lines_a_rule_named_are_not_candidates() -> None:
    texts, body = texts_and_body(TITLE)
    assert headline_by_lead(texts, body[0], body, never_furniture, taken={0}) is None


def test_content_words_leave_out_stop_words_numbers_and_punctuation() -> None:
    stop = frozenset({"the", "in", "of"})
    assert content_words("The price of oil in 2023, up 12%!", stop) == ["price", "oil", "up"]


# A guide's table of contents between its header and the story: entries that name parts of
# the story share its words too (new wording, not from fixtures/)
GUIDE_CONTENTS = (
    "In this guide",
    "Harvest losses across central Tunisia",
    "What the agriculture ministry expects",
    "Exporters and their Spanish buyers",
    "Loans for irrigation pumps",
)


def test_table_of_contents_entries_printed_again_as_subheadings_are_not_the_headline() -> None:
    story = [line for pair in zip(GUIDE_CONTENTS[1:], BODY, strict=True) for line in pair]
    raw = page(*MENU, TITLE, "By Soraya Benali", "March 3, 2025", *GUIDE_CONTENTS, *story)
    article = clean_text(raw)
    assert article.title == TITLE
    assert article.authors == ("Soraya Benali",)
    assert article.published == "2025-03-03"


def test_headline_with_its_date_line_beats_a_promo_sharing_as_many_words() -> None:
    promo = "Olive growers in Sfax: photo gallery"  # more of its words shared, no header
    raw = page(*MENU, TITLE, "3 March 2025", "Subscribe", promo, *BODY)
    assert clean_text(raw).title == TITLE


def test_headline_with_its_date_is_found_above_a_long_table_of_contents() -> None:
    # more than LOOKBACK lines between the header and the story
    filler = tuple(f"Section {n}" for n in range(1, 24))
    raw = page(*MENU, TITLE, "3 March 2025", *filler, *BODY)
    article = clean_text(raw)
    assert article.title == TITLE
    assert article.published == "2025-03-03"


def test_a_question_headline_the_region_begins_with_is_the_headline() -> None:
    # eight words and a question mark read as a sentence; the lead begins under it
    question = "Will the heatwave halve Tunisia's olive oil harvest this year?"
    texts = ["Olive Oil", question, *BODY]
    body = list(range(1, len(texts)))
    assert headline_by_lead(texts, 1, body, never_furniture) == 1


def test_a_paragraph_opening_with_a_question_is_no_headline() -> None:
    opening = "Will the harvest recover? Olive farmers in Tunisia doubt it after this summer."
    texts = [opening, *BODY]
    assert headline_by_lead(texts, 0, list(range(len(texts))), never_furniture) is None


def test_a_spanish_question_headline_is_the_headline() -> None:
    question = "¿Hundirá la ola de calor la cosecha de aceite de oliva en Túnez?"
    article = clean_text(page(*MENU, question, *ES_BODY, *FOOTER))
    assert article.title == question


def test_a_section_label_over_the_headline_is_not_the_headline() -> None:
    # the label shares the story's words as the headline does, but names a topic
    for label in ("Farming, Olives, Heat", "Olive Growers"):
        texts, body = texts_and_body(label, TITLE)
        assert headline_by_lead(texts, body[0], body, never_furniture) == 1


def test_a_german_section_label_over_the_headline_is_not_the_headline() -> None:
    headline = "Hitzewelle lässt die Olivenernte in Tunesien um ein Drittel schrumpfen"
    story = (
        "Die Olivenbauern in Tunesien rechnen nach wochenlanger Hitze mit der kleinsten Ernte "
        "seit zehn Jahren, weil die Bäume während der Blüte verbrannt sind.",
        "Das Landwirtschaftsministerium schätzt, dass die Olivenernte um ein Drittel schrumpfen "
        "wird, und die Preise für Olivenöl auf den Märkten steigen bereits.",
    )
    texts = ["Olivenernte Tunesien Preise", headline, *story]
    assert headline_by_lead(texts, 2, [2, 3], never_furniture) == 1


def test_a_breadcrumb_trail_ending_in_the_headline_is_not_the_headline() -> None:
    # the trail repeats the headline's words and adds the sections': it shares as much
    for trail in (f"Home World Africa {TITLE}", f"News › Africa › {TITLE}", f"Farming: {TITLE}"):
        article = clean_text(page(*MENU, trail, TITLE, "Tue 14 Nov 2023", *BODY, *FOOTER))
        assert article.title == TITLE
        assert article.text.split("\n\n") == list(BODY)


def test_a_spanish_breadcrumb_trail_ending_in_the_headline_is_not_the_headline() -> None:
    trail = f"Inicio / Agricultura / {ES_TITLE}"
    article = clean_text(page(*MENU, trail, ES_TITLE, *ES_BODY, *FOOTER))
    assert article.title == ES_TITLE


def test_a_headline_whose_second_part_is_a_line_of_its_own_stays_whole() -> None:
    # "Headline - Part" or "Headline (Part)": the part after a dash or a bracket is the
    # headline's, not a trail's last section (the part printed again is a subheading)
    for headline in (f"Olive harvest - {TITLE}", f"Olive harvest ({TITLE})"):
        article = clean_text(page(*MENU, headline, TITLE, *BODY, *FOOTER))
        assert article.title == headline


# a headline sharing few of its words with the lead under a label sharing all of its own
LOOSE_HEADLINE = "Why growers fear next year's harvest"


def test_a_section_label_chosen_as_the_best_line_gives_way_to_the_headline() -> None:
    texts, body = texts_and_body("Olive Harvest Heat", LOOSE_HEADLINE)
    assert headline_by_lead(texts, body[0], body, never_furniture) == 1


def test_a_field_line_or_a_question_under_a_label_is_not_the_headline() -> None:
    # "Cast: names" lists names the story repeats; a question opens the story
    for line in ("Growers: Karim Haddad, Soraya Benali, Tunisian Olive Farmers", f"{TITLE}?"):
        texts, body = texts_and_body("Olive Harvest Heat", line)
        assert headline_by_lead(texts, body[0], body, never_furniture) == 0


def test_a_label_of_a_language_s_frequent_topic_words_is_a_section_label() -> None:
    # jusText's stop lists hold "local" and "community": words a label is made of, not the
    # small words a headline reads as a phrase by
    for label in ("Local Olive Farmers", "Community Olive Farmers"):
        texts, body = texts_and_body(label, TITLE)
        assert headline_by_lead(texts, body[0], body, never_furniture) == 1


def test_a_short_title_case_headline_with_a_small_word_is_no_section_label() -> None:
    # "The", "How": a headline over its standfirst, which shares more of the story's words
    standfirst = "Olive farmers across central Tunisia count the cost of weeks of extreme heat"
    for headline in ("The Olive Harvest Crisis", "How Olive Growers Cope"):
        texts, body = texts_and_body(headline, standfirst)
        assert headline_by_lead(texts, body[0], body, never_furniture) == 0


def _date_line(text: str) -> bool:
    return text == "12 March 2024"


def test_a_headline_naming_the_story_in_other_words_is_found_over_its_date_line() -> None:
    # no line shares the story's words: the title-like line over the date line is its headline
    texts, body = texts_and_body(
        "Create your own news feed", "Heatwave takes its toll", "12 March 2024"
    )
    assert headline_by_lead(texts, body[0], body, _date_line) == 1
    assert headline_by_lead(texts, body[0], body, never_furniture) is None


def test_a_headline_over_a_date_line_just_inside_the_story_is_found_at_the_page_end() -> None:
    # the region begins at a promo read as the story's first sentence; the page ends under
    # the header (the search reads no line past the last)
    promo = "Sign up for our newsletter and get the best stories of the week every Friday."
    texts = [promo, "Heatwave takes its toll", "12 March 2024"]
    assert headline_by_lead(texts, 0, [0, 1, 2], _date_line) == 1
