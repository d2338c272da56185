"""Shared test set-up: a network guard for the whole session, and helpers to run the CLI.

The guard makes `socket.socket.connect`, `socket.create_connection` and `socket.getaddrinfo`
raise for the whole session (installed in `pytest_configure`, before any test module is
imported, and re-checked before every test). mtdetect promises to work offline; a test that
reaches for the network fails loudly instead of quietly passing on a connected machine.
Attempts are also recorded, so code that swallows the error is still caught
(`network_attempts` fixture). Unix-domain sockets are local IPC, not network, and stay allowed.
"""

from __future__ import annotations

import io
import json
import os
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
SCHEMA_PATH = REPO / "detector" / "schema" / "result.schema.json"
EXAMPLE = REPO / "examples" / "article.txt"

# ------------------------------------------------------------------------------------------
# Network guard
# ------------------------------------------------------------------------------------------


class NetworkBlockedError(RuntimeError):
    """Raised by the guard. Not an OSError on purpose: code that treats OSError as 'offline,
    carry on' must not hide a network attempt from the tests."""


NETWORK_ATTEMPTS: list[str] = []
_REAL = {
    "connect": socket.socket.connect,
    "connect_ex": socket.socket.connect_ex,
    "create_connection": socket.create_connection,
    "getaddrinfo": socket.getaddrinfo,
}


def _blocked(what: str) -> NetworkBlockedError:
    NETWORK_ATTEMPTS.append(what)
    return NetworkBlockedError(f"network access blocked in tests: {what}")


def _guard_connect(self: socket.socket, address: Any, *args: Any) -> Any:
    if getattr(socket, "AF_UNIX", None) is not None and self.family == socket.AF_UNIX:
        return _REAL["connect"](self, address, *args)
    raise _blocked(f"socket.connect({address!r})")


def _guard_connect_ex(self: socket.socket, address: Any, *args: Any) -> Any:
    if getattr(socket, "AF_UNIX", None) is not None and self.family == socket.AF_UNIX:
        return _REAL["connect_ex"](self, address, *args)
    raise _blocked(f"socket.connect_ex({address!r})")


def _guard_create_connection(address: Any, *args: Any, **kwargs: Any) -> Any:
    raise _blocked(f"socket.create_connection({address!r})")


def _guard_getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
    raise _blocked(f"socket.getaddrinfo({host!r})")


def install_network_guard() -> None:
    socket.socket.connect = _guard_connect  # type: ignore[method-assign]
    socket.socket.connect_ex = _guard_connect_ex  # type: ignore[method-assign]
    socket.create_connection = _guard_create_connection  # type: ignore[assignment]
    socket.getaddrinfo = _guard_getaddrinfo  # type: ignore[assignment]


def network_guard_installed() -> bool:
    return (
        socket.socket.connect is _guard_connect
        and socket.create_connection is _guard_create_connection
        and socket.getaddrinfo is _guard_getaddrinfo
    )


def pytest_configure(config: pytest.Config) -> None:
    install_network_guard()


def pytest_unconfigure(config: pytest.Config) -> None:
    socket.socket.connect = _REAL["connect"]  # type: ignore[method-assign]
    socket.socket.connect_ex = _REAL["connect_ex"]  # type: ignore[method-assign]
    socket.create_connection = _REAL["create_connection"]  # type: ignore[assignment]
    socket.getaddrinfo = _REAL["getaddrinfo"]  # type: ignore[assignment]


@pytest.fixture(autouse=True)
def _no_network() -> None:
    """Every test runs with the guard on, even if an earlier test replaced it."""
    if not network_guard_installed():
        install_network_guard()


@pytest.fixture
def network_attempts():
    """A function returning the network attempts made so far in this test (each also raised)."""
    start = len(NETWORK_ATTEMPTS)
    return lambda: NETWORK_ATTEMPTS[start:]


# ------------------------------------------------------------------------------------------
# Realistic texts
# ------------------------------------------------------------------------------------------

# 86 words in one sentence: the `readability.long_sentence` rule (more than 60 words) fires on it.
# Used for rule-level tests because the other extractors are still being written.
LONG_SENTENCE = (
    "The regional transport authority said on Thursday that it would spend another forty million dollars "
    "over the next three years to repair ageing bridges, replace worn-out signalling equipment on the northern "
    "commuter lines, hire more than two hundred additional maintenance workers, extend late-night bus services "
    "to the outer suburbs, and publish monthly reports on delays and cancellations so that passengers, local "
    "councils, trade unions and independent auditors could judge for themselves whether the money was being "
    "spent well and whether the promised improvements had actually arrived."
)
CLEAN_NEWS = (
    "The city council approved the budget on Tuesday after a long debate. "
    "Members voted eight to three in favour of the plan.\n\n"
    "The mayor said the money would pay for new buses and repairs to two schools."
)


@pytest.fixture(scope="session")
def long_sentence() -> str:
    return LONG_SENTENCE


@pytest.fixture(scope="session")
def clean_news() -> str:
    return CLEAN_NEWS


# ------------------------------------------------------------------------------------------
# JSON schema
# ------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def result_schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def validate_result(result_schema: dict):
    """Validate one result object (a dict) against detector/schema/result.schema.json."""
    import jsonschema

    cls = jsonschema.validators.validator_for(result_schema)
    cls.check_schema(result_schema)
    validator = cls(result_schema)

    def validate(obj: Any) -> None:
        errors = sorted(validator.iter_errors(obj), key=lambda e: list(e.path))
        assert not errors, "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5])

    return validate


# ------------------------------------------------------------------------------------------
# Running the CLI
# ------------------------------------------------------------------------------------------


@dataclass
class CliResult:
    code: int
    out: str
    err: str

    def jsonl(self) -> list[dict]:
        return [json.loads(line) for line in self.out.splitlines() if line.strip()]

    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    """Run `detector.cli.main(argv)` in-process; `stdin` (str or bytes) feeds sys.stdin.

    Returns the exit code (argparse's SystemExit included) with captured stdout and stderr.
    """
    from detector.cli import main

    def run(*argv: str, stdin: str | bytes | None = None) -> CliResult:
        capsys.readouterr()  # drop anything printed before
        if stdin is not None:
            data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
        try:
            code = main(list(argv))
        except SystemExit as e:  # --version, --help and usage errors exit through argparse
            code = e.code if isinstance(e.code, int) else (0 if e.code is None else 2)
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


def subprocess_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "PYTHONSTARTUP")}
    env["PYTHONIOENCODING"] = "utf-8"
    env.update(extra)
    return env


@pytest.fixture
def run_module():
    """Run `python -m detector ARGS` in a subprocess (the installed package, as users run it)."""

    def run(*argv: str, stdin: str | bytes | None = None, cwd: Path | str | None = None, env: dict | None = None) -> CliResult:
        data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
        proc = subprocess.run(
            [sys.executable, "-m", "detector", *argv],
            input=data if data is not None else b"",
            capture_output=True,
            cwd=cwd,
            env=env or subprocess_env(),
            timeout=300,
        )
        return CliResult(proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8"))

    return run
