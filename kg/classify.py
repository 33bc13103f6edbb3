"""Typing one entity span: the gazetteer's identities first, then the span's form, its context and its label.

Mentions propose a type here; resolve decides across the whole article.
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span

from .gazetteer import gazetteer
from .keys import armed_forces_key, capital_key, country_key, fold, group_key, org_key
from .lexicon import actor_key, actors, cues
from .media import news_source
from .officials import after_role_noun, after_title, role_of
from .places import described_as_place, locative, place_mention
from .schema import Mention, make_mention

__all__ = ["classify", "has_cue", "owner_prefix"]


_FUNCTION_POS = {"AUX", "PART", "PRON", "SCONJ", "CCONJ", "DET", "ADP"}


def _country_mention(span: Span, sent: int, iso: str) -> Mention:
    """A Country mention with its GeoNames id."""
    return make_mention(span, sent, "Country", key=country_key(iso), geonames=gazetteer().countries[iso]["geonames"])


_UNDECIDED = object()  # what a typing step returns when it leaves the span to the next step


def classify(span: Span, label: str, sent: int, lower_words: set[str]) -> Mention | None:
    """Type one cleaned entity span with its NER label: a Mention, or None when it names nothing kg keeps.

    ``lower_words`` are the words the article writes in lower case.
    """
    key = fold(span.text)
    words = [fold(t.text) for t in span]
    decided = _by_identity(span, label, sent, key, words)
    if decided is not _UNDECIDED:
        return decided
    if _after_company_noun(span):  # "the state company Velmar", "the US firm Ostgaz"
        iso = _owner_country(span)
        return make_mention(span, sent, "Organization", key=org_key(span.text, iso),
                            affiliation=country_key(iso) if iso else "")
    if key in gazetteer().capitals and label in ("PERSON", "ORG", "NORP") and len(span) == 1:
        label = "GPE"  # a capital the NER took for a person or an organisation
    elif label == "ORG" and key in gazetteer().places and not span.text.isupper() and \
            not has_cue(words, cues().org_words) and not has_cue(words, cues().group_words):
        label = "GPE"  # a town the gazetteer lists that the NER took for an organisation ("attacked El Fasher")
    decided = _by_form(span, label, sent, lower_words, key, words)
    if decided is not _UNDECIDED:
        return decided
    if label == "ORG" and (span.root.dep_ == "appos" and span.root.head.lower_ in cues().role_words or after_role_noun(span) or
                           not span.text.isupper() and  # an acronym is no person's name ("ISNA, the prosecutor ...")
                           any(c.dep_ == "appos" and c.lower_ in cues().role_words for c in span.root.children)) and \
            not has_cue(words, cues().org_words) and not has_cue(words, cues().group_words):
        label = "PERSON"  # "a spokesperson, Morgan Ortagus", "military spokesperson Morgan Ortagus", "M O, the commander"
    decided = _by_context(span, label, sent, key, words)
    if decided is not _UNDECIDED:
        return decided
    if label == "ORG":
        return _org_mention(span, sent, words)
    if label == "PERSON":
        return _person_mention(span, sent, words, lower_words)
    return _region_mention(span, label, sent, key, words)


def _by_identity(span: Span, label: str, sent: int, key: str, words: list[str]) -> Mention | None | object:
    """A titled surname, a country, a named actor or a government: what the gazetteer and actors.json know."""
    gaz = gazetteer()
    if label in ("PERSON", "GPE", "ORG") and len(span) == 1 and after_title(span):
        role, aff = role_of(span)  # "Colonel Lima", "Mr. Amman": a surname, not a capital
        return make_mention(span, sent, "Official", role=role, affiliation=aff)
    if (iso := gaz.country(span.text)) and (region := _region_of_preceding_place(span, key)):
        return place_mention(span, sent, key) if key in gaz.regions and gaz.regions[key][0] == region else None
    if iso and _followed_by(span, cues().region_words):
        return None  # "Washington state": the region, named with the word that makes it one
    if iso:
        return _country_mention(span, sent, iso)
    if label == "ORG" and len(span) >= 3 and span[1].lower_ == "of" and (iso := gaz.country(span[2:].text)) and \
            not has_cue(words[:1], cues().org_words | cues().common_org_nouns | cues().group_words | cues().role_words):
        return _country_mention(span[2:], sent, iso)  # "the Economy of Ruritania": the country, no body of its own
    if actor := _named_actor(span):
        name, typ, entry = actor  # "the Houthis", "Abu Sayyaf Group"; "Shiite Hezbollah" is Hezbollah
        return make_mention(name, sent, "Group", key=group_key(entry)) if typ == "Group" else \
            _org_mention(name, sent, [fold(t.text) for t in name])
    if all(w in cues().religion_words for w in words):
        return None  # "nurtured in Islam", "Islamic" of a split "Islamic State": a faith, not a place
    if iso := _government_of([t.text for t in span]):
        return _country_mention(span, sent, iso)  # "the Government of Ruritania" acts as the state
    if _names_a_group_head(span) and key not in gaz.places and key not in gaz.regions:
        return make_mention(span, sent, "Group", key=group_key(span.text))  # "the M23 group", "the Velm militia"
    return _UNDECIDED


def _demonym_taken_for_a_name(span: Span, label: str, key: str) -> bool:
    """One word the NER took for a person or a body that modifies a common noun ("Tajik officials", "Kyrgyz servicemen"),
    or for a place no gazetteer lists ("between Kyrgyz and Tajik leaders"): a demonym the tables reach only by rule."""
    if len(span) != 1:
        return False
    head = span.root.head
    return span.root.dep_ in ("compound", "amod") and head.i == span.end and head.text.islower() or \
        label in ("GPE", "LOC") and key not in gazetteer().places and key not in gazetteer().regions


def _by_form(span: Span, label: str, sent: int, lower_words: set[str], key: str, words: list[str]) -> Mention | None | object:
    """Demonyms, and what the span's own words rule out or trim: times, kinds, products, titles, common words."""
    gaz = gazetteer()
    if key.startswith("non-"):
        return None
    if iso := gaz.demonyms.get(key) or (label == "NORP" or _demonym_taken_for_a_name(span, label, key)) and gaz.demonym(span.text):
        return _country_mention(span, sent, iso)
    if key in cues().time_words or not any(t.text[:1].isupper() for t in span):
        return None
    if len(span) > 1 and label in ("ORG", "EVENT", "LAW", "PERSON") and words[-1] in cues().not_actor_name_ends:
        return None  # "the Syrian Civil War", "the United States Constitution": an event or a text, no actor
    if label not in ("GPE", "LOC") and _indefinite(span):
        return None  # "a Foreign Terrorist Organization": a kind of thing, not its name
    if label in ("ORG", "PERSON", "FAC", "GPE") and key not in gaz.places and key not in gaz.regions and \
            _names_a_product(span) and not has_cue(words, cues().org_words) and not has_cue(words, cues().group_words):
        return None  # "the Eastway gas pipeline", "a Skyward jet": a project or a product, not an actor
    if label == "PERSON" and len(span) > 1 and span[0].lower_.rstrip(".") in cues().honorifics and \
            span[1].text[:1].isupper():
        n = 0
        while n < len(span) - 1 and span[n].lower_.rstrip(".") in cues().honorifics:
            n += 1
        return classify(span[n:], label, sent, lower_words)  # "Imam X", "Shahid X": the name is X
    if label in ("ORG", "PERSON") and (all(t.lower_ in cues().role_words for t in span) or span[-1].lower_ in cues().name_titles
                                       and span.end < len(span.doc) and span.doc[span.end].ent_type_ == "PERSON"):
        return None  # "Major General" alone, "Lance Corporal" + a person's name: a title the NER cut from its name
    if label == "ORG" and any(t.lower_ in cues().name_titles for t in span[:2]) and (n := _leading_title(span)) and \
            len(span) - n >= 2 and \
            not has_cue(words, cues().org_words) and not has_cue(words, cues().group_words):
        label = "PERSON"  # "Lieutenant General A B", "Lance Corporal A B" taken for a body: a titled person
    if label == "PERSON" and (n := _leading_title(span)):
        mention = classify(span[n:], label, sent, lower_words)  # "Crown Prince X", "Foreign Minister X": the name is X
        if mention is not None and mention.type == "Official" and not mention.role:
            mention = replace(mention, role=span[:n].text)
        return mention
    if len(span) == 1 and span.text.lower() in lower_words and key not in gaz.places and key not in gaz.regions:
        return None  # a capitalised common word ("State", "Sea"): the article uses it in lower case too
    if len(span) == 1 and span[0].is_sent_start and span.text.lower() in cues().opening_common_nouns:
        return None  # "Jets struck the town": the sentence's first word, no name
    if len(span) == 1 and span.root.dep_ in ("compound", "amod") and span.root.head.text[:1].isupper() and \
            span.root.head.i == span.end and key not in gaz.places and key not in gaz.regions:
        return None  # a piece of a longer name the NER split ("Islamic" of "Islamic State")
    if len(span) == 1 and span.start >= 2 and span.doc[span.start - 1].lower_ == "of" and \
            span.doc[span.start - 2].lower_ in cues().role_words:
        return None  # "Secretary of State": part of a title
    if len(span) > 1 and (iso := gaz.country(span[0].text)) and label in ("ORG", "PERSON") \
            and span[1].text[:1].isupper() and not gaz.country(span[1:].text):
        rest = [fold(t.text) for t in span[1:]]
        if has_cue(rest, cues().org_words) or has_cue(rest, cues().group_words):
            return _UNDECIDED  # "US Treasury Department": a body named with its state, typed whole
        return classify(span[1:], "PERSON", sent, lower_words)  # "Ukraine Volodymyr Zelenskyy": a headline run-on
    return _UNDECIDED


