"""What the exports say about an actor: its kind, name, other names, roles and same-as links (e.g. Wikidata)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from newskg.exports.rows import iri_values, select
from newskg.ingest.namespaces import NKG
from newskg.store.interface import Store

FACTS = """SELECT DISTINCT ?actor ?kind ?value WHERE {
  $actors
  { ?actor a ?value BIND("type" AS ?kind) }
  UNION { ?actor skos:prefLabel ?value BIND("pref" AS ?kind) }
  UNION { ?actor rdfs:label ?value BIND("label" AS ?kind) }
  UNION { ?actor skos:altLabel ?value BIND("alt" AS ?kind) }
  UNION { ?actor nkg:role ?value BIND("role" AS ?kind) }
  UNION { ?actor owl:sameAs ?value BIND("same" AS ?kind) }
}"""
CHUNK = 500
# the most specific kind wins: an intelligence agency is also a government body and an organisation
KINDS_MOST_SPECIFIC_FIRST = ("IntelligenceAgency", "GovernmentBody", "State", "ArmedGroup", "MediaOutlet", "ThinkTank",
                             "AcademicInstitution", "SocialMediaAccount", "AnonymousSource", "ActorGroup", "Person",
                             "Organization", "Actor")
ONTOLOGY = str(NKG)


@dataclass
class ActorFacts:
    iri: str
    types: set[str] = field(default_factory=set)        # local names of nkg classes
    preferred: set[str] = field(default_factory=set)
    labels: set[str] = field(default_factory=set)
    aliases: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    same_as: set[str] = field(default_factory=set)

    @property
    def name(self) -> str:
        """The preferred label, else the shortest label; the same choice on every run."""
        names = sorted(self.preferred) or sorted(self.labels, key=lambda label: (len(label), label))
        return names[0] if names else self.iri.rstrip("/").rsplit("/", 1)[-1]

    @property
    def other_names(self) -> list[str]:
        return sorted((self.preferred | self.labels | self.aliases) - {self.name})

    @property
    def kind(self) -> str:
        for kind in KINDS_MOST_SPECIFIC_FIRST:
            if kind in self.types:
                return kind
        return "Actor"


def load_actor_facts(store: Store, iris: Iterable[str]) -> dict[str, ActorFacts]:
    wanted = sorted(set(iris))
    facts = {iri: ActorFacts(iri) for iri in wanted}
    for start in range(0, len(wanted), CHUNK):
        body = FACTS.replace("$actors", iri_values("actor", wanted[start:start + CHUNK]))
        for row in select(store, body):
            actor, kind, value = facts[row["actor"]], row["kind"], row["value"]
            if kind == "type":
                if value.startswith(ONTOLOGY):
                    actor.types.add(value[len(ONTOLOGY):])
            else:
                {"pref": actor.preferred, "label": actor.labels, "alt": actor.aliases, "role": actor.roles,
                 "same": actor.same_as}[kind].add(value)
    return facts
