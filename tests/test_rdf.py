"""kg.rdf: the export contract, exact round trips (hand-built and generated graphs), load errors, SHACL."""
from __future__ import annotations

import json
import string
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD

from kg.errors import InputError
from kg.nodelink import from_node_link
from kg.rdf import (
    CAMEO, ID, KG, NIF, PLOVER, article_iri, context, event_iri, from_rdf, node_iri, node_key, to_rdf, to_trig,
    validate, vocabulary,
)
from kg.rdf_io import read_rdf, write_rdf
from kg.schema import DIRECT_MODALITIES, MODALITIES, NODE_TYPES, PREDICATES

DATA = Path(__file__).parent / "data"


def read_graph(name: str) -> nx.MultiDiGraph:
    return from_node_link((DATA / f"{name}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def ruritania() -> nx.MultiDiGraph:
    return read_graph("ruritania")


def attr_types(G: nx.MultiDiGraph) -> list:
    """Every attribute value's type, recursively for lists, in a comparable form."""
    def kind(value):
        return [list, sorted({type(x).__name__ for x in value})] if isinstance(value, list) else type(value).__name__

    nodes = sorted((repr(n), k, kind(v)) for n, d in G.nodes(data=True) for k, v in d.items())
    edges = sorted((repr(e[:3]), k, kind(v)) for e in G.edges(keys=True, data=True) for k, v in e[3].items())
    return [nodes, edges, type(G.graph["articles"]).__name__]


def assert_same_graph(G: nx.MultiDiGraph, H: nx.MultiDiGraph) -> None:
    assert nx.utils.graphs_equal(G, H)
    assert sorted(map(repr, G.edges(keys=True))) == sorted(map(repr, H.edges(keys=True)))
    assert attr_types(G) == attr_types(H)
    assert G.graph["articles"] == H.graph["articles"]


# ---------------------------------------------------------------- contract


def test_rdf_export_matches_hand_written_turtle():
    g = to_rdf(read_graph("tiny")) - vocabulary()
    blanks: dict = {}

    def blank(term):
        if isinstance(term, URIRef) and str(term).startswith((f"{ID}event/", f"{ID}sentence/")):
            return blanks.setdefault(term, BNode())
        return term

    got = Graph()
    for s, p, o in g:
        got.add((blank(s), p, blank(o)))
    expected = Graph().parse(DATA / "tiny.ttl", format="turtle")
    assert isomorphic(got, expected), (got - expected).serialize(format="turtle")


def test_rdf_every_node_has_one_type_and_one_label(ruritania):
    g = to_rdf(ruritania)
    for key, attrs in ruritania.nodes(data=True):
        s = node_iri(key)
        assert set(g.objects(s, RDF.type)) == {KG[attrs["type"]]}
        assert list(g.objects(s, RDFS.label)) == [Literal(attrs["label"])]
        assert {str(o) for o in g.objects(s, SKOS.altLabel)} == set(attrs["aliases"])


def test_rdf_direct_triples_only_for_direct_modalities(ruritania):
    g = to_rdf(ruritania)
    for u, v, k, attrs in ruritania.edges(keys=True, data=True):
        direct = (node_iri(u), KG[attrs["predicate"]], node_iri(v)) in g
        # edges with the same actor, predicate and target share one direct triple
        siblings = [d for _, b, d in ruritania.edges(u, data=True) if b == v and d["predicate"] == attrs["predicate"]]
        assert direct == any(d["modality"] in DIRECT_MODALITIES for d in siblings), (u, v, k)
    hypothetical = ("country/FD", "country/RR", "struck:a3:0:country/RR")
    assert (node_iri("country/FD"), KG.struck, node_iri("country/RR")) not in g
    assert (event_iri(*hypothetical), KG.modality, Literal("hypothetical")) in g


def test_rdf_event_has_evidence_codes_and_types(ruritania):
    g = to_rdf(ruritania)
    e = event_iri("country/RR", "country/FD", "struck:a1:0:country/FD")
    assert (e, RDF.type, KG.Event) in g
    assert g.value(e, KG.predicate) == KG.struck
    assert g.value(e, KG.cameo) == CAMEO["190"]
    assert (CAMEO["190"], SKOS.notation, Literal("190")) in g
    assert g.value(e, KG.plover) == PLOVER["ASSAULT"]
    assert g.value(e, KG.date) == Literal("2031-03-03", datatype=XSD.date)
    assert g.value(e, KG.casualties).datatype == XSD.integer
    assert g.value(e, KG.confidence).datatype == XSD.decimal
    assert g.value(e, KG.place) == node_iri("place/zenda")
    s = g.value(e, PROV.wasDerivedFrom)
    assert {KG.Sentence, NIF.String} <= set(g.objects(s, RDF.type))
    assert g.value(s, NIF.beginIndex) == Literal(0, datatype=XSD.nonNegativeInteger)
    assert g.value(s, NIF.referenceContext) == article_iri("a1")
    assert (article_iri("a1"), RDF.type, NIF.Context) in g


def test_rdf_shared_sentence_is_one_node(ruritania):
    g = to_rdf(ruritania)
    a = g.value(event_iri("org/league-of-sylvania", "country/FD", "mediated:a2:101:country/FD"), PROV.wasDerivedFrom)
    b = g.value(event_iri("org/league-of-sylvania", "country/RR", "mediated:a2:101:country/RR"), PROV.wasDerivedFrom)
    assert a == b


def test_rdf_geonames_links_to_sws(ruritania):
    g = to_rdf(ruritania)
    assert (node_iri("place/zenda"), OWL.sameAs, URIRef("https://sws.geonames.org/1000002/")) in g
    assert g.value(node_iri("place/zenda"), KG.locatedIn) == node_iri("country/RR")


def test_rdf_vocabulary_links_every_predicate_to_its_concepts():
    g = vocabulary()
    for p in PREDICATES.values():
        cameo = g.value(KG[p.name], KG.cameoConcept)
        assert g.value(cameo, SKOS.notation) == Literal(p.cameo)
        assert (cameo, RDF.type, SKOS.Concept) in g
        plover = g.value(KG[p.name], KG.ploverConcept)
        assert p.plover in str(plover) and (plover, SKOS.inScheme, None) in g


@pytest.mark.parametrize("key", ["country/RR", "a b", "x<y>\"{}|^`\\", "\u00e9\u65e5\U0001f600", "\x00\x1f\x7f",
                                 "%41", "event/abc", "article/a1", "./..", "", "a/../b", "#frag?q"])
def test_rdf_node_iri_is_safe_and_invertible(key):
    iri = node_iri(key)
    assert all(c.isascii() and c.isprintable() and c not in ' <>"{}|^`\\' for c in iri)
    assert "/./" not in iri and "/../" not in iri
    assert not iri.startswith((f"{ID}event/", f"{ID}article/", f"{ID}sentence/"))
    assert node_key(iri) == key


# ---------------------------------------------------------------- round trips


@pytest.mark.parametrize("fmt", ["turtle", "nt", "json-ld", "xml"])
def test_rdf_round_trip_through_serialization(ruritania, fmt):
    text = to_rdf(ruritania).serialize(format=fmt)
    assert_same_graph(ruritania, from_rdf(Graph().parse(data=text, format=fmt)))


def test_rdf_round_trip_through_json_ld_with_the_kg_context(ruritania):
    text = to_rdf(ruritania).serialize(format="json-ld", context=context())
    assert '"@context"' in text and '"kg:Event"' in text
    assert_same_graph(ruritania, from_rdf(Graph().parse(data=text, format="json-ld")))


def test_rdf_from_rdf_reads_a_dataset_directly(ruritania):
    assert_same_graph(ruritania, from_rdf(to_trig(ruritania)))


def test_rdf_trig_has_one_named_graph_per_article(ruritania):
    ds = to_trig(ruritania)
    names = {g.identifier for g in ds.graphs() if g.identifier != ds.default_graph.identifier}
    assert {article_iri(a) for a in ruritania.graph["articles"]} <= names
    a3 = ds.graph(article_iri("a3"))
    assert (event_iri("country/FD", "country/RR", "struck:a3:0:country/RR"), RDF.type, KG.Event) in a3
    assert (node_iri("org/league-of-sylvania"), RDF.type, KG.Organization) not in a3
    assert (KG.struck, KG.cameoConcept, None) in ds.default_graph
    back = Dataset(default_union=True)
    back.parse(data=ds.serialize(format="trig"), format="trig")
    assert_same_graph(ruritania, from_rdf(back))


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".jsonld", ".trig"])
def test_rdf_load_reads_each_export_format(ruritania, tmp_path, suffix):
    path = tmp_path / f"graph{suffix}"
    if suffix == ".trig":
        to_trig(ruritania).serialize(path, format="trig")
    else:
        to_rdf(ruritania).serialize(path, format={".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld"}[suffix], encoding="utf-8")
    assert_same_graph(ruritania, read_rdf(path))


