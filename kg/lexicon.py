"""Word lists the stages share, read once from ``kg/data/``: typing cues, named actors and event triggers."""
from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from .keys import fold

__all__ = ["Cues", "actor_key", "actors", "calibration", "cameo_codes", "cues", "lexicon", "triggers"]

_DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Cues:
    """The entity vocabulary of ``kg/data/cues.json``, one attribute per list: a list the file lacks or an
    attribute the code misspells fails when the file is read or the name is used, not halfway through an article."""

    group_words: frozenset[str]  # head words of non-state groups, and one-word group names of actors.json
    between_predicates: frozenset[str]  # acts whose "between A and B" names two states when A, B are capitals
    name_titles: frozenset[str]  # titles written right before a person's name ("Chairperson A B")
    news_source_nouns: frozenset[str]  # "state news agency X": nouns a news outlet's name stands beside
    reporting_verbs: frozenset[str]  # "X reported": what a news outlet does, and a town does not
    leading_body_words: frozenset[str]  # head words that open a body's name ("Frente ...", "Front for the ...")
    group_phrases: frozenset[str]
    org_words: frozenset[str]  # head words of organisations, and one-word organisation names of actors.json
    place_words: frozenset[str]
    landmark_words: frozenset[str]  # head words of a building's or a landmark's name, part of it: "the X Cathedral"
    facility_words: frozenset[str]  # lower-case heads of a site named with the name before: "the X airfield"
    opening_common_nouns: frozenset[str]  # "Jets struck ...": a sentence's first word, capitalised only there
    modified_facility_words: frozenset[str]  # such heads after a word saying which: "the X power plant"
    courtesy_titles: frozenset[str]  # titles of address before a person's name: "Mr", "Ms", "Dr"
    seat_nouns: frozenset[str]  # a seat of government, naming a place in apposition: "the provincial capital, X"
    group_name_starts: frozenset[str]  # first words of armed groups' untranslated names: "Movimiento Armado X"
    posted_body_nouns: frozenset[str]  # a body named with the state it serves in: "the UN Assistance Mission in X"
    posted_body_preps: frozenset[str]  # the prepositions before that state: "in", "to", "for"
    role_words: frozenset[str]
    force_heads: frozenset[str]
    force_members: frozenset[str]
    led_bodies: frozenset[str]  # collective nouns an "X-led" names as a body: "a Ruritanian-led coalition"
    state_force_words: frozenset[str]
    honorifics: frozenset[str]
    religion_words: frozenset[str]
    platform_preps: frozenset[str]
    topic_nouns: frozenset[str]
    platform_heads: frozenset[str]
    product_nouns: frozenset[str]
    dealings_nouns: frozenset[str]
    envoy_nouns: frozenset[str]
    government_words: frozenset[str]
    common_org_nouns: frozenset[str]
    compass_words: frozenset[str]
    name_particles: frozenset[str]
    surname_particles: frozenset[str]
    nickname_markers: frozenset[str]  # "A B, alias 'Tigre'": the nickname names the person
    company_nouns: frozenset[str]  # "the state company X": the name after it is an organisation's
    place_particles: frozenset[str]  # "de las" in "Santa Cruz de las Canas": a name the NER cut there goes on
    opposing_prefixes: frozenset[str]  # "anti-Taliban": the prefix is no part of the name it opposes
    glue_words: frozenset[str]
    name_joiners: frozenset[str]
    conjunctions: frozenset[str]
    articles: frozenset[str]
    indefinite_articles: frozenset[str]
    demonstratives: frozenset[str]
    definite_determiners: frozenset[str]
    possessive_endings: frozenset[str]
    government_fillers: frozenset[str]
    time_words: frozenset[str]
    locative_preps: frozenset[str]
    located_preps: frozenset[str]
    actor_preps: frozenset[str]
    region_words: frozenset[str]
    militia_name_ends: frozenset[str]
    army_name_ends: frozenset[str]
    body_name_ends: frozenset[str]
    camp_nouns: frozenset[str]
    demonym_suffixes: tuple[str, ...]  # tried in this order
    relative_pronouns: frozenset[str]
    first_person: frozenset[str]
    not_actor_name_ends: frozenset[str]  # "the Syrian Civil War", "the Geneva Convention": an event or a text, no actor
    group_head_nouns: frozenset[str]  # "the M23 group", "the Velm militia": a lower-case head after a group's name
    line_continuing_tags: frozenset[str]  # a line ending in a word of these tags wraps its sentence onto the next
    pronoun_types: Mapping[str, tuple[str, ...]]  # pronoun -> the entity types it can stand for
    description_types: Mapping[str, tuple[str, ...]]  # "the group" -> the entity types it can stand for
    expansion_skip_words: frozenset[str]  # words an acronym's expansion in parentheses skips
    initials_skip_words: frozenset[str]  # words skipped when a long name's initials are compared with an acronym
    state_bodies: frozenset[str]  # "foreign ministry", "central bank": a state's body, written in lower case
    person_nouns: frozenset[str]  # people no name stands for ("a witness said she ..."): their pronouns are theirs


