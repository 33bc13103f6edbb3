"""Which predicate a word triggers where it stands: the trigger lexicon, refined by the words around it.

Besides the vocabulary's predicates, four pseudo-predicates name readings the constructions resolve:
``blamed`` ("the crash was X's doing"), ``denounced`` ("the Turkish aggression"), ``backedBy`` ("an
X-backed militia") and ``joinedMeeting`` ("X joined the talks").
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .arguments import ATTACKS
from .context import in_headline

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .context import Context

__all__ = ["BACKED_BY", "BLAMED", "DENOUNCED", "JOINED_MEETING", "PSEUDO_PREDICATES", "hostile_cause", "names_an_act",
           "trigger_predicate"]

BLAMED = "blamed"  # "the crash was X's doing": the speaker accuses X
DENOUNCED = "denounced"  # "resist the X aggression", said S: S condemns X
BACKED_BY = "backedBy"  # "an X-backed militia": X supports the militia
JOINED_MEETING = "joinedMeeting"  # "X joined the talks": X met those meeting
PSEUDO_PREDICATES = (BLAMED, DENOUNCED, BACKED_BY, JOINED_MEETING)  # readings, never edges


def trigger_predicate(ctx: Context, tok: Token) -> str:
    """The predicate (or pseudo-predicate) ``tok`` triggers here, or ""."""
    lemma = tok.lemma_.lower()
    t = ctx.t
    if tok.lower_ in t["blame_nouns"] and tok.dep_ in ("attr", "ccomp", "xcomp", "oprd") and any(c.dep_ == "poss" and ctx.key(c) for c in tok.children):
        return BLAMED  # "said the crash was Iran's doing" (spaCy tags "doing" a verb or a noun)
    if tok.pos_ in ("ADJ", "VERB") and tok.lower_ in t["displeasure_words"] and any(
            c.dep_ in ("prep", "agent") and c.lower_ in t["displeasure_preps"] for c in tok.children):
        return "condemned"  # "was disappointed by the decision"
    if tok.dep_ == "oprd" and tok.pos_ != "ADJ" and tok.lower_ in t["condemn_adjectives"]:
        return "condemned"  # "called the government illegitimate": the tagger made the complement a verb
    if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
        return _verb_predicate(ctx, tok, lemma)
    if tok.pos_ in ("NOUN", "PROPN") or tok.pos_ == "ADJ" and tok.dep_ == "pobj":
        return _noun_predicate(ctx, tok, lemma)  # "called for calm" with "calm" tagged an adjective: a noun there
    if tok.pos_ == "ADJ" and lemma in t["condemn_adjectives"]:
        return "condemned"
    if tok.pos_ in ("ADJ", "VERB") and lemma in t["backing_words"] and tok.dep_ in ("amod", "acl") and \
            any(ctx.key(c) for c in tok.children):
        return BACKED_BY
    if tok.pos_ == "ADJ" and lemma in t["praise_adjectives"]:
        return "supported"
    return ""


def _verb_predicate(ctx: Context, tok: Token, lemma: str) -> str:
    """A verb's predicate: its lexicon entry unless its object says otherwise ("executed strikes": the noun)."""
    t = ctx.t
    pred = t["verb_of"].get(lemma, "")
    if pred == "met" and any(c.dep_ == "auxpass" for c in tok.children) and \
            any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children):
        return ""  # "would be met with force": an answer, no meeting
    if pred and lemma in t["light_verbs"] and any(c.dep_ == "dobj" and t["noun_of"].get(c.lemma_.lower()) for c in tok.children):
        return ""  # "executed strikes": the noun is the event, the verb only carries it
    if pred == "expelledDiplomat" and not any(
            c.lemma_.lower() in t["relation_nouns"] or ctx.types.get(ctx.key(c)) == "Country" or
            any(g.dep_ == "compound" and g.lemma_.lower() in t["relation_nouns"] for g in c.children)  # "embassy staff"
            for c in tok.children if c.dep_ in ("dobj", "nsubjpass")):
        return ""
    if pred == "met" and lemma in t["visit_host_verbs"] and not any(
            ctx.key(c) or c.lemma_.lower() in t["meeting_nouns"] for c in tok.children if c.dep_ == "dobj"):
        return ""  # "hosted the president", "hosted talks"; not "hosting our website"
    if pred == "recalledAmbassador" and not any(c.lemma_.lower() in t["relation_nouns"] for c in tok.children if c.dep_ == "dobj"):
        return ""
    found = _verb_by_object(ctx, tok, lemma, pred)
    if found is None:
        found = _verb_by_particle(ctx, tok, lemma)
    return pred if found is None else found


