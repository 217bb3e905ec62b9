"""The actor stage: text model + registry + lexicon → ActorSet. Registry names first, then proper names the registry
lacks, then descriptions; later mentions join the actor they refer back to; roles and affiliations come from titles,
role phrases and appositions."""

from __future__ import annotations

from newskg.ingest.extract.actors.affiliations import (
    house_affiliations,
    institution_states,
    possessor_affiliations,
    role_affiliation,
)
from newskg.ingest.extract.actors.contexts import ActingContexts, plural_name
from newskg.ingest.extract.actors.coreference import role_anaphors
from newskg.ingest.extract.actors.short_forms import (
    acronym_after,
    after_demonym,
    clipped_surname,
    given_names,
    initials,
    leading_forms,
    person_surnames,
    short_forms,
)
from newskg.ingest.extract.actors.described import (
    DescribedCandidate,
    find_described,
    may_be_named_soon,
    named_soon,
)
from newskg.ingest.extract.actors.bodies import unreferred_bodies
from newskg.ingest.extract.actors.epithets import age_epithets
from newskg.ingest.extract.actors.groups import Group, known_group
from newskg.ingest.extract.actors.known import KnownHit, KnownNameMatcher, Use
from newskg.ingest.extract.actors.name_types import (
    GUESSED,
    NamedCandidate,
    classify,
    names_a_thing,
)
from newskg.ingest.extract.actors.names import find_name_runs, run_text
from newskg.ingest.extract.actors.places import Gazetteer
from newskg.ingest.extract.actors.registry import Registry
from newskg.ingest.extract.actors.roles import (
    RoleFound,
    description_after,
    role_after,
    role_before,
)
from newskg.ingest.extract.actors.values import (
    ANONYMOUS,
    COLLECTIVE,
    DESCRIBED,
    KNOWN_PREFIX,
    NAMED,
    ActorSet,
)
from newskg.ingest.extract.lexicon.entries import Lexicon
from newskg.ingest.extract.text.folding import name_key
from newskg.ingest.extract.text.model import TextModel


