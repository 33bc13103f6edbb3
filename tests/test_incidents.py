"""kg.incidents: which reports are one incident, the export contract, the saved query. Invented articles only."""
from __future__ import annotations

import json
import random
from datetime import date

import networkx as nx
import pytest
from rdflib import Literal
from rdflib.namespace import RDF, XSD

import kg
from kg.graph import add_incidents, new_graph
from kg.incident_days import time_expressions
from kg.incidents import find_incidents
from kg.sparql import run_query
from kg.rdf import KG, from_rdf, incident_iri, to_rdf, to_trig, validate

NODES = {
    "country/RR": {"type": "Country", "label": "Ruritania"},
    "country/FD": {"type": "Country", "label": "Freedonia"},
    "country/SY": {"type": "Country", "label": "Sylvania"},
    "person/karl-brandt": {"type": "Official", "label": "Karl Brandt", "affiliation": "country/RR"},
    "person/anna-vogel": {"type": "Official", "label": "Anna Vogel", "affiliation": "country/FD"},
    "org/RR/air-force": {"type": "Organization", "label": "Ruritanian Air Force"},  # the key names its state
    "place/zenda": {"type": "Place", "label": "Zenda", "located_in": "country/FD"},
    "place/strelsau": {"type": "Place", "label": "Strelsau"},  # country unknown
    "group/black-elk": {"type": "Group", "label": "Black Elk Brigade"},
}

# Invented articles: id -> publication date.
ARTICLES = {"a1": "2031-03-05", "a2": "2031-03-06", "a3": "2031-03-12", "a4": "2031-03-06", "a5": "2031-03-20"}


def graph(*edges: tuple) -> nx.MultiDiGraph:
    """A kg graph of NODES and ``(u, predicate, v, article, start, sentence[, extra attrs])`` edges."""
    G = new_graph()
    for a, day in ARTICLES.items():
        G.graph["articles"][a] = {"title": f"Article {a}", "path": f"{a}.txt", "date": day, "url": ""}
    for key, attrs in NODES.items():
        G.add_node(key, aliases=[], articles=sorted(ARTICLES), mentions=1, first_sentence="", **attrs)
    for u, predicate, v, article, start, sentence, *extra in edges:
        # the day the relation reader gives: the one day the sentence states, else the article's date
        stated = [f[1] for f in time_expressions(sentence, date.fromisoformat(ARTICLES[article])) if f[3] == "stated"]
        attrs = {"predicate": predicate, "modality": "asserted", "cameo": "190", "plover": "ASSAULT",
                 "confidence": 0.9, "article": article, "sentence": sentence, "start": start,
                 "end": start + len(sentence), "trigger": "", "date": stated[0].isoformat() if len(stated) == 1 else ARTICLES[article], **(extra[0] if extra else {})}
        G.add_edge(u, v, key=f"{predicate}:{article}:{start}:{v}", **attrs)
    return G


def groups(G: nx.MultiDiGraph) -> set[frozenset[tuple[str, int]]]:
    """Incidents as sets of (article, offset) of their reports."""
    out: dict[str, set] = {}
    for _, _, d in G.edges(data=True):
        out.setdefault(d["incident"], set()).add((d["article"], d["start"]))
    return {frozenset(v) for v in out.values()}


def incident_of(G: nx.MultiDiGraph, article: str, start: int) -> str:
    return next(d["incident"] for _, _, d in G.edges(data=True) if (d["article"], d["start"]) == (article, start))


# A strike reported by three articles (a1 headline and body, a2, a4 through an official), another strike by the
# same parties a week later (a3), a habitual statement (a2) and a hypothetical one (a4).
STRIKE_EDGES = (
    ("country/RR", "struck", "country/FD", "a1", 0, "Ruritanian jets pound Freedonian border post"),
    ("org/RR/air-force", "struck", "place/zenda", "a1", 60, "The Ruritanian Air Force bombed a depot in Zenda on Tuesday."),
    ("country/RR", "struck", "country/FD", "a2", 0, "Freedonia counts the dead after Tuesday's raid on Zenda."),
    ("person/karl-brandt", "struck", "country/FD", "a4", 0, "Karl Brandt defended Tuesday's bombing of Freedonia."),
    ("country/RR", "struck", "country/FD", "a2", 90, "Ruritania has repeatedly struck Freedonia since 2029."),
    ("country/RR", "struck", "country/FD", "a3", 0, "Ruritanian jets struck Zenda again on Tuesday, a week after the first raid."),
    ("country/RR", "struck", "country/FD", "a4", 80, "Ruritania could strike Freedonia again.", {"modality": "hypothetical"}),
)


