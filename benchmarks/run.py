"""mtdetect benchmarks: run by hand, not in CI.

    python benchmarks/run.py                 # about 3 minutes on 2 cores
    python benchmarks/run.py --quick         # 1,500 passages, about 1 minute
    python benchmarks/run.py --json out.json # also write the numbers as JSON

Measures, on a corpus of news-like passages of about 80 words built at run time (re-cut from
the clean news text in ../shared/data/clean_en when present, else generated from a template;
the corpus is written to a temporary directory and deleted, never kept):

- single-process throughput of the full detector (every extractor and the shipped model),
  through the Python API and through `mtdetect score --format jsonl`, in passages/s and MB/s;
- the same CLI run with `--jobs 2` and the speed-up;
- cold start: wall time of `mtdetect score` on one short document, and where it goes;
- peak RSS (of the one process, and of all processes together with --jobs 2);
- where the time goes: exclusive time per stage (segmentation, tokenisation, each extractor,
  the model, assembling the result), and the hottest functions under cProfile;
- side by side on the same passages: proselint, and a character n-gram TF-IDF +
  LogisticRegression baseline (prediction throughput; trained here on the corpus and
  corrupted copies of it, only to have something to time).

Prints a Markdown report on stdout (machine details first).
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import gzip
import io
import json
import os
import platform
import pstats
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA_DIRS = [Path(os.environ.get("MTDETECT_DATA", "")), REPO.parent / "shared" / "data", Path("/work/shared/data")]
NEWS_FILES = ("news_abc.jsonl.gz", "news_brown.jsonl.gz", "news_wmt13-newstest-enorig.jsonl.gz", "technical_brown.jsonl.gz")
TARGET_WORDS = 80


# --- corpus ---------------------------------------------------------------------------


def _sentences_from_data() -> list[str]:
    for d in DATA_DIRS:
        clean = d / "clean_en"
        if str(d) and clean.is_dir():
            out = []
            for name in NEWS_FILES:
                path = clean / name
                if path.is_file():
                    with gzip.open(path, "rt", encoding="utf-8") as fh:
                        for line in fh:
                            out.extend(s for s in re.split(r"(?<=[.!?])\s+", json.loads(line)["text"]) if s)
            if out:
                return out
    return []


def _template_sentences(n: int, rng: random.Random) -> list[str]:
    subjects = ["The central bank", "The finance minister", "Analysts in London", "The regional council", "Shipping companies",
                "The opposition party", "Local farmers", "The health ministry", "Union leaders", "The city's mayor"]
    verbs = ["said on Tuesday that", "warned that", "expected that", "reported that", "denied that", "confirmed that"]
    objects = ["inflation would ease by the end of the year", "exports fell 3.5% in the third quarter",
               "the Senate would vote on the bill at 10 a.m. Thursday", "fuel prices rose for a second month",
               "Mr. Smith would meet Dr. Jones on Jan. 13", "rents in the capital had doubled since 2015",
               "the new rail line would open next spring", "wages had not kept pace with prices",
               "talks with the unions had broken down late on Monday", "the harbour would reopen after repairs"]
    tails = ["", " after weeks of talks", ", according to officials", " despite strong opposition", " in a statement"]
    return [f"{rng.choice(subjects)} {rng.choice(verbs)} {rng.choice(objects)}{rng.choice(tails)}." for _ in range(n)]


def build_corpus(n: int, seed: int = 13) -> tuple[list[str], str]:
    """`n` passages of about 80 words (whole sentences), and where they came from."""
    rng = random.Random(seed)
    sentences = _sentences_from_data()
    source = "clean news text from shared/data/clean_en, re-cut into ~80-word passages"
    if len(sentences) < 200:
        sentences = _template_sentences(20 * n, rng)
        source = "generated from a template of news sentences"
    passages, current, words, i = [], [], 0, 0
    while len(passages) < n:
        s = sentences[i % len(sentences)]
        i += 1
        if i % len(sentences) == 0:
            rng.shuffle(sentences)  # reuse for big corpora, in another order
        current.append(s)
        words += len(s.split())
        if words >= TARGET_WORDS - 5:
            passages.append(" ".join(current))
            current, words = [], 0
    return passages, source


# --- machine --------------------------------------------------------------------------


def machine() -> dict[str, str]:
    cpu = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "?"
    try:
        import psutil

        mem = f"{psutil.virtual_memory().total / 2**30:.1f} GiB"
    except ImportError:
        pass
    import numpy
    import sklearn

    import detector
    from detector.model import load_model

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {
        "cpu": cpu,
        "cores available": str(cores),
        "memory": mem,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "numpy / scikit-learn": f"{numpy.__version__} / {sklearn.__version__}",
        "mtdetect": detector.__version__,
        "model": getattr(load_model(), "name", "?"),
        "load average at start (1/5/15 min)": " / ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


# --- the detector in this process -----------------------------------------------------


def bench_api(passages: list[str], warmup: list[str]) -> dict[str, float]:
    """First pass over passages this process has not seen (after a warm-up on other text:
    model and tables loaded), then a second pass over the same ones, when every per-word
    cache (syllables, word frequencies, n-gram ids) already holds their words."""
    from detector import Detector

    det = Detector()
    for p in warmup:
        det.score(p)
    mb = sum(len(p.encode()) for p in passages) / 1e6
    out: dict[str, float] = {}
    for name in ("first", "second"):
        t = time.perf_counter()
        for p in passages:
            det.score(p)
        dt = time.perf_counter() - t
        out[f"{name}_passages_per_s"] = len(passages) / dt
        out[f"{name}_mb_per_s"] = mb / dt
    out["passages_per_s"], out["mb_per_s"] = out["first_passages_per_s"], out["first_mb_per_s"]
    return out


class StageTimer:
    """Exclusive wall time per stage: each wrapped function's time minus that of wrapped
    functions it calls (tokenisation happens lazily inside the first extractor that needs it)."""

    def __init__(self) -> None:
        self.totals: dict[str, float] = {}
        self.stack: list[list[float]] = []

    def wrap(self, name: str, fn):
        @functools.wraps(fn)
        def timed(*args, **kwargs):
            self.stack.append([0.0])
            t = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                elapsed = time.perf_counter() - t
                nested = self.stack.pop()[0]
                self.totals[name] = self.totals.get(name, 0.0) + elapsed - nested
                if self.stack:
                    self.stack[-1][0] += elapsed

        return timed


def in_fresh_process(what: str, n: int) -> object:
    """Run `what` ("stages" or "cprofile") in a new process on the same corpus, so per-word
    caches hold only the warm-up text, as in the first-pass API measurement."""
    proc = subprocess.run([sys.executable, __file__, "--child", what, "--passages", str(n)], capture_output=True, text=True)
    if proc.returncode:
        raise SystemExit(f"benchmark child {what} failed:\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout)


def profile_stages(passages: list[str], warmup: list[str]) -> dict[str, float]:
    """Seconds per stage for scoring `passages` once (after a warm-up on other text)."""
    import detector.text as text
    from detector import Detector
    from detector.extractors import EXTRACTORS

    det = Detector()
    for p in warmup:
        det.score(p)
    timer = StageTimer()
    patched: list[tuple[object, str, object]] = []

    def patch(owner, attr, name):
        own = vars(owner).get(attr)  # None when inherited: deleted again afterwards
        patched.append((owner, attr, own))
        setattr(owner, attr, timer.wrap(name, getattr(owner, attr)))

    patch(text, "split_paragraphs", "segmentation: paragraphs")
    patch(text, "split_sentences", "segmentation: sentences")
    patch(text, "tokenize", "segmentation: tokens")
    passages_prop = text.Document.__dict__["passages"]
    passages_func = passages_prop.func
    passages_prop.func = timer.wrap("segmentation: passages", passages_func)
    for e in EXTRACTORS:
        patch(type(e), "extract", f"extractor: {e.name}")
    model_type = type(det.model)
    patch(model_type, "score_passages", "model: score_passages")
    if hasattr(model_type, "explain"):
        patch(model_type, "explain", "model: explain")
    score = timer.wrap("total", Detector.score)
    try:
        for p in passages:
            score(det, p)
    finally:
        passages_prop.func = passages_func
        for owner, attr, original in reversed(patched):
            if original is None:
                delattr(owner, attr)
            else:
                setattr(owner, attr, original)
    stages = dict(timer.totals)
    stages["pipeline: results, readability, rest"] = stages.pop("total")  # exclusive: what is left in Detector.score
    return stages


def cprofile_top(passages: list[str], warmup: list[str], limit: int = 25) -> str:
    from detector import Detector

    det = Detector()
    for p in warmup:
        det.score(p)
    prof = cProfile.Profile()
    prof.enable()
    for p in passages:
        det.score(p)
    prof.disable()
    buf = io.StringIO()
    stats = pstats.Stats(prof, stream=buf)
    stats.sort_stats("tottime").print_stats(limit)
    lines = [ln for ln in buf.getvalue().splitlines() if ln.strip()]
    start = next(i for i, ln in enumerate(lines) if ln.lstrip().startswith("ncalls"))
    return "\n".join(ln.replace(str(REPO) + "/", "").replace(sys.prefix, "<python>") for ln in lines[start:])


# --- the CLI as a subprocess ----------------------------------------------------------


def _cli() -> list[str]:
    exe = shutil.which("mtdetect")
    return [exe] if exe else [sys.executable, "-m", "detector"]


# Runs ARGV[2:] and writes the peak RSS (KiB) and CPU seconds of its children to ARGV[1]. Measured
# there, not here: a child of this (big) process would inherit our RSS high-water mark through
# vfork and exec.
_WRAPPER = """
import resource, subprocess, sys
code = subprocess.call(sys.argv[2:], stdout=subprocess.DEVNULL)
u = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(sys.argv[1], "w") as fh:
    fh.write(f"{u.ru_maxrss} {u.ru_utime + u.ru_stime}")
