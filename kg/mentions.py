"""Doc in, typed ``Mention`` records out: spans of the statistical NER and the gazetteer, typed with context."""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from .acronyms import common_acronyms, interviewer_tag, merge_expansions
from .classify import classify, has_cue, owner_prefix
from .gazetteer import gazetteer
from .keys import armed_forces_key, country_key, fold, group_key, org_key
from .lexicon import actor_key, actors, cues
from .missed_names import group_name_spans, listed_person_mentions, org_word_mentions, place_word_mentions, titled_person_mentions
from .officials import name_word, shared_surnames, with_first_name
from .places import after_place_noun, placed_by_context
from .schema import Mention, make_mention

__all__ = ["find_mentions", "names_org_word"]

_ENT_LABELS = {"GPE", "LOC", "NORP", "PERSON", "ORG", "FAC"}


def _person_words_before(doc: Doc, start: int) -> set[str]:
    """The words of the people the NER named before token ``start``."""
    return {t.text for e in doc.ents if e.label_ == "PERSON" and e.end <= start for t in e}


def find_mentions(doc: Doc) -> list[Mention]:
    """Every typed mention in ``doc``, in text order."""
    sent_of = {}
    for i, sent in enumerate(doc.sents):
        for tok in sent:
            sent_of[tok.i] = i
    lower_words = {t.text for t in doc if t.text.islower()}
    common = common_acronyms(doc)
    out: list[Mention] = []
    used: set[int] = set()
    groups = group_name_spans(doc)
    for ent in _joined_ents(doc):
        if any(g.start < ent.end and ent.start < g.end for g in groups):
            continue  # "Autodefensas" + "Bajo Cauca": the group's name, read whole below
        if ent.label_ not in _ENT_LABELS:
            if _named_as_a_person(ent):
                ent = Span(doc, ent.start, ent.end, label="PERSON")  # "his counterpart, A B C" the NER took for a title
            elif not gazetteer().country(ent.text) and not placed_by_context(ent):
                continue
            else:
                ent = Span(doc, ent.start, ent.end, label="GPE")  # a country or a town the NER took for a title or an event
        for span, label in _pieces(ent):
            if any(t.text in common for t in span):
                continue  # "the EEZ of Freedonia": an acronym of a common noun ("exclusive economic zone (EEZ)")
            if _anaphoric_org_word(span) and not _earlier_org_with_word(out, span[0].lower_):
                continue  # "the Embassy" with no embassy named before it: an unnamed body
            if interviewer_tag(span):
                continue  # "((WN))": the interviewing outlet's tag in a transcript, not a name in the story
            m = classify(span, label, sent_of[span.start], lower_words)
            if m is not None:
                out.extend(owner_prefix(span, m) if m.text == span.text else [m])
                used.update(range(span.start, span.end))
    for g in groups:  # a listed actor keeps its identity and key; any other such name is an armed group
        m = classify(g, "ORG", sent_of[g.start], lower_words)
        out.append(m if m is not None and m.type == "Group" else make_mention(g, sent_of[g.start], "Group", key=group_key(g.text)))
        used.update(range(g.start, g.end))
    out = merge_expansions(doc, out, sent_of)
    out = shared_surnames(doc, out, sent_of)
    out = _led_bodies(doc, out, sent_of, used)
    out.extend(_surname_mentions(doc, out, sent_of, used))
    out.extend(_repeated_acronym_mentions(doc, out, sent_of, used))
    out.extend(listed_person_mentions(doc, sent_of, used, lower_words))
    out.extend(titled_person_mentions(doc, sent_of, used, lower_words))
    out.extend(_opposed_actor_mentions(doc, sent_of, used))
    out.extend(_force_mentions(doc, sent_of, used))
    out.extend(_state_body_mentions(doc, sent_of, used))
    out.extend(place_word_mentions(doc, sent_of, used))
    out.extend(org_word_mentions(doc, sent_of, used, lower_words))
    out.sort(key=lambda m: m.start)
    return out


