"""Scoring a stream of inputs, in input order: in this process (`--jobs 1`), on local worker
processes (`--jobs N`, joblib's loky executor) or on a dask cluster (`--dask ADDRESS`).

Memory stays bounded whatever the input size: inputs are read lazily, documents travel in
small batches, and only a few batches are in flight at once. Each worker process loads the
model once and keeps it. A worker that dies (killed, out of memory, a crash in native code)
costs only the document it was scoring: that document is reported as an error naming it,
the run goes on and every other document is scored and written in order.
"""

from __future__ import annotations

import argparse
import math
import os
import queue
import sys
import threading
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from .config import Config
from .errors import DetectorError, InputError
from .io import InputItem
from .results import DocumentResult

BATCH_DOCS = 64  # documents per task: big enough to amortise IPC, small enough to keep memory bounded
BATCH_CHARS = 2_000_000  # a batch is closed early when its texts reach this many characters
INFLIGHT_PER_WORKER = 2  # batches queued per worker: one running, one waiting
BATCH_WAIT_S = 0.01  # a slow input (a pipe) closes a part-filled batch after this long

Entry = tuple[InputItem, DocumentResult] | InputError


class WorkerCrashError(InputError):
    """A worker process died, or scoring raised, on one document; the others are unaffected."""


# --- worker side ----------------------------------------------------------------------


@dataclass(frozen=True)
class ScoringSettings:
    """What a worker needs to build its detectors: small and picklable."""

    model: str | None = None  # a model file (absolute path), or None for the shipped model
    trust_model: bool = False
    keep_features: bool = False


@dataclass(frozen=True)
class BatchOutcome:
    results: list[DocumentResult | str]  # a str is the error of that document
    pid: int
    model_loads: int  # how often this worker process has loaded a model in its life


_WORKER_MODELS: dict[ScoringSettings, Any] = {}
_WORKER_DETECTORS: dict[tuple[ScoringSettings, Config], Any] = {}
_WORKER_MODEL_LOADS = 0


def worker_detector(settings: ScoringSettings, config: Config) -> Any:
    """The Detector for `config` in this process, created once; the model is loaded once per
    process and shared by every configuration (lazily loaded, read-only state)."""
    global _WORKER_MODEL_LOADS
    key = (settings, config)
    det = _WORKER_DETECTORS.get(key)
    if det is None:
        from .model import load_model
        from .pipeline import Detector

        model = _WORKER_MODELS.get(settings)
        if model is None:
            with warnings.catch_warnings():  # the parent has already warned about the model once
                warnings.simplefilter("ignore", RuntimeWarning)
                model = load_model(settings.model, settings.trust_model)
            _WORKER_MODELS[settings] = model
            _WORKER_MODEL_LOADS += 1
        det = Detector(config=config, model=model, keep_features=settings.keep_features)
        _WORKER_DETECTORS[key] = det
    return det


def score_batch(settings: ScoringSettings, payload: list[tuple[str, Any, tuple[str, ...], Config]]) -> BatchOutcome:
    """Score (text, id, warnings, config) tuples in a worker process.

    An exception on one document becomes that document's error; a DetectorError (a bad
    model, say) concerns the whole run and is raised."""
    results: list[DocumentResult | str] = []
    for text, id_, warns, config in payload:
        try:
            results.append(worker_detector(settings, config).score(text, id=id_, warnings=warns))
        except DetectorError:
            raise
        except Exception as e:  # noqa: BLE001 - reported per document, the batch goes on
            results.append(f"{type(e).__name__}: {e}")
    return BatchOutcome(results, os.getpid(), _WORKER_MODEL_LOADS)


# --- parent side: backends ------------------------------------------------------------


def resolve_jobs(jobs: int) -> int:
    """`--jobs`: N processes; -1 all cores, -2 all but one (joblib's convention)."""
    if jobs == 0:
        raise DetectorError("--jobs 0: give a number of processes (1 = in this process, -1 = all cores)")
    if jobs > 0:
        return jobs
    from joblib import cpu_count

    return max(1, cpu_count() + 1 + jobs)


