"""Body language with langdetect: deterministic (seeded) and cheap (bounded sample)."""

from __future__ import annotations

from functools import cache

from langdetect import DetectorFactory, LangDetectException

from cleaners.langdetect_fast import FastDetector, load_factory
from cleaners.textfeatures import dominant_script

# langdetect's cost grows with the text; a few hundred characters from the body decide the
# language as well as the whole page does (measured in the benchmark).
SAMPLE_CHARS = 300
# langdetect averages several random trials (7 by default); on a clean body sample two agree
# as well as seven at a third of the cost (see tests/test_language.py for the check).
TRIALS = 2
# Scripts used by one language only need no statistical guess.
_SINGLE_LANGUAGE_SCRIPTS = {
    "HANGUL": "ko",
    "GREEK": "el",
    "HEBREW": "he",
    "THAI": "th",
    "ARMENIAN": "hy",
    "GEORGIAN": "ka",
}


@cache
def _factory() -> DetectorFactory:
    DetectorFactory.seed = 0
    return load_factory()


def sample(paragraphs: list[str], limit: int = SAMPLE_CHARS) -> str:
    """Whole paragraphs from the start of the body up to about `limit` characters."""
    out: list[str] = []
    size = 0
    for paragraph in paragraphs:
        out.append(paragraph[: limit - size])
        size += len(out[-1])
        if size >= limit:
            break
    return " ".join(out)


def detect_language(paragraphs: list[str]) -> str | None:
    """ISO 639-1 code of the body, or None when there is nothing to judge."""
    text = sample(paragraphs)
    if not any(ch.isalpha() for ch in text):
        return None
    script = dominant_script(text)
    if script in _SINGLE_LANGUAGE_SCRIPTS:
        return _SINGLE_LANGUAGE_SCRIPTS[script]
    detector = FastDetector(_factory())
    detector.n_trial = TRIALS
    detector.append(text)
    try:
        code = detector.detect()
    except LangDetectException:
        return None
    # langdetect names a few languages with region tags ("zh-cn"); the record wants ISO 639-1.
    return code.split("-", 1)[0]


@cache
def known_languages() -> frozenset[str]:
    """Every code `detect_language` can give (langdetect's profiles, ISO 639-1)."""
    import os

    from langdetect.detector_factory import PROFILES_DIRECTORY

    codes = {name.split("-", 1)[0].lower() for name in os.listdir(PROFILES_DIRECTORY)}
    return frozenset(codes | set(_SINGLE_LANGUAGE_SCRIPTS.values()))


def unknown_languages(codes: frozenset[str] | set[str]) -> list[str]:
    """The codes among ``codes`` that no record can have (a filter on them keeps nothing)."""
    return sorted(code for code in codes if code not in known_languages())
