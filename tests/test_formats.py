"""Files other tools open: GEXF for Gephi, GraphML with named keys, GeoJSON for GIS, each read back."""
from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

from kg.nodelink import read_node_link
from kg.gexf import to_gexf
from kg.geo import to_geojson
from kg.graphml import to_graphml
from kg.schema import PREDICATES

DATA = Path(__file__).resolve().parent / "data"
GRAPHML_NS = "{http://graphml.graphdrawing.org/xmlns}"


@pytest.fixture()
def ruritania() -> nx.MultiDiGraph:
    return read_node_link(DATA / "ruritania.json")


def _edges_by_id(H: nx.Graph) -> dict[str, dict]:
    return {d["id"]: d for _, _, d in H.edges(data=True)}


# -- GEXF --------------------------------------------------------------------------------------

def test_gexf_reads_back_with_labels_and_flat_lists(ruritania):
    H = nx.read_gexf(io.BytesIO(to_gexf(ruritania).encode("utf-8")))
    for key, attrs in ruritania.nodes(data=True):
        assert H.nodes[key]["label"] == attrs["label"]
    assert H.nodes["country/FD"]["aliases"] == "Freedonian Kingdom | Kingdom of Freedonia"
    assert H.nodes["country/RR"]["articles"] == "a1 | a2 | a3"
    edges = _edges_by_id(H)
    assert set(edges) == {k for _, _, k in ruritania.edges(keys=True)}
    for _, _, k, d in ruritania.edges(keys=True, data=True):
        assert edges[k]["label"] == PREDICATES[d["predicate"]].label
        assert edges[k]["predicate"] == d["predicate"]


def test_gexf_dates_are_spells_and_offsets_are_not_time(ruritania):
    text = to_gexf(ruritania)
    graph = ET.fromstring(text).find("{http://www.gexf.net/1.2draft}graph")
    assert (graph.get("mode"), graph.get("timeformat")) == ("dynamic", "date")
    H = nx.read_gexf(io.BytesIO(text.encode("utf-8")))
    edges = _edges_by_id(H)
    assert edges["struck:a1:0:country/FD"]["spells"] == [("2031-03-03", "2031-03-03")]  # the event's own date
    assert edges["struck:a2:10:country/FD"]["spells"] == [("2031-03-05", "2031-03-05")]  # its article's date
    assert "spells" not in edges["struck:a3:0:country/RR"]  # no date anywhere: always shown
    for d in edges.values():
        assert "start" not in d and "end" not in d
    assert edges["struck:a1:0:country/FD"]["sentence_start"] == 0
    assert edges["struck:a1:0:country/FD"]["sentence_end"] == 43
    # a node lives from its first to its last dated event
    assert H.nodes["country/RR"]["spells"] == [("2031-03-03", "2031-03-05")]
    assert "spells" not in H.nodes["place/zenda"]


def test_gexf_is_deterministic_and_well_formed_for_hostile_text(ruritania):
    ruritania.nodes["country/RR"]["label"] = "Ruri\x01tania <&> \u202e"
    first, second = to_gexf(ruritania), to_gexf(ruritania)
    assert first == second and "lastmodifieddate" not in first
    H = nx.read_gexf(io.BytesIO(first.encode("utf-8")))
    assert H.nodes["country/RR"]["label"] == "Ruri\ufffdtania <&> \u202e"


# -- GraphML -----------------------------------------------------------------------------------

def test_graphml_key_ids_are_attribute_names_not_yed_numbers(ruritania):
    root = ET.fromstring(to_graphml(ruritania))
    keys = {k.get("id"): (k.get("for"), k.get("attr.name")) for k in root.iter(f"{GRAPHML_NS}key")}
    assert len(keys) == len(list(root.iter(f"{GRAPHML_NS}key")))  # ids are unique
    assert not [k for k in keys if re.fullmatch(r"d\d+", k)]
    # Gephi takes the key with id "label" (or yEd's "d3") as the node label: it must be the label
    assert keys["label"] == ("node", "label")
    assert keys["aliases"] == ("node", "aliases")
    assert keys["predicate"] == ("edge", "predicate")
    assert keys["graph.articles"] == ("graph", "articles")


