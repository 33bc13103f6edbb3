"""The facts of an event besides its parties: date, place, casualties, finer CAMEO code and confidence."""
from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from ..lexicon import calibration, triggers
from ..schema import CODES
from .arguments import entities_in

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..schema import Article
    from .context import Context

__all__ = ["casualties", "confidence", "finer_code", "number", "place", "stated_day"]


def stated_day(article: Article, sent: Span, trigger: Token | None = None) -> str:
    """The day the sentence names for the event at ``trigger``: the article's date moved back by a "Monday" or
    "yesterday" of the trigger's own clause, else the nearest ("after talks failed on Monday, X struck Y on
    Tuesday": Tuesday); "" when it names none. A day inside a relative clause the trigger is not in
    dates that clause's event, not this one ("missiles hit the area where a strike on Thursday killed X":
    Thursday is the earlier strike's)."""
    if not article.date:
        return ""
    base = date.fromisoformat(article.date)
    weekdays = triggers()["weekdays"]
    found: list[tuple[bool, int, int]] = []  # (in another clause, distance to the trigger, days back)
    for tok in sent:
        if tok.lower_ in weekdays and tok.ent_type_ == "DATE":
            delta = (base.weekday() - weekdays[tok.lower_]) % 7
        elif tok.lower_ == "yesterday" and tok.ent_type_ == "DATE":
            delta = 1
        else:
            continue
        if trigger is not None and _in_other_relative_clause(tok, trigger):
            continue
        if trigger is None:
            found.append((0, tok.i, delta))
        else:  # the day of the trigger's own clause first, then the nearest
            found.append((_clause_verb(tok).i != _clause_verb(trigger).i, abs(tok.i - trigger.i), delta))
    if not found:
        return ""
    try:
        return (base - timedelta(days=min(found)[2])).isoformat()
    except OverflowError:  # an article dated in the first days of year 1: keep its own date
        return article.date


def _clause_verb(tok: Token) -> Token:
    """The verb of the clause ``tok`` is in (the root when none is above it)."""
    t = tok
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        t = t.head
    return t


def _in_other_relative_clause(tok: Token, trigger: Token) -> bool:
    """True when ``tok`` lies in a relative clause whose subtree does not hold ``trigger``."""
    t = tok
    while t.head.i != t.i:
        if t.dep_ in ("relcl", "acl") and trigger not in t.subtree:
            return True
        t = t.head
    return False


def number(text: str) -> int:
    """The value of a number written in digits or as a small word ("seven"), else -1."""
    text = text.replace(",", "").lower()
    if text.isdigit():
        return int(text)
    return triggers()["number_words"].get(text, -1)


def casualties(ctx: Context, sent: Span) -> int:
    """The first count of casualties the sentence gives ("killed seven soldiers"), else -1."""
    for tok in sent:
        if not tok.like_num:
            continue
        head = tok.head
        if head.lower_ in ctx.t["casualty_nouns"] or head.lemma_.lower() in ctx.t["casualty_nouns"]:
            value = number(tok.text)
            if value >= 0:
                return value
    return -1


def place(ctx: Context, tok: Token, target_keys: list[str]) -> str:
    """The place the event happened: a place named in a locative phrase on ``tok``, else a targeted place."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ctx.t["place_preps"]:
            for k in entities_in(ctx, c, multi=False):
                if ctx.types.get(k) == "Place":
                    return k
    return next((k for k in target_keys if ctx.types.get(k) == "Place"), "")


def finer_code(tok: Token, pred: str, extra: set[str] | frozenset[str] = frozenset()) -> str:
    """The finer CAMEO code the trigger's words give: "air strike" 195, "accused of aggression" 1123."""
    words = {tok.lemma_.lower(), tok.lower_, *extra}
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "dobj", "xcomp", "pcomp", "npadvmod", "prt", "nsubj", "nsubjpass", "prep", "agent"):
            words.add(c.lemma_.lower())
            words.update(g.lemma_.lower() for g in c.children if g.dep_ in ("pobj", "pcomp", "compound", "dobj"))
    if tok.head.i != tok.i:
        words.add(tok.head.lemma_.lower())
    words |= {w for w in list(words) for w in w.split("-")}
    return next((c.code for c in CODES if c.predicate == pred and c.words & words), "")


def confidence(reading: float, pred: str, both_named: bool) -> float:
    """An edge's confidence: how reliable its reading is, times its predicate's measured precision
    (``kg/data/confidence.json``), lowered when a party is reached through a pronoun or the discourse."""
    cal = calibration()
    right, found = cal["predicate_prior"].get(pred, (0, 0))
    value = reading * ((right + 1) / (found + 2)) / cal["typical_prior"]
    if not both_named:
        value *= cal["unnamed_party"]
    return round(min(0.99, max(0.05, value)), 2)
