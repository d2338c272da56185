"""The HTML report and the batch summary: numbers, self-containment, escaping, scale.

Results are built directly (the extractors are still growing), so these tests pin the
renderer, not the rules. `demo_batch`, `payload_batch` and `synthetic_batch` are shared
with tests/test_browser.py.
"""

from __future__ import annotations

import io
import json
import random
import re
import time
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from detector import Config, Detector
from detector.cli import main
from detector.extractors import EXTRACTORS
from detector.io import InputItem
from detector.model import SEVERITY_WEIGHT, document_score
from detector.render.html import HtmlWriter, json_for_script, marked_text, write_report
from detector.render.summary import summarize
from detector.results import DocumentResult, Finding, PassageResult

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "examples" / "article.txt"
THRESHOLD = 0.5

# --- building batches -------------------------------------------------------------------------

DEMO_DOCS = [
    (
        "wire/asia-visit.txt",
        ARTICLE.read_text(encoding="utf-8") if ARTICLE.is_file() else "",
        [
            ("Blingen", "names.inconsistent", "info", "Name spelled differently from later mentions ('Anthony Blingen')", None, 0.55),
            ("Indo – Pacific", "encoding.spaced_dash", "warning", "Hyphenated compound broken by a spaced dash: write 'Indo-Pacific'", "Indo-Pacific", 0.75),
            (". . .", "encoding.spaced_ellipsis", "info", "Spaced ellipsis '. . .': news style writes '…'", "…", 0.6),
            ("sanctions through sanctions", "garble.repetition", "warning", "The same content repeated in a way English does not use", "sanctions", 0.6),
            ("President of the Pentagon", "roles.wrong_title", "error", "No such office: the Pentagon is led by the Secretary of Defense", "Secretary of Defense", 0.85),
            ("Anthony Blingen", "names.near_miss", "error", "Looks like a misspelling of a known person's name", "Antony Blinken", 0.9),
            ("spoke in the background", "phrasing.calque", "warning", "Literal translation of an idiom; English says 'spoke on background'", "spoke on background", 0.7),
            ("Explorer. Devoted travel specialist. Web expert. Organizer. Coffee aficionado.", "boilerplate.spam_bio", "warning",
             "Auto-generated author bio: a string of unrelated self-descriptions", None, 0.8),
        ],
    ),
    (
        "spun/ai-lab.txt",
        "University lab unveils new vision system\n\n"
        "Scientists at the college have built a profound learning framework that can perceive pictures with "
        "amazing exactness, as indicated by an investigation distributed on Thursday. The group said man-made "
        "brainpower could before long assist specialists with spotting infections prior.\n\n"
        "The work draws on large information gathered from clinics across the country.",
        [
            ("profound learning", "phrasing.spinner", "error", "Spinner synonym swap of a fixed term", "deep learning", 0.9),
            ("amazing exactness", "phrasing.spinner", "warning", "Spinner synonym swap of a fixed term", "remarkable accuracy", 0.7),
            ("as indicated by an investigation distributed", "phrasing.spinner", "warning", "Spinner paraphrase of a stock phrase", "according to a study published", 0.75),
            ("man-made brainpower", "phrasing.spinner", "error", "Spinner synonym swap of a fixed term", "artificial intelligence", 0.95),
            ("large information", "phrasing.spinner", "error", "Spinner synonym swap of a fixed term", "big data", 0.9),
        ],
    ),
    (
        "feeds/cafe-review.txt",
        "The new cafÃ© on Market Street doesnâ€™t take reservations, but the queue moves fast.\n\n"
        "Its owner said the pastries are baked on site every morning and sold out by noon on most days.",
        [
            ("cafÃ©", "encoding.mojibake", "error", "UTF-8 text decoded as Latin-1 (mojibake)", "café", 0.95),
            ("doesnâ€™t", "encoding.mojibake", "error", "UTF-8 text decoded as Latin-1 (mojibake)", "doesn’t", 0.95),
        ],
    ),
    (
        "local/weather.txt",
        "Rain will spread from the west during the morning, turning heavy at times in the hills.\n\n"
        "It will brighten up in the afternoon, with a few showers, and temperatures will stay close to normal.",
        [],
    ),
    (
        "policy/budget.txt",
        "Council approves budget\n\n"
        "The council approved the budget on Tuesday after a debate that lasted most of the evening and in which members "
        "of every party raised concerns about the cost of the new library, the state of the roads in the northern "
        "districts, the future of the swimming pool and the plan to raise parking charges in the town centre, which "
        "shopkeepers say will drive customers to the out-of-town retail park that opened last year.\n\n"
        "The leader of the council said the budget was fair. Ministers face a decision through decision next month.",
        [("a decision through decision", "garble.repetition", "warning", "The same content repeated in a way English does not use", "a decision", 0.6)],
    ),
    (
        "wire/ministers.txt",
        "Foreign Minister Sergei Lavrow met his counterpart in Ankara on Friday. The two men talked for three hours.\n\n"
        "Officials said the Prime Minister of the Kremlin would visit later this year.",
        [
            ("Sergei Lavrow", "names.near_miss", "error", "Looks like a misspelling of a known person's name", "Sergei Lavrov", 0.85),
            ("Prime Minister of the Kremlin", "roles.wrong_title", "error", "Title does not fit the institution", "Kremlin spokesman", 0.6),
        ],
    ),
]


