"""Entity keys: how names are folded and slugged, how keys are built, and how they are read back.

A key is ``kind/...``: ``country/IR``, ``capital/IR`` (a capital until resolve decides state or town),
``place/geonames/1159713``, ``place/IR/sistan-and-baluchestan``, ``place/zenda``, ``org/IR/armed-forces``,
``org/kessel-news``, ``group/hezbollah``, ``person/karl-brandt``. Only this module spells the prefixes.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["fold", "slug", "country_key", "capital_key", "place_key", "geonames_key", "region_key", "org_key",
           "armed_forces_key", "group_key", "person_key", "name_key", "iso_of", "is_country", "is_capital",
           "is_gazetteer_state", "is_geonames_place", "is_person", "country_iso", "owner_iso"]

_STATE_ORG = re.compile(r"org/([A-Z]{2})/")
_KIND_OF_TYPE = {"Official": "person", "Group": "group", "Organization": "org", "Place": "place"}


@lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """Lower-case, accent-free, punctuation-light key for comparing names.

    >>> fold("Sīstān va Balūchestān"), fold("the U.S."), fold("Iran’s")
    ('sistan va baluchestan', 'us', 'iran')
    """
    s = unicodedata.normalize("NFKD", name.replace("ı", "i"))  # Turkish dotless i has no decomposition
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"[’'`]s$", "", s.strip())
    s = re.sub(r"^the\s+", "", s)
    s = s.replace(".", "")
    s = re.sub(r"[^\w\s-]", " ", s)
    return re.sub(r"\s+", " ", s).strip()


def slug(text: str) -> str:
    """A readable key part: folded, words joined by hyphens.

    >>> slug("Islamic Revolutionary Guard Corps"), slug("Ministry of Foreign Affairs")
    ('islamic-revolutionary-guard-corps', 'ministry-of-foreign-affairs')
    """
    return re.sub(r"[\s_]+", "-", fold(text)).strip("-") or "x"


def country_key(iso: str) -> str:
    """The key of a state by its ISO 3166 alpha-2 code.

    >>> country_key("RR")
    'country/RR'
    """
    return f"country/{iso}"


def capital_key(iso: str) -> str:
    """The provisional key of a state's capital: resolve makes it the state or a town."""
    return f"capital/{iso}"


def place_key(name: str) -> str:
    """The key of a place the gazetteer does not know, by its name."""
    return f"place/{slug(name)}"


def geonames_key(geonames: int) -> str:
    """The key of a place by its GeoNames id."""
    return f"place/geonames/{geonames}"


def region_key(iso: str, name: str) -> str:
    """The key of a state's first-level region."""
    return f"place/{iso}/{slug(name)}"


def org_key(name: str, iso: str = "") -> str:
    """The key of an organisation, under the state that owns it when there is one.

    >>> org_key("Ministry of Defence", "RR"), org_key("Kessel News")
    ('org/RR/ministry-of-defence', 'org/kessel-news')
    """
    return f"org/{iso}/{slug(name)}" if iso else f"org/{slug(name)}"


def armed_forces_key(iso: str) -> str:
    """The key of a state's armed forces."""
    return f"org/{iso}/armed-forces"


def group_key(name: str) -> str:
    """The key of a non-state group."""
    return f"group/{slug(name)}"


def person_key(name: str) -> str:
    """The key of a person."""
    return f"person/{slug(name)}"


def name_key(type_: str, name: str) -> str:
    """The key of a mention with no gazetteer identity, from its type and name: "person/karl-brandt"."""
    return f"{_KIND_OF_TYPE[type_]}/{slug(name)}"


def iso_of(key: str) -> str:
    """The ISO code of a country or capital key ("country/IR" -> "IR"), else ""."""
    return key.split("/")[1] if is_gazetteer_state(key) else ""


def country_iso(key: str) -> str:
    """The ISO code of a country key, else "" (a capital key gives "")."""
    return key.split("/")[1] if is_country(key) else ""


def is_country(key: str) -> bool:
    """True for a state's key."""
    return key.startswith("country/")


def is_capital(key: str) -> bool:
    """True for a capital's provisional key."""
    return key.startswith("capital/")


def is_gazetteer_state(key: str) -> bool:
    """True for a country or capital key: a name the gazetteer ties to a state."""
    return key.startswith(("country/", "capital/"))


def is_geonames_place(key: str) -> bool:
    """True for a place keyed by its GeoNames id."""
    return key.startswith("place/geonames/")


def is_person(key: str) -> bool:
    """True for a person's key."""
    return key.startswith("person/")


def owner_iso(key: str) -> str:
    """The ISO code of the state an organisation key names as its owner, else "".

    >>> owner_iso("org/RR/ministry-of-defence"), owner_iso("org/kessel-news"), owner_iso("country/RR")
    ('RR', '', '')
    """
    m = _STATE_ORG.match(key)
    return m.group(1) if m else ""
