"""References: pronouns, relative pronouns and definite descriptions ("it", "who", "the group") to the entity
they stand for, after the names are resolved."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from .lexicon import cues, triggers
from .schema import PREDICATES

__all__ = ["references"]

_ATTACKS = frozenset(n for n, p in PREDICATES.items() if p.attack)  # acts of force: no one suffers his own


def references(doc: Doc, token_key: dict[int, str], types: dict[str, str],
               roles: dict[str, str] | None = None) -> dict[int, str]:
    """Pronouns and definite descriptions ("it", "the group", "the minister") to the entity they refer to.

    The antecedent is the nearest earlier mention of a fitting type within the last three sentences;
    "I" and "we" in a quotation are its speaker; a title ("the crown prince") is the one person the article
    gave that title (``roles``: entity key -> its title, lower case), however far back.
    """
    roles = roles or {}
    sent_of = {tok.i: n for n, sent in enumerate(doc.sents) for tok in sent}
    out: dict[int, str] = {}
    history: list[tuple[int, str]] = []  # (token index, key) of resolved mentions, in order
    last_key = -1
    speaker = ""
    for sent in doc.sents:
        speaker = _speaker(sent, token_key) or speaker
        for tok in sent:
            if (k := token_key.get(tok.i)) and k != last_key:
                history.append((tok.i, k))
            last_key = token_key.get(tok.i, -1)
            if tok.i in token_key:
                continue
            if tok.pos_ == "PRON" and tok.lower_ in cues().first_person and speaker:
                out[tok.i] = speaker
                continue
            if tok.lower_ in cues().relative_pronouns and (head := _relative_antecedent(tok)) is not None:
                # "the envoy Karl Brandt, who later resigned": who = the noun it relates to
                if (k := token_key.get(head.i) or out.get(head.i)):
                    out[tok.i] = k
                continue
            wanted = _wanted_types(tok, token_key)
            if wanted == ("Official",) and tok.pos_ == "NOUN" and (k := _titled(tok, roles, history)):
                out[tok.i] = k
                continue
            if wanted and (k := _antecedent(doc, tok, wanted, token_key, types, history, sent_of)):
                out[tok.i] = k
    return out


def _relative_antecedent(pronoun: Token) -> Token | None:
    """The noun a relative pronoun relates to: the head of its clause ("NAME, who later resigned"), or, in a clause
    a verb of saying reports ("NAME, who officials say planned the raid"), the word before the pronoun and its
    comma; None for other uses of the word."""
    verb = pronoun.head
    if verb.dep_ == "relcl":
        return verb.head
    doc = pronoun.doc
    if verb.dep_ == "ccomp" and verb.head.dep_ in ("relcl", "parataxis") and pronoun.i < verb.head.i < verb.i and \
            verb.head.lemma_.lower() in triggers()["speech_verbs"] and pronoun.i >= 2 and doc[pronoun.i - 1].text == ",":
        return doc[pronoun.i - 2]
    return None


def _charge(prep: Token) -> bool:
    """A gerund phrase the parser hung on the accused noun ("accused the army of killing civilians"): the charge,
    no part of the description ("the army of Peru")."""
    return any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in prep.children)


def _titled(tok: Token, roles: dict[str, str], history: list[tuple[int, str]]) -> str:
    """The one person mentioned so far whose title ends in the description's noun ("the crown prince": the
    "Crown Prince ..." named before); "" when none or several are."""
    title = " ".join([*(t.lower_ for t in tok.lefts if t.dep_ in ("compound", "amod")), tok.lower_])
    seen = {k for _, k in history}
    fits = [k for k, role in roles.items() if k in seen and role.endswith(title)]
    return fits[0] if len(fits) == 1 else ""


def _wanted_types(tok: Token, token_key: dict[int, str]) -> tuple[str, ...]:
    """The entity types a pronoun or a bare definite description ("the group", "the minister") can stand for."""
    low = tok.lower_
    if tok.pos_ == "PRON" and low in cues().pronoun_types:
        return cues().pronoun_types[low]
    if tok.pos_ == "NOUN" and any(c.lower_ in cues().definite_determiners for c in tok.children if c.dep_ == "det") \
            and not any(c.dep_ in ("amod", "compound", "poss") and c.i in token_key for c in tok.children) \
            and not any(c.dep_ == "prep" and not _charge(c) for c in tok.children):
        if low in cues().description_types:
            return cues().description_types[low]
        if low in cues().role_words:
            return ("Official",)
    return ()


def _antecedent(doc: Doc, tok: Token, wanted: tuple[str, ...], token_key: dict[int, str], types: dict[str, str],
                history: list[tuple[int, str]], sent_of: dict[int, int]) -> str:
    """The key ``tok`` refers to: the sayer of its clause, the subject its possessive binds to, or the nearest
    fitting earlier mention (which then joins ``history``); "" for none."""
    if "Official" in wanted and _unnamed_sayer(tok, token_key):
        return ""  # "one woman said she had lost her father": she is the woman, nobody named before
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ccomp" and \
            tok.head.head.lemma_.lower() in triggers()["speech_verbs"]:
        speech = tok.head.head
        while speech.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in speech.children):
            speech = speech.head  # "X condemned ... and said it would": the subject the verbs share
        sayer = next((token_key.get(c.i) for c in speech.children if c.dep_ == "nsubj"), None)
        if sayer and types.get(sayer) in wanted:
            return sayer  # "Ecuador said it would ...": it = Ecuador
    if tok.dep_ == "nsubj" and tok.head.dep_ == "relcl" and _relative_noun(tok.head).dep_ in ("dobj", "nsubjpass", "pobj") \
            and (owner := _clause_subject(_relative_noun(tok.head), token_key, types, wanted)):
        return owner  # "X expelled envoys it accused of spying", "sanctions on NAME, an officer it accused": X
    if tok.dep_ == "poss" and (bound := _clause_subject(tok, token_key, types, wanted)):
        if "Official" not in wanted and (verb := _attack_above(tok)):
            sayer = _sayer_of(verb, token_key)
            if sayer and sayer != bound and types.get(sayer) in wanted:
                return sayer  # "X said Y shelled its posts": a state does not shell its own posts; "its" is X's (not "his": people do harm their own)
        return bound  # "China ..., emphasizing its hope": its = the clause's subject
    modified = _relative_head_keys(tok, token_key)
    for i, k in reversed(history):
        if sent_of[tok.i] - sent_of[i] > 3:
            break
        if types.get(k) in wanted and not _same_clause_subject(doc, i, tok) and k not in modified:
            history.append((tok.i, k))
            return k
    if tok.pos_ != "NOUN" or wanted != ("Group",):
        return ""
    named = {k for _, k in history if types.get(k) == "Group" and k.rsplit("/", 1)[-1].split("-")[-1] == tok.lower_}
    if len(named) == 1:  # "the brigades": the one group so named, however far back
        history.append((tok.i, k := named.pop()))
        return k
    return ""


def _relative_noun(clause: Token) -> Token:
    """The noun a relative clause modifies, through appositions: "NAME, an officer it accused": NAME."""
    noun = clause.head
    while noun.dep_ == "appos":
        noun = noun.head
    return noun


def _relative_head_keys(tok: Token, token_key: dict[int, str]) -> set[str]:
    """The names in the noun phrase a relative clause modifies, when ``tok`` is that clause's subject: "a group it
    blames" cannot mean the group blames itself ("fighters of the Azure Front, a group it blames": not the Front)."""
    if tok.dep_ != "nsubj" or tok.head.dep_ != "relcl":
        return set()
    anchor = _relative_noun(tok.head)
    clause = set(t.i for t in tok.head.subtree)
    return {token_key[t.i] for t in anchor.subtree if t.i in token_key and t.i not in clause}