@pytest.fixture
def strikes() -> nx.MultiDiGraph:
    G = graph(*STRIKE_EDGES)
    add_incidents(G)
    return G


def test_incidents_merge_reports_of_one_strike_across_articles_and_levels(strikes):
    first = incident_of(strikes, "a1", 60)
    assert {incident_of(strikes, a, s) for a, s in [("a1", 0), ("a1", 60), ("a2", 0), ("a4", 0)]} == {first}
    record = strikes.graph["incidents"][first]
    assert record["actor"] == "country/RR"  # the air force and the official are Ruritania, one level up
    assert record["target"] == "country/FD"  # Zenda lies in Freedonia
    assert (record["predicate"], record["date"], record["place"]) == ("struck", "2031-03-04", "place/zenda")
    assert (record["corroboration"], record["articles"]) == (3, ["a1", "a2", "a4"])
    assert len(record["reasons"]) == 3 and all("joined" in r and "within 0 days" in r for r in record["reasons"])


def test_incidents_headline_and_body_are_one_incident():
    G = graph(STRIKE_EDGES[0], STRIKE_EDGES[1])
    add_incidents(G)
    assert groups(G) == {frozenset({("a1", 0), ("a1", 60)})}
    (record,) = G.graph["incidents"].values()
    assert record["corroboration"] == 1


def test_incidents_keep_a_distractor_a_week_later_apart(strikes):
    assert incident_of(strikes, "a3", 0) != incident_of(strikes, "a1", 60)
    assert strikes.graph["incidents"][incident_of(strikes, "a3", 0)]["date"] == "2031-03-11"


@pytest.mark.parametrize("start, why", [(90, "habitual or aggregate ('repeatedly')"), (80, "hypothetical")])
def test_incidents_never_merge_habitual_or_hypothetical_reports(strikes, start, why):
    article = "a2" if start == 90 else "a4"
    iid = incident_of(strikes, article, start)
    record = strikes.graph["incidents"][iid]
    assert sum(1 for *_, d in strikes.edges(data=True) if d["incident"] == iid) == 1
    assert record["corroboration"] == 1 and why in record["reasons"][0]


def test_incidents_do_not_depend_on_the_order_of_the_input():
    G = graph(*STRIKE_EDGES)
    add_incidents(G)
    want = (G.graph["incidents"], {(u, v, k): d["incident"] for u, v, k, d in G.edges(keys=True, data=True)})
    rng = random.Random(7)
    for _ in range(5):
        edges = list(STRIKE_EDGES)
        rng.shuffle(edges)
        H = graph(*edges)
        add_incidents(H)
        assert (H.graph["incidents"], {(u, v, k): d["incident"] for u, v, k, d in H.edges(keys=True, data=True)}) == want


def test_incidents_ids_stay_when_an_article_is_added():
    before = graph(*STRIKE_EDGES[:3], STRIKE_EDGES[5])
    add_incidents(before)
    joining = ("country/RR", "struck", "place/zenda", "a5", 0, "Two weeks after Zenda was bombed on March 4, the rubble is still there.")
    unrelated = ("country/SY", "condemned", "country/RR", "a5", 80, "Sylvania condemned Ruritania on Wednesday.")
    after = graph(*STRIKE_EDGES[:3], STRIKE_EDGES[5], joining, unrelated)
    add_incidents(after)
    assert set(before.graph["incidents"]) < set(after.graph["incidents"])
    first = incident_of(before, "a1", 60)
    assert incident_of(after, "a5", 0) == first
    assert after.graph["incidents"][first]["corroboration"] == 3
    for u, v, k, d in before.edges(keys=True, data=True):
        assert after.edges[u, v, k]["incident"] == d["incident"]


