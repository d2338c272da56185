"""A self-contained HTML report for one document or a batch: summary, SVG charts, a
sortable/filterable document table and per-document views with every finding highlighted.

One file, no external request: CSS, JavaScript and SVG are inline and a Content-Security-
Policy forbids anything else. All results are embedded once as JSON; the first
`PRERENDER_DOCS` documents and the first table page are also static HTML, so the page reads
without JavaScript and stays fast for 10,000 documents (the script renders the rest on
demand, with the same markup). Every piece of input text is escaped; user text never
reaches an href or src.
"""

from __future__ import annotations

import argparse
import base64
import datetime as _dt
import hashlib
import json
import math
import re
from collections.abc import Iterable
from functools import cache
from html import escape
from importlib import resources
from typing import IO, Any

from .. import __version__
from ..results import SEVERITIES, DocumentResult
from .summary import SummaryBuilder, display_id, finite, threshold_for

PRERENDER_DOCS = 50  # documents whose full view is static HTML (the rest: rendered on demand)
PAGE_SIZE = 200  # table rows per page
MAX_EXTRA_KEYS = 30  # pass-through fields shown per document
MAX_EXTRA_CHARS = 300  # ... each cut to this many characters
TOP_RULES = 10

SEVERITY_ICON = {"error": "\u2716", "warning": "\u25b2", "info": "\u2139"}  # ✖ ▲ ℹ: shape, not only colour
SEVERITY_LABEL = {"error": "Error", "warning": "Warning", "info": "Info"}
# Okabe-Ito, the colour-blind-safe qualitative palette; every bar also carries a text label.
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
CATEGORY_COLOUR = {
    "names": "#0072B2",
    "roles": "#E69F00",
    "phrasing": "#009E73",
    "garble": "#D55E00",
    "encoding": "#CC79A7",
    "boilerplate": "#56B4E9",
    "readability": "#F0E442",
    "model": "#555555",
}
NOT_FLAGGED_COLOUR, FLAGGED_COLOUR, GRADE_COLOUR = "#0072B2", "#D55E00", "#009E73"
# Passage shading: five steps of one hue, lighter = lower score (readable in greyscale too).
PASSAGE_STEPS = (0.2, 0.4, 0.6, 0.8)

_SURROGATE = re.compile("[\ud800-\udfff]")
_JSON_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_JSON_UNSAFE_RE = re.compile("[<>&\u2028\u2029]")


# --- escaping ---------------------------------------------------------------------------


def esc(value: Any) -> str:
    """Text for HTML content or a quoted attribute: `& < > " '` escaped; carriage returns as
    character references (the parser would turn CRLF into LF and shift what a mark holds);
    lone surrogates, which cannot be written as UTF-8, as U+FFFD (one code point each, so
    offsets hold)."""
    s = escape(_SURROGATE.sub("\ufffd", str(value)), quote=True)
    return s.replace("\r", "&#13;")


