"""Anonymous sources: unnamed speakers introduced with an indefinite determiner and described, never dropped
("a European diplomat familiar with the talks", "A Chilean official, speaking on condition of anonymity",
"an anonymous Peruvian official", "several sources", "a popular pro-government Telegram account").

The description is the source's label and, with the article, its identity.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.extract.candidates import ANONYMOUS, Found, known_key
from ingest.extract.context import ArticleText
from ingest.extract.normalise import name_key
from ingest.model import Span

SOURCE_CONFIDENCE = 0.85
_JOIN = re.compile(r"[ \t\u00a0]+|[-–‑]")
_MAX_MODIFIERS = 4
_NEEDS_QUALIFIER = {"person", "people"}
# "a spokesperson for the commission, who asked not to be named": what the source speaks for, before the qualifier
_SPEAKS_FOR = r"(?:[ \t\u00a0]+(?:for|at|from|in|with|of)[ \t\u00a0]+(?:the[ \t\u00a0]+)?[\w'’-]+(?:[ \t\u00a0]+[\w'’-]+){0,3}?)?"
_HYPHEN = re.compile(r"[-–‑]")
_STANCE_PREFIXES = {"pro", "anti"}
# a source speaks for a state or an organisation ("a senior EU diplomat"), never for a person or another source
_NOT_AFFILIATIONS = {"Person", "AnonymousSource", "ActorGroup", "SocialMediaAccount"}
_COMPLEMENT_OF = {"of"}
_NAMED_AFTER = re.compile(_SPEAKS_FOR + r"[ \t\u00a0]*,[ \t\u00a0]*[A-Z][\w'’-]+(?:[ \t\u00a0]+[A-Z][\w'’-]+){1,3}"
                          r"[ \t\u00a0]*,")


@lru_cache(maxsize=1)
def _qualifiers(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(_SPEAKS_FOR + r"(?:,[ \t\u00a0]*|[ \t\u00a0]+)(?:" + "|".join(patterns) + r")", re.IGNORECASE)


def _source_at(article: ArticleText, i: int) -> Found | None:
    words, vocab = article.words, article.vocabulary
    if article.norm(i) not in vocab.source_determiners or article.claimed[i] is not None:
        return None
    if words[i].capitalised and not article.starts_sentence(i) or article.follows_name(i):
        return None
    if i > 0 and article.same_sentence(i - 1, i) and article.norm(i - 1) in _COMPLEMENT_OF:
        return None  # "a relative of a senior official": someone described, not a source
    affiliation: str | None = None
    k = i + 1
    while k < len(words) and k - i <= _MAX_MODIFIERS + 1 and article.same_sentence(i, k) and _JOIN.fullmatch(words[k].gap):
        norm = words[k].norm
        found = article.claimed[k]
        if found is not None:
            if found.type in _NOT_AFFILIATIONS:
                return None
            if not (_HYPHEN.fullmatch(words[k].gap) and article.norm(k - 1) in _STANCE_PREFIXES):
                affiliation = affiliation or found.key  # "pro-Ottawa" is a stance, not an affiliation
            k = found.tokens.stop
            continue
        if norm in vocab.platforms and article.norm(k + 1) in vocab.account_nouns and article.claimed[k + 1] is None:
            return _finish(article, i, k + 1, affiliation)
        if norm in vocab.source_nouns and not words[k].capitalised:
            if article.norm(k + 1) == "of" and article.same_sentence(k, k + 1):
                return None
            return _finish(article, i, k, affiliation, needs_qualifier=norm in _NEEDS_QUALIFIER)
        entry = article.demonym_entry(k)
        if entry is not None:
            affiliation = affiliation or known_key(entry)
        elif norm in vocab.stop_words and not words[k].acronym or norm in vocab.collective_nouns:
            return None  # ("a hospital IT manager": "IT" is an acronym, not the pronoun)
        k += 1
    return None


def _finish(article: ArticleText, first: int, head: int, affiliation: str | None,
            *, needs_qualifier: bool = False) -> Found | None:
    words = article.words
    end = words[head].end
    qualifier = _qualifiers(article.vocabulary.source_qualifiers).match(article.text, end)
    if qualifier is not None:
        end = qualifier.end()
    elif needs_qualifier:
        return None
    if _NAMED_AFTER.match(article.text, end):
        return None  # "a ministry spokesperson, Zhao Wenli, said", "a lawyer for the firm, Ann Lee,": the source is named
    last = head
    while last + 1 < len(words) and words[last + 1].end <= end:
        last += 1
    start = words[first].start
    description = article.text[start:end]
    return article.add(Found(ANONYMOUS + name_key(description), description, "AnonymousSource",
                             Span(start, end, description),
                             range(first, last + 1), SOURCE_CONFIDENCE, affiliation=affiliation))


def add_anonymous_sources(article: ArticleText) -> None:
    determiners = article.vocabulary.source_determiners
    i = 0
    while i < len(article.words):
        found = _source_at(article, i) if article.words[i].norm in determiners else None
        i = found.tokens.stop if found is not None else i + 1
