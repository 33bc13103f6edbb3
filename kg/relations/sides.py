"""The parties a phrase counts or implies without naming them: "both sides", the actor's own side, the
countries of a sentence, the attacker an unaddressed reprisal answers, and the peace a meeting aims at."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from .context import Context
    from .discourse import Discourse

__all__ = ["COUNTED_PARTIES", "answered_attacker", "both_sides", "counts_two_parties", "own_side", "peace_purpose",
           "reprisal_parties", "represented_state", "sentence_agents", "sentence_countries", "warring_sides"]

COUNTED_PARTIES = ("met", "mediated", "urgedRestraint")  # predicates whose parties "both sides" can name


def both_sides(ctx: Context, phrase: Token, exclude: list[str], warring: list[str] | None = None) -> list[str]:
    """"Officials of both countries", "the two sides": the two sides of the latest fight or truce read (``warring``;
    a reader that passes [] found none, and then the phrase names no one), else the article's two main countries other
    than the actor's, when the phrase counts its parties and names none."""
    if not counts_two_parties(ctx, phrase.subtree):
        return []
    if warring is not None:
        return warring
    own = own_side(ctx, exclude)
    parties = [k for k in ctx.main_countries if k not in own]
    return parties[:2] if len(parties) >= 2 else []


def counts_two_parties(ctx: Context, words, states: bool = False) -> bool:
    """True when ``words`` hold a phrase that counts two parties without naming them ("both sides", "the two
    governments"), other than as a subject; with a noun of states when ``states`` ("the two neighbours", not "both
    sides", which may be an armed group). "Both sides of the border" counts no parties."""
    nouns = ctx.t["state_collectives"] if states else ctx.t["collective_objects"]
    return any(t.lower_ in ctx.t["pair_determiners"] and {t.head.lemma_.lower(), t.head.lower_} & nouns
               and not any(c.dep_ == "prep" and c.lower_ == "of" for c in t.head.children)
               for t in words if t.head.dep_ not in ("nsubj", "nsubjpass"))


def warring_sides(ctx: Context, disc: Discourse, exclude: list[str], states: bool = False) -> list[str]:
    """The two parties of the latest fight or truce read, at the level of their states ("X's army shelled Y's town ...
    Z urged both sides to show restraint": X and Y), when neither is on the side of ``exclude`` (two states when the
    appeal counts ``states``: "the two neighbours"); else []."""
    own = own_side(ctx, exclude)
    for kinds in (ctx.t["conflict_predicates"], ctx.t["dispute_predicates"]):  # a fight or truce before a dispute
        for r in reversed(disc.said):
            if r.predicate not in kinds or r.modality != "asserted":
                continue
            pair = [ctx.affiliation.get(k) if ctx.types.get(k) == "Organization" and ctx.affiliation.get(k) else
                    _named_state_of(ctx, k) for k in (r.subject, r.object)]
            if pair[0] != pair[1] and not own & set(pair) and all(ctx.types.get(k) in (("Country",) if states else ("Country", "Group"))
                                                                    for k in pair):
                return pair
    return []


def own_side(ctx: Context, keys: list[str]) -> set[str]:
    """``keys`` and the states or bodies they belong to: the side a party to talks cannot also be on the other of."""
    return set(keys) | {a for k in keys if (a := ctx.affiliation.get(k))}