def find(text: str, needle: str) -> int:
    i = text.find(needle)
    assert i >= 0, needle
    return i


def with_findings(result: DocumentResult, text: str, extra: list[Finding]) -> DocumentResult:
    """`result` with `extra` findings added and passage/document scores recomputed the way the
    heuristic model does (noisy-OR per passage, document = max)."""
    taken = {(f.start, f.end) for f in result.findings}
    findings = sorted(list(result.findings) + [f for f in extra if (f.start, f.end) not in taken], key=lambda f: (f.start, f.end, f.rule))
    passages = []
    for p in result.passages:
        clean = 1.0
        for f in findings:
            if p.start <= f.start < p.end:
                clean *= 1.0 - SEVERITY_WEIGHT[f.severity] * f.confidence
        passages.append(replace(p, score=1.0 - clean, flagged=1.0 - clean >= THRESHOLD, features={}))
    score = document_score(np.array([p.score for p in passages]))
    return replace(result, findings=tuple(findings), passages=tuple(passages), score=score, flagged=bool(passages) and score >= THRESHOLD)


def demo_batch() -> list[tuple[InputItem, DocumentResult]]:
    """A small batch with findings of every category, scored by the real pipeline for
    passages and readability; the findings the extractors do not give yet are added."""
    # Only the readability extractor runs (passages, readability figures, long sentences);
    # the other findings are given, so the demo does not move while the rules evolve.
    det = Detector(Config(disable=tuple(e.name for e in EXTRACTORS if e.name != "readability") + ("model",)))
    out = []
    for doc_id, text, specs in DEMO_DOCS:
        base = det.score(text, id=doc_id)
        extra = [
            Finding(find(text, needle), find(text, needle) + len(needle), needle, rule, rule.split(".")[0], sev, msg, fix, conf)
            for needle, rule, sev, msg, fix, conf in specs
        ]
        out.append((InputItem(id=doc_id, text=text, source=doc_id), with_findings(base, text, extra)))
    return out


PAYLOADS = [
    "<script>window.__pwned=1;alert(1)</script>",
    "</textarea><img src=x onerror=\"window.__pwned=1;alert(1)\">",
    '"onmouseover=window.__pwned=1 x="',
    "'onfocus='window.__pwned=1' autofocus x='",
    "javascript:window.__pwned=1;alert(1)",
    "]]><!-- --></script><script>window.__pwned=1</script>",
    "line\u2028sep\u2029para",
    "<svg onload=window.__pwned=1>",
    "&lt;script&gt;alert(1)&lt;/script&gt; &amp;",
]


