"""langdetect's Detector with its three per-character/per-language Python loops made cheaper.

langdetect (1.0.9, unchanged since 2021) spends most of its time in three loops written for
Python 2: n-gram extraction calls a Unicode-block lookup for every character, and each
random-walk step multiplies 55 language probabilities one index at a time. The subclass below
keeps the model, the random walk and every floating-point operation in the same order — it
returns the same probabilities as the stock Detector (tests/test_language.py compares them on
every fixture) — and only memoises the character normalisation and uses list comprehensions.

`load_factory` loads the same model (profiles, language order, probabilities) as
`detector_factory.init_factory`, but computes a word's 55 probabilities when a text first uses
that word: the stock loader fills them for all ~170,000 n-grams up front (0.3 s a process).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Container
from itertools import repeat
from operator import truediv

from langdetect.detector import Detector
from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
from langdetect.lang_detect_exception import ErrorCode, LangDetectException
from langdetect.utils.ngram import NGram

_SPACE_RUNS = re.compile(" {2,}")
# what langdetect's cleaning_text counts as Latin ("A" <= ch <= "z") and as non-Latin
_LATIN = re.compile("[A-z]")
_NON_LATIN = re.compile("[\u0300-\U0010ffff]")
_WORD_CACHE_SIZE = 100_000


class _Normalised(dict[int, str]):
    """A str.translate table computing NGram.normalize once per character."""

    def __missing__(self, code: int) -> str:
        found = self[code] = NGram.normalize(chr(code))
        return found


_NORMALISED = _Normalised()
_WORD_NGRAMS: dict[str, list[str]] = {}


def _word_ngrams(word: str, known: Container[str]) -> list[str]:
    """The n-grams NGram.add_char yields for one normalised word (and its trailing space)."""
    found = _WORD_NGRAMS.get(word)
    if found is not None:
        return found
    found = []
    grams = " "
    capital = False
    for ch in word:
        last = grams[-1]
        if len(grams) >= 3:
            grams = grams[1:]
        grams += ch
        if ch.isupper():
            if last.isupper():
                capital = True
        else:
            capital = False
        if capital:
            continue
        for n in (1, 2, 3):
            if len(grams) < n:
                break
            gram = grams[-n:]
            if gram != " " and gram in known:
                found.append(gram)
    if len(_WORD_NGRAMS) >= _WORD_CACHE_SIZE:
        _WORD_NGRAMS.clear()  # bounded memory on endless streams of new words
    _WORD_NGRAMS[word] = found
    return found


class FastDetector(Detector):
    def append(self, text: str) -> None:
        # Stock: drop URLs and e-mails, Vietnamese normalisation, then copy characters one by
        # one skipping a space after a space; a run of spaces becomes one space.
        text = self.URL_RE.sub(" ", text)
        text = self.MAIL_RE.sub(" ", text)
        text = NGram.normalize_vi(text)
        self.text += _SPACE_RUNS.sub(" ", text[: self.max_text_length])

    def _extract_ngrams(self) -> list[str]:
        # The stock method feeds every character through NGram.add_char. Its buffer restarts at
        # each (normalised) space, so a word's n-grams depend on that word alone, plus the
        # trailing space when one follows: the n-grams are collected per word, and memoised.
        known = self.word_lang_prob_map
        if isinstance(known, _ProfileTable):
            known = known.words  # `in` on the table is a Python call
        words = self.text.translate(_NORMALISED).split(" ")
        last = len(words) - 1
        result: list[str] = []
        for position, word in enumerate(words):
            if word:
                result += _word_ngrams(word + " " if position < last else word, known)
        return result

    def cleaning_text(self) -> None:
        # Stock: a Python loop over every character counting Latin ones ("A" to "z") and
        # non-Latin ones (from U+0300: its test against the block "Latin Extended Additional"
        # compares the block's number with a name, so it is always true), then, when the
        # non-Latin ones are more than twice as many, a copy without the Latin ones. The same
        # counts and copy by regular expressions.
        text: str = self.text  # type: ignore[has-type]
        if _NON_LATIN.search(text) is None:  # no non-Latin character: the text stays
            return
        if len(_LATIN.findall(text)) * 2 < len(_NON_LATIN.findall(text)):
            self.text = _LATIN.sub("", text)

    def _detect_block(self) -> None:
        # The stock random walk (same seed, same draws, same float operations in the same
        # order), with the per-step method calls and index loops inlined, and the five steps
        # between two convergence tests made in one pass over the languages: each language's
        # probability multiplied by the five factors in turn, left to right, as five passes
        # would. Measured on the 181 ScrapingHub bodies (`detect_language`, CPU, best of 7
        # runs, alternating, with `cleaning_text` above): medians 1.35-1.49 -> 0.91-1.11 ms a
        # page. tests/test_language.py compares the probabilities with stock langdetect.
        self.cleaning_text()
        ngrams = self._extract_ngrams()
        if not ngrams:
            raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
        table = self.word_lang_prob_map
        langprob = [0.0] * len(self.langlist)
        rng = self.random
        rng.seed(self.seed)
        choice = rng.choice
        for _ in range(self.n_trial):
            prob = self._init_probability()
            alpha = self.alpha + rng.gauss(0.0, 1.0) * self.ALPHA_WIDTH
            w = alpha / self.BASE_FREQ
            # step 0, then steps 1-5, 6-10, ...: the stock walk tests convergence after steps
            # 0, 5, 10, ... only (and stops at the first of them at or past ITERATION_LIMIT)
            prob = [p * (w + q) for p, q in zip(prob, table[choice(ngrams)], strict=True)]
            i = 0
            while True:
                total = sum(prob)
                prob = [p / total for p in prob]
                if max(prob) > self.CONV_THRESHOLD or i >= self.ITERATION_LIMIT:
                    break
                a = table[choice(ngrams)]
                b = table[choice(ngrams)]
                c = table[choice(ngrams)]
                d = table[choice(ngrams)]
                e = table[choice(ngrams)]
                prob = [
                    p * (w + qa) * (w + qb) * (w + qc) * (w + qd) * (w + qe)
                    for p, qa, qb, qc, qd, qe in zip(prob, a, b, c, d, e, strict=True)
                ]
                i += 5
            langprob = [acc + p / self.n_trial for acc, p in zip(langprob, prob, strict=True)]
        self.langprob = langprob


class _ProfileTable(dict[str, list[float]]):
    """langdetect's word -> per-language probability table, each row made on first use with
    the stock loader's arithmetic (`DetectorFactory.add_profile`): `word in table` answers for
    every n-gram of every profile."""

    def __init__(self, profiles: list[tuple[dict[str, int], list[int]]], langsize: int) -> None:
        super().__init__()
        self._profiles = profiles
        self._langsize = langsize
        self._words: frozenset[str] = frozenset().union(*(freq for freq, _ in profiles))
        # per n-gram length, every profile's counts and its number of n-grams of that length
        self._by_length = [
            ([freq for freq, _ in profiles], [n_words[length - 1] for _, n_words in profiles])
            for length in (1, 2, 3)
        ]
        if any(total <= 0 for _, totals in self._by_length for total in totals):
            raise ValueError("a language profile counts no n-grams of some length")

    def __contains__(self, word: object) -> bool:
        return word in self._words

    def __len__(self) -> int:
        return len(self._words)

    @property
    def words(self) -> frozenset[str]:
        """Every n-gram of every profile: `in` on it is `in` on the table, without a call."""
        return self._words

    def __missing__(self, word: str) -> list[float]:
        # A row made by two maps over the profiles of the word's length (the counts, then
        # each divided by its total): a first pass over the 181 ScrapingHub bodies makes
        # about 2,300 rows, and the stock loop's 55 `dict.get` calls and stores each were
        # 40 % of that pass's profile.
        if word not in self._words:
            raise KeyError(word)
        length = len(word)
        if not 1 <= length <= 3:
            row = [0.0] * self._langsize
        else:
            freqs, totals = self._by_length[length - 1]
            # `count / total` of two ints is `1.0 * count / total` (both correctly rounded);
            # an absent word counts 0, and 0 / total is the stock row's 0.0 (every total is
            # positive: `_ProfileTable.__init__` checks)
            row = list(map(truediv, map(dict.get, freqs, repeat(word), repeat(0)), totals))
            row += [0.0] * (self._langsize - len(row))
        self[word] = row
        return row


def load_factory(profile_directory: str = PROFILES_DIRECTORY) -> DetectorFactory:
    """A DetectorFactory with langdetect's stock profiles, in `load_profile`'s order (the
    directory listing's: it decides the language indices and so the random walk)."""
    list_files = os.listdir(profile_directory)
    langsize = len(list_files)
    langlist: list[str] = []
    profiles: list[tuple[dict[str, int], list[int]]] = []
    for filename in list_files:
        if filename.startswith("."):
            continue
        path = os.path.join(profile_directory, filename)
        if not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        if data["name"] in langlist:
            raise ValueError(f"duplicate language profile: {data['name']}")
        langlist.append(data["name"])
        profiles.append((data["freq"], data["n_words"]))
    factory = DetectorFactory()
    factory.langlist = langlist
    factory.word_lang_prob_map = _ProfileTable(profiles, langsize)
    return factory
