"""Doc in, typed ``Mention`` records out: spans of the statistical NER and the gazetteer, typed with context."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from .gazetteer import fold, gazetteer
from .lexicon import cues
from .schema import Mention

__all__ = ["find_mentions", "slug"]

_ENT_LABELS = {"GPE", "LOC", "NORP", "PERSON", "ORG", "FAC"}
_DIRECTIONS = {"north", "south", "east", "west", "central", "northern", "southern", "eastern", "western"}
_NAME_PARTICLES = {"al", "el", "bin", "ibn", "bint", "abu", "van", "von", "de", "da", "di", "du", "la", "le", "der", "den"}


def slug(text: str) -> str:
    """A readable key part: folded, words joined by hyphens.

    >>> slug("Islamic Revolutionary Guard Corps"), slug("Ministry of Foreign Affairs")
    ('islamic-revolutionary-guard-corps', 'ministry-of-foreign-affairs')
    """
    return re.sub(r"[\s_]+", "-", fold(text)).strip("-") or "x"


def find_mentions(doc: Doc) -> list[Mention]:
    """Every typed mention in ``doc``, in text order."""
    sent_of = {}
    for i, sent in enumerate(doc.sents):
        for tok in sent:
            sent_of[tok.i] = i
    lower_words = {t.text for t in doc if t.text.islower()}
    out: list[Mention] = []
    used: set[int] = set()
    for ent in doc.ents:
        if ent.label_ not in _ENT_LABELS:
            continue
        span = _clean(ent)
        if span is None:
            continue
        m = _classify(span, ent.label_, sent_of[span.start], lower_words)
        if m is not None:
            out.append(m)
            used.update(range(span.start, span.end))
    out = _merge_expansions(doc, out, sent_of)
    out.extend(_force_mentions(doc, sent_of, used))
    out.extend(_place_word_mentions(doc, sent_of, used))
    out.sort(key=lambda m: m.start)
    return out


def _merge_expansions(doc: Doc, mentions: list[Mention], sent_of: dict[int, int]) -> list[Mention]:
    """"ISIS (Islamic State of Iraq and Syria)": the parenthesised expansion is one name, typed as its acronym."""
    out: list[Mention] = []
    skip_until = -1
    for m in mentions:
        if m.tokens[0] < skip_until:
            continue
        out.append(m)
        s, e = m.tokens
        if not re.fullmatch(r"[A-Z]{2,8}", m.text) or e >= len(doc) or doc[e].text != "(":
            continue
        close = next((t.i for t in doc[e + 1 : e + 15] if t.text == ")"), None)
        if close is None:
            continue
        inner = doc[e + 1 : close]
        words = [w for w in re.split(r"[\s-]+", inner.text) if w and w.lower() not in ("of", "the", "and", "for", "al")]
        if "".join(w[0] for w in words).upper() == m.text:
            out.append(_mention(inner, sent_of[e + 1], m.type, key=m.key))
            skip_until = close
    return out


def _clean(ent: Span) -> Span | None:
    """Drop a leading article, a trailing possessive and edge punctuation."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].lower_ in ("'s", "’s")):
        end -= 1
    if start >= end:
        return None
    return doc[start:end]


def _mention(span: Span, sent: int, type_: str, **kw) -> Mention:
    return Mention(text=span.text, start=span.start_char, end=span.end_char, tokens=(span.start, span.end),
                   sent=sent, type=type_, **kw)


def _country_mention(span: Span, sent: int, iso: str) -> Mention:
    c = gazetteer().countries[iso]
    return _mention(span, sent, "Country", key=f"country/{iso}", iso=iso, geonames=c["geonames"], canonical=c["name"])


