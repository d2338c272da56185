"""The HTML report in a real browser: headless Chromium driven by selenium, over file://.

Checks that highlights sit on their text (pre-rendered and rendered on demand), that the
table sorts (mouse and keyboard), filters and pages, that nothing logs a console error,
that injection payloads stay inert, that the page works without JavaScript and in print,
and that a 10,000-document report opens and responds. Skipped when Chromium, chromedriver
or selenium are missing (`.ci/run` installs chromium and chromium-driver).

`MTDETECT_SCREENSHOT=reports/report-screenshot.png pytest tests/test_browser.py -k screenshot`
rewrites the screenshot kept in the repository.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from pathlib import Path

import pytest
from loopback import loopback_allowed
from test_report import demo_batch, payload_batch, synthetic_batch

from detector.render.html import HtmlWriter

CHROMIUM = os.environ.get("MTDETECT_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = os.environ.get("MTDETECT_CHROMEDRIVER") or shutil.which("chromedriver") or "/usr/bin/chromedriver"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]  # fmt: skip
PAGE_SIZE, PRERENDER = 5, 4
WAIT = 30  # seconds; generous, only ever reached on failure


def _skip_reason() -> str | None:
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed"
    for name, path in (("chromium", CHROMIUM), ("chromedriver", CHROMEDRIVER)):
        if not (os.path.isfile(path) and os.access(path, os.X_OK)):
            return f"{name} not found at {path} (apt-get install chromium chromium-driver)"
    return None


# tests/conftest.py blocks every TCP connection for the session (mtdetect works offline).
# Selenium talks to chromedriver over HTTP on the loopback interface, so the browser tests
# let loopback through, and only loopback: anything else still goes to the guard.
@pytest.fixture(autouse=True)
def _loopback(request):
    """Loopback open during each test, after conftest's guard (if any) is in place."""
    if "_no_network" in request.fixturenames:
        request.getfixturevalue("_no_network")
    with loopback_allowed():
        yield


def _start(javascript: bool = True, width: int = 1280, height: int = 900):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in FLAGS:
        opts.add_argument(flag)
    opts.add_argument(f"--user-data-dir={tempfile.mkdtemp(prefix='mtdetect-chromium-')}")
    opts.add_argument(f"--window-size={width},{height}")
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    if not javascript:
        opts.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    try:
        with loopback_allowed():
            return webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    except Exception as e:  # noqa: BLE001 - a browser that cannot start is an environment problem
        pytest.skip(f"could not start headless Chromium: {e}".splitlines()[0])


@pytest.fixture(scope="module")
def driver():
    reason = _skip_reason()
    if reason:
        pytest.skip(reason)
    d = _start()
    yield d
    with loopback_allowed():
        d.quit()


def _write(path: Path, pairs, **kwargs) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        writer = HtmlWriter(fh, None, **kwargs)
        for item, result in pairs:
            writer.write(item, result)
        writer.close()
    return path


@pytest.fixture(scope="module")
def batch():
    payloads = payload_batch()
    return payloads[:2] + demo_batch() + payloads[2:]  # payloads both pre-rendered and on demand


@pytest.fixture(scope="module")
def report(tmp_path_factory, batch) -> Path:
    return _write(tmp_path_factory.mktemp("report") / "report.html", batch, page_size=PAGE_SIZE, prerender=PRERENDER)


def _open(driver, path: Path) -> float:
    """Load the report and wait for its script; returns the seconds it took."""
    from selenium.webdriver.support.ui import WebDriverWait

    t0 = time.perf_counter()
    driver.get(path.resolve().as_uri())
    WebDriverWait(driver, WAIT).until(lambda d: d.execute_script("return document.readyState === 'complete' && !!window.mtdetectReport"))
    return time.perf_counter() - t0


def _errors(driver) -> list[dict]:
    return [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]


