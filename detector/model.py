"""From features to scores: passage probabilities and the document score.

Two kinds of model share one small interface (`score_passages`):
- `HeuristicModel`: a documented combination of rule findings, used when no trained model
  is available. Labelled "heuristic" in every result's `detector.model`.
- `TrainedModel`: a scikit-learn pipeline loaded with joblib, only after its SHA-256 matches
  the sidecar shipped with it, or when the user explicitly trusts the file.
"""

from __future__ import annotations

import hashlib
import json
import math
import warnings
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from .errors import ModelError
from .results import Finding
from .rules import Rule
from .text import Document

# Weight of one finding in the heuristic passage score, by severity.
SEVERITY_WEIGHT = {"error": 0.75, "warning": 0.45, "info": 0.03}

MODEL_EXPLANATION = Rule(
    "model.passage",
    "warning",
    "The classifier rates this passage as likely machine-translated badly, spun or garbled (p={p:.2f})",
    "No single rule fired here, but the trained model's evidence adds up: the spans it "
    "points at are the words and features that contributed most. Read the passage closely.",
)
MODEL_RULES: tuple[Rule, ...] = (MODEL_EXPLANATION,)


class Model(Protocol):
    name: str

    def score_passages(self, doc: Document, features: np.ndarray, findings: tuple[Finding, ...]) -> np.ndarray: ...


# How much a document's score is lowered per e-fold of passages (log-odds per log n).
DOCUMENT_LENGTH_PENALTY = 0.5


def document_score(passage_scores: np.ndarray, doc: Document | None = None) -> float:
    """The document score: the highest passage score, with its log-odds lowered by
    DOCUMENT_LENGTH_PENALTY * log(number of passages).

    The highest of n passage scores rises with n even on clean text: every passage is another
    chance of a high score (on dev, clean documents of 5-8 passages had a median maximum of
    logit -1.5 against -2.4 for single passages, so long clean articles were flagged ~3 times as
    often as short ones). With 0.5 * log n the median score of clean documents is the same for
    every length (dev: -2.4 to -2.5 for 1 to 8 passages). A single passage keeps its own score;
    a strong artefact still decides a long document (p 0.97 in one of 10 passages -> 0.91), and
    documents of the same length rank exactly as by their highest passage."""
    n = len(passage_scores)
    if n == 0:
        return 0.0
    return length_corrected(float(np.max(passage_scores)), n)


def length_corrected(score: float, n_passages: int) -> float:
    """A passage score as evidence about a document of `n_passages` passages: its log-odds
    lowered by DOCUMENT_LENGTH_PENALTY * log(n_passages). The document score is this of its
    highest passage, and a passage is flagged when this of its own score reaches the threshold,
    so a document is flagged exactly when one of its passages is."""
    if n_passages <= 1:
        return score
    p = min(max(score, 1e-12), 1.0 - 1e-12)
    logit = math.log(p / (1.0 - p)) - DOCUMENT_LENGTH_PENALTY * math.log(n_passages)
    return 1.0 / (1.0 + math.exp(-logit))


def passage_threshold(threshold: float, n_passages: int) -> float:
    """The lowest passage score that flags a document of `n_passages` passages (the inverse of
    `length_corrected`): explanations are given for passages at or above it."""
    if n_passages <= 1 or not 0.0 < threshold < 1.0:
        return threshold
    logit = math.log(threshold / (1.0 - threshold)) + DOCUMENT_LENGTH_PENALTY * math.log(n_passages)
    return 1.0 / (1.0 + math.exp(-logit))


@dataclass(frozen=True)
class HeuristicModel:
    """Noisy-OR over findings: each finding in a passage is independent evidence
    `SEVERITY_WEIGHT[severity] * confidence`; the passage score is 1 - prod(1 - evidence)."""

    name: str = "heuristic-v1"

    def score_passages(self, doc: Document, features: np.ndarray, findings: tuple[Finding, ...]) -> np.ndarray:
        clean = np.ones(len(doc.passages), dtype=np.float64)
        for f in findings:
            p = doc.passage_at(f.start)
            if p >= 0:
                clean[p] *= 1.0 - SEVERITY_WEIGHT[f.severity] * f.confidence
        return 1.0 - clean


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


SHIPPED_MODEL = "model.joblib"
SHIPPED_SIDECAR = "model.json"


def shipped_model_path() -> Path | None:
    """Path of the model shipped in the package, or None when the package has none."""
    ref = resources.files("detector") / "data" / SHIPPED_MODEL
    try:
        with resources.as_file(ref) as p:
            return Path(p) if Path(p).is_file() else None
    except (FileNotFoundError, OSError):
        return None


def load_sidecar(model_path: Path) -> dict[str, Any] | None:
    sidecar = model_path.with_suffix(".json")
    if not sidecar.is_file():
        return None
    try:
        return json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise ModelError(f"{sidecar}: unreadable model sidecar ({e}); reinstall mtdetect or retrain") from None


