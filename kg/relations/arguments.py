"""Who acted: the actor keys of a trigger, and the names a phrase holds, found over the parse of a frozen ``Context``
(whom the act was on: ``targets.py``).

The predicate the trigger is read as is passed explicitly (``pred``): a few rules depend on it ("the
operation targeted X" names an attacker only for an attack).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..attachment import lost_subject, orphaned_object, reported_clause_sibling, shadowed_subject, statement_of_medium
from ..keys import armed_forces_key, iso_of
from ..lexicon import cues, triggers
from ..schema import PREDICATES
from .claims import claimed_attack, reporting_party
from .context import in_headline, speech_verb_above
from .discourse import recall_actor, recalled_actor

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .context import Context
    from .discourse import Discourse

__all__ = ["ATTACKS", "coordinated", "entities_in", "event_actor", "event_author", "headline_comma_subjects",
           "left_actor", "participle_agents", "plural_speakers", "receiver_in_object", "subjects"]

ATTACKS = frozenset(n for n, p in PREDICATES.items() if p.attack)  # the attacks the discourse remembers
_CLAUSE_STOP = {"relcl", "acl", "advcl", "ccomp", "csubj", "parataxis", "mark", "punct", "cc", "det", "aux", "auxpass", "neg"}


def entities_in(ctx: Context, tok: Token, *, multi: bool, skip: frozenset[str] = frozenset(),
                nationality_is_state: bool = True, places_of_names: bool = False) -> list[str]:
    """Entity keys named in the phrase headed by ``tok``, shallowest first; without ``nationality_is_state``, not a
    country named only as an unnamed holder's nationality ("the Ruritanian central bank": ``holder_nouns``); with
    ``places_of_names``, also the places a named target is placed in ("camps of the Karsk Front inside Ostland")."""
    found: list[str] = []
    frontier = [tok]
    seen: set[int] = set()
    while frontier:
        nxt: list[Token] = []
        level: list[str] = []
        for t in frontier:
            if t.i in seen:
                continue
            seen.add(t.i)
            if k := ctx.key(t):
                if t.dep_ in ("amod", "compound", "nmod", "poss") and ctx.types.get(k) == "Country" and not ctx.key(t.head) and \
                        (t.head.lower_ in ctx.t["non_state_nouns"] and t.dep_ != "poss" or  # "Lebanese militants": no state acts
                         not nationality_is_state and t.head.lemma_.lower() in ctx.holder_nouns):  # "X's state energy company"
                    continue
                # A name and the names coordinated with it are one level; the rest of its subtree is the name.
                for k2 in [k, *coordinated(ctx, t, seen)]:
                    if k2 not in skip and k2 not in found and k2 not in level:
                        level.append(k2)
                if places_of_names and ctx.types.get(k) != "Country":
                    nxt += [c for c in t.children if c.dep_ == "prep" and c.lower_ in ctx.t["place_preps"]]
                continue
            if t.lemma_.lower() in ctx.t["not_target_nouns"] and t.i != tok.i:
                continue  # "near the Pakistan-Iran border" names no target; counterparts are named in apposition
            if t.lemma_.lower() in ctx.t["boundary_nouns"] and t.i == tok.i:
                nxt += [c for c in t.children if c.dep_ in ("appos", "conj")]  # "near the Chilean border" itself
                continue
            nxt += _phrase_children(ctx, t)
        if level:
            found.extend(level)
            if not multi:
                break
        frontier = nxt
    return found


def _phrase_children(ctx: Context, t: Token) -> list[Token]:
    """The children of ``t`` a name inside its phrase may hang from (not clauses, not the considerer)."""
    if t.dep_ in ("amod", "acl") and t.lemma_.lower() in ctx.t["backing_words"]:
        return []  # "fighters of the X-backed M12 group": the backer is no one the phrase names
    named_appos = any(c.dep_ == "appos" and ctx.key(c) for c in t.children)  # not "Y, the country's main rebel group"
    out = []
    for c in t.children:
        if c.dep_ in _CLAUSE_STOP and not (c.dep_ == "acl" and c.lemma_.lower() in ctx.t["ownership_verbs"]):
            continue
        if named_appos and c.dep_ in ("amod", "compound", "poss"):
            continue  # "his Greek and French counterparts, A and B": the people, not their countries
        if c.dep_ == "nsubj" and t.pos_ in ("VERB", "AUX"):
            continue  # "what Iran considers X bases": the considerer is not a target
        if c.dep_ == "poss" and t.lower_ in ctx.t["subdivision_nouns"] and \
                any(ctx.key(g) for g in t.children if g.dep_ in ("compound", "appos", "nmod")):
            continue  # "Iran's Sistan province": the named province is the target ("its territory": the owner)
        if c.dep_ == "prep" and c.lower_ == "by" and t.lemma_.lower() in ctx.t["attack_words"]:
            continue  # "in response to a raid by X": the author of another attack is not this one's target
        out.append(c)
    return out


def coordinated(ctx: Context, tok: Token, seen: set[int]) -> list[str]:
    """Keys of the names coordinated with or in apposition to ``tok``: "Pakistan and Iran", "A, B and C"."""
    out = []
    for c in tok.children:
        if c.dep_ in ("conj", "appos") and c.i not in seen:
            seen.add(c.i)
            k = ctx.key(c)
            if k:
                out.append(k)
            else:  # "A and his counterparts, B and C": the names in apposition to a keyless conjunct
                for a in c.children:
                    if a.dep_ == "appos" and a.i not in seen and (ka := ctx.key(a)):
                        seen.add(a.i)
                        out.append(ka)
                        out.extend(coordinated(ctx, a, seen))
            out.extend(coordinated(ctx, c, seen))
    return out


def subjects(ctx: Context, disc: Discourse, tok: Token, pred: str, depth: int = 0) -> tuple[list[str], int]:
    """Actor keys of the event at ``tok``, read as ``pred``, and how far up the parse they were found."""
    if depth > 4:
        return [], depth
    subj = [lost] if (lost := lost_subject(tok)) is not None else \
        [c for c in tok.children if c.dep_ in ("nsubj", "csubj") and not shadowed_subject(c)] or \
        [g for c in tok.children if c.dep_ == "aux" for g in c.children if g.dep_ == "nsubj"]  # "X have been [aux] mediating"
    if tok.dep_ == "amod" and (hyphened := _hyphened_agent(ctx, tok)):
        return [hyphened], depth  # "a Ruritania-brokered truce": the name before the hyphen did it
    if subj and tok.pos_ == "VERB":
        subj = headline_comma_subjects(ctx, tok, subj[0]) + subj
    agent = [gc for c in tok.children if c.dep_ == "agent" for gc in c.children if gc.dep_ == "pobj"] or \
        [name for c in tok.children if c.dep_ == "agent" and (name := orphaned_object(c, ctx.token_key)) is not None]
    if tok.pos_ in ("NOUN", "PROPN") and (own := _noun_actor(ctx, tok)):
        return own, depth
    if (found := _named_subject(ctx, disc, tok, pred, agent + subj, depth)) is not None:
        return found
    if tok.pos_ == "VERB" and tok.i > 0 and (k := ctx.key(ctx.doc[tok.i - 1])) and ctx.types.get(k) != "Place" \
            and ctx.doc[tok.i - 1].dep_ != "dobj" and not statement_of_medium(tok):
        return [k], depth + 1  # "as Pakistan retaliated" mis-parsed: the name right before the verb
    if subj or tok.head.i == tok.i:
        return [], depth
    if (found := _governor_subjects(ctx, disc, tok, pred, depth)) is not None:
        return found
    return _inherited_subjects(ctx, disc, tok, pred, depth)


def _hyphened_agent(ctx: Context, participle: Token) -> str:
    """The agent of a hyphenated participle, "Ruritania-brokered", "Zendan-mediated": the name before the hyphen."""
    doc = participle.doc
    for c in participle.children:
        if c.dep_ in ("npadvmod", "compound", "nmod") and c.i + 2 == participle.i and doc[c.i + 1].text == "-" and \
                (k := ctx.key(c)) and ctx.types.get(k) != "Place":
            return k
    return ""


def headline_comma_subjects(ctx: Context, verb: Token, subject: Token) -> list[Token]:
    """Headlines write "and" as a comma, "Ruritania, Freedonia Agree On Truce": the name before the subject and its
    comma, parsed as a modifier of the verb, is a subject too. Only in a line without closing punctuation."""
    doc = verb.doc
    names = [c for c in verb.children if c.dep_ in ("npadvmod", "appos", "dep", "nmod") and c.i < subject.i and
             c.i + 1 < len(doc) and doc[c.i + 1].text == "," and ctx.key(c)]
    return names if names and in_headline(ctx, verb.sent) else []  # the sentence's text only when a name is there


def _noun_actor(ctx: Context, tok: Token) -> list[str]:
    """The actor an event noun names itself: "Pakistan's drone attack", "a raid by X", "an attack carried out by X"."""
    killing = ctx.t["noun_of"].get(tok.lemma_.lower()) == "killed"  # "Karl's murder": the victim's, not by him
    mine = next((c for c in tok.children if c.dep_ == "poss" and c.tag_ == "PRP$" and ctx.key(c)), None)
    if mine is not None and tok.head.pos_ == "VERB" and ctx.key(mine) in (subj := [
            k for c in tok.head.children if c.dep_ == "nsubj"
            for k in entities_in(ctx, tok.head.head if c.tag_ in ("WDT", "WP") and tok.head.dep_ == "relcl" else c, multi=True)
            if ctx.types.get(k) != "Place"]):
        return subj  # "A and B (, which have) reaffirmed their solidarity": both, not the one the pronoun was resolved to
    receiver = receiver_in_object(ctx, tok)  # "gave the X Front support": the Front receives, the subject gives
    left = left_actor(ctx, tok)
    if left and not (killing and ctx.types.get(left) == "Official") and not (receiver is not None and left == ctx.key(receiver)):
        return _coordinated_left(ctx, tok, left)
    own = [c for c in tok.children if c.dep_ in ("poss", "compound", "amod", "nmod") and ctx.key(c) and not _opposed(ctx, c)
           and not (killing and ctx.types.get(ctx.key(c)) == "Official") and (receiver is None or c.i != receiver.i)]
    of_objects = [g for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
    by = [gc for c in [tok, *of_objects] for p in c.children if p.dep_ == "prep" and p.lower_ == "by"
          for gc in p.children if gc.dep_ == "pobj"]  # "the violation of our airspace by X": "by" hung on its object
    if tok.lemma_.lower() in ctx.expulsion_nouns:  # "the expulsion of its envoys from Y": Y expelled them
        by += [g for c in [tok, *(g for p in tok.children if p.lower_ == "of" for g in p.children)]
               for p in c.children if p.dep_ == "prep" and p.lower_ == "from" for g in p.children if g.dep_ == "pobj"]
    for cand in own + by + [a for a in participle_agents(tok) if ctx.t["verb_of"].get(_agent_verb(a)) != "mediated"]:
        if keys := entities_in(ctx, cand, multi=False):
            return keys  # "a truce brokered by M": M mediated it, no party to it
    return []


def receiver_in_object(ctx: Context, noun: Token) -> Token | None:
    """The receiver the parser folded into the thing given ("gave [the X Front logistical support]": "Front", a
    modifier of "support"): a name modifying the object of a verb of giving, after the object's own determiner."""
    if noun.dep_ != "dobj" or noun.head.lemma_.lower() not in ctx.t["giving_verbs"]:
        return None
    name = next((c for c in noun.children if c.dep_ in ("nmod", "compound") and ctx.key(c)), None)
    det = next((c for c in noun.children if c.dep_ == "det"), None)
    return name if name is not None and det is not None and det.i < name.i else None