def test_rdf_load_folder_means_graph_ttl(ruritania, tmp_path):
    to_rdf(ruritania).serialize(tmp_path / "graph.ttl", format="turtle")
    assert_same_graph(ruritania, read_rdf(tmp_path))


@pytest.mark.parametrize("suffix", [".ttl", ".trig", ".jsonld", ".nt", ".nq"])
def test_rdf_write_rdf_does_not_depend_on_insertion_order_and_read_rdf_inverts_it(ruritania, tmp_path, suffix):
    shuffled = nx.MultiDiGraph(articles=dict(reversed(ruritania.graph["articles"].items())))
    shuffled.add_nodes_from(reversed(list(ruritania.nodes(data=True))))
    shuffled.add_edges_from(reversed(list(ruritania.edges(keys=True, data=True))))
    a, b = write_rdf(shuffled, tmp_path / f"a{suffix}"), write_rdf(ruritania, tmp_path / f"b{suffix}")
    assert a.read_bytes() == b.read_bytes()
    assert_same_graph(ruritania, read_rdf(a))


def test_rdf_empty_graph_round_trips():
    G = nx.MultiDiGraph(articles={})
    assert_same_graph(G, from_rdf(to_rdf(G)))


def test_rdf_integer_edge_keys_stay_integers():
    G = nx.MultiDiGraph(articles={})
    G.add_node("r", type="Country", label="R", aliases=[], articles=[])
    G.add_edge("r", "r", key=0, predicate="met", modality="asserted", confidence=1.0)
    G.add_edge("r", "r", key="0", predicate="met", modality="asserted", confidence=1.0)
    assert_same_graph(G, from_rdf(Graph().parse(data=to_rdf(G).serialize(format="turtle"), format="turtle")))


