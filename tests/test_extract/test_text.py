"""The text model (ingest/extract/text): tokens with offsets into the text, lemmas, parts of speech, phrase chunks,
sentences inside paragraphs, quotations, built the same way every time. Texts are fictional, written for the project."""

from __future__ import annotations

import pytest

from newskg.ingest.extract.text import TextModel, build_text_model

ARTICLE = (
    "VELSK — Two senior officials asserted on Monday that the port authority had hidden its losses.\n\n"
    "Mara Voss, who testified before the committee, said: “The ledgers were complete. Nobody asked us.”\n\n"
    "“We will appeal,” Ms Voss’s lawyer said. The company’s auditors didn’t comment"
)


def model_of(text: str) -> TextModel:
    return build_text_model(text)


def token(model: TextModel, text: str, occurrence: int = 0):  # type: ignore[no-untyped-def]
    found = [t for t in model.tokens if t.text == text]
    assert len(found) > occurrence, f"no token {text!r} in {[t.text for t in model.tokens]}"
    return found[occurrence]


def test_tokens_carry_offsets_into_the_text_and_the_text_between_them() -> None:
    model = model_of(ARTICLE)
    previous_end = 0
    for t in model.tokens:
        assert ARTICLE[t.start:t.end] == t.text
        assert ARTICLE[previous_end:t.start] == t.gap
        assert t.start >= previous_end and not t.text.isspace()
        previous_end = t.end
    assert ARTICLE[previous_end:].strip() == ""
    assert [t.i for t in model.tokens] == list(range(len(model.tokens)))


def test_words_and_marks_are_separate_tokens() -> None:
    texts = [t.text for t in model_of("Voss’s aides (and Brask) didn’t agree.").tokens]
    assert texts[:2] == ["Voss", "’s"]
    assert "(" in texts and ")" in texts and texts[-1] == "."


@pytest.mark.parametrize(("sentence", "word", "lemma"), [
    ("Two officials asserted that the figures were wrong.", "asserted", "assert"),
    ("Mara Voss testified before the committee.", "testified", "testify"),
    ("Senior officials said the port was closed.", "officials", "official"),
    ("The company denies any wrongdoing.", "denies", "deny"),
    ("Brask has told reporters that he was briefed.", "told", "tell"),
    ("Brask has told reporters that he was briefed.", "briefed", "brief"),
    ("Brask has told reporters that he was briefed.", "was", "be"),
    ("The allegations were rejected by the ministries.", "allegations", "allegation"),
    ("The allegations were rejected by the ministries.", "ministries", "ministry"),
    ("Voss is accusing the firm of lying.", "accusing", "accuse"),
])
def test_lemmas_are_base_forms(sentence: str, word: str, lemma: str) -> None:
    assert token(model_of(sentence), word).lemma == lemma


def test_a_proper_name_keeps_its_form_as_lemma() -> None:
    model = model_of("Teodor Brask said Harrow Holdings paid him.")
    assert token(model, "Brask").lemma == "brask" and token(model, "Holdings").lemma == "holdings"


@pytest.mark.parametrize(("sentence", "word", "tags"), [
    ("The minister said the port was closed.", "The", ("DT",)),
    ("The minister said the port was closed.", "minister", ("NN",)),
    ("The minister said the port was closed.", "said", ("VBD",)),
    ("The minister said the port was closed.", "closed", ("VBN", "JJ")),
    ("Senior officials denied it.", "officials", ("NNS",)),
    ("Teodor Brask denied it.", "Brask", ("NNP",)),
    ("Teodor Brask denied it.", "denied", ("VBD",)),
    ("The ministry has denied the claims.", "denied", ("VBN",)),
    ("Brask was charged with fraud.", "charged", ("VBN",)),
    ("Brask was charged with fraud.", "with", ("IN",)),
    ("She said it was over.", "She", ("PRP",)),
    ("Mr. Brask left early.", "left", ("VBD",)),
    ("Prosecutors say Brask took bribes.", "say", ("VBP",)),
    ("The union says the firm lied.", "says", ("VBZ",)),
    ("The report, which investigators published, was long.", "which", ("WDT",)),
    ("Mara Voss said the Ostrian army supplied drones to the rebels.", "supplied", ("VBD",)),
    ("Mara Voss said the Ostrian army supplied modern drones to the rebels.", "supplied", ("VBD",)),
    ("Auditors flagged values considered suspicious in the accounts.", "considered", ("VBN",)),
    ("Auditors cited a letter dated 29 May 2024.", "dated", ("VBN",)),
    ("Valmora is attempting to influence the outcome.", "influence", ("VB",)),
    ("He met anti-corruption authorities.", "anti", ("JJ",)),
    ("The reporting also named Teodor Brask.", "reporting", ("NN",)),
    ("The fighting continued for days.", "fighting", ("NN",)),
    ("The union was fighting the closure.", "fighting", ("VBG",)),
    ("Brask said Ostria would strike its rivals.", "strike", ("VB",)),
    ("Brask said the strike would end.", "strike", ("NN",)),
    ("Officials denied Piet Lund's reported comments.", "reported", ("VBN", "JJ")),
    ("The ministry denied Ostrian involvement.", "denied", ("VBD",)),
    ("The report published Monday said the army fired.", "published", ("VBN",)),
])
def test_parts_of_speech_of_common_shapes(sentence: str, word: str, tags: tuple[str, ...]) -> None:
    assert token(model_of(sentence), word).tag in tags


