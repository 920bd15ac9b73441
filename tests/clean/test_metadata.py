"""Header metadata: date lines, inline prefixes, section labels, headlines, file names."""

from __future__ import annotations

import pytest

from generator.clean import metadata as md
from generator.clean.boilerplate import line_rule
from generator.model import PartialDate


@pytest.mark.parametrize(("line", "expected"), [
    ("Thursday, February 5, 2026", (PartialDate(2026, 2, 5), None)),
    ("Tuesday, November 4, 2025", (PartialDate(2025, 11, 4), None)),
    ("4 November 2025", (PartialDate(2025, 11, 4), None)),
    ("Nov. 4, 2025 10:32 a.m. ET", (PartialDate(2025, 11, 4), None)),
    ("Published: March 3rd, 2024", (PartialDate(2024, 3, 3), "published")),
    ("Updated on 2024-03-05 09:12", (PartialDate(2024, 3, 5), "updated")),
    ("2025-11-14", (PartialDate(2025, 11, 14), None)),
    ("Updated 11:48 PM EST, September 30, 2025", (PartialDate(2025, 9, 30), "updated")),
    ("On Tuesday, November 4, 2025, the mayor spoke.", None),
    ("November rain", None),
])
def test_date_line(line: str, expected: tuple[PartialDate | None, str | None] | None) -> None:
    assert md.date_line(line) == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("International", True),
    ("POLITICS", True),
    ("News > World > Middle East", True),
    ("Business | Markets", True),
    ("International trade talks stall", False),
    ("World leaders meet in Rome", False),
])
def test_is_section_label(line: str, expected: bool) -> None:
    assert md.is_section_label(line) is expected


@pytest.mark.parametrize(("lines", "title", "published", "rest"), [
    (["Tuesday, November 4, 2025", "", "Ferry strike ends after two weeks", "",
      "Workers voted on Monday to accept the deal."],
     "Ferry strike ends after two weeks", PartialDate(2025, 11, 4),
     ["", "", "Workers voted on Monday to accept the deal."]),
    (["International", "", "Leaders agree on climate fund", "", "The fund will open in May."],
     "Leaders agree on climate fund", None, ["", "", "The fund will open in May."]),
    ([" date 2025-11-14 The minister said on Thursday that talks would resume.", "More text."],
     None, PartialDate(2025, 11, 14),
     ["The minister said on Thursday that talks would resume.", "More text."]),
    (["The minister said on Thursday that talks would resume, officials confirmed.", ""],
     None, None, ["The minister said on Thursday that talks would resume, officials confirmed.",
                  ""]),
    (["By Jane Doe", "Harbour reopens after dredging", "Ships returned on Friday."],
     "Harbour reopens after dredging", None, ["By Jane Doe", "Ships returned on Friday."]),
    (["Updated: May 2, 2025", "Published: May 1, 2025", "Dam plan approved", "Body text."],
     "Dam plan approved", PartialDate(2025, 5, 1), ["Body text."]),
    (["Dam plan approved", "Updated: May 2, 2025", "Body text."],
     "Dam plan approved", PartialDate(2025, 5, 2), ["Body text."]),
])
def test_read_header(lines: list[str], title: str | None, published: PartialDate | None,
                     rest: list[str]) -> None:
    header = md.read_header([line.strip() if i else line for i, line in enumerate(lines)],
                            skip=line_rule)
    assert (header.title, header.published) == (title, published)
    assert [line.strip() for line in header.lines] == rest


def test_read_header_records_provenance() -> None:
    header = md.read_header(["May 1, 2025", "Dam plan approved", "Body text."])
    assert header.found == (("published", "header"), ("title", "header"))


def test_read_header_without_wanting_a_title_keeps_the_line() -> None:
    header = md.read_header(["Dam plan approved", "Body text."], want_title=False)
    assert header.title is None and header.lines == ["Dam plan approved", "Body text."]


