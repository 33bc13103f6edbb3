"""How a trigger is stated and by whom: modality (asserted, negated, threatened ...) and attribution."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .arguments import ATTACKS, entities_in
from ..attachment import reported_clause_sibling
from .sides import own_side

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .context import Context

__all__ = ["beside", "governors", "modality", "source"]


def governors(tok: Token) -> list[Token]:
    """Up to five words ``tok`` hangs under through complement, clause and preposition links."""
    chain, t = [], tok
    while t.head is not t and len(chain) < 5 and t.dep_ in ("xcomp", "ccomp", "dobj", "acl", "advcl", "pobj", "prep", "pcomp", "conj", "relcl", "oprd", "nsubj"):
        if beside(t) or t.dep_ == "conj" and any(c.dep_ == "nsubj" for c in t.children):
            break  # "X offered mediation, and Y urged restraint": Y's clause is its own, not under "offered"
        if t.dep_ == "relcl" and t.head.dep_ in ("nsubj", "nsubjpass"):
            break  # "X, which struck Y on Monday, denied ...": a relative clause on the subject states its own event
        if (sibling := reported_clause_sibling(t)) is not None:
            t = sibling  # "denied that X fired and accused Y": "accused" is not under "denied"
            continue
        t = t.head
        chain.append(t)
    return chain


def beside(clause: Token) -> bool:
    """"X strikes Y, Z vows response": a clause before a comma, parsed as the complement (or an unmarked adverbial
    clause) of a verb that has an object of its own, stands beside that verb; it is not what the verb says or vows
    ("If X strikes, Z vows a response": marked, a condition)."""
    verb = clause.head
    unmarked = clause.dep_ == "ccomp" or clause.dep_ == "advcl" and not any(c.dep_ == "mark" for c in clause.children)
    return unmarked and clause.i < verb.i and any(c.dep_ == "dobj" for c in verb.children) and \
        any(c.text == "," and clause.i < c.i < verb.i for c in verb.children)


def modality(ctx: Context, tok: Token, chain: list[Token], pred: str, subjects: list[str] | tuple[str, ...] = ()) -> str:
    """The modality of the event at ``tok`` read as ``pred``, from its negations, auxiliaries and governors
    ("did not strike", "threatened to strike", "would strike if", "offered to mediate", "urged X to")."""
    t = ctx.t
    for g in [tok, *chain[:2]]:
        if any(c.dep_ == "neg" for c in g.children) and g.lemma_.lower() not in t["litotes_verbs"] and \
                not any(c.dep_ == "acomp" and c.lower_ in t["litotes_states"] for c in g.children):
            return "negated"  # not "would not hesitate to", "will not go unanswered": affirmations
    lemmas = [g.lemma_.lower() for g in chain]
    below = [tok, *chain]  # the word on the path just under each governor
    if any(l in t["negating_words"] and below[n].dep_ not in ("advcl", "conj") and not _denied_by_another(ctx, g, pred, subjects)
           for n, (g, l) in enumerate(zip(chain, lemmas))):
        return "negated"  # not "X denied responsibility, blaming Y" or "X rejected it and said Y ...": beside the denial
    if pred in ATTACKS and _charged_act(ctx, tok, chain):
        return "alleged"  # "X accused Y of shelling P": the charge is the accusation, the shelling only alleged
    conditional = any(c.lower_ == "if" for g in [tok, *chain[:1]] for c in g.children if c.dep_ == "mark")
    if not conditional and pred != "threatened" and pred not in t["cooperative_predicates"] and \
            any(l in t["threat_words"] for l in lemmas[:2]):
        return "threatened"  # "warned it would retaliate": the warning makes the future act a threat (and is the threat itself)
    carriers = [tok, *([tok.head] if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in t["litotes_verbs"] else [])]
    if pred in ATTACKS and len(carriers) > 1 and any(c.lower_ in t["hypothetical_aux"] | t["conditional_threat_aux"]
                                                      for c in carriers[1].children if c.dep_ == "aux"):
        return "threatened"  # "will not hesitate to hit X again": force promised, not used
    would = any(c.lower_ in t["hypothetical_aux"] for v in carriers for c in v.children if c.dep_ == "aux")
    if would and not conditional and pred in ATTACKS and any(l in t["speech_verbs"] for l in lemmas[:2]):
        return "threatened"  # "said it would strike back at any attack by X": announced force
    if pred in ATTACKS and any(c.lower_ in t["conditional_threat_aux"] for c in tok.children if c.dep_ == "aux") and \
            any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in t["condition_marks"] for g in c.children)
                for c in tok.children):
        return "threatened"  # "if Y does that, I will destroy Y": force promised on a condition ("would": hypothetical)
    if would and not conditional and pred == "threatened":
        return "asserted"  # "would respond to any attack by X" is the threat itself, stated
    if would and not conditional and pred in t["cooperative_predicates"] and any(l in t["speech_verbs"] for l in lemmas[:2]):
        return "offered"  # "said it would support Y in every way": a pledge, CAMEO's intent to cooperate
    if would or conditional:
        return "hypothetical"
    if any(l in t["offer_words"] for l in lemmas[:3]) or tok.lemma_ == "offer":
        return "offered"
    if any(l in t["request_words"] for l in lemmas[:1]) and pred != "urgedRestraint" and tok.dep_ != "oprd":
        return "requested"  # "called for talks"; not "called the raid unacceptable", a judgement of the object
    return "asserted"


def undone_measure(ctx: Context, measure: Token) -> bool:
    """Whether a sanction noun is lifted rather than imposed: "lifted the sanctions on Y", "announced the easing of
    the embargo", "voted to end the arms embargo" (a word of undoing among the noun's two nearest governors)."""
    return any(g.lemma_.lower() in ctx.t["undoing_words"] for g in governors(measure)[:2] if g.pos_ in ("VERB", "NOUN"))


def _charged_act(ctx: Context, tok: Token, chain: list[Token]) -> bool:
    """Whether the act is what a verb of accusing charges someone with ("accused Y of shelling P", "accused Y of
    carrying out a strike"): the checklist's convention, an accusation of an attack is an accusation only."""
    return any(g.dep_ == "pcomp" and g.head.lower_ == "of" and ctx.t["verb_of"].get(g.head.head.lemma_.lower()) == "accused"
               for g in [tok, *chain[:3]])


def _denied_by_another(ctx: Context, denial: Token, pred: str, subjects: list[str] | tuple[str, ...]) -> bool:
    """Whether a statement is denied by a party other than its speaker ("X accused Y of Z, a charge Y denied"): the
    accusation was made all the same; only its speaker can unsay it."""
    if pred not in ctx.t["statement_predicates"] or not subjects:
        return False
    deniers = {k for c in denial.children if c.dep_ == "nsubj" for t in c.subtree if (k := ctx.key(t))}
    return bool(deniers) and not deniers & own_side(ctx, list(subjects))


def source(ctx: Context, chain: list[Token], subjects: list[str]) -> str:
    """Who the claim is attributed to: the subject of the nearest speech verb above, when not an actor."""
    for g in chain:
        if g.lemma_.lower() in ctx.t["speech_verbs"]:
            for c in g.children:
                if c.dep_ == "nsubj":
                    keys = entities_in(ctx, c, multi=False)
                    if keys and keys[0] not in subjects:
                        return keys[0]
            return ""
    return ""
