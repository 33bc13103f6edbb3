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
        # Poll with evaluate: wait_for_function evaluates a string, which the page's CSP (rightly) forbids.
        for _ in range(300):
            if self.page.evaluate("!!(window.kg && window.kg.ready)"):
                break
            self.page.wait_for_timeout(100)
        else:
            raise AssertionError(f"page not ready after 30 s; console errors {self.errors}")

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
    # Zenda takes part in no event: hidden until entities without events are asked for.
    assert page.js("kg.network.body.nodeIndices.length") == 4
    assert sorted(page.js("kg.visibleNodeIds()")) == sorted(set(ruritania.nodes) - {"place/zenda"})
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
    assert page.js("kg.nodes.get('country/RU').hidden") is True
    assert page.js("kg.visibleEdgeIds()") == []  # every relation touches a Country
    assert page.js("kg.visibleNodeIds()") == []  # and what is left has no event: no isolated dots
    page.page.locator('#kg-legend-types button[data-key="Country"]').click()
    assert len(page.js("kg.visibleNodeIds()")) == 4
    page.page.locator('#kg-legend-predicates button[data-key="struck"]').click()
    visible = page.js("kg.visibleEdgeIds().map(id => kg.data.edgeInfo[id].predicate)")
    assert sorted(visible) == ["condemned", "met", "threatened"]
    assert "group/ra" not in page.js("kg.visibleNodeIds()")  # its one event is hidden


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
    shown = set(page.js("kg.visibleNodeIds()"))
    for other in set(ruritania) - {node}:
        if other not in shown:  # never shown (no event), so not even in the network
            continue
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
    assert page.js("kg.edges.get().filter(e => e.hidden && e.id[0] === 'e').length") == 2
    # Rudolf's one event is in May: he leaves the view, and the view re-fits to what is left.
    assert sorted(page.js("kg.visibleNodeIds()")) == ["country/FD", "country/RU", "group/ra"]
    assert _all_in_view(page)
    page.page.locator("#kg-time-from").fill("2")  # from after to: the window becomes 2024-05-10 only
    visible = page.js("kg.visibleEdgeIds().map(id => kg.data.edgeInfo[id].predicate)")
    assert sorted(visible) == ["met", "threatened"]
    assert page.page.locator("#kg-time-label").inner_text() == "2024-05-10"


def _all_in_view(page) -> bool:
    """Every visible node lies inside the canvas, centred, filling a good part of it (a fit)."""
    return page.js("""() => {
        const c = document.querySelector('#kg-network canvas').getBoundingClientRect();
        const ids = kg.visibleNodeIds(), pos = kg.network.getPositions(ids);
        const dom = ids.map(id => kg.network.canvasToDOM(pos[id]));
        const xs = dom.map(p => p.x), ys = dom.map(p => p.y);
        const inside = dom.every(p => p.x >= 0 && p.y >= 0 && p.x <= c.width && p.y <= c.height);
        const spread = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
        const cx = (Math.max(...xs) + Math.min(...xs)) / 2, cy = (Math.max(...ys) + Math.min(...ys)) / 2;
        const centred = Math.abs(cx - c.width / 2) < 0.1 * c.width && Math.abs(cy - c.height / 2) < 0.1 * c.height;
        // vis-network's fit zooms in no further than scale 1
        const filled = spread > 0.4 * Math.min(c.width, c.height) || kg.network.getScale() > 0.99;
        return inside && centred && filled; }""")


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


