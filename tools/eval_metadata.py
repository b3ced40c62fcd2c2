#!/usr/bin/env python3
"""Metadata accuracy: title, authors and publication date, newscrawl against trafilatura.

On a corpus laid out as ``html/<id>.html.gz`` + ``ground-truth.json`` whose entries carry
``title``, ``author`` and ``publish_date`` (each may be null), e.g.
``../shared/bench/wcxb-articles``:

- **title exact**: the record's title equals the annotated one after normalisation (Unicode
  NFKC, case folded, typographic quotes and dashes unified, whitespace collapsed); on the pages
  with an annotated title.
- **every author found**: every annotated name is among the record's author names, case- and
  space-insensitive; on the pages with an annotated author. Several annotated names are
  written "A, B and C", "A & B" or "A; B", and names carry credentials ("Jane Roe, MS, RD")
  or a job title ("Jane Roe, Shipping Expert"): the annotation and each author string of each
  system are split by the same function (`split_names`), which drops them. Names compare
  without case, spaces, punctuation or a leading honorific ("Dr. Jane Roe" = "jane roe").
- **date same day**: the calendar day of the record's publication date, as the page wrote it
  (no time-zone shift), is the annotated day; on the pages with an annotated date.

Systems, all given the page's URL as a user crawling it would:
  newscrawl    ``cleaners.clean_html(bytes, url=url)``: ``title``, ``authors``, ``published``
  newscrawl-text  ``cleaners.clean_text(dump, url=url)`` on the page flattened to the
               whole-page text dump a reader copies (``tools/flatten.py``, as ``make eval``'s
               text path): what a dump alone gives (no markup, no metadata)
  trafilatura  ``trafilatura.bare_extraction(str, url=url, with_metadata=True)``: ``title``,
               ``author`` (names joined with "; "), ``date`` (htmldate inside)

    python tools/eval_metadata.py [DATA_DIR ...] [--limit N] [-j N] [--json] [--misses FIELD]

``metadata_scores(data_dir)`` is the same measurement as a function (``make eval`` calls it).
Deterministic: pages in id order, results independent of ``-j``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import os
import re
import sys
import unicodedata
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

BENCH = REPO_ROOT.parent / "shared" / "bench"
# wcxb annotates title, author and date; l3s-gn1 only the headline (title); ScrapingHub's
# article-extraction-benchmark nothing (skipped).
DEFAULT_DATA_DIRS = (BENCH / "wcxb-articles", BENCH / "l3s-gn1")
SYSTEMS = ("newscrawl", "newscrawl-text", "trafilatura")
FIELDS = ("title", "authors", "date")

# --------------------------------------------------------------------------- normalising

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "′": "'", "“": '"', "”": '"', "„": '"'})
_DASHES = re.compile(r"[‐‑‒–—―−]")
_SPACE = re.compile(r"\s+")


def normalise_title(text: str | None) -> str:
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return _SPACE.sub(" ", _DASHES.sub("-", text)).strip().casefold()


_NOT_ALNUM = re.compile(r"[\W_]+")
_HONORIFIC = re.compile(r"^(?:dr|prof|mr|mrs|ms|mx)\.?\s+(?=\S)", re.IGNORECASE)


def _name_key(name: str) -> str:
    """A name without case, spaces, punctuation or a leading honorific: "Dr. Jane  O'Neil"
    and "jane oneil" are one name."""
    name = _HONORIFIC.sub("", unicodedata.normalize("NFKC", name).strip())
    return _NOT_ALNUM.sub("", name).casefold()


# Separators between names in one string: "A, B and C", "A & B", "A; B", "A | Agency".
_NAME_SEPARATORS = re.compile(r"\s*(?:[,;|&]|\band\b)\s*", re.IGNORECASE)
# Credentials and titles written after a name ("Jane Roe, MS, RD", "M.D. FACLM", "CEPF®"):
# short tokens mostly in capitals, or the usual degree abbreviations.
_DEGREES = frozenset(("ph.d.", "phd", "jr.", "jr", "sr.", "sr", "esq.", "esq"))


def _is_credential(token: str) -> bool:
    bare = token.strip("().,®™")
    if not bare or bare.isdigit() or bare.casefold() in _DEGREES:
        return True
    letters = [c for c in bare if c.isalpha()]
    return (
        0 < len(bare) <= 7
        and bool(letters)
        and sum(c.isupper() for c in letters) * 2 > len(letters)
        and len(letters) > 1
    )


# A part after a name that is the person's job ("Jane Roe, Shipping Expert", "…, CEO of X"):
# annotators copied bylines with the job title. Kept apart from the cleaner's own vocabulary
# (`cleaners/data/authors.toml`) so that the measure does not follow the cleaner.
_JOB_WORDS = re.compile(
    r"\b(expert|dietitian|director|ceo|founder|representative|editor|writer|reporter|manager"
    r"|specialist|consultant|educator|horticulturalist|correspondent|contributor)\b|\bof\b",
    re.IGNORECASE,
)


def split_names(text: str | None) -> list[str]:
    """The names in an author string, credentials and job titles after a name dropped, in
    order."""
    if not text:
        return []
    names: list[str] = []
    for part in _NAME_SEPARATORS.split(text):
        part = part.strip(" .-–—")
        if not part or all(_is_credential(t) for t in part.split()):
            continue
        if names and _JOB_WORDS.search(part):
            continue
        names.append(part)
    return names


def authors_found(annotated: str, authors: Iterable[str]) -> bool:
    found = {_name_key(n) for a in authors for n in split_names(a)}
    wanted = [_name_key(n) for n in split_names(annotated)]
    return bool(wanted) and all(w in found for w in wanted)


def same_day(annotated: str, date: str | None) -> bool:
    return bool(date) and str(date)[:10] == annotated[:10] and len(annotated) >= 10


# --------------------------------------------------------------------------- running


@dataclass(frozen=True, slots=True)
class Guess:
    title: str | None
    authors: tuple[str, ...]
    date: str | None
    error: bool = False  # the system raised on this page: scored as nothing found


def _newscrawl(html: bytes, url: str | None) -> Guess:
    from cleaners import clean_html

    record = clean_html(html, url=url)
    return Guess(record.title, tuple(record.authors), record.published)


def _newscrawl_text(html: bytes, url: str | None) -> Guess:
    from cleaners import clean_text
    from tools.flatten import flatten_html

    record = clean_text(flatten_html(html.decode("utf-8", "replace")), url=url)
    return Guess(record.title, tuple(record.authors), record.published)


def _trafilatura(html: bytes, url: str | None) -> Guess:
    from trafilatura import bare_extraction

    doc = bare_extraction(html.decode("utf-8", "replace"), url=url, with_metadata=True)
    if doc is None:
        return Guess(None, (), None)
    author = getattr(doc, "author", None)
    return Guess(
        getattr(doc, "title", None),
        tuple(a for a in (author or "").split("; ") if a),
        getattr(doc, "date", None),
    )


_RUNNERS = {
    "newscrawl": _newscrawl,
    "newscrawl-text": _newscrawl_text,
    "trafilatura": _trafilatura,
}


def _run_page(job: tuple[str, str | None, tuple[str, ...]]) -> dict[str, Guess]:
    path, url, systems = job
    logging.disable(logging.CRITICAL)  # trafilatura and htmldate log per page
    with gzip.open(path, "rb") as f:
        html = f.read()
    out = {}
    for system in systems:
        try:
            out[system] = _RUNNERS[system](html, url)
        except Exception:  # a crash scores as nothing found, and is counted
            out[system] = Guess(None, (), None, error=True)
    return out


def load_truth(data_dir: Path) -> dict[str, dict[str, Any]]:
    with (data_dir / "ground-truth.json").open(encoding="utf-8") as f:
        return json.load(f)


def has_annotations(data_dir: Path) -> dict[str, bool]:
    """Which of the three fields the corpus annotates on at least one page."""
    truth = load_truth(data_dir).values()
    return {
        "title": any(t.get("title") for t in truth),
        "authors": any(t.get("author") for t in truth),
        "date": any(t.get("publish_date") for t in truth),
    }


def guesses(
    data_dir: Path,
    systems: tuple[str, ...] = SYSTEMS,
    limit: int | None = None,
    jobs: int | None = None,
    sample: int = 1,
) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Guess]]]:
    """(truth, {page id: {system: Guess}}) for the corpus' pages in id order (every
    `sample`-th page, the first `limit`)."""
    truth = load_truth(data_dir)
    ids = sorted(truth)[::sample]
    ids = ids[:limit] if limit else ids
    work = [(str(data_dir / "html" / f"{i}.html.gz"), truth[i].get("url"), systems) for i in ids]
    jobs = jobs or min(os.cpu_count() or 1, 4)
    if jobs <= 1:
        results = [_run_page(w) for w in work]
    else:
        with ProcessPoolExecutor(jobs) as pool:
            results = list(pool.map(_run_page, work, chunksize=4))
    return {i: truth[i] for i in ids}, dict(zip(ids, results, strict=True))


def score(
    truth: dict[str, dict[str, Any]], found: dict[str, dict[str, Guess]], systems: Iterable[str]
) -> dict[str, Any]:
    """Per system and field: {"accuracy", "hits", "pages"} ("pages" counts annotated pages),
    and "errors": pages on which the system raised."""
    out: dict[str, Any] = {}
    for system in systems:
        tally = {f: [0, 0] for f in FIELDS}
        for page_id, t in truth.items():
            g = found[page_id][system]
            if t.get("title"):
                tally["title"][1] += 1
                tally["title"][0] += normalise_title(g.title) == normalise_title(t["title"])
            if t.get("author"):
                tally["authors"][1] += 1
                tally["authors"][0] += authors_found(t["author"], g.authors)
            if t.get("publish_date"):
                tally["date"][1] += 1
                tally["date"][0] += same_day(t["publish_date"], g.date)
        out[system] = {
            f: {"accuracy": round(h / n, 3) if n else None, "hits": h, "pages": n}
            for f, (h, n) in tally.items()
        }
        out[system]["errors"] = sum(found[i][system].error for i in truth)
    return out


def metadata_scores(
    data_dir: Path,
    systems: tuple[str, ...] = SYSTEMS,
    limit: int | None = None,
    jobs: int | None = None,
    sample: int = 1,
) -> dict[str, Any]:
    """{system: {"title"|"authors"|"date": {"accuracy", "hits", "pages"}}} on one corpus.

    A field the corpus does not annotate has ``pages`` 0 and ``accuracy`` None.
    """
    truth, found = guesses(Path(data_dir), systems, limit, jobs, sample)
    return score(truth, found, systems)


# --------------------------------------------------------------------------- printing

_HEADS = {"title": "title exact", "authors": "every author found", "date": "date same day"}


def format_table(name: str, scores: dict[str, Any]) -> str:
    first = next(iter(scores.values()))
    fields = [f for f in FIELDS if first[f]["pages"]]
    heads = [f"{_HEADS[f]} ({first[f]['pages']})" for f in fields]
    rows = [f"| {name} | " + " | ".join(heads) + " |", "|---" * (len(fields) + 1) + "|"]
    for system, per_field in scores.items():
        cells = [f"{per_field[f]['accuracy']:.3f}" for f in fields]
        errors = f" ({per_field['errors']} pages raised)" if per_field.get("errors") else ""
        rows.append(f"| {system}{errors} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def _misses(truth: dict, found: dict, system: str, field: str) -> list[str]:
    lines = []
    key = {"title": "title", "authors": "author", "date": "publish_date"}[field]
    for page_id, t in truth.items():
        g, wanted = found[page_id][system], t.get(key)
        if not wanted:
            continue
        if field == "title" and normalise_title(g.title) != normalise_title(wanted):
            lines.append(f"{page_id}\t{wanted!r}\t{g.title!r}")
        elif field == "authors" and not authors_found(wanted, g.authors):
            lines.append(f"{page_id}\t{wanted!r}\t{list(g.authors)!r}")
        elif field == "date" and not same_day(wanted, g.date):
            lines.append(f"{page_id}\t{wanted}\t{g.date!r}")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "data_dirs", nargs="*", type=Path, help="corpora (default: wcxb-articles, l3s-gn1)"
    )
    ap.add_argument("--limit", type=int, help="first N pages (in id order) of each corpus")
    ap.add_argument("-j", "--jobs", type=int, help="worker processes (default: CPUs, at most 4)")
    ap.add_argument("--only", action="append", choices=SYSTEMS, help="run only this system")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    ap.add_argument(
        "--misses", choices=FIELDS, help="also list the pages the first system gets wrong"
    )
    ap.add_argument(
        "--dump", type=Path, help="write every page's guesses to DUMP-<corpus>.json files"
    )
    args = ap.parse_args(argv)
    systems = tuple(args.only) if args.only else SYSTEMS
    all_scores = {}
    for data_dir in args.data_dirs or list(DEFAULT_DATA_DIRS):
        if not (data_dir / "ground-truth.json").is_file():
            print(f"{data_dir}: no ground-truth.json, skipped", file=sys.stderr)
            continue
        if not any(has_annotations(data_dir).values()):
            print(f"{data_dir}: no title/author/date annotations, skipped", file=sys.stderr)
            continue
        truth, found = guesses(data_dir, systems, args.limit, args.jobs)
        scores = score(truth, found, systems)
        all_scores[data_dir.name] = scores
        if not args.json:
            print(format_table(f"{data_dir.name} ({len(truth)} pages)", scores))
            print()
        if args.dump:  # one file per corpus: DUMP with the corpus name before the suffix
            dump = {
                i: {s: [g.title, list(g.authors), g.date] for s, g in per.items()}
                for i, per in found.items()
            }
            path = args.dump.with_name(f"{args.dump.stem}-{data_dir.name}{args.dump.suffix}")
            path.write_text(json.dumps(dump, ensure_ascii=False, indent=1), "utf-8")
        if args.misses:
            print("\n".join(_misses(truth, found, systems[0], args.misses)))
    if args.json:
        print(json.dumps(all_scores, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
