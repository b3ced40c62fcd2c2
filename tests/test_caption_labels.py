"""A picture's credit or caption line opened by a label ("Image copyright Getty Images",
"Fuente de la imagen, Reuters", "Bildunterschrift: ...") or a bare "Name/Agency" credit is
removed as `caption` on the text path (`cleaners.rules.captions`); body sentences that only
start with a like word stay."""

from __future__ import annotations

from cleaners import clean_text
from cleaners.record import Article
from cleaners.rules.captions import is_caption, is_labelled_caption
from tests.fixture_pairs import whole_page_text


def _record(name: str) -> Article:
    return clean_text(whole_page_text(name))


def _caption_texts(record: Article) -> list[str]:
    return [r.text for r in record.removed if (r.reason, r.rule) == ("caption", "caption_credit")]


def test_spanish_image_source_and_caption_labels_are_captions() -> None:
    record = _record("credit_es_fuente_de_la_imagen.txt")
    assert _caption_texts(record) == [
        "Fuente de la imagen, Getty Images",
        "Fuente de la imagen, Reuters",
        "Pie de foto, La torre de la iglesia asoma sobre el agua por primera vez desde 1992.",
    ]
    # the credit over the first paragraph is no headline
    assert record.title == "La sequía deja al descubierto un pueblo sumergido hace sesenta años"
    assert record.text.startswith("La falta de lluvias")


def test_german_credit_and_caption_labels_are_captions_a_like_word_is_not() -> None:
    record = _record("credit_de_bildunterschrift_bildnachweis.txt")
    assert _caption_texts(record) == [
        "Bildnachweis: Carsten Rehder/dpa",
        "Bildunterschrift: Die neue Fähre bei ihrer ersten Probefahrt vor der Hafeneinfahrt.",
    ]
    assert "Bildungsträger auf den Inseln hoffen" in record.text


def test_embedded_post_credits_are_captions() -> None:
    record = _record("label_en_report_over_embeds.txt")
    assert [t for t in _caption_texts(record) if t.startswith("Image Copyright @")] == [
        "Image Copyright @label_official",
        "Image Copyright @senator_office",
        "Image Copyright @congress_member",
    ]


def test_labels_open_the_line_as_whole_words() -> None:
    for line in (
        "Image copyright Getty Images",
        "Image caption Rescue workers search the rubble",
        "Photo credit: Jane Doe",
        "Crédit photo : Jean Dupont",
        "مصدر الصورة، رويترز",
    ):
        assert is_labelled_caption(line), line
        assert is_caption(line), line
    for line in (
        "Image captioning models are improving fast, researchers say.",
        "Photographers gathered outside the court on Monday.",
        "The image caption contest drew 400 entries.",
    ):
        assert not is_labelled_caption(line), line
        assert not is_caption(line), line
