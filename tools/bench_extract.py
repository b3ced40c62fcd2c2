#!/usr/bin/env python3
"""Article-body extraction benchmark (``make bench-extract``).

Scores extractors on the public ScrapingHub article-extraction benchmark data
(181 pages, ``html/<id>.html.gz`` + ``ground-truth.json``) with the benchmark's own
metric (see ``tools/extraction_metric.py``). The data stays outside the repository;
by default it is looked up at ``../shared/bench/article-extraction-benchmark``
relative to the repository root.

Systems:
  trafilatura            trafilatura.extract(html, include_comments=False)
                         (as the benchmark's trafilatura adapter)
  trafilatura-precision  the same with favor_precision=True
  cleaners               cleaners.clean_html(html, url=None).text (status != "ok" -> empty)
  trafilatura-metadata   trafilatura with with_metadata=True (its title, author and date
                         read as well, as every clean_html record has them: the like-for-like
                         speed reference); scored on the body after its metadata block

Every system gets the same input: the page decoded as the benchmark's adapter does
(``gzip.open(path, "rt", encoding="utf8").read()``, i.e. a ``str`` with universal
newlines). Decoding happens once, before timing; only the extraction calls are timed.

Extra trafilatura variants can be added for experiments with
``--trafilatura NAME='{"favor_recall": true}'`` (keyword arguments of
``trafilatura.extract`` as JSON). With ``"output_format": "xml"`` (or ``"html"``) the
output is converted back to plain text, one block element per paragraph.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import gzip
import json
import logging
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from tools.extraction_metric import Metrics, PageScore, aggregate, score_page  # noqa: E402

DEFAULT_DATA_DIR = REPO_ROOT.parent / "shared" / "bench" / "article-extraction-benchmark"

Extractor = Callable[[str], str | None]


@dataclass(frozen=True, slots=True)
class Page:
    id: str
    html: str
    truth: str


@dataclass(slots=True)
class SystemResult:
    name: str
    available: bool
    note: str = ""
    metrics: Metrics | None = None
    seconds: float = 0.0
    errors: int = 0
    scores: dict[str, PageScore] = field(default_factory=dict)

    @property
    def pages_per_s(self) -> float:
        if self.metrics is None or self.seconds <= 0:
            return 0.0
        return self.metrics.pages / self.seconds

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "available": self.available}
        if self.note:
            out["note"] = self.note
        if self.metrics is not None:
            out.update(self.metrics.as_dict())
            out["seconds"] = self.seconds
            out["pages_per_s"] = self.pages_per_s
            out["errors"] = self.errors
        return out


# --------------------------------------------------------------------------- data


def find_data_dir(arg: str | None) -> Path:
    if arg:
        return Path(arg).expanduser().resolve()
    return DEFAULT_DATA_DIR.resolve()


def data_present(data_dir: Path) -> bool:
    return (data_dir / "ground-truth.json").is_file() and (data_dir / "html").is_dir()


def read_html(path: Path) -> str:
    """Decode one page exactly as the benchmark's trafilatura adapter does."""
    with gzip.open(path, "rt", encoding="utf8") as f:
        return f.read()


def load_pages(data_dir: Path) -> list[Page]:
    with (data_dir / "ground-truth.json").open(encoding="utf8") as f:
        truth: dict[str, dict[str, Any]] = json.load(f)
    html_ids = {p.name.split(".")[0] for p in (data_dir / "html").glob("*.html.gz")}
    if html_ids != set(truth):
        missing = sorted(set(truth) - html_ids)
        extra = sorted(html_ids - set(truth))
        raise SystemExit(
            f"benchmark data at {data_dir} is inconsistent: "
            f"{len(missing)} ground-truth ids without html, {len(extra)} html without ground truth"
        )
    return [
        Page(
            id=page_id,
            html=read_html(data_dir / "html" / f"{page_id}.html.gz"),
            truth=item.get("articleBody") or "",
        )
        for page_id, item in sorted(truth.items())
    ]


# --------------------------------------------------------------------------- systems


