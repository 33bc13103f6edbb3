"""Officials' affiliations: the state or body each official whose title names none belongs to, as the article
ties them ("Foreign Office spokesperson X", "X, a spokesman for the Y Front", "UN envoy X")."""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from .gazetteer import gazetteer
from .keys import country_key, fold, is_country
from .lexicon import actor_key, actors, cues
from .schema import Entity, Mention

__all__ = ["affiliate_officials"]


def affiliate_officials(doc: Doc, entities: list[Entity], groups: dict[str, list[Mention]],
                         mentions: list[Mention], keys: list[str]) -> list[Entity]:
    """Give officials whose role names no state the state the article ties to that role.

    In order: an unnamed "<Country>'s <role>" elsewhere in the article; the affiliation of an
    organisation in the role ("Foreign Office spokesperson"); a body the title names before the name ("UN envoy
    X", "Y Front spokesman X"); a state named earlier in the sentence; a body the title is "for" ("X, a spokesman
    for the Y Front"); the state that is the subject of the sentence before; a state named later in the sentence.
    """
    gaz = gazetteer()
    role_country: dict[str, str] = {}
    for tok in doc:
        if tok.tag_ == "POS" and tok.i > 0 and tok.i + 1 < len(doc):
            iso = gaz.country(doc[tok.i - 1].text)
            words = []
            j = tok.i + 1
            while j < len(doc) and doc[j].pos_ in ("PROPN", "NOUN") and doc[j].lower_ in cues().role_words:
                words.append(doc[j].text)
                j += 1
            if iso and words:
                role_country.setdefault(fold(" ".join(words)), country_key(iso))
    sents = list(doc.sents)
    key_at = {i: k for m, k in zip(mentions, keys) for i in range(*m.tokens)}
    by_key = {e.key: e for e in entities}
    out = []
    for e in entities:
        if e.type != "Official" or e.affiliation or not e.role:
            out.append(e)
            continue
        aff = role_country.get(fold(e.role), "")
        if not aff:
            for k in {key_at.get(t.i) for t in doc if t.i in key_at}:
                ent = by_key.get(k)
                if ent and ent.type == "Organization" and ent.label in e.role and ent.affiliation:
                    aff = ent.affiliation
        first = next((m for m in groups[e.key] if m.role), groups[e.key][0])  # where the role is stated
        n = first.sent  # the sentence index every mention carries

        def state(t) -> str:
            """The state a token's entity is or belongs to, "" for none."""
            k = key_at.get(t.i, "")
            return k if is_country(k) else getattr(by_key.get(k), "affiliation", "")

        if not aff:
            aff = _titling_body(doc, groups[e.key], key_at, by_key)  # "UN envoy X", "Y Front spokesman X": the body's
        if not aff:
            aff = next((state(t) for t in sents[n] if t.i < first.tokens[0] and state(t)), "")
        if not aff:
            aff = _role_body(doc, groups[e.key], key_at, by_key)  # "X, a spokesman for the Y Front": the Front's
        if not aff and n > 0:
            aff = next((state(t) for t in sents[n - 1] if t.dep_ == "nsubj" and state(t)), "")
        if not aff:
            aff = next((state(t) for t in sents[n] if t.i >= first.tokens[1] and state(t)), "")
        out.append(replace(e, affiliation=aff) if aff else e)
    return out


def _titling_body(doc: Doc, ms: list[Mention], key_at: dict[int, str], by_key: dict) -> str:
    """The named organisation or group an official's title names right before the name, with no state of its own:
    "UN envoy X", "NATO chief X", "Y Front military spokesman X" belong to the body, whatever state the sentence
    named before ("Speaking in Z, Y Front spokesman X said")."""
    for m in ms:
        i = m.tokens[0] - 1
        while i >= 0 and i not in key_at and (doc[i].lower_ in cues().role_words or  # "military" of "Y military spokesman"
                                              doc[i].is_lower and doc[i].dep_ in ("amod", "compound")):
            i -= 1
        ent = by_key.get(key_at.get(i, ""))
        if i < m.tokens[0] - 1 and ent is not None and ent.type in ("Organization", "Group") and not ent.affiliation \
                and (ent.type == "Group" or any(actor_key(name) in actors() for name in (ent.label, *ent.aliases))):
            return ent.key  # an armed group, or a body of actors.json; "Foreign Office X" is still a state's
    return ""


def _role_body(doc: Doc, ms: list[Mention], key_at: dict[int, str], by_key: dict) -> str:
    """The group or body an apposition's title is "for" or "of" ("X, a spokesman for the Y Front", "X, the head of
    the Z Agency"): the group itself, a body's state where it has one."""
    for m in ms:
        span = doc[m.tokens[0] : m.tokens[1]]
        for title in (c for c in span.root.children if c.dep_ == "appos" and c.lower_ in cues().role_words):
            for prep in (p for p in title.children if p.dep_ == "prep" and p.lower_ in ("for", "of")):
                for t in prep.subtree:
                    ent = by_key.get(key_at.get(t.i, ""))
                    if ent is not None and ent.type in ("Group", "Organization"):
                        return ent.affiliation or ent.key
    return ""