def plural_speakers(ctx: Context, pronoun: Token, tok: Token, keys: list[str]) -> list[str]:
    """``keys`` read for a plural pronoun, widened to every party the subject of the verb of saying above names when
    the pronoun was resolved to one of them ("A, B and C said they urged ...", "allies including A and B said they
    would send ...": all of them, not the one "they" was resolved to)."""
    if keys and pronoun.pos_ == "PRON" and "Plur" in pronoun.morph.get("Number") and \
            (up := speech_verb_above(ctx, tok)) is not None and keys[0] in (together := [
                k for c in up.children if c.dep_ == "nsubj" for k in entities_in(ctx, c, multi=True)
                if ctx.types.get(k) != "Place"]):
        return together
    return keys


def _agent_verb(agent: Token) -> str:
    """The lemma of the participle a by-agent hangs on ("brokered" of "brokered by M")."""
    return agent.head.head.lemma_.lower()


def _named_subject(ctx: Context, disc: Discourse, tok: Token, pred: str, cands: list[Token],
                   depth: int) -> tuple[list[str], int] | None:
    """The actor named by the agent or subject of ``tok`` ("the Freedonian envoy, Karl Brandt, alleged": the
    envoy), or the one such a word refers to ("the operation", "the ministers", "that"); None when none is."""
    t = ctx.t
    for cand in cands:
        if cand.tag_ in ("WDT", "WP") and tok.dep_ == "relcl" and ctx.key(tok.head) and len(both := [
                k for k in entities_in(ctx, tok.head, multi=True) if ctx.types.get(k) != "Place"]) > 1:
            return both, depth  # "A and B, which have both expelled Y's diplomats": both antecedents
        keys = entities_in(ctx, cand, multi=False)
        if cand.lower_ in t["role_nouns"] or cand.lemma_.lower() in t["role_nouns"]:
            people = [k for k in entities_in(ctx, cand, multi=True) if ctx.types.get(k) == "Official"]
            keys = people or keys  # "the Freedonian envoy to Chile, Karl Brandt, alleged": the envoy, a person
        keys = plural_speakers(ctx, cand, tok, [k for k in keys if ctx.types.get(k) != "Place"])
        if keys:
            return keys, depth
        if (state := _own_forces(ctx, tok, cand)):
            return [state], depth + 1  # "the army said troops killed 12 insurgents": the sayer's troops
        if (claimant := claimed_attack(ctx, cand)):
            return [claimant], depth + 1  # "the army said an air strike killed X, a commander of Y": its strike
        if disc.parties and cand.lemma_.lower() in t["collective_actors"] and \
                any(g.lemma_.lower() in t["role_nouns"] | t["participant_nouns"] for g in cand.subtree):
            return list(disc.parties), depth + 1  # "an assembly of foreign ministers denounced ...": those who met
        if cand.lower_ in t["pair_determiners"] and cand.pos_ == "NUM" and (met := next(
                ([r.subject, r.object] for r in reversed(disc.said) if r.predicate == "met"), None)):
            return met, depth + 1  # "A met his counterpart B, and the two agreed a truce": A and B
        if cand.lemma_.lower() in t["event_nouns"] and pred in ATTACKS and (actor := recalled_actor(ctx, disc, cand, [])):
            return actor, depth + 2  # "the operation targeted X": the attacker of that operation, as a state
        if cand.tag_ in ("WDT", "WP") and tok.dep_ == "relcl" and tok.head.lemma_.lower() in t["event_nouns"]:
            return event_actor(ctx, disc, tok.head, [], pred), depth + 1  # "the US airstrike that killed X"
    return None


