"""`--jobs N`: worker processes give the same output, in input order, as one process; the model
is loaded once per worker; a worker that dies costs only its document (an error line naming
it, exit code 2, every other document still scored in order); the input is read lazily with a
bounded number of batches in flight; and the progress bar on stderr.

The scheduling logic is also tested in-process against a fake backend (deterministic, fast),
and for real with loky worker processes. Nothing here measures time."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, subprocess_env

import detector.parallel as parallel
from detector.config import Config
from detector.errors import InputError
from detector.io import InputItem
from detector.parallel import OrderedScorer, ScoringSettings, WorkerCrashError

CASES = REPO / "tests" / "cases"


def case_texts(limit: int | None = None) -> list[str]:
    """Realistic texts with and without artefacts: the rule examples of every extractor."""
    texts = []
    for path in sorted(CASES.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    return texts[:limit]


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def errors(err: str) -> list[str]:
    return [ln for ln in err.splitlines() if ln.startswith("mtdetect: error: ")]


# ------------------------------------------------------------------------------------------
# Real worker processes (loky)
# ------------------------------------------------------------------------------------------


def test_jobs_2_output_is_identical_to_one_process(cli, tmp_path: Path) -> None:
    texts = case_texts()
    rows = [{"id": f"case-{i}", "text": t, "batch": i % 3} for i, t in enumerate(texts)]
    path = write_jsonl(tmp_path / "cases.jsonl", rows)
    one = cli("score", "--format", "jsonl", "-q", str(path))
    two = cli("score", "--format", "jsonl", "-q", "--jobs", "2", str(path))
    assert one.code == two.code == 0, two.err
    assert two.out == one.out  # byte for byte: same results, same order
    assert [r["id"] for r in two.jsonl()] == [r["id"] for r in rows]
    assert any(r["findings"] for r in two.jsonl())  # real findings went through the workers


def test_jobs_with_files_errors_and_text_output_keep_input_order(cli, tmp_path: Path) -> None:
    d = tmp_path / "docs"
    d.mkdir()
    for i, t in enumerate(case_texts(12)):
        (d / f"doc{i:02d}.txt").write_text(t, encoding="utf-8")
    missing = tmp_path / "missing.txt"
    args = ["score", "-q", str(d / "doc00.txt"), str(missing), str(d)]
    one = cli(*args)
    two = cli(*args, "--jobs", "2")
    assert one.code == two.code == 2
    assert two.out == one.out
    assert errors(two.err) == errors(one.err) == [f"mtdetect: error: {missing}: no such file; check the path"]
    json_one = cli("score", "--format", "json", "-q", str(d))
    json_two = cli("score", "--format", "json", "-q", "-j", "2", str(d))
    assert json_two.out == json_one.out


def test_features_and_a_model_file_reach_the_workers(cli, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "rows.jsonl", [{"text": t} for t in case_texts(6)])
    one = cli("score", "--format", "jsonl", "--features", str(path))
    two = cli("score", "--format", "jsonl", "--features", "--jobs", "2", str(path))
    assert two.out == one.out
    assert "features" in two.jsonl()[0]["passages"][0]
    bad = cli("score", "--jobs", "2", "--model", str(tmp_path / "no-such-model.joblib"), str(path))
    assert bad.code == 2 and "model file not found" in bad.err and "Traceback" not in bad.err


def test_model_is_loaded_once_per_worker() -> None:
    items = [InputItem(id=i, text=t, source="rows.jsonl", line=i) for i, t in enumerate(case_texts(40) * 3, 1)]
    backend = parallel.LokyBackend(2)
    scorer = OrderedScorer(backend, ScoringSettings(), lambda source: Config(), batch_docs=4)
    try:
        out = list(scorer.run(items))
    finally:
        backend.close()
    assert [entry[0].id for entry in out] == [item.id for item in items]
    # 30 batches went to at most 2 processes, and each process loaded the model exactly once
    assert 1 <= len(scorer.workers_seen) <= 2
    assert set(scorer.workers_seen.values()) == {1}


_CRASH_SCRIPT = """
import os, sys
import detector.parallel as parallel

real = parallel.score_batch

def score_batch_that_dies(settings, payload):
    # a stand-in for a crash in native code or the OOM killer: the process vanishes
    if any("WORKER-DIES-HERE" in text for text, *_ in payload):
        os._exit(70)
    return real(settings, payload)

parallel.score_batch = score_batch_that_dies  # pickled by value: the workers run it too

