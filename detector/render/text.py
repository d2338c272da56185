"""Human-readable output: `path:line:col rule message (suggestion)`, colour only on a TTY."""

from __future__ import annotations

from ..results import DocumentResult

_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m", "flag": "\033[1;31m", "ok": "\033[32m"}
_RESET = "\033[0m"


def _line_col(text: str, offset: int, first_line: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + first_line
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def render_text(result: DocumentResult, text: str, source: str, first_line: int = 1, colour: bool = False) -> str:
    """One line per finding, then a summary line for the document."""

    def c(key: str, s: str) -> str:
        return f"{_COLOURS[key]}{s}{_RESET}" if colour else s

    lines = []
    for f in result.findings:
        line, col = _line_col(text, f.start, first_line)
        fix = f" ({f.suggestion})" if f.suggestion else ""
        snippet = f.text if len(f.text) <= 60 else f.text[:57] + "..."
        snippet = " ".join(snippet.split())
        lines.append(f"{source}:{line}:{col} {c(f.severity, f.rule)} {f.message}{fix} [{snippet!r}]")
    verdict = c("flag", "FLAGGED") if result.flagged else c("ok", "ok")
    label = source if result.id in (None, source) else f"{source} [{result.id}]"
    n = len(result.findings)
    lines.append(f"{label}: score {result.score:.2f} {verdict} ({n} finding{'s' if n != 1 else ''}, {len(result.passages)} passages)")
    for w in result.warnings:
        lines.append(f"warning: {w}")
    return "\n".join(lines)
