"""Word lists the stages share, read once from ``kg/data/``: typing cues and event triggers."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

__all__ = ["cues", "triggers"]

_DATA = Path(__file__).parent / "data"


@lru_cache(maxsize=1)
def cues() -> dict[str, frozenset[str]]:
    """Typing cue words from ``kg/data/cues.json``."""
    raw = json.loads((_DATA / "cues.json").read_text(encoding="utf-8"))
    return {k: frozenset(v) for k, v in raw.items() if not k.startswith("_")}


@lru_cache(maxsize=1)
def triggers() -> dict:
    """Trigger lexicon from ``kg/data/triggers.json``, with lemma -> predicate maps added."""
    raw = json.loads((_DATA / "triggers.json").read_text(encoding="utf-8"))
    raw["verb_of"] = {lemma: p for p, lemmas in raw["verbs"].items() for lemma in lemmas}
    raw["noun_of"] = {lemma: p for p, lemmas in raw["nouns"].items() for lemma in lemmas}
    for key, value in list(raw.items()):
        if isinstance(value, list):
            raw[key] = frozenset(value)
    return raw
