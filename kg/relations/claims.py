"""An attack told by the side that made it: "the army said an air strike had killed X, a commander of the Y Front"
names no attacker in the clause, yet an armed party reporting an attack that killed its enemy reports its own."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..keys import armed_forces_key, iso_of
from ..lexicon import cues
from .context import speech_verb_above
from .sides import own_side

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .constructions import Reading
    from .context import Context
    from .discourse import Discourse

__all__ = ["attributed_attack", "claimed_attack", "reporting_party", "sayer", "unowned_aircraft", "victims_account"]

_SIDES = frozenset(("Country", "Group", "Organization"))


def reporting_party(ctx: Context, verb: Token) -> str | None:
    """Who reports the clause of ``verb`` ("Ruritania's army said ..."): that army, else the reporter's state; ""
    when the reporter belongs to no state; None when no verb of saying governs the clause."""
    if (up := speech_verb_above(ctx, verb, levels=6)) is None:
        return None
    who = sayer(ctx, up)
    state = who if ctx.types.get(who) == "Country" else ctx.affiliation.get(who, "")
    if ctx.types.get(state) != "Country":
        return ""
    return who if who == armed_forces_key(iso_of(state)) else state


def sayer(ctx: Context, speech: Token) -> str:
    """The entity named in the subject of a verb of saying (of the verb it is coordinated with when it has none of
    its own: "X accused Y ... and warned that ...", or of the clause a participle of saying hangs on: "X gave another
    account, saying ..."), or ""."""
    while speech.dep_ in ("conj", "advcl") and not any(c.dep_ == "nsubj" for c in speech.children):
        speech = speech.head
    return next((k for c in speech.children if c.dep_ == "nsubj"
                 for k in [ctx.key(c) or _named_in_apposition(ctx, c) or
                           next((ctx.key(g) for g in c.subtree if ctx.key(g)), "")] if k), "")


def _named_in_apposition(ctx: Context, noun: Token) -> str:
    """The official an unnamed speaker's noun is in apposition with ("the group's spokesman, Brigadier A B"): the
    person speaks, not the group the noun's possessive names."""
    return next((k for c in noun.children if c.dep_ == "appos" for k in [ctx.key(c)] if ctx.types.get(k) == "Official"), "")


def claimed_attack(ctx: Context, noun: Token) -> str:
    """The armed party whose own attack ``noun`` is: an attack word with no actor of its own, subject of a verb of
    harm whose named victim belongs to another side, in a clause reported by a state's armed forces or by an armed
    group ("the army said a drone strike had killed X, a commander of the Y Front"); "" otherwise. A ministry or a
    leader reports the other side's attacks as often as its own: no claimant."""
    verb = noun.head
    if noun.dep_ != "nsubj" or noun.lemma_.lower() not in ctx.t["attack_words"] or \
            verb.lemma_.lower() not in ctx.harm_verbs or \
            any(ctx.key(t) for c in noun.children if c.dep_ in ("poss", "amod", "compound") for t in c.subtree) or \
            (up := speech_verb_above(ctx, verb, levels=6)) is None:
        return ""
    claimant = sayer(ctx, up)
    state = ctx.affiliation.get(claimant, "")
    if ctx.types.get(claimant) != "Group" and claimant != armed_forces_key(iso_of(state)):
        return ""
    own = {claimant, state} - {""}
    victims = [t for c in verb.children if c.dep_ == "dobj" for t in c.subtree]
    named = {ctx.key(t) for t in victims} - {""}
    sides = named | {ctx.affiliation[k] for k in named if k in ctx.affiliation}
    enemies = {k for k in sides if ctx.types.get(k) in _SIDES and k not in own and ctx.affiliation.get(k) not in own}
    return claimant if enemies and any(ctx.types.get(k) in ("Official", "Group") for k in named) else ""


def victims_account(ctx: Context, tok: Token, attackers: list[str], targets: list[str]) -> str:
    """The speaker who reports, as the clause of his verb of saying, an attack on his own side ("Ruritania's defence
    ministry said Freedonian units had shelled Ruritanian positions"): a party's account of the other side's attack
    on it alleges that attack, an accusation (the guidelines' "claimed that X fired first"); "" when no such
    speaker reports it. Not an attack noun in a clause of the speaker's own act ("said its troops had repelled a
    Y attack"): that clause tells the act."""
    if (up := speech_verb_above(ctx, tok, levels=6)) is None or not (speaker := sayer(ctx, up)):
        return ""
    side = _side_of(ctx, speaker)
    verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None) if tok.pos_ != "VERB" else None
    if verb is not None and verb.i != up.i and any(_side_of(ctx, k) & side for c in verb.children if c.dep_ == "nsubj"
                                                   for k in {ctx.key(t) for t in c.subtree} - {""}):
        return ""
    hit = set().union(*(_side_of(ctx, k) for k in targets)) if targets else set()
    if not side & hit or any(_side_of(ctx, k) & side for k in attackers):
        return ""
    return speaker