def _named_as_a_person(ent: Span) -> bool:
    """True when capitalised proper nouns the NER labelled a work or an event stand in apposition to a role noun:
    "held talks with his counterpart, A B C"."""
    root = ent.root
    return 2 <= len(ent) <= 4 and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in ent) and \
        root.dep_ == "appos" and root.head.lower_ in cues().role_words


def _anaphoric_org_word(span: Span) -> bool:
    """ "the Embassy", "the Ministry": one capitalised common noun of an organisation after "the"."""
    return len(span) == 1 and span[0].lower_ in cues().common_org_nouns and span.start > 0 and \
        span.doc[span.start - 1].lower_ in cues().demonstratives


def _earlier_org_with_word(mentions: list[Mention], word: str) -> bool:
    """True when an organisation or group named earlier holds ``word``."""
    return any(names_org_word(m, word) for m in mentions)


def names_org_word(m: Mention, word: str) -> bool:
    """True when ``m`` is an organisation or group of several words, one of them ``word``: what "the Embassy"
    can refer to ("the Ruritanian Embassy in Zenda"). Mentions drop a bare "the Embassy" no such name precedes;
    resolve gives the others the key of the nearest one."""
    return m.type in ("Organization", "Group") and len(m.text.split()) > 1 and word in fold(m.text).split()


def _joined_ents(doc: Doc) -> list[Span]:
    """The NER's entities, with a name it split in two joined again: "a Harakat Zindabad official" is one
    organisation when the unknown first word only modifies the second name."""
    gaz = gazetteer()
    ents = list(doc.ents)
    out: list[Span] = []
    i = 0
    while i < len(ents):
        ent = with_first_name(ents[i])
        if (whole := _named_actor_from(ent)) is not None:
            out.append(whole)  # "the Haqqani network", "Islamic State of Iraq and the Levant": one named actor
            while i < len(ents) and ents[i].start < whole.end:
                i += 1
            continue
        ent = _run_on_after_joiner(ent)
        nxt = ents[i + 1] if i + 1 < len(ents) else None
        key = fold(ent.text)
        if nxt is not None and _posted_body_then_state(ent, nxt):
            out.append(Span(doc, ent.start, nxt.end, label="ORG"))  # "the UN Assistance Mission (in)" + "in" + "Ruritania"
            i += 2
            continue
        if nxt is not None and _council_cut_at_and(ent, nxt):
            out.append(Span(doc, ent.start, nxt.end, label="ORG"))  # "the X Union Peace" + "and" + "Security Council"
            i += 2
            continue
        if nxt is not None and ent.end == nxt.start and ent.label_ == "ORG" and nxt.label_ in ("GPE", "ORG") and \
                (ent[-1].lower_ == "of" or ent[-1].lower_ in cues().name_joiners and nxt.label_ == "ORG"):
            out.append(Span(doc, ent.start, nxt.end, label="ORG"))  # "the Ministry of Foreign Affairs of" + "Ruritania", "... and" + "..."
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
        if nxt is not None and ent.label_ == nxt.label_ == "PERSON" and (ent.end == nxt.start or nxt.start == ent.end + 1 and
                                                                      name_word(doc[ent.end]) and ent.root.head.i in range(ent.end, nxt.end)):
            out.append(Span(doc, ent.start, nxt.end, label="PERSON"))  # "Ana Lind" + "Vale", "Ana-Maria" + (Lind) + "Vale": one name
            i += 2
            continue
        out.append(ent)
        i += 1
    return _hyphen_joined(doc, out)


def _posted_body_then_state(ent: Span, nxt: Span) -> bool:
    """A body posted in a state ("the UN Assistance Mission in Ruritania"), its name cut before or after "in"."""
    doc = ent.doc
    inside = ent[-1].lower_ in cues().posted_body_preps and len(ent) > 1 and nxt.start == ent.end
    body = ent[-2] if inside else ent[-1]
    return ent.label_ == "ORG" and nxt.label_ == "GPE" and body.lower_ in cues().posted_body_nouns and \
        body.text[:1].isupper() and (inside or nxt.start == ent.end + 1 and doc[ent.end].lower_ in cues().posted_body_preps) \
        and bool(gazetteer().country(nxt.text))


