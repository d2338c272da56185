"""mtdetect never touches the network: the session-wide guard (tests/conftest.py) is on, scoring
English text (textstat's syllable counting included) works under it, and NLTK's downloader is
never called, in this process and in fresh ones."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import urllib.request

import pytest
from conftest import EXAMPLE, NetworkBlockedError, network_guard_installed, subprocess_env

from detector import Detector

SIMPLE = "The cat sat on the mat. The dog ran to the park. We had fun in the sun."
COMPLEX = (
    "Considerable administrative complications necessitated unprecedented international negotiations. "
    "Governmental institutions systematically underestimated organisational responsibilities."
)


# ------------------------------------------------------------------------------------------
# The guard itself
# ------------------------------------------------------------------------------------------


def test_guard_is_installed_for_every_test() -> None:
    assert network_guard_installed()


@pytest.mark.parametrize(
    "attempt",
    [
        lambda: socket.create_connection(("example.com", 80), timeout=1),
        lambda: socket.getaddrinfo("example.com", 443),
        lambda: socket.socket(socket.AF_INET, socket.SOCK_STREAM).connect(("127.0.0.1", 9)),
        lambda: socket.socket(socket.AF_INET6, socket.SOCK_STREAM).connect_ex(("::1", 9)),
        lambda: urllib.request.urlopen("http://example.com/", timeout=1),
    ],
    ids=["create_connection", "getaddrinfo", "connect", "connect_ex", "urlopen"],
)
def test_guard_blocks_network_calls(attempt, network_attempts) -> None:
    with pytest.raises(NetworkBlockedError):
        attempt()
    assert network_attempts()  # and it was recorded


# ------------------------------------------------------------------------------------------
# Readability under the guard
# ------------------------------------------------------------------------------------------


@pytest.fixture
def nltk_downloads(monkeypatch: pytest.MonkeyPatch) -> list:
    """Make NLTK's downloader fail loudly and record every call to it."""
    pytest.importorskip("nltk")
    import nltk
    import nltk.downloader

    calls: list = []

    def refuse(*args, **kwargs):
        calls.append(args)
        raise AssertionError(f"nltk download attempted: {args!r}")

    monkeypatch.setattr(nltk, "download", refuse)
    monkeypatch.setattr(nltk.downloader, "download", refuse)
    monkeypatch.setattr(nltk.downloader.Downloader, "download", refuse)
    return calls


def test_readability_works_offline(network_attempts, nltk_downloads: list) -> None:
    detector = Detector()
    simple = detector.score(SIMPLE).readability
    hard = detector.score(COMPLEX).readability
    # syllables are really counted: one-syllable words read easily, long Latinate words do not
    assert simple["flesch_reading_ease"] > 90
    assert hard["flesch_reading_ease"] < 10
    assert hard["flesch_kincaid_grade"] > simple["flesch_kincaid_grade"] + 10
    assert hard["smog_index"] > simple["smog_index"]
    assert network_attempts() == [] and nltk_downloads == []


def test_scoring_the_example_makes_no_network_attempt(network_attempts, nltk_downloads: list, validate_result) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    result = Detector().score(text, id="example")
    validate_result(result.to_dict())
    assert result.readability["flesch_reading_ease"] != 0
    assert network_attempts() == [] and nltk_downloads == []


# ------------------------------------------------------------------------------------------
# Fresh processes: nothing cached, no conftest, no sitecustomize
# ------------------------------------------------------------------------------------------

_GUARDED = """
import json, socket, sys
attempts = []

def blocked(name):
    def refuse(*args, **kwargs):
        attempts.append(name)
        raise RuntimeError("network access attempted: " + name)
    return refuse

socket.socket.connect = blocked("socket.connect")
socket.socket.connect_ex = blocked("socket.connect_ex")
socket.create_connection = blocked("socket.create_connection")
socket.getaddrinfo = blocked("socket.getaddrinfo")
if sys.argv[1] == "with-nltk":  # a user who imported NLTK before mtdetect
    import nltk, nltk.downloader
    nltk.download = nltk.downloader.download = nltk.downloader.Downloader.download = blocked("nltk.download")

from detector.cli import main
code = main(["score", "--format", "jsonl", sys.argv[2]])
sys.stdout.flush()
print(json.dumps({"code": code, "attempts": attempts}), file=sys.stderr)
"""


@pytest.mark.parametrize("mode", ["plain", "with-nltk"])
def test_fresh_process_scores_the_bundled_example_offline(mode: str) -> None:
    if mode == "with-nltk":
        pytest.importorskip("nltk")
    proc = subprocess.run(
        [sys.executable, "-c", _GUARDED, mode, str(EXAMPLE)],  # the guard is set before mtdetect is imported
        capture_output=True,
        text=True,
        env=subprocess_env(),
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    status = json.loads(proc.stderr.strip().splitlines()[-1])
    assert status == {"code": 0, "attempts": []}, proc.stderr
    (row,) = [json.loads(line) for line in proc.stdout.splitlines()]
    text = EXAMPLE.read_text(encoding="utf-8")
    assert row["passages"] and row["readability"]["flesch_reading_ease"] != 0
    for f in row["findings"]:
        assert text[f["start"] : f["end"]] == f["text"]
