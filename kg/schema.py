"""The one vocabulary: node types, predicates with CAMEO/PLOVER codes, namespaces and records.

Everything the extractor, the RDF export, the HTML legend and the ontology tests agree on is read
here, once, from ``ontology/vocabulary.csv``.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "BASE", "ONTOLOGY", "NODE_TYPES", "MODALITIES", "DIRECT_MODALITIES", "PREDICATES", "Predicate", "CODES", "Code",
    "Article", "Mention", "Entity", "Evidence", "Relation", "make_mention",
]

ONTOLOGY = Path(__file__).resolve().parent / "ontology"
BASE = "https://w3id.org/kg-news/"  # stable base IRI: ontology at BASE + "ontology#", things at BASE + "id/"

NODE_TYPES: tuple[str, ...] = ("Country", "Official", "Group", "Organization", "Place")
MODALITIES: tuple[str, ...] = ("asserted", "offered", "requested", "threatened", "negated", "hypothetical", "alleged")
# Modalities that also get a direct subject-predicate-object triple in RDF: things that happened or
# were formally offered. The rest live only on the reified event, with their modality.
DIRECT_MODALITIES: frozenset[str] = frozenset({"asserted", "offered"})


@dataclass(frozen=True, slots=True)
class Predicate:
    """One relation type of the vocabulary, with its event codes."""

    name: str
    label: str
    family: str  # force | criticism | diplomacy | cooperation (HTML colours)
    cameo: str
    cameo_name: str
    plover: str
    plover_mode: str
    offered_cameo: str
    offered_name: str
    comment: str
    attack: bool = False  # an armed attack: the relation reader remembers it for a later "the strike"
    multi_target: bool = False  # one trigger may name several targets ("struck A and B")
    diplomatic: bool = False  # a diplomatic act: unnamed, its party is the sentence's nearest other country
    never_object: frozenset[str] = frozenset()  # node types never its object ("killed": no Country, no Place)


_FLAGS = ("attack", "multi_target", "diplomatic")


def _read_vocabulary(path: Path) -> dict[str, Predicate]:
    """Every predicate of ``vocabulary.csv``; a flag other than "yes" or empty, or an unknown node type, is an error."""
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    out = {}
    for row in rows:
        for col in _FLAGS:
            if row[col] not in ("", "yes"):
                raise ValueError(f"{path}: {row['name']}: {col} is {row[col]!r}; write yes or leave it empty")
        never = frozenset(t for t in row["never_object"].split("|") if t)
        if never - set(NODE_TYPES):
            raise ValueError(f"{path}: {row['name']}: never_object names {sorted(never - set(NODE_TYPES))}; use {NODE_TYPES}")
        out[row["name"]] = Predicate(**{**row, **{col: row[col] == "yes" for col in _FLAGS}, "never_object": never})
    return out


PREDICATES: dict[str, Predicate] = _read_vocabulary(ONTOLOGY / "vocabulary.csv")


@dataclass(frozen=True, slots=True)
class Code:
    """A finer CAMEO code a predicate takes when its trigger says how (an air strike is 195, not 190)."""

    code: str
    name: str
    plover: str
    plover_mode: str
    predicate: str
    words: frozenset[str]


def _read_codes(path: Path) -> tuple[Code, ...]:
    """Every finer code of ``codes.csv``, its trigger words split on "|"."""
    with path.open(newline="", encoding="utf-8") as fh:
        return tuple(Code(**{**row, "words": frozenset(row["words"].split("|"))}) for row in csv.DictReader(fh))


CODES: tuple[Code, ...] = _read_codes(ONTOLOGY / "codes.csv")


@dataclass(frozen=True, slots=True)
class Article:
    """One input article: ``id`` is unique in a build; ``text`` is what offsets point into."""

    id: str
    path: str
    text: str
    title: str = ""
    date: str = ""  # ISO 8601 date or ""
    url: str = ""


@dataclass(frozen=True, slots=True)
class Mention:
    """A typed span of an article, before resolution across the article."""

    text: str  # surface form as cleaned for display ("Iran's" -> "Iran", no leading "the")
    start: int  # character offsets into Article.text
    end: int
    tokens: tuple[int, int]  # token offsets into the Doc
    sent: int  # sentence index in the article
    type: str  # one of NODE_TYPES
    key: str = ""  # known identity (gazetteer hits: "country/IR", "place/geonames/1159713"), else ""
    role: str = ""
    affiliation: str = ""  # key of the country/organisation it belongs to
    located_in: str = ""
    geonames: int = 0


def make_mention(span, sent: int, type_: str, **kw) -> Mention:
    """A Mention of a spaCy ``span`` in sentence ``sent``; ``kw`` are its other fields."""
    return Mention(text=span.text, start=span.start_char, end=span.end_char, tokens=(span.start, span.end),
                   sent=sent, type=type_, **kw)


@dataclass(frozen=True, slots=True)
class Entity:
    """A resolved node: one real thing named in one article (merged across articles by key)."""

    key: str
    type: str
    label: str
    aliases: tuple[str, ...] = ()
    role: str = ""
    affiliation: str = ""  # key of the Country/Organization/Group it belongs to
    located_in: str = ""  # key of the Country a Place lies in
    iso: str = ""
    geonames: int = 0
    mentions: int = 1
    first_sentence: str = ""


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a relation was read: sentence text and character offsets into ``Article.text``."""

    article: str
    sentence: str
    start: int
    end: int
    trigger: str
    confidence: float


@dataclass(frozen=True, slots=True)
class Relation:
    """A typed, coded edge between two entity keys."""

    subject: str
    predicate: str
    object: str
    evidence: Evidence
    modality: str = "asserted"
    source: str = ""  # key of the entity the claim is attributed to, "" when stated by the article
    date: str = ""
    place: str = ""  # key of a Place entity
    casualties: int = -1  # -1 when not stated
    code: str = ""  # a finer CAMEO code from CODES, "" for the predicate's own

    @property
    def cameo(self) -> str:
        """The CAMEO code: an offer's code, else the finer code, else the predicate's."""
        p = PREDICATES[self.predicate]
        if self.modality == "offered" and p.offered_cameo:
            return p.offered_cameo
        return self.code or p.cameo

    @property
    def plover(self) -> str:
        """The PLOVER category of the CAMEO code."""
        if self.modality == "offered" and PREDICATES[self.predicate].offered_cameo:
            return "AGREE"
        return next((c.plover for c in CODES if c.code == self.code), PREDICATES[self.predicate].plover)
