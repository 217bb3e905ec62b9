"""Roles and affiliations the text gives a person or an account, from the phrases around its mentions:
"Rafael Costa, a senior fellow at the Atlantic Trade Institute", "Ana Ribeiro, the head of Chile's ANI",
"Brazil's special envoy for Angola, Tiago Alves", "Trade Minister Helena Marques".
"""

from __future__ import annotations

from ingest.extract.context import ArticleText
from ingest.extract.roles import role_after, role_before

_WITH_ROLES = {"Person", "SocialMediaAccount"}


def add_roles(article: ArticleText) -> None:
    for found in list(article.found):
        if found.type not in _WITH_ROLES or found.role is not None and found.affiliation is not None:
            continue
        first, last = found.tokens.start, found.tokens.stop - 1
        phrase = role_after(article, last) or role_before(article, first, last)
        if phrase is None:
            continue
        if phrase.account and found.type != "SocialMediaAccount":
            continue
        found.role = found.role or phrase.role
        if phrase.affiliation != found.key:
            found.affiliation = found.affiliation or phrase.affiliation
