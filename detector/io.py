"""Reading inputs: files, directories, globs, stdin, JSONL (plain or gzip), HTML.

`iter_inputs` yields, in input order, either an `InputItem` to score or an `InputError`
to report; one bad input never stops the others. JSONL is streamed line by line, so a
file of any size is read with bounded memory.
"""

from __future__ import annotations

import glob
import gzip
import io
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from .errors import InputError

TEXT_SUFFIXES = (".txt", ".md", ".text", ".markdown", ".rst", ".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")
BINARY_SNIFF_BYTES = 8192


@dataclass(frozen=True)
class InputItem:
    id: Any
    text: str
    extra: dict[str, Any] = field(default_factory=dict)
    source: str = "-"  # path (or "-") the item came from, for `path:line:col` output
    line: int = 1  # line in `source` where the text starts (JSONL rows), for positions
    warnings: tuple[str, ...] = ()


def is_jsonl_name(name: str) -> bool:
    return name.lower().endswith(JSONL_SUFFIXES)


def expand_paths(paths: list[str]) -> Iterator[str | InputError]:
    """Expand directories (recursively, known text/JSONL suffixes, sorted) and globs."""
    for p in paths:
        if p == "-":
            yield p
            continue
        if not os.path.exists(p) and glob.has_magic(p):
            matches = sorted(glob.glob(p, recursive=True))
            if not matches:
                yield InputError(f"{p}: no file matches this pattern; check the glob")
            for m in matches:
                yield from _expand_one(m, from_dir=os.path.isdir(m))
            continue
        yield from _expand_one(p, from_dir=False)


def _expand_one(p: str, from_dir: bool) -> Iterator[str | InputError]:
    if os.path.isdir(p):
        found = False
        for root, dirs, files in os.walk(p):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if name.lower().endswith(TEXT_SUFFIXES + JSONL_SUFFIXES):
                    found = True
                    yield os.path.join(root, name)
        if not found:
            yield InputError(f"{p}: directory has no .txt, .md, .html or .jsonl files to score")
    elif not os.path.exists(p):
        yield InputError(f"{p}: no such file; check the path")
    else:
        yield p


def looks_binary(head: bytes) -> bool:
    """NUL bytes, or many control bytes, in the first block: not text we should score."""
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls / len(head) > 0.1


