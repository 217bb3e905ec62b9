"""One story's body, composed from the grammar in bench/data/stories.toml: a cast of actors in roles, and paragraphs.

Mentions follow news style: the first mention of a person gives title or apposition, later ones the surname, a role
noun ("the minister") or a pronoun; states come back as their capital (metonymy) or "the X government".
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Sequence, TypeVar

from bench.corpus_world import Org, Person, State, World, load_toml

T = TypeVar("T")
SLOT = re.compile(r"\{(\w+)(?::(\w+))?\}")
SENTENCE_START = re.compile(r"(^|[.!?][\"”’']?\s+|^[“\"])([a-z])")
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
ANONYMOUS = [("a {demonym} official, speaking on condition of anonymity,", "the official"),
             ("a {demonym} source familiar with the situation", "the source"),
             ("a senior diplomat in {capital}", "the diplomat"),
             ("an adviser to the {demonym} government, who asked not to be named,", "the adviser")]
MIDDLE_KINDS = ["background", "accuse", "quote_accuser", "reported", "deny", "downplay", "analysis", "anonymous",
                "accuse", "quote_accuser", "analysis", "deny", "downplay", "background"]


def zipf_sample(rng: random.Random, items: Sequence[T], count: int, exponent: float = 0.9) -> list[T]:
    """count distinct items, the first ones far more often than the last (a few actors dominate the news)."""
    indices = list(range(len(items)))
    chosen: list[T] = []
    for _ in range(count):
        weights = [1.0 / (i + 1) ** exponent for i in indices]
        index = rng.choices(indices, weights)[0]
        indices.remove(index)
        chosen.append(items[index])
    return chosen


@dataclass
class Role:
    """An actor playing a part in the story; remembers whether it has been introduced yet."""

    label: str
    kind: str                         # ontology class local name
    first: str                        # first mention in subject position (may carry an apposition)
    named: str                        # first mention without apposition
    later: tuple[str, ...]            # later references
    pronoun: str = "it"
    introduced: bool = False

    def mention(self, form: str | None, rng: random.Random) -> str:
        if form in {"pron", "Pron"} and self.introduced:
            return self.pronoun.capitalize() if form == "Pron" else self.pronoun
        if not self.introduced:
            self.introduced = True
            return self.named if form == "name" else self.first
        return rng.choice(self.later) if form in {"ref", "pron", "Pron"} else self.later[0]


def person_role(person: Person, rng: random.Random) -> Role:
    named = f"{person.title} {person.name}" if person.title else person.name
    first = named if person.title and rng.random() < 0.5 else f"{person.name}, {person.apposition},"
    return Role(person.name, "Person", first, named, (person.surname, person.surname, person.ref),
                "she" if person.female else "he")


def org_role(org: Org, rng: random.Random) -> Role:
    first = f"{org.name} ({org.acronym})" if org.acronym and rng.random() < 0.5 else org.name
    later = (org.acronym,) if org.acronym and first != org.name else (org.name, org.ref)
    return Role(org.name.removeprefix("the "), org.kind, first, first, later)


def state_role(state: State) -> Role:
    return Role(state.short, "State", state.short, state.short,
                (state.short, state.capital, f"the {state.demonym} government"))


@dataclass
class Body:
    title: str
    standfirst: str
    paragraphs: list[str]
    actors: list[str]                 # labels of the actors the body names
    quotes: list[tuple[str, str]]     # (direct quote text, speaker label)
    domain: str
    places: list[str] = field(default_factory=list)


class StoryWriter:
    """Fills templates for one story; the order of filling is the order of the text, so mentions read naturally."""

    def __init__(self, world: World, rng: random.Random, published: date, publisher: str) -> None:
        self.rng, self.published = rng, published
        self.grammar = load_toml("stories.toml")
        self.domain_name = rng.choice(sorted(self.grammar["domains"]))
        self.domain = self.grammar["domains"][self.domain_name]
        accuser_state, accused, third = zipf_sample(rng, world.states, 3)
        self.places = [*accused.places, *accuser_state.places, *third.places[:2]]
        beneficiaries = {"group": world.groups, "company": world.companies,
                         "party": [p for p in world.parties if accused.demonym not in p.name]}[self.domain["beneficiary"]]
        anon, anon_ref = rng.choice(ANONYMOUS)
        anon_state = rng.choice([accused, third])
        outlets = [o for o in world.outlets if o != publisher]
        outlet, outlet2 = rng.sample(outlets, 2)
        account = rng.choice(world.accounts)
        self.roles: dict[str, Role] = {
            "accuser": person_role(zipf_sample(rng, accuser_state.officials, 1)[0], rng),
            "accuser_state": state_role(accuser_state),
            "accused": state_role(accused),
            "accused_body": org_role(rng.choice(accused.bodies), rng),
            "beneficiary": org_role(rng.choice(beneficiaries), rng),
            "denier": person_role(zipf_sample(rng, accused.officials, 1)[0], rng),
            "analyst": person_role(rng.choice(world.experts), rng),
            "analyst2": person_role(rng.choice(world.experts), rng),
            "journalist": person_role(rng.choice(world.journalists), rng),
            "third": person_role(rng.choice(third.officials), rng),
            "anon": Role(anon.format(demonym=anon_state.demonym, capital=anon_state.capital).rstrip(","),
                         "AnonymousSource", anon.format(demonym=anon_state.demonym, capital=anon_state.capital),
                         anon.format(demonym=anon_state.demonym, capital=anon_state.capital).rstrip(","),
                         (anon_ref,), rng.choice(["he", "she"])),
            "outlet": Role(outlet, "MediaOutlet", rng.choice([outlet, f"the newspaper {outlet}"]), outlet, (outlet,)),
            "outlet2": Role(outlet2, "MediaOutlet", outlet2, outlet2, (outlet2,)),
            "account": Role(account, "SocialMediaAccount",
                            f"{account}, a Telegram channel close to the {accused.demonym} defence ministry,",
                            account, (account, "the channel")),
        }
        self.misdeeds = rng.sample(self.domain["misdeeds"], 2)
        self.event = self._fill(rng.choice(self.domain["events"]))
        self.quotes: list[tuple[str, str]] = []
        self.curly = rng.random() < 0.8
        self.used: dict[str, set[str]] = {}

    def pick(self, key: str, options: list[str], count: int = 1) -> list[str]:
        """Choose options not used yet in this article (a story repeats itself only when it has run out)."""
        used = self.used.setdefault(key, set())
        fresh = [o for o in options if o not in used]
        if len(fresh) < count:
            used.clear()
            fresh = list(options)
        chosen = self.rng.sample(fresh, min(count, len(fresh)))
        used.update(chosen)
        return chosen

    # --- slots -------------------------------------------------------------------------------------
    def _date(self) -> str:
        days = self.rng.randint(1, 60)
        when = self.published - timedelta(days=days)
        style = self.rng.randrange(4)
        if style == 0 and days < 7:
            return f"on {WEEKDAYS[when.weekday()]}"
        if style == 1:
            return f"in {'early' if when.day < 11 else 'late' if when.day > 20 else 'mid-'} {MONTHS[when.month - 1]}".replace("- ", "-")
        if style == 2:
            return "last week" if days < 14 else "last month"
        return f"on {when.day} {MONTHS[when.month - 1]}"

    def _slot(self, match: re.Match[str]) -> str:
        name, form = match.group(1), match.group(2)
        if name in self.roles:
            return self.roles[name].mention(form, self.rng)
        if name == "q":
            options = self.domain[form] if form in self.domain else self.grammar["labels"][form]
            return self._fill(self.pick(f"q:{form}", options)[0])
        simple = {"misdeed": lambda: self._fill(self.misdeeds[0][0]),
                  "misdeed_past": lambda: self._fill(self.rng.choice(self.misdeeds)[1]),
                  "event": lambda: self.event[0].lower() + self.event[1:],
                  "date": self._date, "place": lambda: self.rng.choice(self.places),
                  "n": lambda: str(self.rng.randint(2, 40)), "year": lambda: str(self.published.year - self.rng.randint(2, 8))}
        if name in simple:
            return simple[name]()
        return self.rng.choice(self.grammar["verbs"][name])

    def _fill(self, template: str) -> str:
        return SLOT.sub(self._slot, template)

    def sentence(self, template: str) -> str:
        text = self._fill(template)
        for quote in re.findall(r"“([^”]+)”", text):
            self.quotes.append((quote.rstrip(","), self._last_speaker(template)))
        text = SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).upper(), text)
        return text if self.curly else text.replace("“", '"').replace("”", '"')

    def _last_speaker(self, template: str) -> str:
        roles = [m.group(1) for m in SLOT.finditer(template) if m.group(1) in self.roles]
        return self.roles[roles[-1]].label if roles else ""

    # --- the body ----------------------------------------------------------------------------------
    def write(self, target_words: int) -> Body:
        paragraphs = self.grammar["paragraphs"]
        title = self.sentence(self.rng.choice(self.domain["headlines"]))
        standfirst = self.sentence(self.rng.choice(self.domain["standfirsts"]))
        for role in self.roles.values():
            role.introduced = False  # the headline does not introduce anyone to the body's reader
        body = [self.sentence(self.rng.choice(paragraphs["lead"]))]
        kinds = MIDDLE_KINDS[:]
        words = len(body[0].split())
        while words < target_words:
            if not kinds:
                kinds = MIDDLE_KINDS[:]
                self.rng.shuffle(kinds)
            kind = kinds.pop(0)
            templates = self.pick(kind, paragraphs[kind], self.rng.choice([1, 1, 2]))
            paragraph = " ".join(self.sentence(t) for t in templates)
            body.append(paragraph)
            words += len(paragraph.split())
        body.append(self.sentence(self.rng.choice(paragraphs["outlook"])))
        actors = [r.label for r in self.roles.values() if r.introduced]
        return Body(title, standfirst, body, actors, self.quotes, self.domain_name, self.places)