def test_html_entities_without_events_sit_by_their_country(open_page):
    """Shown on request, officials without events are placed beside the country they belong to, not in a ring."""
    countries, people = 12, 36
    nodes = [(f"country/{c}", {"type": "Country", "label": f"Land {c}"}) for c in range(countries)]
    nodes += [(f"person/{i}", {"type": "Official", "label": f"Official {i}", "affiliation": f"country/{i % countries}"})
              for i in range(people)]
    edges = [(f"country/{c}", f"country/{(c + 1) % countries}", {"predicate": "met", "start": c}) for c in range(countries)]
    page = open_page(_graph(nodes, edges))
    assert len(page.js("kg.visibleNodeIds()")) == countries
    page.page.locator("#kg-isolated").check()
    assert len(page.js("kg.visibleNodeIds()")) == countries + people
    assert _all_in_view(page)
    xy = page.js("kg.network.getPositions()")

    def dist(a: str, b: str) -> float:
        return ((xy[a]["x"] - xy[b]["x"]) ** 2 + (xy[a]["y"] - xy[b]["y"]) ** 2) ** 0.5

    own = [dist(f"person/{i}", f"country/{i % countries}") for i in range(people)]
    other = [sum(dist(f"person/{i}", f"country/{c}") for c in range(countries) if c != i % countries) / (countries - 1)
             for i in range(people)]
    assert sum(own) < 0.5 * sum(other)
    # No two placed nodes on top of each other.
    keys = sorted(xy)
    assert min(dist(a, b) for i, a in enumerate(keys) for b in keys[i + 1:]) > 20


def test_html_page_draws_structure_edges(open_page, structured):
    page = open_page(structured)
    # By default: the actors with events and what they belong to; Zenda, the lost office and the group
    # pointing at itself take part in no event.
    assert sorted(page.js("kg.visibleNodeIds()")) == ["country/FD", "country/RU", "person/mike"]
    assert _visible_structure(page) == [("person/mike", "country/RU")]
    assert page.page.locator("#kg-status").inner_text() == "3 / 6 entities, 2 / 2 relations"
    page.page.locator("#kg-isolated").check()
    drawn = page.js("""() => kg.data.structure.map(e => {
        const drawn = kg.network.body.edges[e.id];
        return [drawn.fromId, drawn.toId, kg.data.structureInfo[e.id].kind]; })""")
    assert sorted(map(tuple, drawn)) == STRUCTURE
    assert len(page.js("kg.visibleStructureIds()")) == 2
    assert page.js("kg.edges.length") == 4  # two events, two structural edges
    assert page.page.locator("#kg-status").inner_text() == "6 / 6 entities, 2 / 2 relations"
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
    page.js("kg.showIsolated(true)")
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
    page.js("kg.showIsolated(true)")
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


def test_html_time_window_hides_structure_only_with_its_entity(open_page, structured):
    page = open_page(structured)
    assert page.js("kg.data.dates") == ["2024-03-01", "2024-05-10"]
    page.page.locator("#kg-time-to").fill("0")  # 2024-03-01 only: Mike's one event is outside
    assert page.js("kg.visibleEdgeIds().map(id => kg.data.edgeInfo[id].predicate)") == ["struck"]
    assert _visible_structure(page) == []
    page.page.locator("#kg-time-from").fill("1")  # from after to: 2024-05-10 only
    assert page.js("kg.visibleEdgeIds().map(id => kg.data.edgeInfo[id].predicate)") == ["met"]
    assert _visible_structure(page) == [("person/mike", "country/RU")]
    # Asked for every entity, the window hides no entity and so no structure.
    page.js("kg.showIsolated(true)")
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
    page.js("kg.showIsolated(true)")
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


# ---- one drawn edge per actor-predicate-target (or per incident), with every report ------------------------

TWO_ARTICLES = {"a1": {"title": "Border clash", "path": "a1.txt", "date": "2024-03-01", "url": "https://news.example/a1"},
                "a2": {"title": "Second strike", "path": "a2.txt", "date": "2024-03-05", "url": ""},
                "a3": {"title": "Denials", "path": "a3.txt", "date": "2024-03-06", "url": ""}}


