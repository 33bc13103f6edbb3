"""Title-case headlines as the parser can read them.

"Kingdom Summons Envoy Over Border Raid" parses as a string of names; in sentence case ("Kingdom summons
envoy over border raid") it parses as a clause. ``sentence_case`` rewrites the first line of an article that
way before the parse. Only the case of letters changes, so every character offset stays the article's and
evidence is quoted from the article's own text.
"""
from __future__ import annotations

import re

from .gazetteer import gazetteer
from .keys import fold
from .lexicon import cues

__all__ = ["headline_span", "sentence_case"]

_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_SENTENCE_START = re.compile(r"(?:^|[.!?\"“]\s*|\n\s*)$")
_MIN_WORDS = 3
_LONG = 4  # title case capitalises every word of this many letters or more; short ones ("on", "of") vary


def headline_span(text: str) -> tuple[int, int] | None:
    """(start, end) of the article's first line when it is a title-case headline: three words or more, no
    closing full stop, every word of four letters or more capitalised; else None."""
    end = text.find("\n")
    line = text if end < 0 else text[:end]
    words = [m.group() for m in _WORD.finditer(line)]
    long = [w for w in words if len(w) >= _LONG]
    if len(words) < _MIN_WORDS or not long or line.rstrip().endswith((".", ":", '"', "”")):
        return None
    if not all(w[0].isupper() for w in long) or sum(w[0].isupper() for w in words) < _MIN_WORDS:
        return None
    return 0, len(line)


def sentence_case(text: str) -> str:
    """``text`` with a title-case headline (``headline_span``) in sentence case. A word keeps its capital when it
    opens the headline, is an acronym, is written capitalised inside a sentence of the body, or names a country,
    a people, a capital, a place, a region, a month or a day; the others are lowered."""
    span = headline_span(text)
    if span is None:
        return text
    start, end = span
    body_caps: set[str] = set()
    for m in _WORD.finditer(text, end):
        if m.group()[0].isupper() and not _SENTENCE_START.search(text[max(end, m.start() - 3) : m.start()]):
            body_caps.add(m.group())
    chars = list(text)
    for n, m in enumerate(_WORD.finditer(text, start, end)):
        word = m.group()
        if n == 0 or not word[0].isupper() or (word.isupper() and len(word) > 1) or word in body_caps or _named(word):
            continue
        chars[m.start()] = word[0].lower()
    return "".join(chars)


def _named(word: str) -> bool:
    """Whether the gazetteer or the calendar knows the word as a name."""
    gaz = gazetteer()
    key = fold(word)
    return key in cues().time_words or bool(gaz.country(word)) or bool(gaz.demonym(word)) or \
        key in gaz.capitals or key in gaz.places or key in gaz.regions