def _by_context(span: Span, label: str, sent: int, key: str, words: list[str]) -> Mention | None | object:
    """A name the words around it make a place ("the town Ober Tal", "at Ain Issa") or a group; a NORP span."""
    gaz = gazetteer()
    if news_source(span) and not gaz.country(span.text) and key not in gaz.capitals:  # "according to Xinhua"
        return make_mention(span, sent, "Organization", key=org_key(span.text))
    if described_as_place(span) and not has_cue(words, cues().org_words) and not has_cue(words, cues().group_words):
        return place_mention(span, sent, key)  # "Karsovo, a village near the border", "X, formerly a church"
    if len(span) > 1 and words[-1] in cues().landmark_words and span[-1].text[:1].isupper():
        return place_mention(span, sent, key)  # "the Velm Cathedral", "Karsk Bridge": a building or landmark named whole
    if label in ("ORG", "PERSON") and span.start > 0 and span.doc[span.start - 1].lemma_.lower() in cues().place_words and \
            span.doc[span.start - 1].text.islower() and not has_cue(words, cues().org_words) and not has_cue(words, cues().role_words):
        return place_mention(span, sent, key)  # "the island Xanthos", "the town Ober Tal"
    if label in ("ORG", "PERSON") and (len(span) == 1 or span.root.head.i == span.end) and \
            span.root.dep_ in ("compound", "amod") and span.root.head.lemma_.lower() in cues().place_words | cues().landmark_words \
            and span.root.head.text.islower() and not has_cue(words, cues().org_words) and words[-1] not in cues().group_words:
        return place_mention(span, sent, key)  # "the Khurais oil field", "Ostland's Maidan Vale province", "the X crossing"
    titled = span.start > 0 and span.doc[span.start - 1].lower_ in cues().name_titles  # "at Governor A B": a person
    if label in ("ORG", "PERSON") and locative(span) and not has_cue(words, cues().org_words) and not titled and \
            not has_cue(words, cues().role_words) and words[-1] not in cues().group_words:
        return place_mention(span, sent, key)  # "camps of the Karsk Front": a group word heads a group, not a place
    if label == "NORP" and has_cue(words, cues().group_words):
        return make_mention(span, sent, "Group", key=group_key(span.text))  # "a Saraya Hezbollah official"
    if label == "NORP":
        place = gaz.places.get(key)
        if place and span.root.dep_ in ("pobj", "compound", "nsubj", "dobj"):
            return place_mention(span, sent, key)
        return None
    return _UNDECIDED