def test_rdf_refuses_a_node_without_a_known_type():
    G = nx.MultiDiGraph(articles={})
    G.add_node("x", type="Planet", label="X")
    with pytest.raises(ValueError, match="Planet"):
        to_rdf(G)


# Hostile text: every character class the IRI and literal encoders must survive.
_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12) | st.text(
    st.sampled_from(list(' <>"{}|^`\\%#?./:&\n\r\t\x00\x0b\x1f\x7f\u00a0\u2028\ufeff\U0001f600\u00e9') + list(string.ascii_letters)),
    max_size=12)
_date = st.dates().map(lambda d: d.isoformat()) | _text


@st.composite
def kg_graphs(draw) -> nx.MultiDiGraph:
    articles = draw(st.dictionaries(_text, st.fixed_dictionaries(
        {"title": _text, "path": _text, "date": _date, "url": _text}), max_size=3))
    article_ids = sorted(articles) or ["a"]
    G = nx.MultiDiGraph(articles=articles)
    keys = draw(st.lists(_text, min_size=1, max_size=5, unique=True))
    optional = {"role": _text, "affiliation": st.sampled_from(keys), "located_in": st.sampled_from(keys),
                "iso": _text, "geonames": st.integers(1, 2**40)}
    for key in keys:
        attrs = {"type": draw(st.sampled_from(NODE_TYPES)), "label": draw(_text),
                 "aliases": sorted(draw(st.sets(_text, max_size=3))),
                 "articles": sorted(draw(st.sets(st.sampled_from(article_ids), max_size=2))),
                 "mentions": draw(st.integers(0, 10**6)), "first_sentence": draw(_text)}
        for name in draw(st.sets(st.sampled_from(sorted(optional)))):
            attrs[name] = draw(optional[name])
        G.add_node(key, **attrs)
    edge_optional = {"source": st.sampled_from(keys), "date": _date, "place": st.sampled_from(keys),
                     "casualties": st.integers(0, 10**4)}
    for _ in range(draw(st.integers(0, 6))):
        name = draw(st.sampled_from(sorted(PREDICATES)))
        start = draw(st.integers(0, 10**5))
        attrs = {"predicate": name, "modality": draw(st.sampled_from(MODALITIES)),
                 "cameo": PREDICATES[name].cameo, "plover": PREDICATES[name].plover,
                 "confidence": draw(st.floats(0, 1)), "article": draw(st.sampled_from(article_ids)),
                 "sentence": draw(_text), "start": start, "end": start + draw(st.integers(1, 500)),
                 "trigger": draw(_text)}
        for opt in draw(st.sets(st.sampled_from(sorted(edge_optional)))):
            attrs[opt] = draw(edge_optional[opt])
        G.add_edge(draw(st.sampled_from(keys)), draw(st.sampled_from(keys)), key=draw(_text), **attrs)
    return G


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kg_graphs())
def test_rdf_round_trip_any_graph_through_turtle(G):
    text = to_rdf(G).serialize(format="turtle")
    assert_same_graph(G, from_rdf(Graph().parse(data=text, format="turtle")))


