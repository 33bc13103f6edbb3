"""Doc and resolved entities in, coded ``Relation`` records out.

Triggers (verbs and event nouns from ``kg/data/triggers.json``) are read over the dependency parse:
subjects from ``nsubj``/passive agents/possessors, inherited through xcomp, conj, advcl and light
verbs ("launched strikes"); targets from objects and frame prepositions, searched down the phrase
("targets within Iranian territory" -> Iran). Modality, attribution, date, place and casualties are
read from the words that govern the trigger.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from .frames import Frame, frame_lists, match_frames
from .lexicon import calibration, triggers
from .schema import CODES, PREDICATES, Article, Entity, Evidence, Relation

__all__ = ["extract_relations"]

_CLAUSE_STOP = {"relcl", "acl", "advcl", "ccomp", "csubj", "parataxis", "mark", "punct", "cc", "det", "aux", "auxpass", "neg"}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_SMALL_NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty".split())}
_MULTI_TARGET = {"struck", "retaliatedAgainst", "sanctioned", "mediated", "met", "negotiatedCeasefire", "urgedRestraint"}
_DIPLOMATIC = {"summoned", "expelledDiplomat", "recalledAmbassador"}


class _Reader:
    """Reads one article's relations; holds the token -> entity map and the running event context."""

    def __init__(self, doc: Doc, article: Article, entities: list[Entity], token_key: dict[int, str]):
        self.doc, self.article, self.token_key = doc, article, token_key
        self.types = {e.key: e.type for e in entities}
        self.affiliation = {e.key: e.affiliation for e in entities if e.affiliation}
        self.t = triggers()
        words = frame_lists()  # the frames' word lists, shared with the discourse rules below
        self.decision_nouns = words["document_nouns"]
        self.weapon_words = words["weapon_nouns"] | words["air_words"]
        self.hostile_acts = words["hostile_act_nouns"]
        self.criticised_things = words["criticised_things"]
        self.holder_nouns = words["holder_nouns"]
        self.out: list[Relation] = []
        self.last_actor: dict[str, str] = {}  # the latest actor read for each predicate, named target or not
        self.current_pred = ""
        self.pending_targets: list[str] = []
        self.parties: list[str] = []
        self.untargeted_actor = ""  # officials who meet in the article (see meeting_parties)
        # (family, actor, named in the plural, instruments) of the attacks read so far
        self.events: list[tuple[str, str, bool, frozenset[str]]] = []
        mentions = Counter(e.key for e in entities for _ in range(e.mentions) if e.type == "Country")
        self.main_countries = [k for k, _ in mentions.most_common(3)]

    # -- entity search -------------------------------------------------------------------
    def key(self, tok: Token) -> str:
        return self.token_key.get(tok.i, "")

    def entities_in(self, tok: Token, *, multi: bool, skip: frozenset[str] = frozenset(),
                    nationality_is_state: bool = True) -> list[str]:
        """Entity keys named in the phrase headed by ``tok``, shallowest first. Without ``nationality_is_state``
        a country named only as the nationality of an unnamed person or body ("the Syrian central bank", "three
        Russian businessmen": ``holder_nouns`` in kg/data/frames.json) is skipped: sanctions on a state's firm or citizens are not sanctions on the state."""
        found: list[str] = []
        frontier = [tok]
        seen = set()
        while frontier:
            nxt = []
            level: list[str] = []
            for t in frontier:
                if t.i in seen:
                    continue
                seen.add(t.i)
                if k := self.key(t):
                    if not nationality_is_state and t.dep_ in ("amod", "compound", "nmod") and \
                            t.head.lemma_.lower() in self.holder_nouns and self.types.get(k) == "Country" and not self.key(t.head):
                        continue
                    # A name and the names coordinated with it are one level; the rest of its subtree is the name.
                    for k2 in [k, *self.coordinated(t, seen)]:
                        if k2 not in skip and k2 not in found and k2 not in level:
                            level.append(k2)
                    continue
                if t.lemma_.lower() in ("border", "frontier", "boundary", "counterpart", "counterparts") and t is not tok:
                    continue  # "near the Pakistan-Iran border" names no target; counterparts are named in apposition
                named_appos = any(c.dep_ == "appos" and any(self.key(g) for g in c.subtree) for c in t.children)
                for c in t.children:
                    if c.dep_ in _CLAUSE_STOP and not (c.dep_ == "acl" and c.lemma_.lower() in ("belong", "own", "operate", "run")):
                        continue
                    if named_appos and c.dep_ in ("amod", "compound", "poss"):
                        continue  # "his Greek and French counterparts, A and B": the people, not their countries
                    if c.dep_ == "nsubj" and t.pos_ in ("VERB", "AUX"):
                        continue  # "what Iran considers X bases": the considerer is not a target
                    if c.dep_ == "poss" and t.lower_ in ("province", "region", "district", "city", "village", "state", "county", "territory"):
                        continue  # "Iran's Sistan province": the province is the target
                    nxt.append(c)
            if level:
                found.extend(level)
                if not multi:
                    break
            frontier = nxt
        return found

    def coordinated(self, tok: Token, seen: set[int]) -> list[str]:
        """Keys of the names coordinated with or in apposition to ``tok``: "Pakistan and Iran", "A, B and C"."""
        out = []
        for c in tok.children:
            if c.dep_ in ("conj", "appos") and c.i not in seen:
                seen.add(c.i)
                k = self.key(c)
                if k:
                    out.append(k)
                else:  # "A and his counterparts, B and C": the names in apposition to a keyless conjunct
                    for a in c.children:
                        if a.dep_ == "appos" and a.i not in seen and (ka := self.key(a)):
                            seen.add(a.i)
                            out.append(ka)
                            out.extend(self.coordinated(a, seen))
                out.extend(self.coordinated(c, seen))
        return out

    # -- arguments -----------------------------------------------------------------------
    def subjects(self, tok: Token, depth: int = 0) -> tuple[list[str], int]:
        """Actor keys of the event at ``tok`` and how far up the parse they were found."""
        if depth > 4:
            return [], depth
        subj = [c for c in tok.children if c.dep_ in ("nsubj", "csubj")]
        agent = [gc for c in tok.children if c.dep_ == "agent" for gc in c.children if gc.dep_ == "pobj"]
        if tok.pos_ in ("NOUN", "PROPN"):
            left = self.left_actor(tok)
            if left:
                return [left], depth
            own = [c for c in tok.children if c.dep_ in ("poss", "compound", "amod", "nmod") and self.key(c)]
            by = [gc for c in tok.children if c.dep_ == "prep" and c.lower_ == "by" for gc in c.children if gc.dep_ == "pobj"]
            for cand in own + by + self.participle_agents(tok):
                if keys := self.entities_in(cand, multi=False):
                    return keys, depth
        for cand in agent + subj:
            keys = self.entities_in(cand, multi=False)
            if cand.lower_ in self.t["role_nouns"] or cand.lemma_.lower() in self.t["role_nouns"]:
                people = [k for k in self.entities_in(cand, multi=True) if self.types.get(k) == "Official"]
                keys = people or keys  # "the Freedonian envoy to Chile, Karl Brandt, alleged": the envoy, a person
            keys = [k for k in keys if self.types.get(k) != "Place"]
            if keys:
                return keys, depth
            if self.parties and cand.lemma_.lower() in self.t["collective_actors"] and \
                    any(g.lemma_.lower() in self.t["role_nouns"] | {"participant"} for g in cand.subtree):
                return list(self.parties), depth + 1  # "an assembly of foreign ministers denounced ...": those who met
            if cand.lemma_.lower() in self.t["event_nouns"] and self.current_pred in ("struck", "killed", "retaliatedAgainst") \
                    and (actor := self.recalled_actor(cand, [])):
                return actor, depth + 2  # "the operation targeted X": the attacker of that operation, as a state
            if cand.tag_ in ("WDT", "WP") and tok.dep_ == "relcl" and tok.head.lemma_.lower() in self.t["event_nouns"]:
                return self.event_actor(tok.head, []), depth + 1  # "the US airstrike that killed X": the airstrike's actor
        if tok.pos_ == "VERB" and tok.i > 0 and (k := self.key(self.doc[tok.i - 1])) and self.types.get(k) != "Place" \
                and self.doc[tok.i - 1].dep_ != "dobj":
            return [k], depth + 1  # "as Pakistan retaliated" mis-parsed: the name right before the verb
        if subj:
            return [], depth
        head = tok.head
        if head is tok:
            return [], depth
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "dobj" and head.lemma_.lower() not in self.t["light_verbs"]:
            return [], depth  # "characterized the attack as ...": the characteriser did not attack
        if tok.dep_ == "pcomp" and head.pos_ == "ADP" and head.head is not head and not any(c.dep_ == "pobj" for c in head.children) \
                and head.lower_ != "of":
            return self.subjects(head.head, depth + 1)  # "contributed ... by supporting X"
        if tok.dep_ == "pobj" and head.lower_ == "in" and tok.lemma_.lower() in ("support", "retaliation", "response", "solidarity"):
            return self.subjects(head.head, depth + 1)  # "flies fighters to Syria in support of X"
        if tok.dep_ == "acl" and head.lemma_.lower() in self.t["report_nouns"] and tok.lemma_.lower() not in self.t["speech_verbs"]:
            # "posted a message blaming Iran", "the ministry's statement condemning X": the author of the message
            own = [k for c in head.children if c.dep_ in ("poss", "compound") for k in self.entities_in(c, multi=False)]
            if own:
                return own, depth
            return self.subjects(head.head, depth + 1) if head.dep_ == "dobj" else ([], depth)
        if head.lemma_.lower() in self.t["speech_verbs"] | self.t["report_nouns"] and tok.dep_ in ("dobj", "ccomp", "acl", "xcomp"):
            return [], depth  # "a statement saying an attack hit X": the speaker is the source, not the attacker
        prev = self.doc[tok.i - 1] if tok.i > 0 else tok
        if tok.tag_ == "VBG" and (tok.dep_ == "pcomp" or tok.head.i == tok.i - 1) and prev.i < tok.i \
                and (prev.dep_ != "pobj" or prev.head.lower_ == "of") \
                and (k := self.key(prev)) and self.types.get(k) != "Place":
            return [k], depth  # "reports of Lima saying it had shelled X": the noun before a gerund is its subject
        if tok.dep_ == "pcomp" and head.pos_ == "ADP" and head.head.pos_ in ("NOUN", "PROPN") and self.key(head.head):
            return [self.key(head.head)], depth  # "reports of Lima saying it had shelled X"
        if tok.dep_ == "pcomp" and head.pos_ == "ADP":
            for sib in head.children:
                if sib.dep_ == "pobj" and self.key(sib):
                    return [self.key(sib)], depth
        if tok.dep_ in ("xcomp", "conj", "advcl", "acl", "dobj", "pcomp", "ccomp", "oprd", "relcl", "attr") or \
                tok.dep_ == "pobj" and (head.lower_ == "with" or head.lower_ == "for" and self.current_pred == "urgedRestraint") \
                and head.head is not head:
            if tok.dep_ == "pobj":
                head = head.head
            if tok.dep_ == "xcomp":
                # Object control: "urged Iran to stop" -> Iran is the one who stops.
                dobj = [c for c in head.children if c.dep_ == "dobj" and self.key(c)]
                if dobj and head.lemma_ in self.t["request_words"]:
                    return self.entities_in(dobj[0], multi=True), depth + 1
            if tok.dep_ == "relcl":
                return [], depth
            return self.subjects(head, depth + 1)
        return [], depth

    def participle_agents(self, noun: Token) -> list[Token]:
        """The by-agents of a participle on an event noun: "an attack carried out by X", "a raid, believed to be
        the work of ... / thought to have been staged by X" (the participle's own agent, or that of the verb it governs)."""
        out = []
        for acl in (c for c in noun.children if c.dep_ == "acl"):
            for v in [acl, *(c for c in acl.children if c.dep_ == "xcomp")]:
                out += [g for c in v.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        return out

    def event_actor(self, noun: Token, subjects: list[str]) -> list[str]:
        """Who did the event a noun names: "Pakistan's drone attack", or else who did the event it refers back to."""
        own = self.subjects(noun)[0] if noun.pos_ in ("NOUN", "PROPN") else []
        own = [k for k in own if k not in subjects]
        return own or self.recalled_actor(noun, subjects)

    def recalled_actor(self, noun: Token, subjects: list[str]) -> list[str]:
        """The actor, as a state, of the latest attack read so far that ``noun`` can refer back to: "the strike"
        is the airstrike of two sentences ago, not a town taken over in between; "the operation" is any of them."""
        return self.recall(self.event_family(noun.lemma_.lower()), subjects, singular=noun.tag_ in ("NN", "NNP"),
                           instruments=self.instruments(noun))

    def recall(self, family: str, subjects: list[str], singular: bool = False,
               instruments: frozenset[str] = frozenset()) -> list[str]:
        """The latest attack that fits: "the drone strike" prefers an earlier drone strike to a bombing read since,
        and a singular "the attack" an attack named in the singular ("an airstrike") to "attacks" in general."""
        for same_means in (True, False) if instruments else (False,):
            for number_agrees in (True, False) if singular else (False,):
                for seen, actor, plural, means in reversed(self.events):
                    if family in ("", seen) and actor not in subjects and not (number_agrees and plural) and \
                            not (same_means and not means & instruments):
                        return [self.affiliation.get(actor) or actor]
        return []

    def instruments(self, noun: Token) -> frozenset[str]:
        """The weapons an attack noun names: "drone" in "a drone strike", "missile" in "missile attacks"."""
        own = {noun.lemma_.lower()} & self.weapon_words  # "the drone fired": the drone itself
        return frozenset(own | {c.lemma_.lower() for c in noun.children
                                if c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in self.weapon_words})

    def event_family(self, lemma: str) -> str:
        """"attack" for the words of an armed attack, the lemma itself for other events, "" for generic nouns."""
        if lemma in self.t["generic_event_nouns"]:
            return ""
        return "attack" if lemma in self.t["attack_words"] else lemma

    def left_actor(self, tok: Token) -> str:
        """An actor named just before an event noun, inside its noun phrase: "the IRGC's recent attacks",
        "Iranian strikes", "a suspected Peruvian drone missile strike" (nouns compounded onto the event noun)."""
        i = tok.i - 1
        while i >= 0 and i >= tok.i - 5:
            t = self.doc[i]
            if (k := self.key(t)) and self.types.get(k) != "Place":
                return k
            in_phrase = t.dep_ in ("compound", "amod", "nmod") and t.head.i <= tok.i and t.head.i > i
            if not (in_phrase or t.pos_ in ("ADJ", "PUNCT", "PART") or t.tag_ == "POS" or t.lower_ in ("recent", "latest")):
                return ""
            i -= 1
        return ""

    def targets(self, tok: Token, pred: str, subjects: list[str]) -> list[str]:
        multi = pred in _MULTI_TARGET
        skip = frozenset(subjects)
        whole = pred != "sanctioned"
        preps = frozenset(self.t["target_preps"].get(pred, ()))
        found: list[str] = []
        if tok.pos_ in ("VERB", "AUX"):
            for c in tok.children:
                if c.dep_ in ("dobj", "nsubjpass", "dative", "attr") or c.dep_ == "xcomp" and c.pos_ == "NOUN":
                    found += self.entities_in(c, multi=multi, skip=skip, nationality_is_state=whole)
        for c in tok.children:
            if c.dep_ in ("prep", "agent") and c.lower_ in preps | {"targeting"}:
                for gc in c.children:
                    if gc.dep_ in ("pobj", "pcomp"):
                        found += self.entities_in(gc, multi=multi, skip=skip, nationality_is_state=whole)
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "dobj" and tok.head.lemma_.lower() in self.t["light_verbs"]:
            # "began an offensive into Syria": the light verb carries the noun's frame
            for c in tok.head.children:
                if c.dep_ == "prep" and c.lower_ in preps:
                    for gc in c.children:
                        if gc.dep_ in ("pobj", "pcomp"):
                            found += self.entities_in(gc, multi=multi, skip=skip, nationality_is_state=whole)
        if tok.pos_ in ("NOUN", "PROPN"):
            for c in tok.children:
                if c.dep_ in ("compound", "amod") and (k := self.key(c)) and k not in skip and k not in subjects:
                    if self.types.get(k) != "Country" or pred in ("sanctioned", "supported"):
                        found.append(k)
        return list(dict.fromkeys(k for k in found if k not in skip))

    # -- governors: modality, source -----------------------------------------------------------
    def governors(self, tok: Token) -> list[Token]:
        chain, t = [], tok
        while t.head is not t and len(chain) < 5 and t.dep_ in ("xcomp", "ccomp", "dobj", "acl", "advcl", "pobj", "prep", "pcomp", "conj", "relcl", "oprd", "nsubj"):
            t = t.head
            chain.append(t)
        return chain

    def modality(self, tok: Token, chain: list[Token]) -> str:
        t = self.t
        for g in [tok, *chain[:2]]:
            if any(c.dep_ == "neg" for c in g.children):
                return "negated"
        lemmas = [g.lemma_.lower() for g in chain]
        if any(l in t["negating_words"] for l in lemmas):
            return "negated"
        conditional = any(c.lower_ == "if" for g in [tok, *chain[:1]] for c in g.children if c.dep_ == "mark")
        if not conditional and any(l in t["threat_words"] for l in lemmas[:2]):
            return "threatened"  # "warned it would retaliate": the warning makes the future act a threat
        would = any(c.lower_ in t["hypothetical_aux"] for c in tok.children if c.dep_ == "aux")
        if would and not conditional and self.current_pred in ("struck", "retaliatedAgainst", "killed") and \
                any(l in t["speech_verbs"] for l in lemmas[:2]):
            return "threatened"  # "said it would strike back at any attack by X": announced force
        if would and not conditional and self.current_pred == "threatened":
            return "asserted"  # "would respond to any attack by X" is the threat itself, stated
        if would or conditional:
            return "hypothetical"
        if any(l in t["offer_words"] for l in lemmas[:3]) or tok.lemma_ == "offer":
            return "offered"
        if any(l in t["request_words"] for l in lemmas[:1]) and self.current_pred != "urgedRestraint":
            return "requested"
        return "asserted"

    def source(self, chain: list[Token], subjects: list[str]) -> str:
        for g in chain:
            if g.lemma_.lower() in self.t["speech_verbs"]:
                for c in g.children:
                    if c.dep_ == "nsubj":
                        keys = self.entities_in(c, multi=False)
                        if keys and keys[0] not in subjects:
                            return keys[0]
                return ""
        return ""

    def speech_verb_above(self, tok: Token, levels: int = 8) -> Token | None:
        """The nearest speech verb ``tok`` hangs under: "said [the SDF would stop [the aggression]]"."""
        up = tok.head
        for _ in range(levels):
            if up.lemma_.lower() in self.t["speech_verbs"]:
                return up
            if up.head is up:
                return None
            up = up.head
        return None

    # -- sentence facts ------------------------------------------------------------------
    def sentence_date(self, sent: Span) -> str:
        if not self.article.date:
            return ""
        base = date.fromisoformat(self.article.date)
        for tok in sent:
            if tok.lower_ in _WEEKDAYS and tok.ent_type_ == "DATE":
                delta = (base.weekday() - _WEEKDAYS.index(tok.lower_)) % 7
            elif tok.lower_ == "yesterday" and tok.ent_type_ == "DATE":
                delta = 1
            else:
                continue
            try:
                return (base - timedelta(days=delta)).isoformat()
            except OverflowError:  # an article dated in the first days of year 1: keep its own date
                return self.article.date
        return self.article.date

    def casualties(self, sent: Span) -> int:
        for tok in sent:
            if not tok.like_num:
                continue
            head = tok.head
            if head.lower_ in self.t["casualty_nouns"] or head.lemma_.lower() in self.t["casualty_nouns"]:
                value = _number(tok.text)
                if value >= 0:
                    return value
        return -1

    def place(self, tok: Token, target_keys: list[str]) -> str:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "near", "at", "inside", "within"):
                for k in self.entities_in(c, multi=False):
                    if self.types.get(k) == "Place":
                        return k
        return next((k for k in target_keys if self.types.get(k) == "Place"), "")

    # -- main ----------------------------------------------------------------------------
    def trigger_predicate(self, tok: Token) -> str:
        lemma = tok.lemma_.lower()
        t = self.t
        if tok.lower_ in t["blame_nouns"] and tok.dep_ in ("attr", "ccomp", "xcomp", "oprd") and any(c.dep_ == "poss" and self.key(c) for c in tok.children):
            return "blamed"  # "said the crash was Iran's doing" (spaCy tags "doing" a verb or a noun)
        if tok.pos_ in ("ADJ", "VERB") and tok.lower_ in t["displeasure_words"] and any(
                c.dep_ in ("prep", "agent") and c.lower_ in ("by", "with", "over", "at") for c in tok.children):
            return "condemned"  # "was disappointed by the decision"
        if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
            pred = t["verb_of"].get(lemma, "")
            if pred and lemma in t["light_verbs"] and any(c.dep_ == "dobj" and t["noun_of"].get(c.lemma_.lower()) for c in tok.children):
                return ""  # "executed strikes": the noun is the event, the verb only carries it
            if pred == "expelledDiplomat" and not any(
                    c.lemma_.lower() in t["relation_nouns"] or self.types.get(self.key(c)) == "Country"
                    for c in tok.children if c.dep_ in ("dobj", "nsubjpass")):
                return ""
            if pred == "recalledAmbassador" and not any(c.lemma_.lower() in t["relation_nouns"] for c in tok.children if c.dep_ == "dobj"):
                return ""
            if lemma in ("reduce", "cut", "sever", "downgrade", "suspend", "break") and \
                    any(c.lemma_.lower() in ("tie", "ties", "relation", "relations") for c in tok.children if c.dep_ == "dobj"):
                return "recalledAmbassador"
            if lemma in self.t["designating_verbs"] and any(
                    c.dep_ == "prep" and c.lower_ == "as" and any(g.lemma_.lower() in self.t["condemning_nouns"] for g in c.subtree)
                    or c.dep_ == "oprd" and c.lemma_.lower() in self.t["condemning_nouns"] for c in tok.children):
                return "condemned"  # "characterized the attack as a violation of sovereignty"
            if lemma in self.t["designating_verbs"] and any(
                    c.dep_ == "prep" and c.lower_ == "as" and any(g.lemma_.lower() in self.t["accusing_nouns"] for g in c.subtree)
                    or c.dep_ == "oprd" and c.lemma_.lower() in self.t["accusing_nouns"] for c in tok.children):
                return "accused"  # "named X and Y as terrorists"
            if lemma in ("suspend", "revoke", "cancel", "freeze", "withdraw") and any(
                    c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in t["permit_nouns"] for c in tok.children):
                return "sanctioned"  # "revoked the airline's landing permit"
            if lemma == "take" and any(c.dep_ == "prt" and c.lower_ == "over" for c in tok.children):
                return "struck"  # "the group took over a third of the country"
            if pred == "struck" and any(c.dep_ == "dobj" and c.lemma_.lower() in self.criticised_things for c in tok.children):
                return "condemned"  # "attacked the proclamation", "slammed the decision": words, aimed at its author
            if lemma in ("fight", "combat") and any(c.dep_ == "dobj" and self.key(c) for c in tok.children):
                return "struck"
            if lemma in ("speak", "rail", "protest", "lash") and any(c.dep_ == "prep" and c.lower_ == "against" for c in tok.children) or \
                    lemma == "speak" and any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children):
                return "condemned"  # "spoke out against the attack"
            if lemma in self.t["backing_words"] and tok.dep_ in ("amod", "acl") and any(self.key(c) for c in tok.children):
                return "backedBy"
            if lemma in ("join", "attend") and any(c.dep_ == "dobj" and c.lemma_.lower() in ("talk", "meeting", "summit", "negotiation")
                                                   for c in tok.children):
                return "joinedMeeting"
            if lemma in ("speak", "talk") and any(c.dep_ == "prep" and (c.lower_ == "with" or any(g.lower_ in ("phone", "telephone") for g in c.subtree)) for c in tok.children):
                return "met"
            if lemma == "engage" and any(c.dep_ == "prep" and c.lower_ == "in" for c in tok.children):
                return ""
            if lemma in ("fire", "fight") and not any(c.dep_ == "prep" and c.lower_ in ("at", "on", "against", "upon") for c in tok.children):
                return ""
            return pred
        if tok.pos_ in ("NOUN", "PROPN"):
            if lemma == "response" and not (tok.dep_ == "pobj" and tok.head.lower_ == "in"):
                return ""  # only "in response to the strike" is a reprisal; "Iran's response to the letter" is not
            if t["noun_of"].get(lemma) == "retaliatedAgainst" and not self.hostile_cause(tok):
                return ""  # "in response to the pandemic", "in response to her death": no act of anyone's to answer
            if lemma in t["judgement_nouns"] and any(c.dep_ in ("amod", "poss", "compound") and self.key(c) for c in tok.children):
                return "denounced"  # "... stop [the Turkish] aggression", said X: X condemns Turkey
            return t["noun_of"].get(lemma, "") or t["noun_of"].get(tok.lower_, "")
        if tok.pos_ == "ADJ" and lemma in t["condemn_adjectives"]:
            return "condemned"

        if tok.pos_ in ("ADJ", "VERB") and lemma in t["backing_words"] and tok.dep_ in ("amod", "acl") and \
                any(self.key(c) for c in tok.children):
            return "backedBy"
        if tok.pos_ == "ADJ" and lemma in t["praise_adjectives"]:
            return "supported"
        return ""

    def hostile_cause(self, tok: Token) -> bool:
        """Whether a reprisal noun answers a hostile act: "in response to the strikes", "in retaliation for X's
        expulsion of ...", or a party named as its cause ("in response to Peru"), not a disease or a death."""
        causes = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("to", "for", "against")
                  for g in c.children if g.dep_ == "pobj"]
        if not causes:
            return True  # "X struck in retaliation": the cause is told elsewhere
        for n in causes:
            lemma = n.lemma_.lower()
            if lemma in self.t["attack_words"] or lemma in self.t["event_nouns"] or self.t["verb_of"].get(lemma) or \
                    self.t["noun_of"].get(lemma) or lemma in self.hostile_acts:
                return True
            if self.types.get(self.key(n)) in ("Country", "Group", "Organization"):
                return True
        return False

    def meeting_parties(self) -> list[str]:
        """Officials who meet in the article ("A and his counterparts, B and C, gathered"), for later "the ministers"."""
        for tok in self.doc:
            if self.trigger_predicate(tok) == "met":
                people = [k for k in self.subjects(tok)[0] if self.types.get(k) == "Official"]
                if len(people) > 1:
                    return people
        return []

    def read(self) -> list[Relation]:
        self.parties = self.meeting_parties()
        by_trigger: dict[int, list[tuple[Frame, dict[str, Token]]]] = {}
        for frame, roles in match_frames(self.doc):
            by_trigger.setdefault(roles["trigger"].i, []).append((frame, roles))
        for sent in self.doc.sents:
            for tok in sent:
                replaced = False
                for frame, roles in by_trigger.get(tok.i, ()):
                    self.read_frame(frame, roles, sent)
                    replaced |= frame.replaces_trigger  # the construction is there: the word's own reading is wrong
                if replaced or self.claims_responsibility(tok, sent) or self.located_event(tok, sent) or \
                        self.victims_named(tok, sent):
                    continue
                pred = self.trigger_predicate(tok)
                if pred:
                    self.read_trigger(tok, pred, sent)
        return self.out

    def read_frame(self, frame: Frame, roles: dict[str, Token], sent: Span) -> bool:
        """Emit what one frame match states; True when it named both parties."""
        tok = roles["trigger"]
        pred = frame.predicate or self.trigger_predicate(tok)
        if not pred or pred not in PREDICATES:
            return False
        if pred == "retaliatedAgainst" and tok.pos_ == "NOUN" and not self.hostile_cause(tok):
            return False  # "in response to the pandemic"
        self.current_pred = pred
        actors = [k for k in self.entities_in(roles["actor"], multi=False) if self.types.get(k) != "Place"] \
            if "actor" in roles else []
        if not actors and frame.actor_from_clause:
            actors = [k for k in self.subjects(tok)[0] if self.types.get(k) != "Place"]
        if not actors and frame.actor_of_trigger:
            actors = self.event_actor(tok, [])  # "a Peruvian drone strike killed ...", or the attacker read before
        if not actors and frame.actor_from_discourse:
            actors = [self.last_actor[pred]] if pred in self.last_actor else []
        elif actors:
            self.last_actor[pred] = actors[0]  # "X imposed sanctions on a firm": X sanctions whom the article names next
        targets: list[str] = []
        if "target" in roles:
            target = roles["target"]
            if frame.target_is_event:
                targets = self.event_author(target, actors)
            else:
                targets = self.entities_in(target, multi=True, skip=frozenset(actors),
                                           nationality_is_state=pred != "sanctioned")
            if frame.list_after_colon and target.tag_ == "NNS":
                targets += [k for k in self.colon_list(target) if k not in targets and k not in actors]
        if not targets and frame.target_of_trigger and actors:
            targets = self.targets(tok, pred, actors) or [k for k in self.pending_targets if k not in actors]
        if frame.pairwise and not targets:
            pairs = [([a], [b]) for i, a in enumerate(actors) for b in actors[i + 1:]]
            pairs += [(b, a) for a, b in pairs] if frame.mutual else []
        else:
            pairs = [(actors, targets)]
        chain = self.governors(tok)
        emitted = False
        if frame.between_targets and len(targets) > 1:
            pairs += [([a], [b]) for i, a in enumerate(targets) for b in targets[i + 1:]]
        for n, (subjects, objects) in enumerate(pairs):
            if n and frame.between_targets and not frame.pairwise:
                pred = frame.between_targets
            if subjects and objects:
                for p in (pred, *frame.also) if n == 0 else (pred,):
                    self.emit(subjects, p, objects, tok, sent, chain, 1, code=frame.code if p == pred else "",
                              confidence=frame.confidence, remember=frame.remember)
                emitted = True
        return emitted

    def colon_list(self, noun: Token) -> list[str]:
        """The names listed after a colon that closes the clause of a plural noun: "sanctions on three
        bankers on Monday: A, B and C" names A, B and C (people, groups and organisations only)."""
        end = min(len(self.doc), noun.i + 10)
        colon = next((t for t in self.doc[noun.i + 1:end] if t.text == ":"), None)
        if colon is None:
            return []
        keys: list[str] = []
        for t in self.doc[colon.i + 1:]:
            if t.text in (".", ";", "!", "?") or t.text == "\n":
                break
            k = self.key(t)
            if k and k not in keys and self.types.get(k) in ("Official", "Organization", "Group"):
                keys.append(k)
        return keys

    def event_author(self, noun: Token, judges: list[str]) -> list[str]:
        """Who is judged when an act is: the entity named ("Sylvania was condemned"), else the author of the act
        the phrase names ("the raid", "it", "the decision") as read so far."""
        if noun.pos_ == "PRON" and self.events:
            return self.recall("", judges)
        if (k := self.key(noun)) and self.types.get(k) != "Place":
            return [k]
        if noun.pos_ in ("NOUN", "PROPN"):
            if author := self.event_actor(noun, judges):
                return author
            if noun.lemma_.lower() in self.decision_nouns:  # "the decision was criticised": whoever acted last
                return next(([r.subject] for r in reversed(self.out) if r.subject not in judges), [])
        return []

    def located_event(self, tok: Token, sent: Span) -> bool:
        """"The raid happened in Chile, near the port": the raid's actor struck those places."""
        lemma = tok.lemma_.lower()
        if not (lemma in ("occur", "happen") or lemma == "take" and any(c.lower_ == "place" for c in tok.children)):
            return False
        noun = next((c for c in tok.children if c.dep_ == "nsubj" and self.trigger_predicate(c) == "struck"), None)
        if noun is None:
            return False
        actors = self.subjects(noun)[0] or ([self.untargeted_actor] if self.untargeted_actor else self.event_actor(noun, []))
        places = [k for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "at", "near", "on")
                  for g in c.children if g.dep_ == "pobj" for k in self.entities_in(g, multi=True)]
        if actors and places:
            self.emit(actors, "struck", places, noun, sent, [tok], 2, anaphoric=True)
        return bool(actors and places)

    def victims_named(self, tok: Token, sent: Span) -> bool:
        """"The victims included X and Y", "the dead include X": the attacker of the attack just read killed them."""
        if tok.lemma_.lower() not in ("include", "be") or not any(
                c.dep_ == "nsubj" and c.lemma_.lower() in self.t["victim_nouns"] for c in tok.children):
            return False
        victims = [k for c in tok.children if c.dep_ in ("dobj", "attr")  # the named victims, not "an X official"
                   for k in [self.key(c), *self.coordinated(c, set())] if self.types.get(k) in ("Official", "Group")]
        actors = self.recall("attack", victims)
        if actors and victims:
            self.current_pred = "killed"
            self.emit(actors, "killed", victims, tok, sent, self.governors(tok), 2, anaphoric=True, family="attack")
        return bool(actors and victims)

    def claims_responsibility(self, tok: Token, sent: Span) -> bool:
        """"X claimed responsibility for the attacks": X struck what those attacks hit."""
        if tok.lemma_.lower() not in ("claim", "accept", "take", "admit") or \
                not any(c.dep_ == "dobj" and c.lemma_.lower() == "responsibility" for c in tok.children):
            return False
        subjects, depth = self.subjects(tok)
        targets = []
        for c in tok.children:
            if c.dep_ == "dobj":
                for p in c.children:
                    if p.dep_ == "prep" and p.lower_ == "for":
                        for n in p.children:
                            targets += self.entities_in(n, multi=True, skip=frozenset(subjects))
        targets = targets or self.pending_targets
        if subjects and targets:
            self.emit(subjects, "struck", targets, tok, sent, self.governors(tok), depth, family="attack")
        return bool(subjects and targets)

    def read_trigger(self, tok: Token, pred: str, sent: Span) -> None:
        t = self.t
        chain = self.governors(tok)
        self.current_pred = pred
        if pred == "joinedMeeting":
            # "X joined the talks": X met those who were meeting
            subjects, depth = self.subjects(tok)
            self.current_pred = "met"
            others = [k for k in self.parties if k not in subjects]
            self.emit(subjects, "met", others, tok, sent, chain, depth + 1)
            return
        if pred == "blamed":
            # "X said the crash was Iran's doing": the speaker accuses the possessor
            speech = self.speech_verb_above(tok)  # "said [the crash was [Iran's doing]]"
            subjects, depth = self.subjects(speech) if speech is not None else ([], 0)
            targets = [k for c in tok.children if c.dep_ == "poss" for k in self.entities_in(c, multi=False, skip=frozenset(subjects))]
            self.current_pred = "accused"
            self.emit(subjects, "accused", targets, tok, sent, chain, depth + 1)
            return
        if pred == "denounced":
            # a speaker who calls someone's act "aggression" or "crimes" condemns its author
            speech = self.speech_verb_above(tok)
            subjects, depth = self.subjects(speech) if speech is not None else ([], 0)
            targets = [k for c in tok.children if c.dep_ in ("amod", "poss", "compound")
                       for k in self.entities_in(c, multi=False, skip=frozenset(subjects))]
            self.current_pred = "condemned"
            self.emit(subjects, "condemned", targets, tok, sent, chain, depth + 1)
            return
        if pred == "backedBy":
            # "an Iranian-backed militia": the backer supports the thing the phrase names
            backers = [self.key(c) for c in tok.children if self.key(c)]
            noun = tok.head
            backed = self.key(noun) or (self.key(noun.head) if noun.dep_ == "appos" else "")
            if not backed and noun.dep_ == "appos":  # "the PMF, an Iranian-backed militia" attached further up
                backed = next((self.key(t) for t in reversed(self.doc[max(sent.start, tok.i - 8) : tok.i])
                               if self.types.get(self.key(t)) in ("Group", "Organization")), "")
            if backed:
                self.current_pred = "supported"
                self.emit(list(dict.fromkeys(backers)), "supported", [backed], tok, sent, chain, 0)
            return
        if pred == "condemned" and tok.lower_ in t["displeasure_words"]:
            subjects, depth = self.subjects(tok)
            if not subjects:  # "X was disappointed by ...": the passive subject is the one displeased
                subjects = [k for c in tok.children if c.dep_ == "nsubjpass" for k in self.entities_in(c, multi=False)]
            targets = []
            for c in tok.children:
                if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "with", "over", "at"):
                    for n in c.children:
                        targets += self.entities_in(n, multi=False, skip=frozenset(subjects)) or \
                            (self.event_actor(n, subjects) if n.lemma_.lower() in t["event_nouns"] else [])
            self.emit(subjects, pred, targets, tok, sent, chain, depth)
            return
        if pred in ("condemned", "supported") and tok.pos_ == "ADJ":
            judge = next((g for g in chain if g.lemma_.lower() in t["judging_verbs"]), None)
            first = tok
            while first.dep_ == "conj" and first.head is not first:
                first = first.head  # "swift, forceful and decisive"
            judged = first.head if first.dep_ == "amod" else None
            if judge is None and judged is not None and judged.dep_ in ("dobj", "oprd") and \
                    judged.head.lemma_.lower() in t["judging_verbs"]:
                judge = judged.head  # "deems the action unacceptable" parsed with the adjective on the noun
            if judge is None:
                return
            subjects, depth = self.subjects(judge)
            for g in self.governors(judge) if not subjects else []:
                subjects, depth = self.subjects(g)  # "found the strike justified and called X's order decisive"
                if subjects:
                    break
            targets = []
            for c in [*judge.children, *tok.children]:
                if c.dep_ in ("dobj", "nsubjpass", "oprd") or c.dep_ == "nsubj" and c.head is tok:
                    if c.dep_ == "dobj" and c.lemma_.lower() in t["event_nouns"]:
                        targets = self.event_actor(c, subjects)
                        if targets:
                            break
                    targets = self.entities_in(c, multi=False, skip=frozenset(subjects))
                    if not targets and c.lemma_.lower() in t["event_nouns"]:
                        targets = self.recalled_actor(c, subjects)
                    if targets:
                        break
            self.emit(subjects, pred, targets, tok, sent, chain, depth, anaphoric=True)
            return
        if pred == "urgedRestraint" and not any(g.lemma_.lower() in t["request_words"] | t["appeal_words"] for g in chain):
            return  # "a desire for de-escalation" is a wish, not an appeal to others
        asker = next((g for g in chain if g.lemma_.lower() in t["request_words"] and g.pos_ == "VERB"), None)
        if pred == "urgedRestraint" and asker is not None:
            subjects, depth = self.subjects(asker)  # "Ecuador urged Peru to show restraint": Ecuador urges Peru
            targets = [k for c in asker.children if c.dep_ in ("dobj", "dative")
                       for k in self.entities_in(c, multi=True, skip=frozenset(subjects))]
        else:
            subjects, depth = self.subjects(tok)
            targets = self.targets(tok, pred, subjects)
        if not targets and pred in ("struck", "killed", "sanctioned") and tok.dep_ == "pobj" and tok.head.lower_ == "of" and \
                tok.head.head.lemma_.lower() in ("target", "victim", "object", "subject"):
            holder = tok.head.head  # "the refinery was the object of a rebel raid"
            for c in holder.head.children if holder.dep_ in ("attr", "dobj") else []:
                if c.dep_ in ("nsubj", "nsubjpass"):
                    targets = self.entities_in(c, multi=True, skip=frozenset(subjects))
        if not subjects and pred in ("killed", "struck") and any(c.dep_ == "nsubjpass" for c in tok.children):
            for c in tok.children:  # "X was killed in the airstrike": the airstrike's actor
                if c.dep_ == "prep" and c.lower_ in ("in", "by", "during"):
                    for n in c.children:
                        if n.dep_ == "pobj" and self.trigger_predicate(n) == "struck":
                            subjects = self.event_actor(n, [])
                            depth += 2
        if not targets and pred == "accused":
            for c in tok.children:
                if c.dep_ == "ccomp":  # "X alleged the firm had helped ...": the firm is accused
                    for g in c.children:
                        if g.dep_ in ("nsubj", "nsubjpass"):
                            targets = self.entities_in(g, multi=False, skip=frozenset(subjects))
        if not targets and pred in ("condemned", "accused", "retaliatedAgainst"):
            nouns = [c for c in tok.children if c.dep_ == "dobj"] + \
                [g for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
            for c in nouns:
                if c.lemma_.lower() in t["event_nouns"] or c.lemma_.lower() in self.decision_nouns:
                    targets = self.event_author(c, subjects)  # "criticised the decision": its author
                    break
        if not targets and pred == "retaliatedAgainst":
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "with":
                    for n in c.children:
                        if n.dep_ == "pobj" and self.trigger_predicate(n) == "struck":
                            targets += self.targets(n, "struck", subjects)
            for c in tok.children:
                if c.dep_ == "advcl" and c.lemma_ in ("respond", "react"):
                    for p in c.children:
                        if p.dep_ == "prep":
                            targets += self.entities_in(p, multi=False, skip=frozenset(subjects))
        if not targets and pred in _DIPLOMATIC:
            targets = self.sentence_countries(sent, tok, subjects)
        if not targets and pred in ("urgedRestraint", "mediated"):
            collective = any(w.lemma_.lower() in t["collective_objects"] for w in sent) or pred == "mediated"
            if not collective:
                targets = self.sentence_countries(sent, tok, subjects, all_=True)
            else:
                targets = [k for k in self.sentence_countries(sent, tok, subjects, all_=True)] or \
                          [k for k in self.main_countries if k not in subjects][:2]
        if not targets and pred == "urgedRestraint":
            for g in chain:
                for c in g.children:
                    if c.dep_ in ("dobj", "dative"):
                        targets += self.entities_in(c, multi=True, skip=frozenset(subjects))
                    elif c.dep_ == "prep" and c.lower_ in ("on", "upon", "to"):
                        for gc in c.children:
                            if gc.dep_ == "pobj":
                                targets += self.entities_in(gc, multi=True, skip=frozenset(subjects))
        if not targets and pred in ("met", "negotiatedCeasefire") and len(subjects) == 1:
            # "A and B spoke" parsed with A buried in B's modifiers: the other parties of that kind named there
            for c in tok.children:
                if c.dep_ == "nsubj":
                    subjects += [k for k in self.entities_in(c, multi=True)
                                 if k not in subjects and self.types.get(k) == self.types.get(subjects[0])]
        if not targets and pred in ("met", "negotiatedCeasefire") and len(subjects) > 1:
            for i, a in enumerate(subjects):
                for b in subjects[i + 1:]:
                    self.emit([a], pred, [b], tok, sent, chain, depth)
            return
        if pred in ("struck", "killed") and tok.pos_ in ("NOUN", "PROPN") and tok.head.lemma_.lower() in t["reciprocal_verbs"] and len(subjects) == 2:
            a, b = subjects
            self.emit([a], pred, [b], tok, sent, chain, depth)
            self.emit([b], pred, [a], tok, sent, chain, depth)
            return
        self.emit(subjects, pred, targets, tok, sent, chain, depth)
        attack = tok.head if tok.dep_ == "relcl" else next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if pred == "killed" and subjects and attack is not None and attack.lemma_.lower() in t["attack_words"] and \
                (where := self.place(tok, [])):
            self.emit(subjects, "struck", [where], tok, sent, chain, depth + 1)  # "the strike that killed X at P" hit P
        if pred == "struck" and any(c.lemma_.lower() in ("retaliatory", "retaliation") for c in tok.children if c.dep_ in ("amod", "compound")):
            self.emit(subjects, "retaliatedAgainst", targets, tok, sent, chain, depth)

    def finer_code(self, tok: Token, pred: str, extra: set[str] | frozenset[str] = frozenset()) -> str:
        """The finer CAMEO code the trigger's words give: "air strike" 195, "accused of aggression" 1123."""
        words = {tok.lemma_.lower(), tok.lower_, *extra}
        for c in tok.children:
            if c.dep_ in ("compound", "amod", "dobj", "xcomp", "pcomp", "npadvmod", "prt", "nsubj", "nsubjpass", "prep", "agent"):
                words.add(c.lemma_.lower())
                words.update(g.lemma_.lower() for g in c.children if g.dep_ in ("pobj", "pcomp", "compound", "dobj"))
        if tok.head is not tok:
            words.add(tok.head.lemma_.lower())
        words |= {w for w in list(words) for w in w.split("-")}
        return next((c.code for c in CODES if c.predicate == pred and c.words & words), "")

    def sentence_countries(self, sent: Span, tok: Token, subjects: list[str], all_: bool = False) -> list[str]:
        keys = []
        for t in sorted(sent, key=lambda t: abs(t.i - tok.i)):
            k = self.key(t)
            if t.dep_ in ("nsubj", "nsubjpass"):
                continue  # an actor is not the party addressed
            if k and self.types.get(k) == "Country" and k not in subjects and k not in keys:
                keys.append(k)
        return keys if all_ else keys[:1]

    def remember(self, tok: Token, actor: str, family: str = "") -> None:
        """Note an asserted attack by ``actor`` under its trigger's family (or ``family``) and the attack nouns
        that frame it ("killed X in an airstrike"), so a later "the strike" finds its actor."""
        if tok.dep_ == "compound" or \
                any(c.lemma_.lower() in ("future", "possible", "potential", "planned") for c in tok.children):
            return  # "future attack plans" are no attack
        words = [tok] + [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "with", "by", "during", "through")
                         for g in c.children if g.dep_ == "pobj"]
        for w in words:
            lemma = w.lemma_.lower()
            if w is tok or lemma in self.t["attack_words"]:
                kind = family if w is tok and family else self.event_family(lemma)
                self.events.append((kind, actor, w.tag_ in ("NNS", "NNPS"), self.instruments(w)))

    def emit(self, subjects: list[str], pred: str, targets: list[str], tok: Token, sent: Span,
             chain: list[Token], depth: int, anaphoric: bool = False, family: str = "", code: str = "",
             confidence: float | None = None, remember: bool = True) -> None:
        if pred in ("struck", "killed") and targets and not subjects:
            self.pending_targets = targets  # an attack by a not-yet-named actor
        if pred in ("struck", "killed", "retaliatedAgainst") and subjects and not targets and depth <= 1 and \
                (tok.pos_ == "VERB" or tok.head.lemma_.lower() in self.t["attack_light_verbs"]):
            self.untargeted_actor = subjects[0]  # "launched a strike" (where, said later)
        if not subjects:
            return
        self.last_actor[pred] = subjects[0]
        modality = self.modality(tok, chain)
        if pred in ("struck", "killed", "retaliatedAgainst") and modality == "asserted" and remember:
            self.remember(tok, subjects[0], family)
        if not targets:
            return
        source = self.source(chain, subjects)
        start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        text = sent.text.strip()
        if confidence is None:
            confidence = max(0.3, 0.9 - 0.1 * max(0, depth - 1) - (0.1 if anaphoric else 0.0) - (0.1 if sent.start < 20 and sent.text.istitle() else 0.0))
        named = {self.key(t) for t in sent if t.pos_ != "PRON"}
        ev_date = self.sentence_date(sent)
        casualties = self.casualties(sent) if pred in ("struck", "killed", "retaliatedAgainst") else -1
        place = self.place(tok, targets)
        code = code or self.finer_code(tok, pred)
        if pred in ("met", "supported", "mediated", "urgedRestraint", "summoned", "expelledDiplomat", "recalledAmbassador", "condemned", "accused"):
            targets = [o for o in targets if self.types.get(o) != "Place"]
        if pred == "killed":  # people and groups are killed; "killed seven Canadians" killed no country
            targets = [o for o in targets if self.types.get(o) not in ("Country", "Place")]
        for s in subjects:
            for o in targets:
                if s == o:
                    continue
                verbal = pred == "struck" and tok.pos_ == "VERB" and casualties < 0 and \
                    self.types.get(s) == self.types.get(o) == "Official"  # one politician "attacking" another: words
                self.out.append(Relation(
                    subject=s, predicate="condemned" if verbal else pred, object=o, modality=modality, source=source,
                    date=ev_date, place=place if place not in (s, o) else "", casualties=casualties,
                    code="" if verbal else code,
                    evidence=Evidence(article=self.article.id, sentence=text, start=start, end=start + len(text),
                                      trigger=tok.text, confidence=_confidence(confidence, pred, s in named and o in named)),
                ))
                if modality == "threatened" and pred != "threatened":
                    self.out.append(Relation(subject=s, predicate="threatened", object=o, modality="asserted", source=source,
                                             date=ev_date, evidence=self.out[-1].evidence,
                                             code=self.finer_code(tok, "threatened", {tok.lemma_.lower()})))


