"""Peak resident memory of a command, for the bounded-memory tests (test_io.py, test_streaming.py).

`ru_maxrss` is a high-water mark, in KiB on Linux. A child started by a big parent (pytest)
inherits the parent's high-water mark through vfork and exec, which would hide any growth below
it: both in the child's own readings (RUSAGE_SELF) and in the parent's RUSAGE_CHILDREN. So the
command runs under a small wrapper process: the command inherits only the wrapper's mark, and the
wrapper reads the command's peak (RUSAGE_CHILDREN: the command and the worker processes it
waited for) and writes it to a file for us.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from conftest import subprocess_env

LINUX_ONLY = pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss is in KiB on Linux")
TIMEOUT = 600  # seconds; the wrapper kills the command after this

# ARGV: RSS_FILE TIMEOUT COMMAND...: runs the command, then writes the peak RSS of its children
# (KiB) to RSS_FILE; exits with the command's code (the command is killed after TIMEOUT seconds).
_WRAPPER = """
import resource, subprocess, sys
try:
    code = subprocess.call(sys.argv[3:], timeout=float(sys.argv[2]))
except subprocess.TimeoutExpired:
    code = 124
with open(sys.argv[1], "w") as fh:
    fh.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
sys.exit(code)
"""


class MeasuredProcess:
    """`argv` started under the wrapper. `proc` is the wrapper's Popen (its stdin, stdout and
    stderr are the command's, as given in `popen_kwargs`; env defaults to conftest's
    subprocess_env()); `peak_kib()` reads the command's peak RSS once `proc` has ended."""

    def __init__(self, argv: Sequence[str], timeout: float = TIMEOUT, **popen_kwargs: Any) -> None:
        fd, self._rss_file = tempfile.mkstemp(prefix="mtdetect-rss-")
        os.close(fd)
        popen_kwargs.setdefault("env", subprocess_env())
        self.timeout = timeout
        self.proc = subprocess.Popen([sys.executable, "-c", _WRAPPER, self._rss_file, str(timeout), *argv], **popen_kwargs)

    def wait(self) -> int:
        """The command's exit code (the wrapper's own time limit plus a margin)."""
        return self.proc.wait(timeout=self.timeout + 60)

    def peak_kib(self) -> int:
        """The command's peak RSS in KiB (0 when the wrapper wrote none); removes the file."""
        try:
            return int(Path(self._rss_file).read_text() or 0)
        finally:
            os.unlink(self._rss_file)


def run_measured(argv: Sequence[str], input: bytes = b"", timeout: float = TIMEOUT) -> tuple[subprocess.CompletedProcess[bytes], int]:
    """Run `argv` to its end under the wrapper, feeding `input`: (the completed process with its
    captured stdout and stderr, its peak RSS in KiB)."""
    m = MeasuredProcess(argv, timeout, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        out, err = m.proc.communicate(input, timeout=timeout + 60)
    finally:
        if m.proc.poll() is None:  # only if the wrapper itself hangs
            m.proc.kill()
            m.proc.wait()
        peak = m.peak_kib()
    return subprocess.CompletedProcess(m.proc.args, m.proc.returncode, out, err), peak


def mib(kib: int) -> float:
    return kib / 1024
