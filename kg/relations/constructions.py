"""The readings of a trigger word that are not frame patterns: ordered lists of small readers, each with an invented
example (the clauses read before any trigger are in ``clauses.py``).

``WHOLE`` are tried on a trigger in order; the first that applies reads it entirely. Otherwise the trigger's
subjects and targets are found (``reading``), ``FALLBACKS`` fill what is missing, in order, and ``ENDINGS``
may emit the reading in their own way before the plain ``emit``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..schema import PREDICATES
from .arguments import entities_in, event_actor, event_author, subjects
from .claims import unowned_aircraft
from .context import speech_verb_above
from .discourse import recalled_actor
from .emit import emit
from .impacts import day_named_attack
from .killings import forces_killed, killing_places
from .modality import governors
from .reprisals import copular_reprisal, told_as_reprisal, unaddressed_threat
from .sides import answered_attacker, counts_two_parties, sentence_agents, sentence_countries, warring_sides
from .targets import targets
from .threats import conditioned_party
from .triggers import BACKED_BY, BLAMED, DENOUNCED, JOINED_MEETING, names_an_act, trigger_predicate

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from .context import Context
    from .discourse import Discourse

__all__ = ["ENDINGS", "FALLBACKS", "WHOLE", "Reading", "read_trigger"]

_RELATIVE_TAGS = ("WDT", "WP")  # relative pronouns: "which", "that", "who", "whom"
_TOGETHER = frozenset(("met", "negotiatedCeasefire", "mediated", "urgedRestraint"))  # acts between parties, not on one
_DIPLOMATIC = frozenset(n for n, p in PREDICATES.items() if p.diplomatic)


# -- whole readings of a trigger ------------------------------------------------------------------------
def joined_meeting(ctx: Context, disc: Discourse, tok: Token, pred: str, sent: Span, chain: list[Token]) -> bool:
    """"X joined the talks": X met those who were meeting.
    Example: "The ministers of Ruritania and Freedonia met in Ostrava. Karl Brandt joined the talks." """
    if pred != JOINED_MEETING:
        return False
    actors, depth = subjects(ctx, disc, tok, pred)
    others = [k for k in disc.parties if k not in actors]
    emit(ctx, disc, actors, "met", others, tok, sent, chain, depth + 1)
    return True


def blamed(ctx: Context, disc: Discourse, tok: Token, pred: str, sent: Span, chain: list[Token]) -> bool:
    """"X said the crash was Y's doing": the speaker accuses the possessor.
    Example: "Freedonia said the blast was Ruritania's doing." """
    if pred != BLAMED:
        return False
    speech = speech_verb_above(ctx, tok)  # "said [the crash was [Iran's doing]]"
    actors, depth = subjects(ctx, disc, speech, pred) if speech is not None else ([], 0)
    accused = [k for c in tok.children if c.dep_ == "poss" for k in entities_in(ctx, c, multi=False, skip=frozenset(actors))]
    emit(ctx, disc, actors, "accused", accused, tok, sent, chain, depth + 1)
    return True


def denounced(ctx: Context, disc: Discourse, tok: Token, pred: str, sent: Span, chain: list[Token]) -> bool:
    """A speaker who calls someone's act "aggression" or "crimes" condemns its author.
    Example: "Freedonia said it would resist the Ruritanian aggression." """
    if pred != DENOUNCED:
        return False
    speech = speech_verb_above(ctx, tok)
    actors, depth = subjects(ctx, disc, speech, pred) if speech is not None else ([], 0)
    authors = [k for c in tok.children if c.dep_ in ("amod", "poss", "compound")
               for k in entities_in(ctx, c, multi=False, skip=frozenset(actors))]
    emit(ctx, disc, actors, "condemned", authors, tok, sent, chain, depth + 1)
    return True


def backed_by(ctx: Context, disc: Discourse, tok: Token, pred: str, sent: Span, chain: list[Token]) -> bool:
    """"An X-backed militia": the backer supports the thing the phrase names.
    Example: "The Azure Front, a Ruritanian-backed militia, denied it." """
    if pred != BACKED_BY:
        return False
    backers = [ctx.key(c) for c in tok.children if ctx.key(c)]
    noun = tok.head
    backed = ctx.key(noun) or (ctx.key(noun.head) if noun.dep_ == "appos" else "") or \
        next((k for c in noun.children if c.dep_ == "compound" and (k := ctx.key(c))), "")  # "the X-backed Y rebel group"
    if not backed and noun.dep_ == "appos":  # "the PMF, an Iranian-backed militia" attached further up
        backed = next((ctx.key(t) for t in reversed(ctx.doc[max(sent.start, tok.i - 8) : tok.i])
                       if ctx.types.get(ctx.key(t)) in ("Group", "Organization")), "")
    if backed:
        emit(ctx, disc, list(dict.fromkeys(backers)), "supported", [backed], tok, sent, chain, 0)
    return True


def displeased(ctx: Context, disc: Discourse, tok: Token, pred: str, sent: Span, chain: list[Token]) -> bool:
    """"X was disappointed by Y's decision": X condemns its author.
    Example: "Freedonia was dismayed by the Ruritanian blockade." """
    if pred != "condemned" or tok.lower_ not in ctx.t["displeasure_words"]:
        return False
    actors, depth = subjects(ctx, disc, tok, pred)
    if not actors:  # "X was disappointed by ...": the passive subject is the one displeased
        actors = [k for c in tok.children if c.dep_ == "nsubjpass" for k in entities_in(ctx, c, multi=False)]
    judged: list[str] = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in ctx.t["displeasure_preps"]:
            for n in c.children:
                judged += entities_in(ctx, n, multi=False, skip=frozenset(actors)) or \
                    (event_actor(ctx, disc, n, actors, pred) if n.lemma_.lower() in ctx.t["event_nouns"] else [])
    emit(ctx, disc, actors, pred, judged, tok, sent, chain, depth)
    return True


def judged(ctx: Context, disc: Discourse, tok: Token, pred: str, sent: Span, chain: list[Token]) -> bool:
    """"X called the strike unacceptable / found Y's response decisive": a judging verb's subject condemns or
    supports the author of what it judges. Example: "Freedonia called the Ruritanian raid unacceptable." """
    if pred not in ("condemned", "supported") or tok.pos_ != "ADJ" and not (tok.pos_ == "VERB" and tok.dep_ == "oprd"):
        return False
    judge = _judging_verb(ctx, tok, chain)
    if judge is None or tok.dep_ == "amod" and tok.head.lemma_.lower() in ctx.t["target_nouns"]:
        return True  # "consider Y legitimate targets" is no praise of Y (threats.declared_targets)
    actors, depth = subjects(ctx, disc, judge, pred)
    for g in governors(judge) if not actors else []:
        actors, depth = subjects(ctx, disc, g, pred)  # "found the strike justified and called X's order decisive"
        if actors:
            break
    authors: list[str] = []
    for c in [*judge.children, *tok.children]:
        if c.dep_ in ("dobj", "nsubjpass", "oprd") or c.dep_ == "nsubj" and c.head.i == tok.i:
            if c.dep_ == "dobj" and (c.lemma_.lower() in ctx.t["event_nouns"] or c.lower_ == "it" and disc.attacks):
                authors = event_author(ctx, disc, c, actors, pred)  # "called it unacceptable": the act told before
                if authors:
                    break
            authors = entities_in(ctx, c, multi=False, skip=frozenset(actors))
            if not authors and c.lemma_.lower() in ctx.t["event_nouns"]:
                authors = recalled_actor(ctx, disc, c, actors)
            if authors:
                break
    emit(ctx, disc, actors, pred, authors, tok, sent, chain, depth, anaphoric=True)
    return True


def _judging_verb(ctx: Context, tok: Token, chain: list[Token]) -> Token | None:
    """The verb that applies the adjective ``tok`` ("called ... unacceptable"), also when the adjective
    hangs on the noun it judges ("deems the action unacceptable"), or None."""
    judge = next((g for g in chain if g.lemma_.lower() in ctx.t["judging_verbs"]), None)
    first = tok
    while first.dep_ == "conj" and first.head is not first:
        first = first.head  # "swift, forceful and decisive"
    noun = first.head if first.dep_ == "amod" else None
    if judge is None and noun is not None and noun.dep_ in ("dobj", "oprd") and \
            noun.head.lemma_.lower() in ctx.t["judging_verbs"]:
        judge = noun.head  # "deems the action unacceptable" parsed with the adjective on the noun
    return judge


def wished(ctx: Context, disc: Discourse, tok: Token, pred: str, sent: Span, chain: list[Token]) -> bool:
    """"A desire for de-escalation" is a wish, not an appeal to others: nothing is read.
    Example: "Freedonia expressed a hope for calm." """
    t = ctx.t
    return pred == "urgedRestraint" and not any(g.lemma_.lower() in t["request_words"] | t["appeal_words"] for g in chain)


WHOLE = (joined_meeting, blamed, denounced, backed_by, displeased, judged, wished, copular_reprisal)


# -- the plain reading, its fallbacks and endings -------------------------------------------------------
@dataclass
class Reading:
    """A trigger as read so far: the fallbacks below fill its subjects and targets."""

    tok: Token
    pred: str
    sent: Span
    chain: list[Token]
    subjects: list[str]
    targets: list[str]
    depth: int


def reading(ctx: Context, disc: Discourse, tok: Token, pred: str, sent: Span, chain: list[Token]) -> Reading:
    """The trigger's own subjects and targets; for an appeal, the asker's ("Ecuador urged Peru to show restraint")."""
    asker = next((g for g in chain if g.lemma_.lower() in ctx.t["request_words"] and g.pos_ == "VERB"), None)
    if pred == "urgedRestraint" and asker is not None:
        actors, depth = subjects(ctx, disc, asker, pred)  # "Ecuador urged Peru to show restraint": Ecuador urges Peru
        found = [k for c in asker.children if c.dep_ in ("dobj", "dative")
                 for k in entities_in(ctx, c, multi=True, skip=frozenset(actors))]
    else:
        actors, depth = subjects(ctx, disc, tok, pred)
        found = targets(ctx, tok, pred, actors)
    return Reading(tok, pred, sent, chain, actors, found, depth)


def object_of_attack(ctx: Context, disc: Discourse, rd: Reading) -> None:
    """"The refinery was the object of a rebel raid": the subject of "was the target/victim of" is hit.
    Example: "The Ostrava depot was the target of a Ruritanian raid." """
    tok = rd.tok
    if rd.targets or rd.pred not in ("struck", "killed", "sanctioned") or tok.dep_ != "pobj" or tok.head.lower_ != "of" or \
            tok.head.head.lemma_.lower() not in ctx.t["target_role_nouns"]:
        return
    holder = tok.head.head
    for c in holder.head.children if holder.dep_ in ("attr", "dobj") else []:
        if c.dep_ in ("nsubj", "nsubjpass"):
            rd.targets = entities_in(ctx, c, multi=True, skip=frozenset(rd.subjects))


def killed_in_attack(ctx: Context, disc: Discourse, rd: Reading) -> None:
    """"X was killed in the airstrike": the airstrike's actor killed X.
    Example: "Ruritania bombed the port. Karl Brandt was killed in the strike." """
    tok = rd.tok
    if rd.subjects or rd.pred not in ("killed", "struck") or not any(c.dep_ == "nsubjpass" for c in tok.children):
        return
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ctx.t["event_preps"]:
            for n in c.children:
                if n.dep_ == "pobj" and trigger_predicate(ctx, n) == "struck":
                    rd.subjects = event_actor(ctx, disc, n, [], rd.pred)
                    rd.depth += 2


def accused_clause(ctx: Context, disc: Discourse, rd: Reading) -> None:
    """"X alleged the firm had helped ...": the subject of the alleged clause is accused.
    Example: "Freedonia alleged that Borovia Shipping had armed the rebels." """
    if rd.targets or rd.pred != "accused":
        return
    for c in rd.tok.children:
        if c.dep_ == "ccomp":
            for g in c.children:
                if g.dep_ in ("nsubj", "nsubjpass"):
                    rd.targets = entities_in(ctx, g, multi=False, skip=frozenset(rd.subjects))


def judged_act(ctx: Context, disc: Discourse, rd: Reading) -> None:
    """"Criticised the decision", "condemned the raid": the author of the act is the target.
    Example: "Ruritania shelled Ostrava. Freedonia condemned the attack." """
    if rd.pred not in ("condemned", "accused", "retaliatedAgainst"):
        return
    tok = rd.tok
    it = next((c for c in tok.children if c.dep_ == "nsubjpass" and c.lower_ == "it"), None)
    if it is not None and disc.attacks and (author := event_author(ctx, disc, it, rd.subjects, rd.pred)):
        rd.targets = author  # "It was denounced by X": the author of the act read before, not a state "it" names
        return
    if rd.targets or tok.dep_ == "relcl" and rd.pred == "accused":
        return  # "a group it blames for the attack": the group is accused (relative_object), not the attack's author
    nouns = [c for c in tok.children if c.dep_ == "dobj"] + \
        [g for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    for c in nouns:
        if names_an_act(ctx, c) or rd.pred == "retaliatedAgainst" and c.dep_ == "pobj" and c.head.lower_ in ctx.t["cause_preps"]:
            # "criticised the decision", "retaliated for X's expulsion of its envoys": the act's author
            rd.targets = event_author(ctx, disc, c, rd.subjects, rd.pred)
            break


def relative_object(ctx: Context, disc: Discourse, rd: Reading) -> None:
    """A relative clause whose object is the noun it modifies: "envoys it accused of spying" (the envoys'
    state), "the strikes, which X criticised" (the strikes' author). Not when the relative pronoun is the
    subject ("envoys who accused X").
    Example: "Ruritania expelled four Freedonian envoys whom it accused of espionage." """
    tok = rd.tok
    own = {c.dep_ for c in tok.children if c.tag_ not in _RELATIVE_TAGS}  # the clause's own words, not "which"/"whom"
    if rd.targets or rd.pred in _TOGETHER or tok.dep_ != "relcl" or "nsubj" not in own or "dobj" in own:
        return
    head = tok.head
    if rd.pred in ("condemned", "accused") and names_an_act(ctx, head):
        rd.targets = event_author(ctx, disc, head, rd.subjects, rd.pred)
    else:
        for noun in (head.head, head) if head.dep_ == "appos" else (head,):
            # "the X Front, a group it blames", "NAME, a Ruritanian general it accused": the name, then the noun
            rd.targets = entities_in(ctx, noun, multi=True, skip=frozenset(rd.subjects),
                                     nationality_is_state=rd.pred != "sanctioned")  # sanctions hit the people named
            if rd.targets:
                break


def reprisal_target(ctx: Context, disc: Discourse, rd: Reading) -> None:
    """"Retaliated with strikes on X", "retaliated, responding to X": whom the reprisal hit or answered.
    Example: "Freedonia retaliated with strikes on Ruritania." """
    if rd.targets or rd.pred != "retaliatedAgainst":
        return
    for c in rd.tok.children:
        if c.dep_ == "prep" and c.lower_ == "with":
            for n in c.children:
                if n.dep_ == "pobj" and trigger_predicate(ctx, n) == "struck":
                    rd.targets += targets(ctx, n, "struck", rd.subjects)
    for c in rd.tok.children:
        if c.dep_ in ("advcl", "xcomp") and c.tag_ == "VBG" and trigger_predicate(ctx, c) == "struck":
            rd.targets += targets(ctx, c, "struck", rd.subjects)  # "retaliated on Sunday, shelling P"
        if c.dep_ == "advcl" and c.lemma_ in ctx.t["respond_verbs"]:
            for p in c.children:
                if p.dep_ == "prep":
                    rd.targets += entities_in(ctx, p, multi=False, skip=frozenset(rd.subjects))
    if not rd.targets and rd.subjects:  # "Y bombed X's port. X vowed to retaliate": against Y
        rd.targets = answered_attacker(ctx, disc, rd.subjects)


def diplomatic_party(ctx: Context, disc: Discourse, rd: Reading) -> None:
    """"Summoned the ambassador", "expelled two diplomats": the nearest other country of the sentence.
    Example: "Freedonia summoned the Ruritanian ambassador." """
    if not rd.targets and rd.pred in _DIPLOMATIC:
        rd.targets = sentence_countries(ctx, rd.sent, rd.tok, rd.subjects)


def summons_protest(ctx: Context, disc: Discourse, rd: Reading) -> None:
    """A protest a summons is for, with no party named in what is protested, protests against the state of the
    envoy summoned. Example: "Freedonia summoned the Ruritanian envoy to protest what it called a violation." """
    head = rd.tok.head
    if rd.targets or rd.pred != "condemned" or rd.tok.dep_ not in ("xcomp", "advcl") or \
            ctx.t["verb_of"].get(head.lemma_.lower()) != "summoned":
        return
    rd.targets = [k for c in head.children if c.dep_ == "dobj" and c.lemma_.lower() in ctx.diplomat_nouns
                  for k in entities_in(ctx, c, multi=True, skip=frozenset(rd.subjects))]


def appeal_parties(ctx: Context, disc: Discourse, rd: Reading) -> None:
    """"Urged restraint on both sides", "offered to mediate": the other countries of the sentence, or the
    article's main countries. Example: "Freedonia urged both sides to show restraint." """
    if rd.targets or rd.pred not in ("urgedRestraint", "mediated"):
        return
    if rd.pred == "mediated" and rd.tok.dep_ == "amod":  # "A and B signed a Ruritania-brokered truce": A and B
        verb = rd.tok.head.head
        rd.targets = [k for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and verb.pos_ == "VERB"
                      for k in entities_in(ctx, c, multi=True, skip=frozenset(rd.subjects))]
        if rd.targets:
            return
    addressed = [t for g in (rd.tok, *rd.chain[:2]) for c in g.children if c.dep_ in ("dobj", "dative", "prep")
                 for t in c.subtree]  # "urged both sides to ...", "called on the two countries to ..."
    if counts_two_parties(ctx, addressed) and (warring := warring_sides(ctx, disc, rd.subjects,
                                                                        states=counts_two_parties(ctx, addressed, states=True))):
        rd.targets = warring  # "urged both sides to ...": the two sides of the fight or truce read last
        return
    collective = any(w.lemma_.lower() in ctx.t["collective_objects"] for w in rd.sent) or rd.pred == "mediated"
    if not collective:
        rd.targets = sentence_countries(ctx, rd.sent, rd.tok, rd.subjects, all_=True)
    else:
        acting = rd.subjects + sentence_agents(ctx, rd.sent)  # "talks hosted by X and mediated by Y": X co-hosts
        rd.targets = [k for k in sentence_countries(ctx, rd.sent, rd.tok, rd.subjects, all_=True)] or \
                     [k for k in ctx.main_countries if k not in acting][:2]


def unaddressed_appeal(ctx: Context, disc: Discourse, rd: Reading) -> None:
    """An appeal for restraint that names no one, after a fight: to its two sides ("X and Y exchanged fire.
    Z called for restraint"). Example: "Ruritania shelled Freedonian posts. Borovia called for calm." """
    if not rd.targets and rd.pred == "urgedRestraint":
        rd.targets = warring_sides(ctx, disc, rd.subjects)


def appeal_addressees(ctx: Context, disc: Discourse, rd: Reading) -> None:
    """Those an appeal is addressed to, up its governors: "called on X to ...", "appealed to X".
    Example: "Karl Brandt called on the Ruritanian government to exercise restraint." """
    if rd.targets or rd.pred != "urgedRestraint":
        return
    for g in rd.chain:
        for c in g.children:
            if c.dep_ in ("dobj", "dative"):
                rd.targets += entities_in(ctx, c, multi=True, skip=frozenset(rd.subjects))
            elif c.dep_ == "prep" and c.lower_ in ctx.t["appeal_preps"]:
                for gc in c.children:
                    if gc.dep_ == "pobj":
                        rd.targets += entities_in(ctx, gc, multi=True, skip=frozenset(rd.subjects))


def co_speakers(ctx: Context, disc: Discourse, rd: Reading) -> None:
    """"A and B spoke" parsed with A buried in B's modifiers: the other parties of that kind named there.
    Example: "Ruritania and Freedonia met in Ostrava." """
    if rd.targets or rd.pred not in ("met", "negotiatedCeasefire") or len(rd.subjects) != 1:
        return
    for c in rd.tok.children:
        if c.dep_ == "nsubj":
            rd.subjects += [k for k in entities_in(ctx, c, multi=True)
                            if k not in rd.subjects and ctx.types.get(k) == ctx.types.get(rd.subjects[0])]


FALLBACKS = (object_of_attack, killed_in_attack, unowned_aircraft, accused_clause, judged_act, relative_object,
             reprisal_target, conditioned_party, unaddressed_threat, diplomatic_party, summons_protest, appeal_parties,
             appeal_addressees, co_speakers, unaddressed_appeal, day_named_attack)


def pairwise_meeting(ctx: Context, disc: Discourse, rd: Reading) -> bool:
    """Subjects who met or agreed a truce with nobody named met each other, pair by pair.
    Example: "The Ruritanian and Freedonian ministers met on Monday." """
    if rd.targets or rd.pred not in ("met", "negotiatedCeasefire") or len(rd.subjects) <= 1:
        return False
    for i, a in enumerate(rd.subjects):
        for b in rd.subjects[i + 1:]:
            emit(ctx, disc, [a], rd.pred, [b], rd.tok, rd.sent, rd.chain, rd.depth)
    return True


def exchanged(ctx: Context, disc: Discourse, rd: Reading) -> bool:
    """"A and B exchanged strikes": each struck the other.
    Example: "Ruritania and Freedonia traded strikes along the border." """
    tok = rd.tok
    if rd.pred not in ("struck", "killed") or tok.pos_ not in ("NOUN", "PROPN") or \
            tok.head.lemma_.lower() not in ctx.t["reciprocal_verbs"] or len(rd.subjects) != 2:
        return False
    a, b = rd.subjects
    emit(ctx, disc, [a], rd.pred, [b], tok, rd.sent, rd.chain, rd.depth)
    emit(ctx, disc, [b], rd.pred, [a], tok, rd.sent, rd.chain, rd.depth)
    return True


def each_other(ctx: Context, disc: Discourse, rd: Reading) -> bool:
    """"A and B accused each other", "A and B expelled each other's diplomats": each did it to the other.
    Example: "Ruritania and Freedonia blamed each other for the clash." """
    tok = rd.tok
    objects = [c for c in tok.children if c.dep_ in ("dobj", "pobj", "prep")]
    named = [o for c in objects for o in [c, *c.children] if o.lower_ == "other" and any(d.lower_ == "each" for d in o.children)]
    if not named or len(rd.subjects) != 2 or tok.pos_ != "VERB":
        return False
    a, b = rd.subjects
    emit(ctx, disc, [a], rd.pred, [b], tok, rd.sent, rd.chain, rd.depth)
    emit(ctx, disc, [b], rd.pred, [a], tok, rd.sent, rd.chain, rd.depth)
    return True


ENDINGS = (pairwise_meeting, each_other, exchanged)  # a meeting is one relation, not one each way


def read_trigger(ctx: Context, disc: Discourse, tok: Token, pred: str, sent: Span) -> None:
    """Read the relations a trigger word states, as ``pred``."""
    chain = governors(tok)
    if any(whole(ctx, disc, tok, pred, sent, chain) for whole in WHOLE):
        return
    rd = reading(ctx, disc, tok, pred, sent, chain)
    for fill in FALLBACKS:
        fill(ctx, disc, rd)
    if any(end(ctx, disc, rd) for end in ENDINGS):
        return
    emit(ctx, disc, rd.subjects, pred, rd.targets, tok, sent, chain, rd.depth)
    forces_killed(ctx, disc, rd)
    killing_places(ctx, disc, rd)
    if pred == "struck" and told_as_reprisal(ctx, disc, tok, rd.subjects):
        emit(ctx, disc, rd.subjects, "retaliatedAgainst", rd.targets, tok, sent, chain, rd.depth, read_as=pred)

