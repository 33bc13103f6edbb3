"""How news names parties, one invented sentence each (real model): the type and affiliation an entity gets."""
from __future__ import annotations

import pytest

AFFILIATIONS = [
    # an official titled by a group's name belongs to the group; a nationality before it qualifies the group
    ("Pakistani Taliban leader Karl Brandt said the fighters would not stop.", "person/karl-brandt", "group/tehrik-e-taliban-pakistan"),
    ("Hamas commander Karl Brandt was wounded in the raid.", "person/karl-brandt", "group/hamas"),
    # a state's official stays the state's
    ("Peruvian army chief Karl Brandt resigned on Monday.", "person/karl-brandt", "country/PE"),
    # a body with no state of its own titling the name: the official is the body's, not a state's named later
    ("UN envoy Karl Brandt met Peruvian officials in Lima.", "person/karl-brandt", "org/un"),
]


@pytest.mark.parametrize("text,key,affiliation", AFFILIATIONS, ids=[a[0][:40] for a in AFFILIATIONS])
def test_entity_affiliation_from_the_role_phrase(read_text, text, key, affiliation):
    entities, _ = read_text(text)
    assert entities[key].affiliation == affiliation, entities[key]


PLACES = [
    ("Four missiles hit a house in the Tarvo area on Tuesday.", "Tarvo"),
    ("Shelling resumed in the Ostrava neighbourhood overnight.", "Ostrava"),
    # a building or landmark named with its head word is a place, the head word part of its name
    ("A suicide bomber struck the Velmar Cathedral in Arica on Sunday.", "Velmar Cathedral"),
    # an airport named after a person is the airport
    ("Jets struck the runways of Otto Weiss International Airport on Thursday.", "Otto Weiss International Airport"),
    # an apposition describes the name as a place
    ("Gunmen stormed Dolna Banya, a small town in the east, overnight.", "Dolna Banya"),
    ("Militants attacked Karsovo, a village near the border, on Sunday.", "Karsovo"),
    # a town the NER takes for a body, as the object of an attack's preposition
    ("Peru shelled Chilean border posts on Monday in retaliation for a drone attack on Tacna.", "Tacna"),
]


@pytest.mark.parametrize("text,name", PLACES, ids=[p[1] for p in PLACES])
def test_entity_name_before_a_place_noun_is_a_place(read_text, text, name):
    entities, _ = read_text(text)
    assert {e.type for e in entities.values() if e.label == name} == {"Place"}, entities


def test_entity_title_case_name_ending_in_a_group_word_is_a_group(read_text):
    # the NER misses a name after a headline; its head word ("Front", "Brigade") types it
    entities, relations = read_text("Rebels shell market in Chad\n\n"
                                    "Fighters of the Sahelian Unity Front shelled a market in Abeche on Monday.")
    assert entities["group/sahelian-unity-front"].type == "Group", entities
    assert any(r.subject == "group/sahelian-unity-front" and r.predicate == "struck" for r in relations), relations


def test_entity_named_by_a_group_word_after_a_place_noun_is_a_group(read_text):
    # "camps of the X Party": a place noun's "of" object is a place unless a group word heads the name
    entities, _ = read_text("Drones hit camps of the Free Velmar Party inside Peru overnight.")
    assert {e.type for e in entities.values() if e.label.endswith("Velmar Party")} == {"Group"}, entities


def test_entity_led_body_is_an_organisation_of_its_leader(read_text):
    # "a Peruvian-led alliance": an unnamed body named as written, affiliated to the leading state, which stays named
    entities, relations = read_text("A Peruvian-led alliance launched air raids against camps of the Karsk Front near "
                                    "Arica on Sunday.")
    body = entities["org/peruvian-led-alliance"]
    assert (body.type, body.affiliation) == ("Organization", "country/PE"), body
    assert entities["country/PE"].type == "Country"
    assert any(r.subject == body.key and r.predicate == "struck" for r in relations), relations
    # a named force keeps its own name: "X-led" with a proper name after it is no unnamed body
    entities, _ = read_text("The Peruvian-led Andean Joint Task Force shelled rebel camps on Sunday.")
    assert not [k for k in entities if "led" in k], entities


def test_entity_name_the_ner_ran_on_into_a_place_is_two_names(read_text):
    # "the Karsk Front near Arica" as one NER span: the group, and the place after the preposition
    entities, _ = read_text("A Peruvian-led alliance launched air raids against camps of the Karsk Front near Arica.")
    assert entities["group/karsk-front"].type == "Group", entities
    assert [e.label for e in entities.values() if e.type == "Place"] == ["Arica"], entities


def test_entity_body_named_with_its_state_keeps_the_state_and_its_name(read_text):
    # "the Peruvian Interior Ministry": the body's name as written, and Peru named as well
    entities, _ = read_text("The Peruvian Interior Ministry on Monday banned two Chilean newspapers.")
    body = next(e for e in entities.values() if e.type == "Organization")
    assert (body.label, body.affiliation) == ("Peruvian Interior Ministry", "country/PE"), body
    assert entities["country/PE"].type == "Country", entities


NAMED_ACTORS = [
    # the NER stops at a lower-case head or cuts at "and": the listed name is taken whole, not in pieces
    ("Officials in Lima believe the Haqqani network planned the raid.", "group/haqqani-network", "Haqqani network"),
    ("The Islamic State of Iraq and the Levant said its fighters had shelled the town.",
     "group/islamic-state-of-iraq-and-ash-sham", "Islamic State of Iraq and the Levant"),
]