def peace_purpose(ctx: Context, tok: Token) -> bool:
    """"Met both sides in a bid to stop the clashes", "held talks aiming to halt the war": the meeting aims to end a
    conflict."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    return any(t.lemma_.lower() in ctx.peace_verbs and
               any(c.dep_ == "dobj" and c.lemma_.lower() in ctx.conflict_nouns for c in t.children)
               for t in verb.subtree)


def sentence_countries(ctx: Context, sent: Span, tok: Token, exclude: list[str], all_: bool = False) -> list[str]:
    """The countries of the sentence nearest ``tok`` that are not a subject there (the party addressed)."""
    keys: list[str] = []
    for t in sorted(sent, key=lambda t: abs(t.i - tok.i)):
        k = ctx.key(t)
        if t.dep_ in ("nsubj", "nsubjpass") or _agent(t) or t.pos_ == "PRON":
            continue  # an actor is not the party addressed ("talks hosted by X and mediated by Y": X co-hosts), nor is
            # a pronoun, which refers back to one ("X condemned what its ministry called ..., while Z urged ...")
        if k and ctx.types.get(k) == "Country" and k not in exclude and k not in keys:
            keys.append(k)
    return keys if all_ else keys[:1]


def answered_attacker(ctx: Context, disc: Discourse, subjects: list[str]) -> list[str]:
    """The author of the last hostile act read against the side of ``subjects`` (them, their bodies, a place in
    them, their members): an attack, sanctions, an expulsion; whom their unaddressed reprisal or threat answers ("Y shelled X's
    port. X vowed to retaliate"; "Y imposed sanctions on X. X said it would retaliate"). A state answers the state whose
    body acted ("Y's navy fired on X's boat": X against Y)."""
    side = own_side(ctx, subjects)
    attacker = next((r.subject for r in reversed(disc.said) if r.predicate in ctx.t["answerable_acts"] and r.subject not in side
                     and (r.object in side or ctx.located_in.get(r.object) in side or ctx.affiliation.get(r.object) in side)), "")
    state = ctx.affiliation.get(attacker, "")
    if subjects and all(ctx.types.get(k) == "Country" for k in subjects) and ctx.types.get(attacker) == "Organization" and \
            ctx.types.get(state) == "Country" and state not in side:
        return [state]  # a state answers a state: "Y's border guards fired; X warned it would respond" is X against Y
    return [attacker] if attacker else []


def represented_state(ctx: Context, noun: Token, pred: str, skip: frozenset[str]) -> list[str]:
    """"Summoned X's ambassador, NAME", "expelled the X-ian charge d'affaires, NAME": a diplomatic act's party is the
    state the diplomat represents, not the person named beside the title; [] when ``noun`` is no diplomat so named."""
    if pred not in ctx.t["represented_predicates"]:
        return []
    title = next((c for c in noun.children if c.dep_ == "compound" and c.lemma_.lower() in ctx.diplomat_nouns), None) \
        if ctx.types.get(ctx.key(noun)) == "Official" else None  # "Chilean Ambassador NAME", as "the ambassador, NAME"
    if title is None and (noun.lemma_.lower() not in ctx.diplomat_nouns or not any(c.dep_ == "appos" for c in noun.children)):
        return []
    noun = title or noun
    named = [c for c in noun.children if c.dep_ in ("poss", "amod", "compound", "nmod")] + \
        [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return [k for c in named if (k := ctx.key(c)) and k not in skip and ctx.types.get(k) == "Country"]


def _agent(t: Token) -> bool:
    """True for a by-agent of a passive verb, or a name coordinated with one ("hosted by X and Y")."""
    return t.dep_ == "pobj" and t.head.dep_ == "agent" or \
        t.dep_ == "conj" and t.head.dep_ == "pobj" and t.head.head.dep_ == "agent"


def sentence_agents(ctx: Context, sent: Span) -> list[str]:
    """The keys named as by-agents in ``sent``: those who act in it, never a party it addresses."""
    return [k for t in sent if _agent(t) and (k := ctx.key(t))]


def reprisal_parties(ctx: Context, targets: list[str]) -> list[str]:
    """Whom a reprisal is against: a town it hit stands for its state when the article names that state ("responded
    with strikes on P": against P's state); a reprisal answers a party, never a place."""
    return list(dict.fromkeys(_named_state_of(ctx, k) for k in targets))


def _named_state_of(ctx: Context, key: str) -> str:
    """The state a place lies in when the article names that state, else ``key`` itself."""
    return ctx.located_in[key] if ctx.types.get(key) == "Place" and ctx.located_in.get(key) in ctx.types else key
