"""Organisations a name run does not reveal by its last word, recognised by their context:
a type noun before the name ("the campaign group Global Witness", "state miner Gécamines"), after it ("the Civic
Sovereignty party") or in apposition ("Mandiant, the Google-owned cybersecurity firm"); what a group is called ("a
hacking group known as Sandworm"); an outlet that is told or reports ("told Newswire", "first reported by Bloomberg");
a name that speaks as a thing, not a person ("TikTok said it had", "Meta, which owns ..., said", "NHS England says");
and an unknown acronym used as a noun ("part of GCHQ").
"""

from __future__ import annotations

import re

from ingest.extract.candidates import Named
from ingest.extract.context import ArticleText
from ingest.extract.normalise import name_key
from ingest.extract.runs import Run, person_like, preceding_norms
from ingest.extract.vocabulary import demonym_like

CONTEXT_CONFIDENCE = 0.7
ACRONYM_NOUN_CONFIDENCE = 0.6
_SPACE = re.compile(r"[ \t\u00a0]+")
_HYPHEN = re.compile(r"[-–‑]")
_DETERMINERS = {"a", "an", "the"}
_CALLED = (("known", "as"), ("calling", "itself"), ("calls", "itself"), ("called",), ("dubbed",), ("named",))
_MAX_APPOSITION_WORDS = 6
_MIN_ACRONYM_LETTERS = 3
_PLURAL = re.compile(r"[A-Z]{2,}s")  # "MPs", "NGOs": a plural common noun, not a name


def _joined(article: ArticleText, j: int) -> bool:
    """Word j follows word j-1 in the same sentence, joined by a space."""
    return 0 < j < len(article.words) and article.same_sentence(j - 1, j) and bool(_SPACE.fullmatch(article.words[j].gap))


def _lower(article: ArticleText, j: int) -> bool:
    return 0 <= j < len(article.words) and not article.words[j].capitalised


def _type_noun_ending_at(article: ArticleText, last: int) -> tuple[int, str] | None:
    """A type noun ('firm', 'campaign group') whose last word is word `last`: (its first word, its class)."""
    table = article.vocabulary.type_descriptors
    for length in (3, 2, 1):
        first = last - length + 1
        if first < 0 or not all(_lower(article, j) for j in range(first, last + 1)):
            continue
        if any(not (_joined(article, j) or _HYPHEN.fullmatch(article.words[j].gap)) for j in range(first + 1, last + 1)):
            continue
        kind = table.get(" ".join(article.norm(j) for j in range(first, last + 1)))
        if kind:
            return first, kind
    return None


def _a_nationality(article: ArticleText, run: Run) -> bool:
    return len(run.words) == 1 and demonym_like(article.norm(run.first))


def _typed_before(article: ArticleText, run: Run) -> str | None:
    """'the campaign group Global Witness', 'state miner Gécamines'."""
    if not _joined(article, run.first):
        return None
    found = _type_noun_ending_at(article, run.first - 1)
    return found[1] if found else None


def _typed_after(article: ArticleText, run: Run) -> str | None:
    """'the Civic Sovereignty party': a type noun right after the name, ending its phrase. (A lone word opening a
    sentence is any capitalised word: 'State miner X'.)"""
    table = article.vocabulary.type_descriptors
    if len(run.words) == 1 and article.starts_sentence(run.first):
        return None
    for length in (2, 1):
        stop = run.last + 1 + length
        if not all(_joined(article, j) and _lower(article, j) for j in range(run.last + 1, stop)):
            continue
        kind = table.get(" ".join(article.norm(j) for j in range(run.last + 1, stop)))
        if kind and not article.words[stop - 1].possessive and article.norm(stop) not in article.vocabulary.role_nouns:
            return kind
    return None


def _typed_in_apposition(article: ArticleText, run: Run) -> str | None:
    """'Mandiant, the Google-owned cybersecurity firm, said': a determiner, a few modifiers, a type noun."""
    words, vocab = article.words, article.vocabulary
    j = run.last + 1
    if j >= len(words) or words[j].gap.strip() != "," or not article.same_sentence(run.last, j) \
            or article.norm(j) not in _DETERMINERS:
        return None
    for last in range(j + 1, min(j + 1 + _MAX_APPOSITION_WORDS, len(words))):
        if not article.same_sentence(j, last) or not (_joined(article, last) or _HYPHEN.fullmatch(words[last].gap)):
            return None
        found = _type_noun_ending_at(article, last)
        if found is not None and not words[last].possessive and article.norm(last + 1) not in vocab.role_nouns:
            return found[1]
        if words[last].norm in vocab.stop_words and not _HYPHEN.fullmatch(words[last].gap):
            return None
    return None


def _called(article: ArticleText, run: Run) -> str | None:
    """'the group known as Sandworm', 'a network calling itself X': the class of the noun before the cue."""
    for cue in _CALLED:
        start = run.first - len(cue)
        if start < 1 or tuple(article.norm(j) for j in range(start, run.first)) != cue:
            continue
        found = _type_noun_ending_at(article, start - 1)
        if found is not None:
            return found[1]
    return None


