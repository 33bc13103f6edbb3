"""kg.html: the page is offline, interactive and inert to hostile text (Playwright + Debian's Chromium)."""
from __future__ import annotations

import re
from pathlib import Path

import networkx as nx
import pytest

from kg.html import LAYOUT_THRESHOLD, _payload, to_html

CHROMIUM = "/usr/bin/chromium"
HOSTILE_LABEL = '<img src=x onerror="window.__pwned=1">'
HOSTILE_SENTENCE = "Officials said <script>window.__pwned=1</script> it \"struck\" & 'left' </script> again."


def _graph(nodes: list[tuple[str, dict]], edges: list[tuple[str, str, dict]], articles: dict | None = None) -> nx.MultiDiGraph:
    """A graph in the kg model (kg/graph.py), filled in with defaults for the required attributes."""
    G = nx.MultiDiGraph(articles=articles or {"a1": {"title": "Border clash", "path": "a1.txt",
                                                    "date": "2024-03-01", "url": ""}})
    for key, attrs in nodes:
        G.add_node(key, **{"aliases": [], "articles": ["a1"], "mentions": 1, "first_sentence": "", **attrs})
    for u, v, attrs in edges:
        base = {"modality": "asserted", "cameo": "190", "plover": "ASSAULT", "confidence": 0.8, "article": "a1",
                "sentence": "Ruritania struck Freedonia.", "start": 0, "end": 27, "trigger": "struck"}
        attrs = {**base, **attrs}
        G.add_edge(u, v, key=f"{attrs['predicate']}:{attrs['article']}:{attrs['start']}:{v}", **attrs)
    return G


@pytest.fixture(scope="module")
def ruritania() -> nx.MultiDiGraph:
    articles = {
        "a1": {"title": "Border clash", "path": "a1.txt", "date": "2024-03-01", "url": "https://news.example/a1"},
        "a2": {"title": "Talks in Zenda", "path": "a2.txt", "date": "2024-05-10", "url": ""},
    }
    return _graph(
        [("country/RU", {"type": "Country", "label": "Ruritania", "aliases": ["Ruritanian Republic"],
                         "articles": ["a1", "a2"], "iso": "RU", "geonames": 1234567}),
         ("country/FD", {"type": "Country", "label": "Freedonia", "articles": ["a1", "a2"]}),
         ("group/ra", {"type": "Group", "label": "Ruritanian Army", "affiliation": "country/RU"}),
         ("person/rudolf", {"type": "Official", "label": "Rudolf Rassendyll", "aliases": ["Rassendyll"],
                            "role": "king", "affiliation": "country/RU", "articles": ["a2"]}),
         ("place/zenda", {"type": "Place", "label": "Zenda", "located_in": "country/RU", "articles": ["a2"]})],
        [("group/ra", "country/FD", {"predicate": "struck", "date": "2024-03-01",
                                     "sentence": "The Ruritanian Army struck Freedonia at dawn.", "start": 0}),
         ("country/FD", "country/RU", {"predicate": "condemned", "cameo": "111", "plover": "ACCUSE", "start": 50,
                                       "sentence": "Freedonia condemned Ruritania.", "trigger": "condemned",
                                       "date": "2024-03-02"}),
         ("person/rudolf", "country/FD", {"predicate": "met", "cameo": "040", "plover": "CONSULT", "article": "a2",
                                          "sentence": "Rassendyll met Freedonian envoys in Zenda.", "trigger": "met",
                                          "place": "place/zenda", "start": 0}),
         ("country/RU", "country/FD", {"predicate": "threatened", "cameo": "130", "plover": "THREATEN",
                                       "modality": "threatened", "article": "a2", "start": 80,
                                       "sentence": "Ruritania threatened Freedonia.", "trigger": "threatened"})],
        articles,
    )


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} not found; apt-get install chromium")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                              args=["--no-sandbox", "--disable-background-networking", "--disable-gpu"])
        yield b
        b.close()


