"""page_keys: what a page's key holds, and the manifest of the last build's keys."""

from __future__ import annotations

import os
from pathlib import Path

from generator.site import page_keys


def test_values_without_a_value_repr_are_never_reused() -> None:
    setup = page_keys.setup_key("options")
    assert page_keys.context_key(setup, "day.md.j2", {"rows": [object()]}) is None
    assert page_keys.context_key(setup, "day.md.j2", {"rows": [1]}) == page_keys.context_key(
        setup, "day.md.j2", {"rows": [1]})
    assert page_keys.context_key(setup, "day.md.j2", {"rows": [1]}) != page_keys.context_key(
        setup, "day.md.j2", {"rows": [2]})
    assert page_keys.context_key(setup, "day.md.j2", {}) != page_keys.context_key(
        setup, "home.md.j2", {})


def test_the_setup_holds_the_options_and_the_site_code() -> None:
    assert page_keys.setup_key("a") != page_keys.setup_key("b")
    assert len(page_keys.code_hash()) == 64


def test_manifest_round_trip_and_the_checks_of_a_kept_file(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("A\n", encoding="utf-8")
    (tmp_path / "feed.xml").write_text("<feed/>", encoding="utf-8")
    page_keys.write(tmp_path, {"a.md": "k1", "feed.xml": None})
    files, last = page_keys.read(tmp_path)
    assert files == {"a.md", "feed.xml"} and set(last) == {"a.md"}  # a feed has no key
    assert page_keys.unchanged(tmp_path, "a.md", "k1", last)
    assert not page_keys.unchanged(tmp_path, "a.md", "k2", last)
    assert not page_keys.unchanged(tmp_path, "a.md", None, last)
    stat = (tmp_path / "a.md").stat()
    os.utime(tmp_path / "a.md", ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))  # touched
    assert not page_keys.unchanged(tmp_path, "a.md", "k1", last)
    (tmp_path / "a.md").unlink()
    assert not page_keys.unchanged(tmp_path, "a.md", "k1", last)


def test_a_missing_manifest_reads_as_nothing(tmp_path: Path) -> None:
    assert page_keys.read(tmp_path) == (set(), {})