def _unnamed_sayer(tok: Token, token_key: dict[int, str]) -> bool:
    """True when the nearest verb of saying whose clause holds ``tok`` has for subject a person no name or title
    stands for ("a witness said", "one woman said"): the pronouns of that clause are that person's."""
    for anc in tok.ancestors:
        if anc.dep_ == "ccomp" and anc.head.lemma_.lower() in triggers()["speech_verbs"]:
            subject = next((c for c in anc.head.children if c.dep_ == "nsubj"), None)
            return subject is not None and subject.pos_ == "NOUN" and subject.i not in token_key and \
                not any(g.i in token_key for g in subject.subtree) and subject.lower_ in cues().person_nouns
    return False


def _clause_subject(tok, token_key: dict[int, str], types: dict[str, str], wanted: tuple[str, ...]) -> str:
    """The named subject of the nearest verb above a possessive pronoun, if it fits."""
    for anc in tok.ancestors:
        if anc.pos_ in ("VERB", "AUX"):
            for c in anc.children:
                if c.dep_ in ("nsubj", "nsubjpass") and c.i != tok.i:
                    k = token_key.get(c.i) or next((token_key[g.i] for g in c.subtree if g.i in token_key), "")
                    if not k and c.lower_ in cues().relative_pronouns and (head := _relative_antecedent(c)) is not None:
                        k = token_key.get(head.i, "")  # "X, which has expressed its solidarity": its = X
                    if k and types.get(k) in wanted:
                        return k
                    if k or c.pos_ != "PRON":
                        break
    return ""


