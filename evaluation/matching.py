"""How predictions are matched with gold: names folded alike, gold texts located in the body the reader kept."""

from __future__ import annotations

import re

from newskg.ingest.extract.text.folding import name_key
from newskg.ingest.model import Actor

_LEADING = re.compile(r"^(?:a|an|the|other|dr)\s+")


def name_form(text: str) -> str:
    return _LEADING.sub("", name_key(text))


def names_match(wanted: tuple[str, ...] | list[str], found: set[str], *, exact: bool = False) -> bool:
    """A gold name and a predicted name agree when equal once folded, or (unless exact) when one holds the other
    word for word."""
    forms = {name_form(w) for w in wanted} - {""}
    if exact:
        return bool(forms & found)
    return any(w == f or f" {w} " in f" {f} " or f" {f} " in f" {w} " for w in forms for f in found if f)


def actor_names(actor: Actor) -> set[str]:
    return {name_form(n) for n in [actor.label, *actor.aliases, *(m.text for m in actor.mentions)]} - {""}


def locate(body: str, wanted: str, occurrence: int, taken: set[tuple[int, int]]) -> tuple[int, int] | None:
    """The span of the gold text in the body: its n-th occurrence when there are that many, else the first free one."""
    positions = []
    start = body.find(wanted)
    while start != -1:
        positions.append((start, start + len(wanted)))
        start = body.find(wanted, start + 1)
    if not positions:
        return None
    preferred = positions[occurrence] if occurrence < len(positions) else positions[-1]
    if preferred not in taken:
        return preferred
    return next((p for p in positions if p not in taken), None)
