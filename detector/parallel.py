"""Scoring a stream of inputs: in order, one process for now, with an optional progress bar."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from typing import Any

from .errors import InputError
from .io import InputItem
from .results import DocumentResult


def _progress(items: Iterable[Any], args: argparse.Namespace) -> Iterable[Any]:
    if getattr(args, "quiet", False) or not sys.stderr.isatty():
        return items
    from tqdm import tqdm

    return tqdm(items, unit="doc", file=sys.stderr, mininterval=0.5, leave=False)


def score_stream(
    items: Iterable[InputItem | InputError], pool: Any, args: argparse.Namespace
) -> Iterator[tuple[InputItem, DocumentResult] | InputError]:
    for item in _progress(items, args):
        if isinstance(item, InputError):
            yield item
            continue
        detector = pool.for_source(item.source)
        yield item, detector.score(item.text, id=item.id, extra=item.extra, warnings=item.warnings)
