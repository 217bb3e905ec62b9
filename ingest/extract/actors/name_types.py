"""What a name run names: a person (after a title, before an apposition, or shaped like a person's name), an
organisation (by the word that heads its name, a legal form, an acronym, or a describing noun beside it), a medium,
or a place (after "in", "near", ...), which is no actor."""

from __future__ import annotations

from dataclasses import dataclass

from newskg.ingest.extract.actors.names import (
    NameRun,
    is_place_context,
    run_text,
    sentence_initial,
)
from newskg.ingest.extract.actors.places import Gazetteer
from newskg.ingest.extract.lexicon.words import WordTables
from newskg.ingest.extract.text.model import TextModel

GUESSED = 0.55  # the confidence of a lone capitalised word whose kind nothing in the text tells

_NOT_NAME_TAGS = ("JJ", "PRP", "EX", "UH", "WRB", "WP", "WDT", "MD")  # a lone word with these tags names no one


@dataclass(frozen=True)
class NamedCandidate:
    first: int
    last: int
    label: str
    type: str
    confidence: float
    title: str | None = None  # a title written inside the run ("Foreign Minister"), also the person's role
    gender: str | None = None
    single: bool = False  # one word with nothing to say what it names: kept only if another mention explains it
    place: bool = False  # a place's or a platform's name too: kept only where it acts as an actor


def _title_length(model: TextModel, run: NameRun, words: WordTables) -> int:
    """How many words at the start of the run form a title or honorific ("Foreign Minister", "Dr.")."""
    tokens = model.tokens
    if any(tokens[i].text in ("'s", "’s") for i in range(run.first, run.last + 1)):
        return 0  # "Information Commissioner's Office": a title owning the body, not a title before a name
    norms = [tokens[i].norm for i in range(run.first, run.last + 1) if tokens[i].text not in ".-"]
    listed = next(
        (
            length
            for length in range(min(words.longest_title, len(norms) - 1), 0, -1)
            if " ".join(norms[:length]) in words.titles | words.honorifics
        ),
        0,
    )
    # an unlisted title ending in a listed one or a person's post ("Mines Minister", "Deputy Treasury Secretary",
    # "Chief Sustainability Officer") before a full name
    for length in range(min(4, len(norms) - 2), max(listed, 1), -1):
        post = norms[length - 1]
        person_role = post in words.roles and "Person" in words.roles[post].classes
        if (post in words.titles or person_role) and not any(n in words.org_heads for n in norms[:length]):
            return length
    return listed


def _skip_words(model: TextModel, first: int, count: int) -> int:
    i = first
    seen = 0
    while seen < count:
        if model.tokens[i].text not in ".":
            seen += 1
        i += 1
    while i < len(model.tokens) and model.tokens[i].text == ".":
        i += 1
    return i


def _naming_phrase_before(model: TextModel, first: int, words: WordTables) -> int:
    """How many words right before the name introduce it ("known as", "called"): 0 when none do."""
    tokens = model.tokens
    for length in (2, 1):
        start = first - length
        if start < 0 or tokens[start].sentence != tokens[first].sentence:
            continue
        span = tokens[start:first]
        if words.is_("naming-phrase", " ".join(t.lemma for t in span)) or words.is_(
            "naming-phrase", " ".join(t.norm for t in span)
        ):
            return length
    return 0


def descriptor_before(model: TextModel, first: int, words: WordTables) -> str | None:
    """'the newspaper X', 'the think tank X', 'the miner X', 'a group known as X': the class the noun right before
    the name (or before the words that introduce it) gives."""
    tokens = model.tokens
    first -= _naming_phrase_before(model, first, words)
    for length in (3, 2, 1):
        start = first - length
        if start < 0 or tokens[start].sentence != tokens[first].sentence:
            continue
        if tokens[start].capitalised and not sentence_initial(model, start):
            continue  # "Harbour Institute Research Fellow": the head of another name, not a describing noun
        phrase = " ".join(tokens[k].lemma for k in range(start, first))
        if phrase in words.media_nouns:
            return "MediaOutlet"
        if phrase in words.account_nouns:
            return "SocialMediaAccount"
        if phrase in words.org_descriptors:
            return words.org_descriptors[phrase]
    return None


