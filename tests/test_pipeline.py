"""The seed article, checked as facts over its RDF export (SPARQL ASK), not as a snapshot."""
from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

import kg
from kg.sparql import run_query


def ask(exports, body: str) -> bool:
    _, rows = run_query(exports / "graph.ttl", f"ASK {{ {body} }}")
    return rows == [["true"]]


def by_label(label: str) -> str:
    return f'?{label.replace(" ", "_").replace(".", "")} rdfs:label|skos:altLabel "{label}" .'


FACTS = {
    "pakistan struck iran": '?p rdfs:label "Pakistan" . ?i rdfs:label "Iran" . ?p kg:struck ?i .',
    "pakistan struck the militant groups": '?p rdfs:label "Pakistan" . ?g a kg:Group ; rdfs:label "Balochistan Liberation Army" . ?p kg:struck ?g .',
    "irgc struck jaish al-adl": '?o skos:altLabel "IRGC" . ?g rdfs:label "Jaish al-Adl" . ?o kg:struck ?g .',
    "china offered to mediate": '''?c rdfs:label "China" . ?i rdfs:label "Iran" . ?p rdfs:label "Pakistan" .
        ?c kg:mediated ?i , ?p . ?e kg:actor ?c ; kg:target ?i ; kg:predicate kg:mediated ; kg:modality "offered" .''',
    "us urged restraint": '?u rdfs:label "United States" . ?u kg:urgedRestraint ?x .',
    "iran condemned pakistan": '?i rdfs:label "Iran" . ?p rdfs:label "Pakistan" . ?i kg:condemned ?p .',
    "iran summoned pakistan's diplomat": '?m kg:affiliation ?i . ?i rdfs:label "Iran" . ?p rdfs:label "Pakistan" . ?m kg:summoned ?p .',
    "pakistan expelled iran's envoy": '?p rdfs:label "Pakistan" . ?i rdfs:label "Iran" . ?p kg:expelledDiplomat ?i .',
    "pakistan recalled its ambassador": '?p rdfs:label "Pakistan" . ?i rdfs:label "Iran" . ?p kg:recalledAmbassador ?i .',
    "evidence is reachable": '''?e kg:predicate kg:struck ; prov:wasDerivedFrom ?s . ?s nif:anchorOf ?text ;
        nif:beginIndex ?b ; nif:referenceContext ?a . ?a dcterms:title ?t .''',
}


@pytest.mark.parametrize("fact", sorted(FACTS))
def test_pipeline_seed_fact(seed_exports, fact):
    assert ask(seed_exports, FACTS[fact]), fact


@pytest.mark.parametrize("label,aliases", [
    ("Pakistan", ["Islamabad", "Pakistani"]),
    ("Iran", ["Tehran", "Iranian"]),
    ("United States", ["U.S."]),
    ("China", []),
])
def test_pipeline_seed_countries_carry_their_aliases(seed_exports, label, aliases):
    assert ask(seed_exports, f'?c a kg:Country ; rdfs:label "{label}" .')
    for alias in aliases:
        assert ask(seed_exports, f'?c a kg:Country ; rdfs:label "{label}" ; skos:altLabel "{alias}" .'), alias
        assert not ask(seed_exports, f'?x rdfs:label "{alias}" .'), f"{alias} is a node of its own"


@pytest.mark.parametrize("name,type_", [
    ("Anwarul Haq Kakar", "Official"), ("Joe Biden", "Official"), ("Mumtaz Zahra Baloch", "Official"),
    ("BLA", "Group"), ("BLF", "Group"), ("Jaish al-Adl", "Group"),
    ("IRGC", "Organization"), ("Foreign Office", "Organization"), ("National Security Council", "Organization"),
    ("Saravan", "Place"), ("Sistan-o-Baluchistan", "Place"), ("Balochistan", "Place"), ("Davos", "Place"),
])
def test_pipeline_seed_entity_types(seed_exports, name, type_):
    assert ask(seed_exports, f'?x a kg:{type_} ; rdfs:label|skos:altLabel "{name}" .')


@pytest.mark.parametrize("name,country", [
    ("Anwarul Haq Kakar", "Pakistan"), ("Joe Biden", "United States"), ("Mumtaz Zahra Baloch", "Pakistan")])
def test_pipeline_seed_officials_have_role_and_affiliation(seed_exports, name, country):
    assert ask(seed_exports, f'?x a kg:Official ; rdfs:label "{name}" ; kg:role ?r ; kg:affiliation ?c . ?c rdfs:label "{country}" .')