class LokyBackend:
    """Local worker processes (joblib's loky). A dead worker breaks the whole pool: every
    pending future fails and the pool is started again."""

    pool_breaks_on_crash = True

    def __init__(self, workers: int) -> None:
        from joblib.externals.loky.process_executor import BrokenProcessPool

        self.workers = workers
        self.max_inflight = workers * INFLIGHT_PER_WORKER
        self.crash_errors: tuple[type[BaseException], ...] = (BrokenProcessPool,)
        self._executor: Any = None
        self.restarts = 0

    def _start(self) -> Any:
        from joblib.externals.loky import ProcessPoolExecutor

        # one thread per worker for numpy/BLAS: the processes are the parallelism
        env = {k: "1" for k in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")}
        return ProcessPoolExecutor(max_workers=self.workers, env=env)

    def submit(self, fn: Callable[..., Any], *args: Any) -> Any:
        if self._executor is None:
            self._executor = self._start()
        return self._executor.submit(fn, *args)

    @staticmethod
    def wait(future: Any, timeout: float | None) -> bool:
        from concurrent.futures import wait

        return bool(wait([future], timeout=timeout).done)

    def restart(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, kill_workers=True)
        self._executor = None
        self.restarts += 1

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True)
            self._executor = None


class DaskBackend:
    """A dask.distributed cluster. The scheduler reruns the task of a dead worker elsewhere and
    gives up with KilledWorker after a few deaths; other tasks carry on."""

    pool_breaks_on_crash = False

    def __init__(self, address: str) -> None:
        try:
            import dask
            from distributed import Client
            from distributed.scheduler import KilledWorker
        except ImportError:
            raise DetectorError("--dask needs dask and distributed: pip install 'detector[dask]'") from None
        try:
            timeout = dask.config.get("distributed.comm.timeouts.connect", "30s")
            self.client = Client(address, timeout=timeout, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as e:
            raise DetectorError(
                f"--dask {address}: cannot connect to the dask scheduler ({type(e).__name__}: {e}); "
                "check the address (tcp://HOST:8786) and that 'dask scheduler' runs there"
            ) from None
        threads = sum(self.client.nthreads().values()) or 1
        self.workers = threads
        self.max_inflight = threads * INFLIGHT_PER_WORKER
        self.crash_errors = (KilledWorker,)

    def submit(self, fn: Callable[..., Any], *args: Any) -> Any:
        return self.client.submit(fn, *args, pure=False)

    @staticmethod
    def wait(future: Any, timeout: float | None) -> bool:
        """Done (with a result or an error) within `timeout`? Uses the future's own client:
        ours is not the process-wide default one."""
        try:
            future.result(timeout=timeout)
        except TimeoutError:
            return False
        except Exception:  # noqa: BLE001 - finished with an error: result() raises it again for the caller
            return True
        return True

    def restart(self) -> None:  # the cluster replaces dead workers itself
        pass

    def close(self) -> None:
        self.client.close()


# --- parent side: ordered, bounded scheduling -----------------------------------------


def describe(item: InputItem) -> str:
    """How an error names a document: the file, or the JSONL file, line and id."""
    if item.id == item.source:
        return item.source
    return f"{item.source}:{item.line} (id {item.id!r})"


@dataclass
class _Batch:
    entries: list[InputItem | InputError]
    configs: list[Config | None]  # per entry; None for errors

    def payload(self) -> list[tuple[str, Any, tuple[str, ...], Config]]:
        return [
            (e.text, e.id, e.warnings, c)
            for e, c in zip(self.entries, self.configs, strict=True)
            if isinstance(e, InputItem) and c is not None
        ]

    def singles(self) -> Iterator[_Batch]:
        for e, c in zip(self.entries, self.configs, strict=True):
            yield _Batch([e], [c])


_EOF = object()


class _Reader:
    """Reads the inputs on a thread into a bounded queue, so a batch can be closed early when
    the input is slow (a pipe): a pipeline stage never waits for a full batch."""

    def __init__(self, items: Iterable[InputItem | InputError], size: int) -> None:
        self.queue: queue.Queue[Any] = queue.Queue(maxsize=size)
        self.done = False
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(iter(items),), name="mtdetect-reader", daemon=True)
        self._thread.start()

    def _run(self, items: Iterator[Any]) -> None:
        try:
            for item in items:
                if not self._put(item):
                    return
            self._put(_EOF)
        except BaseException as e:  # noqa: BLE001 - handed to the main thread, raised there
            self._put(_Raised(e))

    def _put(self, item: Any) -> bool:
        while not self._stopped.is_set():
            try:
                self.queue.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def close(self) -> None:
        """Stop reading (the consumer gave up early): the thread ends at its next entry."""
        self._stopped.set()

    def get(self, timeout: float | None) -> Any:
        """The next entry, _EOF, or None when nothing arrives within `timeout` (None: wait)."""
        try:
            got = self.queue.get(timeout=timeout) if timeout is None or timeout > 0 else self.queue.get_nowait()
        except queue.Empty:
            return None
        if isinstance(got, _Raised):
            raise got.error
        if got is _EOF:
            self.done = True
        return got