@pytest.fixture(scope="module")
def reported() -> nx.MultiDiGraph:
    """Ruritania strikes Freedonia in two reports (one through a named source), denies a third strike, and
    Freedonia condemns it."""
    return _graph(
        [("country/RU", {"type": "Country", "label": "Ruritania", "mentions": 9}),
         ("country/FD", {"type": "Country", "label": "Freedonia", "mentions": 7}),
         ("person/karl", {"type": "Official", "label": "Karl Brandt", "mentions": 3, "affiliation": "country/FD"})],
        [("country/RU", "country/FD", {"predicate": "struck", "date": "2024-03-01",
                                       "sentence": "Ruritania struck Freedonia at dawn."}),
         ("country/RU", "country/FD", {"predicate": "struck", "article": "a2", "date": "2024-03-05",
                                       "sentence": "Ruritanian guns struck Freedonia again, Brandt said.",
                                       "source": "person/karl", "modality": "asserted", "confidence": 0.6}),
         ("country/RU", "country/FD", {"predicate": "struck", "article": "a3", "modality": "negated", "start": 5,
                                       "sentence": "Ruritania denied it struck Freedonia."}),
         ("country/FD", "country/RU", {"predicate": "condemned", "cameo": "111", "plover": "ACCUSE", "article": "a2",
                                       "start": 60, "sentence": "Freedonia condemned Ruritania.",
                                       "trigger": "condemned"})],
        TWO_ARTICLES,
    )


def _drawn(payload: dict) -> dict[tuple[str, str, str, bool], dict]:
    return {(e["from"], e["to"], payload["edgeInfo"][e["id"]]["predicate"], bool(e.get("dashes"))): e
            for e in payload["edges"]}


def test_html_payload_draws_one_edge_per_actor_predicate_target(reported):
    payload = _payload(reported, "t")
    drawn = _drawn(payload)
    assert sorted(drawn) == [("country/FD", "country/RU", "condemned", False),
                             ("country/RU", "country/FD", "struck", False),
                             ("country/RU", "country/FD", "struck", True)]
    twice = drawn["country/RU", "country/FD", "struck", False]
    once = drawn["country/FD", "country/RU", "condemned", False]
    assert twice["label"] == "struck \u00d72" and once["label"] == "condemned"
    assert twice["width"] > once["width"] == 1
    info = payload["edgeInfo"][twice["id"]]
    assert [(r["article"], r["date"]) for r in info["reports"]] == [("a1", "2024-03-01"), ("a2", "2024-03-05")]
    assert info["articles"] == 2 and info["reports"][1]["source"]["label"] == "Karl Brandt"
    assert payload["edgeInfo"][drawn["country/RU", "country/FD", "struck", True]["id"]]["reports"][0]["modality"] == "negated"
    # The legend still counts reports, and the actors rank by them.
    assert [(p["name"], p["count"]) for p in payload["predicates"]] == [("struck", 3), ("condemned", 1)]
    assert payload["ranked"] == ["country/RU", "country/FD"]


def test_html_payload_draws_one_edge_per_incident():
    """Reports sharing an incident are one edge, drawn between the ends most reports name; another incident
    between the same two is another edge, curved apart from the first."""
    edges = [("country/RU", "country/FD", {"predicate": "struck", "incident": "inc-1", "article": a, "start": i})
             for i, a in enumerate(["a1", "a2"])]
    edges += [("group/jets", "country/FD", {"predicate": "struck", "incident": "inc-1", "article": "a3", "start": 9}),
              ("country/RU", "country/FD", {"predicate": "struck", "incident": "inc-2", "article": "a3", "start": 20})]
    G = _graph([("country/RU", {"type": "Country", "label": "Ruritania"}),
                ("country/FD", {"type": "Country", "label": "Freedonia"}),
                ("group/jets", {"type": "Group", "label": "Ruritanian jets", "affiliation": "country/RU"})],
               edges, TWO_ARTICLES)
    payload = _payload(G, "t")
    by_incident = {payload["edgeInfo"][e["id"]]["incident"]: e for e in payload["edges"]}
    assert sorted(by_incident) == ["inc-1", "inc-2"]
    first = by_incident["inc-1"]
    assert (first["from"], first["to"], first["label"]) == ("country/RU", "country/FD", "struck \u00d73")
    reports = payload["edgeInfo"][first["id"]]["reports"]
    assert [r["article"] for r in reports] == ["a1", "a2", "a3"]
    assert reports[2]["actor"]["label"] == "Ruritanian jets" and "actor" not in reports[0]
    roundness = sorted(e["smooth"]["roundness"] for e in payload["edges"])
    assert len(set(roundness)) == 2