def decode(data: bytes, name: str) -> tuple[str, tuple[str, ...]]:
    """UTF-8 (BOM stripped); invalid bytes become U+FFFD with a warning naming the input."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError as e:
        text = data.decode("utf-8", errors="replace")
        return text, (f"{name}: invalid UTF-8 at byte {e.start}; bad bytes were replaced with U+FFFD",)


def _open_binary(path: str) -> BinaryIO:
    if path == "-":
        return sys.stdin.buffer
    return open(path, "rb")


def read_text_input(path: str, input_format: str) -> Iterator[InputItem | InputError]:
    """One whole file (or stdin) as one document."""
    name = "<stdin>" if path == "-" else path
    try:
        fh = _open_binary(path)
        try:
            data = fh.read()
        finally:
            if path != "-":
                fh.close()
    except IsADirectoryError:
        yield InputError(f"{name}: is a directory; pass it as a directory path to score the files in it")
        return
    except OSError as e:
        yield InputError(f"{name}: cannot read ({e.strerror}); check the path and permissions")
        return
    if path.lower().endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as e:
            yield InputError(f"{name}: not a valid gzip file ({e}); decompress or fix it")
            return
    if looks_binary(data[:BINARY_SNIFF_BYTES]):
        yield InputError(f"{name}: looks like a binary file, not text; skipped (convert it to text first)")
        return
    text, warnings = decode(data, name)
    del data  # the bytes are not needed while the document is scored
    if path.lower().endswith((".html", ".htm")):
        from .html_text import visible_text

        text = visible_text(text)
    yield InputItem(id=name, text=text, source=name, warnings=warnings)


def read_jsonl_input(path: str) -> Iterator[InputItem | InputError]:
    """One document per JSON line: `text` required, `id` optional, other keys passed through."""
    name = "<stdin>" if path == "-" else path
    try:
        fh = _open_binary(path)
    except IsADirectoryError:
        yield InputError(f"{name}: is a directory; pass it as a directory path to score the files in it")
        return
    except OSError as e:
        yield InputError(f"{name}: cannot read ({e.strerror}); check the path and permissions")
        return
    try:
        yield from read_jsonl_stream(fh, name, gzipped=path.lower().endswith(".gz"))
    finally:
        if path != "-":
            fh.close()


def read_jsonl_stream(fh: BinaryIO, name: str, gzipped: bool = False) -> Iterator[InputItem | InputError]:
    """The rows of an open binary JSONL stream (gzip-compressed when `gzipped`), read line by
    line: memory stays bounded by the longest line, whatever the size of the stream. `name`
    labels errors and `source`. The caller closes `fh`."""
    raw = gzip.open(fh) if gzipped else fh  # GzipFile does not close fh
    try:
        lineno = 0
        while True:
            try:
                line = raw.readline()
            except (OSError, EOFError) as e:
                yield InputError(f"{name}: read error after line {lineno} ({e}); the rest of the file was skipped")
                return
            if not line:
                break
            lineno += 1
            if not line.strip():
                continue
            yield _parse_jsonl_line(line, name, lineno)
    except IsADirectoryError:
        yield InputError(f"{name}: is a directory; pass it as a directory path to score the files in it")
    finally:
        if raw is not fh:
            raw.close()


def _parse_jsonl_line(line: bytes, name: str, lineno: int) -> InputItem | InputError:
    text_line, warnings = decode(line, f"{name}:{lineno}")
    try:
        obj = json.loads(text_line)
    except json.JSONDecodeError as e:
        return InputError(f"{name}:{lineno}: not valid JSON ({e.msg} at column {e.colno}); fix or remove this line")
    if not isinstance(obj, dict):
        return InputError(f"{name}:{lineno}: expected a JSON object with a \"text\" field, got {type(obj).__name__}")
    text = obj.get("text")
    if not isinstance(text, str):
        what = "missing" if "text" not in obj else f"{_json_type(text)}, not a string"
        return InputError(f"{name}:{lineno}: \"text\" is {what}; every line needs a \"text\" string")
    extra = {k: v for k, v in obj.items() if k not in ("text", "id")}
    return InputItem(id=obj.get("id", lineno), text=text, extra=extra, source=name, line=lineno, warnings=warnings)


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    return {bool: "a boolean", int: "a number", float: "a number", list: "an array", dict: "an object"}.get(type(value), "not text")


def iter_inputs(paths: list[str], input_format: str = "auto") -> Iterator[InputItem | InputError]:
    """Every input document (or error) in order. `input_format`: auto | text | jsonl."""
    return iter(plan_inputs(paths, input_format))


@dataclass(frozen=True)
class InputPlan:
    """The expanded inputs of one run (file names only; nothing is read yet).

    Iterating reads them lazily, in order. `total` is the number of entries iteration will
    yield when that is known without reading anything (every input is a one-document file),
    else None (JSONL files and stdin hold an unknown number of rows): a progress bar shows an
    ETA only when it is known.
    """

    paths: tuple[str | InputError, ...]
    input_format: str = "auto"

    def is_jsonl(self, path: str) -> bool:
        return self.input_format == "jsonl" or (self.input_format == "auto" and is_jsonl_name(path))

    @property
    def total(self) -> int | None:
        if any(isinstance(p, str) and (p == "-" or self.is_jsonl(p)) for p in self.paths):
            return None
        return len(self.paths)

    def __iter__(self) -> Iterator[InputItem | InputError]:
        for p in self.paths:
            if isinstance(p, InputError):
                yield p
                continue
            yield from (read_jsonl_input(p) if self.is_jsonl(p) else read_text_input(p, self.input_format))


def plan_inputs(paths: list[str], input_format: str = "auto") -> InputPlan:
    """Expand `paths` (directories, globs; none means stdin) into an `InputPlan`."""
    return InputPlan(tuple(expand_paths(paths or ["-"])), input_format)


def text_stream(stream: io.TextIOBase) -> str:  # pragma: no cover - convenience for the API
    return stream.read()