def chunks(model: TextModel) -> list[tuple[str, str]]:
    return [(c.kind, model.span(c.first, c.last).text) for c in model.chunks]


def test_noun_verb_and_prepositional_phrases_are_chunks() -> None:
    model = model_of("The new port authority has repeatedly denied the claims at the border.")
    found = chunks(model)
    assert ("NP", "The new port authority") in found
    assert ("VP", "has repeatedly denied") in found
    assert ("PP", "at") in found and ("NP", "the border") in found
    for c in model.chunks:
        assert all(model.tokens[i].chunk == model.chunks.index(c) for i in range(c.first, c.last + 1))


def test_a_chunk_never_crosses_a_sentence() -> None:
    model = model_of(ARTICLE)
    for c in model.chunks:
        assert model.tokens[c.first].sentence == model.tokens[c.last].sentence


def test_sentences_lie_inside_paragraphs() -> None:
    model = model_of(ARTICLE)
    assert [p.text[:12] for p in model.paragraphs] == ["VELSK — Two ", "Mara Voss, w", "“We will app"]
    for s in model.sentences:
        paragraph = model.paragraphs[s.paragraph]
        assert paragraph.start <= s.start < s.end <= paragraph.end
        assert all(model.tokens[i].sentence == s.index for i in range(s.first, s.last + 1))
    assert [s.paragraph for s in model.sentences] == [0, 1, 1, 2, 2]


def test_a_paragraph_without_a_full_stop_ends_its_sentence() -> None:
    model = model_of("Brask did not comment\n\nPolice arrived at noon")
    assert [model.text[s.start:s.end] for s in model.sentences] == ["Brask did not comment", "Police arrived at noon"]


def test_a_title_abbreviation_does_not_end_a_sentence() -> None:
    model = model_of("Mr. Brask left early. Ms Voss stayed.")
    assert [model.text[s.start:s.end] for s in model.sentences] == ["Mr. Brask left early.", "Ms Voss stayed."]


def test_a_paired_quotation_has_its_content_and_its_tokens() -> None:
    model = model_of(ARTICLE)
    ledgers = next(q for q in model.quotes if q.content.text.startswith("The ledgers"))
    assert ledgers.terminated
    assert ledgers.content.text == "The ledgers were complete. Nobody asked us."
    assert ARTICLE[ledgers.open] == "“" and ARTICLE[ledgers.close - 1] == "”"
    inside = [t.text for t in model.tokens if t.quote == ledgers.index]
    assert inside[0] == "The" and "Nobody" in inside and "“" not in inside and "”" not in inside
    appeal = next(q for q in model.quotes if q.content.text.startswith("We will"))
    assert appeal.content.text == "We will appeal"  # the comma before the closing mark is no content


def test_straight_quotation_marks_pair_too() -> None:
    model = model_of('Voss said: "The ledgers were complete." Brask left.')
    [quote] = model.quotes
    assert quote.terminated and quote.content.text == "The ledgers were complete."
    assert all(t.quote == -1 for t in model.tokens if t.text in ("Brask", "left"))


def test_apostrophes_are_not_quotations() -> None:
    assert model_of("Voss’s aides don’t agree, and the firm's auditors didn't either.").quotes == ()


def test_a_quotation_left_open_at_a_paragraph_end_runs_to_that_end() -> None:
    text = ("Voss told the committee: “The ledgers were complete.\n\n"
            "“Nobody asked us about the missing crates.”")
    model = model_of(text)
    first, second = model.quotes
    assert not first.terminated
    assert first.close == model.paragraphs[0].end and first.content.text == "The ledgers were complete."
    assert second.terminated and second.content.text == "Nobody asked us about the missing crates."
    assert model.tokens[first.first].paragraph == 0 and model.tokens[second.first].paragraph == 1


def test_the_same_text_gives_the_same_model() -> None:
    one, two = model_of(ARTICLE), model_of(ARTICLE)
    assert (one.tokens, one.chunks, one.sentences, one.paragraphs, one.quotes) == \
        (two.tokens, two.chunks, two.sentences, two.paragraphs, two.quotes)
    other_first = model_of("Brask left. " + ARTICLE)
    assert [t.lemma for t in other_first.tokens[3:]] == [t.lemma for t in one.tokens]


def test_an_empty_text_is_an_empty_model() -> None:
    model = model_of("")
    assert (model.tokens, model.sentences, model.paragraphs, model.quotes) == ((), (), (), ())


def test_a_short_form_in_brackets_glued_to_a_name_is_its_own_token() -> None:
    model = build_text_model("The Ethics Commission(EAC) and f(x) were named.")
    assert [t.text for t in model.tokens][:6] == ["The", "Ethics", "Commission", "(", "EAC", ")"]
    assert all(model.text[t.start : t.end] == t.text for t in model.tokens)


def test_a_number_after_a_short_abbreviation_continues_the_sentence() -> None:
    model = model_of("They would cut wages by Rs. 100 a day, the union claimed. It was No. 1 in Velsk. He said so. "
                     "20 men left.")
    openings = [model.tokens[s.first].text for s in model.sentences]
    assert openings == ["They", "It", "He", "20"]
