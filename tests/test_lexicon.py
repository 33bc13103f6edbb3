"""The trigger lexicon: generated from PETRARCH2's CAMEO dictionary by scripts/build_lexicon.py, plus hand additions."""
from __future__ import annotations

import csv
import importlib.util
import json
from pathlib import Path

import pytest

from kg.lexicon import cameo_codes, lexicon, triggers

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "kg" / "data"
_spec = importlib.util.spec_from_file_location("build_lexicon", ROOT / "scripts" / "build_lexicon.py")
build_lexicon = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build_lexicon)
REFERENCE = build_lexicon.default_reference()
PREDICATES = [row["name"] for row in csv.DictReader((ROOT / "ontology" / "vocabulary.csv").open(encoding="utf-8"))]
# Predicates CAMEO codes only as phrase patterns ("declare a truce" 0871, "call for restraint" 0256): kg reads them
# through their nouns and the light or request verb that carries them, never through a verb alone.
NOMINAL = {"negotiatedCeasefire", "urgedRestraint"}


@pytest.mark.skipif(not (REFERENCE / build_lexicon.DICTIONARY).is_file(), reason="needs ../shared/reference")
def test_lexicon_committed_file_is_what_the_script_generates():
    text, _ = build_lexicon.generate(REFERENCE)
    assert (DATA / "lexicon.json").read_text(encoding="utf-8") == text, \
        "kg/data/lexicon.json is stale: run python scripts/build_lexicon.py"


def test_lexicon_header_names_source_commit_and_licence():
    source = json.loads((DATA / "lexicon.json").read_text(encoding="utf-8"))["_source"]
    assert "676801c" in source["dictionary"] and "MIT" in source["dictionary"]
    assert "5e0c24f" in source["table"] and "CC BY-SA" in source["table"]


@pytest.mark.parametrize("predicate", PREDICATES)
def test_lexicon_every_predicate_has_triggers(predicate):
    lex = lexicon()
    verbs = {w for kind in ("verbs", "phrasal") for w, p in lex[kind].items() if p == predicate}
    nouns = {w for w, p in lex["nouns"].items() if p == predicate}
    assert verbs or predicate in NOMINAL, f"{predicate} has no verb"
    assert verbs or nouns


def test_lexicon_every_generated_entry_carries_a_mapped_cameo_code():
    generated = json.loads((DATA / "lexicon.json").read_text(encoding="utf-8"))
    for kind in ("verbs", "phrasal", "nouns"):
        for predicate, words in generated[kind].items():
            assert predicate in PREDICATES
            for word, code in words.items():
                mapped = build_lexicon.code_predicate(code)  # the KILL synset's 190 is read as killed
                assert code.isdigit() and (mapped == predicate or (mapped, predicate) == ("struck", "killed")), (word, code)


def test_lexicon_additions_each_give_a_reason_and_add_something():
    generated = json.loads((DATA / "lexicon.json").read_text(encoding="utf-8"))
    additions = json.loads((DATA / "lexicon_additions.json").read_text(encoding="utf-8"))
    for kind in ("verbs", "phrasal", "nouns"):
        for predicate, words in additions[kind].items():
            assert predicate in PREDICATES
            for word, reason in words.items():
                assert len(reason.split()) >= 3, word
                assert word not in generated[kind].get(predicate, {}), f"{word} is already generated"


def test_lexicon_addition_overrides_the_generated_reading():
    generated = json.loads((DATA / "lexicon.json").read_text(encoding="utf-8"))
    assert "summon" in generated["verbs"]["met"]  # PETRARCH's bare 040, the reference README's pitfall
    assert lexicon()["verbs"]["summon"] == "summoned"
    assert triggers()["verb_of"]["summon"] == "summoned" and "summon" in triggers()["verbs"]["summoned"]


def test_lexicon_cameo_codes_follow_the_trigger_not_the_predicate():
    codes = cameo_codes()
    assert codes["verbs"]["shoot"] == "190" and codes["verbs"]["bomb"] == "190" and codes["nouns"]["airstrike"] == "195"
    assert codes["verbs"]["visit"] == "042" and codes["verbs"]["host"] == "043"
    assert "summon" not in codes["verbs"]  # moved to summoned by hand: PETRARCH's 040 is not its code


