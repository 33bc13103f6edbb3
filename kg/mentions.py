"""Doc in, typed ``Mention`` records out: spans of the statistical NER and the gazetteer, typed with context."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from .gazetteer import gazetteer
from .keys import (armed_forces_key, capital_key, country_key, fold, geonames_key, group_key, org_key, place_key,
                   region_key)
from .lexicon import actor_key, actors, cues
from .schema import Mention

__all__ = ["find_mentions"]

_ENT_LABELS = {"GPE", "LOC", "NORP", "PERSON", "ORG", "FAC"}


def find_mentions(doc: Doc) -> list[Mention]:
    """Every typed mention in ``doc``, in text order."""
    sent_of = {}
    for i, sent in enumerate(doc.sents):
        for tok in sent:
            sent_of[tok.i] = i
    lower_words = {t.text for t in doc if t.text.islower()}
    common = _common_acronyms(doc)
    out: list[Mention] = []
    used: set[int] = set()
    for ent in _joined_ents(doc):
        if ent.label_ not in _ENT_LABELS:
            continue
        for span, label in _pieces(ent):
            if any(t.text in common for t in span):
                continue  # "the EEZ of Freedonia": an acronym of a common noun ("exclusive economic zone (EEZ)")
            if _anaphoric_org_word(span) and not _earlier_org_with_word(out, span[0].lower_):
                continue  # "the Embassy" with no embassy named before it: an unnamed body
            if _interviewer_tag(span):
                continue  # "((WN))": the interviewing outlet's tag in a transcript, not a name in the story
            m = _classify(span, label, sent_of[span.start], lower_words)
            if m is not None:
                out.append(m)
                used.update(range(span.start, span.end))
    out = _merge_expansions(doc, out, sent_of)
    out = _shared_surnames(doc, out, sent_of)
    out.extend(_force_mentions(doc, sent_of, used))
    out.extend(_place_word_mentions(doc, sent_of, used))
    out.extend(_org_word_mentions(doc, sent_of, used, {t.lower_ for t in doc if t.text.islower()}))
    out.sort(key=lambda m: m.start)
    return out


def _shared_surnames(doc: Doc, mentions: list[Mention], sent_of: dict[int, int]) -> list[Mention]:
    """ "Karl and Otto Brandt": a lone first name coordinated with a full name shares its surname."""
    gaz = gazetteer()
    at = {m.tokens[1]: n for n, m in enumerate(mentions)}  # by the token after their end
    out = list(mentions)
    for m in mentions:
        s, e = m.tokens
        if m.type != "Official" or e - s < 2 or s < 2 or doc[s - 1].lower_ != "and":
            continue
        first = doc[s - 2]
        before = doc[s - 3] if s >= 3 else None
        if not (first.is_alpha and first.text[:1].isupper() and first.pos_ == "PROPN") or \
                before is not None and before.text[:1].isupper() and (not before.is_sent_start or before.pos_ == "PROPN") or \
                gaz.country(first.text) or fold(first.text) in gaz.capitals or gaz.demonym(first.text) or \
                fold(first.text) in cues().honorifics:
            continue
        other = at.get(s - 1)  # the NER's span over the first name ("Sisters Lena" at a sentence start)
        if other is not None and mentions[other].key:
            continue
        surname = doc[s + 1 : e].text
        shared = Mention(text=f"{first.text} {surname}", start=first.idx, end=first.idx + len(first.text),
                         tokens=(s - 2, s - 1), sent=sent_of[s - 2], type="Official", role=m.role, affiliation=m.affiliation)
        if other is not None:
            out[other] = shared
        else:
            out.append(shared)
    return out


def _common_acronyms(doc: Doc) -> set[str]:
    """Acronyms the article defines for a lower-case phrase: "exclusive economic zone (EEZ)" names no one."""
    out = set()
    for tok in doc[1:-1]:
        if doc[tok.i - 1].text != "(" or doc[tok.i + 1].text != ")" or not re.fullmatch(r"[A-Z]{2,8}", tok.text):
            continue
        words = [t for t in doc[max(0, tok.i - 1 - 2 * len(tok.text)) : tok.i - 1] if t.is_alpha and t.lower_ not in cues().glue_words]
        words = words[-len(tok.text):]
        if len(words) == len(tok.text) and "".join(t.text[0] for t in words).upper() == tok.text and \
                all(t.text.islower() for t in words):
            out.add(tok.text)
    return out


def _interviewer_tag(span: Span) -> bool:
    """An abbreviation alone in double parentheses, "((ZN))": who speaks next in an interview transcript."""
    doc = span.doc  # the text around the span from its neighbours (doc.text would rebuild the whole article)
    before = doc[max(0, span.start - 2) : span.start].text_with_ws[-2:]
    after = (span[-1].whitespace_ + doc[span.end : span.end + 2].text_with_ws)[:2]
    return before == "((" and after == "))" and span.text.isupper() and len(span) == 1


_FUNCTION_POS = {"AUX", "PART", "PRON", "SCONJ", "CCONJ", "DET", "ADP"}


def _anaphoric_org_word(span: Span) -> bool:
    """ "the Embassy", "the Ministry": one capitalised common noun of an organisation after "the"."""
    return len(span) == 1 and span[0].lower_ in cues().common_org_nouns and span.start > 0 and \
        span.doc[span.start - 1].lower_ in cues().demonstratives


def _earlier_org_with_word(mentions: list[Mention], word: str) -> bool:
    return any(m.type in ("Organization", "Group") and len(m.text.split()) > 1 and
               word in fold(m.text).split() for m in mentions)


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
        words = [w for w in re.split(r"[\s-]+", inner.text) if w and w.lower() not in cues().expansion_skip_words]
        if "".join(w[0] for w in words).upper() == m.text:
            out.append(_mention(inner, sent_of[e + 1], m.type, key=m.key))
            skip_until = close
    return out


def _joined_ents(doc: Doc) -> list[Span]:
    """The NER's entities, with a name it split in two joined again: "a Harakat Zindabad official" is one
    organisation when the unknown first word only modifies the second name."""
    gaz = gazetteer()
    ents = list(doc.ents)
    out: list[Span] = []
    i = 0
    while i < len(ents):
        ent = ents[i]
        nxt = ents[i + 1] if i + 1 < len(ents) else None
        key = fold(ent.text)
        if nxt is not None and ent.end == nxt.start and ent.label_ == "ORG" and ent[-1].lower_ == "of" and \
                nxt.label_ in ("GPE", "ORG"):
            out.append(Span(doc, ent.start, nxt.end, label="ORG"))  # "the Ministry of Foreign Affairs of" + "Ruritania"
            i += 2
            continue
        if nxt is not None and ent.end == nxt.start and nxt.label_ == "ORG" and ent.label_ in ("NORP", "PERSON", "ORG") and \
                ent.root.dep_ == "compound" and nxt.start <= ent.root.head.i < nxt.end and \
                all(t.text[:1].isupper() for t in ent) and not any(
                    key in table for table in (gaz.demonyms, gaz.capitals, gaz.places, gaz.regions)) and not gaz.country(ent.text) and \
                not gaz.demonym(ent.text):
            out.append(Span(doc, ent.start, nxt.end, label=nxt.label_))
            i += 2
            continue
        out.append(ent)
        i += 1
    return out


def _pieces(ent: Span) -> list[tuple[Span, str]]:
    """The cleaned span with its label; a country and a name the NER ran together ("Xanthos and Peru") apart."""
    span = _clean(ent)
    if span is None:
        return []
    doc = ent.doc
    gaz = gazetteer()
    conj = next((t.i for t in span[1:-1] if t.lower_ in cues().conjunctions), None)
    if conj is not None and not gaz.country(span.text):
        left, right = doc[span.start : conj], doc[conj + 1 : span.end]
        if any(gaz.country(side.text) for side in (left, right)):
            # "between Xanthos and Peru": two names the NER ran together
            # the other side is a place too, unless its words make it a group or an organisation
            cue = cues().group_words | cues().org_words
            return [(side, ent.label_ if any(fold(t.text) in cue for t in side) else "GPE") for side in (left, right)]
    if len(span) > 1 and ent.label_ in ("ORG", "PERSON") and gaz.country(span[0].text) and span[1].text[:1].isupper() and \
            not gaz.country(span[1:].text) and not _has_cue([fold(t.text) for t in span[1:]], cues().org_words) and \
            not _has_cue([fold(t.text) for t in span[1:]], cues().group_words):
        return [(span[:1], "GPE"), (span[1:], "PERSON")]  # "Ukraine Volodymyr Zelenskyy": a headline run-on
    return [(span, ent.label_)]


def _clean(ent: Span) -> Span | None:
    """Drop a leading article, a trailing possessive and edge punctuation."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (doc[start].lower_ in cues().articles or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].lower_ in cues().possessive_endings):
        end -= 1
    if start >= end:
        return None
    return doc[start:end]