def payload_batch() -> list[tuple[InputItem, DocumentResult]]:
    """Documents whose text, id, pass-through fields, messages and suggestions are HTML and
    script-injection payloads; each payload is also the text of a finding."""
    out = []
    for n, payload in enumerate(PAYLOADS):
        text = f"Before {payload} middle {payload} after.\r\nSecond line {payload}."
        s1 = text.index(payload)
        s2 = text.index(payload, s1 + 1)
        findings = (
            Finding(s1, s1 + len(payload), payload, "names.near_miss", "names", "error", f"msg {payload}", f"fix {payload}", 0.9),
            Finding(s2 - 7, s2 + len(payload), text[s2 - 7 : s2 + len(payload)], "phrasing.calque", "phrasing", "warning", payload, None, 0.5),
            Finding(s2, len(text), text[s2:], "garble.repetition", "garble", "info", payload, payload, 0.4),  # crosses the one before
        )
        passages = (PassageResult(0, len(text), 0.9, True, readability={"flesch_kincaid_grade": 8.0, "flesch_reading_ease": 60.0}),)
        result = DocumentResult(
            id=f"{payload}#{n}",
            score=0.9,
            flagged=True,
            passages=passages,
            findings=findings,
            readability={"flesch_kincaid_grade": 8.0, "flesch_reading_ease": 60.0},
            detector={"version": "test", "model": payload},
            extra={"url": "javascript:window.__pwned=1", payload: payload, "nested": {"html": payload}},
            warnings=(f"warning {payload}",),
        )
        out.append((InputItem(id=result.id, text=text, extra=dict(result.extra), source=f"src/{payload}"), result))
    return out


_WORDS = "the council said a new plan would cut costs for schools roads and the library next year after talks".split()
_RULES = [("names.near_miss", "error"), ("roles.wrong_title", "error"), ("phrasing.calque", "warning"), ("garble.repetition", "warning"),
          ("encoding.mojibake", "error"), ("readability.long_sentence", "info"), ("boilerplate.spam_bio", "warning")]  # fmt: skip


def synthetic_batch(n: int, seed: int = 7) -> list[tuple[InputItem, DocumentResult]]:
    """`n` short documents (two passages, 0-3 findings) built directly: fast enough for 10,000."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        paras = [" ".join(rng.choice(_WORDS) for _ in range(rng.randint(12, 30))).capitalize() + "." for _ in range(2)]
        text = "\n\n".join(paras)
        cut = len(paras[0])
        findings = []
        for _ in range(rng.choice((0, 0, 1, 1, 2, 3))):
            words = [m.span() for m in re.finditer(r"\w+", text)]
            a = rng.randrange(len(words) - 2)
            s, e = words[a][0], words[a + rng.randint(0, 1)][1]
            rule, sev = rng.choice(_RULES)
            findings.append(Finding(s, e, text[s:e], rule, rule.split(".")[0], sev, f"Synthetic {rule} finding", rng.choice([None, "fix"]), rng.random()))
        findings.sort(key=lambda f: (f.start, f.end, f.rule))
        scores = [rng.random() ** 2, rng.random() ** 3]
        grade = lambda: {"flesch_kincaid_grade": round(rng.uniform(2, 20), 2), "flesch_reading_ease": round(rng.uniform(0, 100), 1),
                         "mean_sentence_words": round(rng.uniform(8, 40), 1)}  # fmt: skip
        passages = (
            PassageResult(0, cut, scores[0], scores[0] >= THRESHOLD, readability=grade()),
            PassageResult(cut + 2, len(text), scores[1], scores[1] >= THRESHOLD, readability=grade()),
        )
        score = max(scores)
        result = DocumentResult(f"doc-{i:05d}", score, score >= THRESHOLD, passages, tuple(findings), grade(), {"version": "test", "model": "synthetic"})
        out.append((InputItem(id=result.id, text=text, source="synthetic.jsonl"), result))
    return out


def render(pairs, **kwargs) -> str:
    buf = io.StringIO()
    write_report(buf, pairs, threshold=THRESHOLD, **kwargs)
    return buf.getvalue()


def embedded_data(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="mtdetect-data">(.*?)</script>', html, re.S)
    assert m, "no embedded data"
    return json.loads(m.group(1))


# --- an HTML checker ------------------------------------------------------------------------------

ALLOWED_TAGS = {
    "html", "head", "meta", "link", "title", "style", "body", "a", "header", "h1", "h2", "h3", "h4", "p", "nav", "main",
    "section", "div", "dl", "dt", "dd", "strong", "b", "i", "code", "span", "table", "thead", "tbody", "tr", "th", "td",
    "caption", "ol", "ul", "li", "figure", "figcaption", "svg", "desc", "defs", "pattern", "rect", "line", "text",
    "tspan", "g", "form", "label", "input", "select", "option", "button", "noscript", "script", "article", "aside", "mark",
    "q", "abbr", "footer",
}  # fmt: skip


class Checker(HTMLParser):
    """Collects tags, attributes and scripts; tracks the text of every <mark> per document."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []
        self.scripts: list[tuple[dict, str]] = []
        self._script: dict | None = None
        self.doc: str | None = None  # id of the article we are in
        self.doc_depth = 0
        self.in_text = 0  # depth inside div.doc-text
        self.marks: list[str] = []  # data-f of open marks
        self.mark_text: dict[tuple[str, str], str] = {}
        self.doc_text: dict[str, str] = {}
        self.errors: list[str] = []

    VOID = {"meta", "link", "input", "br", "img", "rect", "line"}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "script":
            self._script = a
        if tag in self.VOID or (tag in ("rect", "line")):
            return
        self.stack.append(tag)
        if tag == "article":
            self.doc, self.doc_depth = a.get("id"), len(self.stack)
        if self.in_text:
            self.in_text += 1
        if tag == "div" and "doc-text" in (a.get("class") or "").split():
            self.in_text = 1
            self.doc_text[self.doc] = ""
        if tag == "mark" and self.in_text:
            self.marks.append(a["data-f"])

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unbalanced </{tag}> (open: {self.stack[-3:]})")
            return
        self.stack.pop()
        if tag == "mark" and self.in_text:
            self.marks.pop()
        if self.in_text:
            self.in_text -= 1
        if tag == "article" and len(self.stack) < self.doc_depth:
            self.doc = None

    def handle_data(self, data):
        if self._script is not None:
            self.scripts.append((self._script, data))
            self._script = None
        if self.in_text:
            self.doc_text[self.doc] += data
            for k in set(self.marks):
                self.mark_text[(self.doc, k)] = self.mark_text.get((self.doc, k), "") + data


