"""The `mtdetect` command line.

Exit codes (stable; pipelines rely on them):
  0  success
  1  --fail-on-flag was given and at least one document was flagged
  2  usage error, bad configuration or model, or any input that could not be read
     (every readable input is still scored and printed)
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from . import __version__
from .config import Config, find_config_file, load_config
from .errors import DetectorError, InputError
from .io import InputItem, plan_inputs
from .pipeline import Detector
from .render.text import render_text
from .results import DocumentResult

EXIT_OK, EXIT_FLAGGED, EXIT_ERROR = 0, 1, 2
COMMANDS = ("score", "rules", "report", "train", "evaluate")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2 (argparse prints usage too)
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"mtdetect: error: {message}\n")


def _add_config_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("rules and configuration")
    g.add_argument("--config", metavar="FILE", help="config file (.mtdetect.toml or pyproject.toml); default: nearest to the input")
    g.add_argument("--allow", action="append", default=[], metavar="TERM", help="never flag this name or term (repeatable)")
    g.add_argument("--disable", action="append", default=[], metavar="RULE", help="disable rules by id or prefix, e.g. names.near_miss or names")
    g.add_argument("--enable", action="append", default=[], metavar="RULE", help="re-enable rules by id or prefix")
    g.add_argument("--threshold", type=float, metavar="FLOAT", help="score at or above which a passage/document is flagged (default 0.5)")
    g.add_argument("--model", metavar="FILE", help="a model written by 'mtdetect train' (default: the shipped model)")
    g.add_argument("--trust-model", action="store_true", help="load --model even without a matching sidecar (model files run code)")


def _add_input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", metavar="PATH", help="files, directories or globs; none or '-' reads stdin")
    p.add_argument("--input-format", choices=("auto", "text", "jsonl"), default="auto", help="auto: .jsonl/.jsonl.gz files are JSONL")
    p.add_argument("-o", "--output", metavar="FILE", help="write output here instead of stdout")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    g = p.add_argument_group("scaling out")
    g.add_argument("-j", "--jobs", type=_jobs, default=1, metavar="N", help="worker processes (default 1: in this process; -1: all cores)")
    g.add_argument("--dask", metavar="ADDRESS", help="score on a dask.distributed cluster, e.g. tcp://HOST:8786 (pip install 'detector[dask]')")


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid --jobs value {value!r}: give a whole number (-1 = all cores)") from None
    if n == 0:
        raise argparse.ArgumentTypeError("--jobs 0: give a number of processes (1 = in this process, -1 = all cores)")
    return n


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="mtdetect", description="Find machine-translation, spinner and garbling artefacts in English text.")
    parser.add_argument("--version", action="version", version=f"mtdetect {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    score = sub.add_parser("score", help="score documents and list findings")
    _add_input_options(score)
    score.add_argument("--format", choices=("text", "json", "jsonl", "html"), default="text")
    score.add_argument("--fail-on-flag", action="store_true", help="exit 1 when any document is flagged")
    score.add_argument("--features", action="store_true", help="include every passage's feature values in json/jsonl")
    score.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour in text output (auto: TTY and no NO_COLOR)")
    _add_config_options(score)

    rules = sub.add_parser("rules", help="list every rule with its id, severity and explanation")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    rules.add_argument("id", nargs="?", help="show one rule (or every rule under a prefix)")

    from .commands import add_extra_commands

    add_extra_commands(sub, _add_input_options, _add_config_options)
    return parser


def _normalise_argv(argv: list[str]) -> list[str]:
    """`mtdetect FILE` means `mtdetect score FILE`."""
    if argv and argv[0] not in COMMANDS and not argv[0].startswith("-"):
        return ["score", *argv]
    if argv and argv[0] == "-":
        return ["score", *argv]
    return argv


def main(argv: list[str] | None = None) -> int:
    argv = _normalise_argv(list(sys.argv[1:] if argv is None else argv))
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    try:
        return int(args.func(args)) if hasattr(args, "func") else _COMMAND_FUNCS[args.command](args)
    except DetectorError as e:
        _error(str(e))
        return e.exit_code
    except BrokenPipeError:  # `mtdetect ... | head`: stop quietly
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        except OSError:
            pass
        return EXIT_OK
    except KeyboardInterrupt:
        _error("interrupted")
        return 130


def _error(message: str) -> None:
    print(f"mtdetect: error: {message}", file=sys.stderr)


def _warn(message: str) -> None:
    print(f"mtdetect: warning: {message}", file=sys.stderr)


# --- configuration per input --------------------------------------------------------


class DetectorPool:
    """One Detector per configuration file, all sharing one loaded model."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self._by_config: dict[str | None, Detector] = {}
        self._by_source: dict[str, Detector] = {}  # a JSONL file's rows share one look-up
        self._explicit = Path(args.config) if getattr(args, "config", None) else None
        if self._explicit is not None and not self._explicit.is_file():
            raise DetectorError(f"{self._explicit}: config file not found; check --config")
        # Bad options stop the run before any input is read, not after a stream of per-input errors.
        if getattr(args, "threshold", None) is not None:
            Config().with_overrides(threshold=args.threshold)
        model = getattr(args, "model", None)
        if model and not Path(model).is_file():
            raise DetectorError(f"{model}: model file not found; give the path of a file written by 'mtdetect train'")
        self._model: Any = None

    def _config_for(self, source: str) -> tuple[str | None, Config]:
        path = self._explicit or find_config_file(None if source in ("-", "<stdin>") else Path(source))
        key = str(path) if path else None
        base = load_config(path)
        a = self.args
        return key, base.with_overrides(threshold=a.threshold, allow=a.allow, disable=a.disable, enable=a.enable)

    def for_source(self, source: str) -> Detector:
        if source in self._by_source:
            return self._by_source[source]
        path = self._explicit or find_config_file(None if source in ("-", "<stdin>") else Path(source))
        key = str(path) if path else None
        if key not in self._by_config:
            _, config = self._config_for(source)
            det = Detector(config=config, model=self.args.model, trust_model=self.args.trust_model, keep_features=getattr(self.args, "features", False))
            if self._model is None:
                self._model = det.model  # load (and verify) once; fail early on a bad model
            det._model = self._model
            self._by_config[key] = det
        self._by_source[source] = self._by_config[key]
        return self._by_config[key]