def _assert_not_pwned(driver) -> None:
    from selenium.common.exceptions import NoAlertPresentException

    try:
        alert = driver.switch_to.alert
        text = alert.text
        alert.dismiss()
        pytest.fail(f"an alert opened: {text!r}")
    except NoAlertPresentException:
        pass
    assert driver.execute_script("return typeof window.__pwned") == "undefined"


def _rows(driver) -> list[dict]:
    return driver.execute_script(
        """return Array.from(document.querySelectorAll('#doc-rows tr[data-n]')).map(function (tr) {
             return {n: +tr.dataset.n, score: parseFloat(tr.querySelector('td.score .val').textContent),
                     findings: parseInt(tr.querySelector('td.nf').textContent, 10), id: tr.querySelector('th.id').textContent,
                     flagged: !!tr.querySelector('.badge.flag')}; });"""
    )


def _status(driver) -> str:
    return driver.find_element("id", "table-status").text


def _wait(driver, condition, what: str):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, WAIT, poll_frequency=0.05).until(lambda d: condition(d), message=what)


COLLECT = """
var art = document.getElementById(arguments[0]);
if (!art) { return null; }
var out = {text: art.querySelector('.doc-text').textContent, marks: {}, rules: {}, focusable: []};
art.querySelectorAll('.doc-text mark.f').forEach(function (m) {
  var k = m.dataset.f; out.marks[k] = (out.marks[k] || '') + m.textContent; out.rules[k] = m.dataset.rule;
  if (m.id) { out.focusable.push(m.id + '|' + m.tabIndex); }
});
return out;"""


def _check_view(driver, n: int, item, result) -> None:
    got = driver.execute_script(COLLECT, f"doc-{n}")
    assert got is not None, f"doc-{n} not rendered"
    assert got["text"] == item.text
    for k, f in enumerate(result.findings):
        assert got["marks"][str(k)] == f.text, (n, k, f.rule)
        assert got["rules"][str(k)] == f.rule
    assert sorted(got["focusable"]) == sorted(f"d{n}-f{k + 1}|0" for k in range(len(result.findings)))


# --- the tests ----------------------------------------------------------------------------------


def test_highlights_sit_on_their_text(driver, report, batch):
    _open(driver, report)
    assert driver.execute_script("return document.documentElement.className") == "js"
    # pre-rendered views
    for n in range(1, PRERENDER + 1):
        _check_view(driver, n, *batch[n - 1])
    # rendered on demand: by clicking the link in the table ...
    driver.find_element("id", "pg-next").click()
    link = driver.find_element("css selector", f'#doc-rows a[href="#doc-{PRERENDER + 2}"]')
    link.click()
    _wait(driver, lambda d: d.execute_script(f"return !!document.querySelector('#doc-viewer #doc-{PRERENDER + 2}')"), "view opens")
    assert driver.switch_to.active_element.get_attribute("id") == f"doc-{PRERENDER + 2}-h"  # focus moves to the view
    _check_view(driver, PRERENDER + 2, *batch[PRERENDER + 1])
    # ... and by address, for every other document
    for n in range(PRERENDER + 1, len(batch) + 1):
        driver.execute_script("location.hash = arguments[0]", f"doc-{n}")
        _wait(driver, lambda d, n=n: d.execute_script(f"return !!document.getElementById('doc-{n}')"), f"doc-{n} opens")
        _check_view(driver, n, *batch[n - 1])
    # a finding link focuses its mark
    driver.execute_script("location.hash = 'doc-1'")
    driver.find_element("css selector", '#doc-1 a.fi-ref[href="#d1-f1"]').click()
    _wait(driver, lambda d: d.switch_to.active_element.get_attribute("id") == "d1-f1", "mark focused")
    _assert_not_pwned(driver)
    assert _errors(driver) == []


