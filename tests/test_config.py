"""Configuration: `[tool.mtdetect]` in pyproject.toml or `.mtdetect.toml`, nearest to the input;
CLI flags on top; bad files are one line on stderr naming the file and key, exit 2.

Rule-level checks use `readability.long_sentence` (a sentence of 86 words), whose extractor is
finished; the others are still being written.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from detector import Config, Detector
from detector.config import find_config_file, load_config
from detector.errors import ConfigError

RULE = "readability.long_sentence"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def rules_found(cli, *argv: str, stdin: str | None = None) -> list[str]:
    r = cli("score", "--format", "jsonl", *argv, stdin=stdin)
    assert r.code == 0, r.err
    return [f["rule"] for row in r.jsonl() for f in row["findings"]]


@pytest.fixture
def article(tmp_path: Path, long_sentence: str) -> Path:
    return write(tmp_path / "project" / "news" / "plan.txt", "Transport plan unveiled\n\n" + long_sentence + "\n")


# ------------------------------------------------------------------------------------------
# Files found next to the input
# ------------------------------------------------------------------------------------------


def test_without_config_the_long_sentence_is_reported(cli, article: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    assert RULE in rules_found(cli, str(article))


def test_pyproject_tool_table_disables_a_rule(cli, article: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    write(article.parent.parent / "pyproject.toml", '[project]\nname = "newsroom"\n\n[tool.mtdetect]\ndisable = ["readability"]\n')
    assert RULE not in rules_found(cli, str(article))


def test_pyproject_without_our_table_is_ignored(cli, article: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    write(article.parent / "pyproject.toml", '[project]\nname = "other"\n\n[tool.black]\nline-length = 100\n')
    write(article.parent.parent / ".mtdetect.toml", 'disable = ["readability.long_sentence"]\n')
    # the nearer pyproject.toml has no [tool.mtdetect]: the .mtdetect.toml above it applies
    assert find_config_file(article) == article.parent.parent / ".mtdetect.toml"
    assert RULE not in rules_found(cli, str(article))


def test_nearest_config_wins(cli, article: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, long_sentence: str) -> None:
    monkeypatch.chdir(tmp_path)
    write(article.parent.parent / ".mtdetect.toml", 'disable = ["readability"]\n')
    write(article.parent / ".mtdetect.toml", "threshold = 0.9\n")  # nearer, and disables nothing
    other = write(tmp_path / "project" / "other.txt", long_sentence)  # only the outer file applies
    r = cli("score", "--format", "jsonl", str(article), str(other))
    near, far = r.jsonl()
    assert RULE in [f["rule"] for f in near["findings"]]
    assert RULE not in [f["rule"] for f in far["findings"]]


def test_mtdetect_toml_beats_pyproject_in_the_same_directory(article: Path) -> None:
    write(article.parent / "pyproject.toml", "[tool.mtdetect]\nthreshold = 0.2\n")
    write(article.parent / ".mtdetect.toml", "threshold = 0.7\n")
    assert load_config(find_config_file(article)).threshold == 0.7


def test_config_in_working_directory_applies_to_stdin(cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, long_sentence: str) -> None:
    write(tmp_path / ".mtdetect.toml", 'disable = ["readability"]\n')
    monkeypatch.chdir(tmp_path)
    assert RULE not in rules_found(cli, stdin=long_sentence)


def test_threshold_from_config_and_cli_override(cli, article: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    write(article.parent / ".mtdetect.toml", "threshold = 0.0\n")  # every document with text is flagged
    r = cli("score", "--format", "json", str(article))
    assert r.json()["flagged"] is True
    r = cli("score", "--format", "json", "--threshold", "1", str(article))
    assert r.json()["flagged"] is False


def test_explicit_config_option(cli, article: Path, tmp_path: Path) -> None:
    cfg = write(tmp_path / "settings" / "strict.toml", 'disable = ["readability"]\n')
    assert RULE not in rules_found(cli, "--config", str(cfg), str(article))
    r = cli("score", "--config", str(tmp_path / "missing.toml"), str(article))
    assert r.code == 2 and "missing.toml" in r.err and "config file not found" in r.err


# ------------------------------------------------------------------------------------------
# CLI flags
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["readability", "readability.long_sentence"])
def test_disable_by_prefix(cli, prefix: str, long_sentence: str) -> None:
    assert RULE not in rules_found(cli, "--disable", prefix, stdin=long_sentence)


@pytest.mark.parametrize("prefix", ["read", "readability.long", "long_sentence"])
def test_disable_matches_whole_dotted_parts_only(cli, prefix: str, long_sentence: str) -> None:
    assert RULE in rules_found(cli, "--disable", prefix, stdin=long_sentence)


def test_enable_re_enables_under_a_disabled_prefix(cli, long_sentence: str) -> None:
    found = rules_found(cli, "--disable", "readability", "--enable", RULE, stdin=long_sentence)
    assert RULE in found


def test_cli_enable_overrides_config_disable(cli, article: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    write(article.parent / ".mtdetect.toml", 'disable = ["readability"]\n')
    assert RULE in rules_found(cli, "--enable", RULE, str(article))


def test_longest_prefix_decides() -> None:
    config = Config(disable=(RULE,), enable=("readability",))
    assert not config.rule_enabled(RULE)
    assert config.rule_enabled("readability.hard_passage")
    config = Config(disable=("readability",), enable=(RULE,))
    assert config.rule_enabled(RULE) and not config.rule_enabled("readability.hard_passage")
    assert config.extractor_enabled("readability")


def test_allow_suppresses_a_finding_by_its_text(cli, long_sentence: str) -> None:
    # the allow-list matches a finding's whole text, case and spacing ignored
    messy = "  ".join(long_sentence.upper().split(" "))
    assert RULE not in rules_found(cli, "--allow", messy, stdin=long_sentence)
    assert RULE in rules_found(cli, "--allow", "transport authority", stdin=long_sentence)


def test_disabled_extractor_contributes_no_evidence(long_sentence: str) -> None:
    on = Detector(Config()).score(long_sentence)
    off = Detector(Config(disable=("readability",))).score(long_sentence)
    assert any(f.rule == RULE for f in on.findings)
    assert not any(f.category == "readability" for f in off.findings)
    assert all(v == 0 for p in off.passages for k, v in p.features.items() if k.startswith("readability."))


# ------------------------------------------------------------------------------------------
# Bad configuration files
# ------------------------------------------------------------------------------------------

BAD_CONFIGS = [
    (".mtdetect.toml", 'threshold = 0.6\ncolour = "red"\n', "colour"),
    (".mtdetect.toml", 'threshold = "high"\n', "threshold"),
    (".mtdetect.toml", 'threshold = "0.6"\n', "threshold"),  # a string is not a number
    (".mtdetect.toml", "threshold = true\n", "threshold"),
    (".mtdetect.toml", "threshold = 1.5\n", "threshold"),
    (".mtdetect.toml", "threshold = -0.2\n", "threshold"),
    (".mtdetect.toml", 'disable = "readability"\n', "disable"),
    (".mtdetect.toml", 'allow = ["Zelenskiy", 3]\n', "allow"),
    (".mtdetect.toml", "enable = [\n", "TOML"),
    (".mtdetect.toml", '[tool.mtdetect]\nthreshold = 0.5\n', "tool"),  # pyproject layout in the wrong file
    ("pyproject.toml", "[tool.mtdetect]\nthreshold = 2\n", "threshold"),
    ("pyproject.toml", '[tool.mtdetect]\ndisabled = ["names"]\n', "disabled"),
    ("pyproject.toml", "[tool]\nmtdetect = 0.5\n", "[tool.mtdetect]"),
]


@pytest.mark.parametrize(("name", "body", "key"), BAD_CONFIGS, ids=[f"{n}:{b.splitlines()[0]}" for n, b, _ in BAD_CONFIGS])
def test_bad_config_is_one_line_naming_file_and_key(
    cli, article: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str, body: str, key: str
) -> None:
    monkeypatch.chdir(tmp_path)
    cfg = write(article.parent / name, body)
    r = cli("score", str(article))
    assert r.code == 2
    lines = r.err.strip().splitlines()
    assert len(lines) == 1, r.err
    assert lines[0].startswith("mtdetect: error: ") and str(cfg) in lines[0] and key in lines[0]
    assert "Traceback" not in r.err


def test_bad_config_in_subprocess_has_no_traceback(run_module, tmp_path: Path, long_sentence: str) -> None:
    cfg = write(tmp_path / ".mtdetect.toml", "threshold = [0.5\n")
    article = write(tmp_path / "a.txt", long_sentence)
    r = run_module("score", str(article), cwd=tmp_path)
    assert r.code == 2
    assert r.err.strip().splitlines() == [r.err.strip()] and str(cfg) in r.err
    assert "Traceback" not in r.err


def test_bad_config_keeps_json_output_valid(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, long_sentence: str) -> None:
    # the first input is scored, the second one's config is broken: the run stops with exit 2,
    # and what was printed is still one valid JSON document
    monkeypatch.chdir(tmp_path)
    good = write(tmp_path / "ok" / "a.txt", long_sentence)
    bad_dir = tmp_path / "broken"
    write(bad_dir / ".mtdetect.toml", "unknown_key = 1\n")
    bad = write(bad_dir / "b.txt", long_sentence)
    c = write(tmp_path / "ok" / "c.txt", long_sentence)
    r = cli("score", "--format", "json", str(good), str(c), str(bad))
    assert r.code == 2 and "unknown_key" in r.err
    assert [d["id"] for d in r.json()] == [str(good), str(c)]


def test_load_config_errors_are_config_errors(tmp_path: Path) -> None:
    cfg = write(tmp_path / ".mtdetect.toml", "threshold = 7\n")
    with pytest.raises(ConfigError, match="threshold"):
        load_config(cfg)
    ok = write(tmp_path / "ok.toml", 'threshold = 0.6\nallow = ["Blingen Ltd", " Zelenskiy "]\ndisable = ["names"]\n')
    config = load_config(ok)
    assert config.threshold == 0.6 and config.disable == ("names",)
    assert config.is_allowed("blingen  ltd") and config.is_allowed("ZELENSKIY")
