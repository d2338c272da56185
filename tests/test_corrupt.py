"""Tests for training/corrupt.py: every corruption kind applies, spans are valid, output is reproducible.

The tests run twice where it matters: once with the built-in fallback lists only (an empty data
folder) and once with the shared data folder, which is skipped when it is not present.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from wordfreq import zipf_frequency

from training import corrupt as cm
from training.corrupt import KINDS, Corruption, apply_edits, corrupt

SHARED = Path("/work/shared/data")

PARAGRAPH = (
    "Secretary of State Antony Blinken and Secretary of Defense Lloyd Austin met their Japanese counterparts "
    'in Tokyo on Monday, according to the State Department. "We\'re committed to a free and open Indo-Pacific," '
    "Blinken told reporters after the talks. The ministers also discussed climate change and the use of deep "
    "learning in military systems, officials said in a statement. Both countries will take part in joint "
    "exercises next year, and Austin said the alliance had never been stronger."
)

# Text no corruption can work on: no words, no capitals, no hyphens, no non-ASCII.
INERT = "12345 67890."


@pytest.fixture(params=["fallback", "shared"])
def data_mode(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    """Point the module at an empty data folder (built-in lists) or at the shared data."""
    if request.param == "shared":
        if not (SHARED / "entities").exists():
            pytest.skip("shared data folder not present")
        monkeypatch.setenv("MTDETECT_DATA", str(SHARED))
    else:
        monkeypatch.setenv("MTDETECT_DATA", str(tmp_path / "no-data"))
    return request.param


def _check_spans(c: Corruption) -> None:
    assert c.spans, f"{c.kind}: no spans"
    for s, e in c.spans:
        assert isinstance(s, int) and isinstance(e, int)
        assert 0 <= s < e <= len(c.text), f"{c.kind}: span {(s, e)} out of bounds for length {len(c.text)}"
        assert c.text[s:e].strip(), f"{c.kind}: blank span {(s, e)}"


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_applies(kind: str, data_mode: str) -> None:
    for seed in range(8):
        c = corrupt(PARAGRAPH, random.Random(seed), [kind])
        assert c.kind == kind
        assert c.original == PARAGRAPH
        assert c.text != PARAGRAPH
        _check_spans(c)


@pytest.mark.parametrize("kind", KINDS)
def test_same_seed_same_output(kind: str) -> None:
    a = corrupt(PARAGRAPH, random.Random(42), [kind])
    b = corrupt(PARAGRAPH, random.Random(42), [kind])
    assert a == b


def test_default_kinds_reproducible_and_valid() -> None:
    seen = set()
    for seed in range(30):
        a = corrupt(PARAGRAPH, random.Random(seed))
        assert a == corrupt(PARAGRAPH, random.Random(seed))
        assert a.kind in KINDS
        _check_spans(a)
        seen.add(a.kind)
    assert len(seen) > 5  # the kind is chosen at random


@pytest.mark.parametrize("text", [INERT, "", "   "])
def test_nothing_applies_returns_none(text: str) -> None:
    c = corrupt(text, random.Random(0))
    assert c.kind == "none"
    assert c.text == text
    assert c.original == text
    assert c.spans == []
    for kind in KINDS:
        single = cm.CORRUPTORS[kind](text, random.Random(0))
        assert single.kind == "none" and single.text == text and single.spans == []


def test_kind_specific_artefacts(data_mode: str) -> None:
    def art(kind: str, seed: int = 0) -> list[str]:
        c = corrupt(PARAGRAPH, random.Random(seed), [kind])
        return [c.text[s:e] for s, e in c.spans]

    for seed in range(5):
        assert all(a.startswith("&") and a.endswith(";") for a in art("entity", seed))
        assert all(any(ord(ch) > 127 for ch in a) for a in art("mojibake", seed))
        assert all(a == a.lower() for a in art("lowercase", seed))
        latin = {p for ps in cm.LATIN_REPLACEMENTS.values() for p in ps} | set(cm.LATIN_PHRASES)
        assert all(any(ord(ch) > 0x3FF for ch in a) or a in latin for a in art("codemix", seed))
        assert all(zipf_frequency(a, "en") < 1.0 for a in art("typo", seed))
        assert all(a not in PARAGRAPH for a in art("boilerplate", seed))
        assert all(a not in PARAGRAPH for a in art("name", seed))
    dashes = [a for seed in range(10) for a in art("dash", seed)]
    assert any(a.startswith("Indo") and "Pacific" in a and "-" not in a.replace(" - ", "") for a in dashes)


def test_name_uses_fallback_without_shared_data(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MTDETECT_DATA", str(tmp_path))
    names = cm.known_names()
    assert "Antony Blinken" in names and "Jens Stoltenberg" in names
    assert 40 <= len(names) < 200
    c = cm.corrupt_name("NATO chief Jens Stoltenberg met Emmanuel Macron in Paris on Friday.", random.Random(1))
    assert c.kind == "name"
    _check_spans(c)


@pytest.mark.skipif(not (SHARED / "entities" / "people.jsonl.gz").exists(), reason="shared data folder not present")
def test_names_from_shared_entities() -> None:
    names = cm.known_names(SHARED)
    assert len(names) > 2000
    assert "Emmanuel Macron" in names and "Antony Blinken" in names
    assert [n for _, _, n in cm.find_names("Yesterday Angela Merkel met Xi Jinping.", SHARED)] == ["Angela Merkel", "Xi Jinping"]


@pytest.mark.skipif(not (SHARED / "tortured_phrases").exists(), reason="shared data folder not present")
def test_tortured_dictionary_is_cleaned() -> None:
    index = cm.tortured_index(SHARED)
    assert len(index) > 500
    for first, entries in index.items():
        for expected, forms in entries:
            assert expected[0] == first and len(expected) >= 2
            assert all(not any(ch in f for ch in "?/()[]") and " " in f for f in forms)
    deep = dict(index["deep"])[("deep", "learning")]
    assert "profound learning" in deep


def test_title_swaps_wrong_title() -> None:
    text = "Secretary of Defense Lloyd Austin arrived in Manila."
    c = cm.corrupt_title(text, random.Random(0))
    assert c.kind == "title"
    assert "Secretary of Defense" not in c.text
    # generic lower-case words are not treated as titles
    assert cm.corrupt_title("The club president and the university chancellor met.", random.Random(0)).kind == "none"


def test_mojibake_example() -> None:
    assert cm.mojibake_of("café") == "cafÃ©"
    assert cm.mojibake_of("’") == "â€™"
    c = cm.corrupt_mojibake("We met at the café in Zürich.", random.Random(0))
    assert c.kind == "mojibake" and "Ã" in c.text
    _check_spans(c)


def test_apply_edits_spans() -> None:
    text = "the cat sat on the mat"
    new, spans = apply_edits(text, [(4, 7, "dog"), (8, 12, ""), (22, 22, " today")])
    assert new == "the dog on the mat today"
    assert sorted(new[s:e] for s, e in spans) == sorted(["dog", " today", "dog on"])
    with pytest.raises(ValueError):
        apply_edits(text, [(0, 5, "x"), (3, 6, "y")])


def test_unknown_kind_raises() -> None:
    with pytest.raises(ValueError):
        corrupt(PARAGRAPH, random.Random(0), ["no-such-kind"])


def test_cli_txt_and_jsonl(tmp_path: Path) -> None:
    txt = tmp_path / "in.txt"
    txt.write_text(PARAGRAPH + "\n\n" + INERT + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert cm.main(["--input", str(txt), "--out", str(out), "--kinds", "dash,ocr", "--seed", "3"]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 2
    assert rows[0]["kind"] in {"dash", "ocr"} and rows[0]["original"] == PARAGRAPH
    assert all(rows[0]["text"][s:e] for s, e in rows[0]["spans"])
    assert rows[1] == {"text": INERT, "kind": "none", "spans": [], "original": INERT}

    jl = tmp_path / "in.jsonl"
    jl.write_text(json.dumps({"text": PARAGRAPH, "id": 1}) + "\n", encoding="utf-8")
    out2 = tmp_path / "out2.jsonl"
    assert cm.main(["--input", str(jl), "--out", str(out2)]) == 0
    again = tmp_path / "out3.jsonl"
    assert cm.main(["--input", str(jl), "--out", str(again)]) == 0
    assert out2.read_text(encoding="utf-8") == again.read_text(encoding="utf-8")