def _click_edge_between(page, a: str, b: str) -> None:
    page.js("""([a, b]) => { kg.network.moveNode(a, -2000, 2000); kg.network.moveNode(b, -1600, 2000);
                             kg.network.fit({nodes: [a, b]}); }""", [a, b])
    page.click_canvas(-1800, 2000)


def test_html_edge_panel_lists_every_report(open_page, reported):
    G = reported.copy()
    G.remove_edges_from([("country/RU", "country/FD", k) for k, d in G["country/RU"]["country/FD"].items()
                         if d["modality"] == "negated"])
    G.remove_edges_from([("country/FD", "country/RU", k) for k in list(G["country/FD"]["country/RU"])])
    page = open_page(G)
    _click_edge_between(page, "country/RU", "country/FD")
    panel = page.page.locator("#kg-panel")
    assert panel.get_attribute("data-kind") == "edge"
    text = panel.inner_text()
    for expected in ("Ruritania struck Freedonia at dawn.", "Ruritanian guns struck Freedonia again, Brandt said.",
                     "Border clash (2024-03-01)", "Second strike (2024-03-05)", "source: Karl Brandt", "asserted",
                     "2 in 2 articles", "2024-03-01 \u2013 2024-03-05", "CAMEO 190", "confidence 0.60"):
        assert expected in text, expected
    assert page.page.locator("#kg-panel mark").all_inner_texts() == ["struck", "struck"]
    assert page.page.locator("#kg-panel ol.kg-reports > li").count() == 2
    assert page.page.locator("#kg-panel a", has_text="Border clash").get_attribute("href") == "https://news.example/a1"
    page.page.locator("#kg-panel button", has_text="Karl Brandt").click()  # the source is a link to its node
    assert page.page.locator("#kg-panel h2").inner_text() == "Karl Brandt"


def test_html_node_panel_lists_its_events(open_page, reported):
    page = open_page(reported)
    page.js("kg.focusNode('country/RU')")
    events = page.page.locator("#kg-panel ul.kg-events button")
    # The busiest first.
    assert events.all_inner_texts() == ["struck \u2192 Freedonia \u00d72", "\u2190 Freedonia condemned",
                                        "struck \u2192 Freedonia"]
    assert "Events (4 reports)" in page.page.locator("#kg-panel").inner_text()
    events.filter(has_text="\u00d72").click()
    assert page.page.locator("#kg-panel").get_attribute("data-kind") == "edge"
    assert page.page.locator("#kg-panel ol.kg-reports > li").count() == 2


def test_html_filters_by_article_and_source(open_page, reported):
    page = open_page(reported)
    predicates = "kg.visibleEdgeIds().map(id => kg.data.edgeInfo[id].predicate + (kg.edges.get(id).dashes ? '?' : ''))"
    assert sorted(page.js(predicates)) == ["condemned", "struck", "struck?"]
    page.page.select_option("#kg-article", "a3")
    assert page.js(predicates) == ["struck?"]
    assert "person/karl" not in page.js("kg.visibleNodeIds()")
    page.page.select_option("#kg-article", "")
    page.page.select_option("#kg-source", "person/karl")
    assert page.js(predicates) == ["struck"]
    assert sorted(page.js("kg.visibleNodeIds()")) == ["country/FD", "country/RU"]
    assert page.page.locator("#kg-source option").all_inner_texts() == ["all sources", "Karl Brandt (1)"]


