"""The trained classifier (detector/classifier.py): abstraction, hashing, fast scoring, training
round trip, explanations, the `train` and `evaluate` commands, and the shipped model."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from model_fixtures import ARTEFACTS, CLEAN, HELD_OUT_ARTEFACTS, HELD_OUT_CLEAN

from detector import Detector
from detector.classifier import (
    CLASSES,
    FUNCTION_WORDS,
    TrainedModel,
    document_records,
    hash_ngrams,
    passage_stream,
)
from detector.config import Config
from detector.model import load_model, shipped_model_path
from detector.pipeline import extract_features
from detector.text import Document, normalise

REPO = Path(__file__).resolve().parent.parent


def _write_texts(folder: Path, texts: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i, t in enumerate(texts):
        (folder / f"{i:02d}.txt").write_text(t, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A model trained with `mtdetect train` on the small labelled texts."""
    from detector.cli import main

    root = tmp_path_factory.mktemp("model")
    pos = _write_texts(root / "pos", ARTEFACTS)
    neg = _write_texts(root / "neg", CLEAN)
    out = root / "model.joblib"
    assert main(["train", "--positives", str(pos), "--negatives", str(neg), "-o", str(out)]) == 0
    return out


def _classes(text: str) -> list[str]:
    doc = Document(text)
    return [CLASSES[i] for p in doc.passages for i in passage_stream(p)[0]]


# ------------------------------------------------------------------------------------------
# The abstracted token stream
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "He said: “The U.S. don’t want it” — in 2021… It’s over.",
        "She told the BBC ‘no’ – twice – and left. They’re sure.",
        "The minister's plan « works » , he said .",
        "Prices rose 3.5 % in May ; analysts were n't surprised .",
        "USA 's leaders met in Paris . It 's late .",
    ],
)
def test_stream_is_typography_neutral(text: str) -> None:
    """Curly quotes, dashes, tokenised punctuation and clitics give the stream of `normalise`."""
    assert _classes(text) == _classes(normalise(text))


def test_stream_keeps_function_words_and_abstracts_content_words() -> None:
    classes = _classes("The Chancellor visited the factory in Wolfsburg with her ministers.")
    assert "the^" in classes and "the" in classes and "in" in classes and "with" in classes
    for topical in ("chancellor", "visited", "factory", "wolfsburg", "ministers"):
        assert topical not in {c.lower().rstrip("^") for c in classes}
    assert all(c in CLASSES for c in classes)
    assert len(FUNCTION_WORDS) >= 250


def test_stream_keeps_frequent_words_that_weak_mt_misuses() -> None:
    """The ~850 commonest open-class words stand for themselves (old MT breaks English around
    them: "at the end of the years 90"); anything rarer is still only its class."""
    from detector.classifier import FREQUENT_WORDS

    assert 700 <= len(FREQUENT_WORDS) <= 1200 and "years" in FREQUENT_WORDS and "the" not in FREQUENT_WORDS
    classes = _classes("At the end of the years 90 the government took a presidential term consecutive.")
    assert "years" in classes and "end" in classes and "government" in classes
    assert "consecutive" not in classes and "presidential" not in classes  # Zipf < 5: classes only


def test_stream_marks_noise_classes() -> None:
    classes = _classes("Tbe cafÃ© was 東京 — donâ€™t")
    assert "X" in classes  # non-Latin script
    assert any(c.startswith("<S") for c in classes)  # stray symbols (€, ™)


def test_stream_spans_are_exact() -> None:
    text = "He didn’t go to the “market” today… Really?"
    doc = Document(text)
    for p in doc.passages:
        ids, spans = passage_stream(p)
        assert len(ids) == len(spans)
        for s, e in spans:
            assert p.start <= s <= e <= p.end