def test_graphml_reads_back_in_networkx_with_labels(ruritania):
    H = nx.read_graphml(io.StringIO(to_graphml(ruritania)), force_multigraph=True)
    assert {n: d["label"] for n, d in H.nodes(data=True)} == {n: d["label"] for n, d in ruritania.nodes(data=True)}
    assert json.loads(H.nodes["country/FD"]["aliases"]) == ["Freedonian Kingdom", "Kingdom of Freedonia"]
    assert {k for _, _, k in H.edges(keys=True)} == {k for _, _, k in ruritania.edges(keys=True)}
    assert H.edges["country/RR", "country/FD", "struck:a1:0:country/FD"]["date"] == "2031-03-03"
    assert json.loads(H.graph["articles"]) == ruritania.graph["articles"]


def test_build_writes_gexf_graphml_and_geojson(seed_exports):
    H = nx.read_gexf(seed_exports / "graph.gexf")
    assert any(d["label"] == "Pakistan" for _, d in H.nodes(data=True))
    root = ET.parse(seed_exports / "graph.graphml").getroot()
    assert {k.get("id") for k in root.iter(f"{GRAPHML_NS}key")} >= {"label", "type", "aliases", "predicate"}
    _check_rfc7946(json.loads((seed_exports / "graph.geojson").read_text(encoding="utf-8")))


# -- GeoJSON -----------------------------------------------------------------------------------

def _check_position(pos) -> None:
    # RFC 7946 3.1.1: two or three numbers, longitude then latitude, WGS 84
    assert isinstance(pos, list) and len(pos) in (2, 3)
    assert all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in pos)
    assert -180 <= pos[0] <= 180 and -90 <= pos[1] <= 90


def _check_geometry(geometry) -> None:
    # RFC 7946 3.1: a geometry has "type" and "coordinates" (only Points here)
    assert isinstance(geometry, dict) and geometry["type"] == "Point"
    _check_position(geometry["coordinates"])


def _check_rfc7946(doc) -> None:
    """The structure RFC 7946 sets out for a FeatureCollection (sections 3, 3.2, 3.3, 4)."""
    assert isinstance(doc, dict) and doc["type"] == "FeatureCollection"
    assert "crs" not in doc  # 4: no crs member; coordinates are WGS 84
    assert isinstance(doc["features"], list)
    for feature in doc["features"]:
        assert feature["type"] == "Feature"  # 3.2
        assert "geometry" in feature and "properties" in feature
        if feature["geometry"] is not None:
            _check_geometry(feature["geometry"])
        assert feature["properties"] is None or isinstance(feature["properties"], dict)
        if "id" in feature:
            assert isinstance(feature["id"], (str, int, float)) and not isinstance(feature["id"], bool)
        assert not {"coordinates", "geometries"} & set(feature)  # 7.1: no geometry members on a Feature


def test_geojson_places_have_coordinates_and_event_counts(invented_graph):
    doc = json.loads(to_geojson(invented_graph))
    _check_rfc7946(doc)
    places = {f["properties"]["label"]: f for f in doc["features"] if f["properties"]["feature"] == "place"}
    arica = places["Arica"]
    lon, lat = arica["geometry"]["coordinates"]
    assert lon == pytest.approx(-70.3, abs=0.1) and lat == pytest.approx(-18.5, abs=0.1)
    assert arica["properties"]["coordinates_from"] == "geonames" and arica["properties"]["events_here"] >= 1
    lon, lat = places["Peru"]["geometry"]["coordinates"]
    assert -82 < lon < -68 and -19 < lat < 0  # inside Peru's bounding box
    assert places["Peru"]["properties"]["events"] == sum(
        1 for u, v, d in invented_graph.edges(data=True) if "country/PE" in (u, v, d.get("place")))


def test_geojson_events_stand_at_their_stated_place(invented_graph):
    doc = json.loads(to_geojson(invented_graph))
    events = [f for f in doc["features"] if f["properties"]["feature"] == "event"]
    stated = [(k, d) for _, _, k, d in invented_graph.edges(keys=True, data=True) if d.get("place")]
    assert stated and len(events) == len(stated)
    arica = next(f for f in doc["features"] if f["properties"].get("label") == "Arica")
    for f in events:
        assert f["properties"]["place_label"] == "Arica"
        assert f["geometry"] == arica["geometry"]
        assert f["properties"]["actor_label"] == "Peru" and f["properties"]["date"] == "2031-03-03"


def test_geojson_leaves_out_what_no_gazetteer_locates(ruritania):
    doc = json.loads(to_geojson(ruritania))  # invented places and ISO codes: nothing to locate
    _check_rfc7946(doc)
    assert doc["features"] == []
