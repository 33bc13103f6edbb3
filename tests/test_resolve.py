"""Entity typing and resolution on invented sentences (real place names, made-up events)."""
from __future__ import annotations

import pytest


def types_of(entities) -> dict[str, str]:
    return {e.label: e.type for e in entities.values()}


def named(entities, label: str):
    return next(e for e in entities.values() if e.label == label or label in e.aliases)


@pytest.mark.parametrize("text,alias,country", [
    ("Ottawa said on Monday that the talks had failed. Canada wants a new round.", "Ottawa", "Canada"),
    ("Peru and Chile traded accusations. Lima recalled its envoy on Tuesday.", "Lima", "Peru"),
])
def test_resolve_maps_acting_capital_to_country(read_text, text, alias, country):
    entities, _ = read_text(text)
    ent = named(entities, alias)
    assert ent.type == "Country" and ent.label == country and alias in ent.aliases
    assert not any(e.type == "Place" and e.label == alias for e in entities.values())


def test_resolve_capital_named_only_as_location_is_a_place(read_text):
    entities, _ = read_text("The delegates from Norway held talks in Nairobi on Friday.")
    assert named(entities, "Nairobi").type == "Place"


@pytest.mark.parametrize("text,demonym,country", [
    ("The Chilean envoy left the capital after the vote.", "Chilean", "Chile"),
    ("Kenyan forces crossed the river at dawn, officials in Kenya said.", "Kenyan", "Kenya"),
])
def test_resolve_demonym_links_to_country(read_text, text, demonym, country):
    entities, _ = read_text(text)
    assert any(e.type == "Country" and e.label == country and demonym in (e.label, *e.aliases) or
               e.affiliation == f"country/{named(entities, country).iso}" for e in entities.values())


def test_resolve_acronym_and_expansion_are_one_node(read_text):
    entities, _ = read_text("The Northern Liberation Front (NLF) attacked a depot. Later the NLF said it had withdrawn.")
    groups = [e for e in entities.values() if e.type == "Group"]
    assert len(groups) == 1 and groups[0].label == "Northern Liberation Front" and "NLF" in groups[0].aliases


def test_resolve_surname_is_the_full_name_seen_earlier(read_text):
    entities, _ = read_text("Foreign Minister Jana Novakova met the press in Prague. Novakova said the talks went well.")
    people = [e for e in entities.values() if e.type == "Official"]
    assert len(people) == 1 and people[0].label == "Jana Novakova" and "Novakova" in people[0].aliases


def test_resolve_possessive_role_gives_role_and_affiliation(read_text):
    entities, _ = read_text("Chile's Foreign Minister Andres Ortega arrived in Quito on Sunday.")
    minister = named(entities, "Andres Ortega")
    assert minister.type == "Official" and minister.role == "Foreign Minister" and minister.affiliation == "country/CL"


def test_resolve_owned_ministry_has_affiliation(read_text):
    entities, _ = read_text("Peru's Ministry of Foreign Affairs issued a statement. The Ministry of Foreign Affairs later clarified it.")
    ministries = [e for e in entities.values() if e.type == "Organization"]
    assert len(ministries) == 1 and ministries[0].affiliation == "country/PE"


@pytest.mark.parametrize("text,name,type_", [
    ("The Northern Liberation Army claimed the attack.", "Northern Liberation Army", "Group"),
    ("Troops of the Ecuadorian Army patrolled the border.", "Ecuadorian Army", "Organization"),
    ("Fighters of Jaish al-Nur ambushed a convoy near the border.", "Jaish al-Nur", "Group"),
    ("The Ministry of Defence in Lisbon denied the report.", "Ministry of Defence", "Organization"),
])
def test_resolve_types_groups_and_organisations_by_head_words(read_text, text, name, type_):
    entities, _ = read_text(text)
    assert named(entities, name).type == type_


def test_resolve_washington_state_is_not_the_united_states(read_text):
    entities, _ = read_text("Heavy rain fell across Washington state on Monday, closing several roads.")
    assert not any(e.type == "Country" and e.label == "United States" for e in entities.values())


@pytest.mark.parametrize("text,is_country", [
    ("Jordan closed its border with Syria on Tuesday.", True),
    ("Coach Michael Jordan told reporters the team was ready.", False),
])
def test_resolve_jordan_the_person_and_the_country(read_text, text, is_country):
    entities, _ = read_text(text)
    assert any(e.type == "Country" and e.label == "Jordan" for e in entities.values()) is is_country


@pytest.mark.parametrize("text,type_", [
    ("Georgia recalled its ambassador from Moscow after the incident.", "Country"),
    ("A tornado damaged homes near Atlanta, Georgia, on Saturday.", "Place"),
])
def test_resolve_georgia_by_context(read_text, text, type_):
    entities, _ = read_text(text)
    assert named(entities, "Georgia").type == type_


def test_resolve_pronoun_refers_to_the_named_group(read_text):
    entities, relations = read_text("The Northern Liberation Front seized a police station. It later attacked Honduras.")
    assert ("group/northern-liberation-front", "struck", "country/HN") in {(r.subject, r.predicate, r.object) for r in relations}


def test_resolve_headline_fragment_is_not_a_person(read_text):
    entities, _ = read_text("Peru and Chile Trade Barbs, Seek Calm\n\nPeru and Chile said they would seek calm after a week of barbs.")
    assert not any(e.type == "Official" for e in entities.values())


def test_resolve_surname_that_is_also_a_town_stays_the_person(read_text):
    # "Marshall" is also a town in the gazetteer; acting in the sentence, it is the person named before
    entities, _ = read_text("Professor Julia Marshall led the study. Marshall said the results were clear.")
    person = named(entities, "Julia Marshall")
    assert person.type == "Official" and "Marshall" in person.aliases
    assert not any(e.type == "Place" for e in entities.values())


def test_resolve_title_inside_the_name_is_the_role(read_text):
    # the NER's span "Crown Prince Karl Brandt": the title is the role, the name the rest
    entities, _ = read_text("Crown Prince Karl Brandt of Ruritania visited Lima on Monday.")
    brandt = entities["person/karl-brandt"]
    assert brandt.role == "Crown Prince", brandt
    assert "Crown Prince Karl Brandt" not in {e.label for e in entities.values()}, entities


def test_resolve_title_description_is_the_person_given_that_title(nlp):
    # "the crown prince" four sentences on is the one person titled so, not the nearest person
    from kg.mentions import find_mentions
    from kg.resolve import resolve

    doc = nlp("Crown Prince Karl Brandt of Ruritania accepted the report. Otto Weiss spoke first. Anna Roth spoke "
              "next. Lena Graf spoke last. Investigators believe the crown prince ordered the arrest.")
    _, token_key = resolve(doc, find_mentions(doc))
    prince = next(t for t in doc if t.lower_ == "prince" and t.i > 5)
    assert token_key.get(prince.i) == "person/karl-brandt", {doc[i].text: k for i, k in token_key.items()}