class Page:
    """An opened kg page with the requests it tried to make outside file:/data: and its console errors."""

    def __init__(self, browser, html: str, path: Path):
        path.write_text(html, encoding="utf-8")
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(viewport={"width": 1400, "height": 900})
        self.page = self.context.new_page()
        self.page.route("**/*", self._route)
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(path.as_uri())
        self.page.wait_for_function("window.kg && window.kg.ready === true", timeout=30_000)

    def _route(self, route):
        url = route.request.url
        if url.startswith(("file://", "data:")):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def click_canvas(self, x: float, y: float) -> None:
        """Click at canvas (graph) coordinates."""
        box = self.page.locator("#kg-network canvas").bounding_box()
        dom = self.js("([x, y]) => kg.network.canvasToDOM({x, y})", [x, y])
        self.page.mouse.click(box["x"] + dom["x"], box["y"] + dom["y"])

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def open_page(browser, tmp_path):
    pages: list[Page] = []

    def _open(G: nx.MultiDiGraph, name: str = "graph.html") -> Page:
        page = Page(browser, to_html(G, title="Ruritania test"), tmp_path / name)
        pages.append(page)
        return page

    yield _open
    for page in pages:
        assert page.outside == [], f"page requested {page.outside}"
        assert page.errors == [], f"console errors {page.errors}"
        page.close()


def _tag_urls(html: str) -> list[str]:
    return re.findall(r"<(?:script|link|img|iframe|source|embed|object)\b[^>]*\b(?:src|href|data)\s*=\s*[\"']?([^\"'\s>]*)",
                      html, re.IGNORECASE)


def test_html_has_no_remote_script_or_stylesheet(ruritania):
    html = to_html(ruritania)
    assert [u for u in _tag_urls(html) if not u.startswith("data:")] == []
    assert not re.search(r"<(script|link)\b[^>]*\b(src|href)\s*=\s*[\"']?https?:", html, re.IGNORECASE)
    assert re.search(r"url\(\s*[\"']?https?:", html) is None
    assert "@import" not in html


def test_html_is_deterministic(ruritania):
    shuffled = nx.MultiDiGraph(articles=ruritania.graph["articles"])
    shuffled.add_nodes_from(reversed(list(ruritania.nodes(data=True))))
    shuffled.add_edges_from(reversed(list(ruritania.edges(keys=True, data=True))))
    assert to_html(ruritania) == to_html(shuffled)


