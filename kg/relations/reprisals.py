"""Reprisals: acts the sentence tells as the answer to an earlier act, "in retaliation", "responded by shelling",
"the shelling was a reprisal for the border raid"."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .arguments import event_actor, event_author
from .emit import emit
from .modality import governors
from .sides import answered_attacker
from .triggers import hostile_cause

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from .constructions import Reading
    from .context import Context
    from .discourse import Discourse

__all__ = ["copular_reprisal", "told_as_reprisal", "unaddressed_threat"]


def told_as_reprisal(ctx: Context, disc: Discourse, verb: Token, actors: list[str]) -> bool:
    """An attack told as a reprisal against its own target: a reprisal word on it ("retaliatory strikes on Y"), or
    on its verb a reprisal whose hostile cause names no author ("X shelled Y in retaliation", "in a reprisal raid",
    "in response to Friday's ambush", "X responded by shelling Y"; a cause with an author is the frame
    act-in-retaliation-for's).
    Example: "In a reprisal raid, Freedonia bombed Sylvanian border posts." """
    if _reprisal_modified(ctx, verb):
        return True  # "retaliatory strikes on Y", "a reprisal raid"
    if verb.pos_ != "VERB":
        return False
    if verb.dep_ == "pcomp" and verb.head.lower_ == "by" and verb.head.head.lemma_.lower() in ctx.t["respond_verbs"]:
        return True  # "responded by shelling Y"
    for noun in (g for c in verb.children if c.dep_ == "prep" and c.lower_ in ctx.t["reprisal_preps"]
                 for g in c.children if g.dep_ == "pobj"):
        lemma = noun.lemma_.lower()
        if not (lemma in ctx.reprisal_nouns or lemma in ctx.t["attack_words"] and _reprisal_modified(ctx, noun)):
            continue
        causes = [g for c in noun.children if c.dep_ == "prep" and c.lower_ in ctx.t["cause_preps"]
                  for g in c.children if g.dep_ == "pobj"]
        if hostile_cause(ctx, noun) and not any(event_author(ctx, disc, g, actors, "retaliatedAgainst") for g in causes):
            return True
    return False


def _reprisal_modified(ctx: Context, word: Token) -> bool:
    """Whether a reprisal word modifies ``word``: "retaliatory strikes", "a reprisal raid"."""
    return any(c.lemma_.lower() in ctx.t["reprisal_modifiers"] for c in word.children if c.dep_ in ("amod", "compound"))


def copular_reprisal(ctx: Context, disc: Discourse, tok: Token, pred: str, sent: Span, chain: list[Token]) -> bool:
    """"The shelling was (in) reprisal for the border raid": the shelling's author retaliated against the raid's.
    Example: "Freedonian guns shelled a depot. Officials said the shelling was a reprisal for a raid by the Azure
    Front." """
    if pred != "retaliatedAgainst" or tok.pos_ != "NOUN":
        return False
    be = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else tok.head if tok.dep_ == "attr" else None
    if be is None or be.lemma_ != "be":
        return False
    act = next((c for c in be.children if c.dep_ == "nsubj" and c.lemma_.lower() in ctx.t["attack_words"]), None)
    causes = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ctx.t["cause_preps"]
              for g in c.children if g.dep_ == "pobj"]
    if act is None or not causes:
        return False
    # the cause first: "the ambush" finds the ambush told before; the reprisal is then another side's act
    answered = [k for g in causes for k in event_author(ctx, disc, g, [], pred)]
    actors = [k for k in event_actor(ctx, disc, act, answered, "struck") if k not in answered]
    if actors and answered:
        emit(ctx, disc, actors, pred, answered, tok, sent, governors(tok), 2, anaphoric=True)
    return True


def unaddressed_threat(ctx: Context, disc: Discourse, rd: Reading) -> None:
    """A threat of reprisal that names no one ("X threatened retaliation", "X warned of a harsh response") is
    against the last attacker of X's side. Example: "Sylvanian guns shelled a Freedonian port. Freedonia threatened
    retaliation." """
    if rd.targets or rd.pred != "threatened" or not rd.subjects:
        return
    words = {rd.tok.lemma_.lower(), *(c.lemma_.lower() for c in rd.tok.subtree if c.dep_ in ("dobj", "pobj"))}
    if words & (ctx.reprisal_nouns | ctx.t["respond_verbs"]):
        rd.targets = answered_attacker(ctx, disc, rd.subjects)
