"""Per-source extraction: references known only to the month or year still date events."""

from __future__ import annotations

import pytest

from generator import extract
from generator.model import PartialDate
from tests.conftest import make_article

TEXT = ("The Red Sox made an eight-year offer to Mark Teixeira on Thursday, his agent said. "
        "The Red Sox offered Teixeira $160 million on Dec. 2. Talks resume on Jan. 5, the team "
        "said.")


def _dated(reference: PartialDate | None) -> dict[str, str]:
    found = extract.extract(make_article(text=TEXT), reference)
    return {m.text: m.value for m in found.dates}


def test_a_day_reference_resolves_weekdays_and_yearless_days() -> None:
    values = _dated(PartialDate(2008, 12, 16))
    assert values["Thursday"] == "2008-12-11"
    assert values["Dec. 2"] == "2008-12-02"


@pytest.mark.parametrize(("reference", "dec_2", "jan_5"), [
    (PartialDate(2008, 12), "2008-12-02", "2009-01-05"),
    (PartialDate(2009, 1), "2008-12-02", "2009-01-05"),
    (PartialDate(2008), "2008-12-02", "2008-01-05"),
])
def test_a_month_or_year_reference_places_yearless_days_but_not_weekdays(
        reference: PartialDate, dec_2: str, jan_5: str) -> None:
    values = _dated(reference)
    assert values["Thursday"].startswith("XXXX")  # "Thursday" needs the day
    assert (values["Dec. 2"], values["Jan. 5"]) == (dec_2, jan_5)


def test_a_month_reference_gives_timeline_events() -> None:
    found = extract.extract(make_article(text=TEXT), PartialDate(2008, 12))
    assert PartialDate(2008, 12, 2) in {e.date for e in found.events}


def test_without_a_reference_yearless_days_stay_unplaced() -> None:
    values = _dated(None)
    assert values["Dec. 2"] == "XXXX-12-02"
