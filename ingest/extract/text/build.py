"""Text → TextModel: spaCy's rule-based tokenizer and sentencizer (as spacy.blank("en") cuts text, by tokenizer.py),
sentences kept inside paragraphs and lines, Pattern's tags and chunks per sentence, lemmas, quotations."""

from __future__ import annotations

import re

from newskg.ingest.extract.text.folding import fold
from newskg.ingest.extract.text.model import Chunk, Quote, Sentence, TextModel, Token
from newskg.ingest.extract.text.quotes import QuoteSpan, find_quotes
from newskg.ingest.extract.text.tagging import known_common_word, lemma, tag_and_chunk
from newskg.ingest.extract.text.tokenizer import Piece, tokenize_sentences
from newskg.ingest.model import Span

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def paragraphs(text: str) -> tuple[Span, ...]:
    spans: list[Span] = []
    position = 0
    for match in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        start = position
        while start < end and text[start].isspace():
            start += 1
        stop = end
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        if stop > start:
            spans.append(Span(start, stop, text[start:stop]))
        position = match.end() if match else len(text)
    return tuple(spans)


def _sentence_starts(
    text: str, pieces: list[Piece], kept: list[int], quote_opens: set[int], dateline_end: int = 0
) -> list[bool]:
    """Whether each kept token opens a sentence: spaCy's sentencizer, any line break, the first word after a
    dateline, and an opening quotation mark left at the end of a sentence moved to the start of the next."""
    starts: list[bool] = []
    pending = True
    previous_end = 0
    for position, index in enumerate(kept):
        token = pieces[index]
        gap = text[previous_end : token.start]
        after_dateline = dateline_end > 0 and token.start >= dateline_end and previous_end <= dateline_end
        abbreviated = _after_short_abbreviation(pieces, kept, position)
        starts.append((pending or token.sentence_start) and not abbreviated or "\n" in gap or after_dateline)
        pending = False
        previous_end = token.end
        # a space token can carry the sentence start (spaCy marks the token after the full stop)
        following = pieces[index + 1] if index + 1 < len(pieces) else None
        if following is not None and following.is_space and following.sentence_start:
            pending = True
    for position in range(1, len(kept)):
        token = pieces[kept[position]]
        next_is_start = position + 1 < len(kept) and starts[position + 1]
        if next_is_start and token.start in quote_opens and not starts[position]:
            starts[position], starts[position + 1] = True, False
    return starts


def _after_short_abbreviation(pieces: list[Piece], kept: list[int], position: int) -> bool:
    """"Rs. 100", "No. 1", "Art. 5 of": a number or a lower-case word after a full stop glued to a capitalised word of
    two or three letters continues the sentence (the sentencizer reads the stop as the sentence's end)."""
    if position < 2:
        return False
    token, stop, word = pieces[kept[position]], pieces[kept[position - 1]], pieces[kept[position - 2]]
    return (
        stop.text == "."
        and word.end == stop.start
        and word.text.isalpha()
        and word.text.istitle()
        and 2 <= len(word.text) <= 3
        and (token.text[:1].isdigit() or token.text[:1].islower())
    )


def _tokens_of(
    text: str,
    pieces: list[Piece],
    quotes: list[QuoteSpan],
    paras: tuple[Span, ...],
    dateline_end: int,
) -> list[dict]:
    kept = [i for i, piece in enumerate(pieces) if not piece.is_space and piece.text.strip()]
    starts = _sentence_starts(text, pieces, kept, {q.open for q in quotes}, dateline_end)
    para_starts = [p.start for p in paras]
    rows: list[dict] = []
    sentence = -1
    paragraph = 0
    previous_end = 0
    split = [
        (position, pieces[index].start, start, end)
        for position, index in enumerate(kept)
        for start, end in _unglued(pieces[index].start, pieces[index].text)
    ]
    for position, piece_start, start, end in split:
        while paragraph + 1 < len(para_starts) and para_starts[paragraph + 1] <= start:
            paragraph += 1
        if starts[position] and start == piece_start:
            sentence += 1
        quote = next(
            (
                n
                for n, q in enumerate(quotes)
                if q.open < start and end <= q.close and not (q.terminated and start >= q.close - 1)
            ),
            -1,
        )
        rows.append(
            {
                "start": start,
                "end": end,
                "text": text[start:end],
                "gap": text[previous_end:start],
                "sentence": max(sentence, 0),
                "paragraph": paragraph,
                "quote": quote,
            }
        )
        previous_end = end
    return rows


