"""Generate ``kg/data/lexicon.json``, the trigger words of each predicate, from PETRARCH2's CAMEO verb dictionary.

Sources (read from ``../shared/reference/`` by default; see its README):

- ``PETRARCH2-CAMEO.2.0-verbs.txt``: openeventdata/petrarch2, commit 676801c,
  ``petrarch2/data/dictionaries/CAMEO.2.0.txt``, MIT licence (Open Event Data Alliance, 2015).
- ``CAMEO2PLOVER-2021.txt``: openeventdata/PLOVER, commit 5e0c24f, CC BY-SA 4.0.

Only derived word lists are written (lemma -> CAMEO code), never the dictionary's text.

How a dictionary entry becomes a kg trigger:

- CAMEO codes map to kg's predicates through ``_CODE_MAP`` (longest prefix wins); an entry whose code maps to
  nothing is dropped. A mapped code must be in the PLOVER category ``ontology/vocabulary.csv`` gives the
  predicate, unless ``_PLOVER_EXCEPTIONS`` says why not. kg's ``killed`` shares CAMEO 190 with ``struck``; the
  members of PETRARCH's own KILL synset (190) are read as ``killed``.
- A *verb* is a single-word member of a verb synset (``--- NAME [code] ---`` and the lines under it). Its code
  is the one on its own line, else the synset's default. Phrase patterns (``- * OBJECT [code]``) never make a
  verb a trigger on its own: "add sanctions" is coded 163, yet "add" is no sanctioning verb. The patterns a
  verb's coders wrote (its ``# VERB`` origin comments) decide whether it keeps its synset's code
  (``_verb_filter``): WordNet synonyms with no pattern of their own, synonyms whose patterns all code something
  else, verbs whose patterns almost never code their bare reading ("call": its complement decides),
  reciprocal verbs ("discuss" [040:040], "die in clashes" [190:190]) and English's generic verbs are dropped.
- A *phrasal* form is "verb particle": a ``+VERB_PARTICLE`` member, or a pattern that is only ``* PARTICLE``
  under its origin verb, e.g. "call off" 160.
- A *noun* is the direct object of a pattern found for one of English's light verbs (``_LIGHT_VERBS``: "launch
  an attack", "impose sanctions", "declare a truce"), where the noun and not the verb names the event. Its head
  word (last word of a ``{...}`` compound, every member of a ``&SET``) is singularised. It takes the predicate
  most of those patterns map to, only when no other reading (unmapped included) ties it and at least two light
  verbs carry it there.
- A lemma under two predicates keeps the most specific code: a code of more digits, then a code on the verb's
  own line over a synset default, then the lower code. ``--notes`` prints every such choice and every drop.

Usage: python scripts/build_lexicon.py [REFERENCE_DIR] [--out FILE] [--check] [--notes]
(REFERENCE_DIR defaults to $KG_REFERENCE, else ../shared/reference beside the repository.)
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DICTIONARY = "PETRARCH2-CAMEO.2.0-verbs.txt"
PLOVER_TABLE = "CAMEO2PLOVER-2021.txt"
SOURCE = {
    "dictionary": "PETRARCH2 CAMEO verb dictionary (CAMEO.2.0.txt), openeventdata/petrarch2 commit 676801c, MIT licence",
    "table": "CAMEO2PLOVER-2021.txt, openeventdata/PLOVER commit 5e0c24f, CC BY-SA 4.0",
}

# CAMEO code prefix -> kg predicate. The longest matching prefix decides; codes matching none are dropped.
_CODE_MAP: dict[str, str] = {
    # ASSAULT, military and unconventional: an attack on the object.
    "190": "struck", "193": "struck", "194": "struck", "195": "struck",
    "196": "struck",   # violate ceasefire: fighting that breaks a truce is still an attack
    "192": "struck",   # occupy territory: ontology/codes.csv reads seizure as struck
    "183": "struck", "185": "struck", "200": "struck", "204": "struck",
    # 180 "use unconventional violence, not specified": PETRARCH's 180 synsets are beating and harming (HURT, SLAP,
    # WHIP, ABUSE, RAMPAGE), not attacks. 181 abduct, 182 beat, 1821/1822, 184 human shield, 191 blockade,
    # 201/203 expulsion/cleansing: no kg predicate either.
    "186": "killed",   # assassinate
    "1823": "killed",  # kill by physical assault
    "202": "killed",   # mass killings
    "13": "threatened",  # every threat, of force or of consequences (kg's definition)
    "111": "condemned",  # criticize or denounce; 110 "disapprove" also holds allege, doubt, mourn, argue: dropped
    "112": "accused",    # accuse, with 1121-1125
    # 114 "complain officially" is kg's summoned in vocabulary.csv, but the dictionary's 114 entries are
    # complaints ("complain", "lodge a complaint"), not summonses; the README's pitfall: a bare "summon" is 040.
    "161": "recalledAmbassador",
    "166": "expelledDiplomat",
    "174": "expelledDiplomat",  # expel or deport: kg's reader keeps it only with a diplomat or state object
    "163": "sanctioned",
    "172": "sanctioned",        # administrative sanctions: only the words ontology/codes.csv lists (_CODE_WORDS)
    "1721": "", "1722": "", "1723": "", "1724": "",  # domestic restrictions: censorship, party bans, curfew
    "0256": "urgedRestraint",
    "1056": "urgedRestraint",   # demand de-escalation (ontology/codes.csv)
    "045": "mediated",
    "040": "met", "041": "met", "042": "met", "043": "met", "044": "met", "046": "met",
    "050": "supported", "051": "supported", "052": "supported", "053": "supported",
    "0871": "negotiatedCeasefire",
}
# Codes mapped outside the PLOVER category vocabulary.csv gives their predicate, and why.
_PLOVER_EXCEPTIONS = {
    "192": "PLOVER files occupation under COERCE; kg reads taking territory by force as an attack",
    "174": "PLOVER files deportation under COERCE; kg's expelledDiplomat is PLOVER's SANCTION/expel",
    "1056": "a demand (REQUEST) for de-escalation is kg's urgedRestraint",
}
_KILL_SYNSET = "KILL"
# English light verbs, which carry an event noun ("launched an attack"): the noun, not the verb, names the event.
# Kept here, not read from kg/data/triggers.json, so the generated file depends on the reference files only.
_LIGHT_VERBS = frozenset("launch carry conduct stage mount execute make extend impose hold order announce begin "
                         "continue undertake perform unleash resume step exchange trade level issue express voice "
                         "lodge file reach agree sign broker declare show exercise seek renew reiterate affirm give "
                         "provide lend pursue levy slap wage".split())
# Verbs of asking, offering and hoping: their patterns code the speech act ("propose a truce" 0256), not the
# event the noun names, so they carry no noun.
_SPEECH_ACTS = frozenset("appeal ask call demand emphasise emphasize encourage hope implore need offer plead pledge "
                         "press promise propose request stress urge volunteer want wish".split())
# A noun names the event only if several light verbs carry it to the same code: "call X a dictator" (111) is about
# "call", while "launch/mount/carry out an attack" (190) is about "attack".
_NOUN_MIN_VERBS = 2
# Codes taken only for the words ``ontology/codes.csv`` lists under them, and why: PETRARCH's 172 holds court
# sentences, fines and vetoes, which are domestic; kg's sanctioned is one state or body restricting another.
_CODE_WORDS = {"172": "administrative sanctions are mostly domestic in the dictionary (SENTENCE, FINE, VETO)"}
# Codes taken only from a verb's own line, never inherited from its synset, and why.
_OWN_LINE_ONLY = {
    "051": "PETRARCH's 051 synsets (ACCLAIM, ENCOURAGE, RESPECT...) are praise, which kg does not read as backing; "
           "its coders put 051 on 'endorse' and 'affirm' themselves",
}
# CAMEO's residual codes ("not specified below") of families broader than kg's predicate: the dictionary parks
# whole synsets there (CONSIDER, HEAR, INVITE at 040; AGREE, BARGAIN, INFLUENCE at 050), while kg's met is an
# encounter and its supported is backing. A synonym inherits such a code only if one of its own patterns is coded
# in the same PLOVER category ("meet * (under mediation)" 046, "back * ..." 05x).
_RESIDUAL = frozenset({"040", "050"})
# English's most general verbs of being, motion, possession and doing: whatever code a synset or pattern gives
# them comes from their complement ("go into emergency session" 040), never from the verb alone.
_GENERIC_VERBS = frozenset("be have do make take go come get give put set keep let see say".split())
# A verb coded [040:040] on its own line codes both sides as sources: it is reciprocal ("X and Y discussed the
# border", "X consulted with Y") and its object is a topic, not a party; kg's reader takes an object as the
# target, so such verbs are left out (see ``reciprocal`` in the notes).
# A verb with this many patterns of its own, at most one in ten in its bare code's PLOVER category, is read by
# its complement ("call" 041: 41 patterns, one a consultation), so not a trigger alone.
_COMPLEMENT_MIN = 5
# English adverbial particles: the second word of a phrasal verb spaCy attaches as ``prt``. Words that are mostly
# prepositions (across, in, on, into, with) are left out: "press on", "intrude on" take an object after them.
_PARTICLES = frozenset("apart aside away back down forth forward off out over together up".split())


def read_code_words(path: Path) -> dict[str, frozenset[str]]:
    """CAMEO code -> the cue words ``ontology/codes.csv`` gives it, for codes in ``_CODE_WORDS``."""
    out: dict[str, set[str]] = defaultdict(set)
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["code"] in _CODE_WORDS:
                out[row["code"]] |= set(row["words"].split("|"))
    return {c: frozenset(w) for c, w in out.items()}


def code_predicate(code: str) -> str:
    """kg predicate of a CAMEO code by its longest prefix in ``_CODE_MAP``, or ""."""
    for n in range(len(code), 0, -1):
        if code[:n] in _CODE_MAP:
            return _CODE_MAP[code[:n]]
    return ""


def read_plover(path: Path) -> dict[str, str]:
    """CAMEO code -> PLOVER category from the CAMEO2PLOVER table."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)", line)
        if m:
            out.setdefault(m.group(1), m.group(2))
    return out


