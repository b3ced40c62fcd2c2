"""Body language: en/ar/fr detected, deterministic, and foreign-script lines."""

from __future__ import annotations

import pytest

from cleaners import clean_text
from cleaners.language import detect_language
from tests.pages import BODY, TITLE, page, paragraphs

ARABIC_TITLE = "ارتفاع أسعار زيت الزيتون في تونس بعد موجة الحر"
ARABIC_BODY = (
    "قال مزارعون في وسط تونس إن محصول الزيتون هذا العام قد يكون الأضعف منذ عشر سنوات بعد "
    "أسابيع من الحر الشديد.",
    "وتتوقع وزارة الفلاحة أن ينخفض الإنتاج بنحو الثلث مقارنة بالموسم الماضي، مما يرفع الأسعار "
    "في الأسواق المحلية.",
    "وحذر المصدرون من أن العقود الموقعة مع مشترين في إسبانيا وإيطاليا قد تحتاج إلى إعادة التفاوض.",
)
FRENCH_TITLE = "Les oléiculteurs tunisiens comptent leurs pertes après la canicule"
FRENCH_BODY = (
    "Les agriculteurs du centre de la Tunisie estiment que la récolte d'olives de cette année "
    "pourrait être la plus faible depuis dix ans, après plusieurs semaines de chaleur extrême.",
    "Le ministère de l'Agriculture prévoit une baisse de la production d'environ un tiers par "
    "rapport à la saison dernière, ce qui fait grimper les prix sur les marchés locaux.",
    "Les exportateurs ont averti que les contrats signés avec des acheteurs espagnols et "
    "italiens devront peut-être être renégociés.",
)

PAGES = {
    "en": page(TITLE, *BODY),
    "ar": page(ARABIC_TITLE, *ARABIC_BODY),
    "fr": page(FRENCH_TITLE, *FRENCH_BODY),
}


@pytest.mark.parametrize("code", sorted(PAGES))
def test_body_language(code: str) -> None:
    article = clean_text(PAGES[code])
    assert article.status == "ok"
    assert article.language == code


@pytest.mark.parametrize("code", sorted(PAGES))
def test_same_input_gives_same_record(code: str) -> None:
    first = clean_text(PAGES[code], source="a.txt").to_dict()
    second = clean_text(PAGES[code], source="a.txt").to_dict()
    assert first == second


def test_detection_is_deterministic_on_a_short_ambiguous_sample() -> None:
    sample = ["Taxi, radio, hotel, restaurant, total."]
    assert len({detect_language(sample) for _ in range(10)}) == 1


def test_no_letters_means_no_language() -> None:
    assert detect_language(["12 345 — 67.8 %"]) is None
    assert detect_language([]) is None


def test_arabic_article_keeps_its_arabic_lines() -> None:
    article = clean_text(PAGES["ar"])
    assert article.title == ARABIC_TITLE
    assert paragraphs(article) == list(ARABIC_BODY)
    assert article.removed == ()


def test_english_link_line_in_arabic_page_is_foreign() -> None:
    link = "Read this story in English"
    article = clean_text(page(ARABIC_TITLE, *ARABIC_BODY, link))
    assert [(r.reason, r.rule, r.text) for r in article.removed] == [
        ("foreign_language", "foreign_script", link)
    ]
    assert article.language == "ar"


def test_arabic_link_line_in_english_page_is_foreign() -> None:
    link = "اقرأ هذه القصة بالعربية"
    article = clean_text(page(TITLE, *BODY[:2], link, *BODY[2:]))
    assert [(r.reason, r.rule, r.text) for r in article.removed] == [
        ("foreign_language", "foreign_script", link)
    ]
    assert paragraphs(article) == list(BODY)
    assert article.language == "en"


def test_french_line_in_english_page_is_same_script_and_kept() -> None:
    line = "Cette page est aussi disponible en français"
    article = clean_text(page(TITLE, *BODY, line))
    assert article.removed == ()  # kept, for no reason at all (not foreign_language, nor other)
    assert paragraphs(article) == [*BODY, line]


def test_rejected_page_has_no_language() -> None:
    article = clean_text(page("Menu", "Search", "Share on Facebook"))
    assert article.status == "rejected"
    assert article.language is None


def _fixture_samples() -> list[str]:
    """Windows of every text fixture and of the pages above, short and long, several scripts."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "fixtures"
    texts = [p.read_text("utf-8") for p in sorted(root.rglob("*.txt"))]
    texts += [PAGES[code] for code in sorted(PAGES)]
    samples = []
    for text in texts:
        for start in range(0, len(text), 997):
            for width in (40, 300, 1200):
                samples.append(text[start : start + width])
    return samples


def _stock_factory() -> object:
    """langdetect's own loader, on a factory of its own."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.seed = 0
    return factory


@pytest.mark.slow
def test_lazy_profiles_are_langdetect_profiles() -> None:
    """The table filled on demand holds langdetect's words, languages and probabilities."""
    from cleaners.langdetect_fast import load_factory

    stock = _stock_factory()
    lazy = load_factory()
    assert lazy.langlist == stock.langlist
    table = lazy.word_lang_prob_map
    assert len(table) == len(stock.word_lang_prob_map)
    for word, row in stock.word_lang_prob_map.items():
        assert word in table
        assert table[word] == row, word
    for absent in ("", "zzzz", "\x00", "the cat"):
        assert (absent in table) == (absent in stock.word_lang_prob_map)


@pytest.mark.slow
def test_fast_detector_gives_stock_langdetect_probabilities() -> None:
    """The speeded-up Detector must be langdetect, exactly: same walk, same floats."""
    from langdetect.detector import Detector
    from langdetect.lang_detect_exception import LangDetectException

    from cleaners.langdetect_fast import FastDetector
    from cleaners.language import TRIALS, _factory

    stock = _stock_factory()

    def probabilities(cls: type[Detector], text: str) -> object:
        detector = cls(_factory() if cls is FastDetector else stock)
        detector.n_trial = TRIALS
        detector.append(text)
        try:
            return [(p.lang, p.prob) for p in detector.get_probabilities()]
        except LangDetectException as exc:
            return str(exc)

    samples = _fixture_samples()
    assert len(samples) > 250
    for text in samples:
        assert probabilities(FastDetector, text) == probabilities(Detector, text), text


def test_fast_cleaning_text_is_stock_cleaning_text() -> None:
    """FastDetector counts Latin and non-Latin letters by regular expressions, where langdetect
    loops over characters: the same text stays on random mixes of Latin, the ASCII signs
    between "Z" and "a", accented Latin, Latin Extended Additional, combining marks,
    Cyrillic, Greek, CJK, kana, Thai, Arabic and a lone surrogate."""
    import random

    from langdetect.detector import Detector

    from cleaners.langdetect_fast import FastDetector
    from cleaners.language import _factory

    rng = random.Random(3)
    pool = "abcXYZ[]^_`{ 1.éü’–ßжшдχ中文字ひらがなกขعربي\u1e00\u1eff\u0300\ud800"
    texts = _fixture_samples()[:200]
    texts += ["".join(rng.choices(pool, k=rng.randint(0, 60))) for _ in range(2000)]
    changed = 0
    for text in texts:
        stock, fast = Detector(_factory()), FastDetector(_factory())
        stock.text = fast.text = text
        stock.cleaning_text()
        fast.cleaning_text()
        assert fast.text == stock.text, text
        changed += fast.text != text
    assert changed > 100  # the Latin letters went from many texts
