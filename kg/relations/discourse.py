"""What the article has said so far: the memory later sentences read ("the strike", "the ministers", "it")."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..schema import Relation
    from .context import Context

__all__ = ["Attack", "Discourse", "event_family", "event_word", "instruments", "note_attack", "recall_actor", "recalled_actor"]


@dataclass(frozen=True, slots=True)
class Attack:
    """An asserted attack read so far, as a later "the strike" may refer back to it."""

    family: str  # "attack", another event lemma, or "" for generic nouns
    actor: str
    plural: bool  # named in the plural ("strikes")
    instruments: frozenset[str]  # the weapons named with it ("drone")
    word: str = ""  # the event's word ("ambush" for "ambushed" and "the ambush")


@dataclass
class Discourse:
    """The running memory of one article: who acted last, which attacks were read, who met."""

    said: list[Relation] = field(default_factory=list)  # every relation read so far, in order
    last_actor: dict[str, str] = field(default_factory=dict)  # the latest actor of each predicate
    pending_targets: list[str] = field(default_factory=list)  # hit by a not-yet-named attacker
    parties: list[str] = field(default_factory=list)  # officials who meet in the article
    untargeted_actor: str = ""  # who "launched a strike" with its target told later
    attacks: list[Attack] = field(default_factory=list)
    attack_day: tuple[int, int, str, str] = (-1, -1, "", "")  # (start, end) of the sentence, day, actor of its attack

    def remember(self, attack: Attack) -> None:
        """Keep an attack for later references to it."""
        self.attacks.append(attack)

    def recall(self, family: str, exclude: list[str], singular: bool = False,
               instruments: frozenset[str] = frozenset(), word: str = "") -> str | None:
        """The actor of the latest attack that fits: "the ambush" prefers an attack told as an ambush to a bombing
        read since, "the drone strike" a drone strike, and a singular "the attack" an attack named in the
        singular to "attacks" in general."""
        for a in reversed(self.attacks if word else ()):
            if a.word == word and family in ("", a.family) and a.actor not in exclude:
                return a.actor
        for same_means in (True, False) if instruments else (False,):
            for number_agrees in (True, False) if singular else (False,):
                for a in reversed(self.attacks):
                    if family in ("", a.family) and a.actor not in exclude and not (number_agrees and a.plural) and \
                            not (same_means and not a.instruments & instruments):
                        return a.actor
        return None


def event_family(ctx: Context, lemma: str) -> str:
    """"attack" for the words of an armed attack, the verb's lemma for other events ("the seizure" is what "seized"
    did), "" for generic nouns."""
    lemma = ctx.t["event_nominalisations"].get(lemma, lemma)
    if lemma in ctx.t["generic_event_nouns"]:
        return ""
    return "attack" if lemma in ctx.t["attack_words"] else lemma


def event_word(ctx: Context, tok: Token) -> str:
    """The word an event is told with, the same for its verb and its noun ("ambushed", "the ambush": "ambush";
    "shelled", "the shelling": "shell")."""
    lemma = tok.lemma_.lower()
    return ctx.t["event_nominalisations"].get(lemma, lemma)


def instruments(ctx: Context, noun: Token) -> frozenset[str]:
    """The weapons an attack noun names: "drone" in "a drone strike", "missile" in "missile attacks"."""
    own = {noun.lemma_.lower()} & ctx.weapon_words  # "the drone fired": the drone itself
    return frozenset(own | {c.lemma_.lower() for c in noun.children
                            if c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in ctx.weapon_words})


def note_attack(ctx: Context, disc: Discourse, tok: Token, actor: str, family: str = "") -> None:
    """Remember an asserted attack by ``actor`` under its trigger's family (or ``family``) and the attack nouns
    that frame it ("killed X in an airstrike"), so a later "the strike" finds its actor."""
    if tok.dep_ == "compound" or \
            any(c.lemma_.lower() in ctx.t["unrealised_adjectives"] for c in tok.children):
        return  # "future attack plans" are no attack
    words = [tok] + [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ctx.t["means_preps"]
                     for g in c.children if g.dep_ == "pobj"]
    for w in words:
        lemma = w.lemma_.lower()
        if w is tok or lemma in ctx.t["attack_words"]:
            kind = family if w is tok and family else event_family(ctx, lemma)
            disc.remember(Attack(kind, actor, w.tag_ in ("NNS", "NNPS"), instruments(ctx, w), event_word(ctx, w)))


def recall_actor(ctx: Context, disc: Discourse, family: str, exclude: list[str], singular: bool = False,
                 means: frozenset[str] = frozenset(), word: str = "") -> list[str]:
    """The actor of the latest attack that fits; an official who ordered it stands for his state ("the strike"
    Trump ordered is the United States'), a body (a navy, an air force) for itself."""
    actor = disc.recall(family, exclude, singular=singular, instruments=means, word=word)
    if actor is None:
        return []
    return [ctx.affiliation.get(actor) or actor] if ctx.types.get(actor) == "Official" else [actor]


def recalled_actor(ctx: Context, disc: Discourse, noun: Token, exclude: list[str]) -> list[str]:
    """The actor of the latest attack read so far that ``noun`` can refer back to: "the strike" is the airstrike
    of two sentences ago, not a town taken over in between; "the ambush" an ambush; "the operation" any of them."""
    return recall_actor(ctx, disc, event_family(ctx, noun.lemma_.lower()), exclude,
                        singular=noun.tag_ in ("NN", "NNP"), means=instruments(ctx, noun),
                        word="" if noun.lemma_.lower() in ctx.t["general_attack_nouns"] else event_word(ctx, noun))