_GLUED_BRACKET = re.compile(r"(?<=[^\W\d_]{2})\((?=[^\W\d_])")


def _unglued(start: int, word: str) -> list[tuple[int, int]]:
    """A name and its bracketed short form written without a space ("Commission(EACC"): three tokens, as
    spaCy cuts "Commission (EACC"."""
    match = _GLUED_BRACKET.search(word)
    if match is None:
        return [(start, start + len(word))]
    at = start + match.start()
    return [(start, at), (at, at + 1), (at + 1, start + len(word))]


_FUNCTION_TAGS = frozenset({"IN", "RB", "DT", "CC", "TO"})


def _hyphen_prefix(rows: list[dict], position: int) -> bool:
    return (
        position + 2 < len(rows)
        and rows[position + 1]["text"] == "-"
        and rows[position + 1]["gap"] == ""
        and rows[position + 2]["gap"] == ""
        and rows[position + 1]["sentence"] == rows[position + 2]["sentence"]
    )


def build_text_model(text: str, *, dateline_end: int = 0) -> TextModel:
    """dateline_end: where a dateline opening the text ends (read.dateline.opening_dateline_end), 0 for none; the
    words after it start a sentence."""
    paras = paragraphs(text)
    quote_spans = find_quotes(text, paras)
    rows = _tokens_of(text, tokenize_sentences(text), quote_spans, paras, dateline_end)
    tags: list[tuple[str, str]] = []
    chunks: list[Chunk] = []
    chunk_of: list[int] = []
    sentences: list[Sentence] = []
    i = 0
    while i < len(rows):
        j = i
        while j + 1 < len(rows) and rows[j + 1]["sentence"] == rows[i]["sentence"]:
            j += 1
        labels = tag_and_chunk([r["text"] for r in rows[i : j + 1]])
        for offset, (tag, iob) in enumerate(labels):
            position = i + offset
            kind = iob[2:] if len(iob) > 2 else ""
            continues = iob.startswith("I-") and chunks and chunks[-1].last == position - 1 and chunks[-1].kind == kind
            if continues:
                chunks[-1] = Chunk(kind, chunks[-1].first, position)
            elif kind:
                chunks.append(Chunk(kind, position, position))
            chunk_of.append(len(chunks) - 1 if kind else -1)
            tags.append((tag, iob))
        sentences.append(
            Sentence(
                index=len(sentences),
                first=i,
                last=j,
                start=rows[i]["start"],
                end=rows[j]["end"],
                paragraph=rows[i]["paragraph"],
            )
        )
        i = j + 1
    tokens: list[Token] = []
    for position, row in enumerate(rows):
        tag = tags[position][0]
        if tag in _FUNCTION_TAGS and _hyphen_prefix(rows, position):
            tag = "JJ"  # "anti-corruption authorities", "pro-government militias": a prefix, part of the modifier
        base = lemma(row["text"], tag)
        tokens.append(
            Token(
                i=position,
                start=row["start"],
                end=row["end"],
                text=row["text"],
                gap=row["gap"],
                norm=fold(row["text"]),
                lemma=base,
                tag=tag,
                sentence=row["sentence"],
                paragraph=row["paragraph"],
                chunk=chunk_of[position],
                quote=row["quote"],
                common=known_common_word(row["text"]),
            )
        )
    quotes = tuple(_quote(n, q, tokens) for n, q in enumerate(quote_spans))
    return TextModel(
        text=text,
        tokens=tuple(tokens),
        chunks=tuple(chunks),
        sentences=tuple(sentences),
        paragraphs=paras,
        quotes=quotes,
        dateline_end=dateline_end,
    )


def _quote(index: int, span: QuoteSpan, tokens: list[Token]) -> Quote:
    inside = [t.i for t in tokens if t.quote == index]
    first, last = (inside[0], inside[-1]) if inside else (-1, -2)
    return Quote(
        index=index,
        open=span.open,
        close=span.close,
        content=span.content,
        terminated=span.terminated,
        first=first,
        last=last,
    )
