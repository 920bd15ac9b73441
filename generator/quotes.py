"""Public entry point kept for outside callers; ``find_quotes`` lives in ``extract.quotes``."""

from generator.extract.quotes import find_quotes

__all__ = ["find_quotes"]