@pytest.mark.parametrize("predicate, days, merged", [
    ("struck", 1, False),  # a strike: the same day
    ("expelledDiplomat", 2, True),  # an expulsion: a few days
    ("expelledDiplomat", 6, False),
    ("condemned", 1, True),
])
def test_incidents_window_depends_on_the_kind_of_act(predicate, days, merged):
    first = date(2031, 3, 4)
    later = date.fromordinal(first.toordinal() + days)
    G = graph(("country/RR", predicate, "country/FD", "a1", 0, f"Ruritania acted on {first:%B} {first.day}."),
              ("country/RR", predicate, "country/FD", "a3", 0, f"Ruritania acted on {later:%B} {later.day}."))
    add_incidents(G)
    assert (len(G.graph["incidents"]) == 1) is merged


def test_incidents_a_named_person_is_killed_once():
    G = graph(("country/RR", "killed", "person/anna-vogel", "a1", 0, "Ruritania killed Anna Vogel on Tuesday."),
              ("country/RR", "killed", "person/anna-vogel", "a5", 0, "Anna Vogel, killed by Ruritania in early 2031, was buried."))
    add_incidents(G)
    (record,) = G.graph["incidents"].values()
    assert record["corroboration"] == 2 and "one named person" in record["reasons"][0]


def test_incidents_named_operations_join_across_days_and_split_on_the_same_day():
    G = graph(("country/RR", "struck", "country/FD", "a1", 0, "Ruritania launched Operation Iron Stag on Tuesday."),
              ("country/RR", "struck", "country/FD", "a3", 0, "Operation Iron Stag struck Freedonia again on Monday."),
              ("country/RR", "struck", "country/FD", "a3", 70, "Ruritania began Operation Grey Heron on Monday."))
    add_incidents(G)
    assert groups(G) == {frozenset({("a1", 0), ("a3", 0)}), frozenset({("a3", 70)})}


def test_incidents_persons_and_groups_are_targets_of_their_own():
    G = graph(("country/RR", "struck", "country/FD", "a1", 0, "Ruritania struck Freedonia on Tuesday."),
              ("country/RR", "struck", "group/black-elk", "a1", 50, "Ruritania struck the Black Elk Brigade on Tuesday."),
              ("country/RR", "struck", "place/strelsau", "a2", 0, "Ruritania struck Strelsau on Tuesday."))
    add_incidents(G)
    # Strelsau's country is unknown: it agrees with any place or country; the group stays apart.
    assert groups(G) == {frozenset({("a1", 0), ("a2", 0)}), frozenset({("a1", 50)})}


def test_incidents_two_people_of_one_state_make_two_statements():
    NODES["person/otto-lenz"] = {"type": "Official", "label": "Otto Lenz", "affiliation": "country/RR"}
    try:
        G = graph(("person/karl-brandt", "condemned", "country/FD", "a1", 0, "Karl Brandt condemned Freedonia on Tuesday."),
                  ("person/otto-lenz", "condemned", "country/FD", "a2", 0, "Otto Lenz condemned Freedonia on Tuesday."),
                  ("country/RR", "condemned", "country/FD", "a4", 0, "Ruritania condemned Freedonia on Tuesday."))
    finally:
        del NODES["person/otto-lenz"]
    add_incidents(G)
    assert len(G.graph["incidents"]) == 2
    assert {r["actor"] for r in G.graph["incidents"].values()} == {"country/RR"}


def test_incidents_meetings_are_symmetric():
    G = graph(("person/karl-brandt", "met", "person/anna-vogel", "a1", 0, "Karl Brandt met Anna Vogel on Tuesday."),
              ("country/FD", "met", "country/RR", "a2", 0, "Freedonia and Ruritania held talks on Tuesday."))
    add_incidents(G)
    assert len(G.graph["incidents"]) == 1