def _verb_by_object(ctx: Context, tok: Token, lemma: str, pred: str) -> str | None:
    """The predicate a verb takes from its object ("cut ties", "revoked the permit", "attacked the decision",
    "described X as terrorists"), or None when its object changes nothing."""
    t = ctx.t
    if lemma in t["cut_verbs"] and \
            any(c.lemma_.lower() in t["tie_nouns"] for c in tok.children if c.dep_ == "dobj"):
        return "recalledAmbassador"
    if lemma in t["designating_verbs"] and any(
            c.dep_ == "prep" and c.lower_ == "as" and any(g.lemma_.lower() in t["condemning_nouns"] for g in c.subtree)
            or c.dep_ == "oprd" and c.lemma_.lower() in t["condemning_nouns"] for c in tok.children):
        return "condemned"  # "characterized the attack as a violation of sovereignty"
    if lemma in t["designating_verbs"] and any(
            c.dep_ == "prep" and c.lower_ == "as" and any(g.lemma_.lower() in t["accusing_nouns"] for g in c.subtree)
            or c.dep_ == "oprd" and c.lemma_.lower() in t["accusing_nouns"] for c in tok.children):
        return "accused"  # "named X and Y as terrorists"
    if lemma in t["revoke_verbs"] and any(
            c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in t["permit_nouns"] for c in tok.children):
        return "sanctioned"  # "revoked the airline's landing permit"
    if lemma == "take" and any(c.dep_ == "prt" and c.lower_ == "over" for c in tok.children):
        return "struck"  # "the group took over a third of the country"
    if pred == "struck" and any(c.dep_ == "dobj" and c.lemma_.lower() in ctx.criticised_things for c in tok.children):
        return "condemned"  # "attacked the proclamation", "slammed the decision": words, aimed at its author
    if pred == "condemned" and any(c.dep_ == "prep" and c.lower_ == "with" and any(
            g.dep_ == "pobj" and g.lemma_.lower() in ctx.weapon_words for g in c.children) for c in tok.children):
        return "struck"  # "blasted the boat with water cannon": a blow, not words
    if lemma in t["combat_verbs"] and any(c.dep_ == "dobj" and (ctx.key(c) or any(
            ctx.key(g) for g in c.children if g.dep_ in ("amod", "compound", "poss"))) for c in tok.children):
        return "struck"  # "fought the X Front", "fought Ruritanian troops", "fought the group's insurgency"
    return None