def test_html_escapes_data_block():
    G = _graph([("country/RU", {"type": "Country", "label": "</script><script>alert(1)</script>&amp;"})], [])
    html = to_html(G, title="</title><script>alert(2)</script>")
    data = html.split('<script id="kg-data" type="application/json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data and ">" not in data and "&" not in data
    assert "\\u003c/script\\u003e" in data
    assert "<title>&lt;/title&gt;&lt;script&gt;alert(2)&lt;/script&gt;</title>" in html


def test_html_precomputes_layout_for_large_graphs():
    n = LAYOUT_THRESHOLD + 1
    G = _graph([(f"country/{i}", {"type": "Country", "label": f"Land {i}"}) for i in range(n)],
               [(f"country/{i}", f"country/{(i * 7 + 1) % n}", {"predicate": "met", "start": i}) for i in range(n)])
    html = to_html(G)
    assert '"layout":"precomputed"' in html
    assert len(re.findall(r'"x":-?\d', html)) == n


def test_html_page_draws_nodes_offline(open_page, ruritania, tmp_path):
    page = open_page(ruritania)
    assert page.js("kg.network.body.nodeIndices.length") == 5
    assert sorted(page.js("kg.visibleNodeIds()")) == sorted(ruritania.nodes)
    # Pixels: the canvas is not blank once drawn.
    coloured = page.js("""() => {
        const c = document.querySelector('#kg-network canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; }""")
    assert coloured > 500
    assert page.page.locator("#kg-legend-types li").count() == 4
    assert page.page.locator("#kg-legend-predicates li").count() == 4
    page.page.screenshot(path=str(tmp_path / "ruritania.png"))
    assert (tmp_path / "ruritania.png").stat().st_size > 0


def test_html_legend_click_hides_type_and_predicate(open_page, ruritania):
    page = open_page(ruritania)
    page.page.locator('#kg-legend-types button[data-key="Country"]').click()
    assert sorted(page.js("kg.visibleNodeIds()")) == ["group/ra", "person/rudolf", "place/zenda"]
    assert page.js("kg.nodes.get('country/RU').hidden") is True
    assert page.js("kg.visibleEdgeIds()") == []  # every relation touches a Country
    page.page.locator('#kg-legend-types button[data-key="Country"]').click()
    assert len(page.js("kg.visibleNodeIds()")) == 5
    page.page.locator('#kg-legend-predicates button[data-key="struck"]').click()
    visible = page.js("kg.visibleEdgeIds().map(id => kg.data.edgeInfo[id].predicate)")
    assert sorted(visible) == ["condemned", "met", "threatened"]


@pytest.mark.parametrize("query,node", [("Rassendyll", "person/rudolf"), ("ruritanian rep", "country/RU"),
                                        ("Zenda", "place/zenda")])
def test_html_search_focuses_node_by_label_or_alias(open_page, ruritania, query, node):
    page = open_page(ruritania)
    page.page.fill("#kg-search", query)
    page.page.press("#kg-search", "Enter")
    assert page.js("kg.network.getSelectedNodes()") == [node]
    assert page.page.locator("#kg-panel").is_visible()
    assert page.page.locator("#kg-panel h2").inner_text() == ruritania.nodes[node]["label"]
    # Neighbourhood highlight: a node that is not a neighbour (by an event or by structure) is dimmed, a
    # neighbour keeps its colour.
    neighbours = set(nx.all_neighbors(ruritania, node)) | _structural_neighbours(ruritania, node)
    for other in set(ruritania) - {node}:
        assert page.js("id => typeof kg.nodes.get(id).color", other) == ("string" if other in neighbours else "object")


def _structural_neighbours(G: nx.MultiDiGraph, node: str) -> set[str]:
    refs = {(u, d[k]) for u, d in G.nodes(data=True) for k in ("affiliation", "located_in") if d.get(k) in G}
    return {b for a, b in refs if a == node} | {a for a, b in refs if b == node}


def test_html_edge_click_shows_evidence(open_page, ruritania):
    page = open_page(ruritania)
    # Move the two endpoints of the one group/ra -> country/FD edge apart, away from everything else.
    page.js("""() => { kg.network.moveNode('group/ra', -2000, 2000); kg.network.moveNode('country/FD', -1600, 2000);
                      kg.network.fit({nodes: ['group/ra', 'country/FD']}); }""")
    page.click_canvas(-1800, 2000)
    panel = page.page.locator("#kg-panel")
    assert panel.is_visible()
    assert "The Ruritanian Army struck Freedonia at dawn." in panel.inner_text()
    assert page.page.locator("#kg-panel mark").inner_text() == "struck"
    text = panel.inner_text()
    for expected in ("Border clash", "2024-03-01", "190", "ASSAULT", "asserted", "0.80"):
        assert expected in text


def test_html_edge_hover_shows_sentence_tooltip(open_page, ruritania):
    page = open_page(ruritania)
    page.js("""() => { kg.network.moveNode('group/ra', -2000, 2000); kg.network.moveNode('country/FD', -1600, 2000);
                      kg.network.fit({nodes: ['group/ra', 'country/FD']}); }""")
    box = page.page.locator("#kg-network canvas").bounding_box()
    dom = page.js("() => kg.network.canvasToDOM({x: -1800, y: 2000})")
    page.page.mouse.move(box["x"] + dom["x"] - 5, box["y"] + dom["y"])
    page.page.mouse.move(box["x"] + dom["x"], box["y"] + dom["y"])
    tooltip = page.page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5000)
    assert "The Ruritanian Army struck Freedonia at dawn." in tooltip.inner_text()


