"""Actors no registry names, discovered from how the text names them:
people by a title ("Foreign Minister X", "Dr. X"), a role ("columnist X", "X, a scholar at Y") or speech ("X said");
organisations by their last word (…Institute, …Brigade, …Directorate, …University, …Post); media by context ("the
newspaper X", "X magazine", "told X", "X reported"); accounts ("X, a Telegram account"); and any name defined by an
acronym in brackets ("Jabhat al Nasr (JAN)").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.extract.candidates import NEW, Found, known_key
from ingest.extract.context import ArticleText
from ingest.extract.normalise import name_key
from ingest.extract.roles import role_after, role_before
from ingest.extract.runs import Run, name_runs, run_text

TITLE_CONFIDENCE = 0.85
ROLE_CONFIDENCE = 0.85
HEAD_CONFIDENCE = 0.8
ACRONYM_CONFIDENCE = 0.8
CONTEXT_CONFIDENCE = 0.7
_SPACE = re.compile(r"[ \t\u00a0]+")
_MAX_PERSON_WORDS = 4
_INVERTED_SPEECH = {"said", "says", "added", "wrote", "continued"}


@dataclass(frozen=True)
class Named:
    words: range
    label: str
    type: str
    confidence: float
    role: str | None = None
    affiliation: str | None = None


def _title_length(article: ArticleText, run: Run) -> int:
    """How many words at the start of the run form a title or honorific ("Foreign Minister", "Dr.")."""
    vocab = article.vocabulary
    for length in range(min(vocab.longest_title, len(run.words)), 0, -1):
        key = " ".join(article.norm(i) for i in run.words[:length])
        if key in vocab.titles or key in vocab.honorifics:
            return length
    return 0


def _person_like(article: ArticleText, words: range) -> bool:
    vocab = article.vocabulary
    if not 1 <= len(words) <= _MAX_PERSON_WORDS:
        return False
    names = [article.words[i] for i in words if article.norm(i) not in vocab.particles]
    return all(not w.acronym and w.norm not in vocab.org_heads and w.norm not in vocab.role_nouns
               and w.norm not in vocab.stop_words and w.capitalised for w in names) and bool(names)


def _text(article: ArticleText, words: range) -> str:
    return article.text_between(words.start, words.stop - 1)


def _by_title(article: ArticleText, run: Run) -> Named | None:
    length = _title_length(article, run)
    if not length:
        return None
    rest = range(run.first + length, run.last + 1)
    if not rest or not _person_like(article, rest):
        return None
    title = _text(article, run.words[:length])
    honorific = name_key(title) in article.vocabulary.honorifics
    return Named(rest, _text(article, rest), "Person", TITLE_CONFIDENCE, None if honorific else title)


def _org_type(article: ArticleText, words: range, head: int) -> str:
    vocab = article.vocabulary
    kind = vocab.org_heads[article.norm(head)]
    for i in words:
        refined = vocab.name_refinements.get(article.norm(i))
        if refined and (kind in refined[1] or "*" in refined[1]):
            kind = refined[0]
    for j in (words.start - 1, words.start - 2):
        descriptor = vocab.type_descriptors.get(article.norm(j))
        if descriptor and article.same_sentence(j, words.start):
            return descriptor
    after = " ".join(article.norm(j) for j in range(words.stop, words.stop + 2))
    for key, descriptor in vocab.type_descriptors.items():
        if after == key or after.split(" ")[0] == key:
            return descriptor
    return kind


def _by_head(article: ArticleText, run: Run) -> Named | None:
    vocab = article.vocabulary
    # "Atlantic Trade Institute"; "University of Coimbra" (a head first only with an "of/for" tail)
    heads = [i for i in run.label_words if article.norm(i) in vocab.org_heads
             and (i > run.first or (i < run.last and article.norm(i + 1) in {"of", "for"}))]
    if not heads:
        return None
    head = heads[-1]
    tail = range(head + 1, run.last + 1)
    if tail and article.norm(tail.start) not in {"of", "for"}:
        # "Portuguese News Agency LUSA": a descriptor before the name; "Baltic Policy Institute Research Fellow": a title after
        rest = [article.words[i] for i in tail]
        if len(rest) == 1 and rest[0].acronym:
            return Named(tail, rest[0].text, _org_type(article, run.words, head), HEAD_CONFIDENCE)
        words = range(run.first, head + 1)
    else:
        words = run.words
    if words == run.words and len(run.label_words) != len(run.words):
        label = run_text(article, run)
    else:
        label = _text(article, words)
    return Named(words, label, _org_type(article, words, head), HEAD_CONFIDENCE)


def _preceding_norms(article: ArticleText, run: Run, count: int) -> list[str]:
    return [article.norm(j) for j in range(run.first - count, run.first) if article.same_sentence(j, run.first)]


def _by_descriptor(article: ArticleText, run: Run, label: str) -> Named | None:
    vocab = article.vocabulary
    if name_key(label) in vocab.platforms:
        return None  # "a Telegram channel": the platform, not an outlet
    before = _preceding_norms(article, run, 2)
    after = [article.norm(j) for j in range(run.last + 1, run.last + 3) if article.same_sentence(j, run.last)]
    if (before and before[-1] in vocab.media_descriptors) or " ".join(before) in vocab.media_descriptors \
            or (after and after[0] in vocab.media_descriptors and _SPACE.fullmatch(article.words[run.last + 1].gap)):
        return Named(run.words, label, "MediaOutlet", CONTEXT_CONFIDENCE)
    if len(before) == 2 and before[0] in vocab.platforms and before[1] in vocab.account_nouns:
        return Named(run.words, label, "SocialMediaAccount", CONTEXT_CONFIDENCE)
    return None


def _acronym_after(article: ArticleText, run: Run) -> int | None:
    j = run.last + 1
    if j < len(article.words) and article.words[j].gap.strip() == "(" and article.words[j].acronym \
            and j + 1 <= len(article.words) and (j + 1 == len(article.words) or article.words[j + 1].gap.startswith(")")) \
            and article.claimed[j] is None:
        return j
    return None


def _initials_match(article: ArticleText, run: Run, acronym: str) -> bool:
    vocab = article.vocabulary
    initials = "".join(article.words[i].text[0] for i in run.label_words
                       if article.norm(i) not in vocab.particles and article.norm(i) not in {"of", "for", "the"})
    return initials.upper() == re.sub(r"[^A-Za-z]", "", acronym).upper()


def _speaks(article: ArticleText, run: Run) -> bool:
    """'X said', 'X told', '..." said X', 'according to X'."""
    vocab = article.vocabulary
    after = run.last + 1
    if after < len(article.words) and article.same_sentence(run.last, after) and article.norm(after) in vocab.speech_verbs \
            and _SPACE.fullmatch(article.words[after].gap):
        return True
    before = _preceding_norms(article, run, 2)
    return bool(before) and (before[-1] in _INVERTED_SPEECH or before == ["according", "to"])


def _media_by_context(article: ArticleText, run: Run, label: str) -> Named | None:
    """'told Lisbon Daily Mail', 'told LDM', 'the Lisbon Gazette reported': outlets, unless the name looks personal."""
    before = [n for n in _preceding_norms(article, run, 2) if n != "the"]
    after = [article.norm(j) for j in range(run.last + 1, run.last + 3) if article.same_sentence(j, run.last)]
    told = bool(before) and before[-1] == "told"
    reported = bool(after) and (after[0] in {"reported", "reports"} or after[:2] in (["also", "reported"], ["earlier", "reported"]))
    if not (told or reported):
        return None
    single_acronym = len(run.words) == 1 and article.words[run.first].acronym
    if told and not (single_acronym or len(run.label_words) >= 3):
        return None
    if reported and len(run.label_words) == 2 and _person_like(article, run.words) and not single_acronym:
        return None
    return Named(run.words, label, "MediaOutlet", CONTEXT_CONFIDENCE)


def _acting_acronym(article: ArticleText, run: Run) -> Named | None:
    """'the SAA was', 'the ABC said': an acronym with a determiner as the subject of a verb names an organisation."""
    word = article.words[run.first]
    if len(run.words) != 1 or not word.acronym or word.possessive or article.norm(run.first - 1) != "the":
        return None
    after = run.last + 1
    if after >= len(article.words) or not article.same_sentence(run.last, after) or not _SPACE.fullmatch(article.words[after].gap):
        return None
    vocab = article.vocabulary
    if article.norm(after) in vocab.auxiliaries or article.norm(after) in vocab.speech_verbs:
        return Named(run.words, word.text, "Organization", CONTEXT_CONFIDENCE)
    return None


def _classify(article: ArticleText, run: Run) -> tuple[Named | None, int | None]:
    """What the run names, and the word of an acronym defined for it in brackets."""
    label = run_text(article, run)
    acronym = _acronym_after(article, run)
    for named in (_by_title(article, run), _by_head(article, run), _by_descriptor(article, run, label)):
        if named is not None:
            return named, acronym
    if acronym is not None and _initials_match(article, run, article.words[acronym].text):
        return Named(run.words, label, "Organization", ACRONYM_CONFIDENCE), acronym
    media = _media_by_context(article, run, label) or _acting_acronym(article, run)
    if media is not None:
        return media, None
    # a personal name has at least two words apart ("Lisbon-Madrid" is one hyphenated word)
    multi = any(_SPACE.fullmatch(article.words[i].gap) for i in run.label_words[1:])
    if _person_like(article, run.words) and multi:
        phrase = role_after(article, run.last) or role_before(article, run.first, run.last)
        if phrase is not None:
            kind = "SocialMediaAccount" if phrase.account else "Person"
            return Named(run.words, label, kind, ROLE_CONFIDENCE), None
        if _speaks(article, run):
            return Named(run.words, label, "Person", ROLE_CONFIDENCE), None
    elif len(run.words) == 1 and not article.starts_sentence(run.first):
        phrase = role_after(article, run.last)
        if phrase is not None and phrase.account:
            return Named(run.words, label, "SocialMediaAccount", ROLE_CONFIDENCE), None
    return None, None


def _register(article: ArticleText, named: Named) -> Found:
    entry = article.registry.resolve(named.label)
    span = article.span(named.words.start, named.words.stop - 1)
    if entry is not None and not entry.is_place:
        found = Found(known_key(entry), entry.label, entry.type, span, named.words, 1.0, entry=entry, role=named.role)
    else:
        found = Found(NEW + name_key(named.label), named.label, named.type, span, named.words, named.confidence,
                      role=named.role, affiliation=named.affiliation)
    return article.add(found)


def _split_leading_acronym(article: ArticleText, run: Run) -> Run:
    """'UN Vassily Nebenzia': an acronym before a personal name is not part of it."""
    if len(run.words) >= 3 and article.words[run.first].acronym and _person_like(article, run.words[1:]):
        rest = range(run.first + 1, run.last + 1)
        return Run(rest, tuple(i for i in run.label_words if i in rest))
    return run


def add_discovered(article: ArticleText) -> None:
    for run in name_runs(article):
        run = _split_leading_acronym(article, run)
        if not article.free(run.words):
            continue
        named, acronym = _classify(article, run)
        if named is None or not article.free(named.words):
            continue
        found = _register(article, named)
        if acronym is not None and article.claimed[acronym] is None:
            article.add(Found(found.key, found.label, found.type, article.span(acronym, acronym),
                              range(acronym, acronym + 1), found.confidence, entry=found.entry))