def typed_by_context(article: ArticleText, run: Run, label: str) -> Named | None:
    if _a_nationality(article, run) or name_key(label) in article.vocabulary.platforms and not _speaks_as_thing(article, run):
        return None
    kind = _typed_before(article, run) or _called(article, run) or _typed_in_apposition(article, run) \
        or _typed_after(article, run)
    return Named(run.words, label, kind, CONTEXT_CONFIDENCE) if kind else None


def _surnames_so_far(article: ArticleText) -> set[str]:
    return {article.norm(f.tokens.stop - 1) for f in article.found if f.type == "Person"}


def media_by_context(article: ArticleText, run: Run, label: str) -> Named | None:
    """'told Lisbon Daily Mail', 'told Newswire', 'first reported by Bloomberg', 'the Lisbon Gazette reported':
    outlets, unless the name looks personal."""
    before = [n for n in preceding_norms(article, run, 3) if n != "the"]
    after = [article.norm(j) for j in range(run.last + 1, run.last + 3) if article.same_sentence(j, run.last)]
    told = bool(before) and before[-1] == "told"
    published_by = before[-2:] in (["reported", "by"], ["published", "by"])
    reported = bool(after) and (after[0] in {"reported", "reports"} or after[:2] in (["also", "reported"], ["earlier", "reported"]))
    if not (told or published_by or reported):
        return None
    single_acronym = len(run.words) == 1 and article.words[run.first].acronym
    if (told or published_by) and not (single_acronym or len(run.label_words) >= 3
                                       or _one_unknown_name(article, run, told=told)):
        return None
    if reported and len(run.label_words) == 2 and person_like(article, run.words) and not single_acronym:
        return None
    return Named(run.words, label, "MediaOutlet", CONTEXT_CONFIDENCE)


def _one_unknown_name(article: ArticleText, run: Run, *, told: bool) -> bool:
    """'told Newswire': one word that is no one's surname here, not an institution ('told Parliament'), a plural
    ('told MPs') or a nationality modifying what follows ('told Czech public radio')."""
    if len(run.words) != 1:
        return False
    word = article.words[run.first]
    if word.norm in article.vocabulary.org_heads or word.norm in _surnames_so_far(article) or _PLURAL.fullmatch(word.text):
        return False
    if article.demonym_entry(run.first) is not None or demonym_like(word.norm):
        return False
    after = run.last + 1
    if _joined(article, after) and _lower(article, after) and article.norm(after) not in article.vocabulary.stop_words:
        return False
    # "told Smith, a ...": an apposition makes a person; after "reported by" a comma only ends the clause
    return not (told and after < len(article.words) and article.words[after].gap.strip().startswith(","))


def _speaks_as_thing(article: ArticleText, run: Run) -> bool:
    """'TikTok said it had', 'Meta, which owns X, said', 'NHS England says': a non-person subject of a speech verb."""
    vocab = article.vocabulary
    after = run.last + 1
    if after >= len(article.words) or not article.same_sentence(run.last, after):
        return False
    if _joined(article, after) and article.norm(after) in vocab.speech_verbs:
        acronym = any(article.words[i].acronym for i in run.words)
        return acronym or (len(run.words) == 1 and article.norm(after + 1) == "it" and _joined(article, after + 1))
    if article.words[after].gap.strip() != "," or article.norm(after) != "which":
        return False
    for j in range(after + 1, len(article.words)):
        if not article.same_sentence(after, j):
            return False
        if article.words[j].gap.strip().startswith(","):
            return article.norm(j) in vocab.speech_verbs
    return False


def speaking_thing(article: ArticleText, run: Run, label: str) -> Named | None:
    if person_like(article, run.words) and len(run.words) > 1 or article.norm(run.first) in _surnames_so_far(article):
        return None
    if not _speaks_as_thing(article, run) or _a_nationality(article, run):
        return None
    return Named(run.words, label, "Organization", CONTEXT_CONFIDENCE)


def acronym_noun(article: ArticleText, run: Run) -> Named | None:
    """'part of GCHQ', 'the GRU now': an unknown acronym used as a noun, not as a modifier ('LNG terminal') or a
    term defined in brackets after lower-case words ('unmanned aerial vehicle (UAV)')."""
    word = article.words[run.first]
    letters = [c for c in word.text if c.isalpha()]
    if len(run.words) != 1 or article.hit_at[run.first] is not None or not word.acronym or len(letters) < _MIN_ACRONYM_LETTERS or len(letters) != len(word.text):
        return None
    after = run.last + 1
    if _joined(article, after) and _lower(article, after) and article.norm(after) not in article.vocabulary.stop_words:
        return None
    if word.gap.strip() == "(" and _lower(article, run.first - 1) or _HYPHEN.fullmatch(word.gap):
        return None
    return Named(run.words, word.text, "Organization", ACRONYM_NOUN_CONFIDENCE)
