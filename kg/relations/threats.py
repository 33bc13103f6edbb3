"""Threats told without a verb of threatening: "X would consider Y's aircraft legitimate targets"."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .arguments import entities_in, subjects
from .emit import emit
from .modality import governors

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from .context import Context
    from .discourse import Discourse

__all__ = ["declared_targets"]


def declared_targets(ctx: Context, disc: Discourse, tok: Token, sent: Span) -> bool:
    """"X would consider / declared / would treat Y's ships (as) legitimate targets": X threatens Y. The party is the
    noun the small clause or the verb's object names, the actor the subject of the verb of considering.
    Example: "Ruritania said it would treat Freedonian warships as legitimate targets." """
    if tok.lemma_.lower() not in ctx.t["target_nouns"]:
        return False
    adjectives = [c for c in tok.children if c.dep_ == "amod" and c.lower_ in ctx.t["legitimacy_adjectives"]]
    if tok.dep_ == "dobj" and tok.head.lower_ in ctx.t["legitimacy_adjectives"]:
        adjectives.append(tok.head)  # the tagger read "legitimate" as a verb with "targets" for object
    if not adjectives:
        return False
    head = tok.head if tok.head not in adjectives else tok.head.head
    verb = head.head if tok.dep_ == "pobj" else head  # "treat Y as targets" / "consider Y targets"
    if verb.lemma_.lower() not in ctx.t["considering_verbs"] and verb.pos_ != "VERB":
        return False
    holders = [c for c in verb.children if c.dep_ in ("dobj", "nsubj") and c.i > verb.i and c is not tok] + \
        [c for a in adjectives for c in a.children if c.dep_ == "nsubj"]
    top = verb if verb.lemma_.lower() in ctx.t["considering_verbs"] else verb.head  # "declared Y [legitimate] targets"
    actors, depth = subjects(ctx, disc, top, "threatened")
    threatened = [k for h in holders for k in entities_in(ctx, h, multi=True, skip=frozenset(actors))]
    if not actors or not threatened:
        return False
    emit(ctx, disc, actors, "threatened", threatened, tok, sent, governors(tok), depth)
    return True