def _mention(span: Span, sent: int, type_: str, **kw) -> Mention:
    return Mention(text=span.text, start=span.start_char, end=span.end_char, tokens=(span.start, span.end),
                   sent=sent, type=type_, **kw)


def _country_mention(span: Span, sent: int, iso: str) -> Mention:
    c = gazetteer().countries[iso]
    return _mention(span, sent, "Country", key=country_key(iso), iso=iso, geonames=c["geonames"], canonical=c["name"])


def _classify(span: Span, label: str, sent: int, lower_words: set[str]) -> Mention | None:
    gaz = gazetteer()
    key = fold(span.text)
    words = [fold(t.text) for t in span]
    if label in ("PERSON", "GPE", "ORG") and len(span) == 1 and _after_title(span):
        role, aff = _role(span)  # "Colonel Lima", "Mr. Amman": a surname, not a capital
        return _mention(span, sent, "Official", role=role, affiliation=aff)
    if (iso := gaz.country(span.text)) and (region := _region_of_preceding_place(span, key)):
        return _place_mention(span, sent, key) if key in gaz.regions and gaz.regions[key][0] == region else None
    if iso and _followed_by(span, cues().region_words):
        return None  # "Washington state": the region, named with the word that makes it one
    if iso:
        return _country_mention(span, sent, iso)
    if actor := _named_actor(span):
        name, typ, entry = actor  # "the Houthis", "Abu Sayyaf Group"; "Shiite Hezbollah" is Hezbollah
        return _mention(name, sent, "Group", key=group_key(entry)) if typ == "Group" else \
            _org_mention(name, sent, [fold(t.text) for t in name])
    if all(w in cues().religion_words for w in words):
        return None  # "nurtured in Islam", "Islamic" of a split "Islamic State": a faith, not a place
    if iso := _government_of([t.text for t in span]):
        return _country_mention(span, sent, iso)  # "the Government of Ruritania" acts as the state
    if key in gaz.capitals and label in ("PERSON", "ORG", "NORP") and len(span) == 1:
        label = "GPE"  # a capital the NER took for a person or an organisation
    if key.startswith("non-"):
        return None
    if iso := gaz.demonyms.get(key) or (label == "NORP" and gaz.demonym(span.text)):
        return _country_mention(span, sent, iso)
    if key in cues().time_words or not any(t.text[:1].isupper() for t in span):
        return None
    if label not in ("GPE", "LOC") and _indefinite(span):
        return None  # "a Foreign Terrorist Organization": a kind of thing, not its name
    if label in ("ORG", "PERSON", "FAC", "GPE") and key not in gaz.places and key not in gaz.regions and \
            _names_a_product(span) and not _has_cue(words, cues().org_words) and not _has_cue(words, cues().group_words):
        return None  # "the Eastway gas pipeline", "a Skyward jet": a project or a product, not an actor
    if label == "PERSON" and len(span) > 1 and span[0].lower_.rstrip(".") in cues().honorifics and \
            span[1].text[:1].isupper():
        n = 0
        while n < len(span) - 1 and span[n].lower_.rstrip(".") in cues().honorifics:
            n += 1
        return _classify(span[n:], label, sent, lower_words)  # "Imam X", "Shahid X": the name is X
    if len(span) == 1 and span.text.lower() in lower_words and key not in gaz.places and key not in gaz.regions:
        return None  # a capitalised common word ("State", "Sea"): the article uses it in lower case too
    if len(span) == 1 and span.root.dep_ in ("compound", "amod") and span.root.head.text[:1].isupper() and \
            span.root.head.i == span.end and key not in gaz.places and key not in gaz.regions:
        return None  # a piece of a longer name the NER split ("Islamic" of "Islamic State")
    if len(span) == 1 and span.start >= 2 and span.doc[span.start - 1].lower_ == "of" and \
            span.doc[span.start - 2].lower_ in cues().role_words:
        return None  # "Secretary of State": part of a title
    if len(span) > 1 and (iso := gaz.country(span[0].text)) and label in ("ORG", "PERSON") \
            and span[1].text[:1].isupper() and not gaz.country(span[1:].text):
        rest = [fold(t.text) for t in span[1:]]
        if not _has_cue(rest, cues().org_words) and not _has_cue(rest, cues().group_words):
            label = "PERSON"
        return _classify(span[1:], label, sent, lower_words)  # "Ukraine Volodymyr Zelenskyy": a headline run-on
    if label == "ORG" and (span.root.dep_ == "appos" and span.root.head.lower_ in cues().role_words or _after_role_noun(span)) and \
            not _has_cue(words, cues().org_words) and not _has_cue(words, cues().group_words):
        label = "PERSON"  # "a spokesperson, Morgan Ortagus", "military spokesperson Morgan Ortagus"
    if label in ("ORG", "PERSON") and span.start > 0 and span.doc[span.start - 1].lemma_.lower() in cues().place_words and \
            span.doc[span.start - 1].text.islower() and not _has_cue(words, cues().org_words) and not _has_cue(words, cues().role_words):
        return _place_mention(span, sent, key)  # "the island Xanthos", "the town Ober Tal"
    if label in ("ORG", "PERSON") and len(span) == 1 and span.root.dep_ in ("compound", "amod") and \
            span.root.head.lemma_.lower() in cues().place_words and not _has_cue(words, cues().org_words):
        return _place_mention(span, sent, key)  # "the Khurais oil field"
    if label in ("ORG", "PERSON") and _locative(span) and not _has_cue(words, cues().org_words) and not _has_cue(words, cues().role_words):
        return _place_mention(span, sent, key)
    if label == "NORP" and _has_cue(words, cues().group_words):
        return _mention(span, sent, "Group", key=group_key(span.text))  # "a Saraya Hezbollah official"
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
    if _followed_by(span, cues().region_words) and key in gaz.regions:
        return _place_mention(span, sent, key)
    if iso := gaz.capitals.get(key):
        # A capital: Country alias or Place, decided over the whole article in resolve.
        c = gaz.countries[iso]
        place = gaz.places.get(key)
        return _mention(span, sent, "Place", key=capital_key(iso), located_in=country_key(iso),
                        geonames=place[0] if place else 0, canonical=c["name"])
    if len(span) == 1 and key in cues().compass_words:
        return None
    if key in gaz.places or key in gaz.regions:
        return _place_mention(span, sent, key)
    if label == "GPE" and span.root.dep_ in ("compound", "amod") and span.root.head.lower_ not in cues().place_words:
        return None  # "Baloch separatist sites": an adjective of region, not a place
    if any(w in cues().org_words or w in cues().group_words for w in words[-1:]):
        return _org_mention(span, sent, words)  # "Free Ostland Party", "Karsk Guerrilla Front": a body, not a place
    return _place_mention(span, sent, key)


