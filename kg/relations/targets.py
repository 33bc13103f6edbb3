"""Whom an act was on: the target keys of a trigger, read as a predicate, over the parse of a frozen ``Context``:
its objects, its frame prepositions, a light verb's, names compounded onto an event noun."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..attachment import object_in_participle_clause
from ..schema import PREDICATES
from .arguments import ATTACKS, entities_in, receiver_in_object
from .sides import COUNTED_PARTIES, both_sides, represented_state

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .context import Context

__all__ = ["targets"]

_JUDGEMENTS = ("condemned", "accused")
_MULTI_TARGET = frozenset(n for n, p in PREDICATES.items() if p.multi_target)


def targets(ctx: Context, tok: Token, pred: str, subjects: list[str]) -> list[str]:
    """Target keys of ``tok`` read as ``pred``: its objects, its frame prepositions ("strikes on X"), those of
    the light verb carrying it ("began an offensive into Syria") and names compounded onto an event noun."""
    multi = pred in _MULTI_TARGET
    skip = frozenset(subjects)
    whole = pred != "sanctioned"
    preps = frozenset(ctx.t["target_preps"].get(pred, ()))
    found: list[str] = []
    if tok.pos_ in ("VERB", "AUX"):
        objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "dative", "attr") or
                   c.dep_ == "xcomp" and c.pos_ == "NOUN"] + [o for o in [object_in_participle_clause(tok)] if o is not None]
        if tok.dep_ == "amod" and any(c.dep_ == "nsubj" for c in tok.children):
            objects.append(tok.head)  # "X bombed camps of Y" parsed as "[X bombed] camps": a verb with a subject
        named = [c for c in tok.children if pred in ATTACKS and c.dep_ == "ccomp" and c.lemma_.lower() in
                 ctx.t["designating_verbs"] and any(w.lower_ == "what" for w in c.children)]  # "struck what X called bases of Y"
        objects += [n for c in named for p in c.children if p.dep_ in ("prep", "oprd")
                    for n in ([p] if p.dep_ == "oprd" else p.children) if n.dep_ in ("pobj", "oprd")]
        if not objects and not any(c.dep_ == "prep" for c in tok.children):
            # "X armed and trained Y": the object of the last of two coordinated verbs is both verbs'
            objects = [g for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB" and
                       not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) for g in c.children if g.dep_ == "dobj"]
        for c in objects:
            if c.dep_ == "dobj" and tok.lemma_.lower() in ctx.t["avenging_verbs"]:
                continue  # "vowed to avenge X": X is the one wronged; the reprisal answers X's attacker
            if state := represented_state(ctx, c, pred, skip):
                found += state  # "summoned X's envoy, NAME": X
                continue
            if pred in _JUDGEMENTS and ctx.t["noun_of"].get(c.lemma_.lower()) == "killed" and not ctx.key(c):
                continue  # "condemned the killing of X": X is the victim; the killer is judged (judged_act)
            found += entities_in(ctx, c, multi=multi, skip=skip, nationality_is_state=whole, places_of_names=pred == "struck")
    for c in tok.children:
        if pred == "killed":
            found += _named_among_them(ctx, c, multi, skip)
        if c.dep_ in ("prep", "agent") and c.lower_ in preps | ctx.t["targeting_preps"]:
            for gc in c.children:
                if gc.dep_ == "pobj" and gc.lemma_.lower() in ctx.reprisal_nouns | ctx.t["purpose_nouns"] or \
                        gc.dep_ == "pcomp" and pred == "accused" and (any(o.dep_ == "dobj" for o in tok.children) or tok.dep_ == "relcl"):
                    continue  # "bombed Y in retaliation for X's raid", "accused X of arming Y", "a firm it accused of
                    # arming Y": a cause, not a target
                if gc.dep_ in ("pobj", "pcomp"):
                    found += entities_in(ctx, gc, multi=multi, skip=skip, nationality_is_state=whole,
                                         places_of_names=pred == "struck")
    if pred in ATTACKS:
        found += _objects_hung_above(ctx, tok, preps, multi, skip)
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "dobj" and tok.head.lemma_.lower() in ctx.t["light_verbs"]:
        found += _light_verb_targets(ctx, tok.head, preps, multi, skip, whole)
    if tok.pos_ in ("NOUN", "PROPN"):
        receiver = receiver_in_object(ctx, tok)  # "gave the X Front logistical support": the Front receives it
        for c in tok.children:
            if (c.dep_ in ("compound", "amod") or receiver is not None and c.i == receiver.i) and (k := ctx.key(c)) and \
                    k not in skip and k not in subjects:
                if ctx.types.get(k) != "Country" or pred in ("sanctioned", "supported"):
                    found.append(k)
    if not found and pred in COUNTED_PARTIES:
        found = both_sides(ctx, tok, subjects)
    return list(dict.fromkeys(k for k in found if k not in skip))


def _light_verb_targets(ctx: Context, verb: Token, preps: frozenset[str], multi: bool, skip: frozenset[str],
                        whole: bool) -> list[str]:
    """"Began an offensive into Syria": the light verb carries its noun's frame; "issued a warning to Y": its dative is
    the addressee; "opened fire with rifles on X": the parser hung the target on the means."""
    means = [p for c in verb.children if c.dep_ == "prep" and c.lower_ in ctx.t["means_preps"]
             for o in c.children if o.dep_ == "pobj" for p in o.children if p.dep_ == "prep" and p.lower_ in preps]
    found: list[str] = []
    for c in [*verb.children, *means]:
        if c.dep_ == "prep" and c.lower_ in preps or c.dep_ == "dative" and c.lower_ in ctx.t["addressee_preps"]:
            for gc in c.children:
                if gc.dep_ in ("pobj", "pcomp") and gc.lemma_.lower() not in ctx.reprisal_nouns | ctx.t["purpose_nouns"]:
                    found += entities_in(ctx, gc, multi=multi, skip=skip, nationality_is_state=whole)
    return found

def _named_among_them(ctx: Context, prep: Token, multi: bool, skip: frozenset[str]) -> list[str]:
    """The victims named after "among them" ("killing 31 people, among them the school's director, NAME")."""
    if prep.dep_ != "prep" or prep.lower_ != "among" or not any(g.pos_ == "PRON" for g in prep.children):
        return []
    return [k for g in prep.children if g.dep_ == "pobj" and g.pos_ != "PRON"
            for k in entities_in(ctx, g, multi=multi, skip=skip, nationality_is_state=False)]


def _objects_hung_above(ctx: Context, tok: Token, preps: frozenset[str], multi: bool, skip: frozenset[str]) -> list[str]:
    """"Killed in an X strike on a car in Y": the parser hung the strike's "on" phrase on the verb (or on its object:
    "killed a commander in strikes on the group's bases"); the targets it names."""
    if tok.pos_ != "NOUN" or tok.dep_ != "pobj" or not (tok.head.head.pos_ == "VERB" or tok.head.head.dep_ == "dobj") or \
            any(c.dep_ == "prep" and c.lower_ in preps for c in tok.children):
        return []
    return [k for c in tok.head.head.children if c.dep_ == "prep" and c.i > tok.i and c.lower_ in ctx.t["attack_object_preps"]
            for gc in c.children if gc.dep_ == "pobj" for k in entities_in(ctx, gc, multi=multi, skip=skip, places_of_names=True)]