@pytest.mark.parametrize(("text", "expected"), [
    ("The U.S. will not send troops, Mr. Rubio said on Thursday. More follows.",
     "The U.S. will not send troops, Mr. Rubio said on Thursday"),
    ("Short one. Two.", "Short one"),
    ("A long opening sentence of eighteen words that a headline of today could well have "
     "without any cut.", "A long opening sentence of eighteen words that a headline of "
     "today could well have without any cut"),
    ("After two days of talks in Geneva, the Security Council on Thursday approved a "
     "resolution on the chemical weapons of the country, which the U.S. had long sought and "
     "the other members had opposed for many months.",
     "The Security Council on Thursday approved a resolution on the chemical weapons of the "
     "country"),
    ("", None),
])
def test_fallback_title(text: str, expected: str | None) -> None:
    assert md.fallback_title(text) == expected


@pytest.mark.parametrize(("path", "expected"), [
    ("content/2025-11-14-rubio.txt", PartialDate(2025, 11, 14)),
    ("cnn_20251114_story.txt", PartialDate(2025, 11, 14)),
    ("breitbart_2015-11-11_the-ninth-circle.txt", PartialDate(2015, 11, 11)),
    ("000_f20b997e250b1d1d.txt", None),
    ("feed.xml#20251114", None),
    ("2025-13-45-bad.txt", None),
])
def test_date_from_filename(path: str, expected: PartialDate | None) -> None:
    assert md.date_from_filename(path) == expected


@pytest.mark.parametrize(("url", "expected"), [
    ("http://nypost.com/2013/05/02/lindsay-lohan-checks-in/", PartialDate(2013, 5, 2)),
    ("http://articles.latimes.com/2013/may/03/local/la-me-lohan", PartialDate(2013, 5, 3)),
    ("https://www.usatoday.com/story/life/2013/05/02/will-she/2128651/", PartialDate(2013, 5, 2)),
    ("http://joyofsox.blogspot.com/2008/12/herald-sox-make-offer.html", PartialDate(2008, 12)),
    ("https://news.example/2019/05/", PartialDate(2019, 5)),
    ("http://www.cnn.com/2009/POLITICS/03/03/endangered.species.act/", PartialDate(2009, 3, 3)),
    ("https://news.example/a/la-me-0504-lohan-rehab-20130504", PartialDate(2013, 5, 4)),
    ("https://news.example/a/b-2013-05-04-c", PartialDate(2013, 5, 4)),
    # not dates: a month word that starts a slug, ids, impossible days, the host and query
    ("https://news.example/2019/may-day-parade/", None),
    ("http://www.people.com/people/article/0,,20697025,00.html", None),
    ("https://news.example/2013/02/31/x", None),
    ("https://news.example/story-20130231", None),
    ("https://20130504.example/story?date=2013-05-04", None),
    ("https://news.example/2024/13/01/x", None),
    (None, None),
])
def test_date_from_url(url: str | None, expected: PartialDate | None) -> None:
    assert md.date_from_url(url) == expected


def test_read_header_key_value_lines_and_bare_url() -> None:
    header = md.read_header([
        "https://www.harbourherald.example/business/port-strike-ends",
        "Source: Harbour Herald",
        "Author: Maria Lindqvist",
        "Date: Tue, 14 Oct 2025 08:00:00 +0000",
        "Title: Port strike ends after 12 days",
        "",
        "Dockworkers voted on Wednesday to accept a new contract.",
    ])
    assert header.title == "Port strike ends after 12 days"
    assert header.published == PartialDate(2025, 10, 14)
    assert dict(header.fields) == {
        "url": "https://www.harbourherald.example/business/port-strike-ends",
        "outlet": "Harbour Herald", "author": "Maria Lindqvist"}
    assert header.lines == ["", "Dockworkers voted on Wednesday to accept a new contract."]


def test_read_header_stops_at_the_body() -> None:
    lines = ["Officials met on Monday.", "Source: a ministry spokesman said talks went well."]
    assert md.read_header(lines).lines == lines


@pytest.mark.parametrize(("line", "expected"), [
    ("World | November 4, 2025", PartialDate(2025, 11, 4)),
    ("Politics • Published: March 3, 2024", PartialDate(2024, 3, 3)),
    ("Trade talks | November 4, 2025", None),
])
def test_date_line_with_section_labels(line: str, expected: PartialDate | None) -> None:
    found = md.date_line(line)
    assert (found[0] if found else None) == expected