def _own_forces(ctx: Context, verb: Token, noun: Token) -> str:
    """The state (or army) of unnamed forces ("troops", "security forces") acting in a clause a party of a state
    reports ("Ruritania's army said soldiers killed 12 insurgents"), or of "government forces" in an article about
    one state most; "" when the forces are qualified ("troops from the other side") or no state is."""
    words = {noun.lemma_.lower(), noun.lower_, noun.lower_.removesuffix("s")}
    if not words & (ctx.t["service_members"] | ctx.t["armed_collectives"]) or \
            any(c.dep_ in ("prep", "relcl", "acl", "poss", "appos") for c in noun.children):
        return ""
    if (reporter := reporting_party(ctx, verb)) is not None:
        return reporter
    if any(c.lower_ in cues().government_words for c in noun.children if c.dep_ in ("compound", "amod")) and ctx.main_countries:
        return ctx.main_countries[0]  # "government forces": the state the article is about
    return ""


def _governor_subjects(ctx: Context, disc: Discourse, tok: Token, pred: str,
                       depth: int) -> tuple[list[str], int] | None:
    """The actor of a subjectless ``tok`` where its governor decides it ("contributed ... by supporting X",
    "in support of X", "a statement condemning X"), or nobody ("characterized the attack as"); None to go on."""
    t, head = ctx.t, tok.head
    head = statement_of_medium(tok) or head  # "a tweet on X blaming Y": the tweet blames
    if tok.pos_ in ("NOUN", "PROPN") and (tok.dep_ == "dobj" and head.lemma_.lower() not in t["light_verbs"] or
                                          tok.dep_ == "oprd" and head.lemma_.lower() in t["designating_verbs"]):
        return [], depth  # "characterized the attack as ...", "what Paris called an attack on Y": the namer did not attack
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in ctx.quantity_nouns:
        return subjects(ctx, disc, head.head, pred, depth + 1)  # "launched a wave of airstrikes": as the wave
    if tok.dep_ == "pcomp" and head.lower_ == "for" and (done := [k for c in head.head.children if c.dep_ == "nsubjpass"
                                                          for k in entities_in(ctx, c, multi=True)]):
        return done, depth + 1  # "X was sanctioned for supplying Y": X supplied Y
    if tok.dep_ == "pcomp" and head.pos_ == "ADP" and head.head is not head and not any(c.dep_ == "pobj" for c in head.children) \
            and head.lower_ != "of":
        return subjects(ctx, disc, head.head, pred, depth + 1)  # "contributed ... by supporting X"
    if tok.dep_ == "pobj" and head.lower_ == "in" and tok.lemma_.lower() in t["purpose_nouns"]:
        return subjects(ctx, disc, head.head, pred, depth + 1)  # "flies fighters to Syria in support of X"
    if tok.dep_ == "acl" and head.lemma_.lower() in t["report_nouns"] and tok.lemma_.lower() not in t["speech_verbs"]:
        # "posted a message blaming Iran", "the ministry's statement condemning X": the author of the message
        own = [k for c in head.children if c.dep_ in ("poss", "compound") for k in entities_in(ctx, c, multi=False)]
        if own:
            return own, depth
        return subjects(ctx, disc, head.head, pred, depth + 1) if head.dep_ == "dobj" else ([], depth)
    if head.lemma_.lower() in t["speech_verbs"] | t["report_nouns"] and tok.dep_ in ("dobj", "ccomp", "acl", "xcomp"):
        return [], depth  # "a statement saying an attack hit X": the speaker is the source, not the attacker
    return None


