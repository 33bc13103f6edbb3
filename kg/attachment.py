"""Where a word really attaches when the small model's parse is known to go wrong in news copy: a second subject
given to one verb, and a finite verb coordinated into the clause a speaker reports. Readers ask these instead of
trusting the arc."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["reported_clause_sibling", "shadowed_subject"]


def shadowed_subject(tok: Token) -> bool:
    """A second subject the parser gave one verb, farther from it than the other ("X, which ..., offered to help, and
    Y urged Z": X is no subject of "urged"); such a token acts in another clause."""
    return tok.dep_ == "nsubj" and any(c.dep_ == "nsubj" and tok.i < c.i < tok.head.i for c in tok.head.children)


def reported_clause_sibling(tok: Token) -> Token | None:
    """The verb a past tense is really coordinated with when the parser hung it on a reported clause of another tense
    ("said X would defend it and warned Y", "denied that X had fired and accused Y": "warned", "accused" join the
    speaker's verb), else None."""
    head = tok.head
    if tok.dep_ == "conj" and tok.tag_ == "VBD" and (head.dep_ == "ccomp" and (
            head.tag_ in ("VB", "VBG") or head.tag_ == "VBN" and any(c.dep_ == "aux" for c in head.children)) or
            head.dep_ == "xcomp" and head.tag_ == "VB"):
        return head.head  # also "urged Y to halt the fighting and offered to host talks": "offered" joins "urged"
    return None
