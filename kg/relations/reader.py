"""The driver: frames first, then the constructions, then each trigger word, sentence by sentence."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..frames import Frame, match_frames
from ..schema import PREDICATES
from .arguments import coordinated, entities_in, event_actor, event_author, headline_comma_subjects, plural_speakers, subjects
from .claims import attributed_attack, sayer
from .clauses import CLAUSES
from .constructions import read_trigger
from .context import read_context, threat_speech_above
from .discourse import Discourse
from .emit import emit
from .modality import beside, governors, undone_measure
from .sides import (COUNTED_PARTIES, answered_attacker, both_sides, counts_two_parties, own_side, represented_state,
                    reprisal_parties, warring_sides)
from .states import struck_states
from .targets import targets
from .triggers import hostile_cause, trigger_predicate

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..schema import Article, Entity, Relation
    from .context import Context

__all__ = ["extract_relations", "read", "read_frame"]


def extract_relations(doc: Doc, article: Article, entities: list[Entity], token_key: dict[int, str]) -> list[Relation]:
    """Every relation the article states between two resolved entities, deduplicated."""
    rels = struck_states(read(read_context(doc, article, entities, token_key)), entities)
    seen, out = set(), []
    for r in rels:
        k = (r.subject, r.predicate, r.object, r.evidence.start)
        if k not in seen:
            seen.add(k)
            out.append(r)
    return out


def read(ctx: Context) -> list[Relation]:
    """Every relation one article states, in reading order (not deduplicated)."""
    disc = Discourse()
    disc.parties = meeting_parties(ctx, disc)
    by_trigger: dict[int, list[tuple[Frame, dict[str, Token]]]] = {}
    for frame, roles in match_frames(ctx.doc):
        by_trigger.setdefault(roles["trigger"].i, []).append((frame, roles))
    for sent in ctx.doc.sents:
        for tok in sent:
            replaced = False
            for frame, roles in by_trigger.get(tok.i, ()):
                read_frame(ctx, disc, frame, roles, sent)
                replaced |= frame.replaces_trigger  # the construction is there: the word's own reading is wrong
            if replaced or any(clause(ctx, disc, tok, sent) for clause in CLAUSES):
                continue
            pred = trigger_predicate(ctx, tok)
            if pred:
                read_trigger(ctx, disc, tok, pred, sent)
    return disc.said


def meeting_parties(ctx: Context, disc: Discourse) -> list[str]:
    """Officials who meet in the article ("A and his counterparts, B and C, gathered"), for later "the ministers"."""
    for tok in ctx.doc:
        if trigger_predicate(ctx, tok) == "met":
            people = [k for k in subjects(ctx, disc, tok, "met")[0] if ctx.types.get(k) == "Official"]
            if len(people) > 1:
                return people
    return []


def read_frame(ctx: Context, disc: Discourse, frame: Frame, roles: dict[str, Token], sent: Span) -> bool:
    """Emit what one frame match states; True when it named both parties."""
    tok = roles["trigger"]
    pred = frame.predicate or trigger_predicate(ctx, tok)
    if not pred or pred not in PREDICATES:
        return False
    if pred == "retaliatedAgainst" and tok.pos_ == "NOUN" and not hostile_cause(ctx, tok):
        return False  # "in response to the pandemic"
    if pred == "sanctioned" and "measure" in roles and undone_measure(ctx, roles["measure"]):
        return False  # "announced it would lift sanctions on Y"
    actors = _frame_actors(ctx, disc, frame, roles, pred)
    found = _frame_targets(ctx, disc, frame, roles, pred, actors)
    if frame.warring_each_other:  # "each side accused the other": the two sides of the fight read last
        sides = warring_sides(ctx, disc, [])
        pairs = [([sides[0]], [sides[1]]), ([sides[1]], [sides[0]])] if len(sides) == 2 else []
    elif frame.pairwise and not found:
        pairs = [([a], [b]) for i, a in enumerate(actors) for b in actors[i + 1:]]
        pairs += [(b, a) for a, b in pairs] if frame.mutual else []
    else:
        pairs = [(actors, found)] + ([(found, actors)] if frame.mutual else [])  # "A exchanged fire with B"
    chain = governors(tok)
    emitted = False
    if frame.between_targets and len(found) > 1:
        pairs += [([a], [b]) for i, a in enumerate(found) for b in found[i + 1:]]
    said = pred
    for n, (subj, objects) in enumerate(pairs):
        if n and frame.between_targets and not frame.pairwise:
            said = frame.between_targets
        if subj and objects:
            for p in (said, *frame.also) if n == 0 else (said,):
                emit(ctx, disc, subj, p, objects, tok, sent, chain, 1, read_as=pred, code=frame.code if p == said else "",
                     confidence=frame.confidence, remember=frame.remember)
            emitted = True
    if not emitted and pred == "struck" and actors and (speaker := attributed_attack(ctx, tok, actors)):
        # "X said the bombing was carried out by Y" with no target known: Y is blamed all the same
        emit(ctx, disc, [speaker], "accused", actors, tok, sent, chain, 2, read_as="accused", remember=False)
    return emitted


def _frame_actors(ctx: Context, disc: Discourse, frame: Frame, roles: dict[str, Token], pred: str) -> list[str]:
    """The actors of a frame match: its actor phrase, else as the frame says (the clause, the event, the discourse)."""
    tok = roles["trigger"]
    actors = plural_speakers(ctx, roles["actor"], tok, [k for k in entities_in(ctx, roles["actor"], multi=False)
                                                        if ctx.types.get(k) != "Place"]) if "actor" in roles else []
    if actors and not ctx.key(roles["actor"]):  # "the X-ian government and the Y Front agreed": both
        actors += [k for k in coordinated(ctx, roles["actor"], set()) if k not in actors and ctx.types.get(k) != "Place"]
    if actors and roles["actor"].dep_ == "nsubj":
        actors += [k for c in headline_comma_subjects(ctx, roles["actor"].head, roles["actor"])
                   if (k := ctx.key(c)) not in actors]  # "Ruritania, Freedonia Agree On Truce"
    if pred == "threatened" and "actor" in roles and (said := threat_speech_above(ctx, tok)) is not None and \
            (speaker := sayer(ctx, said)) and (not actors or actors == [ctx.affiliation.get(speaker)] and
                                               ctx.types.get(speaker) == "Official"):
        actors = [speaker]  # "the minister said (warned) the army (his state) would respond if Y ...": his threat
    if not actors and frame.actor_from_clause:
        actors = [k for k in subjects(ctx, disc, tok, pred)[0] if ctx.types.get(k) != "Place"]
    if not actors and frame.actor_of_trigger:
        actors = event_actor(ctx, disc, tok, [], pred)  # "a Peruvian drone strike killed ...", or the attacker read before
    if not actors and frame.actor_from_discourse:
        actors = [disc.last_actor[pred]] if pred in disc.last_actor else []
    elif actors:
        disc.last_actor[pred] = actors[0]  # "X imposed sanctions on a firm": X sanctions whom the article names next
    return actors


def _frame_targets(ctx: Context, disc: Discourse, frame: Frame, roles: dict[str, Token], pred: str,
                   actors: list[str]) -> list[str]:
    """The targets of a frame match: its target phrase (or the author of the act it names), else the trigger's."""
    tok = roles["trigger"]
    found: list[str] = []
    if "target" in roles:
        target = roles["target"]
        if frame.target_is_event:
            found = event_author(ctx, disc, target, actors, pred) or _judged_by_agent(ctx, roles, actors)
        else:
            for noun in [target, *_coordinated_preps_objects(target)]:  # "on A and on B"
                found += represented_state(ctx, noun, pred, frozenset(actors)) or entities_in(
                    ctx, noun, multi=True, skip=frozenset(actors), nationality_is_state=pred != "sanctioned",
                    places_of_names=pred == "struck")  # "X's envoy, NAME, was summoned": X
        if frame.list_after_colon and target.tag_ == "NNS":
            found += [k for k in _colon_list(ctx, target) if k not in found and k not in actors]
    if not found and frame.target_is_judged_act:
        found = _judged_author(ctx, disc, tok, actors, pred)  # "the raid drew condemnation from X"
    if pred == "retaliatedAgainst":
        found = reprisal_parties(ctx, found)  # before the filter below: "responded with strikes on P"
    found = [k for k in found if ctx.types.get(k) not in PREDICATES[pred].never_object]  # "talks between them in P"
    if not found and pred in COUNTED_PARTIES and "target" in roles:
        found = both_sides(ctx, roles["target"], actors, warring_sides(  # "talks with envoys from the two sides"
            ctx, disc, actors, states=counts_two_parties(ctx, roles["target"].subtree, states=True)))
    aside = {t.i for c in tok.children if beside(c) for t in c.subtree}  # "X strikes Y, Z vows revenge"
    side = own_side(ctx, actors)
    if not found and frame.target_answered and actors and not any(
            (k := ctx.key(t)) and k not in side and ctx.affiliation.get(k) not in side or
            t.dep_ == "prep" and t.lower_ in ctx.t["cause_preps"]
            for t in tok.subtree if t.i != tok.i and t.i not in aside):
        found = answered_attacker(ctx, disc, actors)  # "Y shelled X's port. X vowed revenge": against Y
    if not found and frame.target_warring and actors:
        found = warring_sides(ctx, disc, actors, states=counts_two_parties(ctx, tok.sent, states=True))  # "X stood ready to mediate"
    if not found and frame.target_of_trigger and actors:
        found = targets(ctx, tok, pred, actors) or [k for k in disc.pending_targets if k not in actors]
    return found


