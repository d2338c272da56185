"""The command line, in-process (`detector.cli.main`) and as users run it (`python -m detector`,
the `mtdetect` console script): inputs, output formats, exit codes, colour and `rules`."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import subprocess_env

import detector
from detector.cli import main

SUMMARY_RE = r"score (\d\.\d\d) (ok|FLAGGED) \((\d+) findings?, (\d+) passages\)"
ANSI = "\033["


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="")
    return path


# ------------------------------------------------------------------------------------------
# Inputs: stdin, files, JSONL
# ------------------------------------------------------------------------------------------


def test_stdin_without_a_path(cli, clean_news: str) -> None:
    r = cli("score", stdin=clean_news)
    assert r.code == 0, r.err
    m = re.fullmatch(r"<stdin>: " + SUMMARY_RE, r.out.strip().splitlines()[-1])
    assert m, r.out
    assert m.group(4) == "2"  # two paragraphs, two passages


@pytest.mark.parametrize("argv", [["score", "-"], ["-"]])
def test_stdin_with_dash(cli, clean_news: str, argv: list[str]) -> None:
    r = cli(*argv, "--format", "json", stdin=clean_news)
    assert r.code == 0, r.err
    obj = r.json()
    assert obj["id"] == "<stdin>"
    assert [clean_news[p["start"] : p["end"]] for p in obj["passages"]] == clean_news.split("\n\n")


def test_files_are_scored_in_argument_order(cli, tmp_path: Path, clean_news: str) -> None:
    b = write(tmp_path / "b.txt", "Rents rose again in March. Tenants protested.")
    a = write(tmp_path / "a.txt", clean_news)
    r = cli("score", "--format", "jsonl", str(b), str(a))
    assert r.code == 0, r.err
    assert [row["id"] for row in r.jsonl()] == [str(b), str(a)]


def test_bare_file_argument_means_score(cli, tmp_path: Path, clean_news: str) -> None:
    a = write(tmp_path / "a.txt", clean_news)
    r = cli(str(a), "--format", "json")
    assert r.code == 0, r.err
    assert r.json()["id"] == str(a)


def test_jsonl_passes_keys_through_and_numbers_lines(cli, tmp_path: Path) -> None:
    rows = [
        {"id": "wire-17", "text": "The central bank held rates on Thursday.", "source": "wire", "meta": {"page": 3}},
        None,  # a blank line: skipped, but still counted for line numbers
        {"text": "Exports fell for a third month.", "lang": "en"},
        {"text": "Shares closed higher.", "tags": ["markets", "asia"], "score_hint": None},
    ]
    body = "\n".join("" if r is None else json.dumps(r) for r in rows) + "\n"
    path = write(tmp_path / "rows.jsonl", body)
    out = cli("score", "--format", "jsonl", str(path))
    assert out.code == 0, out.err
    got = out.jsonl()
    assert [g["id"] for g in got] == ["wire-17", 3, 4]
    assert got[0]["source"] == "wire" and got[0]["meta"] == {"page": 3}
    assert got[1]["lang"] == "en"
    assert got[2]["tags"] == ["markets", "asia"] and got[2]["score_hint"] is None
    assert "text" not in got[0]  # the text itself is not echoed back


def test_jsonl_from_stdin_needs_input_format(cli) -> None:
    rows = "\n".join(json.dumps({"text": t}) for t in ["Fuel prices rose.", "Airlines raised fares."]) + "\n"
    out = cli("score", "--input-format", "jsonl", "--format", "jsonl", "-", stdin=rows)
    assert out.code == 0, out.err
    assert [g["id"] for g in out.jsonl()] == [1, 2]


# ------------------------------------------------------------------------------------------
# Output formats and -o
# ------------------------------------------------------------------------------------------


def test_text_format_gives_path_line_col_rule_message(cli, tmp_path: Path, long_sentence: str) -> None:
    text = "Transport plan unveiled\n\nThe plan was announced in the city hall. " + long_sentence + "\n"
    path = write(tmp_path / "plan.txt", text)
    r = cli("score", "--format", "text", "--color", "auto", str(path))
    assert r.code == 0, r.err
    col = text.index("The regional") - text.index("The plan") + 1
    lines = [ln for ln in r.out.splitlines() if "readability.long_sentence" in ln]
    assert lines, r.out
    assert lines[0].startswith(f"{path}:3:{col} readability.long_sentence Sentence of 86 words is very hard to read")
    assert re.fullmatch(re.escape(str(path)) + ": " + SUMMARY_RE, r.out.splitlines()[-1])


def test_text_format_positions_of_jsonl_rows_use_the_file_line(cli, tmp_path: Path, long_sentence: str) -> None:
    path = write(tmp_path / "rows.jsonl", json.dumps({"text": "Short one."}) + "\n" + json.dumps({"text": "Intro. " + long_sentence}) + "\n")
    r = cli("score", str(path))
    assert r.code == 0, r.err
    assert any(ln.startswith(f"{path}:2:8 readability.long_sentence ") for ln in r.out.splitlines()), r.out


def test_json_format_is_an_object_for_one_and_an_array_for_several(cli, tmp_path: Path) -> None:
    a = write(tmp_path / "a.txt", "The port reopened on Monday.")
    b = write(tmp_path / "b.txt", "Ships queued outside for days.")
    one = cli("score", "--format", "json", str(a))
    assert isinstance(one.json(), dict)
    several = cli("score", "--format", "json", str(a), str(b))
    assert [d["id"] for d in several.json()] == [str(a), str(b)]


def test_json_format_with_no_readable_input_is_an_empty_array(cli, tmp_path: Path) -> None:
    r = cli("score", "--format", "json", str(tmp_path / "missing.txt"))
    assert r.code == 2
    assert r.json() == []


def test_output_file(cli, tmp_path: Path, clean_news: str) -> None:
    a = write(tmp_path / "a.txt", clean_news)
    out = tmp_path / "out" / "result.json"
    out.parent.mkdir()
    r = cli("score", "--format", "json", "-o", str(out), str(a))
    assert r.code == 0, r.err
    assert r.out == ""
    assert json.loads(out.read_text(encoding="utf-8"))["id"] == str(a)


@pytest.mark.parametrize("target", ["nope/out.txt", "."], ids=["missing-directory", "a-directory"])
def test_unwritable_output_is_a_clear_error(cli, tmp_path: Path, clean_news: str, target: str) -> None:
    a = write(tmp_path / "a.txt", clean_news)
    out = tmp_path / target
    r = cli("score", "-o", str(out), str(a))
    assert r.code == 2
    assert r.err.count("\n") == 1 and str(out) in r.err and "cannot write output" in r.err
    assert "Traceback" not in r.err


# ------------------------------------------------------------------------------------------
# Threshold, --fail-on-flag and exit codes
# ------------------------------------------------------------------------------------------


def test_threshold_zero_flags_every_document_with_text(cli, clean_news: str) -> None:
    # Every score is >= 0, so --threshold 0 flags any document that has a passage: a way to
    # force a flag that does not depend on which extractors exist yet.
    default = cli("score", "--format", "json", stdin=clean_news).json()
    forced = cli("score", "--format", "json", "--threshold", "0", stdin=clean_news).json()
    assert default["flagged"] is False  # a clean council story is not flagged at 0.5
    assert forced["flagged"] is True and all(p["flagged"] for p in forced["passages"])
    assert forced["score"] == default["score"]  # the threshold changes the verdict, not the score


def test_fail_on_flag_exits_1_only_when_flagged(cli, clean_news: str) -> None:
    # --threshold 0 forces a flag (see above)
    assert cli("score", "--fail-on-flag", "--threshold", "0", stdin=clean_news).code == 1
    assert cli("score", "--threshold", "0", stdin=clean_news).code == 0  # flagged, but not asked to fail
    assert cli("score", "--fail-on-flag", stdin=clean_news).code == 0
    # an empty document has no passages and is never flagged, even at threshold 0
    assert cli("score", "--fail-on-flag", "--threshold", "0", stdin="").code == 0


def test_unreadable_input_exits_2_and_others_are_still_scored(cli, tmp_path: Path, clean_news: str) -> None:
    a = write(tmp_path / "a.txt", clean_news)
    missing = tmp_path / "missing.txt"
    r = cli("score", "--format", "jsonl", "--fail-on-flag", "--threshold", "0", str(missing), str(a))
    assert r.code == 2  # an unreadable input wins over "flagged"
    assert [row["id"] for row in r.jsonl()] == [str(a)]
    assert r.err.strip().splitlines() == [f"mtdetect: error: {missing}: no such file; check the path"]


@pytest.mark.parametrize("threshold", ["1.5", "-0.1", "nan"])
def test_threshold_out_of_range_is_a_usage_error(cli, threshold: str, clean_news: str) -> None:
    r = cli("score", "--threshold", threshold, stdin=clean_news)
    assert r.code == 2
    assert "threshold" in r.err and "Traceback" not in r.err
    assert r.out == ""


@pytest.mark.parametrize(
    ("option", "message"),
    [(["--threshold", "2"], "--threshold: threshold must be between 0 and 1, got 2.0"),
     (["--model", "no-such-model.joblib"], "no-such-model.joblib: model file not found; give the path of a file written by 'mtdetect train'")],
)
def test_bad_option_stops_before_reading_inputs(cli, tmp_path: Path, option: list[str], message: str) -> None:
    """One error line for the option, not one per broken input line first."""
    rows = tmp_path / "rows.jsonl"
    rows.write_text('not json\n{"id": 1}\n{"text": "A sentence."}\n', encoding="utf-8")
    r = cli("score", "--input-format", "jsonl", "--format", "jsonl", *option, str(rows))
    assert r.code == 2
    assert r.err.strip().splitlines() == [f"mtdetect: error: {message}"]


def test_unknown_option_is_a_usage_error(cli) -> None:
    r = cli("score", "--no-such-option", stdin="Text.")
    assert r.code == 2
    assert "unrecognized arguments: --no-such-option" in r.err


def test_no_command_prints_help_and_exits_2(cli) -> None:
    r = cli()
    assert r.code == 2
    assert "score" in r.err and "rules" in r.err


def test_version(cli) -> None:
    r = cli("--version")
    assert r.code == 0
    assert r.out.strip() == f"mtdetect {detector.__version__}"


# ------------------------------------------------------------------------------------------
# mtdetect rules
# ------------------------------------------------------------------------------------------


def test_rules_lists_every_rule(cli) -> None:
    from detector.rules import all_rules

    r = cli("rules")
    assert r.code == 0
    ids = [ln.split()[0] for ln in r.out.splitlines() if ln.strip()]
    assert ids == [rule.id for rule in all_rules()]
    line = next(ln for ln in r.out.splitlines() if ln.startswith("readability.long_sentence "))
    assert line.split()[1] == "info"


def test_rules_with_an_id_shows_the_explanation(cli) -> None:
    r = cli("rules", "readability.long_sentence")
    assert r.code == 0
    assert r.out.startswith("readability.long_sentence")
    assert "Fix: split at a clause boundary" in r.out


def test_rules_json_and_prefix(cli) -> None:
    r = cli("rules", "--format", "json", "readability")
    rules = json.loads(r.out)
    assert {x["id"] for x in rules} >= {"readability.long_sentence", "readability.hard_passage"}
    assert all(x["id"].startswith("readability.") and x["explanation"] for x in rules)


def test_rules_unknown_id_is_an_error(cli) -> None:
    r = cli("rules", "nosuch.rule")
    assert r.code == 2
    assert r.err.strip() == "mtdetect: error: nosuch.rule: no such rule or prefix; run 'mtdetect rules' to list them"


# ------------------------------------------------------------------------------------------
# Colour
# ------------------------------------------------------------------------------------------


def test_no_colour_when_output_is_not_a_tty(cli, long_sentence: str) -> None:
    r = cli("score", "--threshold", "0", stdin=long_sentence)
    assert ANSI not in r.out
    forced = cli("score", "--threshold", "0", "--color", "always", stdin=long_sentence)
    assert ANSI in forced.out  # the check above would notice colour


class _FakeTty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_on_a_tty_unless_no_color(monkeypatch: pytest.MonkeyPatch, long_sentence: str) -> None:
    # in-process with a stdout that says it is a terminal: colour by default, none with NO_COLOR
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(long_sentence.encode())))
    tty = _FakeTty()
    monkeypatch.setattr(sys, "stdout", tty)
    assert main(["score", "--threshold", "0"]) == 0
    assert ANSI in tty.getvalue()

    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(long_sentence.encode())))
    tty = _FakeTty()
    monkeypatch.setattr(sys, "stdout", tty)
    assert main(["score", "--threshold", "0"]) == 0
    assert "readability.long_sentence" in tty.getvalue() and ANSI not in tty.getvalue()


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_no_colour_on_a_real_terminal_with_no_color(long_sentence: str) -> None:
    import pty

    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "detector", "score", "--threshold", "0", "-"],
        stdin=subprocess.PIPE,
        stdout=slave,
        stderr=subprocess.PIPE,
        env=subprocess_env(NO_COLOR="1"),
    )
    os.close(slave)
    try:
        proc.stdin.write(long_sentence.encode())
        proc.stdin.close()
        chunks = []
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not data:
                break
            chunks.append(data)
        assert proc.wait(timeout=300) == 0, proc.stderr.read().decode()
    finally:
        os.close(master)
        if proc.poll() is None:
            proc.kill()
    out = b"".join(chunks).decode("utf-8", "replace")
    assert "readability.long_sentence" in out and ANSI not in out


# ------------------------------------------------------------------------------------------
# As a subprocess: python -m detector and the console script
# ------------------------------------------------------------------------------------------


def test_module_subprocess_matches_in_process(cli, run_module, clean_news: str) -> None:
    sub = run_module("score", "--format", "json", stdin=clean_news)
    assert sub.code == 0, sub.err
    inproc = cli("score", "--format", "json", stdin=clean_news)
    assert sub.json() == inproc.json()


def test_module_subprocess_exit_code_2_with_other_inputs_scored(run_module, tmp_path: Path, clean_news: str) -> None:
    a = write(tmp_path / "a.txt", clean_news)
    r = run_module("score", "--format", "jsonl", "--fail-on-flag", "--threshold", "0", str(tmp_path / "missing.txt"), str(a))
    assert r.code == 2
    assert [row["id"] for row in r.jsonl()] == [str(a)]
    assert "missing.txt: no such file" in r.err and "Traceback" not in r.err


@pytest.mark.skipif(shutil.which("mtdetect") is None, reason="mtdetect console script not on PATH")
def test_console_script(tmp_path: Path, clean_news: str) -> None:
    exe = shutil.which("mtdetect")
    version = subprocess.run([exe, "--version"], capture_output=True, text=True, env=subprocess_env(), timeout=300)
    assert version.returncode == 0 and version.stdout.strip() == f"mtdetect {detector.__version__}"
    a = write(tmp_path / "a.txt", clean_news)
    # `mtdetect FILE` is `mtdetect score FILE`; --threshold 0 forces a flag, so --fail-on-flag exits 1
    r = subprocess.run([exe, str(a), "--fail-on-flag", "--threshold", "0"], capture_output=True, text=True, env=subprocess_env(), timeout=300)
    assert r.returncode == 1, r.stderr
    m = re.fullmatch(re.escape(str(a)) + ": " + SUMMARY_RE, r.stdout.strip().splitlines()[-1])
    assert m and m.group(2) == "FLAGGED"