from detector.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_worker_crash_costs_only_its_document(tmp_path: Path) -> None:
    texts = case_texts(60)
    rows = [{"id": f"d{i}", "text": t} for i, t in enumerate(texts)]
    doomed = 37
    rows[doomed]["text"] += " WORKER-DIES-HERE"
    path = write_jsonl(tmp_path / "rows.jsonl", rows)
    proc = subprocess.run(
        [sys.executable, "-c", _CRASH_SCRIPT, "score", "--format", "jsonl", "--jobs", "2", str(path)],
        capture_output=True,
        env=subprocess_env(),
        timeout=600,
    )
    err = proc.stderr.decode()
    assert proc.returncode == 2, err[-3000:]
    assert errors(err) == [
        f"mtdetect: error: {path}:{doomed + 1} (id 'd{doomed}'): the worker process died while scoring this document "
        "(exit code 70); it was skipped, the other documents were scored"
    ]
    out = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [r["id"] for r in out] == [r["id"] for i, r in enumerate(rows) if i != doomed]
    # and the survivors are scored exactly as one process scores them
    rest = write_jsonl(tmp_path / "rest.jsonl", [r for i, r in enumerate(rows) if i != doomed])
    single = subprocess.run(
        [sys.executable, "-m", "detector", "score", "--format", "jsonl", str(rest)], capture_output=True, env=subprocess_env(), timeout=600
    )
    assert single.returncode == 0
    assert proc.stdout == single.stdout


