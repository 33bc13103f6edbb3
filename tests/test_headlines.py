"""Title-case headlines: read in sentence case by the parser, quoted as written. Invented headlines."""
from __future__ import annotations

import pytest

from kg.headlines import headline_span, sentence_case


@pytest.mark.parametrize("text, want", [
    # verbs, nouns and prepositions lowered; countries, peoples and capitals keep their capital
    ("Chile Summons Peruvian Envoy Over Border Raid\n\nBody.", "Chile summons Peruvian envoy over border raid"),
    ("Bolivia, Peru Agree On Border Truce\n", "Bolivia, Peru agree on border truce"),
    # a name the body writes capitalised inside a sentence keeps its capital; an acronym stays
    ("Azure Front Claims Attack On UN Convoy\n\nOn Monday the Azure Front said so.",
     "Azure Front claims attack on UN convoy"),
])
def test_headlines_title_case_is_read_in_sentence_case(text, want):
    out = sentence_case(text)
    assert out.split("\n")[0] == want
    assert len(out) == len(text) and out.lower() == text.lower()  # only the case changes: offsets hold


@pytest.mark.parametrize("text", [
    "Chile summons Peruvian envoy over border raid\n",  # already sentence case
    "Chile Summons Envoy.\n",  # a sentence, not a headline
    "Peace Talks\n",  # too short to tell
    "Chile summoned the Peruvian envoy on Monday. Talks Were Held Later\n",
])
def test_headlines_other_first_lines_are_left_alone(text):
    assert headline_span(text) is None and sentence_case(text) == text


def test_headlines_parse_reads_the_headline_and_quotes_it_as_written(nlp):
    from kg.pipeline import extract_article, parse
    from kg.schema import Article

    text = "Chile Summons Peruvian Envoy Over Border Raid\n\nThe talks are due to resume next month.\n"
    ((doc, article),) = list(parse(nlp, [Article(id="a", path="a.txt", text=text, title="", date="2031-03-04")]))
    _, relations = extract_article(doc, article)
    summons = [r for r in relations if (r.subject, r.predicate, r.object) == ("country/CL", "summoned", "country/PE")]
    assert summons, relations
    assert summons[0].evidence.sentence == "Chile Summons Peruvian Envoy Over Border Raid"
