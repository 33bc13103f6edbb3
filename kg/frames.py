"""Event frames as data: spaCy ``DependencyMatcher`` patterns from ``kg/data/frames.json``, run over a parsed article.

A frame is one construction of English news ("The raid was condemned by A and B", "came under attack by X",
"imposed travel bans on X") written as a dependency pattern whose nodes are named by their role: ``trigger``
(the word that names the event), ``actor`` and ``target`` (the phrases that name its parties), and helper
nodes. Attribute values may name a word list instead of listing words: ``"@verbs:condemned"`` is the verb
lexicon of a predicate, ``"@nouns:struck"`` its event nouns, ``"@NAME"`` any list of ``kg/data/triggers.json``
or ``kg/data/frames.json``'s own ``lists``. The code here never names a word; what a frame cannot say (who the
author of "the raid" was, who sanctions when nobody is named) is read by the relation reader's discourse memory.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .attachment import shadowed_subject
from .lexicon import triggers

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["Frame", "frame_lists", "frames", "match_frames"]

_DATA = Path(__file__).parent / "data" / "frames.json"
_SHARED = "#shared-subject"  # the key of a frame's pattern whose actor is the subject of the verb it is joined to
_PLAIN_ACTOR = {"DEP": "nsubj"}


@dataclass(frozen=True, slots=True)
class Frame:
    """One construction: its pattern, the predicate it states and how to read its parties."""

    id: str
    predicate: str  # a PREDICATES name, or "" to take the trigger word's own predicate
    grammar: str  # the construction, in one line
    example: str  # an invented sentence the frame reads
    expect: tuple[tuple[str, str, str], ...]  # (actor label, predicate, target label) the example yields
    pattern: tuple[dict[str, Any], ...]
    target_is_event: bool = False  # the target phrase names an act: its author is the target
    target_is_judged_act: bool = False  # no target phrase: the author of the act the clause judges ("drew condemnation")
    actor_from_discourse: bool = False  # no actor named: the last actor of this predicate in the article
    target_of_trigger: bool = False  # the event noun's own target ("the attack on X"), else the targets of an attack read before its author
    target_answered: bool = False  # no target phrase: the last attacker of the actor's side ("X vowed revenge")
    target_warring: bool = False  # no target phrase: the two sides of the fight or dispute read last ("X stood ready to mediate")
    warring_each_other: bool = False  # the two sides of the fight read last, each acting on the other ("each side accused the other")
    actor_from_clause: bool = False  # the trigger's subject as the reader finds it (through "offered to", "and")
    actor_of_trigger: bool = False  # the event noun names its own actor ("a Peruvian drone strike"), else the attacker read before
    pairwise: bool = False  # the actors act on each other (met, agreed a ceasefire)
    mutual: bool = False  # pairwise in both directions ("A and B are allies": each supports the other)
    also: tuple[str, ...] = ()  # further predicates the same match states ("hosted talks" also met)
    between_targets: str = ""  # a predicate the targets state of each other ("a truce brokered by M between A and B")
    code: str = ""  # a finer CAMEO code the construction gives
    confidence: float = 0.8  # how often this frame's edges are right, measured on the development articles
    list_after_colon: bool = False  # a plural target noun is spelled out after a colon ("on three bankers: A, B and C")
    remember: bool = True  # an attack it reads is one a later "the strike" may refer back to
    replaces_trigger: bool = False  # the reader's own reading of the trigger word is wrong here ("targeted X with a ban")
    context: str = ""  # invented sentence(s) the example needs before it (the act an "it" refers to)


def _expand(value: Any, lists: dict[str, frozenset[str]]) -> Any:
    """Replace ``"@name"`` word-list references inside pattern attributes with the lists' words."""
    if isinstance(value, str) and value.startswith("@"):
        return sorted(_word_list(value[1:], lists))
    if isinstance(value, dict):
        return {k: _expand(v, lists) for k, v in value.items()}
    if isinstance(value, list):
        return [w for v in value for w in (_expand(v, lists) if isinstance(v, str) and v.startswith("@") else [_expand(v, lists)])]
    return value


