"""Find temporal expressions and normalise them to TIMEX3 values.

PLACEHOLDER owned by the dates work: keeps the public signature ``find_dates``.
"""

from __future__ import annotations

import datetime as dt
import re

from generator.model import DateMention

_ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def find_dates(text: str, reference: dt.date | None = None) -> list[DateMention]:
    """Every ISO date in ``text`` (first version)."""
    return [DateMention(m.start(), m.end(), m.group(), m.group()) for m in _ISO.finditer(text)]
