// kg graph page. Every string in the data is untrusted: it reaches the DOM through textContent,
// createTextNode or element properties only, never innerHTML.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var DIM_NODE = { background: "#e6e6e6", border: "#d0d0d0", highlight: { background: "#e6e6e6", border: "#d0d0d0" } };
  var DIM_EDGE = { color: "#e3e3e3", highlight: "#e3e3e3", hover: "#e3e3e3", inherit: false };
  var NOT_EVENT = "From the entity's attributes, not an event.";
  var DIM_FONT = { color: "#bbbbbb" };
  var GAP = 55;  // least distance between a placed node and any other

  function $(id) { return document.getElementById(id); }
  function has(obj, key) { return Object.prototype.hasOwnProperty.call(obj, key); }
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
    lines.forEach(function (line, i) { if (line) { box.appendChild(el(i === 0 ? "strong" : "div", null, [line])); } });
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
  function isStructure(id) { return has(structureInfo, id); }
  function ref(key) { return { key: key, label: nodeInfo[key] ? nodeInfo[key].label : key, in_graph: has(nodeInfo, key) }; }
  function predLabel(name) { return predicates[name] ? predicates[name].label : name; }

  // Adjacency: event edges per node, structural edges per dependant (from) and per target (to).
  var eventsOf = {}, structureFrom = {}, structureTo = {};
  data.nodes.forEach(function (n) { eventsOf[n.id] = []; structureFrom[n.id] = []; structureTo[n.id] = []; });
  data.edges.forEach(function (e) { eventsOf[e.from].push(e.id); if (e.to !== e.from) { eventsOf[e.to].push(e.id); } });
  data.structure.forEach(function (e) { structureFrom[e.from].push(e.id); structureTo[e.to].push(e.id); });
  var rankOf = {};
  data.ranked.forEach(function (key, i) { rankOf[key] = i; });
  // Nodes without events have no layout: they are placed beside what they belong to when first shown.
  var laidOut = {};
  data.nodes.forEach(function (n) {
    laidOut[n.id] = has(rankOf, n.id);
    if (!laidOut[n.id]) { n.physics = false; }
  });

  var typeOn = {}, predOn = {}, structureOn = {}, pinned = {}, pinnedNear = {};
  data.types.forEach(function (t) { typeOn[t.name] = true; });
  data.predicates.forEach(function (p) { predOn[p.name] = true; });
  data.structureKinds.forEach(function (k) { structureOn[k.name] = true; });
  var filter = { top: data.defaultTop, all: false, article: "", source: "" };
  var baseNode = {}, baseEdge = {};
  data.nodes.forEach(function (n) {
    var info = nodeInfo[n.id];
    baseNode[n.id] = { color: n.color };
    n.title = tooltip([info.label, [info.type, info.role].filter(Boolean).join(" \u00b7 "),
      info.reports ? info.reports + (info.reports === 1 ? " report" : " reports") + " of events" : ""]);
  });
  data.edges.forEach(function (e) {
    var info = edgeInfo[e.id], first = info.reports[0];
    baseEdge[e.id] = { color: e.color };
    var head = nodeInfo[e.from].label + " \u2014 " + predLabel(info.predicate) + " \u2192 " + nodeInfo[e.to].label;
    var count = info.reports.length > 1 ? info.reports.length + " reports in " + info.articles +
      (info.articles === 1 ? " article" : " articles") : "";
    var meta = [first.date, first.modality !== "asserted" ? first.modality : ""].filter(Boolean).join(" \u00b7 ");
    e.title = tooltip([head, count, first.sentence, meta]);
  });
  data.structure.forEach(function (e) {
    baseEdge[e.id] = { color: Object.assign({}, e.color) };
    var kind = structureKinds[structureInfo[e.id].kind];
    e.title = tooltip([nodeInfo[e.from].label + " \u2014 " + kind.verb + " \u2192 " + nodeInfo[e.to].label, NOT_EVENT]);
  });

  // ---- what is visible: nodes follow the edges that pass the filters --------------------------------
  var dates = data.dates;
  var timeFrom = $("kg-time-from"), timeTo = $("kg-time-to"), timeUndated = $("kg-time-undated");
  function windowBounds() {
    if (!dates.length) { return null; }
    return [dates[Number(timeFrom.value)], dates[Number(timeTo.value)]];
  }
  function typeVisible(id) { return typeOn[nodeInfo[id].type] === true; }
  function candidate(id) {
    return typeVisible(id) && (filter.all || pinned[id] === true || pinnedNear[id] === true ||
      (has(rankOf, id) && rankOf[id] < filter.top));
  }
  function reportPasses(r, w) {
    if (filter.article && r.article !== filter.article) { return false; }
    if (filter.source && !(r.source && r.source.key === filter.source)) { return false; }
    if (!w) { return true; }
    if (!r.date) { return timeUndated.checked; }
    return r.date >= w[0] && r.date <= w[1];
  }
  function edgeVisible(e, w) {
    var info = edgeInfo[e.id];
    if (predOn[info.predicate] !== true || !candidate(e.from) || !candidate(e.to)) { return false; }
    return info.reports.some(function (r) { return reportPasses(r, w); });
  }
  function computeVisible() {
    var w = windowBounds(), shownNodes = {}, shownEdges = {};
    data.edges.forEach(function (e) {
      if (edgeVisible(e, w)) { shownEdges[e.id] = true; shownNodes[e.from] = true; shownNodes[e.to] = true; }
    });
    data.nodes.forEach(function (n) {
      if (candidate(n.id) && (filter.all || pinned[n.id] === true)) { shownNodes[n.id] = true; }
    });
    // What a shown entity is affiliated to or located in, when its kind of structure is on.
    data.structure.forEach(function (e) {
      if (structureOn[structureInfo[e.id].kind] === true && shownNodes[e.from] && typeVisible(e.to)) { shownNodes[e.to] = true; }
    });
    data.structure.forEach(function (e) {
      if (structureOn[structureInfo[e.id].kind] === true && shownNodes[e.from] && shownNodes[e.to]) { shownEdges[e.id] = true; }
    });
    return { nodes: shownNodes, edges: shownEdges };
  }
  var hiddenNode = {}, hiddenEdge = {};
  var initial = computeVisible();
  data.nodes.forEach(function (n) { hiddenNode[n.id] = !initial.nodes[n.id]; n.hidden = hiddenNode[n.id]; });
  allEdges.forEach(function (e) { hiddenEdge[e.id] = !initial.edges[e.id]; e.hidden = hiddenEdge[e.id]; });

  // Entities without events join the network only when first shown: thousands of hidden nodes slow the first paint.
  var inSet = {}, nodeById = {};
  data.nodes.forEach(function (n) { nodeById[n.id] = n; if (laidOut[n.id] || !n.hidden) { inSet[n.id] = true; } });
  var nodes = new vis.DataSet(data.nodes.filter(function (n) { return inSet[n.id]; }));
  var edges = new vis.DataSet(allEdges);
  $("kg-title").textContent = data.title;
  var network = new vis.Network($("kg-network"), { nodes: nodes, edges: edges }, data.options);
  var api = { network: network, nodes: nodes, edges: edges, ready: false, readyAt: null, data: data };
  window.kg = api;

  // ---- placing nodes that have no layout (entities without events), beside what they belong to -------
  var placed = {};
  function placeMissing() {
    var todo = data.nodes.filter(function (n) { return !hiddenNode[n.id] && !laidOut[n.id] && !placed[n.id]; })
      .map(function (n) { return n.id; });
    if (!todo.length) { return; }
    var known = data.nodes.filter(function (n) { return !hiddenNode[n.id] && (laidOut[n.id] || placed[n.id]); })
      .map(function (n) { return n.id; });
    var pos = network.getPositions(known), grid = {};
    var box = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
    function cell(v) { return Math.floor(v / GAP); }
    function occupy(id, p) {
      pos[id] = p;
      var k = cell(p.x) + "," + cell(p.y);
      (grid[k] = grid[k] || []).push(p);
      box.x0 = Math.min(box.x0, p.x); box.y0 = Math.min(box.y0, p.y);
      box.x1 = Math.max(box.x1, p.x); box.y1 = Math.max(box.y1, p.y);
    }
    function free(p) {
      var cx = cell(p.x), cy = cell(p.y);
      for (var dx = -1; dx <= 1; dx += 1) {
        for (var dy = -1; dy <= 1; dy += 1) {
          var list = grid[(cx + dx) + "," + (cy + dy)] || [];
          for (var i = 0; i < list.length; i += 1) {
            if (Math.hypot(list[i].x - p.x, list[i].y - p.y) < GAP) { return false; }
          }
        }
      }
      return true;
    }
    known.forEach(function (id) { occupy(id, pos[id]); });
    if (!known.length) { box = { x0: 0, y0: 0, x1: 0, y1: 0 }; }
    function anchor(id) {
      var near = structureFrom[id].map(function (s) { return edgeById[s].to; })
        .concat(structureTo[id].map(function (s) { return edgeById[s].from; }));
      if (!near.some(function (k) { return pos[k]; })) {
        near = eventsOf[id].map(function (e) { return edgeById[e].from === id ? edgeById[e].to : edgeById[e].from; });
      }
      var xs = near.filter(function (k) { return pos[k]; }).map(function (k) { return pos[k]; });
      if (!xs.length) { return null; }
      return { x: xs.reduce(function (s, p) { return s + p.x; }, 0) / xs.length,
               y: xs.reduce(function (s, p) { return s + p.y; }, 0) / xs.length };
    }
    // Those with a placed neighbour first (their neighbours may be placed in this very pass), the rest in a grid.
    todo.sort(function (a, b) { return nodeInfo[b].mentions - nodeInfo[a].mentions || (a < b ? -1 : a > b ? 1 : 0); });
    var updates = [], progress = true;
    while (todo.length && progress) {
      progress = false;
      var later = [];
      todo.forEach(function (id) {
        var a = anchor(id);
        if (!a) { later.push(id); return; }
        for (var k = 1; k < 5000; k += 1) {  // Vogel's spiral: evenly filled disc around the anchor
          var r = GAP * 0.8 * Math.sqrt(k), t = k * 2.399963;
          var p = { x: a.x + r * Math.cos(t), y: a.y + r * Math.sin(t) };
          if (free(p)) { occupy(id, p); break; }
        }
        progress = true;
      });
      todo = later;
    }
    var rest = todo;
    var cols = Math.max(1, Math.ceil(Math.sqrt(rest.length * 2)));
    var top = box.y1 + 2 * GAP;
    rest.forEach(function (id, i) {
      occupy(id, { x: box.x0 + (i % cols) * GAP * 1.4, y: top + Math.floor(i / cols) * GAP });
    });
    data.nodes.forEach(function (n) {
      if (!hiddenNode[n.id] && !laidOut[n.id] && !placed[n.id] && pos[n.id]) {
        placed[n.id] = true;
        updates.push({ id: n.id, x: pos[n.id].x, y: pos[n.id].y });
      }
    });
    nodes.update(updates);
  }

  function markReady() {
    if (api.ready) { return; }
    api.ready = true;
    api.readyAt = performance.now();
    document.body.setAttribute("data-ready", "1");
  }
  function fit() { network.fit({ animation: false, maxZoomLevel: 1.6 }); }
  // After Gephi's Label Adjust: the layout keeps dots apart, not their labels; once the labels have been measured
  // (a first drawing), shown nodes whose labels cover each other are moved apart, half each, along the axis of least
  // overlap. Returns whether any moved.
  function spreadLabels() {
    var ids = data.nodes.filter(function (n) { return !hiddenNode[n.id]; }).map(function (n) { return n.id; });
    var pos = network.getPositions(ids), box = {}, moved = false;
    ids = ids.filter(function (id) {
      var s = network.body.nodes[id].labelModule.size;
      if (!(s.width > 0)) { return false; }
      box[id] = { dx: s.left - pos[id].x, dy: s.top - pos[id].y, w: s.width, h: s.height };
      return true;
    });
    for (var pass = 0; pass < 40; pass++) {
      var shift = {}, any = false;
      for (var i = 0; i < ids.length; i++) {
        var a = ids[i], ba = box[a], ax = pos[a].x + ba.dx, ay = pos[a].y + ba.dy;
        for (var j = i + 1; j < ids.length; j++) {
          var b = ids[j], bb = box[b], bx = pos[b].x + bb.dx, by = pos[b].y + bb.dy;
          var ox = Math.min(ax + ba.w, bx + bb.w) - Math.max(ax, bx), oy = Math.min(ay + ba.h, by + bb.h) - Math.max(ay, by);
          if (ox <= 0 || oy <= 0) { continue; }
          var horizontal = ox / Math.max(ba.w, bb.w) < oy / Math.max(ba.h, bb.h);
          var sx = horizontal ? (ax + ba.w / 2 <= bx + bb.w / 2 ? -ox / 2 : ox / 2) : 0;
          var sy = horizontal ? 0 : (ay + ba.h / 2 <= by + bb.h / 2 ? -oy / 2 : oy / 2);
          shift[a] = shift[a] || { x: 0, y: 0 }; shift[b] = shift[b] || { x: 0, y: 0 };
          shift[a].x += sx; shift[a].y += sy; shift[b].x -= sx; shift[b].y -= sy;
          any = true;
        }
      }
      if (!any) { break; }
      Object.keys(shift).forEach(function (id) { pos[id].x += shift[id].x; pos[id].y += shift[id].y; });
      moved = true;
    }
    if (moved) { ids.forEach(function (id) { network.moveNode(id, pos[id].x, pos[id].y); }); }
    return moved;
  }
  function settleLabels() {  // measure the labels, move them apart, then show the fitted view
    network.once("afterDrawing", function () {
      if (spreadLabels()) {
        fit();
        network.once("afterDrawing", markReady);
        network.redraw();
      } else {
        markReady();
      }
    });
    network.redraw();
  }
  var physicsButton = $("kg-physics");
  function freeze() {
    network.setOptions({ physics: { enabled: false } });
    physicsButton.textContent = "Resume physics";
  }
  if (data.layout === "physics" && data.nodes.length > 0) {
    physicsButton.hidden = false;
    network.once("stabilizationIterationsDone", function () {
      freeze();
      placeMissing();
      fit();
      settleLabels();
    });
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
    placeMissing();
    fit();
    settleLabels();
  }
  $("kg-fit").addEventListener("click", fit);

  function applyFilters(refit) {
    var shown = computeVisible(), nodeUpdates = [], edgeUpdates = [], shownNodes = 0, shownEdges = 0, shownReports = 0;
    var added = [];
    data.nodes.forEach(function (n) {
      var hide = !shown.nodes[n.id];
      if (!hide) { shownNodes += 1; }
      if (hide !== hiddenNode[n.id]) {
        hiddenNode[n.id] = hide;
        if (inSet[n.id]) { nodeUpdates.push({ id: n.id, hidden: hide }); } else if (!hide) { added.push(n.id); }
      }
    });
    if (added.length) {
      added.forEach(function (id) { inSet[id] = true; });
      nodes.add(added.map(function (id) {
        var copy = Object.assign({}, nodeById[id], { hidden: false });
        if (highlighted) { copy.color = DIM_NODE; copy.font = DIM_FONT; }
        return copy;
      }));
    }
    allEdges.forEach(function (e) {
      var hide = !shown.edges[e.id];
      if (!hide && !isStructure(e.id)) { shownEdges += 1; shownReports += edgeInfo[e.id].reports.length; }
      if (hide !== hiddenEdge[e.id]) { hiddenEdge[e.id] = hide; edgeUpdates.push({ id: e.id, hidden: hide }); }
    });
    if (nodeUpdates.length) { nodes.update(nodeUpdates); }
    if (edgeUpdates.length) { edges.update(edgeUpdates); }
    if (api.ready) {
      placeMissing();
      if (refit) { fit(); }
    }
    $("kg-status").textContent = shownNodes + " / " + data.nodes.length + " entities, " +
      shownEdges + " / " + data.edges.length + " relations";
  }
  api.visibleNodeIds = function () { return data.nodes.filter(function (n) { return !hiddenNode[n.id]; }).map(function (n) { return n.id; }); };
  api.visibleEdgeIds = function () { return data.edges.filter(function (e) { return !hiddenEdge[e.id]; }).map(function (e) { return e.id; }); };
  api.visibleStructureIds = function () { return data.structure.filter(function (e) { return !hiddenEdge[e.id]; }).map(function (e) { return e.id; }); };

  // ---- legend --------------------------------------------------------------------------------------------
  function legendEntry(list, key, on, swatch, text, count) {
    var button = el("button", { type: "button" }, [swatch, el("span", null, [text]), el("span", { className: "kg-count" }, [count])]);
    button.setAttribute("aria-pressed", "true");
    button.dataset.key = key;
    button.addEventListener("click", function () {
      on[key] = !on[key];
      button.setAttribute("aria-pressed", on[key] ? "true" : "false");
      applyFilters(false);
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

  // ---- how many actors, entities without events ------------------------------------------------------
  var topInput = $("kg-top"), isolated = $("kg-isolated");
  function topLabel() {
    $("kg-top-label").textContent = "Actors with the most reports: " + filter.top + " of " + data.ranked.length;
  }
  if (data.nodes.length) {
    $("kg-show").hidden = false;
    topInput.max = String(Math.max(1, data.ranked.length));
    topInput.value = String(filter.top);
    topInput.disabled = data.ranked.length === 0;
    topLabel();
  }
  function onTop() { filter.top = Number(topInput.value); topLabel(); applyFilters(true); }
  topInput.addEventListener("input", onTop);
  topInput.addEventListener("change", onTop);
  isolated.addEventListener("change", function () { filter.all = isolated.checked; applyFilters(true); });
  api.setTop = function (n) { topInput.value = String(n); onTop(); };
  api.showIsolated = function (on) { isolated.checked = on; filter.all = on; applyFilters(true); };

  // ---- time window ----------------------------------------------------------------------------------
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
    applyFilters(true);
  }
  [timeFrom, timeTo, timeUndated].forEach(function (input) { input.addEventListener("input", onTime); input.addEventListener("change", onTime); });
  api.setTimeWindow = function (from, to) {
    timeFrom.value = String(Math.max(0, dates.indexOf(from)));
    timeTo.value = String(dates.indexOf(to) < 0 ? dates.length - 1 : dates.indexOf(to));
    onTime();
  };

  // ---- reports: by article, by source ----------------------------------------------------------------
  var reportArticles = {}, sources = {};
  data.edges.forEach(function (e) {
    edgeInfo[e.id].reports.forEach(function (r) {
      if (r.article) { reportArticles[r.article] = (reportArticles[r.article] || 0) + 1; }
      if (r.source) { sources[r.source.key] = sources[r.source.key] || { label: r.source.label, count: 0 }; sources[r.source.key].count += 1; }
    });
  });
  var articleSelect = $("kg-article"), sourceSelect = $("kg-source");
  Object.keys(reportArticles).sort(function (a, b) {
    var x = (articles[a] || {}).date || "", y = (articles[b] || {}).date || "";
    return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
  }).forEach(function (id) {
    var a = articles[id] || {};
    articleSelect.appendChild(el("option", { value: id }, [[a.date, a.title || id].filter(Boolean).join(" \u2014 ") + " (" + reportArticles[id] + ")"]));
  });
  Object.keys(sources).sort(function (a, b) { return sources[b].count - sources[a].count || (a < b ? -1 : 1); }).forEach(function (key) {
    sourceSelect.appendChild(el("option", { value: key }, [sources[key].label + " (" + sources[key].count + ")"]));
  });
  if (Object.keys(reportArticles).length) { $("kg-reports").hidden = false; }
  $("kg-source-row").hidden = Object.keys(sources).length === 0;
  articleSelect.addEventListener("change", function () { filter.article = articleSelect.value; applyFilters(true); });
  sourceSelect.addEventListener("change", function () { filter.source = sourceSelect.value; applyFilters(true); });
  api.setArticle = function (id) { articleSelect.value = id; filter.article = articleSelect.value; applyFilters(true); };
  api.setSource = function (key) { sourceSelect.value = key; filter.source = sourceSelect.value; applyFilters(true); };
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
    var incident = {};
    // From the data, not the network: an entity not yet shown is not in the network, its edges still count.
    allEdges.forEach(function (e) {
      if (e.from === id || e.to === id) { incident[e.id] = true; keep[e.from] = true; keep[e.to] = true; }
    });
    nodes.update(data.nodes.filter(function (n) { return inSet[n.id]; }).map(function (n) {
      return keep[n.id] ? { id: n.id, color: baseNode[n.id].color, font: { color: "#222222" } } : { id: n.id, color: DIM_NODE, font: DIM_FONT };
    }));
    edges.update(allEdges.map(function (e) {
      return incident[e.id] ? { id: e.id, color: baseColour(e.id), font: { color: "#222222" } } : { id: e.id, color: DIM_EDGE, font: DIM_FONT };
    }));
    highlighted = true;
  }
  function unhighlight() {
    if (!highlighted) { return; }
    nodes.update(data.nodes.filter(function (n) { return inSet[n.id]; }).map(function (n) {
      return { id: n.id, color: baseNode[n.id].color, font: { color: "#222222" } };
    }));
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
  function nodeRef(r) {
    if (!r.in_graph) { return el("span", null, [r.label]); }
    var link = el("button", { type: "button", className: "kg-link" }, [r.label]);
    link.addEventListener("click", function () { focusNode(r.key); });
    return link;
  }
  function articleText(id) {
    var a = articles[id];
    return a ? (a.title || id) + (a.date ? " (" + a.date + ")" : "") : id;
  }
  function articleLink(id) {
    var a = articles[id];
    if (a && /^https?:\/\//i.test(a.url)) {
      return el("a", { href: a.url, target: "_blank", rel: "noopener noreferrer" }, [articleText(id)]);
    }
    return el("span", null, [articleText(id)]);
  }
  function openPanel(children) {
    body.replaceChildren.apply(body, children);
    panel.hidden = false;
  }
  function eventLine(nodeId, eid) {
    var e = edgeById[eid], info = edgeInfo[eid], n = info.reports.length;
    var text = e.from === nodeId ? predLabel(info.predicate) + " \u2192 " + nodeInfo[e.to].label
      : "\u2190 " + nodeInfo[e.from].label + " " + predLabel(info.predicate);
    var button = el("button", { type: "button", className: "kg-event" }, [text + (n > 1 ? " \u00d7" + n : "")]);
    button.dataset.edge = eid;
    button.addEventListener("click", function () { network.selectEdges([eid]); showEdge(eid); });
    var dates = info.reports.map(function (r) { return r.date; }).filter(Boolean);
    return el("li", null, [button, dates.length ? " " + dates[0] + (dates[dates.length - 1] !== dates[0] ? " \u2013 " + dates[dates.length - 1] : "") : ""]);
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
    var events = eventsOf[id].slice().sort(function (a, b) {
      return edgeInfo[b].reports.length - edgeInfo[a].reports.length || (a < b ? -1 : 1);
    });
    if (events.length) {
      children.push(el("h3", null, ["Events (" + info.reports + (info.reports === 1 ? " report)" : " reports)")]));
      children.push(el("ul", { className: "kg-events" }, events.map(function (eid) { return eventLine(id, eid); })));
    }
    if (info.articles.length) {
      children.push(el("h3", null, ["Articles"]));
      children.push(el("ul", null, info.articles.map(function (a) { return el("li", null, [articleLink(a)]); })));
    }
    openPanel(children);
    panel.dataset.kind = "node";
    panel.dataset.id = id;
  }
  function sentence(r) {
    var quote = el("blockquote");
    var s = r.sentence, span = r.trigger_span;
    if (span && span[0] >= 0 && span[1] <= s.length) {
      quote.appendChild(document.createTextNode(s.slice(0, span[0])));
      quote.appendChild(el("mark", null, [s.slice(span[0], span[1])]));
      quote.appendChild(document.createTextNode(s.slice(span[1])));
    } else {
      quote.appendChild(document.createTextNode(s));
    }
    return quote;
  }
  function codes(r, p) {
    if (!p) { return [r.cameo ? "CAMEO " + r.cameo : "", r.plover ? "PLOVER " + r.plover : ""]; }
    var cameoName = p.offered_cameo && r.cameo === p.offered_cameo ? p.offered_name : r.cameo === p.cameo ? p.cameo_name : "";
    return [r.cameo ? "CAMEO " + r.cameo + (cameoName ? " " + cameoName : "") : "",
            r.plover ? "PLOVER " + r.plover + (p.plover_mode ? " (" + p.plover_mode + ")" : "") : ""];
  }
  function reportItem(r, p) {
    var head = el("div", null, [articleLink(r.article)]);
    var meta = el("div", { className: "kg-meta" }, [[r.date, r.modality,
      r.confidence === null ? "" : "confidence " + r.confidence.toFixed(2)].concat(codes(r, p)).filter(Boolean).join(" \u00b7 ")]);
    var extra = el("div", { className: "kg-meta" });
    function part(label, value) {
      if (extra.childNodes.length) { extra.appendChild(document.createTextNode(" \u00b7 ")); }
      extra.appendChild(document.createTextNode(label + ": "));
      extra.appendChild(value);
    }
    if (r.actor) { part("actor", nodeRef(r.actor)); }
    if (r.target) { part("target", nodeRef(r.target)); }
    if (r.source) { part("source", nodeRef(r.source)); }
    if (r.place) { part("place", nodeRef(r.place)); }
    if (typeof r.casualties === "number") { part("casualties", el("span", null, [String(r.casualties)])); }
    if (r.trigger) { part("trigger", el("span", null, [r.trigger])); }
    return el("li", null, [head, sentence(r), meta, extra]);
  }
  function showEdge(id) {
    var info = edgeInfo[id], e = edgeById[id], p = predicates[info.predicate];
    var heading = el("h2", null, [nodeRef(ref(e.from)), " \u2014 " + predLabel(info.predicate) + " \u2192 ", nodeRef(ref(e.to))]);
    var dl = el("dl");
    var dates = info.reports.map(function (r) { return r.date; }).filter(Boolean);
    row(dl, "reports", info.reports.length + " in " + info.articles + (info.articles === 1 ? " article" : " articles"));
    row(dl, "date", dates.length ? dates[0] + (dates[dates.length - 1] !== dates[0] ? " \u2013 " + dates[dates.length - 1] : "") : "");
    row(dl, "incident", info.incident);
    var list = el("ol", { className: "kg-reports" }, info.reports.map(function (r) { return reportItem(r, p); }));
    openPanel([heading, dl, el("h3", null, ["Reports"]), list]);
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
  api.showEdge = showEdge;
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

  // ---- search over labels and aliases: the most-mentioned match first, the others offered -----------
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
  // 0: the query starts a word of the name (or is the name), 1: anywhere inside it.
  function tier(lower, q) {
    var i = lower.indexOf(q);
    if (i < 0) { return -1; }
    while (i >= 0) {
      if (i === 0 || !/[\p{L}\p{N}]/u.test(lower.charAt(i - 1))) { return 0; }
      i = lower.indexOf(q, i + 1);
    }
    return 1;
  }
  function matches(query) {
    var q = query.trim().toLowerCase();
    if (!q) { return []; }
    var best = {};
    names.forEach(function (e) {
      var t = tier(e.lower, q);
      if (t < 0) { return; }
      var exact = e.lower === q ? 0 : 1;
      if (!best[e.id] || t < best[e.id].t || (t === best[e.id].t && exact < best[e.id].exact)) { best[e.id] = { t: t, exact: exact }; }
    });
    return Object.keys(best).sort(function (a, b) {
      return best[a].t - best[b].t || nodeInfo[b].mentions - nodeInfo[a].mentions ||
        best[a].exact - best[b].exact || (a < b ? -1 : a > b ? 1 : 0);
    });
  }
  function focusNode(id) {
    var type = nodeInfo[id].type;
    if (!typeOn[type]) {
      typeOn[type] = true;
      document.querySelectorAll("#kg-legend-types button").forEach(function (b) {
        if (b.dataset.key === type) { b.setAttribute("aria-pressed", "true"); }
      });
    }
    // Shown whatever the filters say, with the neighbours of its events.
    pinned[id] = true;
    eventsOf[id].forEach(function (eid) { pinnedNear[edgeById[eid].from] = true; pinnedNear[edgeById[eid].to] = true; });
    applyFilters(false);
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.2), animation: false });
    highlight(id);
    showNode(id);
  }
  var alt = $("kg-search-alt");
  api.search = function (query) {
    var hits = matches(query), id = hits.length ? hits[0] : null;
    $("kg-search-status").textContent = id === null ? "no match" : hits.length > 1 ? "also:" : "";
    alt.replaceChildren();
    hits.slice(1, 7).forEach(function (other) {
      var info = nodeInfo[other];
      var b = el("button", { type: "button" }, [info.label + " (" + info.type + ", " + info.mentions + ")"]);
      b.dataset.key = other;
      b.addEventListener("click", function () { focusNode(other); });
      alt.appendChild(b);
    });
    if (hits.length > 7) { alt.appendChild(document.createTextNode(" +" + (hits.length - 7))); }
    if (id !== null) { focusNode(id); }
    return id;
  };
  api.focusNode = focusNode;
  $("kg-search-form").addEventListener("submit", function (ev) { ev.preventDefault(); api.search($("kg-search").value); });
}());