def _verb_by_particle(ctx: Context, tok: Token, lemma: str) -> str | None:
    """The predicate a verb takes from its particle or preposition ("spoke out against", "spoke with", "joined
    the talks", "fired at"), "" when it then names no event ("engaged in", "fired" alone), None otherwise."""
    t = ctx.t
    if (back := t["phrasal_of"].get(f"{lemma} back")) and any(c.dep_ in ("prt", "advmod") and c.lower_ == "back"
                                                             for c in tok.children):
        return back  # "struck back", "hit back" (the parser may make "back" an adverb)
    if lemma in t["protest_verbs"] and any(c.dep_ == "prep" and c.lower_ == "against" for c in tok.children) or \
            lemma == "speak" and any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children):
        return "condemned"  # "spoke out against the attack"
    if lemma in ctx.t["backing_words"] and tok.dep_ in ("amod", "acl") and any(ctx.key(c) for c in tok.children):
        return BACKED_BY
    if lemma in t["join_verbs"] and any(c.dep_ == "dobj" and c.lemma_.lower() in t["meeting_nouns"]
                                           for c in tok.children):
        return JOINED_MEETING
    if lemma in t["talk_verbs"] and any(c.dep_ == "prep" and (c.lower_ == "with" or any(g.lower_ in t["phone_nouns"] for g in c.subtree)) for c in tok.children):
        return "met"
    if lemma == "engage" and any(c.dep_ == "prep" and c.lower_ == "in" for c in tok.children):
        return ""
    if lemma in t["fire_verbs"] and not any(c.dep_ in ("prep", "prt") and c.lower_ in t["fire_preps"] for c in tok.children):
        return ""  # "fired at X"; "was fired on by X" (the parser makes "on" a particle there)
    return None


def _noun_predicate(ctx: Context, tok: Token, lemma: str) -> str:
    """An event noun's predicate: "in response to" a hostile act only is a reprisal; "the Turkish aggression"
    is a judgement of its author."""
    t = ctx.t
    if lemma == "response" and not (tok.dep_ == "pobj" and tok.head.lower_ == "in"):
        return ""  # only "in response to the strike" is a reprisal; "Iran's response to the letter" is not
    if t["noun_of"].get(lemma) == "retaliatedAgainst" and not hostile_cause(ctx, tok):
        return ""  # "in response to the pandemic", "in response to her death": no act of anyone's to answer
    if lemma in t["judgement_nouns"] and any(c.dep_ in ("amod", "poss", "compound") and ctx.key(c) for c in tok.children):
        return DENOUNCED  # "... stop [the Turkish] aggression", said X: X condemns Turkey
    doc = tok.doc
    if tok.tag_ in ("NNS", "NNPS") and not t["noun_of"].get(lemma) and in_headline(ctx, tok.sent) and \
            any(c.dep_ == "compound" and c.i < tok.i and ctx.key(c) for c in tok.children):
        return t["verb_of"].get(lemma, "")  # "Ruritania Summons Envoy": a headline's present-tense verb read as a plural noun
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_:
        lemma = f"{doc[tok.i - 2].lower_}-{lemma}"  # "de-escalation", split in three by the tokenizer
    return t["noun_of"].get(lemma, "") or t["noun_of"].get(tok.lower_, "")


def hostile_cause(ctx: Context, tok: Token) -> bool:
    """Whether a reprisal noun answers a hostile act: "in response to the strikes", "in retaliation for X's
    expulsion of ...", or a party named as its cause ("in response to Peru"), not a disease or a death."""
    t = ctx.t
    causes = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in t["cause_preps"]
              for g in c.children if g.dep_ == "pobj"]
    if not causes:
        return True  # "X struck in retaliation": the cause is told elsewhere
    for n in causes:
        lemma = n.lemma_.lower()
        if lemma in t["attack_words"] or lemma in t["event_nouns"] or t["verb_of"].get(lemma) or \
                t["noun_of"].get(lemma) or lemma in ctx.hostile_acts:
            return True
        if ctx.types.get(ctx.key(n)) in ("Country", "Group", "Organization"):
            return True
    return False


def names_an_act(ctx: Context, noun: Token) -> bool:
    """Whether a noun names an act whose author a judgement is about: an event, a decision, a hostile act or an
    attack of the lexicon ("the raid", "the decision", "the barrage")."""
    lemma = noun.lemma_.lower()
    return lemma in ctx.t["event_nouns"] or lemma in ctx.decision_nouns or lemma in ctx.hostile_acts or \
        ctx.t["noun_of"].get(lemma) in ATTACKS