@pytest.mark.parametrize("text,key,name", NAMED_ACTORS, ids=[a[1] for a in NAMED_ACTORS])
def test_entity_named_actor_taken_whole(read_text, text, key, name):
    entities, _ = read_text(text)
    assert entities[key].type == "Group", entities
    assert not [e for e in entities.values() if e.key != key and e.label in name], entities


def test_entity_name_with_izafe_particles_is_a_group(read_text):
    """"Lashkar-e-X", "Tehrik-i-X", "Harkat-ul-X": the lower-case particles of a transliterated name keep it a name."""
    entities, _ = read_text("The army launched an operation against the militant group Lashkar-e-Nurabad on Monday.")
    assert [e.type for e in entities.values() if e.label.startswith("Lashkar")] == ["Group"], entities


def test_entity_anti_prefix_is_no_part_of_the_name_and_no_actor(read_text):
    entities, relations = read_text("Chile's army pressed on with an anti-Hezbollah offensive near Arica.")
    assert "group/hizballah" in entities and not [e for e in entities.values() if e.label.lower().startswith("anti")]
    assert not [r for r in relations if r.subject == "group/hizballah"], relations


def test_entity_word_after_an_editors_bracket_is_no_name_of_its_own(read_text):
    # "the (Gulf) Coast" in a quotation: the bracketed word is the name; the word after it alone is none
    entities, _ = read_text('"Our jets hit depots across the (Tacna) Region," a Chilean officer said on Monday.')
    assert not [e for e in entities.values() if e.label == "Region"], entities
    assert any(e.label == "Tacna" for e in entities.values()), entities


def test_entity_name_modifying_a_place_noun_after_a_possessive_is_a_place(read_text):
    # "Peru's Vale Amarga province": the NER's PERSON before the place noun it modifies names the province
    entities, _ = read_text("A bomb hit an army post in Peru's Vale Amarga province on Sunday.")
    assert {e.type for e in entities.values() if e.label == "Vale Amarga"} == {"Place"}, entities


def test_entity_common_noun_of_a_country_is_the_country(read_text):
    # "the Economy of Chile" capitalised in a quotation is no organisation: the country is named
    entities, _ = read_text('"We will not let the Economy of Chile collapse," Karl Brandt said.')
    assert "country/CL" in entities, entities
    assert not [e for e in entities.values() if e.type == "Organization"], entities


@pytest.mark.parametrize("text,name", [
    ("The Velmar Civil War began in 2011 when protests spread.", "Velmar Civil War"),
    ("Judges cited the Ostland Constitution in their ruling on Monday.", "Ostland Constitution"),
    ("Both sides signed the Karsk Valley Accord in March.", "Karsk Valley Accord"),
])
def test_entity_an_event_or_a_text_is_no_actor(read_text, text, name):
    # a name ending in "War", "Constitution", "Accord": an event or a document, not an organisation
    entities, _ = read_text(text)
    assert not [e for e in entities.values() if e.label == name], entities


@pytest.mark.parametrize("text, state", [
    # a capital possessing a place or a building is the town: "Santiago's airport", "Santiago's southern suburbs"
    ("Peruvian jets bombed Santiago's airport on Monday.", False),
    ("Shells fell on Santiago's southern suburbs overnight.", False),
    # a capital possessing what a state has acts as the state
    ("Santiago's decision to recall its envoy angered Peru.", True),
])
def test_entity_capital_is_its_state_only_where_it_acts(read_text, text, state):
    entities, _ = read_text(text)
    assert ("country/CL" in entities) == state, sorted(entities)


@pytest.mark.parametrize("text, key, state", [
    # a state's body written in lower case after its adjective or possessive is an organisation of that state
    ("The Togolese foreign ministry condemned the raid.", "org/TG/foreign-ministry", "country/TG"),
    ("Ghana's defence ministry said the raid was a success.", "org/GH/defence-ministry", "country/GH"),
    ("Officials of the Peruvian coast guard boarded the trawler.", "org/PE/coast-guard", "country/PE"),
])
def test_entity_lower_case_state_body_is_an_organisation_of_its_state(read_text, text, key, state):
    entities, _ = read_text(text)
    assert key in entities and entities[key].type == "Organization", sorted(entities)
    assert entities[key].affiliation == state, entities[key]


def test_entity_capital_a_judgement_comes_from_is_its_state(read_text):
    # "drew a sharp rebuke from Santiago": the rebuke is the state's
    entities, _ = read_text("Peruvian gunboats shelled a fishing port, drawing a sharp rebuke from Santiago.")
    assert "country/CL" in entities, sorted(entities)


def test_entity_state_body_inside_a_persons_title_is_that_body_and_the_person_speaks(read_text):
    # "Peruvian foreign ministry spokesman Karl Brandt": the ministry is named (as it is in title case, "Peruvian
    # Foreign Ministry spokesman"), and the spokesman, not the ministry, is who condemned
    entities, relations = read_text("Peruvian foreign ministry spokesman Karl Brandt condemned the raid by Chile.")
    assert "org/PE/foreign-ministry" in entities and "person/karl-brandt" in entities, sorted(entities)
    assert {r.subject for r in relations if r.predicate == "condemned"} == {"person/karl-brandt"}, relations