def test_lexicon_triggers_keep_their_maps_and_frame_words():
    t = triggers()
    assert t["verb_of"]["shell"] == "struck" and t["noun_of"]["truce"] == "negotiatedCeasefire"
    assert t["phrasal_of"]["hit back"] == "retaliatedAgainst"
    assert "launch" in t["light_verbs"] and isinstance(t["light_verbs"], frozenset)
    for lemma in ("be", "make", "take", "go", "call"):
        assert lemma not in t["verb_of"], lemma


# An invented dictionary in PETRARCH's format, to pin each rule of the generator without the reference files.
_TOY_DICTIONARY = """\
####### SYNONYM SETS #######

&TRUCE
+TRUCE
+LULL

####### VERB PATTERNS #######

---  SHELL   [194]  ---
SHELL
PUMMEL
BATTER
- * (FOR FOOD)                     [020]     # BATTER
- * (FOR FUEL)                     [020]     # BATTER

---  RING   [041]  ---
RING
- * (FOR HELP)                     [020]     # RING
- * (FOR CALM)                     [020]     # RING
- * (FOR FOOD)                     [020]     # RING
- * (FOR MONEY)                    [020]     # RING
- * (FOR AID)                      [020]     # RING
- * (FOR WATER)                    [020]     # RING
- * (FOR FUEL)                     [020]     # RING
- * (FOR SHELTER)                  [020]     # RING
- * (FOR MEDICINE)                 [020]     # RING
- * (FOR BLANKETS)                 [020]     # RING
- * BACK                           [041]     # RING

---  TALK_OVER   [---]  ---
CHAT [040:040]

---  LAUNCH   [---]  ---
LAUNCH
STAGE
- * RAIDS                          [190]     # LAUNCH
- * RAID                           [190]     # STAGE
- * &TRUCE                         [0871]    # LAUNCH
- * PARADE                         [190]     # LAUNCH

---  GO   [040]  ---
GO
- * (FOR TALKS)                    [046]     # GO
"""
_TOY_TABLE = """\
020: REQUEST, , # appeal
040: CONSULT, , # consult
041: CONSULT, phone, # phone
046: CONSULT, , # negotiate
0871: RETREAT, ceasefire, military # truce
190: ASSAULT, , military # force
194: ASSAULT, heavy-weapons, military # artillery
"""


def test_lexicon_generator_rules_on_an_invented_dictionary(tmp_path):
    (tmp_path / build_lexicon.DICTIONARY).write_text(_TOY_DICTIONARY, encoding="utf-8")
    (tmp_path / build_lexicon.PLOVER_TABLE).write_text(_TOY_TABLE, encoding="utf-8")
    vocabulary = build_lexicon.read_vocabulary(ROOT / "ontology" / "vocabulary.csv")
    lex, notes = build_lexicon.build(tmp_path, vocabulary)
    assert lex["verbs"] == {"struck": {"shell": "194"}}  # head kept
    assert any("'pummel'" in n and "no coded pattern of its own" in n for n in notes)  # WordNet padding
    assert any("'batter'" in n and "none of its 2 patterns" in n for n in notes)  # patterns all exceptions
    assert any("'ring'" in n and "complement decides" in n for n in notes)  # 1 of its 11 patterns a consultation
    assert any("'chat'" in n and "reciprocal" in n for n in notes)
    assert any("'go'" in n and "generic verb" in n for n in notes)
    assert lex["phrasal"] == {"met": {"ring back": "041"}}
    # "raid" is carried by two light verbs; "parade" and the &TRUCE set's members by one only.
    assert lex["nouns"] == {"struck": {"raid": "190"}}


def test_lexicon_cues_file_fills_every_field_of_the_typed_cues():
    from dataclasses import fields

    from kg.lexicon import Cues, cues

    raw = {k for k in json.loads((DATA / "cues.json").read_text(encoding="utf-8")) if not k.startswith("_")}
    assert raw == {f.name for f in fields(Cues)}
    assert cues().demonym_suffixes[0] == "ian" and "he" in cues().pronoun_types


def test_lexicon_cues_every_cue_the_code_reads_is_a_field():
    import ast
    from dataclasses import fields

    from kg.lexicon import Cues

    names = {f.name for f in fields(Cues)}
    used = set()
    for path in (ROOT / "kg").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Call) and \
                    getattr(node.value.func, "id", "") == "cues":
                used.add((path.name, node.attr))
    assert used and not {(p, a) for p, a in used if a not in names}


def test_lexicon_cues_are_frozen():
    from dataclasses import FrozenInstanceError

    from kg.lexicon import cues

    with pytest.raises(FrozenInstanceError):
        cues().role_words = frozenset()