def _indefinite(span: Span) -> bool:
    """True when "a"/"an" determines the name itself, not a noun it modifies ("a Ruritania Army spokesman")."""
    root = span.root
    if root.i != span.end - 1 or root.dep_ in ("compound", "nmod", "amod", "poss"):
        return False
    det = next((c for c in root.children if c.dep_ == "det" and c.i < span.start), None)
    return det is not None and det.lower_ in cues().indefinite_articles and \
        not any(t.pos_ == "NOUN" for t in span.doc[det.i + 1 : span.start])


def _named_actor(span: Span) -> tuple[Span, str, str] | None:
    """The span, or its end after a faith or nationality word, when it is a name in ``actors.json``, with its type
    and the first name of its entry (spellings of one group are one entity).

    The name must end the span, the head of an English noun phrase: "Hamas" names the group, "Hamas Health
    Ministry" an organisation.
    """
    table = actors()
    gaz = gazetteer()
    for i in range(len(span)):
        lead = span[:i]
        if i and not all(fold(t.text) in cues().religion_words or gaz.demonym(t.text) or t.is_punct for t in lead):
            break
        typ, entry = table.get(actor_key(span[i:].text), ("", ""))
        if typ and (span[i].text[:1].isupper() or span[i].lower_ in cues().name_particles):
            return span[i:], typ, entry
    return None


