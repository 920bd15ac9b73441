"""Find direct quotations and their speakers.

PLACEHOLDER owned by the quotes work: keeps the public signature ``find_quotes``.
"""

from __future__ import annotations

import re

from generator.model import Quote

_QUOTE = re.compile(r"“([^”]{20,})”")


def find_quotes(text: str) -> list[Quote]:
    """Every curly-quoted passage (first version, no speakers)."""
    return [Quote(m.start(1), m.end(1), m.group(1)) for m in _QUOTE.finditer(text)]