def check_html(html: str) -> Checker:
    c = Checker()
    c.feed(html)
    c.close()
    assert not c.errors, c.errors[:5]
    return c


def assert_safe(html: str) -> Checker:
    """Structure-level safety: only our tags, no event-handler attributes, no src, only
    in-page links (and the empty data: icon), exactly our two scripts, nothing fetched from outside."""
    c = check_html(html)
    for tag, attrs in c.tags:
        assert tag in ALLOWED_TAGS, f"unexpected <{tag}> {attrs}"
        for name, value in attrs.items():
            assert not name.startswith("on"), f"event handler {name}={value!r} on <{tag}>"
            assert name not in ("src", "srcset", "action", "formaction", "xlink:href", "autofocus"), name
            if name == "href":
                assert value.startswith("#") or value == "data:,", f"href {value!r}"
    scripts = [t for t, _ in c.tags if t == "script"]
    assert len(scripts) == 2
    assert c.scripts[0][0] == {"type": "application/json", "id": "mtdetect-data"}
    assert c.scripts[1][0] == {}
    lowered = html.lower()
    for needle in ("http://", "https://", "//cdn", "@import", "url(http", "@font-face"):
        assert needle not in lowered, needle
    return c


# --- summary --------------------------------------------------------------------------------------


def test_summary_numbers():
    pairs = demo_batch()
    s = summarize([r for _, r in pairs], threshold=THRESHOLD, unreadable=1)
    results = [r for _, r in pairs]
    assert s["documents"] == len(pairs) and s["unreadable_inputs"] == 1
    assert s["flagged"] == sum(r.flagged for r in results)
    assert s["findings"] == sum(len(r.findings) for r in results)
    assert s["documents_with_findings"] == sum(bool(r.findings) for r in results)
    assert sum(s["score_histogram"]["counts"]) == len(pairs)
    assert sum(s["score_histogram"]["flagged"]) == s["flagged"]
    assert sum(c["findings"] for c in s["by_category"]) == s["findings"]
    assert sum(r["findings"] for r in s["by_rule"]) == s["findings"]
    assert sum(s["by_severity"].values()) == s["findings"]
    counts = [r["findings"] for r in s["by_rule"]]
    assert counts == sorted(counts, reverse=True)
    for row in s["by_rule"]:  # recount every rule by hand
        hits = [f for r in results for f in r.findings if f.rule == row["rule"]]
        docs = sum(any(f.rule == row["rule"] for f in r.findings) for r in results)
        assert (row["findings"], row["documents"], row["category"]) == (len(hits), docs, hits[0].category)
    worst = [w["score"] for w in s["worst"]]
    assert worst == sorted(worst, reverse=True) and worst[0] == round(max(r.score for r in results), 4)
    assert round(results[s["worst"][0]["index"]].score, 4) == worst[0]
    rd = s["readability"]
    assert rd["documents"] == len(pairs) and sum(rd["fk_grade_histogram"]["counts"]) == len(pairs)
    g = rd["metrics"]["flesch_kincaid_grade"]
    assert g["min"] <= g["p10"] <= g["median"] <= g["p90"] <= g["max"]
    json.dumps(s)  # JSON-ready


