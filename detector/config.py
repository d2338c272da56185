"""User configuration: threshold, allow-list and rules enabled/disabled by dotted prefix.

Read from `[tool.mtdetect]` in `pyproject.toml` or from `.mtdetect.toml` (top-level keys),
whichever is nearest to the input, else in the working directory; CLI flags are added on top.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

DEFAULT_THRESHOLD = 0.5
KNOWN_KEYS = {"threshold": float, "allow": list, "disable": list, "enable": list}


@dataclass(frozen=True)
class Config:
    threshold: float = DEFAULT_THRESHOLD
    allow: frozenset[str] = frozenset()  # case-folded names and terms never to flag
    disable: tuple[str, ...] = ()
    enable: tuple[str, ...] = ()
    source: str | None = field(default=None, compare=False)  # file the config came from

    def rule_enabled(self, rule_id: str) -> bool:
        """The longest matching prefix among enable/disable decides; default enabled."""
        best_len, enabled = -1, True
        for prefixes, value in ((self.disable, False), (self.enable, True)):
            for p in prefixes:
                if _prefix_matches(p, rule_id) and len(p) >= best_len:
                    best_len, enabled = len(p), value
        return enabled

    def extractor_enabled(self, name: str) -> bool:
        """False only when the whole extractor is disabled and nothing under it re-enabled."""
        if self.rule_enabled(name):
            return True
        return any(_prefix_matches(name, p) for p in self.enable)

    def is_allowed(self, text: str) -> bool:
        return bool(self.allow) and " ".join(text.split()).casefold() in self.allow

    def with_overrides(
        self,
        threshold: float | None = None,
        allow: list[str] | None = None,
        disable: list[str] | None = None,
        enable: list[str] | None = None,
    ) -> Config:
        return replace(
            self,
            threshold=self.threshold if threshold is None else _check_threshold(threshold, "--threshold"),
            allow=self.allow | _fold(allow or []),
            disable=self.disable + tuple(disable or []),
            enable=self.enable + tuple(enable or []),
        )


def _prefix_matches(prefix: str, rule_id: str) -> bool:
    return rule_id == prefix or rule_id.startswith(prefix + ".")


def _fold(terms: list[str]) -> frozenset[str]:
    return frozenset(" ".join(t.split()).casefold() for t in terms if t.strip())


def _check_threshold(value: Any, where: str) -> float:
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise ConfigError(f"{where}: threshold must be a number between 0 and 1, got {value!r}") from None
    if not 0.0 <= v <= 1.0:
        raise ConfigError(f"{where}: threshold must be between 0 and 1, got {v}")
    return v


def find_config_file(start: Path | None) -> Path | None:
    """Nearest `.mtdetect.toml` or `pyproject.toml` with a [tool.mtdetect] table."""
    dirs: list[Path] = []
    if start is not None:
        start = start.resolve()
        dirs.extend([start] if start.is_dir() else [start.parent])
        dirs.extend(dirs[0].parents)
    cwd = Path.cwd().resolve()
    if cwd not in dirs:
        dirs.append(cwd)
    for d in dirs:
        candidate = d / ".mtdetect.toml"
        if candidate.is_file():
            return candidate
        pyproject = d / "pyproject.toml"
        if pyproject.is_file():
            try:
                data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                continue  # someone else's broken pyproject is not our config
            if "mtdetect" in data.get("tool", {}):
                return pyproject
    return None


def load_config(path: Path | None) -> Config:
    """Parse one config file (or return defaults for None). Errors name the file and key."""
    if path is None:
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise ConfigError(f"{path}: cannot read config file ({e.strerror})") from None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise ConfigError(f"{path}: not valid TOML ({e}); fix or remove the file") from None
    table = data.get("tool", {}).get("mtdetect", {}) if path.name == "pyproject.toml" else data
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.mtdetect] must be a table")
    for key, value in table.items():
        if key not in KNOWN_KEYS:
            raise ConfigError(f"{path}: unknown key '{key}' (known: {', '.join(sorted(KNOWN_KEYS))})")
        if key == "threshold" and (isinstance(value, bool) or not isinstance(value, (int, float))):
            # a TOML string ("0.6") or boolean is a mistake, not a number to coerce
            raise ConfigError(f"{path}: key 'threshold' must be a number between 0 and 1, got {value!r}")
        if key != "threshold" and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            raise ConfigError(f"{path}: key '{key}' must be a list of strings")
    return Config(
        threshold=_check_threshold(table.get("threshold", DEFAULT_THRESHOLD), f"{path}: key 'threshold'"),
        allow=_fold(table.get("allow", [])),
        disable=tuple(table.get("disable", [])),
        enable=tuple(table.get("enable", [])),
        source=str(path),
    )
