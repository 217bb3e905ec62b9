"""Places and parties in an event's phrase: registry places and actors (by name or demonym, "the Varenian
invasion"), the actors the actor stage found there, and place names the registry lacks after a preposition of place
("the offensive on Port Kessa")."""

from __future__ import annotations

from newskg.ingest.extract.actors.known import KnownHit, KnownNameMatcher, Use
from newskg.ingest.extract.actors.values import ActorSet
from newskg.ingest.extract.events.values import Parties, PlaceRef
from newskg.ingest.extract.lexicon.words import WordTables
from newskg.ingest.extract.text.model import TextModel
from newskg.ingest.iris import IriMinter

NOT_PARTICIPANTS = frozenset({"MediaOutlet", "SocialMediaAccount"})  # where an event is reported, not who took part


class PlaceReader:
    """Reads one article's event phrases; built per article from the registry's hits in its text model."""

    def __init__(
        self,
        model: TextModel,
        actors: ActorSet,
        matcher: KnownNameMatcher,
        words: WordTables,
        iris: dict[str, str],
        minter: IriMinter,
    ) -> None:
        self.model = model
        self.actors = actors
        self.words = words
        self.iris = iris
        self.minter = minter
        self.hits: dict[int, KnownHit] = {h.first: h for h in matcher.find(model, words)}

    def read(self, first: int, last: int, head: int) -> Parties:
        places: dict[str, PlaceRef] = {}
        participants: list[str] = []
        possessor: str | None = None
        tokens = self.model.tokens
        i = first
        while i <= last:
            hit, found = self.hits.get(i), self.actors.mention_at(i)
            end = max(hit.last if hit else i, found[1].last if found else i)
            party: str | None = None
            if hit is not None and hit.use is Use.PLACE:
                # a state's name used as a place ("in Varenia") is its territory, a place apart from the state
                iri = hit.entry.iri if hit.entry.is_place else str(self.minter.place(hit.entry.label))
                places.setdefault(iri, PlaceRef(iri, hit.entry.label))
            elif found is not None and found[0].type not in NOT_PARTICIPANTS and found[0].key in self.iris:
                party = self.iris[found[0].key]
                participants += [
                    h.entry.iri
                    for k in range(i, end + 1)  # "Varenian troops": Varenia too
                    if (h := self.hits.get(k)) and h.use is Use.DEMONYM
                ]
            elif hit is not None:
                party = hit.entry.iri  # a registry actor, its demonym or its capital standing for it
            elif self._place_name_at(i, head):
                end = self._name_end(i, last)
                name = self.model.span(i, end).text
                iri = str(self.minter.place(name))
                places.setdefault(iri, PlaceRef(iri, name))
            if party is not None:
                participants.append(party)
                if end < head and tokens[end + 1].tag == "POS":
                    possessor = party
            i = end + 1
        return Parties(tuple(places.values()), tuple(dict.fromkeys(participants)), possessor)

    def _is_name_word(self, i: int) -> bool:
        token = self.model.tokens[i]
        norm = token.norm
        return (
            token.capitalised
            and token.proper
            and not (self.words.is_("month", norm) or self.words.is_("weekday", norm) or norm in self.words.not_names)
        )

    def _place_name_at(self, i: int, head: int) -> bool:
        """A name the registry and the actor stage do not know, after a preposition of place past the event noun."""
        if i <= head or not self._is_name_word(i) or self._is_name_word(i - 1):
            return False
        before = self.model.tokens[i - 1].norm
        return self.words.is_("event-tail", before) and not self.words.is_("agent-preposition", before)

    def _name_end(self, i: int, last: int) -> int:
        end = i
        while (
            end + 1 <= last
            and self._is_name_word(end + 1)
            and self.actors.at(end + 1) is None
            and end + 1 not in self.hits
        ):
            end += 1
        return end
