"""Pronoun subjects of a frame that go on with a source already found, before any actor the pronoun could fit: the
source of the statement in the sentence before ("The lawsuit alleges C1. It also claims C2": the lawsuit's party;
"The authorities refute allegations they targeted civilians. They said …": the authorities), and the source whose
words the pronoun opens ("the government said it had indicted 18 men": the government); and a verb of saying
coordinated with the sentence's statement before ("X said C, but cautioned that D", "X said C, added that D")."""

from __future__ import annotations

from newskg.ingest.extract.actors.values import ActorSet
from newskg.ingest.extract.attribution.cue import QUOTE_MARKS, CueHit
from newskg.ingest.extract.attribution.values import Attribution, Speaker
from newskg.ingest.extract.lexicon.entries import Lexicon
from newskg.ingest.extract.text.model import Sentence, TextModel

_PERSON_PRONOUNS = ("he", "she")
_BODY_PRONOUNS = ("it",)


def going_on(
    model: TextModel, actors: ActorSet, lexicon: Lexicon, subject: Speaker | None, found: list[Attribution]
) -> Speaker | None:
    """The source a pronoun subject goes on with, or None to resolve it as any pronoun."""
    tokens = model.tokens
    if subject is None or subject.first != subject.last or not found or tokens[subject.first].tag != "PRP":
        return None
    pronoun = tokens[subject.first]
    last = found[-1]
    within = not last.direct and last.content_first == subject.first  # "X said it had …"
    if not within:  # the latest statement with a source ("allegations they did it" has none)
        last = next((a for a in reversed(found) if a.speaker is not None), last)
    previous = tokens[model.token_at(last.sentence.start)].sentence
    following = tokens[subject.last + 1] if subject.last + 1 < len(tokens) else None
    also = following is not None and lexicon.words.is_("continuing", following.norm)  # "it also claims"
    # "Ostrian authorities refute allegations they targeted villagers. They said …": the source goes on
    next_sentence = pronoun.sentence - previous == 1 or also and pronoun.sentence == previous
    opening = model.sentences[pronoun.sentence].first
    if next_sentence and not within and any(actors.at(k) is not None for k in range(opening, subject.first)):
        return None  # "A militia has been accused of it, but it denies any involvement": the militia
    if not (within or next_sentence):
        return None
    if last.speaker is None:
        return None
    actor = actors.by_key.get(last.speaker.actor_key) if last.speaker.actor_key else None
    if actor is None:
        # "the government said it had indicted …": the same unnamed source, never an actor named further back
        unnamed = within and pronoun.norm in _BODY_PRONOUNS and not tokens[last.speaker.last].tag.startswith("PRP")
        if not unnamed:
            return None
        return Speaker(actor_key=None, label=last.speaker.label, first=subject.first, last=subject.last)
    person = actor.type == "Person"
    if pronoun.norm in _BODY_PRONOUNS and person or pronoun.norm in _PERSON_PRONOUNS and not person:
        return None
    entry = lexicon.pronouns.get(pronoun.norm)
    if entry is not None and entry.gender and actor.gender and entry.gender != actor.gender:
        return None  # 'Ms Voss met Mr Brask. "…," he said. "…," she replied': not Brask
    if pronoun.norm not in (*_BODY_PRONOUNS, *_PERSON_PRONOUNS, "they"):
        return None
    if pronoun.norm == "they" and not (actor.plural or actor.type != "Person"):
        return None
    return Speaker(actor_key=actor.key, label=actor.label, first=subject.first, last=subject.last)


def speaker_going_on(model: TextModel, cue: CueHit, sentence: Sentence, found: list[Attribution]) -> Speaker | None:
    """'X said C, but cautioned that D': a statement of the sentence ends right before the "but", so the
    coordinated verb is X's too (not that of a verb inside C)."""
    tokens = model.tokens
    for earlier in reversed(found):
        if earlier.sentence.start != sentence.start or earlier.content_last >= cue.first:
            continue
        between = tokens[earlier.content_last + 1 : cue.first]
        if all(t.tag in ("CC", "RB", "MD") or t.text == "," or t.text[:1] in QUOTE_MARKS for t in between):
            return earlier.speaker
        return None
    return None


def going_on_after_comma(model: TextModel, cue: CueHit, sentence: Sentence, found: list[Attribution]) -> Speaker | None:
    """A finite verb of saying right after the comma ending the sentence's statement before, with no one named
    after it (not "…, added Mara Voss"): that statement's speaker goes on ("X said C, added that D")."""
    tokens = model.tokens
    after = tokens[cue.last + 1] if cue.last + 1 <= sentence.last else None
    if cue.first - 1 <= sentence.first or tokens[cue.first - 1].text != "," or cue.passive or cue.participle:
        return None
    if tokens[cue.first].tag not in ("VBD", "VBZ", "VBP") or after is None or after.proper:
        return None
    return speaker_going_on(model, cue, sentence, found)