def test_tooltip_on_focus_and_hover(driver, report, batch):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    _open(driver, report)
    doc = next(n for n, (_, r) in enumerate(batch, 1) if n <= PRERENDER and any(f.suggestion for f in r.findings) and n > 2)
    k = next(k for k, f in enumerate(batch[doc - 1][1].findings) if f.suggestion)
    f = batch[doc - 1][1].findings[k]
    mark = driver.find_element("id", f"d{doc}-f{k + 1}")
    tip = "return getComputedStyle(arguments[0], '::after').content"
    assert driver.execute_script(tip, mark) in ("none", "normal", "")
    driver.execute_script("arguments[0].focus()", mark)
    shown = driver.execute_script(tip, mark)
    assert f.rule in shown and f.message in shown and f.suggestion in shown and "confidence" in shown
    assert f.rule in mark.get_attribute("title")
    mark.send_keys(Keys.ESCAPE)
    assert driver.switch_to.active_element != mark
    ActionChains(driver, duration=0).move_to_element(mark).perform()
    assert f.rule in driver.execute_script(tip, mark)
    assert _errors(driver) == []


def test_sorting_by_mouse_and_keyboard(driver, report, batch):
    from selenium.webdriver.common.keys import Keys

    _open(driver, report)
    scores = sorted((round(r.score, 2) for _, r in batch), reverse=True)
    header = driver.find_element("css selector", 'button.sort[data-key="s"]')
    header.click()
    assert driver.find_element("css selector", 'th[data-key="s"]').get_attribute("aria-sort") == "descending"
    assert [r["score"] for r in _rows(driver)] == scores[:PAGE_SIZE]
    header.click()
    assert driver.find_element("css selector", 'th[data-key="s"]').get_attribute("aria-sort") == "ascending"
    assert [r["score"] for r in _rows(driver)] == sorted(scores)[:PAGE_SIZE]
    # keyboard: the header buttons take Enter and Space
    findings = driver.find_element("css selector", 'button.sort[data-key="nf"]')
    findings.send_keys(Keys.ENTER)
    counts = sorted((len(r.findings) for _, r in batch), reverse=True)
    assert [r["findings"] for r in _rows(driver)] == counts[:PAGE_SIZE]
    assert driver.find_element("css selector", 'th[data-key="s"]').get_attribute("aria-sort") == "none"
    number = driver.find_element("css selector", 'button.sort[data-key="n"]')
    number.send_keys(Keys.SPACE)
    assert [r["n"] for r in _rows(driver)] == list(range(PAGE_SIZE))
    assert _errors(driver) == []


def test_keyboard_only(driver, report, batch):
    from selenium.webdriver.common.keys import Keys

    _open(driver, report)
    driver.find_element("tag name", "body").send_keys(Keys.TAB)
    assert driver.switch_to.active_element.get_attribute("class") == "skip"  # the first stop skips to the table
    driver.find_element("id", "pg-next").send_keys(Keys.ENTER)
    n = PRERENDER + 3
    driver.find_element("css selector", f'#doc-rows a[href="#doc-{n}"]').send_keys(Keys.ENTER)
    _wait(driver, lambda d: d.switch_to.active_element.get_attribute("id") == f"doc-{n}-h", "focus on the opened document")
    driver.switch_to.active_element.send_keys(Keys.TAB)  # next stop: the first highlighted finding
    mark = driver.switch_to.active_element
    assert mark.tag_name == "mark" and mark.get_attribute("id").startswith(f"d{n}-f")
    assert driver.execute_script("return getComputedStyle(arguments[0]).outlineStyle", mark) != "none"  # focus is visible
    assert batch[n - 1][1].findings[0].rule in driver.execute_script("return getComputedStyle(arguments[0], '::after').content", mark)
    assert _errors(driver) == []


