"""kg.exportset: export sets are all-old or all-new (or refused by readers), locked while written, and kept on a full disk."""
from __future__ import annotations

import errno
import hashlib
import os
import pickle
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import networkx as nx
import pytest

import kg
from kg.errors import InputError, OutputError
from kg.exports import DEFAULT_FORMATS, FORMATS, export_all
from kg.exportset import LOCK, MANIFEST, PENDING, check, hold, release
from test_rdf import assert_same_graph, read_graph

ROOT = Path(__file__).resolve().parent.parent
NAMES = sorted(FORMATS[n][0] for n in DEFAULT_FORMATS)


def graph_b() -> nx.MultiDiGraph:
    """The Ruritania test graph with one more country: every export differs from graph A's."""
    G = read_graph("ruritania")
    G.add_node("country/XX", type="Country", label="Xanadu", aliases=[], articles=["a1"], mentions=1,
               first_sentence="Xanadu stayed quiet.")
    return G


def digests(out: Path) -> dict[str, str]:
    return {n: hashlib.sha256((out / n).read_bytes()).hexdigest() for n in NAMES if (out / n).exists()}


def leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if p.name.endswith(".tmp") or p.name == PENDING)


def test_exportset_second_export_into_a_locked_folder_stops_with_one_line(tmp_path):
    out = tmp_path / "out"
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys, time
        from kg.exportset import hold
        hold({str(out)!r}); print("held", flush=True); time.sleep(60)""")],
        env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(OutputError) as info:
            export_all(read_graph("ruritania"), out)
        message = str(info.value)
        assert f"another kg build (pid {holder.pid}) is writing into this folder" in message and "\n" not in message
        assert not (out / "graph.ttl").exists()
    finally:
        holder.kill()
        holder.wait()
    export_all(read_graph("ruritania"), out)  # the kernel dropped the dead holder's lock
    assert (out / "graph.ttl").is_file() and (out / LOCK).is_file()


def test_exportset_cli_build_into_a_locked_folder_fails_before_reading(tmp_path):
    from typer.testing import CliRunner

    from kg.cli import app

    out = tmp_path / "out"
    holder = subprocess.Popen([sys.executable, "-c", f"from kg.exportset import hold; import time; hold({str(out)!r}); "
                               "print('held', flush=True); time.sleep(60)"],
                              env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        article = tmp_path / "a.txt"
        article.write_text("Ruritania shelled Freedonia on Monday.\n", encoding="utf-8")
        result = CliRunner().invoke(app, ["build", str(article), "--out", str(out), "--no-cache"])
        assert result.exit_code != 0
        lines = [line for line in result.output.splitlines() if line.strip()]
        assert len(lines) == 1 and "another kg build" in lines[0] and str(out) in lines[0]
    finally:
        holder.kill()
        holder.wait()


def test_exportset_in_process_lock_is_reentrant_and_released(tmp_path):
    assert hold(tmp_path) is True
    assert hold(tmp_path) is False
    export_all(read_graph("ruritania"), tmp_path)  # the build holding the lock may export
    release(tmp_path)
    assert hold(tmp_path) is True
    release(tmp_path)


def test_exportset_unchanged_exports_are_not_rewritten(tmp_path):
    G = read_graph("ruritania")
    export_all(G, tmp_path)
    before = {n: (tmp_path / n).stat().st_ino for n in NAMES}
    export_all(read_graph("ruritania"), tmp_path)
    assert {n: (tmp_path / n).stat().st_ino for n in NAMES} == before
    old = digests(tmp_path)
    export_all(graph_b(), tmp_path)
    after, new = {n: (tmp_path / n).stat().st_ino for n in NAMES}, digests(tmp_path)
    changed = [n for n in NAMES if new[n] != old[n]]
    assert {"graph.ttl", "graph.trig", "graph.jsonld", "graph.html"} <= set(changed)
    assert [n for n in NAMES if after[n] != before[n]] == changed  # rewritten exactly when the bytes changed
    assert_same_graph(graph_b(), kg.load(tmp_path))


def test_exportset_full_disk_keeps_the_previous_set(tmp_path, monkeypatch):
    export_all(read_graph("ruritania"), tmp_path)
    old = digests(tmp_path)
    real_fsync, calls = os.fsync, []

    def full(fd):
        calls.append(fd)
        if len(calls) == 3:  # the third file's data does not fit
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_fsync(fd)

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OutputError) as info:
        export_all(graph_b(), tmp_path)
    message = str(info.value)
    assert "the disk is full" in message and "previous exports are untouched" in message and "\n" not in message
    monkeypatch.undo()
    assert digests(tmp_path) == old and leftovers(tmp_path) == []
    assert_same_graph(read_graph("ruritania"), kg.load(tmp_path))


def test_exportset_full_disk_on_rename_of_the_manifest_keeps_the_previous_set(tmp_path, monkeypatch):
    export_all(read_graph("ruritania"), tmp_path)
    old = digests(tmp_path)
    real_replace = os.replace

    def replace(src, dst):
        if str(dst).endswith(PENDING):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(OutputError, match="disk is full"):
        export_all(graph_b(), tmp_path)
    monkeypatch.undo()
    assert digests(tmp_path) == old and leftovers(tmp_path) == []


_KILLER = """
import os, pickle, signal, sys
from kg.exports import DEFAULT_FORMATS, FORMATS, export_all
G = pickle.load(open(sys.argv[1], "rb"))
after = int(sys.argv[3])
real, done = os.replace, [0]
def replace(src, dst):
    if done[0] == after:
        os.kill(os.getpid(), signal.SIGKILL)
    real(src, dst)
    done[0] += 1