# ---------------------------------------------------------------- load errors


@pytest.mark.parametrize("name, content, message", [
    ("missing.ttl", None, "no such file; run `kg build"),
    ("graph.csv", "a,b", "unknown export format '.csv'"),
    ("graph.ttl", "<a> <b> .", "not valid Turtle"),
    ("graph.jsonld", "{not json", "not valid JSON-LD"),
    ("graph.ttl", "<https://w3id.org/kg-news/id/event/x> a <https://w3id.org/kg-news/ontology#Event> .",
     "not a kg export"),
])
def test_rdf_load_errors_name_the_file_and_the_fix(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_rdf(path)
    text = str(info.value)
    assert message in text and str(path) in text and "\n" not in text


# ---------------------------------------------------------------- SHACL


def test_rdf_valid_graph_conforms(ruritania):
    conforms, report = validate(to_rdf(ruritania))
    assert conforms, report


def test_rdf_every_modality_conforms_and_only_direct_ones_get_the_direct_triple(ruritania):
    # each modality kg writes, "alleged" (an attack someone is accused of) among them, passes the shapes
    assert "alleged" in MODALITIES and "alleged" not in DIRECT_MODALITIES
    for modality in MODALITIES:
        G = ruritania.copy()
        G.edges["country/RR", "country/FD", "struck:a1:0:country/FD"].update(modality=modality)
        g = to_rdf(G)
        conforms, report = validate(g)
        assert conforms, (modality, report)
        direct = (node_iri("country/RR"), KG.struck, node_iri("country/FD")) in g
        assert direct == (modality in DIRECT_MODALITIES or _struck_elsewhere(ruritania)), modality


def _struck_elsewhere(G) -> bool:
    """Whether another asserted struck edge links the same two nodes (it would keep the direct triple)."""
    return any(k != "struck:a1:0:country/FD" and d["predicate"] == "struck" and d["modality"] in ("asserted", "offered")
               for k, d in G.get_edge_data("country/RR", "country/FD", default={}).items())


@pytest.mark.parametrize("edit, constraint", [
    (lambda G: G.edges["country/RR", "country/FD", "struck:a1:0:country/FD"].update(confidence=1.5), "MaxInclusive"),
    (lambda G: G.edges["country/RR", "country/FD", "struck:a1:0:country/FD"].update(modality="rumoured"), "In"),
    (lambda G: G.edges["country/RR", "country/FD", "struck:a1:0:country/FD"].update(date="3 March"), "Datatype"),
    (lambda G: G.edges["country/RR", "country/FD", "struck:a1:0:country/FD"].update(start=50), "LessThan"),
    (lambda G: G.edges["country/RR", "country/FD", "struck:a1:0:country/FD"].update(casualties=-1), "MinInclusive"),
    (lambda G: G.graph["articles"]["a1"].update(date="yesterday"), "Datatype"),
])
def test_rdf_broken_graph_is_reported(ruritania, edit, constraint):
    G = ruritania.copy()
    G.graph["articles"] = json.loads(json.dumps(ruritania.graph["articles"]))
    edit(G)
    conforms, report = validate(G)
    assert not conforms
    assert f"{constraint}ConstraintComponent" in report


def test_rdf_shacl_reports_missing_label_actor_and_sentence(ruritania):
    g = to_rdf(ruritania)
    e = event_iri("country/RR", "country/FD", "struck:a1:0:country/FD")
    g.remove((node_iri("country/FD"), RDFS.label, None))
    g.add((node_iri("place/zenda"), RDF.type, KG.Country))  # two entity types
    g.remove((e, PROV.wasDerivedFrom, None))
    g.remove((e, KG.actor, None))
    conforms, report = validate(g)
    assert not conforms
    assert "exactly one rdfs:label" in report
    assert "exactly one of the types" in report
    assert "prov:wasDerivedFrom" in report
    assert "exactly one kg:actor" in report
