"""What a killing states besides itself: an attack on the victims' state, or on the place it happened."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .emit import emit
from .facts import place

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .constructions import Reading
    from .context import Context
    from .discourse import Discourse

__all__ = ["forces_killed", "killing_places"]

_ARMED = frozenset(("Country", "Group", "Organization"))  # who can attack (not an official in person)


def forces_killed(ctx: Context, disc: Discourse, rd: Reading) -> None:
    """Killing a state's soldiers or police is an attack on the state: "a raid that killed seven Ruritanian soldiers"
    struck Ruritania (the killing itself names no person, so it is no ``killed`` edge)."""
    if rd.pred != "killed" or not rd.subjects:
        return
    states = [k for c in rd.tok.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in ctx.t["service_members"]
              for g in c.children if g.dep_ in ("amod", "compound", "nmod", "poss") and (k := ctx.key(g)) and
              ctx.types.get(k) == "Country" and k not in rd.subjects]
    if states:
        emit(ctx, disc, rd.subjects, "struck", states, rd.tok, rd.sent, rd.chain, rd.depth + 1, read_as="killed")


def killing_places(ctx: Context, disc: Discourse, rd: Reading) -> None:
    """A killing by an attack or by armed force at a place is an attack on the place: "the strike that killed X
    at P" and "killed X in a strike near P" hit P; "X's troops killed 12 insurgents in P", "shot dead two gunmen in P" and "X's forces killed two and
    captured nine during a gunbattle in P" (unnamed victims) struck P."""
    tok = rd.tok
    if rd.pred not in ("killed", "struck") or not rd.subjects:
        return
    attack = tok.head if tok.dep_ == "relcl" else next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if rd.pred == "killed" and attack is not None and attack.lemma_.lower() in ctx.t["attack_words"] and \
            (where := place(ctx, tok, [])):
        emit(ctx, disc, rd.subjects, "struck", [where], tok, rd.sent, rd.chain, rd.depth + 1, read_as="killed")
    means = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ctx.t["means_preps"]
             for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() in ctx.t["attack_words"]]
    if rd.pred == "killed" and means and (where := place(ctx, means[0], [])) and where not in rd.targets:
        # "X killed Y in an air strike near P": the strike hit P
        emit(ctx, disc, rd.subjects, "struck", [where], tok, rd.sent, rd.chain, rd.depth + 1, read_as="killed")
    if not all(ctx.types.get(k) in _ARMED for k in rd.subjects) or rd.pred == "struck" and not _counted_people(ctx, tok):
        return
    if rd.targets and all(ctx.types.get(k) == "Place" for k in rd.targets):
        emit(ctx, disc, rd.subjects, "struck", rd.targets, tok, rd.sent, rd.chain, rd.depth + 1, read_as="killed")
    elif (not rd.targets or rd.pred == "killed" and all(ctx.types.get(k) == "Official" for k in rd.targets)) and \
            (_named_killer(tok) or any(c.dep_ == "agent" for c in tok.children)) and (where := _scene(ctx, tok)):
        # "Y was killed by X's special forces in P": the raid that killed a named person hit P too
        emit(ctx, disc, rd.subjects, "struck", [where], tok, rd.sent, rd.chain, rd.depth + 1, read_as="killed")


def _counted_people(ctx: Context, verb: Token) -> bool:
    """Whether the verb's object is counted people ("shot dead two gunmen", "wounded five civilians")."""
    return any(c.dep_ == "dobj" and (c.lemma_.lower() in ctx.t["casualty_nouns"] or
                                     any(g.dep_ == "nummod" for g in c.children)) for c in verb.children)


def _named_killer(verb: Token) -> bool:
    """Whether the verb, or the verb it is coordinated with, has a subject that is no pronoun ("it has infected
    200 and killed three" is a disease's)."""
    owner = verb.head if verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children) else verb
    return any(c.dep_ == "nsubj" and c.pos_ != "PRON" for c in owner.children)


def _scene(ctx: Context, verb: Token) -> str:
    """The place an act happened, stated on its verb or on the verbs coordinated with it ("killed two and
    captured nine during a gunbattle in P"), else fronted on the verb of saying that reports it."""
    for v in (verb, *(c for c in verb.children if c.dep_ == "conj"), *([verb.head] if verb.dep_ == "conj" else [])):
        if (where := place(ctx, v, [])):
            return where
    agents = [g for a in verb.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
    for c in (c for w in (verb, *agents) for c in w.children):  # "killed by X's forces in Y": the country it was in
        if c.dep_ == "prep" and c.lower_ in ctx.t["place_preps"]:
            if (k := next((ctx.key(g) for g in c.children if g.dep_ == "pobj"), "")) and ctx.types.get(k) == "Country":
                return k
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in ctx.t["speech_verbs"]:
        return place(ctx, verb.head, [])  # "In P, the army said troops shot dead four gunmen": the place it reports
    return ""
