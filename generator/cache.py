"""A content-hash keyed store for per-article work, reused across builds.

Keys are content hashes. The store as a whole is stamped with ``PIPELINE_VERSION`` plus a
fingerprint of the analysis code (the source of every module that shapes per-article results),
so changing the text of an article, bumping the version, or editing the code that produced a
value gives a miss, never a stale hit. A cache stamped by another version is emptied on open.
A corrupt or unreadable cache logs a warning and starts empty: the cache can only ever make a
build faster, never break it.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

PIPELINE_VERSION = "2"
"""Bump when a stage's output for the same input changes in a way the code fingerprint misses
(a changed dependency such as a new trafilatura release)."""

CACHE_FILE = "cache.sqlite3"

OUTPUT_MODULES = frozenset({
    "__main__.py", "cache.py", "cli.py", "distributed.py", "parallel.py", "progress.py",
    "publish.py", "report.py", "group/history.py", "group/identity.py",
})
"""Modules (paths under ``generator/``) that only orchestrate or write output: editing them
leaves cached analysis valid."""

OUTPUT_PACKAGES = frozenset({"site", "fetch", "pipeline"})
"""Subpackages that only write output (pages, feeds, the MkDocs build, templates), only
orchestrate (``pipeline``: the stages in order, their caching and spreading), or that run
before the analysis and whose output is input keyed by its bytes (``fetch``)."""

_BATCH = 500
"""Keys per SQL statement: well under SQLite's bound-parameter limit (999 on old builds)."""

_SCHEMA = ("CREATE TABLE IF NOT EXISTS kv (ns TEXT, key TEXT, value BLOB, PRIMARY KEY (ns, key))",
           "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")


def content_key(*parts: str) -> str:
    """A stable key from text parts (sha1 of the parts joined by NUL)."""
    return hashlib.sha1("\0".join(parts).encode("utf-8")).hexdigest()


@cache
def code_fingerprint() -> str:
    """Sha1 over the source of the analysis modules and resources (not the output modules)."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha1()
    files = sorted(p for p in package.rglob("*") if p.is_file()
                   and p.suffix in (".py", ".txt", ".json", ".yml", ".yaml", ".tsv")
                   and _shapes_analysis(p.relative_to(package)))
    for path in files:
        digest.update(str(path.relative_to(package)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _shapes_analysis(path: Path) -> bool:
    """Whether a file under the package can change a cached result (output code cannot)."""
    return path.parts[0] not in OUTPUT_PACKAGES and path.as_posix() not in OUTPUT_MODULES


def stamp() -> str:
    """What a cache must have been written by to be reused: version and code fingerprint."""
    return f"{PIPELINE_VERSION}:{code_fingerprint()}"


class Cache:
    """Pickled values in one SQLite file, by (namespace, key)."""

    def __init__(self, directory: Path | None) -> None:
        """Open (or create) the cache under ``directory``; None gives a cache that keeps nothing."""
        self.hits = 0
        self.misses = 0
        self._db: sqlite3.Connection | None = None
        if directory is not None:
            self._db = self._open(directory / CACHE_FILE)

    def _open(self, path: Path) -> sqlite3.Connection | None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(path)
            for statement in _SCHEMA:
                db.execute(statement)
            _check_stamp(db, path)
            return db
        except (OSError, sqlite3.Error) as exc:
            log.warning("Cache '%s' is unreadable (%s); starting with an empty cache", path, exc)
            try:
                path.unlink(missing_ok=True)
                return _fresh(path)
            except (OSError, sqlite3.Error):
                return None

    def get(self, namespace: str, key: str) -> Any | None:
        """The stored value, or None on a miss (or an entry that no longer unpickles)."""
        return self.get_many(namespace, [key]).get(key)

    def get_many(self, namespace: str, keys: Sequence[str]) -> dict[str, Any]:
        """The stored values of those ``keys`` that hit; misses are simply absent."""
        found: dict[str, Any] = {}
        if self._db is not None:
            for start in range(0, len(keys), _BATCH):
                found.update(self._select(namespace, keys[start:start + _BATCH]))
        self.hits += len(found)
        self.misses += len(keys) - len(found)
        return found

    def _select(self, namespace: str, keys: Sequence[str]) -> dict[str, Any]:
        assert self._db is not None
        marks = ",".join("?" * len(keys))
        try:
            rows = self._db.execute(f"SELECT key, value FROM kv WHERE ns=? AND key IN ({marks})",
                                    (namespace, *keys)).fetchall()
        except sqlite3.Error as exc:
            self._disable(exc)
            return {}
        found: dict[str, Any] = {}
        for key, blob in rows:
            try:
                found[key] = pickle.loads(blob)
            except Exception:  # noqa: BLE001 - any unpickling failure is just a miss
                continue
        return found

    def put(self, namespace: str, key: str, value: Any) -> None:
        """Store ``value`` (picklable) under ``(namespace, key)``."""
        self.put_many(namespace, {key: value})

    def put_many(self, namespace: str, items: Mapping[str, Any]) -> None:
        """Store every ``key -> value`` of ``items`` in one transaction."""
        if self._db is None or not items:
            return
        rows: Iterable[tuple[str, str, bytes]] = (
            (namespace, k, pickle.dumps(v, protocol=pickle.HIGHEST_PROTOCOL))
            for k, v in items.items())
        try:
            self._db.executemany("INSERT OR REPLACE INTO kv VALUES (?, ?, ?)", rows)
        except sqlite3.Error as exc:
            self._disable(exc)

    def _disable(self, exc: Exception) -> None:
        log.warning("Cache failed (%s); going on without it", exc)
        self.close()

    def close(self) -> None:
        """Commit and close; safe to call twice."""
        if self._db is not None:
            db, self._db = self._db, None
            try:
                db.commit()
            except sqlite3.Error as exc:
                log.warning("Cache could not be saved (%s); the next build starts cold", exc)
            db.close()


def _fresh(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path)
    for statement in _SCHEMA:
        db.execute(statement)
    db.execute("INSERT OR REPLACE INTO meta VALUES ('stamp', ?)", (stamp(),))
    db.commit()
    return db


def _check_stamp(db: sqlite3.Connection, path: Path) -> None:
    row = db.execute("SELECT value FROM meta WHERE key='stamp'").fetchone()
    if row is not None and row[0] == stamp():
        return
    if row is not None:
        log.info("Cache '%s' was made by another version of the analysis; starting fresh", path)
    db.execute("DELETE FROM kv")
    db.execute("INSERT OR REPLACE INTO meta VALUES ('stamp', ?)", (stamp(),))
    db.commit()
