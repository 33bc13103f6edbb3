"""An export folder as one set: a lock while a build writes it, a manifest written last, a check for readers.

Writing a set (``write_set``): every changed file goes to a temporary sibling (``.graph.ttl.XXXX.tmp``,
fsynced) first, so a full disk or a crash leaves the previous set untouched. Then the new manifest is
written as ``.kg-manifest.pending``, the files are renamed into place, and the pending manifest is
renamed to ``.kg-manifest.json``, last. A build killed between the first and the last rename leaves
the pending file: readers (``check``: ``kg.load``, ``kg query``, ``kg validate``, ``kg push``) refuse
the folder with one line until a build finishes, and the next build rewrites every file and removes
the temporary files it finds. A file whose bytes did not change is not rewritten.

The lock (``hold``) is an advisory ``flock`` on ``.kg-lock``, held by the build from before it reads
any article until the process ends, so a second build into the same folder stops at once with one line;
the kernel releases it when the holder dies, whatever kills it.
"""
from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from .errors import InputError, OutputError

__all__ = ["MANIFEST", "PENDING", "LOCK", "check_out", "hold", "release", "write_set", "write_atomic", "check", "is_current", "tidy"]

MANIFEST = ".kg-manifest.json"
PENDING = ".kg-manifest.pending"
LOCK = ".kg-lock"

_held: dict[Path, tuple[int, bool]] = {}  # folder -> (fd of its lock file, whether hold created the folder)

_UMASK = os.umask(0)
os.umask(_UMASK)


def _prepare(out_dir: Path) -> bool:
    """Create ``out_dir`` if need be (True when it did) and check it can be written."""
    created = not out_dir.exists()
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(f"{out_dir}: cannot create the output folder ({err.strerror}); choose another --out") from None
    if not out_dir.is_dir():
        raise OutputError(f"{out_dir}: not a folder; choose another --out")
    if not os.access(out_dir, os.W_OK | os.X_OK):
        raise OutputError(f"{out_dir}: output folder is not writable; choose another --out")
    return created


def check_out(out: Path) -> None:
    """Raise ``OutputError`` unless ``out`` is (or can be made) a writable folder; nothing is created."""
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: exists and is not a folder; choose another --out")
    probe = out
    while not probe.exists() and probe.parent != probe:
        if probe.is_symlink():
            raise OutputError(f"{out}: {probe} is a dangling symlink; choose another --out")
        probe = probe.parent
    if not probe.is_dir():
        raise OutputError(f"{out}: {probe} is a file, not a folder; choose another --out")
    if not os.access(probe, os.W_OK | os.X_OK):
        raise OutputError(f"{out}: {probe} is not writable; choose another --out or make it writable")


def hold(out_dir: str | Path) -> bool:
    """Take the lock on ``out_dir`` (created if need be) until ``release`` or the end of the process.

    Returns False when this process already holds it. Raises ``OutputError`` when another process does.
    """
    out_dir = Path(out_dir)
    key = out_dir.resolve()
    if key in _held:
        return False
    created = _prepare(out_dir)
    path = out_dir / LOCK
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o666 & ~_UMASK)
    except OSError as err:
        raise OutputError(f"{path}: cannot create the lock file ({err.strerror}); choose another --out") from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as err:
        owner = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
        os.close(fd)
        if err.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            who = f" (pid {owner})" if owner.isdigit() else ""
            raise OutputError(f"{out_dir}: another kg build{who} is writing into this folder; "
                              "wait for it to finish or choose another --out") from None
        raise OutputError(f"{path}: cannot lock the output folder ({err.strerror}); choose another --out") from None
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
    _held[key] = (fd, created)
    return True