@dataclass
class _Raised:
    error: BaseException


class OrderedScorer:
    """Scores batches on a backend with at most `backend.max_inflight` batches in flight and
    yields the results strictly in input order."""

    def __init__(self, backend: Any, settings: ScoringSettings, config_for: Callable[[str], Config], batch_docs: int = BATCH_DOCS) -> None:
        self.backend = backend
        self.settings = settings
        self.config_for = config_for
        self.batch_docs = max(1, batch_docs)
        self.workers_seen: dict[int, int] = {}  # pid -> model loads reported by that worker

    def _submit(self, batch: _Batch) -> Any:
        return self.backend.submit(score_batch, self.settings, batch.payload())

    def _next_batch(self, reader: _Reader, block: bool) -> _Batch | None:
        """Up to `batch_docs` entries; waits for the first only when `block`."""
        entries: list[InputItem | InputError] = []
        configs: list[Config | None] = []
        chars = 0
        while not reader.done and len(entries) < self.batch_docs and chars < BATCH_CHARS:
            got = reader.get(None if (block and not entries) else BATCH_WAIT_S if entries else 0)
            if got is None or got is _EOF:
                break
            entries.append(got)
            if isinstance(got, InputItem):
                configs.append(self.config_for(got.source))
                chars += len(got.text)
            else:
                configs.append(None)
        return _Batch(entries, configs) if entries else None

    def run(self, items: Iterable[InputItem | InputError]) -> Iterator[Entry]:
        reader = _Reader(items, size=self.batch_docs * 2)
        pending: deque[tuple[_Batch, Any]] = deque()
        try:
            while True:
                while not reader.done and len(pending) < self.backend.max_inflight:
                    batch = self._next_batch(reader, block=not pending)
                    if batch is None:
                        break
                    pending.append((batch, self._submit(batch)))
                if not pending:
                    if reader.done:
                        return
                    continue
                batch, future = pending[0]
                full = reader.done or len(pending) >= self.backend.max_inflight
                if not full and not self.backend.wait(future, BATCH_WAIT_S):
                    continue  # look for more input while the workers are busy
                pending.popleft()
                try:
                    outcome = future.result()
                except self.backend.crash_errors:
                    redo = [batch]
                    if self.backend.pool_breaks_on_crash:  # every pending batch died with the pool
                        self.backend.restart()
                        redo += [b for b, _ in pending]
                        pending.clear()
                    for b in redo:
                        yield from self._isolate(b)
                    continue
                yield from self._merge(batch, outcome)
        finally:
            reader.close()
            for _, future in pending:
                future.cancel()

    def _isolate(self, batch: _Batch) -> Iterator[Entry]:
        """A batch whose worker died: run it again on its own and, if it kills its worker
        again, one document at a time, so only the document at fault is lost."""
        if len(batch.entries) > 1:
            try:
                outcome = self._submit(batch).result()
            except self.backend.crash_errors:
                self.backend.restart()
            else:
                yield from self._merge(batch, outcome)
                return
        for single in batch.singles() if len(batch.entries) > 1 else [batch]:
            entry = single.entries[0]
            if isinstance(entry, InputError):
                yield entry
                continue
            try:
                outcome = self._submit(single).result()
            except self.backend.crash_errors as e:
                self.backend.restart()
                yield WorkerCrashError(
                    f"{describe(entry)}: the worker process died while scoring this document "
                    f"({_short(e)}); it was skipped, the other documents were scored"
                )
            else:
                yield from self._merge(single, outcome)

    def _merge(self, batch: _Batch, outcome: BatchOutcome) -> Iterator[Entry]:
        self.workers_seen[outcome.pid] = outcome.model_loads
        results = iter(outcome.results)
        for entry in batch.entries:
            if isinstance(entry, InputError):
                yield entry
                continue
            result = next(results)
            if isinstance(result, str):
                yield WorkerCrashError(f"{describe(entry)}: scoring failed ({result}); the document was skipped, please report this")
            else:
                yield entry, (replace(result, extra=entry.extra) if entry.extra else result)


