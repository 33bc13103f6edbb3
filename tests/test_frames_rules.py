"""Frame patterns on hand-built parses (spaCy's test-guide style): no statistical model is loaded, so each test
pins the parse its frame assumes and runs with ``spacy.blank("en")`` alone."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from kg.frames import match_frames


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("en").vocab


def parse(vocab, rows: str) -> Doc:
    """A Doc from rows of ``word lemma POS TAG dep head-index``, one token per row."""
    toks = [r.split() for r in rows.strip().splitlines()]
    return Doc(vocab, words=[t[0] for t in toks], lemmas=[t[1] for t in toks], pos=[t[2] for t in toks],
               tags=[t[3] for t in toks], deps=[t[4] for t in toks], heads=[int(t[5]) for t in toks])


def roles(doc: Doc, frame_id: str) -> list[dict[str, str]]:
    return [{k: v.text for k, v in r.items()} for f, r in match_frames(doc) if f.id == frame_id]


def test_passive_judgement_takes_the_agent_and_the_judged_act(vocab):
    doc = parse(vocab, """
        The the DET DT det 1
        raid raid NOUN NN nsubjpass 3
        was be AUX VBD auxpass 3
        condemned condemn VERB VBN ROOT 3
        by by ADP IN agent 3
        Peru Peru PROPN NNP pobj 4
        . . PUNCT . punct 3""")
    assert roles(doc, "passive-agent-judgement") == [{"trigger": "condemned", "by": "by", "actor": "Peru", "target": "raid"}]


def test_passive_judgement_needs_a_by_agent(vocab):
    doc = parse(vocab, """
        The the DET DT det 1
        raid raid NOUN NN nsubjpass 3
        was be AUX VBD auxpass 3
        condemned condemn VERB VBN ROOT 3
        . . PUNCT . punct 3""")
    assert roles(doc, "passive-agent-judgement") == []


def test_came_under_attack_reads_attacker_and_target(vocab):
    doc = parse(vocab, """
        Posts post NOUN NNS nsubj 1
        came come VERB VBD ROOT 1
        under under ADP IN prep 1
        attack attack NOUN NN pobj 2
        by by ADP IN prep 3
        Peru Peru PROPN NNP pobj 4
        . . PUNCT . punct 1""")
    assert roles(doc, "came-under-attack") == [
        {"verb": "came", "under": "under", "trigger": "attack", "by": "by", "actor": "Peru", "target": "Posts"}]


def test_a_law_under_attack_is_criticism_not_an_attack(vocab):
    doc = parse(vocab, """
        The the DET DT det 1
        law law NOUN NN nsubj 2
        came come VERB VBD ROOT 2
        under under ADP IN prep 2
        attack attack NOUN NN pobj 3
        by by ADP IN prep 4
        Peru Peru PROPN NNP pobj 5
        . . PUNCT . punct 2""")
    assert roles(doc, "came-under-attack") == []
    assert [r["target"] for r in roles(doc, "came-under-criticism")] == ["law"]


def test_measure_imposed_on_a_target(vocab):
    doc = parse(vocab, """
        Chile Chile PROPN NNP nsubj 1
        imposed impose VERB VBD ROOT 1
        an an DET DT det 4
        arms arm NOUN NNS compound 4
        embargo embargo NOUN NN dobj 1
        on on ADP IN prep 1
        Peru Peru PROPN NNP pobj 5
        . . PUNCT . punct 1""")
    assert roles(doc, "measure-imposed-on") == [
        {"trigger": "imposed", "actor": "Chile", "measure": "embargo", "prep": "on", "target": "Peru"}]


def test_truce_agreed_by_coordinated_subjects(vocab):
    doc = parse(vocab, """
        Peru Peru PROPN NNP nsubj 3
        and and CCONJ CC cc 0
        Chile Chile PROPN NNP conj 0
        signed sign VERB VBD ROOT 3
        a a DET DT det 5
        truce truce NOUN NN dobj 3
        . . PUNCT . punct 3""")
    assert roles(doc, "truce-agreed") == [{"trigger": "signed", "actor": "Peru", "truce": "truce"}]


def test_an_announced_truce_is_no_agreement_between_the_announcers(vocab):
    doc = parse(vocab, """
        Mediators mediator NOUN NNS nsubj 1
        announced announce VERB VBD ROOT 1
        a a DET DT det 3
        truce truce NOUN NN dobj 1
        . . PUNCT . punct 1""")
    assert roles(doc, "truce-agreed") == []


def test_hit_out_at_is_criticism_and_replaces_the_attack_reading(vocab):
    doc = parse(vocab, """
        Chile Chile PROPN NNP nsubj 1
        hit hit VERB VBD ROOT 1
        out out ADP RP prt 1
        at at ADP IN prep 1
        Peru Peru PROPN NNP pobj 3
        . . PUNCT . punct 1""")
    [(frame, found)] = [(f, r) for f, r in match_frames(doc) if f.id == "phrasal-out-at"]
    assert frame.predicate == "condemned" and frame.replaces_trigger and found["target"].text == "Peru"
