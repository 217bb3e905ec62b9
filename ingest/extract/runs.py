"""Name runs: maximal stretches of capitalised words in one sentence ("Atlantic Trade Institute", "Omar al-Rashid",
"Eagle (al-Nasr) Battalion", "Dr. Paulo Mendes"), the raw material of discovery.

A run never starts with a sentence-initial function word ("The", "Although"), a month or a weekday, never takes in
a word another stage already claimed, and ends at a possessive ("Greenpeace's").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.extract.context import ArticleText

_SPACE = re.compile(r"[ \t\u00a0]+")
_HYPHEN = re.compile(r"[-–‑]")
_ABBREVIATION_GAP = re.compile(r"\.[ \t\u00a0]+")
_CONNECTORS = {"of", "for"}
_PLURAL_POSSESSIVE = re.compile(r"['’][ \t\u00a0]+")
_MAX_PERSON_WORDS = 4
_MAX_SYLLABLE = 6


@dataclass(frozen=True)
class Run:
    words: range
    label_words: tuple[int, ...]  # words of the name without a parenthetical ("Eagle Battalion")

    @property
    def first(self) -> int:
        return self.words.start

    @property
    def last(self) -> int:
        return self.words.stop - 1


def _name_word(article: ArticleText, i: int) -> bool:
    if i >= len(article.words) or article.claimed[i] is not None:
        return False
    word = article.words[i]
    if not (word.capitalised or word.acronym) or word.norm in article.vocabulary.not_names:
        return False
    return not (article.starts_sentence(i) and word.norm in article.vocabulary.stop_words)


def _particle(article: ArticleText, i: int) -> bool:
    return (i + 1 < len(article.words) and article.norm(i) in article.vocabulary.particles
            and not article.words[i].capitalised and _continues(article, i + 1) and _name_word(article, i + 1))


def _and_joins_name(article: ArticleText, j: int, members: list[int]) -> bool:
    """'Center for Strategic and International Studies', 'Cybersecurity and Infrastructure Security Agency': "and"
    inside an organisation's name, when the name so far has an of/for tail or the words after it end in an
    organisation head. ("Smith and Jones said" stays two names.)"""
    vocab = article.vocabulary
    k = j + 1
    while _continues(article, k) and _name_word(article, k):
        k += 1
    if k == j + 1:
        return False
    if article.norm(j - 1) in vocab.org_heads:
        return False  # "Human Rights Watch and Amnesty International": two whole names
    tail = any(article.norm(m) in _CONNECTORS for m in members)
    return tail or article.norm(k - 1) in vocab.org_heads


def _given_name_syllable(article: ArticleText, j: int, members: list[int]) -> bool:
    """'Kim Soo-jin', 'Ban Ki-moon': a short lower-case syllable after a hyphen, inside a name of two words or more
    ("Soviet-era" and "New York-based" are modifiers, not names)."""
    word = article.words[j]
    return (len(members) >= 2 and bool(_HYPHEN.fullmatch(word.gap)) and not word.capitalised and word.text.isalpha()
            and len(word.text) <= _MAX_SYLLABLE and word.norm not in article.vocabulary.hyphen_modifiers
            and word.norm not in article.vocabulary.place_suffixes and article.claimed[j] is None
            and not article.words[j - 1].possessive)


def _continues(article: ArticleText, j: int) -> bool:
    """Word j may follow word j-1 inside a name: same sentence, joined by a space or a hyphen."""
    if j >= len(article.words) or not article.same_sentence(j - 1, j):
        return False
    gap = article.words[j].gap
    if _SPACE.fullmatch(gap) or _HYPHEN.fullmatch(gap):
        return not article.words[j - 1].possessive
    if _PLURAL_POSSESSIVE.fullmatch(gap) and article.words[j - 1].text.endswith("s"):
        return article.norm(j) in article.vocabulary.org_heads  # "Workers' Party", "Farmers' Union"
    abbreviation = article.words[j - 1]
    initial = len(abbreviation.text) == 1 and abbreviation.capitalised  # "George W. Bush"
    return bool(_ABBREVIATION_GAP.fullmatch(gap)) and (initial or abbreviation.norm in article.vocabulary.titles
                                                         or abbreviation.norm in article.vocabulary.honorifics)


def _parenthetical(article: ArticleText, j: int) -> int | None:
    """'Eagle (al-Nasr) Battalion': a bracketed name inside a name; returns the word after the bracket."""
    if j >= len(article.words) or article.words[j].gap.strip() != "(":
        return None
    k = j
    while k < len(article.words) and (_name_word(article, k) or _particle(article, k)) and k - j < 4:
        k += 1
        if k < len(article.words) and article.words[k].gap.strip() == ")":
            return k if _name_word(article, k) and article.norm(k) in article.vocabulary.org_heads else None
        if k < len(article.words) and not _continues(article, k):
            return None
    return None


def name_runs(article: ArticleText) -> list[Run]:
    runs: list[Run] = []
    i = 0
    words = article.words
    while i < len(words):
        word = words[i]
        if not (word.capitalised or word.norm in article.vocabulary.particles) or not (
                _name_word(article, i) or _particle(article, i)):
            i += 1
            continue
        members = [i]
        inner: list[int] = []
        j = i + 1
        while j < len(words):
            if _continues(article, j) and (_name_word(article, j) or _particle(article, j)
                                           or _given_name_syllable(article, j, members)):
                members.append(j)
                j += 1
            elif (_continues(article, j) and article.norm(j) in _CONNECTORS and not words[j].capitalised
                  and not words[j - 1].possessive):
                # "of"/"for" (and "the") inside a name, only when a capitalised word follows
                k = j + 1 if not (_continues(article, j + 1) and article.norm(j + 1) == "the") else j + 2
                if _continues(article, k) and _name_word(article, k):
                    members.extend(range(j, k))
                    j = k
                else:
                    break
            elif article.norm(j) == "and" and _continues(article, j) and not words[j - 1].possessive \
                    and _and_joins_name(article, j, members):
                members.append(j)
                j += 1
            elif (after := _parenthetical(article, j)) is not None and not words[j - 1].possessive:
                inner.extend(range(j, after))
                members.extend(range(j, after + 1))
                j = after + 1
            else:
                break
            if words[members[-1]].possessive:
                break
        last = members[-1]
        runs.append(Run(range(i, last + 1), tuple(m for m in range(i, last + 1) if m not in inner)))
        i = last + 1
    return runs


def run_text(article: ArticleText, run: Run) -> str:
    """The name as written, without a bracketed variant: 'Eagle Battalion' for 'Eagle (al-Nasr) Battalion'."""
    parts: list[str] = []
    for position, i in enumerate(run.label_words):
        word = article.words[i]
        text = article.text[word.start:word.name_end]
        if position and run.label_words[position - 1] == i - 1:
            parts.append(word.gap.replace("\u00a0", " ") + text)
        elif position:
            parts.append(" " + text)
        else:
            parts.append(text)
    return "".join(parts)


def person_like(article: ArticleText, words: range) -> bool:
    """One to four capitalised words, none an acronym, an organisation head, a role noun or a function word."""
    vocab = article.vocabulary
    if not 1 <= len(words) <= _MAX_PERSON_WORDS:
        return False
    names = [article.words[i] for i in words if article.norm(i) not in vocab.particles and not _syllable(article, i)]
    return all(not w.acronym and w.norm not in vocab.org_heads and w.norm not in vocab.role_nouns
               and w.norm not in vocab.stop_words and w.capitalised for w in names) and bool(names)


def _syllable(article: ArticleText, i: int) -> bool:
    """The lower-case second half of a hyphenated given name ('Soo-jin')."""
    word = article.words[i]
    return i > 0 and not word.capitalised and bool(_HYPHEN.fullmatch(word.gap)) and article.words[i - 1].capitalised


def preceding_norms(article: ArticleText, run: Run, count: int) -> list[str]:
    """The folded words just before the run, in its sentence."""
    return [article.norm(j) for j in range(run.first - count, run.first) if article.same_sentence(j, run.first)]
