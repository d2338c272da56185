"""Sub-commands beyond `score` and `rules`: `report`, `train`, `evaluate`.

Each adds its own arguments and sets `func`; the modules that do the work are imported
only when the command runs, so `mtdetect score` starts fast.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from .errors import DetectorError


def _not_yet(name: str) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        raise DetectorError(f"mtdetect {name}: not available in this version")

    return run


def add_extra_commands(sub: argparse._SubParsersAction, add_input: Callable, add_config: Callable) -> None:
    report = sub.add_parser("report", help="write a self-contained HTML (or JSON summary) report for documents")
    add_input(report)
    report.add_argument("--format", choices=("html", "json"), default="html")
    add_config(report)
    report.set_defaults(func=_not_yet("report"))

    train = sub.add_parser("train", help="train a model on your own labelled text")
    train.add_argument("--positives", action="append", default=[], metavar="PATH", help="texts with artefacts (files, dirs, JSONL)")
    train.add_argument("--negatives", action="append", default=[], metavar="PATH", help="clean texts")
    train.add_argument("-o", "--output", required=True, metavar="FILE", help="model file to write (a .json sidecar is written beside it)")
    train.set_defaults(func=_not_yet("train"))

    evaluate = sub.add_parser("evaluate", help="AUC, precision and recall on JSONL rows with text and label")
    evaluate.add_argument("file", metavar="FILE.jsonl")
    add_config(evaluate)
    evaluate.set_defaults(func=_not_yet("evaluate"))
