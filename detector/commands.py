"""Sub-commands beyond `score` and `rules`: `report`, `train`, `evaluate`.

Each adds its own arguments and sets `func`; the modules that do the work are imported
only when the command runs, so `mtdetect score` starts fast.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from .errors import DetectorError


def _not_yet(name: str) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        raise DetectorError(f"mtdetect {name}: not available in this version")

    return run


@contextmanager
def _replace_on_success(path: str | None) -> Iterator[IO[str]]:
    """stdout, or a temporary file beside `path` that replaces it only when the report is
    complete: a run that fails half-way leaves the previous report in place."""
    if not path or path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    target = Path(path)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        fh = open(tmp, "w", encoding="utf-8")  # noqa: SIM115
    except OSError as e:
        raise DetectorError(f"{path}: cannot write output ({e.strerror}); check the directory and permissions") from None
    done = False
    try:
        yield fh
        done = True
    finally:
        fh.close()
        if done:
            try:
                os.replace(tmp, target)
            except OSError as e:
                tmp.unlink(missing_ok=True)
                raise DetectorError(f"{path}: cannot write output ({e.strerror}); check the path and permissions") from None
        else:
            tmp.unlink(missing_ok=True)


def _run_report(args: argparse.Namespace) -> int:
    """`mtdetect report`: every readable input is scored and goes into one HTML report (or,
    with --format json, the batch summary); unreadable inputs are reported on stderr, counted
    in the summary, and make the exit code 2."""
    from .cli import EXIT_ERROR, EXIT_OK, _error, _warn, score_items
    from .errors import InputError
    from .render.html import HtmlWriter
    from .render.summary import SummaryBuilder, threshold_for

    errors = 0
    with _replace_on_success(args.output) as out:
        html = HtmlWriter(out, args) if args.format == "html" else None
        summary: SummaryBuilder | None = None
        for entry in score_items(args):
            if isinstance(entry, InputError):
                errors += 1
                _error(str(entry))
                if html is not None:
                    html.add_error(str(entry))
                continue
            item, result = entry
            for w in item.warnings:
                _warn(w)
            if html is not None:
                html.write(item, result)
            else:
                summary = summary or SummaryBuilder(threshold_for(args, item.source))
                summary.add(result)
        if html is not None:
            html.close()
        else:
            summary = summary or SummaryBuilder(threshold_for(args, "-"))
            summary.add_unreadable(errors)
            out.write(json.dumps(summary.to_dict(), ensure_ascii=False, indent=2) + "\n")
    return EXIT_ERROR if errors else EXIT_OK


def add_extra_commands(sub: argparse._SubParsersAction, add_input: Callable, add_config: Callable) -> None:
    report = sub.add_parser("report", help="write a self-contained HTML (or JSON summary) report for documents")
    add_input(report)
    report.add_argument("--format", choices=("html", "json"), default="html")
    add_config(report)
    report.set_defaults(func=_run_report)

    train = sub.add_parser("train", help="train a model on your own labelled text")
    train.add_argument("--positives", action="append", default=[], metavar="PATH", help="texts with artefacts (files, dirs, JSONL)")
    train.add_argument("--negatives", action="append", default=[], metavar="PATH", help="clean texts")
    train.add_argument("-o", "--output", required=True, metavar="FILE", help="model file to write (a .json sidecar is written beside it)")
    train.set_defaults(func=_not_yet("train"))

    evaluate = sub.add_parser("evaluate", help="AUC, precision and recall on JSONL rows with text and label")
    evaluate.add_argument("file", metavar="FILE.jsonl")
    add_config(evaluate)
    evaluate.set_defaults(func=_not_yet("evaluate"))
