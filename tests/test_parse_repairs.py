"""kg's repairs of the parse: the tagger's plural-noun reading of a present-tense verb and its participle reading of a
name (hand-built parses, no model) and the wire dateline split off its sentence (the real model)."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from kg.nlp import irregular_past_verbs, kg_clause_repairs, kg_gazetteer, kg_name_repairs, kg_verb_repairs
from kg.officials import with_first_name


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("en").vocab


def _doc(vocab, words, tags, pos, heads, deps):
    return Doc(vocab, words=words, tags=tags, pos=pos, heads=heads, deps=deps)


def test_parse_repairs_a_name_and_a_plural_noun_with_an_object_are_subject_and_verb(vocab):
    # "Zenda reserves the right": a noun takes no direct object; the word is the verb, the name its subject
    doc = _doc(vocab, ["Zenda", "reserves", "the", "right"], ["NNP", "NNS", "DT", "NN"],
               ["PROPN", "NOUN", "DET", "NOUN"], [1, 1, 3, 1], ["compound", "ROOT", "det", "dobj"])
    kg_verb_repairs(doc)
    assert (doc[1].pos_, doc[1].tag_, doc[0].dep_) == ("VERB", "VBZ", "nsubj")


@pytest.mark.parametrize("words, tags, pos, heads, deps", [
    # no object: "Zenda reserves" may be a noun phrase ("the Zenda reserves")
    (["Zenda", "reserves", "grew"], ["NNP", "NNS", "VBD"], ["PROPN", "NOUN", "VERB"], [1, 2, 2],
     ["compound", "nsubj", "ROOT"]),
    # a common noun before it, not a name
    (["oil", "reserves", "the", "right"], ["NN", "NNS", "DT", "NN"], ["NOUN", "NOUN", "DET", "NOUN"], [1, 1, 3, 1],
     ["compound", "ROOT", "det", "dobj"]),
])
def test_parse_repairs_leave_real_plural_nouns_alone(vocab, words, tags, pos, heads, deps):
    doc = _doc(vocab, words, tags, pos, heads, deps)
    kg_verb_repairs(doc)
    assert doc[1].pos_ == "NOUN" and doc[0].dep_ == "compound"


def test_parse_repairs_a_name_hung_on_a_subjectless_verb_is_its_subject(vocab):
    # "Zenda reserves the right" tagged as a verb, the name hung on it as a compound: the name is the subject
    doc = _doc(vocab, ["Zenda", "reserves", "the", "right"], ["NN", "VBZ", "DT", "NN"],
               ["NOUN", "VERB", "DET", "NOUN"], [1, 1, 3, 1], ["compound", "ROOT", "det", "dobj"])
    kg_verb_repairs(doc)
    assert doc[0].dep_ == "nsubj"


def test_parse_repairs_a_wire_dateline_is_a_sentence_of_its_own(nlp):
    doc = nlp("Talks fail\n\nSANTIAGO, June 2 (Andes Wire) - The talks failed on Monday.")
    assert [s.text.strip() for s in doc.sents][1:] == ["SANTIAGO, June 2 (Andes Wire) -", "The talks failed on Monday."]


def _shelled(vocab, third_pos, third_dep, ent):
    doc = _doc(vocab, ["Gunners", "shelled", "Varto", "on", "Monday"], ["NNS", "VBD", "VBN", "IN", "NNP"],
               ["NOUN", "VERB", third_pos, "ADP", "PROPN"], [1, 1, 1, 1, 3], ["nsubj", "ROOT", third_dep, "prep", "pobj"])
    if ent:
        doc.ents = [Span(doc, 2, 3, label="GPE")]
    return doc


def test_parse_repairs_a_name_read_as_a_participle_is_the_verbs_object(vocab):
    # "Gunners shelled Varto on Monday" with "Varto" tagged a participle complementing "shelled": it is the object
    doc = kg_name_repairs(_shelled(vocab, "VERB", "acomp", ent=True))
    assert (doc[2].pos_, doc[2].dep_) == ("PROPN", "dobj")


def test_parse_repairs_leave_a_participle_that_is_no_name_alone(vocab):
    doc = kg_name_repairs(_shelled(vocab, "VERB", "acomp", ent=False))
    assert (doc[2].pos_, doc[2].dep_) == ("VERB", "acomp")


def test_parse_repairs_an_unattached_name_after_a_noun_and_comma_is_its_apposition(vocab):
    # "froze the assets of two directors, Varto Lenz": the parser's "dep" on the verb; the name is the directors'
    words = ["froze", "assets", "of", "directors", ",", "Varto", "Lenz"]
    doc = _doc(vocab, words, ["VBD", "NNS", "IN", "NNS", ",", "NNP", "NNP"],
               ["VERB", "NOUN", "ADP", "NOUN", "PUNCT", "PROPN", "PROPN"], [0, 0, 1, 2, 0, 6, 0],
               ["ROOT", "dobj", "prep", "pobj", "punct", "compound", "dep"])
    doc.ents = [Span(doc, 5, 7, label="PERSON")]
    kg_name_repairs(doc)
    assert (doc[6].head.i, doc[6].dep_) == (3, "appos")


# "Ama Lote said Zenda had no part in it and accused Oskia of lying", parsed with "accused" joined to "had"
_SAID_AND_ACCUSED = dict(
    words=["Ama", "Lote", "said", "Zenda", "had", "no", "part", "and", "accused", "Oskia", "."],
    tags=["NNP", "NNP", "VBD", "NNP", "VBD", "DT", "NN", "CC", "VBD", "NNP", "."],
    pos=["PROPN", "PROPN", "VERB", "PROPN", "VERB", "DET", "NOUN", "CCONJ", "VERB", "PROPN", "PUNCT"],
    lemmas=["ama", "lote", "say", "zenda", "have", "no", "part", "and", "accuse", "oskia", "."],
    heads=[1, 2, 2, 4, 2, 6, 4, 4, 4, 8, 2],
    deps=["compound", "nsubj", "ROOT", "nsubj", "ccomp", "det", "dobj", "cc", "conj", "dobj", "punct"])


def _said_and(vocab, **change):
    spec = {k: list(v) for k, v in _SAID_AND_ACCUSED.items()}
    for key, (i, value) in change.items():
        spec[key][i] = value
    return Doc(vocab, **spec)


def test_parse_repairs_a_speech_act_closing_a_reported_clause_joins_the_reporting_verb(vocab):
    doc = kg_clause_repairs(_said_and(vocab))
    assert (doc[8].head.i, doc[8].dep_, doc[7].head.i) == (2, "conj", 2)


@pytest.mark.parametrize("change", [
    {"tags": (2, "VBZ")},  # "says ... and accused": another tense, another time
    {"lemmas": (4, "accuse"), "words": (4, "accused")},  # "said Zenda had accused X and accused Y": both Zenda's
    {"lemmas": (8, "arrive"), "words": (8, "arrived")},  # no act of speech: "said Zenda had troops and arrived"
])
def test_parse_repairs_leave_a_conjunct_that_belongs_to_the_reported_clause(vocab, change):
    doc = kg_clause_repairs(_said_and(vocab, **change))
    assert doc[8].head.i == 4


def _with_ents(vocab, words, spaces, ents):
    doc = Doc(vocab, words=words, spaces=spaces)
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in ents]
    return kg_gazetteer(doc)


def test_ner_repairs_a_place_cut_at_its_hyphen_is_the_whole_word(vocab):
    # "Rebels attacked Kara-Tobe ." with only "Kara" a place: the hyphenated word is one name
    doc = _with_ents(vocab, ["Rebels", "attacked", "Kara", "-", "Tobe", "."], [True, True, False, False, False, False],
                     [(2, 3, "GPE")])
    assert [(e.text, e.label_) for e in doc.ents] == [("Kara-Tobe", "GPE")]


def test_ner_repairs_a_country_cut_from_its_first_word_is_the_whole_name(vocab):
    # "South Sudan and Sudan signed" with only the second word of "South Sudan" a place: the whole state's name
    doc = _with_ents(vocab, ["South", "Sudan", "and", "Sudan", "signed"], [True, True, True, True, False],
                     [(1, 2, "GPE"), (3, 4, "GPE")])
    assert [(e.text, e.label_) for e in doc.ents] == [("South Sudan", "GPE"), ("Sudan", "GPE")]


@pytest.mark.parametrize("words, spaces, ents", [
    # two bodies by their acronyms
    (["the", "PKK", "-", "YPG", "threat"], [True, False, False, True, False], [(1, 2, "ORG")]),
    # a country beyond the hyphen
    (["the", "Vela", "-", "Iran", "talks"], [True, False, False, True, False], [(1, 2, "PERSON")]),
    # a running mate: the other part is named alone in the article
    (["the", "Lenz", "-", "Varto", "ticket", ";", "Varto", "spoke"], [True, False, False, True, True, True, True, False],
     [(1, 2, "PERSON"), (6, 7, "PERSON")]),
    # spaces around the dash: a pause, not one word
    (["Kara", "-", "Tobe", "said"], [True, True, True, False], [(0, 1, "GPE")]),
])
def test_ner_repairs_leave_two_names_joined_by_a_hyphen_apart(vocab, words, spaces, ents):
    doc = _with_ents(vocab, words, spaces, ents)
    assert not [e for e in doc.ents if "-" in e.text], [e.text for e in doc.ents]


def test_ner_repairs_a_nationality_before_a_common_noun_is_no_person(vocab):
    # "Tajik drones struck" with the NER's person "Tajik drones": the nationality, and the drones a noun
    doc = Doc(vocab, words=["Tajik", "drones", "struck"], pos=["PROPN", "NOUN", "VERB"])
    doc.ents = [Span(doc, 0, 2, label="PERSON")]
    kg_gazetteer(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Tajik", "NORP")]


@pytest.mark.parametrize("words, pos, ents, kept", [
    # "Ruritanian Defence" of "Ruritanian Defence Minister A B" as one organisation: the title's role word
    (["Tajik", "Defence", "Minister", "Ama", "Lote"], ["PROPN", "PROPN", "PROPN", "PROPN", "PROPN"],
     [(0, 2, "ORG"), (3, 5, "PERSON")], ("Tajik", "NORP")),
    # "Tajik border guards" with the nationality alone a person
    (["Tajik", "border", "guards", "fired"], ["PROPN", "NOUN", "NOUN", "VERB"], [(0, 1, "PERSON")], ("Tajik", "NORP")),
])
def test_ner_repairs_a_nationality_before_a_title_or_a_noun_is_the_nationality(vocab, words, pos, ents, kept):
    doc = Doc(vocab, words=words, pos=pos)
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in ents]
    kg_gazetteer(doc)
    assert (doc.ents[0].text, doc.ents[0].label_) == kept


def test_parse_repairs_a_judging_participle_closing_a_reported_clause_is_the_speakers(vocab):
    # "A said B had fired, calling it a violation", with "calling" hung on "fired"
    words = ["Ama", "said", "Oskia", "had", "fired", ",", "calling", "it", "wrong", "."]
    doc = Doc(vocab, words=words, tags=["NNP", "VBD", "NNP", "VBD", "VBN", ",", "VBG", "PRP", "JJ", "."],
              pos=["PROPN", "VERB", "PROPN", "AUX", "VERB", "PUNCT", "VERB", "PRON", "ADJ", "PUNCT"],
              lemmas=["ama", "say", "oskia", "have", "fire", ",", "call", "it", "wrong", "."],
              heads=[1, 1, 4, 4, 1, 4, 4, 6, 6, 1],
              deps=["nsubj", "ROOT", "nsubj", "aux", "ccomp", "punct", "advcl", "dobj", "oprd", "punct"])
    kg_clause_repairs(doc)
    assert doc[6].head.i == 1


@pytest.mark.parametrize("words, ents, joined", [
    # the NER's "San Telmo de" before "las Varas": one town
    (["in", "San", "Telmo", "de", "las", "Varas", "today"], [(1, 4, "GPE")], "San Telmo de las Varas"),
    # two spans of one name, cut at "pour la" and "du"
    (["the", "Union", "des", "Amis", "pour", "la", "Paix", "du", "Sud", "said"], [(1, 4, "ORG"), (6, 7, "GPE")],
     "Union des Amis pour la Paix du Sud"),
])
def test_ner_repairs_a_name_cut_at_its_particles_is_one_name(vocab, words, ents, joined):
    doc = _with_ents(vocab, words, [True] * len(words), ents)
    assert joined in [e.text for e in doc.ents], [e.text for e in doc.ents]


def test_ner_repairs_names_joined_by_a_conjunction_stay_apart(vocab):
    doc = _with_ents(vocab, ["Varto", "y", "Lenz", "met"], [True] * 4, [(0, 1, "GPE"), (2, 3, "GPE")])
    assert [e.text for e in doc.ents] == ["Varto", "Lenz"]


@pytest.mark.parametrize("ent_label, person", [("GPE", True), ("LOC", True), ("ORG", False)])
def test_ner_repairs_a_place_described_as_a_person_is_a_person_with_its_first_names(vocab, ent_label, person):
    # "Ama Lote Varto, the sector commander": the NER's place "Varto" (a town somewhere) is the commander, with the
    # first names it left out; organisations are decided later, by the classifier
    words = ["Ama", "Lote", "Varto", ",", "the", "sector", "commander", ",", "died"]
    doc = Doc(vocab, words=words, pos=["PROPN", "PROPN", "PROPN", "PUNCT", "DET", "NOUN", "NOUN", "PUNCT", "VERB"],
              heads=[2, 2, 8, 2, 6, 6, 2, 2, 8], deps=["compound", "compound", "nsubj", "punct", "det", "compound",
                                                       "appos", "punct", "ROOT"])
    doc.ents = [Span(doc, 2, 3, label=ent_label)]
    kg_gazetteer(doc)
    expected = ("Ama Lote Varto", "PERSON") if person else ("Varto", ent_label)
    assert [(e.text, e.label_) for e in doc.ents] == [expected]


def test_ner_repairs_a_country_described_by_a_role_noun_stays_a_country(vocab):
    doc = Doc(vocab, words=["Peru", ",", "a", "member", ",", "voted"], pos=["PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB"],
              heads=[5, 0, 3, 0, 0, 5], deps=["nsubj", "punct", "det", "appos", "punct", "ROOT"])
    doc.ents = [Span(doc, 0, 1, label="GPE")]
    kg_gazetteer(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Peru", "GPE")]


@pytest.mark.parametrize("label", ["ORG", "GPE"])
def test_ner_repairs_a_titled_first_name_makes_the_name_after_it_a_persons(vocab, label):
    # "General Ama Varto-Lind" with the NER's organisation (or place) "Varto-Lind" and "Ama" left out: one person
    doc = Doc(vocab, words=["Peru", "sanctioned", "General", "Ama", "Varto-Lind", "."],
              pos=["PROPN", "VERB", "PROPN", "PROPN", "PROPN", "PUNCT"], heads=[1, 1, 4, 4, 1, 1],
              deps=["nsubj", "ROOT", "compound", "compound", "dobj", "punct"])
    grown = with_first_name(Span(doc, 4, 5, label=label))
    assert (grown.text, grown.label_) == ("Ama Varto-Lind", "PERSON")
    # without a title before it, the first word may be anything: the span stays the NER's
    doc = Doc(vocab, words=["Peru", "sanctioned", "the", "Ama", "Varto-Lind", "."],
              pos=["PROPN", "VERB", "DET", "PROPN", "PROPN", "PUNCT"], heads=[1, 1, 4, 4, 1, 1],
              deps=["nsubj", "ROOT", "det", "compound", "dobj", "punct"])
    assert with_first_name(Span(doc, 4, 5, label=label)).text == "Varto-Lind"


@pytest.mark.parametrize("words, person", [
    # "the chairperson, Ama Oduya-Tembe, said" with no entity from the NER: the apposition names a person
    (["The", "chairperson", ",", "Ama", "Oduya", "-", "Tembe", ",", "said"], "Ama Oduya-Tembe"),
    # a surname that is a town's name somewhere is the person's, not a place
    (["The", "chairperson", ",", "Ama", "Oduya", "-", "Lind", ",", "said"], "Ama Oduya-Lind"),
    # a title in apposition to a role is no person ("the Deputy, Lord Mayor")
    (["The", "deputy", ",", "Lord", "Mayor", "-", "Elect", ",", "said"], None),
])
def test_ner_repairs_a_person_the_ner_missed_in_apposition_to_a_role(vocab, words, person):
    doc = Doc(vocab, words=words, spaces=[w not in ("Oduya", "-", "Mayor") and words[i + 1:i + 2] != [","]
                                          for i, w in enumerate(words)],
              pos=["DET", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT", "PROPN", "PUNCT", "VERB"],
              heads=[1, 8, 1, 6, 6, 6, 1, 1, 8], deps=["det", "nsubj", "punct", "compound", "compound", "punct", "appos",
                                                     "punct", "ROOT"])
    kg_gazetteer(doc)
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ([person] if person else [])


def test_parse_repairs_a_person_coordinated_with_the_state_of_the_person_before_is_coordinated_with_him(vocab):
    # "Ama Varto of Peru and Otto Lind of Chile": the parser hung "Lind" on "Peru"
    words = ["Ama", "Varto", "of", "Peru", "and", "Otto", "Lind", "of", "Chile", "met"]
    doc = Doc(vocab, words=words, pos=["PROPN", "PROPN", "ADP", "PROPN", "CCONJ", "PROPN", "PROPN", "ADP", "PROPN", "VERB"],
              heads=[1, 9, 1, 2, 3, 6, 3, 6, 7, 9],
              deps=["compound", "nsubj", "prep", "pobj", "cc", "compound", "conj", "prep", "pobj", "ROOT"])
    doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, 3, 4, label="GPE"), Span(doc, 5, 7, label="PERSON"),
                Span(doc, 8, 9, label="GPE")]
    kg_name_repairs(doc)
    assert doc[6].head.i == 1 and doc[6].dep_ == "conj"


@pytest.mark.parametrize("joined, repaired", [(False, True), (True, False)])
def test_parse_repairs_a_reduced_relative_read_as_the_main_verb(vocab, joined, repaired):
    # "Shells fired from Varto landed in Lind": "fired" modifies "shells", the subject of "landed"; with "and"
    # ("Troops fired from Varto and landed ...") the two verbs stay the subject's
    words = ["Shells", "fired", "from", "Varto", *(["and"] if joined else []), "landed", "in", "Lind"]
    n = len(words)
    landed = words.index("landed")
    heads = [1, 1, 1, 2, *([landed] if joined else []), 1, landed, landed + 1]
    deps = ["nsubj", "ROOT", "prep", "pobj", *(["cc"] if joined else []), "advcl", "prep", "pobj"]
    pos = ["NOUN", "VERB", "ADP", "PROPN", *(["CCONJ"] if joined else []), "VERB", "ADP", "PROPN"]
    tags = ["NNS", "VBD", "IN", "NNP", *(["CC"] if joined else []), "VBD", "IN", "NNP"]
    doc = Doc(vocab, words=words, pos=pos, tags=tags, heads=heads, deps=deps)
    assert len(doc) == n
    kg_verb_repairs(doc)
    assert (doc[1].dep_ == "acl" and doc[0].head.i == landed and doc[landed].dep_ == "ROOT") is repaired


def _reprisal_doc(vocab, noun_lemma):
    # "Varto shelled posts of Zenda in <noun> for a raid", the phrase hung on the name "Zenda"
    words = ["Varto", "shelled", "posts", "of", "Zenda", "in", noun_lemma, "for", "a", "raid"]
    return Doc(vocab, words=words, lemmas=["Varto", "shell", "post", "of", "Zenda", "in", noun_lemma, "for", "a", "raid"],
               tags=["NNP", "VBD", "NNS", "IN", "NNP", "IN", "NN", "IN", "DT", "NN"],
               pos=["PROPN", "VERB", "NOUN", "ADP", "PROPN", "ADP", "NOUN", "ADP", "DET", "NOUN"],
               heads=[1, 1, 1, 2, 3, 4, 5, 6, 9, 7],
               deps=["nsubj", "ROOT", "dobj", "prep", "pobj", "prep", "pobj", "prep", "det", "pobj"])


def test_parse_repairs_a_reprisal_phrase_hung_on_a_noun_tells_why_the_verb_acted(vocab):
    doc = kg_clause_repairs(_reprisal_doc(vocab, "retaliation"))
    assert doc[5].head.i == 1


def test_parse_repairs_leave_other_phrases_on_their_noun(vocab):
    doc = kg_clause_repairs(_reprisal_doc(vocab, "exchange"))  # "in exchange for": no reprisal
    assert doc[5].head.i == 4


def test_parse_repairs_a_plural_noun_with_an_object_in_a_relative_clause_is_its_verb(vocab):
    # "the group, which Zenda backs": "which" is the object, the name the subject of the relative clause's verb
    doc = _doc(vocab, ["group", "which", "Zenda", "backs"], ["NN", "WDT", "NNP", "NNS"],
               ["NOUN", "PRON", "PROPN", "NOUN"], [0, 3, 3, 0], ["ROOT", "dobj", "compound", "relcl"])
    kg_verb_repairs(doc)
    assert (doc[3].pos_, doc[2].dep_) == ("VERB", "nsubj")


def test_parse_repairs_a_subject_left_as_a_sentence_of_its_own_is_the_next_verbs(vocab):
    # "Zenda | said the talks failed": the parser ended a sentence after the name
    doc = _doc(vocab, ["Zenda", "said", "talks", "failed"], ["NNP", "VBD", "NNS", "VBD"],
               ["PROPN", "VERB", "NOUN", "VERB"], [0, 1, 3, 1], ["ROOT", "ROOT", "nsubj", "ccomp"])
    kg_verb_repairs(doc)
    assert (doc[0].dep_, doc[0].head.i, len(list(doc.sents))) == ("nsubj", 1, 1)


def test_parse_repairs_an_irregular_past_verb_read_into_a_name_is_the_verb(vocab):
    # "Zenda bore responsibility": "bore" hung on the noun as part of the name; the verb, with its subject and object
    doc = Doc(vocab, words=["Zenda", "bore", "responsibility"], lemmas=["Zenda", "bore", "responsibility"],
              tags=["NNP", "NNP", "NN"], pos=["PROPN", "PROPN", "NOUN"], heads=[1, 2, 2], deps=["compound", "compound", "ROOT"])
    irregular_past_verbs(doc, {"bore": "bear"})
    assert (doc[1].pos_, doc[1].lemma_, doc[0].dep_, doc[2].dep_, doc[2].head.i) == ("VERB", "bear", "nsubj", "dobj", 1)


def test_parse_repairs_leave_a_past_form_with_a_capital_alone(vocab):
    # "Zenda Bore Company": capitalised, a name's own word
    doc = Doc(vocab, words=["Zenda", "Bore", "Company"], tags=["NNP", "NNP", "NNP"], pos=["PROPN", "PROPN", "PROPN"],
              heads=[2, 2, 2], deps=["compound", "compound", "ROOT"])
    irregular_past_verbs(doc, {"bore": "bear"})
    assert doc[1].pos_ == "PROPN" and doc[0].dep_ == "compound"