@pytest.mark.parametrize("sentence, want", [
    ("It happened on March 3.", (date(2031, 3, 3), date(2031, 3, 3), "stated")),
    ("It happened on 3 March 2030.", (date(2030, 3, 3), date(2030, 3, 3), "stated")),
    ("It happened on Tuesday.", (date(2031, 3, 4), date(2031, 3, 4), "stated")),
    ("It happened yesterday.", (date(2031, 3, 5), date(2031, 3, 5), "stated")),
    ("It happened earlier this week.", (date(2031, 2, 28), date(2031, 3, 5), "span")),
    ("It happened in mid-2030.", (date(2030, 4, 1), date(2030, 9, 30), "span")),
    ("It happened on December 30.", (date(2030, 12, 30), date(2030, 12, 30), "stated")),
])
def test_incidents_read_the_day_a_sentence_states(sentence, want):
    (found,) = time_expressions(sentence, date(2031, 3, 6))  # a Thursday
    assert found[1:] == want


@pytest.mark.parametrize("sentence", ["They campaigned in the 2030 election.", "It was held in 2030 Freedonian style."])
def test_incidents_a_year_before_a_name_or_noun_is_no_time(sentence):
    assert time_expressions(sentence, date(2031, 3, 6)) == ()


def test_incidents_a_vague_time_joins_only_an_unambiguous_incident():
    one = ("country/RR", "struck", "country/FD", "a1", 0, "Ruritania struck Freedonia on Tuesday.")
    two = ("country/RR", "struck", "country/FD", "a4", 0, "Ruritania struck Freedonia on Monday.")
    vague = ("country/RR", "struck", "country/FD", "a3", 0, "Ruritania struck Freedonia last week.")
    G = graph(one, vague)
    add_incidents(G)
    assert len(G.graph["incidents"]) == 1  # the only strike of those days
    G = graph(one, two, vague)
    add_incidents(G)
    assert len(G.graph["incidents"]) == 3  # two strikes last week: which one is not said


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "", "not a date"])
def test_incidents_survive_dates_at_the_ends_of_the_calendar(day):
    G = graph(("country/RR", "struck", "country/FD", "a1", 0, "Ruritania struck Freedonia on Tuesday."),
              ("country/RR", "struck", "country/FD", "a2", 0, "Ruritania struck Freedonia yesterday, last week and this week."))
    for meta in G.graph["articles"].values():
        meta["date"] = day
    for _, _, d in G.edges(data=True):
        d["date"] = day
    add_incidents(G)
    assert all(d["incident"] in G.graph["incidents"] for _, _, d in G.edges(data=True))


def test_incidents_export_contract_round_trip_and_shapes(strikes, tmp_path):
    g = to_rdf(strikes)
    events = set(g.subjects(RDF.type, KG.Event))
    assert events and all(len(list(g.objects(e, KG.incident))) == 1 for e in events)
    first = incident_iri(incident_of(strikes, "a1", 60))
    assert (first, RDF.type, KG.Incident) in g
    assert g.value(first, KG.corroboration) == Literal("3", datatype=XSD.integer)
    assert len(list(g.objects(first, KG.reportedIn))) == 3
    assert (first, KG.actor, None) in g and (first, KG.place, None) in g
    assert nx.utils.graphs_equal(from_rdf(g), strikes)
    assert nx.utils.graphs_equal(from_rdf(to_trig(strikes)), strikes)
    conforms, report = validate(g)
    assert conforms, report


def test_incidents_two_relations_of_one_sentence_keep_two_reasons_through_rdf():
    sentence = "Ruritania retaliated with strikes on Freedonia on Tuesday."
    G = graph(("country/RR", "struck", "country/FD", "a1", 0, sentence),
              ("country/RR", "retaliatedAgainst", "country/FD", "a1", 0, sentence),
              ("country/RR", "struck", "country/FD", "a2", 0, "Ruritania struck Freedonia on Tuesday."))
    add_incidents(G)
    (record,) = G.graph["incidents"].values()
    assert len(record["reasons"]) == 2
    assert nx.utils.graphs_equal(from_rdf(to_rdf(G)), G)


def test_incidents_shapes_require_an_incident_on_every_event_once_there_are_incidents(strikes):
    g = to_rdf(strikes)
    event = next(iter(g.subjects(RDF.type, KG.Event)))
    g.remove((event, KG.incident, None))
    conforms, report = validate(g)
    assert not conforms and "needs a kg:incident" in report