def _council_cut_at_and(ent: Span, nxt: Span) -> bool:
    """A body's name cut at its "and" ("the X Union Peace" + "Security Council"): the first part ends in a
    capitalised word that is no body of its own, or one head word alone before a longer name ("Treasury" + "Finance Ministry", not "Senate" + "House"), the
    second, which opens with a capital, in one ("Council", "Committee"); not two bodies ("the University of X and Y
    University", "X and the Y Foundation")."""
    doc = ent.doc
    return ent.label_ == nxt.label_ == "ORG" and nxt.start == ent.end + 1 and doc[ent.end].lower_ == "and" and \
        ent[-1].text.istitle() and (ent[-1].lower_ not in cues().org_words or len(ent) == 1 < len(nxt)) and \
        nxt[-1].lower_ in cues().org_words and \
        nxt[0].text.istitle() and not any(t.lower_ == "of" for t in ent)  # not "University of X and Y University"


def _run_on_after_joiner(ent: Span) -> Span:
    """A body's name the NER stopped at "and" or "for": "the Ministry of Foreign Affairs and" + "Regional
    Integration", capitalised words outside any entity, is one name."""
    doc, end = ent.doc, ent.end
    if ent.label_ != "ORG" or ent[-1].lower_ not in cues().name_joiners:
        return ent
    while end < len(doc) and end - ent.end < 4 and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() and \
            not doc[end].ent_type_:
        end += 1
    return Span(doc, ent.start, end, label="ORG") if end > ent.end else ent


def _hyphen_joined(doc: Doc, ents: list[Span]) -> list[Span]:
    """Names the NER cut at a hyphen, joined again: a double-barrelled surname ("Karl Weiss-Brandt") after a first
    name, or a state's name written with a hyphen ("Guinea-Bissau"); not two parties joined ("Peru-Chile talks")."""
    gaz = gazetteer()
    out: list[Span] = []
    for ent in ents:
        if out and ent.start < out[-1].end:
            continue  # swallowed by the name before it
        end = ent.end
        if end + 1 < len(doc) and doc[end - 1].whitespace_ == "" and doc[end].text == "-" and doc[end].whitespace_ == "" \
                and doc[end + 1].is_alpha and doc[end + 1].text[:1].isupper():
            joined = doc[ent.start : end + 2].text
            tail = doc[end + 1].text
            if gaz.country(joined) or ent.label_ == "PERSON" and len(ent) >= 2 and not (
                    gaz.country(tail) or gaz.demonym(tail) or fold(tail) in gaz.capitals):
                ent = Span(doc, ent.start, end + 2, label="GPE" if gaz.country(joined) else ent.label_)
        out.append(ent)
    return out


def _named_actor_from(ent: Span, reach: int = 4) -> Span | None:
    """The entity run on into the longest name of ``actors.json`` it starts, when the NER stopped short of it (a
    lower-case head, "the Haqqani network") or cut it at a conjunction ("Islamic State of Iraq and the Levant")."""
    doc, table = ent.doc, actors()
    last = ent.sent.end
    for end in range(min(ent.end + reach, last), ent.end, -1):
        typ, _ = table.get(actor_key(doc[ent.start:end].text), ("", ""))
        if typ and not doc[end - 1].is_punct:
            return Span(doc, ent.start, end, label="ORG")
    return None


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
        if after_place_noun(left[-1], plural=True) and doc[span.end - 1].dep_ == "conj":
            return [(left, "GPE"), (right, "GPE")]  # "the villages of Velk and Arno": two places, not one
        if len(left) == len(right) == 1 and {left.text, right.text} <= _person_words_before(doc, span.start):
            return [(left, "PERSON"), (right, "PERSON")]  # "Brandt and Weiss were sanctioned": two people named before
    at = next((t.i for t in span[1:-1] if t.is_lower and t.lower_ in cues().locative_preps), None)
    if at is not None and doc[at + 1].text[:1].isupper() and actor_key(span.text) not in actors() and \
            doc[at - 1].lower_ not in cues().posted_body_nouns:  # "the UN Mission in X" is one name
        # "the Karsk Front near Velm": a name and the place the NER ran on into
        return [*_pieces(Span(doc, span.start, at, label=ent.label_)), (doc[at + 1 : span.end], "GPE")]
    if len(span) > 1 and ent.label_ in ("ORG", "PERSON") and gaz.country(span[0].text) and span[1].text[:1].isupper() and \
            not gaz.country(span[1:].text) and not has_cue([fold(t.text) for t in span[1:]], cues().org_words) and \
            not has_cue([fold(t.text) for t in span[1:]], cues().group_words):
        return [(span[:1], "GPE"), (span[1:], "PERSON")]  # "Ukraine Volodymyr Zelenskyy": a headline run-on
    return [(span, ent.label_)]


