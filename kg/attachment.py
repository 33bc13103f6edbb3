"""Where a word really attaches when the small model's parse is known to go wrong in news copy: a second subject
given to one verb, a past tense coordinated into the clause a speaker reports, a participle hung on where a statement
appeared, an agent a preposition lost, an object made the subject of a participle clause. Readers ask these instead
of trusting the arc; word lists come from ``kg/data/triggers.json``."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import triggers

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["lost_subject", "object_in_participle_clause", "orphaned_object", "reported_clause_sibling", "shadowed_subject",
           "statement_of_medium"]


def shadowed_subject(tok: Token) -> bool:
    """A second subject the parser gave one verb, farther from it than the other ("X, which ..., offered to help, and
    Y urged Z": X is no subject of "urged"); such a token acts in another clause."""
    return tok.dep_ == "nsubj" and any(c.dep_ == "nsubj" and tok.i < c.i < tok.head.i for c in tok.head.children)


def reported_clause_sibling(tok: Token) -> Token | None:
    """The verb a past tense is really coordinated with when the parser hung it on a reported clause of another tense
    ("said X would defend it and sent troops": "sent" joins the speaker's verb), else None. A speech act closing
    a reported clause of the same tense ("said X had fired and accused Y") is rejoined in the parse (kg.nlp)."""
    head = tok.head
    if tok.dep_ != "conj" or tok.tag_ != "VBD":
        return None
    if head.dep_ == "ccomp" and head.tag_ in ("VB", "VBG") or head.dep_ == "xcomp" and head.tag_ == "VB":
        return head.head  # also "urged Y to halt the fighting and offered to host talks": "offered" joins "urged"
    return None


def statement_of_medium(tok: Token) -> Token | None:
    """The statement a participle belongs to when the parser hung it on where the statement appeared ("posted a
    tweet on X blaming Y": the tweet blames Y, the platform does not), else None."""
    medium, t = tok.head, triggers()
    if tok.dep_ == "acl" and medium.dep_ == "pobj" and medium.head.lower_ in t["medium_preps"] \
            and medium.head.head.lemma_.lower() in t["report_nouns"]:
        return medium.head.head
    return None


def orphaned_object(prep: Token, token_key: dict[int, str]) -> Token | None:
    """The first named word within six words after a preposition the parser left without an object ("by President
    X hours later", with X parsed into "hours"); None when a verb or punctuation comes first."""
    for t in prep.doc[prep.i + 1 : prep.i + 7]:
        if t.i in token_key and t.pos_ != "ADJ":  # "by Colombian President X": the president, not the nationality
            return t
        if t.pos_ in ("VERB", "AUX", "PUNCT"):
            return None
    return None


def object_in_participle_clause(verb: Token) -> Token | None:
    """The object a verb lost to a participle clause the parser made its complement ("would shoot down any aircraft
    entering its airspace": "aircraft" parsed as the subject of "entering"), else None."""
    if any(c.dep_ == "dobj" for c in verb.children):
        return None
    return next((g for c in verb.children if c.dep_ == "ccomp" and c.tag_ == "VBG" and c.i > verb.i
                 for g in c.children if g.dep_ == "nsubj" and g.pos_ in ("NOUN", "PROPN")), None)


def lost_subject(verb: Token) -> Token | None:
    """"A day after a wave of X-ian drones struck P": a finite verb right after the object of a clause-opening
    preposition ("after", "before", "since"), which the parser made a preposition and the verb a complement of the
    clause before; that object, reached through any "of" phrases, is the verb's subject."""
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i == 0:
        return None
    t = verb.doc[verb.i - 1]
    while t.dep_ == "pobj" and t.head.dep_ == "prep" and t.pos_ in ("NOUN", "PROPN"):
        if t.head.lower_ in triggers()["clause_prepositions"]:
            return t
        if t.head.lower_ != "of":
            return None
        t = t.head.head
    return None
