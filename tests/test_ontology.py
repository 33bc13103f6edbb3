"""ontology/: kg.ttl, shapes.ttl and context.jsonld parse, and agree with vocabulary.csv and kg/rdf.py."""
from __future__ import annotations

import ast
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH

import kg.rdf
from kg.rdf import KG, PREFIXES, vocabulary
from kg.schema import MODALITIES, NODE_TYPES, ONTOLOGY, PREDICATES

FILES = ["kg.ttl", "shapes.ttl"]


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY / "kg.ttl", format="turtle")


@pytest.mark.parametrize("name", FILES)
def test_ontology_parses_in_rdflib_and_pyoxigraph(name):
    g = Graph().parse(ONTOLOGY / name, format="turtle")
    quads = list(ox.parse(path=str(ONTOLOGY / name), format=ox.RdfFormat.TURTLE))
    assert len(g) == len(quads) > 50


def declared(g: Graph, term: URIRef) -> bool:
    types = set(g.objects(term, RDF.type))
    return bool(types & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty})


def test_ontology_declares_every_vocabulary_predicate(ontology):
    for p in PREDICATES.values():
        prop = KG[p.name]
        assert (prop, RDF.type, OWL.ObjectProperty) in ontology, p.name
        assert ontology.value(prop, RDFS.label) == Literal(p.label, lang="en")
        assert ontology.value(prop, RDFS.comment) is not None
        assert (prop, RDFS.subPropertyOf, KG.relation) in ontology
        assert ontology.value(prop, RDFS.domain) == KG.Entity


def test_ontology_declares_no_relation_outside_the_vocabulary(ontology):
    relations = {str(s).removeprefix(str(KG._NS)) for s in ontology.subjects(RDFS.subPropertyOf, KG.relation)}
    assert relations == set(PREDICATES)


def test_ontology_declares_every_kg_term_of_the_namespace(ontology):
    terms = [*KG.__annotations__, *KG._extras]
    assert {"Country", "struck", "actor", "mentionedIn"} <= set(terms)
    for term in terms:
        assert declared(ontology, KG[term]), term
        assert ontology.value(KG[term], RDFS.label) is not None, term


def test_ontology_declares_every_kg_term_used_in_rdf_py(ontology):
    used = set()
    for module in ("rdf.py", "namespace.py", "rdf_io.py"):
        tree = ast.parse((Path(kg.rdf.__file__).parent / module).read_text(encoding="utf-8"))
        used |= {node.attr for node in ast.walk(tree)
                 if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "KG"}
    used -= {"_NS", "_extras", "__annotations__"}
    assert {"Event", "actor", "edgeKey", "cameoConcept"} <= used
    for term in used:
        assert declared(ontology, KG[term]), term
    with pytest.raises(AttributeError):
        KG.strcuk  # noqa: B018 - a typo fails instead of minting an IRI


def test_ontology_node_types_are_entity_classes(ontology):
    for kind in NODE_TYPES:
        supers = set(ontology.transitive_objects(KG[kind], RDFS.subClassOf))
        assert KG.Entity in supers, kind
    assert URIRef("https://schema.org/Place") in set(ontology.objects(KG.Place, RDFS.subClassOf))
    assert URIRef("https://schema.org/Person") in set(ontology.objects(KG.Official, RDFS.subClassOf))


def test_ontology_properties_have_label_comment_domain_and_range(ontology):
    for prop in set(ontology.subjects(RDF.type, OWL.ObjectProperty)) | set(ontology.subjects(RDF.type, OWL.DatatypeProperty)):
        assert ontology.value(prop, RDFS.label) is not None, prop
        assert ontology.value(prop, RDFS.comment) is not None, prop
        assert ontology.value(prop, RDFS.domain) is not None, prop
        if prop != KG.edgeKey:  # a string or an integer, as the networkx key was
            assert ontology.value(prop, RDFS.range) is not None, prop


def test_ontology_generated_vocabulary_agrees_with_kg_ttl(ontology):
    g = vocabulary()
    for p in PREDICATES.values():
        assert g.value(KG[p.name], RDFS.label) == ontology.value(KG[p.name], RDFS.label)


def test_ontology_shapes_modalities_match_schema():
    shapes = Graph().parse(ONTOLOGY / "shapes.ttl", format="turtle")
    prop = next(shapes.subjects(SH.path, KG.modality))
    assert [str(x) for x in Collection(shapes, shapes.value(prop, SH["in"]))] == list(MODALITIES)
    entity = next(shapes.subjects(SH.targetClass, KG.Country))
    assert {str(c).removeprefix(str(KG._NS)) for c in shapes.objects(entity, SH.targetClass)} == set(NODE_TYPES)


def test_ontology_context_has_the_export_prefixes_and_the_incident_terms():
    context = json.loads((ONTOLOGY / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    assert {k: v for k, v in context.items() if k in PREFIXES} == PREFIXES
    terms = {k: v if isinstance(v, str) else v["@id"] for k, v in context.items() if k not in PREFIXES}
    assert terms == {t: f"kg:{t}" for t in ("Incident", "incident", "corroboration", "reportedIn", "mergeReason", "dateEnd")}


def test_ontology_vocabulary_gives_the_reader_its_predicate_properties():
    """Which predicates are attacks, take several targets, are diplomatic or never take a node type as object is
    read from vocabulary.csv, as booleans and type sets."""
    assert {n for n, p in PREDICATES.items() if p.attack} == {"struck", "killed", "retaliatedAgainst"}
    assert {n for n, p in PREDICATES.items() if p.diplomatic} == {"summoned", "expelledDiplomat", "recalledAmbassador"}
    assert PREDICATES["met"].multi_target and not PREDICATES["accused"].multi_target
    assert PREDICATES["killed"].never_object == {"Country", "Place", "Group"} and PREDICATES["met"].never_object == {"Place"}
    assert PREDICATES["retaliatedAgainst"].never_object == {"Place"}
    assert PREDICATES["struck"].never_object == frozenset()


@pytest.mark.parametrize("column,value,message", [
    ("attack", "Yes", "struck: attack is 'Yes'; write yes or leave it empty"),
    ("never_object", "Place|Town", "struck: never_object names ['Town']"),
])
def test_ontology_vocabulary_rejects_a_bad_property_naming_the_file(tmp_path, column, value, message):
    import csv
    import re

    from kg.schema import _read_vocabulary

    with (ONTOLOGY / "vocabulary.csv").open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    rows[0][column] = value
    bad = tmp_path / "vocabulary.csv"
    with bad.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    with pytest.raises(ValueError, match="^" + re.escape(f"{bad}: {message}")):
        _read_vocabulary(bad)