def test_html_node_panel_shows_details(open_page, ruritania):
    page = open_page(ruritania)
    page.js("kg.focusNode('country/RU')")
    text = page.page.locator("#kg-panel").inner_text()
    for expected in ("Ruritania", "Country", "Ruritanian Republic", "Border clash", "Talks in Zenda"):
        assert expected in text
    link = page.page.locator("#kg-panel a", has_text="1234567")
    assert link.get_attribute("href") == "https://www.geonames.org/1234567"


def test_html_time_slider_hides_edges_outside_window(open_page, ruritania):
    page = open_page(ruritania)
    assert page.js("kg.data.dates") == ["2024-03-01", "2024-03-02", "2024-05-10"]
    page.page.locator("#kg-time-to").fill("1")  # window 2024-03-01 .. 2024-03-02
    visible = page.js("kg.visibleEdgeIds().map(id => kg.data.edgeInfo[id].predicate)")
    assert sorted(visible) == ["condemned", "struck"]
    assert page.js("kg.edges.get().filter(e => e.hidden).length") == 2
    page.page.locator("#kg-time-from").fill("2")  # from after to: the window becomes 2024-05-10 only
    visible = page.js("kg.visibleEdgeIds().map(id => kg.data.edgeInfo[id].predicate)")
    assert sorted(visible) == ["met", "threatened"]
    assert page.page.locator("#kg-time-label").inner_text() == "2024-05-10"


def test_html_hostile_text_stays_text(open_page, tmp_path):
    articles = {"a1": {"title": "<b onmouseover=\"window.__pwned=1\">Title</b>", "path": "a1.txt",
                       "date": "2024-03-01", "url": "javascript:window.__pwned=1"}}
    G = _graph(
        [("evil/1", {"type": "Group", "label": HOSTILE_LABEL, "aliases": ["</script><script>window.__pwned=1</script>"],
                     "role": "\"><svg onload=window.__pwned=1>"}),
         ("evil/2", {"type": "Official", "label": "javascript:alert(1)", "geonames": "1 onclick=alert(1)"}),
         ("country/FD", {"type": "Country", "label": "Freedonia"})],
        [("evil/1", "country/FD", {"predicate": "struck", "sentence": HOSTILE_SENTENCE, "trigger": "<script>"}),
         ("evil/2", "country/FD", {"predicate": "accused", "sentence": "javascript:alert(1) accused Freedonia.",
                                   "trigger": "accused", "start": 9})],
        articles,
    )
    page = open_page(G, "hostile.html")
    page.js("""() => { kg.network.moveNode('evil/1', -2000, 2000); kg.network.moveNode('country/FD', -1600, 2000);
                      kg.network.moveNode('evil/2', 3000, 3000); kg.network.fit({nodes: ['evil/1', 'country/FD']}); }""")
    page.click_canvas(-1800, 2000)
    panel = page.page.locator("#kg-panel")
    assert HOSTILE_SENTENCE in panel.inner_text()
    assert page.page.locator("#kg-panel mark").inner_text() == "<script>"
    assert page.page.locator("#kg-panel script, #kg-panel img, #kg-panel svg, #kg-panel b").count() == 0
    page.js("kg.focusNode('evil/1')")
    text = panel.inner_text()
    assert HOSTILE_LABEL in text and "</script><script>window.__pwned=1</script>" in text
    page.page.fill("#kg-search", "javascript:")
    page.page.press("#kg-search", "Enter")
    assert page.js("kg.network.getSelectedNodes()") == ["evil/2"]
    assert "javascript:alert(1)" in panel.inner_text()
    assert page.page.locator("#kg-panel a").count() == 0  # no javascript: article link, no GeoNames from a string
    assert page.js("document.querySelectorAll('img, svg, iframe').length") == 0
    assert page.js("window.__pwned") is None
    page.page.screenshot(path=str(tmp_path / "hostile.png"))