def test_filtering_and_paging(driver, report, batch):
    from selenium.webdriver.support.ui import Select

    _open(driver, report)
    total = len(batch)
    assert _status(driver) == f"Showing 1–{PAGE_SIZE} of {total} documents"
    driver.find_element("id", "pg-next").click()
    assert [r["n"] for r in _rows(driver)] == list(range(PAGE_SIZE, 2 * PAGE_SIZE))
    assert driver.find_element("id", "pg-info").text == f"Page 2 of {-(-total // PAGE_SIZE)}"
    # text search (id or text), debounced
    driver.find_element("id", "f-q").send_keys("lavrow")
    _wait(driver, lambda d: len(_rows(d)) == 1, "search narrows to one row")
    assert _rows(driver)[0]["id"] == "wire/ministers.txt"
    assert _status(driver) == f"Showing 1–1 of 1 document (filtered from {total})"
    driver.find_element("id", "f-reset").click()
    _wait(driver, lambda d: _status(d).endswith(f"of {total} documents"), "reset")
    # verdict
    Select(driver.find_element("id", "f-flag")).select_by_value("0")
    ok = [r for _, r in batch if not r.flagged]
    assert len(_rows(driver)) == min(PAGE_SIZE, len(ok)) and not any(r["flagged"] for r in _rows(driver))
    assert _status(driver).startswith(f"Showing 1–{min(PAGE_SIZE, len(ok))} of {len(ok)} ")
    Select(driver.find_element("id", "f-flag")).select_by_value("")
    # category
    Select(driver.find_element("id", "f-cat")).select_by_value("encoding")
    enc = [n for n, (_, r) in enumerate(batch) if any(f.category == "encoding" for f in r.findings)]
    assert [r["n"] for r in _rows(driver)] == enc[:PAGE_SIZE]
    Select(driver.find_element("id", "f-cat")).select_by_value("")
    # score range
    low = driver.find_element("id", "f-min")
    low.clear()
    low.send_keys("0.9")
    _wait(driver, lambda d: all(r["score"] >= 0.9 for r in _rows(d)), "score filter")
    high = [r for _, r in batch if r.score >= 0.9]
    assert _status(driver).startswith(f"Showing 1–{min(PAGE_SIZE, len(high))} of {len(high)} ")
    # nothing matches
    driver.find_element("id", "f-q").send_keys("no such text anywhere")
    _wait(driver, lambda d: _status(d).startswith("No documents match"), "empty result")
    assert driver.find_element("css selector", "#doc-rows td.none").text == "No documents match the filters."
    assert _errors(driver) == []


def test_injection_payloads_do_not_execute(driver, report, batch):
    from selenium.webdriver.common.action_chains import ActionChains

    _open(driver, report)
    driver.find_element("id", "f-q").send_keys("<script>")  # searching payloads renders them in the table
    _wait(driver, lambda d: len(_rows(d)) > 0, "payload rows")
    for n, (_, result) in enumerate(batch, 1):
        if result.detector.get("version") != "test":
            continue
        driver.execute_script("location.hash = arguments[0]", f"doc-{n}")
        _wait(driver, lambda d, n=n: d.execute_script(f"return !!document.getElementById('doc-{n}')"), "view")
        for mark in driver.find_elements("css selector", f"#doc-{n} mark.f[id]")[:3]:
            ActionChains(driver, duration=0).move_to_element(mark).perform()
            driver.execute_script("arguments[0].focus()", mark)
        _assert_not_pwned(driver)
    assert driver.execute_script("return document.querySelectorAll('script').length") == 2
    assert driver.execute_script("return document.querySelectorAll('img, iframe, object, embed').length") == 0
    assert _errors(driver) == []


def test_works_without_javascript(report, batch):
    reason = _skip_reason()
    if reason:
        pytest.skip(reason)
    d = _start(javascript=False)
    try:
        d.get(report.resolve().as_uri())
        assert d.find_element("tag name", "html").get_attribute("class") == "no-js"
        assert not d.find_element("id", "filters").is_displayed()
        assert not d.find_element("css selector", "nav.pager").is_displayed()
        rows = d.find_elements("css selector", "#doc-rows tr[data-n]")
        assert len(rows) == PAGE_SIZE and rows[0].find_element("tag name", "a").get_attribute("href").endswith("#doc-1")
        assert len(d.find_elements("css selector", "article.doc")) == PRERENDER
        assert d.find_element("id", "summary").text.startswith("Summary")
        assert len(d.find_elements("css selector", "svg.chart")) == 3
        marks = d.find_elements("css selector", "#doc-3 mark.f[id]")
        assert [m.text for m in marks][:1] == [batch[2][1].findings[0].text]
        assert "JavaScript is off" in d.find_element("id", "documents").text
    finally:
        d.quit()


