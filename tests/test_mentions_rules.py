"""Mention rules on hand-built docs (no statistical model): the NER spans are given, the rule cuts or splits them."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from kg.mentions import _clean, _pieces


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("en").vocab


def test_mentions_a_name_stops_at_its_bracketed_acronym(vocab):
    # the NER ran "the Azure Relief Agency (ARA" together: the name is the words before the bracket
    doc = Doc(vocab, words=["the", "Azure", "Relief", "Agency", "(", "ARA", ")", "condemned", "it"])
    assert _clean(Span(doc, 0, 6, label="ORG")).text == "Azure Relief Agency"


def test_mentions_word_after_an_editors_bracket_is_dropped(vocab):
    doc = Doc(vocab, words=["in", "the", "(", "Velm", ")", "Valley", "today"])
    assert _clean(Span(doc, 5, 6, label="GPE")) is None
    assert _clean(Span(doc, 3, 4, label="GPE")).text == "Velm"


def test_mentions_two_surnames_run_together_are_two_people(vocab):
    # "Brandt and Weiss": the NER's one organisation is two people both named in full before
    doc = Doc(vocab, words=["Rosa", "Brandt", "and", "Karl", "Weiss", "were", "named", ".", "Brandt", "and", "Weiss",
                            "left", "."])
    doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, 3, 5, label="PERSON"), Span(doc, 8, 11, label="ORG")]
    assert [(s.text, label) for s, label in _pieces(doc.ents[2])] == [("Brandt", "PERSON"), ("Weiss", "PERSON")]


def test_mentions_a_firm_named_with_and_stays_one_name(vocab):
    # "Vogel and Kranz" names a firm when nobody of those names was named before
    doc = Doc(vocab, words=["Vogel", "and", "Kranz", "denied", "it", "."])
    doc.ents = [Span(doc, 0, 3, label="ORG")]
    assert [(s.text, label) for s, label in _pieces(doc.ents[0])] == [("Vogel and Kranz", "ORG")]


def test_mentions_a_country_under_another_ner_label_is_the_country(vocab):
    # after a quotation the NER may label a country WORK_OF_ART: a gazetteer country is kept as one
    from kg.mentions import find_mentions

    doc = Doc(vocab, words=["Chile", "said", "so", "."], sent_starts=[True, False, False, False])
    doc.ents = [Span(doc, 0, 1, label="WORK_OF_ART")]
    assert [(m.type, m.key) for m in find_mentions(doc)] == [("Country", "country/CL")]


def test_mentions_other_labels_stay_dropped(vocab):
    from kg.mentions import find_mentions

    doc = Doc(vocab, words=["Northern", "Lights", "was", "sold", "."], sent_starts=[True, False, False, False, False])
    doc.ents = [Span(doc, 0, 2, label="WORK_OF_ART")]
    assert find_mentions(doc) == []


def _doc(vocab, words, pos, ents):
    starts = [i == 0 or words[i - 1] == "." for i in range(len(words))]
    doc = Doc(vocab, words=words, pos=pos, sent_starts=starts)
    doc.ents = [Span(doc, a, b, label=label) for a, b, label in ents]
    return doc


def test_mentions_a_surname_the_ner_missed_is_the_person_named_before(vocab):
    from kg.mentions import find_mentions

    words = ["Karl", "Brandt", "led", "the", "unit", ".", "Brandt", "was", "killed", "."]
    pos = ["PROPN", "PROPN", "VERB", "DET", "NOUN", "PUNCT", "PROPN", "AUX", "VERB", "PUNCT"]
    found = [(m.text, m.type, m.tokens) for m in find_mentions(_doc(vocab, words, pos, [(0, 2, "PERSON")]))]
    assert ("Brandt", "Official", (6, 7)) in found, found


@pytest.mark.parametrize("words, pos", [
    # a surname before the full name is not yet anyone's
    (["Brandt", "left", ".", "Karl", "Brandt", "stayed", "."], ["PROPN", "VERB", "PUNCT", "PROPN", "PROPN", "VERB", "PUNCT"]),
    # a surname inside a longer name the NER missed ("Brandt Street") is no mention of the person
    (["Karl", "Brandt", "spoke", ".", "Brandt", "Street", "closed", "."],
     ["PROPN", "PROPN", "VERB", "PUNCT", "PROPN", "PROPN", "VERB", "PUNCT"]),
])
def test_mentions_a_lone_surname_needs_a_full_name_before_and_no_name_around(vocab, words, pos):
    from kg.mentions import find_mentions

    start = words.index("Karl")
    found = [m.tokens for m in find_mentions(_doc(vocab, words, pos, [(start, start + 2, "PERSON")]))]
    assert found == [(start, start + 2)], found


@pytest.mark.parametrize("last, found", [
    (["Igor", "Lapshin"], True),  # the last name of a list, unlabelled: a person
    (["Lapshin"], False),  # one word is too little to call a name
    (["President", "Lapshin"], False),  # a title: the name it titles is the NER's to find
])
def test_mentions_a_name_coordinated_with_a_person_is_a_person(vocab, last, found):
    from kg.mentions import find_mentions

    words = ["Canada", "named", "Oleg", "Vetrov", "and", *last, "."]
    n = len(words)
    heads = [1, 1, 3, 1, 3, *([n - 2] * (len(last) - 1)), 3, 1]
    deps = ["nsubj", "ROOT", "compound", "dobj", "cc", *(["compound"] * (len(last) - 1)), "conj", "punct"]
    pos = ["PROPN", "VERB", "PROPN", "PROPN", "CCONJ", *(["PROPN"] * len(last)), "PUNCT"]
    doc = Doc(vocab, words=words, pos=pos, heads=heads, deps=deps)
    doc.ents = [Span(doc, 0, 1, label="GPE"), Span(doc, 2, 4, label="PERSON")]
    spans = [(m.tokens, m.type) for m in find_mentions(doc)]
    assert (((5, n - 1), "Official") in spans) == found, spans


def test_mentions_an_acronym_named_once_is_named_everywhere(vocab):
    from kg.mentions import find_mentions

    words = ["Peru", "accused", "the", "ZLF", "of", "looting", ".", "The", "ZLF", "denied", "it", "."]
    doc = _doc(vocab, words, ["PROPN", "VERB", "DET", "PROPN", "ADP", "VERB", "PUNCT", "DET", "PROPN", "VERB", "PRON",
                              "PUNCT"], [(0, 1, "GPE"), (8, 9, "ORG")])
    found = {m.tokens: m.type for m in find_mentions(doc)}
    assert found.get((3, 4)) == found.get((8, 9)) and (3, 4) in found, found


def test_mentions_an_acronym_before_a_name_is_a_title(vocab):
    from kg.mentions import find_mentions

    words = ["The", "ZLF", "met", ".", "ZLF", "Anna", "Weiss", "left", "."]
    doc = _doc(vocab, words, ["DET", "PROPN", "VERB", "PUNCT", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT"],
               [(1, 2, "ORG"), (5, 7, "PERSON")])
    assert (4, 5) not in {m.tokens for m in find_mentions(doc)}


def test_mentions_a_trailing_lower_case_group_noun_is_no_part_of_the_name(vocab):
    # the NER ran "the Azure Front militia" together: the name is the words before the group noun
    doc = Doc(vocab, words=["the", "Azure", "Front", "militia", "fired"])
    assert _clean(Span(doc, 0, 4, label="ORG")).text == "Azure Front"
    assert _clean(Span(doc, 1, 3, label="ORG")).text == "Azure Front"