# ---- structure: affiliation and located-in drawn as edges -------------------------------------------------

@pytest.fixture(scope="module")
def structured() -> nx.MultiDiGraph:
    """An Official affiliated to a Country, a Place located in it, and two references that must draw nothing."""
    return _graph(
        [("country/RU", {"type": "Country", "label": "Ruritania"}),
         ("country/FD", {"type": "Country", "label": "Freedonia"}),
         ("person/mike", {"type": "Official", "label": "Mike Strelsau", "role": "minister",
                          "affiliation": "country/RU"}),
         ("place/zenda", {"type": "Place", "label": HOSTILE_LABEL, "located_in": "country/RU"}),
         ("org/lost", {"type": "Organization", "label": "Lost Office", "affiliation": "country/XX"}),
         ("group/self", {"type": "Group", "label": "Ourselves", "affiliation": "group/self"})],
        [("country/RU", "country/FD", {"predicate": "struck", "date": "2024-03-01"}),
         ("person/mike", "country/FD", {"predicate": "met", "cameo": "040", "plover": "CONSULT", "date": "2024-05-10",
                                        "sentence": "Mike Strelsau met Freedonian envoys.", "trigger": "met",
                                        "start": 40})],
    )


STRUCTURE = [("person/mike", "country/RU", "affiliation"), ("place/zenda", "country/RU", "located_in")]


def test_html_payload_draws_structure_only_to_other_nodes_in_graph(structured):
    payload = _payload(structured, "t")
    got = sorted((e["from"], e["to"], payload["structureInfo"][e["id"]]["kind"]) for e in payload["structure"])
    assert got == STRUCTURE
    ids = [e["id"] for e in payload["structure"]]
    assert all(re.fullmatch(r"s\d+", i) for i in ids) and set(ids) == set(payload["structureInfo"])
    assert set(ids).isdisjoint(e["id"] for e in payload["edges"])
    assert [(k["name"], k["count"]) for k in payload["structureKinds"]] == [("affiliation", 1), ("located_in", 1)]
    assert all(e["width"] == 1 and "label" not in e and "smooth" not in e for e in payload["structure"])


def test_html_payload_bends_structure_beside_an_event_between_the_same_nodes(structured):
    G = structured.copy()
    G.add_edge("country/RU", "person/mike", key="summoned:a1:90:person/mike", predicate="summoned", start=90)
    edges = {(e["from"], e["to"]): e for e in _payload(G, "t")["structure"]}
    assert edges["person/mike", "country/RU"]["smooth"]["type"] == "curvedCCW"
    assert "smooth" not in edges["place/zenda", "country/RU"]


@pytest.mark.parametrize("reference", ["group/self", "country/XX", "", ["country/RU"]],
                         ids=["self", "not-in-graph", "empty", "unhashable"])
def test_html_payload_draws_no_structure_for_bad_reference(reference):
    G = _graph([("country/RU", {"type": "Country", "label": "Ruritania"}),
                ("group/self", {"type": "Group", "label": "Ourselves", "affiliation": reference,
                                "located_in": reference})], [])
    payload = _payload(G, "t")
    assert payload["structure"] == [] and payload["structureKinds"] == []


def test_html_payload_structure_is_not_an_event(structured):
    payload = _payload(structured, "t")
    assert [(p["name"], p["count"]) for p in payload["predicates"]] == [("struck", 1), ("met", 1)]
    assert len(payload["edges"]) == len(payload["edgeInfo"]) == 2
    assert payload["dates"] == ["2024-03-01", "2024-05-10"]