def _clean(ent: Span) -> Span | None:
    """Drop a leading article or opposing prefix ("anti-X" names X), a trailing possessive, a trailing lower-case
    group noun ("the X militia") and edge punctuation."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (doc[start].lower_ in cues().articles or doc[start].is_punct or
                           doc[start].lower_ in cues().opposing_prefixes and start + 1 < end and doc[start + 1].text == "-"):
        start += 1
    end = next((t.i for t in doc[start + 1 : end] if t.is_left_punct and t.is_bracket), end)  # "X (ACR": the name is X
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].lower_ in cues().possessive_endings):
        end -= 1
    if end - start > 1 and doc[end - 1].is_lower and doc[end - 1].lower_ in cues().group_head_nouns:
        end -= 1  # "the Azure Front militia": the name, its lower-case head noun after it
    if start >= end or _completes_bracketed_name(doc, start, end):
        return None
    return doc[start:end]


def _completes_bracketed_name(doc: Doc, start: int, end: int) -> bool:
    """A one-word name right after an editor's bracketed word, "the (Sylvan) Coast": the word completes the
    bracketed name, which is the entity; the last word alone is no name."""
    return end - start == 1 and start >= 3 and doc[start - 1].is_right_punct and doc[start - 3].is_left_punct and \
        doc[start - 1].is_bracket


def _led_bodies(doc: Doc, mentions: list[Mention], sent_of: dict[int, int], used: set[int]) -> list[Mention]:
    """An unnamed body named by its leader, "a Ruritanian-led coalition", "the Zendan-led peacekeeping mission": an
    organisation named as written, affiliated to the leading state, whose own mention stays on its word."""
    gaz = gazetteer()
    out = list(mentions)
    for tok in doc:
        if tok.lower_ != "led" or tok.i < 2 or doc[tok.i - 1].text != "-":
            continue
        body = _led_body_noun(doc, tok)
        leader = doc[tok.i - 2]
        iso = gaz.country(leader.text) or gaz.demonym(leader.text)  # demonym() reads the listed ones too
        if body is None or not iso or any(i in used for i in range(tok.i, body.i + 1)):
            continue
        span = doc[leader.i : body.i + 1]
        out.append(replace(make_mention(span, sent_of[span.start], "Organization", affiliation=country_key(iso)),
                           tokens=(tok.i - 1, span.end)))
        used.update(range(tok.i - 1, span.end))
    return out


def _led_body_noun(doc: Doc, led: Token) -> Token | None:
    """The collective noun an "X-led" names, within three lower-case words ("-led peacekeeping mission"); None when
    a name follows ("the X-led Joint Task Force" keeps its own name)."""
    for tok in doc[led.i + 1 : led.i + 4]:
        if not tok.is_lower or not tok.is_alpha:
            return None
        if tok.lower_ in cues().led_bodies:
            return tok
    return None


def _surname_mentions(doc: Doc, mentions: list[Mention], sent_of: dict[int, int], used: set[int]) -> list[Mention]:
    """A person's surname standing alone where the NER saw no name ("Brandt was arrested" after "Karl Brandt"):
    a proper noun, no part of a longer name, that ends the full name of a person named earlier in the article."""
    seen: dict[str, int] = {}  # surname -> the token after the first full name that ends in it
    for m in mentions:
        words = m.text.split()
        if m.type == "Official" and len(words) > 1 and words[-1].isalpha() and words[-1][:1].isupper():
            seen.setdefault(words[-1], m.tokens[1])
    taken = used | {i for m in mentions for i in range(*m.tokens)}
    out = []
    for tok in doc:
        if tok.i in taken or tok.pos_ != "PROPN" or seen.get(tok.text, len(doc)) > tok.i or tok.dep_ == "compound":
            continue
        if any(0 <= j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() for j in (tok.i - 1, tok.i + 1)):
            continue  # part of a longer name the NER missed
        out.append(make_mention(doc[tok.i : tok.i + 1], sent_of[tok.i], "Official"))
        used.add(tok.i)
    return out


def _repeated_acronym_mentions(doc: Doc, mentions: list[Mention], sent_of: dict[int, int], used: set[int]) -> list[Mention]:
    """An acronym the NER named once names the same thing wherever else the article writes it ("the RSF denied it"
    named, "accused the RSF of looting" missed): one sense per article."""
    named = {m.text: m for m in mentions if m.text.isupper() and m.text.isalpha() and len(m.text) > 1 and " " not in m.text}
    taken = used | {i for m in mentions for i in range(*m.tokens)}
    out = []
    for tok in doc:
        if tok.i in taken or tok.text not in named or \
                tok.i + 1 < len(doc) and (doc[tok.i + 1].ent_type_ == "PERSON" or doc[tok.i + 1].is_bracket):
            continue  # "[WGM] Anna Weiss": a title before a name, an editor's bracket
        m = named[tok.text]
        out.append(make_mention(doc[tok.i : tok.i + 1], sent_of[tok.i], m.type, key=m.key, affiliation=m.affiliation,
                                located_in=m.located_in, geonames=m.geonames))
        used.add(tok.i)
    return out


def _opposed_actor_mentions(doc: Doc, sent_of: dict[int, int], used: set[int]) -> list[Mention]:
    """A known group or body the NER missed after an opposing prefix ("an anti-Taliban offensive" names the Taliban),
    or a one-word armed group it missed anywhere ("Houthi rebels fired", first in a sentence)."""
    out = []
    for tok in (t for t in doc if t.text[:1].isupper()):  # a name of actors.json is capitalised
        known = actors().get(actor_key(tok.text))
        opposed = tok.i > 1 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in cues().opposing_prefixes
        if known and tok.i not in used and (opposed or known[0] == "Group" and not tok.is_stop and not tok.ent_type_) and \
                (m := classify(doc[tok.i : tok.i + 1], "ORG", sent_of[tok.i], set())):
            out.append(m)
            used.add(tok.i)
    return out


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
            whole = doc[child.left_edge.i : child.i + 1]  # "United States" of "United States military forces"
            iso = gaz.country(child.text) or gaz.demonyms.get(fold(child.text))
            start = child.i if iso else whole.start
            iso = iso or gaz.country(whole.text)
            if iso:
                span = doc[start : tok.i + 1]
                if any(i in used for i in range(child.i + 1, span.end)):
                    break
                out.append(make_mention(span, sent_of[tok.i], "Organization", key=armed_forces_key(iso),
                                    affiliation=country_key(iso)))
                break
    return out


def _state_body_mentions(doc: Doc, sent_of: dict[int, int], used: set[int]) -> list[Mention]:
    """A state's body in lower case after the state's adjective or possessive, which the NER does not see as a
    name: "the Togolese foreign ministry", "Japan's central bank", "the Ruritanian coast guard"."""
    gaz = gazetteer()
    out = []
    for tok in doc[2:]:
        phrase = f"{doc[tok.i - 1].lower_} {tok.lower_}"
        if phrase not in cues().state_bodies or tok.i in used or tok.i - 1 in used or not doc[tok.i - 1].is_lower:
            continue
        at = tok.i - 3 if doc[tok.i - 2].tag_ == "POS" else tok.i - 2  # "Japan's foreign ministry"
        if at < 0:
            continue
        owner = doc[at]
        iso = gaz.country(owner.text) or (owner.text[:1].isupper() and gaz.demonym(owner.text))
        if not iso:
            continue
        span = doc[owner.i : tok.i + 1]
        out.append(make_mention(span, sent_of[tok.i], "Organization", key=org_key(phrase, iso),
                                affiliation=country_key(iso)))
        used.update(range(owner.i + 1, tok.i + 1))
    return out