def _after_company_noun(span: Span) -> bool:
    """ "the state company Velmar", "the Russian operator Ostgaz", "a fuel supplier, Velmar Fuels", "Ostgaz, the
    vessel's operator": a name right after a lower-case noun of a business that modifies it, or in apposition with
    one."""
    if span.start == 0 or gazetteer().country(span.text):
        return False
    nouns = cues().company_nouns
    prev, root = span.doc[span.start - 1], span.root
    if prev.is_lower and prev.lower_ in nouns and (prev.head.i in range(span.start, span.end) or root.head == prev):
        return True
    described = [root.head] if root.dep_ == "appos" else []
    described += [c for c in root.children if c.dep_ == "appos"]
    return any(d.is_lower and d.lemma_.lower() in nouns and d.i not in range(span.start, span.end) for d in described)


def _region_mention(span: Span, label: str, sent: int, key: str, words: list[str]) -> Mention | None:
    """A GPE, LOC or FAC span: a region, a capital (state or town, decided in resolve), a place or a body."""
    gaz = gazetteer()
    if _followed_by(span, cues().region_words) and key in gaz.regions:
        return place_mention(span, sent, key)
    if iso := gaz.capitals.get(key):
        # A capital: Country alias or Place, decided over the whole article in resolve.
        place = gaz.places.get(key)
        return make_mention(span, sent, "Place", key=capital_key(iso), located_in=country_key(iso),
                            geonames=place[0] if place else 0)
    if len(span) == 1 and key in cues().compass_words:
        return None
    if key in gaz.places or key in gaz.regions:
        return place_mention(span, sent, key)
    if label == "GPE" and span.root.dep_ in ("compound", "amod") and span.root.head.lower_ not in cues().place_words and \
            span.root.head.pos_ != "ADJ":  # "the city of X ablaze": the parser hung the name on the adjective
        return None  # "Baloch separatist sites": an adjective of region, not a place
    if any(w in cues().org_words or w in cues().group_words for w in words[-1:]) or \
            len(words) > 1 and words[0] in cues().leading_body_words:
        return _org_mention(span, sent, words)  # "Free Ostland Party", "Frente Karsk": a body, not a place
    return place_mention(span, sent, key)


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


