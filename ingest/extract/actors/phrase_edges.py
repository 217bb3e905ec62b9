"""Where a described actor's phrase starts and ends around its role noun: the modifiers and the nationality or
possessor on its left ("the Varenian defence ministry", "the company's chief executive"), the "of"-phrase and
apposition on its right ("a spokesman for the ministry"), and what the words beside it say (it acts, it is placed,
a name stands before or after it)."""

from __future__ import annotations

from newskg.ingest.extract.actors.known import KnownHit, Use
from newskg.ingest.extract.lexicon.words import WordTables
from newskg.ingest.extract.text.model import TextModel, Token


def demonym_at(hits_at: dict[int, KnownHit], i: int) -> KnownHit | None:
    hit = hits_at.get(i)
    return hit if hit is not None and hit.use in (Use.DEMONYM, Use.ACTOR, Use.METONYM) else None


def modifies(lemma: str, words: WordTables) -> bool:
    """A noun before a role noun modifies it unless it names a person itself: "ministry officials", "police
    officers", but not "the minister" in "the minister officials"."""
    role = words.roles.get(lemma)
    return role is None or "Person" not in role.classes


def _opens_noun_phrase(token: Token, words: WordTables) -> bool:
    """A determiner, an adjective, a name or a preposition before a plural noun modifier ("a rights group", "human
    rights watchdog", "a former Halden data engineer", "to data brokers"), so a verb the tagger took for a plural noun
    ("it also claims contractors") is not one."""
    return (
        words.is_("indefinite", token.norm)
        or words.is_("definite", token.norm)
        or token.tag.startswith("JJ")
        or token.tag in ("IN", "TO")
        or token.proper and token.capitalised
    )


def left_edge(
    model: TextModel, head: int, hits_at: dict[int, KnownHit], words: WordTables
) -> tuple[int, KnownHit | None]:
    """Walk left from the role noun over modifiers, a nationality or a state's possessive, numbers and a
    determiner."""
    tokens = model.tokens
    i = head
    affiliation: KnownHit | None = None
    while i - 1 >= 0 and tokens[i - 1].sentence == tokens[head].sentence:
        previous = tokens[i - 1]
        if previous.text in ("'s", "’s") and i - 2 >= 0 and demonym_at(hits_at, i - 2) is not None:
            hit = demonym_at(hits_at, i - 2)
            affiliation = affiliation or hit
            i = hit.first  # "Japan's coast guard"
            break
        if (
            previous.text in ("'s", "’s")
            and i == head
            and i - 3 >= 0
            and tokens[i - 2].noun
            and not tokens[i - 2].proper
            and words.is_("definite", tokens[i - 3].norm)
        ):
            i -= 3  # "the company's spokesman", "the country's ambassador": the possessor resolves later
            break
        hit = demonym_at(hits_at, i - 1)
        if hit is not None:
            affiliation = affiliation or hit
            i = hit.first
            continue
        if previous.text in "-‑" and previous.gap == "":
            i -= 2 if i - 2 >= 0 and tokens[i - 2].is_word and tokens[i - 2].sentence == previous.sentence else 1
            continue  # "anti-corruption prosecutors", "a non-resident fellow": the word glued before the hyphen too
        if previous.gap == "" and i - 2 >= 0 and tokens[i - 2].text in "-‑" and tokens[i - 2].gap == "":
            i -= 1  # "-led" of "army-led": the second half of a compound modifier
            continue
        if words.is_("indefinite", previous.norm) or words.is_("definite", previous.norm):
            i -= 1
            break
        participle = previous.tag in ("VBN", "VBG")
        modifier = (
            previous.tag.startswith(("JJ", "CD"))
            or previous.tag == "NN"
            or previous.tag == "NNS" and i == head and i - 2 >= 0 and _opens_noun_phrase(tokens[i - 2], words)
            or (
                participle
                and i - 2 >= 0
                and (words.is_("indefinite", tokens[i - 2].norm) or tokens[i - 2].norm == "the")
            )
        )
        if (
            modifier
            and not previous.proper
            and modifies(previous.lemma, words)
            or words.is_("role-modifier", previous.norm)
        ):
            i -= 1
            continue
        if previous.proper and previous.capitalised and hits_at.get(i - 1) is None and i == head:
            i -= 1  # "a Varenian official": an adjective of nationality or place the registry does not know
            continue
        break
    return i, affiliation


