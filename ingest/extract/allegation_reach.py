"""How far a statement reaches among the article's allegations when its words do not name them: an act of the same
kind said of no one, a definite allegation noun ("the claims", "similar claims"), and a claim against a body of an
accused party. Used by allegations.py once every allegation is known."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ingest.extract.claims import Claim
from ingest.extract.lexicon import Lexicon
from ingest.model import Allegation, Statement

_REFERRING = re.compile(r"\b(?:the|these|those|such|this|that|similar|its|their|his|her)\s+(?:[\w-]+\s+)?$",
                        re.IGNORECASE)


def _related(lexicon: Lexicon, first: str | None, second: str | None) -> bool:
    return first is None or second is None or lexicon.related_types(first, second)


def same_kind(claims: list[Claim], types: set[str | None], allegations: Iterable[Allegation],
              lexicon: Lexicon) -> list[Allegation]:
    """'Volunteers recorded discharges': an act of a known kind, said of no one named, bears on the allegations of
    that kind when they all accuse the same actors (the article's one story of that kind); a wrongful act
    ("managers concealed the breach") bears so on allegations of a related or unknown kind."""
    known = {t for t in types if t is not None}
    candidates = list(allegations)
    found = [a for a in candidates if a.claim_type is not None and
             any(lexicon.related_types(t, a.claim_type) for t in known)]
    if not found:
        wrongful = [c.claim_type for c in claims if c.cue.wrongful and not c.negated]
        found = [a for a in candidates if any(_related(lexicon, t, a.claim_type) for t in wrongful)]
    return found if len({frozenset(a.accused) for a in found}) == 1 else []


def referred(text: str, statement: Statement, allegations: Iterable[Allegation], lexicon: Lexicon) -> list[Allegation]:
    """'These accusations are about politics', 'X made similar claims before': a definite allegation noun in the
    content refers to the article's allegations (those the speaker does not claim)."""
    content = statement.content
    for noun in lexicon.noun_re.finditer(text, content.start, content.end):
        entry = lexicon.reporting_cue(noun.group(0))
        if entry and entry.allegation and _REFERRING.search(text[max(content.start, noun.start() - 12):noun.start()]):
            return [a for a in allegations if statement.speaker not in a.claimants]
    return []


def fold_organs(allegations: list[Allegation], statements: list[Statement],
                with_affiliations: Callable[[set[str]], set[str]], lexicon: Lexicon) -> None:
    """A claim against a body of an accused actor ("the state's intelligence service paid the gunmen" after "X
    accused the state of ...") also supports the allegations of a related kind against that actor (in place)."""
    for allegation in allegations:
        above = with_affiliations(set(allegation.accused)) - set(allegation.accused)
        for other in allegations:
            if other is allegation or not above & set(other.accused) or \
                    not _related(lexicon, allegation.claim_type, other.claim_type):
                continue
            side = with_affiliations(set(other.accused))
            other.claimants = list(dict.fromkeys(other.claimants + [c for c in allegation.claimants if c not in side]))
            other.supported_by = list(dict.fromkeys(other.supported_by + allegation.supported_by))
            for statement in statements:
                if statement.iri in allegation.supported_by and other.iri not in statement.about:
                    statement.about.append(other.iri)
