"""Later mentions of actors already named by other words: a definite role noun ("the minister", "the company"), and
pronouns, resolved to the nearest compatible actor by number, gender and kind (Resolver). The short forms of a name
(surnames, acronyms) are in short_forms.py."""

from __future__ import annotations

from dataclasses import dataclass

from newskg.ingest.extract.actors.values import ActorRecord, ActorSet, Mention
from newskg.ingest.extract.lexicon.entries import Lexicon
from newskg.ingest.extract.lexicon.words import Institution, WordTables
from newskg.ingest.extract.text.folding import name_key
from newskg.ingest.extract.text.model import TextModel, Token

ORGANISATION_TYPES = frozenset(
    {
        "Organization",
        "GovernmentBody",
        "IntelligenceAgency",
        "ArmedGroup",
        "MediaOutlet",
        "ThinkTank",
        "AcademicInstitution",
    }
)
_QUOTE_TO_PRONOUN = 3  # tokens between a quotation's last word and the pronoun saying it ('…," she said')
_BACK = 4000  # characters within which a role noun or pronoun looks for its antecedent


def _compatible(actor: ActorRecord, lemma: str, words: WordTables) -> bool:
    """Can "the <lemma>" refer to this actor? By the role it was given, its label's words, or its kind."""
    label_words = name_key(actor.label).split()
    if actor.type == "Person" and lemma in words.org_descriptors:
        return False  # "the hospital" is never "hospital spokeswoman Ana Marr"
    if lemma in label_words or (actor.role and lemma in name_key(actor.role).split()):
        return True
    own = _institution_of(label_words, words)
    if own is not None:  # a state's army is "the army" or "the military", never "the militia"
        other = words.state_institutions.get(lemma)
        return other is not None and other.canonical is not None and other.canonical == own.canonical
    role = words.roles.get(lemma)
    if role is not None and role.anaphor and actor.type in role.classes and actor.type != "Person":
        return True
    descriptor = words.org_descriptors.get(lemma)
    if descriptor is not None:
        return actor.type == descriptor  # "the company" is an Organization, never a ministry or a state
    if lemma in words.media_nouns and actor.type == "MediaOutlet":
        return True
    institution = words.state_institutions.get(lemma)
    return institution is not None and institution.cls == actor.type and institution.cls != "State"


def _rival_in_sentence(
    model: TextModel, actors: ActorSet, actor: ActorRecord, mention: Mention, lemma: str, words: WordTables
) -> bool:
    """Another actor the noun fits is coordinated with the nearest one ("An Ostrian official and a Valmoran official
    met … The official said"): which one is meant is not guessed."""
    tokens = model.tokens

    def coordinated(other: Mention) -> bool:
        first, last = sorted((other, mention), key=lambda m: m.first)
        between = tokens[first.last + 1 : last.first]
        return any(t.norm in ("and", "or") for t in between) and all(
            t.norm in ("and", "or", ",") or t.tag in ("DT", "JJ") for t in between
        )

    return any(
        other.key != actor.key
        and other.kind != "collective"
        and other.plural == actor.plural
        and coordinated(other_mention)
        and _compatible(other, lemma, words)
        for other, other_mention in actors.mentions_before(mention.last + 1)
    )


def _institution_of(label_words: list[str], words: WordTables) -> Institution | None:
    """The state institution a label names by its last words ("Ostria's army", "the armed forces")."""
    for length in (2, 1):
        if len(label_words) >= length:
            phrase = " ".join(label_words[-length:])
            found = words.state_institutions.get(phrase) or words.state_institutions.get(phrase.removesuffix("s"))
            if found is not None:
                return found
    return None


@dataclass(frozen=True)
class RoleAnaphor:
    first: int
    last: int
    actor_key: str


