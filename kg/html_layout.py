"""Where the HTML view's nodes and edges go: curves of parallel edges, spring lengths, vis-network options,
and a precomputed layout for large graphs (``layout``, Fruchterman-Reingold with particle-mesh repulsion).
"""
from __future__ import annotations

import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

import networkx as nx

__all__ = ["curve_ranks", "spring", "options", "layout"]


def curve_ranks(pairs: list[tuple[str, str]]) -> list[tuple[int, bool]]:
    """(rank among same-direction edges, pair has several edges) per drawn edge, so parallel edges curve apart.

    >>> curve_ranks([("a", "b"), ("a", "b"), ("b", "a"), ("a", "c")])
    [(0, True), (1, True), (0, True), (0, False)]
    """
    per_pair: Counter[frozenset[str]] = Counter(frozenset(p) for p in pairs)
    seen: defaultdict[tuple[str, str], int] = defaultdict(int)
    out = []
    for u, v in pairs:
        out.append((seen[(u, v)], per_pair[frozenset((u, v))] > 1 and u != v))
        seen[(u, v)] += 1
    return out


def spring(edges: int) -> int:
    """Spring length: a small graph spreads over the page at zoom 1, a large one stays compact enough to read."""
    return 90 if edges > 80 else 160


def options(large: bool, n: int, *, spring: int = 90) -> dict[str, Any]:
    """vis-network options: physics (forceAtlas2) for small graphs, none when the layout is precomputed."""
    # Labels scale with the node (its reports); below drawThreshold screen pixels vis skips a label, so at fit
    # zoom the busy actors are named and the rest are named as you zoom in.
    options: dict[str, Any] = {
        "autoResize": True,
        "nodes": {"font": {"size": 14, "strokeWidth": 3, "strokeColor": "#ffffff"}, "borderWidth": 1,
                  "scaling": {"min": 8, "max": 30,
                              "label": {"enabled": True, "min": 19 if spring < 160 else 10,
                                        "max": 34 if spring < 160 else 15, "maxVisible": 22, "drawThreshold": 8}}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.6}}, "smooth": False,
                  "font": {"size": 11, "align": "middle", "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "scaling": {"label": {"drawThreshold": 9}},
                  "selectionWidth": 2, "hoverWidth": 1.5},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": large, "navigationButtons": False,
                        "keyboard": False, "multiselect": False},
        "layout": {"randomSeed": 7, "improvedLayout": n <= 150},
    }
    if large:
        options["physics"] = {"enabled": False}
    else:
        options["physics"] = {
            "enabled": True, "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "centralGravity": 0.02, "springLength": spring,
                                 "springConstant": 0.08, "avoidOverlap": 0.4},
            "stabilization": {"enabled": True, "iterations": 300, "updateInterval": 50, "fit": True},
            "minVelocity": 1.0,
        }
    return options