def test_pipeline_seed_headline_fragment_is_no_person(seed_graph):
    assert not any("escalation" in d["label"].lower() for _, d in seed_graph.nodes(data=True))


def test_pipeline_build_then_load_is_lossless(seed_graph, seed_exports):
    loaded = kg.load(seed_exports / "graph.ttl")
    assert nx.utils.graphs_equal(seed_graph, loaded)
    for u, v, k, d in seed_graph.edges(keys=True, data=True):
        assert {a: type(x) for a, x in d.items()} == {a: type(x) for a, x in loaded.edges[u, v, k].items()}


def test_pipeline_every_edge_is_coded_and_evidenced(seed_graph):
    text = (kg.api.Path(seed_graph.graph["articles"]["000_af08a837e2d8f2b7"]["path"])).read_text(encoding="utf-8")
    assert seed_graph.number_of_edges() >= 10
    for _, _, d in seed_graph.edges(data=True):
        assert d["cameo"] and d["plover"] and 0 < d["confidence"] <= 1
        assert text[d["start"]:d["end"]] == d["sentence"]
        assert d["trigger"] in d["sentence"]


def test_pipeline_seed_validates_against_the_shapes(seed_exports):
    from kg.rdf import validate

    conforms, report = validate(seed_exports / "graph.ttl")
    assert conforms, report


def test_pipeline_html_has_no_remote_assets(seed_exports):
    import re

    html = (seed_exports / "graph.html").read_text(encoding="utf-8")
    tags = re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", html, flags=re.I)
    assert tags and not any(re.search(r"(?:src|href)\s*=\s*[\"']?(?:https?:)?//", t, flags=re.I) for t in tags)


def test_pipeline_api_names_are_functions_even_after_importing_the_modules():
    import importlib

    importlib.import_module("kg.exports")
    importlib.import_module("kg.sparql")
    importlib.import_module("kg.store")
    assert all(callable(getattr(kg, name)) for name in ("build", "export", "load", "query", "push"))


DEV_ARTICLES = Path(__file__).resolve().parent.parent.parent / "shared" / "dev" / "articles"


@pytest.fixture(scope="module")
def dev_build(tmp_path_factory):
    assert DEV_ARTICLES.is_dir(), f"{DEV_ARTICLES} is missing: the development set sits beside the project"
    G = kg.build([DEV_ARTICLES])
    out = tmp_path_factory.mktemp("dev")
    kg.export(G, out)
    return G, out


def test_pipeline_dev_set_build_validates_and_round_trips(dev_build):
    from kg.rdf import validate

    G, out = dev_build
    assert len(G.graph["articles"]) == len(list(DEV_ARTICLES.glob("*.txt")))
    conforms, report = validate(out / "graph.ttl")
    assert conforms, report
    assert nx.utils.graphs_equal(G, kg.load(out / "graph.ttl"))


def test_pipeline_dev_set_merges_one_country_across_articles(dev_build):
    G, _ = dev_build
    iran = G.nodes["country/IR"]
    assert iran["label"] == "Iran" and len(iran["articles"]) > 2 and iran["geonames"] > 0 and iran["iso"] == "IR"


@pytest.mark.parametrize("name,params,expected", [
    ("who-struck-whom", {}, {"actor": "Pakistan", "target": "Iran"}),
    ("who-struck-whom", {}, {"actor": "Islamic Revolutionary Guard Corps", "target": "Jaish al-Adl"}),
    ("actor-activity", {"name": "China"}, {"action": "mediated", "target": "Pakistan", "modality": "offered"}),
    ("mediation-offers", {}, {"mediator": "China", "party": "Iran"}),
    ("condemnations", {}, {"actor": "Iran", "target": "Pakistan"}),
    ("timeline", {"a": "Pakistan", "b": "Iran"}, {"actor": "Pakistan", "action": "expelled diplomat", "target": "Iran"}),
    ("entities-by-type", {}, {"type": "Group", "label": "Balochistan Liberation Army", "aliases": "BLA"}),
    ("most-corroborated", {}, {"actor": "China", "action": "mediated", "target": "Iran"}),
])
def test_pipeline_saved_queries_answer_on_the_seed(seed_exports, name, params, expected):
    variables, rows = kg.query(seed_exports, name, **params)
    records = [dict(zip(variables, row)) for row in rows]
    assert any(all(r.get(k) == v for k, v in expected.items()) for r in records), records[:5]


def test_pipeline_timeline_is_in_date_order(seed_exports):
    variables, rows = kg.query(seed_exports, "timeline", a="Pakistan", b="Iran")
    dates = [dict(zip(variables, r))["date"] for r in rows]
    assert dates == sorted(dates) and len(dates) >= 4