def read_vocabulary(path: Path) -> dict[str, str]:
    """kg predicate -> PLOVER category from ``ontology/vocabulary.csv``."""
    with path.open(encoding="utf-8", newline="") as fh:
        return {row["name"]: row["plover"] for row in csv.DictReader(fh)}


def _source_code(raw: str) -> str:
    """The source actor's code of ``[040:040]``-style codes; "" for ``---`` or a target-only code."""
    code = raw.split(":")[0].strip()
    return code if code.isdigit() else ""


def _singular(word: str) -> str:
    """English plural to singular, the way a lemmatiser reads a noun."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def parse_dictionary(path: Path) -> tuple[dict[str, list[str]], list[dict]]:
    """Synonym sets (``&NAME`` -> words) and verb synsets (name, code, members, patterns) of the dictionary."""
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    sets: dict[str, list[str]] = {}
    blocks: list[dict] = []
    current_set = None
    in_verbs = False
    block = None
    for line in lines:
        if line.startswith("####### VERB PATTERNS"):
            in_verbs = True
            continue
        text = line.split("#", 1)[0].rstrip()
        comment = line.split("#", 1)[1] if "#" in line else ""
        if not text.strip():
            continue
        if not in_verbs:
            if text.startswith("&"):
                current_set = sets.setdefault(text.strip(), [])
            elif text.startswith("+") and current_set is not None:
                current_set.append(text[1:].strip())
            continue
        head = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]", text)
        if head:
            block = {"name": head.group(1), "code": _source_code(head.group(2)), "verbs": [], "patterns": []}
            blocks.append(block)
            continue
        if block is None or text.lstrip().startswith("~"):
            continue
        if text.startswith("-"):
            m = re.match(r"^-\s*(.*?)\s*\[([^\]]*)\]\s*$", text)
            if m:
                origins = [w.strip() for w in comment.split(",") if re.fullmatch(r"\s*[A-Z_]+\s*", w)]
                block["patterns"].append({"words": m.group(1).split(), "code": _source_code(m.group(2)),
                                          "raw": m.group(2).strip(), "origins": origins})
            continue
        m = re.match(r"^\+?([A-Z][A-Z_\-']*)\s*(\{[^}]*\})?\s*(\[([^\]]*)\])?", text.strip())
        if m:
            own = m.group(4)
            target = own.split(":")[1].strip() if own and ":" in own else ""
            block["verbs"].append({"word": m.group(1), "code": _source_code(own) if own is not None else None,
                                   "reciprocal": bool(target) and target == _source_code(own)})
    return sets, blocks


def _pattern_categories(blocks: list[dict], plover: dict[str, str]) -> dict[str, list[str]]:
    """Verb (as the dictionary spells it) -> PLOVER category of each pattern whose origin comment names it."""
    out: dict[str, list[str]] = defaultdict(list)
    for block in blocks:
        for p in block["patterns"]:
            if p["code"] in plover:
                for o in p["origins"]:
                    out[o].append(plover[p["code"]])
    return out


def _reciprocal_verbs(blocks: list[dict], plover: dict[str, str]) -> set[str]:
    """Verbs whose patterns in their synset's PLOVER category (two at least) all code both sides alike
    (``[190:190]``): "died in clashes", "clashed with", where no side is the target."""
    codes: dict[str, list[str]] = defaultdict(list)
    for block in blocks:
        category = plover.get(block["code"], "")
        for p in block["patterns"]:
            if category and plover.get(p["code"]) == category:
                for o in p["origins"]:
                    codes[o].append(p["raw"])
    return {v for v, raws in codes.items() if len(raws) >= 2 and all(len(set(r.split(":"))) == 1 and ":" in r for r in raws)}


def _verb_filter(v: dict, block: dict, code: str, plover: dict[str, str], seen: list[str], reciprocal: set[str]) -> str:
    """Why synset member ``v`` does not keep ``code`` as a bare trigger, or "" if it does.

    ``seen`` holds the PLOVER category of each coded pattern the dictionary's coders wrote for the verb
    (``[---]`` exceptions carry no category).
    """
    word, own = v["word"], v["code"] is not None
    head = word == block["name"].split("_")[0]
    agree = sum(c == plover[code] for c in seen)
    if word.lower() in _GENERIC_VERBS:
        return "generic verb"
    if not own and code in _OWN_LINE_ONLY:
        return f"{code} only counts on a verb's own line"
    if not own and not seen and not head:
        return "WordNet synonym with no coded pattern of its own"
    if v["reciprocal"] or not own and word in reciprocal:
        return "reciprocal, no side is its target"
    if not own and not agree and (code in _RESIDUAL or seen and not head):
        return f"none of its {len(seen)} patterns is in {plover[code]}"
    if len(seen) >= _COMPLEMENT_MIN and agree * 10 <= len(seen):
        return f"{agree} of its {len(seen)} patterns in {plover[code]}, its complement decides"
    return ""


def _rank(code: str, own: bool) -> tuple:
    return (len(code), own, -int(code))


def build(reference: Path, vocabulary: dict[str, str]) -> tuple[dict, list[str]]:
    """The generated lexicon and the conflicts resolved on the way (one line each)."""
    plover = read_plover(reference / PLOVER_TABLE)
    for prefix, pred in _CODE_MAP.items():
        if pred and prefix in plover and plover[prefix] != vocabulary[pred] and prefix not in _PLOVER_EXCEPTIONS:
            raise SystemExit(f"{prefix} is PLOVER {plover[prefix]}, not {vocabulary[pred]} of {pred}: "
                             "map it elsewhere or add it to _PLOVER_EXCEPTIONS with a reason")
    sets, blocks = parse_dictionary(reference / DICTIONARY)
    code_words = read_code_words(ROOT / "ontology" / "codes.csv")
    found: dict[str, dict[str, list[tuple]]] = {"verbs": defaultdict(list), "phrasal": defaultdict(list)}
    noun_votes: dict[str, Counter] = defaultdict(Counter)
    noun_codes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    noun_verbs: dict[tuple[str, str], set[str]] = defaultdict(set)
    notes: list[str] = []

    def note(kind: str, lemma: str, code: str, own: bool, synset: str) -> None:
        if code not in plover:
            return  # a code the PLOVER table does not know is a typo in the dictionary
        pred = code_predicate(code)
        if code in code_words and lemma not in code_words[code]:
            return
        if pred == "struck" and synset == _KILL_SYNSET:
            pred = "killed"
        if pred:
            found[kind][lemma].append((pred, code, own))

    categories = _pattern_categories(blocks, plover)
    reciprocal = _reciprocal_verbs(blocks, plover)
    for block in blocks:
        members = {v["word"] for v in block["verbs"]}
        for v in block["verbs"]:
            code = v["code"] if v["code"] is not None else block["code"]
            if not code or code not in plover or not code_predicate(code):
                continue
            why = _verb_filter(v, block, code, plover, categories.get(v["word"], []), reciprocal)
            if why:
                notes.append(f"verb {v['word'].lower()!r} ({block['name']}, {code}): {why}: dropped")
                continue
            parts = v["word"].lower().split("_")
            if len(parts) == 1 and parts[0].isalpha():
                note("verbs", parts[0], code, v["code"] is not None, block["name"])
            elif len(parts) == 2 and parts[1] in _PARTICLES and parts[0].isalpha():
                note("phrasal", " ".join(parts), code, v["code"] is not None, block["name"])
        for p in block["patterns"]:
            words, code = p["words"], p["code"]
            if not code or len(words) != 2 or words[0] != "*":
                continue
            origins = [o for o in p["origins"] if o in members and "_" not in o]
            obj = words[1]
            if obj.lower() in _PARTICLES:
                for o in origins:
                    note("phrasal", f"{o.lower()} {obj.lower()}", code, True, block["name"])
                continue
            origins = [o for o in origins if o.lower() not in _SPEECH_ACTS]
            if not any(o.lower() in _LIGHT_VERBS for o in origins) or code not in plover:
                continue
            if obj.startswith("{") and obj.endswith("}"):
                heads = [obj[1:-1].split()[-1]]
            elif obj.startswith("&"):
                heads = sets.get(obj, [])
            else:
                heads = [obj]
            for h in heads:
                h = h.lower().rstrip("_")
                if re.fullmatch(r"[a-z][a-z\-]*", h):
                    noun = _singular(h)
                    pred = code_predicate(code) if code not in code_words or noun in code_words[code] else ""
                    noun_votes[noun][pred] += 1
                    if pred:
                        noun_codes[(noun, pred)][code] += 1
                        noun_verbs[(noun, pred)].update(o.lower() for o in origins if o.lower() in _LIGHT_VERBS)

    for lemma, hits in list(found["verbs"].items()):  # British and American spellings read alike
        for a, b in (("ize", "ise"), ("ise", "ize")):
            if lemma.endswith(a) and lemma[:-3] + b not in found["verbs"]:
                found["verbs"][lemma[:-3] + b] = list(hits)
    out: dict[str, dict[str, dict[str, str]]] = {"verbs": {}, "phrasal": {}, "nouns": {}}
    for kind in ("verbs", "phrasal"):
        for lemma, hits in sorted(found[kind].items()):
            best = max(hits, key=lambda h: _rank(h[1], h[2]))
            rivals = sorted({h[0] for h in hits} - {best[0]})
            if rivals:
                notes.append(f"{kind} {lemma!r}: {best[0]} ({best[1]}) over {', '.join(rivals)}")
            out[kind].setdefault(best[0], {})[lemma] = best[1]
    for noun, votes in sorted(noun_votes.items()):
        ranked = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))
        pred, n = ranked[0]
        verbs = noun_verbs[(noun, pred)]
        if not pred or len(ranked) > 1 and ranked[1][1] == n or len(verbs) < _NOUN_MIN_VERBS:
            if any(votes):
                notes.append(f"noun {noun!r}: dropped, votes {dict(votes)}, light verbs {sorted(verbs)}")
            continue
        code = noun_codes[(noun, pred)].most_common(1)[0][0]
        out["nouns"].setdefault(pred, {})[noun] = code
    for kind in out:
        out[kind] = {p: dict(sorted(words.items())) for p, words in sorted(out[kind].items())}
    return out, notes


def render(lexicon: dict) -> str:
    """The JSON text of the generated file: a header naming sources and licences, then the lists."""
    doc = {
        "_comment": "GENERATED by scripts/build_lexicon.py; do not edit. Trigger words per kg predicate, each with "
                    "the CAMEO code it came from. Hand additions: kg/data/lexicon_additions.json.",
        "_source": SOURCE,
        **lexicon,
    }
    return json.dumps(doc, indent=1, ensure_ascii=False) + "\n"


def generate(reference: Path) -> tuple[str, list[str]]:
    """Text of ``kg/data/lexicon.json`` generated from the reference files in ``reference``."""
    lexicon, notes = build(reference, read_vocabulary(ROOT / "ontology" / "vocabulary.csv"))
    return render(lexicon), notes


def default_reference() -> Path:
    """``$KG_REFERENCE`` if set, else ``../shared/reference`` beside the repository (as in CI)."""
    return Path(os.environ.get("KG_REFERENCE") or ROOT.parent / "shared" / "reference")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("reference", nargs="?", type=Path, default=default_reference())
    ap.add_argument("--out", type=Path, default=ROOT / "kg" / "data" / "lexicon.json")
    ap.add_argument("--check", action="store_true", help="exit 1 if --out differs from what would be generated")
    ap.add_argument("--notes", action="store_true", help="print the ambiguities resolved")
    a = ap.parse_args(argv)
    for name in (DICTIONARY, PLOVER_TABLE):
        if not (a.reference / name).is_file():
            print(f"error: {a.reference / name}: not found; pass the folder holding the reference files", file=sys.stderr)
            return 2
    text, notes = generate(a.reference)
    if a.notes:
        print("\n".join(notes))
    if a.check:
        same = a.out.is_file() and a.out.read_text(encoding="utf-8") == text
        print(f"{a.out}: {'up to date' if same else 'differs from the generated lexicon'}")
        return 0 if same else 1
    a.out.write_text(text, encoding="utf-8")
    print(f"wrote {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
