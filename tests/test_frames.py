"""Every event frame of kg/data/frames.json reads its own invented example (real spaCy model)."""
from __future__ import annotations

import pytest

from kg.frames import frames
from kg.schema import DIRECT_MODALITIES, PREDICATES


def test_frames_load_and_name_known_predicates():
    assert frames(), "kg/data/frames.json holds no frame"
    for frame in frames():
        assert frame.predicate in ("", *PREDICATES), frame.id
        assert frame.grammar and frame.example and frame.expect, frame.id
        assert {"trigger"} <= {node["RIGHT_ID"] for node in frame.pattern}, frame.id


@pytest.mark.parametrize("frame", frames(), ids=lambda f: f.id)
def test_frame_reads_its_example(read_text, frame):
    text = f"{frame.context} {frame.example}".strip()
    entities, relations = read_text(text)
    label = {k: e.label for k, e in entities.items()}
    # stated as a fact (or a formal offer): what the export writes as a direct triple
    found = {(label[r.subject], r.predicate, label[r.object]) for r in relations if r.modality in DIRECT_MODALITIES}
    for triple in frame.expect:
        assert tuple(triple) in found, f"{frame.id}: {triple} not in {sorted(found)}"


def test_frame_codes_are_codes_of_the_vocabulary():
    """A frame's finer CAMEO code is one the ontology's SKOS schemes define (vocabulary.csv or codes.csv)."""
    from kg.schema import CODES

    known = {c.code for c in CODES} | {p.cameo for p in PREDICATES.values()} | {p.offered_cameo for p in PREDICATES.values()}
    assert {f.code for f in frames() if f.code} <= known


def test_frame_ids_are_unique():
    # an id names one construction: the matcher keys its matches by id, so a second frame of the same id would
    # silently share (or shadow) the first one's pattern
    ids = [f.id for f in frames()]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