def json_for_script(data: Any) -> str:
    """JSON safe inside `<script type="application/json">`: `<`, `>`, `&`, U+2028 and U+2029
    become \\u escapes, so `</script>`, `<!--` or `]]>` in the data cannot end the block."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=str)
    text = _SURROGATE.sub("\ufffd", text)
    return _JSON_UNSAFE_RE.sub(lambda m: _JSON_UNSAFE[m.group()], text)


def _fmt(x: float | None, digits: int = 2) -> str:
    return "–" if x is None else f"{x:.{digits}f}"


def _int(n: int) -> str:
    return f"{n:,}"


def _pct(x: float) -> str:
    return f"{x * 100:.0f}%"


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{_int(n)} {word if n == 1 else (plural or word + 's')}"


# --- assets -----------------------------------------------------------------------------


@cache
def _asset(name: str) -> str:
    return (resources.files("detector") / "data" / name).read_text(encoding="utf-8")


def _csp(script: str) -> str:
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return (
        "default-src 'none'; "
        f"script-src 'sha256-{digest}'; "
        "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
    )


# --- per-document records (the embedded JSON) -----------------------------------------------


def _safe_float(x: Any, digits: int = 3) -> float | None:
    """A readability figure for the JSON: rounded, or None when missing or not finite."""
    v = finite(x, math.nan)
    return None if math.isnan(v) else round(v, digits)


def _extra_display(extra: dict[str, Any]) -> dict[str, str]:
    out: dict[str, str] = {}
    for key in list(extra)[:MAX_EXTRA_KEYS]:
        value = extra[key]
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
        out[str(key)] = text if len(text) <= MAX_EXTRA_CHARS else text[: MAX_EXTRA_CHARS - 1] + "…"
    return out


def document_record(index: int, text: str, result: DocumentResult, source: str | None = None) -> dict[str, Any]:
    """One document as the report embeds it (short keys: 10,000 of these go into one file).

    n: 0-based position; id: display id; src: input it came from; s: score; fl: flagged;
    t: text; wc: words; p: passages [start, end, score, flagged, FK grade, reading ease,
    mean sentence words]; f: findings [start, end, rule, category, severity, message,
    suggestion, confidence]; r: document readability; x: pass-through fields; w: warnings.
    """
    rec: dict[str, Any] = {
        "n": index,
        "id": display_id(result.id),
        "s": round(finite(result.score), 4),
        "fl": 1 if result.flagged else 0,
        "t": text,
        "wc": len(text.split()),
        "p": [
            [
                p.start,
                p.end,
                round(finite(p.score), 4),
                1 if p.flagged else 0,
                _safe_float(p.readability.get("flesch_kincaid_grade"), 1),
                _safe_float(p.readability.get("flesch_reading_ease"), 1),
                _safe_float(p.readability.get("mean_sentence_words"), 1),
            ]
            for p in result.passages
        ],
        "f": [
            [f.start, f.end, f.rule, f.category, f.severity, f.message, f.suggestion, round(finite(f.confidence), 3)]
            for f in result.findings
        ],
        "r": {k: _safe_float(v) for k, v in (result.readability or {}).items()},
    }
    if source and source != rec["id"]:
        rec["src"] = source
    if result.extra:
        rec["x"] = _extra_display(result.extra)
    if result.warnings:
        rec["w"] = list(result.warnings)
    return rec


# --- per-document view (mirrored by renderDoc() in report_script.js) --------------------------


def _sev(severity: str) -> str:
    return severity if severity in SEVERITIES else "info"


def passage_step(score: float) -> int:
    """Shade step 0..4 of a passage score."""
    return sum(score >= s for s in PASSAGE_STEPS)


def finding_tip(f: list[Any]) -> str:
    """Tooltip text of a finding: rule, message, suggestion, category and confidence."""
    sev = _sev(f[4])
    lines = [f"{SEVERITY_ICON[sev]} {SEVERITY_LABEL[sev]} · {f[2]}", str(f[5])]
    if f[6]:
        lines.append(f"Suggestion: {f[6]}")
    lines.append(f"Category: {f[3]} · confidence {round(float(f[7]) * 100)}%")
    return "\n".join(lines)


def passage_title(i: int, p: list[Any]) -> str:
    parts = [f"Passage {i + 1}: score {p[2]:.2f}" + (" (flagged)" if p[3] else "")]
    if p[4] is not None:
        parts.append(f"FK grade {p[4]:.1f}")
    if p[5] is not None:
        parts.append(f"reading ease {p[5]:.0f}")
    return " · ".join(parts)


def marked_text(text: str, passages: list[list[Any]], findings: list[list[Any]], dn: int) -> str:
    """The text with passages (<span class="psg">) and findings (<mark class="f">) as
    properly nested elements. Overlapping findings are split into fragments sharing
    `data-f`; only the first fragment has the id and is focusable. The text content of the
    result equals `text` exactly."""
    n = len(text)
    intervals: list[tuple[int, int, int, int]] = []  # (start, end, kind 0=passage 1=finding, index)
    for i, p in enumerate(passages):
        s, e = max(0, int(p[0])), min(n, int(p[1]))
        if s < e:
            intervals.append((s, e, 0, i))
    for k, f in enumerate(findings):
        s, e = int(f[0]), int(f[1])
        if 0 <= s < e <= n:
            intervals.append((s, e, 1, k))
    starts: dict[int, list[tuple[int, int, int, int]]] = {}
    for iv in intervals:
        starts.setdefault(iv[0], []).append(iv)
    bounds = sorted({0, n, *(iv[0] for iv in intervals), *(iv[1] for iv in intervals)})
    out: list[str] = []
    stack: list[tuple[int, int, int, int]] = []
    seen: set[tuple[int, int]] = set()
    for bi, pos in enumerate(bounds):
        low = next((j for j, iv in enumerate(stack) if iv[1] == pos), None)
        reopen = []
        if low is not None:
            while len(stack) > low:
                iv = stack.pop()
                out.append("</span>" if iv[2] == 0 else "</mark>")
                if iv[1] != pos:
                    reopen.append(iv)
        for iv in sorted(reopen + starts.get(pos, []), key=lambda v: (v[2], -v[1], v[3])):
            key = (iv[2], iv[3])
            first = key not in seen
            seen.add(key)
            out.append(_passage_open(iv[3], passages[iv[3]]) if iv[2] == 0 else _mark_open(iv[3], findings[iv[3]], dn, first))
            stack.append(iv)
        if bi + 1 < len(bounds):
            out.append(esc(text[pos : bounds[bi + 1]]))
    return "".join(out)


def _passage_open(i: int, p: list[Any]) -> str:
    cls = f"psg s{passage_step(p[2])}" + (" flagged" if p[3] else "")
    label = f"¶{i + 1}" + (f" {p[2]:.2f}" if p[2] >= PASSAGE_STEPS[0] else "")
    return f'<span class="{cls}" data-p="{i}" data-score="{p[2]:.2f}" data-pl="{esc(label)}" title="{esc(passage_title(i, p))}">'


def _mark_open(k: int, f: list[Any], dn: int, first: bool) -> str:
    sev = _sev(f[4])
    tip = esc(finding_tip(f))
    attrs = [
        f'class="f sev-{sev}{"" if first else " frag"}"',
        f'data-f="{k}"',
        f'data-rule="{esc(f[2])}"',
        f'data-category="{esc(f[3])}"',
        f'data-severity="{sev}"',
        f'data-confidence="{float(f[7]):.2f}"',
    ]
    if f[6]:
        attrs.append(f'data-suggestion="{esc(f[6])}"')
    attrs += [f'data-tip="{tip}"', f'title="{tip}"']
    if first:
        attrs += [f'id="d{dn}-f{k + 1}"', 'tabindex="0"']
    return "<mark " + " ".join(attrs) + ">"


def _badge(flagged: bool) -> str:
    if flagged:
        return '<span class="badge flag"><span aria-hidden="true">\u2691</span> Flagged</span>'
    return '<span class="badge ok"><span aria-hidden="true">\u2713</span> OK</span>'


def _sev_tag(severity: str) -> str:
    sev = _sev(severity)
    return f'<span class="sev sev-{sev}"><span class="sev-icon" aria-hidden="true">{SEVERITY_ICON[sev]}</span> {SEVERITY_LABEL[sev]}</span>'


def document_view(rec: dict[str, Any]) -> str:
    """The full view of one document: header, marked text, findings list, readability."""
    dn = rec["n"] + 1
    text, findings, passages = rec["t"], rec["f"], rec["p"]
    r = rec.get("r") or {}
    meta = [
        _badge(bool(rec["fl"])),
        f'<span>score <b class="score-val">{rec["s"]:.2f}</b></span>',
        f"<span>{_plural(len(findings), 'finding')}</span>",
        f"<span>{_plural(len(passages), 'passage')}</span>",
        f"<span>{_plural(rec['wc'], 'word')}</span>",
    ]
    if r.get("flesch_kincaid_grade") is not None:
        meta.append(f"<span>FK grade {r['flesch_kincaid_grade']:.1f}</span>")
    if r.get("flesch_reading_ease") is not None:
        meta.append(f"<span>reading ease {r['flesch_reading_ease']:.0f}</span>")
    if rec.get("src"):
        meta.append(f'<span>source <code>{esc(rec["src"])}</code></span>')
    title = esc(rec["id"]) if rec["id"] else "<i>(no id)</i>"
    parts = [
        f'<article class="doc" id="doc-{dn}" data-n="{rec["n"]}" aria-labelledby="doc-{dn}-h">',
        f'<header class="doc-head"><h3 id="doc-{dn}-h" tabindex="-1"><span class="doc-num">#{dn}</span> <span class="doc-id">{title}</span></h3>',
        f'<p class="doc-meta">{" ".join(meta)}</p></header>',
        '<div class="doc-body">',
        f'<div class="doc-text" lang="en">{marked_text(text, passages, findings, dn)}</div>',
        '<aside class="doc-side">',
        _findings_list(findings, text, dn),
        _passage_table(passages),
    ]
    if rec.get("x"):
        rows = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in rec["x"].items())
        parts.append(f'<h4>Fields</h4><dl class="extra">{rows}</dl>')
    if rec.get("w"):
        items = "".join(f"<li>{esc(w)}</li>" for w in rec["w"])
        parts.append(f'<h4>Warnings</h4><ul class="warnings">{items}</ul>')
    parts.append("</aside></div>")
    parts.append('<p class="back"><a href="#documents">↑ Back to the table</a></p></article>')
    return "".join(parts)


def _findings_list(findings: list[list[Any]], text: str, dn: int) -> str:
    if not findings:
        return '<h4>Findings</h4><p class="none">No findings in this document.</p>'
    items = []
    for k, f in enumerate(findings):
        sev = _sev(f[4])
        snippet = text[f[0] : f[1]] if 0 <= f[0] <= f[1] <= len(text) else ""
        if len(snippet) > 120:
            snippet = snippet[:117] + "…"
        fix = f'<p class="fix">Suggestion: <b>{esc(f[6])}</b></p>' if f[6] else ""
        items.append(
            f'<li class="fi sev-{sev}" data-f="{k}">'
            f'<a class="fi-ref" href="#d{dn}-f{k + 1}">{_sev_tag(sev)} <code>{esc(f[2])}</code></a>'
            f'<q class="fi-text">{esc(snippet)}</q>'
            f'<p class="msg">{esc(f[5])}</p>{fix}'
            f'<p class="conf">{esc(f[3])} · confidence {round(float(f[7]) * 100)}%</p></li>'
        )
    return f'<h4>Findings ({len(findings)})</h4><ol class="findings">{"".join(items)}</ol>'


def _passage_table(passages: list[list[Any]]) -> str:
    if not passages:
        return ""
    rows = "".join(
        f'<tr class="{"flagged" if p[3] else ""}"><td>¶{i + 1}</td><td><span class="swatch s{passage_step(p[2])}"></span>{p[2]:.2f}'
        f'{" <span aria-label=flagged>⚑</span>" if p[3] else ""}</td>'
        f"<td>{_fmt(p[4], 1)}</td><td>{_fmt(p[5], 0)}</td><td>{_fmt(p[6], 1)}</td></tr>"
        for i, p in enumerate(passages)
    )
    return (
        '<h4>Readability by passage</h4><table class="ptable"><thead><tr><th scope="col">Passage</th><th scope="col">Score</th>'
        '<th scope="col"><abbr title="Flesch–Kincaid grade (US school year)">Grade</abbr></th>'
        '<th scope="col"><abbr title="Flesch reading ease (higher is easier)">Ease</abbr></th>'
        f'<th scope="col"><abbr title="Mean words per sentence">Words/sent.</abbr></th></tr></thead><tbody>{rows}</tbody></table>'
    )


# --- document table rows (mirrored by rowFor() in report_script.js) ---------------------------


def table_row(rec: dict[str, Any]) -> str:
    dn = rec["n"] + 1
    counts = {s: 0 for s in SEVERITIES}
    cats: list[str] = []
    for f in rec["f"]:
        counts[_sev(f[4])] += 1
        if f[3] not in cats:
            cats.append(f[3])
    sevs = " ".join(
        f'<span class="sev-{s}" title="{SEVERITY_LABEL[s]}"><span aria-hidden="true">{SEVERITY_ICON[s]}</span>{counts[s]}</span>'
        for s in reversed(SEVERITIES)
        if counts[s]
    )
    grade = (rec.get("r") or {}).get("flesch_kincaid_grade")
    title = esc(rec["id"]) if rec["id"] else "<i>(no id)</i>"
    return (
        f'<tr data-n="{rec["n"]}"><td class="num">{dn}</td>'
        f'<th scope="row" class="id"><a href="#doc-{dn}">{title}</a></th>'
        f'<td class="score"><span class="bar" style="--w:{rec["s"] * 100:.0f}%"></span><span class="val">{rec["s"]:.2f}</span></td>'
        f"<td>{_badge(bool(rec['fl']))}</td>"
        f'<td class="num nf">{len(rec["f"])} <span class="sevs">{sevs}</span></td>'
        f'<td class="cats">{esc(", ".join(cats))}</td>'
        f'<td class="num">{_fmt(grade, 1)}</td><td class="num">{_int(rec["wc"])}</td></tr>'
    )


# --- charts (inline SVG) --------------------------------------------------------------------


def _svg_open(w: int, h: int, label: str, desc: str) -> str:
    return (
        f'<svg class="chart" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" aria-label="{esc(label)}" '
        f'><title>{esc(label)}</title><desc>{esc(desc)}</desc>'
    )


def _nice_max(v: int) -> int:
    if v <= 10:
        return max(2, v + v % 2)  # even, so the half-way tick is a whole number
    mag = 10 ** (len(str(v)) - 1)
    for m in (1, 2, 2.5, 5, 10):
        if v <= m * mag:
            return int(m * mag)
    return v


def _y_axis(x0: int, y0: int, y1: int, top: int, w: int) -> str:
    """Horizontal grid lines with labels at 0, half and top."""
    out = []
    for frac in (0, 0.5, 1):
        val = top * frac
        y = y0 - (y0 - y1) * frac
        lab = f"{val:,.0f}" if val == int(val) else f"{val:,.1f}"
        out.append(f'<line class="grid" x1="{x0}" x2="{x0 + w}" y1="{y:.1f}" y2="{y:.1f}"/>')
        out.append(f'<text class="tick" x="{x0 - 6}" y="{y + 4:.1f}" text-anchor="end">{lab}</text>')
    return "".join(out)


def score_chart(summary: dict[str, Any]) -> str:
    """Histogram of document scores, flagged share hatched, threshold as a dashed line."""
    hist = summary["score_histogram"]
    counts, flagged, edges = hist["counts"], hist["flagged"], hist["edges"]
    threshold = summary.get("threshold")
    W, H, L, R, T, B = 460, 270, 48, 16, 52, 48
    pw, ph = W - L - R, H - T - B
    top = _nice_max(max(counts) if counts else 0)
    bw = pw / len(counts)
    desc = "; ".join(f"{edges[i]:.1f}–{edges[i + 1]:.1f}: {c} ({flagged[i]} flagged)" for i, c in enumerate(counts))
    out = [_svg_open(W, H, "Distribution of document scores", desc)]
    out.append(
        '<defs><pattern id="hatch-flag" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        f'<rect width="6" height="6" fill="{FLAGGED_COLOUR}"/><line x1="0" y1="0" x2="0" y2="6" stroke="#fff" stroke-width="2.2" stroke-opacity=".55"/></pattern></defs>'
    )
    out.append(_y_axis(L, T + ph, T, top, pw))
    for i, c in enumerate(counts):
        x = L + i * bw + 2
        h_all = ph * c / top if top else 0
        h_flag = ph * flagged[i] / top if top else 0
        y = T + ph - h_all
        if c - flagged[i] > 0:
            out.append(f'<rect x="{x:.1f}" y="{y + h_flag:.1f}" width="{bw - 4:.1f}" height="{h_all - h_flag:.1f}" fill="{NOT_FLAGGED_COLOUR}"/>')
        if flagged[i] > 0:
            out.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bw - 4:.1f}" height="{h_flag:.1f}" fill="url(#hatch-flag)"/>')
        if c:
            out.append(f'<text class="val" x="{x + (bw - 4) / 2:.1f}" y="{y - 4:.1f}" text-anchor="middle">{c:,}</text>')
    for i, e in enumerate(edges):
        if i % 2 == 0:
            x = L + i * bw
            out.append(f'<text class="tick" x="{x:.1f}" y="{T + ph + 16}" text-anchor="middle">{e:.1f}</text>')
    out.append(f'<line class="axis" x1="{L}" x2="{L + pw}" y1="{T + ph}" y2="{T + ph}"/>')
    out.append(f'<text class="axis-label" x="{L + pw / 2:.0f}" y="{H - 8}" text-anchor="middle">document score (0 = clean, 1 = artefacts)</text>')
    if threshold is not None:
        x = L + pw * float(threshold)
        right = float(threshold) <= 0.7  # label on the side with room
        out.append(f'<line class="threshold" x1="{x:.1f}" x2="{x:.1f}" y1="{T - 16}" y2="{T + ph}"/>')
        out.append(
            f'<text class="threshold-label" x="{x + 4 if right else x - 4:.1f}" y="{T - 20}" text-anchor="{"start" if right else "end"}">'
            f"threshold {float(threshold):.2f}</text>"
        )
    out.append(
        f'<g class="legend" transform="translate({L},4)"><rect width="11" height="11" fill="{NOT_FLAGGED_COLOUR}"/>'
        '<text x="16" y="10">not flagged</text>'
        '<rect x="112" width="11" height="11" fill="url(#hatch-flag)"/><text x="128" y="10">flagged</text></g>'
    )
    out.append("</svg>")
    return "".join(out)


def category_chart(summary: dict[str, Any]) -> str:
    """Horizontal bars: findings by category, each labelled with its count."""
    cats = summary["by_category"][:8]
    W, L, R, T, row = 460, 110, 70, 10, 26
    H = max(80, T + row * len(cats) + 30)
    desc = "; ".join(f"{c['category']}: {c['findings']} findings in {c['documents']} documents" for c in cats) or "no findings"
    out = [_svg_open(W, H, "Findings by category", desc)]
    if not cats:
        out.append(f'<text class="empty" x="{W / 2:.0f}" y="{H / 2:.0f}" text-anchor="middle">No findings</text></svg>')
        return "".join(out)
    top = max(c["findings"] for c in cats)
    pw = W - L - R
    for i, c in enumerate(cats):
        y = T + i * row
        w = max(2.0, pw * c["findings"] / top)
        colour = CATEGORY_COLOUR.get(c["category"], OKABE_ITO[i % len(OKABE_ITO)])
        out.append(f'<text class="cat" x="{L - 8}" y="{y + 16}" text-anchor="end">{esc(c["category"])}</text>')
        out.append(f'<rect x="{L}" y="{y + 4}" width="{w:.1f}" height="{row - 8}" fill="{colour}" stroke="#333" stroke-width=".5"/>')
        out.append(
            f'<text class="val" x="{L + w + 6:.1f}" y="{y + 16}">{c["findings"]:,}'
            f'<tspan class="sub"> · {c["documents"]:,} doc{"s" if c["documents"] != 1 else ""}</tspan></text>'
        )
    out.append(f'<text class="axis-label" x="{L}" y="{H - 8}">findings (and documents with at least one)</text>')
    out.append("</svg>")
    return "".join(out)


def grade_chart(summary: dict[str, Any]) -> str:
    """Histogram of document Flesch-Kincaid grades, with the median marked."""
    rd = summary["readability"]
    hist = rd["fk_grade_histogram"]
    counts, labels = hist["counts"], hist["labels"]
    W, H, L, R, T, B = 460, 270, 48, 16, 52, 48
    pw, ph = W - L - R, H - T - B
    top = _nice_max(max(counts) if counts else 0)
    bw = pw / len(counts)
    desc = "; ".join(f"grade {lab}: {c}" for lab, c in zip(labels, counts, strict=True))
    out = [_svg_open(W, H, "Readability: Flesch–Kincaid grade of documents", desc)]
    out.append(_y_axis(L, T + ph, T, top, pw))
    for i, c in enumerate(counts):
        x = L + i * bw + 2
        h = ph * c / top if top else 0
        y = T + ph - h
        if c:
            out.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bw - 4:.1f}" height="{h:.1f}" fill="{GRADE_COLOUR}"/>')
            out.append(f'<text class="val" x="{x + (bw - 4) / 2:.1f}" y="{y - 4:.1f}" text-anchor="middle">{c:,}</text>')
        out.append(f'<text class="tick" x="{x + (bw - 4) / 2:.1f}" y="{T + ph + 16}" text-anchor="middle">{esc(labels[i])}</text>')
    out.append(f'<line class="axis" x1="{L}" x2="{L + pw}" y1="{T + ph}" y2="{T + ph}"/>')
    out.append(f'<text class="axis-label" x="{L + pw / 2:.0f}" y="{H - 8}" text-anchor="middle">Flesch–Kincaid grade (US school year; 13+ = college)</text>')
    med = rd["metrics"].get("flesch_kincaid_grade", {}).get("median")
    if med is not None and rd["documents"]:
        out.append(f'<text class="legend-text" x="{L}" y="13">median grade {med:.1f} · {rd["hard_documents"]:,} above grade {rd["hard_grade"]:g}</text>')
    elif not rd["documents"]:
        out.append(f'<text class="empty" x="{W / 2:.0f}" y="{H / 2:.0f}" text-anchor="middle">No readability figures</text>')
    out.append("</svg>")
    return "".join(out)


# --- summary section ------------------------------------------------------------------------


def summary_sentences(s: dict[str, Any]) -> str:
    """The summary in words (HTML)."""
    n = s["documents"]
    if n == 0:
        return "<p>No documents were scored.</p>"
    thr = f" at threshold {s['threshold']:.2f}" if s.get("threshold") is not None else ""
    out = [
        f"<p>{_plural(n, 'document')} scored; <strong>{_int(s['flagged'])} flagged</strong> ({_pct(s['flagged_share'])}){thr}. "
    ]
    sev = s["by_severity"]
    if s["findings"]:
        sev_words = ", ".join(f"{_int(sev[k])} {k}{'s' if k != 'info' and sev[k] != 1 else ''}" for k in ("error", "warning", "info") if sev[k])
        out.append(f"{_plural(s['findings'], 'finding')} in {_plural(s['documents_with_findings'], 'document')} ({sev_words}). ")
        cats = s["by_category"][:3]
        out.append(
            "Most frequent problems: "
            + ", ".join(f"<b>{esc(c['category'])}</b> ({_plural(c['findings'], 'finding')} in {_plural(c['documents'], 'document')})" for c in cats)
            + "; top rule "
            + f"<code>{esc(s['by_rule'][0]['rule'])}</code> ({_int(s['by_rule'][0]['findings'])}). "
        )
    else:
        out.append("No findings. ")
    if s["worst"] and n > 1:
        w = s["worst"][0]
        out.append(
            f'The highest-scoring document is <a href="#doc-{w["index"] + 1}">#{w["index"] + 1} {esc(display_id(w["id"]))}</a> '
            f"(score {w['score']:.2f}, {_plural(w['findings'], 'finding')}). "
        )
    rd = s["readability"]
    grade = rd["metrics"].get("flesch_kincaid_grade")
    if grade and rd["documents"] == 1:
        out.append(
            f"Readability: Flesch–Kincaid grade {grade['median']:.1f} (US school year), reading ease "
            f"{rd['metrics']['flesch_reading_ease']['median']:.0f} of 100"
            + (f", {_plural(rd['long_sentences'], 'very long sentence')}" if rd["long_sentences"] else "")
            + "."
        )
    elif grade:
        spread = f" (middle 80%: {grade['p10']:.1f}–{grade['p90']:.1f})" if rd["documents"] >= 5 else ""
        out.append(
            f"Readability: median Flesch–Kincaid grade {grade['median']:.1f}{spread}; "
            f"{_plural(rd['hard_documents'], 'document')} above grade {rd['hard_grade']:g}"
            + (f", {_plural(rd['long_sentences'], 'very long sentence')}" if rd["long_sentences"] else "")
            + "."
        )
    if s.get("unreadable_inputs"):
        out.append(f' <span class="warn">{_plural(s["unreadable_inputs"], "input")} could not be read (see the command’s error output).</span>')
    out.append("</p>")
    return "".join(out)


def _figures(s: dict[str, Any]) -> str:
    grade = s["readability"]["metrics"].get("flesch_kincaid_grade", {})
    one = s["documents"] == 1
    figs = [
        ("Documents", _int(s["documents"]), ""),
        ("Flagged", _int(s["flagged"]), _pct(s["flagged_share"]) if s["documents"] else ""),
        ("Findings", _int(s["findings"]), f"in {_plural(s['documents_with_findings'], 'doc')}"),
        ("Score", f"{s['score']['max']:.2f}", "") if one else ("Median score", f"{s['score']['median']:.2f}", f"max {s['score']['max']:.2f}"),
        ("Grade" if one else "Median grade", f"{grade['median']:.1f}" if grade else "–", "Flesch–Kincaid"),
    ]
    if s.get("unreadable_inputs"):
        figs.append(("Unreadable inputs", _int(s["unreadable_inputs"]), "not scored"))
    items = "".join(f'<div class="fig"><dt>{k}</dt><dd><span class="big">{v}</span><span class="small">{esc(sub)}</span></dd></div>' for k, v, sub in figs)
    return f'<dl class="figures">{items}</dl>'


def _rules_table(s: dict[str, Any]) -> str:
    if not s["by_rule"]:
        return ""
    rows = "".join(
        f"<tr><td><code>{esc(r['rule'])}</code></td><td>{_sev_tag(r['severity'])}</td><td class='num'>{r['findings']:,}</td>"
        f"<td class='num'>{r['documents']:,}</td><td>{esc(r['message'])}</td></tr>"
        for r in s["by_rule"][:TOP_RULES]
    )
    more = f"<p class='small'>and {len(s['by_rule']) - TOP_RULES} more rules</p>" if len(s["by_rule"]) > TOP_RULES else ""
    return (
        '<div class="panel"><h3>Most frequent rules</h3><table class="compact"><thead><tr><th scope="col">Rule</th><th scope="col">Severity</th>'
        '<th scope="col" class="num">Findings</th><th scope="col" class="num">Docs</th><th scope="col">What it means</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>{more}</div>"
    )


def _worst_list(s: dict[str, Any]) -> str:
    if len(s["worst"]) < 2:  # a ranking of one says nothing the figures above do not
        return ""
    items = "".join(
        f'<li><a href="#doc-{w["index"] + 1}"><span class="doc-num">#{w["index"] + 1}</span> {esc(display_id(w["id"])) or "<i>(no id)</i>"}</a> '
        f'<span class="score-val">{w["score"]:.2f}</span> {_badge(w["flagged"])} <span class="small">{_plural(w["findings"], "finding")}'
        + (f' · top rule <code>{esc(w["top_rule"])}</code>' if w["top_rule"] else "")
        + "</span></li>"
        for w in s["worst"]
    )
    return f'<div class="panel"><h3>Highest-scoring documents</h3><ol class="worst">{items}</ol></div>'


_METRIC_NAMES = {
    "flesch_kincaid_grade": ("Flesch–Kincaid grade", 1),
    "flesch_reading_ease": ("Flesch reading ease", 0),
    "gunning_fog": ("Gunning fog", 1),
    "smog_index": ("SMOG", 1),
    "dale_chall": ("Dale–Chall", 1),
    "mean_sentence_words": ("Words per sentence", 1),
    "long_word_ratio": ("Share of long words", 2),
}


def _readability_table(s: dict[str, Any]) -> str:
    metrics = s["readability"]["metrics"]
    if not metrics:
        return ""
    one = s["readability"]["documents"] == 1  # one document: its figures, not a spread
    columns = [("median", "This document")] if one else [("median", "Median"), ("p10", "10%"), ("p90", "90%"), ("min", "Min"), ("max", "Max")]
    heads = "".join(f'<th scope="col" class="num">{label}</th>' for _, label in columns)
    rows = "".join(
        f"<tr><th scope='row'>{name}</th>"
        + "".join(f"<td class='num'>{metrics[key][q]:.{d}f}</td>" for q, _ in columns)
        + "</tr>"
        for key, (name, d) in _METRIC_NAMES.items()
        if key in metrics
    )
    return (
        f'<div class="panel"><h3>Readability{"" if one else " overview"}</h3><table class="compact"><thead><tr><th scope="col">Measure</th>'
        f"{heads}</tr></thead><tbody>{rows}</tbody></table>"
        f'<p class="small">{"" if one else "Per document. "}Grades are US school years; reading ease runs 0 (hard) to 100 (easy).</p></div>'
    )


# --- the page -------------------------------------------------------------------------------


def _table_section(records: list[dict[str, Any]], summary: dict[str, Any], page_size: int) -> str:
    n = len(records)
    cat_options = "".join(f'<option value="{esc(c["category"])}">{esc(c["category"])}</option>' for c in summary["by_category"])
    rows = "".join(table_row(r) for r in records[:page_size]) or '<tr><td colspan="8" class="none">No documents.</td></tr>'
    status = f"Showing 1–{min(n, page_size):,} of {_plural(n, 'document')}" if n else "No documents"
    cols = [("n", "#", "num"), ("id", "Document", ""), ("s", "Score", ""), ("fl", "Verdict", ""), ("nf", "Findings", "num"),
            ("cat", "Categories", ""), ("grade", "Grade", "num"), ("wc", "Words", "num")]  # fmt: skip
    heads = "".join(
        f'<th scope="col" class="{cls}" aria-sort="{"ascending" if key == "n" else "none"}" data-key="{key}">'
        f'<button type="button" class="sort" data-key="{key}">{label}<span class="arrow" aria-hidden="true"></span></button></th>'
        for key, label, cls in cols
    )
    noscript = ""
    if n > page_size:
        noscript = (
            f"<noscript><p class='note'>JavaScript is off: the table lists the first {_int(page_size)} of {_int(n)} documents in input order. "
            "Sorting, filtering, paging and the documents not shown in full below need JavaScript "
            "(or use <code>mtdetect report --format json</code>).</p></noscript>"
        )
    return f"""<section id="documents" aria-labelledby="documents-h">
