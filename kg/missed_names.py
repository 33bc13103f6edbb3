"""Names the statistical NER missed, found by their form and the words around them: people in a list or after a
title, places before a place word, bodies ending in an organisation or armed-group word."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from .classify import classify
from .gazetteer import gazetteer
from .keys import fold
from .lexicon import cues
from .places import place_mention
from .schema import Mention, make_mention

_CITY_POPULATION = 100_000  # a town this large is a city whose name may serve as an adjective ("the Montreal team")

__all__ = ["group_name_spans", "listed_person_mentions", "org_word_mentions", "place_word_mentions", "titled_person_mentions"]


def listed_person_mentions(doc: Doc, sent_of: dict[int, int], used: set[int], lower_words: set[str]) -> list[Mention]:
    """A name the NER missed in a list of people ("A B, C D and E F", the last one unlabelled): a run of two
    capitalised proper nouns or more, no title among them, coordinated with a person's name is a person's name."""
    out = []
    for tok in doc:
        if tok.i in used or tok.dep_ != "conj" or tok.pos_ != "PROPN" or not tok.text[:1].isupper() or \
                tok.head.ent_type_ != "PERSON":
            continue
        start = tok.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == tok.i and \
                doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper() and start - 1 not in used:
            start -= 1
        span = doc[start : tok.i + 1]
        if len(span) < 2 or any(t.lower_ in cues().role_words or t.lower_ in cues().honorifics for t in span):
            continue  # a full name; "and Turkish President ...": a title, the name follows
        if (m := classify(span, "PERSON", sent_of[tok.i], lower_words)) is not None:
            out.append(m)
            used.update(range(start, tok.i + 1))
    return out


def titled_person_mentions(doc: Doc, sent_of: dict[int, int], used: set[int], lower_words: set[str]) -> list[Mention]:
    """A name the NER missed right after a capitalised title ("Commission Chairperson A B C condemned", "Mr A B"): two to four
    capitalised proper nouns no entity holds, none a title, a place or a nationality, are a person's name."""
    gaz, out = gazetteer(), []
    for tok in doc[:-2]:
        title = tok.lower_ in cues().name_titles or tok.lower_.rstrip(".") in cues().courtesy_titles  # "Ms A B"
        if not (title and tok.text[:1].isupper()) or tok.i + 1 in used:
            continue
        end = tok.i + 1
        while end < len(doc) and end - tok.i <= 4 and end not in used and doc[end].pos_ == "PROPN" and \
                doc[end].is_alpha and doc[end].text[:1].isupper() and not doc[end].ent_type_ and \
                doc[end].lower_ not in cues().role_words and not gaz.demonym(doc[end].text) and not gaz.country(doc[end].text):
            end += 1
        if end - tok.i >= 3 and (m := classify(doc[tok.i + 1 : end], "PERSON", sent_of[tok.i], lower_words)) is not None:
            out.append(m)
            used.update(range(tok.i + 1, end))
    return out


def place_word_mentions(doc: Doc, sent_of: dict[int, int], used: set[int]) -> list[Mention]:
    """Proper names the NER missed before a place word: "Sistan-o-Baluchistan province", "Kurram district"."""
    words = cues().place_words
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
        if key in cues().time_words or any(gaz.country(t.text) or fold(t.text) in gaz.demonyms or _people_adjective(t) or
                                     fold(t.text) in cues().religion_words for t in span):
            continue
        m = place_mention(span, sent_of[start], key)
        out.append(m)
        used.update(range(start, end))
    return out


def org_word_mentions(doc: Doc, sent_of: dict[int, int], used: set[int], lower_words: set[str]) -> list[Mention]:
    """Title-case names the NER missed that end in an organisation or armed-group word: "Zendavi International",
    "Kessel News", "the Northern Hills Brigade"."""
    gaz = gazetteer()
    words = cues().org_words | cues().group_words
    out = []
    for tok in doc:
        if tok.i in used or tok.lower_ not in words or not tok.text[:1].isupper() or tok.pos_ != "PROPN" or \
                tok.i + 1 < len(doc) and doc[tok.i + 1].text[:1].isupper():
            continue
        start = tok.i
        while start > 0:
            prev = doc[start - 1]
            if start - 1 not in used and prev.pos_ == "PROPN" and prev.text[:1].isupper() and prev.is_alpha and \
                    not prev.is_stop and prev.whitespace_:
                start -= 1
            elif prev.lower_ in cues().name_joiners and start >= 2 and doc[start - 2].text[:1].isupper() and \
                    doc[start - 2].pos_ == "PROPN" and start - 2 not in used:
                start -= 1  # "Fire and Rescue Service", "Cinema for Peace Foundation"
            else:
                break
        span = doc[start : tok.i + 1]
        before = doc[start - 1] if start > 0 else None
        if len(span) < 2 or span[0].lower_ in cues().name_joiners or \
                before is not None and not before.is_space and (before.text[:1].isupper() and not before.is_sent_start or
                                                                not before.whitespace_) or \
                any(gaz.country(t.text) or gaz.demonym(t.text) or t.lower_ in cues().role_words or
                    t.lower_ in lower_words and t.i != tok.i and t.lower_ not in cues().name_joiners for t in span):
            continue  # part of a longer name, or words the article also writes in lower case (a headline)
        kind = "Group" if tok.lower_ in cues().group_words else "Organization"
        out.append(make_mention(span, sent_of[start], kind))
        used.update(range(span.start, span.end))
    return out


def group_name_spans(doc: Doc) -> list[Span]:
    """Armed groups' names left untranslated, which open with a word such as "Movimiento", "Tehreek" or "Liwa":
    that word and the capitalised words, name particles ("del", "al") and glued hyphens ("Tehreek-e-Azadi") after
    it, two capitalised words at least; the NER cuts them up or misses them."""
    out: list[Span] = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        if fold(tok.text) not in cues().group_name_starts or not tok.text[:1].isupper():
            i += 1
            continue
        end, capitals = i + 1, 1
        while end < len(doc):
            t, prev = doc[end], doc[end - 1]
            glued = t.text == "-" and not prev.whitespace_ or prev.text == "-" and not prev.whitespace_
            if t.text[:1].isupper() and t.is_alpha:
                capitals += 1
            elif not (glued or t.lower_ in cues().name_particles and _capital_after(doc, end + 1)):
                break
            end += 1
        while end > i + 1 and not doc[end - 1].text[:1].isupper():
            end -= 1  # no trailing particle or hyphen
        if capitals >= 2:
            out.append(Span(doc, i, end, label="NORP"))
        i = max(end, i + 1)
    return out


def _capital_after(doc: Doc, i: int) -> bool:
    """True when the word at ``i``, past one glued hyphen, is capitalised: "al-Bahr", "del Sur"."""
    if i < len(doc) and doc[i].text == "-" and not doc[i - 1].whitespace_:
        i += 1
    return i < len(doc) and doc[i].text[:1].isupper()


def _people_adjective(tok) -> bool:
    """An adjective the NER reads as a people ("an Arab state", "Catalonian towns"), unless it is the name of a
    region or of a city (over 100,000 people) used as an adjective ("the Dagestan village", "the Montreal team")."""
    gaz = gazetteer()
    key = fold(tok.text)
    return tok.ent_type_ == "NORP" and tok.pos_ == "ADJ" and key not in gaz.regions and \
        not (key in gaz.places and gaz.places[key][2] > _CITY_POPULATION)