def _after_title(span: Span) -> bool:
    """ "Colonel Vale", "Mr. Vale": a capitalised honorific directly before the name, not starting a longer name."""
    if span.start == 0:
        return False
    prev = span.doc[span.start - 1]
    return prev.text[:1].isupper() and prev.lower_.rstrip(".") in cues().honorifics and \
        (span.start < 2 or not span.doc[span.start - 2].text[:1].isupper() or span.doc[span.start - 2].is_sent_start)


def _after_role_noun(span: Span) -> bool:
    """ "spokesperson Yuri Vale": a name directly after a lower-case role noun that modifies it."""
    if span.start == 0 or not all(t.text[:1].isupper() or t.lower_ in cues().name_particles for t in span):
        return False
    prev = span.doc[span.start - 1]
    return prev.text.islower() and prev.lower_ in cues().role_words and prev.pos_ in ("NOUN", "PROPN") and \
        (prev.head.i in range(span.start, span.end) or prev.head == span.root.head)


def _names_a_product(span: Span) -> bool:
    """True when the name only modifies a product or project noun: "the Eastway gas pipeline"."""
    tok = span.root
    for _ in range(4):
        if tok.dep_ not in ("compound", "nummod", "amod", "npadvmod", "nmod") or tok.head is tok:
            break
        tok = tok.head
        if tok.lower_ in cues().product_nouns:
            return True
        if tok.text[:1].isupper() and tok.i >= span.end and tok.pos_ == "PROPN":
            return False  # part of a longer name
    return False


