"""What ``digest fetch`` remembers between runs, in the cache folder (never in ``content/``).

``validators``: each feed's and sitemap's last ETag and Last-Modified, so an unchanged one costs a
304. ``seen``: every canonical article URL already written, with its file, so no article is
fetched twice. JSON, written atomically; an unreadable file is a warning and a fresh start, and
then the ``url`` fields of the files already in the fetch folder are read back into ``seen``.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import threading
from pathlib import Path
from typing import Any

from generator.fetch.client import Validators
from generator.fetch.write import url_in_file

log = logging.getLogger(__name__)

STATE_FILE = "fetch-state.json"
STATE_VERSION = 1



class FetchState:
    """Validators per feed URL and the canonical URLs already fetched (thread-safe)."""

    def __init__(self, validators: dict[str, Validators] | None = None,
                 seen: dict[str, str] | None = None) -> None:
        """Start from what an earlier run saved (or nothing)."""
        self._validators = dict(validators or {})
        self._seen = dict(seen or {})
        self._lock = threading.Lock()

    def validators(self, url: str) -> Validators | None:
        """The validators of the last answer for ``url``, if any."""
        with self._lock:
            return self._validators.get(url)

    def remember_validators(self, url: str, validators: Validators) -> None:
        """Keep ``url``'s validators for the next run's conditional request."""
        with self._lock:
            if validators.etag or validators.last_modified:
                self._validators[url] = validators
            else:
                self._validators.pop(url, None)

    def seen(self, url: str) -> str | None:
        """The file an article with this canonical URL was written to, if it was."""
        with self._lock:
            return self._seen.get(url)

    def mark_seen(self, urls: list[str], path: str) -> None:
        """Record that these canonical URLs are the article written to ``path``."""
        with self._lock:
            for url in urls:
                self._seen.setdefault(url, path)

    def to_json(self) -> dict[str, Any]:
        """The state as saved."""
        with self._lock:
            validators = {url: {"etag": v.etag, "last_modified": v.last_modified}
                          for url, v in sorted(self._validators.items())}
            return {"version": STATE_VERSION, "validators": validators,
                    "seen": dict(sorted(self._seen.items()))}


def load_state(path: Path, *, fetch_dir: Path) -> FetchState:
    """Read the state file; without one, recover ``seen`` from the files in ``fetch_dir``."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != STATE_VERSION:
            raise ValueError(f"version {data.get('version')!r}")
        validators = {str(url): Validators(v.get("etag"), v.get("last_modified"))
                      for url, v in data["validators"].items()}
        return FetchState(validators, {str(k): str(v) for k, v in data["seen"].items()})
    except FileNotFoundError:
        pass
    except (OSError, ValueError, KeyError, AttributeError, TypeError) as exc:
        log.warning("Fetch state '%s' unreadable (%s); starting afresh", path, exc)
    return FetchState(seen=_recover_seen(fetch_dir))


def save_state(state: FetchState, path: Path) -> None:
    """Write the state atomically (a crash never leaves half a file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".fetch-state-", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(state.to_json(), out, ensure_ascii=False, indent=0)
        Path(temp).replace(path)
    except OSError:
        Path(temp).unlink(missing_ok=True)
        raise


def _recover_seen(fetch_dir: Path) -> dict[str, str]:
    seen: dict[str, str] = {}
    for file in sorted(fetch_dir.rglob("*.md")) if fetch_dir.is_dir() else ():
        url = url_in_file(file)
        if url:
            seen.setdefault(url, file.relative_to(fetch_dir).as_posix())
    if seen:
        log.info("Recovered %d fetched URLs from %s", len(seen), fetch_dir)
    return seen
