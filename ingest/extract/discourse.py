"""What a statement takes from the statements before it: who a pronoun speaker is, which earlier name a bare surname
stands for (for the stance it keeps; the label stays as written), and the stance a speaker keeps from one statement
to the next.

News names a speaker once and then writes "he said", "Juma said", "the spokeswoman added"; a pronoun speaker is the
most recent speaker it can refer to (person or group, gender where the text marks it), within the paragraph or the one
before. A speaker keeps a stance: a follow-up quote with no stance wording of its own takes the speaker's last one
(also for a source the article has no actor for, known by the words that name it); a quote by someone speaking for the
previous speaker ("The bloc denied it. "...," its leader wrote"; "Its commander, X, said ...") takes that stance; a
"But ..." sentence qualifying a speaker's support downplays.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ingest.extract.actor_index import ActorIndex
from ingest.extract.claims import ClaimReader
from ingest.extract.frames import Frame
from ingest.extract.lexicon import Lexicon
from ingest.extract.speakers import SpeakerRef
from ingest.extract.stance import claim_polarity, cue_stance, statement_stance

PRONOUNS = frozenset({"he", "she", "they", "it", "we"})
PERSON_TYPES = frozenset({"Person", "AnonymousSource"})
GROUP_TYPES = frozenset({"ActorGroup", "Organization", "GovernmentBody", "ArmedGroup", "State", "IntelligenceAgency",
                         "MediaOutlet", "ThinkTank", "AcademicInstitution", "SocialMediaAccount"})
_FEMALE = re.compile(r"\b(?:she|her|woman|women|spokeswoman|chairwoman|businesswoman|congresswoman|mother|daughter|"
                     r"wife|sister|ms|mrs|miss|madam|dame)\b", re.IGNORECASE)
_MALE = re.compile(r"\b(?:he|his|him|man|men|spokesman|chairman|businessman|congressman|father|son|husband|brother|"
                   r"mr|sir)\b", re.IGNORECASE)
_NAME_LIKE = re.compile(r"(?:[A-Z][\w'’.-]*\s+)*[A-Z][\w'’-]+")
_SPEAKS_FOR = re.compile(r"\b(?:its|their)\s+[\w\s'’-]{1,40},\s*$", re.IGNORECASE)
_QUALIFIES = re.compile(r"\s*[“\"]?\s*(?:but|however|yet|still|that said)\b", re.IGNORECASE)
_SETTLED = frozenset({"neutral", "assesses"})
_COUNTS = frozenset("one two three four five six seven eight nine ten several many some other two".split())
CARRY_OVER_PARAGRAPHS = 4  # a speaker's follow-up quote within this many paragraphs keeps the speaker's stance
PRONOUN_PARAGRAPHS = 1  # a pronoun speaker looks back this many paragraphs for its antecedent
ROLE_PARAGRAPHS = 3  # a definite role noun ("the former employee") looks back this many paragraphs for a speaker
_INDEFINITE = re.compile(r"(?:a|an)\s")
_PARTITIVE = re.compile(r"(?:one|two|three|some|several|many|most|each|both|all|none|neither|either)\s+of\s+"
                        r"(?:them|those|these)$")


def speaker_key(ref: SpeakerRef | None) -> str | None:
    """One key per speaker: the actor, else the words naming it (without a leading article)."""
    if ref is None:
        return None
    if ref.iri:
        return ref.iri
    words = re.sub(r"^(?:the|a|an)\s+", "", ref.label.strip().lower())
    return None if words in PRONOUNS else f"label:{words}"


def _plural(label: str) -> bool:
    last = label.strip().split()[-1].lower() if label.strip() else ""
    return last.endswith("s") and not last.endswith(("ss", "us", "is")) and not last[:1].isupper()


def _described(ref: SpeakerRef, index: ActorIndex, text: str, sentence_start: int) -> str:
    actor = index.by_iri.get(ref.iri) if ref.iri else None
    parts = [ref.label, text[max(sentence_start, ref.span.start - 40):ref.span.end]]
    if actor:
        parts += [actor.role or "", *actor.aliases]
    return " ".join(parts)


def _compatible(pronoun: str, ref: SpeakerRef, index: ActorIndex, text: str, sentence_start: int) -> bool:
    actor = index.by_iri.get(ref.iri) if ref.iri else None
    if pronoun in {"he", "she"}:
        person = actor.type in PERSON_TYPES if actor else \
            bool(_NAME_LIKE.fullmatch(ref.label)) or not _plural(ref.label)
        if not person or (actor and actor.type == "AnonymousSource" and _plural(ref.label)):
            return False
        described = _described(ref, index, text, sentence_start)
        wrong = _MALE if pronoun == "she" else _FEMALE
        right = _FEMALE if pronoun == "she" else _MALE
        return not (wrong.search(described) and not right.search(described))
    if pronoun == "it":
        return actor.type in GROUP_TYPES - {"ActorGroup"} if actor else not _NAME_LIKE.fullmatch(ref.label) and \
            not _plural(ref.label)
    return (actor.type in GROUP_TYPES or _plural(ref.label)) if actor else _plural(ref.label)


def resolve_speakers(frames: list[Frame], text: str, index: ActorIndex, lexicon: Lexicon,
                     paragraph_of: Callable[[int], int]) -> None:
    """Pronoun speakers to the most recent compatible speaker; "the former employee" to the earlier speaker the
    article described with that noun ("Two former employees"); "one of them" to the group just quoted."""
    for i, frame in enumerate(frames):
        ref = frame.speaker
        if ref is None:
            continue
        word = ref.span.text.strip().lower()
        if _PARTITIVE.match(word):
            group = next((f.speaker for f in reversed(frames[:i]) if f.speaker and _plural(f.speaker.label)), None)
            if group and paragraph_of(frame.sentence.start) - paragraph_of(frames[i - 1].sentence.start) <= 1:
                frame.speaker = SpeakerRef(group.iri, group.label, ref.span, group.members)
            continue
        if ref.iri is None and _INDEFINITE.match(word):
            named = _named_next(frames, i, lexicon, paragraph_of)
            if named:
                frame.speaker = SpeakerRef(named.iri, named.label, ref.span, named.members)
            continue
        role = lexicon.role_re.search(ref.span.text) if word.startswith(("the ", "this ", "that ")) else None
        if role and role.end() == len(ref.span.text.rstrip()):
            stem = role.group(0).lower().rstrip("s")
            for earlier in reversed(frames[:i]):
                named = earlier.speaker
                if paragraph_of(frame.sentence.start) - paragraph_of(earlier.sentence.start) > ROLE_PARAGRAPHS:
                    break
                if named and named.span.start < ref.span.start and \
                        re.search(rf"\b{re.escape(stem)}", named.label.lower()):
                    if named.iri != ref.iri:
                        frame.speaker = SpeakerRef(named.iri, named.label, ref.span, named.members)
                    break
            continue
        if word in PRONOUNS:
            here = paragraph_of(frame.sentence.start)
            for earlier in reversed(frames[:i]):
                if here - paragraph_of(earlier.sentence.start) > PRONOUN_PARAGRAPHS:
                    break
                candidate = earlier.speaker
                if candidate is None or candidate.span.text.strip().lower() in PRONOUNS and candidate.iri is None:
                    continue
                if _compatible(word, candidate, index, text, earlier.sentence.start):
                    frame.speaker = SpeakerRef(candidate.iri, candidate.label, ref.span, candidate.members)
                    break


def _named_next(frames: list[Frame], i: int, lexicon: Lexicon, paragraph_of: Callable[[int], int]) -> SpeakerRef | None:
    """'A senator has accused ...' then 'Senator Hamisi Juma told ...': a lead's indefinite role noun is the actor the
    next paragraph names with that role."""
    ref = frames[i].speaker
    role = lexicon.role_re.search(ref.span.text) if ref else None
    if ref is None or role is None or role.end() != len(ref.span.text.rstrip()):
        return None
    stem = role.group(0).lower().rstrip("s")
    for later in frames[i + 1:]:
        if paragraph_of(later.sentence.start) - paragraph_of(frames[i].sentence.start) > 1:
            break
        named = later.speaker
        if named and named.iri and re.search(rf"\b{re.escape(stem)}", _role_words(later)):
            return named
    return None


def _role_words(frame: Frame) -> str:
    """The speaker's words and the few before them in its sentence ("Mombasa Senator" before "Hamisi Juma")."""
    speaker = frame.speaker
    if speaker is None:
        return ""
    before = frame.sentence.text[:max(0, speaker.span.start - frame.sentence.start)][-40:]
    return f"{before} {speaker.span.text}".lower()