def _government_of(texts: list[str]) -> str:
    """ISO code for "government of X", "X government", "X's regime" with X a country or its demonym."""
    gaz = gazetteer()
    gov = cues().government_words
    if not any(fold(w) in gov for w in texts):
        return ""
    rest = [w for w in texts if fold(w) not in gov and fold(w) not in cues().government_fillers]
    name = " ".join(rest)
    return (gaz.country(name) or gaz.demonyms.get(fold(name)) or "") if rest else ""


def _followed_by(span: Span, words: frozenset[str]) -> bool:
    """True when the word after the span is one of ``words``."""
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




def _locative(span: Span) -> bool:
    """True when the span is the object of a place preposition ("at Ain Issa", "near Abqaiq") or names a
    place word's place ("the town of Tell Tamer", "the towns of A and B")."""
    root = span.root
    while root.dep_ == "conj" and root.head is not root:
        root = root.head
    if root.dep_ != "pobj":
        return False
    prep = root.head
    return prep.lower_ in cues().locative_preps or prep.lower_ == "of" and prep.head.lemma_.lower() in cues().place_words


def _has_cue(words: list[str], cue: frozenset[str]) -> bool:
    """True when one of ``words`` is in the cue list."""
    return any(w in cue for w in words)


def _place_mention(span: Span, sent: int, key: str) -> Mention:
    """A Place: keyed by GeoNames id or region when the gazetteer knows the name, else by the name."""
    gaz = gazetteer()
    if key not in gaz.places and key not in gaz.regions:
        return _mention(span, sent, "Place", key=place_key(span.text))
    if key in gaz.places:
        gid, cc, _pop, name = gaz.places[key]
        return _mention(span, sent, "Place", key=geonames_key(gid), geonames=gid,
                        located_in=country_key(cc) if cc in gaz.countries else "")
    cc, _name = gaz.regions[key]
    return _mention(span, sent, "Place", key=region_key(cc, span.text),
                    located_in=country_key(cc) if cc in gaz.countries else "")


def _owner_country(span: Span) -> str:
    """Country that owns an organisation: "Iran's Ministry", "the Pakistani Army", "Iranian-backed"."""
    gaz = gazetteer()
    for tok in [span.root, *span]:
        for child in tok.children:
            if child.i < span.start and child.dep_ in ("poss", "amod", "compound", "nmod"):
                whole = child.doc[child.left_edge.i : child.i + 1].text  # "Saudi Arabia" of "Saudi Arabia's"
                iso = gaz.country(child.text) or gaz.demonyms.get(fold(child.text)) or gaz.country(whole)
                if iso:
                    return iso
    name, _, owner = span.text.rpartition(" of ")
    if name and len(name.split()) > 1 and (iso := gaz.country(owner)):
        return iso  # "the Ministry of Foreign Affairs of Ruritania"
    return _country_prefix([t.text for t in span])[0]


