// kg graph page. Every string in the data is untrusted: it reaches the DOM through textContent,
// createTextNode or element properties only, never innerHTML.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var DIM_NODE = { background: "#e6e6e6", border: "#d0d0d0", highlight: { background: "#e6e6e6", border: "#d0d0d0" } };
  var DIM_EDGE = { color: "#e3e3e3", highlight: "#e3e3e3", hover: "#e3e3e3", inherit: false };
  var NOT_EVENT = "From the entity's attributes, not an event.";
  var DIM_FONT = { color: "#bbbbbb" };

  function $(id) { return document.getElementById(id); }
  // el("dd", {className: "x"}, ["text", child]) -- strings become text nodes.
  function el(tag, props, children) {
    var node = document.createElement(tag);
    if (props) { Object.keys(props).forEach(function (k) { node[k] = props[k]; }); }
    (children || []).forEach(function (c) {
      if (c === null || c === undefined) { return; }
      node.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
    });
    return node;
  }
  function tooltip(lines) {
    var box = el("div");
    lines.forEach(function (line, i) { box.appendChild(el(i === 0 ? "strong" : "div", null, [line])); });
    return box;
  }

  var nodeInfo = data.nodeInfo, edgeInfo = data.edgeInfo, articles = data.articles;
  // Structural edges (affiliation, located in) come from node attributes: no predicate, no date, no evidence.
  var structureInfo = data.structureInfo;
  var predicates = {}, structureKinds = {};
  data.predicates.forEach(function (p) { predicates[p.name] = p; });
  data.structureKinds.forEach(function (k) { structureKinds[k.name] = k; });
  var allEdges = data.edges.concat(data.structure);
  var edgeById = {};
  allEdges.forEach(function (e) { edgeById[e.id] = e; });
  function isStructure(id) { return Object.prototype.hasOwnProperty.call(structureInfo, id); }
  function ref(key) { return { key: key, label: nodeInfo[key] ? nodeInfo[key].label : key, in_graph: key in nodeInfo }; }
  var typeOn = {}, predOn = {}, structureOn = {};
  data.types.forEach(function (t) { typeOn[t.name] = true; });
  data.predicates.forEach(function (p) { predOn[p.name] = true; });
  data.structureKinds.forEach(function (k) { structureOn[k.name] = true; });
  var baseNode = {}, baseEdge = {};
  data.nodes.forEach(function (n) {
    var info = nodeInfo[n.id];
    baseNode[n.id] = { color: n.color };
    n.title = tooltip([info.label, [info.type, info.role].filter(Boolean).join(" \u00b7 ")]);
  });
  data.edges.forEach(function (e) {
    var info = edgeInfo[e.id];
    baseEdge[e.id] = { color: e.color };
    var head = nodeInfo[e.from].label + " \u2014 " + predicates[info.predicate].label + " \u2192 " + nodeInfo[e.to].label;
    var meta = [info.date, info.modality !== "asserted" ? info.modality : ""].filter(Boolean).join(" \u00b7 ");
    e.title = tooltip([head, info.sentence, meta]);
  });
  data.structure.forEach(function (e) {
    baseEdge[e.id] = { color: Object.assign({}, e.color) };
    var kind = structureKinds[structureInfo[e.id].kind];
    e.title = tooltip([nodeInfo[e.from].label + " \u2014 " + kind.verb + " \u2192 " + nodeInfo[e.to].label, NOT_EVENT]);
  });
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(allEdges);
  var hiddenNode = {}, hiddenEdge = {};

  $("kg-title").textContent = data.title;
  var network = new vis.Network($("kg-network"), { nodes: nodes, edges: edges }, data.options);
  var api = { network: network, nodes: nodes, edges: edges, ready: false, readyAt: null, data: data };
  window.kg = api;

  function markReady() {
    if (api.ready) { return; }
    api.ready = true;
    api.readyAt = performance.now();
    document.body.setAttribute("data-ready", "1");
  }
  var physicsButton = $("kg-physics");
  function freeze() {
    network.setOptions({ physics: { enabled: false } });
    physicsButton.textContent = "Resume physics";
  }
  if (data.layout === "physics" && data.nodes.length > 0) {
    physicsButton.hidden = false;
    network.once("stabilizationIterationsDone", function () { freeze(); network.once("afterDrawing", markReady); network.redraw(); });
    network.on("stabilized", function () { if (api.ready) { freeze(); } });
    physicsButton.addEventListener("click", function () {
      var on = physicsButton.textContent === "Resume physics";
      if (on) {
        network.setOptions({ physics: { enabled: true } });
        network.startSimulation();
        physicsButton.textContent = "Freeze";
      } else {
        network.stopSimulation();
        freeze();
      }
    });
  } else {
    network.once("afterDrawing", markReady);
  }
  $("kg-fit").addEventListener("click", function () { network.fit({ animation: false }); });

  // ---- filters: legend toggles and the time window ------------------------------------------------
  var dates = data.dates;
  var timeFrom = $("kg-time-from"), timeTo = $("kg-time-to"), timeUndated = $("kg-time-undated");
  function windowBounds() {
    if (!dates.length) { return null; }
    return [dates[Number(timeFrom.value)], dates[Number(timeTo.value)]];
  }
  function nodeVisible(id) { return typeOn[nodeInfo[id].type] === true; }
  function edgeVisible(e) {
    var info = edgeInfo[e.id];
    if (predOn[info.predicate] !== true || !nodeVisible(e.from) || !nodeVisible(e.to)) { return false; }
    var w = windowBounds();
    if (!w) { return true; }
    if (!info.date) { return timeUndated.checked; }
    return info.date >= w[0] && info.date <= w[1];
  }
  // Not an event: the time window and the predicate toggles never hide it; its kind's toggle and its ends do.
  function structureVisible(e) {
    return structureOn[structureInfo[e.id].kind] === true && nodeVisible(e.from) && nodeVisible(e.to);
  }
  function applyFilters() {
    var nodeUpdates = [], edgeUpdates = [], shownNodes = 0, shownEdges = 0;
    data.nodes.forEach(function (n) {
      var hide = !nodeVisible(n.id);
      if (!hide) { shownNodes += 1; }
      if (hide !== (hiddenNode[n.id] === true)) { hiddenNode[n.id] = hide; nodeUpdates.push({ id: n.id, hidden: hide }); }
    });
    data.edges.forEach(function (e) {
      var hide = !edgeVisible(e);
      if (!hide) { shownEdges += 1; }
      if (hide !== (hiddenEdge[e.id] === true)) { hiddenEdge[e.id] = hide; edgeUpdates.push({ id: e.id, hidden: hide }); }
    });
    data.structure.forEach(function (e) {
      var hide = !structureVisible(e);
      if (hide !== (hiddenEdge[e.id] === true)) { hiddenEdge[e.id] = hide; edgeUpdates.push({ id: e.id, hidden: hide }); }
    });
    if (nodeUpdates.length) { nodes.update(nodeUpdates); }
    if (edgeUpdates.length) { edges.update(edgeUpdates); }
    $("kg-status").textContent = shownNodes + " / " + data.nodes.length + " nodes, " +
      shownEdges + " / " + data.edges.length + " relations";
  }
  api.visibleNodeIds = function () { return data.nodes.filter(function (n) { return !hiddenNode[n.id]; }).map(function (n) { return n.id; }); };
  api.visibleEdgeIds = function () { return data.edges.filter(function (e) { return !hiddenEdge[e.id]; }).map(function (e) { return e.id; }); };
  api.visibleStructureIds = function () { return data.structure.filter(function (e) { return !hiddenEdge[e.id]; }).map(function (e) { return e.id; }); };

  function legendEntry(list, key, on, swatch, text, count) {
    var button = el("button", { type: "button" }, [swatch, el("span", null, [text]), el("span", { className: "kg-count" }, [count])]);
    button.setAttribute("aria-pressed", "true");
    button.dataset.key = key;
    button.addEventListener("click", function () {
      on[key] = !on[key];
      button.setAttribute("aria-pressed", on[key] ? "true" : "false");
      applyFilters();
    });
    list.appendChild(el("li", null, [button]));
  }
  data.types.forEach(function (t) {
    var swatch = el("span", { className: "kg-swatch " + t.shape });
    swatch.style.background = t.colour;
    legendEntry($("kg-legend-types"), t.name, typeOn, swatch, t.name || "(no type)", t.count);
  });
  data.predicates.forEach(function (p) {
    var swatch = el("span", { className: "kg-swatch line", title: p.family });
    swatch.style.background = p.colour;
    legendEntry($("kg-legend-predicates"), p.name, predOn, swatch, p.label, p.count);
  });
  if (data.structure.length) {
    $("kg-structure").hidden = false;
    data.structureKinds.forEach(function (k) {
      legendEntry($("kg-legend-structure"), k.name, structureOn, el("span", { className: "kg-swatch structure" }), k.label, k.count);
    });
  }

  if (dates.length) {
    $("kg-time").hidden = false;
    [timeFrom, timeTo].forEach(function (input) { input.max = String(dates.length - 1); });
    timeTo.value = String(dates.length - 1);
  }
  function onTime(ev) {
    if (Number(timeFrom.value) > Number(timeTo.value)) {
      if (ev && ev.target === timeFrom) { timeTo.value = timeFrom.value; } else { timeFrom.value = timeTo.value; }
    }
    var w = windowBounds();
    $("kg-time-label").textContent = w ? (w[0] === w[1] ? w[0] : w[0] + " \u2013 " + w[1]) : "";
    applyFilters();
  }
  [timeFrom, timeTo, timeUndated].forEach(function (input) { input.addEventListener("input", onTime); input.addEventListener("change", onTime); });
  api.setTimeWindow = function (from, to) {
    timeFrom.value = String(Math.max(0, dates.indexOf(from)));
    timeTo.value = String(dates.indexOf(to) < 0 ? dates.length - 1 : dates.indexOf(to));
    onTime();
  };
  onTime();

  // ---- neighbourhood highlight ----------------------------------------------------------------------
  var highlighted = false;
  // A fresh copy each time: a structural edge's colour is an object, and nothing may alias the original.
  function baseColour(id) {
    var c = baseEdge[id].color;
    return typeof c === "object" && c !== null ? Object.assign({}, c) : c;
  }
  function highlight(id) {
    var keep = {};
    keep[id] = true;
    network.getConnectedNodes(id).forEach(function (n) { keep[n] = true; });
    var incident = {};
    network.getConnectedEdges(id).forEach(function (e) { incident[e] = true; });
    nodes.update(data.nodes.map(function (n) {
      return keep[n.id] ? { id: n.id, color: baseNode[n.id].color, font: { color: "#222222" } } : { id: n.id, color: DIM_NODE, font: DIM_FONT };
    }));
    edges.update(allEdges.map(function (e) {
      return incident[e.id] ? { id: e.id, color: baseColour(e.id), font: { color: "#222222" } } : { id: e.id, color: DIM_EDGE, font: DIM_FONT };
    }));
    highlighted = true;
  }
  function unhighlight() {
    if (!highlighted) { return; }
    nodes.update(data.nodes.map(function (n) { return { id: n.id, color: baseNode[n.id].color, font: { color: "#222222" } }; }));
    edges.update(allEdges.map(function (e) { return { id: e.id, color: baseColour(e.id), font: { color: "#222222" } }; }));
    highlighted = false;
  }

  // ---- side panel -----------------------------------------------------------------------------------
  var panel = $("kg-panel"), body = $("kg-panel-body");
  function row(dl, term, value) {
    if (value === null || value === undefined || value === "") { return; }
    dl.appendChild(el("dt", null, [term]));
    dl.appendChild(el("dd", null, [value]));
  }
  function nodeRef(ref) {
    if (!ref.in_graph) { return el("span", null, [ref.label]); }
    var link = el("button", { type: "button", className: "kg-link" }, [ref.label]);
    link.addEventListener("click", function () { focusNode(ref.key); });
    return link;
  }
  function articleItem(id) {
    var a = articles[id];
    if (!a) { return el("li", null, [id]); }
    var text = (a.title || id) + (a.date ? " (" + a.date + ")" : "");
    if (/^https?:\/\//i.test(a.url)) {
      return el("li", null, [el("a", { href: a.url, target: "_blank", rel: "noopener noreferrer" }, [text])]);
    }
    return el("li", null, [text]);
  }
  function openPanel(children) {
    body.replaceChildren.apply(body, children);
    panel.hidden = false;
  }
  function showNode(id) {
    var info = nodeInfo[id];
    var dl = el("dl");
    row(dl, "type", info.type);
    row(dl, "role", info.role);
    if (info.affiliation) { row(dl, "affiliation", nodeRef(info.affiliation)); }
    if (info.located_in) { row(dl, "located in", nodeRef(info.located_in)); }
    if (info.aliases.length) { row(dl, "aliases", info.aliases.join("; ")); }
    row(dl, "ISO", info.iso);
    row(dl, "mentions", info.mentions);
    if (typeof info.geonames === "number" && Number.isInteger(info.geonames) && info.geonames > 0) {
      row(dl, "GeoNames", el("a", { href: "https://www.geonames.org/" + info.geonames, target: "_blank", rel: "noopener noreferrer" }, [String(info.geonames)]));
    }
    row(dl, "key", info.key);
    var children = [el("h2", null, [info.label]), dl];
    if (info.first_sentence) { children.push(el("blockquote", null, [info.first_sentence])); }
    if (info.articles.length) {
      children.push(el("h3", null, ["Articles"]));
      children.push(el("ul", null, info.articles.map(articleItem)));
    }
    openPanel(children);
    panel.dataset.kind = "node";
    panel.dataset.id = id;
  }
  function showEdge(id) {
    var info = edgeInfo[id];
    var quote = el("blockquote");
    var s = info.sentence, span = info.trigger_span;
    if (span && span[0] >= 0 && span[1] <= s.length) {
      quote.appendChild(document.createTextNode(s.slice(0, span[0])));
      quote.appendChild(el("mark", null, [s.slice(span[0], span[1])]));
      quote.appendChild(document.createTextNode(s.slice(span[1])));
    } else {
      quote.appendChild(document.createTextNode(s));
    }
    var e = edgeById[id], p = predicates[info.predicate];
    var heading = el("h2", null, [nodeRef(ref(e.from)), " \u2014 " + p.label + " \u2192 ", nodeRef(ref(e.to))]);
    var cameoName = p.offered_cameo && info.cameo === p.offered_cameo ? p.offered_name :
      info.cameo === p.cameo ? p.cameo_name : "";
    var a = articles[info.article] || {};
    var dl = el("dl");
    row(dl, "article", a.title || info.article);
    row(dl, "date", info.date);
    row(dl, "CAMEO", info.cameo ? info.cameo + (cameoName ? " " + cameoName : "") : "");
    row(dl, "PLOVER", info.plover ? info.plover + (p.plover_mode ? " (" + p.plover_mode + ")" : "") : "");
    row(dl, "modality", info.modality);
    row(dl, "confidence", info.confidence === null ? "" : info.confidence.toFixed(2));
    if (info.source) { row(dl, "source", nodeRef(info.source)); }
    if (info.place) { row(dl, "place", nodeRef(info.place)); }
    if (typeof info.casualties === "number") { row(dl, "casualties", info.casualties); }
    row(dl, "trigger", info.trigger);
    var children = [heading, quote, dl];
    if (/^https?:\/\//i.test(a.url || "")) {
      children.push(el("p", null, [el("a", { href: a.url, target: "_blank", rel: "noopener noreferrer" }, ["Open article"])]));
    }
    openPanel(children);
    panel.dataset.kind = "edge";
    panel.dataset.id = id;
  }
  function showStructure(id) {
    var e = edgeById[id], kind = structureKinds[structureInfo[id].kind];
    var heading = el("h2", null, [nodeRef(ref(e.from)), " \u2014 " + kind.verb + " \u2192 ", nodeRef(ref(e.to))]);
    var dl = el("dl");
    row(dl, "structure", kind.label);
    openPanel([heading, el("p", null, [NOT_EVENT]), dl]);
    panel.dataset.kind = "structure";
    panel.dataset.id = id;
  }
  $("kg-panel-close").addEventListener("click", function () { panel.hidden = true; network.unselectAll(); unhighlight(); });

  network.on("click", function (params) {
    if (params.nodes.length) {
      highlight(params.nodes[0]);
      showNode(params.nodes[0]);
    } else if (params.edges.length) {
      unhighlight();
      if (isStructure(params.edges[0])) { showStructure(params.edges[0]); } else { showEdge(params.edges[0]); }
    } else {
      unhighlight();
      panel.hidden = true;
    }
  });

  // ---- search over labels and aliases ---------------------------------------------------------------
  var names = [];
  data.nodes.forEach(function (n) {
    var info = nodeInfo[n.id];
    [info.label].concat(info.aliases).forEach(function (name) { names.push({ name: name, lower: name.toLowerCase(), id: n.id }); });
  });
  var datalist = $("kg-names");
  var seenName = {};
  names.slice().sort(function (x, y) { return x.name < y.name ? -1 : x.name > y.name ? 1 : 0; }).forEach(function (entry) {
    if (seenName[entry.name]) { return; }
    seenName[entry.name] = true;
    datalist.appendChild(el("option", { value: entry.name }));
  });
  function find(query) {
    var q = query.trim().toLowerCase();
    if (!q) { return null; }
    var tests = [
      function (e) { return e.lower === q; },
      function (e) { return e.lower.indexOf(q) === 0; },
      function (e) { return e.lower.indexOf(q) >= 0; }
    ];
    for (var i = 0; i < tests.length; i += 1) {
      var hit = names.filter(tests[i]);
      if (hit.length) { return hit[0].id; }
    }
    return null;
  }
  function focusNode(id) {
    var type = nodeInfo[id].type;
    if (!typeOn[type]) {
      typeOn[type] = true;
      document.querySelectorAll("#kg-legend-types button").forEach(function (b) {
        if (b.dataset.key === type) { b.setAttribute("aria-pressed", "true"); }
      });
      applyFilters();
    }
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.2), animation: false });
    highlight(id);
    showNode(id);
  }
  api.search = function (query) {
    var id = find(query);
    $("kg-search-status").textContent = id === null ? "no match" : "";
    if (id !== null) { focusNode(id); }
    return id;
  };
  api.focusNode = focusNode;
  $("kg-search-form").addEventListener("submit", function (ev) { ev.preventDefault(); api.search($("kg-search").value); });
}());