def _attack_above(tok: Token) -> Token | None:
    """The verb of force whose object holds the possessive ("shelled its posts", "fired on its troops"), if
    the possessive's nearest verb is one."""
    verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None or not (triggers()["verb_of"].get(verb.lemma_.lower()) in _ATTACKS or _fire_on(verb)) or \
            any(c.dep_ in ("nsubj", "nsubjpass") and tok in c.subtree for c in verb.children):
        return None
    return verb


def _fire_on(verb: Token) -> bool:
    """"Opened fire on": the light verb whose object is an attack noun."""
    return any(c.dep_ == "dobj" and triggers()["noun_of"].get(c.lemma_.lower()) in _ATTACKS for c in verb.children)


def _sayer_of(verb: Token, token_key: dict[int, str]) -> str:
    """The named subject of the verb of saying whose clause holds ``verb`` ("X said Y had shelled ...")."""
    for anc in [verb, *verb.ancestors]:
        if anc.dep_ != "ccomp":
            continue
        head = anc.head
        if head.lemma_.lower() in triggers()["speech_verbs"]:
            return next((token_key[c.i] for c in head.children if c.dep_ == "nsubj" and c.i in token_key), "")
    return ""


def _same_clause_subject(doc: Doc, i: int, tok) -> bool:
    """A reflexive-free pronoun does not corefer with the subject of its own verb ("X blamed it")."""
    cand = doc[i]
    return cand.dep_ == "nsubj" and tok.dep_ in ("dobj", "pobj") and cand.head == tok.head


def _speaker(sent, token_key: dict[int, str]) -> str:
    """The named subject of a verb of saying in the sentence, else of the main verb of a sentence that opens a
    quotation ("X defended his decision: '...I will...'"), if any."""
    for tok in sent:
        if tok.lemma_.lower() in triggers()["speech_verbs"] and tok.pos_ == "VERB":
            for c in tok.children:
                if c.dep_ == "nsubj" and (k := token_key.get(c.i) or next(
                        (token_key[g.i] for g in c.subtree if g.i in token_key and g.dep_ in ("poss", "amod", "compound")), "")):
                    return k  # "said Bolivia's president": the unnamed president speaks for Bolivia
    root = sent.root
    if any(t.is_quote for t in sent if t.i > root.i):
        return next((k for c in root.children if c.dep_ == "nsubj" and c.i < root.i and (k := token_key.get(c.i))), "")
    return ""