def _word_list(name: str, lists: dict[str, frozenset[str]]) -> frozenset[str]:
    """The words of ``@name``: a predicate's lexicon (``verbs:P``, ``nouns:P``; ``verbs:*`` all of them) or a named
    list; empty is an error."""
    t = triggers()
    if ":" in name:
        kind, pred = name.split(":", 1)
        by_lemma = t["verb_of"] if kind == "verbs" else t["noun_of"]
        words = frozenset(w for w, p in by_lemma.items() if pred in (p, "*") and " " not in w)  # "*": every predicate
    else:
        words = lists.get(name) or t.get(name)
    if not words:
        raise ValueError(f"kg/data/frames.json: unknown or empty word list @{name}")
    return frozenset(words)


@lru_cache(maxsize=1)
def _raw() -> dict[str, Any]:
    """``kg/data/frames.json`` as read, once."""
    return json.loads(_DATA.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def frame_lists() -> dict[str, frozenset[str]]:
    """The word lists of ``kg/data/frames.json`` (measure nouns, truce nouns, ...), by name."""
    return {k: frozenset(v) for k, v in _raw()["lists"].items() if not k.startswith("_")}


@lru_cache(maxsize=1)
def frames() -> tuple[Frame, ...]:
    """Every frame of ``kg/data/frames.json``, word lists expanded."""
    raw = _raw()
    lists = frame_lists()
    out = []
    for f in raw["frames"]:
        out.append(Frame(
            id=f["id"], predicate=f.get("predicate", ""), grammar=f["grammar"], example=f["example"],
            expect=tuple(tuple(e) for e in f.get("expect", ())),
            pattern=tuple(_expand(node, lists) for node in f["pattern"]),
            target_is_event=f.get("target_is_event", False), target_is_judged_act=f.get("target_is_judged_act", False),
            actor_of_trigger=f.get("actor_of_trigger", False),
            actor_from_clause=f.get("actor_from_clause", False),
            target_of_trigger=f.get("target_of_trigger", False), target_answered=f.get("target_answered", False),
            actor_from_discourse=f.get("actor_from_discourse", False),
            pairwise=f.get("pairwise", False), mutual=f.get("mutual", False), also=tuple(f.get("also", ())), code=f.get("code", ""),
            between_targets=f.get("between_targets", ""),
            confidence=f.get("confidence", 0.8), replaces_trigger=f.get("replaces_trigger", False),
            remember=f.get("remember", True), list_after_colon=f.get("list_after_colon", False),
            context=f.get("context", ""), target_warring=f.get("target_warring", False),
            warring_each_other=f.get("warring_each_other", False),
        ))
    return tuple(out)


@lru_cache(maxsize=4)
def _matchers(vocab_id: int, vocab: Any) -> tuple[Any, ...]:
    """One ``DependencyMatcher`` per frame, per vocabulary: an article runs only the frames whose words it holds."""
    from spacy.matcher import DependencyMatcher

    out = []
    for frame in frames():
        matcher = DependencyMatcher(vocab)
        matcher.add(frame.id, [list(frame.pattern)])
        if shared := _shared_subject_patterns().get(frame.id):
            matcher.add(frame.id + _SHARED, [list(shared)])
        out.append(matcher)
    return tuple(out)


@lru_cache(maxsize=1)
def _shared_subject_patterns() -> dict[str, tuple[dict[str, Any], ...]]:
    """Frame id -> its pattern without its actor node, for the frames whose actor is the plain subject of the word
    it hangs on: that word may be coordinated with a verb whose subject it shares ("X said ... and vowed that Y
    would pay")."""
    out = {}
    for frame in frames():
        nodes = tuple(n for n in frame.pattern if not (n.get("RIGHT_ID") == "actor" and n.get("REL_OP") == ">" and
                                                       n.get("RIGHT_ATTRS") == _PLAIN_ACTOR))
        if len(nodes) < len(frame.pattern) and not any(n.get("LEFT_ID") == "actor" for n in nodes):
            out[frame.id] = nodes
    return out


def _shared_subject(frame: Frame, roles: dict[str, Token]) -> Token | None:
    """The subject a coordinated verb with none of its own shares with the verb it is joined to, for a match of
    ``frame``'s shared-subject pattern; None when the verb has a subject (the frame's own pattern reads it) or is
    no conjunct."""
    joined = roles[next(n["LEFT_ID"] for n in frame.pattern if n.get("RIGHT_ID") == "actor")]
    host = joined
    while host.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in host.children):
        host = host.head
    return None if host.i == joined.i else next((c for c in host.children if c.dep_ == "nsubj"), None)