def right_edge(model: TextModel, head: int, words: WordTables) -> int:
    """Extend over a source qualifier ("familiar with the matter", "close to the investigation")."""
    tokens = model.tokens
    first = head + 1
    organisation = of_phrase(model, head, words)  # "a spokesperson for the commission, who asked …"
    if organisation is not None:
        first = organisation[1] + 1
    if first < len(tokens) and tokens[first].text == ",":
        first += 1
    # the qualifier may come after "who" or a participle, a verb and its preposition ("who talked under condition
    # of anonymity", "talking under condition of anonymity"); never after the sentence's own verb ("negotiators had
    # come close to a deal")
    starts = [first]
    relative = first < len(tokens) and (tokens[first].tag in ("WP", "WDT") or tokens[first].tag in ("VBG", "VBN"))
    for k in range(first, min(first + 4, len(tokens)) if relative else first):
        if tokens[k].sentence != tokens[head].sentence or tokens[k].text in ",.;:" or tokens[k].noun:
            break
        starts.append(k + 1)
    for j in starts:
        qualifier = next(
            (
                q
                for q in words.source_qualifiers
                if j + len(q) - 1 < len(tokens)
                and all(q[k] in (tokens[j + k].lemma, tokens[j + k].norm) for k in range(len(q)))
            ),
            None,
        )
        if qualifier is not None:
            end = j + len(qualifier) - 1
            k = end + 1
            while (
                k < len(tokens)
                and tokens[k].sentence == tokens[head].sentence
                and tokens[k].text not in ",.;:"
                and not tokens[k].verb
                and not words.is_("subordinator", tokens[k].norm)  # "… not to be named because she had signed"
                and k - end <= 4
            ):
                k += 1
            return k - 1
    return head


_AGENT_REACH = 3  # tokens between a passive participle and its "by" ("indicted on Wednesday by")


def acts(model: TextModel, head: int, words: WordTables) -> bool:
    """The noun at head is the subject of a verb ("an Ostrian official and a Valmoran official met"), not the object
    of a preposition ("a relative of a senior official")."""
    tokens = model.tokens
    j = head + 1
    if j < len(tokens) and tokens[j].norm in ("and", "or"):  # a coordinated subject: the verb comes after the other
        j += 1
        while j < len(tokens) and tokens[j].sentence == tokens[head].sentence and not tokens[j].verb:
            if tokens[j].text in ",.;:":
                return False
            j += 1
    while j < len(tokens) and tokens[j].tag in ("MD", "RB"):
        j += 1
    subject = j < len(tokens) and tokens[j].sentence == tokens[head].sentence and tokens[j].tag in ("VBD", "VBZ", "VBP")
    return subject or _passive_agent(model, head)


def _passive_agent(model: TextModel, head: int) -> bool:
    """The noun at head is the doer after "by" of a passive ("was indicted on Wednesday by a federal grand jury")."""
    tokens = model.tokens
    k = head - 1
    while k >= 0 and tokens[k].sentence == tokens[head].sentence and tokens[k].tag.startswith(("JJ", "NN", "DT", "CD")):
        k -= 1
    if k < 1 or tokens[k].norm != "by":
        return False
    return any(tokens[m].tag == "VBN" for m in range(max(0, k - _AGENT_REACH), k))


def placed(model: TextModel, head: int) -> bool:
    """'residents of Port Kell', 'farmers in Velsk': a preposition and a name after the noun."""
    tokens = model.tokens
    return (
        head + 2 < len(tokens)
        and tokens[head + 1].tag == "IN"
        and tokens[head + 2].capitalised
        and tokens[head + 2].sentence == tokens[head].sentence
    )


def possessor(model: TextModel, first: int, head: int) -> tuple[int, int] | None:
    """'the company's spokesman': the tokens of the possessor before "'s"."""
    tokens = model.tokens
    for k in range(first, head):
        if tokens[k].text in ("'s", "’s", "'", "’") and tokens[k].gap == "" and k > first:
            return (first, k - 1)
    return None


def of_phrase(model: TextModel, head: int, words: WordTables) -> tuple[int, int] | None:
    """'a spokesman for the ministry', 'officials at the company': the organisation after the head."""
    tokens = model.tokens
    j = head + 1
    if (
        j + 1 < len(tokens)
        and words.is_("org-preposition", tokens[j].norm)
        and tokens[j].sentence == tokens[head].sentence
    ):
        k = j + 1
        while k < len(tokens) and words.is_("article", tokens[k].norm):
            k += 1
        end = k
        while (
            end + 1 < len(tokens)
            and (tokens[end + 1].capitalised or tokens[end + 1].tag.startswith("NN"))
            and tokens[end + 1].sentence == tokens[head].sentence
            and tokens[end + 1].text not in ",.;:"
        ):
            end += 1
        if k <= end < len(tokens) and (tokens[k].capitalised or tokens[k].tag.startswith("NN")):
            return (k, end)  # (a text may end on "of the")
    return None


def named_after(model: TextModel, head: int) -> bool:
    """'the special envoy for Laren, Ada Moreno,': the description only introduces a name."""
    tokens = model.tokens
    for j in range(head + 1, min(head + 9, len(tokens) - 1)):
        if tokens[j].sentence != tokens[head].sentence or tokens[j].text in ".;:" or tokens[j].verb:
            return False
        if tokens[j].text == ",":
            return tokens[j + 1].proper and tokens[j + 1].capitalised
    return False


def named_before(model: TextModel, first: int) -> bool:
    """'Ada Moreno, Varenia's presidential envoy,': an apposition describing the name before it."""
    tokens = model.tokens
    return (
        first >= 2
        and tokens[first - 1].text == ","
        and tokens[first - 2].proper
        and tokens[first - 2].capitalised
        and tokens[first - 2].sentence == tokens[first].sentence
    )