def test_html_layout_pulls_members_to_their_country():
    """Above LAYOUT_THRESHOLD the layout is computed here; with no event edges at all, members still sit by
    their country."""
    countries = 20
    n = LAYOUT_THRESHOLD + 1
    nodes = [(f"country/{c}", {"type": "Country", "label": f"Land {c}"}) for c in range(countries)]
    nodes += [(f"person/{i}", {"type": "Official", "label": f"Official {i}", "affiliation": f"country/{i % countries}"})
              for i in range(n - countries)]
    payload = _payload(_graph(nodes, []), "t")
    assert payload["layout"] == "precomputed" and len(payload["structure"]) == n - countries
    xy = {v["id"]: (v["x"], v["y"]) for v in payload["nodes"]}

    def dist(a: str, b: str) -> float:
        return ((xy[a][0] - xy[b][0]) ** 2 + (xy[a][1] - xy[b][1]) ** 2) ** 0.5

    own = [dist(f"person/{i}", f"country/{i % countries}") for i in range(n - countries)]
    other = [dist(f"person/{i}", f"country/{(i + 7) % countries}") for i in range(n - countries)]
    assert sum(own) < 0.5 * sum(other)


def test_html_page_draws_structure_edges(open_page, structured):
    page = open_page(structured)
    drawn = page.js("""() => kg.data.structure.map(e => {
        const drawn = kg.network.body.edges[e.id];
        return [drawn.fromId, drawn.toId, kg.data.structureInfo[e.id].kind]; })""")
    assert sorted(map(tuple, drawn)) == STRUCTURE
    assert len(page.js("kg.visibleStructureIds()")) == 2
    assert page.js("kg.edges.length") == 4  # two events, two structural edges
    assert page.page.locator("#kg-status").inner_text() == "6 / 6 nodes, 2 / 2 relations"
    assert page.page.locator("#kg-legend-predicates li").count() == 2
    legend = page.js("""() => Array.from(document.querySelectorAll('#kg-legend-structure button'),
        b => [b.dataset.key, b.children[1].textContent, b.querySelector('.kg-count').textContent])""")
    assert legend == [["affiliation", "affiliation", "1"], ["located_in", "located in", "1"]]
    assert page.page.locator("#kg-structure").is_visible()
    tips = page.js("""() => Object.fromEntries(kg.edges.get().filter(e => e.id[0] === 's')
                                                  .map(e => [e.from, e.title.textContent]))""")
    assert tips["person/mike"] == ("Mike Strelsau \u2014 affiliated with \u2192 Ruritania"
                                   "From the entity's attributes, not an event.")


def test_html_page_hides_structure_legend_without_structure(open_page, ruritania):
    G = ruritania.copy()
    for _, attrs in G.nodes(data=True):
        attrs.pop("affiliation", None)
        attrs.pop("located_in", None)
    page = open_page(G)
    assert page.js("kg.data.structure.length") == 0
    assert not page.page.locator("#kg-structure").is_visible()


def _visible_structure(page) -> list[tuple[str, str]]:
    ends = page.js("kg.visibleStructureIds().map(id => [kg.edges.get(id).from, kg.edges.get(id).to])")
    return sorted(tuple(x) for x in ends)


def test_html_structure_legend_toggle_hides_and_shows(open_page, structured):
    page = open_page(structured)
    button = page.page.locator('#kg-legend-structure button[data-key="affiliation"]')
    button.click()
    assert button.get_attribute("aria-pressed") == "false"
    assert _visible_structure(page) == [("place/zenda", "country/RU")]
    assert page.js("kg.edges.get().filter(e => e.hidden).map(e => e.from)") == ["person/mike"]
    assert len(page.js("kg.visibleEdgeIds()")) == 2  # events are not touched
    page.page.locator('#kg-legend-structure button[data-key="located_in"]').click()
    assert _visible_structure(page) == []
    button.click()
    assert _visible_structure(page) == [("person/mike", "country/RU")]
    page.page.locator('#kg-legend-structure button[data-key="located_in"]').click()
    assert _visible_structure(page) == [("person/mike", "country/RU"), ("place/zenda", "country/RU")]


