"""Where a name is a place: the gazetteer's place mention, and the contexts that make a name a place ("the city of X",
"X, a village near Y", "at X")."""
from __future__ import annotations

from spacy.tokens import Span, Token

from .gazetteer import gazetteer
from .keys import country_key, geonames_key, place_key, region_key
from .lexicon import cues
from .schema import Mention, make_mention

__all__ = ["after_place_noun", "described_as_place", "locative", "place_mention", "placed_by_context"]


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
    return after_place_noun(root) or described_as_place(span)


def after_place_noun(name: Token, plural: bool = False) -> bool:
    """True when ``name`` is (in) the list of names after a place noun and "of": "the town of X", "the villages of X,
    Y and Z" (a plural noun when ``plural``)."""
    root = _list_head(name)
    noun = root.head.head
    return root.dep_ == "pobj" and root.head.lower_ == "of" and noun.lemma_.lower() in cues().place_words and \
        (not plural or noun.tag_ == "NNS")


def locative(span: Span) -> bool:
    """True when the span is the object of a place preposition ("at Ain Issa", "near Abqaiq") or names a
    place word's place ("the town of Tell Tamer", "the towns of A and B")."""
    root = _list_head(span.root)
    return root.dep_ == "pobj" and root.head.lower_ in cues().locative_preps or after_place_noun(root)


def _list_head(tok: Token) -> Token:
    """The first name of the coordinated list ``tok`` is in ("A, B and C": A), or ``tok``."""
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    return tok


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