def test_summary_of_nothing():
    s = summarize([], threshold=0.5)
    assert s["documents"] == 0 and s["flagged_share"] == 0.0 and s["worst"] == [] and s["readability"]["metrics"] == {}
    html = render([])
    assert "No documents were scored." in html
    assert_safe(html)


def test_not_a_number_does_not_break_the_embedded_json():
    (item, r), *_ = synthetic_batch(1)
    nan = float("nan")
    p = replace(r.passages[0], score=nan, readability={"flesch_kincaid_grade": nan})
    r = replace(r, score=nan, passages=(p, *r.passages[1:]), readability={"flesch_kincaid_grade": float("inf")})
    data = embedded_data(render([(item, r)]))
    assert data["docs"][0]["s"] == 0.0 and data["docs"][0]["p"][0][2] == 0.0 and data["docs"][0]["p"][0][4] is None
    assert data["summary"]["readability"]["documents"] == sum(data["summary"]["readability"]["fk_grade_histogram"]["counts"]) == 0


def test_summary_edge_scores_fall_in_bins():
    pairs = synthetic_batch(3)
    results = [replace(r, score=s, flagged=s >= 0.5) for (_, r), s in zip(pairs, (0.0, 0.5, 1.0), strict=True)]
    s = summarize(results, threshold=0.5)
    assert s["score_histogram"]["counts"] == [1, 0, 0, 0, 0, 1, 0, 0, 0, 1]
    assert s["score_histogram"]["flagged"] == [0, 0, 0, 0, 0, 1, 0, 0, 0, 1]


# --- the report ----------------------------------------------------------------------------------


def test_report_is_self_contained_and_complete():
    pairs = demo_batch()
    html = render(pairs)
    c = assert_safe(html)
    assert 'http-equiv="Content-Security-Policy"' in html and "default-src &#x27;none&#x27;" in html
    data = embedded_data(html)
    assert len(data["docs"]) == len(pairs)
    assert data["summary"] == summarize([r for _, r in pairs], threshold=THRESHOLD)
    # charts: three inline SVGs, the threshold drawn
    assert html.count("<svg ") == 3 and "threshold 0.50" in html
    # every document pre-rendered; every finding highlighted on exactly its text
    for n, (item, result) in enumerate(pairs, 1):
        assert c.doc_text[f"doc-{n}"] == item.text
        for k, f in enumerate(result.findings):
            assert c.mark_text[(f"doc-{n}", str(k))] == f.text
    # table: one row per document, headers are buttons (keyboard), a row links to its view
    assert html.count('<tr data-n="') == len(pairs)
    assert html.count('<button type="button" class="sort"') == 8
    assert '<a href="#doc-3">' in html
    # words before numbers
    assert f"{len(pairs)} documents scored" in html
    assert "Most frequent problems" in html and "phrasing" in html