def test_html_structure_edge_needs_both_ends_visible(open_page, structured):
    page = open_page(structured)
    page.page.locator('#kg-legend-types button[data-key="Official"]').click()
    assert _visible_structure(page) == [("place/zenda", "country/RU")]
    page.page.locator('#kg-legend-types button[data-key="Country"]').click()
    assert _visible_structure(page) == []
    page.page.locator('#kg-legend-types button[data-key="Country"]').click()
    # Search finds a hidden Official, shows its type again, and with it the affiliation edge.
    page.page.fill("#kg-search", "Strelsau")
    page.page.press("#kg-search", "Enter")
    assert page.js("kg.network.getSelectedNodes()") == ["person/mike"]
    assert _visible_structure(page) == [("person/mike", "country/RU"), ("place/zenda", "country/RU")]


def test_html_time_window_never_hides_structure(open_page, structured):
    page = open_page(structured)
    assert page.js("kg.data.dates") == ["2024-03-01", "2024-05-10"]
    page.page.locator("#kg-time-to").fill("0")  # 2024-03-01 only
    assert page.js("kg.visibleEdgeIds().map(id => kg.data.edgeInfo[id].predicate)") == ["struck"]
    assert _visible_structure(page) == [("person/mike", "country/RU"), ("place/zenda", "country/RU")]
    page.page.locator("#kg-time-from").fill("1")  # from after to: 2024-05-10 only
    assert page.js("kg.visibleEdgeIds().map(id => kg.data.edgeInfo[id].predicate)") == ["met"]
    page.page.locator("#kg-time-undated").uncheck()
    assert _visible_structure(page) == [("person/mike", "country/RU"), ("place/zenda", "country/RU")]
    assert page.js("kg.edges.get().filter(e => e.id[0] === 's' && e.hidden).length") == 0


def test_html_structure_edges_follow_neighbourhood_highlight(open_page, structured):
    page = open_page(structured)
    colours = "() => kg.edges.get().filter(e => e.id[0] === 's').map(e => e.color.color)"
    base = page.js(colours)
    page.js("kg.focusNode('country/FD')")  # no structural edge touches Freedonia: both dim
    dimmed = page.js(colours)
    assert dimmed != base and len(set(dimmed)) == 1
    page.js("kg.focusNode('country/RU')")  # both touch Ruritania: both keep their colour
    assert page.js(colours) == base
    page.js("kg.focusNode('country/FD')")
    page.page.locator("#kg-panel-close").click()
    assert page.js(colours) == base


@pytest.mark.parametrize("src,dst,verb", [("person/mike", "country/RU", "affiliated with"),
                                          ("place/zenda", "country/RU", "located in")])
def test_html_structure_edge_click_says_what_it_is(open_page, structured, src, dst, verb):
    page = open_page(structured)
    page.js("""([a, b]) => { kg.network.moveNode(a, -2000, 2000); kg.network.moveNode(b, -1600, 2000);
                             kg.network.fit({nodes: [a, b]}); }""", [src, dst])
    page.click_canvas(-1800, 2000)
    panel = page.page.locator("#kg-panel")
    assert panel.is_visible() and panel.get_attribute("data-kind") == "structure"
    label = structured.nodes[src]["label"]
    assert page.page.locator("#kg-panel h2").inner_text() == f"{label} \u2014 {verb} \u2192 Ruritania"
    assert "From the entity's attributes, not an event." in panel.inner_text()
    assert page.page.locator("#kg-panel blockquote, #kg-panel img, #kg-panel script").count() == 0
    page.page.locator("#kg-panel h2 button", has_text="Ruritania").click()  # the ends are links to the nodes
    assert page.page.locator("#kg-panel h2").inner_text() == "Ruritania"
    assert page.js("window.__pwned") is None
