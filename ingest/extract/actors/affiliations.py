"""What an actor belongs to, where no role phrase names it beside the name: a named body a state or an organisation
possesses ("the UAE's Ministry of Foreign Affairs"); an in-house post with no organisation named beside it ("said
chief executive Jane Doe", "a bank spokeswoman", "senior executives"), which belongs to the organisation the text
named last before it, in the same or the sentence before (news names the company and then quotes its people); and
the organisation or person a role phrase points to ("Bulgaria's minister", "his lawyer", "a fellow at the Atlantic
Trade Institute")."""

from __future__ import annotations

from newskg.ingest.extract.actors.groups import Group
from newskg.ingest.extract.actors.known import KnownHit, Use
from newskg.ingest.extract.actors.roles import RoleFound
from newskg.ingest.extract.actors.values import KNOWN_PREFIX, NAMED
from newskg.ingest.extract.lexicon.entries import Lexicon
from newskg.ingest.extract.lexicon.words import WordTables
from newskg.ingest.extract.text.folding import name_key
from newskg.ingest.extract.text.model import TextModel

HOUSE_ROLE = "house-role"
BUSINESS_NOUN = "business-noun"
_OWNER_TYPES_EXCLUDED = ("Person", "MediaOutlet", "AnonymousSource", "ActorGroup")
_BUSINESS_OWNER = "Organization"
_PUBLIC_OWNER = "GovernmentBody"
_SENTENCES_BACK = 1


def in_house(role: str | None, label: str, words: WordTables) -> bool:
    """The role or the description names a post inside an organisation."""
    return words.any_is(HOUSE_ROLE, role or label)


def _may_own(description: str, owner: Group, words: WordTables) -> bool:
    """Can the organisation hold the post the description names? A business's post ("a company spokesperson", "the
    bank's managers") only a business; a public body's ("a health department spokesman") none whose name says it
    is a company, a hospital or a centre."""
    if words.any_is(BUSINESS_NOUN, description):
        return owner.type == _BUSINESS_OWNER
    if any(words.org_heads.get(w) == _PUBLIC_OWNER for w in description.lower().split()):
        head = name_key(owner.label).split()[-1:]
        return not head or words.org_heads.get(head[0]) != _BUSINESS_OWNER
    return True


def owner_before(model: TextModel, first_token: int, organisations: list[tuple[int, str, str]]) -> str | None:
    """The key of the organisation mentioned last before token first_token, no further back than the sentence
    before. organisations: (last token of a mention, key, type), any order."""
    sentence = model.tokens[first_token].sentence
    earlier = [
        (last, key)
        for last, key, kind in organisations
        if last < first_token
        and kind not in _OWNER_TYPES_EXCLUDED
        and sentence - model.tokens[last].sentence <= _SENTENCES_BACK
    ]
    return max(earlier)[1] if earlier else None


def possessor_affiliations(model: TextModel, groups: dict[str, Group]) -> None:
    """"the UAE's Ministry of Foreign Affairs", "Ostria's Central Bank": a named body a state or an
    organisation possesses belongs to it."""
    tokens = model.tokens
    owner_at = {m.last: key for key, g in groups.items() if g.type != "Person" for m in g.mentions}
    for key, group in groups.items():
        if group.affiliation is not None or group.type == "Person" or group.kind != NAMED:
            continue
        for mention in group.mentions:
            k = mention.first - 1
            if k >= 1 and tokens[k].text in ("'s", "’s") and owner_at.get(k - 1) not in (None, key):
                group.affiliation = owner_at[k - 1]
                break


def institution_states(model: TextModel, groups: dict[str, Group], words: WordTables) -> None:
    """"Foreign Ministry spokesman Piet Voss" with no state named: a state's institution named bare belongs to the
    state the sentence before (or its own) opens with, as news names the country and then quotes its ministry."""
    tokens = model.tokens
    for group in groups.values():
        if group.affiliation is not None or group.type == "State" or not group.mentions:
            continue
        if words.state_institutions.get(name_key(group.label)) is None:
            continue
        first = min(m.first for m in group.mentions)
        sentence = tokens[first].sentence
        states = [
            (tokens[m.first].sentence, m.first, key)
            for key, other in groups.items()
            if other.type == "State"
            for m in other.mentions
            if sentence - 1 <= tokens[m.first].sentence <= sentence and m.first < first
        ]
        if states:
            group.affiliation = min(states)[2]


def house_affiliations(model: TextModel, groups: dict[str, Group], words: WordTables) -> None:
    """An in-house post with no organisation beside it belongs to the one named just before."""
    for group in groups.values():
        if group.affiliation is None and group.mentions and in_house(group.role, group.label, words):
            description = f"{group.role or ''} {group.label}"
            organisations = [
                (m.last, key, g.type)
                for key, g in groups.items()
                if not g.document and _may_own(description, g, words)
                for m in g.mentions
            ]
            first = min(m.first for m in group.mentions)
            owner = owner_before(model, first, organisations)
            if owner is not None and owner != group.key:
                group.affiliation = owner


def role_affiliation(
    model: TextModel,
    found: RoleFound,
    groups: dict[str, Group],
    hits: list[KnownHit],
    lexicon: Lexicon,
) -> str | None:
    """The actor a role belongs to: the possessor ("Bulgaria's minister"), the organisation after the role
    ("a fellow at the Atlantic Trade Institute"), else a nationality or name inside the role ("Varenian envoy")."""
    if found.pronoun is not None:  # "his lawyer X": the person named last before; "its president": the body
        pronoun = lexicon.pronouns.get(model.tokens[found.pronoun].norm)
        before = [
            (max(m.last for m in group.mentions if m.last < found.pronoun), key)
            for key, group in groups.items()
            if (group.type in pronoun.types if pronoun is not None else group.type == "Person")
            and any(m.last < found.pronoun for m in group.mentions)
        ]
        if before:
            return max(before)[1]
    span = found.possessor or found.organisation
    if span is not None:
        for key, group in groups.items():
            if any(span[0] <= m.first <= span[1] for m in group.mentions):
                return key
        written = name_key(model.span(*span).text)
        for key, group in groups.items():  # the organisation named again, as a modifier no mention took
            if group.type != "Person" and name_key(group.label) == written:
                return key
    inside = _body_named_inside(model, found, groups)
    if inside is not None:  # "a Halden spokesman", "British Airways' chairman"
        return inside
    for hit in hits:
        if found.first <= hit.first and hit.last <= found.last and hit.use is not Use.PLACE:
            return KNOWN_PREFIX + hit.entry.iri
    return None


def _body_named_inside(model: TextModel, found: RoleFound, groups: dict[str, Group]) -> str | None:
    """A body other than a person named by capitalised words of the role phrase, as a mention or by its name."""
    tokens = model.tokens
    for key, group in groups.items():
        if group.type != "Person" and any(found.first <= m.first and m.last <= found.last for m in group.mentions):
            return key
    runs: list[str] = []
    k = found.first
    while k <= found.last:
        if tokens[k].capitalised and tokens[k].proper:
            end = k
            while end + 1 <= found.last and tokens[end + 1].capitalised and tokens[end + 1].proper:
                end += 1
            runs.append(name_key(model.span(k, end).text))
            k = end
        k += 1
    for key, group in groups.items():
        names = {name_key(group.label), *(name_key(m.span.text) for m in group.mentions)}
        if group.type != "Person" and names & set(runs):
            return key
    return None