def test_html_top_actors_control(open_page):
    """A hub with many reports and a chain of minor actors: the slider keeps the busiest N."""
    nodes = [("country/RU", {"type": "Country", "label": "Ruritania"})]
    nodes += [(f"country/{i}", {"type": "Country", "label": f"Land {i}"}) for i in range(6)]
    edges = [("country/RU", f"country/{i}", {"predicate": "met", "start": i}) for i in range(6)]
    edges += [("country/RU", "country/0", {"predicate": "met", "start": 10 + i}) for i in range(3)]
    page = open_page(_graph(nodes, edges))
    assert page.js("kg.data.ranked[0]") == "country/RU" and page.js("kg.data.ranked[1]") == "country/0"
    assert len(page.js("kg.visibleNodeIds()")) == 7
    page.page.locator("#kg-top").fill("2")
    assert sorted(page.js("kg.visibleNodeIds()")) == ["country/0", "country/RU"]
    assert page.page.locator("#kg-top-label").inner_text() == "Actors with the most reports: 2 of 7"
    assert _all_in_view(page)
    page.js("kg.focusNode('country/5')")  # search and links still reach an actor outside the top
    assert "country/5" in page.js("kg.visibleNodeIds()")


@pytest.fixture(scope="module")
def brandts() -> nx.MultiDiGraph:
    return _graph(
        [("person/karl", {"type": "Official", "label": "Karl Brandt", "aliases": ["Brandt"], "mentions": 50}),
         ("place/brandt", {"type": "Place", "label": "Brandt", "mentions": 2}),
         ("org/brandt", {"type": "Organization", "label": "Brandtworks Holdings", "mentions": 1}),
         ("org/abrandt", {"type": "Organization", "label": "Sabrandt", "mentions": 90}),
         ("country/FD", {"type": "Country", "label": "Freedonia"})],
        [("person/karl", "country/FD", {"predicate": "met", "start": 0})])


def test_html_search_prefers_the_most_mentioned_and_offers_the_rest(open_page, brandts):
    page = open_page(brandts)
    assert page.js("kg.search('brandt')") == "person/karl"
    alternatives = page.page.locator("#kg-search-alt button")
    # Word matches by mentions; a match inside a word (Sabrandt) comes last however often it is mentioned.
    assert alternatives.all_inner_texts() == ["Brandt (Place, 2)", "Brandtworks Holdings (Organization, 1)",
                                              "Sabrandt (Organization, 90)"]
    alternatives.first.click()
    assert page.js("kg.network.getSelectedNodes()") == ["place/brandt"]
    assert "place/brandt" in page.js("kg.visibleNodeIds()")  # shown though it takes part in no event
    assert page.page.locator("#kg-panel h2").inner_text() == "Brandt"


def test_html_parallel_edges_keep_their_labels_apart(open_page):
    """Seven relations between two countries, both ways: their midpoints (where the labels sit) are apart."""
    preds = ["struck", "threatened", "accused", "condemned", "met", "supported", "mediated"]
    edges = [("country/RU", "country/FD", {"predicate": p, "start": i}) for i, p in enumerate(preds[:4])]
    edges += [("country/FD", "country/RU", {"predicate": p, "start": 10 + i}) for i, p in enumerate(preds[4:])]
    page = open_page(_graph([("country/RU", {"type": "Country", "label": "Ruritania"}),
                             ("country/FD", {"type": "Country", "label": "Freedonia"})], edges))
    page.js("() => { kg.network.moveNode('country/RU', -150, 0); kg.network.moveNode('country/FD', 150, 0); kg.network.fit(); }")
    mids = page.js("kg.data.edges.map(e => kg.network.body.edges[e.id].edgeType.getPoint(0.5))")
    assert len(mids) == 7
    gaps = [((a["x"] - b["x"]) ** 2 + (a["y"] - b["y"]) ** 2) ** 0.5 for i, a in enumerate(mids) for b in mids[i + 1:]]
    assert min(gaps) > 16  # edge labels are 11 px high



