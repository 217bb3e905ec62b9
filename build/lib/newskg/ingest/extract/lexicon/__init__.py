"""The extraction lexicon, read from data (ontology/lexicon/: SKOS schemes and word tables), one entry per lemma,
matched on the text model's lemmas (lexicon.matcher)."""

from newskg.ingest.extract.lexicon.entries import ActEntry, Cue, Hedge, Lexicon, Pronoun, StanceWord
from newskg.ingest.extract.lexicon.load import load_lexicon
from newskg.ingest.extract.lexicon.matcher import LemmaMatcher, Match

__all__ = ["ActEntry", "Cue", "Hedge", "LemmaMatcher", "Lexicon", "Match", "Pronoun", "StanceWord", "load_lexicon"]
