"""Builds from what a notebook holds (strings, dicts, iterables, DataFrames) and kg.show in real Chromium."""
from __future__ import annotations

from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

import kg
import kg.inputs
from kg.errors import InputError
from kg.inputs import read_inputs, to_article

ROOT = Path(__file__).resolve().parent.parent
INVENTED = ROOT / "tests" / "data" / "invented"
CHROMIUM = "/usr/bin/chromium"

STRIKE = "Peru launched drone strikes against Chile on Monday."
SANCTION = "Norway imposed sanctions on Peru after the raid."


def _triples(G: nx.MultiDiGraph) -> set[tuple[str, str, str]]:
    return {(G.nodes[u]["label"], d["predicate"], G.nodes[v]["label"]) for u, v, d in G.edges(data=True)}


@pytest.fixture(scope="module")
def mixed_graph() -> nx.MultiDiGraph:
    """One build from a folder path given as a string, a bare text and a dict with metadata."""
    return kg.build([str(INVENTED), STRIKE,
                     {"text": SANCTION, "title": "Norway acts", "date": "2031-04-01", "url": "https://news.example/n", "id": "n-1"}])


def test_inputs_a_string_is_an_article(mixed_graph):
    text_id = to_article(STRIKE, "x").id
    assert text_id.startswith("text-") and text_id in mixed_graph.graph["articles"]
    assert ("Peru", "struck", "Chile") in {t for u, v, k, d in mixed_graph.edges(keys=True, data=True)
                                            if d["article"] == text_id
                                            for t in [(mixed_graph.nodes[u]["label"], d["predicate"], mixed_graph.nodes[v]["label"])]}


def test_inputs_a_dict_keeps_its_metadata(mixed_graph):
    meta = mixed_graph.graph["articles"]["n-1"]
    assert (meta["title"], meta["date"], meta["url"]) == ("Norway acts", "2031-04-01", "https://news.example/n")
    sanction = [d for _, _, d in mixed_graph.edges(data=True) if d["article"] == "n-1" and d["predicate"] == "sanctioned"]
    assert sanction and sanction[0]["date"] == "2031-04-01"


def test_inputs_an_existing_path_string_stays_a_path(mixed_graph):
    from_path = kg.build(INVENTED)
    assert set(from_path.graph["articles"]) <= set(mixed_graph.graph["articles"])
    assert "peru-chile" in mixed_graph.graph["articles"]


def test_inputs_ids_are_content_hashes_stable_across_runs():
    first = [a.id for a in read_inputs([STRIKE, {"text": SANCTION}])]
    again = [a.id for a in read_inputs([{"text": SANCTION}, STRIKE])]
    assert first == list(reversed(again))
    assert first[0] != first[1]
    # the same text twice is two articles with distinct ids
    twice = [a.id for a in read_inputs([STRIKE, STRIKE])]
    assert len(set(twice)) == 2 and twice[0] == first[0]


def test_inputs_dataframe_rows_are_articles():
    df = pd.DataFrame({"text": [STRIKE, SANCTION], "title": ["Raid", None],
                       "date": pd.to_datetime(["2031-05-01", "2031-05-02"]), "id": [101, 102]})
    G = kg.build(df)
    assert set(G.graph["articles"]) == {"101", "102"}
    assert G.graph["articles"]["101"]["date"] == "2031-05-01" and G.graph["articles"]["101"]["title"] == "Raid"
    assert ("Norway", "sanctioned", "Peru") in _triples(G)
    events = kg.events(G)
    assert set(events.article_id) == {"101", "102"}


def test_inputs_in_memory_build_exports_and_loads_back(tmp_path):
    G = kg.build({"text": STRIKE, "title": "Raid", "date": "2031-05-01"})
    kg.export(G, tmp_path)
    assert nx.utils.graphs_equal(G, kg.load(tmp_path / "graph.ttl"))


@pytest.mark.parametrize(("items", "message"), [
    (pd.DataFrame({"body": [STRIKE]}), 'DataFrame has no "text" column (columns: body)'),
    (pd.DataFrame({"text": [STRIKE, None]}), "DataFrame row 1: text is a NoneType, not a string"),
    ([{"title": "no text"}], 'article 1: no "text" field (it has title)'),
    ([STRIKE, {"text": SANCTION, "date": "someday"}], "article 2: date 'someday' is not a date; use YYYY-MM-DD"),
    ([3.5], "article 1: a float, not a path, text, dict or DataFrame"),
    ("missing/article.txt", "missing/article.txt: no such file or folder"),
])
def test_inputs_bad_items_name_their_position(items, message):
    with pytest.raises(InputError) as err:
        list(read_inputs(kg.inputs.as_items(items)))
    assert message in str(err.value)


def test_inputs_bad_item_is_reported_and_the_rest_built():
    problems: list[str] = []
    G = kg.build([{"text": ""}, STRIKE], on_error=lambda e: problems.append(str(e)))
    assert problems == ["article 1: text is empty; give kg an article with text"]
    assert ("Peru", "struck", "Chile") in _triples(G)


def test_show_displays_the_view_inline_offline(invented_graph, tmp_path):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found; run tests/setup.sh")
    from playwright.sync_api import sync_playwright

    view = kg.show(invented_graph, height=500)
    cell = view._repr_html_()
    assert cell.startswith("<iframe srcdoc=") and 'sandbox="allow-scripts"' in cell and "http" not in cell.split('"')[0]
    notebook = tmp_path / "notebook.html"
    notebook.write_text(f"<!DOCTYPE html><html><body><div class='output'>{cell}</div></body></html>", encoding="utf-8")
    outside: list[str] = []
    errors: list[str] = []

    def route(r):
        if r.request.url.startswith(("file://", "data:", "about:")):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                    args=["--no-sandbox", "--disable-background-networking", "--disable-gpu"])
        try:
            page = browser.new_page()
            page.route("**/*", route)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(notebook.as_uri())
            frame = page.frame_locator("iframe")
            frame.locator("canvas").first.wait_for(timeout=30_000)
            inner = next(f for f in page.frames if f != page.main_frame)
            inner.wait_for_function("window.kg && window.kg.ready === true", timeout=30_000)
            labels = inner.evaluate("kg.nodes.get().map(n => n.label)")
            height = page.locator("iframe").bounding_box()["height"]
        finally:
            browser.close()
    assert {"Peru", "Chile", "Norway"} <= set(labels)
    assert height == pytest.approx(500, abs=4)
    assert outside == [] and errors == []


def test_inputs_a_generator_streams():
    pulled: list[int] = []

    def articles():
        for i in range(3):
            pulled.append(i)
            yield {"text": f"Peru and Chile held talks, round {i}.", "id": f"round-{i}"}

    stream = read_inputs(articles())
    assert next(stream).id == "round-0"
    assert pulled == [0]  # the rest is not read ahead
    assert [a.id for a in stream] == ["round-1", "round-2"]
