"""One Entity record per resolved key, from its mentions: the label, the aliases, the type voted, and its ties
(role, affiliation, the country a place lies in)."""
from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Doc

from .acronyms import looks_like_acronym
from .gazetteer import gazetteer
from .keys import country_iso, country_key, is_capital, is_geonames_place, owner_iso
from .lexicon import cues
from .schema import Entity, Mention

__all__ = ["entity_record", "vote"]


def entity_record(key: str, ms: list[Mention], sents: list[str], doc: Doc) -> Entity:
    """The Entity of one key from its mentions: the country's own record, else label, type and ties voted."""
    gaz = gazetteer()
    first = ms[0]
    surface = list(dict.fromkeys(m.text for m in ms))
    if iso := country_iso(key):
        c = gaz.countries[iso]
        return Entity(key=key, type="Country", label=c["name"], aliases=tuple(s for s in surface if s != c["name"]),
                      iso=iso, geonames=c["geonames"], mentions=len(ms), first_sentence=sents[first.sent])
    named = [m for m in ms if not looks_like_acronym(m.text)] or ms  # acronyms do not vote
    longest = max(len(m.text.split()) for m in named)
    typ = vote(m.type for m in named if len(m.text.split()) == longest)  # full names are typed best
    if is_geonames_place(key) and any(is_capital(m.key) for m in ms):
        typ = "Place"
    label = max((s for s in surface if not looks_like_acronym(s)), key=lambda s: (len(s.split()), len(s)), default=surface[0])
    if typ == "Organization" and (state_named := _with_its_state(key, label)) != label:
        surface, label = [*surface, label], state_named
    if typ == "Place":
        surface += [s for s in _with_place_noun(doc, ms) if s not in surface]
    role = next((m.role for m in ms if m.role), "")
    affiliation = next((m.affiliation for m in ms if m.affiliation), "")
    located_in = next((m.located_in for m in ms if m.located_in), "") or _located_by_possessive(doc, ms)
    geonames = next((m.geonames for m in ms if m.geonames), 0)
    return Entity(key=key, type=typ, label=label, aliases=tuple(s for s in surface if s != label), role=role,
                  affiliation=affiliation if typ != "Place" else "", located_in=located_in if typ == "Place" else "",
                  geonames=geonames if typ == "Place" else 0, mentions=len(ms), first_sentence=sents[first.sent],
                  # a place keeps the ISO code of its country even when the article never names that country
                  iso=country_iso(located_in) if typ == "Place" else "")


def _with_place_noun(doc: Doc, ms: list[Mention]) -> list[str]:
    """A place's name with the common noun written after it ("the Tarso crossing", "the Velm forest"), an alias:
    some call the place by the name alone, others with the noun."""
    words = cues().place_words | cues().landmark_words
    return [f"{m.text} {doc[m.tokens[1]].text}" for m in ms
            if m.tokens[1] < len(doc) and doc[m.tokens[1]].text.islower() and doc[m.tokens[1]].lemma_.lower() in words]


def _with_its_state(key: str, label: str) -> str:
    """A state body's label with its state's demonym when the name the article gives lacks it ("the Foreign Ministry"
    of Ruritania: "Ruritanian Foreign Ministry"), so that two states' foreign ministries are told apart in a graph;
    the name as written stays an alias."""
    gaz = gazetteer()
    iso = owner_iso(key)
    demonym = gaz.countries.get(iso, {}).get("demonym", "") if iso else ""
    if not demonym or any(gaz.country(w) == iso or gaz.demonym(w) == iso for w in label.replace("'s", "").split()):
        return label
    return f"{demonym} {label[4:] if label.lower().startswith('the ') else label}"


def _located_by_possessive(doc: Doc, ms: list[Mention]) -> str:
    """"Iran's Sistan province" or "Saravan, Iran": the country a place lies in."""
    gaz = gazetteer()
    for m in ms:
        s, e = m.tokens
        if s >= 2 and doc[s - 1].tag_ == "POS" and (iso := gaz.country(doc[s - 2].text)):
            return country_key(iso)
        if e + 1 < len(doc) and doc[e].text == "," and (iso := gaz.country(doc[e + 1].text)):
            return country_key(iso)
    return ""


_TIE_ORDER = {"Official": 4, "Group": 3, "Place": 2, "Organization": 1, "Country": 0}


def vote(types) -> str:
    """The most frequent type; ties go to the more specific type."""
    counts: dict[str, int] = defaultdict(int)
    for t in types:
        counts[t] += 1
    return max(counts, key=lambda t: (counts[t], _TIE_ORDER.get(t, 0)))