def _same_source_key(key: str | None, known: dict[str, tuple[str, int]]) -> str | None:
    """A source with no actor, known by its words: 'label:juma' is an earlier 'label:mombasa senator hamisi juma';
    'label:two former employees' an earlier 'label:leaked documents and former employees' (same head words)."""
    if key is None or not key.startswith("label:"):
        return key
    words = key[6:].split()
    head = " ".join(w for w in words[-2:] if not w.isdigit() and w not in _COUNTS)
    for earlier in reversed(list(known)):
        if earlier.startswith("label:") and earlier != key and head and (
                (len(words) == 1 and earlier.endswith(" " + words[0])) or
                (len(words) > 1 and len(head.split()) > 1 and f" {head}" in f" {earlier[6:]}")):
            return earlier
    return key


def _echoed(frame: Frame, frames: list[Frame], stances: list[str], text: str, lexicon: Lexicon) -> str | None:
    """'echoed the senator's concerns': the stance of the named speaker's latest statement; else the last one taken."""
    possessor = re.match(r"\s*(?:the\s+)?([\w'’ -]+?)(?:'s|’s|s'|s’)\s", frame.content.text)
    if possessor:
        noun = possessor.group(1).split()[-1].lower()
        for earlier, stance in zip(reversed(frames[:len(stances)]), reversed(stances)):
            if earlier.speaker and noun in _role_words(earlier) and stance != "neutral":
                return stance
    return next((s for s in reversed(stances) if s != "neutral"), None)