def _country_prefix(words: list[str]) -> tuple[str, int]:
    """ISO code and length of the country name or demonym a name starts with: "United States Embassy" -> US, 2."""
    gaz = gazetteer()
    for n in range(min(4, len(words) - 1), 0, -1):
        head = " ".join(words[:n])
        if iso := gaz.demonyms.get(fold(head)) or gaz.country(head):
            return iso, n
    return "", 0


def _org_mention(span: Span, sent: int, words: list[str]) -> Mention | None:
    c = cues()
    joined = " ".join(words)
    iso = _owner_country(span)
    name_words = words[_country_prefix([t.text for t in span])[1]:]
    if iso and " ".join(name_words) in c.force_heads:
        return _mention(span, sent, "Organization", key=armed_forces_key(iso), affiliation=country_key(iso))
    group = _mention(span, sent, "Group", key=group_key(span.text))
    if any(p in joined for p in c.group_phrases):
        return group
    if name_words and name_words[-1] in cues().militia_name_ends and len(name_words) > 1 and \
            not any(w in c.state_force_words for w in name_words[:-1]):
        return group  # "Democratic Forces", "Protection Units": a militia's name, not a state's army
    if name_words and name_words[-1] in cues().army_name_ends and len(name_words) > 1 and not iso and \
            _names_no_state(span[len(span) - len(name_words) : -1]):
        return group  # "Ostland Defence Forces", "Karsk Freedom Army": an army that names a people or a region, no state
    first_group = next((i for i, w in enumerate(words) if w in c.group_words), None)
    first_org = next((i for i, w in enumerate(words) if w in c.org_words), None)
    if first_group is not None and (first_org is None or first_group < first_org):
        return group  # "Liberation Army" is a group; "Coalition to Defeat ISIS" an organisation
    aff = country_key(iso) if iso else ""
    key = org_key(" ".join(name_words), iso) if iso else ""
    return _mention(span, sent, "Organization", key=key, affiliation=aff)


def _names_no_state(tokens: Span) -> bool:
    """True when a capitalised word among ``tokens`` is neither a state's force word, a faith, a state, a capital nor
    a demonym, and no word names a body the force would be a unit of ("Guard Corps-Quds Force")."""
    gaz = gazetteer()
    c = cues()
    words = [w for t in tokens for w in fold(t.text).split("-")]
    if any(w in c.org_words for w in words):
        return False
    return any(t.text[:1].isupper() and fold(t.text) not in c.state_force_words and not gaz.country(t.text) and
               fold(t.text) not in gaz.capitals and not gaz.demonym(t.text) and t.lower_ not in cues().glue_words and
               fold(t.text) not in c.religion_words for t in tokens)


def _person_mention(span: Span, sent: int, words: list[str], lower_words: set[str]) -> Mention | None:
    c = cues()
    gaz = gazetteer()
    content = [t for t in span if t.lower_ not in cues().name_particles]
    # A title-case phrase whose words the article also uses in lower case is a headline, not a name.
    if any(t.is_alpha and t.text.islower() for t in content):
        return None  # names carry lower-case words only as particles ("al", "bin", "van")
    for t in content:
        if not t.text.islower() and any(len(part) > 2 and part.lower() in lower_words for part in t.text.split("-")):
            return None
    if any(ch.isdigit() for ch in span.text):
        return None
    if any(t.is_stop and t.pos_ in _FUNCTION_POS and t.lower_ not in cues().name_particles and t.lower_ not in cues().glue_words
           for t in span):
        return None  # "Are Ready To Talk": a title-case headline's verbs and particles, not a name
    if any(w in c.group_words for w in words) or any(w.split("-")[0] in c.group_words for w in words):
        return _mention(span, sent, "Group", key=group_key(span.text))
    if len(span) > 1 and words[-1] in cues().body_name_ends:
        return _org_mention(span, sent, words)  # "Desert Shield Forces": a name ending in a body's word is no person
    if span.root.dep_ == "compound" and span.root.head.lower_ in cues().camp_nouns:
        return _mention(span, sent, "Group", key=group_key(span.text))
    key = fold(span.text)
    if key in gaz.places and len(span) == 1:
        return _place_mention(span, sent, key)
    role, aff = _role(span)
    return _mention(span, sent, "Official", role=role, affiliation=aff)


