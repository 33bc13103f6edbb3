"""One reading in, relation records out: the discourse memory updated, modality, source and facts attached."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..incident_days import calendar_times, day
from ..schema import PREDICATES, Evidence, Relation
from .arguments import ATTACKS, entities_in
from .claims import attributed_attack, victims_account
from .discourse import note_attack
from .facts import casualties, finer_code, place, stated_day
from .facts import confidence as edge_confidence
from .modality import modality, source, undone_measure
from .sides import own_side, peace_purpose, reprisal_parties

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from .context import Context
    from .discourse import Discourse

__all__ = ["emit"]



_TOWARD_OTHERS = frozenset(("struck", "retaliatedAgainst", "threatened", "condemned", "accused", "summoned",
                            "expelledDiplomat", "sanctioned"))  # never at one's own body


@dataclass(frozen=True, slots=True)
class _Facts:
    """What every record of one reading shares."""

    mood: str
    source: str
    date: str
    place: str
    casualties: int
    code: str
    sentence: str
    start: int


def emit(ctx: Context, disc: Discourse, subjects: list[str], pred: str, targets: list[str], tok: Token, sent: Span,
         chain: list[Token], depth: int, *, read_as: str = "", anaphoric: bool = False, family: str = "", code: str = "",
         confidence: float | None = None, remember: bool = True) -> None:
    """Record that ``subjects`` ``pred`` ``targets`` at ``tok`` (the trigger read as ``read_as``, by default
    ``pred``), and keep in the discourse who acted and what they attacked."""
    if pred in ("struck", "killed") and targets and not subjects:
        disc.pending_targets = targets  # an attack by a not-yet-named actor
    if pred in ATTACKS and subjects and not targets and depth <= 1 and \
            (tok.pos_ == "VERB" or tok.head.lemma_.lower() in ctx.t["attack_light_verbs"]):
        disc.untargeted_actor = subjects[0]  # "launched a strike" (where, said later)
    if not subjects or pred == "sanctioned" and tok.pos_ == "NOUN" and undone_measure(ctx, tok):
        return
    disc.last_actor[pred] = subjects[0]
    mood = modality(ctx, tok, chain, read_as or pred, subjects)
    if pred in ATTACKS and mood == "asserted" and remember:
        note_attack(ctx, disc, tok, subjects[0], family)
    if pred == "struck" and mood == "asserted" and remember and (speaker := attributed_attack(ctx, tok, subjects)):
        emit(ctx, disc, [speaker], "accused", subjects, tok, sent, chain, depth + 1, read_as="accused", remember=False)
    if not targets or pred == "mediated" and _colleague_of_a_side(ctx, subjects, targets):
        return  # an envoy arranging talks between his own president and another is a party to them, no mediator
    if pred in _TOWARD_OTHERS:  # "X accused Y of ramming an X coast guard vessel": X's own body is the victim
        side, bodies = own_side(ctx, subjects), all(ctx.types.get(k) == "Organization" for k in subjects)
        targets = [o for o in targets if (ctx.affiliation.get(o) not in side or ctx.types.get(o) != "Organization")
                   and not (bodies and o in side)]  # "X's foreign ministry condemned the seizure": not X itself
        if not targets:
            return
    written = ctx.article.text[sent.start_char : sent.end_char]  # as written: a headline may be parsed in sentence case
    if confidence is None:
        confidence = max(0.3, 0.9 - 0.1 * max(0, depth - 1) - (0.1 if anaphoric else 0.0) -
                         (0.1 if sent.start < 20 and written.istitle() else 0.0))
    text = written.strip()
    facts = _Facts(mood=mood, source=source(ctx, chain, subjects), date=_event_day(ctx, disc, pred, subjects[0], sent, tok),
                   place=place(ctx, tok, targets), casualties=casualties(ctx, sent) if pred in ATTACKS else -1,
                   code=code or finer_code(tok, pred), sentence=text,
                   start=sent.start_char + (len(written) - len(written.lstrip())))
    named = {ctx.key(t) for t in sent if t.pos_ != "PRON"}
    if pred == "retaliatedAgainst":
        targets = reprisal_parties(ctx, targets)  # "responded with strikes on P": against P's state
    never = PREDICATES[pred].never_object if pred in PREDICATES else frozenset()
    if never:  # a meeting with a city is a meeting with its officials; "killed seven Canadians" killed no country
        targets = [o for o in targets if ctx.types.get(o) not in never]
    for s in subjects:
        for o in targets:
            if s != o and not (pred in ("mediated", "met") and ctx.affiliation.get(s) == o):  # no one mediates with his own state
                disc.said.extend(_records(ctx, s, pred, o, tok, facts, confidence, s in named and o in named))
    if pred == "struck" and mood == "asserted" and remember and (speaker := victims_account(ctx, tok, subjects, targets)):
        emit(ctx, disc, [speaker], "accused", subjects, tok, sent, chain, depth + 1, read_as="accused", remember=False)
    if pred == "negotiatedCeasefire" and (mediators := _named_mediators(ctx, sent, subjects + targets)):
        emit(ctx, disc, mediators, "mediated", list(dict.fromkeys(subjects + targets)), tok, sent, chain, depth + 1,
             read_as="mediated", remember=False)
    if pred == "met" and len(targets) > 1 and not own_side(ctx, subjects) & set(targets) and peace_purpose(ctx, tok):
        # a third party meeting both sides to end their fighting mediates between them
        emit(ctx, disc, subjects, "mediated", targets, tok, sent, chain, depth, read_as=read_as or pred, code=code,
             confidence=confidence, remember=remember)


def _named_mediators(ctx: Context, sent: Span, parties: list[str]) -> list[str]:
    """The states or bodies that name the mediators of the sentence of a truce ("the sides agreed a truce, Ruritanian
    and Freedonian mediators announced"): they mediated it. None of the parties themselves."""
    side = own_side(ctx, parties)
    return list(dict.fromkeys(k for t in sent if t.lemma_.lower() in ctx.mediator_nouns and t.pos_ == "NOUN"
                              for c in t.children if c.dep_ in ("amod", "compound", "poss")
                              for k in entities_in(ctx, c, multi=True)
                              if k not in side and ctx.types.get(k) in ("Country", "Organization")))


def _colleague_of_a_side(ctx: Context, subjects: list[str], targets: list[str]) -> bool:
    """True when a subject and a target who is no state belong to one state or body (two officials of one side)."""
    sides = {a for k in subjects if (a := ctx.affiliation.get(k))}
    return any(ctx.affiliation.get(o) in sides for o in targets if ctx.types.get(o) != "Country")


def _event_day(ctx: Context, disc: Discourse, pred: str, actor: str, sent: Span, tok: Token) -> str:
    """The day of the event: the day its sentence names, else the article's date; but an attack told in a
    sentence that names no time takes the day of the same actor's attack in the sentence before (narrative
    time: in "On Sunday a drone hit a camp in P. Four missiles struck a house there." both are Sunday's)."""
    own = stated_day(ctx.article, sent, tok)
    if pred not in ATTACKS:
        return own or ctx.article.date
    start, end, anchor, anchor_actor = disc.attack_day
    if not own and anchor and anchor_actor == actor and sent.start in (start, end) and \
            not calendar_times(sent.text, day(ctx.article.date)):
        own = anchor
    if own:
        disc.attack_day = (sent.start, sent.end, own, actor)
    return own or ctx.article.date


def _kills(ctx: Context, tok: Token) -> bool:
    """Whether the trigger is a killing, or an attack that is the subject of one ("a drone strike killed X", "one of
    the raids killed X")."""
    verb = tok.head.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.dep_ == "nsubj" else tok.head
    return "killed" in (ctx.t["verb_of"].get(tok.lemma_.lower()), ctx.t["verb_of"].get(verb.lemma_.lower()))


def _records(ctx: Context, s: str, pred: str, o: str, tok: Token, facts: _Facts, reading: float,
             both_named: bool) -> list[Relation]:
    """The relation ``s`` ``pred`` ``o``, and the threat it also states when it is a threatened act."""
    verbal = pred == "struck" and tok.pos_ == "VERB" and facts.casualties < 0 and \
        ctx.types.get(s) == ctx.types.get(o) == "Official"  # one politician "attacking" another: words
    if pred == "struck" and ctx.types.get(o) == "Official" and not verbal and _kills(ctx, tok):
        return []  # "a drone strike killed X": X is killed, not struck ("X survived a strike" is a strike on X)
    evidence = Evidence(article=ctx.article.id, sentence=facts.sentence, start=facts.start,
                        end=facts.start + len(facts.sentence), trigger=tok.text,
                        confidence=edge_confidence(reading, pred, both_named))
    out = [Relation(subject=s, predicate="condemned" if verbal else pred, object=o, modality=facts.mood,
                    source=facts.source, date=facts.date, place=facts.place if facts.place not in (s, o) else "",
                    casualties=facts.casualties, code="" if verbal else facts.code, evidence=evidence)]
    if facts.mood == "threatened" and pred != "threatened":
        out.append(Relation(subject=s, predicate="threatened", object=o, modality="asserted", source=facts.source,
                            date=facts.date, evidence=evidence,
                            code=finer_code(tok, "threatened", {tok.lemma_.lower()})))
    return out