sys.exit(code)
"""


def run_cli(args: list[str], sample_rss: bool = False) -> dict[str, float]:
    """Wall time, peak RSS of the biggest process (the CLI or one of its workers), CPU seconds
    of all of them and, when sampled, the peak of their summed RSS."""
    fd, stats_file = tempfile.mkstemp(prefix="mtdetect-bench-")
    os.close(fd)
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", _WRAPPER, stats_file, *_cli(), *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    total_peak = 0.0
    stop = threading.Event()

    def sample():
        nonlocal total_peak
        import psutil

        try:
            root = psutil.Process(proc.pid)  # the wrapper: count only what runs under it
            while not stop.is_set():
                try:
                    rss = sum(c.memory_info().rss for c in root.children(recursive=True))
                    total_peak = max(total_peak, rss)
                except psutil.Error:
                    pass
                time.sleep(0.05)
        except psutil.Error:
            pass

    sampler = threading.Thread(target=sample, daemon=True) if sample_rss else None
    if sampler:
        sampler.start()
    err = proc.stderr.read().decode(errors="replace")
    proc.wait()
    wall = time.perf_counter() - t
    stop.set()
    if sampler:
        sampler.join()
    maxrss, cpu = Path(stats_file).read_text().split()
    os.unlink(stats_file)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"benchmark run failed ({proc.returncode}): {' '.join(args)}\n{err[-2000:]}")
    return {
        "seconds": wall,
        "cpu_seconds": float(cpu),  # the CLI and the workers it waited for
        "peak_rss_mib": int(maxrss) / 1024,
        "total_peak_rss_mib": total_peak / 2**20,
    }


def bench_cli(passages: list[str], tmp: Path, jobs: int) -> dict[str, float]:
    """`mtdetect score --format jsonl` over every passage, and over the first 256: the
    difference is the steady-state rate, without the fixed costs (start-up, model load,
    starting and warming every worker: 256 passages are 4 batches); the full run's wall
    clock rate is given too, and CPU seconds per passage (worker processes included), which
    other load on the machine does not change."""
    m = 256
    full, head = tmp / "full.jsonl", tmp / "head.jsonl"
    for path, items in ((full, passages), (head, passages[:m])):
        if not path.exists():
            path.write_text("".join(json.dumps({"id": i, "text": p}) + "\n" for i, p in enumerate(items)), encoding="utf-8")
    # best of two: other load on the machine only ever slows a run down
    a = min((run_cli(["score", "--format", "jsonl", "-q", "--jobs", str(jobs), str(full)], sample_rss=True) for _ in range(2)), key=lambda r: r["seconds"])
    b = min((run_cli(["score", "--format", "jsonl", "-q", "--jobs", str(jobs), str(head)]) for _ in range(3)), key=lambda r: r["seconds"])
    n = len(passages)
    mb = sum(len(p.encode()) for p in passages) / 1e6
    steady = (n - m) / max(a["seconds"] - b["seconds"], 1e-9)
    return {
        "passages_per_s": steady,
        "mb_per_s": steady * mb / n,
        "wall_passages_per_s": n / a["seconds"],
        "seconds": a["seconds"],
        "fixed_seconds": b["seconds"],
        "cpu_ms_per_passage": 1000 * (a["cpu_seconds"] - b["cpu_seconds"]) / (n - m),
        "peak_rss_mib": a["peak_rss_mib"],
        "total_peak_rss_mib": a["total_peak_rss_mib"],
    }


def bench_cold_start(tmp: Path, runs: int = 5) -> dict[str, float]:
    short = tmp / "short.txt"
    short.write_text("The harbour authority reopened the port on Monday. Ships that had waited offshore began to unload.\n", encoding="utf-8")
    walls = [_wall([*_cli(), "score", str(short)]) for _ in range(runs)]
    # The same with compiled bytecode cached, as for an installed package (pip compiles it):
    # with PYTHONDONTWRITEBYTECODE set, every run above compiles mtdetect's sources again
    # (~0.1-0.2 s). The cache goes to the temporary directory, not into the repository.
    cached_env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    cached_env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
    _wall([*_cli(), "score", str(short)], env=cached_env)  # writes the bytecode
    walls_cached = [_wall([*_cli(), "score", str(short)], env=cached_env) for _ in range(runs)]
    python = statistics.median(
        _wall([sys.executable, "-c", "pass"]) for _ in range(runs)
    )
    probe = (
        "import time; t0 = time.perf_counter(); import detector.cli; t1 = time.perf_counter();"
        "from detector.model import load_model; m = load_model(); t2 = time.perf_counter();"
        "from detector import Detector; d = Detector(model=m); d.score('The port reopened. Ships unloaded.'); t3 = time.perf_counter();"
        "print(t1 - t0, t2 - t1, t3 - t2)"
    )
    parts = [list(map(float, subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.split())) for _ in range(runs)]
    return {
        "seconds": statistics.median(walls),
        "seconds_bytecode_cached": statistics.median(walls_cached),
        "bytecode_written": not sys.dont_write_bytecode,
        "python_startup": python,
        "import": statistics.median(p[0] for p in parts),
        "model_load": statistics.median(p[1] for p in parts),
        "first_score": statistics.median(p[2] for p in parts),
    }


def _wall(cmd: list[str], env: dict[str, str] | None = None) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env)
    return time.perf_counter() - t


# --- references -----------------------------------------------------------------------


def bench_proselint(passages: list[str]) -> dict[str, float] | None:
    try:
        from proselint.checks import __register__
        from proselint.config import DEFAULT
        from proselint.registry import CheckRegistry
        from proselint.tools import LintFile
    except ImportError:
        return None
    CheckRegistry().register_many(__register__)
    for p in passages[:50]:
        LintFile("warm-up", p).lint(DEFAULT)
    t = time.perf_counter()
    for p in passages:
        LintFile("passage", p).lint(DEFAULT)
    dt = time.perf_counter() - t
    return {"passages_per_s": len(passages) / dt, "mb_per_s": sum(len(p.encode()) for p in passages) / 1e6 / dt}


def _corrupt(text: str, rng: random.Random) -> str:
    words = text.split()
    for _ in range(max(1, len(words) // 10)):
        i = rng.randrange(len(words) - 1)
        words[i], words[i + 1] = words[i + 1], words[i]
    return " ".join(words)


def bench_char_baseline(passages: list[str]) -> dict[str, float]:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    rng = random.Random(5)
    train = passages[: len(passages) // 2]
    pipe = make_pipeline(
        TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True, max_features=200_000),
        LogisticRegression(max_iter=1000),
    )
    pipe.fit(train + [_corrupt(p, rng) for p in train], [0] * len(train) + [1] * len(train))
    pipe.predict_proba(passages[:50])
    t = time.perf_counter()
    pipe.predict_proba(passages)  # one batch: the vectoriser's best case
    batch = time.perf_counter() - t
    t = time.perf_counter()
    for p in passages[:1000]:
        pipe.predict_proba([p])  # one passage at a time, as a service scores them
    single = time.perf_counter() - t
    mb = sum(len(p.encode()) for p in passages) / 1e6
    return {"passages_per_s": len(passages) / batch, "mb_per_s": mb / batch, "one_at_a_time_per_s": min(1000, len(passages)) / single}


# --- report ---------------------------------------------------------------------------


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--passages", type=int, default=5000)
    ap.add_argument("--quick", action="store_true", help="1,000 passages, fewer repeats")
    ap.add_argument("--json", metavar="FILE", help="also write the numbers here")
    ap.add_argument("--child", choices=("stages", "cprofile"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    n = 1500 if args.quick else args.passages
    everything, source = build_corpus(n + 200)
    warmup, passages = everything[:200], everything[200:]  # warm-up text is not timed again
    if args.child == "stages":
        print(json.dumps(profile_stages(passages, warmup)))
        return
    if args.child == "cprofile":
        print(json.dumps(cprofile_top(passages[:1500], warmup)))
        return
    words = statistics.mean(len(p.split()) for p in passages)
    results: dict[str, object] = {"machine": machine(), "corpus": {"passages": n, "mean_words": words, "source": source}}
    log = lambda msg: print(f"[bench] {msg}", file=sys.stderr, flush=True)

    log("API, one process")
    results["api"] = bench_api(passages, warmup)
    log("stages")
    results["stages"] = in_fresh_process("stages", n)
    log("cProfile")
    results["cprofile"] = in_fresh_process("cprofile", n)
    with tempfile.TemporaryDirectory(prefix="mtdetect-bench-") as tmp:
        tmpdir = Path(tmp)
        for jobs in (1, 2):
            log(f"CLI --jobs {jobs}")
            results[f"cli_jobs{jobs}"] = bench_cli(passages, tmpdir, jobs)
        log("cold start")
        results["cold_start"] = bench_cold_start(tmpdir, runs=3 if args.quick else 5)
    log("proselint")
    results["proselint"] = bench_proselint(passages)
    log("char n-gram baseline")
    results["char_baseline"] = bench_char_baseline(passages)
    results["machine"]["load average at end (1/5/15 min)"] = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    print(render(results))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


def render(r: dict) -> str:
    m, c = r["machine"], r["corpus"]
    api, j1, j2, cold = r["api"], r["cli_jobs1"], r["cli_jobs2"], r["cold_start"]
    pl, cb = r["proselint"], r["char_baseline"]
    out = ["## Machine", "", "| | |", "|---|---|"]
    out += [f"| {k} | {v} |" for k, v in m.items()]
    out += ["", f"Corpus: {c['passages']:,} passages, {c['mean_words']:.0f} words on average ({c['source']}).", ""]
    out += ["## Results", "", "| measurement | result | target |", "|---|---|---|"]
    out.append(f"| full detector, one process, Python API, unseen passages | {api['passages_per_s']:,.0f} passages/s, {api['mb_per_s']:.2f} MB/s | >= 3,000 passages/s |")
    out.append(f"| same passages again (per-word caches warm) | {api['second_passages_per_s']:,.0f} passages/s, {api['second_mb_per_s']:.2f} MB/s | |")
    out.append(f"| full detector, `mtdetect score --format jsonl`, steady state | {j1['passages_per_s']:,.0f} passages/s, {j1['mb_per_s']:.2f} MB/s "
               f"(wall clock incl. {j1['fixed_seconds']:.1f} s fixed costs: {j1['wall_passages_per_s']:,.0f}/s) | |")
    out.append(f"| same with `--jobs 2` | {j2['passages_per_s']:,.0f} passages/s, {j2['mb_per_s']:.2f} MB/s "
               f"(wall clock incl. {j2['fixed_seconds']:.1f} s fixed costs: {j2['wall_passages_per_s']:,.0f}/s) | |")
    out.append(f"| speed-up with 2 jobs | {j2['passages_per_s'] / j1['passages_per_s']:.2f}x steady state, "
               f"{j2['wall_passages_per_s'] / j1['wall_passages_per_s']:.2f}x wall clock | >= 1.7x |")
    out.append(f"| CPU per passage, steady state (all processes) | {j1['cpu_ms_per_passage']:.2f} ms with `--jobs 1`, "
               f"{j2['cpu_ms_per_passage']:.2f} ms with `--jobs 2` (parallel efficiency {j1['cpu_ms_per_passage'] / j2['cpu_ms_per_passage']:.2f}) | |")
    bytecode = "" if cold.get("bytecode_written", True) else " (PYTHONDONTWRITEBYTECODE set: sources compiled on every run)"
    out.append(f"| cold start, `mtdetect score` on one short document | {cold['seconds']:.2f} s{bytecode} (python {cold['python_startup']:.2f}, "
               f"imports {cold['import']:.2f}, model load {cold['model_load']:.2f}, first score {cold['first_score']:.2f}) | < 1 s |")
    if "seconds_bytecode_cached" in cold:
        out.append(f"| same, compiled bytecode cached (as installed by pip) | {cold['seconds_bytecode_cached']:.2f} s | < 1 s |")
    out.append(f"| peak RSS, `--jobs 1`, {c['passages']:,} passages | {j1['peak_rss_mib']:.0f} MiB | < 500 MB |")
    out.append(f"| peak RSS, `--jobs 2` | {j2['peak_rss_mib']:.0f} MiB largest process, {j2['total_peak_rss_mib']:.0f} MiB all processes | |")
    if pl:
        out.append(f"| proselint 0.16, same passages, one process | {pl['passages_per_s']:,.0f} passages/s, {pl['mb_per_s']:.2f} MB/s "
                   f"(mtdetect / proselint = {api['passages_per_s'] / pl['passages_per_s']:.2f}) | |")
    out.append(f"| char 2-5-gram TF-IDF + LogisticRegression, predict | {cb['passages_per_s']:,.0f} passages/s in one batch, "
               f"{cb['one_at_a_time_per_s']:,.0f}/s one at a time, {cb['mb_per_s']:.2f} MB/s | |")
    stages = r["stages"]
    total = sum(stages.values())
    out += ["", "## Where the time goes (exclusive wall time per stage, one process, unseen passages)", "", "| stage | ms per passage | share |", "|---|---|---|"]
    for name, secs in sorted(stages.items(), key=lambda kv: -kv[1]):
        out.append(f"| {name} | {1000 * secs / c['passages']:.3f} | {100 * secs / total:.1f}% |")
    out.append(f"| **total** | **{1000 * total / c['passages']:.3f}** | |")
    out += ["", "## Hottest functions (cProfile, by own time)", "", "```", r["cprofile"], "```"]
    return "\n".join(out)


if __name__ == "__main__":
    main()
