"""Scoring with dask: a `dask.bag` or `dask.dataframe` of texts, or JSONL shards, on any
dask scheduler (threads, processes, or a `dask.distributed` cluster).

    import dask.bag as db
    from detector.dask import score_bag, score_dataframe, score_jsonl_shards

    results = score_bag(db.from_sequence(texts, npartitions=8)).compute()   # result dicts
    scored = score_dataframe(ddf, text_column="body", id_column="url")      # + score, flagged, findings
    score_jsonl_shards("s3://bucket/in/*.jsonl.gz", "out/", scheduler=client)

Each worker process builds its Detector, and loads the model, once, then reuses it for every
partition. Needs the optional dependencies: `pip install 'detector[dask]'`; the workers need
mtdetect installed too (the same version).
"""

from __future__ import annotations

from .errors import DetectorError

_INSTALL_HINT = "detector.dask needs dask: pip install 'detector[dask]'"

try:
    import dask
    import dask.bag as db
except ImportError:
    raise DetectorError(_INSTALL_HINT) from None

import json  # noqa: E402
import os  # noqa: E402
from collections.abc import Iterable  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from typing import Any  # noqa: E402

from .config import Config  # noqa: E402
from .parallel import ScoringSettings, worker_detector  # noqa: E402
from .results import SCORE_DIGITS  # noqa: E402

__all__ = ["ShardReport", "score_bag", "score_dataframe", "score_jsonl_shards"]


def _settings(model: str | None, trust_model: bool, features: bool) -> ScoringSettings:
    return ScoringSettings(os.path.abspath(model) if model else None, trust_model, features)


# --- bags -----------------------------------------------------------------------------


def _score_items(items: Iterable[Any], settings: ScoringSettings, config: Config) -> list[dict[str, Any]]:
    detector = worker_detector(settings, config)
    out = []
    for item in items:
        if isinstance(item, str):
            result = detector.score(item)
        elif isinstance(item, tuple):
            result = detector.score(item[1], id=item[0])
        elif isinstance(item, dict):
            extra = {k: v for k, v in item.items() if k not in ("text", "id")}
            result = detector.score(item["text"], id=item.get("id"), extra=extra)
        else:
            raise DetectorError(f"score_bag: items must be str, (id, text) or a dict with \"text\", got {type(item).__name__}")
        out.append(result.to_dict(settings.keep_features))
    return out


def score_bag(
    bag: db.Bag,
    config: Config | None = None,
    model: str | None = None,
    trust_model: bool = False,
    features: bool = False,
) -> db.Bag:
    """A bag of result dicts (`DocumentResult.to_dict()`, the JSONL output schema), one per item.

    Items are strings (id None), (id, text) pairs, or dicts with `text` and optional `id`
    (other keys are passed through, as in JSONL). `model` is a model file readable on every
    worker (default: the shipped model); `features` adds per-passage feature values."""
    settings = _settings(model, trust_model, features)
    return bag.map_partitions(_score_items, settings, config or Config())


# --- dataframes -----------------------------------------------------------------------


def _score_frame(
    frame: Any, text_column: str, id_column: str | None, settings: ScoringSettings, config: Config
) -> Any:
    detector = worker_detector(settings, config)
    ids = frame[id_column] if id_column is not None else frame.index
    scores, flagged, findings = [], [], []
    for text, id_ in zip(frame[text_column], ids, strict=True):
        if not isinstance(text, str):  # a missing value (None, NaN): nothing to score
            scores.append(float("nan"))
            flagged.append(False)
            findings.append(None)
            continue
        result = detector.score(text, id=_plain(id_))
        scores.append(round(float(result.score), SCORE_DIGITS))
        flagged.append(result.flagged)
        findings.append(json.dumps([f.to_dict() for f in result.findings], ensure_ascii=False))
    out = frame.copy()
    out["score"] = scores
    out["flagged"] = flagged
    out["findings"] = findings
    return out


def _plain(value: Any) -> Any:
    """numpy scalars as Python values (the id goes into results and JSON)."""
    return value.item() if hasattr(value, "item") else value