def layout(G: nx.MultiDiGraph, nodes: list[Any], *, links: Iterable[tuple[Any, Any]] = (), iterations: int = 80,
            seed: int = 7) -> dict[Any, tuple[float, float]]:
    """Fruchterman-Reingold in numpy with grid-approximated repulsion, scaled to vis-network pixels.

    G's edges and the extra ``links`` (structural pairs: an official and its country) pull their ends together.

    networkx's spring_layout needs scipy above 500 nodes and forceatlas2_layout takes ~25 s for 2,000. Here
    repulsion is exact between nodes in neighbouring cells of a fine grid; beyond that the grid's cell counts
    are convolved with the force kernel by FFT (particle-mesh), so an iteration costs O(n + cells log cells).
    """
    import numpy as np

    n = len(nodes)
    index = {key: i for i, key in enumerate(nodes)}
    pairs = sorted({(min(index[u], index[v]), max(index[u], index[v]))
                    for u, v in itertools.chain(G.edges(), links) if u != v})
    src = np.array([a for a, _ in pairs], dtype=np.int64)
    dst = np.array([b for _, b in pairs], dtype=np.int64)
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2))
    k = math.sqrt(1.0 / n)
    k2, eps = k * k, (0.01 * k) ** 2
    side = max(4, min(256, int(2 * math.sqrt(n))))  # about 1 node per 4 cells
    o = np.fft.fftfreq(2 * side, 1 / (2 * side))  # offsets 0..side-1, -side..-1 for a non-wrapping convolution
    ox, oy = np.meshgrid(o, o, indexing="ij")
    outside = (np.abs(ox) > 1) | (np.abs(oy) > 1)  # the 3x3 neighbourhood is the exact near field
    temperature, cooling = 0.1, 0.1 / (iterations + 1)
    for _ in range(iterations):
        lo = pos.min(0)
        span = np.maximum(pos.max(0) - lo, 1e-9)
        cxy = np.minimum((((pos - lo) / span) * side).astype(np.int64), side - 1)
        disp = _near_field(pos, cxy, side, k2, eps)
        _add_far_field(disp, cxy, side, span, ox, oy, outside, k2)
        if len(src):
            d = pos[src] - pos[dst]
            pull = d * (np.sqrt((d * d).sum(1)) / k)[:, None]
            for a in (0, 1):
                disp[:, a] += np.bincount(dst, weights=pull[:, a], minlength=n) - \
                    np.bincount(src, weights=pull[:, a], minlength=n)
        disp -= (pos - pos.mean(0)) * (0.05 * n * k)  # weak gravity keeps small components near
        length = np.maximum(np.sqrt((disp * disp).sum(1)), 1e-9)
        pos += disp * (np.minimum(length, temperature) / length)[:, None]
        temperature -= cooling
    pos -= pos.mean(0)
    pos /= max(float(np.abs(pos).max()), 1e-9)
    scale = 45.0 * math.sqrt(n)
    return {key: (round(float(x) * scale, 1), round(float(y) * scale, 1)) for key, (x, y) in zip(nodes, pos)}


def _near_field(pos: Any, cxy: Any, side: int, k2: float, eps: float) -> Any:
    """Repulsion between every pair of nodes in the same or an adjacent grid cell, exactly (a new array)."""
    import numpy as np

    n = len(pos)
    cell = cxy[:, 0] * side + cxy[:, 1]
    order = np.argsort(cell, kind="stable")
    count = np.bincount(cell, minlength=side * side)
    first = np.concatenate(([0], np.cumsum(count)[:-1]))
    disp = np.zeros_like(pos)
    for dx, dy in ((dx, dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1)):
        nx_, ny_ = cxy[:, 0] + dx, cxy[:, 1] + dy
        ok = (nx_ >= 0) & (nx_ < side) & (ny_ >= 0) & (ny_ < side)
        i = np.nonzero(ok)[0]
        c = nx_[i] * side + ny_[i]
        reps = count[c]
        I = np.repeat(i, reps)
        within = np.arange(len(I)) - np.repeat(np.cumsum(reps) - reps, reps)
        J = order[np.repeat(first[c], reps) + within]
        keep = I != J
        I, J = I[keep], J[keep]
        d = pos[I] - pos[J]
        w = k2 / np.maximum((d * d).sum(1), eps)
        disp[:, 0] += np.bincount(I, weights=d[:, 0] * w, minlength=n)
        disp[:, 1] += np.bincount(I, weights=d[:, 1] * w, minlength=n)
    return disp


def _add_far_field(disp: Any, cxy: Any, side: int, span: Any, ox: Any, oy: Any, outside: Any, k2: float) -> None:
    """Add to ``disp`` the repulsion of the cells beyond the 3x3 neighbourhood: cell counts convolved with
    k^2 r/|r|^2 by FFT."""
    import numpy as np

    count = np.bincount(cxy[:, 0] * side + cxy[:, 1], minlength=side * side)
    h = span / side
    rx, ry = ox * h[0], oy * h[1]
    inv = np.where(outside, k2 / np.where(outside, rx * rx + ry * ry, 1.0), 0.0)
    density = np.zeros((2 * side, 2 * side))
    density[:side, :side] = count.reshape(side, side)
    dens = np.fft.rfft2(density)
    for a, r in ((0, rx), (1, ry)):
        field = np.fft.irfft2(dens * np.fft.rfft2(r * inv), s=density.shape)[:side, :side]
        disp[:, a] += field[cxy[:, 0], cxy[:, 1]]