def _leading_title(span: Span) -> int:
    """How many title-case words at the start of a person's span are a title ending in a role word ("Crown
    Prince", "Foreign Minister"), leaving a name of at least one word; 0 for none."""
    n = 0
    for i, tok in enumerate(span[:-1]):
        if not tok.text[:1].isupper():
            break
        if tok.lower_ in cues().role_words:
            n = i + 1
    return n if n and span[n].text[:1].isupper() else 0


def _names_a_group_head(span: Span) -> bool:
    """Whether the span names the lower-case group noun right after it ("the M23 group", "the Velm militia"), not a
    country, a demonym or a person's name."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].lower_ in cues().group_head_nouns and doc[span.end].text.islower() \
        and span.root.head.i == span.end and span.root.dep_ in ("compound", "amod", "nmod") and \
        not gazetteer().demonym(span.text)


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


def has_cue(words: list[str], cue: frozenset[str]) -> bool:
    """True when one of ``words`` is in the cue list."""
    return any(w in cue for w in words)


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
    prev = span.doc[span.start - 1] if span.start > 0 else None  # "Ruritanian Foreign Ministry spokeswoman A B":
    if prev is not None and span.root.dep_ == "compound" and prev.dep_ in ("amod", "compound") and \
            prev.head == span.root.head and (iso := gaz.country(prev.text) or gaz.demonyms.get(fold(prev.text))):
        return iso  # the state's adjective hung beside the body's name, on the noun both modify
    if any(t.lower_ in cues().org_words for t in span):  # a body's name, not "A B of X", a person the NER took for one
        for obj in (g for c in span.root.children if c.dep_ == "prep" and c.lower_ == "of" and c.i >= span.end
                    for g in c.children if g.dep_ == "pobj"):  # "the State Border Committee of the Republic of X"
            if iso := gaz.country(span.doc[obj.left_edge.i : obj.right_edge.i + 1].text):
                return iso
    parts = span.text.split(" of ")
    for n in range(1, len(parts)):  # the longest state name after an "of": "... of the Democratic Republic of Congo"
        if len(" of ".join(parts[:n]).split()) > 1 and (iso := gaz.country(" of ".join(parts[n:]))):
            return iso  # "the Ministry of Foreign Affairs of Ruritania"
    return _country_prefix([t.text for t in span])[0]


def _country_prefix(words: list[str]) -> tuple[str, int]:
    """ISO code and length of the country name or demonym a name starts with: "United States Embassy" -> US, 2."""
    gaz = gazetteer()
    for n in range(min(4, len(words) - 1), 0, -1):
        head = " ".join(words[:n])
        if iso := gaz.demonyms.get(fold(head)) or gaz.country(head) or n == 1 and head[:1].isupper() and gaz.demonym(head):
            return iso, n  # a demonym the tables lack is read from the word ("Tajik", "Uzbek")
    return "", 0


def owner_prefix(span: Span, m: Mention) -> list[Mention]:
    """A body named with its state's name first ("US Treasury Department"): the state's own mention on those words,
    and the body's mention, whole in text, on the rest of its tokens; else ``[m]``."""
    iso, n = _country_prefix([t.text for t in span])
    if m.type != "Organization" or not iso or n >= len(span) or not span[0].text[:1].isupper():
        return [m]
    return [_country_mention(span[:n], m.sent, iso), replace(m, tokens=(span.start + n, span.end))]


