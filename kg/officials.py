"""Officials: the role and state named around a person's name, titles before it, and shared surnames."""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .gazetteer import gazetteer
from .keys import country_key, fold, group_key
from .lexicon import actor_key, actors, cues
from .schema import Mention

__all__ = ["after_role_noun", "after_title", "name_word", "nicknamed", "role_of", "shared_surnames"]


def shared_surnames(doc: Doc, mentions: list[Mention], sent_of: dict[int, int]) -> list[Mention]:
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


def with_first_name(ent: Span) -> Span:
    """A person's name the NER cut short, grown over the capitalised words the parse hangs on it: the first name
    between a title and the NER's surname ("Secretary-General Anders Vale": the NER's "Vale"), a first name before
    the NER's two last names ("Tomas Brandt Weiss": "Brandt Weiss"), a last name after its span ("Ana Lind Vale":
    "Ana Lind", whose last word modifies "Vale"). A grown word is no title, role, state, nationality or place. A
    titled first name makes the NER's organisation or place after it the person's surname ("General Ama Lote-Varto")."""
    doc = ent.doc
    start, end = ent.start, ent.end
    if ent.label_ in ("ORG", "GPE") and start >= 2 and len(ent) <= 3 and name_word(doc[start - 1], towns=True) and \
            doc[start - 1].head.i in range(start, end) and doc[start - 2].lower_ in cues().name_titles and \
            doc[start - 2].text[:1].isupper():
        return Span(doc, start - 1, end, label="PERSON")  # "General Ama Lote-Varto" with the NER's organisation "Lote-Varto"
    if ent.label_ != "PERSON":
        return ent
    if end < len(doc) and end - start < 4 and name_word(doc[end], towns=True) and doc[end - 1].head.i == end and \
            doc[end - 1].dep_ == "compound":
        end += 1  # the last name the NER left out: its span's last word modifies it
    before = doc[start - 2] if start >= 2 else None  # the word before the first name: a title, or no name's word
    titled = before is not None and before.lower_ in cues().name_titles and before.text[:1].isupper()
    if start >= 1 and name_word(doc[start - 1]) and doc[start - 1].head.i in range(start, end) \
            and (titled or end - start >= 2 and not doc[start - 1].is_sent_start and before is not None and
                 not before.text[:1].isupper() and before.lower_ != "of"):
        start -= 1  # the first name: between a title and the NER's surname, or before a two-word name; not a word
        # after another capitalised one or "of" ("European Commissioner A B", "Minister of Information A B") or one
        # opening the sentence ("Professor A B said"), likely titles
    return ent if (start, end) == (ent.start, ent.end) else Span(doc, start, end, label="PERSON")


def name_word(tok: Token, towns: bool = False) -> bool:
    """A capitalised proper noun (not an acronym) outside any entity that is no title, role, state, nationality, capital or (unless
    ``towns``: a surname the parse makes the head of a person's name may be a town's name too) place."""
    gaz = gazetteer()
    return tok.pos_ == "PROPN" and tok.is_alpha and tok.text[:1].isupper() and not tok.text.isupper() and not tok.ent_type_ and \
        tok.lower_ not in cues().role_words and tok.lower_[:-1] not in cues().role_words and tok.lower_ not in cues().name_titles and \
        tok.lower_.rstrip(".") not in cues().honorifics and not gaz.demonym(tok.text) and not gaz.country(tok.text) and \
        (towns or fold(tok.text) not in gaz.places) and fold(tok.text) not in gaz.capitals


def after_title(span: Span) -> bool:
    """ "Colonel Vale", "Mr. Vale": a capitalised honorific directly before the name, not starting a longer name."""
    if span.start == 0:
        return False
    prev = span.doc[span.start - 1]
    return prev.text[:1].isupper() and prev.lower_.rstrip(".") in cues().honorifics and \
        (span.start < 2 or not span.doc[span.start - 2].text[:1].isupper() or span.doc[span.start - 2].is_sent_start)


def after_role_noun(span: Span) -> bool:
    """ "spokesperson Yuri Vale": a name directly after a lower-case role noun that modifies it."""
    if span.start == 0 or not all(t.text[:1].isupper() or t.lower_ in cues().name_particles for t in span):
        return False
    prev = span.doc[span.start - 1]
    return prev.text.islower() and prev.lower_ in cues().role_words and prev.pos_ in ("NOUN", "PROPN") and \
        (prev.head.i in range(span.start, span.end) or prev.head == span.root.head)


def role_of(span: Span) -> tuple[str, str]:
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
            aff = _group_in_role(parts, tok) or aff or country_key(iso)  # "Pakistani Taliban leader": the group
            break
        parts.insert(0, tok)
        i -= 1
    aff = aff or _group_in_role(parts, None)  # "Hamas commander X"
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


def _group_in_role(parts: list[Token], nationality: Token | None) -> str:
    """The key of the group a role phrase names ("Taliban leader", "Pakistani Taliban commander"), or "": an
    official titled by a group's name belongs to the group, and a nationality before it qualifies the group."""
    names = [t for t in parts if t.lower_ not in cues().role_words]
    if not names:
        return ""
    for toks in ([nationality, *names], names) if nationality is not None else (names,):
        typ, entry = actors().get(actor_key(" ".join(t.text for t in toks)), ("", ""))
        if typ == "Group":
            return group_key(entry)
    if all(t.text[:1].isupper() for t in names) and any(t.lower_ in cues().group_words for t in names):
        return group_key(" ".join(t.text for t in names))  # "Azure Front commander X": a group no list knows
    return ""


_MARKER_WORDS = 4


def nicknamed(doc: Doc, mentions: list[Mention]) -> dict[int, int]:
    """Mentions that are another name of the one named just before them ('A B, alias "Tigre"', "A B, known as Abu
    C", "Myanmar's military, known as the Tatmadaw"), each to the index of the mention it follows."""
    ends = {m.tokens[1]: i for i, m in enumerate(mentions)}  # where each name ends
    out: dict[int, int] = {}
    for i, m in enumerate(mentions):
        j = m.tokens[0] - 1
        while j >= 0 and (doc[j].is_quote or doc[j].lower_ == "the"):
            j -= 1
        k = j
        while k >= 0 and j - k < _MARKER_WORDS and (doc[k].is_lower or doc[k].lower_ in cues().nickname_markers):
            k -= 1
        if " ".join(t.lower_ for t in doc[k + 1 : j + 1]) not in cues().nickname_markers:
            continue
        marker = doc[k + 1]
        while k >= 0 and doc[k].is_punct and not doc[k].is_quote:  # "A B, alias": the comma after the name
            k -= 1
        named = ends.get(k + 1)
        if named is None or named == i or mentions[named].type == "Place":
            continue
        if mentions[named].type == "Official" or marker.head.i in range(*mentions[named].tokens):
            out[i] = named  # a body's other name hangs on the body's own name ("the withdrawal from X, known as" does not)
    return out
