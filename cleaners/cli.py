"""The `newsclean` command line: `clean` inputs into records, `explain` one input's blocks."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections import Counter
from collections.abc import Iterator, Sequence

from cleaners.batch import BatchOptions, Item, default_jobs
from cleaners.budget import DEFAULT_SECONDS
from cleaners.document import Document, ReadError
from cleaners.extras import MissingExtra, check
from cleaners.output import output_problem
from cleaners.readers import (
    ReaderOptions,
    add_reader_arguments,
    parse_size,
    read_inputs,
    reader_options,
)
from cleaners.run import RunConfig, UsageError, check_outputs, run
from cleaners.version import package_version

EXAMPLES = """examples:
  newsclean clean dumps/ -o out/articles.jsonl --rejects out/rejects.jsonl
  newsclean clean 'crawl-*.warc.gz' pages.jsonl.gz -o articles.parquet -j 4 --dedup
  zcat dump.jsonl.gz | newsclean clean - --html-field body --url-field link > articles.jsonl
  newsclean clean dumps/ -o out/parts --scheduler tcp://scheduler:8786
  newsclean clean dumps/ -o out/articles.jsonl --scheduler local --workers 2 --merge
  newsclean explain page.html
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsclean",
        description="Clean raw news pages and text dumps into article records.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {package_version()}")
    commands = parser.add_subparsers(dest="command", required=True)
    clean = commands.add_parser(
        "clean",
        help="clean inputs into records (JSONL or Parquet)",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    clean.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="files, directories (recursive), glob patterns, or - for JSONL on stdin; "
        ".txt .html .htm .jsonl .warc .arc, each optionally .gz",
    )
    clean.add_argument(
        "-o", "--output", default="-", help="OUT.jsonl or OUT.parquet (default: JSONL on stdout)"
    )
    clean.add_argument("--rejects", metavar="FILE", help="also write rejected records here")
    clean.add_argument(
        "-j",
        "--jobs",
        type=_positive_int,
        default=None,
        help=f"worker processes (default: all cores, here {default_jobs()})",
    )
    clean.add_argument(
        "--split-stories",
        action="store_true",
        help="an unrelated second story becomes its own record (story_index 1, 2...)",
    )
    clean.add_argument(
        "--dedup",
        action="store_true",
        help="drop exact and near-duplicate bodies across the run (the first copy is kept "
        "and counts the others in `duplicates`)",
    )
    clean.add_argument(
        "--lang",
        metavar="CODES",
        help="keep only these languages, e.g. en,ar (others are rejected as `language`)",
    )
    clean.add_argument(
        "--resume",
        action="store_true",
        help="continue an interrupted run of the same command from its checkpoint",
    )
    clean.add_argument(
        "--strict", action="store_true", help="exit non-zero when any input had an error"
    )
    clean.add_argument(
        "--time-budget",
        type=_seconds,
        default=DEFAULT_SECONDS,
        metavar="SECONDS",
        help=f"cleaning time per document before it becomes a `timeout` error "
        f"(default {DEFAULT_SECONDS:g}; 0: no limit)",
    )
    clean.add_argument("--no-progress", action="store_true", help="no progress on stderr")
    clean.add_argument(
        "-q", "--quiet", action="store_true", help="no progress and no summary on stderr"
    )
    add_reader_arguments(clean)
    _add_cluster_arguments(clean)
    explain = commands.add_parser("explain", help="show every block of one input with its verdict")
    explain.add_argument("input", metavar="FILE")
    explain.add_argument("--html", metavar="OUT.html", help="draw it as an HTML page instead")
    report = commands.add_parser("report", help="an HTML page of what a run removed")
    report.add_argument("inputs", nargs="+", metavar="RECORDS", help="JSONL or Parquet records")
    report.add_argument("-o", "--output", required=True, metavar="OUT.html")
    report.add_argument(
        "--top", type=int, default=50, metavar="N", help="documents shown in full (default 50)"
    )
    return parser


def _add_cluster_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("Dask cluster (see README: Scaling out)")
    group.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="clean on a Dask cluster: a scheduler address (tcp://host:8786), a scheduler "
        "file (.json), or `local` to start one here; -o is then a directory of part files "
        "plus manifest.json",
    )
    group.add_argument(
        "--workers",
        type=_positive_int,
        metavar="N",
        help="with --scheduler local: worker processes (default: all cores)",
    )
    group.add_argument(
        "--merge",
        action="store_true",
        help="with --scheduler: concatenate the parts into -o FILE (JSONL or Parquet), "
        "byte-identical to a local run",
    )
    group.add_argument(
        "--shard-size",
        type=parse_size,
        metavar="SIZE",
        help="with --scheduler: input bytes per shard, e.g. 16M (default); big JSONL files "
        "are cut at line starts",
    )


