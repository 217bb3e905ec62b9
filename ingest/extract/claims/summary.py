"""An allegation's title as a whole clause with the accused as its subject: "Varenia provided
rockets to the rebels", "Petrov favoured a builder in a tender" — the act's words in the past tense and what follows
them to the end of their clause. The clause is the content of a claim, never asserted as fact."""

from __future__ import annotations

from newskg.ingest.extract.claims.acts import Act
from newskg.ingest.extract.text.lemmas import past_tense
from newskg.ingest.extract.text.model import TextModel

MAX_WORDS = 16
_AUXILIARY = ("MD", "RB", "RBR")  # between a receiver and its verb ("had reportedly received")


def _clause_rest(model: TextModel, start: int, limit: int) -> str:
    tokens = model.tokens
    end = start
    while end <= limit and tokens[end].text not in (",", ";", ":", ".", "—") and end - start < MAX_WORDS:
        end += 1
    return model.span(start, end - 1).text if end > start else ""


def clause(model: TextModel, act: Act, accused_label: str, limit: int) -> str:
    """'<accused> <act in the past tense> <rest of its clause>'."""
    tokens = model.tokens
    if act.verbal and not act.passive and act.entry.receives and act.subject_first is not None:
        given = _given(model, act, accused_label, limit)
        if given is not None:
            return given
    if act.verbal and not act.passive:
        after_verb = [tokens[k].text for k in range(act.first + 1, act.last + 1)]
        words = " ".join([past_tense(tokens[act.first].lemma), *after_verb])
        if act.attempted:  # "efforts to sway the vote": tried to sway it, not swayed it
            words = "tried to " + " ".join(tokens[k].text for k in range(act.first, act.last + 1))
        rest = _clause_rest(model, act.last + 1, limit)
        return " ".join(w for w in (accused_label, words, rest) if w)
    phrase = model.span(act.first, act.last).text
    rest = _clause_rest(model, act.last + 1, limit)
    return f"{accused_label}: {phrase} {rest}".strip()


def _given(model: TextModel, act: Act, accused_label: str, limit: int) -> str | None:
    """'the rebels received 150 drones from X' told from the giver's side: 'X provided 150 drones to the rebels'."""
    tokens = model.tokens
    first, receiver_last = act.subject_first, act.first - 1
    while receiver_last >= first and (tokens[receiver_last].verb or tokens[receiver_last].tag in _AUXILIARY):
        receiver_last -= 1
    end = act.last + 1
    while end <= limit and tokens[end].norm != "from" and tokens[end].text not in (",", ";", ":", ".", "—"):
        end += 1
    if receiver_last < first or end == act.last + 1 or end - act.last > MAX_WORDS:
        return None
    handed = model.span(act.last + 1, end - 1).text
    receiver = model.span(first, receiver_last).text
    return f"{accused_label} provided {handed} to {receiver}"


def fallback(model: TextModel, accused_label: str, first: int, last: int) -> str:
    text = " ".join(model.span(first, last).text.split()[:MAX_WORDS])
    return f"{accused_label}: {text}"