def descriptor_after(model: TextModel, last: int, words: WordTables) -> str | None:
    """'X newspaper', 'X, a mining company,', 'X, the state broadcaster': the class a noun after the name gives."""
    tokens = model.tokens
    i = last + 1
    reach = 1
    if i < len(tokens) and tokens[i].text == ",":
        i += 1
        if i < len(tokens) and words.is_("article", tokens[i].norm):
            i += 1
            reach = 4
        else:
            return None
    elif i < len(tokens) and (tokens[i].capitalised or not tokens[i].noun):
        return None
    for end in range(min(i + reach, len(tokens) - 1), i - 1, -1):
        if any(
            tokens[k].sentence != tokens[last].sentence or tokens[k].text in ",;." or tokens[k].tag == "IN"
            for k in range(i, end + 1)
        ):
            continue  # the apposition's noun phrase ends before a preposition ("a researcher at the X Institute")
        following = tokens[end + 1] if end + 1 < len(tokens) else None
        if reach > 1 and following is not None and following.noun and following.sentence == tokens[end].sentence:
            continue  # "X, a former Goldman Sachs Group director,": the phrase's head comes later
        head = tokens[end].lemma
        two = f"{tokens[end - 1].lemma} {head}" if end > i else head
        # without a comma only the noun right after, or a two-word descriptor: "X news agency", not "X terminal
        # operator" (the name modifies the noun there)
        on_platform = end > i and tokens[end - 1].norm in words.platforms  # "a Telegram channel"
        for phrase in (two, head) if reach > 1 or end == i else (two,):
            if (phrase in words.account_nouns and reach > 1) or on_platform and phrase in words.media_nouns:
                return "SocialMediaAccount"
            if phrase in words.media_nouns:
                return "MediaOutlet"
            if phrase in words.org_descriptors:
                return words.org_descriptors[phrase]
            institution = words.state_institutions.get(phrase)
            if institution is not None and institution.cls != "State" and " " in phrase and tokens[last].all_caps:
                return institution.cls  # "the FSB security service"
            role = words.roles.get(phrase)
            apposition = reach > 1  # ", a lawyer for the firm," — without the comma "Varenian official" is a modifier
            if (
                apposition
                and role is not None
                and "Person" in role.classes
                and (end == i or end == i + 1 and words.is_("role-modifier", tokens[i].norm))
            ):
                return "Person"
    return None


def names_a_thing(model: TextModel, run: NameRun, words: WordTables) -> bool:
    """'Velocorin, a blood thinner,': an apposition says the name is a thing no actor noun describes (a medicine,
    a product, a weapon), so none of its mentions is an actor."""
    tokens = model.tokens
    i = run.last + 1
    if i + 2 >= len(tokens) or tokens[i].text != "," or not words.is_("indefinite", tokens[i + 1].norm):
        return False
    end = i + 2
    while end + 1 < len(tokens) and end - i < 6 and (tokens[end + 1].noun or tokens[end + 1].tag.startswith("JJ")):
        end += 1
    if not (tokens[end].noun or tokens[end].tag.startswith("JJ")) or end + 1 >= len(tokens) or tokens[
        end + 1
    ].text not in ",.;":  # ("thinner" in "a blood thinner" is tagged as an adjective)
        return False
    head = tokens[end].lemma
    two = f"{tokens[end - 1].lemma} {head}"
    actor_noun = any(
        phrase in table
        for phrase in (head, two)
        for table in (
            words.roles,
            words.org_descriptors,
            words.media_nouns,
            words.account_nouns,
            words.state_institutions,
            words.org_heads,
        )
    )
    return not actor_noun


def _org_class(model: TextModel, first: int, last: int, words: WordTables) -> str | None:
    tokens = model.tokens
    norms = [tokens[i].norm for i in range(first, last + 1) if tokens[i].is_word]
    kind = words.org_heads.get(norms[-1]) if norms else None
    if kind is None:  # "Institute of Technology", "Ministry of Defence", "Bank of America"
        for i in range(first + 1, last):
            if words.is_("name-connector", tokens[i].norm) and not tokens[i].capitalised:
                kind = words.org_heads.get(tokens[i - 1].norm)
                break
    if kind is None and run_text(model, first, last).casefold() in words.agencies:
        kind = "MediaOutlet"  # "Agence France Presse", "Kyodo": a news agency
    if kind is None and len(norms) >= 2:  # "Autoridad Nacional del Ambiente", "Ministère de la Santé"
        kind = words.org_leading_heads.get(norms[0])
    if kind is None and any(n in words.company_suffixes for n in norms[1:]):
        kind = "Organization"
    if kind is None and len(norms) >= 2 and words.is_("masthead-opener", norms[0]):
        kind = "MediaOutlet"  # "Daily Star", "Sunday Herald"
    if kind is None:
        return None
    for norm in norms:
        refined = words.name_refinements.get(norm)
        if refined and (kind in refined[1] or "*" in refined[1]):
            kind = refined[0]
    return kind