def _seconds(value: str) -> float | None:
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if seconds < 0:
        raise argparse.ArgumentTypeError("must be 0 (no limit) or more")
    return seconds or None


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def _languages(value: str | None) -> frozenset[str] | None:
    if not value:
        return None
    codes = frozenset(c.strip().lower() for c in value.split(",") if c.strip())
    from cleaners.language import known_languages, unknown_languages

    if unknown := unknown_languages(codes):
        raise UsageError(
            f"--lang: unknown language code {', '.join(map(repr, unknown))} (every record "
            f"would be rejected); codes are ISO 639-1: {', '.join(sorted(known_languages()))}"
        )
    return codes or None


def _clean(args: argparse.Namespace) -> int:
    try:
        languages = _languages(args.lang)
    except UsageError as exc:
        print(f"newsclean: error: {exc}", file=sys.stderr)
        return 2
    options = reader_options(args)
    config = RunConfig(
        inputs=list(args.inputs),
        output=args.output,
        rejects=args.rejects,
        jobs=args.jobs or default_jobs(),
        options=BatchOptions(
            split_stories=args.split_stories,
            languages=languages,
            dedup=args.dedup,
            time_budget=args.time_budget,
        ),
        resume=args.resume,
        strict=args.strict,
        progress=not args.no_progress,
        quiet=args.quiet,
        extra_key=repr(options),
    )

    def read(inputs: list[str], skipped: Counter[str]) -> Iterator[Item]:
        return read_inputs(inputs, options, stdin=sys.stdin.buffer, skipped=skipped)

    try:
        _check_extras(args)
        if not args.scheduler or args.merge:  # else -o and --rejects name part directories
            for problem in map(output_problem, (args.output, args.rejects)):
                if problem:
                    raise UsageError(problem)
        if args.scheduler:
            check_outputs(config.inputs, config.output, config.rejects)
            return _clean_on_cluster(args, config, options)
        if args.workers or args.merge or args.shard_size:
            raise UsageError("--workers, --merge and --shard-size go with --scheduler")
        return run(config, read)
    except (UsageError, MissingExtra) as exc:
        print(f"newsclean: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _check_extras(args: argparse.Namespace) -> None:
    """The optional packages the options need, before anything runs (README "Install")."""
    outputs = [str(args.output or ""), str(args.rejects or "")]
    if any(o.endswith(".parquet") for o in outputs):
        check("pyarrow")
    if args.dedup:
        check("numpy")
    if args.scheduler:
        check("distributed")


def _clean_on_cluster(args: argparse.Namespace, config: RunConfig, options: ReaderOptions) -> int:
    from cleaners.distributed.runner import LOCAL, ClusterConfig, run_distributed
    from cleaners.distributed.shards import DEFAULT_SHARD_BYTES

    if args.workers and args.scheduler != LOCAL:
        raise UsageError("--workers is for --scheduler local (a cluster has its own workers)")
    cluster = ClusterConfig(
        scheduler=args.scheduler,
        workers=args.workers,
        merge=args.merge,
        shard_bytes=args.shard_size or DEFAULT_SHARD_BYTES,
    )
    return run_distributed(config, options, cluster)


def _explain(args: argparse.Namespace) -> int:
    from cleaners.explain import explain_document

    if args.html:
        return _report(args)
    for item in read_inputs([args.input], ReaderOptions()):
        if isinstance(item, ReadError):
            print(f"newsclean: error: {item}", file=sys.stderr)
            return 1
        assert isinstance(item, Document)
        if item.source != args.input:  # one of many (a directory, a JSONL or WARC file)
            print(f"==> {item.source} <==", end="\n\n")
        print(explain_document(item))  # with its URL, site, rule pack and charset
    return 0


def _report(args: argparse.Namespace) -> int:
    from cleaners.report import commands

    output = args.html if args.command == "explain" else args.output
    problem = commands.html_output_problem(output)
    if problem:
        print(f"newsclean: error: {problem}", file=sys.stderr)
        return 2
    if args.command == "explain":
        return commands.explain_to_html(args.input, output)
    return commands.report_to_html(args.inputs, output, args.top)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "clean":
            return _clean(args)
        if args.command == "report":
            return _report(args)
        return _explain(args)
    except BrokenPipeError:
        # The reader went away (`newsclean clean ... | head`): stop quietly, as a program
        # killed by SIGPIPE does. Python would report the failed flush of stdout at exit,
        # so stdout now points to /dev/null.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 128 + signal.SIGPIPE


if __name__ == "__main__":
    raise SystemExit(main())
