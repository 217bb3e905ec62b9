"""Actors: every actor an article names, from the registry, from proper names, and from descriptions."""

from newskg.ingest.extract.actors.assemble import ActorFinder
from newskg.ingest.extract.actors.registry import Registry, RegistryEntry, load_registry
from newskg.ingest.extract.actors.values import ActorRecord, ActorSet, Mention

__all__ = ["ActorFinder", "ActorRecord", "ActorSet", "Mention", "Registry", "RegistryEntry", "load_registry"]