def _classify(span: Span, label: str, sent: int, lower_words: set[str]) -> Mention | None:
    gaz = gazetteer()
    key = fold(span.text)
    words = [fold(t.text) for t in span]
    if (iso := gaz.country_names.get(key)) and (region := _region_of_preceding_place(span, key)):
        return _place_mention(span, sent, key) if key in gaz.regions and gaz.regions[key][0] == region else None
    if iso and _followed_by(span, ("state", "province", "county")):
        return None  # "Washington state": the region, named with the word that makes it one
    if iso:
        return _country_mention(span, sent, iso)
    if key in gaz.capitals and label in ("PERSON", "ORG", "NORP") and len(span) == 1:
        label = "GPE"  # a capital the NER took for a person or an organisation
    if key.startswith("non-"):
        return None
    if iso := gaz.demonyms.get(key) or (label == "NORP" and gaz.demonym(span.text)):
        return _country_mention(span, sent, iso)
    if key in _TIME_WORDS or not any(t.text[:1].isupper() for t in span):
        return None
    if len(span) == 1 and span.text.lower() in lower_words and key not in gaz.places and key not in gaz.regions:
        return None  # a capitalised common word ("State", "Sea"): the article uses it in lower case too
    if len(span) == 1 and span.root.dep_ in ("compound", "amod") and span.root.head.text[:1].isupper() and \
            span.root.head.i == span.end and key not in gaz.places and key not in gaz.regions:
        return None  # a piece of a longer name the NER split ("Islamic" of "Islamic State")
    if len(span) == 1 and span.start >= 2 and span.doc[span.start - 1].lower_ == "of" and \
            span.doc[span.start - 2].lower_ in cues()["role_words"]:
        return None  # "Secretary of State": part of a title
    if len(span) > 1 and (iso := gaz.country_names.get(fold(span[0].text))) and label in ("ORG", "PERSON") \
            and span[1].text[:1].isupper() and fold(span[1:].text) not in gaz.country_names:
        rest = [fold(t.text) for t in span[1:]]
        if not _has_cue(rest, "org_words") and not _has_cue(rest, "group_words"):
            label = "PERSON"
        return _classify(span[1:], label, sent, lower_words)  # "Ukraine Volodymyr Zelenskyy": a headline run-on
    if label == "ORG" and span.root.dep_ == "appos" and span.root.head.lower_ in cues()["role_words"] and \
            not _has_cue(words, "org_words") and not _has_cue(words, "group_words"):
        label = "PERSON"  # "a spokesperson, Morgan Ortagus"
    if label in ("ORG", "PERSON") and len(span) == 1 and span.root.dep_ in ("compound", "amod") and \
            span.root.head.lemma_.lower() in cues()["place_words"] and not _has_cue(words, "org_words"):
        return _place_mention(span, sent, key)  # "the Khurais oil field"
    if label in ("ORG", "PERSON") and _locative(span) and not _has_cue(words, "org_words") and not _has_cue(words, "role_words"):
        return _place_mention(span, sent, key)
    if label == "NORP":
        place = gaz.places.get(key)
        if place and span.root.dep_ in ("pobj", "compound", "nsubj", "dobj"):
            return _place_mention(span, sent, key)
        return None
    if label == "ORG":
        return _org_mention(span, sent, words)
    if label == "PERSON":
        return _person_mention(span, sent, words, lower_words)
    # GPE, LOC, FAC
    if _followed_by(span, ("state", "province", "county")) and key in gaz.regions:
        return _place_mention(span, sent, key)
    if iso := gaz.capitals.get(key):
        # A capital: Country alias or Place, decided over the whole article in resolve.
        c = gaz.countries[iso]
        place = gaz.places.get(key)
        return _mention(span, sent, "Place", key=f"capital/{iso}", located_in=f"country/{iso}",
                        geonames=place[0] if place else 0, canonical=c["name"])
    if len(span) == 1 and key in _DIRECTIONS:
        return None
    if key in gaz.places or key in gaz.regions:
        return _place_mention(span, sent, key)
    if label == "GPE" and span.root.dep_ in ("compound", "amod") and span.root.head.lower_ not in cues()["place_words"]:
        return None  # "Baloch separatist sites": an adjective of region, not a place
    if any(w in cues()["org_words"] for w in words[-1:]):
        return _org_mention(span, sent, words)
    return _place_mention(span, sent, key)


def _followed_by(span: Span, words: tuple[str, ...]) -> bool:
    return span.end < len(span.doc) and span.doc[span.end].lower_ in words


def _region_of_preceding_place(span: Span, key: str) -> str:
    """For "Atlanta, Georgia": the country code when a town of that country's region of this name precedes."""
    gaz = gazetteer()
    doc = span.doc
    if key not in gaz.regions or span.start < 2 or doc[span.start - 1].text != ",":
        return ""
    j = span.start - 2
    while j > 0 and doc[j - 1].text[:1].isupper() and doc[j - 1].pos_ == "PROPN":
        j -= 1
    place = gaz.places.get(fold(doc[j : span.start - 1].text))
    region_cc = gaz.regions[key][0]
    return region_cc if place and place[1] == region_cc and region_cc != gaz.country_names.get(key) else ""


_TIME_WORDS = frozenset(
    "january february march april may june july august september october november december monday tuesday "
    "wednesday thursday friday saturday sunday am pm utc gmt".split())
_LOCATIVE = frozenset({"in", "at", "near", "into", "outside", "inside", "across", "around", "towards", "toward"})


