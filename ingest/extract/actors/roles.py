"""A named person's role and affiliation as the text gives them: a role phrase before the name ("Bulgaria's former
agriculture minister Ivo Petrov", "Daily Courier columnist Nora Hale": columnist at the Daily Courier) or an
apposition after it
("Nora Hale, a research fellow at the Atlantic Trade Institute,")."""

from __future__ import annotations

from dataclasses import dataclass

from newskg.ingest.extract.lexicon.words import WordTables, key
from newskg.ingest.extract.text.model import TextModel

_ROLE_TAGS = ("JJ", "NN", "VBN", "CD")
_MAX_ROLE_WORDS = 8


@dataclass(frozen=True)
class RoleFound:
    role: str
    first: int  # tokens of the role phrase
    last: int
    possessor: tuple[int, int] | None  # "Bulgaria" of "Bulgaria's former minister": the affiliation's tokens
    organisation: tuple[int, int] | None  # "the Atlantic Trade Institute" of "a fellow at the Atlantic Trade Institute"
    pronoun: int | None = None  # "his lawyer X": the possessive pronoun's token, resolved by the caller


def _is_role_noun(lemma: str, words: WordTables) -> bool:
    role = words.roles.get(lemma)
    return (role is not None and "Person" in role.classes) or lemma in words.titles


def role_before(model: TextModel, first: int, words: WordTables) -> RoleFound | None:
    """The role phrase ending right before a name: its last word a role noun or title."""
    tokens = model.tokens
    j = first - 1
    if j >= 1 and key(tokens[j].text) in words.titles | words.honorifics and tokens[j - 1].text == ",":
        j -= 1  # "The mill's chief engineer, Dr. Kenji Tamura": the title stands between the comma and the name
    # "The regional governor, Anna Kovalenko, denied it": a described role, then the name in apposition
    introduced = j >= 1 and tokens[j].text == "," and _is_role_noun(tokens[j - 1].lemma, words)
    if j >= 1 and tokens[j].text == "," and not introduced:
        return _role_of_organisation(model, j, words)
    if introduced:
        j -= 1
    if (
        j < 0
        or tokens[j].sentence != tokens[first].sentence
        or not _is_role_noun(tokens[j].lemma, words)
        or tokens[j].text[:1].isupper()
        and tokens[j].proper
        and tokens[j].lemma not in words.titles
    ):
        return None
    start = j
    possessor = None
    while start - 1 >= 0 and first - start < _MAX_ROLE_WORDS and tokens[start - 1].sentence == tokens[j].sentence:
        previous = tokens[start - 1]
        if previous.text in ("'s", "’s") and previous.gap == "":
            owner_end = start - 2
            owner_start = owner_end
            while (
                owner_start - 1 >= 0
                and tokens[owner_start - 1].capitalised
                and tokens[owner_start - 1].sentence == previous.sentence
            ):
                owner_start -= 1
            possessor = (owner_start, owner_end)
            break
        if previous.tag == "PRP$":
            return RoleFound(
                role=model.span(start, j).text,
                first=start,
                last=j,
                possessor=None,
                organisation=None,
                pronoun=start - 1,
            )
        organisation = _organisation_ending(model, start - 1, words)
        if organisation is not None:  # "Harbour Watch campaigner Sofia Lind": the campaigner's organisation
            return RoleFound(
                role=model.span(start, j).text,
                first=start,
                last=j,
                possessor=None,
                organisation=organisation,
            )
        if previous.tag.startswith(_ROLE_TAGS) or previous.capitalised and not previous.verb:
            if words.is_("article", previous.norm) or words.is_("auxiliary", previous.norm):
                break
            start -= 1
            continue
        break
    if introduced and not _opens_noun_phrase(model, start, possessor is not None, words):
        return None  # "…, said the minister, Anna Kovalenko": no apposition without a determiner before the role
    return RoleFound(
        role=model.span(start, j).text,
        first=start,
        last=j,
        possessor=possessor,
        organisation=None,
    )