def test_incidents_shapes_check_the_corroboration_count(strikes):
    g = to_rdf(strikes)
    first = incident_iri(incident_of(strikes, "a1", 60))
    g.set((first, KG.corroboration, Literal("5", datatype=XSD.integer)))
    conforms, report = validate(g)
    assert not conforms and "number of kg:reportedIn" in report


def test_incidents_saved_query_lists_incidents_by_corroboration(strikes, tmp_path):
    kg.export(strikes, tmp_path)
    for name in ("graph.ttl", "graph.trig", "graph.jsonld"):
        assert nx.utils.graphs_equal(kg.load(tmp_path / name), strikes), name
    table = json.loads(nx.read_graphml(tmp_path / "graph.graphml", force_multigraph=True).graph["incidents"])
    assert table == strikes.graph["incidents"]
    variables, rows = run_query(tmp_path, "incidents")
    assert variables == ["incident", "articles", "actor", "action", "target", "date", "place", "article", "sentence"]
    first = incident_of(strikes, "a1", 60)
    top = [r for r in rows if r[0] == first]
    assert rows[: len(top)] == top and {r[1] for r in top} == {"3"}
    assert [r[7] for r in top] == ["Article a1", "Article a1", "Article a2", "Article a4"]
    assert top[0][2:7] == ["Ruritania", "struck", "Freedonia", "2031-03-04", "Zenda"]


def test_incidents_built_from_articles_end_to_end(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    for name, text in {"r1": "Peru strikes Chile\n2031-03-05\n\nPeru struck Chile on Tuesday.\n",
                       "r2": "Border tense\n2031-03-06\n\nOfficials said Peru struck Chile on Tuesday.\n",
                       "r3": "New strikes\n2031-03-12\n\nPeru struck Chile on Tuesday.\n"}.items():
        (corpus / f"{name}.txt").write_text(text, encoding="utf-8")
    G = kg.build(corpus)
    out = tmp_path / "out"
    kg.export(G, out)
    incident = {(d["article"], d["start"]): d["incident"] for _, _, d in G.edges(data=True) if d["predicate"] == "struck"}
    by_article: dict[str, set[str]] = {}
    for (article, _), iid in incident.items():
        by_article.setdefault(article, set()).add(iid)
    assert len(by_article["r1"]) == 1  # headline and body: one incident
    assert by_article["r1"] == by_article["r2"] != by_article["r3"]
    assert G.graph["incidents"][next(iter(by_article["r1"]))]["corroboration"] == 2
    assert nx.utils.graphs_equal(kg.load(out), G)
    conforms, report = validate(out / "graph.ttl")
    assert conforms, report
    reverse = kg.build(sorted(corpus.glob("*.txt"), reverse=True))  # the same corpus in another order
    assert reverse.graph["incidents"] == G.graph["incidents"]
    assert {(u, v, k): d["incident"] for u, v, k, d in reverse.edges(keys=True, data=True)} == \
        {(u, v, k): d["incident"] for u, v, k, d in G.edges(keys=True, data=True)}


def test_incidents_a_day_the_relation_reader_gave_another_clause_does_not_date_the_report():
    # the reader dated "missiles hit Zenda, where a raid on Tuesday killed ten" to its article (the day is the
    # earlier raid's): the report is not Tuesday's strike
    tuesday = ("country/RR", "struck", "place/zenda", "a1", 0, "Ruritania struck Zenda on Tuesday.")
    later = ("country/RR", "struck", "place/zenda", "a2", 0, "Ruritanian missiles hit Zenda, where a raid on Tuesday "
             "killed ten.", {"date": "2031-03-06"})
    G = graph(tuesday, later)
    add_incidents(G)
    assert incident_of(G, "a1", 0) != incident_of(G, "a2", 0)
    G = graph(tuesday, later[:6] + ({"date": "2031-03-04"},))  # the reader's Tuesday: one strike
    add_incidents(G)
    assert incident_of(G, "a1", 0) == incident_of(G, "a2", 0)