def _locative(span: Span) -> bool:
    """True when the span is the object of a place preposition ("at Ain Issa", "near Abqaiq") or names a
    place word's place ("the town of Tell Tamer", "the towns of A and B")."""
    root = span.root
    while root.dep_ == "conj" and root.head is not root:
        root = root.head
    if root.dep_ != "pobj":
        return False
    prep = root.head
    return prep.lower_ in _LOCATIVE or prep.lower_ == "of" and prep.head.lemma_.lower() in cues()["place_words"]


def _has_cue(words: list[str], kind: str) -> bool:
    return any(w in cues()[kind] for w in words)


def _place_mention(span: Span, sent: int, key: str) -> Mention:
    """A Place: keyed by GeoNames id or region when the gazetteer knows the name, else by the name."""
    gaz = gazetteer()
    if key not in gaz.places and key not in gaz.regions:
        return _mention(span, sent, "Place", key=f"place/{slug(span.text)}")
    if key in gaz.places:
        gid, cc, _pop, name = gaz.places[key]
        return _mention(span, sent, "Place", key=f"place/geonames/{gid}", geonames=gid,
                        located_in=f"country/{cc}" if cc in gaz.countries else "")
    cc, _name = gaz.regions[key]
    return _mention(span, sent, "Place", key=f"place/{cc}/{slug(span.text)}",
                    located_in=f"country/{cc}" if cc in gaz.countries else "")


def _owner_country(span: Span) -> str:
    """Country that owns an organisation: "Iran's Ministry", "the Pakistani Army", "Iranian-backed"."""
    gaz = gazetteer()
    for tok in [span.root, *span]:
        for child in tok.children:
            if child.i < span.start and child.dep_ in ("poss", "amod", "compound", "nmod"):
                iso = gaz.country_names.get(fold(child.text)) or gaz.demonyms.get(fold(child.text))
                if iso:
                    return iso
    first = fold(span[0].text)
    return gaz.demonyms.get(first) or gaz.country_names.get(first) or ""


def _org_mention(span: Span, sent: int, words: list[str]) -> Mention | None:
    c = cues()
    gaz = gazetteer()
    joined = " ".join(words)
    iso = _owner_country(span)
    name_words = words[1:] if words and (gaz.demonyms.get(words[0]) or gaz.country_names.get(words[0])) else words
    if iso and " ".join(name_words) in c["force_heads"]:
        return _mention(span, sent, "Organization", key=f"org/{iso}/armed-forces", affiliation=f"country/{iso}")
    group = _mention(span, sent, "Group", key=f"group/{slug(span.text)}")
    if any(p in joined for p in c["group_phrases"]):
        return group
    if name_words and name_words[-1] in ("forces", "units", "force") and len(name_words) > 1 and \
            not any(w in c["state_force_words"] for w in name_words[:-1]):
        return group  # "Democratic Forces", "Protection Units": a militia's name, not a state's army
    first_group = next((i for i, w in enumerate(words) if w in c["group_words"]), None)
    first_org = next((i for i, w in enumerate(words) if w in c["org_words"]), None)
    if first_group is not None and (first_org is None or first_group < first_org):
        return group  # "Liberation Army" is a group; "Coalition to Defeat ISIS" an organisation
    aff = f"country/{iso}" if iso else ""
    key = f"org/{iso}/{slug(' '.join(name_words))}" if iso else ""
    return _mention(span, sent, "Organization", key=key, affiliation=aff)


def _person_mention(span: Span, sent: int, words: list[str], lower_words: set[str]) -> Mention | None:
    c = cues()
    gaz = gazetteer()
    content = [t for t in span if t.lower_ not in _NAME_PARTICLES]
    # A title-case phrase whose words the article also uses in lower case is a headline, not a name.
    if any(t.is_alpha and t.text.islower() for t in content):
        return None  # names carry lower-case words only as particles ("al", "bin", "van")
    for t in content:
        if not t.text.islower() and any(len(part) > 2 and part.lower() in lower_words for part in t.text.split("-")):
            return None
    if any(ch.isdigit() for ch in span.text):
        return None
    if any(w in c["group_words"] for w in words) or any(w.split("-")[0] in c["group_words"] for w in words):
        return _mention(span, sent, "Group", key=f"group/{slug(span.text)}")
    if span.root.dep_ == "compound" and span.root.head.lower_ in {"bases", "base", "camps", "militants", "fighters", "members", "hideouts", "positions", "cells"}:
        return _mention(span, sent, "Group", key=f"group/{slug(span.text)}")
    key = fold(span.text)
    if key in gaz.places and len(span) == 1:
        return _place_mention(span, sent, key)
    role, aff = _role(span)
    return _mention(span, sent, "Official", role=role, affiliation=aff)


