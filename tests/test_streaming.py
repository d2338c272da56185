"""JSONL in, JSONL out, with bounded memory: peak RSS does not grow with the input.

Each run scores N rows and then 4N rows, as a subprocess (`python -m detector`), and compares
the peak resident set size of the two runs. The peak is read by the small wrapper process of
tests/_rss.py (RUSAGE_CHILDREN: the CLI and the worker processes it waited for), not by this one:
a child started by a big parent (pytest) inherits the parent's high-water mark through vfork and
exec, which would hide any growth below it. Rows carry a large pass-through field, so the input
is big (about 50 MB and 200 MB) while scoring stays cheap: if anything held the input, or the
output, peak memory would grow by about 150 MB. Nothing here measures time."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from _rss import LINUX_ONLY, MeasuredProcess, mib
from conftest import subprocess_env

pytestmark = LINUX_ONLY

N = 2_500
BLOB = 20_000  # characters of pass-through payload per row: N rows are about 50 MB
GROWTH_LIMIT_MIB = 40  # the input grows by about 150 MB from N to 4N rows


def rows(n: int) -> Iterator[bytes]:
    texts = ["The harbour authority reopened the port on Monday.", "Officials counted the ballots on Sunday night."]
    for i in range(1, n + 1):
        blob = f"{i:08d}" + "abcdefghij" * (BLOB // 10)
        yield (json.dumps({"id": f"row-{i}", "text": texts[i % 2], "blob": blob}) + "\n").encode()


class Counter:
    """Reads the result stream as it comes: counts rows, keeps the first and last id."""

    def __init__(self, stream) -> None:
        self.count, self.first, self.last, self.blob_ok = 0, None, None, True
        self.thread = threading.Thread(target=self._run, args=(stream,), daemon=True)
        self.thread.start()

    def _run(self, stream) -> None:
        for line in stream:
            obj = json.loads(line)
            self.count += 1
            self.first = self.first or obj["id"]
            self.last = obj["id"]
            self.blob_ok &= obj["blob"].startswith(obj["id"][4:].rjust(8, "0")) and len(obj["blob"]) == BLOB + 8


def run_and_measure(args: list[str], feed: Iterator[bytes] | None = None) -> tuple[int, int, Counter, str]:
    """(exit code, peak RSS in KiB, output counter, stderr) of `python -m detector ARGS`."""
    measured = MeasuredProcess(
        [sys.executable, "-m", "detector", *args],
        stdin=subprocess.PIPE if feed is not None else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    proc = measured.proc
    counter = Counter(proc.stdout)
    err: list[bytes] = []
    err_thread = threading.Thread(target=lambda: err.append(proc.stderr.read()), daemon=True)
    err_thread.start()
    if feed is not None:
        try:
            for line in feed:  # generated on the fly: the whole input never exists anywhere
                proc.stdin.write(line)
        finally:
            proc.stdin.close()
    code = measured.wait()
    counter.thread.join(timeout=300)
    err_thread.join(timeout=300)
    return code, measured.peak_kib(), counter, b"".join(err).decode(errors="replace")


def check(code: int, counter: Counter, err: str, n: int) -> None:
    assert code == 0, err[-2000:]
    assert (counter.count, counter.first, counter.last) == (n, "row-1", f"row-{n}")
    assert counter.blob_ok  # the pass-through field arrived whole, on the right row


def test_jsonl_through_stdin_streams_with_bounded_memory() -> None:
    args = ["score", "--input-format", "jsonl", "--format", "jsonl", "-"]
    code, small, out, err = run_and_measure(args, rows(N))
    check(code, out, err, N)
    code, large, out, err = run_and_measure(args, rows(4 * N))
    check(code, out, err, 4 * N)
    growth = mib(large - small)
    assert growth < GROWTH_LIMIT_MIB, f"peak RSS {mib(small):.0f} MiB for {N} rows, {mib(large):.0f} MiB for {4 * N}"


def test_gzipped_jsonl_file_with_jobs_streams_with_bounded_memory(tmp_path: Path) -> None:
    peaks = []
    for n in (N, 4 * N):
        path = tmp_path / f"rows-{n}.jsonl.gz"
        with gzip.open(path, "wb", compresslevel=1) as fh:
            for line in rows(n):
                fh.write(line)
        code, peak, out, err = run_and_measure(["score", "--format", "jsonl", "--jobs", "2", str(path)])
        check(code, out, err, n)
        peaks.append(peak)
        path.unlink()
    growth = mib(peaks[1] - peaks[0])
    assert growth < GROWTH_LIMIT_MIB, f"peak RSS {mib(peaks[0]):.0f} MiB for {N} rows, {mib(peaks[1]):.0f} MiB for {4 * N}"


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_output_is_written_before_input_ends(jobs: str) -> None:
    # A pipeline stage must not wait for the end of its input, with or without worker
    # processes: feed one line, read its result, and only then send the next line and close stdin.
    proc = subprocess.Popen(
        [sys.executable, "-m", "detector", "score", "--jobs", jobs, "--input-format", "jsonl", "--format", "jsonl", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=subprocess_env(),
    )
    watchdog = threading.Timer(300, proc.kill)  # a hang fails the test instead of blocking the suite
    watchdog.start()
    try:
        proc.stdin.write((json.dumps({"id": "first", "text": "The port reopened on Monday."}) + "\n").encode())
        proc.stdin.flush()
        first = json.loads(proc.stdout.readline())  # blocks until the result of line 1 is out
        assert first["id"] == "first"
        proc.stdin.write((json.dumps({"id": "second", "text": "Ships began to unload."}) + "\n").encode())
        proc.stdin.close()
        rest = [json.loads(line) for line in proc.stdout.read().splitlines()]
        assert [r["id"] for r in rest] == ["second"]
        assert proc.wait(timeout=120) == 0, proc.stderr.read().decode()[-2000:]
    finally:
        watchdog.cancel()
        if proc.poll() is None:
            proc.kill()
            proc.wait()