def test_no_request_leaves_the_file(driver, report):
    driver.get_log("performance")  # drop what earlier tests left
    _open(driver, report)
    for n in (1, PRERENDER + 3):
        driver.execute_script("location.hash = arguments[0]", f"doc-{n}")
    driver.find_element("css selector", 'button.sort[data-key="s"]').click()
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    assert any(u.startswith("file:") for u in urls), "the report's own load was not recorded: is performance logging on?"
    local = ("file:", "data:", "about:", "chrome:")  # chrome: is the browser's own new-tab page
    assert [u for u in urls if not u.startswith(local)] == []


def test_empty_report(driver, tmp_path):
    _open(driver, _write(tmp_path / "empty.html", []))
    assert _status(driver) == "No documents"
    assert driver.find_element("css selector", "#doc-rows td.none").text == "No documents."
    assert "No documents were scored." in driver.find_element("id", "summary").text
    assert _errors(driver) == []


def test_print_layout(driver, report):
    _open(driver, report)
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not driver.find_element("id", "filters").is_displayed()
        assert not driver.find_element("css selector", ".top nav").is_displayed()
        assert driver.find_element("id", "doc-1").is_displayed()
        assert driver.execute_script("return getComputedStyle(document.getElementById('doc-2')).breakBefore") == "page"
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_ten_thousand_documents_open_and_respond(driver, tmp_path):
    pairs = synthetic_batch(10_000)
    path = _write(tmp_path / "big.html", pairs)
    seconds = _open(driver, path)
    assert seconds < 60, f"the 10,000-document report took {seconds:.1f} s to load"
    assert _status(driver) == "Showing 1–200 of 10,000 documents"
    assert len(_rows(driver)) == 200
    # sort the whole batch by score
    driver.find_element("css selector", 'button.sort[data-key="s"]').click()
    assert _rows(driver)[0]["score"] == round(max(r.score for _, r in pairs), 2)
    # search finds one document among 10,000
    driver.find_element("id", "f-q").send_keys("doc-09876")
    _wait(driver, lambda d: len(_rows(d)) == 1, "search")
    assert _rows(driver)[0]["n"] == 9876
    # a document far beyond the pre-rendered ones opens on demand, highlighted correctly
    driver.find_element("css selector", '#doc-rows a[href="#doc-9877"]').click()
    _wait(driver, lambda d: d.execute_script("return !!document.getElementById('doc-9877')"), "view opens")
    _check_view(driver, 9877, *pairs[9876])
    assert _errors(driver) == []


def test_screenshot(tmp_path):
    """The report of a demo batch, a tooltip open; saved to $MTDETECT_SCREENSHOT when set."""
    reason = _skip_reason()
    if reason:
        pytest.skip(reason)
    d = _start(width=1360, height=1000)
    try:
        path = _write(tmp_path / "demo.html", demo_batch(), prerender=1)
        _open(d, path)
        # summary, charts, the table and the first document with a tooltip open, in one picture
        top = d.execute_script("return document.getElementById('doc-1').getBoundingClientRect().top + scrollY")
        d.set_window_size(1360, int(top) + 560 + 140)  # the window's own bars take about 140 px
        d.execute_script("document.querySelector('#doc-1 mark.f[data-rule=\"roles.wrong_title\"]').focus({preventScroll: true}); window.scrollTo(0, 0);")
        png = d.get_screenshot_as_png()
        assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 50_000
        target = os.environ.get("MTDETECT_SCREENSHOT")
        if target:
            Path(target).write_bytes(png)
        assert _errors(d) == []
    finally:
        d.quit()