def _role(span: Span) -> tuple[str, str]:
    """Role title and affiliation key from the words before a name or an apposition."""
    doc = span.doc
    gaz = gazetteer()
    role_words = cues()["role_words"]
    parts: list[Token] = []
    aff = ""
    i = span.start - 1
    while i >= 0:
        tok = doc[i]
        if tok.tag_ == "POS":
            owner = doc[i - 1] if i > 0 else None
            if owner is not None and (iso := gaz.country_names.get(fold(owner.text)) or gaz.capitals.get(fold(owner.text))):
                aff = aff or f"country/{iso}"
            break
        if tok.pos_ not in ("PROPN", "NOUN", "ADJ") or tok.is_punct or tok.ent_type_ in ("GPE", "NORP") and not parts:
            if tok.ent_type_ in ("GPE", "NORP") and (iso := gaz.country_names.get(fold(tok.text)) or gaz.demonyms.get(fold(tok.text))):
                aff = aff or f"country/{iso}"
            break
        iso = gaz.demonyms.get(fold(tok.text)) or gaz.country_names.get(fold(tok.text))
        if iso:
            aff = aff or f"country/{iso}"
            break
        parts.insert(0, tok)
        i -= 1
    # Keep the role words and the titled words between them ("Foreign Office spokesperson").
    while parts and parts[0].lower_ not in role_words and not parts[0].text[:1].isupper():
        parts.pop(0)
    role = " ".join(t.text for t in parts) if any(t.lower_ in role_words for t in parts) else ""
    if not role:
        for child in span.root.children:
            if child.dep_ == "appos" and child.lower_ in role_words | {t + "s" for t in ()}:
                words = [t for t in child.subtree if t.dep_ not in ("det", "punct") and t.tag_ != "POS"]
                role = " ".join(t.text for t in words if not (gaz.country_names.get(fold(t.text)) or gaz.demonyms.get(fold(t.text))))
                for t in child.subtree:
                    if iso := gaz.country_names.get(fold(t.text)) or gaz.demonyms.get(fold(t.text)):
                        aff = aff or f"country/{iso}"
                break
    return role, aff


def _force_mentions(doc: Doc, sent_of: dict[int, int], used: set[int]) -> list[Mention]:
    """Armed forces named by their country: "Pakistani forces", "Iran's armed forces", "the Turkish military"."""
    gaz = gazetteer()
    heads = {h.split()[-1] for h in cues()["force_heads"]}
    out = []
    for tok in doc:
        if tok.lower_ not in heads or tok.i in used or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        candidates = [c for c in tok.children if c.dep_ in ("poss", "amod", "compound", "nmod") and c.i < tok.i]
        if tok.i > 0 and doc[tok.i - 1] not in candidates and doc[tok.i - 1].pos_ in ("ADJ", "PROPN"):
            candidates.append(doc[tok.i - 1])  # "Turkish army deployments": the adjective hangs on the last noun
        for child in candidates:
            iso = gaz.country_names.get(fold(child.text)) or gaz.demonyms.get(fold(child.text))
            if iso:
                span = doc[child.i : tok.i + 1]
                if any(i in used for i in range(span.start, span.end) if i != child.i):
                    break
                out.append(_mention(span, sent_of[tok.i], "Organization", key=f"org/{iso}/armed-forces",
                                    affiliation=f"country/{iso}"))
                break
    return out


def _place_word_mentions(doc: Doc, sent_of: dict[int, int], used: set[int]) -> list[Mention]:
    """Proper names the NER missed before a place word: "Sistan-o-Baluchistan province", "Kurram district"."""
    words = cues()["place_words"]
    out = []
    for tok in doc:
        if tok.lower_ not in words or tok.i == 0:
            continue
        end = tok.i
        start = end
        while start > 0 and start - 1 not in used:
            prev = doc[start - 1]
            if prev.text[:1].isupper() and prev.pos_ in ("PROPN", "NOUN", "ADJ") and not prev.is_sent_start or prev.pos_ == "PROPN":
                start -= 1
            elif prev.text == "-" or prev.is_lower and len(prev) <= 3 and start >= 2 and doc[start - 2].text == "-":
                start -= 1  # hyphenated names: "Sistan-o-Baluchistan"
            else:
                break
        while start < end and not doc[start].text[:1].isupper():
            start += 1
        if start == end or doc[start].is_sent_start and end - start == 1 and doc[start].is_stop:
            continue
        span = doc[start:end]
        key = fold(span.text)
        gaz = gazetteer()
        if key in _TIME_WORDS or any(fold(t.text) in gaz.country_names or fold(t.text) in gaz.demonyms for t in span):
            continue
        m = _place_mention(span, sent_of[start], key)
        out.append(m)
        used.update(range(start, end))
    return out