def _role(span: Span) -> tuple[str, str]:
    """Role title and affiliation key from the words before a name or an apposition."""
    doc = span.doc
    gaz = gazetteer()
    role_words = cues().role_words
    parts: list[Token] = []
    aff = ""
    i = span.start - 1
    while i >= 0:
        tok = doc[i]
        if tok.tag_ == "POS":
            owner = doc[i - 1] if i > 0 else None
            if owner is not None and (iso := gaz.country(owner.text) or gaz.capitals.get(fold(owner.text))):
                aff = aff or country_key(iso)
            break
        if tok.pos_ not in ("PROPN", "NOUN", "ADJ") or tok.is_punct or tok.ent_type_ in ("GPE", "NORP") and not parts:
            if tok.ent_type_ in ("GPE", "NORP") and (iso := gaz.country(tok.text) or gaz.demonyms.get(fold(tok.text))):
                aff = aff or country_key(iso)
            break
        iso = gaz.demonyms.get(fold(tok.text)) or gaz.country(tok.text)
        if iso:
            aff = aff or country_key(iso)
            break
        parts.insert(0, tok)
        i -= 1
    # Keep the role words and the titled words between them ("Foreign Office spokesperson").
    while parts and parts[0].lower_ not in role_words and not parts[0].text[:1].isupper():
        parts.pop(0)
    role = " ".join(t.text for t in parts) if any(t.lower_ in role_words for t in parts) else ""
    if not role:
        for child in span.root.children:
            if child.dep_ == "appos" and child.lower_ in role_words:
                words = [t for t in child.subtree if t.dep_ not in ("det", "punct") and t.tag_ != "POS"]
                role = " ".join(t.text for t in words if not (gaz.country(t.text) or gaz.demonyms.get(fold(t.text))))
                for t in child.subtree:
                    if iso := gaz.country(t.text) or gaz.demonyms.get(fold(t.text)):
                        aff = aff or country_key(iso)
                break
    return role, aff


def _force_mentions(doc: Doc, sent_of: dict[int, int], used: set[int]) -> list[Mention]:
    """Armed forces named by their country: "Pakistani forces", "Iran's armed forces", "the Turkish military"."""
    gaz = gazetteer()
    heads = {h.split()[-1] for h in cues().force_heads}
    out = []
    for tok in doc:
        if tok.lower_ not in heads or tok.i in used or tok.pos_ not in ("NOUN", "PROPN") and not \
                (tok.pos_ == "ADJ" and tok.head.lower_ in cues().force_members):
            continue  # "Pakistani forces"; "the Ruritanian military personnel": the military, as the NER misses it
        candidates = [c for c in tok.children if c.dep_ in ("poss", "amod", "compound", "nmod") and c.i < tok.i]
        if tok.i > 0 and doc[tok.i - 1] not in candidates and doc[tok.i - 1].pos_ in ("ADJ", "PROPN"):
            candidates.append(doc[tok.i - 1])  # "Turkish army deployments": the adjective hangs on the last noun
        for child in candidates:
            iso = gaz.country(child.text) or gaz.demonyms.get(fold(child.text))
            if iso:
                span = doc[child.i : tok.i + 1]
                if any(i in used for i in range(span.start, span.end) if i != child.i):
                    break
                out.append(_mention(span, sent_of[tok.i], "Organization", key=armed_forces_key(iso),
                                    affiliation=country_key(iso)))
                break
    return out


def _place_word_mentions(doc: Doc, sent_of: dict[int, int], used: set[int]) -> list[Mention]:
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
        if key in cues().time_words or any(gaz.country(t.text) or fold(t.text) in gaz.demonyms or
                                     fold(t.text) in cues().religion_words for t in span):
            continue
        m = _place_mention(span, sent_of[start], key)
        out.append(m)
        used.update(range(start, end))
    return out


def _org_word_mentions(doc: Doc, sent_of: dict[int, int], used: set[int], lower_words: set[str]) -> list[Mention]:
    """Title-case names the NER missed that end in an organisation word: "Zendavi International", "Kessel News"."""
    gaz = gazetteer()
    words = cues().org_words
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
        out.append(_mention(span, sent_of[start], "Organization"))
        used.update(range(span.start, span.end))
    return out
