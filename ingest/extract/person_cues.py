"""Evidence in a name's own sentence that a two-word capitalised name is a person, where neither a role phrase
beside it nor a reporting verb right after it says so: "X, who led the team, said", "a lawyer for the firm, X,
said" (a role noun earlier in the apposition the name closes). ("by X" is no such evidence: "by Air France".)"""

from __future__ import annotations

import re

from ingest.extract.context import ArticleText
from ingest.extract.runs import Run

_COMMA = re.compile(r"[ \t\u00a0]*,[ \t\u00a0]*")
_PERSONAL_RELATIVES = {"who", "whose", "whom"}
_ROLE_LOOKBACK = 6


def person_context(article: ArticleText, run: Run) -> bool:
    return _relative_clause_after(article, run) or _closes_role_apposition(article, run)


def _relative_clause_after(article: ArticleText, run: Run) -> bool:
    after = run.last + 1
    return (after < len(article.words) and article.same_sentence(run.last, after)
            and bool(_COMMA.fullmatch(article.words[after].gap)) and article.norm(after) in _PERSONAL_RELATIVES)


def _closes_role_apposition(article: ArticleText, run: Run) -> bool:
    """', X,' (or ', X said') after a phrase with a role noun: 'A lawyer for the company, X, said'."""
    if run.first == 0 or not _COMMA.fullmatch(article.words[run.first].gap):
        return False
    after = run.last + 1
    if after < len(article.words) and article.same_sentence(run.last, after) \
            and not _COMMA.fullmatch(article.words[after].gap) and article.norm(after) not in article.vocabulary.speech_verbs:
        return False
    role_nouns = article.vocabulary.role_nouns
    for k in range(run.first - 1, max(run.first - 1 - _ROLE_LOOKBACK, -1), -1):
        if not article.same_sentence(k, run.first) or k < run.first - 1 and _COMMA.fullmatch(article.words[k + 1].gap):
            return False
        if article.norm(k) in role_nouns and article.claimed[k] is None:
            return True
    return False
