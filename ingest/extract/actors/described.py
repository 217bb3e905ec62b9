"""Actors named by a description, not a name: unnamed sources ("a senior official", "two people familiar with the
matter", "diplomatic sources"), collectives ("residents", "Brazilian prosecutors", "human rights groups"), a state's
institutions ("the Varenian defence ministry", "Chile's army"), and people described by their post in an organisation
("the company's chief executive", "a spokesman for the ministry")."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from newskg.ingest.extract.actors import phrase_edges as edges
from newskg.ingest.extract.actors.known import KnownHit
from newskg.ingest.extract.actors.values import ANONYMOUS, COLLECTIVE, DESCRIBED, NAMED
from newskg.ingest.extract.lexicon.words import Institution, WordTables
from newskg.ingest.extract.text.model import TextModel


@dataclass(frozen=True)
class DescribedCandidate:
    first: int
    last: int
    label: str
    type: str
    kind: str
    head: int  # the role noun's token
    plural: bool
    affiliation_hit: KnownHit | None = None  # the state a demonym or possessive ties it to
    possessor: tuple[int, int] | None = None  # tokens of "the company's" / "of the ministry": resolved by assembly
    role: str | None = None
    mention_first: int | None = None  # where the mention starts when it takes in a possessor named on its own
    document: bool = False  # a document that speaks ("the audit found"), standing in for the party that made it


def find_described(
    model: TextModel,
    hits: list[KnownHit],
    taken: set[int],
    words: WordTables,
    speaks: Callable[[int], bool],
) -> list[DescribedCandidate]:
    """speaks(i): the noun at token i is the subject of a verb of saying ("residents said")."""
    tokens = model.tokens
    hits_at = {i: h for h in hits for i in range(h.first, h.last + 1)}
    found: list[DescribedCandidate] = []
    covered: set[int] = set()
    for head, token in enumerate(tokens):
        if head in taken or head in covered or not token.noun or token.proper and not token.capitalised:
            continue
        lemma = token.lemma
        role = words.roles.get(lemma)
        institution = None
        institution_start = head
        for length in (
            3,
            2,
            1,
        ):  # "ministry of foreign affairs" … "foreign ministry" … "army"
            start = head - length + 1
            if start >= 0 and tokens[start].sentence == token.sentence:
                modifiers = tokens[start:head]
                institution = words.state_institutions.get(
                    " ".join([*(t.lemma for t in modifiers), lemma])
                ) or words.state_institutions.get(" ".join([*(t.norm for t in modifiers), lemma]))  # "armed forces"
                if institution is not None:
                    institution_start = start
                    break
        org_word = words.org_descriptors.get(lemma)
        org_phrase = _org_phrase(model, head, words)
        document = (
            lemma in words.documents
            and token.tag not in ("NNS", "NNPS")
            and (
                speaks(head) and not (head + 1 < len(tokens) and tokens[head + 1].tag == "VBN")  # "a study published"
                or _speaks_after_participle(model, head, speaks)
                or _speaks_afterof_phrase(model, head, speaks)
            )
        )
        office = words.is_("office-noun", lemma) and head >= 2 and tokens[head - 1].text in ("'s", "’s")
        if office and _is_person_role(tokens[head - 2].lemma, words):
            institution = Institution("GovernmentBody", None)  # "the state auditor's office", "the prosecutor's office"
            institution_start = head - 2
        if role is None and institution is None and org_word is None and not document:
            continue
        if (
            head + 1 < len(tokens)
            and tokens[head + 1].noun
            and tokens[head + 1].sentence == token.sentence
            and not tokens[head + 1].proper
        ):
            continue  # not the head: "source code", "government officials" (the head comes later)
        if head + 2 < len(tokens) and tokens[head + 1].text in "-‑" and tokens[head + 1].gap == "":
            continue  # "army-led government": the first half of a compound modifier
        first, affiliation = edges.left_edge(model, institution_start, hits_at, words)
        label_start = first
        if any(k in taken for k in range(first, head)):
            first = max(k for k in range(first, head) if k in taken) + 1
            while first < head and tokens[first].text in ("'s", "’s", "'", "’"):
                first += 1
        determiner = tokens[first].norm if first < head else ""
        plural = token.tag in ("NNS", "NNPS") or words.is_("group-noun", lemma)  # "people", "the opposition"
        last = edges.right_edge(model, head, words)
        qualified = last > head
        possessor = edges.possessor(model, first, head)
        of_org = edges.of_phrase(model, head, words)
        # "the Brazilian economy ministry": a nationality the registry lacks names the state as well as one it knows
        unknown_nationality = any(
            (tokens[k].proper or tokens[k].tag.startswith("JJ"))
            and tokens[k].capitalised
            and k not in taken
            and tokens[k - 1].sentence == tokens[k].sentence
            for k in range(max(first, 1), institution_start)
        )
        if institution is not None and (affiliation is not None or possessor is not None or unknown_nationality):
            kind_type = "State" if institution.cls == "State" else institution.cls
            label_first = label_start + 1 if tokens[label_start].norm == "the" else label_start
            found.append(
                DescribedCandidate(
                    first=first,
                    last=head,
                    label=model.span(label_first, head).text,
                    type=kind_type,
                    kind=NAMED,
                    head=head,
                    plural=False,
                    affiliation_hit=affiliation,
                    possessor=possessor,
                    mention_first=label_first,
                )
            )
        elif role is not None and plural and (qualified or role.collective == "-" and role.source and speaks(head)):
            found.append(
                DescribedCandidate(
                    first=first,
                    last=last,
                    label=model.span(first, last).text,
                    type="AnonymousSource",
                    kind=ANONYMOUS,
                    head=head,
                    plural=True,
                    affiliation_hit=affiliation,
                    possessor=possessor,
                )
            )
        elif (
            role is not None
            and plural
            and role.classes & {"ActorGroup", "Person"}
            and (first < head or speaks(head) or edges.placed(model, head))
        ):
            # a bare plural is a group only where it speaks or is placed ("residents of Port Kell"), not "told
            # reporters"
            label_first = first + 1 if determiner in ("the",) else first
            found.append(
                DescribedCandidate(
                    first=first,
                    last=head,
                    label=model.span(label_first, head).text,
                    type="ActorGroup",
                    kind=COLLECTIVE,
                    head=head,
                    plural=True,
                    affiliation_hit=affiliation if role.collective != "people" else None,
                    possessor=None,
                )
            )
        elif (
            org_phrase is not None
            and (role is None or " " in org_phrase[1])
            and not plural
            and words.is_("indefinite", determiner)
            and speaks(head)
            and not edges.named_after(model, head)
        ):
            # "a human rights watchdog said", "a rights group said": a body the text does not name
            found.append(
                DescribedCandidate(
                    first=first,
                    last=head,
                    label=model.span(first, head).text,
                    type=org_phrase[0],
                    kind=DESCRIBED,
                    head=head,
                    plural=False,
                    affiliation_hit=affiliation,
                    possessor=possessor,
                )
            )
        elif (
            role is not None
            and (
                qualified and (role.source or speaks(head))
                or words.is_("indefinite", determiner)
                and (speaks(head) or edges.acts(model, head, words) and not words.is_("generic-person", lemma))
            )
            and not edges.named_after(model, head)
        ):
            # "a senior official" is an unnamed source; "a militia" a body the text does not name
            body = next((c for c in sorted(role.classes) if c not in ("Person", "AnonymousSource")), None)
            nameless_body = body is not None and not role.classes & {"Person", "AnonymousSource"}
            found.append(
                DescribedCandidate(
                    first=first,
                    last=last,
                    label=model.span(first, last).text,
                    type=body if nameless_body else "AnonymousSource",
                    kind=DESCRIBED if nameless_body else ANONYMOUS,
                    head=head,
                    plural=plural,
                    affiliation_hit=affiliation,
                    possessor=possessor,
                )
            )
        elif (
            role is not None
            and "Person" in role.classes
            and (possessor or of_org)
            and determiner != ""
            and not edges.named_after(model, head)
            and not edges.named_before(model, first)
        ):
            found.append(
                DescribedCandidate(
                    first=first,
                    last=head,
                    label=model.span(first, head).text,
                    type="Person",
                    kind=DESCRIBED,
                    head=head,
                    plural=plural,
                    affiliation_hit=affiliation,
                    possessor=possessor or of_org,
                    role=token.text.lower(),
                )
            )
        elif (
            (org_word is not None or institution is not None)  # "rival firms", "foreign governments"
            and plural
            and (first < head or affiliation is not None)
            and not words.is_("definite", determiner)
        ):
            found.append(
                DescribedCandidate(
                    first=first,
                    last=head,
                    label=model.span(first, head).text,
                    type="ActorGroup",
                    kind=COLLECTIVE,
                    head=head,
                    plural=True,
                    affiliation_hit=affiliation,
                    possessor=None,
                )
            )
        elif document and determiner != "" and possessor is None and not _made_by_named(model, head, words):
            # "The audit found …", "A leaked memo … shows": a document that speaks for no party the text names;
            # attribution gives its words to the party that made it where the text names one
            found.append(
                DescribedCandidate(
                    first=first,
                    last=head,
                    label=model.span(first, head).text,
                    type="Organization",
                    kind=DESCRIBED,
                    head=head,
                    plural=False,
                    affiliation_hit=None,
                    possessor=None,
                    document=True,
                )
            )
        else:
            continue
        covered.update(range(first, found[-1].last + 1))
    return found


_NAMED_SOON = 2  # sentences after an unnamed body within which the text names it


def may_be_named_soon(model: TextModel, candidate: DescribedCandidate) -> bool:
    """Only a description of a body, or "a/an" + a person's role, waits for a name in the next sentences; so does a
    source that is "a/an" and a role alone ("A senator has accused …"), which news names soon after."""
    if candidate.document:
        return False
    if candidate.kind == DESCRIBED and candidate.type != "Person":
        return True
    bare_role = candidate.kind == ANONYMOUS and candidate.last == candidate.first + 1
    one_person = candidate.kind == DESCRIBED or bare_role
    return one_person and model.tokens[candidate.first].norm in ("a", "an")


def named_soon(model: TextModel, candidate: DescribedCandidate, names: dict[int, tuple[str, str, bool]]) -> str | None:
    """'…, a human rights watchdog said. Human Rights Watch accused …': a body first described, then named within the
    next sentences by a name that shares a word with the description, is the one named; 'A senior lecturer has been
    accused … Teodor Brask, senior lecturer at …': so is a person whose role the name's own role repeats (names: token
    → key, the name's words or the person's role, whether a person)."""
    tokens = model.tokens
    if not may_be_named_soon(model, candidate):
        return None
    person = candidate.type == "Person" or candidate.kind == ANONYMOUS
    first_named: dict[str, int] = {}
    for i in sorted(names):
        first_named.setdefault(names[i][0], i)
    described = (
        {tokens[candidate.head].lemma}
        if person
        else {t.norm for t in tokens[candidate.first : candidate.last + 1] if len(t.norm) > 3}
    )
    last_sentence = tokens[candidate.last].sentence + _NAMED_SOON + person
    for k in range(candidate.last + 1, len(tokens)):
        if tokens[k].sentence > last_sentence:
            break
        if k not in names or names[k][2] != person:
            continue
        key, told, _ = names[k]
        if first_named[key] < candidate.first:
            continue  # named before: "Lee Min-jun, an analyst at …" is an apposition, no description to resolve
        words = {w.lower() for w in told.split() if len(w) > 3}
        if any(d == w or d.startswith(w) or w.startswith(d) for d in described for w in words):
            return key
    return None


def _org_phrase(model: TextModel, head: int, words: WordTables) -> tuple[str, str] | None:
    """The class and words of the longest organisation descriptor ending at the head ("human rights group")."""
    tokens = model.tokens
    for length in (3, 2, 1):
        start = head - length + 1
        if start < 0 or tokens[start].sentence != tokens[head].sentence:
            continue
        phrase = " ".join([*(t.norm for t in tokens[start:head]), tokens[head].lemma])
        if phrase in words.org_descriptors:
            return words.org_descriptors[phrase], phrase
    return None


def _is_person_role(lemma: str, words: WordTables) -> bool:
    role = words.roles.get(lemma)
    return role is not None and "Person" in role.classes


def _made_by_named(model: TextModel, head: int, words: WordTables) -> bool:
    """'the complaint filed by Tessa Grune': the document's author follows it."""
    tokens = model.tokens
    k = head + 1
    if k < len(tokens) and tokens[k].text == ",":
        k += 1
    if not (
        k + 1 < len(tokens)
        and tokens[k].tag == "VBN"
        and tokens[k + 1].norm == "by"
        and not words.is_("access-verb", tokens[k].lemma)
    ):
        return False
    # "written by the company's head of compliance": a person described, not named, wrote it
    for j in range(k + 2, min(k + 8, len(tokens))):
        if tokens[j].text in ("'s", "’s"):
            return False
        if tokens[j].text in ",;." or tokens[j].verb:
            break
    return True