def release(out_dir: str | Path) -> None:
    """Let go of the lock on ``out_dir`` taken by ``hold``; a folder ``hold`` created and nothing was
    written to is removed again, so a build that fails early leaves no trace."""
    out_dir = Path(out_dir)
    held = _held.pop(out_dir.resolve(), None)
    if held is None:
        return
    fd, created = held
    try:
        if created and [p.name for p in out_dir.iterdir()] == [LOCK]:
            (out_dir / LOCK).unlink()
            out_dir.rmdir()
    except OSError:
        pass
    finally:
        os.close(fd)  # closing the only descriptor drops the flock


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _file_digest(path: Path) -> str | None:
    try:
        with path.open("rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()
    except OSError:
        return None


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _temp(path: Path, data: bytes, *, durable: bool = True) -> Path:
    """``data`` in a temporary sibling of ``path`` (fsynced when ``durable``); removed again if writing fails."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_UMASK)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def write_atomic(path: str | Path, data: str | bytes, *, durable: bool = True) -> None:
    """Write ``data`` to ``path`` via a temporary sibling and ``os.replace`` (one file, no manifest): readers
    see the old file or the new one, never half of one. ``durable=False`` skips the fsync (caches)."""
    tmp = _temp(Path(path), data.encode("utf-8") if isinstance(data, str) else data, durable=durable)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def tidy(out_dir: Path, names: list[str]) -> None:
    """Remove what an interrupted build left: its temporary files and a pending manifest."""
    prefixes = tuple(f".{n}." for n in [*names, MANIFEST, PENDING])
    for entry in out_dir.iterdir():
        if entry.name.endswith(".tmp") and entry.name.startswith(prefixes):
            entry.unlink(missing_ok=True)


def _manifest(out_dir: Path) -> dict[str, str]:
    return _read_manifest(out_dir)[0]


def _read_manifest(out_dir: Path) -> tuple[dict[str, str], str]:
    """(file name -> SHA-256, the digest of what the set was made from) of ``out_dir``'s manifest."""
    try:
        data = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
        files = data["files"]
        source = data.get("source", "")
        return ({str(k): str(v) for k, v in files.items()} if isinstance(files, dict) else {},
                source if isinstance(source, str) else "")
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}, ""


def is_current(out_dir: str | Path, names: list[str], source: str) -> bool:
    """True when ``out_dir`` holds a whole set made from ``source`` (a digest of the graph and of the
    code that renders it) with every one of ``names`` as its manifest lists it: nothing to render."""
    out_dir = Path(out_dir)
    if not source or (out_dir / PENDING).exists():
        return False
    files, made_from = _read_manifest(out_dir)
    return made_from == source and all(n in files and _file_digest(out_dir / n) == files[n] for n in names)


def _full(err: OSError, out_dir: Path, name: str) -> OutputError:
    what = "the disk is full" if err.errno in (errno.ENOSPC, errno.EDQUOT) else err.strerror or str(err)
    return OutputError(f"{out_dir}: could not write {name} ({what}); the previous exports are untouched; "
                       "free some space or choose another --out")


def write_set(out_dir: str | Path, files: Mapping[str, bytes], *, source: str = "") -> list[Path]:
    """Replace the export set in ``out_dir`` with ``files`` (name -> bytes) as one set; return every path.

    Files of the previous set that are not in ``files`` are left alone (and drop out of the manifest).
    ``source`` (what the set was made from, see ``is_current``) is recorded in the manifest.
    """
    out_dir = Path(out_dir)
    taken = hold(out_dir)
    try:
        names = sorted(files)
        interrupted = (out_dir / PENDING).exists()
        tidy(out_dir, names)
        # After an interrupted build the manifest may not describe the files: trust nothing, rewrite all.
        old = {} if interrupted else _manifest(out_dir)
        digests = {name: _digest(files[name]) for name in names}
        changed = [n for n in names if old.get(n) != digests[n] or _file_digest(out_dir / n) != digests[n]]
        manifest = json.dumps({"files": digests, "format": 1, "source": source}, indent=1, sort_keys=True).encode() + b"\n"
        temps: dict[str, Path] = {}
        try:
            for name in changed:
                try:
                    temps[name] = _temp(out_dir / name, files[name])
                except OSError as err:
                    raise _full(err, out_dir, name) from None
            pending = None
            try:
                pending = _temp(out_dir / MANIFEST, manifest)
                os.replace(pending, out_dir / PENDING)
            except OSError as err:
                if pending is not None:
                    pending.unlink(missing_ok=True)
                raise _full(err, out_dir, MANIFEST) from None
        except BaseException:
            for tmp in temps.values():
                tmp.unlink(missing_ok=True)
            raise
        _fsync_dir(out_dir)
        for name in changed:  # from here the set is mixed until the manifest is renamed: readers refuse
            os.replace(temps.pop(name), out_dir / name)
        _fsync_dir(out_dir)
        os.replace(out_dir / PENDING, out_dir / MANIFEST)
        _fsync_dir(out_dir)
        return [out_dir / n for n in names]
    finally:
        if taken:
            release(out_dir)


def check(path: str | Path) -> None:
    """Refuse an export file (or folder) whose set a build left half-replaced, or that its manifest does not list.

    Folders without a manifest (exports of an older kg, hand-made files) are accepted as they are.
    """
    path = Path(path)
    folder = path if path.is_dir() else path.parent
    if (folder / PENDING).exists():
        raise InputError(f"{folder}: a kg build was interrupted while replacing these exports, so they mix two "
                         "builds; run kg build again (or wait for the running one)")
    if path.is_dir():
        return
    digest = _manifest(folder).get(path.name)
    if digest is not None and _file_digest(path) != digest:
        raise InputError(f"{path}: not the file its set's manifest ({folder / MANIFEST}) lists (changed or copied "
                         "in from another build); run kg build again")
