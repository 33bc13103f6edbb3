"""Repairs of the statistical NER's spans before kg reads them: a nationality run into the words after it ("Tajik
drones" as a person), a name cut at a hyphen inside it ("Kara" of "Kara-Tobe") or at its lower-case particles
("Santa Cruz de" of "Santa Cruz de las Canas"), a nickname run into its marker ("the nom de guerre A B"), a
person taken for a place ("Varto" of "Ama Lote Varto, the
commander")."""
from __future__ import annotations

from spacy.tokens import Span, Token

from .gazetteer import gazetteer
from .keys import fold
from .lexicon import cues

__all__ = ["repaired_spans", "unnamed_appositions"]

_FACILITY_MODIFIERS = 3  # lower-case words between a site's name and its head noun ("oil", "thermal power")


def repaired_spans(ents: list[Span]) -> list[Span]:
    """The NER's entity spans of one document, repaired."""
    named = {t.text for ent in ents for t in ent}
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    return _joined_by_particles([_with_facility_noun(_described_person(_joined_by_hyphen(_nationality_cut(_marker_cut(
        _country_cut(ent, taken))), named), taken)) for ent in ents])


def _country_cut(ent: Span, taken: set[int]) -> Span:
    """A country whose first word the NER left out ("Sudan" of "South Sudan and Sudan", "Korea" of "North Korea"):
    the whole name, when the capitalised word before the span belongs to no other entity and makes with it the name
    of a state."""
    doc = ent.doc
    prev = doc[ent.start - 1] if ent.start > 0 else None
    if ent.label_ not in ("GPE", "LOC", "NORP") or prev is None or prev.i in taken or not prev.text[:1].isupper():
        return ent
    whole = gazetteer().country(f"{prev.text} {ent.text}")
    return Span(doc, ent.start - 1, ent.end, label="GPE") if whole and whole != gazetteer().country(ent.text) else ent


def _with_facility_noun(ent: Span) -> Span:
    """A site named by a name and the lower-case head noun after it ("the Ostvik airfield", "the Varna oil refinery",
    "the Kelm hydroelectric dam"): the name with its head noun and the words between, as the news indexes it. Not
    a body ("the Azure Front base"), an owner ("X's base") or a place the gazetteer knows ("the Peruvian air base",
    "the Tacna airport")."""
    doc, facility = ent.doc, cues().facility_words | cues().modified_facility_words
    end = ent.end
    while end < len(doc) and end - ent.end < _FACILITY_MODIFIERS and doc[end].is_lower and \
            doc[end].pos_ in ("NOUN", "ADJ") and doc[end].lower_ not in facility:
        end += 1
    if end == ent.end:
        facility = cues().facility_words  # "a GOP plant": no power plant
    if end >= len(doc) or not doc[end].is_lower or doc[end].pos_ != "NOUN" or \
            not {doc[end].lower_, doc[end].lemma_.lower()} & facility or doc[end].dep_ == "compound" or \
            ent.root.head.i not in range(ent.end, end + 1) or ent.root.dep_ == "poss" or _known_geography(ent.text) or \
            any(t.lower_ in cues().org_words or t.lower_ in cues().group_words for t in ent):
        return ent
    return Span(doc, ent.start, end + 1, label="FAC")


def _known_geography(text: str) -> bool:
    """Whether the gazetteer knows ``text`` as a country, nationality, capital, town or region: "the Tacna airport"
    stays an airport of the town kg can place, not a site of its own."""
    gaz, key = gazetteer(), fold(text)
    return bool(gaz.country(text) or gaz.demonym(text) or key in gaz.capitals or key in gaz.places or key in gaz.regions)


def _marker_cut(ent: Span) -> Span:
    """A nickname the NER took together with the lower-case words that introduce it ("the nom de guerre A B" as one
    organisation): the nickname alone, a person's name."""
    lead = next((n for n, t in enumerate(ent) if not t.is_lower), len(ent))  # the lower-case words it opens with
    marker = " ".join(t.lower_ for t in ent[:lead] if t.lower_ not in cues().demonstratives)
    if not lead or lead == len(ent) or marker not in cues().nickname_markers:
        return ent
    return Span(ent.doc, ent.start + lead, ent.end, label="PERSON")


def _described_person(ent: Span, taken: set[int]) -> Span:
    """A name the NER took for a place though an apposition calls it a person ("Ana Rojas, a spokeswoman for X",
    with "Rojas" a town somewhere): a person, with the capitalised first names the NER left out. Not a country
    ("Peru, a member of the bloc")."""
    root, doc = ent.root, ent.doc
    if ent.label_ not in ("GPE", "LOC", "FAC") or gazetteer().country(ent.text) or \
            not any(c.dep_ == "appos" and c.i > root.i and c.lower_ in cues().role_words for c in root.children):
        return ent
    return Span(doc, _first_names(root, ent.start, taken), ent.end, label="PERSON")


def _nationality_cut(ent: Span) -> Span:
    """A nationality the NER took into one span with words after it that are no name: a common noun ("Tajik drones"
    as a person), or the role words of the title that follows ("Kyrgyz Defence" of "Kyrgyz Defence Minister A B"):
    the nationality alone, as such."""
    doc, rest = ent.doc, ent[1:]
    after = doc[ent.end] if ent.end < len(doc) else None
    if not len(rest):  # "Tajik border guards" with "Tajik" a person: a nationality before a common noun
        common = ent.label_ in ("PERSON", "ORG") and after is not None and after.is_lower and after.pos_ == "NOUN"
    else:
        common = ent[-1].pos_ == "NOUN" and all(t.is_lower for t in rest)
    title = after is not None and after.lower_ in cues().name_titles and all(t.lower_ in cues().role_words for t in rest)
    if not (common or title):
        return ent
    iso = gazetteer().country(ent[0].text) if len(rest) else ""  # a lone country name is a name as written
    label = "GPE" if iso else "NORP" if gazetteer().demonym(ent[0].text) else ""
    return Span(doc, ent.start, ent.start + 1, label=label) if label else ent