def _short(error: BaseException) -> str:
    """'exit code 70', 'signal SIGKILL' (loky says which), else the error's first words."""
    import re

    codes = re.search(r"exit codes of the workers are \{([^}]*)\}", str(error))
    if codes:
        found = re.findall(r"EXIT\((-?\d+)\)|(SIG[A-Z]+)", codes.group(1))
        parts = [f"exit code {c}" if c else f"signal {sig}" for c, sig in found]
        if parts:
            return ", ".join(dict.fromkeys(parts))
    text = " ".join(str(error).split()) or type(error).__name__
    return text if len(text) <= 120 else text[:117] + "..."


# --- progress -------------------------------------------------------------------------


def _progress(entries: Iterator[Entry], args: argparse.Namespace, total: int | None) -> Iterator[Entry]:
    """Documents/s on stderr, and an ETA when the number of documents is known; off when
    stderr is not a terminal or with --quiet."""
    if getattr(args, "quiet", False) or not sys.stderr.isatty():
        yield from entries
        return
    from tqdm import tqdm

    bar = tqdm(total=total, unit="doc", file=sys.stderr, mininterval=0.5, leave=False, dynamic_ncols=True)
    try:
        for entry in entries:
            bar.update(1)
            yield entry
    finally:
        bar.close()


# --- entry point ----------------------------------------------------------------------


def _score_in_process(items: Iterable[InputItem | InputError], pool: Any) -> Iterator[Entry]:
    for item in items:
        if isinstance(item, InputError):
            yield item
            continue
        detector = pool.for_source(item.source)
        yield item, detector.score(item.text, id=item.id, extra=item.extra, warnings=item.warnings)


def settings_from_args(args: argparse.Namespace) -> ScoringSettings:
    model = getattr(args, "model", None)
    if model:
        model = os.path.abspath(model)  # workers may not share our working directory
    return ScoringSettings(model or None, bool(getattr(args, "trust_model", False)), bool(getattr(args, "features", False)))


def make_backend(args: argparse.Namespace, total: int | None) -> Any:
    """None for in-process scoring, else the backend `--jobs` / `--dask` ask for."""
    address = getattr(args, "dask", None)
    if address:
        return DaskBackend(address)
    jobs = resolve_jobs(getattr(args, "jobs", 1) or 1)
    if total is not None:
        jobs = min(jobs, max(total, 1))
    return LokyBackend(jobs) if jobs > 1 else None


def batch_size_for(total: int | None, workers: int) -> int:
    """Full batches for long or unknown inputs; for a few files, enough batches for every worker."""
    if total is None:
        return BATCH_DOCS
    return max(1, min(BATCH_DOCS, math.ceil(total / (workers * 4))))


def score_stream(items: Iterable[InputItem | InputError], pool: Any, args: argparse.Namespace) -> Iterator[Entry]:
    """Score every entry of `items` in order: (item, result) or the InputError to report."""
    total = getattr(items, "total", None)
    backend = make_backend(args, total)
    if backend is None:
        yield from _progress(_score_in_process(items, pool), args, total)
        return
    try:
        config_for = lambda source: pool.for_source(source).config  # also loads and checks the model once, here
        scorer = OrderedScorer(backend, settings_from_args(args), config_for, batch_size_for(total, backend.workers))
        yield from _progress(scorer.run(items), args, total)
    finally:
        backend.close()
