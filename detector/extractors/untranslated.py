"""Untranslated words in Latin script, for the `garble.untranslated` rule (detector/extractors/garble.py).

Machine translation sometimes leaves a phrase of the source language in the English output
("the minister said that los trabajadores will receive", "closed pendant les travaux"). Non-Latin
script is `garble.foreign_script`; this module finds Latin-script runs with the frequency lists of
14 other languages (detector/data/foreign_words.tsv.gz, built by training/build_foreign_words.py
from wordfreq: common words there that English rarely uses).

A run is flagged only when it is at least two adjacent words, every word of it is common in one
language and much less common in English, and at least one of them is a lower-case word that
English practically never uses (English Zipf < STRONG_MAX_EN_ZIPF). So names ("Gonzalez",
"Regierung" alone), single loanwords ("pendant", "regime") and English words that are also foreign
("die", "is", "pro") never fire on their own. Runs inside quotation marks (quoted foreign speech,
titles of songs and books) and a list of loan phrases English writes as they are ("coup d'état",
"joie de vivre", "la Liga") are skipped.
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from ..text import Passage

TABLE = "foreign_words.tsv.gz"
STRONG_MAX_EN_ZIPF = 2.5  # a lower-case word rarer than this in English anchors a run
MIN_RUN = 2
_QUOTES = frozenset("\"“”«»„")
# Loan phrases and foreign names that English news writes untranslated (lower-case forms).
LOAN_PHRASES = frozenset(
    """
    coup d'état|coup d’état|coup d'etat|joie de vivre|raison d'être|raison d’être|raison d'etre|fait accompli|
    pièce de résistance|piece de resistance|tour de force|hors de combat|en masse|en route|en passant|en bloc|
    à la carte|a la carte|à la mode|déjà vu|deja vu|c'est la vie|c’est la vie|la vie|savoir faire|savoir-faire|
    laissez faire|laissez-faire|de facto|de jure|per se|per cent|pro rata|pro bono|quid pro quo|status quo|
    ad hoc|ad nauseam|ad infinitum|bona fide|mea culpa|modus operandi|sine qua non|in situ|in vitro|in vivo|
    et al|et cetera|vice versa|alma mater|persona non grata|non sequitur|habeas corpus|pro forma|
    la liga|la niña|el niño|la nina|el nino|fin de siècle|belle époque|nouveau riche|haute couture|
    cause célèbre|cause celebre|enfant terrible|femme fatale|je ne sais quoi|noblesse oblige|
    für deutschland|fur deutschland|die linke|die grünen|die welt|die zeit|der spiegel|le monde|le figaro|
    el país|el pais|la repubblica|la stampa|corriere della sera|il sole|de telegraaf|la nación|la nacion|
    hasta la vista|mi casa|dolce vita|la dolce vita|al fresco|al dente|prima donna|bon appétit|bon appetit|
    bon voyage|cul de sac|cul-de-sac|tête-à-tête|vis-à-vis|vis a vis|sotto voce|terra incognita|terra firma|
    paso doble|café au lait|cafe au lait|fille de chambre|maître d'|crème brûlée|creme brulee|crème de la crème|
    au pair|au revoir|bon vivant|film noir|art nouveau|art deco|avant garde|avant-garde|papier mâché|lingua franca|
    objet d'art|idée fixe|esprit de corps|force majeure|grand prix|pas de deux|carte blanche|tabula rasa|
    mise en scène|mise en place|pied à terre|pied-à-terre|trompe l'oeil|rendez vous|rendez-vous|hors d'oeuvre|
    hors d'oeuvres|bête noire|beau monde|bon mot|haute cuisine|nom de guerre|nom de plume|par excellence|sans serif|
    table d'hôte|vol au vent|ancien régime|ancien regime|cordon bleu|eau de cologne|eau de toilette|petit four|
    coup de grâce|coup de grace|de rigueur|amour propre|aide de camp|agent provocateur|esprit de l'escalier|
    volte face|volte-face|tour de france|giro d'italia|vuelta a españa|champs élysées|champs elysees|
    arc de triomphe|notre dame|la scala|la sagrada|sagrada familia|la paz|los angeles|las vegas|el paso|
    san josé|santa fe|buenos aires|rio de janeiro|porto alegre|belo horizonte|são paulo|sao paulo
    """.replace("\n", "").split("|")
)
LOAN_PHRASES = frozenset(p.strip() for p in LOAN_PHRASES if p.strip())


class ForeignWord(NamedTuple):
    lang: str
    zipf: float
    zipf_en: float


@lru_cache(maxsize=1)
def foreign_words() -> dict[str, ForeignWord]:
    """word (lower case) -> its language, Zipf there and in English (loaded once)."""
    out: dict[str, ForeignWord] = {}
    with resources.files("detector").joinpath("data", TABLE).open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith(("#", "word\t")):
                continue
            word, lang, z, en = line.rstrip("\n").split("\t")
            out[word] = ForeignWord(lang, float(z), float(en))
    return out


def untranslated_runs(passage: Passage) -> list[tuple[int, int, str]]:
    """(start, end, language) of each untranslated run in the passage (offsets into the document)."""
    words = passage.words
    lowered = passage.lowered_words
    table = foreign_words()
    hits = [table.get(w) for w in lowered]
    if sum(h is not None for h in hits) < MIN_RUN:
        return []
    out: list[tuple[int, int, str]] = []
    text = passage.text
    i, n = 0, len(words)
    while i < n:
        if hits[i] is None:
            i += 1
            continue
        j = i + 1
        while j < n and hits[j] is not None and _adjacent(text, words[j - 1].end - passage.start, words[j].start - passage.start):
            j += 1
        if j - i >= MIN_RUN and _anchored(words, hits, i, j) and not _excused(passage, lowered, i, j):
            langs = [h.lang for h in hits[i:j] if h is not None]
            out.append((words[i].start, words[j - 1].end, max(set(langs), key=langs.count)))
        i = j
    return out


def _adjacent(text: str, end: int, start: int) -> bool:
    """Only a space between two words (no comma, full stop or quote)."""
    return text[end:start].isspace() or end == start


def _anchored(words, hits, i: int, j: int) -> bool:
    """At least one lower-case word of the run is practically never English."""
    return any(
        words[k].text[:1].islower() and hits[k].zipf_en < STRONG_MAX_EN_ZIPF and len(words[k].text) >= 3 for k in range(i, j)
    )


def _excused(passage: Passage, lowered: list[str], i: int, j: int) -> bool:
    """A loan phrase, or a run inside quotation marks."""
    run = " ".join(lowered[i:j])
    if any(phrase in run for phrase in LOAN_PHRASES if len(phrase) <= len(run)):
        return True
    before = passage.text[: passage.words[i].start - passage.start]
    return sum(ch in _QUOTES for ch in before) % 2 == 1 or before.count("'") % 2 == 1 and before.rstrip().endswith("'")
