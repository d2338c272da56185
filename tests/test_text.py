"""The text model (detector/text.py): paragraphs, sentences, tokens and passages with exact
half-open code-point offsets into the original text.

Concrete examples first (what a reader would call a sentence), then Hypothesis properties on
arbitrary Unicode and on texts built from awkward realistic pieces.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detector.text import MAX_PASSAGE_CHARS, MAX_PASSAGE_SENTENCES, MAX_SENTENCE_CHARS, Document, tokenize


def sentences(text: str) -> list[str]:
    return [s.text for s in Document(text).sentences]


def paragraphs(text: str) -> list[str]:
    return [p.text for p in Document(text).paragraphs]


# ------------------------------------------------------------------------------------------
# Sentence splitting: examples
# ------------------------------------------------------------------------------------------

SENTENCE_CASES = [
    # titles, months with a day, times, decimals and a country initialism before a proper noun
    (
        "Mr. Smith went to Washington. He met Dr. Jones on Jan. 13 at 10.30 a.m. in the U.S. Capitol.",
        ["Mr. Smith went to Washington.", "He met Dr. Jones on Jan. 13 at 10.30 a.m. in the U.S. Capitol."],
    ),
    (
        "The U.S. economy grew 3.5% in Q3. Analysts said the figure beat forecasts.",
        ["The U.S. economy grew 3.5% in Q3.", "Analysts said the figure beat forecasts."],
    ),
    ('"Stop!" she said. He left.', ['"Stop!" she said.', "He left."]),
    ('"Is it over?" he asked. Nobody answered.', ['"Is it over?" he asked.', "Nobody answered."]),
    ('He asked, "Is it over?" Nobody answered.', ['He asked, "Is it over?"', "Nobody answered."]),
    ("He said “It is over.” Then he left.", ["He said “It is over.”", "Then he left."]),
    (
        "He said it was “a disaster.” “We will fix it,” he added.",
        ["He said it was “a disaster.”", "“We will fix it,” he added."],
    ),
    ("(The vote was close.) It passed anyway.", ["(The vote was close.)", "It passed anyway."]),
    ("He lives at No. 10 Downing Street. The prime minister does too.", ["He lives at No. 10 Downing Street.", "The prime minister does too."]),
    ("He was ranked No. 1. Then he lost.", ["He was ranked No. 1.", "Then he lost."]),
    ("He cited a study (see p. 5) on the issue. It was old.", ["He cited a study (see p. 5) on the issue.", "It was old."]),
    ("Officials arrived on Jan. 5. Talks began on Feb. 6.", ["Officials arrived on Jan. 5.", "Talks began on Feb. 6."]),
    # an abbreviation that also ends the sentence
    ("She moved to the U.S. Then she found work.", ["She moved to the U.S.", "Then she found work."]),
    ("She lives in the U.K. Her sister does too.", ["She lives in the U.K.", "Her sister does too."]),
    ("The meeting ended at 5 p.m. The talks resume on Monday.", ["The meeting ended at 5 p.m.", "The talks resume on Monday."]),
    ("They met at 10 a.m. Officials said the talks went well.", ["They met at 10 a.m.", "Officials said the talks went well."]),
    ("The company is based in Washington, D.C. It employs 300 people.", ["The company is based in Washington, D.C.", "It employs 300 people."]),
    # an abbreviation inside the sentence, before a capitalised word
    ("The U.N. Security Council met. It voted.", ["The U.N. Security Council met.", "It voted."]),
    ("The vote is set for 10 a.m. Tuesday in the U.S. Senate.", ["The vote is set for 10 a.m. Tuesday in the U.S. Senate."]),
    ("It was 10 p.m. ET on Monday. Polls closed.", ["It was 10 p.m. ET on Monday.", "Polls closed."]),
    ("J. K. Rowling wrote it. It sold well.", ["J. K. Rowling wrote it.", "It sold well."]),
    ("J.K. Rowling wrote it. It sold well.", ["J.K. Rowling wrote it.", "It sold well."]),
    ("Harry S. Truman won. He served two terms.", ["Harry S. Truman won.", "He served two terms."]),
    ("Gen. Milley spoke. Adm. Smith listened.", ["Gen. Milley spoke.", "Adm. Smith listened."]),
    ("He met Mrs. Brown at St. Paul's Cathedral.", ["He met Mrs. Brown at St. Paul's Cathedral."]),
    ("The firm, Acme Corp., reported losses. Shares fell.", ["The firm, Acme Corp., reported losses.", "Shares fell."]),
    ("He works for Apple Inc. and lives in Cupertino.", ["He works for Apple Inc. and lives in Cupertino."]),
    ("She earned a Ph.D. in physics. Then she taught.", ["She earned a Ph.D. in physics.", "Then she taught."]),
    ("See e.g. the annual report. It is long.", ["See e.g. the annual report.", "It is long."]),
    # numbers, units, money and times
    ("It cost $1.5 million. That was too much.", ["It cost $1.5 million.", "That was too much."]),
    ("The Dow fell 1.2%. The S&P 500 fell 0.8%.", ["The Dow fell 1.2%.", "The S&P 500 fell 0.8%."]),
    ("Talks began at 9:30 a.m. on Friday. They ended late.", ["Talks began at 9:30 a.m. on Friday.", "They ended late."]),
    ("It ended in a draw. 2,000 fans left early.", ["It ended in a draw.", "2,000 fans left early."]),
    ("Temperatures hit 40°C. Schools closed.", ["Temperatures hit 40°C.", "Schools closed."]),
    ("He took vitamin C. It helped.", ["He took vitamin C.", "It helped."]),
    # other terminal punctuation
    ("What?! No way... He refused.", ["What?!", "No way...", "He refused."]),
    ("Wait... what happened? Nobody knows!", ["Wait... what happened?", "Nobody knows!"]),
    ("[1] The study was retracted. [2] A new one began.", ["[1] The study was retracted.", "[2] A new one began."]),
    # scripts without upper case still split; NBSP and tabs are spaces
    (
        "He said שלום עליכם. Then left. قال الرئيس. ثم غادر.",
        ["He said שלום עליכם.", "Then left.", "قال الرئيس.", "ثم غادر."],
    ),
    ("Mr.\u00a0Smith went home.\u00a0He slept.", ["Mr.\u00a0Smith went home.", "He slept."]),
    ("Rain fell.\tThe match was delayed.", ["Rain fell.", "The match was delayed."]),
    ("Great win 🎉. Fans 👨‍👩‍👧 cheered! Next game soon.", ["Great win 🎉.", "Fans 👨‍👩‍👧 cheered!", "Next game soon."]),
    ("Cafe\u0301 owners protested. The mayor listened.", ["Cafe\u0301 owners protested.", "The mayor listened."]),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCE_CASES, ids=[c[0][:40] for c in SENTENCE_CASES])
def test_sentence_examples(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_sentence_offsets_index_the_original_text() -> None:
    text = "Mr. Smith went to Washington.  He met Dr. Jones on Jan. 13."
    doc = Document(text)
    assert [(s.start, s.end) for s in doc.sentences] == [(0, 29), (31, 59)]
    for s in doc.sentences:
        assert text[s.start : s.end] == s.text


def test_astral_characters_count_as_one_code_point() -> None:
    # offsets are code points (as Python indexes str), not UTF-16 units or bytes
    text = "🎉🎉 Fans cheered. The team won."
    doc = Document(text)
    assert [(s.start, s.end) for s in doc.sentences] == [(0, 16), (17, 30)]
    fans = next(t for t in doc.tokens if t.text == "Fans")
    assert (fans.start, fans.end) == (3, 7)


# ------------------------------------------------------------------------------------------
# Paragraphs
# ------------------------------------------------------------------------------------------


def test_blank_lines_separate_paragraphs_with_crlf() -> None:
    text = "Storm hits coast\r\n\r\nThe storm reached the coast on Sunday. Power failed.\r\n\r\n\r\nRepairs began on Monday."
    doc = Document(text)
    assert [p.text for p in doc.paragraphs] == [
        "Storm hits coast",
        "The storm reached the coast on Sunday. Power failed.",
        "Repairs began on Monday.",
    ]
    # the third paragraph starts after both CRLF pairs: offsets count the \r characters
    assert doc.paragraphs[2].start == text.index("Repairs")
    assert [s.paragraph for s in doc.sentences] == [0, 1, 1, 2]


def test_one_paragraph_per_line_when_lines_end_like_sentences() -> None:
    text = "The minister resigned on Friday.\nHer deputy will act until an election.\nMarkets barely moved."
    assert paragraphs(text) == text.split("\n")


def test_hard_wrapped_prose_stays_one_paragraph() -> None:
    text = (
        "The committee published its long-awaited report on the future of regional\n"
        "rail services on Wednesday, recommending that the government restore several\n"
        "lines closed in the 1960s and build two new stations near the airport."
    )
    doc = Document(text)
    assert len(doc.paragraphs) == 1
    assert len(doc.sentences) == 1
    assert doc.sentences[0].text == text


def test_unicode_paragraph_separator_and_tabs() -> None:
    text = "\tFirst paragraph here.\u2029\tSecond paragraph here."
    assert paragraphs(text) == ["First paragraph here.", "Second paragraph here."]


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", "\r\n\r\n", "\t \u00a0\u2003\n \u3000", "\u2029\u2028\x0b\x0c"])
def test_whitespace_only_text_has_no_units(text: str) -> None:
    doc = Document(text)
    assert doc.paragraphs == () and doc.sentences == () and doc.passages == () and doc.tokens == ()


# ------------------------------------------------------------------------------------------
# Tokens
# ------------------------------------------------------------------------------------------


def test_tokens_keep_contractions_hyphens_and_decimals_together() -> None:
    toks = tokenize("Prices don't fall: the Indo-Pacific index rose 3.5% to 1,200.")
    words = [t.text for t in toks if t.is_word]
    assert words == ["Prices", "don't", "fall", "the", "Indo-Pacific", "index", "rose", "3.5", "to", "1", "200"]
    symbols = [t.text for t in toks if not t.is_word]
    assert symbols == [":", "%", ",", "."]


def test_emoji_sequences_and_combining_marks_are_single_tokens() -> None:
    family, flag, thumbs = "👨\u200d👩\u200d👧", "🇺🇸", "👍🏽"
    text = f"Fans {family} waved {flag} and {thumbs}. Cafe\u0301 closed."
    toks = tokenize(text)
    texts = [t.text for t in toks]
    assert family in texts and flag in texts and thumbs in texts
    assert "Cafe\u0301" in texts  # the combining accent stays with its letter
    for t in toks:
        assert text[t.start : t.end] == t.text


def test_tokens_of_right_to_left_text() -> None:
    text = "The sign read \u200fشارع الملك\u200f and שלום."
    toks = tokenize(text)
    words = [t.text for t in toks if t.is_word]
    assert "شارع" in words and "الملك" in words and "שלום" in words
    for t in toks:
        assert text[t.start : t.end] == t.text and not t.text.isspace()


def test_token_offsets_are_shifted_by_passage_start() -> None:
    text = "Intro line here.\r\n\r\nSecond paragraph, with\ttabs and\u00a0spaces."
    doc = Document(text)
    for p in doc.passages:
        for t in p.tokens:
            assert text[t.start : t.end] == t.text
    assert [t.text for t in doc.passages[1].words] == ["Second", "paragraph", "with", "tabs", "and", "spaces"]


def test_combining_mark_after_a_space_is_not_glued_to_the_space() -> None:
    text = "He wrote \u0301 there."
    for t in tokenize(text):
        assert not t.text[0].isspace()


# ------------------------------------------------------------------------------------------
# Passages
# ------------------------------------------------------------------------------------------


def test_long_paragraph_is_cut_into_windows_of_a_few_sentences() -> None:
    body = " ".join(f"Officials counted {n} more ballots in the northern district." for n in range(1, 11))
    text = "Election count continues\n\n" + body + "\n\nResults are due on Friday."
    doc = Document(text)
    assert MAX_PASSAGE_SENTENCES <= 5  # "a few"
    middle = [p for p in doc.passages if p.paragraph == 1]
    assert len(middle) >= 10 // MAX_PASSAGE_SENTENCES
    assert all(1 <= len(p.sentences) <= MAX_PASSAGE_SENTENCES for p in middle)
    # the windows cover the paragraph's sentences in order, none twice
    assert [s for p in middle for s in p.sentences] == [s for s in doc.sentences if s.paragraph == 1]
    # passages never cross a paragraph boundary
    assert doc.passages[0].text == "Election count continues"
    assert doc.passages[-1].text == "Results are due on Friday."


def test_short_paragraphs_are_one_passage_each() -> None:
    text = "The bridge reopened on Monday. Traffic was light.\n\nThe council thanked the workers."
    doc = Document(text)
    assert [p.text for p in doc.passages] == [
        "The bridge reopened on Monday. Traffic was light.",
        "The council thanked the workers.",
    ]
    assert [p.index for p in doc.passages] == [0, 1]


def test_text_without_sentence_ends_is_cut_into_bounded_chunks() -> None:
    words = ["inflation", "rates", "housing", "budget", "council", "election", "ministry"]
    text = " ".join(words[i % len(words)] for i in range(3000))  # about 24,000 characters, no period
    doc = Document(text)
    assert len(doc.sentences) > 1
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in doc.sentences)
    assert all(len(p.text) <= MAX_PASSAGE_CHARS for p in doc.passages)
    # nothing is lost: the chunks cover every word, in order
    assert " ".join(s.text for s in doc.sentences) == text


def test_passage_at_finds_the_passage_of_an_offset() -> None:
    text = "First paragraph.\n\nSecond paragraph."
    doc = Document(text)
    assert doc.passage_at(0) == 0
    assert doc.passage_at(text.index("Second")) == 1
    assert doc.passage_at(len(text) - 1) == 1
    assert Document("").passage_at(0) == -1


# ------------------------------------------------------------------------------------------
# Properties
# ------------------------------------------------------------------------------------------


def _check_spans(units, text: str, what: str) -> None:
    prev_end = 0
    for u in units:
        assert 0 <= u.start < u.end <= len(text), f"{what} out of bounds or empty: {u!r}"
        assert text[u.start : u.end] == u.text, f"{what} text differs from its slice: {u!r}"
        assert not u.text[0].isspace() and not u.text[-1].isspace(), f"{what} starts/ends with whitespace: {u!r}"
        assert u.start >= prev_end, f"{what}s overlap or are out of order at {u!r}"
        prev_end = u.end


def check_document(text: str) -> None:
    doc = Document(text)
    paras, sents, passages = doc.paragraphs, doc.sentences, doc.passages
    _check_spans(paras, text, "paragraph")
    _check_spans(sents, text, "sentence")
    _check_spans(passages, text, "passage")
    _check_spans(doc.tokens, text, "token")

    for s in sents:
        p = paras[s.paragraph]
        assert p.start <= s.start and s.end <= p.end, f"sentence {s!r} outside its paragraph {p!r}"
    # every non-space character is in some sentence: splitting never loses text
    covered = sum(s.end - s.start for s in sents)
    inner_space = sum(ch.isspace() for s in sents for ch in s.text)
    assert covered - inner_space == sum(not ch.isspace() for ch in text)

    # passages cover the sentences in order, each window inside one paragraph
    assert [s for p in passages for s in p.sentences] == list(sents)
    for i, p in enumerate(passages):
        assert p.index == i
        assert p.sentences and p.start == p.sentences[0].start and p.end == p.sentences[-1].end
        assert {s.paragraph for s in p.sentences} == {p.paragraph}
        assert len(p.sentences) <= MAX_PASSAGE_SENTENCES
        _check_spans(p.tokens, text, "passage token")
        for t in p.tokens:
            assert p.start <= t.start and t.end <= p.end
        assert p.words == tuple(t for t in p.tokens if t.is_word)
    # tokens cover every non-space character too
    assert sum(t.end - t.start for t in doc.tokens) - sum(ch.isspace() for t in doc.tokens for ch in t.text) == sum(
        not ch.isspace() for ch in text
    )


ANY_UNICODE = st.text(st.characters(exclude_categories=()), max_size=300)  # every category, surrogates too

PIECES = [
    "The", "minister", "said", "Mr.", "Dr.", "U.S.", "U.N.", "Jan.", "No.", "a.m.", "p.m.", "e.g.", "etc.",
    "3.5", "10:30", "1,200", "$4.5bn", "don't", "Indo-Pacific", "J.", "K.",
    ".", "!", "?", "?!", "...", "…", ",", ";", ":", '"', "'", "“", "”", "‘", "’", "«", "»", "(", ")", "[", "]",
    " ", " ", " ", "  ", "\t", "\n", "\r\n", "\n\n", "\r\n\r\n", "\u00a0", "\u2003", "\u3000", "\u2029", "\u2028", "\x0b", "\x1c",
    "👨\u200d👩\u200d👧", "🇺🇸", "👍🏽", "🎉", "\u200d", "\ufe0f", "e\u0301", "\u0301", "\u0301\u0302", "n\u0303",
    "مرحبا", "قال", "الرئيس", "שלום", "עליכם", "\u200f", "\u200e", "\u202b", "\u0600",
    "日本", "。", "\ufffd", "\x00", "\ud800",
]
REALISTIC = st.lists(st.sampled_from(PIECES), max_size=80).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANY_UNICODE)
def test_units_are_exact_slices_of_arbitrary_unicode(text: str) -> None:
    check_document(text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(REALISTIC)
def test_units_are_exact_slices_of_realistic_pieces(text: str) -> None:
    check_document(text)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES[:60]), min_size=200, max_size=600).map("".join))
def test_units_are_exact_slices_of_long_paragraphs(text: str) -> None:
    # long enough for multi-sentence windows and cut-up runs
    check_document(text)
