"""Where a name is a place: the gazetteer's place mention, and the contexts that make a name a place ("the city of X",
"X, a village near Y", "at X")."""
from __future__ import annotations

from spacy.tokens import Span

from .gazetteer import gazetteer
from .keys import country_key, geonames_key, place_key, region_key
from .lexicon import cues
from .schema import Mention, make_mention

__all__ = ["described_as_place", "locative", "place_mention", "placed_by_context"]


def described_as_place(span: Span) -> bool:
    """True when an apposition describes the name as a place or a building: "X, a village near Y", "the provincial
    capital, X"."""
    words = cues().place_words | cues().landmark_words | cues().seat_nouns
    root = span.root  # or the other way round: "the provincial capital, X"
    return any(c.dep_ == "appos" and c.i >= span.end and c.pos_ == "NOUN" and c.lemma_.lower() in words for c in root.children) \
        or root.dep_ in ("appos", "npadvmod") and root.head.i < span.start and root.head.pos_ == "NOUN" and \
        root.head.lemma_.lower() in words


def placed_by_context(span: Span) -> bool:
    """True when a name stands where only a place's name stands, whatever the NER labelled it: "the city of X", "the
    villages of X and Y", "the provincial capital, X", "X, a village near Y"."""
    root = span.root
    if root.dep_ == "compound" and root.head.pos_ == "ADJ":
        root = root.head  # "the city of X ablaze": the parser hung the name on the adjective
    while root.dep_ == "conj" and root.head is not root:
        root = root.head
    of_place = root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in cues().place_words
    return of_place or described_as_place(span)


def locative(span: Span) -> bool:
    """True when the span is the object of a place preposition ("at Ain Issa", "near Abqaiq") or names a
    place word's place ("the town of Tell Tamer", "the towns of A and B")."""
    root = span.root
    while root.dep_ == "conj" and root.head is not root:
        root = root.head
    if root.dep_ != "pobj":
        return False
    prep = root.head
    return prep.lower_ in cues().locative_preps or prep.lower_ == "of" and prep.head.lemma_.lower() in cues().place_words


def place_mention(span: Span, sent: int, key: str) -> Mention:
    """A Place: keyed by GeoNames id or region when the gazetteer knows the name, else by the name."""
    gaz = gazetteer()
    if key not in gaz.places and key not in gaz.regions:
        return make_mention(span, sent, "Place", key=place_key(span.text))
    if key in gaz.places:
        gid, cc, _pop, name = gaz.places[key]
        return make_mention(span, sent, "Place", key=geonames_key(gid), geonames=gid,
                        located_in=country_key(cc) if cc in gaz.countries else "")
    cc, _name = gaz.regions[key]
    return make_mention(span, sent, "Place", key=region_key(cc, span.text),
                    located_in=country_key(cc) if cc in gaz.countries else "")
