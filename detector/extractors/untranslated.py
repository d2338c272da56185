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
("die", "is", "pro") never fire on their own. Two more kinds of run count: a lower-case run whose
words are, summed, far more frequent in one language than in English ("por lo tanto", "nel corso
della": MIN_RUN_MARGIN), and a German noun after a lower-case German word ("die Regierung", "im
Rahmen der") that does not continue a capitalised name ("Bundesamt für Verfassungsschutz").
Runs inside quotation marks (quoted foreign speech, titles of songs and books) and a list of loan
phrases English writes as they are ("coup d'état", "joie de vivre", "la Liga") are skipped.
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

import regex

from ..text import Passage

TABLE = "foreign_words.tsv.gz"
STRONG_MAX_EN_ZIPF = 2.5  # a lower-case word rarer than this in English anchors a run
MIN_RUN = 2
# A lower-case run without such a word still counts when its words are, summed, this many Zipf
# units more frequent in their language than in English ("por lo tanto": 3.5 + 2.8 + 3.2).
MIN_RUN_MARGIN = 7.0
_QUOTES = frozenset("\"“”«»„")
# Frequent function words of the 14 languages (all in the table). A passage with one of them, or
# with a lower-case word English practically never uses, is worth loading the table for
# (garble.find_untranslated); every other passage skips it, which keeps the cold start short.
GATE_WORDS = frozenset(
    """
    los las del por una con para pero según sin más también como
    les des une dans pour avec sur sont qui cette aux du pas nous vous être
    die der den dem des das und ist im zum zur auf für mit nach von bei über einer eine einen nicht sich auch wird werden
    della delle degli nel nella gli sono che il anche questo dal alla
    não uma com os dos das pelo pela são muito
    het een voor niet zijn dat
    się nie jest że przez oraz
    että ja ei och att det är som för på és hogy egy și în pentru yang dengan untuk bir için že jsou
    """.split()
)
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
    san josé|santa fe|buenos aires|rio de janeiro|porto alegre|belo horizonte|são paulo|sao paulo|
    de minimis|non curat|nemo dat|quod non|res ipsa|ipsa loquitur|pacta sunt|sunt servanda|mutatis mutandis|
    inter alia|ab initio|ad libitum|ex parte|sine die|prima facie|obiter dicta|mens rea|actus reus|per curiam|
    in loco parentis|e pluribus unum|semper fidelis|carpe diem|ergo sum|in excelsis|agnus dei|dominus vobiscum|
    cum spiritu|spiritu tuo|requiescat in pace|kyrie eleison|ave maria|gratia plena|pax vobiscum|deo gratias|
    dieu et mon droit|honi soit|qui mal y pense|que sera|feliz navidad|próspero año|buen provecho|por favor|
    muchas gracias|grazie mille|merci beaucoup|danke schön|auf wiedersehen|guten tag|bonne chance|bon courage|
    far niente|dolce far niente|mezza luna|ligne claire
    """.replace("\n", "").split("|")
)
# Words just before a run that announce a mention of foreign words rather than a translation
# left-over: "the motto Dieu et mon droit", "the poster read Ni una menos", "as the Germans say,
# Ende gut, alles gut", "in the Spanish version, Sí se puede". Reporting verbs ("said") are
# deliberately missing: "the minister said that los trabajadores" is the typical MT slip.
_MENTION_CUE = regex.compile(
    r"\b(?:mottos?|slogans?|sayings?|proverbs?|phrases?|expressions?|maxims?|dictum|doctrine|principle|"
    r"inscription|inscribed|posters?|banners?|placards?|signs?|chant(?:s|ed)?|read|reads|titled|entitled|"
    r"known as|called|dubbed|nicknamed|catchphrase|watchword|refrain|lyrics?|song|anthem|hymn|prayer|"
    r"greeted \w+ with|wished \w+|exclaimed|shouted|sang|sings|(?:goes|say|says|put it|call it)[,:]|"
    r"(?:Latin|Greek|German|French|Spanish|Italian|Portuguese|Dutch|Czech|Polish|Turkish|Romanian|Swedish|"
    r"Indonesian|Hungarian|Finnish|Catalan|Basque|Galician|Danish|Norwegian|Irish|Welsh|Swahili)"
    r"(?:s? (?:say|says|call it|for|phrase|word|words|motto|saying|proverb|version|expression|term)|,|:))"
    r"(?:(?<=[,:])|\b)"  # a whole cue word: "signs", not "signed"
    r"[\s,:—–-]*(?:\w+[\s,]+){0,3}$",
    regex.IGNORECASE,
)
_MENTION_WINDOW = 80  # characters before the run searched for a cue (same sentence only)
_SENTENCE_END = regex.compile(r"[.!?]\s+")
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
        if j - i >= MIN_RUN and (_anchored(words, hits, i, j) or _foreign_enough(words, hits, i, j) or _german_noun(words, hits, i, j)) \
                and not _excused(passage, lowered, i, j):
            langs = [h.lang for h in hits[i:j] if h is not None]
            out.append((words[i].start, words[j - 1].end, max(sorted(set(langs)), key=langs.count)))  # sorted: the same language in every process
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


def _foreign_enough(words, hits, i: int, j: int) -> bool:
    """A lower-case run made of foreign function words and common words ("por lo tanto", "nel corso
    della", "el gobierno"): together far more likely in one language than in English."""
    if any(not words[k].text[:1].islower() for k in range(i, j)) or len({words[k].text for k in range(i, j)}) < 2:
        return False  # capitalised words are names; "la la la" is a song
    langs = [hits[k].lang for k in range(i, j)]
    main = max(sorted(set(langs)), key=langs.count)
    if len(langs) - langs.count(main) > (len(langs) - 1) // 2:
        return False
    return sum(hits[k].zipf - hits[k].zipf_en for k in range(i, j)) >= MIN_RUN_MARGIN


def _german_noun(words, hits, i: int, j: int) -> bool:
    """A German noun (capitalised, practically never English) after a lower-case German word of the
    same run ("die Regierung", "im Rahmen der"), and the run does not continue a capitalised name
    ("Bundesamt für Verfassungsschutz")."""
    if i > 0 and words[i - 1].text[:1].isupper():
        return False
    return any(
        words[k].text[:1].isupper() and hits[k].lang == "de" and hits[k].zipf_en < STRONG_MAX_EN_ZIPF
        and hits[k - 1].lang == "de" and words[k - 1].text[:1].islower()
        for k in range(i + 1, j)
    )


def _excused(passage: Passage, lowered: list[str], i: int, j: int) -> bool:
    """A loan phrase, a run inside quotation marks, a capitalised title or motto in mid-sentence
    ("with Honi soit qui mal y pense on the garter"), or foreign words announced as a mention
    ("the slogan ...", "as the Germans say, ...")."""
    run = " ".join(lowered[i:j])
    if any(phrase in run for phrase in LOAN_PHRASES if len(phrase) <= len(run)):
        return True
    # the run may be the middle of a longer loan phrase ("Honi [soit qui mal] y pense")
    wider = " ".join(lowered[max(0, i - 2) : j + 2])
    if wider != run and any(phrase in wider and not set(phrase.split()).isdisjoint(lowered[i:j]) for phrase in LOAN_PHRASES):
        return True
    before = passage.text[: passage.words[i].start - passage.start]
    if sum(ch in _QUOTES for ch in before) % 2 == 1 or before.count("'") % 2 == 1 and before.rstrip().endswith("'"):
        return True
    return _titled_mid_sentence(passage, i, before) or _announced(before) or _inside_name(passage, i, j)


def _titled_mid_sentence(passage: Passage, i: int, before: str) -> bool:
    """The run starts with a capital inside a sentence: a title, motto or name ("the slogan ...
    Sí se puede", "the poster read Ni una menos"). Left-over source text keeps the sentence's
    lower case ("said that los trabajadores will", "Kim Kardashian de acordo com")."""
    if not passage.words[i].text[:1].isupper():
        return False
    head = before.rstrip(" \t\"“‘«(")
    return bool(head) and head[-1] not in ".!?:\n"


def _inside_name(passage: Passage, i: int, j: int) -> bool:
    """A particle between two parts of a name ("Daniel arap Moi", "Ludwig van Beethoven"): the
    run ends with a capitalised word and follows a capitalised word."""
    words = passage.words
    if not (i > 0 and words[i - 1].text[:1].isupper() and words[j - 1].text[:1].isupper()):
        return False
    return passage.text[words[i - 1].end - passage.start : words[i].start - passage.start] == " "


def _announced(before: str) -> bool:
    """A cue in the same sentence, at most a few words before the run."""
    window = before[-_MENTION_WINDOW:]
    ends = list(_SENTENCE_END.finditer(window))
    if ends:
        window = window[ends[-1].end() :]
    return bool(_MENTION_CUE.search(window))