def _role_of_organisation(model: TextModel, comma: int, words: WordTables) -> RoleFound | None:
    """"The general manager of Pellworth Mills, Kenji Tamura": a role, the organisation it is held in, a comma."""
    tokens = model.tokens
    org_last = comma - 1
    org_first = org_last
    while org_first - 1 >= 0 and tokens[org_first - 1].sentence == tokens[comma].sentence:
        before = tokens[org_first - 1]
        connector = words.is_("name-connector", before.norm) and not words.is_("org-preposition", before.norm)
        if not (before.capitalised or connector and org_first - 2 >= 0 and tokens[org_first - 2].capitalised):
            break
        org_first -= 1
    if not tokens[org_first].capitalised or not tokens[org_last].proper:
        return None
    preposition = org_first - 1 - (org_first >= 1 and tokens[org_first - 1].norm == "the")
    head = preposition - 1
    if preposition < 1 or not words.is_("org-preposition", tokens[preposition].norm):
        return None
    if not _is_role_noun(tokens[head].lemma, words):
        return None
    start = head
    while start - 1 >= 0 and tokens[start - 1].tag.startswith(("JJ", "NN")) and not tokens[start - 1].proper:
        start -= 1
    if not _opens_noun_phrase(model, start, False, words):
        return None
    return RoleFound(
        role=model.span(start, head).text, first=start, last=org_last, possessor=None, organisation=(org_first, org_last)
    )


def _organisation_ending(model: TextModel, last: int, words: WordTables) -> tuple[int, int] | None:
    """Capitalised words ending at token last whose last word heads organisations' names ("Daily Courier")."""
    tokens = model.tokens
    if not tokens[last].capitalised:
        return None
    first = last
    while first - 1 >= 0 and tokens[first - 1].sentence == tokens[last].sentence:
        before = tokens[first - 1]
        connector = words.is_("name-connector", before.norm) and first - 2 >= 0 and tokens[first - 2].capitalised
        if not (before.capitalised or connector):
            break
        first -= 1
    if tokens[last].norm in words.org_heads:
        return (first, last)
    # "Ministry of Health spokeswoman": the word heading the name stands before its "of"
    heads = [k for k in range(first, last) if tokens[k].norm in words.org_heads and tokens[k + 1].norm == "of"]
    return (heads[0], last) if heads else None


def _opens_noun_phrase(model: TextModel, start: int, possessed: bool, words: WordTables) -> bool:
    tokens = model.tokens
    return possessed or start >= 1 and words.is_("article", tokens[start - 1].norm)


def role_after(model: TextModel, last: int, words: WordTables) -> RoleFound | None:
    """', a spokesman for the ministry,' / ', the head of X,' / ', Atlantic Trade Institute research fellow,' after a name."""
    tokens = model.tokens
    i = last + 1
    if i + 1 >= len(tokens) or tokens[i].text != ",":
        return None
    start = i + 1
    j = start
    if tokens[j].tag in ("WP", "WDT"):
        return None
    if words.is_("article", tokens[j].norm) or words.is_("time", tokens[j].norm):
        j += 1
        start = j  # the role without its article: "former officer", not "a former officer"
    end = j
    head = None
    while (
        end < len(tokens)
        and tokens[end].sentence == tokens[last].sentence
        and tokens[end].text not in ",;:.()"
        and end - start < 14
        and not (tokens[end].verb and tokens[end].tag != "VBN")
    ):
        if _is_role_noun(tokens[end].lemma, words):
            head = end
        end += 1
    if head is None:
        return None
    organisation = None
    k = head + 1
    if k < end and words.is_("org-preposition", tokens[k].norm):
        opening = k + 1 + (k + 1 < end and tokens[k + 1].norm == "the")
        organisation = (opening, end - 1) if opening <= end - 1 else None  # none after "of the" ending the text
    role_end = head if organisation is not None else end - 1  # "a senior fellow at the X": the role is the fellow
    return RoleFound(
        role=model.span(start, role_end).text,
        first=start,
        last=end - 1,
        possessor=None,
        organisation=organisation,
    )


def description_after(model: TextModel, last: int, words: WordTables) -> str | None:
    """', a Telegram channel that …', ', a shipping company,': what an apposition says a named body is (its words
    after the article, up to the noun that describes media or organisations)."""
    tokens = model.tokens
    i = last + 1
    if i + 2 >= len(tokens) or tokens[i].text != "," or not words.is_("article", tokens[i + 1].norm):
        return None
    start = i + 2
    end = start
    while end < len(tokens) and end - start < 4 and tokens[end].sentence == tokens[last].sentence:
        lemma = tokens[end].lemma
        if lemma in words.media_nouns or lemma in words.account_nouns or lemma in words.org_descriptors:
            following = tokens[end + 1] if end + 1 < len(tokens) else None
            if following is not None and following.noun and following.sentence == tokens[end].sentence:
                return None  # "a former Goldman Sachs Group director": the group names whom the person served
            return model.span(start, end).text
        if not (tokens[end].noun or tokens[end].tag.startswith("JJ")):
            return None
        end += 1
    return None