def _judged_by_agent(ctx: Context, roles: dict[str, Token], actors: list[str]) -> list[str]:
    """The author the judgement itself names ("called the incident a provocation staged by Y", "regards it as an
    aggression by Y"): the "by" agent in the complement, when the judged act has no author of its own."""
    parties = {roles["trigger"].i, roles["actor"].i if "actor" in roles else -1, roles["target"].i}
    for word in (w for w in roles.values() if w.i not in parties):  # the judgement's words ("a provocation")
        for t in word.subtree:
            if t.lower_ == "by" and t.dep_ in ("agent", "prep"):
                return [k for c in t.children if c.dep_ == "pobj"
                        for k in entities_in(ctx, c, multi=True, skip=frozenset(actors))]
    return []


def _coordinated_preps_objects(noun: Token) -> list[Token]:
    """The objects of prepositions coordinated with the one ``noun`` hangs on: "a ban on A and on B": B."""
    if noun.dep_ != "pobj":
        return []
    return [g for c in noun.head.children if c.dep_ == "conj" and c.pos_ == "ADP" for g in c.children if g.dep_ == "pobj"]


def _judged_author(ctx: Context, disc: Discourse, noun: Token, judges: list[str], pred: str) -> list[str]:
    """Who a judgement noun with no object judges: the subject of a clause above it ("the raid drew condemnation",
    "X annexed the island despite criticism") or the author of the act that subject names; no one otherwise."""
    for head in governors(noun):
        subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and noun not in c.subtree), None)
        if subject is None:
            continue
        if (k := ctx.key(subject)) and k not in judges and ctx.types.get(k) != "Place":
            return [k]
        if subject.pos_ in ("NOUN", "PRON") and (author := event_author(ctx, disc, subject, judges, pred)):
            return author
    return []


