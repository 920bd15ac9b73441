"""A content-hash keyed store for per-article work, reused across builds.

Keys are content hashes plus ``PIPELINE_VERSION``, so any change to the text or to the code
that produced a value makes a miss, never a stale hit. A corrupt or unreadable cache logs a
warning and starts empty: the cache can only ever make a build faster, never break it.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
import sqlite3
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

PIPELINE_VERSION = "1"
"""Bump when a stage's output for the same input changes, so old entries stop matching."""


def content_key(*parts: str) -> str:
    """A stable key from text parts (sha1 of the parts joined by NUL)."""
    return hashlib.sha1("\0".join(parts).encode("utf-8")).hexdigest()


class Cache:
    """Pickled values in one SQLite file, by (namespace, key)."""

    def __init__(self, directory: Path | None) -> None:
        """Open (or create) the cache under ``directory``; None gives a cache that keeps nothing."""
        self.hits = 0
        self.misses = 0
        self._db: sqlite3.Connection | None = None
        if directory is not None:
            self._db = self._open(directory / "cache.sqlite3")

    def _open(self, path: Path) -> sqlite3.Connection | None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(path)
            db.execute("CREATE TABLE IF NOT EXISTS kv (ns TEXT, key TEXT, value BLOB, "
                       "PRIMARY KEY (ns, key))")
            db.execute("SELECT count(*) FROM kv").fetchone()
            return db
        except (OSError, sqlite3.Error) as exc:
            log.warning("Cache '%s' is unreadable (%s); starting with an empty cache", path, exc)
            path.unlink(missing_ok=True)
            try:
                return self._fresh(path)
            except (OSError, sqlite3.Error):
                return None

    @staticmethod
    def _fresh(path: Path) -> sqlite3.Connection:
        db = sqlite3.connect(path)
        db.execute("CREATE TABLE kv (ns TEXT, key TEXT, value BLOB, PRIMARY KEY (ns, key))")
        return db

    def get(self, namespace: str, key: str) -> Any | None:
        """The stored value, or None on a miss (or an entry that no longer unpickles)."""
        if self._db is None:
            self.misses += 1
            return None
        row = self._db.execute("SELECT value FROM kv WHERE ns=? AND key=?",
                               (f"{namespace}@{PIPELINE_VERSION}", key)).fetchone()
        if row is None:
            self.misses += 1
            return None
        try:
            value = pickle.loads(row[0])
        except Exception:  # noqa: BLE001 - any unpickling failure is just a miss
            self.misses += 1
            return None
        self.hits += 1
        return value

    def put(self, namespace: str, key: str, value: Any) -> None:
        """Store ``value`` (picklable) under ``(namespace, key)``."""
        if self._db is None:
            return
        blob = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        self._db.execute("INSERT OR REPLACE INTO kv VALUES (?, ?, ?)",
                         (f"{namespace}@{PIPELINE_VERSION}", key, blob))

    def close(self) -> None:
        """Commit and close; safe to call twice."""
        if self._db is not None:
            self._db.commit()
            self._db.close()
            self._db = None