def attributed_attack(ctx: Context, noun: Token, attackers: list[str]) -> str:
    """The speaker who names the author of an attack the article already knows ("X said the Y Front carried out
    the bombing", "... staged Monday's attack", "said the attack had been carried out by Y"): a definite attack noun,
    object of a verb of authoring whose subject (or agent) is the author, reported by a speaker of another side, is an
    attribution of blame, an accusation; "" otherwise.
    Not a new attack told ("said Y launched an offensive") nor the author's own claim ("Y said it carried out ...")."""
    verb = noun.head
    passive = noun.dep_ == "nsubjpass" and any(c.dep_ == "agent" for c in verb.children)  # "had been carried out by Y"
    if noun.pos_ != "NOUN" or noun.dep_ != "dobj" and not passive or verb.lemma_.lower() not in ctx.authoring_verbs or \
            not any(c.dep_ == "det" and c.lower_ in cues().definite_determiners or c.dep_ == "poss"
                    for c in noun.children) or \
            (up := speech_verb_above(ctx, verb, levels=4)) is None or up.lemma_.lower() in cues().reporting_verbs or \
            not (speaker := sayer(ctx, up)):
        return ""  # "the outlet reported that ...": news, no party's charge
    side = _side_of(ctx, speaker)
    return "" if any(_side_of(ctx, k) & side for k in attackers) else speaker


def unowned_aircraft(ctx: Context, disc: Discourse, rd: Reading) -> None:
    """Attack craft named with no owner: "the jets" are those of the last attacker read ("X's jets bombed P. The jets
    also hit Q"); "two fighter jets bombed Y", as an army or an armed group reports it, are its own (as
    ``claimed_attack`` reads its strikes). Example: "The Ruritanian army said two jets had bombed Azure Front camps." """
    craft = next((c for c in rd.tok.children if c.dep_ == "nsubj" and c.lower_ in ctx.aircraft_nouns), None)
    if rd.subjects or rd.pred not in ("struck", "killed") or craft is None or any(ctx.key(t) for t in craft.subtree):
        return
    if any(c.dep_ == "det" and c.lower_ in cues().definite_determiners for c in craft.children):
        rd.subjects = [disc.last_actor["struck"]] if "struck" in disc.last_actor else []
    elif (up := speech_verb_above(ctx, rd.tok, levels=4)) is not None and (claimant := sayer(ctx, up)):
        own = claimant if ctx.types.get(claimant) != "Official" else ctx.affiliation.get(claimant, "")
        if ctx.types.get(own) == "Group" or own == armed_forces_key(iso_of(ctx.affiliation.get(own, ""))):
            rd.subjects = [own]


def _side_of(ctx: Context, key: str) -> set[str]:
    """``key``, the body it belongs to and that body's state: a spokesman of X's defence ministry is on X's side."""
    return own_side(ctx, list(own_side(ctx, [key])))

