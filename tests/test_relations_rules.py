"""The relation reader's constructions on hand-built parses (spaCy's test-guide style): no statistical model is
loaded, so each test pins the parse its rule assumes and runs with ``spacy.blank("en")`` alone. Entities are
given by hand too: a row's last two columns are the entity key its token names and the entity's type."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from kg.relations import extract_relations
from kg.schema import Article, Entity, Relation

RR, FR, BV = "country/RR", "country/FR", "country/BV"  # Ruritania, Freedonia, Borovia
OSTRAVA, BRANDT, VOGEL, KRANZ, FRONT = "place/ostrava", "person/karl-brandt", "person/ilse-vogel", "person/otto-kranz", "group/azure-front"
TYPES = {RR: "Country", FR: "Country", BV: "Country", OSTRAVA: "Place", BRANDT: "Official", VOGEL: "Official",
         KRANZ: "Official", FRONT: "Group", "org/borovia-shipping": "Organization"}


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("en").vocab


def relations(vocab, rows: str) -> list[Relation]:
    """The relations read from rows of ``word lemma POS TAG dep head-index [entity-key]``, one token per row."""
    toks = [r.split() for r in rows.strip().splitlines()]
    doc = Doc(vocab, words=[t[0] for t in toks], lemmas=[t[1] for t in toks], pos=[t[2] for t in toks],
              tags=[t[3] for t in toks], deps=[t[4] for t in toks], heads=[int(t[5]) for t in toks])
    token_key = {i: t[6] for i, t in enumerate(toks) if len(t) > 6}
    entities = [Entity(key=k, type=TYPES[k], label=k) for k in dict.fromkeys(token_key.values())]
    return extract_relations(doc, Article(id="a", path="a.txt", text=doc.text), entities, token_key)


def read(vocab, rows: str) -> set[tuple[str, str, str, str]]:
    """(subject, predicate, object, modality) of every relation read from ``rows``."""
    return {(r.subject, r.predicate, r.object, r.modality) for r in relations(vocab, rows)}


# Each case: the construction (the function of kg/relations/ that reads it), its parse, one relation it must give.
CASES = {
    "claims_responsibility": ("""
        Azure Azure PROPN NNP compound 1 group/azure-front
        Front Front PROPN NNP nsubj 2 group/azure-front
        claimed claim VERB VBD ROOT 2
        responsibility responsibility NOUN NN dobj 2
        for for ADP IN prep 3
        the the DET DT det 6
        bombing bombing NOUN NN pobj 4
        of of ADP IN prep 6
        Ostrava Ostrava PROPN NNP pobj 7 place/ostrava
        . . PUNCT . punct 2""", (FRONT, "struck", OSTRAVA, "asserted")),
    "located_event": ("""
        Ruritania Ruritania PROPN NNP nsubj 1 country/RR
        launched launch VERB VBD ROOT 1
        a a DET DT det 3
        raid raid NOUN NN dobj 1
        . . PUNCT . punct 1
        The the DET DT det 6
        raid raid NOUN NN nsubj 7
        took take VERB VBD ROOT 7
        place place NOUN NN dobj 7
        in in ADP IN prep 7
        Ostrava Ostrava PROPN NNP pobj 9 place/ostrava
        . . PUNCT . punct 7""", (RR, "struck", OSTRAVA, "asserted")),
    "victims_named": ("""
        Ruritania Ruritania PROPN NNP nsubj 1 country/RR
        attacked attack VERB VBD ROOT 1
        the the DET DT det 3
        village village NOUN NN dobj 1
        . . PUNCT . punct 1
        The the DET DT det 6
        dead dead NOUN NNS nsubj 7
        included include VERB VBD ROOT 7
        Karl Karl PROPN NNP compound 9 person/karl-brandt
        Brandt Brandt PROPN NNP dobj 7 person/karl-brandt
        . . PUNCT . punct 7""", (RR, "killed", BRANDT, "asserted")),
    "joined_meeting": ("""
        Karl Karl PROPN NNP compound 1 person/karl-brandt
        Brandt Brandt PROPN NNP nsubj 5 person/karl-brandt
        and and CCONJ CC cc 1
        Ilse Ilse PROPN NNP compound 4 person/ilse-vogel
        Vogel Vogel PROPN NNP conj 1 person/ilse-vogel
        met meet VERB VBD ROOT 5
        . . PUNCT . punct 5
        Otto Otto PROPN NNP compound 8 person/otto-kranz
        Kranz Kranz PROPN NNP nsubj 9 person/otto-kranz
        joined join VERB VBD ROOT 9
        the the DET DT det 11
        talks talk NOUN NNS dobj 9
        . . PUNCT . punct 9""", (KRANZ, "met", VOGEL, "asserted")),
    "blamed": ("""
        Freedonia Freedonia PROPN NNP nsubj 1 country/FR
        said say VERB VBD ROOT 1
        the the DET DT det 3
        fire fire NOUN NN nsubj 4
        was be AUX VBD ccomp 1
        Ruritania Ruritania PROPN NNP poss 7 country/RR
        's 's PART POS case 5
        doing doing NOUN NN attr 4
        . . PUNCT . punct 1""", (FR, "accused", RR, "asserted")),
    "denounced": ("""
        Freedonia Freedonia PROPN NNP nsubj 1 country/FR
        said say VERB VBD ROOT 1
        it it PRON PRP nsubj 4
        would would AUX MD aux 4
        resist resist VERB VB ccomp 1
        the the DET DT det 7
        Ruritanian Ruritanian ADJ JJ amod 7 country/RR
        aggression aggression NOUN NN dobj 4
        . . PUNCT . punct 1""", (FR, "condemned", RR, "asserted")),
    "backed_by": ("""
        The the DET DT det 4
        Ruritania Ruritania PROPN NNP npadvmod 3 country/RR
        - - PUNCT HYPH punct 3
        backed back VERB VBN amod 4
        Front Front PROPN NNP nsubj 5 group/azure-front
        attacked attack VERB VBD ROOT 5
        Ostrava Ostrava PROPN NNP dobj 5 place/ostrava
        . . PUNCT . punct 5""", (RR, "supported", FRONT, "asserted")),
    "displeased": ("""
        Ruritania Ruritania PROPN NNP nsubj 1 country/RR
        raided raid VERB VBD ROOT 1
        Ostrava Ostrava PROPN NNP dobj 1 place/ostrava
        . . PUNCT . punct 1
        Freedonia Freedonia PROPN NNP nsubjpass 6 country/FR
        was be AUX VBD auxpass 6
        dismayed dismay VERB VBN ROOT 6
        by by ADP IN agent 6
        the the DET DT det 9
        raid raid NOUN NN pobj 7
        . . PUNCT . punct 6""", (FR, "condemned", RR, "asserted")),
    "judged": ("""
        Ruritania Ruritania PROPN NNP nsubj 1 country/RR
        raided raid VERB VBD ROOT 1
        Ostrava Ostrava PROPN NNP dobj 1 place/ostrava
        . . PUNCT . punct 1
        Freedonia Freedonia PROPN NNP nsubj 5 country/FR
        deemed deem VERB VBD ROOT 5
        the the DET DT det 7
        raid raid NOUN NN dobj 5
        unacceptable unacceptable ADJ JJ oprd 5
        . . PUNCT . punct 5""", (FR, "condemned", RR, "asserted")),
    "object_of_attack": ("""
        Ostrava Ostrava PROPN NNP nsubj 1 place/ostrava
        was be AUX VBD ROOT 1
        the the DET DT det 3
        target target NOUN NN attr 1
        of of ADP IN prep 3
        a a DET DT det 7
        Ruritanian Ruritanian ADJ JJ amod 7 country/RR
        raid raid NOUN NN pobj 4
        . . PUNCT . punct 1""", (RR, "struck", OSTRAVA, "asserted")),
    "killed_in_attack": ("""
        Ruritania Ruritania PROPN NNP nsubj 1 country/RR
        bombed bomb VERB VBD ROOT 1
        the the DET DT det 3
        port port NOUN NN dobj 1
        . . PUNCT . punct 1
        Karl Karl PROPN NNP compound 6 person/karl-brandt
        Brandt Brandt PROPN NNP nsubjpass 8 person/karl-brandt
        was be AUX VBD auxpass 8
        killed kill VERB VBN ROOT 8
        in in ADP IN prep 8
        the the DET DT det 11
        strike strike NOUN NN pobj 9
        . . PUNCT . punct 8""", (RR, "killed", BRANDT, "asserted")),
    "accused_clause": ("""
        Freedonia Freedonia PROPN NNP nsubj 1 country/FR
        alleged allege VERB VBD ROOT 1
        that that SCONJ IN mark 6
        Borovia Borovia PROPN NNP compound 4 org/borovia-shipping
        Shipping Shipping PROPN NNP nsubj 6 org/borovia-shipping
        had have AUX VBD aux 6
        armed arm VERB VBN ccomp 1
        the the DET DT det 8
        rebels rebel NOUN NNS dobj 6
        . . PUNCT . punct 1""", (FR, "accused", "org/borovia-shipping", "asserted")),
    "judged_act": ("""
        Ruritania Ruritania PROPN NNP nsubj 1 country/RR
        shelled shell VERB VBD ROOT 1
        Ostrava Ostrava PROPN NNP dobj 1 place/ostrava
        . . PUNCT . punct 1
        Freedonia Freedonia PROPN NNP nsubj 5 country/FR
        condemned condemn VERB VBD ROOT 5
        the the DET DT det 7
        attack attack NOUN NN dobj 5
        . . PUNCT . punct 5""", (FR, "condemned", RR, "asserted")),
    "reprisal_target": ("""
        Freedonia Freedonia PROPN NNP nsubj 1 country/FR
        retaliated retaliate VERB VBD ROOT 1
        , , PUNCT , punct 1
        responding respond VERB VBG advcl 1
        to to ADP IN prep 3
        Ruritania Ruritania PROPN NNP pobj 4 country/RR
        . . PUNCT . punct 1""", (FR, "retaliatedAgainst", RR, "asserted")),
    "diplomatic_party": ("""
        In in ADP IN prep 4
        Ruritania Ruritania PROPN NNP pobj 0 country/RR
        , , PUNCT , punct 4
        Freedonia Freedonia PROPN NNP nsubj 4 country/FR
        summoned summon VERB VBD ROOT 4
        the the DET DT det 6
        envoy envoy NOUN NN dobj 4
        . . PUNCT . punct 4""", (FR, "summoned", RR, "asserted")),
    "appeal_parties": ("""
        Ruritania Ruritania PROPN NNP nsubj 3 country/RR
        and and CCONJ CC cc 0
        Borovia Borovia PROPN NNP conj 0 country/BV
        clashed clash VERB VBD ROOT 3
        . . PUNCT . punct 3
        Freedonia Freedonia PROPN NNP nsubj 6 country/FR
        urged urge VERB VBD ROOT 6
        both both DET DT det 8
        sides side NOUN NNS dobj 6
        to to PART TO aux 10
        show show VERB VB xcomp 6
        restraint restraint NOUN NN dobj 10
        . . PUNCT . punct 6""", (FR, "urgedRestraint", BV, "asserted")),
    "appeal_addressees": ("""
        Karl Karl PROPN NNP compound 1 person/karl-brandt
        Brandt Brandt PROPN NNP nsubj 2 person/karl-brandt
        appealed appeal VERB VBD ROOT 2
        to to ADP IN prep 2
        the the DET DT det 6
        Azure Azure PROPN NNP compound 6 group/azure-front
        Front Front PROPN NNP pobj 3 group/azure-front
        for for ADP IN prep 2
        restraint restraint NOUN NN pobj 7
        . . PUNCT . punct 2""", (BRANDT, "urgedRestraint", FRONT, "asserted")),
    "pairwise_meeting": ("""
        Karl Karl PROPN NNP compound 1 person/karl-brandt
        Brandt Brandt PROPN NNP nsubj 5 person/karl-brandt
        and and CCONJ CC cc 1
        Ilse Ilse PROPN NNP compound 4 person/ilse-vogel
        Vogel Vogel PROPN NNP conj 1 person/ilse-vogel
        met meet VERB VBD ROOT 5
        . . PUNCT . punct 5""", (BRANDT, "met", VOGEL, "asserted")),
    "exchanged": ("""
        Ruritania Ruritania PROPN NNP nsubj 3 country/RR
        and and CCONJ CC cc 0
        Freedonia Freedonia PROPN NNP conj 0 country/FR
        exchanged exchange VERB VBD ROOT 3
        strikes strike NOUN NNS dobj 3
        . . PUNCT . punct 3""", (FR, "struck", RR, "asserted")),
    "judged_act (an event pronoun judged by an agent the parser left without its object)": ("""
        Azure Azure PROPN NNP compound 1 group/azure-front
        Front Front PROPN NNP nsubj 2 group/azure-front
        shelled shell VERB VBD ROOT 2
        Ostrava Ostrava PROPN NNP dobj 2 place/ostrava
        . . PUNCT . punct 2
        It it PRON PRP nsubjpass 7
        was be AUX VBD auxpass 7
        condemned condemn VERB VBN ROOT 7
        by by ADP IN agent 7
        Karl Karl PROPN NNP compound 10 person/karl-brandt
        Brandt Brandt PROPN NNP compound 11 person/karl-brandt
        hours hour NOUN NNS npadvmod 12
        later later ADV RB advmod 7
        . . PUNCT . punct 7""", (BRANDT, "condemned", FRONT, "asserted")),
    "targets: a verb with its own subject parsed as an adjective": ("""
        Ruritania Ruritania PROPN NNP nsubj 1 country/RR
        bombed bomb VERB VBN amod 2
        camps camp NOUN NNS ROOT 2
        of of ADP IN prep 2
        the the DET DT det 6
        Azure Azure PROPN NNP compound 6 group/azure-front
        Front Front PROPN NNP pobj 3 group/azure-front
        . . PUNCT . punct 2""", (RR, "struck", FRONT, "asserted")),
}


@pytest.mark.parametrize("construction", sorted(CASES))
def test_relations_rule_reads_its_construction(vocab, construction):
    rows, expected = CASES[construction]
    assert expected in read(vocab, rows)


# Modality and the actor found through the parse: one relation each reading must give.
READINGS = {
    "negation": ("""
        Ruritania Ruritania PROPN NNP nsubj 3 country/RR
        did do AUX VBD aux 3
        not not PART RB neg 3
        strike strike VERB VB ROOT 3
        Freedonia Freedonia PROPN NNP dobj 3 country/FR
        . . PUNCT . punct 3""", [(RR, "struck", FR, "negated")]),
    "threat-makes-the-act-a-threat": ("""
        Ruritania Ruritania PROPN NNP nsubj 1 country/RR
        threatened threaten VERB VBD ROOT 1
        to to PART TO aux 3
        strike strike VERB VB xcomp 1
        Freedonia Freedonia PROPN NNP dobj 3 country/FR
        . . PUNCT . punct 1""", [(RR, "struck", FR, "threatened"), (RR, "threatened", FR, "asserted")]),
    "would-is-hypothetical": ("""
        Ruritania Ruritania PROPN NNP nsubj 2 country/RR
        would would AUX MD aux 2
        strike strike VERB VB ROOT 2
        Freedonia Freedonia PROPN NNP dobj 2 country/FR
        if if SCONJ IN mark 6
        talks talk NOUN NNS nsubj 6
        failed fail VERB VBD advcl 2
        . . PUNCT . punct 2""", [(RR, "struck", FR, "hypothetical")]),
    "object-control-and-request": ("""
        Freedonia Freedonia PROPN NNP nsubj 1 country/FR
        urged urge VERB VBD ROOT 1
        Ruritania Ruritania PROPN NNP dobj 1 country/RR
        to to PART TO aux 4
        strike strike VERB VB xcomp 1
        Borovia Borovia PROPN NNP dobj 4 country/BV
        . . PUNCT . punct 1""", [(RR, "struck", BV, "requested")]),
    "actor-left-of-an-event-noun": ("""
        Ruritanian Ruritanian ADJ JJ amod 1 country/RR
        strikes strike NOUN NNS nsubj 4
        on on ADP IN prep 1
        Ostrava Ostrava PROPN NNP pobj 2 place/ostrava
        continued continue VERB VBD ROOT 4
        . . PUNCT . punct 4""", [(RR, "struck", OSTRAVA, "asserted")]),
}


@pytest.mark.parametrize("reading", sorted(READINGS))
def test_relations_rule_reads_modality_and_actor(vocab, reading):
    rows, expected = READINGS[reading]
    assert set(expected) <= read(vocab, rows)


def test_relations_rule_attributes_a_reported_attack_to_its_speaker(vocab):
    rows = """
        Freedonia Freedonia PROPN NNP nsubj 1 country/FR
        said say VERB VBD ROOT 1
        Ruritania Ruritania PROPN NNP nsubj 3 country/RR
        struck strike VERB VBD ccomp 1
        Borovia Borovia PROPN NNP dobj 3 country/BV
        . . PUNCT . punct 1"""
    assert [(r.subject, r.object, r.source) for r in relations(vocab, rows) if r.predicate == "struck"] == [(RR, BV, FR)]


def test_relations_rule_counts_the_casualties_of_the_sentence(vocab):
    rows = """
        Ruritania Ruritania PROPN NNP nsubj 1 country/RR
        shelled shell VERB VBD ROOT 1
        Ostrava Ostrava PROPN NNP dobj 1 place/ostrava
        , , PUNCT , punct 1
        killing kill VERB VBG advcl 1
        seven seven NUM CD nummod 6
        soldiers soldier NOUN NNS dobj 4
        . . PUNCT . punct 1"""
    assert [(r.object, r.casualties) for r in relations(vocab, rows) if r.predicate == "struck"] == [(OSTRAVA, 7)]


def test_relations_pseudo_predicates_are_readings_never_edges(vocab):
    """The pseudo-predicates a trigger may give (blamed, backedBy ...) are none of the vocabulary's, and each
    construction's reading of them yields vocabulary predicates only."""
    from kg.relations.triggers import PSEUDO_PREDICATES
    from kg.schema import PREDICATES

    assert len(set(PSEUDO_PREDICATES)) == 4 and not set(PSEUDO_PREDICATES) & set(PREDICATES)
    assert {r[1] for rows, _ in CASES.values() for r in read(vocab, rows)} <= set(PREDICATES)