def stances(text: str, frames: list[Frame], lexicon: Lexicon, paragraph_of: Callable[[int], int],
            claims: ClaimReader) -> list[str]:
    """Each frame's stance: its own words first, then what it continues, echoes or keeps from its speaker."""
    result: list[str] = []
    latest: dict[str, tuple[str, int]] = {}
    for i, frame in enumerate(frames):
        content, cue = frame.content, frame.cue_entry
        stance = statement_stance(cue, text, content.start, content.end, lexicon, claims)
        own = cue_stance(text, content.start, content.end, lexicon) is not None or \
            claim_polarity(text, content.start, content.end, lexicon, claims) is not None
        qualifies = bool(_QUALIFIES.match(content.text) or _QUALIFIES.match(text, frame.sentence.start))
        paragraph = paragraph_of(content.start)
        key = _same_source_key(speaker_key(frame.speaker), latest)
        earlier = latest.get(key) if key else None
        recent = earlier if earlier and paragraph - earlier[1] <= CARRY_OVER_PARAGRAPHS else None
        own_wording = cue_stance(text, content.start, content.end, lexicon)
        if cue and cue.characterises and (frame.responds or _names_allegation(content.text, lexicon)) and \
                stance in _SETTLED | {"supports"} and own_wording != "supports":
            stance = "dismisses"  # "a charge the ministry called 'reckless'": characterising an accusation rejects it
        elif cue and cue.echoes and i > 0 and not frame.antecedent:
            stance = _echoed(frame, frames, result, text, lexicon) or stance
        elif frame.antecedent is not None and not own and not qualifies:
            stance = result[frames.index(frame.antecedent)] if frame.antecedent in frames else stance
        elif stance in _SETTLED and not own and qualifies and recent and recent[0] in {"supports", "confirms"}:
            stance = "downplays"  # "But she cautioned that ...": a speaker qualifying their own support
        elif stance in _SETTLED and not own and not qualifies and i > 0 and result[-1] not in _SETTLED and \
                _speaks_for(frame, frames[i - 1], text, paragraph_of):
            stance = result[-1]
        elif frame.direct and stance in _SETTLED and not own and not qualifies and recent and recent[0] not in _SETTLED:
            stance = recent[0]
        result.append(stance)
        if key and (stance not in _SETTLED or key not in latest):
            latest[key] = (stance, paragraph)
    return result


def _names_allegation(content: str, lexicon: Lexicon) -> bool:
    """'the claim "a fairy tale"', 'the UN findings as lies': the characterised object is an allegation or report."""
    head = re.match(r"\s*(?:the|these|those|this|that|such|their|its|his|her)\s+(?:[\w'’-]+\s+){0,2}?([\w-]+)\b",
                    content, re.IGNORECASE)
    entry = lexicon.reporting_cue(head.group(1)) if head else None
    return bool(entry and entry.kind == "noun" and (entry.allegation or entry.certainty))


def _speaks_for(frame: Frame, previous: Frame, text: str, paragraph_of: Callable[[int], int]) -> bool:
    """'"...," its leader, Sergiu Munteanu, wrote': the speaker is introduced as the previous speaker's own."""
    if frame.speaker is None or paragraph_of(frame.sentence.start) != paragraph_of(previous.sentence.start):
        return False
    return bool(_SPEAKS_FOR.search(text, frame.sentence.start, frame.speaker.span.start))