def _org_mention(span: Span, sent: int, words: list[str]) -> Mention | None:
    """An Organization or a Group from a name's words: a state's army, a militia, an owned body."""
    c = cues()
    joined = " ".join(words)
    iso = _owner_country(span)
    name_words = words[_country_prefix([t.text for t in span])[1]:]
    if iso and " ".join(name_words) in c.force_heads:
        return make_mention(span, sent, "Organization", key=armed_forces_key(iso), affiliation=country_key(iso))
    group = make_mention(span, sent, "Group", key=group_key(span.text))
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
    return make_mention(span, sent, "Organization", key=key, affiliation=aff)


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
    """An Official, unless the name's words make it a headline, a group, a body or a town."""
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
        return make_mention(span, sent, "Group", key=group_key(span.text))
    if len(span) > 1 and words[-1] in cues().body_name_ends:
        return _org_mention(span, sent, words)  # "Desert Shield Forces": a name ending in a body's word is no person
    if span.root.dep_ == "compound" and span.root.head.lower_ in cues().camp_nouns:
        return make_mention(span, sent, "Group", key=group_key(span.text))
    key = fold(span.text)
    if key in gaz.places and len(span) == 1:
        return place_mention(span, sent, key)
    role, aff = role_of(span)
    return make_mention(span, sent, "Official", role=role, affiliation=aff)