def _inherited_subjects(ctx: Context, disc: Discourse, tok: Token, pred: str, depth: int) -> tuple[list[str], int]:
    """The actor ``tok`` takes from the words above it: a noun before a gerund, a controlling object
    ("urged Iran to stop": Iran), else the subject of its governing clause (through an adjective: "X was quick to
    condemn")."""
    head = tok.head
    prev = ctx.doc[tok.i - 1] if tok.i > 0 else tok
    if tok.tag_ == "VBG" and (tok.dep_ == "pcomp" or tok.head.i == tok.i - 1) and prev.i < tok.i \
            and (prev.dep_ != "pobj" or prev.head.lower_ == "of") \
            and (k := ctx.key(prev)) and ctx.types.get(k) != "Place":
        return [k], depth  # "reports of Lima saying it had shelled X": the noun before a gerund is its subject
    if tok.dep_ == "acl" and (tok.tag_ in ("VBD", "VBZ") or prev.text == "," and any(c.dep_ == "xcomp" for c in tok.children)) \
            and (k := ctx.key(head)) and ctx.types.get(k) != "Place":
        return [k], depth  # "X, which has ties to both, offered to mediate": a verb of X's the parser hung on X
    verb = head.head.head if head.head.dep_ == "dobj" else head.head  # the parser may hang "in" on the object
    if tok.dep_ == "pobj" and head.lower_ in ctx.t["event_preps"] and head.lower_ != "by" and _harms_by_its_subject(ctx, verb):
        return subjects(ctx, disc, verb, pred, depth + 1)  # "X killed N in a raid on P": X raided P
    if tok.dep_ == "pcomp" and head.pos_ == "ADP" and head.head.pos_ in ("NOUN", "PROPN") and ctx.key(head.head):
        return [ctx.key(head.head)], depth  # "reports of Lima saying it had shelled X"
    if tok.dep_ == "pcomp" and head.pos_ == "ADP":
        for sib in head.children:
            if sib.dep_ == "pobj" and ctx.key(sib):
                return [ctx.key(sib)], depth
        if ctx.t["verb_of"].get(head.head.lemma_.lower()) == "accused" and (found := [  # "X accused Y of shelling Z"
                k for c in head.head.children if c.dep_ == "dobj" for k in entities_in(ctx, c, multi=True)]):
            return found, depth + 1  # Y shelled Z, as X says
    if tok.dep_ in ("xcomp", "conj", "advcl", "acl", "dobj", "pcomp", "ccomp", "oprd", "relcl", "attr") or \
            tok.dep_ == "acomp" and tok.lemma_.lower() in ctx.t["doing_adjectives"] or \
            tok.dep_ == "pobj" and (head.lower_ == "with" or head.lower_ == "for" and pred == "urgedRestraint") \
            and head.head is not head:
        if tok.dep_ == "pobj" or reported_clause_sibling(tok) is not None:
            head = head.head  # "said X would defend ... and warned Y": "warned" joins "said"
        if tok.dep_ == "xcomp":
            # Object control: "urged Iran to stop", "prompting Iran to expel ...": Iran is the one who acts.
            dobj = [c for c in head.children if c.dep_ == "dobj" and ctx.key(c)]
            if dobj and (head.lemma_ in ctx.t["request_words"] or head.lemma_ in ctx.t["object_control_verbs"]):
                return entities_in(ctx, dobj[0], multi=True), depth + 1
        if tok.dep_ == "relcl" or _pronoun_is_the_event(tok, head):
            return [], depth
        return subjects(ctx, disc, head, pred, depth + 1)
    return [], depth