def load_model(path: str | Path | None = None, trust: bool = False) -> Model:
    """Load a model safely.

    - `path=None`: the shipped model, loaded only if its SHA-256 equals the sidecar's;
      without a shipped model, the heuristic model.
    - a user file: loaded only with `trust=True` (joblib runs code on load), or when a
      sidecar next to it records the same SHA-256 (e.g. written by `mtdetect train`).
    """
    if path is None:
        shipped = shipped_model_path()
        if shipped is None:
            return HeuristicModel()
        try:
            return _load_verified(shipped, require_sidecar=True)
        except SignatureMismatch as e:
            # Never score with features the model was not trained on; the rules still work.
            warnings.warn(f"{e}; using the heuristic model until it is retrained (python -m training.train)", RuntimeWarning, stacklevel=2)
            return HeuristicModel()
    p = Path(path)
    if not p.is_file():
        raise ModelError(f"{p}: model file not found; give the path of a file written by 'mtdetect train'")
    if trust:
        return _load_joblib(p, load_sidecar(p) or {})
    return _load_verified(p, require_sidecar=True, user_file=True)


def _load_verified(path: Path, require_sidecar: bool, user_file: bool = False) -> Model:
    meta = load_sidecar(path)
    if meta is None:
        if user_file:
            raise ModelError(
                f"{path}: refusing to load a model without a sidecar ({path.with_suffix('.json').name}); "
                "model files run code when loaded: pass --trust-model if you trust this file"
            )
        raise ModelError(f"{path}: the shipped model has no sidecar; reinstall mtdetect")
    actual = sha256_of(path)
    if actual != meta.get("sha256"):
        hint = "pass --trust-model if you trust this file" if user_file else "reinstall mtdetect"
        raise ModelError(f"{path}: SHA-256 {actual[:12]}... does not match its sidecar; refusing to load ({hint})")
    _check_sidecar_compatible(path, meta)
    return _load_joblib(path, meta)


SUPPORTED_FORMAT_VERSION = 1


def _check_sidecar_compatible(path: Path, meta: dict[str, Any]) -> None:
    """Refuse before unpickling when the sidecar already says the model cannot work here."""
    from .extractors import signature

    version = meta.get("format_version", 1)
    if not isinstance(version, int) or version > SUPPORTED_FORMAT_VERSION:
        raise ModelError(f"{path}: model format {version!r} is newer than this mtdetect supports ({SUPPORTED_FORMAT_VERSION}); upgrade mtdetect")
    recorded = meta.get("signature")
    if recorded is not None and recorded != signature():
        raise SignatureMismatch(_signature_message(path, recorded))
    if recorded is not None:
        _check_stream(path, meta.get("stream_id"))


def _check_stream(path: Path, stream_id: Any) -> None:
    """A trained model's n-gram weights only mean something over the token vocabulary they were
    fitted on (detector.classifier.CLASSES, e.g. its list of frequent words)."""
    from .classifier import stream_id as current_stream_id

    current = current_stream_id()
    if stream_id != current:
        raise SignatureMismatch(
            f"{path}: model was trained on another token vocabulary or class language model ({stream_id or 'an older one'}, "
            f"this mtdetect has {current}); retrain it with 'mtdetect train'"
        )


class SignatureMismatch(ModelError):
    """The model was fitted on other extractor feature columns than the installed ones."""


def _signature_message(path: Path, recorded: Any) -> str:
    """Which extractors or feature columns differ, in one line."""
    from .extractors import signature

    current = {e[0]: e[1:] for e in signature()}
    try:
        old = {e[0]: e[1:] for e in recorded}
    except (TypeError, IndexError, KeyError):
        old = {}
    changed = sorted(k for k in set(current) | set(old) if current.get(k) != old.get(k))
    what = f" (differs in: {', '.join(changed)})" if changed else ""
    return (
        f"{path}: model was trained for other extractors or features than this mtdetect has{what}; "
        "retrain it with 'mtdetect train'"
    )


def _load_joblib(path: Path, meta: dict[str, Any]) -> Model:
    import joblib

    from .extractors import signature

    try:
        obj = joblib.load(path)
    except Exception as e:  # a corrupt file can raise anything from unpickling
        raise ModelError(f"{path}: cannot load model ({type(e).__name__}: {e}); retrain it with 'mtdetect train'") from None
    if not hasattr(obj, "score_passages"):
        raise ModelError(f"{path}: not an mtdetect model (no score_passages); retrain it with 'mtdetect train'")
    expected = getattr(obj, "signature", None)
    if expected is not None and expected != signature():
        raise SignatureMismatch(_signature_message(path, expected))
    if expected is not None and isinstance(getattr(obj, "meta", None), dict):
        _check_stream(path, obj.meta.get("stream_id"))
    return obj
