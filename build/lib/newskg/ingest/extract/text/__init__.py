"""The one text model every extraction stage reads: tokens with offsets, lemma, part of speech and phrase chunks,
sentences, paragraphs and quotations, built once per article (build.build_text_model)."""

from newskg.ingest.extract.text.build import build_text_model
from newskg.ingest.extract.text.model import Chunk, Quote, Sentence, TextModel, Token

__all__ = ["Chunk", "Quote", "Sentence", "TextModel", "Token", "build_text_model"]
