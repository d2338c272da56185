"""Behaviour of the garble extractor beyond the case file: features, spans, allow-list."""

from __future__ import annotations

import numpy as np

from detector.config import Config
from detector.extractors.garble import GarbleExtractor, forbidden_pairs, ocr_correction, verb_lexicon
from detector.text import Document

EXTRACTOR = GarbleExtractor()
NAMES = EXTRACTOR.feature_names


def _run(text: str, config: Config | None = None):
    doc = Document(text)
    return doc, EXTRACTOR.extract(doc, config or Config())


def test_features_shape_and_dtype() -> None:
    doc, out = _run("The the report was late.\n\nEverything else is fine here.")
    assert out.features.shape == (len(doc.passages), len(NAMES))
    assert out.features.dtype == np.float32
    assert out.features[0, NAMES.index("doubled_word_count")] == 1.0
    assert out.features[1, NAMES.index("doubled_word_count")] == 0.0


def test_empty_document() -> None:
    doc, out = _run("")
    assert out.features.shape == (0, len(NAMES))
    assert out.findings == ()


def test_passage_statistics_without_findings() -> None:
    _, clean = _run("The council approved the new budget for schools and hospitals on Tuesday.")
    _, noisy = _run("Tbe cormcil aproved tlie nevv bndget for sclrools aud liospitals ou Tuesdav.")
    col = NAMES.index("mean_word_zipf")
    assert clean.features[0, col] > noisy.features[0, col]
    assert noisy.features[0, NAMES.index("nonword_share")] > clean.features[0, NAMES.index("nonword_share")]
    assert 0.0 <= clean.features[0, NAMES.index("capitalised_share")] <= 1.0


def test_repeated_content_word_ratio() -> None:
    _, out = _run("Sanctions, sanctions and more sanctions were imposed.")
    assert out.features[0, NAMES.index("repeated_content_word_ratio")] > 0.3


def test_spans_are_exact() -> None:
    text = "He said tbe talks in the city in the city would go on."
    _, out = _run(text)
    assert {(f.rule, f.text) for f in out.findings} == {
        ("garble.nonword", "tbe"),
        ("garble.repetition", "in the city in the city"),
    }
    for f in out.findings:
        assert text[f.start : f.end] == f.text


def test_allow_list() -> None:
    _, out = _run("Researchers at tbe institute agreed.", Config().with_overrides(allow=["tbe"]))
    assert out.findings == ()


def test_doubled_word_across_line_break_is_not_flagged() -> None:
    _, out = _run("Meet me at the\nthe station is closed")
    assert not [f for f in out.findings if f.rule == "garble.doubled_word"]


def test_foreign_passage_is_not_flagged_word_by_word() -> None:
    _, out = _run("Президент заявил, что санкции будут введены в ближайшее время.")
    assert out.findings == ()


def test_tables() -> None:
    assert "of" in forbidden_pairs()["the"]
    assert "the" not in forbidden_pairs().get("of", frozenset())
    assert ocr_correction("rnorning") == "morning"
    assert ocr_correction("house") is None or ocr_correction("house") != "house"
    assert {"said", "took", "announced"} <= verb_lexicon()


def test_rules_are_prefixed_and_documented() -> None:
    for rule in EXTRACTOR.rules:
        assert rule.id.startswith("garble.")
        assert rule.explanation and rule.message


def test_lowercase_rule_needs_consistently_cased_text() -> None:
    formal = (
        "Protests went on for a third week. President Putin was criticised for arrests in the capital moscow, observers said."
    )
    casual = "i went to moscow last week lol, it was cold and the food was great."
    _, out = _run(formal)
    assert [(f.rule, f.text, f.suggestion) for f in out.findings] == [("garble.lowercase", "moscow", "Moscow")]
    _, out = _run(casual)
    assert not [f for f in out.findings if f.rule == "garble.lowercase"]


def test_word_case_table_loads() -> None:
    from detector.extractors.garble import capitalisable_words, proper_only_words, word_case

    assert word_case()["moscow"] > 0.97
    assert "moscow" in proper_only_words() and "april" in proper_only_words()
    assert "united" not in proper_only_words()  # also an ordinary verb
    assert "bill" in capitalisable_words() and "bill" not in proper_only_words()


def test_mt_counts_extend_the_forbidden_pairs() -> None:
    from detector.extractors.garble import function_bigrams

    table = function_bigrams()
    assert table.mt_total > table.total  # the MT output corpus is the larger one
    assert "his" in forbidden_pairs()["he"]  # "he his": never in clean English nor in MT output
    assert "and" not in forbidden_pairs().get("our", frozenset())  # "our and their children"