def _joined_by_hyphen(ent: Span, named: set[str]) -> Span:
    """A name the NER cut at a hyphen inside it ("Chong" of "Chong-Bulak"): the whole hyphenated word, unless either
    part is a name of its own ("Kyrgyz-Tajik", "PKK-YPG", "the Lenz-Varto ticket" where "Varto" is named alone:
    two sides, not one name). ``named`` holds the words of the article's entities."""
    doc, start, end = ent.doc, ent.start, ent.end
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and \
            not doc[end].whitespace_ and _hyphen_part(doc[end + 1], named) and not _acronym(doc[end - 1]):
        end += 2
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_ and \
            not doc[start - 1].whitespace_ and _hyphen_part(doc[start - 2], named) and not _acronym(doc[start]):
        start -= 2
    return ent if (start, end) == (ent.start, ent.end) else Span(doc, start, end, label=ent.label_)


def _joined_by_particles(ents: list[Span]) -> list[Span]:
    """A name the NER cut at the lower-case particles inside it ("Santa Cruz de" of "Santa Cruz de las Canas",
    "Alliance des Patriotes" and "Liberation" of "... pour la Liberation du Nord"): one name, of its first part's
    label, through the capitalised words or the next name after the particles."""
    out: list[Span] = []
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    for ent in ents:
        if out and _particles_between(out[-1], ent.start) and ent[0].text[:1].isupper():
            out[-1] = Span(ent.doc, out[-1].start, ent.end, label=out[-1].label_)
        else:
            out.append(ent)
    for n, ent in enumerate(out):
        while (longer := _run_after_particles(ent, taken)) is not None:
            ent = out[n] = longer
    return out


def _run_after_particles(ent: Span, taken: set[int]) -> Span | None:
    """``ent`` through the capitalised words no entity holds after the particles that follow it, or None."""
    doc, end = ent.doc, ent.end
    while end < len(doc) and doc[end].lower_ in cues().place_particles and end - ent.end < _PARTICLE_GAP:
        end += 1
    run = end
    while run < len(doc) and run not in taken and doc[run].is_alpha and doc[run].is_title and run - end < _PARTICLE_GAP:
        run += 1
    return Span(doc, ent.start, run, label=ent.label_) if run > end and _particles_between(ent, end) else None


def _particles_between(ent: Span, start: int) -> bool:
    """Whether only name particles (at most three) lie between ``ent`` and ``start``, and at least one lies there or
    ends ``ent``."""
    gap = ent.doc[ent.end : start]
    return len(gap) <= _PARTICLE_GAP and all(t.lower_ in cues().place_particles for t in gap) and \
        (len(gap) > 0 or ent[-1].lower_ in cues().place_particles)


_PARTICLE_GAP = 3
_ACRONYM_LENGTH = 4


def _acronym(tok: Token) -> bool:
    return tok.is_upper and len(tok) <= _ACRONYM_LENGTH


def _hyphen_part(tok: Token, named: set[str]) -> bool:
    """A capitalised word outside every entity that names nothing by itself: no acronym, not in the gazetteer,
    not an entity's word elsewhere in the article."""
    gaz = gazetteer()
    return tok.is_alpha and tok.text[:1].isupper() and not _acronym(tok) and tok.ent_iob_ == "O" and \
        tok.text not in named and not gaz.country(tok.text) and not gaz.demonym(tok.text) and \
        fold(tok.text) not in gaz.capitals


def unnamed_appositions(doc, taken: set[int]) -> list[Span]:
    """People the NER missed whom an apposition names after a role noun ("the commission's chairperson, A B-C,
    said"): capitalised proper nouns outside any entity, the name's head in apposition to the role, its
    compounds and hyphens before it."""
    out: list[Span] = []
    titles = cues().role_words | cues().name_titles
    for tok in doc:
        if tok.dep_ != "appos" or tok.pos_ != "PROPN" or not tok.text[:1].isupper() or tok.i in taken or \
                tok.head.lower_ not in cues().role_words or tok.head.i > tok.i:
            continue
        start = _first_names(tok, tok.i, taken)
        words = [t for t in doc[start : tok.i + 1] if t.text != "-"]
        if start < tok.i and all(t.text.istitle() and t.lower_ not in titles for t in words):
            out.append(Span(doc, start, tok.i + 1, label="PERSON"))  # not "Deputy Lord Mayor", "Minister (Dy CM)"
    return out


def _first_names(head: Token, start: int, taken: set[int]) -> int:
    """Where a name whose last word is ``head`` starts, grown left from ``start`` over the capitalised proper nouns
    (and the hyphens between them) the parse hangs on ``head`` outside other entities: "Ama Lote" of "Ama Lote-Varto"."""
    doc = head.doc

    def name_part(i: int) -> bool:
        return i >= 0 and i not in taken and doc[i].head == head and doc[i].dep_ == "compound" and \
            doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper()

    while start > 0 and (name_part(start - 1) or doc[start - 1].text == "-" and name_part(start - 2)):
        start -= 1
    return start
