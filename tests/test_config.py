from pathlib import Path

import pytest

from generator.config import CONFIG_FILE, load_settings
from generator.errors import ConfigError


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / CONFIG_FILE).write_text(text, encoding="utf-8")
    return tmp_path


def test_defaults_without_a_file(tmp_path: Path) -> None:
    settings = load_settings(tmp_path)
    assert settings.content == (Path("content"),)
    assert 0 < settings.dedupe.threshold < 1
    assert settings.path(settings.site_dir) == tmp_path / "site"


def test_file_values_and_cli_overrides(tmp_path: Path) -> None:
    write(tmp_path, "content: [news, feeds]\ncluster:\n  threshold: 0.4\nbuild:\n  workers: 2\n")
    settings = load_settings(tmp_path, overrides={"cluster.threshold": 0.7, "build.strict": None})
    assert settings.content == (Path("news"), Path("feeds"))
    assert settings.cluster.threshold == 0.7  # the flag wins over the file
    assert settings.build.workers == 2
    assert settings.build.strict is False  # None means "flag not given"


def test_all_errors_reported_at_once(tmp_path: Path) -> None:
    write(tmp_path, "dedupe:\n  threshold: 1.5\n"
                    "cluster:\n  window_days: soon\n"
                    "build:\n  strict: 3\n")
    with pytest.raises(ConfigError) as info:
        load_settings(tmp_path)
    message = str(info.value)
    assert "'dedupe.threshold': expected 0..1, got 1.5" in message
    assert "'cluster.window_days': expected a number" in message
    assert "'build.strict': expected true or false" in message


def test_unknown_keys_warn_but_do_not_fail(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    write(tmp_path, "clustr:\n  threshold: 0.2\n")
    load_settings(tmp_path)
    assert "clustr" in caplog.text


@pytest.mark.parametrize("text", ["- just\n- a list\n", "key: [unclosed\n"])
def test_malformed_file_is_one_clear_error(tmp_path: Path, text: str) -> None:
    write(tmp_path, text)
    with pytest.raises(ConfigError, match=CONFIG_FILE):
        load_settings(tmp_path)


def test_explicit_config_file_must_exist(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_settings(tmp_path, config_file=tmp_path / "nope.yml")


def test_sources_as_strings_and_mappings(tmp_path: Path) -> None:
    write(tmp_path, "sources:\n  - https://a.test/feed.xml\n"
                    "  - {url: 'https://b.test/sitemap.xml', kind: sitemap, name: B,"
                    " full_text: false}\n"
                    "fetch:\n  dir: news/fetched\n  per_host: 1\n  contact: https://me.test\n")
    settings = load_settings(tmp_path)
    first, second = settings.sources
    assert (first.url, first.kind, first.full_text, first.name) == (
        "https://a.test/feed.xml", "feed", True, None)
    assert (second.kind, second.name, second.full_text) == ("sitemap", "B", False)
    assert settings.fetch.dir == Path("news/fetched")
    assert (settings.fetch.per_host, settings.fetch.contact) == (1, "https://me.test")


def test_every_bad_source_is_one_line(tmp_path: Path) -> None:
    write(tmp_path, "sources:\n  - ftp://a.test/feed\n  - {url: 'https://b.test/', kind: rss}\n"
                    "  - {url: 'https://c.test/', full_text: maybe, name: ''}\n  - 42\n"
                    "  - https://d.test/\n  - https://d.test/\n"
                    "fetch:\n  per_host: 0\n  contact: 7\n")
    with pytest.raises(ConfigError) as info:
        load_settings(tmp_path)
    lines = str(info.value).splitlines()[1:]
    assert [line.strip() for line in lines] == [
        "Config value 'sources[0].url': expected an http(s) URL, got 'ftp://a.test/feed'",
        "Config value 'sources[1].kind': expected one of feed, sitemap, page, got 'rss'",
        "Config value 'sources[2].name': expected a non-empty string, got ''",
        "Config value 'sources[2].full_text': expected true or false, got 'maybe'",
        "Config value 'sources[3]': expected a URL or a mapping with 'url', got 42",
        "Config value 'sources[5].url': 'https://d.test/' is already sources[4]",
        "Config value 'fetch.per_host': expected 1..16, got 0",
        "Config value 'fetch.contact': expected a string, got 7",
    ]


def test_sources_must_be_a_list(tmp_path: Path) -> None:
    write(tmp_path, "sources: https://a.test/feed.xml\n")
    with pytest.raises(ConfigError, match="'sources': expected a list"):
        load_settings(tmp_path)