def _speaks_afterof_phrase(model: TextModel, head: int, speaks: Callable[[int], bool]) -> bool:
    """'A leaked audit of the port accuses …': the noun is the subject of a cue after its "of" phrase."""
    tokens = model.tokens
    k = head + 1
    if k >= len(tokens) or tokens[k].norm != "of":
        return False
    k += 1
    while k < len(tokens) and k - head < 8 and (tokens[k].noun or tokens[k].tag in ("DT", "JJ", "PRP$")):
        k += 1
    return k - 1 > head + 1 and speaks(k - 1)


def _speaks_after_participle(model: TextModel, head: int, speaks: Callable[[int], bool]) -> bool:
    """'A leaked memo seen by the Courier shows …': the noun is the subject of a cue after its participle phrase."""
    tokens = model.tokens
    k = head + 1
    enclosed = k < len(tokens) and tokens[k].text == ","  # "The memo, written by …, warned"
    k += enclosed
    if k >= len(tokens) or tokens[k].tag != "VBN":
        return False
    k += 1
    while k < len(tokens) and tokens[k].sentence == tokens[head].sentence and k - head < 14:
        if tokens[k].tag in ("VBZ", "VBD", "VBP", "MD"):
            return speaks(k - 1)
        if tokens[k].text == "," and enclosed:
            return k + 1 < len(tokens) and speaks(k)
        if tokens[k].text in ",;:":
            return False
        k += 1
    return False
