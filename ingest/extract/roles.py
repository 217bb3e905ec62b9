"""Role phrases around a name: "a senior fellow at the Atlantic Trade Institute", "Brazil's special envoy for
Angola", "the head of Chile's ANI", "Lisbon Gazette columnist", "Baltic Policy Institute Research Fellow".

A phrase gives the role (its words up to the role noun, with a "for/to X" remit) and, where the text says it, an
affiliation: the organisation after "of/at/with", else the owner before the role ("Brazil's"), else the state of a
nationality word in it ("permanent Brazilian representative").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.extract.candidates import Found, known_key
from ingest.extract.context import ArticleText

_MODIFIERS_IN_STOP_WORDS = {"non", "former", "then"}  # spaCy lists them; "a former officer" is a role
_SPACE = re.compile(r"[ \t\u00a0]+")
_HYPHEN = re.compile(r"[-–‑]")
_COMMA = re.compile(r"[ \t\u00a0]*,[ \t\u00a0]*")
_LOOKBACK = 12
_DETERMINERS = {"a", "an", "the", "its", "his", "her", "their"}
_REMIT = {"for", "to"}
_EMPLOYER = {"of", "at", "with"}
_MAX_MODIFIERS = 4
_PERSON_TYPES = {"Person", "AnonymousSource", "ActorGroup"}


@dataclass(frozen=True)
class RolePhrase:
    first: int  # first word of the phrase (its determiner or owner included)
    stop: int  # the word after the phrase
    role: str
    affiliation: str | None
    account: bool = False  # "a Telegram account": the name is a social-media account, not a person


def _joined(article: ArticleText, j: int) -> bool:
    if j >= len(article.words) or not article.same_sentence(j - 1, j):
        return False
    gap = article.words[j].gap
    return bool(_SPACE.fullmatch(gap) or _HYPHEN.fullmatch(gap))


def _org_found(article: ArticleText, j: int) -> Found | None:
    found = article.claimed[j] if 0 <= j < len(article.words) else None
    if found is None or found.tokens.start != j or found.type in _PERSON_TYPES:
        return None
    return found


def _participle(article: ArticleText, k: int) -> bool:
    """'including', 'leading': a verb form, not part of a role (unless hyphenated: 'long-serving')."""
    word = article.words[k]
    hyphenated = k + 1 < len(article.words) and bool(_HYPHEN.fullmatch(article.words[k + 1].gap))
    return word.norm.endswith("ing") and not word.capitalised and not hyphenated and not _HYPHEN.fullmatch(word.gap)


def _tail(article: ArticleText, j: int, limit: int) -> tuple[int, str | None, bool]:
    """After the role noun: returns (stop, affiliation key, whether the words belong to the role text)."""
    preposition = article.norm(j)
    if not _joined(article, j) or preposition not in _REMIT | _EMPLOYER:
        return j, None, False
    k = j + 1
    if _joined(article, k) and article.norm(k) == "the":
        k += 1
    owner: Found | None = None
    while (found := _org_found(article, k)) is not None and _joined(article, k):
        owner = found
        k = found.tokens.stop
        if not article.words[k - 1].possessive:
            break
    if owner is None:
        # an organisation no stage has named (yet): capitalised words
        start = k
        while k < limit and _joined(article, k) and article.words[k].capitalised and article.claimed[k] is None:
            k += 1
        if k == start:
            return j, None, False
    if preposition in _REMIT:
        # "envoy for Angola" is a remit; "negotiator for the Fisheries Council" also says whom they work for
        works_for = preposition == "for" and owner is not None and owner.type != "State"
        return k, owner.key if owner is not None and works_for else None, True
    return k, owner.key if owner else None, False


def _owner(article: ArticleText, k: int) -> tuple[int, str | None, bool] | None:
    """An owner before the role: "Brazil's", "Lisbon Gazette", "French intelligence". (next word, key, possessive)"""
    found = _org_found(article, k)
    if found is not None:
        return found.tokens.stop, found.key, article.words[found.tokens.stop - 1].possessive
    word = article.words[k] if k < len(article.words) else None
    if word is not None and word.possessive and word.capitalised and article.claimed[k] is None:
        return k + 1, None, True
    return None


def parse_role(article: ArticleText, k: int, limit: int | None = None) -> RolePhrase | None:
    """A role phrase starting at word k and ending before word `limit`, or None."""
    limit = len(article.words) if limit is None else limit
    words, vocab = article.words, article.vocabulary
    first = k
    if k < len(words) and article.norm(k) in _DETERMINERS and article.claimed[k] is None:
        k += 1
    owner = _owner(article, k)
    affiliation, possessive = (owner[1], owner[2]) if owner else (None, False)
    if owner is not None:
        k = owner[0]
    start_role = k
    demonym_key: str | None = None
    capitalised: list[bool] = []
    while k < len(words) and k - start_role <= _MAX_MODIFIERS:
        if k > first and not _joined(article, k):
            return None
        if article.claimed[k] is not None:
            return None
        norm = words[k].norm
        if norm in vocab.role_nouns:
            break
        if norm in vocab.platforms and article.norm(k + 1) in vocab.account_nouns and _joined(article, k + 1):
            return RolePhrase(first, k + 2, article.text_between(start_role, k + 1), None, account=True)
        entry = article.demonym_entry(k)
        if entry is not None:
            demonym_key = known_key(entry)
        elif norm in vocab.stop_words and norm not in _MODIFIERS_IN_STOP_WORDS or _participle(article, k) \
                or words[k].possessive:
            return None
        else:
            capitalised.append(words[k].capitalised)
        k += 1
    else:
        return None
    if k >= len(words):
        return None
    title_case = words[k].capitalised
    # a byline line ("Tom Ashby, Security correspondent") may capitalise the role's first words
    line_end = k + 1 >= len(words) or "\n" in words[k + 1].gap
    if any(capitalised) and not (title_case and all(capitalised)) and not (line_end and capitalised[0]):
        return None  # "overruns Angola amid President": capitals inside a lower-case role are names, not a title
    if owner is not None and not possessive and capitalised and not title_case:
        return None  # "Lisbon Gazette columnist", never "WTO overruns ... President"
    # compound roles: "deputy head", "editor-in-chief"
    while k + 1 < len(words) and _joined(article, k + 1) and (
            article.norm(k + 1) in vocab.role_nouns or _HYPHEN.fullmatch(words[k + 1].gap)) and article.claimed[k + 1] is None:
        k += 1
    stop, employer, in_role = _tail(article, k + 1, limit)
    role_end = stop - 1 if in_role else k
    role = article.text[words[start_role].start:words[role_end].name_end]
    return RolePhrase(first, stop if (in_role or employer) else k + 1, role, employer or affiliation or demonym_key)


def role_before(article: ArticleText, first: int, last: int) -> RolePhrase | None:
    """A role phrase just before the name at words first..last: 'columnist X', 'Brazil's envoy for Angola, X,'."""
    if first == 0 or not article.same_sentence(first - 1, first):
        return None
    gap = article.words[first].gap
    comma = bool(_COMMA.fullmatch(gap))
    if not (comma or _SPACE.fullmatch(gap)):
        return None
    sentence_start = article.sentence_starts[article.sentence_of[first]]
    best: RolePhrase | None = None
    for k in range(first - 1, max(sentence_start, first - _LOOKBACK) - 1, -1):
        phrase = parse_role(article, k, first)
        if phrase is not None and phrase.stop == first and not phrase.account:
            best = phrase
    if best is None:
        return None
    after = last + 1
    # "Brazil's envoy, Tiago Alves, said" / "said its director, Juliana Sato.": the name closes the apposition
    if comma and not (after >= len(article.words) or article.words[after].gap.strip()[:1] in {",", ".", ";"}
                      or article.norm(after) in article.vocabulary.speech_verbs):
        return None
    return best


def role_after(article: ArticleText, last: int) -> RolePhrase | None:
    """A role phrase in apposition after the name ending at word last: 'X, a scholar at Y', 'X, a Telegram account'."""
    j = last + 1
    if j >= len(article.words) or not _COMMA.fullmatch(article.words[j].gap) or not article.same_sentence(last, j):
        return None
    return parse_role(article, j)
