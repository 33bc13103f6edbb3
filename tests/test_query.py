"""kg.sparql (kg.query): SPARQL over exports with pyoxigraph, saved queries with known answers, refusals and errors."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.nodelink import read_node_link
from kg.errors import InputError, QueryError
from kg.sparql import describe, format_rows, query_params, run_query, saved_queries
from kg.rdf import to_rdf, to_trig

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def export(tmp_path_factory) -> Path:
    G = read_node_link(DATA / "ruritania.json")
    out = tmp_path_factory.mktemp("export")
    to_rdf(G).serialize(out / "graph.ttl", format="turtle")
    to_rdf(G).serialize(out / "graph.jsonld", format="json-ld")
    to_rdf(G).serialize(out / "graph.nt", format="nt", encoding="utf-8")
    to_trig(G).serialize(out / "graph.trig", format="trig")
    return out


COUNT_STRIKES = "SELECT (COUNT(*) AS ?n) WHERE { ?e kg:predicate kg:struck }"


@pytest.mark.parametrize("name", ["graph.ttl", "graph.jsonld", "graph.nt", "graph.trig", "."])
def test_query_select_over_each_export_format(export, name):
    assert run_query(export / name, COUNT_STRIKES) == (["n"], [["3"]])


def test_query_compacts_iris_unless_full_iris(export):
    q = "SELECT ?p WHERE { ?x rdfs:label 'Ruritania' ; ?p ?y . FILTER(?p = kg:struck) }"
    assert run_query(export, q) == (["p"], [["kg:struck"]])
    assert run_query(export, q, full_iris=True) == (["p"], [["https://w3id.org/kg-news/ontology#struck"]])


def test_query_ask_and_construct(export):
    assert run_query(export, "ASK { ?x rdfs:label 'Freedonia' }") == (["ask"], [["true"]])
    variables, rows = run_query(export, "CONSTRUCT { ?x rdfs:label ?l } WHERE { ?x a kg:Place ; rdfs:label ?l }")
    assert variables == ["subject", "predicate", "object"]
    assert rows == [["id:place/zenda", "rdfs:label", "Zenda"]]


@pytest.mark.parametrize("update", [
    "INSERT DATA { <http://example.org/a> <http://example.org/b> 'c' }",
    "# a comment\nPREFIX ex: <http://example.org/>\nDELETE WHERE { ?s ?p ?o }",
    "DROP ALL", "CLEAR DEFAULT", "LOAD <http://example.org/x.ttl>", "CREATE GRAPH <http://example.org/g>",
    "WITH <http://example.org/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
])
def test_query_refuses_updates(export, update):
    before = (export / "graph.ttl").read_bytes()
    with pytest.raises(QueryError, match="pass --allow-update"):
        run_query(export / "graph.ttl", update)
    assert (export / "graph.ttl").read_bytes() == before


def test_query_select_mentioning_insert_in_a_string_is_not_an_update(export):
    q = 'SELECT ?x WHERE { ?x rdfs:label ?l . FILTER(?l = "INSERT DATA") } # DELETE'
    assert run_query(export, q) == (["x"], [])


def test_query_allow_update_rewrites_the_file(tmp_path, export):
    path = tmp_path / "graph.ttl"
    path.write_bytes((export / "graph.ttl").read_bytes())
    variables, [[before, after]] = run_query(path, "DELETE WHERE { ?e kg:predicate kg:struck }", allow_update=True)
    assert int(after) == int(before) - 3
    assert run_query(path, COUNT_STRIKES) == (["n"], [["0"]])


@pytest.mark.parametrize("query", ["SELECT ?x WHERE { ?x ", "SELEC * WHERE {}", "SELECT * WHERE { ?x nope:y ?z }"])
def test_query_syntax_error_is_one_line(export, query):
    with pytest.raises(QueryError) as info:
        run_query(export, query)
    assert "SPARQL syntax error" in str(info.value) and "\n" not in str(info.value)


def test_query_missing_sources_and_files(tmp_path, export):
    with pytest.raises(InputError, match="no such file or folder"):
        run_query(tmp_path / "nope.ttl", COUNT_STRIKES)
    with pytest.raises(InputError, match="no graph.ttl"):
        run_query(tmp_path, COUNT_STRIKES)
    with pytest.raises(QueryError, match="no such query file"):
        run_query(export, "missing.rq")
    (tmp_path / "bad.ttl").write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(InputError, match="bad.ttl: not valid Turtle"):
        run_query(tmp_path / "bad.ttl", COUNT_STRIKES)


def test_query_reads_rq_files(tmp_path, export):
    path = tmp_path / "count.rq"
    path.write_text(COUNT_STRIKES, encoding="utf-8")
    assert run_query(export, path) == run_query(export, str(path)) == (["n"], [["3"]])


def test_query_params_are_bound_not_pasted(export):
    hostile = 'Ruritania" } } SELECT * WHERE { ?s ?p ?o } #'
    assert run_query(export, "actor-activity", params={"name": hostile})[1] == []


def test_query_saved_query_without_its_param_says_which(export):
    with pytest.raises(QueryError, match="--param a=VALUE, --param b=VALUE"):
        run_query(export, "timeline")


def test_query_every_saved_query_has_a_description():
    assert set(saved_queries()) == {"who-struck-whom", "actor-activity", "mediation-offers", "condemnations",
                                    "timeline", "entities-by-type", "most-corroborated", "incidents"}
    for name in saved_queries():
        assert describe(name), name
    assert query_params("timeline") == {"a": 'label or alias of the first actor, e.g. "Ruritania"',
                                        "b": 'label or alias of the second actor, e.g. "Freedonia"'}


SENT_A1 = "Ruritania shelled a Freedonian border post."
SENT_A2 = "Ruritania's strike on Freedonia was confirmed."
SENT_MEDIATE = "The League of Sylvania offered to mediate between Freedonia and Ruritania."


@pytest.mark.parametrize("name, params, variables, rows", [
    ("who-struck-whom", {}, ["actor", "target", "date", "sentence", "article"], [
        ["Ruritania", "Freedonia", "", SENT_A2, "Freedonia vows response"],
        ["Ruritania", "Freedonia", "2031-03-03", SENT_A1, "Ruritania shells border post"],
    ]),
    ("actor-activity", {"name": "Ruritanian Republic"},
     ["name", "actor", "action", "target", "modality", "date", "sentence", "article"], [
        ["Ruritanian Republic", "Ruritania", "struck", "Freedonia", "asserted", "", SENT_A2, "Freedonia vows response"],
        ["Ruritanian Republic", "Ruritania", "struck", "Freedonia", "asserted", "2031-03-03", SENT_A1,
         "Ruritania shells border post"],
    ]),
    ("actor-activity", {"name": "freedonia"}, None, [
        ["freedonia", "Freedonia", "struck", "Ruritania", "hypothetical", "",
         "Freedonia could strike Ruritania if talks fail.", ""],
        ["freedonia", "Freedonia", "threatened", "Ruritania", "asserted", "2031-03-05",
         "Freedonia warned Ruritania of consequences.", "Freedonia vows response"],
    ]),
    ("mediation-offers", {}, ["mediator", "party", "date", "sentence", "article"], [
        ["League of Sylvania", "Freedonia", "", SENT_MEDIATE, "Freedonia vows response"],
        ["League of Sylvania", "Ruritania", "", SENT_MEDIATE, "Freedonia vows response"],
    ]),
    ("condemnations", {}, ["actor", "target", "source", "date", "sentence", "article"], [
        ["Rupert of Hentzau", "Freedonia", "", "2031-03-04", "Foreign minister Rupert of Hentzau condemned Freedonia.",
         "Ruritania shells border post"],
    ]),
    ("timeline", {"a": "Kingdom of Freedonia", "b": "ruritania"}, None, [
        ["Kingdom of Freedonia", "ruritania", "", "Freedonia", "struck", "Ruritania", "hypothetical",
         "Freedonia could strike Ruritania if talks fail.", ""],
        ["Kingdom of Freedonia", "ruritania", "", "Ruritania", "struck", "Freedonia", "asserted", SENT_A2,
         "Freedonia vows response"],
        ["Kingdom of Freedonia", "ruritania", "2031-03-03", "Ruritania", "struck", "Freedonia", "asserted", SENT_A1,
         "Ruritania shells border post"],
        ["Kingdom of Freedonia", "ruritania", "2031-03-05", "Freedonia", "threatened", "Ruritania", "asserted",
         "Freedonia warned Ruritania of consequences.", "Freedonia vows response"],
    ]),
    ("most-corroborated", {}, ["actor", "action", "target", "articles", "evidence"], [
        ["Ruritania", "struck", "Freedonia", "2", "2"],
        ["Elphberg Militia", "supported", "Ruritania", "1", "1"],
        ["Freedonia", "threatened", "Ruritania", "1", "1"],
        ["League of Sylvania", "mediated", "Freedonia", "1", "1"],
        ["League of Sylvania", "mediated", "Ruritania", "1", "1"],
        ["Rupert of Hentzau", "condemned", "Freedonia", "1", "1"],
    ]),
])
def test_query_saved_query_answers(export, name, params, variables, rows):
    got_variables, got_rows = run_query(export / "graph.ttl", name, params=params)
    if variables is not None:
        assert got_variables == variables
    assert got_rows == rows


def test_query_entities_by_type(export):
    variables, rows = run_query(export, "entities-by-type")
    assert variables == ["type", "label", "aliases", "mentions", "entity"]
    assert [row[:2] for row in rows] == [
        ["Country", "Freedonia"], ["Country", "Ruritania"], ["Group", "Elphberg Militia"],
        ["Official", "Rupert of Hentzau"], ["Organization", "League of Sylvania"], ["Place", "Zenda"]]
    assert set(rows[0][2].split(" | ")) == {"Freedonian Kingdom", "Kingdom of Freedonia"}
    assert rows[0][3:] == ["4", "id:country/FD"]
    assert rows[5][2] == ""


def test_query_format_rows():
    rows = [["Ruritania", 'said "no", twice'], ["Freedonia", "caf\u00e9"]]
    assert format_rows(["who", "what"], rows, "csv") == 'who,what\nRuritania,"said ""no"", twice"\nFreedonia,caf\u00e9\n'
    assert json.loads(format_rows(["who", "what"], rows, "json")) == [
        {"who": "Ruritania", "what": 'said "no", twice'}, {"who": "Freedonia", "what": "caf\u00e9"}]
    with pytest.raises(QueryError, match="use csv or json"):
        format_rows(["a"], [], "xml")


@pytest.mark.parametrize("name, param", [("actor-activity", "name"), ("timeline", "a")])
def test_query_saved_queries_match_aliases_case_insensitively(export, name, param):
    params = {"b": "Freedonia"} if name == "timeline" else {}
    _, upper = run_query(export, name, params={**params, param: "Ruritanian Republic"})
    _, lower = run_query(export, name, params={**params, param: "rURITANIAN rEPUBLIC"})
    assert upper and [row[1:] for row in lower] == [row[1:] for row in upper]


@pytest.mark.parametrize("typo, near", [("who-struck-who", "who-struck-whom"), ("timline", "timeline"),
                                        ("Actor-Activity", "actor-activity")])
def test_query_unknown_saved_name_lists_near_matches(export, typo, near):
    with pytest.raises(QueryError) as err:
        run_query(export, typo)
    assert str(err.value).startswith(f"{typo}: no saved query of that name; did you mean {near}")
    assert "kg query --list" in str(err.value) and "\n" not in str(err.value)


@pytest.mark.parametrize("query, words", [
    ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", ["SERVICE"]),
    ("SELECT * WHERE { service ?x { ?s ?p ?o } }", ["SERVICE"]),
    ("SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", ["SERVICE"]),
    ("SELECT * WHERE { SERVICE SILENT <http://127.0.0.1:9/> { ?s ?p ?o } }", ["SERVICE"]),
    ("SELECT ?service WHERE { ?service rdfs:label 'SERVICE <http://x/>' } # SERVICE", []),
])
def test_query_network_keywords_are_found_outside_strings_and_comments(query, words):
    from kg.sparql import network_keywords

    assert network_keywords(query) == words


def test_query_refuses_service_and_load_without_allow_network(export):
    for query in ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
                  "SELECT * WHERE { SERVICE ?x { ?s ?p ?o } }"):
        with pytest.raises(QueryError, match="pass --allow-network"):
            run_query(export, query)
    with pytest.raises(QueryError, match="pass --allow-network"):
        run_query(export / "graph.ttl", "LOAD <http://127.0.0.1:9/x.ttl>", allow_update=True)


@pytest.mark.parametrize("query, message", [
    ("SELECT * WHERE { SERVICE ?x { ?s ?p ?o } }", "unbound"),
    ("SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }", "SERVICE call failed"),
])
def test_query_failing_service_is_one_line_error(export, query, message):
    with pytest.raises(QueryError, match=message) as err:
        run_query(export, query, allow_network=True)
    assert "\n" not in str(err.value)