def _all_role_words(model: TextModel, first: int, last: int, words: WordTables) -> bool:
    norms = [model.tokens[k].norm for k in range(first, last + 1) if model.tokens[k].is_word]
    if not norms or norms[-1] in words.org_heads:
        return False
    last_is_role = norms[-1] in words.titles or (
        norms[-1] in words.roles and "Person" in words.roles[norms[-1]].classes
    )
    return (
        last_is_role
        and all(n in words.titles or n in words.roles or n not in words.org_heads for n in norms)
        and (
            len(norms) == 1
            or " ".join(norms) in words.titles
            or all(
                model.tokens[k].lemma in words.roles
                or model.tokens[k].norm in words.titles
                or not model.tokens[k].proper
                for k in range(first, last + 1)
                if model.tokens[k].is_word
            )
            or len(norms) <= 2
        )
    )


def _modifies_a_noun(model: TextModel, last: int) -> bool:
    """'the LNG terminal', 'the Nagda plant': the name is followed by the common noun it modifies."""
    tokens = model.tokens
    following = tokens[last + 1] if last + 1 < len(tokens) else None
    return (
        following is not None
        and following.noun
        and not following.proper
        and following.gap == " "
        and following.sentence == tokens[last].sentence
    )


def _org_noun_after(model: TextModel, last: int, words: WordTables) -> bool:
    """'the FSB security service', 'IEBC officials', 'outside IEBC offices': the noun after the name belongs to an
    organisation (its kind, its people or its premises), so the name is the organisation's."""
    following = model.tokens[last + 1] if last + 1 < len(model.tokens) else None
    if following is None or not model.tokens[last].all_caps:
        return False  # "Brazilian counterpart": an adjective, not an organisation
    lemma = following.lemma
    return (
        lemma in words.roles
        or lemma in words.org_heads
        or lemma in words.org_descriptors
        or _two_word_descriptor(model, last + 1, words)
    )


def _two_word_descriptor(model: TextModel, i: int, words: WordTables) -> bool:
    tokens = model.tokens
    return i + 1 < len(tokens) and f"{tokens[i].lemma} {tokens[i + 1].lemma}" in words.org_descriptors


def _followed_by_age(model: TextModel, last: int) -> bool:
    tokens = model.tokens
    return (
        last + 3 < len(tokens)
        and tokens[last + 1].text == ","
        and tokens[last + 2].text.isdigit()
        and tokens[last + 3].text == ","
    )


