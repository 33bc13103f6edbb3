"""Threats told without a verb of threatening ("X would consider Y's aircraft legitimate targets") or with the
party named only in the warning's condition ("X warned it would respond if Y held the drills")."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .arguments import ATTACKS, entities_in, subjects
from .claims import sayer
from .context import threat_speech_above
from .emit import emit
from .modality import governors

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from .constructions import Reading
    from .context import Context
    from .discourse import Discourse

__all__ = ["conditioned_party", "declared_targets"]


def declared_targets(ctx: Context, disc: Discourse, tok: Token, sent: Span) -> bool:
    """"X would consider / declared / would treat Y's ships (as) legitimate targets": X threatens Y. The party is the
    noun the small clause or the verb's object names, the actor the subject of the verb of considering.
    Example: "Ruritania said it would treat Freedonian warships as legitimate targets." """
    if tok.lemma_.lower() not in ctx.t["target_nouns"]:
        return False
    adjectives = [c for c in tok.children if c.dep_ == "amod" and c.lower_ in ctx.t["legitimacy_adjectives"]]
    if tok.dep_ == "dobj" and tok.head.lower_ in ctx.t["legitimacy_adjectives"]:
        adjectives.append(tok.head)  # the tagger read "legitimate" as a verb with "targets" for object
    head = tok.head if tok.head not in adjectives else tok.head.head
    verb = head.head if tok.dep_ == "pobj" else head  # "treat Y as targets" / "consider Y targets"
    if not adjectives and not (tok.dep_ == "pobj" and verb.lemma_.lower() == "treat"):
        return False  # "would be treated as targets" needs no "legitimate"
    if stated := _stated_targets(ctx, disc, tok, verb, sent):
        return stated
    if verb.lemma_.lower() not in ctx.t["considering_verbs"] and verb.pos_ != "VERB":
        return False
    holders = [c for c in verb.children if c.dep_ in ("dobj", "nsubj") and c.i > verb.i and c.i != tok.i] + \
        [c for a in adjectives for c in a.children if c.dep_ == "nsubj"]
    top = verb if verb.lemma_.lower() in ctx.t["considering_verbs"] else verb.head  # "declared Y [legitimate] targets"
    actors, depth = subjects(ctx, disc, top, "threatened")
    threatened = [k for h in holders for k in entities_in(ctx, h, multi=True, skip=frozenset(actors))]
    if not actors or not threatened:
        return False
    emit(ctx, disc, actors, "threatened", threatened, tok, sent, governors(tok), depth)
    return True


def _stated_targets(ctx: Context, disc: Discourse, tok: Token, verb: Token, sent: Span) -> bool:
    """"The speaker warned that Y's ships would be (treated as) legitimate targets": a copula or a passive with the
    threatened party for subject, the threat the speaker's."""
    holders = [c for c in verb.children if c.dep_ == ("nsubjpass" if verb.lemma_.lower() != "be" else "nsubj")]
    if not holders or (verb.lemma_.lower() != "be" and not any(c.dep_ == "auxpass" for c in verb.children)) or \
            (said := threat_speech_above(ctx, verb, levels=3)) is None or not (speaker := sayer(ctx, said)):
        return False
    threatened = [k for h in holders for k in entities_in(ctx, h, multi=True, skip=frozenset([speaker]))
                  if ctx.types.get(k) != "Place"]  # "warships in the Red Sea": the warships' state, not the sea
    if threatened:
        emit(ctx, disc, [speaker], "threatened", threatened, tok, sent, governors(tok), 2)
    return bool(threatened)


def conditioned_party(ctx: Context, disc: Discourse, rd: Reading) -> None:
    """A warning with no one addressed, whose content names a party in its condition or as the author of the act it
    answers: "X warned it would take countermeasures if Y went ahead", "X warned that any aggression by Y would be
    met with a response": X threatens Y.
    Example: "Ruritania warned it would respond if Freedonia held the drills." """
    if rd.targets or rd.pred != "threatened" or not rd.subjects:
        return
    for content in (c for c in rd.tok.children if c.dep_ == "ccomp"):
        words = {t.lemma_.lower() for t in content.subtree}
        if not words & (set(ctx.t["forceful_answer_words"]) | set(ctx.t["attack_words"])):
            continue  # "warned that the talks would fail if Y ...": a prediction, no force promised
        parties = [g for a in content.children if a.dep_ == "advcl" and
                   any(m.dep_ == "mark" and m.lower_ in ctx.t["condition_marks"] for m in a.children)
                   for g in a.children if g.dep_ in ("nsubj", "nsubjpass")]
        parties += [g for s in content.children if s.dep_ in ("nsubj", "nsubjpass") and
                    ctx.t["noun_of"].get(s.lemma_.lower()) in ATTACKS for p in s.children if p.dep_ == "prep" and
                    p.lower_ == "by" for g in p.children if g.dep_ == "pobj"]  # "any aggression by Y would be met"
        rd.targets = [k for g in parties for k in entities_in(ctx, g, multi=True, skip=frozenset(rd.subjects))]
        if rd.targets:
            return
