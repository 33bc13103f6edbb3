"""G -> the events table: one row per event (edge), in columns named after GDELT's and POLECAT's.

``to_events(G)`` returns a pandas DataFrame; ``write_events(G, path, fmt)`` writes it as CSV, JSON
Lines or Parquet (Parquet needs pyarrow: ``pip install 'kg[parquet]'``). Columns and where they come
from are listed in ``COLUMNS``; a value the graph does not hold is an empty string (a missing number
is NaN), so every row has every column.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ConfigError
from .schema import CODES, PREDICATES

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

__all__ = ["COLUMNS", "EVENT_FORMATS", "QUAD_CLASSES", "quad_class", "to_events", "events_text", "write_events"]

# column -> what it holds (GDELT 1.0 / POLECAT name in brackets where one exists).
COLUMNS: dict[str, str] = {
    "event_id": "the edge key, unique in the build [GLOBALEVENTID / Event ID]",
    "incident_id": "the incident the event belongs to, when the build groups events into incidents",
    "date": "the event's date, else its article's (ISO) [SQLDATE / Event Date]",
    "actor_key": "node key of who acted",
    "actor_label": "its name [Actor1Name / Actor Name]",
    "actor_type": "Country, Official, Group, Organization or Place [Actor1Type1Code / Primary Actor Sector]",
    "actor_iso": "ISO 3166 alpha-2 of the actor (a country's own, or the country it is affiliated with) "
                 "[Actor1CountryCode (alpha-3 there) / Actor Country]",
    "actor_affiliation": "label of the state or organisation the actor belongs to",
    "target_key": "node key of whom it was done to",
    "target_label": "[Actor2Name / Recipient Name]",
    "target_type": "[Actor2Type1Code / Recipient Sector]",
    "target_iso": "[Actor2CountryCode / Recipient Country]",
    "target_affiliation": "label of the state or organisation the target belongs to",
    "predicate": "kg's relation name (struck, condemned, ...)",
    "predicate_label": "its label (struck, urged restraint, ...)",
    "cameo_code": "CAMEO event code [EventCode]",
    "cameo_name": "CAMEO code name",
    "cameo_root": "its two-digit root code [EventRootCode]",
    "quad_class": "1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict [QuadClass / Quad Code]",
    "quad_class_name": "the quad class in words",
    "plover_category": "PLOVER event type [Event Type]",
    "plover_mode": "PLOVER mode where the code gives one [Event Mode]",
    "modality": "asserted, offered, requested, threatened, negated, hypothetical or alleged",
    "confidence": "extraction confidence in [0, 1]",
    "source_key": "node key of who says so, when the article attributes the claim",
    "source_label": "its name",
    "place_key": "node key of the place stated for the event",
    "place_label": "[ActionGeo_FullName / Place Name]",
    "place_iso": "ISO 3166 alpha-2 of the place [ActionGeo_CountryCode / Country]",
    "casualties": "people killed or hurt when stated, else NaN",
    "article_id": "kg's article id",
    "title": "article title",
    "url": "article URL [SOURCEURL]",
    "article_date": "article date (ISO) [Publication Date]",
    "sentence": "the evidence sentence",
    "sentence_start": "character offset of the sentence in the article",
    "sentence_end": "character offset of the sentence's end",
    "trigger": "the word that triggered the event",
}

QUAD_CLASSES: dict[int, str] = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
                                4: "material conflict"}
EVENT_FORMATS: dict[str, str] = {"csv": ".csv", "jsonl": ".jsonl", "parquet": ".parquet"}
_INT_COLUMNS = ("quad_class", "casualties", "sentence_start", "sentence_end")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}$")


def quad_class(cameo: str) -> int:
    """The CAMEO quad class of a code from its root (01-05, 06-08, 09-13, 14-20), 0 when there is none.

    >>> quad_class("0256"), quad_class("071"), quad_class("111"), quad_class("195"), quad_class("")
    (1, 2, 3, 4, 0)
    """
    try:
        root = int(cameo[:2])
    except ValueError:
        return 0
    if 1 <= root <= 5:
        return 1
    if 6 <= root <= 8:
        return 2
    if 9 <= root <= 13:
        return 3
    if 14 <= root <= 20:
        return 4
    return 0


@lru_cache(maxsize=1)
def _cameo_names() -> dict[str, str]:
    names = {c.code: c.name for c in CODES}
    for p in PREDICATES.values():
        names[p.cameo] = p.cameo_name
        if p.offered_cameo:
            names[p.offered_cameo] = p.offered_name
    return names


def _plover_mode(predicate: str, cameo: str, plover: str, trigger: str, sentence: str) -> str:
    """The PLOVER mode of an event: that of the finer code whose words its trigger (else sentence) holds."""
    p = PREDICATES.get(predicate)
    if p is None:
        return ""
    if cameo == p.cameo and plover == p.plover:
        return p.plover_mode
    modes = [c for c in CODES if c.code == cameo and c.predicate == predicate and c.plover == plover]
    if not modes:
        return p.plover_mode if plover == p.plover else ""
    for words in (set(trigger.lower().split()), set(re.findall(r"[\w-]+", sentence.lower()))):
        if hit := next((c for c in modes if words & c.words), None):
            return hit.plover_mode
    return modes[0].plover_mode


def _row(G: nx.MultiDiGraph, u: Any, v: Any, key: Any, d: dict[str, Any], articles: dict[str, Any]) -> dict[str, Any]:
    nodes = G.nodes

    def label(k: Any) -> str:
        return str(nodes[k].get("label", k)) if k in nodes else ("" if k in (None, "") else str(k))

    def party(prefix: str, k: Any) -> dict[str, Any]:
        n = nodes[k] if k in nodes else {}
        aff = n.get("affiliation", "")
        iso = n.get("iso") or (nodes[aff].get("iso", "") if aff in nodes else "")
        return {f"{prefix}_key": str(k), f"{prefix}_label": label(k), f"{prefix}_type": n.get("type", ""),
                f"{prefix}_iso": iso, f"{prefix}_affiliation": label(aff) if aff else ""}

    art = articles.get(d.get("article", ""), {})
    cameo = str(d.get("cameo", ""))
    predicate = str(d.get("predicate", ""))
    plover = str(d.get("plover", ""))
    quad = quad_class(cameo)
    place = d.get("place", "")
    place_node = nodes[place] if place in nodes else {}
    article_date = str(art.get("date", "") or "")
    return {
        "event_id": str(key),
        "incident_id": str(d.get("incident", "") or ""),
        "date": str(d.get("date", "") or article_date),
        **party("actor", u),
        **party("target", v),
        "predicate": predicate,
        "predicate_label": PREDICATES[predicate].label if predicate in PREDICATES else predicate,
        "cameo_code": cameo,
        "cameo_name": _cameo_names().get(cameo, ""),
        "cameo_root": cameo[:2],
        "quad_class": quad or None,
        "quad_class_name": QUAD_CLASSES.get(quad, ""),
        "plover_category": plover,
        "plover_mode": _plover_mode(predicate, cameo, plover, str(d.get("trigger", "")), str(d.get("sentence", ""))),
        "modality": str(d.get("modality", "")),
        "confidence": d.get("confidence"),
        "source_key": str(d.get("source", "") or ""),
        "source_label": label(d.get("source", "")),
        "place_key": str(place or ""),
        "place_label": label(place),
        "place_iso": place_node.get("iso", ""),
        "casualties": d.get("casualties"),
        "article_id": str(d.get("article", "")),
        "title": str(art.get("title", "") or ""),
        "url": str(art.get("url", "") or ""),
        "article_date": article_date,
        "sentence": str(d.get("sentence", "")),
        "sentence_start": d.get("start"),
        "sentence_end": d.get("end"),
        "trigger": str(d.get("trigger", "")),
    }


def to_events(G: nx.MultiDiGraph) -> pd.DataFrame:
    """The events of G as a DataFrame, one row per edge, sorted by date and event id.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph(articles={"a": {"title": "T", "date": "2031-05-02", "url": "", "path": ""}})
    >>> G.add_node("country/RR", type="Country", label="Ruritania", iso="RR")
    >>> G.add_node("country/FR", type="Country", label="Freedonia", iso="FR")
    >>> _ = G.add_edge("country/RR", "country/FR", key="struck:a:0:country/FR", predicate="struck", cameo="195",
    ...                plover="ASSAULT", modality="asserted", confidence=0.9, article="a", sentence="S.",
    ...                start=0, end=2, trigger="drone")
    >>> row = to_events(G).iloc[0]
    >>> row.actor_label, row.target_iso, row.cameo_name, int(row.quad_class), row.plover_mode, row.date
    ('Ruritania', 'FR', 'Employ aerial weapons', 4, 'drone', '2031-05-02')
    """
    import pandas as pd

    articles = G.graph.get("articles", {})
    rows = [_row(G, u, v, k, d, articles) for u, v, k, d in G.edges(keys=True, data=True)]
    df = pd.DataFrame(rows, columns=list(COLUMNS))
    for col in _INT_COLUMNS:
        df[col] = pd.array(df[col], dtype="Int64")
    df["confidence"] = pd.to_numeric(df["confidence"], errors="coerce").astype("float64")
    return df.sort_values(["date", "event_id"], kind="stable").reset_index(drop=True)


def _check_format(fmt: str) -> None:
    if fmt not in EVENT_FORMATS:
        raise ConfigError(f"--format {fmt!r} is not one of {', '.join(EVENT_FORMATS)}")


def events_text(G: nx.MultiDiGraph, fmt: str = "csv") -> str:
    """The events table as CSV or JSON Lines text."""
    _check_format(fmt)
    if fmt == "parquet":
        raise ConfigError("Parquet is binary: write it to a file with --out events.parquet")
    df = to_events(G)
    if fmt == "csv":
        return df.to_csv(index=False, lineterminator="\n")
    return df.to_json(orient="records", lines=True, force_ascii=False) if len(df) else ""


def write_events(G: nx.MultiDiGraph, path: str | Path, fmt: str | None = None) -> Path:
    """Write the events table to ``path`` (format from ``fmt`` or the file suffix), through a temporary file."""
    from .exportset import write_atomic

    path = Path(path)
    fmt = fmt or next((f for f, suffix in EVENT_FORMATS.items() if path.suffix.lower() == suffix), "csv")
    _check_format(fmt)
    if fmt != "parquet":
        write_atomic(path, events_text(G, fmt))
        return path
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise ConfigError("Parquet needs pyarrow; run: pip install 'kg[parquet]' (or pip install pyarrow)") from None
    import io

    buf = io.BytesIO()
    to_events(G).to_parquet(buf, index=False)
    write_atomic(path, buf.getvalue())
    return path
