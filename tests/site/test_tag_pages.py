"""tag_pages: a lone surname's People page names the persons it may mean."""

from __future__ import annotations

from pathlib import Path

from generator.model import Analysis, Entity, PartialDate, Source, Story
from generator.site import pages
from tests.conftest import make_article


def story(key: str, *people: str) -> Story:
    article = make_article(id=key, path=f"{key}.txt", published=PartialDate(2016, 5, 1))
    return Story(id=key, title=f"Story {key}", summary="Talks.", sources=(Source(article),),
                 entities=tuple(Entity(p, "person") for p in people))


def test_a_shared_surname_page_names_its_candidates(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: T\nuse_directory_urls: false\n", encoding="utf-8")
    analysis = Analysis((), (story("a", "Hillary Clinton", "Bill Clinton"),
                             story("b", "Hillary Clinton"), story("c", "Clinton")))
    docs = tmp_path / "docs"
    pages.write_pages(analysis, docs, config_file=config)
    page = (docs / "people" / "clinton.md").read_text(encoding="utf-8")
    assert "it may mean Hillary Clinton or Bill Clinton." in page
    assert "may mean" not in (docs / "people" / "hillary-clinton.md").read_text(encoding="utf-8")