os.replace = replace
export_all(G, sys.argv[2])
"""


@pytest.mark.parametrize("after", range(len(NAMES) + 3))  # each file, the pending manifest, the manifest: every gap
def test_exportset_kill_at_each_rename_leaves_a_whole_set_or_a_refused_one(tmp_path, after):
    A, B = read_graph("ruritania"), graph_b()
    out = tmp_path / "out"
    export_all(B, tmp_path / "b")
    new = digests(tmp_path / "b")
    export_all(A, out)
    old = digests(out)
    pickled = tmp_path / "b.pickle"
    pickled.write_bytes(pickle.dumps(B))
    run = subprocess.run([sys.executable, "-c", _KILLER, str(pickled), str(out), str(after)],
                         env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True)
    assert run.returncode in (-signal.SIGKILL, 0), run.stderr
    now = digests(out)
    assert set(now) == set(NAMES)
    assert all(now[n] in (old[n], new[n]) for n in NAMES)  # no half-written file
    if (out / PENDING).exists():  # killed between the first and the last rename: readers refuse it
        for reader in (lambda: kg.load(out), lambda: kg.load(out / "graph.trig"), lambda: check(out / "graph.jsonld")):
            with pytest.raises(InputError) as info:
                reader()
            assert "interrupted" in str(info.value) and "\n" not in str(info.value)
    else:  # all old or all new, and loadable
        assert now in (old, new)
        assert_same_graph(A if now == old else B, kg.load(out))
    export_all(B, out)  # the next build repairs whatever was left
    assert digests(out) == new and leftovers(out) == []
    assert_same_graph(B, kg.load(out))


def test_exportset_next_build_removes_leftover_temporary_files(tmp_path):
    export_all(read_graph("ruritania"), tmp_path)
    for name in (".graph.ttl.abc123.tmp", ".graph.html.x.tmp", f".{MANIFEST}.y.tmp"):
        (tmp_path / name).write_text("half", encoding="utf-8")
    (tmp_path / ".notes.tmp").write_text("not ours", encoding="utf-8")
    export_all(read_graph("ruritania"), tmp_path)
    assert leftovers(tmp_path) == [".notes.tmp"]


def test_exportset_readers_refuse_a_file_its_manifest_does_not_list(tmp_path):
    export_all(read_graph("ruritania"), tmp_path / "a")
    export_all(graph_b(), tmp_path / "b")
    (tmp_path / "a" / "graph.ttl").write_bytes((tmp_path / "b" / "graph.ttl").read_bytes())  # a mixed set
    with pytest.raises(InputError) as info:
        kg.load(tmp_path / "a")
    assert "manifest" in str(info.value) and str(tmp_path / "a" / "graph.ttl") in str(info.value)
    from kg.sparql import run_query

    with pytest.raises(InputError):
        run_query(tmp_path / "a", "ASK { ?s ?p ?o }")


def test_exportset_unwritable_output_is_one_line(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(OutputError) as info:
        export_all(read_graph("ruritania"), blocker / "out")
    assert str(blocker / "out") in str(info.value) and "\n" not in str(info.value)


def test_exportset_same_graph_again_renders_nothing_until_a_file_changes(tmp_path, monkeypatch):
    export_all(read_graph("ruritania"), tmp_path)
    before = digests(tmp_path)
    rendered = []
    for name, fmt in list(FORMATS.items()):
        monkeypatch.setitem(FORMATS, name, fmt._replace(write=lambda G, r=fmt.write: rendered.append(r) or r(G)))
    export_all(read_graph("ruritania"), tmp_path)
    assert rendered == [] and digests(tmp_path) == before
    (tmp_path / "graph.html").write_text("edited", encoding="utf-8")
    export_all(read_graph("ruritania"), tmp_path)
    assert len(rendered) == len(NAMES) and digests(tmp_path) == before
    export_all(graph_b(), tmp_path)
    assert len(rendered) == 2 * len(NAMES) and digests(tmp_path)["graph.ttl"] != before["graph.ttl"]
