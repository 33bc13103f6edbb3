"""Doc and resolved entities in, coded ``Relation`` records out.

Triggers (verbs and event nouns from ``kg/data/triggers.json``) are read over the dependency parse, after the
frames of ``kg/data/frames.json``: subjects from ``nsubj``/passive agents/possessors, inherited through xcomp,
conj, advcl and light verbs ("launched strikes"); targets from objects and frame prepositions, searched down
the phrase ("targets within Ruritanian territory" -> Ruritania). Modality, attribution, date, place and
casualties are read from the words that govern the trigger.

- ``context``: the frozen per-article context (parse, token -> entity, types, word lists)
- ``discourse``: what the article has said so far (last actors, attacks read, meeting parties)
- ``arguments``: actor and target finding, the predicate passed explicitly
- ``triggers``: which predicate a word triggers where it stands
- ``modality``: modality and attribution from the governing words
- ``facts``: date, place, casualties, finer CAMEO code, confidence
- ``emit``: relation records from one reading
- ``constructions``: the constructions that are not frame patterns, as ordered lists of small readers
- ``states``: attacks on a state's places or forces read as attacks on the state
- ``reader``: the driver, ``extract_relations``
"""
from __future__ import annotations

from .reader import extract_relations

__all__ = ["extract_relations"]
