"""News outlets named in the copy: a name that reports, is cited or stands beside "news agency" is the outlet
("according to Xinhua", "state news agency Saba reported"), not the town a gazetteer lists under that name."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import cues

if TYPE_CHECKING:
    from spacy.tokens import Span

__all__ = ["news_source"]


def news_source(span: Span) -> bool:
    """Whether the one-word name ``span`` is a news outlet by the words around it: the object of "according to",
    the subject of a verb of reporting, or a name beside a news-source noun ("news agency Saba", "Saba news agency")."""
    if len(span) != 1:
        return False
    root, doc = span.root, span.doc
    before = doc[span.start - 1] if span.start else None
    after = doc[span.end] if span.end < len(doc) else None
    cited = root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lower_ == "according"
    reporting = root.dep_ == "nsubj" and root.head.lemma_.lower() in cues().reporting_verbs
    beside = any(t is not None and t.text.islower() and t.lemma_.lower() in cues().news_source_nouns for t in (before, after))
    return cited or reporting or beside