@lru_cache(maxsize=1)
def cues() -> Cues:
    """Typing cue words from ``kg/data/cues.json``; one-word actor names count as group or organisation words."""
    raw = json.loads((_DATA / "cues.json").read_text(encoding="utf-8"))
    fields: dict = {}
    for name, value in raw.items():
        if name.startswith("_"):
            continue
        if isinstance(value, dict):
            fields[name] = MappingProxyType({k: tuple(v) for k, v in value.items()})
        else:
            fields[name] = tuple(value) if name == "demonym_suffixes" else frozenset(value)
    one_word = {typ: {k for k, (t, _) in actors().items() if t == typ and " " not in k} for typ in ("Group", "Organization")}
    fields["group_words"] |= one_word["Group"]
    fields["org_words"] |= one_word["Organization"]
    return Cues(**fields)


def actor_key(name: str) -> str:
    """How actor names are compared: folded, hyphens and apostrophes as spaces ("al-Qa'ida" -> "al qa ida")."""
    return " ".join(fold(name).replace("-", " ").split())


@lru_cache(maxsize=1)
def actors() -> dict[str, tuple[str, str]]:
    """Named actors from ``kg/data/actors.json``: ``actor_key(spelling)`` -> (type, the entry's first name)."""
    raw = json.loads((_DATA / "actors.json").read_text(encoding="utf-8"))
    return {actor_key(name): (typ, entry[0]) for typ in ("Group", "Organization") for entry in raw[typ]
            if not entry[0].startswith("_") for name in entry}


@lru_cache(maxsize=1)
def lexicon() -> dict[str, dict[str, str]]:
    """Trigger words: ``{"verbs"|"phrasal"|"nouns": {lemma: predicate}}``.

    Generated from PETRARCH2's CAMEO dictionary (``kg/data/lexicon.json``, by ``scripts/build_lexicon.py``),
    then the hand additions of ``kg/data/lexicon_additions.json``, which win for a lemma in both.
    """
    generated, additions = _sources()
    out: dict[str, dict[str, str]] = {}
    for kind in ("verbs", "phrasal", "nouns"):
        of = {lemma: pred for pred, words in generated[kind].items() for lemma in words}
        of.update({lemma: pred for pred, words in additions.get(kind, {}).items() for lemma in words})
        out[kind] = of
    return out


@lru_cache(maxsize=1)
def cameo_codes() -> dict[str, dict[str, str]]:
    """The CAMEO code each generated trigger came from: ``{"verbs"|"phrasal"|"nouns": {lemma: code}}``.

    Hand additions carry no code; a trigger the additions move to another predicate loses its code.
    """
    generated, _ = _sources()
    lex = lexicon()
    return {kind: {lemma: code for pred, words in generated[kind].items() for lemma, code in words.items()
                   if lex[kind][lemma] == pred} for kind in ("verbs", "phrasal", "nouns")}


@lru_cache(maxsize=1)
def _sources() -> tuple[dict, dict]:
    """The generated lexicon and the hand additions, as read."""
    generated = json.loads((_DATA / "lexicon.json").read_text(encoding="utf-8"))
    additions = json.loads((_DATA / "lexicon_additions.json").read_text(encoding="utf-8"))
    return generated, additions


@lru_cache(maxsize=1)
def triggers() -> dict:
    """Frame words from ``kg/data/triggers.json`` and the trigger lexicon.

    ``verbs``/``nouns`` are predicate -> lemmas; ``verb_of``/``noun_of`` lemma -> predicate; ``phrasal_of`` maps
    "verb particle" (e.g. "hit back") to its predicate.
    """
    raw = json.loads((_DATA / "triggers.json").read_text(encoding="utf-8"))
    lex = lexicon()
    raw["verb_of"], raw["noun_of"], raw["phrasal_of"] = lex["verbs"], lex["nouns"], lex["phrasal"]
    for kind, of in (("verbs", {**lex["verbs"], **lex["phrasal"]}), ("nouns", lex["nouns"])):
        raw[kind] = {}
        for lemma, pred in sorted(of.items()):
            raw[kind].setdefault(pred, []).append(lemma)
    for key, value in list(raw.items()):
        if isinstance(value, list):
            raw[key] = frozenset(value)
        elif key in ("verbs", "nouns"):
            raw[key] = {p: frozenset(v) for p, v in value.items()}
    return raw


@lru_cache(maxsize=1)
def calibration() -> dict:
    """Measured reliability of each predicate's edges, from ``kg/data/confidence.json``."""
    return json.loads((_DATA / "confidence.json").read_text(encoding="utf-8"))