# --- output writers -------------------------------------------------------------------


class _Writer:
    def __init__(self, out: IO[str], args: argparse.Namespace) -> None:
        self.out, self.args = out, args

    def write(self, item: InputItem, result: DocumentResult) -> None: ...

    def close(self) -> None: ...


class _TextWriter(_Writer):
    def __init__(self, out: IO[str], args: argparse.Namespace) -> None:
        super().__init__(out, args)
        if args.color == "always":
            self.colour = True
        elif args.color == "never":
            self.colour = False
        else:
            self.colour = out.isatty() and "NO_COLOR" not in os.environ

    def write(self, item: InputItem, result: DocumentResult) -> None:
        self.out.write(render_text(result, item.text, item.source, item.line, self.colour) + "\n")


class _JsonlWriter(_Writer):
    def write(self, item: InputItem, result: DocumentResult) -> None:
        self.out.write(json.dumps(result.to_dict(self.args.features), ensure_ascii=False) + "\n")
        self.out.flush()


class _JsonWriter(_Writer):
    """One object for one document, an array for several (streamed, one look-ahead)."""

    def __init__(self, out: IO[str], args: argparse.Namespace) -> None:
        super().__init__(out, args)
        self.pending: dict | None = None
        self.count = 0

    def write(self, item: InputItem, result: DocumentResult) -> None:
        d = result.to_dict(self.args.features)
        if self.count == 1:
            self.out.write("[\n" + json.dumps(self.pending, ensure_ascii=False, indent=2))
            self.pending = None
        if self.count >= 1:
            self.out.write(",\n" + json.dumps(d, ensure_ascii=False, indent=2))
        else:
            self.pending = d
        self.count += 1

    def close(self) -> None:
        if self.count == 1:
            self.out.write(json.dumps(self.pending, ensure_ascii=False, indent=2) + "\n")
        elif self.count > 1:
            self.out.write("\n]\n")
        else:
            self.out.write("[]\n")


def _html_writer(out: IO[str], args: argparse.Namespace) -> _Writer:
    from .render.html import HtmlWriter

    return HtmlWriter(out, args)


WRITERS = {"text": _TextWriter, "jsonl": _JsonlWriter, "json": _JsonWriter, "html": _html_writer}


def _open_output(path: str | None) -> IO[str]:
    if not path or path == "-":
        return sys.stdout
    try:
        return open(path, "w", encoding="utf-8")  # noqa: SIM115
    except OSError as e:
        raise DetectorError(f"{path}: cannot write output ({e.strerror}); check the directory and permissions") from None


# --- commands -------------------------------------------------------------------------


def score_items(args: argparse.Namespace) -> Iterator[tuple[InputItem, DocumentResult] | InputError]:
    """Score every input in order; unreadable inputs come through as InputError."""
    pool = DetectorPool(args)
    from .parallel import score_stream

    if getattr(args, "dask", None) and getattr(args, "jobs", 1) != 1:
        raise DetectorError("--jobs and --dask: give one of them (--dask uses the cluster's workers)")
    yield from score_stream(plan_inputs(args.paths, args.input_format), pool, args)


def cmd_score(args: argparse.Namespace) -> int:
    out = _open_output(args.output)
    writer = WRITERS[args.format](out, args)
    errors = flagged = 0
    try:
        for entry in score_items(args):
            if isinstance(entry, InputError):
                errors += 1
                _error(str(entry))
                continue
            item, result = entry
            for w in item.warnings:
                _warn(w)
            writer.write(item, result)
            flagged += result.flagged
    except DetectorError:
        writer.close()  # a bad config or model stops the run: keep what was written valid JSON
        raise
    else:
        writer.close()
    finally:
        if out is not sys.stdout:
            out.close()
        else:
            out.flush()
    if errors:
        return EXIT_ERROR
    return EXIT_FLAGGED if (args.fail_on_flag and flagged) else EXIT_OK


def cmd_rules(args: argparse.Namespace) -> int:
    from .rules import all_rules

    rules = [r for r in all_rules() if not args.id or r.id == args.id or r.id.startswith(args.id + ".")]
    if args.id and not rules:
        raise DetectorError(f"{args.id}: no such rule or prefix; run 'mtdetect rules' to list them")
    if args.format == "json":
        print(json.dumps([{"id": r.id, "severity": r.severity, "message": r.message, "explanation": r.explanation} for r in rules], indent=2))
        return EXIT_OK
    for r in rules:
        print(f"{r.id:32} {r.severity:8} {r.message}")
        if args.id:
            print(f"    {r.explanation}\n")
    return EXIT_OK


_COMMAND_FUNCS = {"score": cmd_score, "rules": cmd_rules}