def test_headline_with_a_key_like_prefix_is_not_a_field() -> None:
    header = md.read_header(["Newspaper: Defence minister quits over leaked emails", "",
                             "The minister resigned on Monday."])
    assert header.title == "Newspaper: Defence minister quits over leaked emails"
    assert header.fields == ()


@pytest.mark.parametrize(("line", "expected"), [
    ("http : / / www . harbourherald . com / news / ferry - strike - 4411 . html",
     "http://www.harbourherald.com/news/ferry-strike-4411.html"),
    ("https : //metro.example.org/local/story?id=88&page=2",
     "https://metro.example.org/local/story?id=88&page=2"),
    ("http : / / blog . coastwatch . net / 2013 / 05 / storm _ damage",
     "http://blog.coastwatch.net/2013/05/storm_damage"),
    ("https://www.example.com/world/vote", "https://www.example.com/world/vote"),
    # Words after the URL: a line of text that starts with a link, not a bare URL.
    ("http : / / www . example . com / news Ferry strike ends", None),
    ("Ferry strike ends after talks", None),
    ("http : / / localhost", None),
])
def test_bare_url(line: str, expected: str | None) -> None:
    assert md.bare_url(line) == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("May 03 , 2013", (PartialDate(2013, 5, 3), None)),
    ("Thursday , April 11 , 2013", (PartialDate(2013, 4, 11), None)),
    ("Posted : Monday , June 2 , 2008", (PartialDate(2008, 6, 2), "posted")),
    ("March 22 , 2011 at 4 : 15pm EST", (PartialDate(2011, 3, 22), None)),
    ("Sept . 9 , 2012", (PartialDate(2012, 9, 9), None)),
    ("Police said on Friday , May 3 , 2013 , that two men were held .", None),
])
def test_date_line_tokenised(line: str, expected: tuple[PartialDate, str | None] | None) -> None:
    assert md.date_line(line) == expected


@pytest.mark.parametrize(("lines", "url", "published", "title"), [
    (["http : / / www . harbourherald . com / news / ferry - strike - 4411 . html",
      "May 03 , 2013", "Ferry crews strike over rota changes",
      "Ferry crews walked out on Friday after talks over new rotas failed ."],
     "http://www.harbourherald.com/news/ferry-strike-4411.html", PartialDate(2013, 5, 3),
     "Ferry crews strike over rota changes"),
    (["http : / / www . valleytimes . com / 2011 / 03 / mine - collapse",
      "Thursday , March 24 , 2011", "Three miners trapped after roof collapse",
      "Rescue teams worked through the night to reach three miners ."],
     "http://www.valleytimes.com/2011/03/mine-collapse", PartialDate(2011, 3, 24),
     "Three miners trapped after roof collapse"),
    # The headline may come before the date line.
    (["http : / / sports . example . com / nba / coach - fired", "Bulls fire head coach",
      "November 2 , 2009 at 9 : 40am CST",
      "The Chicago Bulls fired their head coach on Monday after a 1-5 start ."],
     "http://sports.example.com/nba/coach-fired", PartialDate(2009, 11, 2),
     "Bulls fire head coach"),
])
def test_read_header_tokenised_url_date_and_headline(
        lines: list[str], url: str, published: PartialDate, title: str) -> None:
    header = md.read_header(lines)
    assert (header.title, header.published, dict(header.fields)) == (title, published,
                                                                     {"url": url})
    assert ("url", "header") in header.found and ("published", "header") in header.found
    assert header.lines == lines[-1:]


@pytest.mark.parametrize("line", [
    'The crowd shouted at the mayor in French, "resign" and "shame."',
    "The crowd shouted at the mayor in French, “resign” and “shame.”",
    "Crews cleared the road on Monday (the second time this week.)",
])
def test_a_sentence_ending_inside_closing_quotes_is_no_headline(line: str) -> None:
    assert not md.looks_like_headline(line)


def test_a_headline_quoting_words_is_still_a_headline() -> None:
    assert md.looks_like_headline('Mayor shrugs off "resign" chants at city hall')