def _covered_labels(page) -> int:
    """How many shown labels are more than half covered by another shown label."""
    boxes = page.js("""() => kg.visibleNodeIds().map(id => { const b = kg.network.body.nodes[id].labelModule.size;
        return [b.left, b.top, b.width, b.height]; })""")

    def overlap(a, b) -> float:
        w = min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0])
        h = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
        return max(w, 0) * max(h, 0) / min(a[2] * a[3], b[2] * b[3])

    return sum(1 for i, a in enumerate(boxes) if any(overlap(a, b) > 0.5 for j, b in enumerate(boxes) if i != j))


def test_html_labels_of_a_crowded_star_are_moved_apart(open_page):
    """Thirty groups with long names around one state: the physics keeps the dots apart but not their labels; once
    the labels are measured, the view moves nodes until no label covers half of another."""
    name = "Northern Valley Liberation Front for the Unity and Freedom of the High Pl"  # 74 characters
    leaves = [(f"group/g{i}", {"type": "Group", "label": f"{name} {i}"}) for i in range(30)]
    edges = [(k, "country/RU", {"predicate": "struck", "start": i}) for i, (k, _) in enumerate(leaves)]
    page = open_page(_graph([("country/RU", {"type": "Country", "label": "Ruritania"}), *leaves], edges))
    assert _covered_labels(page) == 0


# ---- the 295-article Wikinews build ----------------------------------------------------------------------

ARTEFACTS = Path(__file__).resolve().parent.parent / "build" / "test-artefacts"


def test_html_wikinews_default_view_reads(open_page, wikinews_graph):
    """At its default the corpus view draws the actors of events (at most 400), no isolated dots, every label
    drawn at a readable size at fit zoom and few of them overlapping; the screenshot is kept in build/."""
    page = open_page(wikinews_graph, "wikinews.html")
    visible = page.js("kg.visibleNodeIds()")
    assert 50 <= len(visible) <= 400 < wikinews_graph.number_of_nodes()
    # Every entity shown has a visible event, or is what one of those belongs to.
    touched = page.js("""() => { const t = {};
        kg.visibleEdgeIds().concat(kg.visibleStructureIds()).forEach(id => {
            const e = kg.edges.get(id); t[e.from] = true; t[e.to] = true; });
        return Object.keys(t); }""")
    assert set(visible) <= set(touched)
    labels = page.js("""() => { const s = kg.network.getScale(), out = [];
        kg.visibleNodeIds().forEach(id => { const n = kg.network.body.nodes[id], b = n.labelModule.size;
            out.push({id, px: n.labelModule.fontOptions.size * s, box: [b.left, b.top, b.width, b.height]}); });
        return out; }""")
    assert min(label["px"] for label in labels) >= 8  # vis-network draws a label from 7 px (drawThreshold - 1)
    top = set(page.js("kg.data.ranked.slice(0, 10)"))
    assert all(label["px"] >= 10 for label in labels if label["id"] in top)

    def overlap(a, b) -> float:
        w = min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0])
        h = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
        return max(w, 0) * max(h, 0) / min(a[2] * a[3], b[2] * b[3])

    boxes = [label["box"] for label in labels]
    crowded = sum(1 for i, a in enumerate(boxes) if any(overlap(a, b) > 0.5 for j, b in enumerate(boxes) if i != j))
    assert crowded <= 0.1 * len(boxes), f"{crowded} of {len(boxes)} labels half covered by another"
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    page.page.screenshot(path=str(ARTEFACTS / "wikinews-default.png"))
    assert (ARTEFACTS / "wikinews-default.png").stat().st_size > 20_000
    # Search takes the most-mentioned entity a word names, not a rarely mentioned namesake.
    official = max((k for k, d in wikinews_graph.nodes(data=True) if d["type"] == "Official"),
                   key=lambda k: wikinews_graph.nodes[k]["mentions"])
    surname = wikinews_graph.nodes[official]["label"].split()[-1]
    assert page.js("q => kg.search(q)", surname) == official
    page.page.screenshot(path=str(ARTEFACTS / "wikinews-panel.png"))