class ActorFinder:
    """Holds what every article's actor stage needs (the registry's name matcher, the lexicon), built once."""

    def __init__(self, registry: Registry, lexicon: Lexicon) -> None:
        self.registry = registry
        self.lexicon = lexicon
        self.contexts = ActingContexts(lexicon)
        self.matcher = KnownNameMatcher(registry.entries)
        self.gazetteer = Gazetteer(registry, lexicon.words)

    def find(self, model: TextModel) -> ActorSet:
        words = self.lexicon.words
        hits = self.matcher.find(model, words)
        groups: dict[str, Group] = {}
        at_token: dict[int, str] = {}

        def put(
            key: str,
            first: int,
            last: int,
            make: callable,
            mention_first: int | None = None,
        ) -> Group:  # type: ignore[valid-type]
            group = groups.get(key) or groups.setdefault(key, make())
            group.add(model, first if mention_first is None else mention_first, last)
            for i in range(first, last + 1):
                at_token[i] = key
            return group

        for hit in hits:
            if hit.use in (Use.ACTOR, Use.METONYM):
                entry = hit.entry
                put(
                    KNOWN_PREFIX + entry.iri,
                    hit.first,
                    hit.last,
                    lambda e=entry, m=hit.use: Group(
                        key=KNOWN_PREFIX + e.iri,
                        label=e.label,
                        type=e.type,
                        kind=NAMED,
                        confidence=1.0 if m is Use.ACTOR else 0.9,
                        registry_iri=e.iri,
                        wikidata=e.wikidata,
                        role=e.role,
                        affiliation=KNOWN_PREFIX + e.affiliation if e.affiliation else None,
                        plural=e.type == "ActorGroup",
                    ),
                )
        for hit in hits:
            if hit.use is Use.DEMONYM and self.contexts.names_a_doer(model, hit.last):
                entry = hit.entry  # "traces of Ukrainian involvement": the state, said to have done it
                put(
                    KNOWN_PREFIX + entry.iri,
                    hit.first,
                    hit.last,
                    lambda e=entry: known_group(e, confidence=0.8),
                )
        runs = find_name_runs(model, hits, words)
        things = {name_key(run_text(model, r.first, r.last)) for r in runs if names_a_thing(model, r, words)}
        named = [
            c
            for run in runs
            if (c := classify(model, run, words, self.gazetteer)) is not None and name_key(c.label) not in things
        ]
        known_aliases = {
            form: key for key, group in groups.items() for form in short_forms(group.label, group.type, words)
        }
        surnames = person_surnames(named)
        aliases, roles_found = self._named_groups(model, named, put, groups, hits, known_aliases, surnames)
        for hit in hits:  # the text's role for a registry person outranks the registry's
            if hit.use is Use.ACTOR and hit.entry.type == "Person":
                found = role_before(model, hit.first, words) or role_after(model, hit.last, words)
                if found is not None:
                    groups[KNOWN_PREFIX + hit.entry.iri].role = found.role
                    roles_found.append((groups[KNOWN_PREFIX + hit.entry.iri], found))
        self._single_words(model, named, aliases, surnames, put, groups)
        for group in groups.values():  # a guessed one-word name told something anywhere is the medium
            if (
                group.type == "Organization"
                and group.confidence <= GUESSED
                and len(group.label.split()) == 1
                and any(self.contexts.told(model, m.first) and not plural_name(model, m.first) for m in group.mentions)
            ):
                group.type = "MediaOutlet"
        taken = set(at_token) | {i for h in hits if h.use is not Use.DEMONYM for i in range(h.first, h.last + 1)}
        for candidate in find_described(model, hits, taken, words, lambda i: self.contexts.speaks(model, i)):
            self._described(model, candidate, put, at_token, groups)
        self._merge_apposed_names(model, groups, at_token)
        for group, found in roles_found:  # once every actor is known: the organisation may be named after the person
            group.affiliation = role_affiliation(model, found, groups, hits, self.lexicon) or group.affiliation
        actors = ActorSet(tuple(g.record() for g in groups.values()), len(model.tokens))
        anaphors = role_anaphors(model, actors, words) + age_epithets(model, actors, words)
        for anaphor in anaphors:
            groups[anaphor.actor_key].add(model, anaphor.first, anaphor.last)
        referred = ActorSet(tuple(g.record() for g in groups.values()), len(model.tokens))
        for candidate in unreferred_bodies(model, referred, words, lambda i: self.contexts.speaks(model, i)):
            self._described(model, candidate, put, at_token, groups)
        for group, found in roles_found:  # "the mill's chief engineer": the possessor is a mention only now
            if group.affiliation is None:
                group.affiliation = role_affiliation(model, found, groups, hits, self.lexicon)
        possessor_affiliations(model, groups)
        institution_states(model, groups, words)
        house_affiliations(model, groups, self.lexicon.words)  # after "the company" joined the company it refers to
        for group in groups.values():  # a dateline names where the story was filed and its wire, no actor
            group.mentions = [m for m in group.mentions if m.span.start >= model.dateline_end]
        records = tuple(
            sorted(
                (g.record() for g in groups.values() if g.mentions),
                key=lambda r: r.first_token,
            )
        )
        demonyms = tuple(
            (i, KNOWN_PREFIX + h.entry.iri)
            for h in hits
            if h.use is Use.DEMONYM and KNOWN_PREFIX + h.entry.iri in groups
            for i in range(h.first, h.last + 1)
        )
        return ActorSet(records, len(model.tokens), demonyms)

    def _named_groups(
        self,
        model: TextModel,
        named: list[NamedCandidate],
        put,
        groups,
        hits: list[KnownHit],
        known_aliases: dict[str, str],
        surnames: frozenset[str],
    ) -> tuple[dict[str, str], list[tuple[Group, RoleFound]]]:
        """Names become actors; a surname, an acronym given in brackets or made of a name's initials joins the actor
        named in full (returns short forms → the actor's key)."""
        words = self.lexicon.words
        aliases: dict[str, str] = dict(known_aliases)
        roles_found: list[tuple[Group, RoleFound]] = []
        full = [c for c in named if not c.single and len(name_key(c.label).split()) > 1]
        full_by_key = {"name:" + name_key(c.label): c for c in full}
        for candidate in full:
            key = "name:" + name_key(candidate.label)
            for form in short_forms(candidate.label, candidate.type, words):
                aliases.setdefault(form, key)
            if candidate.type != "Person":
                aliases.setdefault(initials(candidate.label, words), key)
                for form in leading_forms(candidate.label):
                    aliases.setdefault(form, key)  # "Bayview Regional", "Bayview" for "Bayview Regional Medical Center"
            acronym = acronym_after(model, candidate.last, candidate.label)
            if acronym is not None:
                aliases[model.tokens[acronym[0]].norm] = key
            if (plain := "name:" + after_demonym(model, candidate, hits)) in full_by_key and plain != key:
                aliases[name_key(candidate.label)] = plain  # "the Ostrian Harbour Times" is the Harbour Times
        described = [
            c for c in full if c.title or role_before(model, c.first, words) or role_after(model, c.last, words)
        ]  # a person the text says is one ("spokesman Lee Min-jun"), not a name typed a person by its shape
        for form, key in given_names(described).items():
            aliases.setdefault(form, key)
        for candidate in named:
            if candidate.single:
                continue
            own = "name:" + name_key(candidate.label)
            alias = aliases.get(name_key(candidate.label))
            if alias is None and candidate.type != "Person":
                alias = aliases.get(clipped_surname(name_key(candidate.label), surnames))
            key = alias if alias is not None and alias != own else own
            group = self._put_named(model, candidate, key, put, full_by_key.get(key))
            if group.gender is None and candidate.gender is not None:
                group.gender = candidate.gender
            if group.role is None and candidate.type == "Person":
                found = role_before(model, candidate.first, words) or role_after(model, candidate.last, words)
                if found is not None:
                    group.role = found.role
                    roles_found.append((group, found))
            elif group.role is None:
                group.role = description_after(model, candidate.last, words)  # "X, a Telegram channel that …"
        return aliases, roles_found

    def _single_words(
        self,
        model: TextModel,
        named: list[NamedCandidate],
        aliases: dict[str, str],
        surnames: frozenset[str],
        put,
        groups,
    ) -> None:  # type: ignore[no-untyped-def]
        """A lone capitalised word: a short form of an actor named in full, else kept only where it speaks or recurs."""
        counts: dict[str, int] = {}
        for candidate in named:
            if candidate.single:
                counts[name_key(candidate.label)] = counts.get(name_key(candidate.label), 0) + 1
        for candidate in named:
            if not candidate.single:
                continue
            form = name_key(candidate.label)
            alias = aliases.get(form) or aliases.get(clipped_surname(form, surnames))
            if alias is not None:
                put(alias, candidate.first, candidate.last, lambda: groups[alias])
                continue
            known = self.registry.resolve(candidate.label)
            if known is not None and not known.is_place:
                continue
            relative = (
                candidate.last + 2 < len(model.tokens)
                and model.tokens[candidate.last + 1].text == ","
                and model.tokens[candidate.last + 2].tag in ("WDT", "WP")
            )
            penalised = self.contexts.penalised(model, candidate.first)  # "a fine imposed on X"
            acts = self.contexts.speaks(model, candidate.last) or relative or penalised
            explained = (self.contexts.told(model, candidate.first) or self.contexts.led_to(model, candidate.first)
                         or counts[form] >= 2)
            if acts or explained and not candidate.place:
                self._put_named(model, candidate, "name:" + form, put)

    def _merge_apposed_names(self, model: TextModel, groups: dict[str, Group], at_token: dict[int, str]) -> None:
        """"Ostria's military intelligence agency, the DMI, …": an institution described, then named in apposition,
        is one actor under its name, with the kind and state the description gave it."""
        tokens = model.tokens
        for key, group in list(groups.items()):
            if not group.described or group.kind != NAMED or len(group.mentions) != 1:
                continue
            end = group.mentions[0].last
            k = end + 1
            if k >= len(tokens) or tokens[k].text not in (",", "("):
                continue
            k += 1
            if k < len(tokens) and tokens[k].norm == "the":
                k += 1
            other_key = at_token.get(k)
            other = groups.get(other_key) if other_key else None
            if other is None or other is group or other.kind != NAMED or other.described:
                continue
            named_mention = next((m for m in other.mentions if m.first == k), None)
            closing = named_mention is not None and named_mention.last + 1 < len(tokens)
            if not closing or tokens[named_mention.last + 1].text not in (",", ")", "."):
                continue
            if group.affiliation is None and other.registry_iri is None and other.type != "Person":
                continue
            other.mentions.extend(group.mentions)
            other.type = group.type if other.registry_iri is None else other.type
            other.affiliation = other.affiliation or group.affiliation
            for i in range(group.mentions[0].first, end + 1):
                at_token[i] = other_key
            del groups[key]

    def _put_named(  # type: ignore[no-untyped-def]
        self, model: TextModel, candidate: NamedCandidate, key: str, put, full: NamedCandidate | None = None
    ) -> Group:
        """A name's mention added to its actor's group, the group made from the name when it is the first — from
        the full name when this one is its short form ("Voss" in a heading before "Tomas Voss")."""
        made_from = full or candidate
        return put(
            key,
            candidate.first,
            candidate.last,
            lambda: Group(
                key=key,
                label=made_from.label,
                type=self._type_told(model, made_from),
                kind=NAMED,
                confidence=made_from.confidence,
                role=made_from.title,
                gender=made_from.gender,
            ),
        )

    def _type_told(self, model: TextModel, candidate: NamedCandidate) -> str:
        """A lone name someone tells, with nothing else said of what it is, is the medium ("told Dispatchwire")."""
        guessed = (
            candidate.type == "Organization" and candidate.confidence <= GUESSED and candidate.first == candidate.last
        )
        guessed = guessed and not plural_name(model, candidate.first)
        return "MediaOutlet" if guessed and self.contexts.told(model, candidate.first) else candidate.type

    def _described(
        self,
        model: TextModel,
        candidate: DescribedCandidate,
        put,
        at_token: dict[int, str],
        groups: dict[str, Group],
    ) -> None:  # type: ignore[no-untyped-def]
        if candidate.type == "State" and candidate.affiliation_hit is not None:
            # "Ostria's army-led government", "the Valmoran government": the state itself, acting
            entry = candidate.affiliation_hit.entry
            put(
                KNOWN_PREFIX + entry.iri,
                candidate.first,
                candidate.last,
                lambda: known_group(entry, confidence=0.9),
                mention_first=candidate.mention_first,
            )
            return
        named = None
        if may_be_named_soon(model, candidate):
            names = {
                i: (k, groups[k].role or "" if groups[k].type == "Person" else groups[k].label,
                    groups[k].type == "Person")
                for i, k in at_token.items()
                if groups[k].kind == NAMED
            }
            named = named_soon(model, candidate, names)
        if named is not None:
            put(named, candidate.first, candidate.last, lambda: groups[named])
            return
        prefix = {
            ANONYMOUS: "source:",
            COLLECTIVE: "group:",
            DESCRIBED: "described:",
            NAMED: "name:",
        }[candidate.kind]
        label = candidate.label
        key = prefix + name_key(label)
        affiliation = None
        if candidate.affiliation_hit is not None:
            affiliation = KNOWN_PREFIX + candidate.affiliation_hit.entry.iri
        elif candidate.possessor is not None:
            affiliation = next(
                (at_token[i] for i in range(candidate.possessor[0], candidate.possessor[1] + 1) if i in at_token),
                None,
            )
        put(
            key,
            candidate.first,
            candidate.last,
            lambda: Group(
                key=key,
                label=label,
                type=candidate.type,
                kind=candidate.kind,
                confidence=0.75,
                role=candidate.role,
                affiliation=affiliation,
                plural=candidate.plural,
                document=candidate.document,
                described=True,
            ),
            mention_first=candidate.mention_first,
        )