def test_report_renders_the_example_through_the_cli(tmp_path, capsys):
    out = tmp_path / "report.html"
    assert main(["report", str(ARTICLE), "-o", str(out), "-q"]) == 0
    html = out.read_text(encoding="utf-8")
    c = assert_safe(html)
    data = embedded_data(html)
    text = ARTICLE.read_text(encoding="utf-8")
    assert c.doc_text["doc-1"] == text
    for k, f in enumerate(data["docs"][0]["f"]):
        assert c.mark_text[("doc-1", str(k))] == text[f[0] : f[1]]


def test_json_summary_matches_html_summary(tmp_path, capsys):
    for name, body in (("a.txt", ARTICLE.read_text(encoding="utf-8")), ("b.txt", "A short clean note.\n")):
        (tmp_path / name).write_text(body, encoding="utf-8")
    rows = tmp_path / "rows.jsonl"
    rows.write_text(
        json.dumps({"id": "r1", "text": "Another short text.", "lang": "en"}) + "\n"
        + json.dumps({"id": "bad \ud800 id", "text": "A lone surrogate \udfff in the text."}) + "\n",
        encoding="utf-8",
    )
    html_out = tmp_path / "r.html"
    assert main(["report", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), str(rows), "-o", str(html_out), "-q"]) == 0
    assert main(["report", "--format", "json", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), str(rows), "-q"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["documents"] == 4 and summary["threshold"] == 0.5
    assert embedded_data(html_out.read_text(encoding="utf-8"))["summary"] == summary


def test_report_counts_unreadable_inputs_and_exits_2(tmp_path, capsys):
    out = tmp_path / "r.html"
    assert main(["report", str(ARTICLE), str(tmp_path / "missing.txt"), "-o", str(out), "-q", "--threshold", "0.3"]) == 2
    assert "missing.txt" in capsys.readouterr().err
    summary = embedded_data(out.read_text(encoding="utf-8"))["summary"]
    assert summary["documents"] == 1 and summary["unreadable_inputs"] == 1 and summary["threshold"] == 0.3
    assert main(["report", "--format", "json", str(tmp_path / "missing.txt")]) == 2
    assert json.loads(capsys.readouterr().out)["unreadable_inputs"] == 1


def test_a_failed_run_keeps_the_previous_report(tmp_path, monkeypatch):
    out = tmp_path / "r.html"
    out.write_text("previous report", encoding="utf-8")

    def broken_close(self):
        raise RuntimeError("boom")

    monkeypatch.setattr(HtmlWriter, "close", broken_close)
    with pytest.raises(RuntimeError):
        main(["report", str(ARTICLE), "-o", str(out), "-q"])
    assert out.read_text(encoding="utf-8") == "previous report"
    assert [p.name for p in tmp_path.iterdir()] == ["r.html"]  # no temporary file left behind
    monkeypatch.undo()
    assert main(["report", str(ARTICLE), "-o", str(out), "-q"]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert main(["report", str(ARTICLE), "-o", str(tmp_path / "no-such-dir" / "r.html"), "-q"]) == 2


def test_score_format_html(tmp_path, capsys):
    out = tmp_path / "s.html"
    assert main(["score", "--format", "html", str(ARTICLE), "-o", str(out), "-q"]) == 0
    assert_safe(out.read_text(encoding="utf-8"))


# --- safety -------------------------------------------------------------------------------------


def test_injection_payloads_are_inert():
    pairs = payload_batch()
    html = render(pairs)
    c = assert_safe(html)
    head, _, rest = html.partition('<script type="application/json"')
    json_block = rest.split("</script>", 1)[0]
    for payload in PAYLOADS:
        for raw in ("<script>", "</textarea>", "<img", "<svg onload", '"onmouseover', "'onfocus", "]]>", "<!--"):
            if raw in payload:
                assert raw not in head.split("<body>", 1)[1], raw
    assert "javascript:" not in "".join(v or "" for _, a in c.tags for k, v in a.items() if k == "href")
    # the embedded JSON: nothing that could end the block or break a JS parser
    for ch in ("<", ">", "&", "\u2028", "\u2029"):
        assert ch not in json_block.split(">", 1)[1], repr(ch)
    data = embedded_data(html)
    for n, (item, result) in enumerate(pairs):
        doc = data["docs"][n]
        assert doc["t"] == item.text and doc["id"] == result.id  # round-trips exactly
        assert doc["x"]["url"] == "javascript:window.__pwned=1"
        for k, f in enumerate(result.findings):
            assert c.mark_text[(f"doc-{n + 1}", str(k))] == f.text
            assert doc["f"][k][5] == f.message
        assert c.doc_text[f"doc-{n + 1}"] == item.text  # CR kept, nothing added
    # ids never become element ids or links
    assert all(not (a.get("id") or "").startswith(("<", '"', "javascript")) for _, a in c.tags)


def test_json_for_script_escapes():
    s = json_for_script({"a": "</script><!-- ]]> & \u2028\u2029 \ud800"})
    assert "<" not in s and ">" not in s and "&" not in s and "\u2028" not in s and "\u2029" not in s
    assert json.loads(s) == {"a": "</script><!-- ]]> & \u2028\u2029 \ufffd"}


def test_lone_surrogates_and_crlf_do_not_break_the_file(tmp_path):
    text = "bad \ud800 surrogate\r\nnext 😀 line Blingen"
    s = text.index("Blingen")
    f = Finding(s, s + 7, "Blingen", "names.near_miss", "names", "error", "m", None, 0.9)
    r = DocumentResult("x\udfff", 0.7, True, (PassageResult(0, len(text), 0.7, True),), (f,), {}, {"version": "t", "model": "t"})
    out = tmp_path / "r.html"
    with open(out, "w", encoding="utf-8") as fh:  # strict UTF-8, like the CLI
        write_report(fh, [(InputItem(id=r.id, text=text), r)], threshold=0.5)
    c = assert_safe(out.read_text(encoding="utf-8"))
    assert c.doc_text["doc-1"] == text.replace("\ud800", "\ufffd")
    assert c.mark_text[("doc-1", "0")] == "Blingen"


# --- highlighting: nested and crossing findings ------------------------------------------------


@st.composite
def text_and_spans(draw):
    text = draw(st.text(alphabet=st.sampled_from("ab <&>\"'\n\r😀é"), min_size=1, max_size=40))
    n = len(text)
    pairs = st.tuples(st.integers(0, n), st.integers(0, n)).map(sorted)
    passages = sorted(draw(st.lists(pairs, max_size=3)))
    findings = draw(st.lists(pairs, max_size=6))
    return text, passages, findings


@settings(max_examples=200, deadline=None)
@given(text_and_spans())
def test_marks_hold_exactly_their_text(case):
    text, passages, spans = case
    prows = [[s, e, 0.5, 0, 5.0, 50.0, 10.0] for s, e in passages]
    frows = [[s, e, "names.near_miss", "names", "error", "m", None, 0.5] for s, e in spans]
    html = f'<article id="doc-1"><div class="doc-text">{marked_text(text, prows, frows, 1)}</div></article>'
    c = check_html(html)
    assert c.doc_text["doc-1"] == text
    for k, (s, e) in enumerate(spans):
        if s < e:
            assert c.mark_text[("doc-1", str(k))] == text[s:e]
    ids = [a["id"] for t, a in c.tags if t == "mark" and "id" in a]
    assert len(ids) == len(set(ids)) == sum(s < e for s, e in spans)  # one focusable element per finding


# --- scale ----------------------------------------------------------------------------------------


def test_ten_thousand_documents_bounded(tmp_path):
    pairs = synthetic_batch(10_000)
    out = tmp_path / "big.html"
    t0 = time.perf_counter()
    with open(out, "w", encoding="utf-8") as fh:
        writer = HtmlWriter(fh, None)
        for item, result in pairs:
            writer.write(item, result)
        writer.close()
    elapsed = time.perf_counter() - t0
    size = out.stat().st_size
    assert elapsed < 120, f"took {elapsed:.0f} s"  # generous: about 3 s on a laptop
    assert size < 60_000_000, f"{size / 1e6:.1f} MB"
    html = out.read_text(encoding="utf-8")
    assert html.count('<tr data-n="') == 200  # one table page is static
    assert html.count('<article class="doc"') == 50  # the first 50 documents are pre-rendered
    data = embedded_data(html)
    assert len(data["docs"]) == 10_000 and data["summary"]["documents"] == 10_000
