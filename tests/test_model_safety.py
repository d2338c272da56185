"""Loading models safely: joblib runs code on load, so a model is only unpickled when its
SHA-256 matches the sidecar written with it (or the user passes --trust-model), and a model
fitted on other extractor features is refused with a clear message."""

from __future__ import annotations

import json
import shutil
import warnings
from pathlib import Path

import joblib
import pytest
from model_fixtures import ARTEFACTS, CLEAN

from detector import Detector
from detector import model as model_module
from detector.errors import ModelError
from detector.model import HeuristicModel, load_model, sha256_of


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from detector.classifier import save_model, train_model

    root = tmp_path_factory.mktemp("safety")
    out = root / "model.joblib"
    save_model(train_model(ARTEFACTS, CLEAN), out)
    return out


@pytest.fixture
def copy(trained: Path, tmp_path: Path) -> Path:
    """A private copy of the model and its sidecar that a test may damage."""
    dst = tmp_path / "m.joblib"
    shutil.copy(trained, dst)
    shutil.copy(trained.with_suffix(".json"), dst.with_suffix(".json"))
    return dst


def test_matching_sidecar_loads_without_trust(copy: Path) -> None:
    m = load_model(copy)
    assert m.name == "user-trained"


def test_tampered_model_is_refused(copy: Path, cli) -> None:
    with open(copy, "ab") as fh:
        fh.write(b"\0")
    with pytest.raises(ModelError, match="SHA-256"):
        load_model(copy)
    r = cli("score", "--model", str(copy), "-", stdin="Some text to score.")
    assert r.code == 2
    assert "does not match its sidecar" in r.err and len(r.err.strip().splitlines()) == 1


def test_edited_sidecar_hash_is_refused(copy: Path) -> None:
    meta = json.loads(copy.with_suffix(".json").read_text())
    meta["sha256"] = "0" * 64
    copy.with_suffix(".json").write_text(json.dumps(meta))
    with pytest.raises(ModelError, match="refusing to load"):
        load_model(copy)


def test_missing_sidecar_needs_trust(copy: Path, cli) -> None:
    copy.with_suffix(".json").unlink()
    with pytest.raises(ModelError, match="--trust-model"):
        load_model(copy)
    r = cli("score", "--model", str(copy), "-", stdin="Some text to score.")
    assert r.code == 2 and "--trust-model" in r.err
    assert load_model(copy, trust=True).name == "user-trained"
    r = cli("score", "--model", str(copy), "--trust-model", "-", stdin="Some text to score.")
    assert r.code == 0, r.err


def test_unreadable_sidecar_is_refused(copy: Path) -> None:
    copy.with_suffix(".json").write_text("{not json")
    with pytest.raises(ModelError, match="sidecar"):
        load_model(copy)


def test_wrong_signature_in_sidecar_is_refused(copy: Path) -> None:
    meta = json.loads(copy.with_suffix(".json").read_text())
    meta["signature"] = [*meta["signature"], ["extra", "feature_x"]]
    copy.with_suffix(".json").write_text(json.dumps(meta))
    with pytest.raises(ModelError, match="other extractors or features.*extra"):
        load_model(copy)


def test_wrong_signature_in_model_object_is_refused(copy: Path, tmp_path: Path) -> None:
    obj = load_model(copy)
    obj.signature = [["readability", "only_this"]]
    other = tmp_path / "other.joblib"
    joblib.dump(obj, other)
    with pytest.raises(ModelError, match="other extractors or features"):
        load_model(other, trust=True)


def test_model_of_another_token_vocabulary_is_refused(copy: Path, tmp_path: Path, cli) -> None:
    """n-gram weights only mean something over the vocabulary they were fitted on (e.g. after
    detector/data/frequent_words.txt changes): such a model is refused, in the sidecar check and
    in the object, with a one-line message that says to retrain."""
    meta = json.loads(copy.with_suffix(".json").read_text())
    meta["stream_id"] = "0123456789abcdef"
    copy.with_suffix(".json").write_text(json.dumps(meta))
    with pytest.raises(ModelError, match="another token vocabulary.*retrain"):
        load_model(copy)
    r = cli("score", "--model", str(copy), "-", stdin="Some text to score.")
    assert r.code == 2 and "token vocabulary" in r.err and len(r.err.strip().splitlines()) == 1
    obj = joblib.load(copy)
    obj.meta["stream_id"] = "0123456789abcdef"
    other = tmp_path / "other.joblib"
    joblib.dump(obj, other)
    with pytest.raises(ModelError, match="another token vocabulary"):
        load_model(other, trust=True)


def test_newer_format_is_refused(copy: Path) -> None:
    meta = json.loads(copy.with_suffix(".json").read_text())
    meta["format_version"] = 99
    copy.with_suffix(".json").write_text(json.dumps(meta))
    with pytest.raises(ModelError, match="newer"):
        load_model(copy)


def test_not_a_model_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "junk.joblib"
    joblib.dump({"hello": 1}, path)
    with pytest.raises(ModelError, match="not an mtdetect model"):
        load_model(path, trust=True)
    path.write_bytes(b"garbage that is no pickle")
    with pytest.raises(ModelError, match="cannot load"):
        load_model(path, trust=True)


def test_missing_model_file(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="not found"):
        load_model(tmp_path / "nope.joblib")


def test_shipped_model_is_verified(copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The shipped model goes through the same hash check; a tampered one is an error."""
    monkeypatch.setattr(model_module, "shipped_model_path", lambda: copy)
    assert load_model().name == "user-trained"
    with open(copy, "ab") as fh:
        fh.write(b"\0")
    with pytest.raises(ModelError, match="reinstall"):
        load_model()


def test_shipped_model_for_other_features_falls_back_with_warning(copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    meta = json.loads(copy.with_suffix(".json").read_text())
    meta["signature"] = [["readability", "only_this"]]
    copy.with_suffix(".json").write_text(json.dumps(meta))
    monkeypatch.setattr(model_module, "shipped_model_path", lambda: copy)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        m = load_model()
    assert isinstance(m, HeuristicModel)
    assert any("other extractors" in str(w.message) for w in caught)


def test_no_shipped_model_means_heuristic(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(model_module, "shipped_model_path", lambda: None)
    assert isinstance(load_model(), HeuristicModel)
    assert Detector().score("A short clean sentence.").detector["model"] == "heuristic-v1"


def test_sidecar_records_hash_of_file(trained: Path) -> None:
    meta = json.loads(trained.with_suffix(".json").read_text())
    assert meta["sha256"] == sha256_of(trained)
    assert meta["size_bytes"] == trained.stat().st_size
