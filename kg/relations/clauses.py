"""Clauses read on every word before its trigger reading ("X claimed responsibility for ...", "the raid took place
in P", "the dead included X"), each with an invented example; the first that reads a clause wins."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..schema import PREDICATES
from .arguments import ATTACKS, coordinated, entities_in, event_actor, subjects
from .discourse import recall_actor, recalled_actor
from .emit import emit
from .impacts import targets_named, weapon_impact
from .modality import governors
from .threats import declared_targets
from .triggers import trigger_predicate

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from .context import Context
    from .discourse import Discourse

__all__ = ["CLAUSES"]


def claims_responsibility(ctx: Context, disc: Discourse, tok: Token, sent: Span) -> bool:
    """"X claimed responsibility for the attacks": X struck what those attacks hit.
    Example: "The Azure Front claimed responsibility for the bombing of Ostrava." """
    if tok.lemma_.lower() not in ctx.t["responsibility_verbs"] or \
            not any(c.dep_ == "dobj" and c.lemma_.lower() == "responsibility" for c in tok.children):
        return False
    actors, depth = subjects(ctx, disc, tok, "struck")
    hit: list[str] = []
    pred = "struck"
    for c in tok.children:
        if c.dep_ == "dobj":
            for p in c.children:
                if p.dep_ == "prep" and p.lower_ == "for":
                    for n in p.children:
                        hit += entities_in(ctx, n, multi=True, skip=frozenset(actors))
                        if trigger_predicate(ctx, n) == "killed":
                            pred = "killed"  # "responsibility for the murder of X": X was killed
    hit = hit or disc.pending_targets
    if pred == "killed":
        hit = [k for k in hit if ctx.types.get(k) not in PREDICATES["killed"].never_object]
    if actors and hit:
        emit(ctx, disc, actors, pred, hit, tok, sent, governors(tok), depth, family="attack")
    return bool(actors and hit)


def located_event(ctx: Context, disc: Discourse, tok: Token, sent: Span) -> bool:
    """"The raid happened in Chile, near the port": the raid's actor struck those places.
    Example: "Ruritania launched a raid. The raid took place in Ostrava." """
    lemma = tok.lemma_.lower()
    if not (lemma in ctx.t["occur_verbs"] or lemma == "take" and any(c.lower_ == "place" for c in tok.children)):
        return False
    noun = next((c for c in tok.children if c.dep_ == "nsubj" and trigger_predicate(ctx, c) == "struck"), None)
    if noun is None:
        return False
    actors = subjects(ctx, disc, noun, "struck")[0] or \
        ([disc.untargeted_actor] if disc.untargeted_actor else event_actor(ctx, disc, noun, [], "struck"))
    places = [k for c in tok.children if c.dep_ == "prep" and c.lower_ in ctx.t["location_preps"]
              for g in c.children if g.dep_ == "pobj" for k in entities_in(ctx, g, multi=True)]
    if actors and places:
        emit(ctx, disc, actors, "struck", places, noun, sent, [tok], 2, anaphoric=True)
    return bool(actors and places)


def victims_named(ctx: Context, disc: Discourse, tok: Token, sent: Span) -> bool:
    """"The victims included X and Y", "the dead include X", "among those killed was X": the attacker of the attack
    just read killed them. Example: "Ruritania shelled the town. The dead included Karl Brandt." """
    among = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "among" for g in c.children if g.dep_ == "pobj" and (
        g.lemma_.lower() in ctx.t["victim_nouns"] or any(trigger_predicate(ctx, a) == "killed" for a in g.children if a.dep_ == "acl"))]
    if tok.lemma_.lower() == "be" and among:
        named = [c for c in tok.children if c.dep_ in ("nsubj", "attr")]  # "among the dead was X"
    elif tok.lemma_.lower() in ctx.t["include_verbs"] and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in ctx.t["victim_nouns"] for c in tok.children):
        named = [c for c in tok.children if c.dep_ in ("dobj", "attr")]
    else:
        return False
    victims = [k for c in named  # the named victims, not "an X official"
               for k in [ctx.key(c), *coordinated(ctx, c, set())] if ctx.types.get(k) in ("Official", "Group")]
    actors = recall_actor(ctx, disc, "attack", victims)
    if actors and victims:
        emit(ctx, disc, actors, "killed", victims, tok, sent, governors(tok), 2, anaphoric=True, family="attack")
    return bool(actors and victims)


def blamed_for_unclaimed_attack(ctx: Context, disc: Discourse, tok: Token, sent: Span) -> bool:
    """"A drone struck P. X blamed Y for the attack": the accusation states, as X says, that Y struck P, when no
    attack read so far has an author; the accusation itself is then read as usual (this returns False).
    Example: "A drone hit the airport of Ostrava. Ruritania blamed Freedonia for the attack." """
    if ctx.t["verb_of"].get(tok.lemma_.lower()) != "accused" or not disc.pending_targets:
        return False
    causes = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children
              if g.dep_ == "pobj" and ctx.t["noun_of"].get(g.lemma_.lower()) in ATTACKS and not ctx.key(g)]
    blamed = [k for c in tok.children if c.dep_ == "dobj" for k in entities_in(ctx, c, multi=True)]
    if causes and blamed and not recalled_actor(ctx, disc, causes[0], []) and not subjects(ctx, disc, causes[0], "struck")[0]:
        hit = [k for k in disc.pending_targets if k not in blamed]
        emit(ctx, disc, blamed, "struck", hit, causes[0], sent, governors(causes[0]), 2, anaphoric=True, family="attack")
    return False


def event_where(ctx: Context, disc: Discourse, tok: Token, sent: Span) -> bool:
    """"P, the town where X shelled a school", "the area where an X strike killed Y": a relative clause of place
    sets its attack in the place its antecedent names, so the attacker struck that place; the clause is then
    read as usual (this returns False).
    Example: "Rebels entered Ostrava, the town where Ruritanian guns shelled a school on Monday." """
    if tok.dep_ != "relcl" or not any(c.dep_ == "advmod" and c.lower_ == "where" for c in tok.children):
        return False
    attack = tok if trigger_predicate(ctx, tok) in ATTACKS else next(
        (c for c in tok.children if c.dep_ == "nsubj" and trigger_predicate(ctx, c) in ATTACKS), None)
    if attack is None:
        return False
    places = [k for n in _antecedents(tok.head, sent) for k in entities_in(ctx, n, multi=False) if ctx.types.get(k) == "Place"]
    actors = subjects(ctx, disc, attack, "struck")[0]
    if not actors and attack is not tok:
        actors = event_actor(ctx, disc, attack, [], "struck") or recalled_actor(ctx, disc, attack, [])
    if actors and places:
        emit(ctx, disc, actors, "struck", places, attack, sent, governors(attack), 2, anaphoric=attack is not tok)
    return False


def _antecedents(noun: Token, sent: Span) -> list[Token]:
    """What a relative clause's noun names: itself, the name it stands beside ("P, the town where"), and for "the
    same town" the last "town" before it ("in the P district, the same district where")."""
    found = [noun] + ([noun.head] if noun.dep_ == "appos" else [])
    if any(c.dep_ == "amod" and c.lower_ == "same" for c in noun.children):
        found += [t for t in sent if t.i < noun.i and t.lemma_ == noun.lemma_][-1:]
    return found


CLAUSES = (claims_responsibility, located_event, event_where, victims_named, weapon_impact, targets_named, declared_targets,
           blamed_for_unclaimed_attack)
