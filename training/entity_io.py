"""Reading the shared entity files and writing the derived tables, for the entity builders.

training/build_gazetteer.py (`names_gazetteer.json.gz`) and training/build_roles.py
(`roles_table.json.gz`) read the same files under `<data>/entities` (see
/work/shared/data/README-entities.md) and write their tables the same way: one gzip JSON object
whose "meta" header names the build date, the script, the sources and the licence. Both take
`--data PATH` (the shared data folder) and `--out DIR` (default: detector/data).
"""

from __future__ import annotations

import argparse
import csv
import datetime
import gzip
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

DEFAULT_DATA = Path("/work/shared/data")
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "detector" / "data"


# ---------------------------------------------------------------------------------------------
# Reading the sources
# ---------------------------------------------------------------------------------------------


def read_jsonl(path: Path) -> list[dict]:
    """Every row of a gzipped JSONL file (`people.jsonl.gz`, `factbook_*.jsonl.gz`)."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def read_tsv(path: Path) -> list[dict]:
    """Every row of a TSV file with a header line (`organisations.tsv`, `factbook_titles.tsv`)."""
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def clean_alias(alias: str) -> list[str]:
    """Usable name forms of one alias: "Pink (singer)" -> ["Pink"]; "Gilbert du Motier, Marquis
    de Lafayette" -> ["Gilbert du Motier"]."""
    alias = re.sub(r"\s*\([^)]*\)", "", alias).strip()
    if not alias:
        return []
    return [alias.split(", ")[0]] if ", " in alias and not alias.endswith(("Jr.", "Sr.")) else [alias]


_HOLDER_RE = re.compile(r"^(?P<name>[^(,]+?)(?:, [^(]+)?\s*\((?P<years>[^)]*)\)$")


def org_holders(row: dict) -> list[tuple[str, str]]:
    """(name, years) of the recent holders of an organisations.tsv row."""
    out = []
    for part in row["recent_holders"].split("; "):
        m = _HOLDER_RE.match(part.strip())
        if m:
            out.append((m["name"].strip(), m["years"]))
    return out


# ---------------------------------------------------------------------------------------------
# Writing a table
# ---------------------------------------------------------------------------------------------


def table_meta(script: str, sources: list[str], licence: str, **extra: str) -> dict[str, Any]:
    """The "meta" header of a table: today's date as "built", then `script`, `sources`,
    `licence` and any `extra` keys, in that order."""
    return {"built": datetime.date.today().isoformat(), "script": script, "sources": sources, "licence": licence, **extra}


def write_json_gz(payload: dict, out_dir: Path, name: str) -> Path:
    """Write `payload` as compact UTF-8 JSON to `out_dir/name` (gzip level 9); return the path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / name
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as fh:
        json.dump(payload, fh, ensure_ascii=False, separators=(",", ":"))
    return path


def run_builder(build: Callable[[Path, Path], Path], doc: str, argv: list[str] | None = None) -> None:
    """The command line of a builder: `--data PATH --out DIR`, then `build(data, out)`. The help
    text is the first paragraph of `doc` (the builder's module docstring)."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    build(args.data, args.out)
