"""Settings: one documented place (``digest.yml``), validated all at once, CLI flags on top.

Every field below is a key of ``digest.yml`` (``section.key``); the README lists them. A
missing file means all defaults. Unknown keys are warnings (a typo should not stop the morning
build); wrong types and out-of-range values are errors, all reported together.
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from generator.errors import ConfigError

log = logging.getLogger(__name__)

CONFIG_FILE = "digest.yml"


@dataclass(frozen=True, slots=True)
class DedupeSettings:
    """Near-duplicate folding (``generator.group.dedupe``)."""

    threshold: float = 0.6
    """Share (0..1) of the shorter article's five-word shingles that must also occur in the
    longer one for the two to be copies of one article (re-scrapes, reprinted wire copy, a
    version cut short). Raise it to fold only near-identical copies; lower it to fold heavier
    rewrites. On ECB+ different stories never share more than 0.25; copies share 0.85-1.0."""


@dataclass(frozen=True, slots=True)
class ClusterSettings:
    """Grouping sources into stories (``generator.group.cluster``)."""

    threshold: float = 0.05
    """The average similarity (0..1, cosine of TF-IDF and name vectors) a story's sources must
    keep among themselves. Raise it for smaller, tighter stories (look-alike events split
    sooner); lower it to merge more loosely related coverage into one story."""
    neighbours: int = 7
    """How many most similar sources each source is linked to before stories are formed.
    More links merge more (and cost more); fewer can split a large story."""
    window_days: int = 7
    """Sources whose publication dates are further apart than this are linked only weakly, so
    they share an event only when very similar (a thread still joins events weeks apart).
    Undated sources are not penalised."""


@dataclass(frozen=True, slots=True)
class StorySettings:
    """What a story page shows."""

    max_timeline: int = 40
    """Most timeline entries on one story page."""
    max_quotes: int = 8
    """Most key quotes on one story page."""


@dataclass(frozen=True, slots=True)
class BuildSettings:
    """How the build runs."""

    workers: int = 0
    """Processes for per-article work; 0 means one per CPU core."""
    strict: bool = False
    """Exit non-zero when any input was skipped."""
    scheduler: str | None = None
    """Address of a Dask scheduler (``tcp://host:8786``) to run the per-article stages on, or
    ``local`` for a local Dask cluster; unset runs them on this machine's process pool."""


SOURCE_KINDS = ("feed", "sitemap", "page")
"""What a source URL points at: a feed (RSS, RDF, Atom, JSON Feed), a sitemap, or one page."""


@dataclass(frozen=True, slots=True)
class SourceSpec:
    """One entry of ``sources:``: where ``digest fetch`` looks for new articles."""

    url: str
    name: str | None = None
    """The outlet name written into fetched articles; default: the feed's title or the host."""
    kind: str = "feed"
    """One of ``SOURCE_KINDS``."""
    full_text: bool = True
    """Fetch each entry's page and extract the article when the feed carries only a summary."""


@dataclass(frozen=True, slots=True)
class FetchSettings:
    """How ``digest fetch`` downloads (``generator.fetch``). Defaults are a polite crawler's."""

    dir: Path = Path("content/fetched")
    """Where fetched articles are written, one Markdown file each (``<host>/<date>-<slug>.md``)."""
    per_host: int = 2
    """Most requests in flight to one host at a time."""
    delay: float = 1.0
    """Seconds between the starts of two requests to one host (robots.txt may ask for more)."""
    timeout: float = 20.0
    """Seconds one request may take, connecting and reading included."""
    retries: int = 3
    """Further tries after a timeout, a refused connection, 429 or a 5xx answer."""
    backoff: float = 2.0
    """Seconds before the first retry, doubling after each (a ``Retry-After`` answer wins)."""
    max_retry_after: float = 300.0
    """Longest ``Retry-After`` honoured; a server asking for more fails the request instead."""
    max_bytes: int = 10_000_000
    """Largest response read; a larger one is refused."""
    max_redirects: int = 5
    """Redirects followed per request."""
    max_entries: int = 100
    """Most new entries taken from one source per run (newest first)."""
    workers: int = 8
    """Requests in flight over all hosts."""
    contact: str = ""
    """A URL or e-mail address put in the User-Agent, so site owners can reach you."""


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything the pipeline and the site build read. Paths are relative to ``root``."""

    root: Path = Path()
    content: tuple[Path, ...] = (Path("content"),)
    """Files or folders to read (folders recursively)."""
    docs_dir: Path = Path("docs")
    """Where the generated Markdown goes."""
    site_dir: Path = Path("site")
    """Where the built site goes."""
    cache_dir: Path = Path(".digest-cache")
    """Per-article work and story history, reused by the next build."""
    mkdocs_config: Path = Path("mkdocs.yml")
    """The MkDocs configuration the site is built with."""
    dedupe: DedupeSettings = field(default_factory=DedupeSettings)
    cluster: ClusterSettings = field(default_factory=ClusterSettings)
    story: StorySettings = field(default_factory=StorySettings)
    build: BuildSettings = field(default_factory=BuildSettings)
    sources: tuple[SourceSpec, ...] = ()
    """Feeds, sitemaps and pages ``digest fetch`` reads (``sources:`` in ``digest.yml``)."""
    fetch: FetchSettings = field(default_factory=FetchSettings)

    def path(self, relative: Path) -> Path:
        """Resolve a settings path against the project root."""
        return relative if relative.is_absolute() else self.root / relative


_SECTIONS: dict[str, type[Any]] = {
    "dedupe": DedupeSettings,
    "cluster": ClusterSettings,
    "story": StorySettings,
    "build": BuildSettings,
    "fetch": FetchSettings,
}
_PATH_KEYS = ("docs_dir", "site_dir", "cache_dir", "mkdocs_config")
_RANGES: dict[str, tuple[float, float]] = {
    "dedupe.threshold": (0.0, 1.0),
    "cluster.threshold": (0.0, 1.0),
    "cluster.neighbours": (1, 100),
    "cluster.window_days": (1, 36500),
    "story.max_timeline": (1, 10000),
    "story.max_quotes": (0, 1000),
    "build.workers": (0, 256),
    "fetch.per_host": (1, 16),
    "fetch.delay": (0.0, 600.0),
    "fetch.timeout": (0.1, 600.0),
    "fetch.retries": (0, 10),
    "fetch.backoff": (0.0, 600.0),
    "fetch.max_retry_after": (0.0, 86400.0),
    "fetch.max_bytes": (1000, 1_000_000_000),
    "fetch.max_redirects": (0, 30),
    "fetch.max_entries": (1, 100_000),
    "fetch.workers": (1, 64),
}


def load_settings(
    root: Path | None = None,
    *,
    config_file: Path | None = None,
    overrides: dict[str, Any] | None = None,
) -> Settings:
    """Read ``digest.yml`` under ``root`` (if present), apply ``overrides``, validate.

    Args:
        root: project folder; defaults to the current directory.
        config_file: an explicit config file; it must exist.
        overrides: dotted keys from CLI flags (``{"cluster.threshold": 0.4}``); None values
            mean "flag not given" and are ignored.

    Raises:
        ConfigError: listing every problem found, one per line.
    """
    root = root or Path()
    raw = _read_file(config_file or root / CONFIG_FILE, required=config_file is not None)
    flat = _flatten(raw)
    flat.update({k: v for k, v in (overrides or {}).items() if v is not None})
    errors: list[str] = []
    settings = _build(root, flat, errors)
    if errors:
        raise ConfigError("invalid settings:\n  " + "\n  ".join(errors))
    return settings


def _read_file(path: Path, *, required: bool) -> dict[str, Any]:
    if not path.exists():
        if required:
            raise ConfigError(f"config file '{path}' does not exist")
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read config file '{path}': {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"config file '{path}' must hold a mapping of settings")
    return data


def _flatten(raw: dict[str, Any]) -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in raw.items():
        if key in _SECTIONS and isinstance(value, dict):
            flat.update({f"{key}.{k}": v for k, v in value.items()})
        else:
            flat[str(key)] = value
    return flat


def _build(root: Path, flat: dict[str, Any], errors: list[str]) -> Settings:
    top: dict[str, Any] = {"root": root}
    sections: dict[str, dict[str, Any]] = {name: {} for name in _SECTIONS}
    for key, value in flat.items():
        section, _, name = key.partition(".")
        if key == "content":
            top["content"] = _as_paths(value, key, errors)
        elif key == "sources":
            top["sources"] = _as_sources(value, errors)
        elif key in _PATH_KEYS:
            path = _as_path(value, key, errors)
            if path is not None:
                top[key] = path
        elif section in _SECTIONS and name in _field_types(_SECTIONS[section]):
            type_name = _field_types(_SECTIONS[section])[name]
            checked = (_check_optional_text(key, value, errors) if type_name == "str | None"
                       else _check(key, value, type_name, errors))
            if checked is not None:
                sections[section][name] = checked
        else:
            log.warning("Config key '%s' is not a setting of news-digest; ignored", key)
    built = {name: _SECTIONS[name](**values) for name, values in sections.items()}
    return Settings(**top, **built)


def _field_types(cls: type[Any]) -> dict[str, str]:
    return {f.name: str(f.type) for f in dataclasses.fields(cls)}


def _check(key: str, value: Any, type_name: str, errors: list[str]) -> Any:
    if type_name in ("Path", "str"):
        return _check_text(key, value, type_name, errors)
    if type_name == "bool":
        return _check_bool(key, value, errors)
    return _check_number(key, value, type_name, errors)


def _check_bool(key: str, value: Any, errors: list[str]) -> bool | None:
    if isinstance(value, bool):
        return value
    errors.append(f"Config value '{key}': expected true or false, got {value!r}")
    return None


def _check_number(key: str, value: Any, type_name: str, errors: list[str]) -> Any:
    number_type = int if type_name == "int" else float
    if isinstance(value, bool) or not isinstance(value, int | float):
        errors.append(f"Config value '{key}': expected a number, got {value!r}")
        return None
    if number_type is int and not float(value).is_integer():
        errors.append(f"Config value '{key}': expected a whole number, got {value!r}")
        return None
    low, high = _RANGES.get(key, (float("-inf"), float("inf")))
    if not low <= value <= high:
        errors.append(f"Config value '{key}': expected {low:g}..{high:g}, got {value!r}")
        return None
    return number_type(value)


def _check_text(key: str, value: Any, type_name: str, errors: list[str]) -> Any:
    if type_name == "Path":
        return _as_path(value, key, errors)
    if isinstance(value, str):
        return value
    errors.append(f"Config value '{key}': expected a string, got {value!r}")
    return None


def _check_optional_text(key: str, value: Any, errors: list[str]) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    errors.append(f"Config value '{key}': expected text, got {value!r}")
    return None


def _as_path(value: Any, key: str, errors: list[str]) -> Path | None:
    if isinstance(value, str | Path) and str(value):
        return Path(value)
    errors.append(f"Config value '{key}': expected a path, got {value!r}")
    return None


def _as_paths(value: Any, key: str, errors: list[str]) -> tuple[Path, ...]:
    items = value if isinstance(value, list | tuple) else [value]
    paths = [_as_path(v, key, errors) for v in items]
    return tuple(p for p in paths if p is not None)


def _as_sources(value: Any, errors: list[str]) -> tuple[SourceSpec, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        errors.append(f"Config value 'sources': expected a list of URLs or mappings, got {value!r}")
        return ()
    specs: list[SourceSpec] = []
    first: dict[str, int] = {}
    for index, item in enumerate(value):
        spec = _as_source(item, f"sources[{index}]", errors)
        if spec is None:
            continue
        if spec.url in first:
            errors.append(f"Config value 'sources[{index}].url': {spec.url!r} is already "
                          f"sources[{first[spec.url]}]")
            continue
        first[spec.url] = index
        specs.append(spec)
    return tuple(specs)


def _as_source(item: Any, key: str, errors: list[str]) -> SourceSpec | None:
    """One ``sources:`` entry: a URL string or ``{url, name, kind, full_text}``."""
    if isinstance(item, str):
        item = {"url": item}
    if not isinstance(item, dict):
        errors.append(f"Config value '{key}': expected a URL or a mapping with 'url', "
                      f"got {item!r}")
        return None
    before = len(errors)
    url = item.get("url")
    if not _is_web_url(url):
        errors.append(f"Config value '{key}.url': expected an http(s) URL, got {url!r}")
    name = item.get("name")
    if name is not None and not (isinstance(name, str) and name.strip()):
        errors.append(f"Config value '{key}.name': expected a non-empty string, got {name!r}")
    kind = item.get("kind", "feed")
    if kind not in SOURCE_KINDS:
        errors.append(f"Config value '{key}.kind': expected one of {', '.join(SOURCE_KINDS)}, "
                      f"got {kind!r}")
    full_text = item.get("full_text", True)
    if not isinstance(full_text, bool):
        errors.append(f"Config value '{key}.full_text': expected true or false, "
                      f"got {full_text!r}")
    for unknown in sorted(set(map(str, item)) - {"url", "name", "kind", "full_text"}):
        log.warning("Config key '%s.%s' is not a source setting; ignored", key, unknown)
    if len(errors) > before or not isinstance(url, str):
        return None
    return SourceSpec(url=url.strip(), name=name.strip() if name else None, kind=kind,
                      full_text=full_text)


def _is_web_url(value: Any) -> bool:
    if not isinstance(value, str) or any(c.isspace() for c in value.strip()):
        return False
    try:
        parts = urlsplit(value.strip())
        return parts.scheme in ("http", "https") and bool(parts.hostname)
    except ValueError:
        return False