def _words(node: dict[str, Any]) -> frozenset[str] | None:
    """The words a pattern node requires, ``("LEMMA" or "LOWER", words)``, or None when it takes any word."""
    for attr in ("LEMMA", "LOWER"):
        value = node.get("RIGHT_ATTRS", {}).get(attr)
        if isinstance(value, str):
            return frozenset({f"{attr}:{value}"})
        if isinstance(value, dict) and "IN" in value:
            return frozenset(f"{attr}:{w}" for w in value["IN"])
    return None


@lru_cache(maxsize=1)
def _required_words() -> tuple[tuple[frozenset[str], ...], ...]:
    """For each frame, the word sets of its word nodes: a sentence lacking a word of one of them cannot match it."""
    out = []
    for frame in frames():
        sets = tuple(w for w in map(_words, frame.pattern) if w is not None)
        if not sets:
            raise ValueError(f"kg/data/frames.json: frame {frame.id} names no word; every frame needs one")
        out.append(sets)
    return tuple(out)


def _candidates(doc: Doc) -> tuple[list[Any], list[int]]:
    """The sentences holding a word of every word node of some frame (a dependency tree never crosses a sentence),
    and the frames some sentence holds all the words of: the only ones that can match."""
    required = _required_words()
    sentences, possible = [], set()
    for sent in doc.sents:
        present = {f"LEMMA:{t.lemma_}" for t in sent} | {f"LOWER:{t.lower_}" for t in sent}
        fit = [i for i, sets in enumerate(required) if all(not words.isdisjoint(present) for words in sets)]
        if fit:
            sentences.append(sent)
            possible.update(fit)
    return sentences, sorted(possible)


def match_frames(doc: Doc) -> list[tuple[Frame, dict[str, Token]]]:
    """Each frame match in ``doc`` as (frame, role name -> token), in text order of the trigger; only the frames
    whose words some sentence holds run, and only over those sentences (the matches the whole article would give,
    in a fraction of the time)."""
    from spacy.tokens import Doc as _Doc

    sentences, possible = _candidates(doc)
    if not sentences:
        return []
    sub = _Doc.from_docs([s.as_doc() for s in sentences]) if len(sentences) > 1 else sentences[0].as_doc()
    origin = [t.i for s in sentences for t in s]
    matchers = _matchers(id(doc.vocab), doc.vocab)
    found = []
    seen = set()
    for index, match_id, token_ids in ((i, m, ids) for i in possible for m, ids in matchers[i](sub)):
        frame = frames()[index]
        shared = doc.vocab.strings[match_id].endswith(_SHARED)
        pattern = _shared_subject_patterns()[frame.id] if shared else frame.pattern
        roles = {node["RIGHT_ID"]: doc[origin[i]] for node, i in zip(pattern, token_ids)}
        if shared:
            if (actor := _shared_subject(frame, roles)) is None:
                continue
            roles["actor"] = actor
        if any(shadowed_subject(roles[r]) for r in ("actor", "target") if r in roles):
            continue
        key = (frame.id, tuple(sorted((k, t.i) for k, t in roles.items() if k in ("trigger", "actor", "target"))))
        if key not in seen:
            seen.add(key)
            found.append((frame, roles))
    found.sort(key=lambda m: (m[1]["trigger"].i, m[0].id))
    return found
