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


def _read_texts(paths: list[str], what: str) -> list[str]:
    """Every non-empty text under `paths` (files, directories, JSONL); unreadable input is an error."""
    from .io import iter_inputs

    if not paths:
        raise DetectorError(f"mtdetect train: give at least one --{what} PATH (text files, directories or JSONL with \"text\")")
    texts = []
    for item in iter_inputs(paths):
        if isinstance(item, DetectorError):
            raise item
        if item.text.strip():
            texts.append(item.text)
    return texts


def _run_train(args: argparse.Namespace) -> int:
    """`mtdetect train`: fit a model on labelled texts, write it with its SHA-256 sidecar."""
    from .classifier import save_model, train_model

    positives = _read_texts(args.positives, "positives")
    negatives = _read_texts(args.negatives, "negatives")
    model = train_model(positives, negatives, seed=args.seed)
    meta = save_model(model, args.output)
    n = model.meta.get("training", {}).get("passages", 0)
    print(
        f"mtdetect: wrote {args.output} and {Path(args.output).with_suffix('.json').name} "
        f"({len(positives)} positive, {len(negatives)} negative texts, {n} passages, sha256 {meta['sha256'][:12]}...)",
        file=sys.stderr,
    )
    return 0


def _label_of(value: object, where: str) -> int:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (int, float)) and value in (0, 1):
        return int(value)
    if isinstance(value, str) and value.strip().lower() in ("0", "1", "true", "false"):
        return int(value.strip().lower() in ("1", "true"))
    raise DetectorError(f"{where}: \"label\" must be 0 or 1 (or true/false), got {value!r}")


def _run_evaluate(args: argparse.Namespace) -> int:
    """`mtdetect evaluate FILE.jsonl`: score every row and compare with its `label`."""
    from .classifier import evaluation_metrics
    from .cli import DetectorPool
    from .io import read_jsonl_input

    if not Path(args.file).is_file():
        raise DetectorError(f"{args.file}: no such file; give a JSONL file with \"text\" and \"label\" on every line")
    pool = DetectorPool(args)
    labels: list[int] = []
    scores: list[float] = []
    threshold = None
    model_name = ""
    for item in read_jsonl_input(args.file):
        if isinstance(item, DetectorError):
            raise item
        if "label" not in item.extra:
            raise DetectorError(f"{item.source}:{item.line}: no \"label\"; every line needs \"text\" and \"label\" (0 or 1)")
        labels.append(_label_of(item.extra["label"], f"{item.source}:{item.line}"))
        detector = pool.for_source(item.source)
        threshold = detector.config.threshold
        result = detector.score(item.text, id=item.id)
        model_name = result.detector.get("model", "")
        scores.append(result.score)
    if len(labels) < 2 or len(set(labels)) < 2:
        raise DetectorError(f"{args.file}: needs rows of both labels (0 and 1) to compute AUC; got {len(labels)} row(s) with labels {sorted(set(labels))}")
    metrics = evaluation_metrics(labels, scores, threshold if threshold is not None else 0.5)
    metrics = {"file": args.file, "model": model_name, **metrics}
    if args.format == "json":
        print(json.dumps(metrics, indent=2))
    else:
        print(f"{args.file}: {metrics['n']} texts ({metrics['positives']} positive), model {model_name}, threshold {metrics['threshold']:.2f}")
        for key in ("auc", "precision", "recall", "f1", "false_positive_rate"):
            print(f"{key:20s} {metrics[key]:.3f}")
    return 0


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
    train.add_argument("--seed", type=int, default=0, help="random seed (folds of the calibration)")
    train.set_defaults(func=_run_train)

    evaluate = sub.add_parser("evaluate", help="AUC, precision and recall on JSONL rows with text and label")
    evaluate.add_argument("file", metavar="FILE.jsonl")
    evaluate.add_argument("--format", choices=("text", "json"), default="text")
    add_config(evaluate)
    evaluate.set_defaults(func=_run_evaluate)
