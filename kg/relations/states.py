"""Attacks on a state's places or forces, read as attacks on the state itself."""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..keys import country_key, is_country, owner_iso

if TYPE_CHECKING:
    from ..schema import Entity, Relation

__all__ = ["struck_states"]


def struck_states(rels: list[Relation], entities: list[Entity]) -> list[Relation]:
    """``rels`` and, for each attack by a state (or its forces) on another named state's place or forces, that the
    attacking state struck that state ("shelled Ruritanian army posts"); a body a state leads ("a Ruritanian-led
    coalition") struck it as itself, not as its leader; armed groups' attacks are theirs alone."""
    by_key = {e.key: e for e in entities}
    out = []
    for r in rels:
        if r.predicate not in ("struck", "killed") or r.modality not in ("asserted", "negated", "hypothetical", "alleged"):
            continue
        hit = r.object if r.predicate == "struck" else r.place
        state, attacker = _state_of(by_key, hit), _own_state(by_key, r.subject)
        if state and attacker in by_key and state != attacker:
            out.append(replace(r, subject=attacker, predicate="struck", object=state, code=r.code if r.predicate == "struck" else "",
                               evidence=replace(r.evidence, confidence=round(r.evidence.confidence * 0.9, 2))))
    return rels + out


def _state_of(by_key: dict[str, Entity], key: str) -> str:
    """The state ``key`` belongs to when the article names it: a country itself, a place's country, a state body's state."""
    ent = by_key.get(key)
    if ent is None:
        return ""
    if ent.type == "Country":
        state = key  # "killed X in Pakistan"
    elif ent.type == "Place":
        state = ent.located_in or (country_key(ent.iso) if ent.iso else "")
    elif ent.type in ("Organization", "Group") and is_country(ent.affiliation):
        state = ent.affiliation if ent.type == "Organization" else ""
    else:
        state = ""
    return state if state in by_key else ""


def _own_state(by_key: dict[str, Entity], key: str) -> str:
    """The state that attacks when ``key`` does: a country itself, or the state whose own body ``key`` is
    (``org/<ISO>/...``: its forces, its ministries)."""
    ent = by_key.get(key)
    if ent is None or ent.type not in ("Country", "Organization"):
        return ""  # an official's or a group's attack is theirs, not their state's
    if ent.type == "Country":
        return key
    iso = owner_iso(key)  # a state's own body; "a Ruritanian-led coalition" is led by the state, not the state:
    return country_key(iso) if iso else key if is_country(ent.affiliation) else ""  # it attacks as itself
