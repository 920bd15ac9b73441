"""Public entry point kept for outside callers: ``find_dates`` lives in ``generator.timex``."""

from generator.timex import find_dates

__all__ = ["find_dates"]