def test_rules_are_listed_and_counted_in_their_feature_columns() -> None:
    assert {"garble.lowercase", "garble.untranslated"} <= {r.id for r in EXTRACTOR.rules}
    assert NAMES[-2:] == ("untranslated_count", "lowercase_count")
    _, out = _run("Officials said the bridge will stay closed pendant les travaux for two months.")
    assert out.features[0, NAMES.index("untranslated_count")] == 1.0


def test_ocr_damage_suggestions() -> None:
    _, out = _run("The council pIans to close tbe library, and the decision came onWednesday after ambi- tion grew.")
    found = {(f.text, f.suggestion) for f in out.findings}
    assert {("pIans", "plans"), ("tbe", "the"), ("onWednesday", "on Wednesday"), ("ambi- tion", "ambition")} <= found


def test_name_case_table_loads() -> None:
    from detector.extractors.garble import name_case

    names = {words: title for entries in name_case().values() for words, title in entries}
    assert names[("gaza", "strip")] == "Gaza Strip"
    assert names[("united", "nations")] == "United Nations"
    assert ("white", "house") not in names  # ordinary words only: "the white house on the corner"
    assert ("interior", "ministry") not in names  # generic head: often lower case in news
    assert not any(words[-1] == "president" for words in names)  # "Russian President" is no name


def test_name_sequences_count_capitalised_names_only_when_complete() -> None:
    from training.build_collocations import _name_sequences

    seqs = {low: (cap, lower) for low, cap, lower in _name_sequences("Fighting in the Gaza Strip went on, said Executive Editor Jane Roe.")}
    assert seqs[("gaza", "strip")] == (True, False)
    assert seqs[("executive", "editor")][0] is False  # a title before a name, not a name
    assert ("in", "the", "gaza") not in seqs  # function words never open a name


def test_name_case_counts_vote_once_per_segment() -> None:
    from training.build_collocations import name_case_counts

    units = [["He sailed the Red Sea, they said."]] * 6 + [["They ate red sea bream.", "They ate red sea bream.", "They ate Red Sea bream."]]
    assert name_case_counts(units)[("red", "sea")] == (7, 6)  # one lower-case vote for the copied segment


def test_case_only_build_writes_only_the_case_tables(tmp_path) -> None:
    import gzip
    import json

    from training.build_collocations import main

    data = tmp_path / "data"
    (data / "clean_en").mkdir(parents=True)
    (data / "en_source").mkdir()
    rows = [{"doc_id": f"d{i}", "text": "Talks resumed in the Gaza Strip and in Moscow on Monday, officials said."} for i in range(200)]
    with gzip.open(data / "clean_en" / "news_test.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write("\n".join(json.dumps(r) for r in rows) + "\n")
    out = tmp_path / "out"
    main(["--data", str(data), "--out", str(out), "--case-only"])
    assert sorted(p.name for p in out.iterdir()) == ["garble_name_case.tsv.gz", "garble_word_case.tsv.gz"]
    names = gzip.open(out / "garble_name_case.tsv.gz", "rt", encoding="utf-8").read().splitlines()
    assert names[0].startswith("# ") and "build_collocations.py" in names[0]
    assert any(line.startswith("gaza strip\t1.000\t") for line in names[2:])


def test_repeated_sentence_flags_its_first_occurrence_once() -> None:
    text = (
        "Oil output fell sharply in the third quarter of the year. Prices rose. "
        "Oil output fell sharply in the third quarter of the year. Oil output fell sharply in the third quarter of the year."
    )
    _, out = _run(text)
    repeats = [f for f in out.findings if f.rule == "garble.repetition"]
    assert len(repeats) == 1
    assert repeats[0].start == 0 and repeats[0].text == "Oil output fell sharply in the third quarter of the year"


def test_short_or_informal_repeated_sentences_are_left_alone() -> None:
    _, short = _run("Thank you very much. We met the team. Thank you very much.")
    _, lyric = _run("oh we will rock the house tonight, yeah. we will rock the house tonight, yeah.")
    assert [f for f in short.findings + lyric.findings if f.rule == "garble.repetition"] == []


def test_dropped_words_count_in_the_word_order_column() -> None:
    doc, out = _run("Customers who affected should change their passwords. The fee was reported undisclosed be to £40m.")
    col = NAMES.index("word_order_count")
    assert sum(out.features[:, col]) == 2.0
    assert {f.text for f in out.findings} == {"who affected", "undisclosed be"}
    for f in out.findings:
        assert doc.text[f.start : f.end] == f.text


def test_two_noun_phrases_need_a_non_ditransitive_verb_and_a_clause_end() -> None:
    flagged = "The firm said it would appeal the court the decision."
    _, out = _run(flagged)
    assert [(f.rule, f.text) for f in out.findings] == [("garble.word_order", "the court the decision")]
    for clean in (
        "The firm said it would send the court the decision.",
        "The firm said it would appeal the day the decision was published.",
    ):
        assert _run(clean)[1].findings == ()
