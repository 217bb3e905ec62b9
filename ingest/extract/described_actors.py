"""Which actor a definite description ("the bank", "the militia") stands for: the one the article named with that
head noun, or introduced with it in an apposition ("the Union of Farmers (UF), a lobby group that ...").

News writes an actor's name once and then its kind: "Consumer group X accused the bank of ...". The speaker stage
resolves role nouns by actor type, which goes wrong when an actor's type is uncertain; the words of the article are a
surer guide. The most recent such actor before the description wins.
"""

from __future__ import annotations

import re

from ingest.extract.actor_index import ActorIndex, MentionRef
from ingest.model import Actor

_PEOPLE = frozenset({"Person", "AnonymousSource"})
_APPOSITION_REACH = 30  # characters after a mention where an apposition ", a militia" may begin


def _head(description: str) -> str | None:
    words = re.findall(r"[A-Za-z][\w-]*", description)
    return words[-1].lower() if len(words) >= 2 else None


def _forms(head: str) -> set[str]:
    singular = head[:-1] if head.endswith("s") and not head.endswith("ss") else head
    return {singular, singular + "s"}


def _named_with(actor: Actor, forms: set[str]) -> bool:
    """'Meridian Savings Bank' for 'the bank'; not 'A bank spokeswoman' (a person named by another noun)."""
    if actor.type in _PEOPLE:
        return False
    return any(name.split()[-1].lower() in forms for name in [actor.label, *actor.aliases] if name.split())


def _introduced_as(text: str, ref: MentionRef, forms: set[str]) -> bool:
    """'X (XY), a militia drawn from ...': an apposition right after the mention names the actor's kind."""
    after = text[ref.end:ref.end + _APPOSITION_REACH + 40]
    apposition = re.match(r"\s*(?:\([^)]{1,20}\)\s*)?,\s*(?:a|an|the)\s+((?:[\w-]+\s+){0,3}?)([\w-]+)\b", after)
    return bool(apposition and apposition.group(2).lower() in forms)


def described_actor(text: str, index: ActorIndex, start: int, end: int) -> MentionRef | None:
    """The actor the definite description text[start:end] refers back to, as a reference spanning the description."""
    head = _head(text[start:end])
    if head is None:
        return None
    forms = _forms(head)
    for ref in index.before(start):
        if _named_with(ref.actor, forms) or _introduced_as(text, ref, forms) or \
                (ref.actor.role or "").lower() in forms:
            return MentionRef(start, end, ref.actor)
    return None