def role_anaphors(model: TextModel, actors: ActorSet, words: WordTables) -> list[RoleAnaphor]:
    """'the minister', 'the company', 'the newspaper' (definite, not already a mention) → the nearest actor named
    before it that the noun fits."""
    tokens = model.tokens
    found: list[RoleAnaphor] = []
    for i in range(1, len(tokens)):
        head = tokens[i]
        if not head.noun or head.proper and head.capitalised or actors.at(i) is not None:
            continue
        if i + 1 < len(tokens) and tokens[i + 1].noun and tokens[i + 1].sentence == head.sentence:
            continue
        lemma = head.lemma
        if (
            lemma not in words.roles
            and lemma not in words.org_descriptors
            and lemma not in words.media_nouns
            and lemma not in words.state_institutions
        ):
            continue
        start = i - 1
        while (
            start > 0
            and i - start <= 3
            and tokens[start].norm != "the"
            and actors.at(start) is None
            and (tokens[start].tag.startswith(("JJ", "NN", "VBG", "VBN")) or tokens[start].capitalised)
        ):  # "the neighbouring state", "the embattled minister"
            start -= 1
        if tokens[start].norm != "the":
            continue
        # nouns and capitalised words before the head must be the actor's own ("the interior ministry" after "the
        # Ostrian interior ministry"); "the transport ministry" is another ministry; "the former minister" is not
        distinguishing = {tokens[k].norm for k in range(start + 1, i) if tokens[k].noun or tokens[k].capitalised}
        before = actors.mentions_before(start)
        # an actor whose own name has the noun ("the bank" after "Harbour Savings Bank") comes before the nearest
        # actor of the noun's kind
        named_so = [
            (a, m)
            for a, m in before
            if lemma in name_key(a.label).split() and not a.document and a.type not in ("Person", "AnonymousSource")
        ]
        # a name modifying a noun ("EU member Ostria") is no one the story follows, unless no other fits ("Korlin
        # Holdings shares fell. The company said …")
        candidates, exempt = named_so[:1] + before, len(named_so[:1])
        for modifiers in (False, True):
            antecedent = _antecedent(model, words, candidates, exempt, head, lemma, distinguishing, modifiers)
            if antecedent is not None:
                actor, mention = antecedent
                if not _rival_in_sentence(model, actors, actor, mention, lemma, words):
                    found.append(RoleAnaphor(start, i, actor.key))
                break
        else:
            state = _sole_state(actors, before, head, lemma, words) if not distinguishing else None
            if state is not None:
                found.append(RoleAnaphor(start, i, state))  # "the government said" where one state is named
    return found


def _sole_state(
    actors: ActorSet, before: list[tuple[ActorRecord, Mention]], head: Token, lemma: str, words: WordTables
) -> str | None:
    """The state a singular noun standing for a state ("the government", "the administration") means when the
    article names that state and no other."""
    institution = words.state_institutions.get(lemma)
    if institution is None or institution.cls != "State" or head.tag == "NNS":
        return None
    states = {a.key for a in actors.actors if a.type == "State" and a.kind == "named"}
    named_before = {a.key for a, _ in before}
    return next(iter(states)) if len(states) == 1 and states <= named_before else None


def _antecedent(
    model: TextModel,
    words: WordTables,
    before: list[tuple[ActorRecord, Mention]],
    exempt: int,
    head: Token,
    lemma: str,
    distinguishing: set[str],
    modifiers: bool,
) -> tuple[ActorRecord, Mention] | None:
    """The nearest actor before the role noun that it fits: with modifiers False, past names that modify a noun;
    with modifiers True, among those names only. The first `exempt` candidates (the actor whose name has the noun)
    are taken either way."""
    for n, (actor, mention) in enumerate(before):
        if head.start - mention.span.end > _BACK:
            return None
        if actor.kind == "collective" or actor.document or actor.plural != (head.tag == "NNS"):
            continue
        if n >= exempt and _modifier_mention(model, mention) != modifiers:
            continue
        known_words = set(name_key(actor.label).split()) | set(name_key(actor.role or "").split())
        if not distinguishing <= known_words:
            continue
        if _compatible(actor, lemma, words):
            return actor, mention
    return None


def _modifier_mention(model: TextModel, mention: Mention) -> bool:
    """A name used as a modifier of the common noun after it ("an EU member", "a Google engineer")."""
    tokens = model.tokens
    after = mention.last + 1
    return (
        after < len(tokens)
        and tokens[after].sentence == tokens[mention.last].sentence
        and tokens[after].noun
        and not tokens[after].proper
        and tokens[after].gap != ""
    )


ACCORDING_TO = "according-to"