def test_jobs_1_stays_in_process(cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def no_workers(*args, **kwargs):
        raise AssertionError("--jobs 1 must not start worker processes")

    monkeypatch.setattr(parallel, "LokyBackend", no_workers)
    path = write_jsonl(tmp_path / "rows.jsonl", [{"text": t} for t in case_texts(3)])
    assert cli("score", "--format", "jsonl", str(path)).code == 0
    assert cli("score", "--format", "jsonl", "--jobs", "1", str(path)).code == 0
    # one file is one document: even --jobs 4 scores it here instead of starting a pool
    one = tmp_path / "one.txt"
    one.write_text(case_texts(1)[0], encoding="utf-8")
    assert cli("score", "--jobs", "4", str(one)).code == 0


def test_jobs_values(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    from joblib import cpu_count

    assert parallel.resolve_jobs(3) == 3
    assert parallel.resolve_jobs(-1) == cpu_count()
    assert parallel.resolve_jobs(-2) == max(1, cpu_count() - 1)
    for bad in ("0", "two"):
        r = cli("score", "--jobs", bad, stdin="Text.")
        assert r.code == 2 and "--jobs" in r.err and "Traceback" not in r.err
    r = cli("score", "--jobs", "2", "--dask", "tcp://127.0.0.1:8786", stdin="Text.")
    assert r.code == 2 and errors(r.err) == ["mtdetect: error: --jobs and --dask: give one of them (--dask uses the cluster's workers)"]


# ------------------------------------------------------------------------------------------
# The scheduling logic against a fake backend: bounded, ordered, crash isolation
# ------------------------------------------------------------------------------------------


class FakeCrash(RuntimeError):
    pass


class FakeFuture:
    def __init__(self, backend: FakeBackend, fn, args) -> None:
        self.backend, self.fn, self.args = backend, fn, args
        self.generation = backend.generation
        self.settled = False

    def result(self):
        if not self.settled:
            self.settled = True
            self.backend.inflight -= 1
        if self.generation != self.backend.generation:
            raise FakeCrash("pool broken by another task")  # a dead worker takes the pool with it
        if any(self.backend.marker in text for text, *_ in self.args[1]):
            self.backend.generation += 1
            self.backend.crashes += 1
            raise FakeCrash("worker died")
        return self.fn(*self.args)

    def cancel(self) -> bool:
        return True


class FakeBackend:
    """In-process, like a pool of `workers` processes whose tasks run when their result is asked for."""

    pool_breaks_on_crash = True
    crash_errors = (FakeCrash,)

    def __init__(self, workers: int = 2, marker: str = "\x00never") -> None:
        self.workers, self.max_inflight, self.marker = workers, workers * 2, marker
        self.inflight = self.max_seen = self.generation = self.crashes = self.restarts = 0

    def submit(self, fn, *args):
        self.inflight += 1
        self.max_seen = max(self.max_seen, self.inflight)
        return FakeFuture(self, fn, args)

    def wait(self, future, timeout) -> bool:
        return True

    def restart(self) -> None:
        self.restarts += 1

    def close(self) -> None:
        pass


def _items(n: int, marker_at: tuple[int, ...] = (), marker: str = "") -> list[InputItem | InputError]:
    out: list[InputItem | InputError] = []
    for i in range(1, n + 1):
        if i % 10 == 0:
            out.append(InputError(f"rows.jsonl:{i}: not valid JSON"))
            continue
        text = f"Officials counted {i} ballots on Sunday. The result was due later." + (f" {marker}" if i in marker_at else "")
        out.append(InputItem(id=f"r{i}", text=text, source="rows.jsonl", line=i))
    return out


def _scorer(backend: FakeBackend, batch_docs: int = 4) -> OrderedScorer:
    return OrderedScorer(backend, ScoringSettings(), lambda source: Config(disable=("phrasing", "names", "roles")), batch_docs)


def _label(entry) -> str:
    return f"error {entry}" if isinstance(entry, InputError) else entry[0].id


def test_order_and_bounded_reading_with_slow_workers() -> None:
    items = _items(200)
    consumed = 0

    def lazily():
        nonlocal consumed
        for item in items:
            consumed += 1
            yield item

    backend = FakeBackend(workers=2)
    scorer = _scorer(backend, batch_docs=4)
    seen = []
    for entry in scorer.run(lazily()):
        seen.append(_label(entry))
        # read ahead at most: the batches in flight, the reader's queue and one batch being built
        assert consumed - len(seen) <= backend.max_inflight * 4 + 2 * 4 + 4 + 1
    assert seen == [_label(x) if isinstance(x, InputError) else x.id for x in items]
    assert backend.max_seen <= backend.max_inflight


def test_a_crash_loses_only_the_document_at_fault() -> None:
    marker = "KILLS-ITS-WORKER"
    items = _items(60, marker_at=(23, 41), marker=marker)
    backend = FakeBackend(workers=2, marker=marker)
    out = list(_scorer(backend).run(items))
    crashed = [e for e in out if isinstance(e, WorkerCrashError)]
    assert [str(e).split(":")[0] for e in crashed] == ["rows.jsonl", "rows.jsonl"]
    assert [str(e).split(" (id")[0] for e in crashed] == ["rows.jsonl:23", "rows.jsonl:41"]
    assert "worker process died while scoring this document (worker died)" in str(crashed[0])
    expected = [("crash" if x.line in (23, 41) else x.id) if isinstance(x, InputItem) else _label(x) for x in items]
    assert [("crash" if isinstance(e, WorkerCrashError) else _label(e)) for e in out] == expected
    # the same documents scored without any crash give the same results
    clean = [x for x in items if not (isinstance(x, InputItem) and marker in x.text)]
    reference = {e[0].id: e[1] for e in _scorer(FakeBackend()).run(clean) if not isinstance(e, InputError)}
    assert {e[0].id: e[1] for e in out if isinstance(e, tuple)} == reference
    assert backend.restarts >= 2


def test_an_exception_while_scoring_is_reported_for_that_document(monkeypatch: pytest.MonkeyPatch) -> None:
    from detector.pipeline import Detector

    real = Detector.score

    def score(self, text, *args, **kwargs):
        if "counted 7 " in text:
            raise ValueError("extractor bug")
        return real(self, text, *args, **kwargs)

    monkeypatch.setattr(Detector, "score", score)
    out = list(_scorer(FakeBackend()).run(_items(12)))
    (err,) = [e for e in out if isinstance(e, WorkerCrashError)]
    assert str(err) == "rows.jsonl:7 (id 'r7'): scoring failed (ValueError: extractor bug); the document was skipped, please report this"
    assert len([e for e in out if isinstance(e, tuple)]) == 10


# ------------------------------------------------------------------------------------------
# Progress bar
# ------------------------------------------------------------------------------------------


class FakeTty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_progress_bar_on_a_terminal_with_eta_for_files(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, jobs: str) -> None:
    from detector.cli import main

    for i, t in enumerate(case_texts(3)):
        (tmp_path / f"d{i}.txt").write_text(t, encoding="utf-8")
    tty = FakeTty()
    monkeypatch.setattr(sys, "stderr", tty)
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    assert main(["score", "--jobs", jobs, str(tmp_path)]) == 0
    bar = tty.getvalue()
    # the bar is drawn at least once, when it opens: "0/3 [00:00<?, ?doc/s]" (count/total,
    # elapsed<remaining, rate); later redraws depend on time and are not checked
    assert "/3 [" in bar and "doc/s" in bar and "<" in bar

    quiet = FakeTty()
    monkeypatch.setattr(sys, "stderr", quiet)
    assert main(["score", "-q", "--jobs", jobs, str(tmp_path)]) == 0
    assert quiet.getvalue() == ""


def test_progress_bar_for_jsonl_shows_only_the_rate(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from detector.cli import main

    path = write_jsonl(tmp_path / "rows.jsonl", [{"text": t} for t in case_texts(4)])
    tty = FakeTty()
    monkeypatch.setattr(sys, "stderr", tty)
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    assert main(["score", "--format", "jsonl", str(path)]) == 0
    bar = tty.getvalue()
    # "0doc [00:00, ?doc/s]": a count and the rate; no total, so no remaining time
    assert "doc [" in bar and "doc/s" in bar
    assert "/4" not in bar and "<" not in bar


def test_no_progress_bar_when_stderr_is_not_a_terminal(cli, tmp_path: Path) -> None:
    for i, t in enumerate(case_texts(3)):
        (tmp_path / f"d{i}.txt").write_text(t, encoding="utf-8")
    r = cli("score", str(tmp_path))
    assert r.code == 0 and r.err == ""
