"""The class-trigram model of clean English behind the classifier's lm_* fluency features."""

from __future__ import annotations

import numpy as np
import pytest

from detector import class_lm
from detector.classifier import CLASSES, FLUENCY_FEATURES, passage_ids
from detector.text import Document

NEWS = [
    "The ministry said on Monday that the new rules would take effect next year.",
    "Police were called to the house shortly after midnight, a spokesman said.",
    "Shares in the company fell by almost a fifth after the results were published.",
    "The minister told reporters that talks with the unions would continue this week.",
    "Local residents have complained about the noise for several months.",
]


def _streams(text: str) -> list[list[int]]:
    return [passage_ids(p) for p in Document(text).passages]


def _shuffle(text: str, seed: int) -> str:
    words = text.rstrip(".").split()
    rng = np.random.default_rng(seed)
    rng.shuffle(words)
    return " ".join(words) + "."


def test_shipped_tables_exist_and_are_small() -> None:
    tables = class_lm.load_tables()
    assert tables is not None, "detector/data/class_lm.npz missing: python -m training.build_class_lm"
    assert int(tables["n_classes"][0]) == len(CLASSES)
    assert int(tables["n_tokens"][0]) > 500_000
    assert list(class_lm.FEATURES) == list(FLUENCY_FEATURES[-len(class_lm.FEATURES):])


@pytest.mark.parametrize("text", NEWS)
def test_shuffled_words_are_less_fluent_than_the_original(text: str) -> None:
    original = class_lm.features(_streams(text))[0]
    for seed in range(3):
        shuffled = class_lm.features(_streams(_shuffle(text, seed)))[0]
        assert shuffled[0] < original[0] - 0.5
        assert shuffled[1] >= original[1]
        assert shuffled[2] < original[2]


def test_every_passage_gets_its_own_features() -> None:
    text = NEWS[0] + "\n\n" + _shuffle(NEWS[1], 0)
    streams = _streams(text)
    assert len(streams) == 2
    both = class_lm.features(streams)
    alone = np.vstack([class_lm.features([s]) for s in streams])
    np.testing.assert_allclose(both, alone)  # no trigram crosses a passage boundary
    assert both[1, 0] < both[0, 0]


def test_worst_window_finds_one_damaged_phrase_in_a_long_passage() -> None:
    clean = " ".join(NEWS[:4])
    damaged = " ".join([NEWS[0], "Police to house the were called shortly midnight after, a spokesman said.", *NEWS[2:4]])
    a, b = class_lm.features(_streams(clean))[0], class_lm.features(_streams(damaged))[0]
    assert b[2] < a[2] - 1.0
    # the worst window moves much more than the passage mean does
    assert (a[2] - b[2]) > 2 * (a[0] - b[0])


def test_worst_window_of_short_passages_is_their_mean() -> None:
    f = class_lm.features([[0, 5, 6, 7]])
    assert f[0, 2] == f[0, 0]


def test_bigram_probabilities_sum_to_one() -> None:
    """Interpolated absolute discounting must give a distribution for every seen context."""
    streams = [[0, 5, 6, 7, 5, 6, 8], [0, 5, 7, 7, 6], [0, 6, 5, 6, 7]]
    n = 10
    t = class_lm.fit_tables(streams, n)
    for b in (5, 6, 7):
        logp = class_lm._bigram_logp(t, np.full(n, b), np.arange(n))
        assert np.exp(logp).sum() == pytest.approx(1.0, abs=1e-5)


def test_trigram_probabilities_sum_to_one_without_pruning(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(class_lm, "MIN_TRIGRAM_COUNT", 1)
    streams = [[0, 5, 6, 7, 5, 6, 8], [0, 5, 6, 7, 6], [0, 6, 5, 6, 7]]
    n = 10
    t = class_lm.fit_tables(streams, n)
    ids = np.array([5, 6, 0] * n)  # contexts (5, 6) followed by every class
    ids[2::3] = np.arange(n)
    group = np.repeat(np.arange(n), 3)
    ratio, g = class_lm.token_log_ratios(t, ids, group)
    assert len(ratio) == n and (g == np.arange(n)).all()
    logp = ratio + t["uni_logp"][np.arange(n)]
    assert np.exp(logp).sum() == pytest.approx(1.0, abs=1e-5)


def test_too_short_or_empty_passages_give_zeros() -> None:
    assert class_lm.features([]).shape == (0, 3)
    np.testing.assert_array_equal(class_lm.features([[], [0, 5]]), np.zeros((2, 3)))


def test_crossfit_gives_training_rows_out_of_fold_features() -> None:
    """A clean training row must not look more fluent because the language model has seen it:
    its lm features come from the model of the other half of the documents."""
    from training.build_class_lm import crossfit, fold_of
    from training.featurise import featurise_texts

    rows = [{"text": t, "kind": "clean_news", "source": "clean_en/news_abc", "doc_id": f"d{i}"} for i, t in enumerate(NEWS * 3)]
    rows = [r for r in rows if fold_of(r) == 0][:4] + [r for r in rows if fold_of(r) == 1][:4]
    assert len(rows) == 8
    feats = featurise_texts([r["text"] for r in rows], None, jobs=1)
    col = FLUENCY_FEATURES.index("lm_log_ratio_mean") - len(FLUENCY_FEATURES)  # from the end of the dense row
    full = class_lm.fit_tables([rec.ids for f in feats for rec in f.records], len(CLASSES))
    seen = [class_lm.features([rec.ids for rec in f.records], full)[0, 0] for f in feats]
    crossfit(rows, feats)
    unseen = [f.records[0].dense[col] for f in feats]
    for r, a, b in zip(rows, seen, unseen, strict=True):
        other_fold_has_it = any(o["text"] == r["text"] and fold_of(o) != fold_of(r) for o in rows)
        if not other_fold_has_it:
            assert b < a, r["text"]


def test_worst_window_span_points_at_the_damaged_phrase() -> None:
    """Explanations show the least fluent stretch: it must overlap the shuffled words."""
    from detector.classifier import _lm_span, passage_stream

    damaged = "Police to house the were called shortly midnight after, a spokesman said."
    text = NEWS[0] + " " + damaged + " " + NEWS[2]
    doc = Document(text)
    assert len(doc.passages) == 1
    ids, spans = passage_stream(doc.passages[0])
    (start, end), = _lm_span(ids, spans)
    bad_start = text.index(damaged)
    bad_end = bad_start + len("Police to house the were called shortly midnight after")
    assert start < bad_end and end > bad_start, text[start:end]
    assert text[start:end] == text[start:end].strip() and end - start < 60