class Resolver:
    """Pronoun resolution: the nearest actor before the pronoun that fits its number, gender and kinds, preferring
    one that was the subject of a sentence (the first mention in its sentence)."""

    def __init__(
        self,
        model: TextModel,
        actors: ActorSet,
        lexicon: Lexicon,
        quote_speakers: dict[int, str] | None = None,
        media: frozenset[int] = frozenset(),
    ) -> None:
        self.model = model
        self.actors = actors
        self.lexicon = lexicon
        self._sources: dict[int, bool] = {}  # mention start → named as a source (asked per candidate per pronoun)
        # quotation index → its speaker, once statements are known: "he" in a speaker's own words is someone else
        self.quote_speakers = quote_speakers or {}
        # where the outlets statements were given to are mentioned ("confirmed it to the Courier, but explained that
        # their …"): the one told is not what the speaker's pronouns mean
        self.media = media

    def _named_as_source(self, first: int) -> bool:
        """"According to local villagers, …": the source a sentence is told by is as good as its subject."""
        if first not in self._sources:
            self._sources[first] = any(
                m.last == first - 1 and m.entry.cue_class == ACCORDING_TO
                for m in self.lexicon.cues.find(self.model, max(0, first - 4), first - 1, lenient=True)
            )
        return self._sources[first]

    def _quotation_attributed(self, i: int) -> tuple[int, int] | None:
        """The tokens of a quotation closing just before pronoun i (outside quotations), which the pronoun's clause
        attributes ('"…," she said')."""
        tokens = self.model.tokens
        if tokens[i].quote >= 0:
            return None
        for k in range(i - 1, max(-1, i - _QUOTE_TO_PRONOUN) - 1, -1):
            if tokens[k].quote >= 0:
                quote = self.model.quotes[tokens[k].quote]
                return (quote.first, quote.last)
        return None

    def _word_before(self, first: int) -> Token | None:
        """The word before a mention and its title ("before Justice Ilse Marr": "before")."""
        tokens = self.model.tokens
        k = first - 1
        while k >= 0 and tokens[k].capitalised and tokens[k].norm in self.lexicon.words.titles:
            k -= 1
        return tokens[k] if k >= 0 else None

    def pronoun(self, i: int) -> ActorRecord | None:
        token = self.model.tokens[i]
        entry = self.lexicon.pronouns.get(token.lemma) or self.lexicon.pronouns.get(token.norm)
        if entry is None or entry.first_person:
            return None
        candidates: list[tuple[int, ActorRecord]] = []
        quoted = self._quotation_attributed(i)
        for actor, mention in self.actors.mentions_before(i):
            if token.start - mention.span.end > _BACK:
                break
            if quoted is not None and quoted[0] <= mention.first <= quoted[1]:
                continue  # '"… their Harambee House masters …" she said': the quotation's names are not its speaker
            if actor.type not in entry.types or actor.document or mention.first in self.media:
                continue
            if token.quote >= 0 and self.quote_speakers.get(token.quote) == actor.key:
                continue  # '“… but he never copied it,” said Marr': not Marr
            # "Ostrian authorities … they": a plural phrase naming a state or body is as plural as a group
            plural = actor.plural or actor.type in ("ActorGroup",) or self.model.tokens[mention.last].tag == "NNS"
            if (entry.number == "plural") != plural and not (
                entry.number == "plural" and actor.type in ORGANISATION_TYPES
            ):
                continue
            if entry.gender and actor.gender and actor.gender != entry.gender:
                continue
            if entry.number == "singular" and entry.gender is None and actor.type == "Person":
                continue  # "it" never means a person
            subject = mention.first == self.model.sentences[
                self.model.tokens[mention.first].sentence
            ].first or self._named_as_source(mention.first)
            distance = self.model.tokens[i].sentence - self.model.tokens[mention.first].sentence
            # "they" is a group or several people before it is an organisation spoken of as many
            collective_reading = entry.number == "plural" and not plural
            # "… told Open Lantern", "… of the ministry": an object is a weaker antecedent than a subject
            before = self._word_before(mention.first)
            governed = (
                before is not None
                and before.sentence == self.model.tokens[mention.first].sentence
                and (before.tag in ("IN", "TO") or before.verb)
                and not self._named_as_source(mention.first)
            )
            score = distance * 2 - (1 if subject else 0) + (2 if collective_reading else 0) + (1 if governed else 0)
            candidates.append((score, actor))
            if len(candidates) >= 6:
                break
        if not candidates:
            return None
        return min(candidates, key=lambda c: c[0])[1]
