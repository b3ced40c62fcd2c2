"""The `newsclean` command line: `clean` inputs into records, `explain` one input's blocks."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from cleaners.document import Document, ReadError
from cleaners.explain import explain_html, explain_text
from cleaners.pipeline import clean_document
from cleaners.readers import read_inputs
from cleaners.summary import RunSummary
from cleaners.writers import AtomicJsonlWriter


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsclean", description="Clean raw news pages and text dumps into article records."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    clean = commands.add_parser("clean", help="clean inputs into JSONL records")
    clean.add_argument("inputs", nargs="+", metavar="INPUT", help="files or directories")
    clean.add_argument("-o", "--output", default="-", help="output JSONL (default: stdout)")
    clean.add_argument("--rejects", help="also write rejected records (with reasons) here")
    clean.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    explain = commands.add_parser("explain", help="show every block of one input with its verdict")
    explain.add_argument("input", metavar="FILE")
    return parser


def _clean(args: argparse.Namespace) -> int:
    summary = RunSummary()
    with (
        AtomicJsonlWriter(args.output) as out,
        AtomicJsonlWriter(args.rejects) if args.rejects else _NullWriter() as rejects,
    ):
        for item in read_inputs(args.inputs):
            if isinstance(item, ReadError):
                summary.add_error(item)
                print(f"newsclean: error: {item}", file=sys.stderr)
                continue
            try:
                article = clean_document(item)
            except Exception as exc:  # one bad page must not stop the batch
                error = ReadError(item.source, "cleaning_failed", f"{type(exc).__name__}: {exc}")
                summary.add_error(error)
                print(f"newsclean: error: {error}", file=sys.stderr)
                continue
            summary.add_article(article)
            (out if article.ok else rejects).write(article.to_dict())
    if not args.quiet:
        print(summary.render(), file=sys.stderr)
    return 0 if summary.documents else 1


class _NullWriter:
    def __enter__(self) -> _NullWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def write(self, record: object) -> None:
        return None


def _explain(args: argparse.Namespace) -> int:
    for item in read_inputs([args.input]):
        if isinstance(item, ReadError):
            print(f"newsclean: error: {item}", file=sys.stderr)
            return 1
        assert isinstance(item, Document)
        if item.html is not None:
            print(explain_html(item.html, item.source))
        else:
            print(explain_text(item.text or "", item.source))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "clean":
        return _clean(args)
    return _explain(args)


if __name__ == "__main__":
    raise SystemExit(main())