def classify(model: TextModel, run: NameRun, words: WordTables, gazetteer: Gazetteer) -> NamedCandidate | None:
    """A name the gazetteer knows as a place names no actor without other evidence."""
    tokens = model.tokens
    is_place = gazetteer.is_place
    title_words = _title_length(model, run, words)
    first = _skip_words(model, run.first, title_words) if title_words else run.first
    if first < run.last and tokens[first].norm == "the":
        first += 1  # "The Velsk Courier": the article is not part of the name
    if first > run.last or all(
        tokens[k].norm in words.titles | words.honorifics for k in range(first, run.last + 1) if tokens[k].is_word
    ):
        return None  # "Dr." before a name the registry knows
    title = run_text(model, run.first, first - 1).strip() if title_words else None
    label = run_text(model, first, run.last)
    honorific = (
        title is not None
        and " ".join(tokens[k].norm for k in range(run.first, first) if tokens[k].text != ".") in words.honorifics
    )
    gender = words.honorific_gender.get(tokens[run.first].norm) if honorific else None
    # words as written: "Tarn-Kessar" is one, "Lee Min-jun" two
    count = sum(1 for k in range(first, run.last + 1) if tokens[k].is_word and (k == first or tokens[k].gap))
    org = _org_class(model, first, run.last, words)
    word_norms = [tokens[k].norm for k in range(first, run.last + 1) if tokens[k].is_word]
    law = word_norms[-1] in words.not_actor_heads or len(word_norms) > 2 and word_norms[0] in words.not_actor_heads
    if count > 1 and org is None and law:
        # "the Corrupt Practices Act", "the Convention Against Torture": a law, not an actor ("Bill Frelick" is one)
        return None
    if count == 1 and tokens[first].norm in words.platforms:  # "on Telegram" a platform, "Meta said" a company
        return NamedCandidate(first=first, last=run.last, label=label, type="Organization", confidence=GUESSED,
                              single=True, place=True)
    before = descriptor_before(model, run.first, words)
    after = descriptor_after(model, run.last, words)
    if title is not None and org is None:
        return NamedCandidate(
            first=first,
            last=run.last,
            label=label,
            type="Person",
            confidence=0.9,
            title=None if honorific else title,
            gender=gender,
        )
    if org is not None:
        # a describing noun beside the name says more than the word heading it ("Siderurgia Watch, a Telegram
        # channel"), but a person's role in apposition never makes an organisation's name a person
        beside = after if after not in (None, "Person", "Organization") else None
        kind = before if before and before != "Organization" else beside or org
        return NamedCandidate(first=first, last=run.last, label=label, type=kind, confidence=0.85)
    if before is not None or after is not None:
        kind = before or after or "Organization"
        return NamedCandidate(first=first, last=run.last, label=label, type=kind, confidence=0.8)
    if _all_role_words(model, first, run.last, words):
        return None  # "Research Fellow", "Adjunct Professor": a role written with capitals, not a name
    modifier = _modifies_a_noun(model, run.last) and not _org_noun_after(model, run.last, words)
    if count == 1 and tokens[first].all_caps and 2 <= len(tokens[first].text.replace(".", "")) <= 8 and not modifier:
        return NamedCandidate(first=first, last=run.last, label=label, type="Organization", confidence=0.7)
    if is_place_context(model, run.first, words):
        return None
    if is_place(label):
        # a town's name: an actor only where it acts ("Quillon, which owns two apps, said")
        return (
            NamedCandidate(
                first=first,
                last=run.last,
                label=label,
                type="Organization",
                confidence=GUESSED,
                single=True,
                place=True,
            )
            if count == 1
            else None
        )
    if _followed_by_age(model, run.last):
        return NamedCandidate(first=first, last=run.last, label=label, type="Person", confidence=0.85)
    if 2 <= count <= 4 and all(not tokens[k].all_caps for k in range(first, run.last + 1)):
        if (
            tokens[first].common
            and tokens[first].tag.startswith("NN")
            and gazetteer.is_registry_territory(tokens[run.last].text)
        ):
            # "Air Ostria", "Radio Velsk": a common noun and a country's or a town's name make a company's name
            return NamedCandidate(
                first=first,
                last=run.last,
                label=label,
                type="Organization",
                confidence=0.6,
            )
        following = tokens[run.last + 1] if modifier else None
        actor_noun = following is not None and any(
            following.lemma in table for table in (words.roles, words.org_descriptors, words.media_nouns)
        )
        if modifier and tokens[first].common and tokens[run.last].common and not actor_noun:
            return None  # "the Zero Liquid discharge system": capitalised common words naming a thing, no one
        if count == 2 and words.is_("compass", tokens[first].norm):
            return None  # "North Tarnia", "Western Harlow": a region
        return NamedCandidate(first=first, last=run.last, label=label, type="Person", confidence=0.7)
    abbreviation = count == 1 and run.last + 2 < len(tokens) and tokens[run.last + 1].text == "."
    if abbreviation and tokens[run.last + 2].text[:1].isdigit():
        return None  # "Rs. 100", "No. 1": an abbreviation before a figure
    if count == 1 and tokens[first].tag.startswith(_NOT_NAME_TAGS):
        return None  # "Islamist", "European", "I"; "There are", "Yes, we do" opening a sentence
    if count == 1 and modifier:
        return None  # "the Delimara power station", "the Nagda plant": a word naming a place or a facility
    if count == 1:
        # a capitalised word mid-sentence the tagger does not know as a common word is most likely a name
        single = sentence_initial(model, first) or tokens[first].common
        return NamedCandidate(
            first=first,
            last=run.last,
            label=label,
            type="Organization",
            confidence=GUESSED,
            single=single,
        )
    return NamedCandidate(first=first, last=run.last, label=label, type="Organization", confidence=0.6)