def _comma_list_after(noun: Token) -> Token | None:
    """The comma that opens a list of names after a counted plural noun ("sanctions on two firms accused of ..., the
    X-registered A and B, a move ..."): the first comma within 20 words after which, up to the next comma or the end,
    only names, their modifiers and "and" follow, no verb of a clause."""
    if not any(c.dep_ == "nummod" for c in noun.children):
        return None
    doc, sent = noun.doc, noun.sent
    for comma in (t for t in doc[noun.i + 1:min(sent.end, noun.i + 20)] if t.text == ","):
        stop = next((t.i for t in doc[comma.i + 1:sent.end] if t.text in (",", ";", ".")), sent.end)
        words = doc[comma.i + 1:stop]
        if any(t.pos_ == "PROPN" for t in words) and not any(
                t.pos_ in ("VERB", "AUX") and t.dep_ != "amod" or t.pos_ in ("PRON", "ADP") for t in words):
            return comma
    return None


def _colon_list(ctx: Context, noun: Token) -> list[str]:
    """The names listed after a colon that closes the clause of a plural noun, or after a comma that opens a closing
    list: "sanctions on three bankers on Monday: A, B and C" names A, B and C (people, groups and organisations
    only)."""
    doc = ctx.doc
    end = min(len(doc), noun.i + 10)
    colon = next((t for t in doc[noun.i + 1:end] if t.text == ":"), None) or _comma_list_after(noun)
    if colon is None:
        return []
    keys: list[str] = []
    for t in doc[colon.i + 1:]:
        if t.text in (".", ";", "!", "?") or t.text == "\n" or colon.text == t.text == ",":
            break
        k = ctx.key(t)
        if k and k not in keys and ctx.types.get(k) in ("Official", "Organization", "Group"):
            keys.append(k)
    return keys
