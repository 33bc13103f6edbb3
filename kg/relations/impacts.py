"""Attacks told without their actor in the clause: by their weapon or their attacker ("a missile slammed into a
school in P", "a car bomb was rammed into a base", "a bomber blew himself up at a market"), whose sender is often
named only later ("X claimed the attack"), so an unnamed sender leaves the targets to the discourse; or by their day
("Thursday's drone strike"), a reference to an attack told before."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .arguments import ATTACKS, entities_in
from .discourse import recalled_actor
from .emit import emit
from .modality import governors

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from .constructions import Reading
    from .context import Context
    from .discourse import Discourse

__all__ = ["day_named_attack", "targets_named", "weapon_impact"]


def weapon_impact(ctx: Context, disc: Discourse, tok: Token, sent: Span) -> bool:
    """A verb of impact whose subject is a weapon or an attacker ("slammed into", "crashed into", "blew himself up
    at"): what it hit is struck, by the state or group named on the weapon ("a Ruritanian missile"), else by
    whoever the article names next.
    Example: "A rocket slammed into a school in Ostrava. The Azure Front claimed the attack." """
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in ctx.t["impact_verbs"]:
        return False
    around = [*tok.children, *(tok.head.children if tok.dep_ in ("advcl", "xcomp") and tok.head.lemma_ == "be" else ())]
    weapon = next((c for c in around if c.dep_ in ("nsubj", "nsubjpass") and  # "A bomb was [...] rammed": parsed off "was"
                   (c.lemma_.lower() in ctx.weapon_words or c.lemma_.lower() in ctx.t["attacker_nouns"])), None)
    if weapon is None:
        return False
    hit = [k for c in tok.children if c.dep_ == "prep" and c.lower_ in ctx.t["impact_preps"]
           for g in c.children if g.dep_ == "pobj" for k in entities_in(ctx, g, multi=True, places_of_names=True)]
    named = [c for c in weapon.children if c.dep_ in ("amod", "compound", "poss")] + \
        [g for c in weapon.children if c.dep_ == "acl" for a in c.children if a.dep_ == "agent"
         for g in a.children if g.dep_ == "pobj"]  # "a Ruritanian rocket", "rockets fired by X"
    senders = [k for c in named if (k := ctx.key(c)) and ctx.types.get(k) != "Place" and k not in hit]
    if not hit:
        return False
    emit(ctx, disc, senders, "struck", hit, tok, sent, governors(tok), 1, family="attack")
    return True


def targets_named(ctx: Context, disc: Discourse, tok: Token, sent: Span) -> bool:
    """"The targets included X", "among the targets were X": who launched the strike read without a target
    struck X (the attack told first, what it hit listed after).
    Example: "Ruritania launched airstrikes on Sunday. The targets included camps of the Azure Front." """
    if tok.lemma_.lower() not in ctx.t["include_verbs"] or not any(
            c.dep_ == "nsubj" and c.lemma_.lower() in ctx.t["target_nouns"] or c.dep_ == "prep" and c.lower_ == "among" and
            any(g.lemma_.lower() in ctx.t["target_nouns"] for g in c.children) for c in tok.children):
        return False
    hit = [k for c in tok.children if c.dep_ in ("dobj", "attr", "nsubj") and c.lemma_.lower() not in ctx.t["target_nouns"]
           for k in entities_in(ctx, c, multi=True, places_of_names=True)]
    actors = [disc.untargeted_actor] if disc.untargeted_actor else []
    actors = [a for a in actors if a not in hit]
    if actors and hit:
        emit(ctx, disc, actors, "struck", hit, tok, sent, governors(tok), 2, anaphoric=True, family="attack")
    return bool(actors and hit)


def day_named_attack(ctx: Context, disc: Discourse, rd: Reading) -> None:
    """An attack named by its day and no actor ("Thursday's drone strike in P", "Monday's raid") is one told or
    known before, and "further strikes", "additional attacks" are more of them: the actor is that of the latest
    attack it fits.
    Example: "Ruritanian drones hit Zenda on Thursday. The mayor spoke of Thursday's drone strike in Zenda." """
    tok = rd.tok
    if rd.subjects or rd.pred not in ATTACKS or tok.pos_ != "NOUN" or not any(
            c.dep_ == "poss" and c.ent_type_ == "DATE" or
            c.dep_ in ("amod", "advmod") and c.lower_ in ctx.t["continuing_adjectives"] for c in tok.children):
        return
    rd.subjects = recalled_actor(ctx, disc, tok, rd.targets)