def _harms_by_its_subject(ctx: Context, verb: Token) -> bool:
    """An active verb of harm with a subject ("X killed N", "X destroyed the depot"): an attack named in its "in"
    phrase is the subject's own; not a passive ("N was killed in a raid") nor "N died in a raid"."""
    low = verb.lemma_.lower()
    return verb.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in verb.children) and \
        (ctx.t["verb_of"].get(low) in ("killed", "struck") or low in ctx.harm_verbs)


def _pronoun_is_the_event(tok: Token, head: Token) -> bool:
    """ "It was the second attack this week": a pronoun equated with an event noun is the event, not its actor."""
    return tok.dep_ == "attr" and tok.pos_ == "NOUN" and head.lemma_ == "be" and \
        any(c.dep_ == "nsubj" and c.pos_ == "PRON" for c in head.children)


def participle_agents(noun: Token) -> list[Token]:
    """The by-agents of a participle or passive relative clause on an event noun ("an attack carried out by X",
    "rockets that were fired by X", "a raid thought to have been staged by X"), or of the verb it governs; the one
    an act is pinned on ("an attack blamed on X", "the raid was attributed to X"); the agent of a participle set off
    after the clause that names the act ("two fell in the raid, allegedly staged by X")."""
    out = []
    passive_relative = [c for c in noun.children if c.dep_ == "relcl" and any(g.dep_ == "nsubjpass" for g in c.children)]
    pinned = [noun.head] if noun.dep_ == "nsubjpass" else []  # "the raid was attributed to X"
    for acl in (c for c in noun.children if c.dep_ == "acl" or c in passive_relative):  # "rockets that were fired by X"
        for v in [acl, *(c for c in acl.children if c.dep_ == "xcomp")]:
            out += [g for c in v.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        pinned.append(acl)
    for v in pinned:
        if v.lemma_.lower() in triggers()["attribution_verbs"]:
            out += [g for c in v.children if c.dep_ == "prep" and c.lower_ in triggers()["attribution_preps"]
                    for g in c.children if g.dep_ == "pobj"]
    if noun.dep_ == "pobj" and noun.head.head.pos_ == "VERB":
        out += [g for v in noun.head.head.children if v.dep_ == "advcl" and v.tag_ == "VBN" and v.i > noun.i
                for c in v.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return out


def event_actor(ctx: Context, disc: Discourse, noun: Token, exclude: list[str], pred: str) -> list[str]:
    """Who did the event a noun names: "Pakistan's drone attack", or else who did the event it refers back to."""
    own = subjects(ctx, disc, noun, pred)[0] if noun.pos_ in ("NOUN", "PROPN") else []
    own = [k for k in own if k not in exclude]
    claimant = claimed_attack(ctx, noun) if noun.pos_ == "NOUN" else ""
    return own or ([claimant] if claimant and claimant not in exclude else []) or recalled_actor(ctx, disc, noun, exclude)


def _opposed(ctx: Context, name: Token) -> bool:
    """A name after "anti-" or "counter-": the side an act is against, never its actor."""
    i = name.i
    return i >= 2 and ctx.doc[i - 1].text == "-" and ctx.doc[i - 2].lower_ in ctx.t["opposing_prefixes"]


def _coordinated_left(ctx: Context, tok: Token, left: str) -> list[str]:
    """``left`` and the actors coordinated with it before the event noun ("the U.S. and British strikes": both)."""
    linked = [k for t in tok.lefts for g in t.subtree if (k := ctx.key(g)) and ctx.types.get(k) != "Place" and
              (g.dep_ == "conj" or any(c.dep_ == "conj" and ctx.key(c) for c in g.children))]
    return list(dict.fromkeys(linked)) if left in linked else [left]


def left_actor(ctx: Context, tok: Token) -> str:
    """An actor named just before an event noun, inside its noun phrase: "the IRGC's recent attacks",
    "Iranian strikes", "a suspected Peruvian drone missile strike" (nouns compounded onto the event noun)."""
    i = tok.i - 1
    while i >= 0 and i >= tok.i - 5:
        t = ctx.doc[i]
        if (k := ctx.key(t)) and ctx.types.get(k) != "Place":
            return "" if _opposed(ctx, t) else k  # "an anti-Hezbollah offensive" is against Hezbollah, not by it
        in_phrase = t.dep_ in ("compound", "amod", "nmod") and t.head.i <= tok.i and t.head.i > i
        if not (in_phrase or t.pos_ in ("ADJ", "PUNCT", "PART") or t.tag_ == "POS" or t.lower_ in ctx.t["recency_adjectives"]):
            return ""
        i -= 1
    return ""


def event_author(ctx: Context, disc: Discourse, noun: Token, judges: list[str], pred: str) -> list[str]:
    """Who is judged when an act is: the entity named ("Sylvania was condemned"), else the author of the act
    the phrase names ("the raid", "it", "the decision") as read so far."""
    if noun.pos_ == "PRON" and disc.attacks:
        named = _attack_named_before(ctx, noun)  # "The strike drew condemnation. X called it ...": that strike
        return (recalled_actor(ctx, disc, named, judges) if named is not None else []) or recall_actor(ctx, disc, "", judges)
    if (k := ctx.key(noun)) and ctx.types.get(k) != "Place":
        return [k]
    if noun.pos_ in ("NOUN", "PROPN"):
        if author := event_actor(ctx, disc, noun, judges, pred):
            return author
        act = ctx.t["noun_of"].get(noun.lemma_.lower(), "") or ctx.t["diplomatic_act_nouns"].get(noun.lemma_.lower(), "")
        if act in ctx.t["acts"] and act not in ATTACKS and (imposer := disc.last_actor.get(act)) and imposer not in judges:
            return [imposer]  # "Y denounced the sanctions": whoever imposed them
        if noun.lemma_.lower() in ctx.decision_nouns:  # "the move was criticised": whoever last acted, not spoke
            acts = [r.subject for r in reversed(disc.said) if r.subject not in judges]
            moves = [r.subject for r in reversed(disc.said) if r.subject not in judges and r.predicate in ctx.t["acts"]]
            return (moves or acts)[:1]
    return []


def _attack_named_before(ctx: Context, pronoun: Token) -> Token | None:
    """The attack an event pronoun stands for when a subject or object names one just before it, in its own
    sentence or the one before ("The strike also drew protests. Y called it a violation"); None otherwise."""
    doc, sent = pronoun.doc, pronoun.sent
    before = doc[sent.start - 1].sent if sent.start > 0 else None
    words = [*(before or ()), *doc[sent.start:pronoun.i]]
    return next((t for t in reversed(words) if t.dep_ in ("nsubj", "nsubjpass", "dobj") and t.pos_ == "NOUN" and
                 ctx.t["noun_of"].get(t.lemma_.lower()) in ATTACKS), None)