def score_dataframe(
    df: Any,
    text_column: str = "text",
    id_column: str | None = None,
    config: Config | None = None,
    model: str | None = None,
    trust_model: bool = False,
) -> Any:
    """`df` with three more columns: `score` (float, rounded as in JSON output; NaN where the
    text is missing), `flagged` (bool) and `findings` (the findings as a JSON array string,
    the `findings` of the JSONL output). The id of each row is `id_column`, else the index."""
    try:
        import pandas as pd
    except ImportError:
        raise DetectorError(_INSTALL_HINT) from None
    if text_column not in df.columns:
        raise DetectorError(f"score_dataframe: no column {text_column!r}; pass text_column= one of {list(df.columns)}")
    if id_column is not None and id_column not in df.columns:
        raise DetectorError(f"score_dataframe: no column {id_column!r}; pass id_column= one of {list(df.columns)} or None")
    meta = df._meta.copy()
    meta["score"] = pd.Series(dtype="float64")
    meta["flagged"] = pd.Series(dtype="bool")
    meta["findings"] = pd.Series(dtype="object")
    settings = _settings(model, trust_model, False)
    return df.map_partitions(_score_frame, text_column, id_column, settings, config or Config(), meta=meta)


# --- JSONL shards ---------------------------------------------------------------------


@dataclass(frozen=True)
class ShardReport:
    input: str
    output: str
    documents: int  # rows scored and written
    errors: tuple[str, ...] = field(default=())  # unreadable rows, one line each, as the CLI prints them


def _output_name(path: str) -> str:
    name = path.rstrip("/").rsplit("/", 1)[-1]
    for suffix in (".gz", ".jsonl", ".ndjson"):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
    return name + ".jsonl"


def _score_shard(in_path: str, out_path: str, settings: ScoringSettings, config: Config) -> ShardReport:
    """Stream one JSONL shard (gzip by suffix) into one JSONL result shard, line by line;
    written to a temporary name and renamed when complete."""
    import fsspec

    from .errors import InputError
    from .io import read_jsonl_stream

    detector = worker_detector(settings, config)
    errors: list[str] = []
    documents = 0
    fs, _, _ = fsspec.get_fs_token_paths(out_path)
    tmp = f"{out_path}.part"
    with fsspec.open(in_path, "rb") as raw, fs.open(tmp, "wb") as out:
        for item in read_jsonl_stream(raw, in_path, gzipped=in_path.lower().endswith(".gz")):
            if isinstance(item, InputError):
                errors.append(str(item))
                continue
            result = detector.score(item.text, id=item.id, extra=item.extra, warnings=item.warnings)
            out.write((json.dumps(result.to_dict(settings.keep_features), ensure_ascii=False) + "\n").encode("utf-8"))
            documents += 1
    fs.mv(tmp, out_path)
    return ShardReport(in_path, out_path, documents, tuple(errors))


def score_jsonl_shards(
    input_glob: str,
    output_dir: str,
    scheduler: Any = None,
    config: Config | None = None,
    model: str | None = None,
    trust_model: bool = False,
    features: bool = False,
) -> list[ShardReport]:
    """Score every JSONL shard matching `input_glob` (`.jsonl`, `.jsonl.gz`; local paths or
    any fsspec URL the workers can reach) into `output_dir/<shard>.jsonl`, one task per shard.

    Output lines are exactly what `mtdetect score --format jsonl SHARD` prints. Memory per
    task is bounded by the longest line. `scheduler` is passed to `dask.compute`
    ("threads", "processes", "sync", or a `distributed.Client`). Returns one report per
    shard, in input order; unreadable rows are listed in its `errors`."""
    import fsspec

    fs, _, paths = fsspec.get_fs_token_paths(input_glob)
    if not paths:
        raise DetectorError(f"{input_glob}: no file matches this pattern; check the glob")
    inputs = [fs.unstrip_protocol(p) if "://" in input_glob else p for p in sorted(paths)]
    names = [_output_name(p) for p in inputs]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise DetectorError(f"{input_glob}: several shards would be written to the same output {dupes[0]!r}; give shards distinct names")
    out_fs, _, (out_root,) = fsspec.get_fs_token_paths(output_dir)
    out_fs.makedirs(out_root, exist_ok=True)
    sep = "" if output_dir.endswith("/") else "/"
    settings = _settings(model, trust_model, features)
    cfg = config or Config()
    tasks = [dask.delayed(_score_shard, pure=False)(p, f"{output_dir}{sep}{n}", settings, cfg) for p, n in zip(inputs, names, strict=True)]
    return list(dask.compute(*tasks, scheduler=scheduler))
