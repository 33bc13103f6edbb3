"""Mentions in, entities out: one node per real thing named in an article.

Rules, in order: gazetteer identities (countries by ISO code, places by GeoNames id); a capital used as
an actor anywhere in the article is its country; an acronym beside or matching a name is that name;
a surname is the full name seen in the article; an unowned organisation name is the owned one of the
same name ("Ministry of Foreign Affairs" after "Iran's Ministry of Foreign Affairs").
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from spacy.tokens import Doc, Token

from .acronyms import acronym_tokens, key_acronyms
from .affiliations import affiliate_officials
from .gazetteer import gazetteer
from .keys import (country_iso, country_key, fold, geonames_key, is_capital, is_country, is_gazetteer_state,
                   is_geonames_place, is_person, iso_of, name_key, org_key, person_key, place_key)
from .lexicon import cues, triggers
from .mentions import names_org_word
from .officials import nicknamed
from .entity_records import entity_record, vote
from .references import references
from .schema import Entity, Mention

__all__ = ["resolve"]

_ACTOR_DEPS = {"nsubj", "nsubjpass", "poss", "agent"}


def resolve(doc: Doc, mentions: list[Mention]) -> tuple[list[Entity], dict[int, str]]:
    """Resolve mentions to entities; also return a map from token index to entity key."""
    text = doc.user_data.get("kg_text", doc.text)  # as written: the parse may have read a headline in sentence case
    sents = [text[s.start_char : s.end_char].strip() for s in doc.sents]
    mentions, keys = _assign_keys(doc, mentions)
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m, k in zip(mentions, keys):
        groups[k].append(m)
    entities = [entity_record(k, ms, sents, doc) for k, ms in groups.items()]
    entities = affiliate_officials(doc, entities, groups, mentions, keys)
    token_key = {}
    for m, k in zip(mentions, keys):
        for i in range(*m.tokens):
            token_key[i] = k
    acronyms = acronym_tokens(doc, mentions, keys, token_key)
    entities = [replace(e, aliases=tuple(dict.fromkeys((*e.aliases, *sorted(acronyms.get(e.key, ())))))) for e in entities]
    types = {e.key: e.type for e in entities}
    roles = {e.key: e.role.lower() for e in entities if e.role}
    token_key.update(references(doc, token_key, types, roles))
    return entities, token_key


def _assign_keys(doc: Doc, mentions: list[Mention]) -> tuple[list[Mention], list[str]]:
    """The entity key of every mention, and the mentions as the rules retype them, in order; the caller's list is
    left as it was. Each rule may retype a mention or move it to another key."""
    mentions = list(mentions)
    _towns_of_named_states(mentions)
    _shared_names_of_named_states(mentions)
    _capitals_named_like_officials(doc, mentions)
    keys = _first_keys(doc, mentions)
    _one_name_one_thing(mentions, keys)
    _nicknames(doc, mentions, keys)
    _places_coordinated_with_places(doc, mentions, keys)
    key_acronyms(doc, mentions, keys)
    _partial_names_of_officials(doc, mentions, keys)
    _retype_lone_names(doc, mentions, keys)
    _first_words_of_organisations(doc, mentions, keys)
    _people_coordinated_with_people(doc, mentions, keys)
    _owned_organisations(mentions, keys)
    _bodies_named_after_of(mentions, keys)
    _anaphoric_org_words(doc, mentions, keys)
    return mentions, keys


def _towns_of_named_states(mentions: list[Mention]) -> None:
    """A town's name that several countries' towns share is the town of a country the article names ("the town of
    San Isidro" in a report on Peru), not the most populous town of that name elsewhere."""
    gaz = gazetteer()
    named: dict[str, int] = defaultdict(int)  # how often the article names each country
    for m in mentions:
        if is_country(m.key):
            named[country_iso(m.key)] += 1
    for idx, m in enumerate(mentions):
        towns = gaz.homonyms.get(fold(m.text), []) if m.geonames and not is_capital(m.key) else []
        if not towns or country_iso(m.located_in) in named:
            continue
        if town := max((t for t in towns if t[1] in named), key=lambda t: named[t[1]], default=None):
            mentions[idx] = replace(m, key=geonames_key(town[0]), geonames=town[0], located_in=country_key(town[1]))


def _shared_names_of_named_states(mentions: list[Mention]) -> None:
    """A short name two states share ("Congo") is the one of them the article names otherwise, by its full name,
    capital or people ("the Democratic Republic of Congo", "Kinshasa", "Congolese troops")."""
    shared = gazetteer().shared_names
    named: dict[str, int] = defaultdict(int)
    for m in mentions:
        if (is_country(m.key) or is_capital(m.key)) and fold(m.text) not in shared:
            named[iso_of(m.key)] += 1
    for idx, m in enumerate(mentions):
        if is_country(m.key) and (states := shared.get(fold(m.text))):
            best = max(states, key=lambda iso: named[iso])
            if named[best] > named[country_iso(m.key)]:
                mentions[idx] = replace(m, key=country_key(best))


def _capitals_named_like_officials(doc: Doc, mentions: list[Mention]) -> None:
    """"Tarik Amman ... Amman said": a one-word capital or country named like an official of the article, and not named as a location, is that official's surname."""
    surnames = {fold(_surname(m.text.split())) for m in mentions if m.type == "Official" and len(m.text.split()) > 1}
    for idx, m in enumerate(mentions):
        # "Tarik Amman ... Amman said": a capital or a country named like an official of the article, and not
        # named as a location, is that official's surname
        if is_gazetteer_state(m.key) and len(m.text.split()) == 1 and fold(m.text) in surnames and \
                not _located(doc, m):
            mentions[idx] = replace(m, type="Official", key="", geonames=0, located_in="")


def _first_keys(doc: Doc, mentions: list[Mention]) -> list[str]:
    """Each mention's own key: its gazetteer identity, a capital as its state where it acts, else one from its type and name."""
    capital_is_state = {m.key for m in mentions if is_capital(m.key) and _acts(doc, m)}
    keys: list[str] = []
    for m in mentions:
        if is_capital(m.key):
            if m.key in capital_is_state:
                keys.append(country_key(iso_of(m.key)))
            else:
                keys.append(geonames_key(m.geonames) if m.geonames else place_key(m.text))
            continue
        if m.key:
            keys.append(m.key)
        else:
            keys.append(name_key(m.type, m.text))
    return keys


def _one_name_one_thing(mentions: list[Mention], keys: list[str]) -> None:
    """One name, one thing: the same words typed differently by the NER are one entity. A place reading counts double: the NER often takes an unknown town for a person or a company."""
    by_text: dict[str, list[int]] = defaultdict(list)
    for idx, m in enumerate(mentions):
        if m.type != "Country" and not is_gazetteer_state(m.key):
            by_text[fold(m.text)].append(idx)
    for idxs in by_text.values():
        if len({keys[i] for i in idxs}) > 1:
            typ = vote(mentions[i].type for i in idxs for _ in range(2 if mentions[i].type == "Place" else 1))
            winners = [keys[i] for i in idxs if mentions[i].type == typ]
            winner = next((k for k in winners if is_geonames_place(k)), winners[0])
            for i in idxs:
                keys[i] = winner
                if mentions[i].type != typ:
                    mentions[i] = replace(mentions[i], type=typ)


def _nicknames(doc: Doc, mentions: list[Mention], keys: list[str]) -> None:
    """A nickname given after a name ('A B, alias "Tigre"', "X's military, known as the Y") names that person or
    body wherever the article uses it."""
    for idx, named in nicknamed(doc, mentions).items():
        nick = fold(mentions[idx].text)
        for j, m in enumerate(mentions):
            if fold(m.text) == nick:
                keys[j], mentions[j] = keys[named], replace(m, type=mentions[named].type)


def _places_coordinated_with_places(doc: Doc, mentions: list[Mention], keys: list[str]) -> None:
    """An unroled "person" coordinated with a place is a place: "the rebels reached Korvatha and Belmora"."""
    place_tokens = {i for m, k in zip(mentions, keys) if m.type == "Place" for i in range(*m.tokens)}
    for idx, m in enumerate(mentions):
        if m.type == "Official" and not m.role:
            span = doc[m.tokens[0] : m.tokens[1]]
            # every token, not only the root: the parser may hang the conjunct on any word of the name
            partners = [t.head for t in span if t.dep_ == "conj"]
            partners += [c for t in span for c in t.children if c.dep_ == "conj"]
            if any(p.i in place_tokens for p in partners):
                mentions[idx] = replace(m, type="Place")
                keys[idx] = place_key(m.text)


def _partial_names_of_officials(doc: Doc, mentions: list[Mention], keys: list[str]) -> None:
    """Surnames and partial names of officials seen in full in the same article."""
    full = [(m.text.split(), k) for m, k in zip(mentions, keys) if m.type == "Official" and len(m.text.split()) > 1]
    cue_words = cues().org_words | cues().group_words
    for idx, m in enumerate(mentions):
        parts = m.text.split()
        root = doc[m.tokens[0] : m.tokens[1]].root
        located = _located(doc, m)
        # no gazetteer identity, or a gazetteer town named where a person acts ("Kennedy said")
        generic = m.key in ("", place_key(m.text)) or is_geonames_place(m.key) and not located
        bare = generic and not any(fold(p) in cue_words for p in parts)
        if m.type in ("Organization", "Group", "Place") and bare and len(parts) == 1 or \
                m.type == "Official" and len(parts) == 1 or m.type == "Official" and parts[0].lower() in cues().surname_particles:
            for names, k in full:
                # folded: "Erdogan" is "Erdoğan"
                # or the first word of one full name only: "Kim" of "Kim Jong Un", "Xi" of "Xi Jinping"
                # or a later word of one full name only: "Ortiz" of "Luis Ortiz Vega" (two surnames)
                if fold(parts[0]) in (fold(names[-1]), fold(_surname(names))) or \
                        parts[0] == names[0] and len({k2 for n, k2 in full if n[0] == parts[0]}) == 1 or \
                        len(names) > 2 and parts[0] in names[1:-1] and len({k2 for n, k2 in full if parts[0] in n[1:]}) == 1:
                    keys[idx] = k
                    if m.type != "Official":
                        mentions[idx] = replace(m, type="Official", key="", geonames=0, located_in="")
                    break
            else:
                # a spelling variant of an official's surname ("Marova" / "Marovi"): one edit apart, both long
                says = root.dep_ == "nsubj" and root.head.lemma_.lower() in triggers()["speech_verbs"]
                near = {k for names, k in full if (m.type == "Official" or says) and len(parts) == 1 and
                        _one_edit(parts[0], names[-1].split("-")[-1])}
                if len(near) == 1:
                    keys[idx] = near.pop()
                    if m.type != "Official":
                        mentions[idx] = replace(m, type="Official", key="", geonames=0, located_in="")


def _first_words_of_organisations(doc: Doc, mentions: list[Mention], keys: list[str]) -> None:
    """"Mahan" after "Mahan Air": a one-word name that starts a longer organisation's name is that organisation."""
    org_names = [(m.text.split(), k) for m, k in zip(mentions, keys) if m.type in ("Organization", "Group") and len(m.text.split()) > 1]
    for idx, m in enumerate(mentions):
        parts = m.text.split()
        gazetteer_place_as_actor = is_geonames_place(m.key) and \
            doc[m.tokens[0] : m.tokens[1]].root.dep_ in ("nsubj", "nsubjpass", "poss", "dobj")
        if len(parts) == 1 and (m.key in ("", place_key(m.text)) or gazetteer_place_as_actor) and m.type != "Official":
            hits = {k for names, k in org_names if names[0] == parts[0]}
            if len(hits) == 1:
                keys[idx] = hits.pop()
                mentions[idx] = replace(m, type=next(o.type for o, k in zip(mentions, keys) if k == keys[idx] and o is not m), key="")


def _people_coordinated_with_people(doc: Doc, mentions: list[Mention], keys: list[str]) -> None:
    """A cue-less "organisation" coordinated with people is a person the NER mistyped."""
    cue_words = cues().org_words | cues().group_words
    official_tokens = {i for m in mentions if m.type == "Official" for i in range(*m.tokens)}
    for idx, m in enumerate(mentions):
        if m.type == "Organization" and not m.key and not any(fold(p) in cue_words for p in m.text.split()):
            root = doc[m.tokens[0] : m.tokens[1]].root
            near = [root.head] + [c for c in root.children if c.dep_ in ("conj", "appos")]
            if root.dep_ in ("conj", "appos") and any(t.i in official_tokens for t in near):
                keys[idx] = person_key(m.text)
                mentions[idx] = replace(m, type="Official")


def _owned_organisations(mentions: list[Mention], keys: list[str]) -> None:
    """An unowned organisation name that one owned organisation of the article carries."""
    owned = defaultdict(set)
    for m, k in zip(mentions, keys):
        if m.type == "Organization" and m.affiliation:
            owned[fold(m.text)].add(k)
            name, _, owner = m.text.rpartition(" of ")
            if name and gazetteer().country(owner):
                owned[fold(name)].add(k)  # "Ministry of Foreign Affairs" after "... of Ruritania"
    for idx, m in enumerate(mentions):
        if m.type == "Organization" and not m.affiliation and len(owned.get(fold(m.text), ())) == 1:
            keys[idx] = next(iter(owned[fold(m.text)]))


def _bodies_named_after_of(mentions: list[Mention], keys: list[str]) -> None:
    """"the Treasury" after "the Department of the Treasury": a body's name after its head word and "of"."""
    of_names = {}
    for m, k in zip(mentions, keys):
        words = m.text.split()
        if m.type == "Organization" and len(words) >= 3 and fold(words[0]) in cues().common_org_nouns and \
                words[1].lower() == "of":
            of_names.setdefault(fold(" ".join(w for w in words[2:] if w.lower() != "the")), set()).add(k)
    for idx, m in enumerate(mentions):
        if m.type == "Organization" and len(of_names.get(fold(m.text), ())) == 1:
            keys[idx] = next(iter(of_names[fold(m.text)]))


def _anaphoric_org_words(doc: Doc, mentions: list[Mention], keys: list[str]) -> None:
    """"the Embassy" after "the Ruritanian Embassy in Zenda": the nearest organisation named with that word."""
    for idx, m in enumerate(mentions):
        s = m.tokens[0]
        if len(m.text.split()) == 1 and fold(m.text) in cues().common_org_nouns and s > 0 and \
                doc[s - 1].lower_ in cues().demonstratives:
            k = next((keys[j] for j in range(idx - 1, -1, -1) if names_org_word(mentions[j], fold(m.text))), "")
            if k:
                keys[idx] = k


def _surname(names: list[str]) -> str:
    """The last word of a name without its particle: "al-Assad" -> "Assad"."""
    return names[-1].split("-")[-1]


def _located(doc: Doc, m: Mention) -> bool:
    """ "in X", "to X", "near X": the name is governed by a preposition of place."""
    root = doc[m.tokens[0] : m.tokens[1]].root
    return root.dep_ == "pobj" and root.head.lower_ in cues().located_preps


def _one_edit(a: str, b: str) -> bool:
    """True when two names of five letters or more differ by one substitution, insertion or deletion.

    >>> _one_edit("Novakova", "Novakowa"), _one_edit("Novak", "Novak"), _one_edit("Ivan", "Ivar")
    (True, False, False)
    """
    a, b = fold(a), fold(b)
    if a == b or min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1 or a[0] != b[0]:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = sorted((a, b), key=len)
    i = next((i for i, (x, y) in enumerate(zip(short, long_)) if x != y), len(short))
    return short[i:] == long_[i + 1:]


def _retype_lone_names(doc: Doc, mentions: list[Mention], keys: list[str]) -> None:
    """A one-word "person" with no role and no fuller name that is a platform ("posted on Freebook") or that
    "reports" (a news outlet) is an organisation: people in the news are introduced by full name or title."""
    by_key: dict[str, list[int]] = defaultdict(list)
    for idx, k in enumerate(keys):
        by_key[k].append(idx)
    for k, idxs in by_key.items():
        ms = [mentions[i] for i in idxs]
        if not is_person(k) or any(m.type != "Official" or m.role or len(m.text.split()) > 1 for m in ms):
            continue
        if any(_on_platform(doc, m) or _reports(doc, m) for m in ms):
            for i in idxs:
                mentions[i] = replace(mentions[i], type="Organization")
                keys[i] = org_key(mentions[i].text)


def _on_platform(doc: Doc, m: Mention) -> bool:
    """True when the name is a platform something is said or posted on ("said on Freebook")."""
    root = doc[m.tokens[0] : m.tokens[1]].root
    s, e = m.tokens
    if s > 0 and doc[s - 1].like_num or e < len(doc) and doc[e].like_num:
        return False  # "the 737 Max", "Route 2": a model or a road
    if root.dep_ != "pobj" or root.head.lower_ not in cues().platform_preps:
        return False
    head = root.head.head
    if head.pos_ == "VERB" or head.lemma_.lower() in cues().platform_heads:
        return True  # "said on X", "a message on X"
    # "posted footage on X", "hailed the report on X": the preposition hangs on the verb's object;
    # not a topic or a target ("a say on X", "sanctions on X")
    return head.pos_ == "NOUN" and head.dep_ == "dobj" and head.lemma_.lower() not in triggers()["noun_of"] and \
        head.lower_ not in triggers()["event_nouns"] and head.lemma_.lower() not in cues().topic_nouns


def _reports(doc: Doc, m: Mention) -> bool:
    """True when the name is the subject of "report": a news outlet."""
    root = doc[m.tokens[0] : m.tokens[1]].root
    return root.dep_ == "nsubj" and root.head.lemma_.lower() == "report"


def _acts(doc: Doc, m: Mention) -> bool:
    """True when the mention is used as an actor: subject, possessor, agent, or the subject of a verb of saying."""
    root = doc[m.tokens[0] : m.tokens[1]].root
    if root.dep_ == "poss" and root.head.lemma_.lower() in cues().place_words | cues().landmark_words:
        return False  # "Zenda's airport", "Zenda's southern suburbs": a place has them, no state acts
    if root.dep_ in _ACTOR_DEPS:
        return True
    if _addressed(root.head if root.dep_ == "conj" and root.head.dep_ == "dobj" else root):  # "urged A and B to"
        return True  # "accused Santiago of ...", "urged Moscow to ...": a state is accused, a town is not
    if root.dep_ == "conj" and root.head.dep_ == "pobj":
        root = root.head  # "between A and B", "called on A and B": B as A
    if root.dep_ != "pobj":
        return False
    prep, head, t = root.head.lower_, root.head.head, triggers()
    lemma = head.lemma_.lower()
    if prep == "between" and (t["verb_of"].get(lemma) in cues().between_predicates or
                              t["noun_of"].get(lemma) in cues().between_predicates or lemma in cues().dealings_nouns):
        return True  # "offered to mediate between Lima and Quito", "talks between Lima and Quito": the two states
    # "protested to Lima", "sanctions against Minsk", "talks with Lima", "ambassador to Lima", "called on Lima to"
    judged = [head, *(c for c in head.children if c.dep_ == "dobj")]  # "condemnation from Lima", "drew a rebuke from Lima"
    return prep in cues().actor_preps and head.pos_ == "VERB" or prep == "against" or \
        prep == "with" and lemma in cues().dealings_nouns or prep == "to" and lemma in cues().envoy_nouns or \
        prep == "on" and lemma in t["request_words"] or \
        prep == "from" and any(t["noun_of"].get(w.lemma_.lower()) in t["addressing_predicates"] for w in judged)


def _addressed(obj: Token) -> bool:
    """Whether ``obj`` is the object of a verb that addresses a party (accusing, urging, holding responsible) or that
    makes it act ("prompting Lima to expel ...")."""
    if obj.dep_ != "dobj":
        return False
    t = triggers()
    verb = obj.head.lemma_.lower()
    return t["verb_of"].get(verb) in t["addressing_predicates"] or verb in t["request_words"] or \
        any(c.lemma_.lower() in t["accountable_words"] for c in obj.head.children) or \
        verb in t["object_control_verbs"] and any(c.dep_ == "xcomp" for c in obj.head.children)  # "prompting Lima to expel"