# trafilatura XML block elements, and their HTML counterparts (output_format="html")
_XML_BLOCKS = {"p", "head", "list", "item", "quote", "table", "row", "cell", "code", "lb"}
_HTML_BLOCKS = {"h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "pre"}
_OTHER_BLOCKS = {"tr", "td", "th", "div", "br", "figure", "figcaption", "graphic"}
_BLOCK_TAGS = frozenset(_XML_BLOCKS | _HTML_BLOCKS | _OTHER_BLOCKS)


def markup_to_text(markup: str) -> str:
    """Plain text of trafilatura XML/HTML output: block elements become separate lines."""
    from lxml import etree, html

    try:
        root = etree.fromstring(markup.encode("utf8"))
    except etree.XMLSyntaxError:
        root = html.fromstring(markup)
    parts: list[str] = []

    def walk(el: Any) -> None:
        if not isinstance(el.tag, str):  # comments, processing instructions
            if el.tail:
                parts.append(el.tail)
            return
        block = el.tag in _BLOCK_TAGS
        if block:
            parts.append("\n")
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
        if block:
            parts.append("\n")
        if el.tail:
            parts.append(el.tail)

    walk(root)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def trafilatura_extractor(**kwargs: Any) -> Extractor:
    import trafilatura

    markup = kwargs.get("output_format") in {"xml", "xmltei", "html"}

    def extract(html: str) -> str | None:
        out = trafilatura.extract(html, **kwargs)
        if out and markup:
            return markup_to_text(out)
        if out and kwargs.get("with_metadata"):
            return without_front_matter(out)
        return out

    return extract


def without_front_matter(text: str) -> str:
    """trafilatura's text output with `with_metadata=True` opens with the metadata as a YAML
    block between two "---" lines; the body is what follows."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end >= 0:
            return text[end + 5 :]
    return text


def cleaners_extractor() -> tuple[Extractor | None, str]:
    try:
        from cleaners import clean_html  # type: ignore[attr-defined]
    except Exception as exc:  # ImportError while the cleaner is being written
        return None, f"not available ({type(exc).__name__}: {exc})"

    def extract(html: str) -> str | None:
        result = clean_html(html, url=None)
        return result.text if getattr(result, "status", None) == "ok" else ""

    return extract, ""


def builtin_systems() -> dict[str, Callable[[], tuple[Extractor | None, str]]]:
    return {
        "trafilatura": lambda: (trafilatura_extractor(include_comments=False), ""),
        "trafilatura-precision": lambda: (
            trafilatura_extractor(include_comments=False, favor_precision=True),
            "",
        ),
        "cleaners": cleaners_extractor,
        # the like-for-like reference for speed: trafilatura also reading the page's title,
        # authors and dates, as every `clean_html` record does
        "trafilatura-metadata": lambda: (
            trafilatura_extractor(include_comments=False, with_metadata=True),
            "",
        ),
    }


# --------------------------------------------------------------------------- running

_WARM_UP_HTML = (
    "<html><head><title>Warm-up</title></head><body><article><h1>Warm-up</h1>"
    + "<p>This synthetic paragraph only loads the extractor before timing starts.</p>" * 5
    + "</article></body></html>"
)


# Dates in other languages and scripts: dateparser loads a locale's data, and builds and
# compiles its word and relative-date expressions, the first time a date in that language
# reaches it (5-45 ms a locale, once per process), which few fixture pages do. One date in
# each language the cleaner hands dateparser (cleaners.dates._DATE_LANGUAGES), in the
# language's own month name; without them that start-up cost falls on the first timed page
# that prints such a date.
_WARM_UP_DATES = (
    "30 Desember 2015",
    "Juli 3, 2016 at 5:36 pm",  # one no locale reads: dateparser's failure path loads too
    "18 novembre 2019 à 12:02",
    "18 de noviembre de 2019",
    "18. November 2019, 12:02 Uhr",
    "18 novembre 2019 alle 12:02",
    "segunda-feira, 18 de novembro de 2019 às 12:02",
    "18 Kasım 2019",
    "18 november 2019 om 12:02",
    "18 November 2019 pukul 12:02",
    "18 listopada 2019",
    "18 november 2019 kl. 12:02",
    "18. listopadu 2019",
    "18 noiembrie 2019",
    "2019. november 18.",
    "18. november 2019 kl. 12.02",
    "18. marraskuuta 2019",
    "18 tháng 11 năm 2019",
    "18. novembra 2019",
    "18. studenoga 2019.",
    "18 ноября 2019",
    "18 листопада 2019",
    "18 ноември 2019",
    "18 Νοεμβρίου 2019",
    "18 בנובמבר 2019",
    "18 نوفمبر 2019",
    "18 نوامبر 2019",
    "2019年11月18日",
    "2019년 11월 18일",
    "18 พฤศจิกายน 2562",
)
_WARM_UP_DATES_HTML = (
    "<html><head><title>Warm-up dates</title></head><body><article><h1>Warm-up dates</h1>"
    + "".join(
        f"<p class='byline'>By Jane Doe</p><p class='date'>{date}</p>" for date in _WARM_UP_DATES
    )
    + "<p>This synthetic paragraph only loads the extractor before timing starts.</p>" * 5
    + "</article></body></html>"
)


# A page too short for trafilatura's own extractor: its cascade asks jusText, whose stoplist of
# every language (150,000 words) it builds on first use, once per process (0.15 s). Without it
# that start-up cost falls on the first timed page either system sends to jusText.
_WARM_UP_SHORT_HTML = (
    "<html><head><title>Short</title></head><body><div>"
    "<p>A short synthetic note: the extractors' fallbacks read it too.</p>"
    "</div></body></html>"
)


def warm_up_pages() -> list[str]:
    """Pages every system extracts once before timing: a synthetic page and the project's own
    HTML fixtures (never pages of the benchmark set). What is timed is then the per-page cost
    of a process that has been running a while: lazy imports, compiled patterns and loaded
    locale and language data are start-up costs, paid once per process, not per page.
    Stateful options such as trafilatura's deduplicate=True would remember a benchmark page,
    hence none is used."""
    pages = [_WARM_UP_HTML, _WARM_UP_DATES_HTML, _WARM_UP_SHORT_HTML]
    for path in sorted((REPO_ROOT / "fixtures" / "html").rglob("*.html")):
        pages.append(path.read_text(encoding="utf-8", errors="replace"))
    return pages


def warm_up(extractor: Extractor, pages: list[str]) -> None:
    for html in pages:
        with contextlib.suppress(Exception):
            extractor(html)


def run_system(
    name: str,
    extractor: Extractor,
    pages: list[Page],
    outputs: dict[str, str] | None = None,
    warm: list[str] | None = None,
) -> SystemResult:
    """Extract every page (timing only the extraction calls) and score it."""
    result = SystemResult(name=name, available=True)
    warm_up(extractor, [_WARM_UP_HTML] if warm is None else warm)  # not timed
    scores: list[PageScore] = []
    seconds = 0.0
    for page in pages:
        start = time.perf_counter()
        try:
            pred = extractor(page.html)
        except Exception:
            pred = None
            result.errors += 1
        seconds += time.perf_counter() - start
        score = score_page(page.truth, pred)
        scores.append(score)
        result.scores[page.id] = score
        if outputs is not None:
            outputs[page.id] = pred or ""
    result.metrics = aggregate(scores)
    result.seconds = seconds
    return result


def run_interleaved(
    named: list[tuple[str, Extractor]], pages: list[Page], warm: list[str] | None = None
) -> list[SystemResult]:
    """Like `run_system` for every system, but page by page in turn: load from other processes
    weighs on each system alike, so the pages/s ratio between them holds on a busy machine."""
    results = [SystemResult(name=name, available=True) for name, _ in named]
    for _, extractor in named:
        warm_up(extractor, [_WARM_UP_HTML] if warm is None else warm)
    scores: list[list[PageScore]] = [[] for _ in named]
    for page in pages:
        for i, (_, extractor) in enumerate(named):
            start = time.perf_counter()
            try:
                pred = extractor(page.html)
            except Exception:
                pred = None
                results[i].errors += 1
            results[i].seconds += time.perf_counter() - start
            score = score_page(page.truth, pred)
            scores[i].append(score)
            results[i].scores[page.id] = score
    for result, system_scores in zip(results, scores, strict=True):
        result.metrics = aggregate(system_scores)
    return results


def write_per_page(path: Path, results: list[SystemResult], pages: list[Page]) -> None:
    with path.open("w", encoding="utf8", newline="") as f:
        writer = csv.writer(f, delimiter="\t", lineterminator="\n")
        writer.writerow(["system", "id", "precision", "recall", "tp", "fp", "fn", "exact"])
        for res in results:
            for page in pages:
                s = res.scores.get(page.id)
                if s is None:
                    continue
                writer.writerow(
                    [
                        res.name,
                        page.id,
                        f"{s.precision:.4f}",
                        f"{s.recall:.4f}",
                        f"{s.tp:.4f}",
                        f"{s.fp:.4f}",
                        f"{s.fn:.4f}",
                        int(s.exact),
                    ]
                )


def print_table(results: list[SystemResult]) -> None:
    width = max([len("system"), *(len(r.name) for r in results)])
    header = f"{'system':<{width}}  precision  recall     F1  accuracy  pages/s"
    print(header)
    print("-" * len(header))
    for r in results:
        if r.metrics is None:
            print(f"{r.name:<{width}}  {r.note or 'not available'}")
            continue
        m = r.metrics
        line = (
            f"{r.name:<{width}}  {m.precision:9.3f}  {m.recall:6.3f}  {m.f1:5.3f}"
            f"  {m.accuracy:8.3f}  {r.pages_per_s:7.1f}"
        )
        if r.errors:
            line += f"  ({r.errors} errors)"
        print(line)


def _dist_version(name: str) -> str | None:
    try:
        return version(name)
    except PackageNotFoundError:
        return None


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "data_dir",
        nargs="?",
        help="benchmark data directory (default: ../shared/bench/article-extraction-benchmark "
        "relative to the repository root)",
    )
    parser.add_argument(
        "--only",
        action="append",
        metavar="NAME",
        help="run only this system (repeatable)",
    )
    parser.add_argument(
        "--trafilatura",
        action="append",
        default=[],
        metavar="NAME=JSON",
        help="add a trafilatura.extract variant with these keyword arguments (repeatable)",
    )
    parser.add_argument("--per-page", type=Path, metavar="OUT.tsv", help="write per-page P/R")
    parser.add_argument("--json", action="store_true", help="print results as JSON")
    parser.add_argument(
        "--cold",
        action="store_true",
        help="warm up on one synthetic page only (first-use costs then fall in the timing)",
    )
    parser.add_argument(
        "--interleave",
        action="store_true",
        help="time the systems page by page in turn (stable speed ratios on a busy machine)",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    data_dir = find_data_dir(args.data_dir)
    if not data_present(data_dir):
        print(f"benchmark data not found at {data_dir}, skipping")
        return 0

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)

    systems = builtin_systems()
    for spec in args.trafilatura:
        name, sep, raw = spec.partition("=")
        if not sep or not name:
            print(f"--trafilatura expects NAME=JSON, got {spec!r}", file=sys.stderr)
            return 2
        kwargs = json.loads(raw)
        if not isinstance(kwargs, dict):
            print(f"--trafilatura {name}: JSON must be an object", file=sys.stderr)
            return 2
        systems[name] = lambda kw=kwargs: (trafilatura_extractor(**kw), "")

    selected = list(systems)
    if args.only:
        unknown = [n for n in args.only if n not in systems]
        if unknown:
            print(
                f"unknown system(s): {', '.join(unknown)}; known: {', '.join(systems)}",
                file=sys.stderr,
            )
            return 2
        selected = [n for n in selected if n in args.only]

    pages = load_pages(data_dir)
    warm = [_WARM_UP_HTML] if args.cold else warm_up_pages()
    results: list[SystemResult] = []
    ready: list[tuple[str, Extractor]] = []
    for name in selected:
        extractor, note = systems[name]()
        if extractor is None:
            results.append(SystemResult(name=name, available=False, note=note))
        elif args.interleave:
            ready.append((name, extractor))
        else:
            results.append(run_system(name, extractor, pages, warm=warm))
    if ready:
        results.extend(run_interleaved(ready, pages, warm=warm))

    if args.per_page:
        write_per_page(args.per_page, results, pages)

    if args.json:
        payload = {
            "data_dir": str(data_dir),
            "pages": len(pages),
            "trafilatura_version": _dist_version("trafilatura"),
            "systems": [r.as_dict() for r in results],
        }
        print(json.dumps(payload, indent=2))
    else:
        print(f"{len(pages)} pages from {data_dir} (trafilatura {_dist_version('trafilatura')})")
        print(
            f"each system warmed up on {len(warm)} page(s) not from the set before timing"
            + (" (--cold)" if args.cold else "")
        )
        print_table(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