def test_ngram_hash_is_deterministic_across_processes() -> None:
    code = (
        "import numpy as np;from detector.classifier import hash_ngrams;"
        "ids=np.arange(40)%17;g=np.zeros(40,dtype=np.int64);"
        "r,c,p=hash_ngrams(ids,g,2**18,(1,4));print(int(c.sum()),int(c[:5].sum()))"
    )
    outs = set()
    for seed in ("0", "1", "random"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        outs.add(subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout)
    assert len(outs) == 1
    ids = np.arange(40) % 17
    _, c, _ = hash_ngrams(ids, np.zeros(40, dtype=np.int64), 2**18, (1, 4))
    assert f"{int(c.sum())} {int(c[:5].sum())}\n" in outs


def test_ngrams_never_cross_passages() -> None:
    ids = np.array([1, 2, 3, 4, 5, 6])
    group = np.array([0, 0, 0, 1, 1, 1])
    rows, _, pos = hash_ngrams(ids, group, 2**16, (1, 4))
    for r, p in zip(rows, pos, strict=False):
        assert group[p] == r


# ------------------------------------------------------------------------------------------
# Training round trip and the fast scoring path
# ------------------------------------------------------------------------------------------


def test_train_writes_model_and_sidecar(trained: Path) -> None:
    meta = json.loads(trained.with_suffix(".json").read_text())
    for key in ("format_version", "package_version", "sklearn_version", "signature", "sha256", "threshold"):
        assert key in meta
    from detector.extractors import signature
    from detector.model import sha256_of

    assert meta["signature"] == signature()
    assert meta["sha256"] == sha256_of(trained)


def test_round_trip_scores_artefacts_higher(trained: Path) -> None:
    detector = Detector(model=str(trained))
    clean = [detector.score(t).score for t in HELD_OUT_CLEAN]
    broken = [detector.score(t).score for t in HELD_OUT_ARTEFACTS]
    assert detector.score(HELD_OUT_CLEAN[0]).detector["model"] == "user-trained"
    assert np.mean(broken) > np.mean(clean)
    assert min(broken) > min(clean)


def test_fast_path_matches_sklearn_pipeline(trained: Path) -> None:
    model = load_model(trained)
    assert isinstance(model, TrainedModel)
    for text in HELD_OUT_CLEAN + HELD_OUT_ARTEFACTS + ["One. Two three four.\n\nFive six seven, eight."]:
        doc = Document(text)
        features, findings = extract_features(doc, Config())
        fast = model.score_passages(doc, features, findings)
        slow = model.predict_proba(document_records(doc, features))
        np.testing.assert_allclose(fast, slow, rtol=1e-6, atol=1e-9)


def test_fast_path_matches_with_rare_word_char_ngrams() -> None:
    from detector.classifier import train_model

    model = train_model(ARTEFACTS, CLEAN, char_weight=1.0, ngram_range=(1, 2))
    assert model._char_w is not None
    for text in HELD_OUT_CLEAN + HELD_OUT_ARTEFACTS:
        doc = Document(text)
        features, findings = extract_features(doc, Config())
        fast = model.score_passages(doc, features, findings)
        slow = model.predict_proba(document_records(doc, features))
        np.testing.assert_allclose(fast, slow, rtol=1e-6, atol=1e-9)


def test_char_ngrams_only_for_rare_words() -> None:
    from detector.classifier import passage_chars

    doc = Document("The government said that the people were happy.")
    assert passage_chars(doc.passages[0]) == []
    doc = Document("Tlie govemment sa1d tbat.")
    assert len(passage_chars(doc.passages[0])) > 10


def test_char_ngrams_skip_well_formed_foreign_words_but_not_mojibake() -> None:
    """Correct accented words ("próspero", "bœuf") say where a text comes from, not that it is damaged."""
    from detector.classifier import passage_chars

    doc = Document("We ate bœuf bourguignon and wished them a próspero año.")
    accented = passage_chars(doc.passages[0])
    doc = Document("We ate bÅ“uf bourguignon and wished them a prÃ³spero aÃ±o.")
    mojibake = passage_chars(doc.passages[0])
    assert len(mojibake) > len(accented) + 20


def test_scores_are_deterministic(trained: Path, tmp_path: Path) -> None:
    a = [Detector(model=str(trained)).score(t).score for t in HELD_OUT_ARTEFACTS]
    b = [Detector(model=str(trained)).score(t).score for t in HELD_OUT_ARTEFACTS]
    assert a == b
    # training again on the same data gives the same model
    from detector.cli import main

    out = tmp_path / "again.joblib"
    root = trained.parent
    assert main(["train", "--positives", str(root / "pos"), "--negatives", str(root / "neg"), "-o", str(out)]) == 0
    c = [Detector(model=str(out)).score(t).score for t in HELD_OUT_ARTEFACTS]
    np.testing.assert_allclose(a, c, rtol=0, atol=1e-12)


def test_empty_document_scores_nothing(trained: Path) -> None:
    model = load_model(trained)
    doc = Document("   \n\n  ")
    features, findings = extract_features(doc, Config())
    assert model.score_passages(doc, features, findings).shape == (0,)
    assert Detector(model=str(trained)).score("").score == 0.0


def test_explanations_have_exact_spans(trained: Path) -> None:
    detector = Detector(config=Config(threshold=0.0), model=str(trained))
    text = "\n\n".join(HELD_OUT_ARTEFACTS + HELD_OUT_CLEAN)
    result = detector.score(text)
    model_findings = [f for f in result.findings if f.rule == "model.passage"]
    assert model_findings, "threshold 0 flags every passage; each unexplained one needs a model finding"
    for f in model_findings:
        assert f.text == text[f.start : f.end]
        assert f.end > f.start
        assert "p=" in f.message
    flagged = [p for p in result.passages if p.flagged]
    explained = {next(i for i, p in enumerate(result.passages) if p.start <= f.start < p.end) for f in result.findings
                 if f.severity in ("warning", "error")}
    assert len(explained) == len(flagged)


# ------------------------------------------------------------------------------------------
# `mtdetect train` and `mtdetect evaluate`
# ------------------------------------------------------------------------------------------


def _labelled(tmp_path: Path, rows: list[tuple[str, int]]) -> Path:
    path = tmp_path / "eval.jsonl"
    path.write_text("".join(json.dumps({"text": t, "label": y}) + "\n" for t, y in rows), encoding="utf-8")
    return path


def test_evaluate_prints_auc_precision_recall(trained: Path, tmp_path: Path, cli) -> None:
    path = _labelled(tmp_path, [(t, 0) for t in HELD_OUT_CLEAN] + [(t, 1) for t in HELD_OUT_ARTEFACTS])
    r = cli("evaluate", str(path), "--model", str(trained), "--format", "json")
    assert r.code == 0, r.err
    obj = r.json()
    assert obj["n"] == 6 and obj["positives"] == 3
    for key in ("auc", "precision", "recall", "threshold"):
        assert 0.0 <= obj[key] <= 1.0
    assert obj["auc"] > 0.5
    r = cli("evaluate", str(path), "--model", str(trained))
    assert r.code == 0, r.err
    assert "auc" in r.out and "precision" in r.out and "recall" in r.out


@pytest.mark.parametrize(
    "rows, message",
    [
        ([("Clean text here.", 0), ("More clean text.", 0)], "both labels"),
        ([("No label at all.", None)], "label"),
        ([("Odd label.", 7)], "label"),
    ],
)
def test_evaluate_errors_are_one_line(trained: Path, tmp_path: Path, cli, rows, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text("".join(json.dumps({"text": t} if y is None else {"text": t, "label": y}) + "\n" for t, y in rows))
    r = cli("evaluate", str(path), "--model", str(trained))
    assert r.code == 2
    assert message in r.err and len(r.err.strip().splitlines()) == 1


def test_evaluate_missing_file(cli, tmp_path: Path) -> None:
    r = cli("evaluate", str(tmp_path / "nope.jsonl"))
    assert r.code == 2 and len(r.err.strip().splitlines()) == 1


def test_train_errors_are_one_line(tmp_path: Path, cli) -> None:
    pos = _write_texts(tmp_path / "pos", ARTEFACTS[:2])
    neg = _write_texts(tmp_path / "neg", CLEAN)
    r = cli("train", "--positives", str(pos), "--negatives", str(neg), "-o", str(tmp_path / "m.joblib"))
    assert r.code == 2 and "at least" in r.err and len(r.err.strip().splitlines()) == 1
    r = cli("train", "--negatives", str(neg), "-o", str(tmp_path / "m.joblib"))
    assert r.code == 2 and "--positives" in r.err
    r = cli("train", "--positives", str(tmp_path / "missing"), "--negatives", str(neg), "-o", str(tmp_path / "m.joblib"))
    assert r.code == 2 and "missing" in r.err
    assert not (tmp_path / "m.joblib").exists()


def test_train_accepts_jsonl(tmp_path: Path, cli) -> None:
    pos = tmp_path / "pos.jsonl"
    pos.write_text("".join(json.dumps({"text": t}) + "\n" for t in ARTEFACTS), encoding="utf-8")
    neg = _write_texts(tmp_path / "neg", CLEAN)
    out = tmp_path / "m.joblib"
    r = cli("train", "--positives", str(pos), "--negatives", str(neg), "-o", str(out))
    assert r.code == 0, r.err
    r = cli("score", "--model", str(out), "--format", "json", str(neg / "00.txt"))
    assert r.code == 0, r.err
    assert r.json()["detector"]["model"] == "user-trained"


# ------------------------------------------------------------------------------------------
# The shipped model
# ------------------------------------------------------------------------------------------

shipped = shipped_model_path()
needs_shipped = pytest.mark.skipif(shipped is None, reason="no model shipped in detector/data")


@needs_shipped
def test_shipped_model_sidecar_and_size() -> None:
    meta = json.loads(shipped.with_suffix(".json").read_text())
    for key in ("format_version", "package_version", "sklearn_version", "signature", "sha256", "threshold", "training"):
        assert key in meta, key
    assert shipped.stat().st_size < 50 * 1024 * 1024


@needs_shipped
def test_shipped_model_loads_fast_and_scores() -> None:
    code = (
        "import time,warnings;warnings.simplefilter('ignore');t=time.perf_counter();"
        "from detector.model import load_model;m=load_model();print(time.perf_counter()-t, m.name)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO).stdout.split()
    elapsed, name = float(out[0]), out[1]
    # The shipped model must match this code (extractor signature, token vocabulary, class-LM
    # tables): a fallback to the heuristic model means someone changed one and did not retrain.
    assert name != "heuristic-v1", "shipped model refused: retrain with python -m training.train (training/README.md)"
    assert elapsed < 3.0  # ~0.3 s on the reference machine, generous for CI
    detector = Detector()
    t = time.perf_counter()
    a = detector.score(HELD_OUT_ARTEFACTS[0] + "\n\n" + HELD_OUT_CLEAN[0])
    assert time.perf_counter() - t < 5
    b = Detector().score(HELD_OUT_ARTEFACTS[0] + "\n\n" + HELD_OUT_CLEAN[0])
    assert a.score == b.score


def test_no_model_explanation_inside_a_rule_finding_that_spans_passages() -> None:
    """The bundled example ends with a five-fragment spam bio that the passage splitter cuts in
    two; the boilerplate finding covers both halves, so the model must not add its own vaguer
    `model.passage` findings on the second half."""
    from pathlib import Path

    from detector import Detector

    text = (Path(__file__).parent.parent / "examples" / "article.txt").read_text(encoding="utf-8")
    result = Detector().score(text)
    bios = [f for f in result.findings if f.rule == "boilerplate.spam_bio"]
    assert len(bios) == 1
    bio = bios[0]
    assert sum(1 for p in result.passages if p.start < bio.end and p.end > bio.start) == 2
    assert not [f for f in result.findings if f.rule == "model.passage" and f.start < bio.end and f.end > bio.start]


# ------------------------------------------------------------------------------------------
# The document score
# ------------------------------------------------------------------------------------------


def test_document_score_of_one_passage_is_its_score() -> None:
    from detector.model import document_score

    for p in (0.0, 0.03, 0.5, 0.97, 1.0):
        assert document_score(np.array([p])) == p
    assert document_score(np.array([])) == 0.0


def test_document_score_corrects_for_the_number_of_passages() -> None:
    """Ten passages at 0.2 are ten chances of a high maximum: the document scores lower than
    one passage at 0.2, and a strong artefact in one passage of ten still flags it."""
    from detector.model import document_score

    assert document_score(np.full(10, 0.2)) < 0.2
    assert document_score(np.array([0.97] + [0.05] * 9)) > 0.9
    # documents of the same length rank exactly as by their highest passage
    a, b = np.array([0.6, 0.1, 0.1]), np.array([0.1, 0.55, 0.3])
    assert document_score(a) > document_score(b)


def test_long_clean_article_is_not_flagged_but_a_spam_bio_still_is() -> None:
    """Real news prose of many paragraphs stays quiet; the bundled example with a spam bio
    (one passage among eight) stays flagged."""
    paragraphs = [
        "The city council voted on Tuesday to extend the tram line to the northern suburbs, a project "
        "that has been debated for more than a decade.",
        "Supporters say the extension will cut commuting times and ease congestion on the ring road, "
        "which carries about 90,000 vehicles a day.",
        "Opponents argue that the money would be better spent on buses, which can be rerouted as the "
        "city grows, and warn that construction will disrupt local shops for years.",
        "The council's transport committee estimates the cost at 240 million euros, about a third of "
        "which is expected to come from national and European funds.",
        "Work is due to start next spring, and the first trams could run on the new section by 2029, "
        "according to the plan approved by 31 votes to 14.",
        "Residents will be able to comment on the detailed route at a series of public meetings in "
        "January and February.",
    ]
    detector = Detector()
    result = detector.score("\n\n".join(paragraphs))
    assert len(result.passages) >= 3 and not result.flagged
    assert result.score <= max(p.score for p in result.passages)
    example = detector.score((REPO / "examples" / "article.txt").read_text(encoding="utf-8"))
    assert example.flagged and len(example.passages) > 3


@pytest.mark.parametrize("threshold", [0.05, 0.2, 0.5, 0.8, 0.95])
def test_document_is_flagged_exactly_when_one_of_its_passages_is(threshold: float) -> None:
    texts = [
        (REPO / "examples" / "article.txt").read_text(encoding="utf-8"),
        "\n\n".join(["The council met on Tuesday.", "Tlie govemment sa1d tbat it wou1d rev1ew tbe p1an.",
                     "Residents can comment until March.", "He he said that that the the plan plan was good."]),
        "One short, clean sentence about the weather in Oslo.",
    ]
    detector = Detector(config=Config().with_overrides(threshold=threshold))
    for text in texts:
        result = detector.score(text)
        assert result.flagged == any(p.flagged for p in result.passages)
        # every flagged passage without a warning/error rule finding carries a model explanation
        for p in result.passages:
            inside = [f for f in result.findings if f.start < p.end and f.end > p.start]  # a spam bio may span two
            if p.flagged and not any(f.severity in ("warning", "error") and f.rule != "model.passage" for f in inside):
                assert any(f.rule == "model.passage" for f in inside)