def _confidence(reading: float, pred: str, both_named: bool) -> float:
    """An edge's confidence: how reliable its reading is, times its predicate's measured precision
    (``kg/data/confidence.json``), lowered when a party is reached through a pronoun or the discourse."""
    cal = calibration()
    right, found = cal["predicate_prior"].get(pred, (0, 0))
    value = reading * ((right + 1) / (found + 2)) / cal["typical_prior"]
    if not both_named:
        value *= cal["unnamed_party"]
    return round(min(0.99, max(0.05, value)), 2)


def _number(text: str) -> int:
    text = text.replace(",", "").lower()
    if text.isdigit():
        return int(text)
    return _SMALL_NUMBERS.get(text, -1)


def _struck_states(rels: list[Relation], entities: list[Entity]) -> list[Relation]:
    """An attack on a place or on a state's forces is an attack on that state: "struck Kherson" with Kherson in
    Ukraine, "shelled Indian army posts", "killed X in Pakistan": the attacking state (a country, or the state
    whose forces attacked) also struck Ukraine, India, Pakistan, when the article names both states.
    Armed groups are left out: an insurgent attack inside a country is not an attack by one state on another."""
    by_key = {e.key: e for e in entities}

    def state_of(key: str) -> str:
        ent = by_key.get(key)
        if ent is None:
            return ""
        if ent.type == "Country":
            state = key  # "killed X in Pakistan"
        elif ent.type == "Place":
            state = ent.located_in or (f"country/{ent.iso}" if ent.iso else "")
        elif ent.type in ("Organization", "Group") and ent.affiliation.startswith("country/"):
            state = ent.affiliation if ent.type == "Organization" else ""
        else:
            state = ""
        return state if state in by_key else ""

    def own_state(key: str) -> str:
        """The state that attacks when ``key`` does: a country itself, or the state whose forces ``key`` are."""
        ent = by_key.get(key)
        if ent is None or ent.type not in ("Country", "Organization"):
            return ""  # an official's or a group's attack is theirs, not their state's
        return key if ent.type == "Country" else ent.affiliation

    out = []
    for r in rels:
        if r.predicate not in ("struck", "killed") or r.modality not in ("asserted", "negated", "hypothetical"):
            continue
        hit = r.object if r.predicate == "struck" else r.place
        state, attacker = state_of(hit), own_state(r.subject)
        if state and attacker in by_key and state != attacker:
            out.append(replace(r, subject=attacker, predicate="struck", object=state, code=r.code if r.predicate == "struck" else "",
                               evidence=replace(r.evidence, confidence=round(r.evidence.confidence * 0.9, 2))))
    return rels + out


def extract_relations(doc: Doc, article: Article, entities: list[Entity], token_key: dict[int, str]) -> list[Relation]:
    """Every relation the article states between two resolved entities, deduplicated."""
    rels = _struck_states(_Reader(doc, article, entities, token_key).read(), entities)
    seen, out = set(), []
    for r in rels:
        k = (r.subject, r.predicate, r.object, r.evidence.start)
        if k not in seen:
            seen.add(k)
            out.append(r)
    return out