<h2 id="documents-h">Documents</h2>
<form id="filters" class="filters js-only" role="search" aria-label="Filter documents">
<label>Search <input type="search" id="f-q" placeholder="id or text" autocomplete="off"></label>
<label>Score from <input type="number" id="f-min" min="0" max="1" step="0.05" value="0" inputmode="decimal"></label>
<label>to <input type="number" id="f-max" min="0" max="1" step="0.05" value="1" inputmode="decimal"></label>
<label>Verdict <select id="f-flag"><option value="">all</option><option value="1">flagged</option><option value="0">not flagged</option></select></label>
<label>Category <select id="f-cat"><option value="">any</option>{cat_options}</select></label>
<button type="reset" id="f-reset">Clear filters</button>
</form>
<p id="table-status" class="status" role="status" aria-live="polite">{status}</p>
{noscript}
<div class="table-wrap"><table id="doc-table" class="docs"><caption class="sr-only">Documents; column headers sort the table</caption>
<thead><tr>{heads}</tr></thead><tbody id="doc-rows">{rows}</tbody></table></div>
<nav class="pager js-only" aria-label="Table pages"><button type="button" id="pg-prev">← Previous</button>
<span id="pg-info">Page 1 of {max(1, -(-n // page_size)):,}</span><button type="button" id="pg-next">Next →</button></nav>
</section>"""


def render_page(records: list[dict[str, Any]], summary: dict[str, Any], prerendered: list[str],
                title: str = "mtdetect report", page_size: int = PAGE_SIZE) -> Iterable[str]:  # fmt: skip
    """The report as chunks of HTML (write them in order)."""
    script = _asset("report_script.js")
    n = len(records)
    when = _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    model = summary.get("detector", {}).get("model", "")
    yield f"""<!DOCTYPE html>
<html lang="en" class="no-js">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{esc(_csp(script))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="mtdetect {esc(__version__)}">
<link rel="icon" href="data:,">
<title>{esc(title)}</title>
<style>{_asset("report_style.css")}</style>
</head>
<body>
<a class="skip" href="#documents">Skip to the documents</a>
<header class="top"><div class="wrap">
<h1>{esc(title)}</h1>
<p class="sub">{_plural(n, "document")} · generated {when} by mtdetect {esc(__version__)}{f" · model {esc(model)}" if model else ""}</p>
<nav aria-label="Sections"><a href="#summary">Summary</a><a href="#charts">Charts</a><a href="#documents">Documents</a><a href="#views">Document views</a></nav>
</div></header>
<main class="wrap">
<section id="summary" aria-labelledby="summary-h">
<h2 id="summary-h">Summary</h2>
<div class="lede">{summary_sentences(summary)}</div>
{_figures(summary)}
<div class="panels">{_rules_table(summary)}{_worst_list(summary)}{_readability_table(summary)}</div>
</section>
<section id="charts" aria-labelledby="charts-h">
<h2 id="charts-h">Charts</h2>
<div class="charts">
<figure>{score_chart(summary)}<figcaption>Document scores; hatched bars are flagged, the dashed line is the threshold.</figcaption></figure>
<figure>{category_chart(summary)}<figcaption>Findings by category.</figcaption></figure>
<figure>{grade_chart(summary)}<figcaption>Readability spread: Flesch–Kincaid grade per document.</figcaption></figure>
</div>
</section>
"""
    yield _table_section(records, summary, page_size)
    more = n - len(prerendered)
    note = (
        f'<p class="note">{"The first document is" if len(prerendered) == 1 else f"The first {_int(len(prerendered))} documents are"} shown in full below; '
        f"open any of the other {_int(more)} from the table<noscript> (this needs JavaScript)</noscript>.</p>"
        if more
        else ""
    )
    yield f"""
<section id="views" aria-labelledby="views-h">
<h2 id="views-h">Document views</h2>
<div class="legend-bar"><span>Marks:</span> <mark class="f sev-error">✖ error</mark> <mark class="f sev-warning">▲ warning</mark> <mark class="f sev-info">ℹ info</mark>
<span>Passage score:</span> <span class="swatch s0"></span>&lt;0.2 <span class="swatch s1"></span>0.2 <span class="swatch s2"></span>0.4 <span class="swatch s3"></span>0.6 <span class="swatch s4"></span>0.8+
<span class="small">Hover over or tab to a mark for its rule, message and suggestion.</span></div>
{note}
<div id="doc-viewer" aria-live="polite"></div>
"""
    yield from prerendered
    yield f"""
</section>
</main>
<footer class="wrap foot"><p>mtdetect {esc(__version__)} · scores are estimates: read the marked passages before acting on them. Rules: <code>mtdetect rules</code>.</p></footer>
<script type="application/json" id="mtdetect-data">"""
    yield json_for_script({"v": 1, "pageSize": page_size, "prerendered": len(prerendered), "summary": summary, "docs": records})
    yield f"</script>\n<script>{script}</script>\n</body>\n</html>\n"


class HtmlWriter:
    """Collects scored documents and writes the report on `close()`.

    Used by `mtdetect score --format html` and `mtdetect report`. Memory per document is its
    text plus findings (features are not kept)."""

    def __init__(self, out: IO[str], args: argparse.Namespace | None = None, *, prerender: int = PRERENDER_DOCS,
                 page_size: int = PAGE_SIZE, title: str = "mtdetect report") -> None:  # fmt: skip
        self.out = out
        self.args = args if args is not None else argparse.Namespace()
        self.prerender = prerender
        self.page_size = page_size
        self.title = title
        self.records: list[dict[str, Any]] = []
        self.prerendered: list[str] = []
        self.builder: SummaryBuilder | None = None

    def _start(self, source: str) -> SummaryBuilder:
        if self.builder is None:
            self.builder = SummaryBuilder(threshold_for(self.args, source))
        return self.builder

    def write(self, item: Any, result: DocumentResult) -> None:
        builder = self._start(getattr(item, "source", "-"))
        builder.add(result)
        rec = document_record(len(self.records), item.text, result, getattr(item, "source", None))
        self.records.append(rec)
        if len(self.prerendered) < self.prerender:
            self.prerendered.append(document_view(rec))

    def add_error(self, message: str) -> None:
        """An input that could not be read: counted in the summary."""
        self._start("-").add_unreadable()

    def close(self) -> None:
        summary = self._start("-").to_dict()
        for chunk in render_page(self.records, summary, self.prerendered, self.title, self.page_size):
            self.out.write(chunk)
        self.out.flush()


def write_report(out: IO[str], pairs: Iterable[tuple[Any, DocumentResult]], threshold: float | None = None, **kwargs: Any) -> None:
    """Write a report of `(item, result)` pairs (items need `.text`, optionally `.source`)."""
    writer = HtmlWriter(out, argparse.Namespace(threshold=threshold), **kwargs)
    for item, result in pairs:
        writer.write(item, result)
    writer.close()
