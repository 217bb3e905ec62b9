"""The made-up world the benchmark corpus reports on: states with officials and bodies, experts, groups, outlets.

Built once per corpus seed from bench/data/world.toml, so the same people recur across articles (as in real news:
one minister in many stories, which gives actor pages with hundreds of allegations at scale).
"""

from __future__ import annotations

import random
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Person:
    first: str
    surname: str
    female: bool
    title: str | None          # capitalised title used before the name ("Foreign Minister"), or None
    apposition: str            # "the foreign minister of Veloria", "a senior fellow at the ..."
    ref: str                   # role noun for later mentions ("the minister")

    @property
    def name(self) -> str:
        return f"{self.first} {self.surname}"


@dataclass(frozen=True)
class Org:
    name: str                  # with its article where English uses one: "the Red Hawk Brigade"
    kind: str                  # ontology class local name
    ref: str                   # later mention ("the brigade")
    acronym: str | None = None


@dataclass(frozen=True)
class State:
    name: str
    short: str
    demonym: str
    capital: str
    places: tuple[str, ...]
    officials: tuple[Person, ...]
    bodies: tuple[Org, ...]


@dataclass(frozen=True)
class World:
    states: tuple[State, ...]
    experts: tuple[Person, ...]
    journalists: tuple[Person, ...]
    groups: tuple[Org, ...]
    companies: tuple[Org, ...]
    parties: tuple[Org, ...]
    outlets: tuple[str, ...]
    accounts: tuple[str, ...]
    photographers: tuple[str, ...]


@lru_cache(maxsize=None)
def load_toml(name: str) -> dict[str, Any]:
    with open(DATA / name, "rb") as handle:
        return tomllib.load(handle)


class _NamePool:
    """Hands out distinct person names (first name + surname) drawn from the vocabularies."""

    def __init__(self, rng: random.Random, names: dict[str, list[str]]) -> None:
        self.rng, self.names = rng, names
        self.used: set[tuple[str, str]] = set()
        self.surnames: set[str] = set()

    def take(self) -> tuple[str, str, bool]:
        for attempt in range(10_000):
            female = self.rng.random() < 0.45
            first = self.rng.choice(self.names["first_female" if female else "first_male"])
            surname = self.rng.choice(self.names["surnames"])
            if (first, surname) in self.used or (surname in self.surnames and attempt < 30):
                continue  # prefer surnames not taken yet, so a surname alone usually names one person
            self.used.add((first, surname))
            self.surnames.add(surname)
            return first, surname, female
        raise RuntimeError("name vocabulary exhausted")


def acronym(name: str) -> str | None:
    words = [w for w in name.replace("the ", "").split() if w[0].isupper() and w not in {"Of", "For"}]
    return "".join(w[0] for w in words) if len(words) >= 3 else None


def build_world(seed: int) -> World:
    return _build_world(seed)


@lru_cache(maxsize=8)
def _build_world(seed: int) -> World:
    rng = random.Random(f"world:{seed}")
    data = load_toml("world.toml")
    pool = _NamePool(rng, data["names"])
    orgs = data["orgs"]
    regions = orgs["regions"]

    states: list[State] = []
    for entry in data["state"]:
        short = entry.get("short", entry["name"])
        officials = []
        for title, apposition, ref in data["titles"]["state_official"]:
            first, surname, female = pool.take()
            officials.append(Person(first, surname, female, title if title[0].isupper() else None,
                                    apposition.format(state=short), ref))
        bodies = tuple(Org(name.format(demonym=entry["demonym"]), kind, ref)
                       for name, kind, ref in orgs["state_bodies"])
        states.append(State(entry["name"], short, entry["demonym"], entry["capital"], tuple(entry["places"]),
                            tuple(officials), bodies))

    def fill(pattern: str) -> str:
        state = rng.choice(states)
        return pattern.format(place=rng.choice(state.places).replace("the ", "").title(), demonym=state.demonym,
                              capital=state.capital, region=rng.choice(regions),
                              name=rng.choice(data["names"]["surnames"]))

    think_tanks = sorted({fill(p) for p in orgs["think_tanks"] for _ in range(3)})
    experts = []
    for _ in range(90):
        first, surname, female = pool.take()
        org = "the " + rng.choice(think_tanks)
        experts.append(Person(first, surname, female, None, rng.choice(data["titles"]["expert"]).format(org=org),
                              "the analyst"))
    outlets = tuple(data["outlets"]["names"])
    journalists = []
    for _ in range(30):
        first, surname, female = pool.take()
        journalists.append(Person(first, surname, female, None,
                                  rng.choice(data["titles"]["journalist"]).format(outlet=rng.choice(outlets)),
                                  "the journalist"))
    groups = tuple(Org("the " + name, "ArmedGroup", "the group", acronym(name))
                   for name in sorted({fill(p) for p in orgs["groups"] for _ in range(4)}))
    companies = tuple(Org(name, "Organization", "the company") for name in orgs["companies"])
    parties = tuple(Org(f"the {state.demonym} {kind}", "Organization", "the party")
                    for state in states for kind in ("Progress Party", "Democratic Alliance", "National Renewal Movement"))
    photographers = tuple(f"{pool.take()[0]} {pool.take()[1]}" for _ in range(20))
    return World(tuple(states), tuple(experts), tuple(journalists), groups, companies, parties, outlets,
                 tuple(data["outlets"]["accounts"]), photographers)
