"""Acronyms: which capitals spell an acronym, which name an acronym stands for, and which acronyms name no one.

Three shapes, as measured on the news: an acronym mention is two to eight capitals ("IRGC"); one written in
parentheses after a name may carry dots, ampersands and lower-case letters ("U.S.", "AQAP", "IntCom"); a label
that looks like an acronym is two to ten capitals and dots and takes no part in naming its entity.
"""
from __future__ import annotations

import re
from collections import defaultdict

from spacy.tokens import Doc, Span

from .lexicon import cues
from .nlp import DASHES
from .schema import Mention

__all__ = ["acronym_tokens", "common_acronyms", "initials", "interviewer_tag", "is_acronym", "key_acronyms",
           "looks_like_acronym", "merge_expansions"]

_ACRONYM = re.compile(r"[A-Z]{2,8}")
_WRITTEN = re.compile(r"[A-Z][A-Za-z&.-]{1,9}")
_AFTER_NAME = re.compile(r"\s*\(([A-Z][A-Za-z&.-]{1,9})\)(?!\s*[-\u2013\u2014])")  # not a dateline's "(AP) -"
_LABEL = re.compile(r"[A-Z.]{2,10}")


def is_acronym(text: str) -> bool:
    """True for two to eight capitals: "IRGC", not "Irgc" or "U.S."."""
    return _ACRONYM.fullmatch(text) is not None


def looks_like_acronym(text: str) -> bool:
    """True for a label of two to ten capitals and dots ("U.S.", "NATO"): such a label does not name its entity."""
    return _LABEL.fullmatch(text) is not None


def common_acronyms(doc: Doc) -> set[str]:
    """Acronyms the article defines for a lower-case phrase: "exclusive economic zone (EEZ)" names no one."""
    out = set()
    for tok in doc[1:-1]:
        if doc[tok.i - 1].text != "(" or doc[tok.i + 1].text != ")" or not is_acronym(tok.text):
            continue
        words = [t for t in doc[max(0, tok.i - 1 - 2 * len(tok.text)) : tok.i - 1] if t.is_alpha and t.lower_ not in cues().glue_words]
        words = words[-len(tok.text):]
        if len(words) == len(tok.text) and "".join(t.text[0] for t in words).upper() == tok.text and \
                all(t.text.islower() for t in words):
            out.add(tok.text)
    return out


def merge_expansions(doc: Doc, mentions: list[Mention], sent_of: dict[int, int]) -> list[Mention]:
    """"ISIS (Islamic State of Iraq and Syria)": the parenthesised expansion is one name, typed as its acronym."""
    out: list[Mention] = []
    skip_until = -1
    for m in mentions:
        if m.tokens[0] < skip_until:
            continue
        out.append(m)
        s, e = m.tokens
        if not is_acronym(m.text) or e >= len(doc) or doc[e].text != "(":
            continue
        close = next((t.i for t in doc[e + 1 : e + 15] if t.text == ")"), None)
        if close is None:
            continue
        inner = doc[e + 1 : close]
        words = [w for w in re.split(r"[\s-]+", inner.text) if w and w.lower() not in cues().expansion_skip_words]
        if "".join(w[0] for w in words).upper() == m.text:
            out.append(Mention(text=inner.text, start=inner.start_char, end=inner.end_char, tokens=(inner.start, inner.end),
                               sent=sent_of[e + 1], type=m.type, key=m.key))
            skip_until = close
    return out


def acronym_tokens(doc: Doc, mentions: list[Mention], keys: list[str], token_key: dict[int, str]) -> dict[str, set[str]]:
    """Acronyms in parentheses after a name ("Balochistan Liberation Army (BLA)") and their later bare uses.

    Adds every token spelling such an acronym to ``token_key``; returns the acronyms per entity key.
    """
    found: dict[str, str] = {}
    for m, k in zip(mentions, keys):
        s, e = m.tokens
        if e + 2 < len(doc) and doc[e].text == "(" and doc[e + 2].text == ")" and not _credit(doc, e + 2):
            word = doc[e + 1].text
            if _WRITTEN.fullmatch(word) and word.upper() == word.replace(".", "").upper() \
                    and any(c.isupper() for c in word[1:]) and (e + 1) not in token_key or token_key.get(e + 1) == k:
                found.setdefault(word, k)
    out: dict[str, set[str]] = defaultdict(set)
    for tok in doc:
        k = found.get(tok.text)
        if k and tok.i not in token_key:
            token_key[tok.i] = k
        if k:
            out[k].add(tok.text)
    return out


def _credit(doc: Doc, closing: int) -> bool:
    """True when the parentheses closing at ``closing`` credit a wire agency in a dateline ("ZENDA, Ruritania (AP) -"):
    a dash follows, and the name before them is where the story was filed, not what the letters stand for."""
    return closing + 1 < len(doc) and doc[closing + 1].text in DASHES


def initials(name: str) -> str:
    """The capitalised initials of a name, skipping glue words: "Northern Liberation Front" -> "NLF"."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in cues().initials_skip_words]
    return "".join(w[0] for w in words if w[0].isalpha()).upper()


def key_acronyms(doc: Doc, mentions: list[Mention], keys: list[str]) -> None:
    """Give an acronym mention the key of the name it stands for: "Islamic Revolutionary Guard Corps (IRGC)" and a
    later bare "IRGC", or the one organisation or group whose initials it spells."""
    acronym_of: dict[str, str] = {}
    text = doc.text  # Doc.text rebuilds the string on every access
    for idx, m in enumerate(mentions):
        after = text[m.end : m.end + 12]
        if mm := _AFTER_NAME.match(after):
            acronym_of[mm.group(1).replace(".", "")] = keys[idx]
    long_names = [(m, k) for m, k in zip(mentions, keys) if len(m.text.split()) > 1 and m.type in ("Organization", "Group")]
    for idx, m in enumerate(mentions):
        word = m.text.replace(".", "")
        if not is_acronym(word) or m.type == "Country":
            continue
        if word in acronym_of:
            keys[idx] = acronym_of[word]
            continue
        for other, k in long_names:
            if initials(other.text) == word:
                keys[idx] = k
                break


def interviewer_tag(span: Span) -> bool:
    """An abbreviation alone in double parentheses, "((ZN))": who speaks next in an interview transcript."""
    doc = span.doc  # the text around the span from its neighbours (doc.text would rebuild the whole article)
    before = doc[max(0, span.start - 2) : span.start].text_with_ws[-2:]
    after = (span[-1].whitespace_ + doc[span.end : span.end + 2].text_with_ws)[:2]
    return before == "((" and after == "))" and span.text.isupper() and len(span) == 1
